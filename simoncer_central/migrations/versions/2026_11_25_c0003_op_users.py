"""The acting user of every op (issue 8, per-op role check): ``change.user_name``, ``conflict.losing_user``.

Revision ID: c0003
Revises: c0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("change") as batch:
        batch.add_column(sa.Column("user_name", sa.String(length=60), nullable=True))
    with op.batch_alter_table("conflict") as batch:
        batch.add_column(sa.Column("losing_user", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conflict") as batch:
        batch.drop_column("losing_user")
    with op.batch_alter_table("change") as batch:
        batch.drop_column("user_name")
