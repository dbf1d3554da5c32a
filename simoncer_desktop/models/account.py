"""Accounts and the audit trail: the people who log in on this device and what they changed.

``User`` is synced like any staff row (an admin created on one laptop can log in on another after a
sync). ``AuditEntry`` is append-only: migration 0005 adds SQLite triggers that abort any UPDATE or
DELETE on ``audit_entry``, so not even a bug in the app can rewrite history.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Index, Integer, String, Text, false, true
from sqlalchemy.orm import Mapped, mapped_column

from simoncer_desktop.ids import uuid7
from simoncer_desktop.models.base import Base, SyncedMixin, utcnow


class User(SyncedMixin, Base):
    """A login. ``scope`` is the kecamatan code the user works in (``*`` for supervisor and admin);
    ``role`` is a :class:`~simoncer_desktop.models.enums.Role` value."""

    __tablename__ = "app_user"  # "user" is a reserved word in SQL
    __table_args__ = (
        # Case-insensitive uniqueness: the service lower-cases, the database refuses anything else.
        CheckConstraint("username = lower(username)", name="username_lower"),
    )

    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    facilitator_id: Mapped[str | None] = mapped_column(ForeignKey("facilitator.id"))
    """For a pendamping: the facilitator whose families the user may work on."""
    password_hash: Mapped[str] = mapped_column(String(200))
    """argon2id PHC string (parameters and salt included)."""
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    """Naive UTC; the account refuses logins until then."""
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class AuditEntry(Base):
    """One changed field of one record: who, when, on which device, old → new (JSON text).

    Not a SyncedMixin row: entries are never updated or tombstoned, only added.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_name: Mapped[str] = mapped_column(String(60), index=True)
    device_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    entity: Mapped[str] = mapped_column(String(60))
    """Table name of the changed record, e.g. ``household``."""
    entity_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))
    """:class:`~simoncer_desktop.models.enums.AuditAction` value: ``buat``, ``ubah`` or ``hapus``."""
    field: Mapped[str] = mapped_column(String(60), default="", server_default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    household_id: Mapped[str | None] = mapped_column(String(36), index=True)
    """The family the changed record belongs to (the family itself, a member, an assessment, a stage…),
    so a family's history is one indexed look-up. No foreign key: history outlives any row."""
