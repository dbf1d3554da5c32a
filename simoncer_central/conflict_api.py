"""The conflict log over HTTP for the desktop's *Konflik* page (issue 8, point 4).

* ``GET /sync/conflicts?status=open|resolved|all&limit=&offset=`` (Bearer token) →
  ``{items: [...], total, server_time_ms}``, newest first. A device sees the conflicts of the rows in its
  scope, with the same rule as pull (``row_scope.scope`` is the device's scope, a code under it, or ``*``;
  a ``*`` device sees everything). Same-value ``lww`` entries (two laptops wrote the same value) are left out:
  there is nothing to decide. Each item carries both values (decoded JSON), both HLCs, devices (id and
  name), users when the server knows them (``conflict.losing_user``, ``change.user_name`` of the winning
  value, both from migration c0003), and the family the row belongs to (``family``: the household itself or
  the row's ``household_id``, with its No. KK and the head's name, read from ``field_state``).
* ``POST /sync/conflicts/{id}/resolve {resolution: "kept"|"reinstated", by}`` marks a conflict resolved.
  Asking again with the same resolution and user answers 200 with the stored resolution (a retried request
  whose answer was lost); any other request on a resolved conflict answers 409 with the resolution that
  stands. Reinstating a value is a normal change the desktop pushes; this only records the decision.

The endpoints are in :data:`ROUTES` (mounted by ``simoncer_central.app.create_app``).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from simoncer_central.devices import ALL_REGIONS, utcnow
from simoncer_central.errors import CentralError, InvalidInputError
from simoncer_central.models import Change, Conflict, Device, FieldState, RowScope

STATUSES = ("open", "resolved", "all")
RESOLUTIONS = ("kept", "reinstated")
DEFAULT_LIMIT = 100
MAX_LIMIT = 500
BY_LENGTH = 120
"""``conflict.resolved_by`` is ``String(120)``."""
KIND_LWW = "lww"
HEAD_RELATION = "kepala"
"""``Relationship.HEAD`` of the desktop."""


class UnknownConflictError(CentralError):
    http_status = 404


class ConflictResolvedError(CentralError):
    """The conflict was already resolved otherwise (409)."""

    http_status = 409


# --- queries (no HTTP) ---------------------------------------------------------------------------------


def row_scope_filter(scope: str) -> Any:
    """The SQL condition "this conflict's row is in ``scope``" on a join with ``row_scope`` (None for ``*``)."""
    if scope == ALL_REGIONS:
        return None
    below = scope.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%"
    return or_(RowScope.scope == ALL_REGIONS, RowScope.scope == scope, RowScope.scope.like(below, escape="\\"))


def _visible(scope: str, status: str) -> Any:
    query = select(Conflict).join(RowScope, and_(RowScope.tbl == Conflict.tbl, RowScope.row_id == Conflict.row_id))
    condition = row_scope_filter(scope)
    if condition is not None:
        query = query.where(condition)
    # Two laptops writing the same value (e.g. the settings both were seeded with) is no disagreement:
    # push logs it, but there is nothing to decide.
    query = query.where(
        or_(
            Conflict.kind != KIND_LWW, Conflict.winning_value.is_(None), Conflict.losing_value != Conflict.winning_value
        )
    )
    if status == "open":
        query = query.where(Conflict.resolved_at.is_(None))
    elif status == "resolved":
        query = query.where(Conflict.resolved_at.is_not(None))
    return query


def _decode(value: str | None) -> Any:
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value


def _stamp(at: datetime | None) -> str | None:
    """Naive UTC as ISO text with ``Z`` (the client turns it into local time)."""
    return None if at is None else at.isoformat(timespec="seconds") + "Z"


def _field_values(
    session: Session, keys: set[tuple[str, str]], fields: tuple[str, ...]
) -> dict[tuple[str, str], dict[str, Any]]:
    """``(tbl, row_id) → {field: value}`` of ``fields`` from ``field_state`` (primary-key lookups)."""
    found: dict[tuple[str, str], dict[str, Any]] = {key: {} for key in keys}
    by_table: dict[str, list[str]] = {}
    for tbl, row_id in keys:
        by_table.setdefault(tbl, []).append(row_id)
    for tbl, ids in by_table.items():
        for start in range(0, len(ids), 500):
            rows = session.execute(
                select(FieldState.row_id, FieldState.field, FieldState.value).where(
                    FieldState.tbl == tbl, FieldState.row_id.in_(ids[start : start + 500]), FieldState.field.in_(fields)
                )
            )
            for row_id, field, value in rows:
                found[(tbl, row_id)][field] = _decode(value)
    return found


def _families(session: Session, conflicts: list[Conflict]) -> dict[tuple[str, str], dict[str, Any] | None]:
    """The family of every conflict's row: the household row itself, or the household its ``household_id``
    names; ``None`` for rows that belong to no family (a facilitator, a setting)."""
    rows = {(c.tbl, c.row_id) for c in conflicts if c.tbl != "household"}
    links = _field_values(session, rows, ("household_id",))
    household_of: dict[tuple[str, str], str] = {}
    for c in conflicts:
        if c.tbl == "household":
            household_of[(c.tbl, c.row_id)] = c.row_id
        else:
            linked = links.get((c.tbl, c.row_id), {}).get("household_id")
            if isinstance(linked, str) and linked:
                household_of[(c.tbl, c.row_id)] = linked
    households = set(household_of.values())
    kk = _field_values(session, {("household", h) for h in households}, ("no_kk",))
    heads = _head_names(session, households)
    result: dict[tuple[str, str], dict[str, Any] | None] = {}
    for c in conflicts:
        household = household_of.get((c.tbl, c.row_id))
        if household is None:
            result[(c.tbl, c.row_id)] = None
            continue
        result[(c.tbl, c.row_id)] = {
            "household_id": household,
            "kk_number": kk.get(("household", household), {}).get("no_kk"),
            "head_name": heads.get(household),
        }
    return result


def _head_names(session: Session, households: set[str]) -> dict[str, str]:
    """The head of each family (else the aid recipient, else the first member by name), live members only.

    Members are found by the value of their ``household_id`` field: one query for the whole page."""
    if not households:
        return {}
    encoded = [json.dumps(h) for h in households]
    members: dict[str, str] = {}
    for start in range(0, len(encoded), 500):
        rows = session.execute(
            select(FieldState.row_id, FieldState.value).where(
                FieldState.tbl == "member",
                FieldState.field == "household_id",
                FieldState.value.in_(encoded[start : start + 500]),
            )
        )
        for row_id, value in rows:
            members[row_id] = str(_decode(value))
    details = _field_values(session, {("member", m) for m in members}, ("name", "relation", "is_recipient", "deleted"))
    best: dict[str, tuple[int, str]] = {}
    for member_id, household in members.items():
        values = details.get(("member", member_id), {})
        name = values.get("name")
        if not isinstance(name, str) or not name or values.get("deleted") in (1, True):
            continue
        rank = 0 if values.get("relation") == HEAD_RELATION else 1 if values.get("is_recipient") in (1, True) else 2
        if household not in best or (rank, name) < best[household]:
            best[household] = (rank, name)
    return {household: name for household, (_rank, name) in best.items()}


def _winning_users(session: Session, conflicts: list[Conflict]) -> dict[int, str | None]:
    """The acting user of each conflict's winning value when it is still the field's current value (the
    ``change`` that carried it); older winners are not looked up (``change`` has no index on the HLC)."""
    if not hasattr(Change, "user_name"):
        return {}
    users: dict[int, str | None] = {}
    for c in conflicts:
        if c.winning_hlc is None:
            continue
        state = session.get(FieldState, (c.tbl, c.row_id, c.field))
        if state is None or state.hlc != c.winning_hlc:
            continue
        users[c.id] = session.scalar(select(Change.user_name).where(Change.seq == state.seq))
    return users


def list_conflicts(
    session: Session, device: Device, status: str = "open", limit: int = DEFAULT_LIMIT, offset: int = 0
) -> dict[str, Any]:
    """``{items, total}`` of the conflicts of ``device``'s scope, newest first."""
    if status not in STATUSES:
        raise InvalidInputError(f"Parameter 'status' harus salah satu dari: {', '.join(STATUSES)}.")
    if not 0 < limit <= MAX_LIMIT:
        raise InvalidInputError(f"Parameter 'limit' harus antara 1 dan {MAX_LIMIT}.")
    if offset < 0:
        raise InvalidInputError("Parameter 'offset' tidak boleh negatif.")
    query = _visible(device.scope, status)
    total = int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
    conflicts = list(session.scalars(query.order_by(Conflict.id.desc()).limit(limit).offset(offset)))
    device_ids = {c.losing_device for c in conflicts} | {c.winning_device for c in conflicts if c.winning_device}
    names: dict[str, str] = {}
    if device_ids:
        names = {
            id_: name for id_, name in session.execute(select(Device.id, Device.name).where(Device.id.in_(device_ids)))
        }
    families = _families(session, conflicts)
    winners = _winning_users(session, conflicts)
    items = [
        {
            "id": c.id,
            "tbl": c.tbl,
            "row_id": c.row_id,
            "field": c.field,
            "kind": c.kind,
            "losing_value": _decode(c.losing_value),
            "losing_hlc": c.losing_hlc,
            "losing_device": c.losing_device,
            "losing_device_name": names.get(c.losing_device),
            "losing_user": getattr(c, "losing_user", None),
            "winning_value": _decode(c.winning_value),
            "winning_hlc": c.winning_hlc,
            "winning_device": c.winning_device,
            "winning_device_name": names.get(c.winning_device) if c.winning_device else None,
            "winning_user": winners.get(c.id),
            "at": _stamp(c.at),
            "family": families.get((c.tbl, c.row_id)),
            "resolved_by": c.resolved_by,
            "resolved_at": _stamp(c.resolved_at),
            "resolution": c.resolution,
        }
        for c in conflicts
    ]
    return {"items": items, "total": total}


def resolve_conflict(session: Session, device: Device, conflict_id: int, resolution: str, by: str) -> dict[str, Any]:
    """Record the supervisor's decision on one conflict of ``device``'s scope (see the module docstring)."""
    if resolution not in RESOLUTIONS:
        raise InvalidInputError(f"Kolom 'resolution' harus salah satu dari: {', '.join(RESOLUTIONS)}.")
    by = by.strip()
    if not by or len(by) > BY_LENGTH:
        raise InvalidInputError(f"Kolom 'by' wajib diisi nama pengguna (paling banyak {BY_LENGTH} karakter).")
    query = _visible(device.scope, "all").where(Conflict.id == conflict_id)
    conflict = session.scalars(query.with_for_update(of=Conflict)).first()
    if conflict is None:
        raise UnknownConflictError(f"Konflik nomor {conflict_id} tidak ada di wilayah perangkat ini.")
    if conflict.resolved_at is not None:
        if conflict.resolution == resolution and conflict.resolved_by == by:
            return _resolution(conflict)
        raise ConflictResolvedError(
            f"Konflik nomor {conflict_id} sudah diselesaikan oleh {conflict.resolved_by} "
            f"({_resolution_label(conflict.resolution)}) pada {conflict.resolved_at:%d-%m-%Y %H:%M} UTC; "
            "muat ulang daftar konflik."
        )
    conflict.resolution = resolution
    conflict.resolved_by = by
    conflict.resolved_at = utcnow().replace(microsecond=0)
    session.flush()
    return _resolution(conflict)


def _resolution_label(resolution: str | None) -> str:
    return {"kept": "nilai sekarang dipertahankan", "reinstated": "nilai yang kalah dipulihkan"}.get(
        resolution or "", resolution or "-"
    )


def _resolution(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "resolution": conflict.resolution,
        "resolved_by": conflict.resolved_by,
        "resolved_at": _stamp(conflict.resolved_at),
    }


# --- endpoints -----------------------------------------------------------------------------------------


def _int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise InvalidInputError(f"Parameter '{name}' harus bilangan bulat.") from None


async def conflicts_endpoint(request: Request) -> Response:
    from simoncer_central.app import in_transaction, require_device, server_time_ms

    device = await require_device(request)
    status = request.query_params.get("status") or "open"
    limit = min(_int_param(request, "limit", DEFAULT_LIMIT), MAX_LIMIT)
    offset = _int_param(request, "offset", 0)
    page = await in_transaction(request, lambda s: list_conflicts(s, device, status, limit, offset))
    return JSONResponse({**page, "server_time_ms": server_time_ms()})


async def resolve_endpoint(request: Request) -> Response:
    from simoncer_central.app import in_transaction, read_json_object, require_device, server_time_ms, text_field

    device = await require_device(request)
    raw_id = request.path_params["conflict_id"]
    try:
        conflict_id = int(raw_id)
    except ValueError:
        raise InvalidInputError(f"Nomor konflik '{raw_id}' bukan bilangan bulat.") from None
    payload = await read_json_object(request)
    resolution = text_field(payload, "resolution")
    by = text_field(payload, "by")
    assert resolution is not None and by is not None
    result = await in_transaction(request, lambda s: resolve_conflict(s, device, conflict_id, resolution, by))
    return JSONResponse({**result, "server_time_ms": server_time_ms()})


ROUTES = [
    Route("/sync/conflicts", conflicts_endpoint, methods=["GET"]),
    Route("/sync/conflicts/{conflict_id}/resolve", resolve_endpoint, methods=["POST"]),
]
"""Mounted by ``create_app`` (``routes=[..., *conflict_api.ROUTES]``)."""
