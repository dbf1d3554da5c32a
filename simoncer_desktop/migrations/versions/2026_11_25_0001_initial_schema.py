"""Initial schema: reference data, facilitators, households and members.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 10:52:39.894180
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_state",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_state")),
    )
    op.create_table(
        "component_rate",
        sa.Column("component", sa.String(length=30), nullable=False),
        sa.Column("amount_per_year", sa.BigInteger(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_component_rate")),
        sa.UniqueConstraint("component", "valid_from", name=op.f("uq_component_rate_component_valid_from")),
    )
    with op.batch_alter_table("component_rate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_component_rate_scope"), ["scope"], unique=False)

    op.create_table(
        "facilitator",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("kelurahan_codes", sa.String(length=500), nullable=False),
        sa.Column("yearly_target", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facilitator")),
    )
    with op.batch_alter_table("facilitator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_facilitator_scope"), ["scope"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setting")),
        sa.UniqueConstraint("key", "valid_from", name=op.f("uq_setting_key_valid_from")),
    )
    with op.batch_alter_table("setting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_setting_scope"), ["scope"], unique=False)

    op.create_table(
        "wilayah",
        sa.Column("kode", sa.String(length=13), nullable=False),
        sa.Column("nama", sa.String(length=120), nullable=False),
        sa.Column("tingkat", sa.String(length=20), nullable=False),
        sa.Column("parent_kode", sa.String(length=13), nullable=True),
        sa.PrimaryKeyConstraint("kode", name=op.f("pk_wilayah")),
    )
    with op.batch_alter_table("wilayah", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wilayah_parent_kode"), ["parent_kode"], unique=False)

    op.create_table(
        "household",
        sa.Column("no_kk", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("rt", sa.String(length=3), nullable=False),
        sa.Column("rw", sa.String(length=3), nullable=False),
        sa.Column("kelurahan_code", sa.String(length=13), nullable=False),
        sa.Column("facilitator_id", sa.String(length=36), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("desil", sa.Integer(), nullable=True),
        sa.Column("desil_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_reason", sa.String(length=200), nullable=True),
        sa.Column("status_date", sa.Date(), nullable=True),
        sa.Column("welfare_class", sa.String(length=20), nullable=True),
        sa.Column("bank_name", sa.String(length=40), nullable=True),
        sa.Column("account_no", sa.String(length=30), nullable=True),
        sa.Column("prog_kis", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("prog_kip", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("prog_bpnt", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("prog_kks", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("prog_rtlh", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("prog_aslut", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("prog_asdis", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("prog_kube", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("member_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("recipient_name", sa.String(length=120), nullable=True),
        sa.Column("recipient_nik", sa.String(length=16), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('aktif','graduasi_alamiah','graduasi_mandiri','nonaktif')",
            name=op.f("ck_household_status"),
        ),
        sa.CheckConstraint("desil IS NULL OR desil BETWEEN 1 AND 10", name=op.f("ck_household_desil")),
        sa.ForeignKeyConstraint(
            ["facilitator_id"], ["facilitator.id"], name=op.f("fk_household_facilitator_id_facilitator")
        ),
        sa.ForeignKeyConstraint(["kelurahan_code"], ["wilayah.kode"], name=op.f("fk_household_kelurahan_code_wilayah")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_desil"), ["desil"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_facilitator_id"), ["facilitator_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_kelurahan_code"), ["kelurahan_code"], unique=False)
        batch_op.create_index("ix_household_live_recipient", ["deleted", "recipient_name", "no_kk"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_no_kk"), ["no_kk"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_scope"), ["scope"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_status"), ["status"], unique=False)

    op.create_table(
        "member",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("nik", sa.String(length=16), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("is_recipient", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("education", sa.String(length=20), nullable=False),
        sa.Column("in_school", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("pregnant", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("severe_disability", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("deceased", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("death_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("sex IN ('L','P')", name=op.f("ck_member_sex")),
        sa.ForeignKeyConstraint(["household_id"], ["household.id"], name=op.f("fk_member_household_id_household")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index("ix_member_household_live", ["household_id", "deleted"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_nik"), ["nik"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_scope"), ["scope"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_scope"))
        batch_op.drop_index(batch_op.f("ix_member_nik"))
        batch_op.drop_index("ix_member_household_live")

    op.drop_table("member")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_status"))
        batch_op.drop_index(batch_op.f("ix_household_scope"))
        batch_op.drop_index(batch_op.f("ix_household_no_kk"))
        batch_op.drop_index("ix_household_live_recipient")
        batch_op.drop_index(batch_op.f("ix_household_kelurahan_code"))
        batch_op.drop_index(batch_op.f("ix_household_facilitator_id"))
        batch_op.drop_index(batch_op.f("ix_household_desil"))

    op.drop_table("household")
    with op.batch_alter_table("wilayah", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wilayah_parent_kode"))

    op.drop_table("wilayah")
    with op.batch_alter_table("setting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_setting_scope"))

    op.drop_table("setting")
    with op.batch_alter_table("facilitator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_facilitator_scope"))

    op.drop_table("facilitator")
    with op.batch_alter_table("component_rate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_component_rate_scope"))

    op.drop_table("component_rate")
    op.drop_table("app_state")
