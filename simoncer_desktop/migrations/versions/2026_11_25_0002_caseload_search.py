"""Caseload search: FTS5 index over member names and the trigger-kept household summary columns.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Triggers (not ORM events) keep ``household.member_count``, ``recipient_name`` and ``recipient_nik``
and the FTS index true for every writer: services, bulk loads and, later, sync.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

REFRESH_HOUSEHOLD = """
    UPDATE household SET
        member_count = (SELECT count(*) FROM member
                        WHERE household_id = {hid} AND deleted = 0 AND deceased = 0),
        recipient_name = (SELECT name FROM member
                          WHERE household_id = {hid} AND deleted = 0 AND is_recipient = 1
                          ORDER BY deceased, created_at LIMIT 1),
        recipient_nik = (SELECT nik FROM member
                         WHERE household_id = {hid} AND deleted = 0 AND is_recipient = 1
                         ORDER BY deceased, created_at LIMIT 1)
    WHERE id = {hid};
"""

SUMMARY_COLUMNS = "name, nik, is_recipient, deleted, deceased, household_id"


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE member_fts USING fts5("
        "name, content='member', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute("INSERT INTO member_fts(member_fts) VALUES ('rebuild')")
    op.execute(
        "CREATE TRIGGER member_fts_ai AFTER INSERT ON member BEGIN "
        "INSERT INTO member_fts(rowid, name) VALUES (new.rowid, new.name); END"
    )
    op.execute(
        "CREATE TRIGGER member_fts_ad AFTER DELETE ON member BEGIN "
        "INSERT INTO member_fts(member_fts, rowid, name) VALUES ('delete', old.rowid, old.name); END"
    )
    op.execute(
        "CREATE TRIGGER member_fts_au AFTER UPDATE OF name ON member BEGIN "
        "INSERT INTO member_fts(member_fts, rowid, name) VALUES ('delete', old.rowid, old.name); "
        "INSERT INTO member_fts(rowid, name) VALUES (new.rowid, new.name); END"
    )
    op.execute(
        "CREATE TRIGGER member_summary_ai AFTER INSERT ON member BEGIN "
        + REFRESH_HOUSEHOLD.format(hid="new.household_id")
        + " END"
    )
    op.execute(
        "CREATE TRIGGER member_summary_ad AFTER DELETE ON member BEGIN "
        + REFRESH_HOUSEHOLD.format(hid="old.household_id")
        + " END"
    )
    op.execute(
        f"CREATE TRIGGER member_summary_au AFTER UPDATE OF {SUMMARY_COLUMNS} ON member BEGIN "
        + REFRESH_HOUSEHOLD.format(hid="new.household_id")
        + REFRESH_HOUSEHOLD.format(hid="old.household_id")
        + " END"
    )
    # Bring rows written before this revision up to date.
    op.execute(REFRESH_HOUSEHOLD.format(hid="household.id").replace("WHERE id = household.id", ""))


def downgrade() -> None:
    for trigger in (
        "member_summary_au",
        "member_summary_ad",
        "member_summary_ai",
        "member_fts_au",
        "member_fts_ad",
        "member_fts_ai",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS member_fts")
