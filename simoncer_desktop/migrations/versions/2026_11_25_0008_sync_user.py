"""Sync: the acting user of every captured change (issue 8, the per-op role check on the server).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25

``sync_clock.acting_user`` holds the user on whose behalf the current transaction writes (set before each
flush by ``services.audit_hook`` from the session's signed-in identity, and by the bulk import); the
capture triggers are recreated in their current form (``sync.capture.current_trigger_sql``), which stamps
it into the new ``sync_outbox.user_name`` of every captured op. The server checks each op against that
user's role (``simoncer_central.roles``).

Ops already pending when this revision runs (the backfill of 0006, edits made before it) get the username
of the database's first active administrator (the oldest ``created_at``): the person accountable for the
data entered before users travelled with the changes. The captured columns are 0006's
(``migrations/captured_0006.py``): no synced model changed since.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from simoncer_desktop.migrations.captured_0006 import BULK_TABLES, CAPTURED
from simoncer_desktop.sync.capture import create_trigger_sql, drop_trigger_sql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


FIRST_ADMIN = (
    "SELECT username FROM app_user WHERE role = 'admin' AND active = 1 AND deleted = 0 ORDER BY created_at, id LIMIT 1"
)


def upgrade() -> None:
    op.add_column("sync_outbox", sa.Column("user_name", sa.Text(), nullable=True))
    op.add_column("sync_clock", sa.Column("acting_user", sa.Text(), nullable=True))
    op.execute(f"UPDATE sync_outbox SET user_name = ({FIRST_ADMIN}) WHERE user_name IS NULL")
    for statement in drop_trigger_sql(CAPTURED):
        op.execute(statement)
    for statement in create_trigger_sql(CAPTURED, BULK_TABLES, acting_user=True):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_trigger_sql(CAPTURED):
        op.execute(statement)
    op.drop_column("sync_clock", "acting_user")
    op.drop_column("sync_outbox", "user_name")
    for statement in create_trigger_sql(CAPTURED, BULK_TABLES):
        op.execute(statement)
