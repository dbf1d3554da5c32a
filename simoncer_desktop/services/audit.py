"""The audit trail: who changed which field of which record, when, on which device, old → new.

Entries are only ever added (the database aborts UPDATE and DELETE on ``audit_entry``). Values are
stored as JSON text so a date, a number and a string stay distinguishable when read back.

Reading: :func:`search` / :func:`count` / :func:`export_rows` take an :class:`AuditFilter` and need the
``audit.view`` permission (supervisor, admin); newest first, in the stable order (at desc, id desc).
:func:`history_of_household` is one family's entries (its own and its members', assessments', stages'…),
oldest first, for anyone signed in whose scope covers the family (a pendamping: its own families).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, insert, or_, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import PermissionDeniedError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import AuditEntry, Household, utcnow
from simoncer_desktop.models.enums import AuditAction, Role
from simoncer_desktop.services import acting, permissions
from simoncer_desktop.translation import translate

VIEW_ACTION = "audit.view"
"""The permission to read the whole trail (``permissions.ACTIONS``: supervisor and admin)."""
PAGE_SIZE = 500


@dataclass(frozen=True)
class AuditView:
    id: str
    at: datetime
    user_name: str
    device_id: str
    entity: str
    entity_id: str
    action: AuditAction
    field: str
    old_value: Any
    new_value: Any
    note: str
    household_id: str | None = None
    """The family the changed record belongs to (None for records of no family)."""
    household_no_kk: str | None = None
    """That family's No. KK (filled by the read functions that join the family)."""


@dataclass(frozen=True)
class AuditFilter:
    """What the audit page asks for; every criterion is optional. ``since`` is inclusive, ``until``
    exclusive (naive UTC, like ``AuditEntry.at``); ``text`` is looked for in the old and new values,
    the note and the record id (case-insensitive for ASCII letters)."""

    user: str | None = None
    entity: str | None = None
    household_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None
    action: AuditAction | str | None = None
    entity_id: str | None = None

    def is_empty(self) -> bool:
        return not any(
            (self.user, self.entity, self.household_id, self.since, self.until, self.text, self.action, self.entity_id)
        )


def encode(value: Any) -> str | None:
    """JSON text; None stays NULL (no value) so "was empty" and "was the text null" differ."""
    if value is None:
        return None
    return json.dumps(value, default=str, ensure_ascii=False, sort_keys=True)


def decode(text: str | None) -> Any:
    return None if text is None else json.loads(text)


SYSTEM_USER = "sistem"
"""Who changed a row when nobody is signed in (seeding reference data while opening the file)."""

NOTE_KEY = "simoncer.audit_note"
"""``Session.info`` entry: the note written on the entries of the flushes inside ``audit_hook.noted``."""


class EntryBuilder:
    """Audit rows of one flush or one bulk write: the session's user and device, one timestamp, ids
    that sort in the order the entries were made."""

    def __init__(
        self, session: Session, user: str | None = None, device: str | None = None, at: datetime | None = None
    ) -> None:
        identity = acting.actor_or_none(session)
        self.user = user if user is not None else identity.username if identity is not None else SYSTEM_USER
        self.device = device if device is not None else acting.device_id(session)
        self.at = at or utcnow()
        self.note = str(session.info.get(NOTE_KEY, ""))
        self._ms, self._tail = int(self.at.replace(tzinfo=UTC).timestamp() * 1000), secrets.randbits(72)
        self.rows: list[dict[str, Any]] = []
        self._made = 0
        """Entries made so far, written or not: the id tail of the next one (ids stay unique across writes)."""

    def add(
        self,
        entity: str,
        entity_id: str,
        action: AuditAction,
        field: str = "",
        old: Any = None,
        new: Any = None,
        note: str | None = None,
        household_id: str | None = None,
    ) -> None:
        self.rows.append(
            {
                "id": uuid7(self._ms, (self._tail + self._made).to_bytes(10, "big")),
                "at": self.at,
                "user_name": self.user,
                "device_id": self.device,
                "entity": entity,
                "entity_id": entity_id,
                "action": action.value,
                "field": field,
                "old_value": encode(old),
                "new_value": encode(new),
                "note": self.note if note is None else note,
                "household_id": household_id,
            }
        )
        self._made += 1

    def take(self) -> list[dict[str, Any]]:
        """The rows made since the last take, for one INSERT (the builder keeps counting ids)."""
        rows, self.rows = self.rows, []
        return rows

    def write(self, session: Session) -> None:
        """Insert the rows in the session's transaction (Core: also valid inside ``after_flush``)."""
        rows = self.take()
        if rows:
            session.connection().execute(insert(AuditEntry), rows)


def record(
    session: Session,
    identity_name: str,
    device_id: str,
    entity: str,
    entity_id: str,
    action: AuditAction | str,
    changes: dict[str, tuple[Any, Any]],
    note: str = "",
    at: datetime | None = None,
    household_id: str | None = None,
) -> list[str]:
    """Add one entry per changed field (fields whose old equals new are skipped); returns the ids.

    With no field changes (e.g. a deletion) one entry with an empty field keeps the event itself. The
    ORM hook (``audit_hook``) records ordinary changes; this is for entries written by hand.
    """
    try:
        kind = AuditAction(action)
    except ValueError:
        raise ValidationError(_unknown_action(action), field="action") from None
    pairs = [(field, old, new) for field, (old, new) in changes.items() if old != new] or [("", None, None)]
    entries = EntryBuilder(session, user=identity_name, device=device_id, at=at)
    for field, old, new in pairs:
        entries.add(entity, entity_id, kind, field, old, new, note=note, household_id=household_id)
    rows = entries.take()
    session.execute(insert(AuditEntry), rows)
    return [row["id"] for row in rows]


def _unknown_action(action: object) -> str:
    return translate("audit", "Jenis perubahan '{action}' tidak dikenal").format(action=action)


def _view(row: AuditEntry, no_kk: str | None = None) -> AuditView:
    return AuditView(
        id=row.id,
        at=row.at,
        user_name=row.user_name,
        device_id=row.device_id,
        entity=row.entity,
        entity_id=row.entity_id,
        action=AuditAction(row.action),
        field=row.field,
        old_value=decode(row.old_value),
        new_value=decode(row.new_value),
        note=row.note,
        household_id=row.household_id,
        household_no_kk=no_kk,
    )


def history(session: Session, entity: str, entity_id: str) -> list[AuditView]:
    """Every entry of one record, oldest first (uuid7 ids break ties within the same instant)."""
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return [_view(r) for r in rows]


# --- reading the trail (audit page, export) ------------------------------------------------------


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(audit_filter: AuditFilter) -> list[ColumnElement[bool]]:
    f = audit_filter
    where: list[ColumnElement[bool]] = []
    if f.user and f.user.strip():
        where.append(func.lower(AuditEntry.user_name) == f.user.strip().lower())
    if f.entity:
        where.append(AuditEntry.entity == f.entity)
    if f.entity_id:
        where.append(AuditEntry.entity_id == f.entity_id)
    if f.household_id:
        where.append(AuditEntry.household_id == f.household_id)
    if f.since is not None:
        where.append(AuditEntry.at >= f.since)
    if f.until is not None:
        where.append(AuditEntry.at < f.until)
    if f.action:
        try:
            kind = AuditAction(f.action)
        except ValueError:
            raise ValidationError(_unknown_action(f.action), field="action") from None
        where.append(AuditEntry.action == kind.value)
    text = (f.text or "").strip()
    if text:
        pattern = _like_pattern(text)
        where.append(
            or_(
                AuditEntry.old_value.like(pattern, escape="\\"),
                AuditEntry.new_value.like(pattern, escape="\\"),
                AuditEntry.note.like(pattern, escape="\\"),
                AuditEntry.entity_id == text,
            )
        )
    return where


def _query(audit_filter: AuditFilter) -> Select[tuple[AuditEntry, str | None]]:
    return (
        select(AuditEntry, Household.no_kk)
        .outerjoin(Household, Household.id == AuditEntry.household_id)
        .where(*_conditions(audit_filter))
    )


def _newest_first(
    query: Select[tuple[AuditEntry, str | None]], after: tuple[datetime, str] | None
) -> Select[tuple[AuditEntry, str | None]]:
    if after is not None:
        at, entry_id = after
        query = query.where(or_(AuditEntry.at < at, and_(AuditEntry.at == at, AuditEntry.id < entry_id)))
    return query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


def require_view(session: Session) -> None:
    """Refuse unless the signed-in user may read the whole audit trail (supervisor, admin)."""
    acting.require(session, VIEW_ACTION)


def search(
    session: Session,
    audit_filter: AuditFilter | None = None,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    *,
    after: tuple[datetime, str] | None = None,
    user: str | None = None,
    entity: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[AuditView]:
    """Entries matching ``audit_filter``, newest first (at desc, id desc), ``limit`` from ``offset``.

    ``after`` = (at, id) of the last entry already shown continues after it (keyset paging: entries
    added meanwhile do not shift the pages). The keywords ``user``/``entity``/``since``/``until`` are the
    older call form and are combined with the filter. Needs ``audit.view``.
    """
    require_view(session)
    base = audit_filter or AuditFilter()
    legacy = {k: v for k, v in {"user": user, "entity": entity, "since": since, "until": until}.items() if v}
    if legacy:
        base = replace(base, **legacy)
    query = _newest_first(_query(base), after)
    if offset:
        query = query.offset(offset)
    rows = session.execute(query.limit(limit)).all()
    return [_view(entry, no_kk) for entry, no_kk in rows]


def count(session: Session, audit_filter: AuditFilter | None = None) -> int:
    """How many entries match (for the page's "n entri" and the model's row count). Needs ``audit.view``."""
    require_view(session)
    query = select(func.count()).select_from(AuditEntry).where(*_conditions(audit_filter or AuditFilter()))
    return int(session.scalar(query) or 0)


def export_rows(session: Session, audit_filter: AuditFilter | None = None, batch: int = 2000) -> Iterator[AuditView]:
    """Every matching entry, newest first, read ``batch`` at a time (keyset paging: memory stays flat
    for a trail of millions of entries). Needs ``audit.view`` (checked before the first row)."""
    require_view(session)
    base = audit_filter or AuditFilter()

    def generate() -> Iterator[AuditView]:
        after: tuple[datetime, str] | None = None
        while True:
            rows = session.execute(_newest_first(_query(base), after).limit(batch)).all()
            for entry, no_kk in rows:
                yield _view(entry, no_kk)
            if len(rows) < batch:
                return
            last = rows[-1][0]
            after = (last.at, last.id)

    return generate()


def users(session: Session) -> list[str]:
    """The distinct user names in the trail (for the page's filter), sorted. Needs ``audit.view``."""
    require_view(session)
    return sorted(session.scalars(select(AuditEntry.user_name).distinct()), key=str.lower)


def entities(session: Session) -> list[str]:
    """The distinct kinds of record (table names) in the trail. Needs ``audit.view``."""
    require_view(session)
    return sorted(session.scalars(select(AuditEntry.entity).distinct()))


def require_household_history(session: Session, household_id: str) -> None:
    """Anyone signed in whose scope covers the family may read its history (a pendamping only for its
    own families; a supervisor or admin always). Refused when nobody is signed in."""
    identity = acting.actor(session)
    if Role(identity.role) in permissions.ACTIONS.get(VIEW_ACTION, frozenset()):
        return
    family = session.get(Household, household_id)
    if family is None:
        return  # nothing of a family that does not exist (any more) is in scope-bound data
    role = Role(identity.role)
    if not permissions.in_scope(identity.scope, family.scope):
        message = translate(
            "audit", "Peran {role} hanya boleh melihat riwayat keluarga di wilayah {scope}, bukan {family}."
        )
        raise PermissionDeniedError(message.format(role=role.label, scope=identity.scope, family=family.scope))
    if role is Role.FACILITATOR and family.facilitator_id != identity.facilitator_id:
        message = translate("audit", "Peran {role} hanya boleh melihat riwayat keluarga dampingannya sendiri.")
        raise PermissionDeniedError(message.format(role=role.label))


def history_of_household(session: Session, household_id: str) -> list[AuditView]:
    """The family's entries and those of its members, assessments, stages, decisions, distributions…
    (every entry whose ``household_id`` is the family), oldest first."""
    require_household_history(session, household_id)
    rows = session.execute(_query(AuditFilter(household_id=household_id)).order_by(AuditEntry.at, AuditEntry.id)).all()
    return [_view(entry, no_kk) for entry, no_kk in rows]
