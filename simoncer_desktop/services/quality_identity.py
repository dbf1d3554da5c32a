"""*Kualitas Data*: the identity numbers — a member's NIK (its structure, and its agreement with the
recorded birth date and sex) and a family's No. KK (its structure, and the same number on two families).

SQL narrows each check down to the suspicious rows (``nik_suspect``, ``no_kk_suspect``: supersets) and
Python confirms and words them with the rules the forms use (``identity.check_nik``, ``check_no_kk``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, literal, or_, select

from simoncer_desktop.models import Household, Member, Wilayah
from simoncer_desktop.models.enums import Sex
from simoncer_desktop.services.identity import (
    FEMALE_DAY_OFFSET,
    NIK_LENGTH,
    check_nik,
    check_no_kk,
    full_year,
    split_number,
)
from simoncer_desktop.services.quality_findings import Kind
from simoncer_desktop.services.quality_run import CheckRun, Family, day, named, no_index
from simoncer_desktop.services.reference import KECAMATAN
from simoncer_desktop.translation import translate

# --- NIK (checked in the members' pass, ``quality_families.member_rows``) ------------------------------


def nik_suspect() -> ColumnElement[bool]:
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


def nik_problem(run: CheckRun, nik: str | None, sex: str, born: date) -> tuple[Kind, str] | None:
    """``(kind, message)`` for a NIK the SQL found suspicious, or None when it is in fact fine."""
    if not nik or not nik.strip():
        return Kind.NIK_INVALID, translate("quality", "NIK belum diisi")
    structure = check_nik(nik, kecamatan_codes=run.validator.kecamatan, today=run.on)
    if structure:
        return Kind.NIK_INVALID, _nik_text(nik, [_reason(e.message, "NIK") for e in structure])
    if nik != nik.strip():
        return Kind.NIK_INVALID, translate("quality", "NIK '{nik}': ada spasi di awal atau akhir").format(nik=nik)
    parts = split_number(nik)
    wrong: list[str] = []
    if (born.day, born.month, born.year % 100) != (parts.birth_day, parts.month, parts.yy):
        year = born.year if parts.yy == born.year % 100 else full_year(parts.yy, run.on, parts.month, parts.birth_day)
        in_nik = f"{parts.birth_day:02d}-{parts.month:02d}-{year}"
        wrong.append(
            translate("quality", "tanggal lahir di NIK {nik_date}, di data {data_date}").format(
                nik_date=in_nik, data_date=day(born)
            )
        )
    if parts.is_female != (sex == Sex.FEMALE.value):
        nik_sex = Sex.FEMALE if parts.is_female else Sex.MALE
        if parts.is_female:
            day_note = translate("quality", "tanggal {day} = tanggal lahir + 40").format(day=f"{parts.day:02d}")
        else:
            day_note = translate("quality", "tanggal {day}").format(day=f"{parts.day:02d}")
        wrong.append(
            translate("quality", "jenis kelamin di NIK {nik_sex} ({note}), di data {data_sex}").format(
                nik_sex=nik_sex.label.lower(), note=day_note, data_sex=Sex(sex).label.lower()
            )
        )
    if not wrong:
        return None
    return Kind.NIK_MISMATCH, _nik_text(nik, wrong)


def _nik_text(nik: str, reasons: list[str]) -> str:
    return translate("quality", "NIK {nik}: {reasons}").format(nik=nik, reasons="; ".join(reasons))


# --- No. KK ------------------------------------------------------------------------------------------


def family_card_numbers(run: CheckRun) -> None:
    stmt = select(Household.id, Household.no_kk, Household.recipient_name).where(
        no_index(Household.deleted) == 0,
        _no_kk_suspect(),  # a plain scan beats walking an index
    )
    for r in run.rows(stmt):
        errors = check_no_kk(r.no_kk, kecamatan_codes=run.validator.kecamatan, today=run.on)
        if errors:
            shown = r.no_kk or translate("quality", "(kosong)")
            reasons = "; ".join(_reason(e.message, "No. KK") for e in errors)
            message = translate("quality", "No. KK {no_kk}: {reasons}").format(no_kk=shown, reasons=reasons)
        elif r.no_kk != r.no_kk.strip():
            message = translate("quality", "No. KK '{no_kk}': ada spasi di awal atau akhir").format(no_kk=r.no_kk)
        else:
            continue
        run.add(Kind.NO_KK_INVALID, r.id, Family(r.no_kk, r.recipient_name), message)
    _duplicate_card_numbers(run)


def _duplicate_card_numbers(run: CheckRun) -> None:
    # The GROUP BY walks the No. KK index alone (tombstoned families included); the few numbers it
    # finds are then looked at among the live families.
    repeated = select(Household.no_kk).group_by(Household.no_kk).having(func.count() > 1)
    stmt = select(Household.id, Household.no_kk, Household.recipient_name).where(
        Household.deleted.is_(False), Household.no_kk.in_(repeated)
    )
    groups: dict[str, list[Any]] = defaultdict(list)
    for r in run.rows(stmt):
        groups[r.no_kk].append(r)
    for no_kk, rows in groups.items():
        if len(rows) < 2:
            continue
        for r in rows:
            others = [o for o in rows if o.id != r.id]
            if len(others) == 1:
                template = translate("quality", "No. KK {no_kk} juga dipakai keluarga lain: {others}")
            else:
                template = translate("quality", "No. KK {no_kk} juga dipakai {n} keluarga lain: {others}")
            names = named(
                [translate("quality", "pengurus {name}").format(name=o.recipient_name or "-") for o in others]
            )
            message = template.format(no_kk=no_kk, n=len(others), others=names)
            run.add(Kind.NO_KK_DUPLICATE, r.id, Family(r.no_kk, r.recipient_name), message, group=no_kk)


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


# --- shared by both numbers --------------------------------------------------------------------------


def _digits_ok(number: ColumnElement[Any]) -> ColumnElement[bool]:
    """Exactly 16 ASCII digits (a 16-digit number survives the round trip through an integer)."""
    return and_(func.length(number) == NIK_LENGTH, func.printf("%016d", cast(number, Integer)) == number)


def _kecamatan_prefixes() -> Any:
    """Undotted codes of the registered kecamatan (``327101``), as a subquery."""
    return select(func.replace(Wilayah.kode, ".", "")).where(Wilayah.tingkat == KECAMATAN).scalar_subquery()


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
