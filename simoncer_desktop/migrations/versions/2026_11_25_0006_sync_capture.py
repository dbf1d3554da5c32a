"""Sync capture: the hybrid logical clock (``sync_clock``), the outbox (``sync_outbox``) and one pair of
capture triggers per synced table (``simoncer_desktop.sync.capture``; ``docs/sync-design.md`` §4).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

``CAPTURED`` is frozen here (not read from the models): a later model change needs a new migration that
recreates the triggers, and ``tests/unit/test_sync_capture.py`` fails until it exists.

The clock's ``device_id`` is this file's device id (``app_state.device_id``, made here when the file has
none yet; ``store.ensure_device_id`` then finds it). Rows that exist before this revision are put in the
outbox as ``insert`` changes (set-based, one HLC for all), so a database in use before sync existed sends
its whole content at its first sync.
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from alembic import op

from simoncer_desktop.ids import uuid7
from simoncer_desktop.migrations.captured_0006 import BULK_TABLES, CAPTURED
from simoncer_desktop.sync.capture import backfill_sql, create_trigger_sql, drop_trigger_sql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_clock",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("wall_ms", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("counter", sa.Integer(), server_default="0", nullable=False),
        sa.Column("offset_ms", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("applying", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("device_id", sa.String(length=64), server_default="", nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_clock_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_clock")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("tbl", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("hlc", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=10), server_default="pending", nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint("kind IN ('insert','update')", name=op.f("ck_sync_outbox_kind")),
        sa.CheckConstraint("status IN ('pending','poison')", name=op.f("ck_sync_outbox_status")),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_sync_outbox_op_id")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_sync_outbox_status_seq", "sync_outbox", ["status", "seq"], unique=False)

    conn = op.get_bind()
    device = conn.execute(sa.text("SELECT value FROM app_state WHERE key = 'device_id'")).scalar()
    if device is None:
        device = uuid7()
        conn.execute(sa.text("INSERT INTO app_state (key, value) VALUES ('device_id', :d)"), {"d": device})
    wall = time.time_ns() // 1_000_000
    conn.execute(
        sa.text(
            "INSERT INTO sync_clock (id, wall_ms, counter, offset_ms, applying, device_id) VALUES (1, :w, 0, 0, 0, :d)"
        ),
        {"w": wall, "d": device},
    )
    hlc = f"{wall:015d}-{0:05d}-{device}"
    for table, columns in CAPTURED.items():  # parents first: the outbox order must satisfy foreign keys
        op.execute(backfill_sql(table, columns, hlc))
    for statement in create_trigger_sql(CAPTURED, BULK_TABLES):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_trigger_sql(CAPTURED):
        op.execute(statement)
    op.drop_index("ix_sync_outbox_status_seq", table_name="sync_outbox")
    op.drop_table("sync_outbox")
    op.drop_table("sync_clock")
