"""Hybrid logical clock helpers (``docs/sync-design.md`` §4).

An HLC is the text ``WWWWWWWWWWWWWWW-CCCCC-DEVICE``: the wall in Unix milliseconds (15 digits, zero
padded), a counter (5 digits) and the device id. Fixed widths make the text order the (wall, counter,
device) order, so SQL and Python compare HLCs as plain strings.

The clock state is the single ``sync_clock`` row; the capture triggers advance it for every local change
(``sync.capture.CLOCK_TICK``). Here: parse/format/compare, :func:`observe` (every pulled HLC moves the
clock so a later local edit sorts after it), :func:`set_offset` (server time − local time, learnt at a
sync), :func:`tick` (a local HLC for Python-side use) and :func:`set_device`.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from simoncer_desktop.sync.capture import CLOCK_TICK, MAX_COUNTER

WALL_DIGITS = 15
COUNTER_DIGITS = 5
PREFIX_CHARS = WALL_DIGITS + 1 + COUNTER_DIGITS + 1
"""Length of ``WALL-COUNTER-`` before the device id."""
MAX_FUTURE_MS = 5 * 60_000
"""How far ahead of (local time + offset) a received HLC may move the clock, and how far a clock may run
ahead of the server's time before a sync puts it back (issue 8 §7: a laptop clock a day wrong must not
let its stale writes win)."""

_HLC = re.compile(r"^(\d{15})-(\d{5})-(.+)$", re.DOTALL)


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return format_hlc(self.wall_ms, self.counter, self.device)


def format_hlc(wall_ms: int, counter: int, device: str) -> str:
    """The HLC text (as the triggers' ``printf('%015d-%05d-%s', …)``)."""
    if not 0 <= wall_ms < 10**WALL_DIGITS or not 0 <= counter <= MAX_COUNTER:
        raise ValueError(f"HLC out of range: wall {wall_ms}, counter {counter}")
    return f"{wall_ms:0{WALL_DIGITS}d}-{counter:0{COUNTER_DIGITS}d}-{device}"


def parse(value: str) -> Hlc:
    """``'000001764100000123-00004-dev'`` → ``Hlc(1764100000123, 4, 'dev')``; ValueError if malformed."""
    match = _HLC.match(value)
    if match is None:
        raise ValueError(f"not an HLC: {value!r}")
    return Hlc(int(match.group(1)), int(match.group(2)), match.group(3))


def compare(a: str | Hlc, b: str | Hlc) -> int:
    """-1, 0 or 1 as ``a`` sorts before, equal to or after ``b`` (by wall, counter, then device)."""
    x, y = _as_hlc(a), _as_hlc(b)
    return (x > y) - (x < y)


def now_ms() -> int:
    """Local Unix time in milliseconds (the triggers use SQLite's ``julianday('now')``, the same clock)."""
    return time.time_ns() // 1_000_000


def observe(session: Session, remote: str | Hlc) -> bool:
    """Receive: move the clock to at least ``remote`` so the next local HLC sorts after it.

    wall = max(wall, remote wall); counter = the larger one on equal walls, the remote one when the
    remote wall is ahead. A remote wall more than ``MAX_FUTURE_MS`` past local time + offset (and past the
    clock itself) is clamped to that limit (counter 0): one far-future HLC from a laptop with a wrong clock
    must not drag this clock along. Returns whether it was clamped."""
    r = _as_hlc(remote)
    current_wall, offset = session.execute(text("SELECT wall_ms, offset_ms FROM sync_clock WHERE id = 1")).one()
    limit = max(int(current_wall), now_ms() + int(offset) + MAX_FUTURE_MS)
    wall, counter, clamped = r.wall_ms, r.counter, False
    if wall > limit:
        wall, counter, clamped = limit, 0, True
    session.execute(
        text(
            "UPDATE sync_clock SET "
            "counter = CASE WHEN :w > wall_ms THEN :c WHEN :w = wall_ms THEN max(counter, :c) ELSE counter END, "
            "wall_ms = max(wall_ms, :w) WHERE id = 1"
        ),
        {"w": wall, "c": counter},
    )
    return clamped


def tick(session: Session) -> str:
    """Advance the clock as a local change does and return the new HLC."""
    session.execute(text(CLOCK_TICK))
    return current(session)


def current(session: Session) -> str:
    """The last HLC handed out (without advancing the clock)."""
    wall, counter, device = session.execute(
        text("SELECT wall_ms, counter, device_id FROM sync_clock WHERE id = 1")
    ).one()
    return format_hlc(int(wall), int(counter), str(device))


def set_offset(session: Session, offset_ms: int) -> None:
    """Store server time − local time: later HLCs use local time + ``offset_ms`` (never going back)."""
    session.execute(text("UPDATE sync_clock SET offset_ms = :o WHERE id = 1"), {"o": int(offset_ms)})


def offset_from_server(server_time_ms: int, local_ms: int | None = None) -> int:
    """The offset to store after a server answered with its time ``server_time_ms``."""
    return int(server_time_ms) - (now_ms() if local_ms is None else local_ms)


def reset_if_ahead(session: Session, server_time_ms: int, local_ms: int | None = None) -> bool:
    """Bring a clock that runs more than ``MAX_FUTURE_MS`` ahead of the server back to the server's time.

    ``server_time_ms`` was the server's time at local time ``local_ms`` (default: now); the server's time
    now is estimated from the local time elapsed since. HLCs already queued keep their stamp (the server
    clamps them when they arrive); later local edits get server-ish time again instead of staying a day
    ahead. Returns whether the clock was moved back."""
    local = now_ms()
    server_now = int(server_time_ms) + (local - (local if local_ms is None else int(local_ms)))
    wall = int(session.execute(text("SELECT wall_ms FROM sync_clock WHERE id = 1")).scalar_one())
    if wall <= server_now + MAX_FUTURE_MS:
        return False
    session.execute(text("UPDATE sync_clock SET wall_ms = :w, counter = 0 WHERE id = 1"), {"w": server_now})
    return True


def device(session: Session) -> str:
    return str(session.execute(text("SELECT device_id FROM sync_clock WHERE id = 1")).scalar_one())


def set_device(session: Session, device_id: str) -> int:
    """Stamp later HLCs with ``device_id`` (e.g. the id the server issued at enrollment) and re-stamp the
    device part of the outbox rows (none of them has reached the server); returns how many were re-stamped."""
    session.execute(text("UPDATE sync_clock SET device_id = :d WHERE id = 1"), {"d": device_id})
    result = session.execute(
        text(f"UPDATE sync_outbox SET hlc = substr(hlc, 1, {PREFIX_CHARS}) || :d"),
        {"d": device_id},
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def _as_hlc(value: str | Hlc) -> Hlc:
    return value if isinstance(value, Hlc) else parse(value)
