"""Quarterly natural graduation: each reason, its exact boundaries, the civil file, decide and apply."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import (
    GLOBAL_SCOPE,
    Assessment,
    GraduationDecision,
    Household,
    NaturalGraduationProposal,
    NaturalGraduationRun,
    Questionnaire,
)
from simoncer_desktop.services import caseload
from simoncer_desktop.services import natural_graduation as ng
from simoncer_desktop.services.settings import set_setting
from simoncer_desktop.services.sheet_reader import SheetFileError
from simoncer_desktop.store import Database
from tests.factories import family, household, member

Q = "2026Q3"
END = date(2026, 9, 30)
DAY_AFTER = date(2026, 10, 1)


def add(db: Database, serial: int, members: list, **changes: object) -> str:
    with db.transaction() as session:
        return caseload.create_household(session, household(serial, **changes), members)


def mother(serial: int, **changes: object):
    return member("Siti Aminah", date(1985, 6, 1), "P", serial * 10 + 1, relation="istri", is_recipient=True, **changes)


def child(serial: int, born: date, name: str = "Dédé Rahmawati", n: int = 2, **changes: object):
    return member(name, born, "P", serial * 10 + n, **changes)


def pupil(serial: int, born: date, level: str = "sma", n: int = 2):
    return child(serial, born, "Rudi Hartono", n, education=level, in_school=True)


def propose(db: Database, civil: Path | None = None, quarter: str = Q) -> ng.RunView:
    with db.transaction() as session:
        return ng.propose(session, quarter, "Operator Uji", civil_file=civil, on=date(2026, 10, 5))


def by_household(view: ng.RunView) -> dict[str, ng.ProposalView]:
    return {p.household_id: p for p in view.proposals}


# --- quarters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026Q3", date(2026, 7, 1), date(2026, 9, 30)),
        (" 2026-Q4 ", date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_parse_quarter(text: str, start: date, end: date) -> None:
    assert ng.parse_quarter(text) == (start, end)


@pytest.mark.parametrize("text", ["", "2026Q5", "2026Q0", "Q3 2026", "2026-09", "26Q3", "abc"])
def test_a_bad_quarter_is_refused_in_bahasa(text: str) -> None:
    with pytest.raises(ValidationError, match=r"Kuartal .* tidak sah.*2026Q3"):
        ng.parse_quarter(text)


# --- reasons ------------------------------------------------------------------------------------------


def test_a_family_with_components_is_not_proposed(db: Database) -> None:
    with db.transaction() as session:
        caseload.create_household(session, *family(1))
    view = propose(db)
    assert view.proposals == []
    assert view.counts == {"meninggal": 0, "tanpa_komponen": 0, "pindah": 0, "mampu": 0}


def test_a_pupil_on_the_last_day_of_school_age_keeps_the_family(db: Database) -> None:
    # 21 on 30-09-2026 (22 only on 01-10-2026): still within school_max_age 21.
    add(db, 1, [mother(1), pupil(1, date(2004, 10, 1))])
    # 22 exactly on the quarter's last day: aged out.
    out = add(db, 2, [mother(2), pupil(2, date(2004, 9, 30))])
    proposals = by_household(propose(db))
    assert list(proposals) == [out]
    assert proposals[out].reasons == ("tanpa_komponen",)
    detail = proposals[out].detail
    assert "Rudi Hartono (Anak SMA) berusia 22 tahun per 30-09-2026" in detail
    assert "batas usia sekolah 21 tahun" in detail


def test_an_early_child_ages_out_at_seven_unless_in_school(db: Database) -> None:
    add(db, 1, [mother(1), child(1, date(2019, 10, 1))])  # 6 on the quarter end
    out = add(db, 2, [mother(2), child(2, date(2019, 9, 30))])  # 7 on the quarter end
    add(db, 3, [mother(3), pupil(3, date(2019, 9, 30), level="sd")])  # 7 but in SD
    proposals = by_household(propose(db))
    assert list(proposals) == [out]
    assert "(Anak usia dini) berusia 7 tahun per 30-09-2026, melewati batas 6 tahun" in proposals[out].detail


def test_an_elderly_member_reaching_the_age_on_the_last_day_counts(db: Database) -> None:
    elder = dict(relation="kepala", is_recipient=True)
    add(db, 1, [member("Mak Onah", date(1956, 9, 30), "P", 11, **elder)])  # 70 on 30-09-2026
    out = add(db, 2, [member("Mak Icih", date(1956, 10, 1), "P", 21, **elder)])  # 69
    proposals = by_household(propose(db))
    assert list(proposals) == [out]
    assert proposals[out].reasons == ("tanpa_komponen",)
    assert proposals[out].detail.startswith("Tidak ada anggota hidup yang memenuhi syarat komponen PKH per 30-09-2026")


def test_a_recipient_dying_on_the_quarters_last_day_counts_the_day_after_does_not(db: Database) -> None:
    on_last = add(db, 1, [mother(1, deceased=True, death_date=END), child(1, date(2023, 1, 5))])
    add(db, 2, [mother(2, deceased=True, death_date=DAY_AFTER), child(2, date(2023, 1, 5))])
    proposals = by_household(propose(db))
    assert list(proposals) == [on_last]
    # pengurus died, a toddler still qualifies: meninggal only
    assert proposals[on_last].reasons == ("meninggal",)
    assert proposals[on_last].detail == "Pengurus Siti Aminah meninggal 30-09-2026"


def test_a_deceased_recipient_without_a_date_counts(db: Database) -> None:
    hh = add(db, 1, [mother(1, deceased=True), child(1, date(2023, 1, 5))])
    assert by_household(propose(db))[hh].detail == "Pengurus Siti Aminah meninggal"


def test_all_eligible_members_deceased(db: Database) -> None:
    hh = add(
        db,
        1,
        [
            mother(1),
            child(1, date(2023, 1, 5), "Asep", 2, deceased=True, death_date=date(2026, 8, 2)),
            pupil(1, date(2015, 1, 1), level="sd", n=3),
        ],
    )
    with db.transaction() as session:  # the pupil dies too, the day the quarter ends
        pupil_row = next(m for m in session.get(Household, hh).members if m.name == "Rudi Hartono")
        pupil_row.deceased, pupil_row.death_date = True, END
    p = by_household(propose(db))[hh]
    assert p.reasons == ("meninggal",)  # the deaths explain the lost components: no tanpa_komponen
    assert p.detail == (
        "semua anggota yang memenuhi syarat komponen telah meninggal: "
        "Rudi Hartono meninggal 30-09-2026, Asep meninggal 02-08-2026"
    )


def test_one_of_two_eligible_members_deceased_is_no_reason(db: Database) -> None:
    add(
        db,
        1,
        [
            mother(1),
            child(1, date(2023, 1, 5), "Asep", 2, deceased=True, death_date=date(2026, 8, 2)),
            pupil(1, date(2015, 1, 1), "sd", 3),
        ],
    )
    assert propose(db).proposals == []


def test_desil_above_the_limit(db: Database) -> None:
    add(db, 1, family(1)[1], desil=4)
    above = add(db, 2, family(2)[1], desil=5)
    proposals = by_household(propose(db))
    assert list(proposals) == [above]
    assert proposals[above].reasons == ("mampu",)
    assert proposals[above].detail == "Sudah mampu: desil 5 > batas 4"
    with db.transaction() as session:
        set_setting(session, "pkh_max_desil", 5, valid_from=date(2026, 1, 1))
    assert propose(db, quarter="2026Q4").proposals == []


def _assessment(session: Session, household_id: str, on: date, welfare: str, score: float = 70.0) -> None:
    questionnaire = session.scalar(select(Questionnaire).where(Questionnaire.version == 99))
    if questionnaire is None:
        questionnaire = Questionnaire(
            scope=GLOBAL_SCOPE, version=99, title="Uji", valid_from=date(2024, 1, 1), definition=json.dumps({})
        )
        session.add(questionnaire)
        session.flush()
    session.add(
        Assessment(
            id=uuid7(),
            scope="32.71.01",
            household_id=household_id,
            questionnaire_id=questionnaire.id,
            assessed_on=on,
            assessed_by="Pendamping Uji",
            answers="{}",
            score=score,
            welfare_class=welfare,
        )
    )


def test_well_off_by_the_latest_assessment_on_or_before_the_quarter_end(db: Database) -> None:
    able = add(db, 1, family(1)[1])
    improved_then_fell = add(db, 2, family(2)[1])
    assessed_later = add(db, 3, family(3)[1])
    independent = add(db, 4, family(4)[1])
    with db.transaction() as session:
        _assessment(session, able, END, "mampu", 72.5)
        _assessment(session, improved_then_fell, date(2026, 5, 1), "mampu")
        _assessment(session, improved_then_fell, date(2026, 8, 1), "kurang_mampu")
        _assessment(session, assessed_later, DAY_AFTER, "mandiri")
        _assessment(session, independent, date(2026, 7, 15), "mandiri", 90)
    proposals = by_household(propose(db))
    assert set(proposals) == {able, independent}
    assert proposals[able].detail == "Sudah mampu: asesmen 30-09-2026: kelas Mampu (skor 72.5)"
    assert proposals[independent].reasons == ("mampu",)


def test_several_reasons_are_listed_together(db: Database) -> None:
    hh = add(db, 1, [mother(1, deceased=True, death_date=date(2026, 7, 1)), pupil(1, date(2000, 1, 1))], desil=7)
    p = by_household(propose(db))[hh]
    assert p.reasons == ("meninggal", "tanpa_komponen", "mampu")
    assert "desil 7 > batas 4" in p.detail


def test_only_live_active_families_are_proposed(db: Database) -> None:
    add(db, 1, [mother(1), pupil(1, date(2000, 1, 1))], status="graduasi_mandiri")
    add(db, 2, [mother(2), pupil(2, date(2000, 1, 1))], status="nonaktif")
    add(db, 3, [mother(3), pupil(3, date(2000, 1, 1))], status="graduasi_alamiah")
    gone = add(db, 4, [mother(4), pupil(4, date(2000, 1, 1))])
    with db.transaction() as session:
        caseload.delete_household(session, gone)
    assert propose(db).proposals == []


def test_a_family_without_members_has_no_component(db: Database) -> None:
    hh = add(db, 1, [])
    p = by_household(propose(db))[hh]
    assert p.reasons == ("tanpa_komponen",)
    assert p.detail == "Keluarga tidak punya anggota"


def test_nothing_changes_on_families_when_proposing(db: Database) -> None:
    hh = add(db, 1, [mother(1), pupil(1, date(2000, 1, 1))])
    view = propose(db)
    with db.read() as session:
        assert session.get(Household, hh).status == "aktif"
        run = session.get(NaturalGraduationRun, view.id)
        assert (run.quarter, run.quarter_end, run.created_by, run.applied_on) == (Q, END, "Operator Uji", None)
        rows = session.scalars(select(NaturalGraduationProposal)).all()
        assert [(r.household_id, r.reasons, r.decision) for r in rows] == [(hh, "tanpa_komponen", "")]


# --- the civil-registration file --------------------------------------------------------------------


def _write_civil(path: Path, rows: list[tuple[object, object, object]], header=("NIK", "PERISTIWA", "TANGGAL")) -> Path:
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(header)
            writer.writerows(rows)
    else:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Data peristiwa Disdukcapil"])
        ws.append(list(header))
        for row in rows:
            ws.append(list(row))
        wb.save(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_civil_file_is_matched_by_nik(db: Database, tmp_path: Path, suffix: str) -> None:
    moved_mother = mother(1)
    moved = add(db, 1, [moved_mother, child(1, date(2023, 1, 5))])
    toddler = child(2, date(2023, 1, 5), "Asep", 2)
    orphaned = add(db, 2, [mother(2), toddler])
    late = mother(3)
    add(db, 3, [late, child(3, date(2023, 1, 5))])
    path = _write_civil(
        tmp_path / f"dukcapil{suffix}",
        [
            (moved_mother.nik, "PINDAH", "15-08-2026"),
            (toddler.nik, "Meninggal", "2026-09-30"),
            (late.nik, "MENINGGAL", "01-10-2026"),  # after the quarter: ignored, but matched
            ("3271019999990001", "MENINGGAL", "01-08-2026"),  # nobody
            ("3271011234", "PINDAH", "01-08-2026"),
            (moved_mother.nik, "LAHIR", "01-08-2026"),
            (toddler.nik, "MENINGGAL", "31-02-2026"),
            (None, None, None),  # blank rows are skipped silently
        ],
        header=("nik", "Event", "TGL") if suffix == ".csv" else ("NIK", "PERISTIWA", "TANGGAL"),
    )
    view = propose(db, path)
    proposals = by_household(view)
    assert set(proposals) == {moved, orphaned}
    assert proposals[moved].reasons == ("pindah",)
    assert proposals[moved].detail == "Pengurus Siti Aminah pindah domisili 15-08-2026 (data dukcapil)"
    assert proposals[orphaned].reasons == ("meninggal",)
    assert "Asep meninggal 30-09-2026" in proposals[orphaned].detail
    assert view.unmatched_niks == ["3271019999990001"]
    first = 2 if suffix == ".csv" else 3
    assert [b.split(":")[0] for b in view.bad_rows] == [f"Baris {first + n}" for n in (4, 5, 6)]
    assert "harus 16 digit" in view.bad_rows[0]
    assert "PERISTIWA: 'LAHIR' tidak dikenal" in view.bad_rows[1]
    assert "tidak ada di kalender" in view.bad_rows[2]
    with db.read() as session:
        run = session.get(NaturalGraduationRun, view.id)
        assert run.source_file == str(path)
        stored = ng.get_run(session, view.id)
    assert (stored.unmatched_niks, stored.bad_rows) == (view.unmatched_niks, view.bad_rows)


def test_all_members_moving_is_a_move(db: Database, tmp_path: Path) -> None:
    a, b = member("Ujang", date(1980, 1, 1), "L", 11, relation="kepala"), child(1, date(2023, 1, 5))
    hh = add(db, 1, [a, b])  # no pengurus marked
    path = _write_civil(tmp_path / "d.csv", [(a.nik, "PINDAH", "01-07-2026"), (b.nik, "PINDAH", "02-07-2026")])
    p = by_household(propose(db, path))[hh]
    assert p.reasons == ("pindah",)
    assert p.detail.startswith("semua anggota pindah domisili (data dukcapil)")


def test_a_civil_file_without_the_columns_is_refused(db: Database, tmp_path: Path) -> None:
    path = _write_civil(tmp_path / "d.csv", [("x", "y", "z")], header=("NAMA", "ALAMAT", "RT"))
    with pytest.raises(SheetFileError, match="NIK, PERISTIWA dan TANGGAL"):
        propose(db, path)
    with db.read() as session:
        assert session.scalars(select(NaturalGraduationRun)).all() == []


def test_a_missing_civil_file_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(SheetFileError, match="tidak ditemukan"):
        propose(db, tmp_path / "nope.xlsx")


# --- decide and apply ---------------------------------------------------------------------------------


@pytest.fixture
def three(db: Database) -> tuple[ng.RunView, list[str]]:
    ids = [add(db, n, [mother(n), pupil(n, date(2000, 1, 1))]) for n in (1, 2, 3)]
    return propose(db), ids


def _proposal(view: ng.RunView, household_id: str) -> str:
    return by_household(view)[household_id].id


def test_apply_changes_only_approved_families(db: Database, three) -> None:
    view, (approved, rejected, undecided) = three
    with db.transaction() as session:
        assert ng.decide(session, view.id, [_proposal(view, approved)], "disetujui", "Kasi PKH", date(2026, 10, 6)) == 1
        ng.decide(session, view.id, [_proposal(view, rejected)], "ditolak", "Kasi PKH", date(2026, 10, 6))
    with db.transaction() as session:
        result = ng.apply_run(session, view.id, "Kepala Dinas", date(2026, 10, 7))
    assert [p.household_id for p in result.graduated] == [approved]
    with db.read() as session:
        statuses = {h: session.get(Household, h) for h in (approved, rejected, undecided)}
        hh = statuses[approved]
        assert (hh.status, hh.status_date) == ("graduasi_alamiah", END)
        assert hh.status_reason == "Graduasi alamiah: Tidak ada komponen PKH lagi"
        assert statuses[rejected].status == statuses[undecided].status == "aktif"
        decisions = session.scalars(select(GraduationDecision)).all()
        assert len(decisions) == 1
        d = decisions[0]
        assert (d.household_id, d.kind, d.status, d.run_id) == (approved, "graduasi_alamiah", "disetujui", view.id)
        assert (d.proposed_by, d.decided_by, d.decided_on) == ("Operator Uji", "Kasi PKH", date(2026, 10, 6))
        assert "Rudi Hartono" in d.reason
        run = session.get(NaturalGraduationRun, view.id)
        assert (run.applied_on, run.applied_by) == (date(2026, 10, 7), "Kepala Dinas")
        decided = ng.get_run(session, view.id).decided
    assert decided == {"disetujui": 1, "ditolak": 1, "": 1}


def test_approve_all_then_apply(db: Database, three) -> None:
    view, ids = three
    with db.transaction() as session:
        assert ng.decide(session, view.id, "all", "disetujui", "Kasi PKH") == 3
        assert len(ng.apply_run(session, view.id, "Kasi PKH").graduated) == 3
    with db.read() as session:
        assert {session.get(Household, h).status for h in ids} == {"graduasi_alamiah"}


def test_a_run_is_applied_once(db: Database, three) -> None:
    view, _ = three
    with db.transaction() as session:
        ng.decide(session, view.id, "all", "disetujui", "Kasi PKH")
        ng.apply_run(session, view.id, "Kasi PKH", date(2026, 10, 7))
    with db.transaction() as session, pytest.raises(ValidationError, match="sudah diterapkan pada 07-10-2026"):
        ng.apply_run(session, view.id, "Kasi PKH")
    with db.transaction() as session, pytest.raises(ValidationError, match="tidak dapat diubah"):
        ng.decide(session, view.id, "all", "ditolak", "Kasi PKH")
    with db.read() as session:
        assert len(session.scalars(select(GraduationDecision)).all()) == 3


def test_a_run_without_approved_rows_is_refused(db: Database, three) -> None:
    view, ids = three
    with db.transaction() as session:
        ng.decide(session, view.id, "all", "ditolak", "Kasi PKH")
    with db.transaction() as session, pytest.raises(ValidationError, match="Belum ada usulan yang disetujui"):
        ng.apply_run(session, view.id, "Kasi PKH")
    with db.read() as session:
        assert session.get(NaturalGraduationRun, view.id).applied_on is None
        assert {session.get(Household, h).status for h in ids} == {"aktif"}


def test_apply_is_one_transaction(db: Database, three) -> None:
    view, ids = three
    with db.transaction() as session:
        ng.decide(session, view.id, "all", "disetujui", "Kasi PKH")
    with pytest.raises(RuntimeError), db.transaction() as session:
        ng.apply_run(session, view.id, "Kasi PKH")
        raise RuntimeError("listrik padam")
    with db.read() as session:
        assert {session.get(Household, h).status for h in ids} == {"aktif"}
        assert session.get(NaturalGraduationRun, view.id).applied_on is None
        assert session.scalars(select(GraduationDecision)).all() == []


def test_decide_checks_its_input(db: Database, three) -> None:
    view, _ = three
    with db.transaction() as session, pytest.raises(ValidationError, match="Keputusan 'ya' tidak dikenal"):
        ng.decide(session, view.id, "all", "ya", "Kasi PKH")
    with db.transaction() as session, pytest.raises(ValidationError, match="bukan bagian dari daftar"):
        ng.decide(session, view.id, ["bukan-id"], "disetujui", "Kasi PKH")


def test_a_family_in_an_applied_run_of_the_quarter_is_not_proposed_again(db: Database, three) -> None:
    view, (approved, rejected, undecided) = three
    with db.transaction() as session:
        ng.decide(session, view.id, [_proposal(view, approved)], "disetujui", "Kasi PKH")
        ng.decide(session, view.id, [_proposal(view, rejected)], "ditolak", "Kasi PKH")
    again = propose(db)  # the first run is not applied yet: everyone again
    assert set(by_household(again)) == {approved, rejected, undecided}
    with db.transaction() as session:
        ng.apply_run(session, view.id, "Kasi PKH")
    assert propose(db).proposals == []  # rejected/undecided rows of the applied run stay out this quarter
    assert set(by_household(propose(db, quarter="2026Q4"))) == {rejected, undecided}


def test_apply_skips_a_family_whose_status_changed_meanwhile(db: Database, three) -> None:
    view, (first, second, _) = three
    with db.transaction() as session:
        ng.decide(session, view.id, [_proposal(view, first), _proposal(view, second)], "disetujui", "Kasi PKH")
        session.get(Household, second).status = "graduasi_mandiri"
    with db.transaction() as session:
        result = ng.apply_run(session, view.id, "Kasi PKH")
    assert [p.household_id for p in result.graduated] == [first]
    assert [(p.household_id, why) for p, why in result.skipped] == [
        (second, "status keluarga sudah Graduasi sejahtera mandiri")
    ]
