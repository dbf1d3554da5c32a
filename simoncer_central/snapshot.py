"""The first sync of an empty laptop (``GET /sync/snapshot?after=KEY&limit=N[&seq=S]``, ``docs/sync-design.md``
§5): the current state of the device's scope from ``field_state``, one item per row, instead of replaying
the whole change log.

* The first page (no ``after``) fixes ``snapshot_seq`` S = the last committed ``change.seq``; every later
  page echoes the ``seq`` the client sends back. After the last page the client pulls the log from S.
* Items are ``{tbl, row_id, fields, hlc}`` (``hlc`` = the largest HLC of the row's fields), ordered by
  (table rank, row id): tables parents first (:func:`table_order`, the desktop's foreign-key order), so a
  child row never arrives before its parent. ``next_after`` is the key of the last item (``tbl/row_id``).
* Scope: a row is sent when its ``row_scope`` is the device's scope, a code under it, or ``*`` (as pull).
* Consistency: a row changed after S may already carry its newer values; the log from S then delivers the
  same or later values again, and applying pulled values in ``seq`` order converges to the same state
  (a row handed to another office after S is not in the snapshot, and its hand-over change is in the log).

Cost: per page one query per table the page touches (rows of a table joined to their field states); the
row keys come from the ``row_scope`` primary key, the fields from the ``field_state`` primary key. Values
are passed on as the JSON text they are stored as (no decode/encode per field).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal, or_, select
from sqlalchemy.orm import Session

from simoncer_central.devices import ALL_REGIONS
from simoncer_central.errors import InvalidInputError
from simoncer_central.models import Change, FieldState, RowScope

MAX_LIMIT = 10_000
DEFAULT_LIMIT = 5_000
KEY_SEPARATOR = "/"


@functools.cache
def table_order() -> tuple[str, ...]:
    """Synced tables, parents before children (the desktop models' foreign-key order)."""
    from simoncer_desktop.models import Base
    from simoncer_desktop.sync.capture import captured_columns

    synced = set(captured_columns())
    return tuple(t.name for t in Base.metadata.sorted_tables if t.name in synced)


def _tables(session: Session) -> list[str]:
    """Every table the server holds rows of, in snapshot order: known tables first (parents first), then
    tables of newer clients by name."""
    known = table_order()
    present = set(session.scalars(select(RowScope.tbl).distinct()))
    return [t for t in known if t in present] + sorted(present - set(known))


def scope_condition(scope: str) -> Any:
    """``row_scope`` rows visible to a device of ``scope`` (``None`` for ``*``)."""
    if scope == ALL_REGIONS:
        return None
    below = scope.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%"
    return or_(RowScope.scope == ALL_REGIONS, RowScope.scope == scope, RowScope.scope.like(below, escape="\\"))


def parse_key(after: str | None, tables: list[str]) -> tuple[int, str]:
    """(table index, row id) after which the page starts; ``(0, '')`` for the first page."""
    if not after:
        return 0, ""
    tbl, sep, row_id = after.partition(KEY_SEPARATOR)
    if not sep or not tbl:
        raise InvalidInputError("Parameter 'after' harus berbentuk tabel/id baris.")
    if tbl in tables:
        return tables.index(tbl), row_id
    # a table without rows any more (cannot happen: rows are never deleted): continue after it by name
    later = [i for i, t in enumerate(tables) if t > tbl]
    return (later[0], "") if later else (len(tables), "")


def last_seq(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.max(Change.seq), 0))).scalar_one())


@dataclass(frozen=True)
class Page:
    """One snapshot page; ``items`` are the rows already as JSON object texts (see :func:`render`)."""

    items: list[str]
    snapshot_seq: int
    next_after: str | None
    has_more: bool


def snapshot(
    session: Session, scope: str, after: str | None = None, limit: int = DEFAULT_LIMIT, seq: int | None = None
) -> Page:
    """Up to ``limit`` rows of ``scope`` after the key ``after``.

    ``field_state.value`` already holds each value as JSON text, so the database assembles each row's
    ``"name":<value>,…`` (``group_concat``/``string_agg``) and its largest HLC, and an item is
    ``{"tbl":…,"row_id":…,"fields":{…},"hlc":…}`` as text: no value is decoded and re-encoded, and one
    result row per item instead of one per field. Field names are ``[a-z][a-z0-9_]*`` (push checks them),
    so they need no escaping."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 < limit <= MAX_LIMIT:
        raise InvalidInputError(f"Parameter 'limit' harus antara 1 dan {MAX_LIMIT}.")
    if seq is not None and seq < 0:
        raise InvalidInputError("Parameter 'seq' harus bilangan bulat 0 atau lebih.")
    snapshot_seq = last_seq(session) if seq is None else seq
    tables = _tables(session)
    index, row_id = parse_key(after, tables)
    condition = scope_condition(scope)
    conn = session.connection()  # Core rows: no ORM result processing
    postgresql = conn.dialect.name == "postgresql"
    items: list[str] = []
    last: tuple[str, str] | None = None
    has_more = False
    while index < len(tables) and not has_more:
        tbl = tables[index]
        wanted = limit - len(items)
        rows = select(RowScope.row_id).where(RowScope.tbl == tbl, RowScope.row_id > row_id)
        if condition is not None:
            rows = rows.where(condition)
        keys = rows.order_by(RowScope.row_id).limit(wanted + 1).subquery()
        pair = literal('"') + FieldState.field + literal('":') + FieldState.value
        if postgresql:
            fields, top = func.string_agg(pair, literal(",")), func.max(FieldState.hlc.collate("C"))
        else:
            fields, top = func.group_concat(pair, literal(",")), func.max(FieldState.hlc)
        query = (
            select(keys.c.row_id, fields, top)
            .join(FieldState, (FieldState.tbl == tbl) & (FieldState.row_id == keys.c.row_id))
            .group_by(keys.c.row_id)
            .order_by(keys.c.row_id)
        )
        found = conn.execute(query).all()
        if len(found) > wanted:  # the extra row: there is more after this page
            found, has_more = found[:wanted], True
        prefix = '{"tbl":' + json.dumps(tbl) + ',"row_id":'
        items += [
            prefix + json.dumps(rid) + ',"fields":{' + text + '},"hlc":' + json.dumps(stamp) + "}"
            for rid, text, stamp in found
        ]
        if found:
            last = (tbl, found[-1][0])
        if not has_more:
            index, row_id = index + 1, ""
    next_after = f"{last[0]}{KEY_SEPARATOR}{last[1]}" if last is not None else after
    return Page(items, snapshot_seq, next_after, has_more)


def render(page: Page, server_time_ms: int) -> bytes:
    """The answer body: ``{items, snapshot_seq, next_after, has_more, server_time_ms}``."""
    tail = {
        "snapshot_seq": page.snapshot_seq,
        "next_after": page.next_after,
        "has_more": page.has_more,
        "server_time_ms": server_time_ms,
    }
    head = '{"items":[' + ",".join(page.items) + "],"
    return (head + json.dumps(tail, ensure_ascii=False)[1:]).encode("utf-8")
