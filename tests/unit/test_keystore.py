"""The key file: wrapping the data key per user, lockout, the recovery key, tampering and corruption."""

from __future__ import annotations

import json
import secrets
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from simoncer_desktop.errors import AuthError
from simoncer_desktop.security import keystore
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services import auth

NOW = datetime(2026, 11, 25, 8, 0)
PASSWORD = "rahasia-admin-1"

pytestmark = pytest.mark.usefixtures("cheap_argon2")


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "simoncer.sqlite3"


@pytest.fixture
def saved(db_file: Path) -> tuple[bytes, str]:
    """A saved key store with user 'admin' and the recovery key: (data key, recovery text)."""
    store, key, recovery = KeyStore.create(db_file)
    store.add_wrap("admin", PASSWORD, key)
    store.save()
    return key, recovery


def test_create_save_load_and_unlock_round_trip(db_file: Path, saved: tuple[bytes, str]) -> None:
    key, _ = saved
    assert KeyStore.path_for(db_file) == db_file.with_name("simoncer.sqlite3.keys")
    assert KeyStore.exists(db_file)
    assert len(key) == 32
    store = KeyStore.load(db_file)
    assert store.has_wrap("ADMIN ") and not store.has_wrap("budi")
    assert store.unlock(" Admin", PASSWORD, now=NOW) == key
    text = store.path.read_text(encoding="utf-8")
    assert key.hex() not in text and PASSWORD not in text
    data = json.loads(text)
    wrap = data["wraps"]["admin"]
    # the parameters in force are stored with each wrap
    assert (wrap["kdf"], wrap["time_cost"], wrap["memory_cost_kib"], wrap["parallelism"]) == ("argon2id", 1, 8, 1)
    assert data["policy"] == {"max_attempts": 5, "lock_minutes": 15}


def test_nothing_is_written_before_save(db_file: Path) -> None:
    KeyStore.create(db_file)
    assert not KeyStore.exists(db_file)


def test_a_wrap_made_with_old_parameters_still_opens(
    db_file: Path, saved: tuple[bytes, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key, _ = saved
    monkeypatch.setattr(auth, "TIME_COST", 2)
    monkeypatch.setattr(auth, "MEMORY_COST_KIB", 16)
    assert KeyStore.load(db_file).unlock("admin", PASSWORD, now=NOW) == key


def test_wrong_password_counts_and_says_how_many_tries_are_left(db_file: Path, saved: tuple[bytes, str]) -> None:
    store = KeyStore.load(db_file)
    with pytest.raises(AuthError) as err:
        store.unlock("admin", "salah-sekali", now=NOW)
    assert str(err.value) == f"{auth.WRONG_CREDENTIALS} Sisa 4 kali percobaan."
    # the failure was saved at once (a restart does not reset the counter)
    with pytest.raises(AuthError, match="Sisa 3 kali"):
        KeyStore.load(db_file).unlock("admin", "salah-lagi", now=NOW)


def test_lockout_after_five_failures_and_unlock_after_the_lock_runs_out(
    db_file: Path, saved: tuple[bytes, str]
) -> None:
    key, _ = saved
    store = KeyStore.load(db_file)
    for _ in range(4):
        with pytest.raises(AuthError, match="Sisa"):
            store.unlock("admin", "salah-sekali", now=NOW)
    with pytest.raises(AuthError, match="dikunci selama 15 menit"):
        store.unlock("admin", "salah-sekali", now=NOW)
    # locked: even the right password is refused, from the saved file too
    later = NOW + timedelta(minutes=5)
    with pytest.raises(AuthError, match=r"terkunci .* Coba lagi 10 menit lagi\."):
        KeyStore.load(db_file).unlock("admin", PASSWORD, now=later)
    # after the lock: a fresh series, and the right password works
    after = NOW + timedelta(minutes=15, seconds=1)
    assert KeyStore.load(db_file).unlock("admin", PASSWORD, now=after) == key
    with pytest.raises(AuthError, match="Sisa 4 kali"):
        KeyStore.load(db_file).unlock("admin", "salah-sekali", now=after)


def test_success_resets_the_counter(db_file: Path, saved: tuple[bytes, str]) -> None:
    store = KeyStore.load(db_file)
    for _ in range(3):
        with pytest.raises(AuthError):
            store.unlock("admin", "salah-sekali", now=NOW)
    store.unlock("admin", PASSWORD, now=NOW)
    with pytest.raises(AuthError, match="Sisa 4 kali"):
        KeyStore.load(db_file).unlock("admin", "salah-sekali", now=NOW)


def test_policy_is_configurable(db_file: Path, saved: tuple[bytes, str]) -> None:
    store = KeyStore.load(db_file)
    store.set_policy(2, 30)
    store.save()
    store = KeyStore.load(db_file)
    with pytest.raises(AuthError, match="Sisa 1 kali"):
        store.unlock("admin", "salah-sekali", now=NOW)
    with pytest.raises(AuthError, match="dikunci selama 30 menit"):
        store.unlock("admin", "salah-sekali", now=NOW)


def test_unknown_user_gets_the_same_message_and_costs_a_derivation(
    db_file: Path, saved: tuple[bytes, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = KeyStore.load(db_file)
    calls: list[bytes] = []
    real = keystore._derive

    def counting(secret: bytes, salt: bytes, params: dict[str, int]) -> bytes:
        calls.append(salt)
        return real(secret, salt, params)

    monkeypatch.setattr(keystore, "_derive", counting)
    messages = []
    for name in ("admin", "tidak-ada"):
        with pytest.raises(AuthError) as err:
            store.unlock(name, "salah-sekali", now=NOW)
        messages.append(str(err.value))
    assert messages[0] == messages[1] == f"{auth.WRONG_CREDENTIALS} Sisa 4 kali percobaan."
    assert len(calls) == 2  # one argon2 derivation each
    # mistyped names are not kept in clear in the file
    assert "tidak-ada" not in store.path.read_text(encoding="utf-8")


def test_a_known_user_without_a_wrap_is_told_to_log_in_online_first(db_file: Path, saved: tuple[bytes, str]) -> None:
    store = KeyStore.load(db_file)
    store.set_known_users(["admin", "budi"])
    store.save()
    with pytest.raises(AuthError, match=r"Akun 'budi' belum pernah masuk di laptop ini.*terhubung.*administrator"):
        KeyStore.load(db_file).unlock("budi", "apa-saja-123", now=NOW)


def test_recovery_key_unlocks_with_dashes_spaces_and_lowercase(db_file: Path, saved: tuple[bytes, str]) -> None:
    key, recovery = saved
    groups = recovery.split("-")
    assert len(groups) == 13 and all(len(g) == 4 for g in groups)
    store = KeyStore.load(db_file)
    assert store.unlock_with_recovery(recovery) == key
    assert store.unlock_with_recovery(recovery.lower()) == key
    assert store.unlock_with_recovery(" " + recovery.replace("-", " ").lower() + "\n") == key
    assert store.unlock_with_recovery(recovery.replace("-", "")) == key


def test_wrong_or_malformed_recovery_key_is_refused(db_file: Path, saved: tuple[bytes, str]) -> None:
    store = KeyStore.load(db_file)
    other = keystore.format_recovery_key(secrets.token_bytes(32))
    with pytest.raises(AuthError, match="Kunci pemulihan salah"):
        store.unlock_with_recovery(other)
    with pytest.raises(AuthError, match="harus 52 huruf"):
        store.unlock_with_recovery("ABCD-EFGH")
    with pytest.raises(AuthError, match="A–Z dan angka 2–7"):
        store.unlock_with_recovery("1" * 52)


def test_replacing_and_removing_wraps(db_file: Path, saved: tuple[bytes, str]) -> None:
    key, _ = saved
    store = KeyStore.load(db_file)
    store.add_wrap("admin", "kata-sandi-baru", key)
    store.add_wrap("budi", "sandi-budi-123", key)
    store.save()
    store = KeyStore.load(db_file)
    with pytest.raises(AuthError, match="salah"):
        store.unlock("admin", PASSWORD, now=NOW)
    assert store.unlock("admin", "kata-sandi-baru", now=NOW) == key
    assert store.unlock("budi", "sandi-budi-123", now=NOW) == key
    store.remove_wrap("budi")
    store.save()
    assert not KeyStore.load(db_file).has_wrap("budi")


def test_a_wrap_does_not_open_for_another_name_or_database(db_file: Path, saved: tuple[bytes, str]) -> None:
    data = json.loads(KeyStore.path_for(db_file).read_text(encoding="utf-8"))
    data["wraps"]["budi"] = data["wraps"]["admin"]  # copied to another name: the associated data differs
    KeyStore.path_for(db_file).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AuthError, match="salah"):
        KeyStore.load(db_file).unlock("budi", PASSWORD, now=NOW)
    data["database_id"] = "11111111-2222-4333-8444-555555555555"  # another database id
    KeyStore.path_for(db_file).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AuthError, match="salah"):
        KeyStore.load(db_file).unlock("admin", PASSWORD, now=NOW)


def test_tampered_ciphertext_is_refused(db_file: Path, saved: tuple[bytes, str]) -> None:
    path = KeyStore.path_for(db_file)
    data = json.loads(path.read_text(encoding="utf-8"))
    raw = bytearray(keystore._unb64(data["wraps"]["admin"]["ciphertext"]))
    raw[0] ^= 0x01
    data["wraps"]["admin"]["ciphertext"] = keystore._b64(bytes(raw))
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AuthError, match="salah"):
        KeyStore.load(db_file).unlock("admin", PASSWORD, now=NOW)


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"format": 1}', '{"format": 99, "database_id": "x"}', "", "[]"],
)
def test_corrupt_key_file_is_refused_naming_the_path(db_file: Path, saved: tuple[bytes, str], content: str) -> None:
    path = KeyStore.path_for(db_file)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AuthError, match="rusak") as err:
        KeyStore.load(db_file)
    assert str(path) in str(err.value)


def test_corrupt_wrap_fields_are_refused(db_file: Path, saved: tuple[bytes, str]) -> None:
    path = KeyStore.path_for(db_file)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["wraps"]["admin"]["salt"] = "!!!not base64!!!"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AuthError, match="rusak"):
        KeyStore.load(db_file)


def test_missing_key_file_names_the_path(db_file: Path) -> None:
    with pytest.raises(AuthError, match="tidak ditemukan") as err:
        KeyStore.load(db_file)
    assert str(KeyStore.path_for(db_file)) in str(err.value)


def test_save_is_atomic_and_leaves_no_temporary_files(db_file: Path, saved: tuple[bytes, str]) -> None:
    store = KeyStore.load(db_file)
    store.set_policy(3, 10)
    store.save()
    assert sorted(p.name for p in db_file.parent.iterdir()) == ["simoncer.sqlite3.keys"]
