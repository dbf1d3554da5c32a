"""What an import found: per family the outcome, problems and changes; the plan as a whole."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from simoncer_desktop.services.caseload import HouseholdInput, MemberInput


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
        where = [f"Baris {self.row}"] if self.row else []
        if self.column:
            where.append(f"kolom {self.column}" + (f" ('{self.value}')" if self.value else ""))
        return (", ".join(where) + ": " if where else "") + self.message


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
                found.append(f"No. KK {family.no_kk or '-'}: {problem.text()}")
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
                    remarks[row].append(problem.text() if problem.row else f"Keluarga ditolak: {problem.message}")
            if family.outcome is Outcome.REJECTED:
                for row in family.rows:
                    if not remarks.get(row):
                        remarks[row].append("Keluarga ditolak karena baris lain keluarga ini bermasalah")
            elif family.changes:
                remarks[family.rows[0]].append("Diperbarui: " + "; ".join(family.changes))
        for row, fixes in self.fixes.items():
            remarks[row].extend(f"Diperbaiki: {fix}" for fix in fixes)
        return remarks

    def new_facilitator_names(self, shown: int = 10) -> str:
        """``"Ani, Budi, … dan 12 lainnya"``: a long list would bury the rest of the summary."""
        names = self.new_facilitators
        more = len(names) - shown
        return ", ".join(names[:shown]) + (f" dan {more} lainnya" if more > 0 else "")

    def summary_lines(self) -> list[str]:
        counts = self.counts
        lines = [
            f"Berkas: {self.file_name} (lembar {self.sheet_name}, judul kolom di baris {self.header_row})",
            f"Baris data: {self.data_rows}; baris kosong dilewati: {self.blank_rows}",
            f"Keluarga baru: {counts[Outcome.NEW]}",
            f"Keluarga diperbarui: {counts[Outcome.UPDATED]}",
            f"Keluarga tidak berubah: {counts[Outcome.UNCHANGED]}",
            f"Keluarga ditolak: {counts[Outcome.REJECTED]}",
            f"Baris dengan perbaikan otomatis: {len(self.fixes)}",
        ]
        if self.new_facilitators:
            lines.append(f"Pendamping baru: {self.new_facilitator_names()}")
        if self.ignored_columns:
            lines.append(f"Kolom tidak dikenal (diabaikan): {', '.join(self.ignored_columns)}")
        lines.extend(self.notes)
        return lines


@dataclass(frozen=True)
class ImportResult:
    new: int
    updated: int
    unchanged: int
    rejected: int
    members_written: int
