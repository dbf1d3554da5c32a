"""The central database's own SQLAlchemy metadata (separate from the desktop's ``simoncer_desktop.models``).

Portable on SQLite and PostgreSQL: string ids (uuid4 text), naive UTC ``DateTime`` columns, names from a
naming convention so Alembic can address every constraint on both backends. Later increments add the
sync tables (``change``, ``field_state``, ``row_scope``, ``applied_op``, ``conflict`` …) here, each with a
new revision in ``simoncer_central/migrations/versions``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SCOPE_LENGTH = 20
"""``*`` or a kecamatan code ``NN.NN.NN``; room for longer region codes later."""

HASH_LENGTH = 64
"""Hex SHA-256."""


class CentralBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Device(CentralBase):
    """An enrolled laptop. Only the SHA-256 of its bearer token is stored: a leaked database does not let
    anyone sync as the device."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(String(SCOPE_LENGTH))
    token_hash: Mapped[str] = mapped_column(String(HASH_LENGTH), unique=True, index=True)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    schema_version: Mapped[str | None] = mapped_column(String(32))
    """The desktop schema revision of the device's last push (set by the push endpoint)."""
    app_version: Mapped[str | None] = mapped_column(String(32))


class EnrollmentCode(CentralBase):
    """A one-time code made by ``simoncer-central enroll``; only its SHA-256 is stored."""

    __tablename__ = "enrollment_code"

    code_hash: Mapped[str] = mapped_column(String(HASH_LENGTH), primary_key=True)
    scope: Mapped[str] = mapped_column(String(SCOPE_LENGTH))
    name: Mapped[str | None] = mapped_column(String(200))
    """The operator's label for the laptop (``--name``); the enrolled device takes it over."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    device_id: Mapped[str | None] = mapped_column(ForeignKey("device.id"))
