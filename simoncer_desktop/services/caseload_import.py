"""Import of the caseload spreadsheet (format: ``caseload_sheet``): plan, then apply.

``plan_import`` reads the file, checks every row and compares every family with the database; it
writes nothing. ``apply_import`` writes the valid families of a plan in the caller's transaction
(one transaction per import: all valid families or, on any error or cancel, nothing).

The unit is the family (rows sharing a No. KK): a family with any refused row is rejected whole and
the others go in. Families are matched by No. KK, members by NIK. Members stored but absent from the
file are kept (reported), so a partial list never deletes anyone.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from simoncer_desktop.errors import Message
from simoncer_desktop.services import caseload_sheet as fmt
from simoncer_desktop.services import sheet_values as cell
from simoncer_desktop.services.import_compare import (
    StoredCaseload,
    caseload_fingerprint,
    compare_family,
    is_current,
    refuse_duplicate_niks,
)
from simoncer_desktop.services.import_model import FamilyPlan, ImportPlan, ImportResult, Outcome, Problem
from simoncer_desktop.services.import_rows import PROGRESS_EVERY, Line, RowParser, read_rows
from simoncer_desktop.services.import_write import apply_import
from simoncer_desktop.services.progress import CancelToken, Progress, no_progress
from simoncer_desktop.services.sheet_reader import (
    RawRow,
    open_sheet,
)
from simoncer_desktop.translation import untranslated

log = logging.getLogger(__name__)

__all__ = [
    "FamilyPlan",
    "ImportPlan",
    "ImportResult",
    "Outcome",
    "Problem",
    "apply_import",
    "caseload_fingerprint",
    "import_caseload",
    "is_current",
    "plan_import",
    "write_report",
]


def plan_import(
    session: Session,
    path: Path,
    progress: Progress = no_progress,
    token: CancelToken | None = None,
    today: date | None = None,
) -> ImportPlan:
    """Read and check ``path`` against the database; writes nothing. Raises ``SheetFileError`` when
    the file cannot be read at all."""
    today = today or date.today()
    plan, rows = read_rows(Path(path), progress, token)
    plan.fingerprint = caseload_fingerprint(session)
    parser = RowParser(session, plan, today)
    groups: dict[str, list[Line]] = defaultdict(list)
    firsts: dict[str, tuple[object, ...]] = {}
    orphans: list[FamilyPlan] = []
    for row in rows:
        no_kk, line = parser.line(row)
        if no_kk is None:
            orphans.append(FamilyPlan(cell.text(row.values.get("NO_KK")), [row.number], problems=line.problems))
            continue
        groups[no_kk].append(line)
        first = firsts.setdefault(no_kk, line.family or ())
        if line.family == first:
            line.family = None  # most rows repeat the family's cells: keep one copy
    stored = StoredCaseload(session)
    total = len(groups)
    for done, (no_kk, lines) in enumerate(groups.items(), start=1):
        plan.families.append(parser.family(no_kk, lines, firsts[no_kk]))
        if done % PROGRESS_EVERY == 0:
            progress(done, total)
            if token:
                token.raise_if_cancelled()
    del groups, firsts
    refuse_duplicate_niks(plan.families)
    file_niks = {f.no_kk: {m.data.nik for m in f.members} for f in plan.families}
    new_facilitators: dict[str, str] = {}
    kept_absent = 0
    for family in plan.families:
        kept_absent += compare_family(family, stored, file_niks, new_facilitators)
    plan.families.extend(orphans)
    plan.families.sort(key=lambda f: f.rows[0])
    plan.new_facilitators = sorted(new_facilitators)
    plan.facilitator_ids = new_facilitators
    if kept_absent:
        plan.notes.append(
            Message.translate(
                "import", "{count} anggota tersimpan tidak ada di berkas; mereka tetap disimpan tanpa perubahan"
            ).format(count=kept_absent)
        )
    progress(total, total)
    return plan


def import_caseload(
    session: Session,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Progress = no_progress,
    token: CancelToken | None = None,
    today: date | None = None,
) -> tuple[ImportPlan, ImportResult | None]:
    """Plan and (unless ``dry_run``) apply in the caller's transaction."""
    plan = plan_import(session, path, progress, token, today)
    if dry_run:
        return plan, None
    return plan, apply_import(session, plan, progress, token)


def rows_for_report(path: Path) -> Iterable[RawRow]:
    """The file's rows again, as read (for the report, which copies the input)."""
    return open_sheet(Path(path), fmt.SHEET_NAME).rows


def write_report(plan: ImportPlan, source: Path, out: Path) -> Path:
    """The report: the file's rows as read with HASIL and KETERANGAN, and a summary sheet — in Bahasa
    whatever the screen language (it goes to other people; the plan's messages are made again)."""
    with untranslated():
        return _write_report(plan, source, out)


def _write_report(plan: ImportPlan, source: Path, out: Path) -> Path:
    from simoncer_desktop.reports.excel.import_report import write_import_report

    outcomes = {row: family.outcome.value for family in plan.families for row in family.rows}
    problem_counts: dict[str, int] = defaultdict(int)
    for problem in plan.problems():
        problem_counts[problem.column or "(keluarga)"] += 1
    rows = ((raw.number, raw.cells) for raw in rows_for_report(source))
    return write_import_report(
        out, rows, plan.header_row, outcomes, plan.row_remarks(), plan.summary_lines(), problem_counts
    )
