"""The caseload aggregate: a family (Household, identified by No. KK) and its members.

``member_count``, ``recipient_name`` and ``recipient_nik`` are maintained by SQLite triggers
(migration 0002) so that they stay true whatever writes the member table (services, bulk loads,
sync); they exist so the caseload list can sort and search 110,000 families without joins.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from simoncer_desktop.models.base import Base, SyncedMixin


class Household(SyncedMixin, Base):
    __tablename__ = "household"
    __table_args__ = (
        CheckConstraint("status IN ('aktif','graduasi_alamiah','graduasi_mandiri','nonaktif')", name="status"),
        CheckConstraint("desil IS NULL OR desil BETWEEN 1 AND 10", name="desil"),
        Index("ix_household_live_recipient", "deleted", "recipient_name", "no_kk"),
    )

    no_kk: Mapped[str] = mapped_column(String(16), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    rt: Mapped[str] = mapped_column(String(3), default="")
    rw: Mapped[str] = mapped_column(String(3), default="")
    kelurahan_code: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"), index=True)
    facilitator_id: Mapped[str | None] = mapped_column(ForeignKey("facilitator.id"), index=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    desil: Mapped[int | None] = mapped_column(Integer, index=True)
    desil_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="aktif", index=True)
    status_reason: Mapped[str | None] = mapped_column(String(200))
    status_date: Mapped[date | None] = mapped_column(Date)
    welfare_class: Mapped[str | None] = mapped_column(String(20))
    bank_name: Mapped[str | None] = mapped_column(String(40))
    account_no: Mapped[str | None] = mapped_column(String(30))
    prog_kis: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    prog_kip: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    prog_bpnt: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    prog_kks: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    prog_rtlh: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    prog_aslut: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    prog_asdis: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    prog_kube: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Derived, trigger-maintained (see module docstring).
    member_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    recipient_name: Mapped[str | None] = mapped_column(String(120))
    recipient_nik: Mapped[str | None] = mapped_column(String(16))

    members: Mapped[list[Member]] = relationship(
        back_populates="household", order_by="Member.birth_date", lazy="selectin"
    )


class Member(SyncedMixin, Base):
    __tablename__ = "member"
    __table_args__ = (
        CheckConstraint("sex IN ('L','P')", name="sex"),
        Index("ix_member_household_live", "household_id", "deleted"),
    )

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    nik: Mapped[str | None] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(120))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    relation: Mapped[str] = mapped_column(String(20))
    """Relationship to the head of the family (``Relationship`` codes)."""
    is_recipient: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """The family's PKH recipient (pengurus); at most one live member per family."""
    education: Mapped[str] = mapped_column(String(20), default="tidak_sekolah")
    in_school: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    pregnant: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    severe_disability: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    deceased: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    death_date: Mapped[date | None] = mapped_column(Date)

    household: Mapped[Household] = relationship(back_populates="members")
