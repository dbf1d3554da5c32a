"""The caseload workbook (export) and its empty template, in the format of ``services/caseload_sheet``.

Pure functions: plain rows in, an ``.xlsx`` file out; no database and no Qt. Both use openpyxl's
write-only mode (rows stream to disk; with ``lxml`` installed it writes several times faster).

Cells are typed so the file survives a round trip through a spreadsheet program:

- NIK and No. KK (and RT, RW, kelurahan code, phone) are text cells in columns formatted Text ('@'),
  so a 16-digit number typed over them stays text instead of losing its last digit.
- Dates are date cells shown ``dd-mm-yyyy``.
- A text that a spreadsheet could run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR) or read as an
  error code is written as a plain string cell with *quote prefix* set, so neither opening nor editing
  the cell evaluates it.

The file is written beside its destination under a temporary name and renamed at the end: a failed
or cancelled export never leaves a partial file behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from simoncer_desktop.reports.safe_write import ReportWriteError, discard_sheets, replacing
from simoncer_desktop.services.caseload_sheet import (
    CELL_DATE_FORMAT,
    COLUMNS,
    DATE_COLUMNS,
    SHEET_NAME,
    TEXT_COLUMNS,
    WHOLE_NUMBER_RANGES,
    SheetColumn,
    needs_formula_guard,
)
from simoncer_desktop.translation import untranslated

PLACES_SHEET = "Wilayah"
"""The template's second sheet: the kelurahan of the deployment region (KELURAHAN drop-down source)."""
PLACES_HEADERS = ("KODE_KELURAHAN", "KELURAHAN", "KECAMATAN")
TEXT_FORMAT = "@"
ERROR_TEXTS = frozenset(ERROR_CODES)
"""Texts a spreadsheet would take for an error value (``#N/A`` …): written as plain text too."""
MAX_TEXT = 32_767
"""Characters a spreadsheet cell holds at most."""
LAST_ROW = 1_048_576
"""Validations and column formats reach the last row a spreadsheet has."""

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
NOTE_AUTHOR = "Simoncer"

WIDTHS = {
    "NO_KK": 20,
    "NIK": 20,
    "NAMA": 28,
    "HUBUNGAN": 18,
    "TANGGAL_LAHIR": 14,
    "ALAMAT": 32,
    "KODE_KELURAHAN": 16,
    "KELURAHAN": 20,
    "KECAMATAN": 18,
    "PENDIDIKAN": 15,
    "PENDAMPING": 24,
    "NO_HP": 15,
}
"""Column widths in characters (others: the header's length + 2)."""


class WorkbookWriteError(ReportWriteError):
    """The workbook file could not be written (folder missing, no permission, file open elsewhere)."""


class Place(NamedTuple):
    """One kelurahan/desa listed in the template's ``Wilayah`` sheet."""

    code: str
    name: str
    kecamatan: str


# --- writing rows ------------------------------------------------------------------------------


class _RowEncoder:
    """Turns a row of plain values into what ``WriteOnlyWorksheet.append`` takes, typing each cell.

    Styled cells (text-formatted identity numbers, dates, guarded text) are one reusable
    ``WriteOnlyCell`` per column: write-only mode writes a row before the next is appended, so the
    same cell object can carry every row's value (openpyxl would otherwise build one per value)."""

    def __init__(self, sheet: WriteOnlyWorksheet, columns: Sequence[SheetColumn]) -> None:
        self._sheet = sheet
        self._text = [c.key in TEXT_COLUMNS for c in columns]
        self._date_cells = {
            i: _styled_cell(sheet, number_format=CELL_DATE_FORMAT)
            for i, c in enumerate(columns)
            if c.key in DATE_COLUMNS
        }
        self._identity_cells = {
            i: _styled_cell(sheet, number_format=TEXT_FORMAT) for i, c in enumerate(columns) if c.identity
        }
        self._guarded_cells: dict[int, Cell] = {}
        self._width = len(columns)

    def __call__(self, values: Sequence[object]) -> list[object]:
        out = list(values[: self._width])
        for i, value in enumerate(out):
            if value is None:
                continue
            if isinstance(value, str):
                if not value:
                    out[i] = None
                elif must_force_text(value):
                    out[i] = self._guarded(i, value)
                elif i in self._identity_cells:
                    out[i] = self._text_cell(self._identity_cells[i], value)
                elif value.__class__ is not str:  # a str subclass (an enum): plain str for openpyxl
                    out[i] = str(value)
            elif isinstance(value, date) and i in self._date_cells:
                cell = self._date_cells[i]
                cell._value = value
                cell.data_type = "d"
                out[i] = cell
            elif i in self._identity_cells:  # a number where text belongs: write its digits as text
                out[i] = self._identity_text(i, str(value))
        return out

    def _identity_text(self, i: int, value: str) -> Cell:
        return self._guarded(i, value) if must_force_text(value) else self._text_cell(self._identity_cells[i], value)

    @staticmethod
    def _text_cell(cell: Cell, value: str) -> Cell:
        cell._value = value
        cell.data_type = "s"
        return cell

    def _guarded(self, i: int, value: str) -> Cell:
        """A string cell no spreadsheet evaluates: type "s" (never a formula) and quote prefix set."""
        cell = self._guarded_cells.get(i)
        if cell is None:
            cell = _styled_cell(self._sheet, number_format=TEXT_FORMAT if self._text[i] else None)
            cell.quotePrefix = True
            self._guarded_cells[i] = cell
        return self._text_cell(cell, clean_text(value))

    def install(self) -> None:
        """Give the sheet a faster way from appended values to cells than openpyxl's generic one
        (``WriteOnlyWorksheet._values_to_row``), which tries every value as a plain value first — an
        exception for every styled cell — and checks every string again. After this encoder a cell
        object is ready as it is, and every plain ``str`` is one it has checked (it routes any other
        to a guarded cell). Without that private hook (another openpyxl) the generic path is used,
        with the same result."""
        sheet = self._sheet
        if not callable(getattr(sheet, "_values_to_row", None)):
            return

        def values_to_row(values: Sequence[object], row_idx: int) -> Iterator[Cell]:
            cell = WriteOnlyCell(sheet)
            for col_idx, value in enumerate(values, 1):
                if value is None:
                    continue
                if isinstance(value, Cell):
                    value.column = col_idx
                    value.row = row_idx
                    yield value
                    continue
                if value.__class__ is str:
                    cell._value = value
                    cell.data_type = "s"
                else:
                    cell.value = value
                cell.column = col_idx
                cell.row = row_idx
                yield cell
                if cell.has_style:  # openpyxl styled it (e.g. a date outside the date columns)
                    cell = WriteOnlyCell(sheet)

        sheet._values_to_row = values_to_row


def must_force_text(value: str) -> bool:
    """True for a text a spreadsheet would not keep as it is: one it could run as a formula
    (``caseload_sheet.needs_formula_guard``), an error code such as ``#N/A``, or one with control
    characters XML cannot hold or longer than a cell holds."""
    return bool(
        needs_formula_guard(value)
        or value in ERROR_TEXTS
        or ILLEGAL_CHARACTERS_RE.search(value)
        or len(value) > MAX_TEXT
    )


def clean_text(value: str) -> str:
    """The text without the control characters XML cannot hold, cut to what a cell holds."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_TEXT]


def safe_cell(sheet: WriteOnlyWorksheet, value: object, *, fmt: str | None = None, font: Font | None = None) -> object:
    """A write-only cell for ``value``: text kept as text (guarded when a spreadsheet would read it as a
    formula or error), with an optional number format and font. Shared by the relief and audit workbooks."""
    cell = WriteOnlyCell(sheet, value=None)
    fill_cell(cell, value, fmt=fmt, font=font)
    return cell


def fill_cell(cell: Cell | WriteOnlyCell, value: object, *, fmt: str | None = None, font: Font | None = None) -> None:
    """Put ``value`` in ``cell`` (normal or write-only): a text always as a string cell, with the quote
    prefix when a spreadsheet would evaluate it on editing; then the number format and font."""
    if isinstance(value, str):
        cell._value = clean_text(value)
        cell.data_type = "s"
        if must_force_text(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    if fmt:
        cell.number_format = fmt
    if font is not None:
        cell.font = font


def _text_value(sheet: WriteOnlyWorksheet, value: str) -> object:
    """``value`` for ``append`` as text: a guarded cell (see ``_RowEncoder._guarded``) when it needs it."""
    if not must_force_text(value):
        return value
    cell = _styled_cell(sheet, number_format=None)
    cell.quotePrefix = True
    cell._value = clean_text(value)
    cell.data_type = "s"
    return cell


def _styled_cell(sheet: WriteOnlyWorksheet, *, number_format: str | None) -> Cell:
    cell = WriteOnlyCell(sheet)
    if number_format:
        cell.number_format = number_format
    return cell


@untranslated()  # files for other people and programs: Bahasa whatever the screen language
def write_caseload(
    path: Path | str,
    rows: Iterable[Sequence[object]],
) -> int:
    """Write the caseload sheet: the header row of canonical keys, then ``rows`` — plain values in the
    order of ``caseload_sheet.COLUMNS`` (str, int, ``date`` or None; values past the last column are
    ignored). Returns the number of data rows written.

    ``rows`` may be a generator that raises (e.g. ``CancelledError``): nothing is left at ``path``
    then, and an existing file there is untouched."""
    path = Path(path)
    with replacing(path, ".xlsx", WorkbookWriteError) as temp:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(SHEET_NAME)
        try:
            _prepare_sheet(sheet, COLUMNS)
            encode = _RowEncoder(sheet, COLUMNS)
            encode.install()
            append = sheet.append
            count = 0
            for values in rows:
                append(encode(values))
                count += 1
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
            workbook.save(temp)
        except BaseException:
            discard_sheets([sheet])
            raise
    return count


@untranslated()
def write_template(path: Path | str, kelurahan: Sequence[Place] = ()) -> Path:
    """The empty caseload template: the header row with a note on every column, drop-down lists and
    checks per column, text-formatted identity columns, a frozen header; plus, when ``kelurahan`` is
    given, a ``Wilayah`` sheet listing them (the source of the KELURAHAN / KODE_KELURAHAN drop-downs)."""
    path = Path(path)
    with replacing(path, ".xlsx", WorkbookWriteError) as temp:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(SHEET_NAME)
        places = workbook.create_sheet(PLACES_SHEET) if kelurahan else None
        place_rows = len(kelurahan) + 1
        lists = {}
        if places is not None:
            ref = quote_sheetname(PLACES_SHEET)
            lists = {
                "KODE_KELURAHAN": f"{ref}!$A$2:$A${place_rows}",
                "KELURAHAN": f"{ref}!$B$2:$B${place_rows}",
            }
        _prepare_sheet(sheet, COLUMNS, lists)
        if places is not None:
            _write_places(places, kelurahan)
        workbook.save(temp)
    return path


def _write_places(sheet: WriteOnlyWorksheet, kelurahan: Sequence[Place]) -> None:
    for letter, width in zip("ABC", (18, 28, 24), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.column_dimensions["A"].number_format = TEXT_FORMAT
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, h) for h in PLACES_HEADERS])
    for place in kelurahan:
        sheet.append([_text_value(sheet, value) for value in place])
    sheet.auto_filter.ref = f"A1:C{len(kelurahan) + 1}"


# --- the sheet's frame: widths, formats, header with notes, validations ---------------------------


def _prepare_sheet(
    sheet: WriteOnlyWorksheet, columns: Sequence[SheetColumn], lists: dict[str, str] | None = None
) -> None:
    """Everything before the data rows: column widths and formats, frozen header, validations, and
    the header row itself (write-only mode needs the columns set before the first row)."""
    for number, column in enumerate(columns, 1):
        letter = get_column_letter(number)
        dimension = sheet.column_dimensions[letter]
        dimension.width = WIDTHS.get(column.key, len(column.key) + 2)
        if column.key in TEXT_COLUMNS:
            dimension.number_format = TEXT_FORMAT
        elif column.key in DATE_COLUMNS:
            dimension.number_format = CELL_DATE_FORMAT
        validation = _validation(column, (lists or {}).get(column.key))
        if validation is not None:
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            sheet.data_validations.append(validation)
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, c.key, c) for c in columns])


def _header_cell(sheet: WriteOnlyWorksheet, text: str, column: SheetColumn | None = None) -> Cell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(vertical="center")
    if column is not None:
        note = column.note
        if column.choices:
            note += "\nPilihan: " + ", ".join(column.choices)
        if column.aliases:
            note += "\nJudul lain yang juga dikenali: " + ", ".join(column.aliases)
        if column.required:
            note += "\nWajib diisi."
        comment = Comment(note, NOTE_AUTHOR)
        comment.width = 320
        comment.height = 40 + 18 * (len(note) // 45 + note.count("\n"))
        cell.comment = comment
    return cell


def _validation(column: SheetColumn, list_formula: str | None) -> DataValidation | None:
    """The drop-down or check of one column. Warnings, not refusals: the importer also reads other
    spellings (and reports what it cannot read), so a user may keep a value after being warned."""
    common = {"allow_blank": True, "showErrorMessage": True, "errorStyle": "warning", "showInputMessage": False}
    if list_formula is not None:
        return DataValidation(
            type="list",
            formula1=list_formula,
            errorTitle=column.key,
            error="Nilai tidak ada di daftar sheet Wilayah.",
            **common,
        )
    if column.choices:
        return DataValidation(
            type="list",
            formula1='"' + ",".join(column.choices) + '"',
            errorTitle=column.key,
            error="Pilih salah satu: " + ", ".join(column.choices),
            **common,
        )
    if column.key in WHOLE_NUMBER_RANGES:
        low, high = WHOLE_NUMBER_RANGES[column.key]
        return DataValidation(
            type="whole",
            operator="between",
            formula1=str(low),
            formula2=str(high),
            errorTitle=column.key,
            error=f"Isi bilangan bulat {low}–{high}.",
            **common,
        )
    if column.key in DATE_COLUMNS:
        return DataValidation(
            type="date",
            operator="between",
            formula1="DATE(1900,1,1)",
            formula2="DATE(2100,12,31)",
            errorTitle=column.key,
            error="Isi tanggal DD-MM-YYYY, mis. 17-08-1985.",
            **common,
        )
    return None
