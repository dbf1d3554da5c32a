"""Graduasi sejahtera mandiri programme: cohorts, enrollment, stages, attendance, decisions, follow-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import (
    Assessment,
    Enrollment,
    FollowUpVisit,
    GraduationDecision,
    Household,
    Questionnaire,
    StageCorrection,
    StageRecord,
)
from simoncer_desktop.services import caseload
from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_decision as dec
from simoncer_desktop.services import programme_overview as view
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services.programme import CohortInput, Stage, StageInput
from simoncer_desktop.services.settings import parse_value, set_setting
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN, family, member

START = date(2026, 1, 5)
ENROLLED = date(2026, 1, 10)


@dataclass
class Fam:
    id: str
    mother: str
    father: str
    child: str


def make_family(s: Session, serial: int = 1) -> Fam:
    data, members = family(serial)
    hh_id = caseload.create_household(s, data, members)
    ms = {m.relation: m.id for m in caseload.get_household(s, hh_id, on=ENROLLED).members}
    return Fam(hh_id, ms["istri"], ms["kepala"], ms["anak"])


def make_cohort(s: Session, name: str = "Kohort Bogor Selatan 2026", starts_on: date = START) -> str:
    return prog.create_cohort(s, CohortInput(name=name, year=2026, starts_on=starts_on, scope=KECAMATAN))


def fields_of(err: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return err.value.by_field()


@pytest.fixture
def setup(db: Database) -> tuple[str, Fam, str]:
    """A cohort and one enrolled family (the mother participates); returns (cohort, family, enrollment)."""
    with db.transaction() as s:
        cohort = make_cohort(s)
        fam = make_family(s)
        enrollment = prog.enroll(s, cohort, fam.id, fam.mother, ENROLLED)
    return cohort, fam, enrollment


def sessions_with_marks(db: Database, cohort: str, enrollment: str, stage: int, marks: list[bool]) -> list[str]:
    ids = []
    with db.transaction() as s:
        for i, present in enumerate(marks):
            sid = progress.add_session(s, cohort, stage, date(2026, 2, 1 + i), topic=f"Sesi {i + 1}")
            progress.record_attendance(s, sid, {enrollment: present})
            ids.append(sid)
    return ids


# --- settings ----------------------------------------------------------------------------------


def test_programme_settings_have_defaults_and_parse(db: Database) -> None:
    from simoncer_desktop.services.settings import get_setting

    with db.read() as s:
        assert get_setting(s, "attendance_threshold") == 0.8
        assert get_setting(s, "follow_up_months") == [6, 12]
        assert parse_value(s, "attendance_threshold", "0,75") == 0.75
        assert parse_value(s, "follow_up_months", "3, 6,12") == [3, 6, 12]
        with pytest.raises(ValidationError, match="follow_up_months"):
            parse_value(s, "follow_up_months", "enam")


def test_stage_labels_are_bahasa() -> None:
    assert [int(s) for s in Stage] == [1, 2, 3, 4, 5, 6]
    assert Stage.SELECTION.label == "Seleksi usia produktif"
    assert Stage.MENTORING.label == "Pendampingan berkelanjutan"


# --- cohorts and enrollment --------------------------------------------------------------------


def test_create_cohort_validates_every_field(db: Database) -> None:
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.create_cohort(s, CohortInput(name=" ", year=1850, starts_on=None, scope="", facilitator_id="nope"))
    assert set(fields_of(err)) == {"name", "year", "starts_on", "scope", "facilitator_id"}
    assert fields_of(err)["name"] == "Nama kohort: wajib diisi"


def test_enroll_creates_six_stage_records_in_stage_one(db: Database, setup: tuple[str, Fam, str]) -> None:
    _, fam, enrollment = setup
    with db.read() as s:
        e = s.get(Enrollment, enrollment)
        assert e is not None and e.stage == 1 and e.participant_id == fam.mother and e.scope == KECAMATAN
        stages = s.scalars(select(StageRecord.stage).where(StageRecord.enrollment_id == enrollment)).all()
        assert sorted(stages) == [1, 2, 3, 4, 5, 6]
        detail = view.get_enrollment(s, enrollment)
    assert detail.participant_name == "Siti Nurhaliza" and detail.stage == Stage.SELECTION and not detail.complete


def test_enroll_refuses_a_child_and_names_the_participant_field(db: Database) -> None:
    with db.transaction() as s:
        cohort = make_cohort(s)
        fam = make_family(s)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.enroll(s, cohort, fam.id, fam.child, ENROLLED)
    assert "di luar usia produktif 18–59 tahun" in fields_of(err)["participant_id"]
    with db.read() as s:
        assert s.scalars(select(Enrollment)).all() == []  # nothing written


def test_enroll_refuses_too_old_using_the_setting(db: Database) -> None:
    with db.transaction() as s:
        cohort = make_cohort(s)
        fam = make_family(s)
        grandma = caseload.add_member(s, fam.id, member("Oma Iyah", date(1960, 3, 3), "P", 19, relation="orang_tua"))
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.enroll(s, cohort, fam.id, grandma, ENROLLED)
    assert "berumur 65 tahun" in fields_of(err)["participant_id"]
    with db.transaction() as s:  # a regulation change: productive age up to 65
        set_setting(s, "productive_age_max", 65, valid_from=date(2026, 1, 1))
        assert prog.enroll(s, cohort, fam.id, grandma, ENROLLED)


def test_enroll_refuses_other_family_deceased_inactive_and_double(db: Database) -> None:
    with db.transaction() as s:
        cohort = make_cohort(s)
        other_cohort = make_cohort(s, "Kohort B")
        fam = make_family(s, 1)
        other = make_family(s, 2)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.enroll(s, cohort, fam.id, other.mother, ENROLLED)
    assert fields_of(err)["participant_id"] == "Peserta: harus anggota keluarga ini"

    with db.transaction() as s:
        detail = caseload.get_household(s, fam.id)
        father = next(m for m in detail.members if m.id == fam.father).to_input()
        father.deceased, father.death_date = True, date(2025, 12, 1)
        caseload.update_member(s, fam.father, father)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.enroll(s, cohort, fam.id, fam.father, ENROLLED)
    assert fields_of(err)["participant_id"] == "Peserta: Ujang Supriatna sudah meninggal"

    with db.transaction() as s:
        prog.enroll(s, cohort, fam.id, fam.mother, ENROLLED)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.enroll(s, other_cohort, fam.id, fam.mother, ENROLLED)
    assert fields_of(err)["household_id"] == "Keluarga: masih terdaftar di kohort Kohort Bogor Selatan 2026"

    with db.transaction() as s:
        hh = s.get(Household, other.id)
        assert hh is not None
        hh.status = "nonaktif"
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.enroll(s, cohort, other.id, other.mother, ENROLLED)
    assert fields_of(err)["household_id"] == "Keluarga: berstatus Nonaktif, bukan Aktif"
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.enroll(s, "missing", other.id, other.mother, ENROLLED)
    assert fields_of(err)["cohort_id"] == "Kohort: tidak ditemukan"
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.enroll(s, cohort, other.id, other.mother, None)
    assert fields_of(err)["enrolled_on"] == "Tanggal daftar: wajib diisi"


# --- stage records -----------------------------------------------------------------------------


def test_update_stage_five_records_the_grant(db: Database, setup: tuple[str, Fam, str]) -> None:
    _, _, enrollment = setup
    data = StageInput(
        planned_start=date(2026, 6, 1),
        planned_end=date(2026, 6, 30),
        actual_start=date(2026, 6, 3),
        partner=" Dinas Koperasi ",
        skill="Menjahit",
        grant_kind="peralatan",
        grant_amount=2_500_000,
        business_started=True,
        outcome="Usaha jahit berjalan",
    )
    with db.transaction() as s:
        prog.update_stage(s, enrollment, 5, data)
    with db.read() as s:
        five = view.get_enrollment(s, enrollment).stages[4]
    assert (five.stage, five.partner, five.grant_kind, five.grant_amount, five.business_started) == (
        Stage.APPLICATION,
        "Dinas Koperasi",
        "peralatan",
        2_500_000,
        True,
    )


def test_update_stage_refusals_name_the_field(db: Database, setup: tuple[str, Fam, str]) -> None:
    _, _, enrollment = setup
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.update_stage(s, enrollment, 5, StageInput(grant_kind="modal", grant_amount=-1))
    assert fields_of(err) == {"grant_amount": "Nilai bantuan usaha: tidak boleh negatif (tertulis -1)"}
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.update_stage(s, enrollment, 4, StageInput(skill="Menjahit", grant_amount=1_000, business_started=False))
    assert set(fields_of(err)) == {"grant_amount", "business_started"}
    assert "hanya diisi pada tahap Aplikasi keterampilan" in fields_of(err)["grant_amount"]
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.update_stage(
            s,
            enrollment,
            2,
            StageInput(
                planned_start=date(2026, 3, 10),
                planned_end=date(2026, 3, 1),
                actual_start=date(2025, 12, 1),
            ),
        )
    assert set(fields_of(err)) == {"planned_end", "actual_start"}
    assert "sebelum tanggal daftar 10-01-2026" in fields_of(err)["actual_start"]
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        prog.update_stage(s, enrollment, 7, StageInput())
    assert fields_of(err)["stage"] == "Tahapan: harus 1–6 (tertulis 7)"


# --- sessions and attendance -------------------------------------------------------------------


def test_session_before_cohort_start_is_refused(db: Database, setup: tuple[str, Fam, str]) -> None:
    cohort, _, _ = setup
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        progress.add_session(s, cohort, 2, date(2026, 1, 4))
    assert fields_of(err)["held_on"] == (
        "Tanggal sesi: 04-01-2026 sebelum kohort Kohort Bogor Selatan 2026 mulai (05-01-2026)"
    )
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        progress.add_session(s, cohort, 0, None)
    assert set(fields_of(err)) == {"stage", "held_on"}


def test_bulk_attendance_for_one_session(db: Database) -> None:
    with db.transaction() as s:
        cohort = make_cohort(s)
        ids = []
        for serial in (1, 2, 3):
            fam = make_family(s, serial)
            ids.append(prog.enroll(s, cohort, fam.id, fam.mother, ENROLLED))
        sid = progress.add_session(s, cohort, 2, date(2026, 2, 1), "Mindset 1", "DP3A")
        progress.record_attendance(s, sid, {ids[0]: True, ids[1]: False, ids[2]: True})
    with db.transaction() as s:  # entering again corrects, does not duplicate
        progress.record_attendance(s, sid, {ids[1]: True})
    with db.read() as s:
        rates = [progress.attendance_rate(s, e, 2) for e in ids]
    assert [(r.present, r.sessions) for r in rates] == [(1, 1), (1, 1), (1, 1)]


def test_attendance_refuses_other_cohort_and_late_enrollment(db: Database, setup: tuple[str, Fam, str]) -> None:
    cohort, _, enrollment = setup
    with db.transaction() as s:
        other_cohort = make_cohort(s, "Kohort B")
        fam2 = make_family(s, 2)
        stranger = prog.enroll(s, other_cohort, fam2.id, fam2.mother, ENROLLED)
        fam3 = make_family(s, 3)
        late = prog.enroll(s, cohort, fam3.id, fam3.mother, date(2026, 3, 1))
        sid = progress.add_session(s, cohort, 2, date(2026, 2, 1))
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        progress.record_attendance(s, sid, {enrollment: True, stranger: True, late: True})
    messages = [e.message for e in err.value.errors]
    assert {e.field for e in err.value.errors} == {"attendance"}
    assert "Kehadiran: Siti Nurhaliza bukan peserta kohort sesi ini" in messages
    assert "Kehadiran: Siti Nurhaliza baru terdaftar 01-03-2026, setelah sesi 01-02-2026" in messages
    with db.read() as s:  # nothing written, not even the valid mark
        assert progress.attendance_rate(s, enrollment, 2).sessions == 1
        assert progress.attendance_rate(s, enrollment, 2).present == 0


# --- passing stages ----------------------------------------------------------------------------


def test_stage_without_sessions_passes_on_the_mark_and_moves_forward(db: Database, setup: tuple[str, Fam, str]) -> None:
    _, _, enrollment = setup
    with db.transaction() as s:
        progress.pass_stage(s, enrollment, 1, date(2026, 1, 20), "Pendamping Rina")
    with db.read() as s:
        detail = view.get_enrollment(s, enrollment)
    assert detail.stage == Stage.MINDSET
    assert (detail.stages[0].passed_on, detail.stages[0].passed_by) == (date(2026, 1, 20), "Pendamping Rina")


def test_eighty_percent_boundary_four_of_five_passes(db: Database, setup: tuple[str, Fam, str]) -> None:
    cohort, _, enrollment = setup
    with db.transaction() as s:
        progress.pass_stage(s, enrollment, 1, date(2026, 1, 20), "Rina")
    sessions_with_marks(db, cohort, enrollment, 2, [True, True, False, True, True])
    with db.read() as s:
        rate = progress.attendance_rate(s, enrollment, 2)
    assert (rate.present, rate.sessions, rate.rate) == (4, 5, 0.8)
    with db.transaction() as s:
        progress.pass_stage(s, enrollment, 2, date(2026, 2, 10), "Rina")
    with db.read() as s:
        assert view.get_enrollment(s, enrollment).stage == Stage.COACHING


def test_eighty_percent_boundary_three_of_five_does_not_pass(db: Database, setup: tuple[str, Fam, str]) -> None:
    cohort, _, enrollment = setup
    with db.transaction() as s:
        progress.pass_stage(s, enrollment, 1, date(2026, 1, 20), "Rina")
    sessions_with_marks(db, cohort, enrollment, 2, [True, False, True, False, True])
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        progress.pass_stage(s, enrollment, 2, date(2026, 2, 10), "Rina")
    assert fields_of(err)["stage"] == "Tahapan: kehadiran 3 dari 5 sesi (60%) di bawah batas 80%"
    with db.transaction() as s:  # the threshold is a setting
        set_setting(s, "attendance_threshold", 0.6, valid_from=date(2026, 1, 1))
        progress.pass_stage(s, enrollment, 2, date(2026, 2, 10), "Rina")


def test_only_the_current_stage_can_be_passed(db: Database, setup: tuple[str, Fam, str]) -> None:
    _, _, enrollment = setup
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        progress.pass_stage(s, enrollment, 3, date(2026, 1, 20), "Rina")
    assert "hanya tahap yang sedang dijalani" in fields_of(err)["stage"]
    with db.transaction() as s:
        progress.pass_stage(s, enrollment, 1, date(2026, 1, 20), "Rina")
    with pytest.raises(ValidationError) as err, db.transaction() as s:  # no way back by passing again
        progress.pass_stage(s, enrollment, 1, date(2026, 1, 21), "Rina")
    assert "gunakan koreksi tahapan" in fields_of(err)["stage"]
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        progress.pass_stage(s, enrollment, 2, date(2026, 1, 19), "")
    assert set(fields_of(err)) == {"passed_on", "passed_by"}
    assert fields_of(err)["passed_on"] == "Tanggal lulus tahap: 19-01-2026 sebelum 20-01-2026"


def test_passing_all_six_completes_the_programme(db: Database, setup: tuple[str, Fam, str]) -> None:
    _, fam, enrollment = setup
    with db.transaction() as s:
        for stage in Stage:
            progress.pass_stage(s, enrollment, stage, date(2026, 1, 10 + stage), "Rina")
    with db.read() as s:
        detail = view.get_enrollment(s, enrollment)
        assert prog.open_enrollment(s, fam.id) is None
    assert detail.complete and detail.stage == Stage.MENTORING
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        progress.pass_stage(s, enrollment, 6, date(2026, 2, 1), "Rina")
    assert fields_of(err)["stage"] == "Tahapan: program sudah selesai, semua tahap sudah lulus"
    with db.transaction() as s:  # complete: the family may join another cohort
        cohort2 = make_cohort(s, "Kohort 2027", date(2027, 1, 4))
        assert prog.enroll(s, cohort2, fam.id, fam.mother, date(2027, 1, 4))


def test_correction_is_the_only_way_back_and_is_audited(db: Database, setup: tuple[str, Fam, str]) -> None:
    _, _, enrollment = setup
    with db.transaction() as s:
        for stage in (1, 2, 3):
            progress.pass_stage(s, enrollment, stage, date(2026, 1, 20 + stage), "Rina")
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        progress.correct_stage(s, enrollment, 2, " ", "", date(2026, 2, 1))
    assert set(fields_of(err)) == {"reason", "corrected_by"}
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        progress.correct_stage(s, enrollment, 4, "salah", "Koordinator", date(2026, 2, 1))
    assert fields_of(err)["to_stage"] == "Tahap tujuan: peserta sudah di tahap 4"
    with db.transaction() as s:
        correction_id = progress.correct_stage(
            s, enrollment, 2, "Kehadiran mindset salah dicatat", "Koordinator Dedi", date(2026, 2, 1)
        )
    with db.read() as s:
        correction = s.get(StageCorrection, correction_id)
        detail = view.get_enrollment(s, enrollment)
    assert correction is not None
    assert (correction.from_stage, correction.to_stage, correction.corrected_by, correction.corrected_on) == (
        4,
        2,
        "Koordinator Dedi",
        date(2026, 2, 1),
    )
    assert correction.reason == "Kehadiran mindset salah dicatat"
    assert detail.stage == Stage.MINDSET
    assert [st.passed_on is not None for st in detail.stages] == [True, False, False, False, False, False]


# --- cohort overview ---------------------------------------------------------------------------


def test_cohort_overview_stages_rates_and_falling_behind(db: Database) -> None:
    with db.transaction() as s:
        cohort = make_cohort(s)
        e = {}
        for serial in (1, 2, 3):
            fam = make_family(s, serial)
            e[serial] = prog.enroll(s, cohort, fam.id, fam.mother, ENROLLED)
        for serial in (1, 2, 3):
            progress.pass_stage(s, e[serial], 1, date(2026, 1, 20), "Rina")
        progress.pass_stage(s, e[3], 2, date(2026, 1, 25), "Rina")  # stage 2 had no session yet
        marks = {
            1: [True, True, True, True, True],  # all present
            2: [True, True, True, False, False],  # 3/5 and missed 2 of the last 3
        }
        for i in range(5):
            sid = progress.add_session(s, cohort, 2, date(2026, 2, 1 + i))
            progress.record_attendance(s, sid, {e[n]: marks[n][i] for n in (1, 2)})
        sid = progress.add_session(s, cohort, 3, date(2026, 2, 10))
        progress.record_attendance(s, sid, {e[3]: True})
        progress.add_session(s, cohort, 3, date(2026, 3, 1))  # in the future of the view: not counted
    with db.read() as s:
        overview = view.cohort_overview(s, cohort, on=date(2026, 2, 20))
    rows = {r.enrollment_id: r for r in overview.rows}
    assert overview.threshold == 0.8
    assert overview.stage_counts[Stage.MINDSET] == 2 and overview.stage_counts[Stage.COACHING] == 1
    one, two, three = rows[e[1]], rows[e[2]], rows[e[3]]
    assert one.stage == Stage.MINDSET and one.rate(Stage.MINDSET) == 1.0 and not one.falling_behind
    assert two.rate(Stage.MINDSET) == 0.6 and two.falling_behind
    assert two.missed_sessions == 3  # 2 mindset + the coaching session held since enrollment, unmarked
    assert three.stage == Stage.COACHING and three.rate(Stage.COACHING) == 1.0
    assert three.rate(Stage.MINDSET) == 0.0  # sessions of a stage already passed still count as missed
    assert three.missed_sessions == 5 and not three.falling_behind  # judged on the current stage only
    assert three.participant_name == "Siti Nurhaliza" and three.stage_label == "Coaching clinic kewirausahaan"


def test_missing_two_of_the_last_three_is_falling_behind_even_above_threshold(db: Database) -> None:
    with db.transaction() as s:
        cohort = make_cohort(s)
        fam = make_family(s)
        e = prog.enroll(s, cohort, fam.id, fam.mother, ENROLLED)
        progress.pass_stage(s, e, 1, date(2026, 1, 20), "Rina")
        for i, present in enumerate([True] * 8 + [False, True, False]):  # 9/11 = 82%, but 2 of the last 3 missed
            sid = progress.add_session(s, cohort, 2, date(2026, 2, 1 + i))
            progress.record_attendance(s, sid, {e: present})
    with db.read() as s:
        row = view.cohort_overview(s, cohort, on=date(2026, 3, 1)).rows[0]
    assert row.rate(Stage.MINDSET) == pytest.approx(9 / 11)
    assert row.falling_behind


# --- graduation decisions ----------------------------------------------------------------------


def add_assessment(s: Session, household_id: str, on: date = date(2026, 10, 1)) -> str:
    questionnaire = s.scalar(select(Questionnaire).where(Questionnaire.version == 1))
    if questionnaire is None:
        questionnaire = Questionnaire(
            id=uuid7(), scope="*", version=1, title="Uji", valid_from=date(2025, 1, 1), definition="{}"
        )
        s.add(questionnaire)
        s.flush()
    row = Assessment(
        id=uuid7(),
        scope=KECAMATAN,
        household_id=household_id,
        questionnaire_id=questionnaire.id,
        assessed_on=on,
        assessed_by="Rina",
        answers="{}",
        score=82.0,
        welfare_class="mandiri",
    )
    s.add(row)
    s.flush()
    return row.id


def test_approval_changes_status_and_schedules_follow_ups(db: Database) -> None:
    with db.transaction() as s:
        fam = make_family(s)
        assessment = add_assessment(s, fam.id)
        decision = dec.propose_graduation(s, fam.id, assessment, "Usaha jahit mandiri", "Rina", date(2026, 10, 5))
    with db.transaction() as s:
        dec.decide_graduation(s, decision, True, "Kasi Dedi", date(2026, 10, 31))
    with db.read() as s:
        hh = s.get(Household, fam.id)
        assert hh is not None
        assert (hh.status, hh.status_date) == ("graduasi_mandiri", date(2026, 10, 31))
        assert hh.status_reason == "Graduasi sejahtera mandiri: Usaha jahit mandiri"
        views = dec.household_decisions(s, fam.id)
    assert views[0].status == "disetujui" and views[0].decided_by == "Kasi Dedi"
    assert [v.due_on for v in views[0].follow_ups] == [date(2027, 4, 30), date(2027, 10, 31)]  # clamped to 30 Apr


def test_follow_up_months_come_from_settings(db: Database) -> None:
    with db.transaction() as s:
        set_setting(s, "follow_up_months", [3, 6, 12], valid_from=date(2026, 1, 1))
        fam = make_family(s)
        decision = dec.propose_graduation(s, fam.id, add_assessment(s, fam.id), "Mandiri", "Rina", date(2026, 10, 5))
        dec.decide_graduation(s, decision, True, "Kasi Dedi", date(2026, 11, 1))
        dues = s.scalars(select(FollowUpVisit.due_on).order_by(FollowUpVisit.due_on)).all()
    assert dues == [date(2027, 2, 1), date(2027, 5, 1), date(2027, 11, 1)]


def test_deciding_ones_own_proposal_is_refused(db: Database) -> None:
    with db.transaction() as s:
        fam = make_family(s)
        decision = dec.propose_graduation(s, fam.id, add_assessment(s, fam.id), "Mandiri", "Rina", date(2026, 10, 5))
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        dec.decide_graduation(s, decision, True, "  rina ", date(2026, 10, 6))
    assert fields_of(err) == {"decided_by": "Diputuskan oleh: pengusul tidak boleh memutuskan usulannya sendiri"}
    with db.read() as s:
        hh = s.get(Household, fam.id)
        assert hh is not None and hh.status == "aktif"
        assert s.scalars(select(FollowUpVisit)).all() == []


def test_rejection_needs_a_note_and_leaves_the_family_active(db: Database) -> None:
    with db.transaction() as s:
        fam = make_family(s)
        decision = dec.propose_graduation(s, fam.id, add_assessment(s, fam.id), "Mandiri", "Rina", date(2026, 10, 5))
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        dec.decide_graduation(s, decision, False, "Kasi Dedi", date(2026, 10, 6))
    assert fields_of(err) == {"note": "Alasan penolakan: wajib diisi"}
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        dec.decide_graduation(s, decision, False, "Kasi Dedi", date(2026, 10, 4), note="x")
    assert "sebelum tanggal usulan 05-10-2026" in fields_of(err)["decided_on"]
    with db.transaction() as s:
        dec.decide_graduation(s, decision, False, "Kasi Dedi", date(2026, 10, 6), note="Usaha belum stabil")
    with db.read() as s:
        hh = s.get(Household, fam.id)
        row = s.get(GraduationDecision, decision)
        assert hh is not None and hh.status == "aktif"
        assert row is not None and (row.status, row.decision_note) == ("ditolak", "Usaha belum stabil")
        assert s.scalars(select(FollowUpVisit)).all() == []
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        dec.decide_graduation(s, decision, True, "Kasi Dedi", date(2026, 10, 7))
    assert fields_of(err)["decision_id"] == "Usulan graduasi: sudah diputuskan (ditolak)"
    with db.transaction() as s:  # after a rejection a new proposal is possible
        assert dec.propose_graduation(s, fam.id, add_assessment(s, fam.id), "Lagi", "Rina", date(2026, 12, 1))


def test_proposal_refusals(db: Database) -> None:
    with db.transaction() as s:
        fam = make_family(s, 1)
        other = make_family(s, 2)
        foreign = add_assessment(s, other.id)
        own = add_assessment(s, fam.id, on=date(2026, 10, 1))
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        dec.propose_graduation(s, fam.id, foreign, "", "", date(2026, 10, 5))
    assert fields_of(err) == {
        "assessment_id": "Asesmen pendukung: bukan asesmen keluarga ini",
        "reason": "Alasan: wajib diisi",
        "proposed_by": "Diusulkan oleh: wajib diisi",
    }
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        dec.propose_graduation(s, fam.id, own, "Mandiri", "Rina", date(2026, 9, 1))
    assert "setelah tanggal usulan" in fields_of(err)["assessment_id"]
    with db.transaction() as s:
        dec.propose_graduation(s, fam.id, own, "Mandiri", "Rina", date(2026, 10, 5))
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        dec.propose_graduation(s, fam.id, own, "Mandiri", "Rina", date(2026, 10, 6))
    assert fields_of(err)["household_id"] == "Keluarga: masih ada usulan graduasi yang belum diputuskan"


def test_record_follow_up(db: Database) -> None:
    with db.transaction() as s:
        fam = make_family(s)
        decision = dec.propose_graduation(s, fam.id, add_assessment(s, fam.id), "Mandiri", "Rina", date(2026, 10, 5))
        dec.decide_graduation(s, decision, True, "Kasi Dedi", date(2026, 11, 1))
        first = s.scalars(select(FollowUpVisit.id).order_by(FollowUpVisit.due_on)).first()
    assert first is not None
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        dec.record_follow_up(s, first, date(2026, 10, 1), None)
    assert set(fields_of(err)) == {"visited_on", "still_independent"}
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        dec.record_follow_up(s, first, date(2027, 5, 2), False)
    assert fields_of(err) == {"notes": "Catatan: wajib diisi bila keluarga tidak lagi mandiri"}
    with db.transaction() as s:
        dec.record_follow_up(s, first, date(2027, 5, 2), True, " Usaha masih berjalan ")
    with db.read() as s:
        visit = dec.household_decisions(s, fam.id)[0].follow_ups[0]
    assert (visit.visited_on, visit.still_independent, visit.notes) == (date(2027, 5, 2), True, "Usaha masih berjalan")


def test_cohort_overview_does_not_query_per_family(db: Database) -> None:
    from sqlalchemy import event

    with db.transaction() as s:
        cohort = make_cohort(s)
        for serial in range(1, 7):
            fam = make_family(s, serial)
            prog.enroll(s, cohort, fam.id, fam.mother, ENROLLED)
        sid = progress.add_session(s, cohort, 1, date(2026, 2, 1))
        progress.record_attendance(s, sid, {e: True for e in s.scalars(select(Enrollment.id))})
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.read() as s:
            overview = view.cohort_overview(s, cohort, on=date(2026, 3, 1))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(overview.rows) == 6 and all(r.rate(Stage.SELECTION) == 1.0 for r in overview.rows)
    assert len(statements) <= 4  # the cohort, the setting, the enrollments, the sessions with their marks
