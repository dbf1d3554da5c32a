"""Apply a pushed batch (``POST /sync/push``, ``docs/sync-design.md`` §5) in the caller's transaction.

A batch is ``{device_id?, batch_id?, schema_version, cursor?, ops: [op, …]}`` (``cursor``: the client's
stored pull cursor, see rule 3) with each op exactly as the client's
``OutboxOp.to_wire()`` makes it: ``{op_id, tbl, row_id, kind ('insert'|'update'), fields {column: value},
hlc}``. Every op gets one answer, in op order: ``{op_id, status, error?}`` with status

* ``applied`` — every field was accepted (or already held this very write),
* ``merged`` — some or all fields lost to a value that wins (each loser is a ``conflict`` row),
* ``rejected`` — out of the device's scope or malformed (``error`` in Bahasa; the client marks it poison),
* ``duplicate`` — a relief distribution another device recorded first under the same derived id.

Rules, per op:

1. Replay: an op already answered for this device returns the stored answer and changes nothing.
2. Scope: the row's scope is ``row_scope`` when the server knows the row, else the op's ``fields['scope']``.
   A device whose scope is not ``*`` may only touch rows of its scope (equal, or a sub-code
   ``scope + '.…'``); it may move a row of its scope to another kecamatan (the hand-over of a family), but
   not into ``*`` (global reference data belongs to the Dinsos office).
   Then, for clients of desktop schema 8 or later, the op's acting ``user`` (``simoncer_central.roles``):
   a known, active user whose role may make the change in the row's kecamatan (the desktop's own
   permission table); older clients send no user and are checked on scope alone. Every ``change`` and
   ``conflict`` row names the op's user (``change.user_name``, ``conflict.losing_user``).
3. Per field last-writer-wins on the HLC text (fixed widths: text order = (wall, counter, device) order):
   a later HLC replaces the value in ``field_state``; an earlier one is a ``conflict`` (the op's value
   loses); the same HLC is the same write (nothing to do). A value overwritten by a later HLC is also kept
   as a conflict when it came from another device and the pusher had not pulled it yet
   (``change.seq`` above the pusher's pull cursor: the batch's optional ``cursor``, the client's stored pull
   cursor, else the last cursor it sent to pull, ``device.pulled_seq``): the two edits were concurrent, and
   the log then holds the same conflict in either arrival order. (Without a cursor in the batch the
   server's idea of it can lag one sync: then a sequential overwrite may be logged as a conflict too —
   noise, never a silent loss.)
4. ``enrollment.stage`` never moves backwards: the winner is the higher stage, and on equal stages the
   later HLC (a total order, so the result is the same in any arrival order). A lower stage loses as a
   ``stage`` conflict even with a later HLC; its device is sent the winning stage back (a correction
   change), since it cannot learn it from HLC order.
5. A ``distribution`` insert whose row the server already has from another device → ``duplicate``: every
   field is a ``duplicate`` conflict, nothing changes, and the current row is sent back as a correction
   change so the second office sees the first office's distribution.
6. Accepted fields of an op → one ``change`` row (one per op, not per field, as the client's outbox).
   When the op moves the row to another scope the change carries the row's whole current state, so the
   new office receives the complete row, and records the old scope so the old office receives it too.

Concurrency: PostgreSQL pushes take a transaction-level advisory lock first (SQLite's ``BEGIN
IMMEDIATE`` already serialises writers). That makes the read-compare-write of last-writer-wins safe, and
makes ``change.seq`` values commit in order, so a pull can never pass over a ``seq`` that commits later.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, text, tuple_, update
from sqlalchemy.orm import Session

from simoncer_central.devices import ALL_REGIONS, utcnow
from simoncer_central.errors import InvalidInputError
from simoncer_central.models import (
    AppliedOp,
    Change,
    Conflict,
    Device,
    FieldState,
    RowScope,
)
from simoncer_central.roles import MIN_ROLE_SCHEMA, RoleCheck, RoleRefusedError
from simoncer_central.wire import OpError, WireOp, dumps, parse_op, valid_op_id, validate_batch
from simoncer_desktop.models import Base

APPLIED = "applied"
MERGED = "merged"
REJECTED = "rejected"
DUPLICATE = "duplicate"

KIND_LWW = "lww"
KIND_STAGE = "stage"
KIND_DUPLICATE = "duplicate"

PUSH_LOCK_KEY = 0x53494D43  # "SIMC": the advisory lock every PostgreSQL push holds until it commits

MONOTONIC_FIELDS = {("enrollment", "stage")}
"""Fields whose value only grows (graduation stages)."""
USER_TABLE = "app_user"
DUPLICATE_TABLES = {"distribution"}
"""Tables whose ids are derived (the same distribution from two offices has the same id)."""

FAMILY_TABLE = "household"
FAMILY_TABLES = frozenset(
    table.name
    for table in Base.metadata.sorted_tables
    if "household_id" in table.c and "scope" in table.c and table.name != "affected_family"
)
"""Synced tables whose rows belong to one family (``household_id``): a new row follows the family's scope.
Not ``affected_family``: a disaster victim belongs to the event's kecamatan, wherever the KPM family lives."""

IN_CHUNK = 400
"""Keys per ``IN (…)`` when loading state for a batch (well under any bound-parameter limit)."""


def _family_keys(ops: Iterable[Any]) -> set[tuple[str, str]]:
    """The families of the batch's family-owned inserts, whose current scope ``_follow_family`` needs."""
    keys = set()
    for op in ops:
        if isinstance(op, dict) and op.get("tbl") in FAMILY_TABLES and op.get("kind") == "insert":
            fields = op.get("fields")
            household_id = fields.get("household_id") if isinstance(fields, dict) else None
            if isinstance(household_id, str):
                keys.add((FAMILY_TABLE, household_id))
    return keys


def in_scope(device_scope: str, row_scope: str) -> bool:
    """A ``*`` device sees every row; another device its own scope and the codes under it."""
    if device_scope == ALL_REGIONS:
        return True
    return row_scope == device_scope or row_scope.startswith(device_scope + ".")


@dataclass
class _State:
    """The current winner of one field (a ``field_state`` row, loaded or new)."""

    value: str
    hlc: str
    device_id: str
    seq: int
    new: bool = False
    dirty: bool = False
    user: str | None = None
    """The acting user of the op that wrote the value (from its ``change``; filled by ``_load_users``)."""
    change: int | None = None
    """Index in ``BatchApplier.changes`` of the change of this batch that carries the value."""


@dataclass
class _Row:
    """A ``row_scope`` row, loaded or new."""

    scope: str
    device_id: str
    new: bool = False
    moved: bool = False


class BatchApplier:
    """One batch against the state of its rows, loaded up front (one query per table, not per op) and
    written at the end in bulk (one INSERT/UPDATE statement per table)."""

    def __init__(
        self, session: Session, device: Device, ops: list[Any], now: datetime, cursor: int | None = None
    ) -> None:
        self.session = session
        self.device = device
        self.now = now
        self.pulled_seq = cursor if cursor is not None else device.pulled_seq or 0
        op_ids = {op["op_id"] for op in ops if isinstance(op, dict) and valid_op_id(op.get("op_id"))}
        keys = {
            (op["tbl"], op["row_id"])
            for op in ops
            if isinstance(op, dict) and isinstance(op.get("tbl"), str) and isinstance(op.get("row_id"), str)
        }
        keys |= _family_keys(ops)
        self.answered: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(sorted(op_ids)):
            query = select(AppliedOp.op_id, AppliedOp.result).where(
                AppliedOp.device_id == device.id, AppliedOp.op_id.in_(chunk)
            )
            self.answered.update((op_id, json.loads(result)) for op_id, result in session.execute(query))
        self.rows: dict[tuple[str, str], _Row] = {}
        self.states: dict[tuple[str, str], dict[str, _State]] = {}
        for chunk in _chunks(sorted(keys)):
            scopes = select(RowScope.tbl, RowScope.row_id, RowScope.scope, RowScope.device_id)
            for tbl, row_id, scope, device_id in session.execute(
                scopes.where(tuple_(RowScope.tbl, RowScope.row_id).in_(chunk))
            ):
                self.rows[(tbl, row_id)] = _Row(scope, device_id)
            states = select(
                FieldState.tbl,
                FieldState.row_id,
                FieldState.field,
                FieldState.value,
                FieldState.hlc,
                FieldState.device_id,
                FieldState.seq,
            )
            for tbl, row_id, name, value, hlc, device_id, seq in session.execute(
                states.where(tuple_(FieldState.tbl, FieldState.row_id).in_(chunk))
            ):
                self.states.setdefault((tbl, row_id), {})[name] = _State(value, hlc, device_id, seq)
        _load_users(session, self.states)
        self.changes: list[dict[str, Any]] = []
        self.conflicts: list[dict[str, Any]] = []
        self.remembered: list[dict[str, Any]] = []
        self.roles: RoleCheck | None = None
        """The per-op role check (``simoncer_central.roles``); ``None`` for clients older than schema 8."""

    # -- per op -----------------------------------------------------------------------------------------

    def apply(self, raw: Any) -> dict[str, Any]:
        op_id = raw.get("op_id") if isinstance(raw, dict) else None
        if not valid_op_id(op_id):
            shown = op_id if isinstance(op_id, str) else None
            return {"op_id": shown, "status": REJECTED, "error": "Perubahan tanpa op_id yang valid."}
        assert isinstance(raw, dict) and isinstance(op_id, str)
        if op_id in self.answered:
            return self.answered[op_id]
        try:
            result = self._apply(parse_op(raw))
        except OpError as exc:
            result = {"op_id": op_id, "status": REJECTED, "error": str(exc)}
        self.answered[op_id] = result
        self.remembered.append({"device_id": self.device.id, "op_id": op_id, "result": dumps(result)})
        return result

    def _apply(self, op: WireOp) -> dict[str, Any]:
        known = self.rows.get((op.tbl, op.row_id))
        new_scope = op.fields.get("scope")
        if known is not None:
            row_scope = known.scope
        elif isinstance(new_scope, str):
            row_scope = new_scope
        else:
            raise OpError(
                f"Baris {op.tbl} {op.row_id} belum dikenal server dan perubahannya tidak menyebut wilayah (scope)."
            )
        scope = self.device.scope
        if not in_scope(scope, row_scope):
            raise OpError(
                f"Data wilayah {row_scope} di luar wilayah perangkat ini ({scope}); perubahan tidak diterima."
            )
        if new_scope == ALL_REGIONS and row_scope != ALL_REGIONS and scope != ALL_REGIONS:
            raise OpError("Hanya perangkat kantor Dinsos yang dapat menjadikan data berlaku untuk semua wilayah.")
        self._check_role(op, row_scope)
        if known is None:
            op = self._follow_family(op, row_scope)
        if (
            op.tbl in DUPLICATE_TABLES
            and op.kind == "insert"
            and known is not None
            and known.device_id != self.device.id
        ):
            return self._duplicate(op, known)
        result = self._merge(op, known, row_scope)
        if self.roles is not None and op.tbl == USER_TABLE:
            self.roles.user_written(op.row_id)  # later ops of the batch see the user as it now is
        return result

    def _follow_family(self, op: WireOp, row_scope: str) -> WireOp:
        """A new row of a family that was handed over to another kecamatan after the pushing laptop last
        pulled (a member added offline to a family moved meanwhile) goes where the family now is: its
        ``scope`` becomes the family's, and ``_merge`` logs it as a hand-over, so the new office receives
        the row and the sending office sees it leave its scope, like the family itself."""
        household_id = op.fields.get("household_id") if op.tbl in FAMILY_TABLES else None
        family = self.rows.get((FAMILY_TABLE, household_id)) if isinstance(household_id, str) else None
        if family is None or family.scope == row_scope or family.scope == ALL_REGIONS:
            return op
        return replace(op, fields={**op.fields, "scope": family.scope})

    # -- roles (simoncer_central.roles) -----------------------------------------------------------------

    def enable_role_check(self, ops: list[Any]) -> None:
        """Check every op's user and role from now on; users the batch creates are known to all of it."""
        self.roles = RoleCheck(self.session, self.device.scope, self._stored_fields)
        inserts = []
        for raw in ops:
            new_user = isinstance(raw, dict) and raw.get("tbl") == USER_TABLE and raw.get("kind") == "insert"
            if not new_user or not valid_op_id(raw.get("op_id")) or raw["op_id"] in self.answered:
                continue
            try:
                inserts.append(parse_op(raw))
            except OpError:
                continue
        self.roles.prescan(inserts, lambda row_scope: in_scope(self.device.scope, row_scope))

    def _check_role(self, op: WireOp, row_scope: str) -> None:
        if self.roles is None:
            return
        try:
            self.roles.check(op, row_scope)
        except RoleRefusedError as exc:
            raise OpError(str(exc)) from None

    def _stored_fields(self, tbl: str, row_id: str) -> dict[str, Any]:
        """The current values of a row of this batch (loaded or written by earlier ops)."""
        return {name: json.loads(state.value) for name, state in self.states.get((tbl, row_id), {}).items()}

    def _merge(self, op: WireOp, known: _Row | None, row_scope: str) -> dict[str, Any]:
        key = (op.tbl, op.row_id)
        states = self.states.setdefault(key, {})
        accepted: dict[str, Any] = {}
        touched: list[_State] = []
        corrections: dict[str, _State] = {}
        lost = 0
        me = self.device.id
        for name, value in op.fields.items():
            current = states.get(name)
            encoded = dumps(value)
            if current is None:
                state = _State(encoded, op.hlc, me, 0, new=True, user=op.user)
                states[name] = state
                touched.append(state)
                accepted[name] = value
                continue
            if current.hlc == op.hlc:
                continue  # the same write, already here
            later = op.hlc > current.hlc
            monotonic = (op.tbl, name) in MONOTONIC_FIELDS and _both_int(value, current.value)
            wins = (value, op.hlc) > (json.loads(current.value), current.hlc) if monotonic else later
            if wins:
                concurrent = current.device_id != me and current.change is None and current.seq > self.pulled_seq
                if concurrent and current.value != encoded:
                    # overwriting a concurrent edit the pusher never saw: the overwritten value is the loser
                    kind = KIND_STAGE if monotonic and not later else KIND_LWW
                    self._conflict(op.tbl, op.row_id, name, kind, current, (encoded, op.hlc, me), current.user)
                current.value, current.hlc, current.device_id, current.dirty = encoded, op.hlc, me, True
                current.user = op.user
                touched.append(current)
                accepted[name] = value
            elif current.value == encoded:
                continue  # an older write of the value the field already holds: nothing is lost
            else:
                lost += 1
                kind = KIND_STAGE if monotonic else KIND_LWW
                self._conflict(op.tbl, op.row_id, name, kind, (encoded, op.hlc, me), current, op.user)
                if monotonic and later:  # the pusher cannot learn the winner from HLC order: send it back
                    corrections[name] = current
        if known is None:
            known = self.rows[key] = _Row(row_scope, me, new=True)
        if accepted:
            old_scope = None
            if "scope" in accepted and accepted["scope"] != known.scope:
                old_scope = known.scope
                known.scope, known.moved = accepted["scope"], True
            fields = accepted
            if old_scope is not None:  # hand-over: the new office gets the whole row
                fields = {n: json.loads(s.value) for n, s in states.items()}
            index = self._log(op.tbl, op.row_id, known.scope, old_scope, fields, op.hlc, me, op.user)
            for state in touched:
                state.change = index
        if corrections:
            self._correct(op.tbl, op.row_id, known.scope, corrections)
        return {"op_id": op.op_id, "status": MERGED if lost else APPLIED}

    def _duplicate(self, op: WireOp, known: _Row) -> dict[str, Any]:
        states = self.states.get((op.tbl, op.row_id), {})
        me = self.device.id
        for name, value in op.fields.items():
            current = states.get(name)
            winner = current if current is not None else (None, None, known.device_id)
            self._conflict(op.tbl, op.row_id, name, KIND_DUPLICATE, (dumps(value), op.hlc, me), winner, op.user)
        if states:
            self._correct(op.tbl, op.row_id, known.scope, states)
        return {"op_id": op.op_id, "status": DUPLICATE}

    # -- recording --------------------------------------------------------------------------------------

    def _conflict(
        self,
        tbl: str,
        row_id: str,
        name: str,
        kind: str,
        loser: _State | tuple[str, str, str],
        winner: _State | tuple[str | None, str | None, str | None],
        losing_user: str | None = None,
    ) -> None:
        lv, lh, ld = (loser.value, loser.hlc, loser.device_id) if isinstance(loser, _State) else loser
        wv, wh, wd = (winner.value, winner.hlc, winner.device_id) if isinstance(winner, _State) else winner
        self.conflicts.append(
            {
                "tbl": tbl,
                "row_id": row_id,
                "field": name,
                "kind": kind,
                "losing_value": lv,
                "losing_hlc": lh,
                "losing_device": ld,
                "losing_user": losing_user,
                "winning_value": wv,
                "winning_hlc": wh,
                "winning_device": wd,
                "at": self.now,
            }
        )

    def _log(
        self,
        tbl: str,
        row_id: str,
        scope: str,
        old_scope: str | None,
        fields: dict[str, Any],
        hlc: str,
        device: str,
        user: str | None = None,
    ) -> int:
        self.changes.append(
            {
                "tbl": tbl,
                "row_id": row_id,
                "scope": scope,
                "old_scope": old_scope,
                "fields": dumps(fields),
                "hlc": hlc,
                "device_id": device,
                "user_name": user,
                "received_at": self.now,
            }
        )
        return len(self.changes) - 1

    def _correct(self, tbl: str, row_id: str, scope: str, states: dict[str, _State]) -> None:
        """A change re-sending the current winners ``states`` (with the latest of their HLCs), for a device
        whose value lost by a rule other than HLC order."""
        latest = max(states.values(), key=lambda s: s.hlc)
        fields = {name: json.loads(s.value) for name, s in states.items()}
        self._log(tbl, row_id, scope, None, fields, latest.hlc, latest.device_id)

    # -- writing ----------------------------------------------------------------------------------------

    def write(self) -> None:
        """The batch's log first (its ``seq`` values), then field states pointing at them, row scopes,
        conflicts and answers."""
        session = self.session
        seqs: list[int] = []
        if self.changes:
            statement = insert(Change).returning(Change.seq, sort_by_parameter_order=True)
            seqs = list(session.scalars(statement, self.changes))
        inserted: list[dict[str, Any]] = []
        updated: list[dict[str, Any]] = []
        for (tbl, row_id), states in self.states.items():
            for name, state in states.items():
                if state.change is None:
                    continue
                row = {
                    "tbl": tbl,
                    "row_id": row_id,
                    "field": name,
                    "value": state.value,
                    "hlc": state.hlc,
                    "device_id": state.device_id,
                    "seq": seqs[state.change],
                }
                (inserted if state.new else updated).append(row)
        new_rows = [
            {"tbl": t, "row_id": r, "scope": row.scope, "device_id": row.device_id}
            for (t, r), row in self.rows.items()
            if row.new
        ]
        moved_rows = [
            {"tbl": t, "row_id": r, "scope": row.scope}
            for (t, r), row in self.rows.items()
            if row.moved and not row.new
        ]
        for model, rows in (
            (FieldState, inserted),
            (RowScope, new_rows),
            (Conflict, self.conflicts),
            (AppliedOp, self.remembered),
        ):
            if rows:
                session.execute(insert(model), rows)
        for model, rows in ((FieldState, updated), (RowScope, moved_rows)):
            if rows:
                session.execute(update(model), rows)


def apply_batch(
    session: Session, device: Device, batch: dict[str, Any], now: datetime | None = None
) -> list[dict[str, Any]]:
    """Apply ``batch`` for ``device`` in the caller's transaction; the per-op answers, in op order."""
    schema, ops, cursor = validate_batch(batch, device)
    lock_pushes(session)
    current = session.get(Device, device.id)
    if current is None:  # revoked and deleted between authentication and now: nothing to do
        raise InvalidInputError("Perangkat tidak ditemukan.")
    applier = BatchApplier(session, current, ops, now or utcnow(), cursor)
    if schema >= MIN_ROLE_SCHEMA:
        applier.enable_role_check(ops)
    results = [applier.apply(op) for op in ops]
    applier.write()
    if current.schema_version != str(schema):
        current.schema_version = str(schema)
        session.flush()
    return results


def lock_pushes(session: Session) -> None:
    """Serialise pushes on PostgreSQL until this transaction ends (SQLite: ``BEGIN IMMEDIATE`` did)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUSH_LOCK_KEY})


def _load_users(session: Session, states: dict[tuple[str, str], dict[str, _State]]) -> None:
    """Fill ``_State.user`` of loaded field states from the ``change`` that carried each value (a conflict
    that keeps an overwritten value names its user)."""
    by_seq: dict[int, list[_State]] = {}
    for row in states.values():
        for state in row.values():
            by_seq.setdefault(state.seq, []).append(state)
    for chunk in _chunks(sorted(by_seq)):
        for seq, user in session.execute(select(Change.seq, Change.user_name).where(Change.seq.in_(chunk))):
            for state in by_seq[seq]:
                state.user = user


def _both_int(value: Any, current_json: str) -> bool:
    current = json.loads(current_json)
    return all(isinstance(v, int) and not isinstance(v, bool) for v in (value, current))


def _chunks(items: list[Any], size: int = IN_CHUNK) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
