"""Bring a database to the current schema at start-up, after a dated backup of the old file."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.config import Config
from sqlalchemy import Engine

from simoncer_desktop import __version__
from simoncer_desktop.alembic_chain import MigrationChain
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.paths import backup_dir
from simoncer_desktop.security.engine import copy_database
from simoncer_desktop.translation import translate

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


RAW_SQL_TABLES = ("person_fts",)
"""Tables made by raw SQL in migrations (FTS5 and its shadow tables): not described by the models."""


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Autogenerate/compare filter: leave the raw-SQL tables out."""
    return not (type_ == "table" and name is not None and name.startswith(RAW_SQL_TABLES))


CHAIN = MigrationChain(MIGRATIONS_DIR)


def alembic_config() -> Config:
    return CHAIN.config()


def head_revision() -> str:
    return CHAIN.head()


def known_revisions() -> set[str]:
    """Every schema revision this version of the app can read (and upgrade from)."""
    return CHAIN.known()


def current_revision(engine: Engine) -> str | None:
    return CHAIN.current(engine)


def backup_file(db_path: Path, label: str, key: bytes | None = None) -> Path:
    """Copy the database with SQLite's online backup (safe with WAL) to ``backups/``.

    With ``key`` the file is encrypted (SQLCipher) and so is the copy, with the same key; without, a
    plain SQLite file is copied with the standard library."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir(db_path) / f"{db_path.stem}-{stamp}-{label}.sqlite3"
    if key is not None:
        copy_database(db_path, target, key)
        return target
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def upgrade_to_head(engine: Engine, db_path: Path | None = None, key: bytes | None = None) -> MigrationResult:
    """Upgrade to head. When an existing schema is upgraded, the file is backed up first (encrypted with
    ``key`` when the database is)."""
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return MigrationResult(current, head, None)
    if current is not None and current not in known_revisions():
        # Alembic would fail with "Can't locate revision"; nothing has been written at this point.
        raise SimoncerError(
            translate(
                "database",
                "Database {db_path} dibuat oleh versi Simoncer yang lebih baru "
                "(skema {current}; versi {version} ini mengenal sampai "
                "{head}). Perbarui aplikasi; database tidak diubah.",
            ).format(db_path=db_path or "", current=current, version=__version__, head=head)
        )
    backup = None
    if current is not None and db_path is not None and db_path.exists():
        backup = backup_file(db_path, f"before-{head}", key)
        log.info("Backed up %s to %s before migrating %s -> %s", db_path, backup, current, head)
    run_alembic(engine, "upgrade", "head")
    log.info("Database migrated %s -> %s", current, head)
    return MigrationResult(current, head, backup)


def run_alembic(engine: Engine, verb: str, target: str) -> None:
    CHAIN.run(engine, verb, target)
