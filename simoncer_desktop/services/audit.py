"""The audit trail: who changed which field of which record, when, on which device, old → new.

Entries are only ever added (the database aborts UPDATE and DELETE on ``audit_entry``). Values are
stored as JSON text so a date, a number and a string stay distinguishable when read back.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import AuditEntry, utcnow
from simoncer_desktop.models.enums import AuditAction


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


def encode(value: Any) -> str | None:
    """JSON text; None stays NULL (no value) so "was empty" and "was the text null" differ."""
    if value is None:
        return None
    return json.dumps(value, default=str, ensure_ascii=False, sort_keys=True)


def decode(text: str | None) -> Any:
    return None if text is None else json.loads(text)


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
) -> list[str]:
    """Add one entry per changed field (fields whose old equals new are skipped); returns the ids.

    With no field changes (e.g. a deletion) one entry with an empty field keeps the event itself.
    """
    try:
        kind = AuditAction(action)
    except ValueError:
        raise ValidationError(f"Jenis perubahan '{action}' tidak dikenal", field="action") from None
    at = at or utcnow()
    pairs = [(field, old, new) for field, (old, new) in changes.items() if old != new]
    if not pairs:
        pairs = [("", None, None)]
    # One millisecond and consecutive random tails: the entries of one change sort in ``changes`` order.
    ms, tail = int(at.replace(tzinfo=UTC).timestamp() * 1000), secrets.randbits(72)
    entries = [
        AuditEntry(
            id=uuid7(ms, (tail + index).to_bytes(10, "big")),
            at=at,
            user_name=identity_name,
            device_id=device_id,
            entity=entity,
            entity_id=entity_id,
            action=kind.value,
            field=field,
            old_value=encode(old),
            new_value=encode(new),
            note=note,
        )
        for index, (field, old, new) in enumerate(pairs)
    ]
    session.add_all(entries)
    session.flush()
    return [e.id for e in entries]


def _view(row: AuditEntry) -> AuditView:
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
    )


def history(session: Session, entity: str, entity_id: str) -> list[AuditView]:
    """Every entry of one record, oldest first (uuid7 ids break ties within the same instant)."""
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return [_view(r) for r in rows]


def search(
    session: Session,
    user: str | None = None,
    entity: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
) -> list[AuditView]:
    """Newest first; ``since`` inclusive, ``until`` exclusive (UTC naive)."""
    query = select(AuditEntry)
    if user:
        query = query.where(func.lower(AuditEntry.user_name) == user.strip().lower())
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    rows = session.scalars(query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
    return [_view(r) for r in rows]
