"""The Wali Kota recap's disaster figures: per area (events of the period by the event's kecamatan;
affected families, victims and aid by the family's kelurahan), the events of the period with their
totals (the numbers of the *Bencana* page, ``relief_events.list_events``), and the stock left per item
(the stock card's totals). Definitions are in ``services.recap``; this module only counts."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from simoncer_desktop.models import AffectedFamily, DisasterEvent, Distribution, ReliefItem, StockMovement, Victim
from simoncer_desktop.models.enums import DamageLevel, EventStatus, StockMovementKind
from simoncer_desktop.services.recap_counts import AreaCounts, prefix_range
from simoncer_desktop.services.recap_model import EventFigures, ItemQuantity, StockLeft
from simoncer_desktop.services.relief_events import list_events

RECEIPT = StockMovementKind.RECEIPT.value
ISSUE = StockMovementKind.DISTRIBUTION.value
DAMAGE_ORDER: tuple[str, ...] = tuple(d.value for d in DamageLevel)


def occurred_in(first: date, last: date) -> ColumnElement[bool]:
    """``DisasterEvent.occurred_at`` (a local date and time) falls on a day from ``first`` to ``last``."""
    start = datetime.combine(first, time.min)
    end = datetime.combine(last + timedelta(days=1), time.min)
    return (DisasterEvent.occurred_at >= start) & (DisasterEvent.occurred_at < end)


def relief_by_area(
    session: Session, first: date, last: date, kecamatan: str | None
) -> tuple[dict[str, AreaCounts], dict[str, int]]:
    """(per kelurahan: affected families and victims of the period's events, cash and goods handed over
    in the period; per kecamatan: events of the period). Four grouped queries."""
    live_event = (DisasterEvent.deleted.is_(False), occurred_in(first, last))
    areas: dict[str, AreaCounts] = defaultdict(AreaCounts)

    def in_area(column: ColumnElement[str]) -> tuple[ColumnElement[bool], ...]:
        return (prefix_range(column, kecamatan),) if kecamatan else ()

    families = (
        select(AffectedFamily.kelurahan_code, func.count())
        .join(DisasterEvent, DisasterEvent.id == AffectedFamily.event_id)
        .where(AffectedFamily.deleted.is_(False), *live_event, *in_area(AffectedFamily.kelurahan_code))
        .group_by(AffectedFamily.kelurahan_code)
    )
    for kelurahan, n in session.execute(families):
        areas[kelurahan].affected_families += n
    victims = (
        select(AffectedFamily.kelurahan_code, func.count())
        .select_from(Victim)
        .join(AffectedFamily, AffectedFamily.id == Victim.family_id)
        .join(DisasterEvent, DisasterEvent.id == Victim.event_id)
        .where(Victim.deleted.is_(False), *live_event, *in_area(AffectedFamily.kelurahan_code))
        .group_by(AffectedFamily.kelurahan_code)
    )
    for kelurahan, n in session.execute(victims):
        areas[kelurahan].victims += n
    aid = (
        select(
            AffectedFamily.kelurahan_code,
            func.coalesce(func.sum(Distribution.amount), 0),
            func.sum(case((Distribution.item_id.is_not(None), 1), else_=0)),
        )
        .select_from(Distribution)
        .join(AffectedFamily, AffectedFamily.id == Distribution.family_id)
        .where(
            Distribution.deleted.is_(False),
            Distribution.distributed_on.between(first, last),
            *in_area(AffectedFamily.kelurahan_code),
        )
        .group_by(AffectedFamily.kelurahan_code)
    )
    for kelurahan, cash, goods in session.execute(aid):
        areas[kelurahan].cash_distributed += int(cash or 0)
        areas[kelurahan].goods_distributed += int(goods or 0)
    events = (
        select(DisasterEvent.kecamatan_code, func.count()).where(*live_event).group_by(DisasterEvent.kecamatan_code)
    )
    if kecamatan:
        events = events.where(DisasterEvent.kecamatan_code == kecamatan)
    per_kecamatan = {code: int(n) for code, n in session.execute(events)}
    return dict(areas), per_kecamatan


def event_figures(session: Session, first: date, last: date, kecamatan: str | None) -> list[EventFigures]:
    """The live events that happened in the period (in ``kecamatan`` if given), oldest first, with the
    numbers of the *Bencana* page and, over all dates, damage per level, goods per item and cash."""
    start = datetime.combine(first, time.min)
    end = datetime.combine(last + timedelta(days=1), time.min)
    rows = [
        r
        for r in reversed(list_events(session))  # newest first there
        if start <= r.occurred_at < end and (not kecamatan or r.kecamatan_code == kecamatan)
    ]
    if not rows:
        return []
    ids = [r.id for r in rows]
    damage: dict[str, dict[str, int]] = defaultdict(dict)
    for event_id, level, n in session.execute(
        select(AffectedFamily.event_id, AffectedFamily.damage, func.count())
        .where(AffectedFamily.event_id.in_(ids), AffectedFamily.deleted.is_(False))
        .group_by(AffectedFamily.event_id, AffectedFamily.damage)
    ):
        damage[event_id][level] = int(n)
    goods: dict[str, list[ItemQuantity]] = defaultdict(list)
    for event_id, name, unit, quantity in session.execute(
        select(StockMovement.event_id, ReliefItem.name, ReliefItem.unit, func.sum(StockMovement.quantity))
        .join(ReliefItem, ReliefItem.id == StockMovement.item_id)
        .where(StockMovement.event_id.in_(ids), StockMovement.kind == ISSUE, StockMovement.deleted.is_(False))
        .group_by(StockMovement.event_id, ReliefItem.id, ReliefItem.name, ReliefItem.unit)
        .order_by(StockMovement.event_id, ReliefItem.name)
    ):
        goods[event_id].append(ItemQuantity(name, unit, int(quantity)))
    cash = {
        event_id: int(total or 0)
        for event_id, total in session.execute(
            select(Distribution.event_id, func.sum(Distribution.amount))
            .where(Distribution.event_id.in_(ids), Distribution.deleted.is_(False))
            .group_by(Distribution.event_id)
        )
    }
    return [
        EventFigures(
            id=r.id,
            code=r.code,
            title=r.title,
            kind_label=r.kind_label,
            kind=r.kind,
            status=r.status,
            occurred_at=r.occurred_at,
            kecamatan=r.kecamatan_name,
            status_label=EventStatus(r.status).label,
            families=r.families,
            victims=r.people,
            damage={level: damage[r.id].get(level, 0) for level in DAMAGE_ORDER},
            displaced=r.displaced,
            injured=r.injured,
            deceased=r.deceased,
            goods=tuple(goods.get(r.id, ())),
            cash=cash.get(r.id, 0),
        )
        for r in rows
    ]


def stock_left(session: Session) -> list[StockLeft]:
    """Every live item that ever moved, by name: received, distributed and the balance now (the totals of
    its stock card; the whole deployment's stock, whatever the kecamatan filter)."""
    received = func.sum(case((StockMovement.kind == RECEIPT, StockMovement.quantity), else_=0))
    issued = func.sum(case((StockMovement.kind == ISSUE, StockMovement.quantity), else_=0))
    rows = session.execute(
        select(ReliefItem.name, ReliefItem.unit, received, issued)
        .join(StockMovement, StockMovement.item_id == ReliefItem.id)
        .where(ReliefItem.deleted.is_(False), StockMovement.deleted.is_(False))
        .group_by(ReliefItem.id, ReliefItem.name, ReliefItem.unit)
        .order_by(ReliefItem.name, ReliefItem.id)
    )
    return [StockLeft(name, unit, int(r or 0), int(d or 0), int(r or 0) - int(d or 0)) for name, unit, r, d in rows]
