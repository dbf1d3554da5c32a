"""The import report: the user's rows as read, plus the outcome and every problem of each row, and a
summary sheet. Written with openpyxl's write-only mode (it may hold 450,000 rows)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from simoncer_desktop.services.caseload_sheet import REMARKS_HEADER, SHEET_NAME, SUMMARY_SHEET, needs_formula_guard
from simoncer_desktop.translation import untranslated

OUTCOME_HEADER = "HASIL"
BOLD = Font(bold=True)
PROBLEM_FILL = PatternFill("solid", fgColor="FDE2E1")


@untranslated()  # a file for other people: Bahasa whatever the screen language
def write_import_report(
    path: Path,
    rows: Iterable[tuple[int, Sequence[object]]],
    header_row: int,
    outcomes: Mapping[int, str],
    remarks: Mapping[int, list[str]],
    summary: Sequence[str],
    problem_counts: Mapping[str, int],
) -> Path:
    """``rows`` are (row number, cells) as read; the header row gets the two extra column titles."""
    path = Path(path)
    temp = _temp_file_beside(path)  # fails at once on a folder that cannot be written
    workbook = Workbook(write_only=True)
    sheet: WriteOnlyWorksheet = workbook.create_sheet(SHEET_NAME)
    width = 0
    for number, cells in rows:
        width = max(width, len(cells))
        values: list[object] = [_safe(sheet, c) for c in cells]
        values += [None] * (width - len(values))
        if number == header_row:
            values += [_bold(sheet, OUTCOME_HEADER), _bold(sheet, REMARKS_HEADER)]
        elif number > header_row:
            notes = remarks.get(number, [])
            remark = WriteOnlyCell(sheet, value=" | ".join(notes))
            remark.data_type = "s"
            if any(not n.startswith("Diperbaiki") for n in notes):
                remark.fill = PROBLEM_FILL
            values += [outcomes.get(number, ""), remark]
        sheet.append(values)
    summary_sheet = workbook.create_sheet(SUMMARY_SHEET)
    summary_sheet.append([_bold(summary_sheet, "Ringkasan impor")])
    for line in summary:
        summary_sheet.append([_safe(summary_sheet, line)])
    if problem_counts:
        summary_sheet.append([])
        summary_sheet.append([_bold(summary_sheet, "Kolom"), _bold(summary_sheet, "Jumlah masalah")])
        for column, count in sorted(problem_counts.items(), key=lambda item: -item[1]):
            summary_sheet.append([column, count])
    try:
        workbook.save(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


def _safe(sheet: WriteOnlyWorksheet, value: object) -> object:
    """Text that a spreadsheet would run as a formula is written as plain text."""
    if isinstance(value, str) and needs_formula_guard(value):
        guarded = WriteOnlyCell(sheet, value=value)
        guarded.data_type = "s"
        guarded.quotePrefix = True
        return guarded
    return value


def _bold(sheet: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = BOLD
    return cell


def _temp_file_beside(path: Path) -> Path:
    """A temporary file in the target folder: saving there and renaming never leaves half a file."""
    handle, temp = tempfile.mkstemp(prefix=".simoncer-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    return Path(temp)
