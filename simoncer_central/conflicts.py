"""The conflict log (``conflict``, written by ``simoncer_central.push``): every value that lost, with the
value that won. Read here; the Konflik page (keep or reinstate a value, itself a synced change) builds on
it in increment 3."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_central.models import Conflict


def list_conflicts(
    session: Session, tbl: str | None = None, row_id: str | None = None, unresolved_only: bool = False
) -> list[Conflict]:
    """Conflicts, oldest first, optionally of one table / one row / only the unresolved ones."""
    query = select(Conflict)
    if tbl is not None:
        query = query.where(Conflict.tbl == tbl)
    if row_id is not None:
        query = query.where(Conflict.row_id == row_id)
    if unresolved_only:
        query = query.where(Conflict.resolved_at.is_(None))
    return list(session.scalars(query.order_by(Conflict.id)))


def as_dict(conflict: Conflict) -> dict[str, Any]:
    """A conflict with its values decoded (JSON text → values), without the row id ``id``."""
    return {
        "tbl": conflict.tbl,
        "row_id": conflict.row_id,
        "field": conflict.field,
        "kind": conflict.kind,
        "losing_value": json.loads(conflict.losing_value),
        "losing_hlc": conflict.losing_hlc,
        "losing_device": conflict.losing_device,
        "winning_value": None if conflict.winning_value is None else json.loads(conflict.winning_value),
        "winning_hlc": conflict.winning_hlc,
        "winning_device": conflict.winning_device,
    }
