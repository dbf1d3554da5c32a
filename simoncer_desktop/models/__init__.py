"""SQLAlchemy models only; one module per aggregate; no Qt."""

from simoncer_desktop.models.base import GLOBAL_SCOPE, Base, SyncedMixin, utcnow
from simoncer_desktop.models.facilitator import Facilitator
from simoncer_desktop.models.household import Household, Member
from simoncer_desktop.models.reference import AppState, ComponentRate, Setting, Wilayah

__all__ = [
    "GLOBAL_SCOPE",
    "AppState",
    "Base",
    "ComponentRate",
    "Facilitator",
    "Household",
    "Member",
    "Setting",
    "SyncedMixin",
    "Wilayah",
    "utcnow",
]
