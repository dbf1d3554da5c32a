"""Unique numbers for the demo caseload (``demo_data``): NIK and No. KK serials that collide neither with
each other nor with the database, and where the id clock starts so that ids never repeat."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable
from datetime import UTC, date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.models import Facilitator, Household, Member


class NumberPool:
    """Hands out NIK and No. KK serials: per 12-digit prefix (region + date) the next serial above every
    number already used, so nothing generated collides with itself or with the database."""

    def __init__(self, taken: Iterable[str | None]) -> None:
        self._last: dict[str, int] = {}
        for number in taken:
            if number and len(number) == 16 and number.isdigit():
                prefix, serial = number[:12], int(number[12:])
                if serial > self._last.get(prefix, 0):
                    self._last[prefix] = serial

    def take(self, prefix: str) -> str | None:
        """The next free number with this prefix, or None when its 9999 serials are used up."""
        serial = self._last.get(prefix, 0) + 1
        if serial > 9999:
            return None
        self._last[prefix] = serial
        return f"{prefix}{serial:04d}"


def numbers_in_use(session: Session) -> NumberPool:
    return NumberPool(
        itertools.chain(
            session.scalars(select(Member.nik).where(Member.nik.is_not(None))),
            session.scalars(select(Facilitator.nik).where(Facilitator.nik.is_not(None))),
            session.scalars(select(Household.no_kk)),
        )
    )


def id_start_ms(session: Session, as_of: date) -> int:
    """Where the id clock starts: the as-of day on a fresh database; after the newest existing id
    otherwise, so that generating twice into one database never repeats an id."""
    start = int(datetime.combine(as_of, time(), tzinfo=UTC).timestamp() * 1000)
    for model in (Household, Member, Facilitator):
        latest = session.scalar(select(func.max(model.id)))
        if latest:
            with contextlib.suppress(ValueError):  # not a UUID made here: it cannot collide with a UUIDv7
                start = max(start, int(latest.replace("-", "")[:12], 16))
    return start
