"""Finding families among 110,000: search, filters and sorting in SQL, paged by rowid.

The list works like Anki's browser: ``search_keys`` returns the matching families' local rowids in
display order (one cheap query of integers), and ``load_rows`` fetches the visible page by those keys.
Rowids are local to this database file; they never leave it (ids do).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum

from sqlalchemy import ColumnElement, Select, String, bindparam, func, literal_column, select, text, union
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from simoncer_desktop.models import Facilitator, Household, Member, Wilayah
from simoncer_desktop.models.enums import Component, HouseholdStatus
from simoncer_desktop.services.components import ComponentRules
from simoncer_desktop.services.reference import children
from simoncer_desktop.services.settings import region_code
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate


class Column(IntEnum):
    """Columns of the caseload list, in display order."""

    NO_KK = 0
    RECIPIENT = 1
    NIK = 2
    KECAMATAN = 3
    KELURAHAN = 4
    ADDRESS = 5
    FACILITATOR = 6
    MEMBERS = 7
    DESIL = 8
    STATUS = 9


COLUMN_TITLES = {
    Column.NO_KK: QT_TRANSLATE_NOOP("caseload", "No. KK"),
    Column.RECIPIENT: QT_TRANSLATE_NOOP("caseload", "Pengurus"),
    Column.NIK: QT_TRANSLATE_NOOP("caseload", "NIK pengurus"),
    Column.KECAMATAN: QT_TRANSLATE_NOOP("caseload", "Kecamatan"),
    Column.KELURAHAN: QT_TRANSLATE_NOOP("caseload", "Kelurahan"),
    Column.ADDRESS: QT_TRANSLATE_NOOP("caseload", "Alamat"),
    Column.FACILITATOR: QT_TRANSLATE_NOOP("caseload", "Pendamping"),
    Column.MEMBERS: QT_TRANSLATE_NOOP("caseload", "Anggota"),
    Column.DESIL: QT_TRANSLATE_NOOP("caseload", "Desil"),
    Column.STATUS: QT_TRANSLATE_NOOP("caseload", "Status"),
}


@dataclass(frozen=True)
class CaseloadFilter:
    text: str = ""
    kecamatan: str | None = None
    kelurahan: str | None = None
    facilitator_id: str | None = None
    status: str | None = None
    component: str | None = None
    desil: int | None = None
    sort: Column = Column.RECIPIENT
    descending: bool = False
    on: date | None = None
    """Day on which component filters are evaluated (default today)."""

    def with_(self, **changes: object) -> CaseloadFilter:
        return replace(self, **changes)


@dataclass(frozen=True)
class HouseholdRow:
    key: int
    id: str
    no_kk: str
    recipient_name: str
    recipient_nik: str
    kecamatan: str
    kelurahan: str
    address: str
    facilitator: str
    member_count: int
    desil: int | None
    status: str

    def value(self, column: Column) -> object:
        return {
            Column.NO_KK: self.no_kk,
            Column.RECIPIENT: self.recipient_name,
            Column.NIK: self.recipient_nik,
            Column.KECAMATAN: self.kecamatan,
            Column.KELURAHAN: self.kelurahan,
            Column.ADDRESS: self.address,
            Column.FACILITATOR: self.facilitator,
            Column.MEMBERS: self.member_count,
            Column.DESIL: self.desil,
            Column.STATUS: HouseholdStatus(self.status).label,
        }[column]


_WORD = re.compile(r"\w+", re.UNICODE)


def fold(value: str) -> str:
    """Lower case without diacritics ("Dédé" → "dede"), the way the FTS index sees names."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fts_query(value: str) -> str | None:
    """User text → an FTS5 query of word prefixes that must all match: ``siti nur`` → ``"siti"* "nur"*``."""
    words = _WORD.findall(fold(value))
    return " ".join(f'"{w}"*' for w in words) or None


MIN_DIGITS = 8
"""A NIK / No. KK prefix needs 8 digits: the first 6 are the region code, shared by a whole kecamatan."""
MIN_LETTERS = 2


def _prefix_range(column: ColumnElement[str], prefix: str) -> ColumnElement[bool]:
    """``column LIKE 'prefix%'`` as an index range (digits only, so the next string is easy)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return (column >= prefix) & (column < upper)


def _digits(value: str) -> str | None:
    cleaned = value.strip().replace(" ", "").replace(".", "")
    return cleaned if cleaned.isdigit() else None


def search_hint(value: str) -> str | None:
    """Why a search text is not applied yet (too short to narrow 110,000 families), or None."""
    if not value.strip():
        return None
    digits = _digits(value)
    if digits is not None:
        if len(digits) < MIN_DIGITS:
            return translate(
                "caseload", "Ketik minimal {count} digit NIK/No. KK (6 digit pertama adalah kode wilayah)"
            ).format(count=MIN_DIGITS)
        return None
    if len(fold(value).strip()) < MIN_LETTERS:
        return translate("caseload", "Ketik minimal {count} huruf nama").format(count=MIN_LETTERS)
    return None


def _match(query: str) -> Select:
    """Household rowids of the live people matching an FTS5 query."""
    return (
        select(literal_column("rowid >> 32"))
        .select_from(text("person_fts"))
        .where(text("person_fts MATCH :q").bindparams(bindparam("q", value=query, type_=String)))
    )


def _text_condition(value: str) -> ColumnElement[bool] | None:
    """Families with a live member whose name words start with every typed word, or whose NIK or
    No. KK starts with the typed digits. None when there is nothing (yet) to search for."""
    if not value.strip() or search_hint(value):
        return None
    rowid = literal_column("household.rowid")
    digits = _digits(value)
    if digits is not None:
        by_card = select(literal_column("rowid")).select_from(Household).where(_prefix_range(Household.no_kk, digits))
        return rowid.in_(union(_match(f'nik:"{digits}"*'), by_card))
    query = fts_query(value)
    return rowid.in_(_match(f"name:({query})")) if query else None


Kecamatan = aliased(Wilayah, name="kec")
Kelurahan = aliased(Wilayah, name="kel")

SORT_EXPRESSIONS: dict[Column, ColumnElement] = {
    Column.NO_KK: Household.no_kk,
    Column.RECIPIENT: Household.recipient_name,
    Column.NIK: Household.recipient_nik,
    Column.KECAMATAN: Kecamatan.nama,
    Column.KELURAHAN: Kelurahan.nama,
    Column.ADDRESS: Household.address,
    Column.FACILITATOR: Facilitator.name,
    Column.MEMBERS: Household.member_count,
    Column.DESIL: Household.desil,
    Column.STATUS: Household.status,
}


def _joined(stmt: Select) -> Select:
    return (
        stmt.join(Kelurahan, Kelurahan.kode == Household.kelurahan_code)
        .join(Kecamatan, Kecamatan.kode == Kelurahan.parent_kode)
        .outerjoin(Facilitator, Facilitator.id == Household.facilitator_id)
    )


def is_filtered(f: CaseloadFilter) -> bool:
    return bool(
        _text_condition(f.text) is not None
        or f.kecamatan
        or f.kelurahan
        or f.facilitator_id
        or f.status
        or f.component
        or f.desil is not None
    )


def _no_index(expr: ColumnElement) -> ColumnElement:
    """``+expr``: keeps SQLite from walking an index of ``expr`` instead of the filter's own index."""
    return UnaryExpression(expr, operator=custom_op("+"), type_=expr.type)


def _where(stmt: Select, session: Session, f: CaseloadFilter) -> Select:
    live = Household.deleted.is_(False)
    stmt = stmt.where(_no_index(Household.deleted) == 0 if is_filtered(f) else live)
    condition = _text_condition(f.text)
    if condition is not None:
        stmt = stmt.where(condition)
    if f.kelurahan:
        stmt = stmt.where(Household.kelurahan_code == f.kelurahan)
    elif f.kecamatan:
        stmt = stmt.where(Household.scope == f.kecamatan)
    if f.facilitator_id:
        stmt = stmt.where(Household.facilitator_id == f.facilitator_id)
    if f.status:
        stmt = stmt.where(Household.status == f.status)
    if f.desil is not None:
        stmt = stmt.where(Household.desil == f.desil)
    if f.component:
        on = f.on or date.today()
        rule = ComponentRules.load(session, on).sql_condition(Component(f.component), on)
        stmt = stmt.where(Household.id.in_(select(Member.household_id).where(rule)))
    return stmt


def search_statement(session: Session, f: CaseloadFilter) -> Select:
    """The SQL behind ``search_keys`` (benchmarks run it raw to show our overhead)."""
    sort = SORT_EXPRESSIONS[f.sort]
    if is_filtered(f):
        # Filtered: the filter's index finds a few rows, then sort them (rather than walk all in order).
        sort = _no_index(sort)
    order = [sort.desc() if f.descending else sort.asc(), Household.no_kk]
    stmt = select(literal_column("household.rowid")).select_from(Household)
    if f.sort in (Column.KECAMATAN, Column.KELURAHAN, Column.FACILITATOR):
        stmt = _joined(stmt)
    return _where(stmt, session, f).order_by(*order)


def filtered(stmt: Select, session: Session, f: CaseloadFilter, *, with_names: bool = False) -> Select:
    """``stmt`` (selecting from ``household``) restricted to the live families matching ``f`` — the
    same conditions as the list (``f.sort`` is ignored). ``with_names`` also joins the kelurahan
    (``Kelurahan``), kecamatan (``Kecamatan``) and pendamping (outer) for their names.

    The component filter is a subquery on the ``member`` table: a statement that also selects from
    ``member`` must use an alias of it, or the subquery would correlate to it."""
    return _where(_joined(stmt) if with_names else stmt, session, f)


def search_keys(session: Session, f: CaseloadFilter) -> list[int]:
    """Rowids of the matching live families in display order.

    Runs on the session's Core connection: plain integers need none of the ORM's result processing,
    which costs milliseconds on tens of thousands of keys."""
    return list(session.connection().execute(search_statement(session, f)).scalars())


def key_of(session: Session, household_id: str) -> int | None:
    """The local rowid of a family (to find it among ``search_keys``), or None."""
    stmt = select(literal_column("household.rowid")).select_from(Household).where(Household.id == household_id)
    return session.scalar(stmt)


def count(session: Session, f: CaseloadFilter | None = None) -> int:
    stmt = _where(select(func.count()).select_from(Household), session, f or CaseloadFilter())
    return int(session.scalar(stmt) or 0)


def load_rows(session: Session, keys: list[int]) -> list[HouseholdRow]:
    """The rows for ``keys`` in the same order (missing keys — deleted meanwhile — are skipped)."""
    if not keys:
        return []
    stmt = _joined(
        select(
            literal_column("household.rowid").label("key"),
            Household.id,
            Household.no_kk,
            Household.recipient_name,
            Household.recipient_nik,
            Kecamatan.nama,
            Kelurahan.nama,
            Household.address,
            Household.rt,
            Household.rw,
            Facilitator.name,
            Household.member_count,
            Household.desil,
            Household.status,
        ).select_from(Household)
    ).where(literal_column("household.rowid").in_(keys))
    by_key = {}
    for r in session.execute(stmt):
        address = r.address
        if r.rt or r.rw:
            address = f"{address} RT {r.rt or '-'}/RW {r.rw or '-'}".strip()
        by_key[r.key] = HouseholdRow(
            key=r.key,
            id=r.id,
            no_kk=r.no_kk,
            recipient_name=r.recipient_name or "",
            recipient_nik=r.recipient_nik or "",
            kecamatan=r[5],
            kelurahan=r[6],
            address=address,
            facilitator=r[10] or "",
            member_count=r.member_count,
            desil=r.desil,
            status=r.status,
        )
    return [by_key[k] for k in keys if k in by_key]


@dataclass(frozen=True)
class Option:
    value: str
    label: str


def facilitator_options(session: Session, kecamatan: str | None = None) -> list[Option]:
    stmt = select(Facilitator.id, Facilitator.name).where(Facilitator.deleted.is_(False)).order_by(Facilitator.name)
    if kecamatan:
        stmt = stmt.where(Facilitator.scope == kecamatan)
    return [Option(i, n) for i, n in session.execute(stmt)]


def kecamatan_in_use(session: Session) -> list[Option]:
    """Kecamatan that hold families (for the filter when no deployment region is set)."""
    stmt = (
        select(Wilayah.kode, Wilayah.nama)
        .where(Wilayah.kode.in_(select(Household.scope).where(Household.deleted.is_(False)).distinct()))
        .order_by(Wilayah.nama)
    )
    return [Option(k, n) for k, n in session.execute(stmt)]


def kecamatan_options(session: Session) -> list[Option]:
    """Kecamatan offered in filters and forms: the deployment region's, else those that hold families."""
    region = region_code(session)
    found = [Option(r.code, r.name) for r in children(session, region)] if region else []
    return found or kecamatan_in_use(session)


def kelurahan_options(session: Session, kecamatan: str) -> list[Option]:
    """Kelurahan/desa of one kecamatan, by name."""
    return [Option(r.code, r.name) for r in children(session, kecamatan)]
