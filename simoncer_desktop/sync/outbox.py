"""The outbox of captured changes (``sync_outbox``, filled by the capture triggers): read in push order,
mark a poison op with the server's error, delete what the server acknowledged, count what is pending,
and write pulled changes with capture suppressed (:func:`applying`).

Every function works in the caller's transaction (``with db.transaction() as s``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from simoncer_desktop.sync import capture, hlc

PENDING = "pending"
POISON = "poison"


@dataclass(frozen=True)
class OutboxOp:
    seq: int
    op_id: str
    tbl: str
    row_id: str
    kind: str
    """``insert`` or ``update``."""
    fields: dict[str, Any]
    """Column → value as SQLite stores it (``sync.capture`` documents the encoding)."""
    hlc: str
    status: str
    error: str | None
    user: str | None = None
    """The acting user (``app_user.username``) the change was made by (migration 0008); ``None`` for a
    change written without a signed-in user."""

    def to_wire(self) -> dict[str, Any]:
        """The op as the push protocol carries it (``docs/sync-design.md`` §5); the server checks ``user``'s
        role for the op (schema 8 and later)."""
        return {
            "op_id": self.op_id,
            "tbl": self.tbl,
            "row_id": self.row_id,
            "kind": self.kind,
            "fields": self.fields,
            "hlc": self.hlc,
            "user": self.user or None,
        }


FIRST_ADMIN_SQL = (
    "SELECT username FROM app_user WHERE role = 'admin' AND active = 1 AND deleted = 0 ORDER BY created_at, id LIMIT 1"
)
"""The database's first active administrator: the accountable user of changes written while nobody was
signed in (the reference data seeded when a file is opened, changes queued before migration 0008)."""

COLUMNS = f"seq, op_id, tbl, row_id, kind, fields, hlc, status, error, coalesce(user_name, ({FIRST_ADMIN_SQL}))"
"""``user_name`` falls back to the first active administrator *at read time*, so changes written before any
user existed (a new laptop's seeded reference data) carry the administrator pulled later."""


def op_from_row(row: Any) -> OutboxOp:
    seq, op_id, tbl, row_id, kind, fields, hlc, status, error, user = row
    return OutboxOp(int(seq), op_id, tbl, row_id, kind, json.loads(fields), hlc, status, error, user)


def set_acting_user(session: Session, username: str | None) -> None:
    """Stamp the ops captured from now on in this transaction with ``username`` (the capture triggers read
    ``sync_clock.acting_user``). Writes only when the value changes, so it costs one cheap UPDATE that
    touches nothing in the common case. Runs on the session's connection (no autoflush: it is called
    from flush and execute hooks)."""
    session.connection().execute(
        text("UPDATE sync_clock SET acting_user = :u WHERE id = 1 AND acting_user IS NOT :u"), {"u": username}
    )


def pending(session: Session, limit: int = 1000, after_seq: int = 0) -> list[OutboxOp]:
    """Up to ``limit`` pending ops after ``after_seq``, oldest first (capture order = push order)."""
    rows = session.execute(
        text(f"SELECT {COLUMNS} FROM sync_outbox WHERE status = :s AND seq > :after ORDER BY seq LIMIT :limit"),
        {"s": PENDING, "after": after_seq, "limit": limit},
    )
    return [op_from_row(r) for r in rows]


def poisoned(session: Session) -> list[OutboxOp]:
    """Ops the server refused, with its error, oldest first."""
    rows = session.execute(text(f"SELECT {COLUMNS} FROM sync_outbox WHERE status = :s ORDER BY seq"), {"s": POISON})
    return [op_from_row(r) for r in rows]


def count_pending(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM sync_outbox WHERE status = :s"), {"s": PENDING}).scalar_one())


def mark_poison(session: Session, op_id: str, error: str) -> None:
    """Keep the op (for the operator and an export) but stop pushing it; the rest of the queue goes on."""
    session.execute(
        text("UPDATE sync_outbox SET status = :s, error = :e WHERE op_id = :o"), {"s": POISON, "e": error, "o": op_id}
    )


def acknowledge(session: Session, op_ids: Iterable[str]) -> int:
    """Delete the ops the server answered for (applied, merged or duplicate); returns how many."""
    ids = list(op_ids)
    if not ids:
        return 0
    statement = text("DELETE FROM sync_outbox WHERE op_id IN :ids").bindparams(bindparam("ids", expanding=True))
    deleted = 0
    for start in range(0, len(ids), 500):  # below SQLite's bound-parameter limit on any build
        result = session.execute(statement, {"ids": ids[start : start + 500]})
        deleted += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return deleted


def is_applying(session: Session) -> bool:
    return bool(session.execute(text("SELECT applying FROM sync_clock WHERE id = 1")).scalar_one())


@contextmanager
def applying(session: Session) -> Iterator[Session]:
    """Inside, writes are not captured (pulled changes must not be sent back).

    The switch is the ``sync_clock.applying`` column, written in the caller's transaction: a rollback
    or crash can never leave capture off for later writes. Pending ORM changes are flushed on entry
    (so they *are* captured) and on leaving (so the ones made inside are *not*). On an exception the
    switch is set back when the transaction can still run statements; otherwise the rollback the
    caller must do undoes it."""
    session.flush()
    session.execute(text("UPDATE sync_clock SET applying = 1 WHERE id = 1"))
    try:
        yield session
        session.flush()
    finally:
        if session.is_active:
            session.execute(text("UPDATE sync_clock SET applying = 0 WHERE id = 1"))


@dataclass(frozen=True)
class BulkMarks:
    """Where a bulk write started: the last outbox ``seq`` and the highest rowid of each bulk table."""

    seq: int
    rowids: dict[str, int]


def bulk_marks(session: Session) -> BulkMarks:
    """Call before a bulk write of ``capture.BULK_TABLES`` (rows of these tables are never deleted, so
    every row written after this has a higher rowid)."""
    seq = session.execute(text("SELECT coalesce(max(seq), 0) FROM sync_outbox")).scalar_one()
    rowids = {
        table: int(session.execute(text(f'SELECT coalesce(max(rowid), 0) FROM "{table}"')).scalar_one())
        for table in capture.BULK_TABLES
    }
    return BulkMarks(int(seq), rowids)


def queue_bulk_inserts(session: Session, marks: BulkMarks) -> int:
    """After a bulk write (switch off again): one ``insert`` op per row it added, set-based, parents
    first, all with one fresh HLC, which sorts after every op captured during the write. Update ops
    captured meanwhile for those new rows are dropped: the insert op carries their final values.
    Returns the number of ops queued (none while pulled changes are being applied)."""
    if is_applying(session):
        return 0
    stamp = hlc.tick(session)
    columns = capture.captured_columns()
    queued = 0
    for table in capture.BULK_TABLES:
        after = marks.rowids[table]
        session.execute(
            text(
                f'DELETE FROM sync_outbox WHERE seq > :seq AND tbl = :t AND row_id IN (SELECT id FROM "{table}" '
                "WHERE rowid > :after)"
            ),
            {"seq": marks.seq, "t": table, "after": after},
        )
        statement = capture.backfill_sql(table, columns[table], stamp, after_rowid=after, acting_user=True)
        result = session.execute(text(statement))
        queued += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return queued
