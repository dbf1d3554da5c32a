"""What an import found: per family the outcome, problems and changes; the plan as a whole.

Problems, fixes, changes and notes are ``Message``s (screen text made when the plan is made); the texts
built from them here are made when asked for, so the import report — written inside ``untranslated()``
— gets them in Bahasa and the wizard in the screen's language.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from simoncer_desktop.errors import render
from simoncer_desktop.services.caseload import HouseholdInput, MemberInput
from simoncer_desktop.translation import translate


class Outcome(StrEnum):
    NEW = "baru"
    UPDATED = "diperbarui"
    UNCHANGED = "tetap"
    REJECTED = "ditolak"


@dataclass(slots=True)
class Problem:
    """A refused cell or row; ``row`` is the spreadsheet row number (None: the whole family)."""

    row: int | None
    column: str | None
    value: str
    message: str

    def text(self) -> str:
        message = render(self.message)
        if self.column and self.value:
            column = translate("import", "kolom {column} ('{value}')").format(column=self.column, value=self.value)
        elif self.column:
            column = translate("import", "kolom {column}").format(column=self.column)
        else:
            column = ""
        if self.row and column:
            return translate("import", "Baris {row}, {column}: {message}").format(
                row=self.row, column=column, message=message
            )
        if self.row:
            return translate("import", "Baris {row}: {message}").format(row=self.row, message=message)
        if column:
            return translate("import", "{column}: {message}").format(column=column, message=message)
        return message


@dataclass(slots=True)
class ParsedMember:
    row: int
    data: MemberInput


@dataclass(slots=True)
class FamilyPlan:
    no_kk: str
    rows: list[int]
    outcome: Outcome = Outcome.REJECTED
    problems: list[Problem] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    household: HouseholdInput | None = None
    members: list[ParsedMember] = field(default_factory=list)
    facilitator_name: str = ""
    household_id: str | None = None
    """The stored family (None: new)."""
    member_ids: list[str | None] = field(default_factory=list)
    """Per parsed member: the stored member it updates (None: new)."""
    moved_from: set[str] = field(default_factory=set)
    """Stored families that members of this one move out of (by NIK)."""


@dataclass
class ImportPlan:
    file_name: str
    sheet_name: str
    header_row: int
    data_rows: int = 0
    blank_rows: int = 0
    ignored_columns: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)
    families: list[FamilyPlan] = field(default_factory=list)
    fixes: dict[int, list[str]] = field(default_factory=dict)
    """Row → safe corrections made while reading it."""
    new_facilitators: list[str] = field(default_factory=list)
    fingerprint: tuple[object, ...] = ()
    """The caseload's state when planned (see ``caseload_fingerprint``)."""
    facilitator_ids: dict[str, str] = field(default_factory=dict)
    """Name → id of the pendamping this import creates."""

    def count(self, outcome: Outcome) -> int:
        return sum(1 for f in self.families if f.outcome is outcome)

    @property
    def counts(self) -> dict[Outcome, int]:
        return {o: self.count(o) for o in Outcome}

    def problems(self) -> list[Problem]:
        return [p for f in self.families for p in f.problems]

    def first_problems(self, limit: int = 20) -> list[str]:
        found: list[str] = []
        for family in self.families:
            for problem in family.problems:
                found.append(
                    translate("import", "No. KK {no_kk}: {problem}").format(
                        no_kk=family.no_kk or "-", problem=problem.text()
                    )
                )
                if len(found) >= limit:
                    return found
        return found

    def row_remarks(self) -> dict[int, list[str]]:
        """Row → every problem and fix of that row, for the report's KETERANGAN column."""
        remarks: dict[int, list[str]] = defaultdict(list)
        for family in self.families:
            for problem in family.problems:
                rows = [problem.row] if problem.row else family.rows
                for row in rows:
                    remarks[row].append(
                        problem.text()
                        if problem.row
                        else translate("import", "Keluarga ditolak: {reason}").format(reason=render(problem.message))
                    )
            if family.outcome is Outcome.REJECTED:
                for row in family.rows:
                    if not remarks.get(row):
                        remarks[row].append(
                            translate("import", "Keluarga ditolak karena baris lain keluarga ini bermasalah")
                        )
            elif family.changes:
                remarks[family.rows[0]].append(
                    translate("import", "Diperbarui: {changes}").format(
                        changes="; ".join(render(c) for c in family.changes)
                    )
                )
        fixed = translate("import", "Diperbaiki: {fix}")
        for row, fixes in self.fixes.items():
            remarks[row].extend(fixed.format(fix=render(fix)) for fix in fixes)
        return remarks

    def new_facilitator_names(self, shown: int = 10) -> str:
        """``"Ani, Budi, … dan 12 lainnya"``: a long list would bury the rest of the summary."""
        names = self.new_facilitators
        more = len(names) - shown
        listed = ", ".join(names[:shown])
        if more <= 0:
            return listed
        return translate("import", "{names} dan {more} lainnya").format(names=listed, more=more)

    def summary_lines(self) -> list[str]:
        counts = self.counts
        lines = [
            translate("import", "Berkas: {file} (lembar {sheet}, judul kolom di baris {row})").format(
                file=self.file_name, sheet=self.sheet_name, row=self.header_row
            ),
            translate("import", "Baris data: {rows}; baris kosong dilewati: {blank}").format(
                rows=self.data_rows, blank=self.blank_rows
            ),
            translate("import", "Keluarga baru: {count}").format(count=counts[Outcome.NEW]),
            translate("import", "Keluarga diperbarui: {count}").format(count=counts[Outcome.UPDATED]),
            translate("import", "Keluarga tidak berubah: {count}").format(count=counts[Outcome.UNCHANGED]),
            translate("import", "Keluarga ditolak: {count}").format(count=counts[Outcome.REJECTED]),
            translate("import", "Baris dengan perbaikan otomatis: {count}").format(count=len(self.fixes)),
        ]
        if self.new_facilitators:
            lines.append(translate("import", "Pendamping baru: {names}").format(names=self.new_facilitator_names()))
        if self.ignored_columns:
            lines.append(
                translate("import", "Kolom tidak dikenal (diabaikan): {columns}").format(
                    columns=", ".join(self.ignored_columns)
                )
            )
        lines.extend(render(note) for note in self.notes)
        return lines


@dataclass(frozen=True)
class ImportResult:
    new: int
    updated: int
    unchanged: int
    rejected: int
    members_written: int
