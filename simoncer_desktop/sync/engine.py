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

First sync: a device that never pulled (cursor 0), or one whose snapshot was interrupted
(``state.snapshot_progress``), takes ``GET /sync/snapshot`` pages (the scope's current rows at a fixed
server seq S; each page applied with its position in one transaction, ``apply.apply_snapshot_page``), then
pulls the log from S. A server without snapshots (404) is pulled from 0 instead.

Clock (issue 8 §7): the offset (server time − local time) is learnt from the last answer
(``hlc.set_offset``); a local clock running more than 5 minutes ahead of the server is put back
(``hlc.reset_if_ahead``); when the offset is larger than 5 minutes, or the server clamped pushed HLCs
(``clock_warning`` in its answer), the Bahasa warning is kept (``state.clock_warning``) and reported
(``SyncReport.clock_warning``); a later sync with a right clock clears it.

426 (app too old): the run stops, the outbox is kept and the error says how to export it
(``sync.export``). ``progress``/``cancel`` let the UI follow and stop a run between batches/pages
(:class:`SyncCancelled`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from simoncer_desktop.ids import uuid7
from simoncer_desktop.store import Database
from simoncer_desktop.sync import apply, hlc, outbox, state, users
from simoncer_desktop.sync.client import (
    PayloadTooLargeError,
    PullPage,
    PushResult,
    RequestRefusedError,
    SchemaTooOldError,
    ServerError,
    SnapshotPage,
    SyncError,
    UnauthorizedError,
)
from simoncer_desktop.sync.outbox import OutboxOp
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

PUSH_BATCH = 1000
PULL_PAGE = 1000
SNAPSHOT_PAGE = 5000
CANCELLED_MESSAGE = QT_TRANSLATE_NOOP("sync", "Sinkronisasi dibatalkan; yang sudah terkirim tetap tersimpan.")
EXPORT_HINT = QT_TRANSLATE_NOOP(
    "sync",
    "'Ekspor antrean…' di halaman Sinkronisasi atau: simoncer-cli sync --db BERKAS --export-outbox BERKAS.json.gz",
)
Progress = Callable[[str, int, int], None]
"""``progress(phase, done, total)``: phase ``push``, ``snapshot`` or ``pull``; ``total`` 0 when unknown."""
ACKNOWLEDGED = frozenset({"applied", "merged", "duplicate"})
"""Answers after which the op leaves the outbox."""
SPLIT_STATUSES = frozenset({400, 413, 422})
"""Answers to a whole batch that mean 'something in it': split it to find the op."""


class SyncCancelled(SyncError):  # noqa: N818 - the name the UI is built against
    """The operator cancelled the run; every batch/page finished before stays done."""


class Client(Protocol):
    token: str | None

    def push(
        self, device_id: str, batch_id: str, schema_version: int, ops: list[dict[str, Any]], cursor: int | None = None
    ) -> PushResult: ...

    def pull(self, cursor: int, limit: int = PULL_PAGE) -> PullPage: ...

    def snapshot(
        self, after: str | None = None, limit: int = SNAPSHOT_PAGE, seq: int | None = None
    ) -> SnapshotPage: ...


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
    """Changes received (snapshot rows included)."""
    pages: int = 0
    inserted: int = 0
    updated: int = 0
    fields_kept_local: int = 0
    fields_ignored: int = 0
    unapplied: int = 0
    pending_after: int = 0
    poison_total: int = 0
    """Ops in the outbox marked poison (from this run or earlier ones)."""
    snapshot_rows: int = 0
    """Rows received in the first-sync snapshot (0: no snapshot this run)."""
    key_wraps_changed: int = 0
    """Users whose offline sign-in on this laptop was added, renewed or removed (``sync.users``)."""
    cursor: int = 0
    offset_ms: int | None = None
    clock_warning: str | None = None
    """Bahasa warning when this laptop's clock is more than 5 minutes off the server's (also stored)."""
    clock_reset: bool = False
    """The local clock ran far ahead of the server and was put back to server time."""
    notices: list[Notice] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        """Pushed ops the server merged (some of their fields lost to newer values; kept in its conflict log)."""
        return self.merged


def sync_once(
    db: Database,
    client: Client,
    *,
    batch_size: int = PUSH_BATCH,
    page_size: int = PULL_PAGE,
    snapshot_page_size: int = SNAPSHOT_PAGE,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> SyncReport:
    """Push every pending op, then (first sync: the snapshot, then) pull until ``has_more`` is false.

    ``progress(phase, done, total)`` is called after every batch/page (phases ``push``, ``snapshot``,
    ``pull``; ``total`` 0 when unknown); ``cancel()`` is asked between batches/pages and, when true, the run
    stops with :class:`SyncCancelled` (every batch/page done so far stays done). Raises the client's
    :class:`SyncError` (after storing it as ``last_error``); what was done before the failure stays done."""
    with db.read() as session:
        current = state.load(session)
        report = SyncReport(pending_before=outbox.count_pending(session), cursor=current.cursor)
        resume = state.snapshot_progress(session)
    if not current.enrolled or current.device_id is None:
        raise SyncError(
            translate("sync", "Perangkat ini belum terdaftar di server: jalankan sinkronisasi dengan --enroll KODE.")
        )
    if client.token is None:
        client.token = current.token
    schema = schema_number(db.migration.to_revision)
    tell = progress or _no_progress
    times = _Times()
    try:
        _push_all(db, client, current.device_id, schema, current.cursor, batch_size, report, times, tell, cancel)
        cursor = current.cursor
        if cursor == 0 or resume is not None:
            snapshot_cursor = _snapshot(db, client, resume, snapshot_page_size, report, times, tell, cancel)
            if snapshot_cursor is not None:
                cursor = report.cursor = snapshot_cursor
        _pull_all(db, client, cursor, page_size, report, times, tell, cancel)
        if db.key:
            # Users pulled (or changed elsewhere) sign in here offline from now on.
            report.key_wraps_changed = users.refresh_synced_wraps(db)
    except SchemaTooOldError as exc:
        message = too_old_message(schema, exc.min_schema)
        _finish_clock(db, times, report)
        _record_error(db, message)
        raise SchemaTooOldError(message, exc.status, exc.min_schema) from exc
    except SyncError as exc:
        _finish_clock(db, times, report)
        _record_error(db, str(exc))
        raise
    with db.transaction() as session:
        _clock(session, times, report)
        state.record_success(session)
        report.pending_after = outbox.count_pending(session)
        report.poison_total = len(outbox.poisoned(session))
    return report


def too_old_message(schema: int, min_schema: str | None) -> str:
    if min_schema:
        text = translate(
            "sync",
            "Aplikasi terlalu lama untuk server ini (skema {schema}, minimal {minimum}): perbarui aplikasi. "
            "Perubahan yang belum terkirim tetap tersimpan; ekspor dengan {hint} lalu serahkan berkasnya ke "
            "kantor Dinsos.",
        )
    else:
        text = translate(
            "sync",
            "Aplikasi terlalu lama untuk server ini (skema {schema}): perbarui aplikasi. Perubahan yang belum "
            "terkirim tetap tersimpan; ekspor dengan {hint} lalu serahkan berkasnya ke kantor Dinsos.",
        )
    return text.format(schema=schema, minimum=min_schema, hint=translate("sync", EXPORT_HINT))


class _Times:
    """The last (server ms, local ms) seen and the largest skew the server reported for pushed ops."""

    def __init__(self) -> None:
        self.last: tuple[int, int] | None = None
        self.server_skew_ms: int | None = None


def _no_progress(phase: str, done: int, total: int) -> None:
    return None


def _check_cancel(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise SyncCancelled(translate("sync", CANCELLED_MESSAGE))


def _push_all(
    db: Database,
    client: Client,
    device_id: str,
    schema: int,
    cursor: int,
    batch_size: int,
    report: SyncReport,
    times: _Times,
    tell: Progress,
    cancel: Callable[[], bool] | None,
) -> None:
    after = handled = 0
    total = report.pending_before
    tell("push", 0, total)
    while True:
        _check_cancel(cancel)
        with db.read() as session:
            ops = outbox.pending(session, batch_size, after_seq=after)
        if not ops:
            break
        answer = _push(db, client, device_id, schema, cursor, ops, report, times)
        if answer is not None:
            times.last = answer
        after = ops[-1].seq
        handled += len(ops)
        tell("push", handled, max(total, handled))


def _snapshot(
    db: Database,
    client: Client,
    resume: state.SnapshotProgress | None,
    page_size: int,
    report: SyncReport,
    times: _Times,
    tell: Progress,
    cancel: Callable[[], bool] | None,
) -> int | None:
    """Apply the snapshot from where it stands; the cursor it ends at, or None when the server has no
    snapshot (an older server: pull the whole log instead)."""
    seq = resume.seq if resume is not None else None
    after = resume.after if resume is not None else None
    done = 0
    _check_cancel(cancel)
    try:
        page = client.snapshot(after, page_size, seq)
    except RequestRefusedError as exc:
        if exc.status in (404, 405) and resume is None:
            log.info("The server has no snapshot (HTTP %s): pulling the whole log", exc.status)
            return None
        raise
    # The next page is fetched while this one is applied (the server's work and the local writes overlap);
    # leaving the block waits for a fetch still under way, so the client is never used by two threads.
    with ThreadPoolExecutor(1, thread_name_prefix="snapshot-fetch") as fetcher:
        while True:
            if seq is not None and page.snapshot_seq != seq:
                raise ServerError(
                    translate(
                        "sync", "Server mengganti titik snapshot ({seq} → {snapshot_seq}); sinkronisasi dihentikan."
                    ).format(seq=seq, snapshot_seq=page.snapshot_seq)
                )
            seq = page.snapshot_seq
            ahead: Future[SnapshotPage] | None = None
            if page.has_more:
                if page.next_after is None or page.next_after == after:
                    raise ServerError(
                        translate("sync", "Server mengulang halaman snapshot yang sama; sinkronisasi dihentikan.")
                    )
                after = page.next_after
                ahead = fetcher.submit(client.snapshot, after, page_size, seq)
            with db.transaction() as session:
                result = apply.apply_snapshot_page(session, page)
            report.snapshot_rows += len(page.items)
            report.pulled += result.changes
            _add(report, result)
            times.last = (page.server_time_ms, page.local_ms)
            done += len(page.items)
            tell("snapshot", done, 0)
            if ahead is None:
                return seq
            _check_cancel(cancel)
            page = ahead.result()


def _pull_all(
    db: Database,
    client: Client,
    cursor: int,
    page_size: int,
    report: SyncReport,
    times: _Times,
    tell: Progress,
    cancel: Callable[[], bool] | None,
) -> None:
    done = 0
    while True:
        _check_cancel(cancel)
        page = client.pull(cursor, page_size)
        with db.transaction() as session:
            result = apply.apply_page(session, page)
        report.pages += 1
        report.pulled += result.changes
        _add(report, result)
        times.last = (page.server_time_ms, page.local_ms)
        if page.has_more and page.next_cursor <= cursor:
            raise ServerError(
                translate(
                    "sync", "Server mengulang halaman yang sama (kursor {cursor}); sinkronisasi dihentikan."
                ).format(cursor=cursor)
            )
        cursor = page.next_cursor
        report.cursor = cursor
        done += len(page.changes)
        tell("pull", done, 0)
        if not page.has_more:
            break


def _add(report: SyncReport, result: apply.ApplyResult) -> None:
    report.inserted += result.inserted
    report.updated += result.updated
    report.fields_kept_local += result.fields_kept_local
    report.fields_ignored += result.fields_ignored
    report.unapplied += len(result.unapplied)
    report.notices.extend(Notice("unapplied", u.tbl, u.row_id, u.reason) for u in result.unapplied)


def _finish_clock(db: Database, times: _Times, report: SyncReport) -> None:
    """After a failed run: still learn the clock from the answers seen (best effort)."""
    if times.last is None:
        return
    try:
        with db.transaction() as session:
            _clock(session, times, report)
    except Exception:
        log.exception("Could not store the clock offset")


def _clock(session: Any, times: _Times, report: SyncReport) -> None:
    """Store the offset (server − local), put a clock running far ahead back to server time, and keep (or
    clear) the warning for the operator."""
    if times.last is None:
        return
    report.offset_ms = hlc.offset_from_server(*times.last)
    hlc.set_offset(session, report.offset_ms)
    report.clock_reset = hlc.reset_if_ahead(session, *times.last)
    skew = report.offset_ms
    if abs(skew) <= hlc.MAX_FUTURE_MS and times.server_skew_ms is not None:
        skew = -times.server_skew_ms  # the ops were stamped ahead although the clock looks right now
    report.clock_warning = clock_warning_message(skew) if abs(skew) > hlc.MAX_FUTURE_MS else None
    state.set_clock_warning(session, report.clock_warning)


def clock_warning_message(offset_ms: int) -> str:
    """The warning for a laptop clock ``offset_ms`` (server − local) off the server's (screen language)."""
    if offset_ms < 0:
        text = translate(
            "sync",
            "Jam laptop ini selisih {duration} (lebih cepat) dari server; perbaiki jam Windows/Linux. "
            "Sampai diperbaiki, perubahan dicap dengan waktu server.",
        )
    else:
        text = translate(
            "sync",
            "Jam laptop ini selisih {duration} (lebih lambat) dari server; perbaiki jam Windows/Linux. "
            "Sampai diperbaiki, perubahan dicap dengan waktu server.",
        )
    return text.format(duration=describe_duration(abs(offset_ms)))


def describe_duration(ms: int) -> str:
    """``86_400_000`` → ``'24 jam'``; ``5_400_000`` → ``'1 jam 30 menit'``; ``420_000`` → ``'7 menit'``."""
    minutes = round(ms / 60_000)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return translate("sync", "{hours} jam {minutes} menit").format(hours=hours, minutes=minutes)
    if hours:
        return translate("sync", "{hours} jam").format(hours=hours)
    return translate("sync", "{minutes} menit").format(minutes=minutes)


def _record_error(db: Database, message: str) -> None:
    try:
        with db.transaction() as session:
            state.record_error(session, message)
    except Exception:  # the sync error is what the caller must see
        log.exception("Could not store the sync error")


def _push(
    db: Database,
    client: Client,
    device_id: str,
    schema: int,
    cursor: int,
    ops: list[OutboxOp],
    report: SyncReport,
    times: _Times,
) -> tuple[int, int] | None:
    """Push ``ops`` (split on 400/413/422) and record the answers; the last (server ms, local ms) seen."""
    try:
        answer = client.push(device_id, uuid7(), schema, [op.to_wire() for op in ops], cursor)
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
        first = _push(db, client, device_id, schema, cursor, ops[:half], report, times)
        second = _push(db, client, device_id, schema, cursor, ops[half:], report, times)
        return second or first
    report.batches += 1
    if answer.clock_skew_ms is not None:
        times.server_skew_ms = max(times.server_skew_ms or 0, answer.clock_skew_ms)
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
        raise SyncError(
            translate("sync", "Revisi skema database '{revision}' bukan nomor migrasi.").format(revision=revision)
        ) from exc
