"""Reading and parsing the rows of a caseload spreadsheet into families (no database writes)."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import Message
from simoncer_desktop.models.enums import Education
from simoncer_desktop.models.reference import Wilayah
from simoncer_desktop.services import caseload_sheet as fmt
from simoncer_desktop.services import sheet_values as cell
from simoncer_desktop.services.caseload import HouseholdInput, MemberInput, Validator
from simoncer_desktop.services.caseload_query import fold
from simoncer_desktop.services.components import age_on
from simoncer_desktop.services.identity import check_no_kk
from simoncer_desktop.services.import_model import FamilyPlan, ImportPlan, ParsedMember, Problem
from simoncer_desktop.services.progress import CancelToken, Progress
from simoncer_desktop.services.settings import get_setting, region_code
from simoncer_desktop.services.sheet_reader import (
    HEADER_SEARCH_ROWS,
    RawRow,
    SheetFileError,
    find_header,
    open_sheet,
)
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

T = TypeVar("T")

REQUIRED_COLUMNS = ("NO_KK", "NIK", "NAMA", "HUBUNGAN", "JENIS_KELAMIN", "TANGGAL_LAHIR", "PENGURUS")
SCHOOL_LEVELS = {Education.PAUD, Education.SD, Education.SMP, Education.SMA}
PROGRESS_EVERY = 2000

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


# --- reading rows ------------------------------------------------------------------------------


@dataclass(slots=True)
class SheetLine:
    """One spreadsheet row while it is read (its cells are dropped once it is parsed)."""

    number: int
    values: dict[str, object]
    formulas: frozenset[str]


@dataclass(slots=True)
class Line:
    """What is kept of a parsed row: 450,000 of these must fit in memory beside everything else."""

    number: int
    member: MemberInput | None
    problems: list[Problem]
    recipient: bool
    family: tuple[object, ...] | None
    """The row's family cells (``FAMILY_KEYS``) when they differ from the family's first row."""


def read_rows(path: Path, progress: Progress, token: CancelToken | None) -> tuple[ImportPlan, Iterator[SheetLine]]:
    sheet = open_sheet(path, fmt.SHEET_NAME)
    consumed: list[RawRow] = []
    header = find_header(sheet.rows, fmt.column_for, ("NO_KK", "NAMA"), consumed)
    if header is None:
        expected = ", ".join(fmt.COLUMN_KEYS)
        if not consumed or all(r.is_blank() for r in consumed):
            raise SheetFileError(
                translate("import", "Berkas {name} kosong: tidak ada baris judul kolom maupun data").format(
                    name=path.name
                )
            )
        raise SheetFileError(
            translate(
                "import",
                "Judul kolom tidak dikenali di {rows} baris pertama lembar '{sheet}'. "
                "Baris judul harus memuat kolom {expected} (lihat templat: simoncer-cli template caseload).",
            ).format(rows=HEADER_SEARCH_ROWS, sheet=sheet.sheet_name, expected=expected)
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in header.columns]
    if "KODE_KELURAHAN" not in header.columns and "KELURAHAN" not in header.columns:
        missing.append(translate("import", "KODE_KELURAHAN atau KELURAHAN"))
    if missing:
        raise SheetFileError(
            translate("import", "Baris judul (baris {row}) tidak memuat kolom wajib: {columns}").format(
                row=header.row_number, columns=", ".join(missing)
            )
        )
    plan = ImportPlan(path.name, sheet.sheet_name, header.row_number, ignored_columns=header.ignored)
    plan.notes.extend(sheet.notes)
    index_to_key = {index: key for key, index in header.columns.items()}
    total = max(sheet.total_rows, 1)

    def rows() -> Iterator[SheetLine]:
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
            yield SheetLine(raw.number, values, formulas)

    return plan, rows()


# --- the deployment's places and people --------------------------------------------------------


@dataclass
class _Places:
    kelurahan: dict[str, str]
    """Code → name of every kelurahan the import may use (the deployment's region, else all)."""
    kecamatan: dict[str, str]
    by_name: dict[str, list[str]]
    """Folded kelurahan name → codes."""
    region_name: str | Message

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
        return cls(kelurahan, kecamatan, dict(by_name), region_name or Message.translate("import", "wilayah mana pun"))

    def resolve(self, code_cell: object, name_cell: object, kecamatan_cell: object) -> cell.Read[str]:
        code = cell.text(code_cell).replace(" ", "")
        if code:
            dotted = code if "." in code else _dotted(code)
            if dotted in self.kelurahan:
                return cell.Read(dotted)
            return cell.Read(
                None,
                Message.translate("import", "kode kelurahan {code} tidak ada di {region}").format(
                    code=code, region=self.region_name
                ),
            )
        name = cell.text(name_cell)
        if not name:
            return cell.Read(None, Message.translate("import", "kelurahan wajib diisi (KODE_KELURAHAN atau KELURAHAN)"))
        codes = self.by_name.get(_place_key(name), [])
        kecamatan = _place_key(cell.text(kecamatan_cell))
        if kecamatan and len(codes) > 1:
            codes = [c for c in codes if _place_key(self.kecamatan.get(c.rsplit(".", 1)[0], "")) == kecamatan]
        if len(codes) == 1:
            return cell.Read(codes[0])
        if len(codes) > 1:
            places = ", ".join(f"{self.kecamatan.get(c.rsplit('.', 1)[0], '?')} ({c})" for c in codes)
            return cell.Read(
                None,
                Message.translate(
                    "import", "kelurahan '{name}' ada di beberapa kecamatan: {places}; isi KECAMATAN atau kodenya"
                ).format(name=name, places=places),
            )
        close = difflib.get_close_matches(_place_key(name), list(self.by_name), n=3, cutoff=0.6)
        if close:
            return cell.Read(
                None,
                Message.translate(
                    "import", "kelurahan '{name}' tidak ditemukan di {region}; mungkin maksudnya: {names}"
                ).format(
                    name=name,
                    region=self.region_name,
                    names=", ".join(self.kelurahan[self.by_name[c][0]] for c in close),
                ),
            )
        return cell.Read(
            None,
            Message.translate("import", "kelurahan '{name}' tidak ditemukan di {region}").format(
                name=name, region=self.region_name
            ),
        )


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


class RowParser:
    def __init__(self, session: Session, plan: ImportPlan, today: date) -> None:
        self.validator = Validator(session, today)
        self.places = _Places.load(session)
        self.plan = plan
        self.today = today
        self.school_max_age = int(get_setting(session, "school_max_age") or 21)

    def fix(self, row: int, message: Message) -> None:
        self.plan.fixes.setdefault(row, []).append(message)

    def value(self, row: SheetLine, key: str, problems: list[Problem]) -> object:
        """The cell, refusing a formula that has no stored result and reporting one that has."""
        value = row.values.get(key)
        if row.formulas and key in row.formulas:
            if value is None:
                problems.append(
                    Problem(
                        row.number,
                        key,
                        "",
                        Message.translate(
                            "import", "sel berisi rumus tanpa hasil tersimpan; salin lalu tempel sebagai nilai"
                        ),
                    )
                )
            else:
                self.fix(
                    row.number,
                    Message.translate("import", "kolom {column} berisi rumus; hasilnya ({value}) yang dipakai").format(
                        column=key, value=cell.shown(value)
                    ),
                )
        return value

    def take(self, row: SheetLine, key: str, read: cell.Read[T], problems: list[Problem]) -> T | None:
        return self.take_at(row.number, key, row.values.get(key), read, problems)

    def take_at(self, number: int, key: str, raw: object, read: cell.Read[T], problems: list[Problem]) -> T | None:
        if read.problem:
            problems.append(Problem(number, key, cell.shown(raw), read.problem))
        if read.fix:
            self.fix(number, read.fix)
        return read.value

    def line(self, row: SheetLine) -> tuple[str | None, Line]:
        """Parse a row as soon as it is read: its No. KK (None when unusable) and what is kept."""
        problems: list[Problem] = []
        no_kk = self.take(
            row, "NO_KK", cell.identity_number(self.value(row, "NO_KK", problems), _label("No. KK")), problems
        )
        if not no_kk and not problems:
            problems.append(
                Problem(row.number, "NO_KK", "", Message.translate("import", "No. KK wajib diisi (16 digit)"))
            )
        member = self.member(row, problems)
        if row.formulas:
            family = tuple(self.value(row, key, problems) if key in row.values else None for key in FAMILY_KEYS)
        else:
            family = tuple(map(row.values.get, FAMILY_KEYS))
        recipient = bool(cell.flag(row.values.get("PENGURUS"), "").value)
        return no_kk or None, Line(row.number, member, problems, recipient, family)

    def member(self, row: SheetLine, problems: list[Problem]) -> MemberInput | None:
        before = len(problems)
        v = self.value
        nik = self.take(row, "NIK", cell.identity_number(v(row, "NIK", problems), _label("NIK")), problems)
        name = " ".join(cell.text(v(row, "NAMA", problems)).split())
        relation = self.take(
            row,
            "HUBUNGAN",
            cell.choice(v(row, "HUBUNGAN", problems), _label("Hubungan"), RELATIONS, "KEPALA KELUARGA, ISTRI, ANAK, …"),
            problems,
        )
        sex = self.take(
            row,
            "JENIS_KELAMIN",
            cell.choice(
                v(row, "JENIS_KELAMIN", problems),
                _label("Jenis kelamin"),
                SEXES,
                Message.translate("import", "L atau P"),
            ),
            problems,
        )
        born = self.take(
            row, "TANGGAL_LAHIR", cell.day(v(row, "TANGGAL_LAHIR", problems), _label("Tanggal lahir")), problems
        )
        recipient = self.take(row, "PENGURUS", cell.flag(v(row, "PENGURUS", problems), _label("Pengurus")), problems)
        education = self.take(
            row,
            "PENDIDIKAN",
            cell.choice(
                v(row, "PENDIDIKAN", problems),
                _label("Pendidikan"),
                EDUCATIONS,
                "PAUD, SD, SMP, SMA, PT, TIDAK SEKOLAH",
            ),
            problems,
        )
        education = education or Education.NONE.value
        if "SEKOLAH" in row.values:
            in_school = self.take(row, "SEKOLAH", cell.flag(v(row, "SEKOLAH", problems), _label("Sekolah")), problems)
        else:
            in_school = (
                education in SCHOOL_LEVELS and born is not None and age_on(born, self.today) <= self.school_max_age
            )
        pregnant = self.take(row, "HAMIL", cell.flag(v(row, "HAMIL", problems), _label("Hamil")), problems)
        disabled = self.take(
            row,
            "DISABILITAS_BERAT",
            cell.flag(v(row, "DISABILITAS_BERAT", problems), _label("Disabilitas berat")),
            problems,
        )
        life = self.take(
            row,
            "STATUS_HIDUP",
            cell.choice(
                v(row, "STATUS_HIDUP", problems),
                _label("Status hidup"),
                LIFE,
                Message.translate("import", "HIDUP atau MENINGGAL"),
            ),
            problems,
        )
        death = self.take(
            row,
            "TANGGAL_MENINGGAL",
            cell.day(v(row, "TANGGAL_MENINGGAL", problems), _label("Tanggal meninggal")),
            problems,
        )
        if not name:
            problems.append(Problem(row.number, "NAMA", "", Message.translate("import", "Nama wajib diisi")))
        if nik is None and row.values.get("NIK") is None:
            problems.append(Problem(row.number, "NIK", "", Message.translate("import", "NIK wajib diisi (16 digit)")))
        for key, got, label in (
            ("HUBUNGAN", relation, "Hubungan"),
            ("JENIS_KELAMIN", sex, "Jenis kelamin"),
            ("TANGGAL_LAHIR", born, "Tanggal lahir"),
        ):
            if got is None and row.values.get(key) is None:
                problems.append(
                    Problem(
                        row.number,
                        key,
                        "",
                        Message.translate("import", "{label} wajib diisi").format(label=_label(label)),
                    )
                )
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

    def family(self, no_kk: str, lines: list[Line], first: tuple[object, ...]) -> FamilyPlan:
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
            problems.append(
                Problem(
                    None,
                    "PENGURUS",
                    "",
                    Message.translate("import", "keluarga tanpa pengurus: isi Y pada tepat satu anggota"),
                )
            )
        elif len(flagged) > 1:
            problems.append(
                Problem(
                    None,
                    "PENGURUS",
                    "",
                    Message.translate(
                        "import", "keluarga punya {count} pengurus (baris {rows}); hanya satu yang boleh Y"
                    ).format(count=len(flagged), rows=", ".join(map(str, flagged))),
                )
            )
        seen: dict[str, int] = {}
        for m in plan.members:
            if m.data.nik in seen:
                problems.append(
                    Problem(
                        m.row,
                        "NIK",
                        m.data.nik,
                        Message.translate("import", "NIK sama dengan baris {row} di keluarga ini").format(
                            row=seen[m.data.nik]
                        ),
                    )
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
            rows_of["DESIL"],
            "DESIL",
            values["DESIL"],
            cell.whole_number(values["DESIL"], _label("Desil"), 1, 10),
            problems,
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
        lead: Line, lines: list[Line], first: tuple[object, ...], problems: list[Problem]
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
                            Message.translate(
                                "import", "berbeda dengan baris {row} ('{value}') di keluarga yang sama"
                            ).format(row=source, value=cell.shown(chosen)),
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


COLUMN_LABELS = (
    QT_TRANSLATE_NOOP("import", "No. KK"),
    QT_TRANSLATE_NOOP("import", "NIK"),
    QT_TRANSLATE_NOOP("import", "Hubungan"),
    QT_TRANSLATE_NOOP("import", "Jenis kelamin"),
    QT_TRANSLATE_NOOP("import", "Tanggal lahir"),
    QT_TRANSLATE_NOOP("import", "Pengurus"),
    QT_TRANSLATE_NOOP("import", "Pendidikan"),
    QT_TRANSLATE_NOOP("import", "Sekolah"),
    QT_TRANSLATE_NOOP("import", "Hamil"),
    QT_TRANSLATE_NOOP("import", "Disabilitas berat"),
    QT_TRANSLATE_NOOP("import", "Status hidup"),
    QT_TRANSLATE_NOOP("import", "Tanggal meninggal"),
    QT_TRANSLATE_NOOP("import", "Desil"),
)
"""The names cell messages give the columns (screen text; the column keys themselves are not translated)."""


def _label(name: str) -> Message:
    """One of ``COLUMN_LABELS``, translated for the screen and Bahasa again in the import report."""
    return Message("import", name)


def _rt(value: str) -> str:
    return value.zfill(3) if value.isdigit() and len(value) <= 3 else value


def _comparable(key: str, value: object) -> str:
    text = " ".join(cell.text(value).split())
    if key in ("RT", "RW"):
        return text.lstrip("0")
    return fold(text)
