"""Caseload search: FTS5 index over member names and NIKs, and the trigger-kept household summary columns.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Triggers (not ORM events) keep ``household.member_count``, ``recipient_name`` and ``recipient_nik``
and the search index true for every writer: services, bulk loads and, later, sync.

The index row of a member has the rowid ``household.rowid << 32 | member.rowid``, so a search yields
the families from the index alone (``rowid >> 32``), without reading stored content. SQLite may
renumber rowids of tables without an INTEGER PRIMARY KEY on VACUUM: anything that vacuums must call
``services.search_index.rebuild`` afterwards.
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

UNLESS_BULK = "WHEN NOT EXISTS (SELECT 1 FROM app_state WHERE key = 'bulk_load')"
"""Bulk writers (import, later sync) switch the member triggers off for one transaction with this
``app_state`` row and refresh what they touched set-based afterwards (``services.bulk_write``)."""


INDEX_PERSON = """
    INSERT INTO person_fts(rowid, name, nik)
    SELECT (household.rowid << 32) | new.rowid, new.name, coalesce(new.nik, '')
    FROM household WHERE household.id = new.household_id AND new.deleted = 0;
"""

UNINDEX_PERSON = """
    DELETE FROM person_fts
    WHERE rowid = ((SELECT rowid FROM household WHERE id = old.household_id) << 32) | old.rowid;
"""

INDEX_ALL = (
    "INSERT INTO person_fts(rowid, name, nik) "
    "SELECT (household.rowid << 32) | member.rowid, member.name, coalesce(member.nik, '') "
    "FROM member JOIN household ON household.id = member.household_id WHERE member.deleted = 0"
)


def upgrade() -> None:
    # One row per live member: name and NIK as words; the rowid carries the family's rowid, so a
    # search yields the families directly (no join through text ids, no content read).
    op.execute(
        "CREATE VIRTUAL TABLE person_fts USING fts5("
        "name, nik, tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    op.execute(INDEX_ALL)
    op.execute(f"CREATE TRIGGER person_fts_ai AFTER INSERT ON member {UNLESS_BULK} BEGIN " + INDEX_PERSON + " END")
    op.execute(f"CREATE TRIGGER person_fts_ad AFTER DELETE ON member {UNLESS_BULK} BEGIN " + UNINDEX_PERSON + " END")
    op.execute(
        f"CREATE TRIGGER person_fts_au AFTER UPDATE OF name, nik, deleted, household_id ON member {UNLESS_BULK} BEGIN "
        + UNINDEX_PERSON
        + INDEX_PERSON
        + " END"
    )
    op.execute(
        f"CREATE TRIGGER member_summary_ai AFTER INSERT ON member {UNLESS_BULK} BEGIN "
        + REFRESH_HOUSEHOLD.format(hid="new.household_id")
        + " END"
    )
    op.execute(
        f"CREATE TRIGGER member_summary_ad AFTER DELETE ON member {UNLESS_BULK} BEGIN "
        + REFRESH_HOUSEHOLD.format(hid="old.household_id")
        + " END"
    )
    op.execute(
        f"CREATE TRIGGER member_summary_au AFTER UPDATE OF {SUMMARY_COLUMNS} ON member {UNLESS_BULK} BEGIN "
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
        "person_fts_au",
        "person_fts_ad",
        "person_fts_ai",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS person_fts")
