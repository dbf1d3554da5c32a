"""Relief distributions (penyaluran): one hand-over of one entitlement of an event to one beneficiary.

The id is deterministic — ``distribution_id(event, beneficiary_key, entitlement_code)`` — so the same
aid to the same person recorded by two offices that were both offline is one key, and sync surfaces the
second as a conflict instead of paying twice. Locally a second distribution is refused with
``DuplicateDistributionError`` showing the earlier record.

Refused (nothing written): a closed event; a family or victim not registered in that event (or a victim
not of that family); a beneficiary not eligible (see ``relief_distribution_due``); a quantity/amount
≤ 0 or more than entitled; goods beyond the stock (``Stok Beras tinggal 40 kg``); a date before the
event's day or after today; no recipient; for a death compensation, a recipient other than the heir.
Goods write a ``StockMovement(kind="salur")`` in the same transaction. The caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import AffectedFamily, Distribution, EventEntitlement, ReliefItem, StockMovement, Victim
from simoncer_desktop.models.enums import StockMovementKind
from simoncer_desktop.services import acting
from simoncer_desktop.services.identity import check_nik
from simoncer_desktop.services.relief_distribution_due import (
    PER_DECEASED,
    PER_FAMILY,
    DueLine,
    EntitlementChoices,
    EventEntitlementView,
    apply_entitlement,
    default_recipient,
    due_for_family,
    entitled,
    entitlement_choices,
    event_entitlements,
    get_event,
    refusal,
    remove_entitlement,
    require_open,
)
from simoncer_desktop.services.relief_distribution_views import (
    DistributionView,
    beneficiary_key,
    distribution_id,
    distribution_views,
    earlier_distribution,
)
from simoncer_desktop.services.relief_stock import available_on, balance
from simoncer_desktop.translation import translate

__all__ = [
    "DistributionInput",
    "DistributionView",
    "DueLine",
    "DuplicateDistributionError",
    "EntitlementChoices",
    "EventEntitlementView",
    "apply_entitlement",
    "beneficiary_key",
    "distribute",
    "distribution_id",
    "due_for_family",
    "entitlement_choices",
    "event_entitlements",
    "list_distributions",
    "remove_entitlement",
]


@dataclass
class DistributionInput:
    event_entitlement_id: str
    family_id: str
    victim_id: str | None
    distributed_on: date | None
    recipient_name: str
    recipient_nik: str | None = None
    recipient_relation: str = "sendiri"
    quantity: int | None = None
    """Goods: default (None) = the full entitled quantity."""
    amount: int | None = None
    """Cash: default (None) = the full entitled amount."""
    confirmed: bool = False
    note: str = ""


def describe(earlier: DistributionView) -> str:
    """One line about a distribution, for messages: what, to whom, when, by whom, received by whom."""
    if earlier.quantity is not None:
        what = f"{earlier.quantity} {earlier.unit}".strip()
    else:
        what = f"Rp{earlier.amount or 0:,}".replace(",", ".")
    relation = f" ({earlier.recipient_relation})" if earlier.recipient_relation else ""
    message = translate(
        "relief",
        "{entitlement} untuk {beneficiary} sudah disalurkan pada {day:%d-%m-%Y} oleh {officer}: {what},"
        " diterima {recipient}{relation}",
    )
    return message.format(
        entitlement=earlier.entitlement_name,
        beneficiary=earlier.beneficiary_name,
        day=earlier.distributed_on,
        officer=earlier.officer,
        what=what,
        recipient=earlier.recipient_name,
        relation=relation,
    )


class DuplicateDistributionError(ValidationError):
    """The same entitlement was already given to the same beneficiary in this event."""

    def __init__(self, earlier: DistributionView) -> None:
        self.earlier = earlier
        super().__init__([FieldError("event_entitlement_id", describe(earlier))])


def _positive(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _check_value(
    data: DistributionInput, ee: EventEntitlement, item: ReliefItem | None, session: Session
) -> list[FieldError]:
    """Quantity/amount within what is entitled and, for goods, within the stock on that day."""
    errors: list[FieldError] = []
    quantity, amount = entitled(ee)
    if item is not None:
        if data.amount is not None:
            message = translate("relief", "Jumlah uang: tidak dipakai untuk {name} (barang)")
            errors.append(FieldError("amount", message.format(name=ee.name)))
        given = quantity if data.quantity is None else data.quantity
        if not _positive(given):
            message = translate("relief", "Jumlah ({unit}): harus bilangan bulat lebih dari 0 (tertulis {given})")
            errors.append(FieldError("quantity", message.format(unit=item.unit, given=given)))
        elif quantity is not None and given > quantity:  # type: ignore[operator]
            message = translate("relief", "Jumlah ({unit}): paling banyak {quantity} {unit} (tertulis {given})")
            errors.append(FieldError("quantity", message.format(unit=item.unit, quantity=quantity, given=given)))
        elif data.distributed_on is not None:
            on_day = available_on(session, item.id, data.distributed_on)
            if given > on_day:  # type: ignore[operator]
                total = balance(session, item.id)
                if on_day >= total:
                    message = translate("relief", "Stok {item} tinggal {left} {unit} (diminta {given} {unit})").format(
                        item=item.name, left=total, unit=item.unit, given=given
                    )
                else:
                    message = translate(
                        "relief",
                        "Stok {item} pada {day:%d-%m-%Y} tinggal {left} {unit} (diminta {given} {unit};"
                        " penerimaan sesudah tanggal itu belum bisa dipakai)",
                    ).format(item=item.name, day=data.distributed_on, left=on_day, unit=item.unit, given=given)
                errors.append(FieldError("quantity", message))
    else:
        if data.quantity is not None:
            message = translate("relief", "Jumlah barang: tidak dipakai untuk {name} (uang)")
            errors.append(FieldError("quantity", message.format(name=ee.name)))
        given = amount if data.amount is None else data.amount
        if not _positive(given):
            message = translate("relief", "Jumlah uang: harus bilangan bulat lebih dari 0 (tertulis {given})")
            errors.append(FieldError("amount", message.format(given=given)))
        elif amount is not None and given > amount:  # type: ignore[operator]
            shown = f"Rp{amount:,}".replace(",", ".")
            message = translate("relief", "Jumlah uang: paling banyak {most} (tertulis {given})")
            errors.append(FieldError("amount", message.format(most=shown, given=given)))
    return errors


def _check_recipient(data: DistributionInput, ee: EventEntitlement, victim: Victim | None) -> list[FieldError]:
    errors: list[FieldError] = []
    name = (data.recipient_name or "").strip()
    if not name:
        errors.append(FieldError("recipient_name", translate("relief", "Nama penerima: wajib diisi")))
    elif len(name) > 120:
        message = translate("relief", "Nama penerima: terlalu panjang (maksimal 120 huruf)")
        errors.append(FieldError("recipient_name", message))
    if data.recipient_nik and data.recipient_nik.strip():
        errors += [
            FieldError("recipient_nik", e.message)
            for e in check_nik(data.recipient_nik, kecamatan_codes=None, field=translate("relief", "NIK penerima"))
        ]
    if len((data.recipient_relation or "").strip()) > 40:
        message = translate("relief", "Hubungan: terlalu panjang (maksimal 40 huruf)")
        errors.append(FieldError("recipient_relation", message))
    if ee.basis == PER_DECEASED and victim is not None:
        heir = (victim.heir_name or "").strip()
        if not heir:
            message = translate("relief", "Ahli waris {name} belum dicatat; lengkapi data korban dahulu")
            errors.append(FieldError("recipient_name", message.format(name=victim.name)))
        elif name and name.casefold() != heir.casefold():
            message = translate("relief", "{entitlement} diserahkan kepada ahli waris ({heir}), bukan {name}")
            errors.append(FieldError("recipient_name", message.format(entitlement=ee.name, heir=heir, name=name)))
    return errors


def _check_date(data: DistributionInput, event_day: date) -> list[FieldError]:
    if data.distributed_on is None:
        return [FieldError("distributed_on", translate("relief", "Tanggal penyaluran: wajib diisi"))]
    if data.distributed_on < event_day:
        message = translate(
            "relief", "Tanggal penyaluran: {day:%d-%m-%Y} sebelum tanggal kejadian {event_day:%d-%m-%Y}"
        )
        return [FieldError("distributed_on", message.format(day=data.distributed_on, event_day=event_day))]
    if data.distributed_on > date.today():
        message = translate("relief", "Tanggal penyaluran: {day:%d-%m-%Y} belum terjadi")
        return [FieldError("distributed_on", message.format(day=data.distributed_on))]
    return []


def _registered(
    session: Session, data: DistributionInput, ee: EventEntitlement
) -> tuple[AffectedFamily, Victim | None]:
    family = session.get(AffectedFamily, data.family_id) if data.family_id else None
    if family is None or family.deleted or family.event_id != ee.event_id:
        raise ValidationError(
            [FieldError("family_id", translate("relief", "Keluarga: tidak terdaftar pada kejadian ini"))]
        )
    if not data.victim_id:
        return family, None
    victim = session.get(Victim, data.victim_id)
    if victim is None or victim.deleted or victim.event_id != ee.event_id:
        raise ValidationError(
            [FieldError("victim_id", translate("relief", "Korban: tidak terdaftar pada kejadian ini"))]
        )
    if victim.family_id != family.id:
        message = translate("relief", "Korban {name}: bukan anggota keluarga {head}")
        raise ValidationError([FieldError("victim_id", message.format(name=victim.name, head=family.head_name))])
    return family, victim


def distribute(session: Session, data: DistributionInput, officer: str) -> str:
    """Record one distribution (and, for goods, its stock movement); returns its deterministic id."""
    ee = session.get(EventEntitlement, data.event_entitlement_id) if data.event_entitlement_id else None
    if ee is None or ee.deleted:
        message = translate("relief", "Hak bantuan: tidak diterapkan pada kejadian ini")
        raise ValidationError([FieldError("event_entitlement_id", message)])
    event = get_event(session, ee.event_id)
    acting.require(session, "relief.distribute", kecamatan=event.scope)
    require_open(event)
    family, victim = _registered(session, data, ee)
    problem = refusal(ee, family, victim)
    if problem is not None:
        raise ValidationError([problem])
    earlier = earlier_distribution(session, ee, family, victim)
    if earlier is not None:
        raise DuplicateDistributionError(earlier)
    item = session.get(ReliefItem, ee.item_id) if ee.item_id else None
    errors = _check_date(data, event.occurred_at.date())
    errors += _check_value(data, ee, item, session)
    errors += _check_recipient(data, ee, victim)
    if not (officer or "").strip():
        errors.append(FieldError("officer", translate("relief", "Petugas: wajib diisi")))
    if errors:
        raise ValidationError(errors)
    assert data.distributed_on is not None

    quantity, amount = entitled(ee)
    if item is not None:
        quantity, amount = (quantity if data.quantity is None else data.quantity), None
    else:
        quantity, amount = None, (amount if data.amount is None else data.amount)
    relation = (data.recipient_relation or "").strip()
    if ee.basis == PER_DECEASED and relation in ("", "sendiri"):
        relation = default_recipient(ee.basis, family, victim)[2]
    elif ee.basis == PER_FAMILY and not relation:
        relation = "kepala keluarga"
    key = beneficiary_key(victim, family)
    row_id = distribution_id(event.id, key, ee.code)
    row = session.get(Distribution, row_id)  # a tombstone of the same key comes back to life
    if row is None:
        row = Distribution(id=row_id)
        session.add(row)
    row.scope, row.event_id, row.event_entitlement_id = event.kecamatan_code, event.id, ee.id
    row.family_id, row.victim_id, row.beneficiary_key = family.id, victim.id if victim else None, key
    row.item_id, row.quantity, row.amount = ee.item_id, quantity, amount
    row.distributed_on, row.officer = data.distributed_on, officer.strip()
    row.recipient_name = data.recipient_name.strip()
    row.recipient_nik = (data.recipient_nik or "").strip() or None
    row.recipient_relation, row.confirmed, row.note = relation, bool(data.confirmed), (data.note or "").strip()
    row.deleted = False
    session.flush()
    if item is not None and quantity is not None:
        session.add(
            StockMovement(
                id=uuid7(),
                scope=event.kecamatan_code,
                item_id=item.id,
                kind=StockMovementKind.DISTRIBUTION.value,
                quantity=quantity,
                moved_on=data.distributed_on,
                event_id=event.id,
                distribution_id=row.id,
                recorded_by=officer.strip(),
            )
        )
        session.flush()
    return row.id


def list_distributions(session: Session, event_id: str) -> list[DistributionView]:
    """Live distributions of an event by date."""
    return distribution_views(session, Distribution.event_id == event_id)
