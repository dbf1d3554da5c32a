"""Open a database file ready for use: engine, migrations (with backup), reference data."""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from simoncer_desktop.db import make_engine, make_session_factory, transaction
from simoncer_desktop.migrate import MigrationResult, upgrade_to_head
from simoncer_desktop.services.reference import ensure_reference_data

log = logging.getLogger(__name__)


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    migration: MigrationResult

    def transaction(self) -> AbstractContextManager[Session]:
        """One user action: ``with db.transaction() as s: ...`` commits or rolls back everything."""
        return transaction(self.sessions)

    def read(self) -> Session:
        """A session for reads (``with db.read() as s:``); nothing it does is committed."""
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path) -> Database:
    engine = make_engine(path)
    result = upgrade_to_head(engine, path)
    factory = make_session_factory(engine)
    with transaction(factory) as session:
        ensure_reference_data(session)
    log.info("Opened %s (schema %s)", path, result.to_revision)
    return Database(path, engine, factory, result)
