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
data entered before users travelled with the changes. ``CAPTURED`` is frozen here, like in 0006.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from simoncer_desktop.sync.capture import create_trigger_sql, drop_trigger_sql

revision = "0008"
down_revision = "0007"
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
"""Synced table → captured columns as of this revision (unchanged since 0006)."""

BULK_TABLES = ("household", "member")
"""Their insert capture stands aside during ``services.bulk_write.triggers_deferred`` (it queues them)."""

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
