"""The graduation report: the data gathered per family and per quarter, and the PDF drawn from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import Facilitator
from simoncer_desktop.reports.pdf.graduation_report import write_graduation_reports
from simoncer_desktop.services import caseload
from simoncer_desktop.services import graduation_report as gr
from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_decision as dec
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services.programme import CohortInput, StageInput
from simoncer_desktop.services.settings import set_setting
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN, family
from tests.unit.test_programme import add_assessment

ENROLLED = date(2026, 1, 10)


@dataclass
class Graduated:
    household_id: str
    decision_id: str
    no_kk: str
    mother_nik: str


def graduate_family(s: Session, serial: int, decided_on: date, facilitator: str | None = None) -> Graduated:
    """A family enrolled in its own cohort (mother participates) with two mindset sessions (one attended),
    stage 5's grant, two assessments, and an approved graduasi sejahtera mandiri decision on ``decided_on``."""
    data, members = family(serial)
    data.facilitator_id = facilitator
    hh = caseload.create_household(s, data, members)
    cohort = prog.create_cohort(
        s, CohortInput(name=f"Kohort Bogor Selatan {serial}", year=2026, starts_on=date(2026, 1, 5), scope=KECAMATAN)
    )
    detail = caseload.get_household(s, hh, on=ENROLLED)
    mother = next(m for m in detail.members if m.is_recipient)
    enrollment = prog.enroll(s, cohort, hh, mother.id, ENROLLED)
    progress.pass_stage(s, enrollment, 1, date(2026, 1, 20), "Rina Pendamping")
    for day, present in ((1, True), (8, False)):
        sid = progress.add_session(s, cohort, 2, date(2026, 2, day), topic="Mindset", partner="DP3A")
        progress.record_attendance(s, sid, {enrollment: present})
    prog.update_stage(s, enrollment, 2, StageInput(actual_start=date(2026, 2, 1), actual_end=date(2026, 2, 8)))
    prog.update_stage(
        s,
        enrollment,
        5,
        StageInput(
            planned_start=date(2026, 5, 1),
            planned_end=date(2026, 5, 31),
            grant_kind="modal",
            grant_amount=5_000_000,
            business_started=True,
            skill="Menjahit",
        ),
    )
    first = add_assessment(s, hh, on=date(2026, 1, 5))
    latest = add_assessment(s, hh, on=date(2026, 7, 20))
    from simoncer_desktop.models import Assessment

    s.get(Assessment, first).welfare_class = "kurang_mampu"
    s.get(Assessment, first).score = 41.0
    s.flush()
    decision = dec.propose_graduation(s, hh, latest, "Usaha jahit sudah mandiri", "Rina Pendamping", decided_on)
    dec.decide_graduation(s, decision, True, "Kasi Dedi Supervisor", decided_on)
    return Graduated(hh, decision, data.no_kk, mother.nik or "")


@pytest.fixture
def graduated(db: Database) -> list[Graduated]:
    with db.transaction() as s:
        fac = Facilitator(id=uuid7(), scope=KECAMATAN, name="Rina Pendamping", kelurahan_codes="")
        s.add(fac)
        s.flush()
        set_setting(s, "report_coordinator_name", "Bambang Koordinator", date(2026, 1, 1))
        set_setting(s, "report_head_of_office_name", "Dra. Hj. Kepala Dinas", date(2026, 1, 1))
        out = [
            graduate_family(s, 1, date(2026, 9, 15), fac.id),
            graduate_family(s, 2, date(2026, 8, 3), fac.id),
            graduate_family(s, 3, date(2026, 10, 2)),  # next quarter
        ]
    return out


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_family_report_gathers_every_part(db: Database, graduated: list[Graduated]) -> None:
    g = graduated[0]
    with db.read() as s:
        r = gr.family_report(s, g.household_id, today=date(2026, 10, 1))
    assert r.no_kk == g.no_kk and r.recipient_name == "Siti Nurhaliza" and r.recipient_nik == g.mother_nik
    assert r.members[0].name == "Siti Nurhaliza" and len(r.members) == 4
    assert "Anak SD" in r.components and r.yearly_amount > 0
    assert [(a.welfare_class, a.change) for a in r.assessments] == [("Kurang mampu", None), ("Mandiri", "naik")]
    stages = r.enrollments[0].stages
    assert [s.number for s in stages] == [1, 2, 3, 4, 5, 6]
    assert (stages[1].present, stages[1].sessions) == (1, 2)
    assert stages[0].passed_on == date(2026, 1, 20) and stages[4].grant_amount == 5_000_000
    assert r.decision is not None and r.decision.decided_by == "Kasi Dedi Supervisor"
    assert r.decision.status == "Disetujui" and r.decision.kind == "Graduasi sejahtera mandiri"
    assert r.signatories.facilitator == "Rina Pendamping"
    assert r.signatories.coordinator == "Bambang Koordinator"
    assert re.fullmatch(rf"SIMONCER\|{g.decision_id}\|{g.household_id}\|[0-9A-F]{{12}}", r.verification)


def test_unknown_family_is_a_bahasa_not_found(db: Database) -> None:
    with db.read() as s, pytest.raises(NotFoundError, match="tidak ditemukan"):
        gr.family_report(s, "nope")


def test_family_pdf_prints_every_fact(db: Database, graduated: list[Graduated], tmp_path: Path) -> None:
    g = graduated[0]
    with db.read() as s:
        r = gr.family_report(s, g.household_id)
    out = tmp_path / "graduasi.pdf"
    result = write_graduation_reports([r], out, made_on=date(2026, 10, 1))
    assert result.families == 1 and 1 <= result.pages <= 2
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    text = pdf_text(out)
    for expected in (
        "LAPORAN GRADUASI",
        "Siti Nurhaliza",
        "Dédé Rahmawati",
        g.no_kk,
        g.mother_nik,
        "Anak SD",
        "Anak usia dini",
        "Kurang mampu",
        "Mandiri",
        "Seleksi usia produktif",
        "Mindset (psikolog)",
        "Pendampingan berkelanjutan",
        "01-02-2026",
        "1/2 (50%)",
        "20-01-2026",
        "Rp5.000.000",
        "Kasi Dedi Supervisor",
        "15-09-2026",
        "Rina Pendamping",
        "Bambang Koordinator",
        "Dra. Hj. Kepala Dinas",
        "Graduasi sejahtera mandiri",
        r.verification,
    ):
        assert expected in text, expected
    fonts = {str(f) for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert fonts  # the embedded TTF (subset) fonts
    raw = out.read_bytes()
    assert b"DejaVuSans" in raw and b"/FontFile2" in raw
    # the QR code: many filled squares drawn in the first page's content stream
    content = reader.pages[0].get_contents().get_data()
    assert content.count(b" re") > 100


def test_quarter_pdf_has_one_section_per_family(db: Database, graduated: list[Graduated], tmp_path: Path) -> None:
    with db.read() as s:
        q = gr.quarter_reports(s, "2026q3")
    assert q.quarter == "2026Q3" and (q.start, q.end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert {r.household_id for r in q.reports} == {graduated[0].household_id, graduated[1].household_id}
    out = tmp_path / "kuartal.pdf"
    result = write_graduation_reports(q.reports, out)
    text = pdf_text(out)
    assert result.families == 2
    assert text.count("LAPORAN GRADUASI KELUARGA") == 2
    assert graduated[0].no_kk in text and graduated[1].no_kk in text and graduated[2].no_kk not in text
    first_pages = [p.extract_text() for p in PdfReader(out).pages if "LAPORAN GRADUASI" in p.extract_text()]
    assert len(first_pages) == 2


def test_bad_quarter_and_empty_quarter(db: Database, graduated: list[Graduated]) -> None:
    with db.read() as s:
        with pytest.raises(ValidationError, match="Kuartal"):
            gr.quarter_reports(s, "2026Q5")
        assert gr.quarter_reports(s, "2025Q1").reports == []


def test_no_partial_file_when_the_folder_does_not_exist(
    db: Database, graduated: list[Graduated], tmp_path: Path
) -> None:
    with db.read() as s:
        r = gr.family_report(s, graduated[0].household_id)
    with pytest.raises(OSError):
        write_graduation_reports([r], tmp_path / "missing" / "x.pdf")
    assert not (tmp_path / "missing").exists()


def test_failure_while_drawing_leaves_no_file(
    db: Database, graduated: list[Graduated], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simoncer_desktop.reports.pdf import graduation_report as pdf

    with db.read() as s:
        r = gr.family_report(s, graduated[0].household_id)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "x.pdf"
    out.write_bytes(b"old")

    def boom(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf._Writer, "_signatures", boom)
    with pytest.raises(RuntimeError):
        write_graduation_reports([r], out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["x.pdf"]
