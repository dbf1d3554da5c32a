"""``reports.relief_print``: every document kind in every format it has, written and read back (pypdf /
openpyxl); requests refused before anything is read; default file names; failed writes leave no file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from simoncer_desktop.errors import NotFoundError, SimoncerError, ValidationError
from simoncer_desktop.reports.relief_print import (
    FORMATS,
    LABELS,
    DocumentKind,
    DocumentRequest,
    Printed,
    check_request,
    default_file_name,
    print_document,
)
from simoncer_desktop.reports.safe_write import ReportWriteError
from simoncer_desktop.store import Database
from tests.relief_document_rows import OTHER_KELURAHAN_SAME_KECAMATAN, Scenario, make_scenario

BNBA, BA, REPORT = DocumentKind.BNBA, DocumentKind.BERITA_ACARA, DocumentKind.EVENT_REPORT
ON = date(2026, 11, 25)
FMT = "file_format"


@pytest.fixture
def scenario(db: Database) -> Scenario:
    with db.transaction() as s:
        return make_scenario(s)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own (``tmp_path`` also holds the database and its journal)."""
    folder = tmp_path / "cetak"
    folder.mkdir()
    return folder


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def printed(db: Database, request: DocumentRequest, path: Path) -> Printed:
    with db.read() as s:
        return print_document(s, request, path)


# --- the API's tables --------------------------------------------------------------------------------


def test_kinds_formats_and_labels() -> None:
    assert [k.value for k in DocumentKind] == ["bnba", "berita_acara", "laporan_kejadian"]
    assert FORMATS == {BNBA: ("pdf", "xlsx"), BA: ("pdf", "xlsx"), REPORT: ("pdf",)}
    assert LABELS == {BNBA: "BNBA", BA: "Berita acara serah terima", REPORT: "Laporan kejadian"}


# --- every kind in every format ----------------------------------------------------------------------


def test_bnba_pdf(db: Database, scenario: Scenario, out: Path) -> None:
    path = out / default_file_name(BNBA, scenario.code, "pdf", ON)
    result = printed(db, DocumentRequest(BNBA, scenario.event_id, "pdf"), path)
    assert result == Printed(path, f"BNBA kejadian {scenario.code} (3 keluarga, 6 jiwa)", 1)
    assert len(PdfReader(path).pages) == 1
    text = text_of(path)
    assert "BY NAME BY ADDRESS" in text and "Asep Hidayat" in text and "Rina Santoso" in text


def test_bnba_workbook_of_one_kelurahan(db: Database, scenario: Scenario, out: Path) -> None:
    path = out / default_file_name(BNBA, scenario.code, "xlsx", ON)
    request = DocumentRequest(BNBA, scenario.event_id, "xlsx", kelurahan_code=OTHER_KELURAHAN_SAME_KECAMATAN)
    result = printed(db, request, path)
    assert result == Printed(path, f"BNBA kejadian {scenario.code} (1 keluarga, 2 jiwa)", None)
    sheet = load_workbook(path)["BNBA"]
    assert [row[2] for row in sheet.iter_rows(min_row=7, max_row=8, values_only=True)] == [
        "Bagus Santoso",
        "Rina Santoso",
    ]
    assert sheet["C9"].value == "=COUNTA(C7:C8)"


def test_berita_acara_pdf_of_one_day(db: Database, scenario: Scenario, out: Path) -> None:
    path = out / default_file_name(BA, scenario.code, "pdf", ON)
    day = date(2026, 11, 21)
    result = printed(db, DocumentRequest(BA, scenario.event_id, "pdf", date_from=day, date_to=day), path)
    assert result == Printed(path, f"Berita acara BA/{scenario.code}/20261121 (3 penyaluran, tanggal 21-11-2026)", 1)
    text = text_of(path)
    assert "BERITA ACARA SERAH TERIMA" in text and "Siti Nurhaliza" in text and "Rina Santoso" not in text


def test_berita_acara_workbook_of_the_whole_event(db: Database, scenario: Scenario, out: Path) -> None:
    path = out / default_file_name(BA, scenario.code, "xlsx", ON)
    result = printed(db, DocumentRequest(BA, scenario.event_id, "xlsx"), path)
    assert result == Printed(
        path, f"Berita acara BA/{scenario.code}/20261123 (5 penyaluran, sejak awal kejadian)", None
    )
    book = load_workbook(path)
    assert book.sheetnames == ["Berita acara", "Penerima"]
    rows = [[c.value for c in row] for row in book["Penerima"].iter_rows(min_row=2)]
    beneficiaries = ["Asep Hidayat", "Siti Nurhaliza", "Ujang Supriatna", "Ujang Supriatna", "Bagus Santoso"]
    assert [r[2] for r in rows[:5]] == beneficiaries
    assert rows[4][11] == 15_000_000 and rows[5][11] == "=SUM(L2:L6)"


def test_event_report_pdf(db: Database, scenario: Scenario, out: Path) -> None:
    path = out / default_file_name(REPORT, scenario.code, "pdf", ON)
    result = printed(db, DocumentRequest(REPORT, scenario.event_id, "pdf"), path)
    assert result.summary == f"Laporan kejadian {scenario.code} (Banjir Sungai Cisadane)"
    assert result.path == path and result.pages == len(PdfReader(path).pages) >= 1
    text = text_of(path)
    assert "LAPORAN KEJADIAN BENCANA" in text and "Rp18.000.000" in text


def test_an_existing_file_is_replaced(db: Database, scenario: Scenario, out: Path) -> None:
    path = out / "BNBA.PDF"  # the extension's case does not matter
    path.write_bytes(b"isi lama")
    printed(db, DocumentRequest(BNBA, scenario.event_id, "pdf"), path)
    assert "Ujang Supriatna" in text_of(path)
    assert sorted(p.name for p in out.iterdir()) == ["BNBA.PDF"]


# --- requests refused --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_", "field", "message"),
    [
        (DocumentRequest(REPORT, "x", "xlsx"), FMT, "Laporan kejadian: format .xlsx tidak tersedia (hanya .pdf)"),
        (DocumentRequest(BNBA, "x", "docx"), FMT, "BNBA: format .docx tidak tersedia (hanya .pdf atau .xlsx)"),
        (DocumentRequest(BA, "x", "PDF"), FMT, "format .PDF tidak tersedia"),
        (DocumentRequest(BA, "x", ""), FMT, "format (kosong) tidak tersedia"),
        (
            DocumentRequest(BA, "x", "pdf", date_from=date(2026, 11, 23), date_to=date(2026, 11, 21)),
            "date_from",
            "Tanggal awal 23-11-2026 sesudah tanggal akhir 21-11-2026",
        ),
        (DocumentRequest("surat", "x", "pdf"), "kind", "Jenis dokumen 'surat' tidak dikenal"),  # type: ignore[arg-type]
    ],
)  # fmt: skip
def test_check_request_refuses(request_: DocumentRequest, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as exc:
        check_request(request_)
    assert message in exc.value.by_field()[field]


def test_check_request_reports_every_problem_and_accepts_good_requests() -> None:
    bad = DocumentRequest(BA, "x", "docx", date_from=date(2026, 11, 23), date_to=date(2026, 11, 21))
    with pytest.raises(ValidationError) as exc:
        check_request(bad)
    assert set(exc.value.by_field()) == {"file_format", "date_from"}
    one_day = date(2026, 11, 21)
    for good in (
        DocumentRequest(BNBA, "x", "xlsx", kelurahan_code="32.71.01.1001"),
        DocumentRequest(BA, "x", "xlsx", date_from=one_day, date_to=one_day),
        DocumentRequest(BA, "x", "pdf", date_to=one_day),
        DocumentRequest(REPORT, "x", "pdf"),
        DocumentRequest("bnba", "x", "pdf"),  # type: ignore[arg-type]  # the plain value works too
        # the dates are the berita acara's only: another kind ignores them
        DocumentRequest(REPORT, "x", "pdf", date_from=date(2026, 11, 23), date_to=one_day),
    ):
        check_request(good)


def test_a_refused_request_writes_nothing(db: Database, scenario: Scenario, out: Path) -> None:
    with db.read() as s:
        with pytest.raises(ValidationError, match=r"format \.xlsx tidak tersedia"):
            print_document(s, DocumentRequest(REPORT, scenario.event_id, "xlsx"), out / "laporan.xlsx")
        with pytest.raises(ValidationError, match=r"harus berakhiran \.pdf"):
            print_document(s, DocumentRequest(BNBA, scenario.event_id, "pdf"), out / "bnba.xlsx")
        with pytest.raises(ValidationError, match="Kelurahan '99' tidak dikenal"):
            print_document(s, DocumentRequest(BNBA, scenario.event_id, "pdf", kelurahan_code="99"), out / "b.pdf")
        with pytest.raises(NotFoundError, match="tidak ditemukan"):
            print_document(s, DocumentRequest(REPORT, "0190a000-0000-7000-8000-000000000000", "pdf"), out / "l.pdf")
    assert list(out.iterdir()) == []


# --- file names --------------------------------------------------------------------------------------


def test_default_file_name() -> None:
    assert default_file_name(BNBA, "ABCD1234", "pdf", ON) == "BNBA-ABCD1234-2026-11-25.pdf"
    assert default_file_name(BA, "abcd1234", "xlsx", ON) == "Berita-acara-ABCD1234-2026-11-25.xlsx"
    assert default_file_name(REPORT, "ABCD1234", "pdf", date(2027, 1, 2)) == "Laporan-kejadian-ABCD1234-2027-01-02.pdf"
    with pytest.raises(ValidationError, match=r"Laporan kejadian: format \.xlsx tidak tersedia"):
        default_file_name(REPORT, "ABCD1234", "xlsx", ON)


# --- failed writes -----------------------------------------------------------------------------------

EVERY_FORMAT = [(kind, file_format) for kind in DocumentKind for file_format in FORMATS[kind]]


@pytest.mark.parametrize(("kind", "file_format"), EVERY_FORMAT)
def test_a_failed_write_leaves_no_file(
    db: Database, scenario: Scenario, out: Path, kind: DocumentKind, file_format: str
) -> None:
    request = DocumentRequest(kind, scenario.event_id, file_format)
    missing = out / "tidak-ada" / default_file_name(kind, scenario.code, file_format, ON)
    with pytest.raises(ReportWriteError, match="tidak ada") as exc:
        printed(db, request, missing)
    assert isinstance(exc.value, SimoncerError) and str(missing) in str(exc.value)
    assert not missing.parent.exists()

    folder = out / f"folder.{file_format}"
    folder.mkdir()
    with pytest.raises(ReportWriteError, match="adalah folder"):
        printed(db, request, folder)
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == [folder.name]  # no file, no temporary left behind
