"""The person search index stays true through edits and can be rebuilt (after a VACUUM renumbers rows)."""

from __future__ import annotations

from sqlalchemy import text

from simoncer_desktop.services import caseload, search_index
from simoncer_desktop.services.caseload_query import CaseloadFilter, count
from simoncer_desktop.store import Database
from tests.factories import family


def test_index_follows_edits_and_rebuilds(db: Database) -> None:
    with db.transaction() as s:
        for serial in (1, 2, 3):
            caseload.create_household(s, *family(serial))
    with db.read() as s:
        assert search_index.is_consistent(s)
        assert count(s, CaseloadFilter(text="nurhaliza")) == 3
    with db.transaction() as s:
        # Simulate what VACUUM may do: the families get new rowids; the index now points at old ones.
        s.execute(text("UPDATE household SET rowid = rowid + 1000"))
    with db.read() as s:
        assert not search_index.is_consistent(s)
        assert count(s, CaseloadFilter(text="nurhaliza")) == 0
    with db.transaction() as s:
        assert search_index.rebuild(s) == 12
    with db.read() as s:
        assert search_index.is_consistent(s)
        assert count(s, CaseloadFilter(text="nurhaliza")) == 3
