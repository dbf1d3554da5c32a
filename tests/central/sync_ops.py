"""Helpers for the push/pull tests: enrolled devices, ops built by the client's own ``OutboxOp.to_wire()``,
batches, HTTP calls and a dump of the sync tables."""

from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from starlette.testclient import TestClient

from simoncer_central import devices
from simoncer_central.models import AppliedOp, Change, Conflict, FieldState, RowScope
from simoncer_central.store import CentralDb
from simoncer_desktop.sync.hlc import format_hlc
from simoncer_desktop.sync.outbox import PENDING, OutboxOp

SCHEMA = 6
BASE_WALL = 1_764_100_000_000
_seq = itertools.count(1)


@dataclass
class Dev:
    id: str
    token: str
    scope: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def enroll(central: CentralDb, scope: str, name: str = "LAPTOP") -> Dev:
    with central.transaction() as s:
        code = devices.create_enrollment_code(s, scope)
        device, token = devices.enroll(s, code, name, "0.2.0")
        return Dev(device.id, token, device.scope)


def op(
    dev: Dev,
    tbl: str,
    row_id: str,
    fields: dict[str, Any],
    wall: int = 0,
    counter: int = 0,
    kind: str = "update",
) -> dict[str, Any]:
    """An op exactly as the client sends it (``OutboxOp.to_wire()``); ``wall`` is ms after BASE_WALL."""
    outbox_op = OutboxOp(
        seq=next(_seq),
        op_id=str(uuid.uuid4()),
        tbl=tbl,
        row_id=row_id,
        kind=kind,
        fields=dict(fields),
        hlc=format_hlc(BASE_WALL + wall, counter, dev.id),
        status=PENDING,
        error=None,
    )
    return outbox_op.to_wire()


def household(scope: str = "32.71.01", **overrides: Any) -> dict[str, Any]:
    """The captured fields of a new household as the insert trigger writes them (a realistic subset)."""
    fields: dict[str, Any] = {
        "no_kk": "3271010101010001",
        "address": "Jl. Pajajaran No. 12",
        "rt": "001",
        "rw": "002",
        "kelurahan_code": f"{scope}.1001",
        "facilitator_id": None,
        "phone": "081234567890",
        "desil": 1,
        "desil_date": "2026-01-15",
        "status": "active",
        "welfare_class": None,
        "prog_kis": 1,
        "prog_pkh": 0,
        "scope": scope,
        "deleted": 0,
    }
    fields.update(overrides)
    return fields


def new_id() -> str:
    return str(uuid.uuid4())


def batch(dev: Dev, ops: list[dict[str, Any]], schema: int = SCHEMA) -> dict[str, Any]:
    return {"device_id": dev.id, "batch_id": str(uuid.uuid4()), "schema_version": schema, "ops": ops}


def push(client: TestClient, dev: Dev, ops: list[dict[str, Any]], schema: int = SCHEMA) -> list[dict[str, Any]]:
    response = client.post("/sync/push", json=batch(dev, ops, schema), headers=dev.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"results", "server_time_ms"}
    return body["results"]


def pull(client: TestClient, dev: Dev, cursor: int = 0, limit: int | None = None) -> dict[str, Any]:
    params = {"cursor": cursor} if limit is None else {"cursor": cursor, "limit": limit}
    response = client.get("/sync/pull", params=params, headers=dev.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"changes", "next_cursor", "has_more", "server_time_ms"}
    return body


def pull_all(client: TestClient, dev: Dev, cursor: int = 0) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    while True:
        page = pull(client, dev, cursor)
        changes += page["changes"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return changes


def dump(central: CentralDb) -> dict[str, list[tuple[Any, ...]]]:
    """Every sync table's rows (without times), for "nothing changed" comparisons."""
    with central.transaction() as s:
        return {
            "change": [
                (c.seq, c.tbl, c.row_id, c.scope, c.old_scope, json.loads(c.fields), c.hlc, c.device_id)
                for c in s.scalars(select(Change).order_by(Change.seq))
            ],
            "field_state": [
                (f.tbl, f.row_id, f.field, f.value, f.hlc, f.device_id, f.seq)
                for f in s.scalars(select(FieldState).order_by(FieldState.tbl, FieldState.row_id, FieldState.field))
            ],
            "row_scope": [
                (r.tbl, r.row_id, r.scope, r.device_id)
                for r in s.scalars(select(RowScope).order_by(RowScope.tbl, RowScope.row_id))
            ],
            "applied_op": [
                (a.device_id, a.op_id, a.result)
                for a in s.scalars(select(AppliedOp).order_by(AppliedOp.device_id, AppliedOp.op_id))
            ],
            "conflict": [
                (
                    c.tbl,
                    c.row_id,
                    c.field,
                    c.kind,
                    c.losing_value,
                    c.losing_hlc,
                    c.losing_device,
                    c.winning_value,
                    c.winning_hlc,
                    c.winning_device,
                )
                for c in s.scalars(select(Conflict).order_by(Conflict.id))
            ],
        }


def field_values(central: CentralDb, tbl: str, row_id: str) -> dict[str, Any]:
    with central.transaction() as s:
        rows = s.scalars(select(FieldState).where(FieldState.tbl == tbl, FieldState.row_id == row_id))
        return {f.field: json.loads(f.value) for f in rows}
