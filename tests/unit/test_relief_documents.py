"""The relief documents: BNBA, berita acara and event report data (services.relief_documents), their
PDFs (read back with pypdf) and workbooks (read back with openpyxl), and failed writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import event as sa_event
from sqlalchemy import insert

from simoncer_desktop.errors import SimoncerError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import AffectedFamily, Victim
from simoncer_desktop.models.enums import EventStatus
from simoncer_desktop.reports.excel.relief_workbook import write_berita_acara_xlsx, write_bnba_xlsx
from simoncer_desktop.reports.pdf.relief_documents import (
    write_berita_acara_pdf,
    write_bnba_pdf,
    write_event_report_pdf,
)
from simoncer_desktop.services import attachments as att
from simoncer_desktop.services import relief_documents as rd
from simoncer_desktop.services import relief_events as ev
from simoncer_desktop.services.identity import make_nik, make_no_kk
from simoncer_desktop.store import Database
from tests.relief_document_rows import Scenario, make_scenario
from tests.relief_rows import make_event


@pytest.fixture
def scenario(db: Database) -> Scenario:
    with db.transaction() as s:
        return make_scenario(s)


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def jpeg(path: Path, size: tuple[int, int] = (640, 480)) -> Path:
    Image.new("RGB", size, (30, 90, 160)).save(path, "JPEG")
    return path


# --- data --------------------------------------------------------------------------------------------


def test_bnba_rows_in_order_with_aid_and_markers(db: Database, scenario: Scenario) -> None:
    with db.read() as s:
        data = rd.bnba(s, scenario.event_id)
    assert data.event.code == scenario.code and data.event.kecamatan_name == "Bogor Selatan"
    assert data.event.kind_label == "Banjir" and data.event.areas_text == "Batu Tulis RT 3/RW 7"
    # Batu Tulis before Bondongan; RT 3 before RT 12; head, then wife, then child
    assert [(r.no, r.name, r.relation, r.kelurahan, r.rt_rw) for r in data.rows] == [
        (1, "Ujang Supriatna", "Kepala keluarga", "Batu Tulis", "3/7"),
        (2, "Siti Nurhaliza", "Istri", "Batu Tulis", "3/7"),
        (3, "Dédé Rahmawati", "Anak", "Batu Tulis", "3/7"),
        (4, "Asep Hidayat", "Kepala keluarga", "Batu Tulis", "12/7"),
        (5, "Bagus Santoso", "Kepala keluarga", "Bondongan", "3/7"),
        (6, "Rina Santoso", "Anak", "Bondongan", "3/7"),
    ]
    ujang, siti, dede, asep, bagus, rina = data.rows
    assert asep.nik == "— (KTP hanyut)" and len(ujang.nik) == 16 and ujang.nik.isdigit()
    assert ujang.is_kpm and siti.is_kpm and not asep.is_kpm
    assert (ujang.age, dede.age) == (44, 10) and ujang.sex == "L"
    assert ujang.damage == "Rusak berat" and asep.damage == "Rusak ringan"
    assert (siti.condition, dede.condition, bagus.condition, ujang.condition) == (
        "mengungsi",
        "luka berat",
        "meninggal",
        "-",
    )
    assert ujang.aid == "Beras 10 kg (keluarga); Isi hunian Rp3.000.000 (keluarga)"
    assert siti.aid == "Selimut 1 lembar" and dede.aid == "-"
    assert bagus.aid == "Santunan kematian Rp15.000.000" and rina.aid == "-"
    assert [r.first_of_family for r in data.rows] == [True, False, False, True, True, False]
    assert (data.families, data.people, data.kpm_families) == (3, 6, 1)
    assert (data.displaced, data.injured, data.deceased) == (2, 1, 1)


def test_bnba_of_one_kelurahan(db: Database, scenario: Scenario) -> None:
    with db.read() as s:
        data = rd.bnba(s, scenario.event_id, "32.71.01.1002")
        assert data.kelurahan_name == "Bondongan"
        assert [r.name for r in data.rows] == ["Bagus Santoso", "Rina Santoso"]
        with pytest.raises(ValidationError, match=r"Kelurahan '32\.71\.99\.9999' tidak dikenal"):
            rd.bnba(s, scenario.event_id, "32.71.99.9999")


def test_berita_acara_totals_and_date_filter(db: Database, scenario: Scenario) -> None:
    with db.read() as s:
        whole = rd.berita_acara(s, scenario.event_id)
        day = rd.berita_acara(s, scenario.event_id, date(2026, 11, 21), date(2026, 11, 21))
        later = rd.berita_acara(s, scenario.event_id, date(2026, 11, 22))
        with pytest.raises(ValidationError, match="Tanggal awal sesudah tanggal akhir"):
            rd.berita_acara(s, scenario.event_id, date(2026, 11, 23), date(2026, 11, 21))
    assert whole.number == f"BA/{scenario.code}/20261123" and whole.signed_on == date(2026, 11, 23)
    assert whole.place == "Bogor Selatan" and whole.period_text == "sejak awal kejadian"
    assert [(t.name, t.text, t.recipients) for t in whole.totals] == [
        ("Beras", "20 kg", 2),
        ("Selimut", "1 lembar", 1),
        ("Isi hunian", "Rp3.000.000", 1),
        ("Santunan kematian", "Rp15.000.000", 1),
    ]
    assert whole.officers == ("Petugas Dua", "Petugas Uji")
    assert (whole.confirmed, len(whole.lines)) == (4, 5)
    heir = whole.lines[-1]
    assert (heir.beneficiary, heir.recipient_name, heir.recipient_relation) == (
        "Bagus Santoso",
        "Rina Santoso",
        "ahli waris",
    )
    assert day.number == f"BA/{scenario.code}/20261121" and day.period_text == "tanggal 21-11-2026"
    assert [(line.beneficiary, line.entitlement, line.value_text, line.confirmed) for line in day.lines] == [
        ("Asep Hidayat", "Beras", "10 kg", True),
        ("Siti Nurhaliza", "Selimut", "1 lembar", False),
        ("Ujang Supriatna", "Beras", "10 kg", True),
    ]
    assert [(t.name, t.text) for t in day.totals] == [("Beras", "20 kg"), ("Selimut", "1 lembar")]
    assert later.period_text == "sejak 22-11-2026"
    assert [t.text for t in later.totals] == ["Rp3.000.000", "Rp15.000.000"]


def test_event_report_counts_aid_and_photos(db: Database, scenario: Scenario, tmp_path: Path) -> None:
    with db.transaction() as s:
        att.add_attachment(s, "kejadian", scenario.event_id, jpeg(tmp_path / "banjir.jpg"), "uji", "Genangan")
        att.add_attachment(
            s, "penyaluran", scenario.distributions["ujang_beras"], jpeg(tmp_path / "serah.jpg", (500, 400)), "uji"
        )
        scan = tmp_path / "surat.pdf"
        scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
        att.add_attachment(s, "kejadian", scenario.event_id, scan, "uji")
        report = rd.event_report(s, scenario.event_id)
        acara = rd.berita_acara(s, scenario.event_id)
    assert (report.families, report.people, report.kpm_families) == (3, 6, 1)
    assert (report.displaced, report.injured, report.injured_serious, report.deceased) == (2, 1, 1, 1)
    assert report.flagged == 1
    assert [(d.label, d.count) for d in report.damage] == [
        ("Tidak rusak", 0),
        ("Rusak ringan", 1),
        ("Rusak sedang", 1),
        ("Rusak berat", 1),
    ]
    assert [(n.label, n.count) for n in report.needs] == [("makanan bayi", 3), ("selimut", 3)]
    assert [(i.name, i.quantity, i.unit, i.recipients) for i in report.items] == [
        ("Beras", 20, "kg", 2),
        ("Selimut", 1, "lembar", 1),
    ]
    assert [(c.name, c.amount) for c in report.cash] == [("Isi hunian", 3_000_000), ("Santunan kematian", 15_000_000)]
    assert report.cash_total == 18_000_000 and (report.distributions, report.confirmed) == (5, 4)
    assert [p.file_name for p in report.photos] == ["banjir.jpg", "serah.jpg"]
    assert [p.file_name for p in report.scans] == ["surat.pdf"]
    assert acara.attachments == 1


def test_listing_and_finding_events_use_relief_events(db: Database, scenario: Scenario) -> None:
    """The events list and the id/short-code lookup the printouts use are ``services.relief_events``'s
    (the documents module keeps no copies); the document header names the event as the list does."""
    with db.transaction() as s:
        make_event(s, title="Longsor Cipaku", kind="tanah_longsor", status="ditutup")
    with db.read() as s:
        rows = ev.list_events(s)
        # the same moment: the one registered later first
        assert [(r.title, r.families, r.people, r.displaced, r.injured, r.deceased, r.distributions) for r in rows] == [
            ("Longsor Cipaku", 0, 0, 0, 0, 0, 0),
            ("Banjir Sungai Cisadane", 3, 6, 2, 1, 1, 5),
        ]
        assert (rows[0].kind_label, EventStatus(rows[0].status).label, rows[1].code) == (
            "Tanah longsor",
            "Ditutup",
            scenario.code,
        )
        assert [r.title for r in ev.list_events(s, "ditutup")] == ["Longsor Cipaku"]
        assert ev.resolve_event(s, scenario.code.lower()) == scenario.event_id
        assert ev.resolve_event(s, scenario.event_id) == scenario.event_id
        with pytest.raises(ValidationError, match="Kejadian 'ZZZZZZZZ' tidak ditemukan"):
            ev.resolve_event(s, "ZZZZZZZZ")
        header = rd.event_header(s, scenario.event_id)
        assert (header.code, header.kecamatan_name, header.areas_text) == (
            rows[1].code,
            rows[1].kecamatan_name,
            rows[1].areas_text,
        )
        assert not hasattr(rd, "find_event") and not hasattr(rd, "event_summaries")


def test_bnba_of_5000_victims_is_a_few_queries(db: Database) -> None:
    with db.transaction() as s:
        event = make_event(s)
        families, victims = [], []
        for i in range(1000):
            family_id = uuid7()
            families.append(
                {
                    "id": family_id,
                    "scope": event.scope,
                    "event_id": event.id,
                    "head_name": f"Kepala {i:04d}",
                    "no_kk": make_no_kk("32.71.01", date(2015, 3, 15), i + 1),
                    "kelurahan_code": "32.71.01.1001",
                    "rt": str(i % 12 + 1),
                    "rw": "2",
                    "damage": "sedang",
                    "registered_on": date(2026, 11, 20),
                    "registered_by": "uji",
                }
            )
            for k in range(5):
                born = date(1970 + k * 7, 1 + i % 12, 1 + k)
                victims.append(
                    {
                        "id": uuid7(),
                        "scope": event.scope,
                        "event_id": event.id,
                        "family_id": family_id,
                        "nik": make_nik("32.71.01", born, "P", i * 5 + k + 1),
                        "name": f"Korban {i:04d}-{k}",
                        "birth_date": born,
                        "sex": "P",
                        "relation": "kepala" if k == 0 else "anak",
                    }
                )
        s.execute(insert(AffectedFamily), families)
        s.execute(insert(Victim), victims)
        event_id = event.id
    statements: list[str] = []
    sa_event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with db.read() as s:
        data = rd.bnba(s, event_id)
    assert len(data.rows) == 5000 and data.families == 1000
    assert len(statements) <= 10  # set-based: never a query per victim or family
    assert [r.rt_rw for r in data.rows[:5]] == ["1/2"] * 5 and data.rows[0].relation == "Kepala keluarga"


# --- files -------------------------------------------------------------------------------------------


def test_bnba_pdf_and_workbook(db: Database, scenario: Scenario, tmp_path: Path) -> None:
    with db.read() as s:
        data = rd.bnba(s, scenario.event_id)
    pdf = tmp_path / "bnba.pdf"
    assert write_bnba_pdf(data, pdf) == 1
    text = text_of(pdf)
    for expected in ("DINAS SOSIAL", "BY NAME BY ADDRESS", "Ujang Supriatna", "Dédé Rahmawati", "KTP hanyut",
                     "Halaman 1 dari 1", "Tanda", "Santunan kematian", data.rows[0].nik, scenario.code):  # fmt: skip
        assert expected in text, expected
    reader = PdfReader(pdf)
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts and all("DejaVu" in str(fonts[name].get_object()["/BaseFont"]) for name in fonts)

    book = tmp_path / "bnba.xlsx"
    write_bnba_xlsx(data, book)
    sheet = load_workbook(book)["BNBA"]
    assert sheet.freeze_panes == "A7" and sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert [c.value for c in sheet[6]][:3] == ["NO", "NIK", "NAMA"]
    nik = sheet["B7"]
    assert nik.value == data.rows[0].nik and nik.data_type == "s" and nik.number_format == "@"
    assert sheet["F7"].data_type == "s" and sheet["B10"].value == "— (KTP hanyut)"
    totals = [c.value for c in sheet[13]]
    assert totals[2] == "=COUNTA(C7:C12)" and totals[12] == "=SUM(M7:M12)" and totals[14] == "=SUM(O7:O12)"
    assert [sheet.cell(row, 13).value for row in range(7, 13)] == [0, 1, 0, 0, 0, 1]


def test_berita_acara_pdf_and_workbook(db: Database, scenario: Scenario, tmp_path: Path) -> None:
    with db.read() as s:
        data = rd.berita_acara(s, scenario.event_id)
    pdf = tmp_path / "ba.pdf"
    assert write_berita_acara_pdf(data, pdf) == 1
    text = text_of(pdf)
    expected_texts = (
        "BERITA ACARA SERAH TERIMA",
        data.number,
        "Rp15.000.000",
        "20 kg",
        "Rina Santoso",
        "ahli waris",
        "Belum",
        "Yang menyerahkan",
        "Petugas Dua, Petugas Uji",
        "Halaman 1 dari 1",
    )
    for expected in expected_texts:
        assert expected in text, expected

    book = tmp_path / "ba.xlsx"
    write_berita_acara_xlsx(data, book)
    workbook = load_workbook(book)
    summary, recipients = workbook["Berita acara"], workbook["Penerima"]
    assert recipients.freeze_panes == "A2" and recipients.page_setup.orientation == "landscape"
    rows = [[c.value for c in row] for row in recipients.iter_rows(min_row=2)]
    assert [r[2] for r in rows[:5]] == [line.beneficiary for line in data.lines]
    assert rows[4][11] == 15_000_000 and rows[4][13] is None  # the heir has no NIK recorded
    assert rows[5][11] == "=SUM(L2:L6)" and rows[5][15] == '=COUNTIF(P2:P6,"Ya")'
    assert recipients["D3"].data_type == "s" and recipients["D3"].number_format == "@"
    values = [[c.value for c in row] for row in summary.iter_rows()]
    beras = next(r for r in values if r[1] == "Beras")
    assert beras[3] == "=SUMIFS('Penerima'!$J$2:$J$6,'Penerima'!$H$2:$H$6,B9)" and beras[4] == "kg"
    total = next(r for r in values if r[1] == "JUMLAH")
    assert total[5] == "=SUM(F9:F12)"


def test_event_report_pdf_with_photos_and_a_missing_one(db: Database, scenario: Scenario, tmp_path: Path) -> None:
    with db.transaction() as s:
        att.add_attachment(s, "kejadian", scenario.event_id, jpeg(tmp_path / "banjir.jpg"), "uji", "Genangan")
        att.add_attachment(s, "kejadian", scenario.event_id, jpeg(tmp_path / "hilang.jpg", (300, 200)), "uji")
        views = att.attachments_of(s, "kejadian", scenario.event_id)
    views[1].path.unlink()
    with db.read() as s:
        data = rd.event_report(s, scenario.event_id)
    pdf = tmp_path / "laporan.pdf"
    pages = write_event_report_pdf(data, pdf)
    reader = PdfReader(pdf)
    assert pages == len(reader.pages) >= 1
    text = text_of(pdf)
    expected_texts = (
        "LAPORAN KEJADIAN BENCANA",
        "Banjir Sungai Cisadane",
        "Rp18.000.000",
        "20 kg",
        "banjir.jpg — Genangan",
        "Foto tidak ditemukan: hilang.jpg",
        f"Halaman 1 dari {pages}",
    )
    for expected in expected_texts:
        assert expected in text, expected
    images = [name for page in reader.pages for name in page.images]
    assert len(images) == 1


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_a_failed_write_leaves_no_file(db: Database, scenario: Scenario, tmp_path: Path, kind: str) -> None:
    with db.read() as s:
        data = rd.bnba(s, scenario.event_id)
    write = write_bnba_pdf if kind == "pdf" else write_bnba_xlsx
    missing = tmp_path / "tidak-ada" / f"bnba.{kind}"
    with pytest.raises(SimoncerError, match="tidak-ada") as exc:
        write(data, missing)
    assert str(missing) in str(exc.value)
    assert not missing.parent.exists()
    folder = tmp_path / f"folder.{kind}"
    folder.mkdir()
    with pytest.raises(SimoncerError, match="adalah folder"):
        write(data, folder)
    assert list(folder.iterdir()) == []

    existing = tmp_path / f"lama.{kind}"
    existing.write_bytes(b"isi lama")
    broken = rd.BnbaData(**{**data.__dict__, "rows": (*data.rows, None)})  # a row that cannot be drawn
    with pytest.raises(AttributeError):
        write(broken, existing)  # type: ignore[arg-type]
    assert existing.read_bytes() == b"isi lama"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
