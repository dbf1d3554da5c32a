"""Declarative base, constraint naming convention and the columns every synced row carries."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, MetaData, String, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from simoncer_desktop.ids import uuid7

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

GLOBAL_SCOPE = "*"
"""Scope of rows that belong to the whole deployment (reference data), not one kecamatan."""


def utcnow() -> datetime:
    """Naive UTC: SQLite stores no zone, so every timestamp in the database is UTC by convention."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncedMixin:
    """id (UUIDv7 made on the device), owning scope, tombstone and timestamps. Synced rows are never
    physically deleted and never use autoincrement keys."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    scope: Mapped[str] = mapped_column(String(16), index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
