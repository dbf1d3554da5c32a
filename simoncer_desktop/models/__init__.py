"""SQLAlchemy models only; one module per aggregate; no Qt."""

from simoncer_desktop.models.account import AuditEntry, User
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
from simoncer_desktop.models.relief import (
    AffectedFamily,
    Attachment,
    DisasterEvent,
    Distribution,
    Entitlement,
    EventArea,
    EventEntitlement,
    ReliefItem,
    StockMovement,
    Victim,
)
from simoncer_desktop.models.sync import SyncClock, SyncOutbox

__all__ = [
    "GLOBAL_SCOPE",
    "AffectedFamily",
    "AppState",
    "Assessment",
    "Attachment",
    "Attendance",
    "AuditEntry",
    "Base",
    "Cohort",
    "ComponentRate",
    "DisasterEvent",
    "Distribution",
    "Enrollment",
    "Entitlement",
    "EventArea",
    "EventEntitlement",
    "Facilitator",
    "FollowUpVisit",
    "GraduationDecision",
    "Household",
    "Member",
    "NaturalGraduationProposal",
    "NaturalGraduationRun",
    "ProgrammeSession",
    "Questionnaire",
    "ReliefItem",
    "Setting",
    "StageCorrection",
    "StageRecord",
    "StockMovement",
    "SyncClock",
    "SyncOutbox",
    "SyncedMixin",
    "User",
    "Victim",
    "Wilayah",
    "utcnow",
]
