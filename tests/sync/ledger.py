"""The model the sync proofs check the real system against (``test_state_machine``, issue 8).

:class:`Ledger` records every edit committed on a laptop — one :class:`Edit` per field of every outbox op
the edit wrote, read from the outbox right after the edit (table, row, field, value, HLC) — and what each
laptop has seen of every field (the highest HLC it wrote or pulled): an edit that overwrites a value its
laptop had already seen replaces it on purpose, which is not a loss.

Checks:

* :meth:`Ledger.check_cursors` — a laptop's stored pull cursor is the ``next_cursor`` of the last page the
  engine received and applied, never further (a cut pull leaves the cursor at the last applied page);
* :meth:`Ledger.check_nothing_dropped` — an op leaves a laptop's outbox only when the server has stored
  its answer (``applied_op``);
* :meth:`Ledger.check_converged` (after quiet syncs) — every laptop's rows of its scope equal the server's
  ``field_state``; no laptop has an in-scope row the server lacks; and every edit ever committed is the
  server's winner for its field, or a losing value in the conflict log, or was overwritten by a later edit
  made on a laptop that had seen it, or is still in its laptop's outbox marked poison with the server's
  reason (refused, e.g. a family handed over meanwhile: kept for the operator, never silently dropped).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from simoncer_central.models import AppliedOp, Conflict, FieldState, RowScope
from simoncer_central.push import in_scope
from simoncer_desktop.sync import capture, outbox
from tests.sync.devices import Device, World

Key = tuple[str, str, str]
"""(table, row id, field)."""


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def visible(device_scope: str, row_scope: str) -> bool:
    """Whether a row of ``row_scope`` belongs on a laptop of ``device_scope`` (global rows reach everyone)."""
    return row_scope == "*" or in_scope(device_scope, row_scope)


@dataclass(frozen=True)
class Edit:
    device: str
    device_id: str
    op_id: str
    tbl: str
    row_id: str
    field: str
    value: Any
    hlc: str
    seen_before: str
    """The highest HLC of this field the laptop had written or pulled before this edit ('' for none)."""

    @property
    def key(self) -> Key:
        return (self.tbl, self.row_id, self.field)


@dataclass(frozen=True)
class ServerState:
    fields: dict[tuple[str, str], dict[str, tuple[Any, str]]]
    """(table, row id) → field → (value, hlc)."""
    scopes: dict[tuple[str, str], str]
    losers: set[tuple[str, str, str, str, str]]
    """(table, row id, field, canonical losing value, losing hlc) of every conflict."""
    answered: set[tuple[str, str]]
    """(device id, op id) of every stored answer."""


def server_state(world: World) -> ServerState:
    with world.central.transaction() as s:
        fields: dict[tuple[str, str], dict[str, tuple[Any, str]]] = defaultdict(dict)
        for tbl, row_id, name, value, stamp in s.execute(
            select(FieldState.tbl, FieldState.row_id, FieldState.field, FieldState.value, FieldState.hlc)
        ):
            fields[(tbl, row_id)][name] = (json.loads(value), stamp)
        scopes = {(t, r): scope for t, r, scope in s.execute(select(RowScope.tbl, RowScope.row_id, RowScope.scope))}
        losers = {
            (t, r, f, canonical(json.loads(v)), h)
            for t, r, f, v, h in s.execute(
                select(Conflict.tbl, Conflict.row_id, Conflict.field, Conflict.losing_value, Conflict.losing_hlc)
            )
        }
        answered = {(d, o) for d, o in s.execute(select(AppliedOp.device_id, AppliedOp.op_id))}
    return ServerState(dict(fields), scopes, losers, answered)


class Ledger:
    def __init__(self, world: World) -> None:
        self.world = world
        self.edits: list[Edit] = []
        self.seen: dict[str, dict[Key, str]] = {d.name: {} for d in world}
        self.outbox_mark = {d.name: d.last_outbox_seq() for d in world}
        self.pages_read = {d.name: len(d.client.pages) for d in world}
        self.cursor = {d.name: d.cursor() for d in world}

    # -- recording ----------------------------------------------------------------------------------------

    def record_edits(self, device: Device) -> list[Edit]:
        """The edits the last action on ``device`` committed (its new outbox ops)."""
        new: list[Edit] = []
        for op in device.outbox_ops(self.outbox_mark[device.name]):
            self.outbox_mark[device.name] = op.seq
            seen = self.seen[device.name]
            for name, value in op.fields.items():
                key = (op.tbl, op.row_id, name)
                before = seen.get(key, "")
                new.append(
                    Edit(device.name, device.device_id, op.op_id, op.tbl, op.row_id, name, value, op.hlc, before)
                )
                seen[key] = max(before, op.hlc)
        self.edits += new
        return new

    def record_pulls(self, device: Device) -> int:
        """Take in the pages the engine received since the last call (each was applied with its cursor)."""
        pages = device.client.pages[self.pages_read[device.name] :]
        self.pages_read[device.name] += len(pages)
        seen = self.seen[device.name]
        for page in pages:
            for change in page.changes:
                for name in change.fields:
                    key = (change.tbl, change.row_id, name)
                    seen[key] = max(seen.get(key, ""), change.hlc)
            self.cursor[device.name] = page.next_cursor
        return len(pages)

    # -- checks -------------------------------------------------------------------------------------------

    def check_cursors(self) -> None:
        for device in self.world:
            stored = device.cursor()
            assert stored == self.cursor[device.name], (
                f"{device.name}: cursor {stored} stored, but the last page applied ends at {self.cursor[device.name]}"
            )

    def check_nothing_dropped(self, server: ServerState | None = None) -> None:
        server = server or server_state(self.world)
        for device in self.world:
            local = {op.op_id for op in device.outbox_ops()}
            gone = {
                e.op_id
                for e in self.edits
                if e.device == device.name and e.op_id not in local and (e.device_id, e.op_id) not in server.answered
            }
            assert not gone, f"{device.name}: ops left the outbox without a stored server answer: {sorted(gone)}"

    def check_converged(self) -> dict[str, int]:
        """Call after quiet syncs. Returns how each edit is accounted for (counts by outcome)."""
        server = server_state(self.world)
        self.check_nothing_dropped(server)
        problems: list[str] = []
        poison: dict[str, set[str]] = {}
        for device in self.world:
            ops = device.outbox_ops()
            assert all(op.status == outbox.POISON for op in ops), f"{device.name}: ops still pending after quiet syncs"
            poison[device.name] = {op.op_id for op in ops}
            problems += _divergence(device, server, {op.row_id for op in ops})
        assert not problems, "devices differ from the server:\n" + "\n".join(problems[:40])

        by_key: dict[Key, list[Edit]] = defaultdict(list)
        for edit in self.edits:
            by_key[edit.key].append(edit)
        outcome: dict[str, int] = defaultdict(int)
        lost: list[Edit] = []
        for edit in self.edits:
            current = server.fields.get((edit.tbl, edit.row_id), {}).get(edit.field)
            if current is not None and current[1] == edit.hlc and canonical(current[0]) == canonical(edit.value):
                outcome["winner"] += 1
            elif (edit.tbl, edit.row_id, edit.field, canonical(edit.value), edit.hlc) in server.losers:
                outcome["conflict_log"] += 1
            elif current is not None and canonical(current[0]) == canonical(edit.value):
                outcome["same_value_as_winner"] += 1  # written alike elsewhere: the value survives, nothing lost
            elif any(o.hlc > edit.hlc and o.seen_before >= edit.hlc for o in by_key[edit.key]):
                outcome["overwritten_after_seen"] += 1
            elif edit.op_id in poison[edit.device]:
                outcome["poison"] += 1
            else:
                lost.append(edit)
        heading = "edits silently lost (not the winner or its value, not in the conflict log, not poison):\n"
        assert not lost, heading + "\n".join(
            f"{e.device} {e.tbl}.{e.field} {e.row_id} = {e.value!r} @ {e.hlc} (server: "
            f"{server.fields.get((e.tbl, e.row_id), {}).get(e.field)!r})"
            for e in lost[:20]
        )
        return dict(outcome)


def _divergence(device: Device, server: ServerState, poisoned_rows: set[str]) -> list[str]:
    """Differences between ``device`` and the server over the rows of the device's scope."""
    problems: list[str] = []
    tables = capture.captured_columns()
    on_server: dict[str, set[str]] = defaultdict(set)
    with device.db.read() as s:
        conn = s.connection()
        for (tbl, row_id), row_scope in server.scopes.items():
            on_server[tbl].add(row_id)
            if not visible(device.scope, row_scope):
                continue
            fields = server.fields.get((tbl, row_id), {})
            names = [n for n in fields if n in tables.get(tbl, ())]
            if not names:
                continue
            columns = ", ".join(f'"{n}"' for n in names)
            local = conn.exec_driver_sql(f'SELECT {columns} FROM "{tbl}" WHERE id = ?', (row_id,)).first()
            if local is None:
                problems.append(f"{device.name}: {tbl} {row_id} (scope {row_scope}) missing")
                continue
            for name, value in zip(names, local, strict=True):
                expected = fields[name][0]
                if canonical(value) != canonical(expected):
                    problems.append(f"{device.name}: {tbl}.{name} {row_id}: {value!r} here, {expected!r} on the server")
        for tbl, columns in tables.items():
            if "scope" not in columns:
                continue
            for row_id, row_scope in conn.execute(text(f'SELECT id, scope FROM "{tbl}"')):
                if visible(device.scope, row_scope) and row_id not in on_server[tbl] and row_id not in poisoned_rows:
                    problems.append(f"{device.name}: {tbl} {row_id} (scope {row_scope}) is not on the server")
    return problems
