"""reports/excel/recap_workbook: the Wali Kota recap workbook (docs/recap-design.md, "The workbook")."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from simoncer_desktop.models.enums import Component, DamageLevel, WelfareClass
from simoncer_desktop.reports.excel.recap_workbook import SHEETS, write_recap
from simoncer_desktop.reports.safe_write import ReportWriteError
from simoncer_desktop.services.recap_model import Recap
from tests.recap_samples import Q3_2026, big_recap, cell_value, empty_recap, evaluate, sample_recap

HEADER_ROW, FIRST_ROW = 7, 8


@pytest.fixture
def recap() -> Recap:
    return sample_recap()


@pytest.fixture
def written(recap: Recap, tmp_path: Path) -> Workbook:
    return load_workbook(write_recap(recap, tmp_path / "rekap.xlsx"))


def headers(ws: Worksheet) -> dict[str, int]:
    """Heading text → column number of the header row."""
    return {c.value: c.column for c in ws[HEADER_ROW] if c.value is not None}


def total_row(ws: Worksheet) -> int:
    rows = [r for r in range(FIRST_ROW, ws.max_row + 1) if "JUMLAH" in [c.value for c in ws[r]]]
    assert len(rows) == 1, rows
    return rows[0]


def total(ws: Worksheet, heading: str) -> object:
    """The value of the ``JUMLAH`` row under ``heading``, computed from the formula (which must be one)."""
    cell = ws.cell(row=total_row(ws), column=headers(ws)[heading])
    assert cell.data_type == "f", (heading, cell.value)
    return evaluate(ws, cell.value)


def summary(ws: Worksheet) -> dict[str, object]:
    """Ringkasan's labels (column A) → the value shown in column B (formulas evaluated)."""
    return {
        ws.cell(row=r, column=1).value: cell_value(ws, f"B{r}")
        for r in range(FIRST_ROW, ws.max_row + 1)
        if ws.cell(row=r, column=2).value is not None
    }


# --- every sheet: top rows, frozen header, print set-up ----------------------------------------------


def test_every_sheet_has_title_period_as_of_and_region(written: Workbook) -> None:
    assert written.sheetnames == list(SHEETS)
    for name in SHEETS:
        ws = written[name]
        assert ws["A1"].value == f"Rekap PKH Kota Contoh: {name}"
        assert ws["A2"].value == "Periode: Tahun 2026 (01-01-2026 s.d. 31-12-2026)"
        assert ws["A3"].value == "Data per 14-08-2026 09:05"
        assert ws["A4"].value == "Wilayah: Kota Contoh"
        assert ws["A5"].value is None  # no notes
        assert ws.cell(row=HEADER_ROW, column=1).value in ("No", "Uraian")


def test_a_quarter_and_a_kecamatan_filter_show_in_the_heading(tmp_path: Path) -> None:
    recap = replace(sample_recap(period=Q3_2026, kecamatan=1), kecamatan_filter="Uji 1", notes=["Catatan uji"])
    workbook = load_workbook(write_recap(recap, tmp_path / "q3.xlsx"))
    for name in SHEETS:
        ws = workbook[name]
        assert ws["A1"].value == f"Rekap PKH Kota Contoh, Kecamatan Uji 1: {name}"
        assert ws["A2"].value == "Periode: Triwulan III 2026 (01-07-2026 s.d. 30-09-2026)"
        assert ws["A4"].value == "Wilayah: Kota Contoh, hanya Kecamatan Uji 1"
        assert ws["A5"].value == "Catatan uji"
    ws = workbook["Ringkasan"]
    target = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(row=r, column=1).value == "Target 2026")
    assert ws.cell(row=target, column=3).value.endswith("(target setahun 2026)")
    assert "target kota (pengaturan): 750" in ws.cell(row=target, column=3).value


def test_frozen_header_a4_landscape_fit_to_width_and_print_titles(written: Workbook) -> None:
    for name in SHEETS:
        ws = written[name]
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith(str(FIRST_ROW)), name
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.print_title_rows == "$6:$7"
        for col in range(1, len(headers(ws)) + 1):
            assert ws.column_dimensions[get_column_letter(col)].width >= 5, (name, col)
    assert written["Per Kecamatan"].freeze_panes == "D8"  # No, Kode, Kecamatan stay in view
    assert written["Ringkasan"].freeze_panes == "A8"


# --- totals are formulas that add up to the recap's figures ------------------------------------------


def test_per_kecamatan_totals_are_formulas_that_add_up_to_the_city(written: Workbook, recap: Recap) -> None:
    ws = written["Per Kecamatan"]
    c = recap.city
    assert [ws.cell(row=FIRST_ROW + i, column=3).value for i in range(3)] == [k.name for k in recap.kecamatan]
    expected = {
        "KPM aktif": c.active_families,
        "Nilai bantuan setahun (Rp)": c.yearly_amount,
        "Graduasi mandiri": c.graduated_self_reliant,
        "Graduasi alamiah": c.graduated_natural,
        "Jumlah graduasi": c.graduated_self_reliant + c.graduated_natural,
        "Usulan mandiri menunggu": c.proposed_self_reliant,
        "Target 2026": sum(k.target for k in recap.kecamatan),
        "Kejadian bencana": c.events,
        "KK terdampak": c.affected_families,
        "Korban (jiwa)": c.victims,
        "Bantuan uang (Rp)": c.cash_distributed,
        "Penyaluran barang": c.goods_distributed,
        **{Component(k).label: v for k, v in c.members_by_component.items()},
        **{"Meninggal": c.natural_reasons["meninggal"], "Tidak ada komponen": c.natural_reasons["tanpa_komponen"]},
        **{"Pindah": c.natural_reasons["pindah"], "Sudah mampu": c.natural_reasons["mampu"]},
        **{WelfareClass(k).label if k else "Belum dinilai": v for k, v in c.welfare_classes.items()},
    }
    assert set(expected) == set(headers(ws)) - {"No", "Kode", "Kecamatan", "% target (mandiri)"}
    for heading, value in expected.items():
        assert ws.cell(row=total_row(ws), column=headers(ws)[heading]).value.startswith("=SUM("), heading
        assert total(ws, heading) == value, heading
    assert total(ws, "% target (mandiri)") == pytest.approx(c.graduated_self_reliant / expected["Target 2026"])
    first = recap.kecamatan[0]
    row_total = ws.cell(row=FIRST_ROW, column=headers(ws)["Jumlah graduasi"])
    assert row_total.data_type == "f"
    assert evaluate(ws, row_total.value) == first.graduated_self_reliant + first.graduated_natural
    percent = ws.cell(row=FIRST_ROW, column=headers(ws)["% target (mandiri)"])
    assert percent.value.startswith("=IF(") and percent.number_format == "0.0%"
    assert evaluate(ws, percent.value) == pytest.approx(first.graduated_self_reliant / first.target)
    assert ws.cell(row=FIRST_ROW, column=headers(ws)["Nilai bantuan setahun (Rp)"]).number_format == '"Rp "#,##0'
    assert ws.cell(row=FIRST_ROW, column=headers(ws)["KPM aktif"]).number_format == "#,##0"


def test_an_edited_cell_still_adds_up(written: Workbook, recap: Recap) -> None:
    ws = written["Per Kecamatan"]
    column = headers(ws)["KPM aktif"]
    ws.cell(row=FIRST_ROW, column=column).value += 5
    assert total(ws, "KPM aktif") == recap.city.active_families + 5
    mandiri = ws.cell(row=FIRST_ROW + 1, column=headers(ws)["Graduasi mandiri"])
    mandiri.value += 2
    assert total(ws, "Jumlah graduasi") == recap.city.graduated_self_reliant + recap.city.graduated_natural + 2


def test_per_kelurahan_lists_every_kelurahan_and_adds_up(written: Workbook, recap: Recap) -> None:
    ws = written["Per Kelurahan"]
    names = [ws.cell(row=FIRST_ROW + i, column=headers(ws)["Kelurahan"]).value for i in range(len(recap.kelurahan))]
    assert names == [k.name for k in recap.kelurahan]
    assert ws.cell(row=FIRST_ROW, column=headers(ws)["Kecamatan"]).value == recap.kelurahan[0].kecamatan
    assert "Kejadian bencana" not in headers(ws)  # an event belongs to a kecamatan, not to one kelurahan
    assert total(ws, "KPM aktif") == recap.city.active_families
    assert total(ws, "Anak SD") == recap.city.members_by_component["anak_sd"]
    assert total(ws, "Korban (jiwa)") == recap.city.victims
    assert total(ws, "Belum dinilai") == recap.city.welfare_classes[""]


def test_pendamping_and_tahapan_totals(written: Workbook, recap: Recap) -> None:
    ws = written["Pendamping"]
    people = recap.facilitators
    assert total(ws, "KPM aktif (dampingan)") == sum(f.caseload for f in people)
    assert total(ws, "Disetujui") == sum(f.approved for f in people)
    assert total(ws, "% target") == pytest.approx(sum(f.approved for f in people) / sum(f.target for f in people))
    for stage in range(6):
        heading = next(h for h in headers(ws) if h.startswith(f"Tahap {stage + 1}\n"))
        assert total(ws, heading) == sum(f.in_stage[stage] for f in people)
    assert total(ws, "Jumlah dalam tahapan") == sum(sum(f.in_stage) for f in people)
    assert "Tahap 1\nSeleksi usia produktif" in headers(ws)

    ws = written["Tahapan"]
    assert total(ws, "Terdaftar") == sum(c.enrolled for c in recap.cohorts)
    assert total(ws, "Selesai (tahap 6 lulus)") == sum(c.completed for c in recap.cohorts)
    assert total(ws, "Mengundurkan diri") == sum(c.withdrawn for c in recap.cohorts)
    assert ws.cell(row=FIRST_ROW, column=2).value == recap.cohorts[0].name


def test_bencana_lists_the_events_with_totals_and_the_stock(written: Workbook, recap: Recap) -> None:
    ws = written["Bencana"]
    h = headers(ws)
    assert [ws.cell(row=FIRST_ROW + i, column=h["Kejadian"]).value for i in range(2)] == [e.title for e in recap.events]
    assert total(ws, "KK terdampak") == sum(e.families for e in recap.events)
    assert total(ws, "Bantuan uang (Rp)") == sum(e.cash for e in recap.events)
    assert total(ws, "Rusak berat") == sum(e.damage.get("berat", 0) for e in recap.events)
    assert [d.label for d in DamageLevel] == [x for x in h if x.startswith(("Tidak rusak", "Rusak"))]
    when = ws.cell(row=FIRST_ROW, column=h["Waktu"])
    assert when.value == recap.events[0].occurred_at and when.number_format == "DD-MM-YYYY HH:MM"
    assert ws.cell(row=FIRST_ROW, column=h["Bantuan barang"]).value == "Beras 120 kg; Mi instan 12 dus"
    code = ws.cell(row=FIRST_ROW + 1, column=h["Kode"])  # "=KBK-…": text, never run as a formula
    assert code.value == "=KBK-2026-002" and code.data_type == "s" and code.quotePrefix
    stock_header = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(row=r, column=7).value == "Sisa")
    rows = [[ws.cell(row=stock_header + i, column=c).value for c in (2, 4, 5, 6, 7)] for i in (1, 2)]
    assert rows == [["Beras", "kg", 1000, 120, 880], ["Selimut", "lembar", 50, 0, 50]]


# --- Ringkasan ---------------------------------------------------------------------------------------


def test_ringkasan_has_the_city_figures_in_labelled_blocks(written: Workbook, recap: Recap) -> None:
    ws = written["Ringkasan"]
    shown = summary(ws)
    c = recap.city
    assert shown["KPM aktif"] == c.active_families
    for code, value in c.members_by_component.items():
        assert shown[Component(code).label] == value
    assert shown["Jumlah anggota ber-komponen"] == sum(c.members_by_component.values())
    assert shown["Nilai bantuan setahun (Rp)"] == c.yearly_amount
    assert shown["Graduasi sejahtera mandiri"] == c.graduated_self_reliant
    assert shown["Graduasi alamiah"] == c.graduated_natural
    assert shown["Jumlah graduasi"] == c.graduated_self_reliant + c.graduated_natural
    assert shown["Usulan graduasi mandiri menunggu"] == c.proposed_self_reliant
    assert shown["Target 2026"] == 750 == recap.city_target_setting
    assert shown["% target (graduasi mandiri)"] == pytest.approx(c.graduated_self_reliant / 750)
    assert shown["Jumlah target pendamping 2026"] == c.facilitator_target_sum
    assert shown["% jumlah target pendamping (graduasi mandiri)"] == pytest.approx(
        c.graduated_self_reliant / c.facilitator_target_sum
    )
    for label, code in (("Meninggal", "meninggal"), ("Tidak ada komponen", "tanpa_komponen"),
                        ("Pindah", "pindah"), ("Sudah mampu", "mampu")):  # fmt: skip
        assert shown[label] == c.natural_reasons[code]
    for code, value in c.welfare_classes.items():
        assert shown[WelfareClass(code).label if code else "Belum dinilai"] == value
    assert shown["Jumlah"] == sum(c.welfare_classes.values())
    assert shown["Kejadian bencana"] == c.events
    assert shown["Bantuan uang disalurkan (Rp)"] == c.cash_distributed
    assert shown["Beras"] == 880 and shown["Selimut"] == 50
    formulas = [ws.cell(row=r, column=2).value for r in range(FIRST_ROW, ws.max_row + 1)]
    assert sum(isinstance(f, str) and f.startswith("=SUM(") for f in formulas) == 2
    assert sum(isinstance(f, str) and f.startswith("=IF(") for f in formulas) == 2
    blocks = [
        ws.cell(row=r, column=1).value for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(row=r, column=1).font.b
    ]
    assert "Keluarga penerima manfaat (KPM)" in blocks and "Kelas kesejahteraan KPM aktif" in blocks


def test_ringkasan_has_one_bar_chart_of_graduations_per_kecamatan_from_per_kecamatan(
    written: Workbook, recap: Recap
) -> None:
    charts = written["Ringkasan"]._charts
    assert len(charts) == 1 and isinstance(charts[0], BarChart)
    chart = charts[0]
    kecamatan = written["Per Kecamatan"]
    h = headers(kecamatan)
    last = FIRST_ROW + len(recap.kecamatan) - 1

    def ref(heading: str, first: int = FIRST_ROW) -> str:
        letter = get_column_letter(h[heading])
        return f"'Per Kecamatan'!${letter}${first}:${letter}${last}"

    values = [s.val.numRef.f for s in chart.series]
    assert values == [ref("Graduasi mandiri"), ref("Graduasi alamiah"), ref("Target 2026")]
    titles = [s.tx.strRef.f for s in chart.series]
    assert titles == [f"'Per Kecamatan'!{get_column_letter(h[x])}{HEADER_ROW}" for x in
                      ("Graduasi mandiri", "Graduasi alamiah", "Target 2026")]  # fmt: skip
    assert {s.cat.strRef.f if s.cat.strRef else s.cat.numRef.f for s in chart.series} == {ref("Kecamatan")}
    plotted = [kecamatan.cell(row=r, column=h["Graduasi mandiri"]).value for r in range(FIRST_ROW, last + 1)]
    assert plotted == [k.graduated_self_reliant for k in recap.kecamatan]


# --- no data, zero target, failures, speed ------------------------------------------------------------


@pytest.mark.parametrize("with_note", [True, False])
def test_a_period_without_data_writes_every_sheet_with_the_note(tmp_path: Path, with_note: bool) -> None:
    recap = empty_recap()
    if not with_note:
        recap = replace(recap, notes=[])
    assert not recap.has_data
    workbook = load_workbook(write_recap(recap, tmp_path / "kosong.xlsx"))
    assert workbook.sheetnames == list(SHEETS)
    for name in SHEETS:
        ws = workbook[name]
        assert ws["A5"].value == "Tidak ada data untuk periode 2031", name
        assert ws["A2"].value == "Periode: Tahun 2031 (01-01-2031 s.d. 31-12-2031)"
        assert ws.freeze_panes is not None
    assert summary(workbook["Ringkasan"])["KPM aktif"] == 0
    assert summary(workbook["Ringkasan"])["% target (graduasi mandiri)"] == 0
    assert len(workbook["Ringkasan"]._charts) == 1
    bencana = [c.value for row in workbook["Bencana"].iter_rows() for c in row if c.value]
    assert "Tidak ada kejadian bencana pada periode ini." in bencana
    assert "Belum ada stok barang bantuan." in bencana


def test_a_zero_target_shows_no_percentage_instead_of_an_error(tmp_path: Path) -> None:
    recap = sample_recap()
    recap = replace(recap, kecamatan=[replace(recap.kecamatan[0], target=0), *recap.kecamatan[1:]])
    ws = load_workbook(write_recap(recap, tmp_path / "nol.xlsx"))["Per Kecamatan"]
    assert cell_value(ws, f"{get_column_letter(headers(ws)['% target (mandiri)'])}{FIRST_ROW}") == ""


def test_a_folder_or_a_missing_folder_fails_naming_the_path_and_leaves_no_file(recap: Recap, tmp_path: Path) -> None:
    folder = tmp_path / "rekap.xlsx"
    folder.mkdir()
    with pytest.raises(ReportWriteError, match=re.escape(f"{folder} adalah folder")):
        write_recap(recap, folder)
    missing = tmp_path / "tidak-ada" / "rekap.xlsx"
    with pytest.raises(ReportWriteError, match=re.escape(f"Tidak dapat menulis {missing}: folder")):
        write_recap(recap, missing)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rekap.xlsx"]  # the folder; no temporary file


def test_a_failure_while_saving_leaves_the_old_file_untouched(
    recap: Recap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(b"versi lama")

    def full_disk(self: Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"setengah")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    with pytest.raises(ReportWriteError, match=re.escape(f"Gagal menulis {path}")):
        write_recap(recap, path)
    assert path.read_bytes() == b"versi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.xlsx"]


def test_a_city_sized_recap_is_written_in_well_under_two_seconds(tmp_path: Path) -> None:
    recap = big_recap()
    assert len(recap.kelurahan) == 70 and len(recap.facilitators) == 300
    started = time.perf_counter()
    write_recap(recap, tmp_path / "besar.xlsx")
    assert time.perf_counter() - started < 2
    ws = load_workbook(tmp_path / "besar.xlsx")["Per Kelurahan"]
    assert total(ws, "KPM aktif") == recap.city.active_families


# --- a spreadsheet program computes the same ---------------------------------------------------------


def test_libreoffice_computes_the_same_totals(written: Workbook, recap: Recap, tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang: nilai rumus tidak dihitung ulang oleh program lembar kerja")
    source = write_recap(recap, tmp_path / "rekap.xlsx")
    out = tmp_path / "lo"
    subprocess.run(
        [office, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--calc",
         "--convert-to", "xlsx", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    computed = load_workbook(out / "rekap.xlsx", data_only=True)
    for name in ("Per Kecamatan", "Per Kelurahan", "Pendamping", "Tahapan", "Bencana"):
        ws, values = written[name], computed[name]
        row = total_row(ws)
        for col in range(1, ws.max_column + 1):
            cell = ws.cell(row=row, column=col)
            if cell.data_type == "f":
                expected = evaluate(ws, cell.value)
                assert values.cell(row=row, column=col).value == pytest.approx(expected), (name, cell.coordinate)
    shown = {r[0]: r[1] for r in computed["Ringkasan"].iter_rows(min_row=FIRST_ROW, max_col=2, values_only=True)}
    assert shown["Jumlah graduasi"] == recap.city.graduated_self_reliant + recap.city.graduated_natural
    assert shown["% target (graduasi mandiri)"] == pytest.approx(recap.city.graduated_self_reliant / 750)
