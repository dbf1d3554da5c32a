"""The caseload search index (``person_fts``, made in migration 0002 and kept by triggers)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def rebuild(session: Session) -> int:
    """Rebuild the index from the member table; returns the number of people indexed.

    Needed only after something renumbers rowids (``VACUUM``); the triggers keep it true otherwise.
    """
    session.execute(text("DELETE FROM person_fts"))
    session.execute(
        text(
            "INSERT INTO person_fts(rowid, name, nik, hh) "
            "SELECT member.rowid, member.name, coalesce(member.nik, ''), household.rowid "
            "FROM member JOIN household ON household.id = member.household_id WHERE member.deleted = 0"
        )
    )
    return int(session.execute(text("SELECT count(*) FROM person_fts")).scalar_one())


def is_consistent(session: Session) -> bool:
    """True when every live member is indexed under its family's current rowid (a cheap self-check)."""
    mismatches = session.execute(
        text(
            "SELECT count(*) FROM member JOIN household ON household.id = member.household_id "
            "LEFT JOIN person_fts ON person_fts.rowid = member.rowid "
            "WHERE member.deleted = 0 AND (person_fts.hh IS NULL OR person_fts.hh != household.rowid)"
        )
    ).scalar_one()
    return mismatches == 0
