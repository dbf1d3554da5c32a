"""The audit trail written by the ORM itself: every synced row the app adds, changes or tombstones
through a session leaves entries, whichever service did it.

A hook on ``after_flush`` (ids and defaults are known, attribute history still holds the old values)
inserts the entries with one Core statement in the same transaction, so a rolled-back action leaves no
audit either. Entries follow ``services.audit``: a new row is one ``buat`` entry whose new value is the
row's columns; a change is one ``ubah`` entry per changed column; setting ``deleted`` is one ``hapus``
entry. Bulk writes that bypass the ORM (the spreadsheet import, demo data) write their own entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Mapper, Session, UOWTransaction

from simoncer_desktop.models.base import SyncedMixin
from simoncer_desktop.models.enums import AuditAction
from simoncer_desktop.models.graduation import Enrollment
from simoncer_desktop.models.relief import AffectedFamily
from simoncer_desktop.services.audit import NOTE_KEY, EntryBuilder

SUPPRESS_KEY = "simoncer.audit_suppressed"
"""``Session.info`` flag for writes that are not user changes (applying changes pulled by sync)."""

HIDDEN = "***"
SECRET_COLUMNS = frozenset({"password_hash"})
SKIPPED_COLUMNS = frozenset({"id", "updated_at", "created_at"})
"""Kept out of the entries: the id is the entry's ``entity_id``; the timestamps are the entry's ``at``."""


def _value(column: str, value: Any) -> Any:
    return HIDDEN if column in SECRET_COLUMNS and value is not None else value


def _parent_household(table: type, column: str) -> Callable[[Session, str], str | None]:
    """Look up ``table.household_id`` of the row ``id`` (from the session's identity map when loaded)."""

    def look_up(session: Session, row_id: str) -> str | None:
        loaded = session.identity_map.get(inspect(table).identity_key_from_primary_key((row_id,)))  # type: ignore[attr-defined]
        if loaded is not None:
            return getattr(loaded, "household_id", None)
        return session.connection().scalar(select(table.household_id).where(table.id == row_id))  # type: ignore[attr-defined]

    look_up.__name__ = f"household_of_{column}"
    return look_up


_BY_PARENT: dict[str, Callable[[Session, str], str | None]] = {
    "enrollment_id": _parent_household(Enrollment, "enrollment_id"),
    "family_id": _parent_household(AffectedFamily, "family_id"),
}


def household_of(session: Session, row: object) -> str | None:
    """The family a changed row belongs to, for a family's history (None for rows of no family)."""
    table = getattr(row, "__tablename__", "")
    if table == "household":
        return row.id  # type: ignore[attr-defined]
    own = getattr(row, "household_id", None)
    if own is not None:
        return own
    for column, look_up in _BY_PARENT.items():
        parent = getattr(row, column, None)
        if parent is not None:
            return look_up(session, parent)
    return None


def _columns(mapper: Mapper[Any]) -> list[str]:
    return [attr.key for attr in mapper.column_attrs if attr.key not in SKIPPED_COLUMNS]


def _created(row: object, mapper: Mapper[Any]) -> dict[str, Any]:
    values = {key: _value(key, getattr(row, key)) for key in _columns(mapper)}
    return {key: value for key, value in values.items() if value is not None and key != "deleted"}


def _changes(row: object, mapper: Mapper[Any]) -> dict[str, tuple[Any, Any]]:
    state = inspect(row)
    changes: dict[str, tuple[Any, Any]] = {}
    for key in _columns(mapper):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes[key] = (_value(key, old), _value(key, new))
    return changes


def _entries(session: Session) -> EntryBuilder:
    entries = EntryBuilder(session)

    def add(row: object, action: AuditAction, field: str, old: Any, new: Any) -> None:
        table, row_id = row.__tablename__, row.id  # type: ignore[attr-defined]
        entries.add(table, row_id, action, field, old, new, household_id=household_of(session, row))

    with session.no_autoflush:
        for row in session.new:
            if isinstance(row, SyncedMixin):
                add(row, AuditAction.CREATE, "", None, _created(row, inspect(row).mapper))
        for row in session.dirty:
            if not isinstance(row, SyncedMixin) or not session.is_modified(row):
                continue
            changes = _changes(row, inspect(row).mapper)
            deleted = changes.pop("deleted", None)
            if deleted is not None and deleted[1]:
                add(row, AuditAction.DELETE, "", None, None)
                continue
            for field, (old, new) in changes.items():
                add(row, AuditAction.UPDATE, field, old, new)
    return entries


def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    if not session.info.get(SUPPRESS_KEY):
        _entries(session).write(session)


@contextmanager
def noted(session: Session, note: str) -> Iterator[None]:
    """Entries written by flushes inside the block carry ``note`` (why the change was made)."""
    session.info[NOTE_KEY] = note
    try:
        yield
    finally:
        session.info.pop(NOTE_KEY, None)


def install() -> None:
    """Listen on every session of the process (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
