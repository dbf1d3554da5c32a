"""What the relief printouts show, as plain frozen dataclasses (``reports.pdf.relief_documents`` and
``reports.excel.relief_workbook`` draw them):

- ``bnba``: the by-name-by-address list of an event's victims (optionally one kelurahan);
- ``berita_acara``: the hand-over record of the distributions of an event in a date range;
- ``event_report``: the numbers of an event, what was distributed and its photos.

Listing events and finding one by id or short code: ``services.relief_events`` (``list_events``,
``resolve_event``); turning a request into a file: ``reports.relief_print``.

Each reads with a few set-based queries (victims with their families in one, distributions with their
entitlements in one), never one per row: 5,000 victims are one pass. Nothing here writes the database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Bundle, Session

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.models import AffectedFamily, Distribution, EventEntitlement, Household, ReliefItem, Victim
from simoncer_desktop.models.enums import AttachmentOwner, DamageLevel, HouseholdStatus, InjuryLevel, Relationship
from simoncer_desktop.services.attachments import AttachmentView, attachments_of, attachments_of_many
from simoncer_desktop.services.relief_document_events import EventHeader, event_header, live_event, names_of
from simoncer_desktop.services.relief_document_parts import (
    AidLine,
    CashLine,
    CountLine,
    EntitlementTotal,
    HandOverLine,
    ItemLine,
    age_on,
    aid_lines,
    dmy,
    label,
    missing_number,
    needs_summary,
    rt_rw_text,
    rupiah,
    sort_number,
)
from simoncer_desktop.services.relief_events import short_code
from simoncer_desktop.translation import translate, untranslated

__all__ = [
    "AidLine",
    "BeritaAcaraData",
    "BnbaData",
    "BnbaRow",
    "CashLine",
    "CountLine",
    "EntitlementTotal",
    "EventHeader",
    "EventReportData",
    "HandOverLine",
    "ItemLine",
    "berita_acara",
    "bnba",
    "event_header",
    "event_report",
    "rupiah",
    "short_code",
]

RELATION_RANK = {r.value: i for i, r in enumerate(Relationship)}

# Plain columns, not entities: 5,000 victims load as tuples, without identity-map work.
VICTIM_COLUMNS = Bundle(
    "v", Victim.id, Victim.nik, Victim.name, Victim.sex, Victim.birth_date, Victim.relation, Victim.displaced,
    Victim.injury, Victim.deceased, Victim.no_document_reason,
)  # fmt: skip
FAMILY_COLUMNS = Bundle(
    "f", AffectedFamily.id, AffectedFamily.kelurahan_code, AffectedFamily.rt, AffectedFamily.rw,
    AffectedFamily.head_name, AffectedFamily.no_kk, AffectedFamily.no_document_reason, AffectedFamily.address,
    AffectedFamily.damage,
)  # fmt: skip


@dataclass(frozen=True)
class BnbaRow:
    no: int
    family_id: str
    victim_id: str
    nik: str
    """The NIK, or ``— (reason)`` when the person has none."""
    name: str
    sex: str
    age: int | None
    relation: str
    """Label (``Kepala keluarga``, ``Anak``…)."""
    no_kk: str
    """The No. KK, or ``— (reason)``."""
    address: str
    rt_rw: str
    kelurahan: str
    is_kpm: bool
    damage: str
    """Label of the family's house damage."""
    displaced: bool
    injury: str
    """``InjuryLevel`` code."""
    deceased: bool
    condition: str
    """``mengungsi, luka ringan`` … or ``-``."""
    aid: str
    """What this person received, and on the family's first row also what the family received."""
    first_of_family: bool


@dataclass(frozen=True)
class BnbaData:
    event: EventHeader
    kelurahan_code: str | None
    kelurahan_name: str | None
    rows: tuple[BnbaRow, ...]
    families: int
    people: int
    kpm_families: int
    displaced: int
    injured: int
    deceased: int
    made_on: date


@dataclass(frozen=True)
class BeritaAcaraData:
    event: EventHeader
    number: str
    """``BA/<code>/<yyyymmdd>``."""
    place: str
    signed_on: date
    date_from: date | None
    date_to: date | None
    officers: tuple[str, ...]
    totals: tuple[EntitlementTotal, ...]
    lines: tuple[HandOverLine, ...]
    confirmed: int
    attachments: int
    """Documentation photos/scans attached to the distributions listed."""

    @property
    def period_text(self) -> str:
        """``tanggal 21-11-2026``, ``21-11-2026 s.d. 23-11-2026``, ``sejak …``, ``sampai …`` or the whole event,
        in the screen language (Bahasa inside ``untranslated()``, as the documents are written)."""
        start, end = self.date_from, self.date_to
        if start and end:
            if start == end:
                return translate("relief", "tanggal {day}").format(day=dmy(start))
            return translate("relief", "{start} s.d. {end}").format(start=dmy(start), end=dmy(end))
        if start:
            return translate("relief", "sejak {day}").format(day=dmy(start))
        if end:
            return translate("relief", "sampai {day}").format(day=dmy(end))
        return translate("relief", "sejak awal kejadian")


@dataclass(frozen=True)
class EventReportData:
    event: EventHeader
    families: int
    people: int
    kpm_families: int
    displaced: int
    injured: int
    injured_serious: int
    deceased: int
    flagged: int
    """Families or people registered without a document (for follow-up)."""
    damage: tuple[CountLine, ...]
    needs: tuple[CountLine, ...]
    items: tuple[ItemLine, ...]
    cash: tuple[CashLine, ...]
    cash_total: int
    distributions: int
    confirmed: int
    photos: tuple[AttachmentView, ...]
    scans: tuple[AttachmentView, ...]
    made_on: date


# --- BNBA --------------------------------------------------------------------------------------------


def bnba(session: Session, event_id: str, kelurahan_code: str | None = None) -> BnbaData:
    """The event's victims by name and address, ordered by kelurahan, RT, RW, family head and
    relationship; optionally only the families of one kelurahan. Its texts are Bahasa whatever the screen
    language (``NotFoundError``/``ValidationError`` for an unknown event or kelurahan are not)."""
    live_event(session, event_id)
    if kelurahan_code and kelurahan_code not in names_of(session, {kelurahan_code}):
        message = translate("relief", "Kelurahan '{code}' tidak dikenal").format(code=kelurahan_code)
        raise ValidationError(FieldError("kelurahan", message))
    with untranslated():
        return _bnba(session, event_id, kelurahan_code)


def _bnba(session: Session, event_id: str, kelurahan_code: str | None) -> BnbaData:
    header = event_header(session, event_id)
    query = (
        select(VICTIM_COLUMNS, FAMILY_COLUMNS, Household.status)
        .join(AffectedFamily, AffectedFamily.id == Victim.family_id)
        .outerjoin(Household, Household.id == AffectedFamily.household_id)
        .where(Victim.event_id == event_id, Victim.deleted.is_(False), AffectedFamily.deleted.is_(False))
    )
    if kelurahan_code:
        query = query.where(AffectedFamily.kelurahan_code == kelurahan_code)
    rows = session.execute(query).all()
    names = names_of(session, {f.kelurahan_code for _, f, _ in rows} | ({kelurahan_code} if kelurahan_code else set()))
    if kelurahan_code and kelurahan_code not in names:
        raise ValidationError(FieldError("kelurahan", f"Kelurahan '{kelurahan_code}' tidak dikenal"))
    aid = aid_lines(session, event_id)
    on = header.occurred_at.date()

    def order(row: Row) -> tuple:
        v, f, _ = row
        return (
            names.get(f.kelurahan_code, f.kelurahan_code),
            sort_number(f.rt),
            sort_number(f.rw),
            f.head_name.casefold(),
            f.id,
            RELATION_RANK.get(v.relation, len(RELATION_RANK)),
            v.birth_date or date.max,
            v.name.casefold(),
            v.id,
        )

    rows.sort(key=order)
    out: list[BnbaRow] = []
    seen: set[str] = set()
    kpm: set[str] = set()
    for no, (v, f, household_status) in enumerate(rows, start=1):
        first = f.id not in seen
        seen.add(f.id)
        is_kpm = household_status == HouseholdStatus.ACTIVE
        if is_kpm:
            kpm.add(f.id)
        condition = []
        if v.displaced:
            condition.append("mengungsi")
        if v.injury != InjuryLevel.NONE:
            condition.append(label(InjuryLevel, v.injury).lower())
        if v.deceased:
            condition.append("meninggal")
        received = [line.text for line in aid.get(v.id, [])]
        if first:
            received += [line.text + " (keluarga)" for line in aid.get(f.id, [])]
        out.append(
            BnbaRow(
                no=no,
                family_id=f.id,
                victim_id=v.id,
                nik=v.nik or missing_number(v.no_document_reason),
                name=v.name,
                sex=v.sex,
                age=age_on(v.birth_date, on),
                relation=label(Relationship, v.relation),
                no_kk=f.no_kk or missing_number(f.no_document_reason),
                address=f.address or "",
                rt_rw=rt_rw_text(f.rt, f.rw, short=True),
                kelurahan=names.get(f.kelurahan_code, f.kelurahan_code),
                is_kpm=is_kpm,
                damage=label(DamageLevel, f.damage),
                displaced=v.displaced,
                injury=v.injury,
                deceased=v.deceased,
                condition=", ".join(condition) or "-",
                aid="; ".join(received) or "-",
                first_of_family=first,
            )
        )
    return BnbaData(
        event=header,
        kelurahan_code=kelurahan_code,
        kelurahan_name=names.get(kelurahan_code) if kelurahan_code else None,
        rows=tuple(out),
        families=len(seen),
        people=len(out),
        kpm_families=len(kpm),
        displaced=sum(r.displaced for r in out),
        injured=sum(r.injury != InjuryLevel.NONE for r in out),
        deceased=sum(r.deceased for r in out),
        made_on=date.today(),
    )


# --- berita acara ------------------------------------------------------------------------------------


def berita_acara(
    session: Session, event_id: str, date_from: date | None = None, date_to: date | None = None
) -> BeritaAcaraData:
    """The hand-over record of the event's distributions made from ``date_from`` to ``date_to``
    (inclusive; open ends allowed). Its texts are Bahasa whatever the screen language."""
    if date_from and date_to and date_from > date_to:
        raise ValidationError(FieldError("date_from", translate("relief", "Tanggal awal sesudah tanggal akhir")))
    live_event(session, event_id)
    with untranslated():
        return _berita_acara(session, event_id, date_from, date_to)


def _berita_acara(session: Session, event_id: str, date_from: date | None, date_to: date | None) -> BeritaAcaraData:
    header = event_header(session, event_id)
    query = (
        select(Distribution, EventEntitlement, ReliefItem.unit, AffectedFamily, Victim)
        .join(EventEntitlement, EventEntitlement.id == Distribution.event_entitlement_id)
        .join(AffectedFamily, AffectedFamily.id == Distribution.family_id)
        .outerjoin(Victim, Victim.id == Distribution.victim_id)
        .outerjoin(ReliefItem, ReliefItem.id == func.coalesce(Distribution.item_id, EventEntitlement.item_id))
        .where(Distribution.event_id == event_id, Distribution.deleted.is_(False))
    )
    if date_from:
        query = query.where(Distribution.distributed_on >= date_from)
    if date_to:
        query = query.where(Distribution.distributed_on <= date_to)
    found = session.execute(query).all()
    kelurahan = names_of(session, {f.kelurahan_code for *_, f, _ in found})

    def order(row: tuple) -> tuple:
        d, e, _, f, v = row
        beneficiary = v.name if v is not None else f.head_name
        return (
            d.distributed_on,
            kelurahan.get(f.kelurahan_code, ""),
            f.head_name.casefold(),
            f.id,
            beneficiary.casefold(),
            e.name,
            d.id,
        )

    found.sort(key=order)
    lines = []
    totals: dict[str, list] = {}
    for no, (d, e, unit, f, v) in enumerate(found, start=1):
        lines.append(
            HandOverLine(
                no=no,
                distribution_id=d.id,
                distributed_on=d.distributed_on,
                beneficiary=v.name if v is not None else f.head_name,
                nik=(v.nik or missing_number(v.no_document_reason)) if v is not None else "",
                no_kk=f.no_kk or missing_number(f.no_document_reason),
                kelurahan=kelurahan.get(f.kelurahan_code, f.kelurahan_code),
                rt_rw=rt_rw_text(f.rt, f.rw, short=True),
                entitlement=e.name,
                kind=e.kind,
                quantity=d.quantity,
                unit=unit or "",
                amount=d.amount,
                recipient_name=d.recipient_name,
                recipient_nik=d.recipient_nik or "",
                recipient_relation=d.recipient_relation or "",
                confirmed=bool(d.confirmed),
                officer=d.officer,
            )
        )
        total = totals.setdefault(e.code, [e.name, e.kind, unit or "", 0, 0, 0])
        total[3] += d.quantity or 0
        total[4] += d.amount or 0
        total[5] += 1
    signed_on = date_to or max((line.distributed_on for line in lines), default=None) or date.today()
    attachments = attachments_of_many(session, AttachmentOwner.DISTRIBUTION, [line.distribution_id for line in lines])
    return BeritaAcaraData(
        event=header,
        number=f"BA/{header.code}/{signed_on:%Y%m%d}",
        place=header.kecamatan_name,
        signed_on=signed_on,
        date_from=date_from,
        date_to=date_to,
        officers=tuple(sorted({line.officer for line in lines if line.officer})),
        totals=tuple(
            EntitlementTotal(code, name, kind, unit, quantity, amount, recipients)
            for code, (name, kind, unit, quantity, amount, recipients) in sorted(
                totals.items(), key=lambda item: (item[1][1] != "barang", item[1][0])
            )
        ),
        lines=tuple(lines),
        confirmed=sum(line.confirmed for line in lines),
        attachments=len(attachments),
    )


# --- event report ------------------------------------------------------------------------------------


def event_report(session: Session, event_id: str) -> EventReportData:
    """The event's numbers (families, people, displaced, injured, deceased, damage, needs), what was
    distributed (goods per item, cash per entitlement) and the photos of the event and its distributions.
    Its texts are Bahasa whatever the screen language."""
    live_event(session, event_id)
    with untranslated():
        return _event_report(session, event_id)


def _event_report(session: Session, event_id: str) -> EventReportData:
    header = event_header(session, event_id)
    families = session.execute(
        select(
            AffectedFamily.id,
            AffectedFamily.damage,
            AffectedFamily.needs,
            AffectedFamily.no_document_reason,
            Household.status,
        )
        .outerjoin(Household, Household.id == AffectedFamily.household_id)
        .where(AffectedFamily.event_id == event_id, AffectedFamily.deleted.is_(False))
    ).all()
    people = session.execute(
        select(Victim.displaced, Victim.injury, Victim.deceased, Victim.no_document_reason)
        .join(AffectedFamily, AffectedFamily.id == Victim.family_id)
        .where(Victim.event_id == event_id, Victim.deleted.is_(False), AffectedFamily.deleted.is_(False))
    ).all()
    damage = Counter(f.damage for f in families)
    given = session.execute(
        select(
            EventEntitlement.code,
            EventEntitlement.name,
            EventEntitlement.kind,
            ReliefItem.name,
            ReliefItem.unit,
            Distribution.quantity,
            Distribution.amount,
            Distribution.confirmed,
            Distribution.id,
        )
        .join(EventEntitlement, EventEntitlement.id == Distribution.event_entitlement_id)
        .outerjoin(ReliefItem, ReliefItem.id == func.coalesce(Distribution.item_id, EventEntitlement.item_id))
        .where(Distribution.event_id == event_id, Distribution.deleted.is_(False))
    ).all()
    items: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    cash: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _code, name, kind, item_name, unit, quantity, amount, _confirmed, _id in given:
        if kind == "uang":
            cash[name][0] += amount or 0
            cash[name][1] += 1
        else:
            line = items[(item_name or name, unit or "")]
            line[0] += quantity or 0
            line[1] += 1
    files = attachments_of(session, AttachmentOwner.EVENT, event_id) + attachments_of_many(
        session, AttachmentOwner.DISTRIBUTION, [row.id for row in given]
    )
    return EventReportData(
        event=header,
        families=len(families),
        people=len(people),
        kpm_families=sum(f.status == HouseholdStatus.ACTIVE for f in families),
        displaced=sum(bool(p.displaced) for p in people),
        injured=sum(p.injury != InjuryLevel.NONE for p in people),
        injured_serious=sum(p.injury == InjuryLevel.SERIOUS for p in people),
        deceased=sum(bool(p.deceased) for p in people),
        flagged=sum(bool(f.no_document_reason) for f in families) + sum(bool(p.no_document_reason) for p in people),
        damage=tuple(CountLine(level.label, damage.get(level.value, 0)) for level in DamageLevel),
        needs=needs_summary(f.needs for f in families),
        items=tuple(ItemLine(n, u, q, r) for (n, u), (q, r) in sorted(items.items())),
        cash=tuple(CashLine(n, a, r) for n, (a, r) in sorted(cash.items())),
        cash_total=sum(a for a, _ in cash.values()),
        distributions=len(given),
        confirmed=sum(bool(row.confirmed) for row in given),
        photos=tuple(f for f in files if f.is_image),
        scans=tuple(f for f in files if not f.is_image),
        made_on=date.today(),
    )
