"""Sync capture state (issue 8, ``docs/sync-design.md`` §4): the hybrid logical clock and the outbox.

Both are local, never-synced tables (plain ``Base``, not ``SyncedMixin``). They are written almost only
by the capture triggers of migrations 0006/0008 (``simoncer_desktop.sync.capture``); Python reads and trims
them through ``simoncer_desktop.sync.outbox`` and moves the clock through ``simoncer_desktop.sync.hlc``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, DateTime, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from simoncer_desktop.models.base import Base


class SyncClock(Base):
    """The single row (``id = 1``) of this device's hybrid logical clock.

    ``wall_ms``/``counter`` are the last HLC handed out; ``offset_ms`` = server time − local time, learnt
    at the last sync and added to the local clock; ``applying`` = 1 while pulled changes are written
    (capture suppressed); ``device_id`` is the device part of every HLC stamped here."""

    __tablename__ = "sync_clock"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    wall_ms: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    counter: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    offset_ms: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    applying: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    device_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    acting_user: Mapped[str | None] = mapped_column(Text)
    """The username on whose behalf the current transaction writes (migration 0008): set before each flush
    from the session's identity (``services.audit_hook``); the capture triggers stamp it on every op."""


class SyncOutbox(Base):
    """One captured row change waiting to be pushed: ``kind`` ``insert`` (every captured column) or
    ``update`` (only the changed ones); ``fields`` is a JSON object column → value as SQLite stores it.

    ``seq`` is AUTOINCREMENT so it never repeats after acknowledged rows are deleted (push order)."""

    __tablename__ = "sync_outbox"
    __table_args__ = (
        Index("ix_sync_outbox_status_seq", "status", "seq"),
        CheckConstraint("kind IN ('insert','update')", name="kind"),
        CheckConstraint("status IN ('pending','poison')", name="status"),
        {"sqlite_autoincrement": True},
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    tbl: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(10))
    fields: Mapped[str] = mapped_column(Text)
    hlc: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(10), default="pending", server_default="pending")
    error: Mapped[str | None] = mapped_column(Text)
    user_name: Mapped[str | None] = mapped_column(Text)
    """The acting user of the change (``sync_clock.acting_user`` when it was captured; migration 0008)."""


class SyncState(Base):
    """The single row (``id = 1``) saying where and as whom this database syncs (migration 0007,
    ``simoncer_desktop.sync.state``): the server, the device id and bearer token issued at enrollment,
    the device's scope, the pull ``cursor`` (the last server ``seq`` applied, stored in the same
    transaction as the page it ends) and the outcome of the last attempt. Never synced; the token is
    as safe as the (encrypted) database file."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    server_url: Mapped[str | None] = mapped_column(String(500))
    device_id: Mapped[str | None] = mapped_column(String(64))
    device_name: Mapped[str | None] = mapped_column(String(200))
    token: Mapped[str | None] = mapped_column(Text)
    scope: Mapped[str | None] = mapped_column(String(16))
    ca_file: Mapped[str | None] = mapped_column(String(1000))
    """A CA certificate file to trust for this server (a self-signed office CA), as given at enrollment."""
    cursor: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    enrolled_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
