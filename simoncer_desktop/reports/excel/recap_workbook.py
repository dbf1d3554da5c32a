"""The Wali Kota recap (issue 6) as an Excel workbook: ``write_recap(recap, path)`` writes the
``services.recap_model.Recap`` that ``services.recap.build_recap`` returns.

Sheets (docs/recap-design.md, "The workbook"): **Ringkasan** (the city's figures in labelled blocks and
one bar chart of graduations per kecamatan against the target, its data on Per Kecamatan), **Per
Kecamatan**, **Per Kelurahan**, **Pendamping**, **Tahapan** and **Bencana**. Every sheet has the same
top rows (title, period, ``Data per …``, region, notes; see ``recap_layout``), its header frozen and
repeated on every printed page, A4 landscape fitted to the page width. Totals and percentages are
formulas. No NIK or No. KK: the recap holds none.

The workbook is small whatever the caseload (about 70 kelurahan and a few hundred pendamping rows), so
it is built in openpyxl's normal mode (charts, merged headings) and saved beside the destination,
then renamed over it (``safe_write.replacing``): a failure leaves no file and raises
``ReportWriteError`` naming the path.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from simoncer_desktop.models.enums import Component, WelfareClass
from simoncer_desktop.reports.excel.recap_layout import (
    BLOCK_FILL,
    BOLD,
    COUNT,
    FIRST_ROW,
    HEADER_ROW,
    MONEY,
    PERCENT,
    Column,
    formula,
    ordered_keys,
    percent_formula,
    put,
    start_sheet,
)
from simoncer_desktop.reports.excel.recap_sheets import (
    AreaLayout,
    label,
    write_areas,
    write_cohorts,
    write_disasters,
    write_facilitators,
)
from simoncer_desktop.reports.safe_write import replacing
from simoncer_desktop.services.recap_model import NATURAL_REASONS, Recap
from simoncer_desktop.translation import untranslated

SUMMARY, PER_KECAMATAN, PER_KELURAHAN, FACILITATORS, STAGES, DISASTERS = (
    "Ringkasan",
    "Per Kecamatan",
    "Per Kelurahan",
    "Pendamping",
    "Tahapan",
    "Bencana",
)
SHEETS = (SUMMARY, PER_KECAMATAN, PER_KELURAHAN, FACILITATORS, STAGES, DISASTERS)

SUMMARY_COLUMNS = (Column("Uraian", 46, None), Column("Jumlah", 18), Column("Keterangan", 62, None))
CHART_GAP = 2
"""Blank rows between Ringkasan's last block and the chart (below the blocks, so it prints on the page
width too)."""


def write_recap(recap: Recap, path: Path) -> Path:
    """Write ``recap`` to ``path`` (``.xlsx``, replaced if it exists); returns ``path``. The workbook is
    Bahasa whatever the screen language (``untranslated()``; messages of a failed write are not)."""
    path = Path(path)
    with replacing(path, ".xlsx") as temp, untranslated():
        build_workbook(recap).save(temp)
    return path


def build_workbook(recap: Recap) -> Workbook:
    workbook = Workbook()
    summary = workbook.active
    summary.title = SUMMARY
    sheets = {name: workbook.create_sheet(name) for name in SHEETS[1:]}
    kecamatan = write_areas(sheets[PER_KECAMATAN], recap, kelurahan=False)
    write_areas(sheets[PER_KELURAHAN], recap, kelurahan=True)
    write_facilitators(sheets[FACILITATORS], recap)
    write_cohorts(sheets[STAGES], recap)
    write_disasters(sheets[DISASTERS], recap)
    below = write_summary(summary, recap)
    summary.add_chart(graduation_chart(sheets[PER_KECAMATAN], kecamatan, recap), f"A{below + CHART_GAP}")
    workbook.properties.title = f"Rekap PKH {recap.region_name} {recap.period.label}"
    workbook.properties.creator = "Simoncer Desktop"
    return workbook


class _Blocks:
    """Ringkasan's rows: block headings and labelled figures, one below the other (columns A–C)."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.row = FIRST_ROW

    def block(self, title: str) -> None:
        if self.row > FIRST_ROW:
            self.row += 1  # a blank row between blocks
        put(self.ws, self.row, 1, title, font=BOLD)
        for col in (1, 2, 3):
            self.ws.cell(row=self.row, column=col).fill = BLOCK_FILL
        self.row += 1

    def line(self, text: str, value: int, fmt: str = COUNT, note: str = "") -> int:
        put(self.ws, self.row, 1, text)
        put(self.ws, self.row, 2, value, fmt)
        put(self.ws, self.row, 3, note)
        self.row += 1
        return self.row - 1

    def formula(self, text: str, value: str, fmt: str = COUNT, note: str = "") -> int:
        put(self.ws, self.row, 1, text, font=BOLD)
        formula(self.ws, self.row, 2, value, fmt, font=BOLD)
        put(self.ws, self.row, 3, note)
        self.row += 1
        return self.row - 1

    def total(self, text: str, first: int, last: int, note: str = "") -> int:
        return self.formula(text, f"=SUM(B{first}:B{last})", note=note)


def write_summary(ws: Worksheet, recap: Recap) -> int:
    """The city's figures (the chosen kecamatan's with ``--kecamatan``) in labelled blocks; returns the
    first row below them."""
    start_sheet(ws, recap, SUMMARY, SUMMARY_COLUMNS)
    c = recap.city
    period = recap.period.label
    year = period[:4]
    day = f"{recap.as_of_day:%d-%m-%Y}"
    b = _Blocks(ws)

    b.block("Keluarga penerima manfaat (KPM)")
    b.line("KPM aktif", c.active_families, note=f"Keluarga berstatus aktif per {recap.as_of:%d-%m-%Y %H:%M}")

    b.block(f"Anggota KPM aktif per komponen (per {day})")
    rows = [
        b.line(label(code, Component), c.members_by_component.get(code, 0))
        for code in ordered_keys([x.value for x in Component], [c.members_by_component])
    ]
    b.total("Jumlah anggota ber-komponen", rows[0], rows[-1], "Sebelum batas jumlah komponen per keluarga")
    b.line(
        "Nilai bantuan setahun (Rp)",
        c.yearly_amount,
        MONEY,
        f"Setelah batas komponen; tarif dan batas yang berlaku per {day}",
    )

    b.block(f"Graduasi periode {period}")
    self_reliant = b.line("Graduasi sejahtera mandiri", c.graduated_self_reliant, note="Disetujui pada periode")
    natural = b.line("Graduasi alamiah", c.graduated_natural, note="Disetujui pada periode (proses triwulanan)")
    b.formula("Jumlah graduasi", f"=B{self_reliant}+B{natural}")
    b.line("Usulan graduasi mandiri menunggu", c.proposed_self_reliant, note="Diusulkan pada periode, belum diputuskan")
    whole_year = f" (target setahun {year})" if recap.period.is_quarter else ""
    if recap.kecamatan_filter:
        note = f"Jumlah target pendamping kecamatan; target kota (pengaturan): {recap.city_target_setting:,}"
    else:
        note = "Pengaturan target graduasi kota"
    target = b.line(f"Target {year}", c.target, note=note.replace(",", ".") + whole_year)
    b.formula("% target (graduasi mandiri)", percent_formula(f"B{self_reliant}", f"B{target}"), PERCENT)
    pendamping = b.line(
        f"Jumlah target pendamping {year}", c.facilitator_target_sum, note="Target tahunan semua pendamping di wilayah"
    )
    b.formula("% jumlah target pendamping (graduasi mandiri)", percent_formula(f"B{self_reliant}", f"B{pendamping}"),
              PERCENT)  # fmt: skip

    b.block("Alasan graduasi alamiah pada periode (keluarga)")
    for code in ordered_keys(NATURAL_REASONS, [c.natural_reasons]):
        b.line(label(code), c.natural_reasons.get(code, 0), note="Satu keluarga dapat tercatat dengan dua alasan")

    b.block("Kelas kesejahteraan KPM aktif")
    rows = [
        b.line(label(code, WelfareClass), c.welfare_classes.get(code, 0))
        for code in ordered_keys([w.value for w in WelfareClass] + [""], [c.welfare_classes])
    ]
    b.total("Jumlah", rows[0], rows[-1])

    b.block(f"Bencana periode {period}")
    b.line("Kejadian bencana", c.events, note="Menurut kecamatan tempat kejadian")
    b.line("KK terdampak", c.affected_families)
    b.line("Korban (jiwa)", c.victims)
    b.line("Bantuan uang disalurkan (Rp)", c.cash_distributed, MONEY, note="Menurut tanggal penyaluran")
    b.line("Penyaluran barang", c.goods_distributed, note="Jumlah penyerahan barang menurut tanggal penyaluran")

    b.block(f"Sisa stok barang bantuan (per {recap.as_of:%d-%m-%Y %H:%M})")
    if not recap.stock:
        put(ws, b.row, 1, "Belum ada stok barang bantuan.")
        b.row += 1
    for item in recap.stock:
        b.line(item.name, item.balance, note=item.unit)
    return b.row


def graduation_chart(ws: Worksheet, lay: AreaLayout, recap: Recap) -> BarChart:
    """Graduasi mandiri and alamiah per kecamatan beside the target, from the Per Kecamatan sheet."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = f"Graduasi per kecamatan dan target {recap.period.label[:4]} (periode {recap.period.label})"
    chart.y_axis.title = "Keluarga"
    chart.x_axis.title = "Kecamatan"
    chart.x_axis.delete = False  # openpyxl ≥ 3.1 hides axes unless told otherwise
    chart.y_axis.delete = False
    last = max(lay.last_row, lay.first_row)  # an empty table still gives the chart a (blank) row
    chart.add_data(
        Reference(ws, min_col=lay.self_reliant, max_col=lay.natural, min_row=HEADER_ROW, max_row=last),
        titles_from_data=True,
    )
    chart.add_data(Reference(ws, min_col=lay.target, min_row=HEADER_ROW, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=lay.name, min_row=lay.first_row, max_row=last))
    chart.width = 24
    chart.height = 12
    return chart
