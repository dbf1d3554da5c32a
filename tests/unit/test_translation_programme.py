"""English for the programme, graduation, relief and recap services: what the screen shows goes through the
translator; what is stored (status reasons, proposal details, a civil file's bad rows) and the documents
(graduation report, BNBA, berita acara, event report, Wali Kota recap) stay Bahasa. The marking translator
(``tests.translation_fakes``) brackets every translated text, so a ``⟦`` shows exactly what was translated."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.models import Household
from simoncer_desktop.reports.excel.recap_workbook import write_recap
from simoncer_desktop.reports.pdf.graduation_report import write_graduation_reports
from simoncer_desktop.reports.relief_print import DocumentKind, DocumentRequest, check_request, print_document
from simoncer_desktop.reports.safe_write import ReportWriteError
from simoncer_desktop.services import caseload
from simoncer_desktop.services import graduation_report as gr
from simoncer_desktop.services import natural_graduation as ng
from simoncer_desktop.services import programme as prog
from simoncer_desktop.services.assessment import change_label
from simoncer_desktop.services.graduation_targets import NO_FACILITATOR, no_facilitator
from simoncer_desktop.services.natural_graduation_rules import reason_label, reason_labels
from simoncer_desktop.services.programme import STAGE_LABELS, CohortInput, Stage
from simoncer_desktop.services.programme_decision import decision_status_label
from simoncer_desktop.services.recap import build_recap, parse_period
from simoncer_desktop.services.recap_model import natural_reason_label, welfare_label
from simoncer_desktop.services.relief_documents import bnba
from simoncer_desktop.services.relief_victim_lookup import lookup_hint
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN, household, member
from tests.relief_document_rows import make_scenario
from tests.translation_fakes import has_mark, marked_translation
from tests.unit.test_graduation_report import graduate_family

QUARTER = "2026Q3"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def workbook_texts(path: Path) -> list[str]:
    book = load_workbook(path)
    texts = [str(cell.value) for ws in book.worksheets for row in ws.iter_rows() for cell in row if cell.value]
    return texts + [ws.title for ws in book.worksheets]


# --- on screen: translated --------------------------------------------------------------------------


def test_labels_shown_on_screen_are_translated_the_tables_stay_bahasa() -> None:
    with marked_translation():
        assert Stage.MINDSET.label == "⟦Mindset (psikolog)⟧"
        assert STAGE_LABELS[Stage.MINDSET] == "Mindset (psikolog)"
        assert reason_label("pindah") == "⟦Pindah domisili⟧"
        assert reason_labels(["meninggal", "x"]) == "⟦Pengurus/semua anggota layak meninggal⟧; x"
        assert natural_reason_label("mampu") == "⟦Sudah mampu⟧"
        assert welfare_label("") == "⟦Belum dinilai⟧"
        assert decision_status_label("disetujui") == "⟦Disetujui⟧"
        assert change_label("naik") == "⟦naik⟧" and change_label(None) is None
        assert no_facilitator() == "⟦(Tanpa pendamping)⟧" and NO_FACILITATOR == "(Tanpa pendamping)"
        assert lookup_hint("3271") == "⟦Ketik minimal 8 digit NIK/No. KK⟧"
    # without a translator: the source text, byte for byte
    assert Stage.MINDSET.label == "Mindset (psikolog)" and reason_label("pindah") == "Pindah domisili"


def test_service_messages_are_translated(db: Database) -> None:
    with marked_translation():
        with db.transaction() as s, pytest.raises(ValidationError) as err:
            prog.create_cohort(s, CohortInput(name="", year=1900, starts_on=None, scope=KECAMATAN))
        messages = err.value.by_field()
        assert messages["name"] == "⟦{label}: wajib diisi⟧".replace("{label}", "⟦Nama kohort⟧")
        assert messages["starts_on"] == "⟦Tanggal mulai: wajib diisi⟧"
        assert messages["year"] == "⟦Tahun: harus tahun yang wajar (tertulis 1900)⟧"
        with pytest.raises(ValidationError, match="⟦Kuartal 'x' tidak sah"):
            ng.parse_quarter("x")
        with pytest.raises(ValidationError) as err:
            check_request(DocumentRequest(DocumentKind.EVENT_REPORT, "x", "xlsx"))
        assert str(err.value) == "⟦{document}: format {shown} tidak tersedia (hanya {wanted})⟧".format(
            document="⟦Laporan kejadian⟧", shown=".xlsx", wanted=".pdf"
        )
        with db.read() as s, pytest.raises(NotFoundError, match=r"^⟦Keluarga dengan id 'nope'"):
            gr.family_report(s, "nope")
    with pytest.raises(ValidationError, match=r"^Kuartal 'x' tidak sah"):
        ng.parse_quarter("x")


def test_a_failed_write_is_told_in_the_screen_language(db: Database, tmp_path: Path) -> None:
    """The writers draw inside ``untranslated()`` but the file errors are made outside it."""
    with db.read() as s:
        recap = build_recap(s, parse_period("2026"))
    with marked_translation(), pytest.raises(ReportWriteError) as err:
        write_recap(recap, tmp_path / "missing" / "rekap.xlsx")
    assert has_mark(str(err.value)) and "tidak ada" in str(err.value)


# --- stored and printed: Bahasa ---------------------------------------------------------------------


def test_natural_graduation_stores_bahasa_and_reads_a_bahasa_civil_file(db: Database, tmp_path: Path) -> None:
    """Proposal details, a civil file's bad rows and the graduated family's status reason are stored:
    Bahasa on an English screen. The civil file's Bahasa values (PINDAH) are still understood."""
    moving = member("Siti Aminah", date(1985, 6, 1), "P", 21, relation="istri", is_recipient=True)
    with db.transaction() as s:
        deceased = caseload.create_household(
            s,
            household(1),
            [
                member("Siti Aminah", date(1985, 6, 1), "P", 11, relation="istri", is_recipient=True, deceased=True),
                member("Dédé", date(2023, 1, 5), "P", 12),
            ],
        )
        moved = caseload.create_household(s, household(2), [moving, member("Asep", date(2023, 1, 5), "L", 22)])
    civil = tmp_path / "dukcapil.csv"
    with civil.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(("NIK", "PERISTIWA", "TANGGAL"))
        writer.writerow((moving.nik, "PINDAH", "15-08-2026"))
        writer.writerow(("123", "", ""))
    with marked_translation():
        with db.transaction() as s:
            run = ng.propose(s, QUARTER, "Operator Uji", civil_file=civil, on=date(2026, 10, 5))
        proposals = {p.household_id: p for p in run.proposals}
        assert proposals[deceased].detail == "Pengurus Siti Aminah meninggal"
        assert proposals[moved].reasons == ("pindah",)
        assert proposals[moved].detail == "Pengurus Siti Aminah pindah domisili 15-08-2026 (data dukcapil)"
        assert proposals[deceased].reason_labels == "⟦Pengurus/semua anggota layak meninggal⟧"  # shown
        assert len(run.bad_rows) == 1 and run.bad_rows[0].startswith("Baris 3: ")
        assert not has_mark(run.bad_rows[0])
        with db.transaction() as s:
            ng.decide(s, run.id, "all", ng.APPROVED, "Kasi Uji")
            result = ng.apply_run(s, run.id, "Kasi Uji", on=date(2026, 10, 6))
        assert {v.household_id for v in result.graduated} == {deceased, moved}
        with db.read() as s:
            reason = s.get(Household, deceased).status_reason
        with db.read() as s:
            stored = ng.get_run(s, run.id)
    assert reason == "Graduasi alamiah: Pengurus/semua anggota layak meninggal"
    assert stored.bad_rows == run.bad_rows


def test_self_reliant_status_reason_stays_bahasa(db: Database) -> None:
    with marked_translation(), db.transaction() as s:
        g = graduate_family(s, 1, date(2026, 9, 15))
        assert s.get(Household, g.household_id).status_reason.startswith("Graduasi sejahtera mandiri: ")


def test_graduation_report_is_bahasa_on_an_english_screen(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        g = graduate_family(s, 1, date(2026, 9, 15))
    with db.read() as s:
        plain = gr.family_report(s, g.household_id, today=date(2026, 10, 1))
    with marked_translation():
        with db.read() as s:
            report = gr.family_report(s, g.household_id, today=date(2026, 10, 1))
            quarter = gr.quarter_reports(s, QUARTER, today=date(2026, 10, 1))
        out = tmp_path / "graduasi.pdf"
        write_graduation_reports([report, *quarter.reports], out, made_on=date(2026, 10, 1))
    assert report == plain  # labels and the verification code are the Bahasa ones
    assert report.decision is not None and report.decision.status == "Disetujui"
    assert report.enrollments[0].stages[1].label == "Mindset (psikolog)"
    text = pdf_text(out)
    assert "Mindset (psikolog)" in text and "Graduasi sejahtera mandiri" in text
    assert not has_mark(text)


@pytest.mark.parametrize(
    ("kind", "file_format"),
    [
        (DocumentKind.BNBA, "pdf"),
        (DocumentKind.BNBA, "xlsx"),
        (DocumentKind.BERITA_ACARA, "pdf"),
        (DocumentKind.BERITA_ACARA, "xlsx"),
        (DocumentKind.EVENT_REPORT, "pdf"),
    ],
)
def test_relief_documents_are_bahasa_on_an_english_screen(
    db: Database, tmp_path: Path, kind: DocumentKind, file_format: str
) -> None:
    with db.transaction() as s:
        scenario = make_scenario(s)
    path = tmp_path / f"dokumen.{file_format}"
    with marked_translation(), db.read() as s:
        printed = print_document(s, DocumentRequest(kind, scenario.event_id, file_format), path)
        data = bnba(s, scenario.event_id)
    assert has_mark(printed.summary)  # said on screen
    assert not any(has_mark(r.relation + r.damage + r.condition) for r in data.rows)
    assert data.event.kind_label == "Banjir"
    texts = [pdf_text(path)] if file_format == "pdf" else workbook_texts(path)
    assert texts and not any(has_mark(t) for t in texts)
    if kind is DocumentKind.BNBA and file_format == "xlsx":
        assert "Rusak berat" in texts  # the Bahasa label of the house damage


def test_recap_preview_is_translated_the_workbook_is_not(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        make_scenario(s)
        graduate_family(s, 2, date(2026, 9, 15))
    with marked_translation():
        with db.read() as s:
            recap = build_recap(s, parse_period("2026"), now=datetime(2026, 11, 26, 9, 0))
        written = write_recap(recap, tmp_path / "rekap.xlsx")
    assert recap.notes and all(has_mark(n) for n in recap.notes)  # "Periode 2026 masih berjalan" on screen
    assert recap.document_notes == ["Periode 2026 masih berjalan: komponen PKH dihitung per 26-11-2026"]
    assert [e.kind_label for e in recap.events] == ["⟦Banjir⟧"]
    assert any(f.name == "⟦(Tanpa pendamping)⟧" for f in recap.facilitators)
    texts = workbook_texts(written)
    assert not any(has_mark(t) for t in texts)
    assert "Banjir" in texts and NO_FACILITATOR in texts
    assert any(t.startswith("Periode 2026 masih berjalan") for t in texts)
