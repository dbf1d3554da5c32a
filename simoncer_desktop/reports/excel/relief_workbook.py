"""The relief lists as Excel workbooks (openpyxl write-only mode), from ``services.relief_documents``:

- ``write_bnba_xlsx``: the BNBA list, one row per victim; displaced/injured/deceased as 1/0 columns
  with ``SUM`` totals, people and KPM counted with ``COUNTA``/``COUNTIF``;
- ``write_berita_acara_xlsx``: the hand-over record: a ``Berita acara`` sheet (text, totals per
  entitlement as ``SUMIFS``/``COUNTIFS`` over the recipient sheet, signature blocks) and a ``Penerima``
  sheet (one row per distribution, ``SUM`` totals).

Headers frozen, column widths set, printed A4 landscape fit to the page width with the header row
repeated. NIK and No. KK are text cells in text-formatted columns; a text a spreadsheet would run as
a formula is written as plain text (``caseload_workbook.must_force_text``). Written beside the
destination and renamed at the end: a failure leaves no file (``ReportWriteError`` naming the path).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from simoncer_desktop.reports.excel.caseload_workbook import must_force_text, safe_cell
from simoncer_desktop.reports.safe_write import discard_sheets, replacing
from simoncer_desktop.services.relief_document_parts import thousands
from simoncer_desktop.services.relief_documents import BeritaAcaraData, BnbaData, EventHeader
from simoncer_desktop.translation import untranslated

TEXT = "@"
DATE = "DD-MM-YYYY"
MONEY = "#,##0"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")

# (title, width, kind): kind "text" = identity text column, "num", "date" or "" (plain)
BNBA_COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("NO", 6, "num"),
    ("NIK", 20, "text"),
    ("NAMA", 26, ""),
    ("L/P", 5, ""),
    ("UMUR", 6, "num"),
    ("NO. KK", 20, "text"),
    ("ALAMAT", 28, ""),
    ("RT/RW", 8, "text"),
    ("KELURAHAN", 18, ""),
    ("HUBUNGAN", 15, ""),
    ("KPM", 6, ""),
    ("KERUSAKAN RUMAH", 15, ""),
    ("MENGUNGSI", 11, "num"),
    ("LUKA", 7, "num"),
    ("MENINGGAL", 11, "num"),
    ("KONDISI", 22, ""),
    ("BANTUAN DITERIMA", 40, ""),
    ("TANDA TANGAN / CAP JEMPOL", 18, ""),
)
BNBA_HEADER_ROW = 6

RECIPIENT_SHEET = "Penerima"
RECIPIENT_COLUMNS: tuple[tuple[str, int, str], ...] = (
    ("NO", 6, "num"),
    ("TANGGAL", 12, "date"),
    ("PENERIMA MANFAAT", 26, ""),
    ("NIK", 20, "text"),
    ("NO. KK", 20, "text"),
    ("KELURAHAN", 18, ""),
    ("RT/RW", 8, "text"),
    ("BANTUAN", 24, ""),
    ("BENTUK", 9, ""),
    ("JUMLAH", 10, "num"),
    ("SATUAN", 9, ""),
    ("NILAI (RP)", 14, "money"),
    ("DITERIMA OLEH", 26, ""),
    ("NIK PENERIMA", 20, "text"),
    ("HUBUNGAN", 14, ""),
    ("KONFIRMASI", 12, ""),
    ("PETUGAS", 20, ""),
)


def _formula(sheet: WriteOnlyWorksheet, formula: str, *, fmt: str | None = None, font: Font | None = None) -> object:
    cell = WriteOnlyCell(sheet, value=None)
    cell._value = formula
    cell.data_type = "f"
    if fmt:
        cell.number_format = fmt
    if font is not None:
        cell.font = font
    return cell


def _value(sheet: WriteOnlyWorksheet, value: object, kind: str) -> object:
    """One data cell typed for its column: identity text as text, dates and money formatted, a text a
    spreadsheet would evaluate as a guarded string."""
    if value is None or value == "":
        return None
    if kind == "text":
        return safe_cell(sheet, str(value), fmt=TEXT)
    if kind == "date" and isinstance(value, date):
        return safe_cell(sheet, value, fmt=DATE)
    if kind == "money":
        return safe_cell(sheet, value, fmt=MONEY)
    if isinstance(value, str) and value.__class__ is not str:
        value = str(value)
    if isinstance(value, str) and must_force_text(value):
        return safe_cell(sheet, value)
    return value


def _frame(sheet: WriteOnlyWorksheet, columns: Sequence[tuple[str, int, str]], header_row: int) -> None:
    """Widths, column formats, frozen header and print set-up (before the first row, as write-only
    mode needs)."""
    for number, (_, width, kind) in enumerate(columns, 1):
        dimension = sheet.column_dimensions[get_column_letter(number)]
        dimension.width = width
        if kind == "text":
            dimension.number_format = TEXT
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True


def _header(sheet: WriteOnlyWorksheet, columns: Sequence[tuple[str, int, str]]) -> list[object]:
    out = []
    for title, _, _ in columns:
        cell = safe_cell(sheet, title, font=BOLD)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        out.append(cell)
    return out


def _event_lines(e: EventHeader) -> list[str]:
    return [
        f"Kejadian: {e.kind_label} — {e.title} · {e.occurred_at:%d-%m-%Y %H:%M} · kode {e.code}",
        f"Kecamatan {e.kecamatan_name}" + (f" · {e.areas_text}" if e.areas_text else ""),
    ]


# --- BNBA --------------------------------------------------------------------------------------------


def write_bnba_xlsx(data: BnbaData, path: Path) -> Path:
    path = Path(path)
    with replacing(path, ".xlsx") as temp, untranslated():
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("BNBA")
        try:
            _bnba_rows(sheet, data)
            workbook.save(temp)
        except BaseException:
            discard_sheets(workbook.worksheets)
            raise
    return path


def _bnba_rows(sheet: WriteOnlyWorksheet, data: BnbaData) -> None:
    e = data.event
    _frame(sheet, BNBA_COLUMNS, BNBA_HEADER_ROW)
    place = _event_lines(e)[1]
    if data.kelurahan_name:
        place = f"Kecamatan {e.kecamatan_name} · Kelurahan {data.kelurahan_name}"
    sheet.append([safe_cell(sheet, e.office_name.upper(), font=BOLD)])
    sheet.append([safe_cell(sheet, "DAFTAR KORBAN BENCANA BY NAME BY ADDRESS (BNBA)", font=TITLE)])
    sheet.append([safe_cell(sheet, _event_lines(e)[0])])
    sheet.append([safe_cell(sheet, place)])
    sheet.append([safe_cell(sheet, f"Dicetak {data.made_on:%d-%m-%Y}")])
    sheet.append(_header(sheet, BNBA_COLUMNS))
    kinds = [kind for _, _, kind in BNBA_COLUMNS]
    for r in data.rows:
        values = (
            r.no, r.nik, r.name, r.sex, r.age, r.no_kk, r.address, r.rt_rw, r.kelurahan, r.relation,
            "Ya" if r.is_kpm else "Tidak", r.damage, int(r.displaced), int(r.injury != "tidak"),
            int(r.deceased), r.condition, r.aid, None,
        )  # fmt: skip
        sheet.append([_value(sheet, v, k) for v, k in zip(values, kinds, strict=True)])
    first, last = BNBA_HEADER_ROW + 1, BNBA_HEADER_ROW + len(data.rows)
    if data.rows:
        total: list[object] = [None] * len(BNBA_COLUMNS)
        total[1] = safe_cell(sheet, "JUMLAH (jiwa)", font=BOLD)
        total[2] = _formula(sheet, f"=COUNTA(C{first}:C{last})", font=BOLD)
        total[9] = safe_cell(sheet, "KPM (jiwa)", font=BOLD)
        total[10] = _formula(sheet, f'=COUNTIF(K{first}:K{last},"Ya")', font=BOLD)
        for index in (12, 13, 14):
            letter = get_column_letter(index + 1)
            total[index] = _formula(sheet, f"=SUM({letter}{first}:{letter}{last})", font=BOLD)
        sheet.append(total)
    else:
        sheet.append([None, safe_cell(sheet, "Belum ada korban yang terdaftar untuk kejadian ini.")])
    sheet.append([])
    sheet.append(
        [
            None,
            safe_cell(
                sheet,
                f"Jumlah {thousands(data.families)} keluarga ({thousands(data.kpm_families)} KPM), "
                f"{thousands(data.people)} jiwa",
                font=BOLD,
            ),
        ]
    )
    sheet.auto_filter.ref = f"A{BNBA_HEADER_ROW}:{get_column_letter(len(BNBA_COLUMNS))}{max(last, first)}"


# --- berita acara ------------------------------------------------------------------------------------


def write_berita_acara_xlsx(data: BeritaAcaraData, path: Path) -> Path:
    path = Path(path)
    with replacing(path, ".xlsx") as temp, untranslated():
        workbook = Workbook(write_only=True)
        summary = workbook.create_sheet("Berita acara")
        recipients = workbook.create_sheet(RECIPIENT_SHEET)
        try:
            _summary_sheet(summary, data)
            _recipient_sheet(recipients, data)
            workbook.save(temp)
        except BaseException:
            discard_sheets(workbook.worksheets)
            raise
    return path


def _summary_sheet(sheet: WriteOnlyWorksheet, data: BeritaAcaraData) -> None:
    e = data.event
    columns = (("NO", 6, "num"), ("JENIS BANTUAN", 34, ""), ("BENTUK", 10, ""), ("JUMLAH", 12, "num"),
               ("SATUAN", 10, ""), ("NILAI (RP)", 16, "money"), ("PENERIMAAN", 12, "num"))  # fmt: skip
    header_row = 8
    _frame(sheet, columns, header_row)
    sheet.append([safe_cell(sheet, e.office_name.upper(), font=BOLD)])
    sheet.append([safe_cell(sheet, "BERITA ACARA SERAH TERIMA BANTUAN SOSIAL KORBAN BENCANA", font=TITLE)])
    sheet.append([safe_cell(sheet, f"Nomor: {data.number}", font=BOLD)])
    for line in _event_lines(e):
        sheet.append([safe_cell(sheet, line)])
    sheet.append([safe_cell(sheet, f"Tempat, tanggal: Kecamatan {data.place}, {data.signed_on:%d-%m-%Y}")])
    sheet.append([safe_cell(sheet, f"Penyaluran: {data.period_text}")])
    sheet.append(_header(sheet, columns))
    n = len(data.lines) + 1
    ref = quote_sheetname(RECIPIENT_SHEET)

    def col(letter: str) -> str:
        return f"{ref}!${letter}$2:${letter}${n}"

    first = header_row + 1
    for i, t in enumerate(data.totals, start=1):
        row = header_row + i
        quantity = _formula(sheet, f"=SUMIFS({col('J')},{col('H')},B{row})") if t.kind != "uang" else None
        amount = _formula(sheet, f"=SUMIFS({col('L')},{col('H')},B{row})", fmt=MONEY) if t.kind == "uang" else None
        count = _formula(sheet, f"=COUNTIFS({col('H')},B{row})")
        sheet.append(
            [
                i,
                safe_cell(sheet, t.name),
                "Uang" if t.kind == "uang" else "Barang",
                quantity,
                t.unit or None,
                amount,
                count,
            ]
        )
    last = header_row + len(data.totals)
    if data.totals:
        total_amount = _formula(sheet, f"=SUM(F{first}:F{last})", fmt=MONEY, font=BOLD)
        total_count = _formula(sheet, f"=SUM(G{first}:G{last})", font=BOLD)
        sheet.append([None, safe_cell(sheet, "JUMLAH", font=BOLD), None, None, None, total_amount, total_count])
    else:
        sheet.append([None, safe_cell(sheet, "Tidak ada penyaluran pada periode ini.")])
    sheet.append([])
    sheet.append(
        [
            None,
            safe_cell(
                sheet,
                f"Penerimaan terkonfirmasi: {thousands(data.confirmed)} dari {thousands(len(data.lines))}. "
                f"Dokumentasi: {thousands(data.attachments)} lampiran foto/pindaian.",
            ),
        ]
    )
    sheet.append([])
    sheet.append([None, safe_cell(sheet, "Yang menyerahkan,"), None, safe_cell(sheet, "Yang menerima,"), None,
                  safe_cell(sheet, "Mengetahui,")])  # fmt: skip
    sheet.append([None, safe_cell(sheet, "Petugas"), None, safe_cell(sheet, "Perwakilan penerima"), None,
                  safe_cell(sheet, f"Kepala {e.office_name}")])  # fmt: skip
    for _ in range(3):
        sheet.append([])
    sheet.append([None, safe_cell(sheet, ", ".join(data.officers) or "(....................)", font=BOLD), None,
                  safe_cell(sheet, "(....................)", font=BOLD), None,
                  safe_cell(sheet, e.head_of_office, font=BOLD)])  # fmt: skip


def _recipient_sheet(sheet: WriteOnlyWorksheet, data: BeritaAcaraData) -> None:
    _frame(sheet, RECIPIENT_COLUMNS, 1)
    sheet.append(_header(sheet, RECIPIENT_COLUMNS))
    kinds = [kind for _, _, kind in RECIPIENT_COLUMNS]
    for line in data.lines:
        cash = line.kind == "uang"
        values = (
            line.no, line.distributed_on, line.beneficiary, line.nik, line.no_kk, line.kelurahan, line.rt_rw,
            line.entitlement, "Uang" if cash else "Barang", None if cash else line.quantity,
            None if cash else line.unit, line.amount if cash else None, line.recipient_name, line.recipient_nik,
            line.recipient_relation, "Ya" if line.confirmed else "Belum", line.officer,
        )  # fmt: skip
        sheet.append([_value(sheet, v, k) for v, k in zip(values, kinds, strict=True)])
    last = len(data.lines) + 1
    if data.lines:
        amount = _formula(sheet, f"=SUM(L2:L{last})", fmt=MONEY, font=BOLD)
        confirmed = _formula(sheet, f'=COUNTIF(P2:P{last},"Ya")', font=BOLD)
        row: list[object] = [None] * len(RECIPIENT_COLUMNS)
        row[2] = safe_cell(sheet, "JUMLAH", font=BOLD)
        row[11] = amount
        row[14] = safe_cell(sheet, "Terkonfirmasi", font=BOLD)
        row[15] = confirmed
        sheet.append(row)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(RECIPIENT_COLUMNS))}{max(last, 2)}"
