"""Disaster relief: events and their areas, affected families and victims, relief items and stock,
entitlements (reference data) and the distributions made against them, and attachments.

A distribution's id is derived from (event, beneficiary, entitlement) — see
``services.relief_distribution.distribution_id`` — so the same aid handed to the same person by two
offices that were both offline is one key, and sync surfaces the second as a conflict instead of
silently paying twice.

Who did something is stored as the operator's name until accounts exist (issue 7); such columns are
named ``*_by``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from simoncer_desktop.models.base import Base, SyncedMixin


class DisasterEvent(SyncedMixin, Base):
    """One disaster (kejadian): a kind, when, where (kecamatan; kelurahan and RT/RW in ``EventArea``)."""

    __tablename__ = "disaster_event"
    __table_args__ = (
        CheckConstraint("status IN ('dibuka','ditutup')", name="status"),
        Index("ix_disaster_event_occurred", "occurred_at"),
    )

    kind: Mapped[str] = mapped_column(String(30))
    """``DisasterKind`` code."""
    title: Mapped[str] = mapped_column(String(200))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    """Local date and time of the disaster (naive: what the operator typed)."""
    kecamatan_code: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="dibuka")
    closed_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(120))


class EventArea(SyncedMixin, Base):
    """A kelurahan (and optionally one RT/RW) hit by an event; an event has one or several."""

    __tablename__ = "event_area"
    __table_args__ = (UniqueConstraint("event_id", "kelurahan_code", "rt", "rw"),)

    event_id: Mapped[str] = mapped_column(ForeignKey("disaster_event.id"))
    kelurahan_code: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"))
    rt: Mapped[str] = mapped_column(String(3), default="")
    rw: Mapped[str] = mapped_column(String(3), default="")


class AffectedFamily(SyncedMixin, Base):
    """A family registered as affected by an event; linked to the caseload when it is a KPM."""

    __tablename__ = "affected_family"
    __table_args__ = (
        UniqueConstraint("event_id", "household_id"),
        Index("ix_affected_family_event", "event_id", "deleted"),
        CheckConstraint("damage IN ('tidak_rusak','ringan','sedang','berat')", name="damage"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("disaster_event.id"))
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"))
    """Set when the family is in the caseload (a KPM)."""
    no_kk: Mapped[str | None] = mapped_column(String(16), index=True)
    head_name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(200), default="")
    kelurahan_code: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"))
    rt: Mapped[str] = mapped_column(String(3), default="")
    rw: Mapped[str] = mapped_column(String(3), default="")
    phone: Mapped[str | None] = mapped_column(String(20))
    damage: Mapped[str] = mapped_column(String(12), default="tidak_rusak")
    needs: Mapped[str] = mapped_column(Text, default="")
    """What the family needs (free text, e.g. 'susu bayi, tenda')."""
    no_document_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    """Why the family has no No. KK (documents lost); non-empty = flagged for follow-up."""
    registered_on: Mapped[date] = mapped_column(Date)
    registered_by: Mapped[str] = mapped_column(String(120))


class Victim(SyncedMixin, Base):
    """A person of an affected family, with what happened to them."""

    __tablename__ = "victim"
    __table_args__ = (
        UniqueConstraint("event_id", "nik"),
        UniqueConstraint("event_id", "member_id"),
        Index("ix_victim_family", "family_id", "deleted"),
        Index("ix_victim_event", "event_id", "deleted"),
        CheckConstraint("injury IN ('tidak','ringan','berat')", name="injury"),
        CheckConstraint("sex IN ('L','P')", name="sex"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("disaster_event.id"))
    family_id: Mapped[str] = mapped_column(ForeignKey("affected_family.id"))
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"))
    """Set when the person is a caseload member."""
    nik: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    relation: Mapped[str] = mapped_column(String(20), default="lainnya")
    displaced: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    injury: Mapped[str] = mapped_column(String(8), default="tidak")
    deceased: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    heir_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    """For a deceased victim: who receives the compensation."""
    heir_nik: Mapped[str | None] = mapped_column(String(16))
    heir_relation: Mapped[str] = mapped_column(String(40), default="", server_default="")
    no_document_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    """Why the person has no NIK; non-empty = flagged for follow-up."""


class ReliefItem(SyncedMixin, Base):
    """A kind of relief goods (barang bantuan) with its unit, e.g. beras in kg."""

    __tablename__ = "relief_item"
    __table_args__ = (UniqueConstraint("code"),)

    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(120))
    unit: Mapped[str] = mapped_column(String(20))


class StockMovement(SyncedMixin, Base):
    """Goods in (receipt, with its source and document) or out (a distribution of an event).

    Quantities are always positive; ``kind`` gives the direction. The balance of an item is receipts
    minus distributions and never goes below zero."""

    __tablename__ = "stock_movement"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity"),
        CheckConstraint("kind IN ('masuk','salur')", name="kind"),
        Index("ix_stock_movement_item_date", "item_id", "moved_on"),
    )

    item_id: Mapped[str] = mapped_column(ForeignKey("relief_item.id"))
    kind: Mapped[str] = mapped_column(String(8))
    quantity: Mapped[int] = mapped_column(Integer)
    moved_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(20))
    """For receipts: ``StockSource`` code."""
    document_no: Mapped[str] = mapped_column(String(120), default="", server_default="")
    event_id: Mapped[str | None] = mapped_column(ForeignKey("disaster_event.id"), index=True)
    distribution_id: Mapped[str | None] = mapped_column(ForeignKey("distribution.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    recorded_by: Mapped[str] = mapped_column(String(120))


class Entitlement(SyncedMixin, Base):
    """An aid index (reference data, editable with a validity date like settings): cash per basis
    (e.g. living allowance Rp15.000 per person per day) or a quantity of an item per basis.

    The value in force on an event's date is copied onto the ``EventEntitlement`` when it is applied,
    so a later change of the index does not rewrite what an event already promised."""

    __tablename__ = "entitlement"
    __table_args__ = (
        UniqueConstraint("code", "valid_from"),
        CheckConstraint("kind IN ('uang','barang')", name="kind"),
    )

    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(8))
    basis: Mapped[str] = mapped_column(String(20))
    """``EntitlementBasis`` code."""
    amount: Mapped[int] = mapped_column(BigInteger)
    """Rupiah for cash; quantity in the item's unit for goods."""
    item_id: Mapped[str | None] = mapped_column(ForeignKey("relief_item.id"))
    min_damage: Mapped[str] = mapped_column(String(12), default="tidak_rusak", server_default="tidak_rusak")
    """Only families whose house damage is at least this (``DamageLevel``)."""
    only_displaced: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Person-based: only displaced people (e.g. living allowance in the evacuation post)."""
    valid_from: Mapped[date] = mapped_column(Date)


class EventEntitlement(SyncedMixin, Base):
    """An entitlement applied to an event, with the amount in force on the event's date and, for a
    per-day basis, the number of days."""

    __tablename__ = "event_entitlement"
    __table_args__ = (UniqueConstraint("event_id", "code"),)

    event_id: Mapped[str] = mapped_column(ForeignKey("disaster_event.id"))
    entitlement_id: Mapped[str] = mapped_column(ForeignKey("entitlement.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(8))
    basis: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)
    item_id: Mapped[str | None] = mapped_column(ForeignKey("relief_item.id"))
    min_damage: Mapped[str] = mapped_column(String(12), default="tidak_rusak", server_default="tidak_rusak")
    only_displaced: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    days: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class Distribution(SyncedMixin, Base):
    """One hand-over of one entitlement to one beneficiary (a family, or a person of it).

    ``id`` is deterministic (event, beneficiary key, entitlement code); ``beneficiary_key`` is
    ``nik:…`` / ``kk:…`` when the person or family has a number, else the victim's or family's id."""

    __tablename__ = "distribution"
    __table_args__ = (
        Index("ix_distribution_event", "event_id", "deleted"),
        Index("ix_distribution_family", "family_id"),
        CheckConstraint("quantity IS NULL OR quantity > 0", name="quantity"),
        CheckConstraint("amount IS NULL OR amount > 0", name="amount"),
    )

    event_id: Mapped[str] = mapped_column(ForeignKey("disaster_event.id"))
    event_entitlement_id: Mapped[str] = mapped_column(ForeignKey("event_entitlement.id"))
    family_id: Mapped[str] = mapped_column(ForeignKey("affected_family.id"))
    victim_id: Mapped[str | None] = mapped_column(ForeignKey("victim.id"))
    beneficiary_key: Mapped[str] = mapped_column(String(60))
    item_id: Mapped[str | None] = mapped_column(ForeignKey("relief_item.id"))
    quantity: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[int | None] = mapped_column(BigInteger)
    distributed_on: Mapped[date] = mapped_column(Date)
    officer: Mapped[str] = mapped_column(String(120))
    recipient_name: Mapped[str] = mapped_column(String(120))
    recipient_nik: Mapped[str | None] = mapped_column(String(16))
    recipient_relation: Mapped[str] = mapped_column(String(40), default="", server_default="")
    """How the recipient relates to the beneficiary (``sendiri``, ``istri``, ``ahli waris``…)."""
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """The recipient confirmed receipt (signed or thumb-printed the list)."""
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Attachment(SyncedMixin, Base):
    """A photo or scan attached to an event, affected family, victim or distribution.

    The file lives content-addressed next to the database (``attachments/ab/<sha256>.<ext>``), so the
    same picture attached twice is stored once; the row keeps its name, type and size."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_owner", "owner_kind", "owner_id"),)

    owner_kind: Mapped[str] = mapped_column(String(20))
    """``AttachmentOwner`` code."""
    owner_id: Mapped[str] = mapped_column(String(36))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    media_type: Mapped[str] = mapped_column(String(60))
    size_bytes: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(String(200), default="", server_default="")
    added_on: Mapped[date] = mapped_column(Date)
    added_by: Mapped[str] = mapped_column(String(120))
