"""Stock of relief items: receipts (from the ministry, province, city budget, donors), the balance,
the stock card of an item and what was issued per event.

Every movement is a ``StockMovement`` with a positive quantity; ``kind`` gives the direction
(``masuk`` receipt, ``salur`` distribution — written by ``relief_distribution.distribute`` in the same
transaction as the distribution). On a day, receipts count before distributions, so the stock card's
running balance never goes below zero as long as no distribution takes more than ``available_on``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import GLOBAL_SCOPE, DisasterEvent, Distribution, ReliefItem, StockMovement
from simoncer_desktop.models.enums import StockMovementKind, StockSource
from simoncer_desktop.services import acting
from simoncer_desktop.services.reference import kecamatan_codes
from simoncer_desktop.services.relief_reference import ItemView, get_item, item_balances, item_view
from simoncer_desktop.translation import translate

RECEIPT = StockMovementKind.RECEIPT.value
ISSUE = StockMovementKind.DISTRIBUTION.value


@dataclass
class ReceiptInput:
    item_id: str | None
    quantity: int | None
    received_on: date | None
    source: str
    """``StockSource`` code."""
    document_no: str = ""
    note: str = ""
    scope: str | None = None
    """The kecamatan whose warehouse received it; ``None`` = the whole deployment (``GLOBAL_SCOPE``)."""


@dataclass(frozen=True)
class StockLine:
    moved_on: date
    kind: str
    quantity: int
    source: str | None
    document_no: str
    event_title: str
    recipient: str
    balance_after: int
    id: str = ""
    event_id: str | None = None
    note: str = ""


@dataclass(frozen=True)
class StockCard:
    item: ItemView
    lines: list[StockLine]
    received: int
    distributed: int
    balance: int


def receive_stock(session: Session, data: ReceiptInput, actor: str) -> str:
    """Record goods received; returns the movement's id."""
    # A receipt into one kecamatan's store needs that kecamatan; into the deployment-wide stock, the role.
    acting.require(session, "relief.stock", kecamatan=(data.scope or "").strip() or None)
    errors: list[FieldError] = []
    item: ReliefItem | None = None
    try:
        item = get_item(session, data.item_id)
    except ValidationError as exc:
        errors += exc.errors
    quantity = data.quantity
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        if item:
            message = translate("relief", "Jumlah ({unit}): harus bilangan bulat lebih dari 0 (tertulis {given})")
        else:
            message = translate("relief", "Jumlah: harus bilangan bulat lebih dari 0 (tertulis {given})")
        errors.append(FieldError("quantity", message.format(unit=item.unit if item else "", given=quantity)))
    if data.received_on is None:
        errors.append(FieldError("received_on", translate("relief", "Tanggal terima: wajib diisi")))
    elif data.received_on > date.today():
        message = translate("relief", "Tanggal terima: {day:%d-%m-%Y} belum terjadi")
        errors.append(FieldError("received_on", message.format(day=data.received_on)))
    sources = {s.value for s in StockSource}
    if data.source not in sources:
        known = ", ".join(s.label for s in StockSource)
        message = translate("relief", "Sumber: '{source}' tidak dikenal (pilih {known})")
        errors.append(FieldError("source", message.format(source=data.source or "", known=known)))
    if len((data.document_no or "").strip()) > 120:
        message = translate("relief", "No. dokumen: terlalu panjang (maksimal 120 huruf)")
        errors.append(FieldError("document_no", message))
    if not (actor or "").strip():
        errors.append(FieldError("actor", translate("relief", "Petugas: wajib diisi")))
    scope = (data.scope or "").strip() or GLOBAL_SCOPE
    if scope != GLOBAL_SCOPE and scope not in kecamatan_codes(session):
        message = translate("relief", "Kecamatan: '{scope}' bukan kode kecamatan yang terdaftar")
        errors.append(FieldError("scope", message.format(scope=scope)))
    if errors:
        raise ValidationError(errors)
    assert item is not None and quantity is not None and data.received_on is not None
    movement = StockMovement(
        id=uuid7(),
        scope=scope,
        item_id=item.id,
        kind=RECEIPT,
        quantity=quantity,
        moved_on=data.received_on,
        source=data.source,
        document_no=(data.document_no or "").strip(),
        note=(data.note or "").strip(),
        recorded_by=actor.strip(),
    )
    session.add(movement)
    session.flush()
    return movement.id


def balance(session: Session, item_id: str) -> int:
    """Receipts minus distributions of one item."""
    return item_balances(session).get(item_id, 0) if item_id else 0


def _daily_net(session: Session, item_id: str) -> list[tuple[date, int]]:
    rows = session.execute(
        select(StockMovement.moved_on, StockMovement.kind, func.sum(StockMovement.quantity))
        .where(StockMovement.item_id == item_id, StockMovement.deleted.is_(False))
        .group_by(StockMovement.moved_on, StockMovement.kind)
    )
    net: dict[date, int] = {}
    for day, kind, total in rows:
        net[day] = net.get(day, 0) + (int(total) if kind == RECEIPT else -int(total))
    return sorted(net.items())


def available_on(session: Session, item_id: str, day: date) -> int:
    """How much of an item can still be issued on ``day`` without any later day of the stock card
    going below zero: the lowest end-of-day balance from ``day`` on (a receipt recorded for a later
    day cannot cover a distribution dated before it)."""
    running = 0
    lowest: int | None = None
    for moved_on, net in _daily_net(session, item_id):
        running += net
        if moved_on < day:
            continue
        if lowest is None:
            # Nothing moved on ``day`` itself: its end-of-day balance is the one before this movement day.
            lowest = running if moved_on == day else running - net
        lowest = min(lowest, running)
    return max(running if lowest is None else lowest, 0)


def stock_card(session: Session, item_id: str) -> StockCard:
    """Every live movement of an item by date (receipts before distributions on a day), with the
    running balance and totals: ``received − distributed == balance``."""
    item = get_item(session, item_id)
    rows = session.execute(
        select(StockMovement, DisasterEvent.title, Distribution.recipient_name)
        .outerjoin(DisasterEvent, DisasterEvent.id == StockMovement.event_id)
        .outerjoin(Distribution, Distribution.id == StockMovement.distribution_id)
        .where(StockMovement.item_id == item.id, StockMovement.deleted.is_(False))
        .order_by(
            StockMovement.moved_on,
            (StockMovement.kind != RECEIPT),
            StockMovement.created_at,
            StockMovement.id,
        )
    )
    lines: list[StockLine] = []
    running = received = distributed = 0
    for movement, event_title, recipient in rows:
        if movement.kind == RECEIPT:
            received += movement.quantity
            running += movement.quantity
        else:
            distributed += movement.quantity
            running -= movement.quantity
        lines.append(
            StockLine(
                moved_on=movement.moved_on,
                kind=movement.kind,
                quantity=movement.quantity,
                source=movement.source,
                document_no=movement.document_no,
                event_title=event_title or "",
                recipient=recipient or "",
                balance_after=running,
                id=movement.id,
                event_id=movement.event_id,
                note=movement.note,
            )
        )
    return StockCard(item_view(session, item, running), lines, received, distributed, running)


def issued_per_event(session: Session, event_id: str) -> list[tuple[ItemView, int]]:
    """Quantity of each item distributed for an event, by item name."""
    rows = session.execute(
        select(StockMovement.item_id, func.sum(StockMovement.quantity))
        .where(
            StockMovement.event_id == event_id,
            StockMovement.kind == ISSUE,
            StockMovement.deleted.is_(False),
        )
        .group_by(StockMovement.item_id)
    )
    totals = {item_id: int(total) for item_id, total in rows}
    if not totals:
        return []
    balances = item_balances(session)
    items = session.scalars(select(ReliefItem).where(ReliefItem.id.in_(totals)).order_by(ReliefItem.name))
    return [(item_view(session, item, balances.get(item.id, 0)), totals[item.id]) for item in items]
