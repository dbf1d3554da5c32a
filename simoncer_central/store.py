"""The central database: an engine for ``--db URL`` (``postgresql+psycopg://…`` in production,
``sqlite:///…`` as the embedded default), sessions, and the central Alembic chain run programmatically
(as ``simoncer_desktop.migrate`` does for the desktop), recorded in ``alembic_version_central``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from simoncer_central import __version__
from simoncer_central.errors import SchemaTooNewError
from simoncer_desktop.alembic_chain import MigrationChain

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version_central"
"""Not Alembic's default name, so a central schema can never be mistaken for a desktop one (or the reverse)
if both ever share a database."""


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3 here: it is the driver this service installs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


CHAIN = MigrationChain(MIGRATIONS_DIR, VERSION_TABLE)


def alembic_config() -> Config:
    return CHAIN.config()


def head_revision() -> str:
    return CHAIN.head()


def known_revisions() -> set[str]:
    return CHAIN.known()


def current_revision(engine: Engine) -> str | None:
    return CHAIN.current(engine)


def run_alembic(engine: Engine, verb: str, target: str) -> None:
    CHAIN.run(engine, verb, target)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the driver's own BEGIN handling off: see _sqlite_begin
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a power cut loses at most the last commits
    finally:
        cursor.close()


def _sqlite_begin(conn: Any) -> None:
    """Every SQLite transaction is a real one that takes the write lock up front (``BEGIN IMMEDIATE``).
    The sqlite3 module on its own begins only at the first write, so what a request read before it was
    not isolated from other writers; a read-then-write (enrollment now, last-writer-wins in push later)
    must see a stable state. Concurrent requests wait their turn (busy_timeout) instead of failing, which
    suits the embedded default; production runs on PostgreSQL."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_central_engine(url: str) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


@dataclass
class CentralDb:
    """The open central database. ``upgrade()`` is explicit: the ``serve`` command and tests call it; a
    second worker process must not race a migration."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages and logs."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def upgrade(self) -> str:
        """Bring the schema to head; returns the head revision. A database migrated by a newer version of
        the service is refused untouched."""
        head = head_revision()
        current = current_revision(self.engine)
        if current == head:
            return head
        if current is not None and current not in known_revisions():
            raise SchemaTooNewError(
                f"Database pusat {self.display_url} dibuat oleh versi Simoncer Central yang lebih baru "
                f"(skema {current}; versi {__version__} ini mengenal sampai {head}). Perbarui layanan; "
                "database tidak diubah."
            )
        run_alembic(self.engine, "upgrade", "head")
        log.info("Central database migrated %s -> %s", current, head)
        return head

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session committed at the end of the block, rolled back on an exception."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_central(url: str) -> CentralDb:
    """Open (not migrate) the central database at ``url``. Objects stay readable after commit
    (``expire_on_commit=False``): endpoints hand a loaded ``Device`` from the auth transaction onwards."""
    engine = make_central_engine(url)
    return CentralDb(url=normalise_url(url), engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
