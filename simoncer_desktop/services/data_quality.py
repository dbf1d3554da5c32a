"""*Kualitas Data*: checks over the whole live caseload for faults the forms cannot stop — data from an
older system or a spreadsheet, edits made before a rule existed, two offices entering the same person.

``run_checks(session)`` runs every check over live rows (``deleted = 0``; members only of live
families) and returns a ``QualityReport``: the number of findings per ``Kind`` and the findings
themselves, each naming the family (No. KK, pengurus), the member where one is concerned and, in
Bahasa Indonesia, exactly what is wrong.

It is made to stay within a few seconds at 110,000 families / 450,000 members: SQL narrows every check
down to the suspicious rows (the NIK structure and its agreement with the birth date and sex are
tested in SQL first, duplicates are ``GROUP BY`` queries) and Python only confirms and words them,
with the same rules the forms use (``identity.check_nik``, ``components.ComponentRules``,
``caseload_query.fold``). Progress and cancellation are duck-typed (``progress(done, total)`` and an
object with ``raise_if_cancelled()``), so the UI's task runner and the CLI can both drive it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, literal, literal_column, or_, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from simoncer_desktop.models import Household, Member, Wilayah
from simoncer_desktop.models.enums import Component, Education, HouseholdStatus, Sex
from simoncer_desktop.services.caseload_query import fold
from simoncer_desktop.services.components import ComponentRules, age_on, years_before
from simoncer_desktop.services.identity import (
    FEMALE_DAY_OFFSET,
    NIK_LENGTH,
    check_nik,
    check_no_kk,
    full_year,
    split_number,
)
from simoncer_desktop.services.reference import KECAMATAN, kecamatan_codes

SD_MAX_PLAUSIBLE_AGE = 17
"""A member older than this who is still in school at SD level is almost always a record not updated."""
MAX_AGE = 120
"""Older than this is refused by the forms (``Validator.member_fields``); here it is reported."""
OTHERS_NAMED = 3
"""A duplicate's message names at most this many of the other records."""
CHUNK = 500
"""Keys per ``IN (…)`` list (SQLite allows 32,766 parameters)."""


class Kind(StrEnum):
    """The kinds of problem, in the order they are shown. The value is the CLI's ``--kind``."""

    NIK_INVALID = "nik-invalid"
    NIK_MISMATCH = "nik-mismatch"
    NIK_DUPLICATE = "nik-duplicate"
    PERSON_DUPLICATE = "person-duplicate"
    NO_KK_INVALID = "kk-invalid"
    NO_KK_DUPLICATE = "kk-duplicate"
    NO_RECIPIENT = "no-recipient"
    MANY_RECIPIENTS = "many-recipients"
    RECIPIENT_DECEASED = "recipient-deceased"
    NO_COMPONENT = "no-component"
    SD_OVER_AGE = "sd-over-17"
    BIRTH_DATE = "birth-date"
    PREGNANT_MALE = "pregnant-male"

    @property
    def label(self) -> str:
        """Short Bahasa Indonesia title."""
        return KIND_INFO[self].label

    @property
    def explanation(self) -> str:
        """What the problem means and what to do about it (Bahasa Indonesia)."""
        return KIND_INFO[self].explanation

    @property
    def about_member(self) -> bool:
        """Findings of this kind name a member (else only the family)."""
        return KIND_INFO[self].about_member


@dataclass(frozen=True)
class KindInfo:
    label: str
    explanation: str
    about_member: bool = True


KIND_INFO: dict[Kind, KindInfo] = {
    Kind.NIK_INVALID: KindInfo(
        "NIK tidak valid",
        "NIK tidak lolos pemeriksaan struktur: harus 16 digit angka, 6 digit pertama kode kecamatan yang "
        "terdaftar, digit 7–12 tanggal lahir yang nyata (tanggal +40 untuk perempuan), nomor urut bukan "
        "0000. Cocokkan dengan KTP atau KK lalu perbaiki NIK anggota.",
    ),
    Kind.NIK_MISMATCH: KindInfo(
        "NIK tidak cocok dengan data anggota",
        "Tanggal lahir atau jenis kelamin yang terkandung di NIK berbeda dengan yang tercatat pada anggota. "
        "Salah satunya keliru: periksa KTP atau KK.",
    ),
    Kind.NIK_DUPLICATE: KindInfo(
        "NIK ganda",
        "NIK yang sama dipakai lebih dari satu anggota (di dua keluarga, atau dua kali di satu keluarga). "
        "Satu orang hanya tercatat di satu KK: hapus data yang salah atau perbaiki NIK-nya.",
    ),
    Kind.PERSON_DUPLICATE: KindInfo(
        "Kemungkinan orang yang sama",
        "Nama dan tanggal lahir sama, tetapi NIK berbeda. Bisa jadi satu orang tercatat dua kali dengan NIK "
        "salah ketik; bisa juga memang dua orang yang berbeda. Periksa dokumennya.",
    ),
    Kind.NO_KK_INVALID: KindInfo(
        "No. KK tidak valid",
        "No. KK tidak lolos pemeriksaan struktur: harus 16 digit angka, 6 digit pertama kode kecamatan, "
        "digit 7–12 tanggal yang nyata, nomor urut bukan 0000.",
        about_member=False,
    ),
    Kind.NO_KK_DUPLICATE: KindInfo(
        "No. KK ganda",
        "Dua keluarga atau lebih memakai No. KK yang sama. Gabungkan atau perbaiki No. KK-nya.",
        about_member=False,
    ),
    Kind.NO_RECIPIENT: KindInfo(
        "Keluarga tanpa pengurus",
        "Tidak ada anggota yang ditandai sebagai pengurus (penerima bantuan PKH), atau keluarga tidak "
        "punya anggota sama sekali. Tandai satu anggota sebagai pengurus.",
        about_member=False,
    ),
    Kind.MANY_RECIPIENTS: KindInfo(
        "Pengurus lebih dari satu",
        "Lebih dari satu anggota ditandai sebagai pengurus; setiap keluarga hanya punya satu pengurus.",
        about_member=False,
    ),
    Kind.RECIPIENT_DECEASED: KindInfo(
        "Pengurus meninggal",
        "Pengurus tercatat meninggal, sehingga bantuan tidak dapat disalurkan kepadanya. Tandai anggota "
        "lain sebagai pengurus pengganti.",
    ),
    Kind.NO_COMPONENT: KindInfo(
        "Keluarga aktif tanpa komponen",
        "Keluarga berstatus aktif, tetapi hari ini tidak ada anggota yang memenuhi syarat komponen PKH "
        "(ibu hamil/nifas, anak usia dini, anak sekolah, lanjut usia, disabilitas berat). Lengkapi data "
        "anggota, atau pertimbangkan graduasi alamiah.",
        about_member=False,
    ),
    Kind.SD_OVER_AGE: KindInfo(
        f"Usia di atas {SD_MAX_PLAUSIBLE_AGE} tahun masih SD",
        f"Anggota berusia lebih dari {SD_MAX_PLAUSIBLE_AGE} tahun tercatat masih sekolah di jenjang SD. "
        "Biasanya jenjang atau status sekolahnya belum diperbarui.",
    ),
    Kind.BIRTH_DATE: KindInfo(
        "Tanggal lahir tidak wajar",
        f"Tanggal lahir ada di masa depan atau umur lebih dari {MAX_AGE} tahun.",
    ),
    Kind.PREGNANT_MALE: KindInfo(
        "Hamil/nifas pada laki-laki",
        "Anggota ditandai hamil/nifas, tetapi jenis kelaminnya laki-laki. Perbaiki jenis kelamin atau "
        "tanda hamil/nifas.",
    ),
}


class CancelCheck(Protocol):
    """What ``run_checks`` needs of a cancel token (``services.progress.CancelToken`` fits)."""

    def raise_if_cancelled(self) -> None: ...


ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class Finding:
    kind: Kind
    household_id: str
    no_kk: str
    recipient_name: str
    """The family's pengurus ("" when it has none)."""
    message: str
    """What is wrong, in Bahasa Indonesia."""
    member_id: str | None = None
    member_name: str | None = None
    nik: str | None = None
    group: str = ""
    """Findings with the same ``group`` belong together (the same NIK, the same name and birth date);
    they are listed next to each other."""


@dataclass
class QualityReport:
    on: date
    families: int
    """Live families checked."""
    members: int
    """Live members checked."""
    counts: dict[Kind, int]
    """Every kind (in ``Kind`` order), also those with no finding."""
    findings: dict[Kind, list[Finding]]
    """Per kind, at most ``limit`` findings when a limit was asked for (``counts`` are never limited)."""
    seconds: float = 0.0
    limit: int | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def findings_of(self, kind: Kind) -> list[Finding]:
        return self.findings.get(kind, [])

    def truncated(self, kind: Kind) -> int:
        """Findings of ``kind`` left out by the limit."""
        return self.counts[kind] - len(self.findings_of(kind))


# --- the run -------------------------------------------------------------------------------------


def run_checks(
    session: Session,
    *,
    on: date | None = None,
    limit: int | None = None,
    progress: ProgressCallback | None = None,
    token: CancelCheck | None = None,
) -> QualityReport:
    """Every check over the live caseload as of ``on`` (default today). ``limit`` keeps at most that many
    findings per kind (the counts stay complete). Raises whatever ``token.raise_if_cancelled`` raises."""
    started = time.perf_counter()
    run = _Run(session, on or date.today(), token)
    steps: list[Callable[[], None]] = [
        run.member_rows,
        run.family_card_numbers,
        run.duplicate_niks,
        run.duplicate_people,
        run.family_roles,
    ]
    tell = progress or _no_progress
    tell(0, len(steps))
    for done, step in enumerate(steps, start=1):
        run.check_cancelled()
        step()
        tell(done, len(steps))
    run.check_cancelled()
    families = int(session.scalar(select(func.count()).select_from(Household).where(Household.deleted.is_(False))) or 0)
    members = int(
        session.scalar(
            select(func.count())
            .select_from(Member)
            .join(Household, Household.id == _no_index(Member.household_id))
            .where(Member.deleted.is_(False), _no_index(Household.deleted) == 0)
        )
        or 0
    )
    counts = {kind: len(run.found[kind]) for kind in Kind}
    findings = {
        kind: _ordered(run.found[kind])[:limit] if limit is not None else _ordered(run.found[kind]) for kind in Kind
    }
    return QualityReport(
        on=run.on,
        families=families,
        members=members,
        counts=counts,
        findings=findings,
        seconds=time.perf_counter() - started,
        limit=limit,
    )


def _no_progress(_done: int, _total: int) -> None:
    pass


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.group, f.no_kk, f.member_name or "", f.member_id or ""))


def _sql_fold(name: str | None) -> str | None:
    """``caseload_query.fold`` with spaces collapsed, cheap for the (usual) ASCII names."""
    if name is None:
        return None
    folded = name.lower() if name.isascii() else fold(name)
    return " ".join(folded.split())


FOLD_FUNCTION = "simoncer_fold"
MEMBER_ROWID = literal_column("member.rowid")


def _register_fold(session: Session) -> None:
    """Make ``simoncer_fold(name)`` available to this session's SQLite connection."""
    raw = session.connection().connection.driver_connection
    raw.create_function(FOLD_FUNCTION, 1, _sql_fold, deterministic=True)


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _digits_ok(number: ColumnElement[Any]) -> ColumnElement[bool]:
    """Exactly 16 ASCII digits (a 16-digit number survives the round trip through an integer)."""
    return and_(func.length(number) == NIK_LENGTH, func.printf("%016d", cast(number, Integer)) == number)


def _kecamatan_prefixes() -> Any:
    """Undotted codes of the registered kecamatan (``327101``), as a subquery."""
    return select(func.replace(Wilayah.kode, ".", "")).where(Wilayah.tingkat == KECAMATAN).scalar_subquery()


def _nik_suspect() -> ColumnElement[bool]:
    """True for every NIK ``check_nik`` could refuse or find disagreeing with the member's birth date and
    sex (a superset: Python confirms). A NIK that encodes exactly the recorded birth date and sex is a
    real date, so only the length, digits, region and serial remain to test."""
    nik, born = Member.nik, Member.birth_date
    female_offset = case((Member.sex == Sex.FEMALE.value, FEMALE_DAY_OFFSET), else_=0)
    return or_(
        nik.is_(None),
        ~_digits_ok(nik),
        func.substr(nik, 1, 6).not_in(_kecamatan_prefixes()),
        cast(func.substr(nik, 7, 2), Integer) != cast(func.substr(born, 9, 2), Integer) + female_offset,
        func.substr(nik, 9, 2) != func.substr(born, 6, 2),
        func.substr(nik, 11, 2) != func.substr(born, 3, 2),
        func.substr(nik, 13, 4) == "0000",
    )


def _no_kk_suspect() -> ColumnElement[bool]:
    """True for every No. KK ``check_no_kk`` could refuse (a superset: Python confirms)."""
    kk = Household.no_kk
    ymd = _cat(func.substr(kk, 11, 2), literal("-"), func.substr(kk, 9, 2), literal("-"), func.substr(kk, 7, 2))
    invalid_date = or_(
        *(
            func.date(_cat(literal(century), ymd), "+0 days").is_distinct_from(_cat(literal(century), ymd))
            for century in ("19", "20")
        )
    )
    return or_(
        kk.is_(None),
        ~_digits_ok(kk),
        func.substr(kk, 1, 6).not_in(_kecamatan_prefixes()),
        invalid_date,
        func.substr(kk, 13, 4) == "0000",
    )


class _Family(NamedTuple):
    no_kk: str
    recipient_name: str


class _Run:
    """The state of one ``run_checks``: the session, the day and the findings so far."""

    def __init__(self, session: Session, on: date, token: CancelCheck | None) -> None:
        self.session = session
        self.on = on
        self.token = token
        self.found: dict[Kind, list[Finding]] = defaultdict(list)
        self._kecamatan: frozenset[str] | None = None

    @property
    def kecamatan(self) -> frozenset[str]:
        if self._kecamatan is None:
            self._kecamatan = kecamatan_codes(self.session)
        return self._kecamatan

    def check_cancelled(self) -> None:
        if self.token is not None:
            self.token.raise_if_cancelled()

    def add(self, kind: Kind, household_id: str, family: _Family, message: str, **member: Any) -> None:
        self.found[kind].append(
            Finding(kind, household_id, family.no_kk or "", family.recipient_name or "", message, **member)
        )

    def _rows(self, stmt: Any) -> Iterable[Any]:
        """Rows of a Core statement, checking for cancellation every few thousand rows."""
        for i, row in enumerate(self.session.connection().execute(stmt)):
            if i % 2000 == 1999:
                self.check_cancelled()
            yield row

    # --- members: identity numbers and facts that contradict each other ----------------------------

    def member_rows(self) -> None:
        on = self.on
        flags: dict[str, ColumnElement[bool]] = {
            "nik_suspect": _nik_suspect(),
            "sd_over_age": and_(
                Member.in_school.is_(True),
                Member.education == Education.SD.value,
                Member.deceased.is_(False),
                Member.birth_date <= years_before(on, SD_MAX_PLAUSIBLE_AGE + 1),
            ),
            "odd_birth_date": or_(Member.birth_date > on, Member.birth_date <= years_before(on, MAX_AGE + 1)),
            "pregnant_male": and_(Member.pregnant.is_(True), Member.sex != Sex.FEMALE.value),
            "dead_recipient": and_(Member.is_recipient.is_(True), Member.deceased.is_(True)),
        }
        stmt = (
            select(
                Member.id,
                Member.household_id,
                Member.nik,
                Member.name,
                Member.birth_date,
                Member.sex,
                Member.death_date,
                Household.no_kk,
                Household.recipient_name,
                *(case((condition, 1), else_=0).label(name) for name, condition in flags.items()),
            )
            .select_from(Member)
            # "+member.household_id": scan the members once and look each family up by its key, rather
            # than walk every family and its members through the index (several times slower here).
            .join(Household, Household.id == _no_index(Member.household_id))
            .where(Member.deleted.is_(False), _no_index(Household.deleted) == 0, or_(*flags.values()))
        )
        for r in self._rows(stmt):
            family = _Family(r.no_kk, r.recipient_name)
            who = {"member_id": r.id, "member_name": r.name, "nik": r.nik}
            if r.nik_suspect:
                problem = self._nik_problem(r.nik, r.sex, r.birth_date)
                if problem is not None:
                    self.add(problem[0], r.household_id, family, problem[1], **who)
            if r.sd_over_age:
                age = age_on(r.birth_date, on)
                self.add(
                    Kind.SD_OVER_AGE,
                    r.household_id,
                    family,
                    f"Umur {age} tahun (lahir {_day(r.birth_date)}), tercatat masih sekolah di jenjang SD",
                    **who,
                )
            if r.odd_birth_date:
                if r.birth_date > on:
                    text = f"Tanggal lahir {_day(r.birth_date)} ada di masa depan"
                else:
                    text = f"Tanggal lahir {_day(r.birth_date)}: umur {age_on(r.birth_date, on)} tahun"
                self.add(Kind.BIRTH_DATE, r.household_id, family, text, **who)
            if r.pregnant_male:
                self.add(Kind.PREGNANT_MALE, r.household_id, family, "Ditandai hamil/nifas, tetapi laki-laki", **who)
            if r.dead_recipient:
                died = f" pada {_day(r.death_date)}" if r.death_date else ""
                self.add(
                    Kind.RECIPIENT_DECEASED,
                    r.household_id,
                    family,
                    f"Pengurus {r.name} tercatat meninggal{died}; tandai pengurus pengganti",
                    **who,
                )

    def _nik_problem(self, nik: str | None, sex: str, born: date) -> tuple[Kind, str] | None:
        """``(kind, message)`` for a NIK the SQL found suspicious, or None when it is in fact fine."""
        if not nik or not nik.strip():
            return Kind.NIK_INVALID, "NIK belum diisi"
        structure = check_nik(nik, kecamatan_codes=self.kecamatan, today=self.on)
        if structure:
            return Kind.NIK_INVALID, f"NIK {nik}: " + "; ".join(_reason(e.message, "NIK") for e in structure)
        if nik != nik.strip():
            return Kind.NIK_INVALID, f"NIK '{nik}': ada spasi di awal atau akhir"
        parts = split_number(nik)
        wrong: list[str] = []
        if (born.day, born.month, born.year % 100) != (parts.birth_day, parts.month, parts.yy):
            if parts.yy == born.year % 100:
                year = born.year
            else:
                year = full_year(parts.yy, self.on, parts.month, parts.birth_day)
            wrong.append(f"tanggal lahir di NIK {parts.birth_day:02d}-{parts.month:02d}-{year}, di data {_day(born)}")
        if parts.is_female != (sex == Sex.FEMALE.value):
            nik_sex = Sex.FEMALE if parts.is_female else Sex.MALE
            day_note = f"tanggal {parts.day:02d}" + (" = tanggal lahir + 40" if parts.is_female else "")
            wrong.append(f"jenis kelamin di NIK {nik_sex.label.lower()} ({day_note}), di data {Sex(sex).label.lower()}")
        if not wrong:
            return None
        return Kind.NIK_MISMATCH, f"NIK {nik}: " + "; ".join(wrong)

    # --- families: the card number -------------------------------------------------------------------

    def family_card_numbers(self) -> None:
        stmt = select(Household.id, Household.no_kk, Household.recipient_name).where(
            _no_index(Household.deleted) == 0,
            _no_kk_suspect(),  # a plain scan beats walking an index
        )
        for r in self._rows(stmt):
            errors = check_no_kk(r.no_kk, kecamatan_codes=self.kecamatan, today=self.on)
            if errors:
                shown = r.no_kk or "(kosong)"
                message = f"No. KK {shown}: " + "; ".join(_reason(e.message, "No. KK") for e in errors)
            elif r.no_kk != r.no_kk.strip():
                message = f"No. KK '{r.no_kk}': ada spasi di awal atau akhir"
            else:
                continue
            self.add(Kind.NO_KK_INVALID, r.id, _Family(r.no_kk, r.recipient_name), message)
        self._duplicate_card_numbers()

    def _duplicate_card_numbers(self) -> None:
        # The GROUP BY walks the No. KK index alone (tombstoned families included); the few numbers it
        # finds are then looked at among the live families.
        repeated = select(Household.no_kk).group_by(Household.no_kk).having(func.count() > 1)
        stmt = select(Household.id, Household.no_kk, Household.recipient_name).where(
            Household.deleted.is_(False), Household.no_kk.in_(repeated)
        )
        groups: dict[str, list[Any]] = defaultdict(list)
        for r in self._rows(stmt):
            groups[r.no_kk].append(r)
        for no_kk, rows in groups.items():
            if len(rows) < 2:
                continue
            for r in rows:
                others = [o for o in rows if o.id != r.id]
                self.add(
                    Kind.NO_KK_DUPLICATE,
                    r.id,
                    _Family(r.no_kk, r.recipient_name),
                    f"No. KK {no_kk} juga dipakai {_count_phrase(len(others), 'keluarga lain')}: "
                    + _named([f"pengurus {o.recipient_name or '-'}" for o in others]),
                    group=no_kk,
                )

    # --- duplicates among people ---------------------------------------------------------------------

    def _member_details(self, condition: ColumnElement[bool]) -> Any:
        return (
            select(
                Member.id,
                Member.household_id,
                Member.nik,
                Member.name,
                Member.birth_date,
                Household.no_kk,
                Household.recipient_name,
            )
            .select_from(Member)
            .join(Household, Household.id == _no_index(Member.household_id))
            .where(Member.deleted.is_(False), _no_index(Household.deleted) == 0, condition)
        )

    def duplicate_niks(self) -> None:
        """The same NIK on more than one live member: in two families, or twice in one."""
        repeated = (
            select(Member.nik)
            .where(Member.nik.is_not(None), Member.nik != "")
            .group_by(Member.nik)
            .having(func.count() > 1)
        )  # the NIK index alone; tombstones included, filtered below
        groups: dict[str, list[Any]] = defaultdict(list)
        for r in self._rows(self._member_details(Member.nik.in_(repeated))):
            groups[r.nik].append(r)
        for nik, rows in groups.items():
            if len(rows) < 2:
                continue
            for r in rows:
                others = [
                    f"{o.name} di keluarga ini"
                    if o.household_id == r.household_id
                    else f"{o.name} (No. KK {o.no_kk}, pengurus {o.recipient_name or '-'})"
                    for o in rows
                    if o.id != r.id
                ]
                self.add(
                    Kind.NIK_DUPLICATE,
                    r.household_id,
                    _Family(r.no_kk, r.recipient_name),
                    f"NIK {nik} juga dipakai " + _named(others),
                    member_id=r.id,
                    member_name=r.name,
                    nik=r.nik,
                    group=nik,
                )

    def duplicate_people(self) -> None:
        """The same folded name and birth date with different NIKs (an empty NIK counts as one value)."""
        _register_fold(self.session)
        key = getattr(func, FOLD_FUNCTION)(Member.name)
        groups_stmt = (  # the rowids, not the ids: a third less to sort
            select(func.group_concat(MEMBER_ROWID))
            .where(Member.deleted.is_(False))
            .group_by(key, Member.birth_date)
            .having(func.count(func.distinct(func.coalesce(Member.nik, ""))) > 1)
        )
        rowids = [
            int(i) for joined in self.session.connection().execute(groups_stmt).scalars() for i in joined.split(",")
        ]
        self.check_cancelled()
        groups: dict[tuple[str, date], list[Any]] = defaultdict(list)
        for chunk in _chunks(rowids):
            for r in self._rows(self._member_details(MEMBER_ROWID.in_(chunk))):
                groups[(_sql_fold(r.name) or "", r.birth_date)].append(r)
        for (folded, born), rows in groups.items():
            if len({r.nik or "" for r in rows}) < 2:  # only tombstoned families made it a group
                continue
            for r in rows:
                others = [
                    f"{o.name}, NIK {o.nik or '-'}"
                    + (" (keluarga ini)" if o.household_id == r.household_id else f" (No. KK {o.no_kk})")
                    for o in rows
                    if (o.nik or "") != (r.nik or "")
                ]
                self.add(
                    Kind.PERSON_DUPLICATE,
                    r.household_id,
                    _Family(r.no_kk, r.recipient_name),
                    f"Nama dan tanggal lahir ({_day(born)}) sama dengan " + _named(others),
                    member_id=r.id,
                    member_name=r.name,
                    nik=r.nik,
                    group=f"{folded}|{born.isoformat()}",
                )

    # --- families: pengurus and components ------------------------------------------------------------

    def family_roles(self) -> None:
        """Per live family in one pass over its members: how many pengurus, and whether anyone qualifies
        for a PKH component today (``ComponentRules.sql_condition``, the rule the forms show)."""
        on = self.on
        rules = ComponentRules.load(self.session, on)
        eligible = or_(*(rules.sql_condition(component, on) for component in Component))
        recipient = Member.is_recipient.is_(True)
        recipients = func.sum(case((recipient, 1), else_=0))
        anyone_eligible = func.max(case((eligible, 1), else_=0))
        per_family = (  # only the families with a problem leave the GROUP BY
            select(
                Member.household_id.label("household_id"),
                func.count().label("members"),
                recipients.label("recipients"),
                anyone_eligible.label("eligible"),
                func.group_concat(case((recipient, Member.name)), ", ").label("recipient_names"),
            )
            .where(Member.deleted.is_(False))
            .group_by(Member.household_id)
            .having(or_(recipients != 1, anyone_eligible == 0))
            .subquery()
        )
        with_members = select(
            Household.id,
            Household.no_kk,
            Household.recipient_name,
            Household.status,
            per_family.c.members,
            per_family.c.recipients,
            per_family.c.eligible,
            per_family.c.recipient_names,
        ).join(per_family, Household.id == per_family.c.household_id)
        without_members = select(
            Household.id,
            Household.no_kk,
            Household.recipient_name,
            Household.status,
            literal(0).label("members"),
            literal(0).label("recipients"),
            literal(0).label("eligible"),
            literal(None).label("recipient_names"),
        ).where(~select(Member.id).where(Member.household_id == Household.id, Member.deleted.is_(False)).exists())
        stmt = union_all(
            with_members.where(_no_index(Household.deleted) == 0),
            without_members.where(_no_index(Household.deleted) == 0),
        )
        for r in self._rows(stmt):
            family = _Family(r.no_kk, r.recipient_name)
            if r.members == 0:
                self.add(Kind.NO_RECIPIENT, r.id, family, "Keluarga tidak punya anggota")
            elif r.recipients == 0:
                self.add(Kind.NO_RECIPIENT, r.id, family, f"Tidak ada pengurus di antara {r.members} anggota")
            elif r.recipients > 1:
                self.add(
                    Kind.MANY_RECIPIENTS,
                    r.id,
                    family,
                    f"{r.recipients} anggota ditandai pengurus: {r.recipient_names}",
                )
            if r.status == HouseholdStatus.ACTIVE.value and not r.eligible:
                self.add(
                    Kind.NO_COMPONENT,
                    r.id,
                    family,
                    f"Status aktif, tetapi tidak satu pun dari {r.members} anggota memenuhi syarat "
                    f"komponen PKH per {_day(on)}",
                )


def _no_index(expr: ColumnElement[Any]) -> ColumnElement[Any]:
    """``+expr``: keeps SQLite from choosing an index of ``expr`` (and with it the join order)."""
    return UnaryExpression(expr, operator=custom_op("+"), type_=expr.type)


def _cat(*parts: ColumnElement[Any]) -> ColumnElement[Any]:
    """SQL string concatenation ``a || b || …``."""
    joined = parts[0]
    for part in parts[1:]:
        joined = joined.op("||")(part)
    return joined


def _reason(message: str, field_name: str) -> str:
    """``"NIK: tanggal lahir 31-02 tidak valid"`` → ``"tanggal lahir 31-02 tidak valid"``."""
    prefix = f"{field_name}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _count_phrase(n: int, noun: str) -> str:
    return noun if n == 1 else f"{n} {noun}"


def _named(items: list[str]) -> str:
    shown = items[:OTHERS_NAMED]
    more = len(items) - len(shown)
    return "; ".join(shown) + (f"; dan {more} lainnya" if more else "")
