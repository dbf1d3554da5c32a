"""The sync log (sync increment 2): change, field_state, row_scope, applied_op, conflict; device.pulled_seq.

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None

SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("pulled_seq", sa.BigInteger(), nullable=True))
    op.create_table(
        "change",
        sa.Column("seq", SEQ, autoincrement=True, nullable=False),
        sa.Column("tbl", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("old_scope", sa.String(length=20), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("hlc", sa.String(length=100), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=False), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "field_state",
        sa.Column("tbl", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("hlc", sa.String(length=100), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id", "field", name=op.f("pk_field_state")),
    )
    op.create_table(
        "row_scope",
        sa.Column("tbl", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id", name=op.f("pk_row_scope")),
    )
    op.create_table(
        "applied_op",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "op_id", name=op.f("pk_applied_op")),
    )
    op.create_table(
        "conflict",
        sa.Column("id", SEQ, autoincrement=True, nullable=False),
        sa.Column("tbl", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("losing_value", sa.Text(), nullable=False),
        sa.Column("losing_hlc", sa.String(length=100), nullable=False),
        sa.Column("losing_device", sa.String(length=36), nullable=False),
        sa.Column("winning_value", sa.Text(), nullable=True),
        sa.Column("winning_hlc", sa.String(length=100), nullable=True),
        sa.Column("winning_device", sa.String(length=36), nullable=True),
        sa.Column("at", sa.DateTime(timezone=False), nullable=False),
        sa.Column("resolved_by", sa.String(length=120), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=False), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_conflict_row", "conflict", ["tbl", "row_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_conflict_row", table_name="conflict")
    op.drop_table("conflict")
    op.drop_table("applied_op")
    op.drop_table("row_scope")
    op.drop_table("field_state")
    op.drop_table("change")
    with op.batch_alter_table("device") as batch:
        batch.drop_column("pulled_seq")
