"""Write a pulled page of server changes into the local database (``docs/sync-design.md`` §5).

:func:`apply_page` runs in the caller's transaction, inside ``outbox.applying`` (capture suppressed: pulled
changes are not sent back), and stores the page's ``next_cursor`` in that same transaction, so a crash either
keeps the whole page and its cursor or neither.

Per change (in ``seq`` order): the row of ``tbl`` with id ``row_id`` gets the change's fields, inserted when
missing (with ``created_at``/``updated_at`` = now; other columns from their defaults), else updated (with
``updated_at`` = now). Skipped:

* a field that a **pending** local outbox op of the same row carries with a higher HLC: that local value wins
  at the server (last writer wins by HLC) and will come back in a later pull; overwriting it now would show a
  value the user replaced and then flip back. (Poison ops are not pushed, so they protect nothing.)
* fields this schema does not capture (a newer app's columns, trigger-derived summaries, device-local
  lockout columns, ``id``/timestamps) and tables it does not sync.

A change the database refuses (a constraint: a row whose other fields have not arrived, a parent outside
this scope, a unique key taken by another local row) is not applied and is reported as an
:class:`Unapplied` notice; the rest of the page goes on and the cursor still moves on (a page that can never
be applied must not stop every later one). Every HLC moves the local clock (``hlc.observe`` of the page's
largest, which is the same as observing each: observing is a max).

The first sync of an empty laptop applies snapshot pages instead (:func:`apply_snapshot_page`): one item per
row with every field, rows of one page unique, parents first. Rows missing here are inserted with one
``executemany`` per table and field set (a snapshot of 500,000 rows is mostly that), with the member
triggers deferred to one set-based refresh of the page's families (``services.bulk_write``); rows already
here, or with a pending local op, take the per-row path above. The page's position
(``state.set_snapshot_progress``) or, after the last page, the cursor = the snapshot's ``seq`` is stored in
the same transaction.

Values arrive as SQLite stores them (``sync.capture``), so they are bound as they are; a JSON object or array
(a server that decoded a JSON text column) is stored as its JSON text, booleans as 0/1.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from simoncer_desktop.models.base import utcnow
from simoncer_desktop.services import bulk_write
from simoncer_desktop.sync import capture, hlc, outbox, state
from simoncer_desktop.sync.client import Change, PullPage, SnapshotPage
from simoncer_desktop.translation import translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Unapplied:
    seq: int
    tbl: str
    row_id: str
    reason: str


@dataclass
class ApplyResult:
    changes: int = 0
    inserted: int = 0
    updated: int = 0
    fields_kept_local: int = 0
    """Pulled field values not written because a pending local change of the field is newer."""
    fields_ignored: int = 0
    """Fields this schema does not sync (a newer app's columns, derived summaries)."""
    unapplied: list[Unapplied] = field(default_factory=list)
    max_hlc: str | None = None

    def add(self, other: ApplyResult) -> None:
        self.changes += other.changes
        self.inserted += other.inserted
        self.updated += other.updated
        self.fields_kept_local += other.fields_kept_local
        self.fields_ignored += other.fields_ignored
        self.unapplied.extend(other.unapplied)
        if other.max_hlc is not None and (self.max_hlc is None or other.max_hlc > self.max_hlc):
            self.max_hlc = other.max_hlc


_columns_cache: dict[str, frozenset[str]] | None = None


def synced_fields() -> dict[str, frozenset[str]]:
    """Table → the columns a pulled change may set (the captured ones of the current models)."""
    global _columns_cache
    if _columns_cache is None:
        _columns_cache = {t: frozenset(cols) for t, cols in capture.captured_columns().items()}
    return _columns_cache


def apply_page(session: Session, page: PullPage) -> ApplyResult:
    """Apply ``page`` and store its ``next_cursor`` (in the caller's transaction)."""
    with outbox.applying(session):
        result = apply_changes(session, page.changes)
        if result.max_hlc is not None:
            hlc.observe(session, result.max_hlc)
        state.set_cursor(session, page.next_cursor)
    return result


def apply_changes(session: Session, changes: Sequence[Change]) -> ApplyResult:
    """Write ``changes`` (call inside ``outbox.applying``); the cursor is the caller's."""
    if not outbox.is_applying(session):
        raise RuntimeError("pulled changes must be applied inside outbox.applying(session)")
    result = ApplyResult()
    if not changes:
        return result
    allowed = synced_fields()
    local = _pending_field_hlcs(session, {(c.tbl, c.row_id) for c in changes})
    conn = session.connection()
    now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
    for change in changes:
        result.changes += 1
        try:
            hlc.parse(change.hlc)
        except ValueError:
            result.unapplied.append(
                Unapplied(
                    change.seq,
                    change.tbl,
                    change.row_id,
                    translate("sync", "HLC tidak valid: {hlc!r}").format(hlc=change.hlc),
                )
            )
            continue
        if result.max_hlc is None or change.hlc > result.max_hlc:
            result.max_hlc = change.hlc
        columns = allowed.get(change.tbl)
        if columns is None:
            result.unapplied.append(
                Unapplied(change.seq, change.tbl, change.row_id, translate("sync", "tabel tidak dikenal versi ini"))
            )
            continue
        newer_here = local.get((change.tbl, change.row_id), {})
        values: dict[str, Any] = {}
        for name, value in change.fields.items():
            if name not in columns:
                result.fields_ignored += 1
            elif newer_here.get(name, "") > change.hlc:
                result.fields_kept_local += 1
            else:
                values[name] = _bindable(value)
        if not values:
            continue
        try:
            if _update(conn, change.tbl, change.row_id, values, now):
                result.updated += 1
            else:
                _insert(conn, change.tbl, change.row_id, values, now)
                result.inserted += 1
        except IntegrityError as exc:
            reason = str(exc.orig) if exc.orig is not None else str(exc)
            log.warning("Pulled change %s of %s/%s not applied: %s", change.seq, change.tbl, change.row_id, reason)
            result.unapplied.append(Unapplied(change.seq, change.tbl, change.row_id, reason))
    return result


def apply_snapshot_page(session: Session, page: SnapshotPage) -> ApplyResult:
    """Apply a snapshot page and store where the snapshot stands (in the caller's transaction): the
    position for the next page, or after the last one the cursor ``snapshot_seq`` (pull goes on from there)."""
    with outbox.applying(session):
        result = apply_rows(session, page.items)
        if result.max_hlc is not None:
            hlc.observe(session, result.max_hlc)
        if page.has_more:
            state.set_snapshot_progress(session, state.SnapshotProgress(page.snapshot_seq, page.next_after))
        else:
            state.set_snapshot_progress(session, None)
            state.set_cursor(session, page.snapshot_seq)
    return result


def apply_rows(session: Session, items: Sequence[Change]) -> ApplyResult:
    """Write whole rows (snapshot items, each row at most once): bulk INSERT of the rows missing here,
    the per-row path (:func:`apply_changes`) for the rows present. Call inside ``outbox.applying``."""
    if not outbox.is_applying(session):
        raise RuntimeError("pulled changes must be applied inside outbox.applying(session)")
    result = ApplyResult()
    allowed = synced_fields()
    by_table: dict[str, list[Change]] = {}
    for item in items:
        try:
            hlc.parse(item.hlc)
        except ValueError:
            result.changes += 1
            result.unapplied.append(
                Unapplied(
                    item.seq, item.tbl, item.row_id, translate("sync", "HLC tidak valid: {hlc!r}").format(hlc=item.hlc)
                )
            )
            continue
        if item.tbl not in allowed:
            result.changes += 1
            result.unapplied.append(
                Unapplied(item.seq, item.tbl, item.row_id, translate("sync", "tabel tidak dikenal versi ini"))
            )
            continue
        by_table.setdefault(item.tbl, []).append(item)
    has_pending = (
        session.execute(text("SELECT 1 FROM sync_outbox WHERE status = :s LIMIT 1"), {"s": outbox.PENDING}).first()
        is not None
    )
    conn = session.connection()
    now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
    with bulk_write.triggers_deferred(session) as touched:  # member summaries/search rebuilt once per page
        for table, rows in by_table.items():  # dicts keep the page's (parents first) order
            if table == "member":  # only member writes feed the deferred summaries and search entries
                touched.update(r.fields["household_id"] for r in rows if isinstance(r.fields.get("household_id"), str))
            present = _present_ids(conn, table, [r.row_id for r in rows])
            # a row here already, or with a local edit waiting to be pushed, takes the careful path
            local = (
                _pending_field_hlcs(session, {(table, r.row_id) for r in rows if r.row_id not in present})
                if has_pending
                else {}
            )
            careful = [r for r in rows if r.row_id in present or (table, r.row_id) in local]
            missing = [r for r in rows if r.row_id not in present and (table, r.row_id) not in local]
            if careful:
                if table == "member":  # a member moving to another family leaves its old family to refresh
                    touched.update(_local_households(conn, [r.row_id for r in careful]))
                result.add(apply_changes(session, careful))
            _bulk_insert(conn, session, table, allowed[table], missing, now, result)
    return result


def _local_households(conn: Any, member_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT household_id FROM member WHERE id IN ({marks})"
        found.update(row[0] for row in conn.exec_driver_sql(sql, tuple(chunk)) if row[0] is not None)
    return found


def _present_ids(conn: Any, table: str, ids: list[str]) -> set[str]:
    present: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT id FROM {_q(table)} WHERE id IN ({marks})"
        present.update(row[0] for row in conn.exec_driver_sql(sql, tuple(chunk)))
    return present


def _bulk_insert(
    conn: Any,
    session: Session,
    table: str,
    columns: frozenset[str],
    rows: list[Change],
    now: str,
    result: ApplyResult,
) -> None:
    """One ``executemany`` per field set; a group the database refuses goes row by row, so one bad row
    becomes an :class:`Unapplied` notice instead of failing the page."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    changes: dict[tuple[str, ...], list[Change]] = {}
    for row in rows:
        names = tuple(n for n in row.fields if n in columns)
        result.fields_ignored += len(row.fields) - len(names)
        if result.max_hlc is None or row.hlc > result.max_hlc:
            result.max_hlc = row.hlc
        if not names:
            result.changes += 1
            continue
        values = list(map(row.fields.__getitem__, names))
        if not _PLAIN.issuperset(map(type, values)):
            values = [_bindable(v) for v in values]
        groups.setdefault(names, []).append((row.row_id, *values, now, now))
        changes.setdefault(names, []).append(row)
    for names, params in groups.items():
        cols = ", ".join(_q(n) for n in names)
        marks = ", ".join("?" for _ in names)
        sql = f"INSERT INTO {_q(table)} (id, {cols}, created_at, updated_at) VALUES (?, {marks}, ?, ?)"
        try:
            conn.exec_driver_sql(sql, params)
        except IntegrityError:
            # rows before the refused one may be in already: the per-row path updates those
            result.add(apply_changes(session, changes[names]))
            continue
        result.changes += len(params)
        result.inserted += len(params)


_PLAIN = frozenset({str, int, float, type(None)})
"""Value types bound as they are (anything else goes through :func:`_bindable`)."""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _bindable(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _update(conn: Any, table: str, row_id: str, values: dict[str, Any], now: str) -> bool:
    sets = ", ".join(f"{_q(name)} = ?" for name in values)
    sql = f"UPDATE {_q(table)} SET {sets}, updated_at = ? WHERE id = ?"
    result = conn.exec_driver_sql(sql, (*values.values(), now, row_id))
    return bool(result.rowcount)


def _insert(conn: Any, table: str, row_id: str, values: dict[str, Any], now: str) -> None:
    names = ", ".join(_q(name) for name in values)
    marks = ", ".join("?" for _ in values)
    sql = f"INSERT INTO {_q(table)} (id, {names}, created_at, updated_at) VALUES (?, {marks}, ?, ?)"
    conn.exec_driver_sql(sql, (row_id, *values.values(), now, now))


def _pending_field_hlcs(session: Session, rows: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict[str, str]]:
    """(table, row id) → field → the highest HLC of a pending local op of that row carrying the field."""
    wanted = set(rows)
    if not wanted:
        return {}
    out: dict[tuple[str, str], dict[str, str]] = {}
    ids = sorted({row_id for _, row_id in wanted})
    statement = text(
        "SELECT tbl, row_id, fields, hlc FROM sync_outbox WHERE status = :s AND row_id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    for start in range(0, len(ids), 500):
        for tbl, row_id, fields, stamp in session.execute(
            statement, {"s": outbox.PENDING, "ids": ids[start : start + 500]}
        ):
            key = (tbl, row_id)
            if key not in wanted:
                continue
            per_field = out.setdefault(key, {})
            for name in json.loads(fields):
                if stamp > per_field.get(name, ""):
                    per_field[name] = stamp
    return out
