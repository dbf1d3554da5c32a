"""Migrations: a linear chain, upgrade from empty, models match the schema, round trips keep data,
and an upgrade backs the old (encrypted) file up first, encrypted with the same key."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from simoncer_desktop.db import make_engine
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    include_object,
    run_alembic,
    upgrade_to_head,
)
from simoncer_desktop.models import Base
from simoncer_desktop.security.engine import connect, is_encrypted, make_encrypted_engine
from simoncer_desktop.services import caseload, caseload_query
from tests.factories import family
from tests.keys import TEST_KEY, open_test_database


def test_chain_is_linear_with_one_head() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    heads = script.get_heads()
    assert len(heads) == 1
    revisions = list(script.walk_revisions())
    bases = [r for r in revisions if r.down_revision is None]
    assert len(bases) == 1
    for rev in revisions:
        assert not isinstance(rev.down_revision, tuple | list), f"{rev.revision} is a merge point"
        assert len(script.get_revision(rev.revision).nextrev) <= 1, f"{rev.revision} branches"
    for path in (Path(script.dir) / "versions").glob("*.py"):
        assert path.name[:10].replace("_", "").isdigit(), f"{path.name} is not a dated revision file"


def test_upgrade_from_empty_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "empty.sqlite3")
    result = upgrade_to_head(engine, tmp_path / "empty.sqlite3")
    assert result.from_revision is None and result.to_revision == head_revision()
    assert result.backup is None  # nothing to back up in a new file
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    engine.dispose()


def test_every_step_down_and_up_again_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "roundtrip.sqlite3"
    db = open_test_database(path)
    data, members = family()
    with db.transaction() as s:
        hh_id = caseload.create_household(s, data, members)
    with db.read() as s:
        before = caseload.get_household(s, hh_id)
    revisions = [r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
    # Walk down one step at a time to the first revision (which owns the data tables), then up again.
    for _ in revisions[:-1]:
        run_alembic(db.engine, "downgrade", "-1")
    assert current_revision(db.engine) == revisions[-1]
    run_alembic(db.engine, "upgrade", "head")
    with db.read() as s:
        detail = caseload.get_household(s, hh_id)
        assert detail.members == before.members
        assert detail.to_input() == before.to_input()
        # The search index and the summary columns were rebuilt from the data.
        keys = caseload_query.search_keys(s, caseload_query.CaseloadFilter(text="nurhaliza"))
        row = caseload_query.load_rows(s, keys)[0]
        assert (row.recipient_name, row.member_count) == ("Siti Nurhaliza", 4)
    db.close()


def test_upgrading_an_older_database_backs_it_up_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_encrypted_engine(path, TEST_KEY)
    first = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())[-1].revision
    run_alembic(engine, "upgrade", first)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO app_state(key, value) VALUES ('marker', 'before-upgrade')")
    engine.dispose()

    db = open_test_database(path)
    assert db.migration.from_revision == first
    assert db.migration.to_revision == head_revision()
    backup = db.migration.backup
    assert backup is not None and backup.exists()
    assert backup.parent == path.parent / "backups"
    assert backup.name.startswith("old-") and backup.name.endswith(f"-before-{head_revision()}.sqlite3")
    assert is_encrypted(backup) and b"before-upgrade" not in backup.read_bytes()
    conn = connect(backup, TEST_KEY, read_only=True)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (first,)
        assert conn.execute("SELECT value FROM app_state WHERE key='marker'").fetchone() == ("before-upgrade",)
    finally:
        conn.close()
    db.close()

    again = open_test_database(path)  # already at head: no second backup
    assert again.migration.backup is None
    again.close()


def test_a_database_from_a_newer_app_is_refused_and_left_as_it_is(db_path: Path) -> None:
    conn = connect(db_path, TEST_KEY)
    try:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    finally:
        conn.close()
    before = db_path.read_bytes()
    with pytest.raises(SimoncerError, match=r"versi Simoncer yang lebih baru \(skema 9999.*database tidak diubah"):
        open_test_database(db_path)
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()  # not even a pre-migration copy
