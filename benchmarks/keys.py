"""The fixed data key and administrator the benchmarks open their (encrypted) databases with.

Since issue 7 every database file is encrypted with SQLCipher; the benchmarks measure that, and their
raw baselines read the same encrypted files through ``sqlcipher3`` with the same key (so a baseline
pays the same page decryption as the app)."""

from __future__ import annotations

from pathlib import Path

from simoncer_desktop.models.enums import Role
from simoncer_desktop.security.engine import SqlcipherConnection, connect
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database, open_database

BENCH_KEY = bytes(range(0xA0, 0xC0))
"""32 fixed bytes: not a secret, the benchmark data sets are synthetic."""

BENCH_ADMIN = Identity(
    user_id="00000000-0000-7000-8000-0000000000be",
    username="benchmark",
    full_name="Benchmark",
    role=Role.ADMIN,
    scope="*",
)

BENCH_PASSWORD = "benchmark-sandi"
"""The password of BENCH_ADMIN in the key file, for the start-up figure (the window signs in)."""

ENCRYPTION_NOTE = (
    "database encrypted at rest (SQLCipher 4, raw 256-bit key, cipher_memory_security off); "
    "raw baselines read the same encrypted file through sqlcipher3"
)


def open_bench_database(path: Path | str) -> Database:
    return open_database(Path(path), BENCH_KEY, identity=BENCH_ADMIN)


def raw_connect(path: Path | str, read_only: bool = False) -> SqlcipherConnection:
    """A raw DB-API connection to an encrypted benchmark database (the baselines' "raw sqlite3")."""
    return connect(path, BENCH_KEY, read_only=read_only)


def ensure_login(path: Path | str) -> None:
    """Give a benchmark data set a real administrator and a key file (real argon2 parameters), so the
    window can sign in as it does for users: the start-up figure includes that login. Idempotent."""
    from simoncer_desktop.security.keystore import KeyStore
    from simoncer_desktop.services import auth

    path = Path(path)
    if KeyStore.exists(path):
        return
    database = open_database(path, BENCH_KEY)
    try:
        with database.transaction() as session:
            if not auth.has_users(session):
                auth.create_first_admin(session, BENCH_ADMIN.username, BENCH_ADMIN.full_name, BENCH_PASSWORD)
    finally:
        database.close()
    store, _, _ = KeyStore.create(path)
    store.set_recovery_key(BENCH_KEY)
    store.add_wrap(BENCH_ADMIN.username, BENCH_PASSWORD, BENCH_KEY)
    store.set_known_users([BENCH_ADMIN.username])
    store.save()
