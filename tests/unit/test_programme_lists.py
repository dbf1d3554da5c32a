"""Reads behind the *Kohort dan tahapan* tab: cohorts, sessions, families by No. KK, participants, marks."""

from __future__ import annotations

from datetime import date

from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_lists as lists
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services.programme import Stage
from simoncer_desktop.store import Database
from tests.unit.test_programme import ENROLLED, make_cohort, make_family


def test_cohorts_newest_first(db: Database) -> None:
    with db.transaction() as s:
        older = make_cohort(s, "Kohort A", date(2025, 3, 1))
        newer = make_cohort(s, "Kohort B", date(2026, 2, 1))
    with db.read() as s:
        found = lists.list_cohorts(s)
    assert [c.id for c in found] == [newer, older]
    assert found[0].label == "Kohort B (2026, mulai 01-02-2026)"


def test_sessions_of_a_cohort_by_stage_and_date(db: Database) -> None:
    with db.transaction() as s:
        cohort = make_cohort(s)
        late = progress.add_session(s, cohort, 1, date(2026, 2, 9), topic="Dua")
        early = progress.add_session(s, cohort, 1, date(2026, 2, 2), topic="Satu")
        other = progress.add_session(s, cohort, 2, date(2026, 3, 2))
    with db.read() as s:
        assert [x.id for x in lists.list_sessions(s, cohort)] == [early, late, other]
        stage_one = lists.list_sessions(s, cohort, 1)
    assert [x.id for x in stage_one] == [early, late]
    assert stage_one[0].stage == Stage.SELECTION and stage_one[0].label == "02-02-2026 · Tahap 1 — Satu"


def test_find_family_by_no_kk_and_its_participants(db: Database) -> None:
    with db.transaction() as s:
        fam = make_family(s)
        no_kk = s.get(prog.Household, fam.id).no_kk
    with db.read() as s:
        assert lists.find_families(s, "3271") == []  # too short to search
        found = lists.find_families(s, no_kk)
        options = lists.participant_options(s, fam.id, ENROLLED)
    assert [f.household_id for f in found] == [fam.id]
    assert found[0].label.startswith(f"{no_kk} — Siti Nurhaliza")
    productive = [o.member_id for o in options if o.productive]
    assert productive == [fam.father, fam.mother]  # older first
    child = next(o for o in options if o.name == "Dédé Rahmawati")
    assert not child.productive and child.label == "Dédé Rahmawati (9 tahun, di luar usia produktif)"
    assert [o.productive for o in options] == [True, True, False, False]


def test_session_marks_list_who_can_be_marked(db: Database) -> None:
    with db.transaction() as s:
        cohort = make_cohort(s)
        first = make_family(s, 1)
        second = make_family(s, 2)
        a = prog.enroll(s, cohort, first.id, first.mother, ENROLLED)
        prog.enroll(s, cohort, second.id, second.mother, date(2026, 3, 1))  # after the session
        sid = progress.add_session(s, cohort, 1, date(2026, 2, 2))
    with db.read() as s:
        rows = lists.session_marks(s, sid)
    assert [(r.enrollment_id, r.present) for r in rows] == [(a, None)]
    with db.transaction() as s:
        progress.record_attendance(s, sid, {a: True})
    with db.read() as s:
        assert lists.session_marks(s, sid)[0].present is True
