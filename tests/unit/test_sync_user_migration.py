"""Migration 0008: the outbox and the clock get the acting user; ops pending from before it are the first
active administrator's; the capture triggers stamp the user; down and up again."""

from __future__ import annotations

from sqlalchemy import inspect, text

from simoncer_desktop.migrate import run_alembic
from simoncer_desktop.store import Database
from simoncer_desktop.sync import capture, outbox

USER_SQL = (
    "INSERT INTO app_user (id, username, full_name, role, password_hash, failed_logins, must_change_password, "
    "active, scope, deleted, created_at, updated_at) VALUES (:id, :u, :u, 'admin', 'x', 0, 0, :active, '*', 0, "
    ":at, :at)"
)


def _columns(db: Database, table: str) -> set[str]:
    with db.engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns(table)}


def test_pending_ops_from_before_0008_belong_to_the_first_active_administrator(db: Database) -> None:
    run_alembic(db.engine, "downgrade", "0007")
    assert "user_name" not in _columns(db, "sync_outbox") and "acting_user" not in _columns(db, "sync_clock")
    with db.engine.begin() as conn:  # legacy edits, captured by the 0006 triggers (no user)
        conn.execute(text("DELETE FROM sync_outbox"))
        for row_id, username, active, at in (
            ("00000000-0000-7000-8000-0000000000a1", "pensiun", 0, "2020-01-01 00:00:00.000000"),
            ("00000000-0000-7000-8000-0000000000a2", "kepala", 1, "2021-01-01 00:00:00.000000"),
        ):
            conn.execute(text(USER_SQL), {"id": row_id, "u": username, "active": active, "at": at})
        conn.execute(text("UPDATE setting SET deleted = 1 - deleted WHERE id = (SELECT min(id) FROM setting)"))
        legacy = int(conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one())
    assert legacy >= 2
    run_alembic(db.engine, "upgrade", "head")
    with db.engine.connect() as conn:
        users = conn.execute(text("SELECT DISTINCT user_name FROM sync_outbox")).scalars().all()
        triggers = dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())
    assert users == ["kepala"]  # the oldest *active* administrator, not the retired one nor 'admin'
    for sql in capture.current_trigger_sql(capture.captured_columns(), capture.BULK_TABLES):
        name = sql.split()[2]
        assert " ".join(triggers[name].split()) == " ".join(sql.split())
    with db.transaction() as s:  # after the upgrade: the signed-in user
        s.execute(text("DELETE FROM sync_outbox"))
        s.execute(text("UPDATE sync_clock SET acting_user = 'admin'"))
        s.execute(text("UPDATE setting SET deleted = 1 - deleted WHERE id = (SELECT min(id) FROM setting)"))
        (op,) = outbox.pending(s)
    assert op.user == "admin"


def test_down_and_up_again_keeps_capture_working(db: Database) -> None:
    run_alembic(db.engine, "downgrade", "0007")
    with db.engine.begin() as conn:  # the 0006 trigger form works on the 0007 schema
        before = int(conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one())
        conn.execute(text("UPDATE setting SET deleted = 1 - deleted WHERE id = (SELECT min(id) FROM setting)"))
        assert int(conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one()) > before
    run_alembic(db.engine, "upgrade", "head")
    assert "user_name" in _columns(db, "sync_outbox") and "acting_user" in _columns(db, "sync_clock")
