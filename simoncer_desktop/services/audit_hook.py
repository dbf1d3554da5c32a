"""The audit trail written by the ORM itself: every synced row the app adds, changes or tombstones
through a session leaves entries, whichever service did it.

A hook on ``after_flush`` (ids and defaults are known, attribute history still holds the old values)
inserts the entries with one Core statement in the same transaction, so a rolled-back action leaves no
audit either. Before each flush (and before each Core insert/update/delete run through the session, as the
import's bulk writes are) the session's signed-in user is made the acting user of the sync capture
(``sync_clock.acting_user``, migration 0008), so every captured op names who made it.

Entries follow ``services.audit``: a new row is one ``buat`` entry whose new value is the
row's columns; a change is one ``ubah`` entry per changed column; setting ``deleted`` is one ``hapus``
entry. Bulk writes that bypass the ORM (the spreadsheet import, demo data) write their own entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, UOWTransaction

from simoncer_desktop.models.base import SyncedMixin
from simoncer_desktop.models.enums import AuditAction
from simoncer_desktop.models.graduation import Enrollment
from simoncer_desktop.models.relief import AffectedFamily
from simoncer_desktop.services.acting import IDENTITY_KEY
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


ACTING_SET_KEY = "simoncer.acting_user_set"
"""``Session.info``: (root transaction, innermost transaction, username) last written to ``sync_clock``."""


def _stamp_acting_user(session: Session) -> None:
    """Make the session's signed-in user the acting user of the capture, once per transaction.

    Only for the desktop's own sessions (they always carry ``IDENTITY_KEY``, possibly ``None``); the
    central service's sessions in the same process have no ``sync_clock``."""
    if IDENTITY_KEY not in session.info:
        return
    identity = session.info[IDENTITY_KEY]
    username = identity.username if identity is not None else None
    session.connection()  # begins the transaction the marker names
    marker = (session.get_transaction(), session.get_nested_transaction(), username)
    done = session.info.get(ACTING_SET_KEY)
    if done is not None and all(a is b for a, b in zip(done[:2], marker[:2], strict=True)) and done[2] == username:
        return
    from simoncer_desktop.sync import outbox  # sync imports services; keep the import cycle out

    outbox.set_acting_user(session, username)
    session.info[ACTING_SET_KEY] = marker


def _before_flush(session: Session, _flush_context: UOWTransaction, _instances: object) -> None:
    _stamp_acting_user(session)


def _before_commit(session: Session) -> None:
    """Forget the acting user when the transaction that set it commits: a later write made outside any
    signed-in session (reference data seeded when the file is opened) is then nobody's (``NULL``, sent as
    the first administrator's, ``sync.outbox.COLUMNS``), never the last user's."""
    done = session.info.get(ACTING_SET_KEY)
    if done is None or done[2] is None or done[0] is not session.get_transaction():
        return
    session.flush()  # the pending changes are captured with the user first
    from simoncer_desktop.sync import outbox

    outbox.set_acting_user(session, None)
    session.info.pop(ACTING_SET_KEY, None)


def _before_execute(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _stamp_acting_user(state.session)


def install() -> None:
    """Listen on every session of the process (idempotent)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
    if not event.contains(Session, "do_orm_execute", _before_execute):
        event.listen(Session, "do_orm_execute", _before_execute)
    if not event.contains(Session, "before_commit", _before_commit):
        event.listen(Session, "before_commit", _before_commit)
