"""A laptop whose clock is wrong, for the clock-skew tests: every clock the desktop reads is shifted.

* SQLite's ``julianday('now')`` (the capture triggers stamp HLCs with it) is replaced on the database's
  connections by one ``skew_ms`` off (:func:`skew_database`; other ``julianday`` calls are answered by a
  plain SQLite connection, unchanged).
* Python's clocks (``hlc.now_ms`` for the observe clamp and the offset, ``client._now_ms`` for the local
  time of each answer) are shifted while the laptop is "in use" (:func:`python_clock`): laptops in one
  test process share those functions, so each is shifted only around the skewed laptop's own calls.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from simoncer_desktop.store import Database
from simoncer_desktop.sync import client as sync_client
from simoncer_desktop.sync import hlc

DAY_MS = 86_400_000
_plain = sqlite3.connect(":memory:", check_same_thread=False)


def skew_database(db: Database, skew_ms: int) -> None:
    """From now on the SQLite clock of ``db`` runs ``skew_ms`` off (new connections: the pool is emptied)."""

    def julianday(*args: object) -> float | None:
        if args == ("now",):
            return (time.time_ns() / 1_000_000 + skew_ms) / 86_400_000 + 2440587.5
        marks = ", ".join("?" for _ in args)
        return _plain.execute(f"SELECT julianday({marks})", args).fetchone()[0]

    @event.listens_for(db.engine, "connect")
    def _register(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.create_function("julianday", -1, julianday)  # type: ignore[attr-defined]

    db.engine.dispose()


@contextmanager
def python_clock(monkeypatch: pytest.MonkeyPatch, skew_ms: int) -> Iterator[None]:
    """Shift the desktop's Python clocks by ``skew_ms`` inside the block."""
    real = time.time_ns

    def shifted() -> int:
        return real() // 1_000_000 + skew_ms

    with monkeypatch.context() as patch:
        patch.setattr(hlc, "now_ms", shifted)
        patch.setattr(sync_client, "_now_ms", shifted)
        yield
