"""The caseload search index (``person_fts``, made in migration 0002 and kept by triggers).

A member's index row has the rowid ``household.rowid << 32 | member.rowid``.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

INDEX_ALL = (
    "INSERT INTO person_fts(rowid, name, nik) "
    "SELECT (household.rowid << 32) | member.rowid, member.name, coalesce(member.nik, '') "
    "FROM member JOIN household ON household.id = member.household_id WHERE member.deleted = 0"
)


def rebuild(session: Session) -> int:
    """Rebuild the index from the member table; returns the number of people indexed.

    Needed only after something renumbers rowids (``VACUUM``); the triggers keep it true otherwise.
    """
    session.execute(text("DELETE FROM person_fts"))
    session.execute(text(INDEX_ALL))
    return int(session.execute(text("SELECT count(*) FROM person_fts")).scalar_one())


def is_consistent(session: Session) -> bool:
    """True when exactly the live members are indexed, each under its family's current rowid."""
    live = session.execute(
        text(
            "SELECT count(*) FROM member JOIN household ON household.id = member.household_id "
            "JOIN person_fts ON person_fts.rowid = (household.rowid << 32) | member.rowid "
            "WHERE member.deleted = 0"
        )
    ).scalar_one()
    expected = session.execute(text("SELECT count(*) FROM member WHERE deleted = 0")).scalar_one()
    indexed = session.execute(text("SELECT count(*) FROM person_fts")).scalar_one()
    return live == expected == indexed
