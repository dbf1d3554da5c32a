"""The audit trail as an Excel workbook (openpyxl write-only mode), from ``services.audit.export_rows``.

One sheet *Jejak Audit*: a title, the filter the rows were chosen by, when the file was made, then one
row per entry under a frozen header: Waktu, Pengguna, Perangkat, Data, ID, Keluarga, Aksi, Kolom,
Nilai lama, Nilai baru, Catatan. Values read as on screen (``services.audit_labels``): a new record's
columns as "kolom: nilai; …", Ya/Tidak, dd-mm-yyyy, coded values by their label. Times are the
device's local time. A trail longer than a sheet holds continues on *Jejak Audit (2)*, … . Written
beside the destination and renamed at the end: a failure or a cancel leaves no file.

The file is for other people (an inspection, the archive): it is Bahasa whatever the screen language
(written inside ``translation.untranslated()``; ``filter_description`` is the caller's and should be Bahasa
too: ``audit_labels.filter_text`` inside ``untranslated()``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from simoncer_desktop.reports.excel.caseload_workbook import must_force_text, safe_cell
from simoncer_desktop.reports.safe_write import discard_sheets, replacing
from simoncer_desktop.services.audit import AuditView
from simoncer_desktop.services.audit_labels import (
    action_label,
    entity_label,
    field_label,
    local_time,
    value_text,
)
from simoncer_desktop.services.progress import CancelToken, Progress, no_progress
from simoncer_desktop.translation import untranslated

SHEET_TITLE = "Jejak Audit"
TITLE = "JEJAK AUDIT — RIWAYAT PERUBAHAN DATA"
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Waktu", 19),
    ("Pengguna", 16),
    ("Perangkat", 14),
    ("Data", 20),
    ("ID", 38),
    ("Keluarga", 20),
    ("Aksi", 8),
    ("Kolom", 22),
    ("Nilai lama", 40),
    ("Nilai baru", 40),
    ("Catatan", 30),
)
HEADER_ROW = 5
MAX_SHEET_ROWS = 1_048_576
"""Excel's limit; a longer trail goes on to another sheet."""
DATETIME = "DD-MM-YYYY HH:MM:SS"
BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=13)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
PROGRESS_EVERY = 500


def entry_values(view: AuditView) -> list[object]:
    """One entry as the workbook's eleven columns (plain values; the time as a local datetime)."""
    return [
        local_time(view.at),
        view.user_name,
        view.device_id,
        entity_label(view.entity),
        view.entity_id,
        view.household_no_kk or view.household_id or "",
        action_label(view.action),
        field_label(view.entity, view.field, view.action),
        value_text(view.old_value, view.entity, view.field),
        value_text(view.new_value, view.entity, view.field),
        view.note,
    ]


def _value(sheet: WriteOnlyWorksheet, value: object) -> object:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return safe_cell(sheet, value, fmt=DATETIME)
    if isinstance(value, str) and not must_force_text(value):
        return value
    return safe_cell(sheet, value)


def _start_sheet(
    workbook: Workbook, number: int, filter_description: str, generated_at: datetime
) -> WriteOnlyWorksheet:
    sheet = workbook.create_sheet(SHEET_TITLE if number == 1 else f"{SHEET_TITLE} ({number})")
    for index, (_title, width) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.append([safe_cell(sheet, TITLE, font=TITLE_FONT)])
    sheet.append([safe_cell(sheet, f"Filter: {filter_description or 'semua entri'}")])
    sheet.append([safe_cell(sheet, f"Dibuat: {generated_at:%d-%m-%Y %H:%M} (waktu perangkat)")])
    sheet.append([])
    header = []
    for title, _width in COLUMNS:
        cell = safe_cell(sheet, title, font=BOLD)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", horizontal="center")
        header.append(cell)
    sheet.append(header)
    return sheet


def _filter_range(sheet: WriteOnlyWorksheet, last_row: int) -> None:
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{last_row}"


def write_audit_workbook(
    rows: Iterable[AuditView],
    path: Path,
    filter_description: str = "",
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    *,
    total: int = 0,
    generated_at: datetime | None = None,
) -> int:
    """Write ``rows`` (newest first, as ``export_rows`` gives them) to ``path``; returns how many
    entries were written. ``progress(done, total)`` every few hundred rows (``total`` 0 = unknown);
    a cancel through ``cancel`` raises ``CancelledError`` and leaves no file (nor a changed old one).
    Labels are written in Bahasa whatever the screen language."""
    with untranslated():
        return _write(rows, Path(path), filter_description, progress, cancel, total, generated_at)


def _write(
    rows: Iterable[AuditView],
    path: Path,
    filter_description: str,
    progress: Progress,
    cancel: CancelToken | None,
    total: int,
    generated_at: datetime | None,
) -> int:
    made = generated_at or datetime.now()
    written = 0
    with replacing(path, ".xlsx") as temp:
        workbook = Workbook(write_only=True)
        try:
            sheets = 1
            sheet = _start_sheet(workbook, sheets, filter_description, made)
            rows_in_sheet = HEADER_ROW
            for view in rows:
                if rows_in_sheet >= MAX_SHEET_ROWS:
                    _filter_range(sheet, rows_in_sheet)
                    sheets += 1
                    sheet = _start_sheet(workbook, sheets, filter_description, made)
                    rows_in_sheet = HEADER_ROW
                sheet.append([_value(sheet, v) for v in entry_values(view)])
                rows_in_sheet += 1
                written += 1
                if written % PROGRESS_EVERY == 0:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    progress(written, total)
            if written == 0:
                sheet.append([safe_cell(sheet, "Tidak ada entri yang cocok dengan filter ini.")])
            sheet.auto_filter.ref = (
                f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{max(rows_in_sheet, HEADER_ROW + 1)}"
            )
            if cancel is not None:
                cancel.raise_if_cancelled()
            workbook.save(temp)
        except BaseException:
            discard_sheets(workbook.worksheets)
            raise
    progress(written, total or written)
    return written
