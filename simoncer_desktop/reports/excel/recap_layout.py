"""The frame every sheet of the Wali Kota recap shares (``recap_workbook``): the rows above the table,
the header, widths, frozen panes, print set-up, and typed cells.

Every sheet has the same top rows, so a reader (and a test) finds them in the same place:

- row 1 ``TITLE_ROW``: the title (region, kecamatan filter, sheet);
- row 2 ``PERIOD_ROW``: ``Periode: Tahun 2026 (01-01-2026 s.d. 31-12-2026)``;
- row 3 ``AS_OF_ROW``: ``Data per dd-mm-yyyy HH:MM``;
- row 4 ``REGION_ROW``: ``Wilayah: Kota Bogor`` (``, hanya Kecamatan …`` with the filter);
- row 5 ``NOTE_ROW``: the recap's notes (``Tidak ada data untuk periode …`` when it has no data);
- row 6 ``GROUP_ROW``: group headings over several columns (merged), may be empty;
- row 7 ``HEADER_ROW``: the column headings (frozen, repeated on every printed page with row 6);
- rows from 8 ``FIRST_ROW``: the data, then a ``JUMLAH`` row of formulas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import NamedTuple

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from simoncer_desktop.reports.excel.caseload_workbook import fill_cell
from simoncer_desktop.services.recap_model import Recap

TITLE_ROW, PERIOD_ROW, AS_OF_ROW, REGION_ROW, NOTE_ROW, GROUP_ROW, HEADER_ROW = 1, 2, 3, 4, 5, 6, 7
FIRST_ROW = HEADER_ROW + 1

COUNT = "#,##0"
"""Whole numbers with digit grouping (Excel shows the separator of the reader's locale: '.' in Indonesia)."""
MONEY = '"Rp "#,##0'
PERCENT = "0.0%"
DATETIME = "DD-MM-YYYY HH:MM"
TEXT = "@"

TITLE_FONT = Font(bold=True, size=13)
BOLD = Font(bold=True)
NOTE_FONT = Font(italic=True, color="9C0006")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BLOCK_FILL = PatternFill("solid", fgColor="F2F2F2")
TOTAL_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
THIN = Side(style="thin", color="A6A6A6")
TOP_LINE = Border(top=THIN)

QUARTERS = {"1": "I", "2": "II", "3": "III", "4": "IV"}


class Column(NamedTuple):
    """One table column: heading, width in characters and the number format of its cells."""

    title: str
    width: float
    fmt: str | None = COUNT


def period_text(recap: Recap) -> str:
    p = recap.period
    span = f"{p.first:%d-%m-%Y} s.d. {p.last:%d-%m-%Y}"
    if p.is_quarter:
        year, _, quarter = p.label.partition("Q")
        return f"Periode: Triwulan {QUARTERS.get(quarter, quarter)} {year} ({span})"
    return f"Periode: Tahun {p.label} ({span})"


def as_of_text(when: datetime) -> str:
    return f"Data per {when:%d-%m-%Y %H:%M}"


def region_text(recap: Recap) -> str:
    if recap.kecamatan_filter:
        return f"Wilayah: {recap.region_name}, hanya Kecamatan {recap.kecamatan_filter}"
    return f"Wilayah: {recap.region_name}"


def note_lines(recap: Recap) -> list[str]:
    """The recap's notes; a recap without data always says so, even when the service added no note."""
    notes = list(recap.notes if recap.document_notes is None else recap.document_notes)
    if not recap.has_data and not any(n.startswith("Tidak ada data") for n in notes):
        notes.insert(0, f"Tidak ada data untuk periode {recap.period.label}")
    return notes


def title_text(recap: Recap, sheet: str) -> str:
    where = recap.region_name + (f", Kecamatan {recap.kecamatan_filter}" if recap.kecamatan_filter else "")
    return f"Rekap PKH {where}: {sheet}"


def put(ws: Worksheet, row: int, col: int, value: object, fmt: str | None = None, *, font: Font | None = None) -> None:
    """One cell. A text is always a string cell (a name starting with ``=`` is not run as a formula) with
    the quote prefix when a spreadsheet would evaluate it on editing; a formula goes through ``formula``."""
    if value is None or value == "":
        return
    fill_cell(ws.cell(row=row, column=col), value, fmt=fmt, font=font)


def formula(ws: Worksheet, row: int, col: int, text: str, fmt: str | None = COUNT, *, font: Font | None = None) -> None:
    cell = ws.cell(row=row, column=col, value=text)
    cell.data_type = "f"
    if fmt:
        cell.number_format = fmt
    if font is not None:
        cell.font = font


def percent_formula(numerator: str, target: str) -> str:
    """``approved / target`` as a formula; empty when there is no target (never ``#DIV/0!``)."""
    return f'=IF({target}=0,"",{numerator}/{target})'


def start_sheet(
    ws: Worksheet,
    recap: Recap,
    sheet_title: str,
    columns: Sequence[Column],
    groups: Iterable[tuple[str, int, int]] = (),
    frozen_columns: int = 0,
) -> None:
    """The rows above the data, the headings (``groups``: (heading, first column, last column), 1-based),
    widths, frozen panes below the header (and left of ``frozen_columns`` + 1), A4 landscape fitted to
    the page width with rows 6–7 repeated on every page."""
    put(ws, TITLE_ROW, 1, title_text(recap, sheet_title), font=TITLE_FONT)
    put(ws, PERIOD_ROW, 1, period_text(recap))
    put(ws, AS_OF_ROW, 1, as_of_text(recap.as_of))
    put(ws, REGION_ROW, 1, region_text(recap))
    put(ws, NOTE_ROW, 1, " · ".join(note_lines(recap)), font=NOTE_FONT)
    for number, column in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(number)].width = column.width
        put(ws, HEADER_ROW, number, column.title, font=BOLD)
        cell = ws.cell(row=HEADER_ROW, column=number)
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGN
    ws.row_dimensions[HEADER_ROW].height = 48
    for heading, first, last in groups:
        put(ws, GROUP_ROW, first, heading, font=BOLD)
        for col in range(first, last + 1):
            cell = ws.cell(row=GROUP_ROW, column=col)
            cell.fill = HEADER_FILL
            cell.alignment = HEADER_ALIGN
        if last > first:
            ws.merge_cells(start_row=GROUP_ROW, start_column=first, end_row=GROUP_ROW, end_column=last)
    ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{FIRST_ROW}"
    ws.print_title_rows = f"{GROUP_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4


def write_rows(ws: Worksheet, columns: Sequence[Column], rows: Iterable[Sequence[object]], first_row: int) -> int:
    """Data rows from ``first_row`` (a value starting with ``=`` in a non-text column is a formula);
    returns the number written."""
    count = 0
    for count, values in enumerate(rows, 1):
        row = first_row + count - 1
        for col, (value, column) in enumerate(zip(values, columns, strict=True), 1):
            if isinstance(value, Formula):
                formula(ws, row, col, value.text, column.fmt)
            else:
                put(ws, row, col, value, column.fmt)
    return count


class Formula(NamedTuple):
    """A value of ``write_rows`` that is a formula (plain strings are always written as text)."""

    text: str


def total_row(
    ws: Worksheet,
    columns: Sequence[Column],
    row: int,
    first: int,
    last: int,
    summed: Iterable[int],
    label_col: int,
    extra: dict[int, str] | None = None,
) -> None:
    """The ``JUMLAH`` row: ``=SUM`` of rows ``first``–``last`` for the columns in ``summed`` (1-based);
    ``extra``: other formulas of the row by column (percentages of the totals)."""
    put(ws, row, label_col, "JUMLAH", font=BOLD)
    for col in summed:
        letter = get_column_letter(col)
        formula(ws, row, col, f"=SUM({letter}{first}:{letter}{last})", columns[col - 1].fmt, font=BOLD)
    for col, text in (extra or {}).items():
        formula(ws, row, col, text, columns[col - 1].fmt, font=BOLD)
    for col in range(1, len(columns) + 1):
        cell = ws.cell(row=row, column=col)
        cell.fill = TOTAL_FILL
        cell.border = TOP_LINE


def ordered_keys(canonical: Sequence[str], found: Iterable[dict[str, int]]) -> list[str]:
    """``canonical`` codes, then any other code the figures hold (so no figure is ever dropped)."""
    keys = list(canonical)
    for mapping in found:
        keys.extend(k for k in mapping if k not in keys)
    return keys
