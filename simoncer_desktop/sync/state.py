"""Where and as whom this database syncs: the single ``sync_state`` row (migration 0007).

Enrollment stores the server, the issued device id, token and scope (:func:`save_enrollment`); the pull
stores its ``cursor`` in the transaction of the page it applied (:func:`set_cursor`); every attempt ends in
:func:`record_success` or :func:`record_error` (what the status bar and ``simoncer-cli sync`` show).

Two facts live in the ``app_state`` key-value table instead (no migration needed): the clock warning of
the last sync (:func:`clock_warning`, ``CLOCK_WARNING_KEY``) and the position of an unfinished first-sync
snapshot (:func:`snapshot_progress`, ``SNAPSHOT_KEY``).

Plain SQL, not the ORM: the row is bookkeeping (no audit entry, no capture), and every function works in
the caller's transaction (``with db.transaction() as s``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from simoncer_desktop.models.base import utcnow

COLUMNS = (
    "server_url, device_id, device_name, token, scope, ca_file, cursor, enrolled_at, last_attempt_at, last_success_at, "
    "last_error"
)


@dataclass(frozen=True)
class State:
    server_url: str | None
    device_id: str | None
    device_name: str | None
    token: str | None
    scope: str | None
    ca_file: str | None
    """The CA certificate file (PEM) trusted for this server instead of the system CAs (an office CA)."""
    cursor: int
    """The last server ``seq`` applied here (0: nothing pulled yet)."""
    enrolled_at: datetime | None
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None

    @property
    def enrolled(self) -> bool:
        return bool(self.server_url and self.device_id and self.token)

    def __repr__(self) -> str:  # never print the token into a log
        hidden = "***" if self.token else None
        return (
            f"State(server_url={self.server_url!r}, device_id={self.device_id!r}, scope={self.scope!r}, "
            f"cursor={self.cursor}, token={hidden!r}, last_success_at={self.last_success_at!r}, "
            f"last_error={self.last_error!r})"
        )


CLOCK_WARNING_KEY = "sync_clock_warning"
SNAPSHOT_KEY = "sync_snapshot"


@dataclass(frozen=True)
class SnapshotProgress:
    """An unfinished first-sync snapshot: the server ``seq`` it was taken at and the last row key applied
    (``None``: no page applied yet)."""

    seq: int
    after: str | None


def _ensure_row(session: Session) -> None:
    session.execute(text("INSERT OR IGNORE INTO sync_state (id, cursor) VALUES (1, 0)"))


def _dt(value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def load(session: Session) -> State:
    row = session.execute(text(f"SELECT {COLUMNS} FROM sync_state WHERE id = 1")).one_or_none()
    if row is None:
        return State(None, None, None, None, None, None, 0, None, None, None, None)
    url, device, name, token, scope, ca_file, cursor, enrolled, attempt, success, error = row
    return State(
        url, device, name, token, scope, ca_file, int(cursor or 0), _dt(enrolled), _dt(attempt), _dt(success), error
    )


def _stamp(at: datetime | None) -> str:
    """SQLAlchemy's DateTime text in SQLite (naive UTC)."""
    return (at or utcnow()).strftime("%Y-%m-%d %H:%M:%S.%f")


def save_enrollment(
    session: Session,
    server_url: str,
    device_id: str,
    device_name: str,
    token: str,
    scope: str,
    ca_file: str | None = None,
    at: datetime | None = None,
) -> bool:
    """Store a new enrollment. The cursor is kept only when the server and the scope are the same as
    before (a re-enrollment of a revoked laptop); otherwise the next sync pulls the new scope from the
    start. Returns whether the cursor was reset."""
    _ensure_row(session)
    before = load(session)
    keep = before.server_url == server_url and before.scope == scope
    session.execute(
        text(
            "UPDATE sync_state SET server_url = :url, device_id = :device, device_name = :name, token = :token, "
            "scope = :scope, ca_file = :ca, enrolled_at = :at, last_error = NULL, "
            "cursor = CASE WHEN :keep THEN cursor ELSE 0 END WHERE id = 1"
        ),
        {
            "url": server_url,
            "device": device_id,
            "name": device_name,
            "token": token,
            "scope": scope,
            "ca": ca_file,
            "at": _stamp(at),
            "keep": 1 if keep else 0,
        },
    )
    if not keep:  # a snapshot of another server or scope is no use here
        _set_key(session, SNAPSHOT_KEY, None)
    return not keep


def set_server_url(session: Session, server_url: str) -> None:
    """Point an enrolled database at another address of the same server (a new host name, a proxy)."""
    _ensure_row(session)
    session.execute(text("UPDATE sync_state SET server_url = :u WHERE id = 1"), {"u": server_url})


def set_ca_file(session: Session, ca_file: str | None) -> None:
    _ensure_row(session)
    session.execute(text("UPDATE sync_state SET ca_file = :c WHERE id = 1"), {"c": ca_file})


def set_cursor(session: Session, cursor: int) -> None:
    """Call in the transaction that applied the page ending at ``cursor``."""
    _ensure_row(session)
    session.execute(text("UPDATE sync_state SET cursor = :c WHERE id = 1"), {"c": int(cursor)})


def record_attempt(session: Session, at: datetime | None = None) -> None:
    _ensure_row(session)
    session.execute(text("UPDATE sync_state SET last_attempt_at = :at WHERE id = 1"), {"at": _stamp(at)})


def record_success(session: Session, at: datetime | None = None) -> None:
    _ensure_row(session)
    stamp = _stamp(at)
    session.execute(
        text("UPDATE sync_state SET last_success_at = :at, last_attempt_at = :at, last_error = NULL WHERE id = 1"),
        {"at": stamp},
    )


def record_error(session: Session, message: str, at: datetime | None = None) -> None:
    _ensure_row(session)
    session.execute(
        text("UPDATE sync_state SET last_error = :e, last_attempt_at = :at WHERE id = 1"),
        {"e": message, "at": _stamp(at)},
    )


def _get_key(session: Session, key: str) -> str | None:
    value = session.execute(text("SELECT value FROM app_state WHERE key = :k"), {"k": key}).scalar_one_or_none()
    return None if value is None else str(value)


def _set_key(session: Session, key: str, value: str | None) -> None:
    if value is None:
        session.execute(text("DELETE FROM app_state WHERE key = :k"), {"k": key})
    else:
        session.execute(
            text("INSERT INTO app_state (key, value) VALUES (:k, :v) ON CONFLICT (key) DO UPDATE SET value = :v"),
            {"k": key, "v": value},
        )


def clock_warning(session: Session) -> str | None:
    """The Bahasa warning of the last sync about this laptop's clock (None: the clock is fine)."""
    return _get_key(session, CLOCK_WARNING_KEY)


def set_clock_warning(session: Session, message: str | None) -> None:
    _set_key(session, CLOCK_WARNING_KEY, message)


def snapshot_progress(session: Session) -> SnapshotProgress | None:
    raw = _get_key(session, SNAPSHOT_KEY)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        return SnapshotProgress(int(data["seq"]), None if data.get("after") is None else str(data["after"]))
    except (ValueError, KeyError, TypeError):
        return None  # unreadable: start the snapshot again (applying it twice is harmless)


def set_snapshot_progress(session: Session, progress: SnapshotProgress | None) -> None:
    """Call in the transaction that applied the snapshot page ending at ``progress.after``; ``None`` when
    the snapshot is complete (the cursor then holds its ``seq``)."""
    value = None if progress is None else json.dumps({"seq": progress.seq, "after": progress.after})
    _set_key(session, SNAPSHOT_KEY, value)
