"""Who is acting in a session: the signed-in user and this device, carried in ``Session.info``.

A :class:`~simoncer_desktop.store.Database` puts the signed-in :class:`Identity` and the device id into
every session it makes (``Database.sign_in``). Mutating services call :func:`require` with the action
and the record's kecamatan; a session without a signed-in user is refused like a wrong role, so no path
(window, CLI, script) writes without someone being accountable for it. The audit hook
(``services.audit_hook``) reads the same two values to stamp who and which device.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from simoncer_desktop.errors import PermissionDeniedError
from simoncer_desktop.services import permissions
from simoncer_desktop.services.permissions import NOT_SIGNED_IN as NOT_SIGNED_IN  # the Bahasa text, re-exported
from simoncer_desktop.services.permissions import Identity, not_signed_in

IDENTITY_KEY = "simoncer.identity"
DEVICE_KEY = "simoncer.device_id"


def actor(session: Session) -> Identity:
    """The signed-in user of ``session``; refused when nobody is signed in."""
    identity = session.info.get(IDENTITY_KEY)
    if identity is None:
        raise PermissionDeniedError(not_signed_in())
    return identity


def actor_or_none(session: Session) -> Identity | None:
    return session.info.get(IDENTITY_KEY)


def device_id(session: Session) -> str:
    return str(session.info.get(DEVICE_KEY, ""))


def require(session: Session, action: str, kecamatan: str | None = None, facilitator_id: str | None = None) -> Identity:
    """``permissions.require`` for the session's user; returns that user for services that need it."""
    identity = actor(session)
    permissions.require(identity, action, kecamatan, facilitator_id)
    return identity


def bind(session: Session, identity: Identity | None, device: str = "") -> Session:
    """Put ``identity`` (and the device id) on one session; for code that makes its own sessions."""
    session.info[IDENTITY_KEY] = identity
    if device:
        session.info[DEVICE_KEY] = device
    return session


def require_for_household(session: Session, action: str, household_id: str | None) -> Identity:
    """``require`` with the family's kecamatan and facilitator (a pendamping only for its own families).

    An unknown id is checked on the role alone: the service then reports the missing family itself.
    """
    from simoncer_desktop.models import Household  # models import services' enums; keep this module light

    household = session.get(Household, household_id) if household_id else None
    if household is None:
        return require(session, action)
    return require(session, action, kecamatan=household.scope, facilitator_id=household.facilitator_id)
