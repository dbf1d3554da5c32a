"""What an event promises and to whom: entitlements applied to an event, who is eligible for them and
the lines due to a family (the distribution key and views are in ``relief_distribution_views``).
``relief_distribution`` re-exports the public names and records distributions against these lines.

Eligibility by basis (a family must also have at least the entitlement's ``min_damage``, by
``DAMAGE_ORDER``):
- ``per_keluarga``: the family (no person);
- ``per_jiwa`` / ``per_jiwa_per_hari``: each living victim, only displaced ones when ``only_displaced``;
  per day = amount × days;
- ``per_meninggal``: each deceased victim (handed to the heir);
- ``per_luka_berat``: each living victim whose injury is ``berat``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, NotFoundError, ValidationError
from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import (
    AffectedFamily,
    DisasterEvent,
    Distribution,
    EventEntitlement,
    ReliefItem,
    Victim,
)
from simoncer_desktop.models.enums import DAMAGE_ORDER, DamageLevel, EntitlementBasis, EventStatus, InjuryLevel
from simoncer_desktop.services import acting
from simoncer_desktop.services.relief_distribution_views import (
    DistributionView,
    beneficiary_key,
    distribution_views,
    earlier_distribution,
)
from simoncer_desktop.services.relief_reference import EntitlementView, entitlement_in_force, list_entitlements
from simoncer_desktop.translation import translate

PER_FAMILY = EntitlementBasis.PER_FAMILY.value
PER_PERSON = EntitlementBasis.PER_PERSON.value
PER_PERSON_DAY = EntitlementBasis.PER_PERSON_DAY.value
PER_DECEASED = EntitlementBasis.PER_DECEASED.value
PER_SERIOUS_INJURY = EntitlementBasis.PER_SERIOUS_INJURY.value
MAX_DAYS = 365


@dataclass(frozen=True)
class EventEntitlementView:
    id: str
    code: str
    name: str
    kind: str
    basis: str
    amount: int
    item_id: str | None
    item_name: str
    unit: str
    days: int
    min_damage: str
    only_displaced: bool
    distributions: int = 0
    """Live distributions recorded against it."""

    @property
    def per_beneficiary(self) -> int:
        """Amount (rupiah) or quantity due to one beneficiary: × days for a per-day basis."""
        return self.amount * (self.days if self.basis == PER_PERSON_DAY else 1)


@dataclass(frozen=True)
class DueLine:
    """What a family (or one of its people) is entitled to, and the distribution if already made."""

    event_entitlement: EventEntitlementView
    family_id: str
    victim_id: str | None
    beneficiary_name: str
    beneficiary_key: str
    quantity: int | None
    amount: int | None
    distribution: DistributionView | None
    recipient_name: str = ""
    """Default recipient: the person, the family head, or the heir of a deceased victim."""
    recipient_nik: str | None = None
    recipient_relation: str = "sendiri"


def get_event(session: Session, event_id: str) -> DisasterEvent:
    event = session.get(DisasterEvent, event_id) if event_id else None
    if event is None or event.deleted:
        raise NotFoundError(translate("relief", "Kejadian {event} tidak ditemukan").format(event=event_id))
    return event


def require_open(event: DisasterEvent, field: str = "event_id") -> None:
    if event.status != EventStatus.OPEN.value:
        message = translate("relief", "Kejadian sudah ditutup ({title})").format(title=event.title)
        raise ValidationError([FieldError(field, message)])


# --- entitlements applied to an event ------------------------------------------------------------------


def _distribution_count(session: Session, event_entitlement_id: str) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Distribution)
            .where(Distribution.event_entitlement_id == event_entitlement_id, Distribution.deleted.is_(False))
        )
        or 0
    )


def apply_entitlement(session: Session, event_id: str, code: str, days: int = 1) -> str:
    """Apply the index in force on the event's date to the event (``days`` for a per-day basis).

    Applying again before anything was distributed refreshes the value and the days; once distributed
    it is refused (what was promised and handed out stays as it was)."""
    event = get_event(session, event_id)
    acting.require(session, "relief.event_entitlement", kecamatan=event.scope)
    require_open(event)
    on = event.occurred_at.date()
    index = entitlement_in_force(session, code, on)
    if index is None:
        message = translate("relief", "Indeks bantuan '{code}' belum berlaku pada {day:%d-%m-%Y}")
        raise ValidationError([FieldError("code", message.format(code=code, day=on))])
    if index.basis == PER_PERSON_DAY:
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
            message = translate("relief", "Jumlah hari: harus 1–{most} (tertulis {days})")
            raise ValidationError([FieldError("days", message.format(most=MAX_DAYS, days=days))])
    else:
        days = 1
    row_id = stable_id("event_entitlement", event.id, code)
    row = session.scalar(
        select(EventEntitlement).where(EventEntitlement.event_id == event.id, EventEntitlement.code == code)
    )
    if row is not None and not row.deleted:
        count = _distribution_count(session, row.id)
        if count:
            message = translate("relief", "{name} sudah disalurkan kepada {count} penerima; nilainya tidak bisa diubah")
            raise ValidationError([FieldError("code", message.format(name=row.name, count=count))])
    if row is None:
        row = EventEntitlement(id=row_id, event_id=event.id, code=code)
        session.add(row)
    row.scope = event.kecamatan_code
    row.entitlement_id, row.name, row.kind, row.basis = index.id, index.name, index.kind, index.basis
    row.amount, row.item_id, row.min_damage = index.amount, index.item_id, index.min_damage
    row.only_displaced, row.days, row.deleted = index.only_displaced, days, False
    session.flush()
    return row.id


def remove_entitlement(session: Session, event_id: str, code: str) -> None:
    """Take an entitlement off an event; refused once anything was distributed against it."""
    event = get_event(session, event_id)
    acting.require(session, "relief.event_entitlement", kecamatan=event.scope)
    require_open(event)
    row = session.scalar(
        select(EventEntitlement).where(
            EventEntitlement.event_id == event.id, EventEntitlement.code == code, EventEntitlement.deleted.is_(False)
        )
    )
    if row is None:
        message = translate("relief", "Hak bantuan '{code}' tidak diterapkan pada kejadian ini")
        raise ValidationError([FieldError("code", message.format(code=code))])
    count = _distribution_count(session, row.id)
    if count:
        message = translate("relief", "{name} sudah disalurkan kepada {count} penerima; tidak bisa dihapus")
        raise ValidationError([FieldError("code", message.format(name=row.name, count=count))])
    row.deleted = True


def event_entitlement_view(session: Session, row: EventEntitlement, count: int | None = None) -> EventEntitlementView:
    item = session.get(ReliefItem, row.item_id) if row.item_id else None
    return EventEntitlementView(
        id=row.id,
        code=row.code,
        name=row.name,
        kind=row.kind,
        basis=row.basis,
        amount=row.amount,
        item_id=row.item_id,
        item_name=item.name if item else "",
        unit=item.unit if item else "",
        days=row.days,
        min_damage=row.min_damage,
        only_displaced=row.only_displaced,
        distributions=_distribution_count(session, row.id) if count is None else count,
    )


def event_entitlements(session: Session, event_id: str) -> list[EventEntitlementView]:
    """Live entitlements of an event: cash first, then goods, by name."""
    rows = session.scalars(
        select(EventEntitlement).where(EventEntitlement.event_id == event_id, EventEntitlement.deleted.is_(False))
    )
    counts = dict(
        session.execute(
            select(Distribution.event_entitlement_id, func.count())
            .where(Distribution.event_id == event_id, Distribution.deleted.is_(False))
            .group_by(Distribution.event_entitlement_id)
        ).all()
    )
    ordered = sorted(rows, key=lambda r: (r.kind != "uang", r.name.lower()))
    return [event_entitlement_view(session, row, counts.get(row.id, 0)) for row in ordered]


# --- eligibility ----------------------------------------------------------------------------------


def _damage_label(code: str) -> str:
    return DamageLevel(code).label.lower() if code in DAMAGE_ORDER else code


def refusal(
    ee: EventEntitlement | EventEntitlementView, family: AffectedFamily, victim: Victim | None
) -> FieldError | None:
    """Why this family/person is not entitled, or None when they are."""
    if ee.basis == PER_FAMILY:
        if victim is not None:
            message = translate("relief", "{name} dihitung per keluarga, bukan per orang")
            return FieldError("victim_id", message.format(name=ee.name))
    elif victim is None:
        return FieldError(
            "victim_id", translate("relief", "{name} dihitung per orang: pilih korbannya").format(name=ee.name)
        )
    if DAMAGE_ORDER.get(family.damage, 0) < DAMAGE_ORDER.get(ee.min_damage, 0):
        message = translate(
            "relief", "Keluarga {head}: rumah {damage}; {name} hanya untuk kerusakan minimal {min_damage}"
        )
        return FieldError(
            "family_id",
            message.format(
                head=family.head_name,
                damage=_damage_label(family.damage),
                name=ee.name,
                min_damage=_damage_label(ee.min_damage),
            ),
        )
    if victim is None:
        return None
    who = victim.name
    if ee.basis in (PER_PERSON, PER_PERSON_DAY):
        if victim.deceased:
            message = translate("relief", "{who} meninggal; {name} untuk korban yang masih hidup")
            return FieldError("victim_id", message.format(who=who, name=ee.name))
        if ee.only_displaced and not victim.displaced:
            message = translate("relief", "{who} tidak mengungsi; {name} hanya untuk pengungsi")
            return FieldError("victim_id", message.format(who=who, name=ee.name))
    elif ee.basis == PER_DECEASED:
        if not victim.deceased:
            message = translate("relief", "{who} tidak tercatat meninggal; {name} hanya untuk korban meninggal")
            return FieldError("victim_id", message.format(who=who, name=ee.name))
    elif ee.basis == PER_SERIOUS_INJURY:
        if victim.deceased or victim.injury != InjuryLevel.SERIOUS.value:
            message = translate("relief", "{who} tidak tercatat luka berat; {name} hanya untuk korban luka berat")
            return FieldError("victim_id", message.format(who=who, name=ee.name))
    else:
        message = translate("relief", "{name}: dasar perhitungan '{basis}' tidak dikenal")
        return FieldError("event_entitlement_id", message.format(name=ee.name, basis=ee.basis))
    return None


def entitled(ee: EventEntitlement | EventEntitlementView) -> tuple[int | None, int | None]:
    """(quantity, amount) due to one beneficiary: quantity for goods, amount for cash."""
    value = ee.amount * (ee.days if ee.basis == PER_PERSON_DAY else 1)
    return (None, value) if ee.kind == "uang" else (value, None)


def default_recipient(ee_basis: str, family: AffectedFamily, victim: Victim | None) -> tuple[str, str | None, str]:
    """(name, NIK, relation) of who normally receives: the heir for a deceased victim."""
    if victim is None:
        return family.head_name, None, "kepala keluarga"
    if ee_basis == PER_DECEASED:
        return victim.heir_name, victim.heir_nik, victim.heir_relation or "ahli waris"
    return victim.name, victim.nik, "sendiri"


def due_for_family(session: Session, family_id: str) -> list[DueLine]:
    """Every entitlement of the family's event the family or one of its people is eligible for, with
    the distribution already made (if any); family lines first, then per person."""
    family = session.get(AffectedFamily, family_id) if family_id else None
    if family is None or family.deleted:
        raise NotFoundError(translate("relief", "Keluarga {family} tidak ditemukan").format(family=family_id))
    victims = list(
        session.scalars(
            select(Victim)
            .where(Victim.family_id == family.id, Victim.deleted.is_(False))
            .order_by(Victim.created_at, Victim.id)
        )
    )
    rows = {
        r.id: r for r in session.scalars(select(EventEntitlement).where(EventEntitlement.event_id == family.event_id))
    }
    done = {
        (d.event_entitlement_id, d.victim_id): d
        for d in distribution_views(session, Distribution.family_id == family.id)
    }
    lines: list[DueLine] = []
    for view in event_entitlements(session, family.event_id):
        row = rows[view.id]
        people: list[Victim | None] = [None] if view.basis == PER_FAMILY else list(victims)
        for victim in people:
            if refusal(view, family, victim) is not None:
                continue
            earlier = done.get((view.id, victim.id if victim else None))
            if earlier is None:
                earlier = earlier_distribution(session, row, family, victim)
            quantity, amount = entitled(view)
            name, nik, relation = default_recipient(view.basis, family, victim)
            lines.append(
                DueLine(
                    event_entitlement=view,
                    family_id=family.id,
                    victim_id=victim.id if victim else None,
                    beneficiary_name=victim.name if victim else family.head_name,
                    beneficiary_key=beneficiary_key(victim, family),
                    quantity=quantity,
                    amount=amount,
                    distribution=earlier,
                    recipient_name=name,
                    recipient_nik=nik,
                    recipient_relation=relation,
                )
            )
    lines.sort(key=lambda line: line.victim_id is not None)
    return lines


@dataclass(frozen=True)
class EntitlementChoices:
    """For the event's entitlement editor: what is applied and what could be (indexes in force on the
    event's date that are not applied yet)."""

    event_title: str
    event_day: date
    is_open: bool
    applied: list[EventEntitlementView]
    available: list[EntitlementView]


def entitlement_choices(session: Session, event_id: str) -> EntitlementChoices:
    event = get_event(session, event_id)
    on = event.occurred_at.date()
    applied = event_entitlements(session, event.id)
    codes = {e.code for e in applied}
    available = [e for e in list_entitlements(session, on) if e.code not in codes]
    return EntitlementChoices(event.title, on, event.status == EventStatus.OPEN.value, applied, available)
