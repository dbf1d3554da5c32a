"""Finding caseload people while registering victims: by NIK / No. KK prefix or by name.

Uses the caseload's search index (``person_fts``, see ``services.search_index``): a member's index
row has the rowid ``household.rowid << 32 | member.rowid``, so a match leads straight to the member and
family rows by rowid, without a join through text ids. The index query is cut at a few rows before
anything is joined, which keeps a look-up within a few milliseconds at 450,000 members.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, String, bindparam, literal_column, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from simoncer_desktop.models import AffectedFamily, Household, Member, Victim, Wilayah
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services.caseload_query import MIN_DIGITS, MIN_LETTERS, fold, fts_query
from simoncer_desktop.translation import translate

LOW_32 = 0xFFFFFFFF


def _no_index(expr: ColumnElement) -> ColumnElement:
    return UnaryExpression(expr, operator=custom_op("+"), type_=expr.type)


@dataclass(frozen=True)
class PersonMatch:
    """A caseload member found by NIK prefix or name."""

    member_id: str
    household_id: str
    nik: str | None
    name: str
    birth_date: date
    no_kk: str
    address: str
    kelurahan_name: str
    is_kpm: bool
    """The family's status is ``aktif``."""
    registered_family_id: str | None
    """Set when the person or the family is already registered in this event."""
    sex: str = ""
    relation: str = ""


def _digits(value: str) -> str | None:
    cleaned = value.strip().replace(" ", "").replace(".", "")
    return cleaned if cleaned.isdigit() else None


def lookup_hint(value: str) -> str | None:
    """Why a look-up text is not searched yet, or None."""
    if not value.strip():
        return None
    digits = _digits(value)
    if digits is not None:
        if len(digits) >= MIN_DIGITS:
            return None
        return translate("relief", "Ketik minimal {count} digit NIK/No. KK").format(count=MIN_DIGITS)
    if len(fold(value).strip()) >= MIN_LETTERS:
        return None
    return translate("relief", "Ketik minimal {count} huruf nama").format(count=MIN_LETTERS)


def _index_rowids(session: Session, query: str, limit: int) -> list[int]:
    stmt = (
        select(literal_column("rowid"))
        .select_from(sql_text("person_fts"))
        .where(sql_text("person_fts MATCH :q").bindparams(bindparam("q", value=query, type_=String)))
        .limit(limit)
    )
    return list(session.connection().execute(stmt).scalars())


def _card_rowids(session: Session, digits: str, limit: int) -> list[tuple[int, int]]:
    """(household rowid, member rowid) of the live members of families whose No. KK starts with ``digits``."""
    upper = digits[:-1] + chr(ord(digits[-1]) + 1)
    stmt = (
        select(literal_column("household.rowid"), literal_column("member.rowid"))
        .select_from(Household)
        .join(Member, Member.household_id == Household.id)
        .where(Household.no_kk >= digits, Household.no_kk < upper, _no_index(Household.deleted) == 0)
        .where(_no_index(Member.deleted) == 0)
        .limit(limit)
    )
    return [(int(h), int(m)) for h, m in session.connection().execute(stmt)]


def _load(session: Session, pairs: list[tuple[int, int]]) -> list:
    if not pairs:
        return []
    member_rowids = [m for _, m in pairs]
    stmt = (
        select(
            Member.id,
            Member.household_id,
            Member.nik,
            Member.name,
            Member.birth_date,
            Member.sex,
            Member.relation,
            Household.no_kk,
            Household.address,
            Household.rt,
            Household.rw,
            Household.status,
            Wilayah.nama,
        )
        .select_from(Member)
        .join(Household, Household.id == Member.household_id)
        .join(Wilayah, Wilayah.kode == Household.kelurahan_code)
        .where(literal_column("member.rowid").in_(member_rowids))
        .where(literal_column("household.rowid").in_({h for h, _ in pairs}))
        # ``+deleted``: keeps SQLite from walking the families by their ``deleted`` index.
        .where(_no_index(Member.deleted) == 0, _no_index(Household.deleted) == 0)
    )
    return list(session.execute(stmt))


def _registered(session: Session, event_id: str, rows: list) -> tuple[dict[str, str], dict[str, str]]:
    """(family id by household id, family id by NIK or member id) already registered in the event."""
    households = {r.household_id for r in rows}
    by_household = dict(
        session.execute(
            select(AffectedFamily.household_id, AffectedFamily.id).where(
                AffectedFamily.event_id == event_id,
                AffectedFamily.deleted.is_(False),
                AffectedFamily.household_id.in_(households),
            )
        ).all()
    )
    niks = {r.nik for r in rows if r.nik}
    members = {r.id for r in rows}
    by_person: dict[str, str] = {}
    victims = select(Victim.nik, Victim.member_id, Victim.family_id).where(
        Victim.event_id == event_id,
        Victim.deleted.is_(False),
        Victim.nik.in_(niks) | Victim.member_id.in_(members),
    )
    for nik, member_id, family_id in session.execute(victims):
        for key in (nik, member_id):
            if key:
                by_person[key] = family_id
    return by_household, by_person


def lookup_people(session: Session, event_id: str, text: str, limit: int = 20) -> list[PersonMatch]:
    """Caseload members whose NIK (or family's No. KK) starts with the typed digits, or whose name
    words start with every typed word; at most ``limit``, by name. Too short a text finds nothing
    (see ``lookup_hint``)."""
    if not text.strip() or lookup_hint(text):
        return []
    digits = _digits(text)
    # Ask the index for a few more than needed: members of tombstoned families are dropped after.
    fetch = limit * 2
    if digits is not None:
        rowids = _index_rowids(session, f'nik:"{digits}"*', fetch)
        pairs = [(r >> 32, r & LOW_32) for r in rowids]
        if len(pairs) < fetch:
            pairs += _card_rowids(session, digits, fetch - len(pairs))
    else:
        query = fts_query(text)
        pairs = [(r >> 32, r & LOW_32) for r in _index_rowids(session, f"name:({query})", fetch)] if query else []
    rows = _load(session, pairs)
    by_household, by_person = _registered(session, event_id, rows)
    out: dict[str, PersonMatch] = {}
    for r in rows:
        address = r.address
        if r.rt or r.rw:
            address = f"{address} RT {r.rt or '-'}/RW {r.rw or '-'}".strip()
        out[r.id] = PersonMatch(
            member_id=r.id,
            household_id=r.household_id,
            nik=r.nik,
            name=r.name,
            birth_date=r.birth_date,
            no_kk=r.no_kk,
            address=address,
            kelurahan_name=r.nama,
            is_kpm=r.status == HouseholdStatus.ACTIVE,
            registered_family_id=by_household.get(r.household_id)
            or by_person.get(r.id)
            or (by_person.get(r.nik) if r.nik else None),
            sex=r.sex,
            relation=r.relation,
        )
    return sorted(out.values(), key=lambda m: (fold(m.name), m.no_kk))[:limit]
