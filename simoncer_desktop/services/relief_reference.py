"""Relief reference data: the catalogue of relief items (barang bantuan) and the aid indexes
(entitlements) with a validity date, like settings.

- Items and entitlements belong to the whole deployment (``GLOBAL_SCOPE``).
- Seeded rows and rows an admin adds get deterministic ids (``stable_id``): an item by its code, an
  index by (code, valid_from), so every device seeds the same rows and two offices adding the same
  code make one row for sync, not two.
- ``set_entitlement`` records a value from a date; the same code and day overwrites (like
  ``settings.set_setting``). The value in force on a day is the row with the latest ``valid_from`` not
  after that day. An event copies that value when the entitlement is applied to it
  (``relief_distribution.apply_entitlement``), so a later change does not rewrite what it promised.

This module must not import ``services.reference`` (which imports it to seed the defaults).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import GLOBAL_SCOPE, Entitlement, ReliefItem, StockMovement
from simoncer_desktop.models.enums import (
    DamageLevel,
    EntitlementBasis,
    EntitlementKind,
    StockMovementKind,
)
from simoncer_desktop.services import acting
from simoncer_desktop.translation import translate

CODE_PATTERN = re.compile(r"[a-z0-9_]{2,30}")
PERSON_BASES = frozenset({EntitlementBasis.PER_PERSON.value, EntitlementBasis.PER_PERSON_DAY.value})
"""Bases counted per living person (where ``only_displaced`` applies)."""

DEFAULT_ITEMS: tuple[tuple[str, str, str], ...] = (
    # (code, name, unit)
    ("beras", "Beras", "kg"),
    ("paket_sembako", "Paket sembako", "paket"),
    ("family_kit", "Family kit", "paket"),
    ("selimut", "Selimut", "lembar"),
    ("tikar", "Tikar", "lembar"),
    ("makanan_siap_saji", "Makanan siap saji", "paket"),
    ("air_mineral", "Air mineral", "dus"),
    ("perlengkapan_bayi", "Perlengkapan bayi", "paket"),
)


@dataclass
class EntitlementInput:
    code: str
    name: str
    kind: str
    """``EntitlementKind``: ``uang`` (amount in rupiah) or ``barang`` (quantity of ``item_id``)."""
    basis: str
    """``EntitlementBasis`` code."""
    amount: int
    item_id: str | None = None
    min_damage: str = DamageLevel.NONE.value
    only_displaced: bool = False


def item_id_for(code: str) -> str:
    return stable_id("relief_item", code)


def entitlement_id_for(code: str, valid_from: date) -> str:
    return stable_id("entitlement", code, valid_from.isoformat())


def _default_entitlements() -> tuple[EntitlementInput, ...]:
    cash, goods = EntitlementKind.CASH.value, EntitlementKind.ITEM.value
    family = EntitlementBasis.PER_FAMILY.value
    return (
        EntitlementInput("santunan_kematian", "Santunan kematian", cash, EntitlementBasis.PER_DECEASED, 15_000_000),
        EntitlementInput(
            "santunan_luka_berat", "Santunan luka berat", cash, EntitlementBasis.PER_SERIOUS_INJURY, 5_000_000
        ),
        EntitlementInput("isi_hunian", "Bantuan isi hunian", cash, family, 3_000_000, min_damage="berat"),
        EntitlementInput(
            "jaminan_hidup", "Jaminan hidup", cash, EntitlementBasis.PER_PERSON_DAY, 15_000, only_displaced=True
        ),
        EntitlementInput("paket_sembako", "Paket sembako", goods, family, 1, item_id_for("paket_sembako")),
        EntitlementInput("beras", "Beras", goods, family, 10, item_id_for("beras")),
        EntitlementInput("selimut", "Selimut", goods, EntitlementBasis.PER_PERSON, 1, item_id_for("selimut")),
        EntitlementInput("tikar", "Tikar", goods, family, 1, item_id_for("tikar")),
        EntitlementInput("family_kit", "Family kit", goods, family, 1, item_id_for("family_kit"), min_damage="sedang"),
    )


DEFAULT_ENTITLEMENTS: tuple[EntitlementInput, ...] = _default_entitlements()


@dataclass(frozen=True)
class ItemView:
    id: str
    code: str
    name: str
    unit: str
    balance: int


@dataclass(frozen=True)
class EntitlementView:
    id: str
    code: str
    name: str
    kind: str
    basis: str
    amount: int
    item_id: str | None
    item_name: str
    unit: str
    min_damage: str
    only_displaced: bool
    valid_from: date


def seed_relief_defaults(session: Session, valid_from: date) -> None:
    """Insert the default items and indexes that are missing (never overwrites an admin's value)."""
    have_items = set(session.scalars(select(ReliefItem.code)))
    for code, name, unit in DEFAULT_ITEMS:
        if code not in have_items:
            session.add(ReliefItem(id=item_id_for(code), scope=GLOBAL_SCOPE, code=code, name=name, unit=unit))
    session.flush()
    item_ids = {code: item_id for code, item_id in session.execute(select(ReliefItem.code, ReliefItem.id))}
    have = {(c, d) for c, d in session.execute(select(Entitlement.code, Entitlement.valid_from))}
    for data in DEFAULT_ENTITLEMENTS:
        if (data.code, valid_from) in have:
            continue
        item_id = None
        if data.item_id is not None:
            # The seeded id, or the id the item has on this database if it came from elsewhere.
            code = next(c for c, *_ in DEFAULT_ITEMS if item_id_for(c) == data.item_id)
            item_id = item_ids.get(code)
        session.add(_new_entitlement(data, item_id, valid_from))


def _new_entitlement(data: EntitlementInput, item_id: str | None, valid_from: date) -> Entitlement:
    return Entitlement(
        id=entitlement_id_for(data.code, valid_from),
        scope=GLOBAL_SCOPE,
        code=data.code,
        name=data.name.strip(),
        kind=str(data.kind),
        basis=str(data.basis),
        amount=data.amount,
        item_id=item_id,
        min_damage=str(data.min_damage),
        only_displaced=data.only_displaced,
        valid_from=valid_from,
    )


# --- items ------------------------------------------------------------------------------------------


def item_balances(session: Session) -> dict[str, int]:
    """Receipts minus distributions per item id (live movements)."""
    signed = case((StockMovement.kind == StockMovementKind.RECEIPT.value, StockMovement.quantity), else_=0) - case(
        (StockMovement.kind == StockMovementKind.DISTRIBUTION.value, StockMovement.quantity), else_=0
    )
    rows = session.execute(
        select(StockMovement.item_id, func.sum(signed))
        .where(StockMovement.deleted.is_(False))
        .group_by(StockMovement.item_id)
    )
    return {item_id: int(total or 0) for item_id, total in rows}


def item_view(session: Session, item: ReliefItem, balance: int | None = None) -> ItemView:
    if balance is None:
        balance = item_balances(session).get(item.id, 0)
    return ItemView(item.id, item.code, item.name, item.unit, balance)


def list_items(session: Session) -> list[ItemView]:
    """Live items by name, with their stock balance."""
    balances = item_balances(session)
    items = session.scalars(select(ReliefItem).where(ReliefItem.deleted.is_(False)).order_by(ReliefItem.name))
    return [item_view(session, item, balances.get(item.id, 0)) for item in items]


def get_item(session: Session, item_id: str | None, field: str = "item_id") -> ReliefItem:
    item = session.get(ReliefItem, item_id) if item_id else None
    if item is None or item.deleted:
        message = (
            translate("relief", "Barang: wajib dipilih")
            if not item_id
            else translate("relief", "Barang: tidak ditemukan")
        )
        raise ValidationError([FieldError(field, message)])
    return item


def add_item(session: Session, code: str, name: str, unit: str) -> str:
    """A new kind of relief goods; the code is lower case letters, digits and ``_`` and is unique."""
    acting.require(session, "relief.item")
    code = (code or "").strip()
    errors: list[FieldError] = []
    if not CODE_PATTERN.fullmatch(code):
        message = translate("relief", "Kode barang: 2–30 huruf kecil, angka atau '_', tanpa spasi (tertulis '{code}')")
        errors.append(FieldError("code", message.format(code=code)))
    else:
        existing = session.scalar(select(ReliefItem).where(ReliefItem.code == code))
        if existing is not None and not existing.deleted:
            message = translate("relief", "Kode barang '{code}' sudah dipakai untuk {name}")
            errors.append(FieldError("code", message.format(code=code, name=existing.name)))
    errors += _text(name, "name", translate("relief", "Nama barang"), 120)
    errors += _text(unit, "unit", translate("relief", "Satuan"), 20)
    if errors:
        raise ValidationError(errors)
    existing = session.scalar(select(ReliefItem).where(ReliefItem.code == code))
    if existing is not None:  # a deleted item comes back under its old id
        existing.name, existing.unit, existing.deleted = name.strip(), unit.strip(), False
        return existing.id
    item = ReliefItem(id=item_id_for(code), scope=GLOBAL_SCOPE, code=code, name=name.strip(), unit=unit.strip())
    session.add(item)
    session.flush()
    return item.id


def _text(value: str | None, field: str, label: str, max_len: int) -> list[FieldError]:
    if not value or not value.strip():
        return [FieldError(field, translate("relief", "{label}: wajib diisi").format(label=label))]
    if len(value.strip()) > max_len:
        message = translate("relief", "{label}: terlalu panjang (maksimal {max_len} huruf)")
        return [FieldError(field, message.format(label=label, max_len=max_len))]
    return []


# --- entitlements -----------------------------------------------------------------------------------


def entitlement_in_force(session: Session, code: str, on: date) -> Entitlement | None:
    return session.scalar(
        select(Entitlement)
        .where(Entitlement.code == code, Entitlement.deleted.is_(False), Entitlement.valid_from <= on)
        .order_by(Entitlement.valid_from.desc())
        .limit(1)
    )


def entitlement_view(session: Session, row: Entitlement) -> EntitlementView:
    item = session.get(ReliefItem, row.item_id) if row.item_id else None
    return EntitlementView(
        id=row.id,
        code=row.code,
        name=row.name,
        kind=row.kind,
        basis=row.basis,
        amount=row.amount,
        item_id=row.item_id,
        item_name=item.name if item else "",
        unit=item.unit if item else "",
        min_damage=row.min_damage,
        only_displaced=row.only_displaced,
        valid_from=row.valid_from,
    )


def list_entitlements(session: Session, on: date | None = None) -> list[EntitlementView]:
    """The index in force on ``on`` (default today) for every code: cash first, then goods, by name."""
    on = on or date.today()
    rows = session.scalars(
        select(Entitlement)
        .where(Entitlement.deleted.is_(False), Entitlement.valid_from <= on)
        .order_by(Entitlement.valid_from)
    )
    latest: dict[str, Entitlement] = {row.code: row for row in rows}  # later valid_from wins
    ordered = sorted(latest.values(), key=lambda r: (r.kind != EntitlementKind.CASH.value, r.name.lower()))
    return [entitlement_view(session, row) for row in ordered]


def check_entitlement(session: Session, data: EntitlementInput, valid_from: date | None) -> list[FieldError]:
    errors: list[FieldError] = []
    code = (data.code or "").strip()
    if not re.fullmatch(r"[a-z0-9_]{2,40}", code):
        message = translate("relief", "Kode: 2–40 huruf kecil, angka atau '_', tanpa spasi (tertulis '{code}')")
        errors.append(FieldError("code", message.format(code=code)))
    errors += _text(data.name, "name", translate("relief", "Nama bantuan"), 120)
    kinds = {k.value for k in EntitlementKind}
    if data.kind not in kinds:
        message = translate("relief", "Jenis: harus uang atau barang (tertulis '{kind}')")
        errors.append(FieldError("kind", message.format(kind=data.kind)))
    if data.basis not in {b.value for b in EntitlementBasis}:
        message = translate("relief", "Dasar perhitungan: '{basis}' tidak dikenal")
        errors.append(FieldError("basis", message.format(basis=data.basis)))
    if isinstance(data.amount, bool) or not isinstance(data.amount, int) or data.amount <= 0:
        message = (
            translate("relief", "Jumlah (rupiah): harus bilangan bulat lebih dari 0 (tertulis {amount})")
            if data.kind == EntitlementKind.CASH.value
            else translate("relief", "Jumlah barang: harus bilangan bulat lebih dari 0 (tertulis {amount})")
        )
        errors.append(FieldError("amount", message.format(amount=data.amount)))
    if data.kind == EntitlementKind.ITEM.value:
        if not data.item_id:
            message = translate("relief", "Barang: wajib dipilih untuk bantuan berupa barang")
            errors.append(FieldError("item_id", message))
        else:
            item = session.get(ReliefItem, data.item_id)
            if item is None or item.deleted:
                errors.append(FieldError("item_id", translate("relief", "Barang: tidak ditemukan")))
    elif data.kind == EntitlementKind.CASH.value and data.item_id:
        errors.append(FieldError("item_id", translate("relief", "Barang: tidak dipakai untuk bantuan berupa uang")))
    if data.min_damage not in {d.value for d in DamageLevel}:
        message = translate("relief", "Kerusakan minimal: '{damage}' tidak dikenal")
        errors.append(FieldError("min_damage", message.format(damage=data.min_damage)))
    if data.only_displaced and data.basis not in PERSON_BASES:
        message = translate("relief", "Hanya pengungsi: hanya berlaku untuk bantuan per jiwa atau per jiwa per hari")
        errors.append(FieldError("only_displaced", message))
    if valid_from is None:
        errors.append(FieldError("valid_from", translate("relief", "Berlaku mulai: wajib diisi")))
    return errors


def set_entitlement(session: Session, data: EntitlementInput, valid_from: date) -> str:
    """Record an index from ``valid_from``; the same code and day is overwritten. Returns its id."""
    acting.require(session, "relief.entitlement_index")
    errors = check_entitlement(session, data, valid_from)
    if errors:
        raise ValidationError(errors)
    code = data.code.strip()
    item_id = data.item_id if data.kind == EntitlementKind.ITEM.value else None
    row = session.scalar(select(Entitlement).where(Entitlement.code == code, Entitlement.valid_from == valid_from))
    if row is None:
        row = _new_entitlement(EntitlementInput(**{**data.__dict__, "code": code}), item_id, valid_from)
        session.add(row)
        session.flush()
        return row.id
    row.name = data.name.strip()
    row.kind, row.basis, row.amount = str(data.kind), str(data.basis), data.amount
    row.item_id, row.min_damage, row.only_displaced = item_id, str(data.min_damage), data.only_displaced
    row.deleted = False
    return row.id
