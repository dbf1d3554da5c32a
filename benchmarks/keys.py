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

ENCRYPTION_NOTE = (
    "database encrypted at rest (SQLCipher 4, raw 256-bit key, cipher_memory_security off); "
    "raw baselines read the same encrypted file through sqlcipher3"
)


def open_bench_database(path: Path | str) -> Database:
    return open_database(Path(path), BENCH_KEY, identity=BENCH_ADMIN)


def raw_connect(path: Path | str, read_only: bool = False) -> SqlcipherConnection:
    """A raw DB-API connection to an encrypted benchmark database (the baselines' "raw sqlite3")."""
    return connect(path, BENCH_KEY, read_only=read_only)
