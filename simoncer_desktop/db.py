"""Engine and sessions. The engine is made inside ``main()`` (never at import)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

PLAIN_CACHE_KIB = 32000


def apply_pragmas(dbapi_connection: sqlite3.Connection, cache_kib: int = PLAIN_CACHE_KIB) -> None:
    """WAL, synchronous=NORMAL, foreign keys, a busy timeout and the page cache, on one connection.

    Shared by the plain engine below and the encrypted one (``security.engine``, a sqlcipher3
    connection with the same DB-API shape)."""
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute(f"PRAGMA cache_size=-{int(cache_kib)}")
    cur.close()


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    apply_pragmas(dbapi_connection)


def make_engine(db_path: Path | str) -> Engine:
    """A plain (unencrypted) SQLite engine with WAL, foreign keys and a busy timeout on every connection.

    The app opens its database encrypted (``security.engine.make_encrypted_engine``); this one is
    for tools and tests that work on plain files."""
    engine = create_engine(f"sqlite+pysqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, future=True)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One user action = one transaction: commit on success, roll back everything on any error."""
    session = factory()
    try:
        with session.begin():
            yield session
    finally:
        session.close()
