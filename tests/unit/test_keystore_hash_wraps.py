"""Hash wraps in the key file: the data key wrapped under a key derived from a synced argon2id hash, opened
by the password; wrong passwords count towards the lock; the digest never reaches the key file."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from simoncer_desktop.errors import AuthError
from simoncer_desktop.security.keystore import HASH_KDF, KeyStore, PhcHash
from simoncer_desktop.services import auth

NOW = datetime(2026, 11, 25, 8, 0)
PASSWORD = "pendamping-rahasia-1"

pytestmark = pytest.mark.usefixtures("cheap_argon2")


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "simoncer.sqlite3"


def phc(password: str = PASSWORD) -> PhcHash:
    parsed = PhcHash.parse(auth.hash_password(password))
    assert parsed is not None
    return parsed


def test_a_phc_string_is_taken_apart_and_anything_else_is_not() -> None:
    text = auth.hash_password(PASSWORD)
    parsed = PhcHash.parse(text)
    assert parsed is not None
    assert parsed.params == {"time_cost": 1, "memory_cost_kib": 8, "parallelism": 1, "version": 19}
    assert base64.b64encode(parsed.salt).decode().rstrip("=") == text.split("$")[4]
    for bad in (None, "", "bcrypt$x", text.replace("argon2id", "argon2i"), text.rsplit("$", 1)[0], text + "!"):
        assert PhcHash.parse(bad) is None


def test_round_trip_with_the_password_and_nothing_secret_in_the_file(db_file: Path) -> None:
    store, key, _ = KeyStore.create(db_file)
    synced = phc()
    store.add_hash_wrap("Pendamping", synced, key)
    store.save()
    text = KeyStore.path_for(db_file).read_text(encoding="utf-8")
    data = json.loads(text)
    wrap = data["hash_wraps"]["pendamping"]
    assert wrap["kdf"] == HASH_KDF and "pendamping" not in data["wraps"]
    assert base64.b64decode(wrap["salt"]) == synced.salt  # the PHC's salt and parameters are stored …
    assert (wrap["time_cost"], wrap["memory_cost_kib"], wrap["parallelism"], wrap["hash_len"]) == (1, 8, 1, 32)
    for secret in (synced.digest, key):  # … but never the digest nor the key
        assert base64.b64encode(secret).decode() not in text and secret.hex() not in text
    loaded = KeyStore.load(db_file)
    assert loaded.has_wrap("pendamping") and loaded.has_current_hash_wrap("pendamping", synced)
    assert loaded.unlock("pendamping", PASSWORD, now=NOW) == key
    assert "pendamping" in loaded.known_users


def test_a_hash_wrap_is_bound_to_its_database_and_name(db_file: Path, tmp_path: Path) -> None:
    store, key, _ = KeyStore.create(db_file)
    store.add_hash_wrap("pendamping", phc(), key)
    other, _, _ = KeyStore.create(tmp_path / "lain.sqlite3")
    other.hash_wraps["pendamping"] = store.hash_wraps["pendamping"]  # copied to another key file
    other.hash_wraps["budi"] = store.hash_wraps["pendamping"]
    with pytest.raises(AuthError, match="salah"):
        other.unlock("pendamping", PASSWORD, now=NOW)
    store.hash_wraps["budi"] = store.hash_wraps["pendamping"]  # copied to another name
    with pytest.raises(AuthError, match="salah"):
        store.unlock("budi", PASSWORD, now=NOW)


def test_wrong_passwords_count_and_lock_like_password_wraps(db_file: Path) -> None:
    store, key, _ = KeyStore.create(db_file)
    store.add_hash_wrap("pendamping", phc(), key)
    store.save()
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthError, match=f"Sisa {left} kali"):
            KeyStore.load(db_file).unlock("pendamping", "salah-sekali", now=NOW)
    with pytest.raises(AuthError, match="dikunci selama 15 menit"):
        KeyStore.load(db_file).unlock("pendamping", "salah-sekali", now=NOW)
    with pytest.raises(AuthError, match="terkunci"):
        KeyStore.load(db_file).unlock("pendamping", PASSWORD, now=NOW + timedelta(minutes=1))
    assert KeyStore.load(db_file).unlock("pendamping", PASSWORD, now=NOW + timedelta(minutes=16)) == key


def test_a_new_hash_replaces_the_wrap_and_one_name_has_one_wrap(db_file: Path) -> None:
    store, key, _ = KeyStore.create(db_file)
    old = phc()
    store.add_hash_wrap("pendamping", old, key)
    changed = phc("kata-sandi-baru-2")
    assert not store.has_current_hash_wrap("pendamping", changed)  # a new salt: the wrap is not current
    store.add_hash_wrap("pendamping", changed, key)
    assert store.has_current_hash_wrap("pendamping", changed) and not store.has_current_hash_wrap("pendamping", old)
    with pytest.raises(AuthError, match="salah"):
        store.unlock("pendamping", PASSWORD, now=NOW)
    assert store.unlock("pendamping", "kata-sandi-baru-2", now=NOW) == key
    store.add_wrap("pendamping", "lokal-sandi-3", key)  # a password set here replaces the hash wrap
    assert "pendamping" not in store.hash_wraps and store.unlock("pendamping", "lokal-sandi-3", now=NOW) == key
    store.add_hash_wrap("pendamping", changed, key)  # and a synced hash replaces the password wrap
    assert "pendamping" not in store.wraps
    store.remove_wrap("pendamping")
    assert not store.has_wrap("pendamping")
    with pytest.raises(AuthError, match="belum pernah masuk di laptop ini"):
        store.unlock("pendamping", "kata-sandi-baru-2", now=NOW)


def test_a_key_file_without_hash_wraps_still_loads(db_file: Path) -> None:
    store, key, _ = KeyStore.create(db_file)
    store.add_wrap("admin", "rahasia-admin-1", key)
    store.save()
    path = KeyStore.path_for(db_file)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["hash_wraps"]  # a key file written before hash wraps existed
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = KeyStore.load(db_file)
    assert loaded.hash_wraps == {} and loaded.unlock("admin", "rahasia-admin-1", now=NOW) == key
