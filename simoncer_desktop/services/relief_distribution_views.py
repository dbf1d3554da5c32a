"""Distributions already made: the deterministic key of a distribution, the view of one, and the
look-up of an earlier distribution of the same entitlement to the same beneficiary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, aliased

from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import AffectedFamily, Distribution, EventEntitlement, ReliefItem, Victim


def distribution_id(event_id: str, beneficiary_key: str, entitlement_code: str) -> str:
    """The same aid to the same beneficiary in the same event is one key on every device."""
    return stable_id("distribution", event_id, beneficiary_key, entitlement_code)


def beneficiary_key(victim: Victim | None, family: AffectedFamily) -> str:
    """``nik:…`` / ``victim:<id>`` for a person, ``kk:…`` / ``family:<id>`` for a family."""
    if victim is not None:
        return f"nik:{victim.nik}" if victim.nik else f"victim:{victim.id}"
    return f"kk:{family.no_kk}" if family.no_kk else f"family:{family.id}"


@dataclass(frozen=True)
class DistributionView:
    id: str
    event_id: str
    family_id: str
    victim_id: str | None
    beneficiary_name: str
    entitlement_code: str
    entitlement_name: str
    kind: str
    item_name: str
    unit: str
    quantity: int | None
    amount: int | None
    distributed_on: date
    officer: str
    recipient_name: str
    recipient_nik: str | None
    recipient_relation: str
    confirmed: bool
    note: str
    beneficiary_key: str = ""
    family_head_name: str = ""
    event_entitlement_id: str = ""


# --- distributions already made -----------------------------------------------------------------------

_Victim = aliased(Victim)


def _view_query() -> Select:
    return (
        select(
            Distribution,
            EventEntitlement.code,
            EventEntitlement.name,
            EventEntitlement.kind,
            ReliefItem.name,
            ReliefItem.unit,
            AffectedFamily.head_name,
            _Victim.name,
        )
        .join(EventEntitlement, EventEntitlement.id == Distribution.event_entitlement_id)
        .join(AffectedFamily, AffectedFamily.id == Distribution.family_id)
        .outerjoin(_Victim, _Victim.id == Distribution.victim_id)
        .outerjoin(ReliefItem, ReliefItem.id == Distribution.item_id)
        .where(Distribution.deleted.is_(False))
    )


def _to_view(row: tuple) -> DistributionView:  # type: ignore[type-arg]
    d, code, name, kind, item_name, unit, head_name, victim_name = row
    return DistributionView(
        id=d.id,
        event_id=d.event_id,
        family_id=d.family_id,
        victim_id=d.victim_id,
        beneficiary_name=victim_name or head_name,
        entitlement_code=code,
        entitlement_name=name,
        kind=kind,
        item_name=item_name or "",
        unit=unit or "",
        quantity=d.quantity,
        amount=d.amount,
        distributed_on=d.distributed_on,
        officer=d.officer,
        recipient_name=d.recipient_name,
        recipient_nik=d.recipient_nik,
        recipient_relation=d.recipient_relation,
        confirmed=d.confirmed,
        note=d.note,
        beneficiary_key=d.beneficiary_key,
        family_head_name=head_name,
        event_entitlement_id=d.event_entitlement_id,
    )


def distribution_views(session: Session, *where: object) -> list[DistributionView]:
    query = _view_query().where(*where).order_by(Distribution.distributed_on, Distribution.created_at)  # type: ignore[arg-type]
    return [_to_view(tuple(row)) for row in session.execute(query)]


def earlier_distribution(
    session: Session, ee: EventEntitlement, family: AffectedFamily, victim: Victim | None
) -> DistributionView | None:
    """The live distribution already made for this entitlement to this beneficiary: by the deterministic
    id, or by the person/family itself (in case its NIK or No. KK was filled in since)."""
    key_id = distribution_id(ee.event_id, beneficiary_key(victim, family), ee.code)
    same_person = (
        Distribution.victim_id == victim.id
        if victim is not None
        else (Distribution.family_id == family.id) & Distribution.victim_id.is_(None)
    )
    found = distribution_views(
        session, or_(Distribution.id == key_id, (Distribution.event_entitlement_id == ee.id) & same_person)
    )
    return found[0] if found else None
