"""The central database's own SQLAlchemy metadata (separate from the desktop's ``simoncer_desktop.models``).

Portable on SQLite and PostgreSQL: string ids (uuid4 text), naive UTC ``DateTime`` columns, names from a
naming convention so Alembic can address every constraint on both backends. Every schema change comes
with a new revision in ``simoncer_central/migrations/versions`` (c0001 devices, c0002 the sync log,
c0003 the acting user of an op).

The sync tables (``docs/sync-design.md`` §3, increment 2): ``change`` (the server log, the pull cursor),
``field_state`` (the current winner of every field), ``row_scope`` (who may see and change a row),
``applied_op`` (idempotent replay) and ``conflict`` (every losing value). Values are JSON text on both
backends (a ``jsonb`` column would buy nothing: the server never looks inside a value)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, MetaData, String, Text
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

TABLE_LENGTH = 60
ROW_ID_LENGTH = 64
"""UUIDv7 text (36) from the desktop; room for derived ids."""
FIELD_LENGTH = 60
HLC_LENGTH = 100
"""``WWWWWWWWWWWWWWW-CCCCC-DEVICE`` (22 characters + the device id)."""
DEVICE_ID_LENGTH = 36
USER_NAME_LENGTH = 60
"""A desktop ``app_user.username`` (the desktop limits it to 60 characters)."""

SEQ = BigInteger().with_variant(Integer(), "sqlite")
"""A 64-bit serial on PostgreSQL (``bigserial``); on SQLite only ``INTEGER PRIMARY KEY`` is the rowid, which
is 64-bit there anyway."""


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
    pulled_seq: Mapped[int | None] = mapped_column(BigInteger)
    """The last pull cursor the device sent: it has applied every change up to this ``seq``. A pushed value
    that overwrites another device's value the pusher had not pulled yet is a concurrent edit, kept as a
    conflict (``simoncer_central.push``)."""


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


class Change(CentralBase):
    """The server log: one row per accepted op (its accepted fields as one JSON object), ordered by ``seq``,
    the pull cursor. **(deviation from §3: one row per op, not per field, as the client's outbox.)**

    ``scope`` is the row's scope after the change; ``old_scope`` the scope it had before, only when this
    change moved the row (a family handed over to another kecamatan): pull matches either, so the old
    office receives the change that takes the row away and nothing after it."""

    __tablename__ = "change"
    __table_args__ = ({"sqlite_autoincrement": True},)

    seq: Mapped[int] = mapped_column(SEQ, primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(TABLE_LENGTH))
    row_id: Mapped[str] = mapped_column(String(ROW_ID_LENGTH))
    scope: Mapped[str] = mapped_column(String(SCOPE_LENGTH))
    old_scope: Mapped[str | None] = mapped_column(String(SCOPE_LENGTH))
    fields: Mapped[str] = mapped_column(Text)
    """JSON object field → value."""
    hlc: Mapped[str] = mapped_column(String(HLC_LENGTH))
    device_id: Mapped[str] = mapped_column(String(DEVICE_ID_LENGTH))
    """The device whose op this is (for a correction change: the device of the winning value)."""
    user_name: Mapped[str | None] = mapped_column(String(USER_NAME_LENGTH))
    """The acting user of the op (desktop schema 8 and later; ``None`` for older clients and corrections)."""
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))


class FieldState(CentralBase):
    """The current winner of one field of one row (per-field last-writer-wins by HLC)."""

    __tablename__ = "field_state"

    tbl: Mapped[str] = mapped_column(String(TABLE_LENGTH), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(ROW_ID_LENGTH), primary_key=True)
    field: Mapped[str] = mapped_column(String(FIELD_LENGTH), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    """JSON text of the value (``null`` for NULL)."""
    hlc: Mapped[str] = mapped_column(String(HLC_LENGTH))
    device_id: Mapped[str] = mapped_column(String(DEVICE_ID_LENGTH))
    seq: Mapped[int] = mapped_column(BigInteger)
    """The ``change`` that carried this value."""


class RowScope(CentralBase):
    """The scope of every row the server knows, and the device that first sent it (a relief distribution
    with the same derived id from another device is a duplicate)."""

    __tablename__ = "row_scope"

    tbl: Mapped[str] = mapped_column(String(TABLE_LENGTH), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(ROW_ID_LENGTH), primary_key=True)
    scope: Mapped[str] = mapped_column(String(SCOPE_LENGTH))
    device_id: Mapped[str] = mapped_column(String(DEVICE_ID_LENGTH))


class AppliedOp(CentralBase):
    """Every op the server answered for, with its answer: a batch sent again gets the same answers and
    changes nothing."""

    __tablename__ = "applied_op"

    device_id: Mapped[str] = mapped_column(String(DEVICE_ID_LENGTH), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(DEVICE_ID_LENGTH), primary_key=True)
    result: Mapped[str] = mapped_column(Text)
    """JSON of the per-op result ``{op_id, status, error?}``."""


class Conflict(CentralBase):
    """A value that lost: to a later HLC (``lww``), to a further stage (``stage``) or to the first office
    that recorded the same relief distribution (``duplicate``). Nothing is lost silently."""

    __tablename__ = "conflict"
    __table_args__ = (
        Index("ix_conflict_row", "tbl", "row_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(SEQ, primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(TABLE_LENGTH))
    row_id: Mapped[str] = mapped_column(String(ROW_ID_LENGTH))
    field: Mapped[str] = mapped_column(String(FIELD_LENGTH))
    kind: Mapped[str] = mapped_column(String(12))
    """``lww``, ``stage`` or ``duplicate``."""
    losing_value: Mapped[str] = mapped_column(Text)
    losing_hlc: Mapped[str] = mapped_column(String(HLC_LENGTH))
    losing_device: Mapped[str] = mapped_column(String(DEVICE_ID_LENGTH))
    losing_user: Mapped[str | None] = mapped_column(String(USER_NAME_LENGTH))
    """The acting user of the losing value's op, when the server knows it (schema 8 and later)."""
    winning_value: Mapped[str | None] = mapped_column(Text)
    winning_hlc: Mapped[str | None] = mapped_column(String(HLC_LENGTH))
    winning_device: Mapped[str | None] = mapped_column(String(DEVICE_ID_LENGTH))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    resolved_by: Mapped[str | None] = mapped_column(String(120))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    resolution: Mapped[str | None] = mapped_column(String(20))
