"""The database file encrypted with SQLCipher (``sqlcipher3-wheels``): engine, raw connections, conversion.

The recipe measured in ``docs/encryption-spike.md``: the pysqlite dialect over the ``sqlcipher3`` DB-API
module with our own connection creator, so the pool stays a QueuePool. Every connection first gets the
raw 32-byte data key (``PRAGMA key = "x'…'"``: no key derivation per open), then
``cipher_memory_security = OFF`` (ON makes writes about 8x slower) and a read of ``sqlite_master``, which
is where a wrong key shows up ("file is not a database"). The usual pragmas of ``db.make_engine`` follow.

Memory: SQLCipher pays for page decryption on every cache miss, so the page cache per connection is
larger than the plain engine's (``ENCRYPTED_CACHE_KIB``, 128 MiB, half of what the spike measured as
best), and the pool is capped (``POOL_SIZE`` + ``MAX_OVERFLOW`` connections). The cache only grows with
the pages a connection really reads; a desktop session uses one or two connections at a time.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine

from simoncer_desktop.db import apply_pragmas
from simoncer_desktop.errors import AuthError, SimoncerError
from simoncer_desktop.translation import translate

KEY_BYTES = 32
PLAIN_HEADER = b"SQLite format 3\x00"
ENCRYPTED_CACHE_KIB = 128 * 1024
POOL_SIZE = 4
MAX_OVERFLOW = 4
CONVERTING_SUFFIX = ".encrypting"

SqlcipherConnection = sqlcipher.Connection


def _key_pragma(key: bytes) -> str:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ValueError(f"the data key must be {KEY_BYTES} bytes")
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def is_encrypted(path: Path | str) -> bool:
    """True when ``path`` is a non-empty file that is not a plain SQLite database (SQLCipher files have
    no readable header). A missing or empty file is not encrypted (it is a new database)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != PLAIN_HEADER


def wrong_key_error(path: Path | str) -> AuthError:
    if Path(path).exists() and not is_encrypted(path):
        return AuthError(
            translate(
                "security",
                "Berkas database {path} belum terenkripsi (dibuat sebelum "
                "versi ini) dan harus dienkripsi dulu melalui penyiapan awal.",
            ).format(path=path)
        )
    return AuthError(
        translate(
            "security", "Berkas database {path} tidak dapat dibuka: kunci salah atau berkas bukan database Simoncer."
        ).format(path=path)
    )


def _open(target: str, key: bytes, path: Path | str, *, uri: bool = False) -> SqlcipherConnection:
    """A sqlcipher3 connection with the key applied and checked (a wrong key raises AuthError)."""
    pragma_key = _key_pragma(key)
    con = sqlcipher.connect(target, check_same_thread=False, uri=uri)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")  # no "ERROR CORE …" lines on stderr for a wrong key
        con.execute(pragma_key)
        con.execute("PRAGMA cipher_memory_security = OFF")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        con.close()
        raise wrong_key_error(path) from exc
    return con


def connect(db_path: Path | str, key: bytes, *, read_only: bool = False) -> SqlcipherConnection:
    """A raw sqlcipher3 connection to the encrypted file (backup API, benchmarks, checks).

    A new file is created encrypted with ``key`` unless ``read_only``. The caller closes it."""
    path = Path(db_path)
    if read_only:
        return _open(f"{path.resolve().as_uri()}?mode=ro", key, path, uri=True)
    return _open(str(path), key, path)


def make_encrypted_engine(db_path: Path | str, key: bytes) -> Engine:
    """A SQLAlchemy engine on the encrypted file; a wrong key raises AuthError at the first connection."""
    path = Path(db_path)
    _key_pragma(key)  # a malformed key fails here, not inside the pool

    def creator() -> SqlcipherConnection:
        con = _open(str(path), key, path)
        apply_pragmas(con, ENCRYPTED_CACHE_KIB)
        return con

    return create_engine(
        f"sqlite+pysqlite:///{path}",
        module=sqlcipher,
        creator=creator,
        pool_size=POOL_SIZE,
        max_overflow=MAX_OVERFLOW,
    )


def check_key(db_path: Path | str, key: bytes) -> None:
    """Raise AuthError unless ``key`` opens the existing file ``db_path``."""
    connect(db_path, key, read_only=True).close()


def copy_database(source: Path | str, target: Path | str, key: bytes) -> None:
    """Copy an encrypted database with SQLite's online backup (safe with WAL), encrypted with the same key."""
    src = connect(source, key, read_only=True)
    try:
        dst = connect(target, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _sidecars(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def encrypt_plain_database(plain_path: Path | str, key: bytes) -> None:
    """Convert an unencrypted database (made before this release) into an encrypted one, in place.

    ``sqlcipher_export`` writes an encrypted copy next to it, ``user_version`` is carried over and WAL
    is switched on, then the copy replaces the original (``os.replace``: the file is either the old plain
    one or the complete encrypted one) and the plain file's -wal/-shm are removed."""
    path = Path(plain_path)
    if not path.exists():
        raise SimoncerError(translate("security", "Berkas database {path} tidak ditemukan.").format(path=path))
    if is_encrypted(path):
        raise SimoncerError(translate("security", "Berkas database {path} sudah terenkripsi.").format(path=path))
    pragma_key = _key_pragma(key)
    temp = path.with_name(path.name + CONVERTING_SUFFIX)
    for leftover in (temp, *_sidecars(temp)):
        _remove_quietly(leftover)
    key_literal = pragma_key.split("=", 1)[1].strip()
    plain = sqlcipher.connect(str(path))  # no key: sqlcipher reads plain SQLite files
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        user_version = int(plain.execute("PRAGMA user_version").fetchone()[0])
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY {key_literal}", (str(temp),))
        plain.execute("SELECT sqlcipher_export('encrypted')").fetchall()
        plain.execute(f"PRAGMA encrypted.user_version = {user_version}")
        plain.commit()
        plain.execute("DETACH DATABASE encrypted")
    except BaseException:
        plain.close()
        for leftover in (temp, *_sidecars(temp)):
            _remove_quietly(leftover)
        raise
    plain.close()
    encrypted = _open(str(temp), key, temp)
    try:
        encrypted.execute("PRAGMA journal_mode=WAL").fetchall()  # the export comes out in DELETE mode
    finally:
        encrypted.close()
    _fsync(temp)
    os.replace(temp, path)
    for sidecar in _sidecars(path):
        _remove_quietly(sidecar)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
