"""The encrypted database file: no plaintext on disk, unreadable without the key, conversion of plain files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from simoncer_desktop.db import make_engine
from simoncer_desktop.errors import AuthError, SimoncerError
from simoncer_desktop.migrate import head_revision, run_alembic
from simoncer_desktop.security import engine as encrypted
from simoncer_desktop.services import caseload, caseload_query
from simoncer_desktop.store import FILE_KEY, Database, open_database
from tests.factories import family
from tests.keys import TEST_ADMIN, TEST_KEY

NAME = "Siti Nurhaliza"
OTHER_KEY = bytes(32)


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _nik_and_name(db: Database) -> tuple[str, str]:
    data, members = family()
    with db.transaction() as s:
        caseload.create_household(s, data, members)
    return members[0].nik, NAME


def test_main_file_and_wal_hold_no_plaintext(db: Database, db_path: Path) -> None:
    nik, name = _nik_and_name(db)
    wal = _sidecar(db_path, "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the write is (at least partly) in the WAL
    for path in (db_path, wal, _sidecar(db_path, "-shm")):
        raw = path.read_bytes() if path.exists() else b""
        assert nik.encode() not in raw, path.name
        assert name.encode() not in raw and name.encode("utf-16-le") not in raw, path.name
        assert b"SQLite format 3" not in raw[:100], path.name
    db.close()
    raw = db_path.read_bytes()  # after the checkpoint on close everything is in the main file
    assert nik.encode() not in raw and name.encode() not in raw
    # the data is there for whoever has the key
    again = open_database(db_path, TEST_KEY, identity=TEST_ADMIN)
    with again.read() as s:
        keys = caseload_query.search_keys(s, caseload_query.CaseloadFilter(text="nurhaliza"))
        assert caseload_query.load_rows(s, keys)[0].recipient_name == name
    again.close()


def test_stdlib_sqlite_cannot_read_the_file(db: Database, db_path: Path) -> None:
    _nik_and_name(db)
    db.close()
    assert encrypted.is_encrypted(db_path)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_wrong_key_is_an_auth_error_naming_the_file(db: Database, db_path: Path) -> None:
    db.close()
    with pytest.raises(AuthError, match="kunci salah") as err:
        open_database(db_path, OTHER_KEY)
    assert str(db_path) in str(err.value)
    with pytest.raises(AuthError, match="kunci salah"):
        encrypted.connect(db_path, OTHER_KEY)
    with pytest.raises(AuthError):
        encrypted.check_key(db_path, OTHER_KEY)
    encrypted.check_key(db_path, TEST_KEY)


def test_wrong_key_prints_nothing_on_stderr(db: Database, db_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    db.close()
    with pytest.raises(AuthError):
        encrypted.connect(db_path, OTHER_KEY)
    assert "ERROR CORE" not in capfd.readouterr().err


def test_a_malformed_key_is_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        encrypted.make_encrypted_engine("x.sqlite3", b"short")


def test_sessions_carry_the_file_key_and_the_pragmas(db: Database) -> None:
    assert db.key == TEST_KEY
    assert TEST_KEY.hex() not in repr(db)
    with db.read() as s:
        assert s.info[FILE_KEY] == TEST_KEY
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA cache_size")).scalar() == -encrypted.ENCRYPTED_CACHE_KIB
        assert s.execute(text("PRAGMA cipher_memory_security")).scalar() in (0, "0")
    db.sign_out()
    with db.read() as s:
        assert s.info[FILE_KEY] == TEST_KEY


def test_raw_connection_and_online_copy(db: Database, db_path: Path, tmp_path: Path) -> None:
    nik, _ = _nik_and_name(db)
    copy = tmp_path / "copy.sqlite3"
    encrypted.copy_database(db_path, copy, TEST_KEY)
    assert encrypted.is_encrypted(copy) and nik.encode() not in copy.read_bytes()
    conn = encrypted.connect(copy, TEST_KEY, read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM member WHERE nik = ?", (nik,)).fetchone() == (1,)
    finally:
        conn.close()


def _plain_database(path: Path) -> None:
    """A database as made before this release: plain SQLite, at head, with one family."""
    engine = make_engine(path)
    run_alembic(engine, "upgrade", "head")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO app_state(key, value) VALUES ('marker', 'Siti Nurhaliza 3271')")
        conn.exec_driver_sql("PRAGMA user_version = 7")
    engine.dispose()


def test_encrypt_plain_database_keeps_data_revision_and_user_version(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite3"
    _plain_database(path)
    assert not encrypted.is_encrypted(path)
    with pytest.raises(AuthError, match="belum terenkripsi"):
        encrypted.connect(path, TEST_KEY)

    encrypted.encrypt_plain_database(path, TEST_KEY)

    assert encrypted.is_encrypted(path)
    assert b"Siti Nurhaliza" not in path.read_bytes()
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == ["lama.sqlite3"]  # no temporary copy, no plain -wal/-shm
    conn = encrypted.connect(path, TEST_KEY)
    try:
        assert conn.execute("SELECT value FROM app_state WHERE key='marker'").fetchone() == ("Siti Nurhaliza 3271",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        assert conn.execute("PRAGMA user_version").fetchone() == (7,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn.close()
    db = open_database(path, TEST_KEY)
    assert db.migration.backup is None and db.migration.from_revision == head_revision()
    db.close()


def test_encrypt_refuses_an_encrypted_or_missing_file(db: Database, db_path: Path, tmp_path: Path) -> None:
    db.close()
    with pytest.raises(SimoncerError, match="sudah terenkripsi"):
        encrypted.encrypt_plain_database(db_path, TEST_KEY)
    with pytest.raises(SimoncerError, match="tidak ditemukan"):
        encrypted.encrypt_plain_database(tmp_path / "tidak-ada.sqlite3", TEST_KEY)


def test_is_encrypted_on_missing_and_empty_files(tmp_path: Path) -> None:
    assert not encrypted.is_encrypted(tmp_path / "tidak-ada.sqlite3")
    (tmp_path / "kosong.sqlite3").write_bytes(b"")
    assert not encrypted.is_encrypted(tmp_path / "kosong.sqlite3")
