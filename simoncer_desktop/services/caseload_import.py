"""Import of the caseload spreadsheet (format: ``caseload_sheet``): plan, then apply.

``plan_import`` reads the file, checks every row and compares every family with the database; it
writes nothing. ``apply_import`` writes the valid families of a plan in the caller's transaction
(one transaction per import: all valid families or, on any error or cancel, nothing).

The unit is the family (rows sharing a No. KK): a family with any refused row is rejected whole and
the others go in. Families are matched by No. KK, members by NIK. Members stored but absent from the
file are kept (reported), so a partial list never deletes anyone.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from simoncer_desktop.ids import uuid7
from simoncer_desktop.models.base import utcnow
from simoncer_desktop.models.enums import Education
from simoncer_desktop.models.facilitator import Facilitator
from simoncer_desktop.models.household import Household, Member
from simoncer_desktop.models.reference import Wilayah
from simoncer_desktop.services import caseload_sheet as fmt
from simoncer_desktop.services import sheet_values as cell
from simoncer_desktop.services.bulk_write import triggers_deferred
from simoncer_desktop.services.caseload import HouseholdInput, MemberInput, Validator
from simoncer_desktop.services.caseload_query import fold
from simoncer_desktop.services.components import age_on
from simoncer_desktop.services.identity import check_no_kk
from simoncer_desktop.services.progress import CancelToken, Progress, no_progress
from simoncer_desktop.services.settings import get_setting, region_code
from simoncer_desktop.services.sheet_reader import (
    HEADER_SEARCH_ROWS,
    RawRow,
    SheetFileError,
    find_header,
    open_sheet,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

REQUIRED_COLUMNS = ("NO_KK", "NIK", "NAMA", "HUBUNGAN", "JENIS_KELAMIN", "TANGGAL_LAHIR", "PENGURUS")
SCHOOL_LEVELS = {Education.PAUD, Education.SD, Education.SMP, Education.SMA}
PROGRESS_EVERY = 2000
WRITE_CHUNK = 5000

RELATIONS = cell.choice_table(
    fmt.RELATION_LABELS,
    ("KEPALA", "kepala"),
    ("KK", "kepala"),
    ("ISTERI", "istri"),
    ("ANAK KANDUNG", "anak"),
    ("ANAK ANGKAT", "anak"),
    ("ANAK TIRI", "anak"),
    ("ORANGTUA", "orang_tua"),
    ("FAMILI", "famili_lain"),
    ("PEMBANTU", "lainnya"),
)
EDUCATIONS = cell.choice_table(
    fmt.EDUCATION_LABELS,
    ("BELUM SEKOLAH", "tidak_sekolah"),
    ("TIDAK BELUM SEKOLAH", "tidak_sekolah"),
    ("TK", "paud"),
    ("SLTP", "smp"),
    ("MTS", "smp"),
    ("SLTA", "sma"),
    ("SMK", "sma"),
    ("MA", "sma"),
    ("MI", "sd"),
    ("SDMI", "sd"),
    ("D3", "pt"),
    ("S1", "pt"),
    ("DIPLOMA", "pt"),
    ("PERGURUAN TINGGI", "pt"),
)
SEXES = cell.choice_table(
    fmt.SEX_LABELS,
    ("LAKI-LAKI", "L"),
    ("LAKI LAKI", "L"),
    ("LK", "L"),
    ("PEREMPUAN", "P"),
    ("PR", "P"),
    ("WANITA", "P"),
)
LIFE = cell.choice_table({"hidup": fmt.ALIVE, "meninggal": fmt.DECEASED}, ("WAFAT", "meninggal"), ("MATI", "meninggal"))


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
            lines.append(f"Pendamping baru: {', '.join(self.new_facilitators)}")
        if self.ignored_columns:
            lines.append(f"Kolom tidak dikenal (diabaikan): {', '.join(self.ignored_columns)}")
        lines.extend(self.notes)
        return lines


# --- reading rows ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    """One spreadsheet row while it is read (its cells are dropped once it is parsed)."""

    number: int
    values: dict[str, object]
    formulas: frozenset[str]


@dataclass(slots=True)
class _Line:
    """What is kept of a parsed row: 450,000 of these must fit in memory beside everything else."""

    number: int
    member: MemberInput | None
    problems: list[Problem]
    recipient: bool
    family: tuple[object, ...] | None
    """The row's family cells (``FAMILY_KEYS``) when they differ from the family's first row."""


def _read_rows(path: Path, progress: Progress, token: CancelToken | None) -> tuple[ImportPlan, Iterator[_Row]]:
    sheet = open_sheet(path, fmt.SHEET_NAME)
    consumed: list[RawRow] = []
    header = find_header(sheet.rows, fmt.column_for, ("NO_KK", "NAMA"), consumed)
    if header is None:
        expected = ", ".join(fmt.COLUMN_KEYS)
        if not consumed or all(r.is_blank() for r in consumed):
            raise SheetFileError(f"Berkas {path.name} kosong: tidak ada baris judul kolom maupun data")
        raise SheetFileError(
            f"Judul kolom tidak dikenali di {HEADER_SEARCH_ROWS} baris pertama lembar '{sheet.sheet_name}'. "
            f"Baris judul harus memuat kolom {expected} (lihat templat: simoncer-cli template caseload)."
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in header.columns]
    if "KODE_KELURAHAN" not in header.columns and "KELURAHAN" not in header.columns:
        missing.append("KODE_KELURAHAN atau KELURAHAN")
    if missing:
        raise SheetFileError(f"Baris judul (baris {header.row_number}) tidak memuat kolom wajib: {', '.join(missing)}")
    plan = ImportPlan(path.name, sheet.sheet_name, header.row_number, ignored_columns=header.ignored)
    plan.notes.extend(sheet.notes)
    index_to_key = {index: key for key, index in header.columns.items()}
    total = max(sheet.total_rows, 1)

    def rows() -> Iterator[_Row]:
        for raw in sheet.rows:
            if raw.is_blank():
                plan.blank_rows += 1
                continue
            cells = raw.cells
            width = len(cells)
            values = {key: cells[i] if i < width else None for i, key in index_to_key.items()}
            formulas = frozenset(index_to_key[i] for i in raw.formulas if i in index_to_key)
            plan.data_rows += 1
            if plan.data_rows % PROGRESS_EVERY == 0:
                progress(raw.number, total)
                if token:
                    token.raise_if_cancelled()
            yield _Row(raw.number, values, formulas)

    return plan, rows()


# --- the deployment's places and people --------------------------------------------------------


@dataclass
class _Places:
    kelurahan: dict[str, str]
    """Code → name of every kelurahan the import may use (the deployment's region, else all)."""
    kecamatan: dict[str, str]
    by_name: dict[str, list[str]]
    """Folded kelurahan name → codes."""
    region_name: str

    @classmethod
    def load(cls, session: Session) -> _Places:
        region = region_code(session)
        stmt = select(Wilayah.kode, Wilayah.nama, Wilayah.tingkat)
        if region:
            stmt = stmt.where(Wilayah.kode.like(f"{region}.%"))
        kelurahan: dict[str, str] = {}
        kecamatan: dict[str, str] = {}
        for code, name, level in session.execute(stmt):
            if level == "desa_kelurahan":
                kelurahan[code] = name
            elif level == "kecamatan":
                kecamatan[code] = name
        by_name: dict[str, list[str]] = defaultdict(list)
        for code, name in kelurahan.items():
            by_name[_place_key(name)].append(code)
        region_name = session.scalar(select(Wilayah.nama).where(Wilayah.kode == region)) if region else None
        return cls(kelurahan, kecamatan, dict(by_name), region_name or "wilayah mana pun")

    def resolve(self, code_cell: object, name_cell: object, kecamatan_cell: object) -> cell.Read[str]:
        code = cell.text(code_cell).replace(" ", "")
        if code:
            dotted = code if "." in code else _dotted(code)
            if dotted in self.kelurahan:
                return cell.Read(dotted)
            return cell.Read(None, f"kode kelurahan {code} tidak ada di {self.region_name}")
        name = cell.text(name_cell)
        if not name:
            return cell.Read(None, "kelurahan wajib diisi (KODE_KELURAHAN atau KELURAHAN)")
        codes = self.by_name.get(_place_key(name), [])
        kecamatan = _place_key(cell.text(kecamatan_cell))
        if kecamatan and len(codes) > 1:
            codes = [c for c in codes if _place_key(self.kecamatan.get(c.rsplit(".", 1)[0], "")) == kecamatan]
        if len(codes) == 1:
            return cell.Read(codes[0])
        if len(codes) > 1:
            places = ", ".join(f"{self.kecamatan.get(c.rsplit('.', 1)[0], '?')} ({c})" for c in codes)
            return cell.Read(
                None, f"kelurahan '{name}' ada di beberapa kecamatan: {places}; isi KECAMATAN atau kodenya"
            )
        close = difflib.get_close_matches(_place_key(name), list(self.by_name), n=3, cutoff=0.6)
        hint = f"; mungkin maksudnya: {', '.join(self.kelurahan[self.by_name[c][0]] for c in close)}" if close else ""
        return cell.Read(None, f"kelurahan '{name}' tidak ditemukan di {self.region_name}{hint}")


def _place_key(name: str) -> str:
    """``"Mulya Harja"`` and ``"MULYAHARJA"`` are the same place: case, accents, spaces and
    punctuation ignored."""
    return re.sub(r"[^a-z0-9]", "", fold(name))


def _dotted(code: str) -> str:
    """``3271011001`` → ``32.71.01.1001``."""
    if len(code) == 10 and code.isdigit():
        return f"{code[0:2]}.{code[2:4]}.{code[4:6]}.{code[6:10]}"
    return code


# --- parsing one family ------------------------------------------------------------------------

FAMILY_KEYS = ("ALAMAT", "RT", "RW", "KODE_KELURAHAN", "KELURAHAN", "KECAMATAN", "DESIL", "PENDAMPING", "NO_HP")


class _Parser:
    def __init__(self, session: Session, plan: ImportPlan, today: date) -> None:
        self.validator = Validator(session, today)
        self.places = _Places.load(session)
        self.plan = plan
        self.today = today
        self.school_max_age = int(get_setting(session, "school_max_age") or 21)

    def fix(self, row: int, message: str) -> None:
        self.plan.fixes.setdefault(row, []).append(message)

    def value(self, row: _Row, key: str, problems: list[Problem]) -> object:
        """The cell, refusing a formula that has no stored result and reporting one that has."""
        value = row.values.get(key)
        if row.formulas and key in row.formulas:
            if value is None:
                problems.append(
                    Problem(
                        row.number, key, "", "sel berisi rumus tanpa hasil tersimpan; salin lalu tempel sebagai nilai"
                    )
                )
            else:
                self.fix(row.number, f"kolom {key} berisi rumus; hasilnya ({cell.shown(value)}) yang dipakai")
        return value

    def take(self, row: _Row, key: str, read: cell.Read[T], problems: list[Problem]) -> T | None:
        return self.take_at(row.number, key, row.values.get(key), read, problems)

    def take_at(self, number: int, key: str, raw: object, read: cell.Read[T], problems: list[Problem]) -> T | None:
        if read.problem:
            problems.append(Problem(number, key, cell.shown(raw), read.problem))
        if read.fix:
            self.fix(number, read.fix)
        return read.value

    def line(self, row: _Row) -> tuple[str | None, _Line]:
        """Parse a row as soon as it is read: its No. KK (None when unusable) and what is kept."""
        problems: list[Problem] = []
        no_kk = self.take(row, "NO_KK", cell.identity_number(self.value(row, "NO_KK", problems), "No. KK"), problems)
        if not no_kk and not problems:
            problems.append(Problem(row.number, "NO_KK", "", "No. KK wajib diisi (16 digit)"))
        member = self.member(row, problems)
        if row.formulas:
            family = tuple(self.value(row, key, problems) if key in row.values else None for key in FAMILY_KEYS)
        else:
            family = tuple(map(row.values.get, FAMILY_KEYS))
        recipient = bool(cell.flag(row.values.get("PENGURUS"), "").value)
        return no_kk or None, _Line(row.number, member, problems, recipient, family)

    def member(self, row: _Row, problems: list[Problem]) -> MemberInput | None:
        before = len(problems)
        v = self.value
        nik = self.take(row, "NIK", cell.identity_number(v(row, "NIK", problems), "NIK"), problems)
        name = " ".join(cell.text(v(row, "NAMA", problems)).split())
        relation = self.take(
            row,
            "HUBUNGAN",
            cell.choice(v(row, "HUBUNGAN", problems), "Hubungan", RELATIONS, "KEPALA KELUARGA, ISTRI, ANAK, …"),
            problems,
        )
        sex = self.take(
            row,
            "JENIS_KELAMIN",
            cell.choice(v(row, "JENIS_KELAMIN", problems), "Jenis kelamin", SEXES, "L atau P"),
            problems,
        )
        born = self.take(row, "TANGGAL_LAHIR", cell.day(v(row, "TANGGAL_LAHIR", problems), "Tanggal lahir"), problems)
        recipient = self.take(row, "PENGURUS", cell.flag(v(row, "PENGURUS", problems), "Pengurus"), problems)
        education = self.take(
            row,
            "PENDIDIKAN",
            cell.choice(
                v(row, "PENDIDIKAN", problems), "Pendidikan", EDUCATIONS, "PAUD, SD, SMP, SMA, PT, TIDAK SEKOLAH"
            ),
            problems,
        )
        education = education or Education.NONE.value
        if "SEKOLAH" in row.values:
            in_school = self.take(row, "SEKOLAH", cell.flag(v(row, "SEKOLAH", problems), "Sekolah"), problems)
        else:
            in_school = (
                education in SCHOOL_LEVELS and born is not None and age_on(born, self.today) <= self.school_max_age
            )
        pregnant = self.take(row, "HAMIL", cell.flag(v(row, "HAMIL", problems), "Hamil"), problems)
        disabled = self.take(
            row, "DISABILITAS_BERAT", cell.flag(v(row, "DISABILITAS_BERAT", problems), "Disabilitas berat"), problems
        )
        life = self.take(
            row,
            "STATUS_HIDUP",
            cell.choice(v(row, "STATUS_HIDUP", problems), "Status hidup", LIFE, "HIDUP atau MENINGGAL"),
            problems,
        )
        death = self.take(
            row, "TANGGAL_MENINGGAL", cell.day(v(row, "TANGGAL_MENINGGAL", problems), "Tanggal meninggal"), problems
        )
        if not name:
            problems.append(Problem(row.number, "NAMA", "", "Nama wajib diisi"))
        if nik is None:
            problems.append(Problem(row.number, "NIK", "", "NIK wajib diisi (16 digit)"))
        for key, got, label in (
            ("HUBUNGAN", relation, "Hubungan"),
            ("JENIS_KELAMIN", sex, "Jenis kelamin"),
            ("TANGGAL_LAHIR", born, "Tanggal lahir"),
        ):
            if got is None and row.values.get(key) is None:
                problems.append(Problem(row.number, key, "", f"{label} wajib diisi"))
        if len(problems) > before:
            return None
        data = MemberInput(
            nik=nik or "",
            name=name,
            birth_date=born,
            sex=sex or "",
            relation=relation or "",
            is_recipient=bool(recipient),
            education=education,
            in_school=bool(in_school),
            pregnant=bool(pregnant),
            severe_disability=bool(disabled),
            deceased=life == "meninggal",
            death_date=death,
        )
        for error in self.validator.member_fields(data):
            column = MEMBER_FIELD_COLUMNS.get(error.field)
            problems.append(
                Problem(row.number, column, cell.shown(row.values.get(column)) if column else "", error.message)
            )
        return data if len(problems) == before else None

    def family(self, no_kk: str, lines: list[_Line], first: tuple[object, ...]) -> FamilyPlan:
        plan = FamilyPlan(no_kk, [line.number for line in lines])
        problems = plan.problems
        for error in check_no_kk(no_kk, kecamatan_codes=self.validator.kecamatan, today=self.today):
            problems.append(Problem(lines[0].number, "NO_KK", no_kk, error.message))
        for line in lines:
            problems.extend(line.problems)
            if line.member is not None:
                plan.members.append(ParsedMember(line.number, line.member))
        flagged = [line.number for line in lines if line.recipient]
        if not flagged:
            problems.append(Problem(None, "PENGURUS", "", "keluarga tanpa pengurus: isi Y pada tepat satu anggota"))
        elif len(flagged) > 1:
            problems.append(
                Problem(
                    None,
                    "PENGURUS",
                    "",
                    f"keluarga punya {len(flagged)} pengurus (baris {', '.join(map(str, flagged))}); "
                    "hanya satu yang boleh Y",
                )
            )
        seen: dict[str, int] = {}
        for m in plan.members:
            if m.data.nik in seen:
                problems.append(
                    Problem(m.row, "NIK", m.data.nik, f"NIK sama dengan baris {seen[m.data.nik]} di keluarga ini")
                )
            seen.setdefault(m.data.nik, m.row)
        lead = next((line for line in lines if line.recipient), lines[0])
        values, rows_of = self._family_values(lead, lines, first, problems)
        code_key = "KODE_KELURAHAN" if values["KODE_KELURAHAN"] else "KELURAHAN"
        kelurahan = self.take_at(
            rows_of[code_key],
            code_key,
            values[code_key],
            self.places.resolve(values["KODE_KELURAHAN"], values["KELURAHAN"], values["KECAMATAN"]),
            problems,
        )
        desil = self.take_at(
            rows_of["DESIL"], "DESIL", values["DESIL"], cell.whole_number(values["DESIL"], "Desil", 1, 10), problems
        )
        plan.facilitator_name = " ".join(cell.text(values["PENDAMPING"]).split())
        household = HouseholdInput(
            no_kk=no_kk,
            kelurahan_code=kelurahan or "",
            address=" ".join(cell.text(values["ALAMAT"]).split()),
            rt=_rt(cell.text(values["RT"])),
            rw=_rt(cell.text(values["RW"])),
            phone=cell.text(values["NO_HP"]).replace(" ", "") or None,
            desil=desil,
        )
        for error in self.validator.household_fields(household):
            column = HOUSEHOLD_FIELD_COLUMNS.get(error.field)
            number = rows_of[column] if column else lead.number
            problems.append(Problem(number, column, cell.shown(values[column]) if column else "", error.message))
        plan.household = household
        return plan

    @staticmethod
    def _family_values(
        lead: _Line, lines: list[_Line], first: tuple[object, ...], problems: list[Problem]
    ) -> tuple[dict[str, object], dict[str, int]]:
        """Family fields from the pengurus row, filled from other rows where it is empty; two rows
        with different non-empty values are refused (which one is right cannot be guessed).
        Returns the values and the row each came from."""
        values: dict[str, object] = {}
        rows_of: dict[str, int] = {}
        ordered = [lead, *(line for line in lines if line is not lead)]
        for index, key in enumerate(FAMILY_KEYS):
            chosen: object = None
            source = lead.number
            for line in ordered:
                other = (line.family or first)[index]
                if other is None or other == chosen or cell.text(other) == "":
                    continue
                if chosen is None:
                    chosen, source = other, line.number
                elif _comparable(key, other) != _comparable(key, chosen):
                    problems.append(
                        Problem(
                            line.number,
                            key,
                            cell.shown(other),
                            f"berbeda dengan baris {source} ('{cell.shown(chosen)}') di keluarga yang sama",
                        )
                    )
            values[key] = chosen
            rows_of[key] = source
        return values, rows_of


MEMBER_FIELD_COLUMNS = {
    "nik": "NIK",
    "name": "NAMA",
    "sex": "JENIS_KELAMIN",
    "relation": "HUBUNGAN",
    "education": "PENDIDIKAN",
    "birth_date": "TANGGAL_LAHIR",
    "pregnant": "HAMIL",
    "in_school": "SEKOLAH",
    "death_date": "TANGGAL_MENINGGAL",
}
HOUSEHOLD_FIELD_COLUMNS = {"rt": "RT", "rw": "RW", "phone": "NO_HP", "desil": "DESIL"}


def _rt(value: str) -> str:
    return value.zfill(3) if value.isdigit() and len(value) <= 3 else value


def _comparable(key: str, value: object) -> str:
    text = " ".join(cell.text(value).split())
    if key in ("RT", "RW"):
        return text.lstrip("0")
    return fold(text)


# --- planning ----------------------------------------------------------------------------------

MEMBER_COMPARED = [f.name for f in fields(MemberInput)]
MEMBER_LABELS = {
    "nik": "NIK",
    "name": "NAMA",
    "birth_date": "TANGGAL_LAHIR",
    "sex": "JENIS_KELAMIN",
    "relation": "HUBUNGAN",
    "is_recipient": "PENGURUS",
    "education": "PENDIDIKAN",
    "in_school": "SEKOLAH",
    "pregnant": "HAMIL",
    "severe_disability": "DISABILITAS_BERAT",
    "deceased": "STATUS_HIDUP",
    "death_date": "TANGGAL_MENINGGAL",
}
HOUSEHOLD_COMPARED = {
    "kelurahan_code": "KODE_KELURAHAN",
    "address": "ALAMAT",
    "rt": "RT",
    "rw": "RW",
    "phone": "NO_HP",
    "desil": "DESIL",
    "facilitator_id": "PENDAMPING",
}


@dataclass(slots=True)
class _StoredMember:
    id: str
    household_id: str
    values: dict[str, object]


class _Stored:
    """The live caseload as plain tuples, loaded once per plan (no query per row)."""

    def __init__(self, session: Session) -> None:
        self.households: dict[str, dict[str, object]] = {}
        self.no_kk_of: dict[str, str] = {}
        hh_columns = [
            Household.id,
            Household.no_kk,
            Household.recipient_name,
            *(getattr(Household, c) for c in HOUSEHOLD_COMPARED),
        ]
        for row in session.execute(select(*hh_columns).where(Household.deleted.is_(False))):
            values = row._asdict()
            self.households[values["no_kk"]] = values
            self.no_kk_of[values["id"]] = values["no_kk"]
        self.by_nik: dict[str, _StoredMember] = {}
        self.by_household: dict[str, list[_StoredMember]] = defaultdict(list)
        member_columns = [Member.id, Member.household_id, *(getattr(Member, c) for c in MEMBER_COMPARED)]
        stmt = (
            select(*member_columns)
            .join(Household, Household.id == Member.household_id)
            .where(Member.deleted.is_(False), Household.deleted.is_(False))
        )
        for row in session.execute(stmt):
            values = row._asdict()
            stored = _StoredMember(values.pop("id"), values.pop("household_id"), values)
            self.by_household[stored.household_id].append(stored)
            if stored.values["nik"]:
                self.by_nik[stored.values["nik"]] = stored
        self.facilitators: dict[str, str] = {}
        self.facilitator_names: dict[str, str] = {}
        for fid, name in session.execute(
            select(Facilitator.id, Facilitator.name).where(Facilitator.deleted.is_(False))
        ):
            self.facilitators.setdefault(fold(" ".join(name.split())), fid)
            self.facilitator_names[fid] = name


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
    plan, rows = _read_rows(Path(path), progress, token)
    plan.fingerprint = caseload_fingerprint(session)
    parser = _Parser(session, plan, today)
    groups: dict[str, list[_Line]] = defaultdict(list)
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
    stored = _Stored(session)
    total = len(groups)
    for done, (no_kk, lines) in enumerate(groups.items(), start=1):
        plan.families.append(parser.family(no_kk, lines, firsts[no_kk]))
        if done % PROGRESS_EVERY == 0:
            progress(done, total)
            if token:
                token.raise_if_cancelled()
    del groups, firsts
    _refuse_duplicate_niks(plan.families)
    file_niks = {f.no_kk: {m.data.nik for m in f.members} for f in plan.families}
    new_facilitators: dict[str, str] = {}
    kept_absent = 0
    for family in plan.families:
        kept_absent += _compare(family, stored, file_niks, new_facilitators)
    plan.families.extend(orphans)
    plan.families.sort(key=lambda f: f.rows[0])
    plan.new_facilitators = sorted(new_facilitators)
    plan.facilitator_ids = new_facilitators
    if kept_absent:
        plan.notes.append(f"{kept_absent} anggota tersimpan tidak ada di berkas; mereka tetap disimpan tanpa perubahan")
    progress(total, total)
    return plan


def caseload_fingerprint(session: Session) -> tuple[object, ...]:
    """Changes whenever a family, member or pendamping is written: a plan made before such a write
    must be made again before it is applied (the UI shows the preview, then applies later)."""
    parts: list[object] = []
    for model in (Household, Member, Facilitator):
        parts.extend(session.execute(select(func.count(), func.max(model.updated_at)).select_from(model)).one())
    return tuple(parts)


def is_current(session: Session, plan: ImportPlan) -> bool:
    return plan.fingerprint == caseload_fingerprint(session)


def _refuse_duplicate_niks(families: list[FamilyPlan]) -> None:
    """The same NIK in two families of the file: both are refused (which one is right is unknown)."""
    where: dict[str, list[tuple[FamilyPlan, int]]] = defaultdict(list)
    for family in families:
        for m in family.members:
            where[m.data.nik].append((family, m.row))
    for nik, places in where.items():
        owners = {id(f) for f, _ in places}
        if len(owners) < 2:
            continue
        for family, row in places:
            others = ", ".join(f"baris {r} (No. KK {f.no_kk})" for f, r in places if f is not family)
            family.problems.append(Problem(row, "NIK", nik, f"NIK yang sama juga ada di {others}"))


def _compare(
    family: FamilyPlan, stored: _Stored, file_niks: dict[str, set[str]], new_facilitators: dict[str, str]
) -> int:
    """Sets the family's outcome, what changes and which stored rows it updates. Returns the number
    of stored members kept although the file does not list them."""
    if family.problems or family.household is None:
        family.outcome = Outcome.REJECTED
        return 0
    current = stored.households.get(family.no_kk)
    family.household_id = current["id"] if current else None
    facilitator_id = _facilitator_id(family.facilitator_name, stored, new_facilitators)
    family.household.facilitator_id = facilitator_id
    changes = family.changes
    family.member_ids = []
    for parsed in family.members:
        nik = parsed.data.nik
        existing = stored.by_nik.get(nik)
        if existing is None:
            family.member_ids.append(None)
            if current:
                changes.append(f"anggota baru {parsed.data.name} ({nik})")
            continue
        if existing.household_id != family.household_id:
            other_no_kk = stored.no_kk_of.get(existing.household_id, "?")
            if other_no_kk in file_niks and nik not in file_niks[other_no_kk]:
                family.moved_from.add(existing.household_id)
                changes.append(f"{parsed.data.name} ({nik}) pindah dari No. KK {other_no_kk}")
            else:
                other = stored.households.get(other_no_kk, {})
                family.problems.append(
                    Problem(
                        parsed.row,
                        "NIK",
                        nik,
                        f"NIK sudah terdaftar atas nama {existing.values['name']} di keluarga No. KK {other_no_kk} "
                        f"(pengurus: {other.get('recipient_name') or '-'})",
                    )
                )
                continue
        family.member_ids.append(existing.id)
        if current and existing.household_id == family.household_id:
            for name in MEMBER_COMPARED:
                old, new = existing.values[name], getattr(parsed.data, name)
                if old != new:
                    changes.append(f"{parsed.data.name}: {MEMBER_LABELS[name]} {_show(old)} → {_show(new)}")
    if family.problems:
        family.outcome = Outcome.REJECTED
        family.changes = []
        return 0
    kept = 0
    if current is None:
        family.outcome = Outcome.NEW
        return 0
    for name, label in HOUSEHOLD_COMPARED.items():
        old, new = current[name], getattr(family.household, name)
        if (old or None) != (new or None):
            if name == "facilitator_id":
                old = stored.facilitator_names.get(old, old) if old else None
                new = family.facilitator_name
            changes.append(f"{label} {_show(old)} → {_show(new)}")
    listed = {m.data.nik for m in family.members}
    file_has_recipient = any(m.data.is_recipient for m in family.members)
    for member in stored.by_household.get(family.household_id or "", []):
        if member.values["nik"] in listed:
            continue
        kept += 1
        if member.values["is_recipient"] and file_has_recipient:
            changes.append(f"{member.values['name']}: bukan pengurus lagi")
    family.outcome = Outcome.UPDATED if changes else Outcome.UNCHANGED
    return kept


def _facilitator_id(name: str, stored: _Stored, new: dict[str, str]) -> str | None:
    if not name:
        return None
    key = fold(name)
    found = stored.facilitators.get(key)
    if found is None:
        found = new.setdefault(name, uuid7())
        stored.facilitators[key] = found
        stored.facilitator_names[found] = name
    return found


def _show(value: object) -> str:
    if value is None or value == "":
        return "(kosong)"
    if isinstance(value, bool):
        return fmt.yes_no(value)
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    return f"'{value}'"


# --- applying ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    new: int
    updated: int
    unchanged: int
    rejected: int
    members_written: int


def apply_import(
    session: Session, plan: ImportPlan, progress: Progress = no_progress, token: CancelToken | None = None
) -> ImportResult:
    """Write the new and changed families of ``plan`` in the caller's transaction."""
    now = utcnow()
    to_write = [f for f in plan.families if f.outcome in (Outcome.NEW, Outcome.UPDATED)]
    facilitator_ids = plan.facilitator_ids
    scopes = {}
    for family in to_write:
        if family.household and family.household.facilitator_id in facilitator_ids.values():
            scopes.setdefault(family.household.facilitator_id, family.household.kelurahan_code.rsplit(".", 1)[0])
    if facilitator_ids:
        session.execute(
            insert(Facilitator),
            [
                {
                    "id": fid,
                    "scope": scopes.get(fid, "*"),
                    "name": name,
                    "kelurahan_codes": "",
                    "yearly_target": 10,
                    "created_at": now,
                    "updated_at": now,
                }
                for name, fid in facilitator_ids.items()
            ],
        )
    stamp = _sql_value(now)  # new rows bypass SQLAlchemy's type processing (see ``_flush``)
    with triggers_deferred(session) as touched:
        new_households: list[dict[str, object]] = []
        new_members: list[dict[str, object]] = []
        household_updates: list[dict[str, object]] = []
        member_updates: list[dict[str, object]] = []
        members_written = 0
        for done, family in enumerate(to_write, start=1):
            household = family.household
            assert household is not None
            scope = household.kelurahan_code.rsplit(".", 1)[0]
            values = {name: getattr(household, name) for name in HOUSEHOLD_COMPARED}
            if family.outcome is Outcome.NEW:
                family.household_id = uuid7()
                new_households.append(
                    {
                        "id": family.household_id,
                        "scope": scope,
                        "no_kk": family.no_kk,
                        "status": "aktif",
                        "created_at": stamp,
                        "updated_at": stamp,
                        **values,
                    }
                )
            else:
                household_updates.append({"id": family.household_id, "scope": scope, "updated_at": now, **values})
            touched.add(family.household_id)
            touched.update(family.moved_from)
            member_ids = family.member_ids or [None] * len(family.members)
            listed = set()
            for parsed, member_id in zip(family.members, member_ids, strict=True):
                data = {name: getattr(parsed.data, name) for name in MEMBER_COMPARED}
                if member_id is None:
                    new_members.append(
                        {
                            "id": uuid7(),
                            "household_id": family.household_id,
                            "scope": scope,
                            "created_at": stamp,
                            "updated_at": stamp,
                            **data,
                        }
                    )
                else:
                    listed.add(member_id)
                    member_updates.append(
                        {
                            "id": member_id,
                            "household_id": family.household_id,
                            "scope": scope,
                            "updated_at": now,
                            **data,
                        }
                    )
                members_written += 1
            if family.outcome is Outcome.UPDATED and any(m.data.is_recipient for m in family.members):
                session.execute(
                    update(Member)
                    .where(
                        Member.household_id == family.household_id,
                        Member.is_recipient.is_(True),
                        Member.id.not_in(listed),
                    )
                    .values(is_recipient=False, updated_at=now)
                )
            if len(new_members) + len(member_updates) >= WRITE_CHUNK:
                _flush(session, new_households, new_members, household_updates, member_updates)
                progress(done, len(to_write))
                if token:
                    token.raise_if_cancelled()
        _flush(session, new_households, new_members, household_updates, member_updates)
        progress(len(to_write), len(to_write))
    return ImportResult(
        plan.count(Outcome.NEW),
        plan.count(Outcome.UPDATED),
        plan.count(Outcome.UNCHANGED),
        plan.count(Outcome.REJECTED),
        members_written,
    )


def _flush(
    session: Session,
    new_households: list[dict[str, object]],
    new_members: list[dict[str, object]],
    household_updates: list[dict[str, object]],
    member_updates: list[dict[str, object]],
) -> None:
    """Bulk statements: households before their members (foreign key). New rows — nearly all rows of a
    first import — go through the driver's executemany directly; SQLAlchemy's per-row parameter
    processing cost more than SQLite's own work there."""
    _insert_rows(session, Household.__tablename__, new_households)
    if household_updates:
        session.execute(update(Household), household_updates)
    if member_updates:
        session.execute(update(Member), member_updates)
    _insert_rows(session, Member.__tablename__, new_members)
    for batch in (new_households, new_members, household_updates, member_updates):
        batch.clear()


def _insert_rows(session: Session, table: str, rows: list[dict[str, object]]) -> None:
    """``INSERT`` of rows with identical keys, values stored the way SQLAlchemy stores them."""
    if not rows:
        return
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    session.connection().exec_driver_sql(sql, [tuple(_sql_value(row[c]) for c in columns) for row in rows])


def _sql_value(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite DateTime format
    if isinstance(value, date):
        return value.isoformat()
    return value


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
    """The report: the file's rows as read with HASIL and KETERANGAN, and a summary sheet."""
    from simoncer_desktop.reports.excel.import_report import write_import_report

    outcomes = {row: family.outcome.value for family in plan.families for row in family.rows}
    problem_counts: dict[str, int] = defaultdict(int)
    for problem in plan.problems():
        problem_counts[problem.column or "(keluarga)"] += 1
    rows = ((raw.number, raw.cells) for raw in rows_for_report(source))
    return write_import_report(
        out, rows, plan.header_row, outcomes, plan.row_remarks(), plan.summary_lines(), problem_counts
    )
