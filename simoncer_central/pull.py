"""Pull (``GET /sync/pull?cursor=N&limit=1000``, ``docs/sync-design.md`` §5): the changes after the
device's cursor that belong to its scope, oldest first, one page at a time.

A change is in a device's scope when its ``scope`` (the row's scope after the change) or its ``old_scope``
(set only on the change that moved a row to another scope) is the device's scope or a code under it, or
is ``*`` (global reference data, users of the Dinsos office: every laptop needs them, e.g. for offline
sign-in). A ``*`` device gets everything. So an office whose family is handed over to another kecamatan
receives the change that moves it (its ``fields`` hold the new ``scope``: the client can show that the
family left) and nothing of that family after it; the new office receives that change too, carrying the
family's whole current state.

The cursor the device sends is remembered (``device.pulled_seq``): it has applied every change up to it,
which lets push tell a concurrent edit from a sequential one (``simoncer_central.push``)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from simoncer_central.devices import ALL_REGIONS
from simoncer_central.errors import InvalidInputError
from simoncer_central.models import Change, Device

MAX_LIMIT = 1000
DEFAULT_LIMIT = 1000


def scope_filter(scope: str) -> Any:
    """The SQL condition "this change is in ``scope``" (``None`` for ``*``: everything)."""
    if scope == ALL_REGIONS:
        return None
    below = scope.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%"
    conditions = [Change.scope == ALL_REGIONS]
    for column in (Change.scope, Change.old_scope):
        conditions += [column == scope, column.like(below, escape="\\")]
    return or_(*conditions)


def pull(session: Session, device: Device, cursor: int, limit: int = DEFAULT_LIMIT) -> dict[str, Any]:
    """``{changes: [{seq, tbl, row_id, fields, hlc}], next_cursor, has_more}`` after ``cursor``."""
    if isinstance(cursor, bool) or not isinstance(cursor, int) or cursor < 0:
        raise InvalidInputError("Parameter 'cursor' harus bilangan bulat 0 atau lebih.")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 < limit <= MAX_LIMIT:
        raise InvalidInputError(f"Parameter 'limit' harus antara 1 dan {MAX_LIMIT}.")
    query = select(Change.seq, Change.tbl, Change.row_id, Change.fields, Change.hlc).where(Change.seq > cursor)
    condition = scope_filter(device.scope)
    if condition is not None:
        query = query.where(condition)
    rows = session.execute(query.order_by(Change.seq).limit(limit + 1)).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    changes = [
        {"seq": int(seq), "tbl": tbl, "row_id": row_id, "fields": json.loads(fields), "hlc": hlc}
        for seq, tbl, row_id, fields, hlc in rows
    ]
    remember_cursor(session, device, cursor)
    return {"changes": changes, "next_cursor": changes[-1]["seq"] if changes else cursor, "has_more": has_more}


def remember_cursor(session: Session, device: Device, cursor: int) -> None:
    """The device has applied every change up to ``cursor`` (it stores the cursor with the page)."""
    current = session.get(Device, device.id)
    if current is not None and current.pulled_seq != cursor:
        current.pulled_seq = cursor
        session.flush()
