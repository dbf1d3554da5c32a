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
from simoncer_desktop.sync.capture import backfill_sql, create_trigger_sql, drop_trigger_sql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CAPTURED: dict[str, tuple[str, ...]] = {
    "attachment": (
        "owner_kind",
        "owner_id",
        "sha256",
        "file_name",
        "media_type",
        "size_bytes",
        "width",
        "height",
        "caption",
        "added_on",
        "added_by",
        "scope",
        "deleted",
    ),
    "component_rate": ("component", "amount_per_year", "valid_from", "scope", "deleted"),
    "facilitator": ("name", "nik", "phone", "kelurahan_codes", "yearly_target", "scope", "deleted"),
    "natural_graduation_run": (
        "quarter",
        "quarter_end",
        "created_on",
        "created_by",
        "source_file",
        "unmatched_niks",
        "applied_on",
        "applied_by",
        "scope",
        "deleted",
    ),
    "questionnaire": ("version", "title", "valid_from", "definition", "scope", "deleted"),
    "relief_item": ("code", "name", "unit", "scope", "deleted"),
    "setting": ("key", "value", "valid_from", "scope", "deleted"),
    "app_user": (
        "username",
        "full_name",
        "role",
        "facilitator_id",
        "password_hash",
        "must_change_password",
        "active",
        "scope",
        "deleted",
    ),
    "cohort": ("name", "year", "starts_on", "facilitator_id", "scope", "deleted"),
    "disaster_event": (
        "kind",
        "title",
        "occurred_at",
        "kecamatan_code",
        "description",
        "status",
        "closed_on",
        "created_by",
        "scope",
        "deleted",
    ),
    "entitlement": (
        "code",
        "name",
        "kind",
        "basis",
        "amount",
        "item_id",
        "min_damage",
        "only_displaced",
        "valid_from",
        "scope",
        "deleted",
    ),
    "household": (
        "no_kk",
        "address",
        "rt",
        "rw",
        "kelurahan_code",
        "facilitator_id",
        "phone",
        "desil",
        "desil_date",
        "status",
        "status_reason",
        "status_date",
        "welfare_class",
        "bank_name",
        "account_no",
        "prog_kis",
        "prog_kip",
        "prog_bpnt",
        "prog_kks",
        "prog_rtlh",
        "prog_aslut",
        "prog_asdis",
        "prog_kube",
        "scope",
        "deleted",
    ),
    "affected_family": (
        "event_id",
        "household_id",
        "no_kk",
        "head_name",
        "address",
        "kelurahan_code",
        "rt",
        "rw",
        "phone",
        "damage",
        "needs",
        "no_document_reason",
        "registered_on",
        "registered_by",
        "scope",
        "deleted",
    ),
    "assessment": (
        "household_id",
        "questionnaire_id",
        "assessed_on",
        "assessed_by",
        "answers",
        "score",
        "welfare_class",
        "notes",
        "scope",
        "deleted",
    ),
    "event_area": ("event_id", "kelurahan_code", "rt", "rw", "scope", "deleted"),
    "event_entitlement": (
        "event_id",
        "entitlement_id",
        "code",
        "name",
        "kind",
        "basis",
        "amount",
        "item_id",
        "min_damage",
        "only_displaced",
        "days",
        "scope",
        "deleted",
    ),
    "member": (
        "household_id",
        "nik",
        "name",
        "birth_date",
        "sex",
        "relation",
        "is_recipient",
        "education",
        "in_school",
        "pregnant",
        "severe_disability",
        "deceased",
        "death_date",
        "scope",
        "deleted",
    ),
    "natural_graduation_proposal": (
        "run_id",
        "household_id",
        "reasons",
        "detail",
        "decision",
        "decided_by",
        "decided_on",
        "scope",
        "deleted",
    ),
    "programme_session": ("cohort_id", "stage", "held_on", "topic", "partner", "scope", "deleted"),
    "enrollment": (
        "cohort_id",
        "household_id",
        "participant_id",
        "enrolled_on",
        "stage",
        "withdrawn_on",
        "withdrawn_reason",
        "withdrawn_by",
        "scope",
        "deleted",
    ),
    "graduation_decision": (
        "household_id",
        "kind",
        "reason",
        "assessment_id",
        "run_id",
        "proposed_by",
        "proposed_on",
        "status",
        "decided_by",
        "decided_on",
        "decision_note",
        "scope",
        "deleted",
    ),
    "victim": (
        "event_id",
        "family_id",
        "member_id",
        "nik",
        "name",
        "birth_date",
        "sex",
        "relation",
        "displaced",
        "injury",
        "deceased",
        "heir_name",
        "heir_nik",
        "heir_relation",
        "no_document_reason",
        "scope",
        "deleted",
    ),
    "attendance": ("session_id", "enrollment_id", "present", "scope", "deleted"),
    "distribution": (
        "event_id",
        "event_entitlement_id",
        "family_id",
        "victim_id",
        "beneficiary_key",
        "item_id",
        "quantity",
        "amount",
        "distributed_on",
        "officer",
        "recipient_name",
        "recipient_nik",
        "recipient_relation",
        "confirmed",
        "note",
        "scope",
        "deleted",
    ),
    "follow_up_visit": (
        "household_id",
        "decision_id",
        "due_on",
        "visited_on",
        "still_independent",
        "notes",
        "scope",
        "deleted",
    ),
    "stage_correction": (
        "enrollment_id",
        "from_stage",
        "to_stage",
        "reason",
        "corrected_by",
        "corrected_on",
        "scope",
        "deleted",
    ),
    "stage_record": (
        "enrollment_id",
        "stage",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "partner",
        "skill",
        "grant_kind",
        "grant_amount",
        "business_started",
        "outcome",
        "passed_on",
        "passed_by",
        "scope",
        "deleted",
    ),
    "stock_movement": (
        "item_id",
        "kind",
        "quantity",
        "moved_on",
        "source",
        "document_no",
        "event_id",
        "distribution_id",
        "note",
        "recorded_by",
        "scope",
        "deleted",
    ),
}
"""Synced table → captured columns as of this revision, parents before children (foreign keys)."""

BULK_TABLES = ("household", "member")
"""Their insert capture stands aside during ``services.bulk_write.triggers_deferred`` (it queues them)."""


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
