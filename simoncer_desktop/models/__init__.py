"""SQLAlchemy models only; one module per aggregate; no Qt."""

from simoncer_desktop.models.base import GLOBAL_SCOPE, Base, SyncedMixin, utcnow
from simoncer_desktop.models.facilitator import Facilitator
from simoncer_desktop.models.graduation import (
    Assessment,
    Attendance,
    Cohort,
    Enrollment,
    FollowUpVisit,
    GraduationDecision,
    NaturalGraduationProposal,
    NaturalGraduationRun,
    ProgrammeSession,
    Questionnaire,
    StageCorrection,
    StageRecord,
)
from simoncer_desktop.models.household import Household, Member
from simoncer_desktop.models.reference import AppState, ComponentRate, Setting, Wilayah

__all__ = [
    "GLOBAL_SCOPE",
    "AppState",
    "Assessment",
    "Attendance",
    "Base",
    "Cohort",
    "ComponentRate",
    "Enrollment",
    "Facilitator",
    "FollowUpVisit",
    "GraduationDecision",
    "Household",
    "Member",
    "NaturalGraduationProposal",
    "NaturalGraduationRun",
    "ProgrammeSession",
    "Questionnaire",
    "Setting",
    "StageCorrection",
    "StageRecord",
    "SyncedMixin",
    "Wilayah",
    "utcnow",
]
