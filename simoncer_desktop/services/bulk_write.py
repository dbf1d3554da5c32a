"""Bulk writes of families and members with the member triggers switched off.

The triggers of migration 0002 keep ``household.member_count``/``recipient_*`` and the search index
true for every single write, at about 60 µs per member. A bulk writer (the import; later the sync)
writes 450,000 members faster by switching them off for its transaction and refreshing the families
it touched in three set-based statements at the end. The switch is a row in ``app_state`` written in
the same transaction, so a crash or rollback can never leave the triggers off.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import delete, insert, text
from sqlalchemy.orm import Session

from simoncer_desktop.models.reference import AppState
from simoncer_desktop.sync import outbox

BULK_KEY = "bulk_load"
LOW_BITS = (1 << 32) - 1

_SUMMARY = """
    UPDATE household SET
        member_count = (SELECT count(*) FROM member
                        WHERE household_id = household.id AND deleted = 0 AND deceased = 0),
        recipient_name = (SELECT name FROM member
                          WHERE household_id = household.id AND deleted = 0 AND is_recipient = 1
                          ORDER BY deceased, created_at LIMIT 1),
        recipient_nik = (SELECT nik FROM member
                         WHERE household_id = household.id AND deleted = 0 AND is_recipient = 1
                         ORDER BY deceased, created_at LIMIT 1)
    WHERE id IN (SELECT id FROM temp.bulk_touched)
"""
_UNINDEX = "DELETE FROM person_fts WHERE rowid BETWEEN :low AND :high"
_INDEX = """
    INSERT INTO person_fts(rowid, name, nik)
    SELECT (household.rowid << 32) | member.rowid, member.name, coalesce(member.nik, '')
    FROM household JOIN member ON member.household_id = household.id
    WHERE household.id IN (SELECT id FROM temp.bulk_touched) AND member.deleted = 0
"""


@contextmanager
def triggers_deferred(session: Session) -> Iterator[set[str]]:
    """Inside: member writes skip the triggers; add the id of every family written (or left by a
    member) to the yielded set. On leaving, those families' summaries and index entries are rebuilt.
    Must run inside the caller's transaction.

    The switch also stands the sync capture of new families and members aside (migration 0006): the
    rows added are queued for sync in two set-based statements at the end (updates are captured as
    they happen)."""
    marks = outbox.bulk_marks(session)
    session.execute(insert(AppState).values(key=BULK_KEY, value="1"))
    touched: set[str] = set()
    yield touched
    session.flush()  # ORM rows added inside are written under the switch too
    session.execute(delete(AppState).where(AppState.key == BULK_KEY))
    refresh_families(session, touched)
    outbox.queue_bulk_inserts(session, marks)


def refresh_families(session: Session, household_ids: set[str]) -> None:
    """Recompute the trigger-kept columns and search entries of these families."""
    if not household_ids:
        return
    session.execute(text("CREATE TEMP TABLE IF NOT EXISTS bulk_touched (id TEXT PRIMARY KEY)"))
    session.execute(text("DELETE FROM temp.bulk_touched"))
    session.execute(text("INSERT INTO temp.bulk_touched (id) VALUES (:id)"), [{"id": i} for i in household_ids])
    rowids = session.execute(text("SELECT rowid FROM household WHERE id IN (SELECT id FROM temp.bulk_touched)"))
    session.execute(text(_UNINDEX), [{"low": r << 32, "high": (r << 32) | LOW_BITS} for (r,) in rowids])
    session.execute(text(_INDEX))
    session.execute(text(_SUMMARY))
    session.execute(text("DELETE FROM temp.bulk_touched"))
