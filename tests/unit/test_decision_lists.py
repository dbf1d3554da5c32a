"""Reads for the proposals screen: proposals by status with the family's No. KK and pengurus, and a family
found by No. KK with its latest assessment."""

from __future__ import annotations

from datetime import date

import pytest

from simoncer_desktop.errors import NotFoundError
from simoncer_desktop.services import assessment as asm
from simoncer_desktop.services import caseload
from simoncer_desktop.services import decision_lists as lists
from simoncer_desktop.services import programme_decision as dec
from simoncer_desktop.store import Database
from tests.factories import family
from tests.unit.test_assessment import ABLE, BEST


def make(db: Database, serial: int) -> tuple[str, str]:
    data, members = family(serial)
    with db.transaction() as s:
        return caseload.create_household(s, data, members), data.no_kk


def test_family_by_no_kk_gives_the_latest_assessment(db: Database) -> None:
    hh, no_kk = make(db, 1)
    with db.read() as s:
        chosen = lists.family_by_no_kk(s, f" {no_kk} ")
    assert (chosen.household_id, chosen.latest_assessment_id, chosen.status_label) == (hh, None, "Aktif")
    assert chosen.recipient_name == "Siti Nurhaliza"
    with db.transaction() as s:
        asm.record_assessment(s, hh, BEST, date(2026, 3, 1), "Rina")
        older = asm.record_assessment(s, hh, ABLE, date(2026, 1, 1), "Rina")
    with db.read() as s:
        chosen = lists.family_by_no_kk(s, no_kk)
    assert chosen.latest_assessment_id != older
    assert (chosen.latest_assessed_on, chosen.latest_class_label, chosen.latest_score) == (
        date(2026, 3, 1),
        "Mandiri",
        100.0,
    )
    with db.read() as s, pytest.raises(NotFoundError, match=r"No\. KK"):
        lists.family_by_no_kk(s, "3271010000000000")
    with db.read() as s, pytest.raises(NotFoundError):
        lists.family_by_no_kk(s, "  ")


def test_list_proposals_filters_by_status(db: Database) -> None:
    (first, kk1), (second, kk2) = make(db, 1), make(db, 2)
    with db.transaction() as s:
        a1 = asm.record_assessment(s, first, BEST, date(2026, 3, 1), "Rina")
        a2 = asm.record_assessment(s, second, ABLE, date(2026, 3, 1), "Rina")
        d1 = dec.propose_graduation(s, first, a1, "Usaha jalan", "Rina", date(2026, 3, 2))
        d2 = dec.propose_graduation(s, second, a2, "Sudah bekerja", "Rina", date(2026, 3, 3))
        dec.decide_graduation(s, d2, False, "Dedi", date(2026, 3, 4), "Belum cukup")
    with db.read() as s:
        proposed = lists.list_proposals(s, dec.PROPOSED)
        rejected = lists.list_proposals(s, dec.REJECTED)
        approved = lists.list_proposals(s, dec.APPROVED)
        every = lists.list_proposals(s, None)
    assert [(p.id, p.no_kk, p.welfare_class_label, p.score) for p in proposed] == [(d1, kk1, "Mandiri", 100.0)]
    assert proposed[0].recipient_name == "Siti Nurhaliza"
    assert [(p.id, p.no_kk, p.decided_by, p.decision_note) for p in rejected] == [(d2, kk2, "Dedi", "Belum cukup")]
    assert approved == []
    assert [p.id for p in every] == [d2, d1]  # newest first
