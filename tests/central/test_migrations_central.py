"""The central Alembic chain: linear, its own version table, upgrade from empty equals the models on
SQLite and PostgreSQL, down and up again, and a database from a newer service is refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from simoncer_central.errors import SchemaTooNewError
from simoncer_central.models import CentralBase
from simoncer_central.store import (
    VERSION_TABLE,
    alembic_config,
    current_revision,
    head_revision,
    open_central,
    run_alembic,
)


def test_chain_is_linear_with_one_head_and_dated_files() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert len([r for r in revisions if r.down_revision is None]) == 1
    for rev in revisions:
        assert not isinstance(rev.down_revision, tuple | list), f"{rev.revision} is a merge point"
        assert rev.revision.startswith("c"), "central revisions are c0001, c0002, … (not the desktop's 0001…)"
    for path in (Path(script.dir) / "versions").glob("*.py"):
        assert path.name[:10].replace("_", "").isdigit(), f"{path.name} is not a dated revision file"


def test_upgrade_from_empty_matches_the_models(central_url: str) -> None:
    db = open_central(central_url)
    try:
        assert current_revision(db.engine) is None
        assert db.upgrade() == head_revision()
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            assert VERSION_TABLE in tables and "alembic_version" not in tables
            assert {"device", "enrollment_code"} <= tables
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "version_table": VERSION_TABLE})
            diff = compare_metadata(ctx, CentralBase.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
        assert db.upgrade() == head_revision()  # at head: nothing to do
    finally:
        db.close()


def test_down_to_empty_and_up_again(central_url: str) -> None:
    db = open_central(central_url)
    try:
        db.upgrade()
        run_alembic(db.engine, "downgrade", "base")
        with db.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {VERSION_TABLE}
        db.upgrade()
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_a_database_from_a_newer_service_is_refused_untouched(central_url: str) -> None:
    db = open_central(central_url)
    try:
        db.upgrade()
        with db.engine.begin() as conn:
            conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = 'c9999'"))
        with pytest.raises(SchemaTooNewError, match=r"versi Simoncer Central yang lebih baru \(skema c9999"):
            db.upgrade()
        assert current_revision(db.engine) == "c9999"
    finally:
        db.close()


def test_sqlite_transactions_hold_the_write_lock_from_their_start(tmp_path: Path) -> None:
    """A read-then-write transaction must not see another writer slip in between (see store._sqlite_begin)."""
    path = tmp_path / "central.sqlite3"
    db = open_central(f"sqlite:///{path}")
    try:
        db.upgrade()
        with db.transaction() as session:
            session.execute(text("SELECT count(*) FROM device"))
            other = sqlite3.connect(path, timeout=0)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
    finally:
        db.close()
