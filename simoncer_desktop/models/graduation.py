"""The graduation programme: assessments against a versioned questionnaire, cohorts with the six
stages, sessions and attendance, graduation decisions with follow-up visits, and the quarterly
natural-graduation runs.

Who did something (assessor, proposer, approver) is stored as the operator's name until accounts
exist (issue 7); every such column is named ``*_by``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from simoncer_desktop.models.base import Base, SyncedMixin


class Questionnaire(SyncedMixin, Base):
    """One version of the assessment questionnaire (reference data; a change is a new version).

    ``definition`` is JSON: sections with weights, questions with answer options and points, and the
    score thresholds of the welfare classes (see ``services.assessment``)."""

    __tablename__ = "questionnaire"
    __table_args__ = (UniqueConstraint("version"),)

    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(120))
    valid_from: Mapped[date] = mapped_column(Date)
    definition: Mapped[str] = mapped_column(Text)


class Assessment(SyncedMixin, Base):
    __tablename__ = "assessment"
    __table_args__ = (Index("ix_assessment_household_date", "household_id", "assessed_on"),)

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    questionnaire_id: Mapped[str] = mapped_column(ForeignKey("questionnaire.id"))
    assessed_on: Mapped[date] = mapped_column(Date)
    assessed_by: Mapped[str] = mapped_column(String(120))
    answers: Mapped[str] = mapped_column(Text)
    """JSON: question code → chosen option code."""
    score: Mapped[float] = mapped_column(Float)
    welfare_class: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")


class Cohort(SyncedMixin, Base):
    """A group of families that go through the programme together (usually one kecamatan, one year)."""

    __tablename__ = "cohort"

    name: Mapped[str] = mapped_column(String(120))
    year: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    facilitator_id: Mapped[str | None] = mapped_column(ForeignKey("facilitator.id"))


class Enrollment(SyncedMixin, Base):
    """A family in a cohort with its participating productive-age member."""

    __tablename__ = "enrollment"
    __table_args__ = (
        UniqueConstraint("cohort_id", "household_id"),
        Index("ix_enrollment_household", "household_id"),
    )

    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohort.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    participant_id: Mapped[str] = mapped_column(ForeignKey("member.id"))
    enrolled_on: Mapped[date] = mapped_column(Date)
    stage: Mapped[int] = mapped_column(Integer, default=1)
    """The stage the family is in (1–6); only moves forward except by an audited correction."""
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    withdrawn_by: Mapped[str | None] = mapped_column(String(120))


class StageRecord(SyncedMixin, Base):
    """One of the six stages of one enrollment: dates, partner, skill, grant and outcome."""

    __tablename__ = "stage_record"
    __table_args__ = (UniqueConstraint("enrollment_id", "stage"),)

    enrollment_id: Mapped[str] = mapped_column(ForeignKey("enrollment.id"))
    stage: Mapped[int] = mapped_column(Integer)
    planned_start: Mapped[date | None] = mapped_column(Date)
    planned_end: Mapped[date | None] = mapped_column(Date)
    actual_start: Mapped[date | None] = mapped_column(Date)
    actual_end: Mapped[date | None] = mapped_column(Date)
    partner: Mapped[str] = mapped_column(String(200), default="")
    skill: Mapped[str] = mapped_column(String(200), default="")
    grant_kind: Mapped[str] = mapped_column(String(60), default="")
    grant_amount: Mapped[int | None] = mapped_column(BigInteger)
    business_started: Mapped[bool | None] = mapped_column(Boolean)
    outcome: Mapped[str] = mapped_column(Text, default="")
    passed_on: Mapped[date | None] = mapped_column(Date)
    passed_by: Mapped[str | None] = mapped_column(String(120))


class StageCorrection(SyncedMixin, Base):
    """An explicit move of an enrollment back (or forward past the rules), with who, when and why."""

    __tablename__ = "stage_correction"

    enrollment_id: Mapped[str] = mapped_column(ForeignKey("enrollment.id"), index=True)
    from_stage: Mapped[int] = mapped_column(Integer)
    to_stage: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    corrected_by: Mapped[str] = mapped_column(String(120))
    corrected_on: Mapped[date] = mapped_column(Date)


class ProgrammeSession(SyncedMixin, Base):
    """A session of a stage for a cohort (mindset, coaching clinic, training day, mentoring visit)."""

    __tablename__ = "programme_session"
    __table_args__ = (Index("ix_programme_session_cohort_stage", "cohort_id", "stage"),)

    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohort.id"))
    stage: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(200), default="")
    partner: Mapped[str] = mapped_column(String(200), default="")


class Attendance(SyncedMixin, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "enrollment_id"),)

    session_id: Mapped[str] = mapped_column(ForeignKey("programme_session.id"))
    enrollment_id: Mapped[str] = mapped_column(ForeignKey("enrollment.id"), index=True)
    present: Mapped[bool] = mapped_column(Boolean)


class GraduationDecision(SyncedMixin, Base):
    """A proposal to graduate a family and its approval or rejection."""

    __tablename__ = "graduation_decision"
    __table_args__ = (Index("ix_graduation_decision_household", "household_id"),)

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    kind: Mapped[str] = mapped_column(String(20))
    """``graduasi_mandiri`` or ``graduasi_alamiah`` (``HouseholdStatus`` codes)."""
    reason: Mapped[str] = mapped_column(Text)
    assessment_id: Mapped[str | None] = mapped_column(ForeignKey("assessment.id"))
    run_id: Mapped[str | None] = mapped_column(ForeignKey("natural_graduation_run.id"))
    proposed_by: Mapped[str] = mapped_column(String(120))
    proposed_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="diusulkan")
    """``diusulkan``, ``disetujui`` or ``ditolak``."""
    decided_by: Mapped[str | None] = mapped_column(String(120))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decision_note: Mapped[str] = mapped_column(Text, default="")


class FollowUpVisit(SyncedMixin, Base):
    """A visit after graduation (by default 6 and 12 months) to confirm the family stays out."""

    __tablename__ = "follow_up_visit"
    __table_args__ = (Index("ix_follow_up_visit_due", "due_on"),)

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"))
    decision_id: Mapped[str] = mapped_column(ForeignKey("graduation_decision.id"))
    due_on: Mapped[date] = mapped_column(Date)
    visited_on: Mapped[date | None] = mapped_column(Date)
    still_independent: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")


class NaturalGraduationRun(SyncedMixin, Base):
    """One quarterly review: its proposals are approved row by row, then applied once."""

    __tablename__ = "natural_graduation_run"

    quarter: Mapped[str] = mapped_column(String(6))
    """``2026Q3``."""
    quarter_end: Mapped[date] = mapped_column(Date)
    created_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(120))
    source_file: Mapped[str | None] = mapped_column(String(260))
    """The civil-registration file of deaths and moves the run matched, if any."""
    unmatched_niks: Mapped[str] = mapped_column(Text, default="")
    applied_on: Mapped[date | None] = mapped_column(Date)
    applied_by: Mapped[str | None] = mapped_column(String(120))


class NaturalGraduationProposal(SyncedMixin, Base):
    __tablename__ = "natural_graduation_proposal"
    __table_args__ = (UniqueConstraint("run_id", "household_id"),)

    run_id: Mapped[str] = mapped_column(ForeignKey("natural_graduation_run.id"))
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    reasons: Mapped[str] = mapped_column(String(200))
    """Comma-separated reason codes (``meninggal``, ``tanpa_komponen``, ``pindah``, ``mampu``)."""
    detail: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(String(20), default="")
    """Empty until decided: ``disetujui`` or ``ditolak``."""
    decided_by: Mapped[str | None] = mapped_column(String(120))
    decided_on: Mapped[date | None] = mapped_column(Date)
