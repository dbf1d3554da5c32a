"""One sync run: push the outbox, then pull until the server has nothing more (``docs/sync-design.md`` §5).

:func:`sync_once` never holds a write transaction across the network: it reads a batch, sends it, then
records the answers in a short transaction of its own; a pulled page is applied together with its cursor in
one transaction (``sync.apply``). A crash anywhere leaves a state the next run repairs: unacknowledged ops
are pushed again (the server answers a replayed op with its stored result), an unapplied page is pulled again.

Push answers per op (``client.OpResult``):

* ``applied``/``merged`` (some fields lost to newer values: the server logged the conflict): acknowledged,
  i.e. deleted from the outbox.
* ``duplicate`` (a relief hand-over another office recorded first): acknowledged — the server sends the
  first office's row back in a pull — and listed as a :class:`Notice`.
* ``rejected`` (out of the device's scope, refused for the role, or malformed: the server's ``error``) and any
  status this client does not know: the op is marked ``poison`` with the error and stays in the outbox for
  the operator (and an export), listed as a :class:`Notice`; pushing it again would get the same answer, so
  the queue goes on without it. Nothing the user wrote is deleted unseen.
* no answer for an op: it stays pending for the next run.

A batch the server refuses as a whole — 413 (too large) or 400/422 (malformed) — is split in halves until
the offending op is alone; that op is marked poison and the rest go through. 401 and 426 stop the run (the
outbox is kept). Every failure is also stored as ``sync_state.last_error``.

The clock offset (server time − local time) is learnt from the last answer (``hlc.set_offset``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

from simoncer_desktop.ids import uuid7
from simoncer_desktop.store import Database
from simoncer_desktop.sync import apply, hlc, outbox, state
from simoncer_desktop.sync.client import (
    PayloadTooLargeError,
    PullPage,
    PushResult,
    RequestRefusedError,
    ServerError,
    SyncError,
    UnauthorizedError,
)
from simoncer_desktop.sync.outbox import OutboxOp

log = logging.getLogger(__name__)

PUSH_BATCH = 1000
PULL_PAGE = 1000
ACKNOWLEDGED = frozenset({"applied", "merged", "duplicate"})
"""Answers after which the op leaves the outbox."""
SPLIT_STATUSES = frozenset({400, 413, 422})
"""Answers to a whole batch that mean 'something in it': split it to find the op."""


class Client(Protocol):
    token: str | None

    def push(self, device_id: str, batch_id: str, schema_version: int, ops: list[dict[str, Any]]) -> PushResult: ...

    def pull(self, cursor: int, limit: int = PULL_PAGE) -> PullPage: ...


@dataclass(frozen=True)
class Notice:
    """Something the operator must see: an op the server refused or kept as duplicate, an op marked poison,
    a pulled change that could not be applied here."""

    kind: str
    """``duplicate``, ``poison`` (rejected or invalid; kept in the outbox) or ``unapplied`` (a pulled change)."""
    tbl: str
    row_id: str
    message: str
    op_id: str | None = None


@dataclass
class SyncReport:
    pending_before: int = 0
    pushed: int = 0
    """Ops the server answered for (any status)."""
    applied: int = 0
    merged: int = 0
    rejected: int = 0
    """Ops the server rejected (scope, role, malformed): marked poison, counted in ``poisoned`` too."""
    duplicate: int = 0
    poisoned: int = 0
    unanswered: int = 0
    batches: int = 0
    pulled: int = 0
    """Changes received."""
    pages: int = 0
    inserted: int = 0
    updated: int = 0
    fields_kept_local: int = 0
    fields_ignored: int = 0
    unapplied: int = 0
    pending_after: int = 0
    poison_total: int = 0
    """Ops in the outbox marked poison (from this run or earlier ones)."""
    cursor: int = 0
    offset_ms: int | None = None
    notices: list[Notice] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        """Pushed ops the server merged (some of their fields lost to newer values; kept in its conflict log)."""
        return self.merged


def sync_once(db: Database, client: Client, *, batch_size: int = PUSH_BATCH, page_size: int = PULL_PAGE) -> SyncReport:
    """Push every pending op, then pull until ``has_more`` is false. Raises the client's :class:`SyncError`
    (after storing it as ``last_error``); what was done before the failure stays done."""
    with db.read() as session:
        current = state.load(session)
        report = SyncReport(pending_before=outbox.count_pending(session), cursor=current.cursor)
    if not current.enrolled or current.device_id is None:
        raise SyncError("Perangkat ini belum terdaftar di server: jalankan sinkronisasi dengan --enroll KODE.")
    if client.token is None:
        client.token = current.token
    schema = schema_number(db.migration.to_revision)
    last_time: tuple[int, int] | None = None
    try:
        after = 0
        while True:
            with db.read() as session:
                ops = outbox.pending(session, batch_size, after_seq=after)
            if not ops:
                break
            answer = _push(db, client, current.device_id, schema, ops, report)
            if answer is not None:
                last_time = answer
            after = ops[-1].seq
        cursor = current.cursor
        while True:
            page = client.pull(cursor, page_size)
            with db.transaction() as session:
                result = apply.apply_page(session, page)
            report.pages += 1
            report.pulled += result.changes
            report.inserted += result.inserted
            report.updated += result.updated
            report.fields_kept_local += result.fields_kept_local
            report.fields_ignored += result.fields_ignored
            report.unapplied += len(result.unapplied)
            report.notices.extend(Notice("unapplied", u.tbl, u.row_id, u.reason) for u in result.unapplied)
            last_time = (page.server_time_ms, page.local_ms)
            if page.has_more and page.next_cursor <= cursor:
                raise ServerError(f"Server mengulang halaman yang sama (kursor {cursor}); sinkronisasi dihentikan.")
            cursor = page.next_cursor
            report.cursor = cursor
            if not page.has_more:
                break
    except SyncError as exc:
        _record_error(db, str(exc))
        raise
    with db.transaction() as session:
        if last_time is not None:
            report.offset_ms = hlc.offset_from_server(*last_time)
            hlc.set_offset(session, report.offset_ms)
        state.record_success(session)
        report.pending_after = outbox.count_pending(session)
        report.poison_total = len(outbox.poisoned(session))
    return report


def _record_error(db: Database, message: str) -> None:
    try:
        with db.transaction() as session:
            state.record_error(session, message)
    except Exception:  # the sync error is what the caller must see
        log.exception("Could not store the sync error")


def _push(
    db: Database, client: Client, device_id: str, schema: int, ops: list[OutboxOp], report: SyncReport
) -> tuple[int, int] | None:
    """Push ``ops`` (split on 400/413/422) and record the answers; the last (server ms, local ms) seen."""
    try:
        answer = client.push(device_id, uuid7(), schema, [op.to_wire() for op in ops])
    except RequestRefusedError as exc:
        if isinstance(exc, UnauthorizedError) or exc.status not in SPLIT_STATUSES:
            raise
        if len(ops) == 1:
            (op,) = ops
            reason = "terlalu besar untuk server" if isinstance(exc, PayloadTooLargeError) else "ditolak server"
            message = f"{reason}: {exc}"
            with db.transaction() as session:
                outbox.mark_poison(session, op.op_id, message)
            report.poisoned += 1
            report.notices.append(Notice("poison", op.tbl, op.row_id, message, op.op_id))
            return None
        half = len(ops) // 2
        log.info("Push of %d ops refused (HTTP %s); splitting", len(ops), exc.status)
        first = _push(db, client, device_id, schema, ops[:half], report)
        second = _push(db, client, device_id, schema, ops[half:], report)
        return second or first
    report.batches += 1
    _record_results(db, ops, answer, report)
    return answer.server_time_ms, answer.local_ms


def _record_results(db: Database, ops: list[OutboxOp], answer: PushResult, report: SyncReport) -> None:
    by_id = {op.op_id: op for op in ops}
    done: list[str] = []
    poison: list[tuple[OutboxOp, str]] = []
    answered: set[str] = set()
    for result in answer.results:
        op = by_id.get(result.op_id)
        if op is None or result.op_id in answered:
            log.warning("Push answer for an op not in the batch: %s", result.op_id)
            continue
        answered.add(result.op_id)
        report.pushed += 1
        status = result.status
        if status in ACKNOWLEDGED:
            done.append(op.op_id)
            if status == "applied":
                report.applied += 1
            elif status == "merged":
                report.merged += 1
            else:
                report.duplicate += 1
                message = result.error or "duplikat: data kantor lain yang tercatat lebih dulu yang dipakai"
                report.notices.append(Notice(status, op.tbl, op.row_id, message, op.op_id))
        else:
            if status == "rejected":
                report.rejected += 1
                message = result.error or "ditolak server"
            else:
                message = result.error or f"jawaban server tidak dikenal: '{status}'"
            poison.append((op, message))
    report.unanswered += len(ops) - len(answered)
    with db.transaction() as session:
        outbox.acknowledge(session, done)
        for op, message in poison:
            outbox.mark_poison(session, op.op_id, message)
    for op, message in poison:
        report.poisoned += 1
        report.notices.append(Notice("poison", op.tbl, op.row_id, message, op.op_id))


def schema_number(revision: str | None) -> int:
    """The desktop schema as the server compares it: the migration number (``'0007'`` → 7)."""
    try:
        return int(revision or "")
    except ValueError as exc:
        raise SyncError(f"Revisi skema database '{revision}' bukan nomor migrasi.") from exc
