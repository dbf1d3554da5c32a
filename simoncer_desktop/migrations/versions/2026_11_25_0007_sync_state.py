"""Sync state: where and as whom this database syncs (``sync_state``, one row; ``simoncer_desktop.sync.state``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

The row (``id = 1``, cursor 0, not enrolled) is made here, so readers never have to create it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("server_url", sa.String(length=500), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("device_name", sa.String(length=200), nullable=True),
        sa.Column("token", sa.Text(), nullable=True),
        sa.Column("scope", sa.String(length=16), nullable=True),
        sa.Column("ca_file", sa.String(length=1000), nullable=True),
        sa.Column("cursor", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=True),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_state_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.execute("INSERT INTO sync_state (id, cursor) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_table("sync_state")
