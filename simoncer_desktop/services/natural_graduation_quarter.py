"""Natural graduation: the quarter a run covers (``2026Q3``), and the two small helpers every part of it
shares: the day format of its messages and the id batches of its ``IN (...)`` queries."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.translation import translate

CHUNK = 900
"""Ids per ``IN (...)``: below SQLite's default limit of bound parameters."""

_QUARTER = re.compile(r"^\s*(\d{4})\s*[-/ ]?\s*[Qq]([1-4])\s*$")
_QUARTER_ENDS = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def parse_quarter(text: str) -> tuple[date, date]:
    """``"2026Q3"`` → (1 July 2026, 30 September 2026); ``ValidationError`` in Bahasa otherwise."""
    match = _QUARTER.match(text or "")
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        message = translate(
            "natural_graduation", "Kuartal '{text}' tidak sah: tulis tahun dan nomor kuartal 1–4, mis. 2026Q3"
        )
        raise ValidationError(message.format(text=text), field="quarter")
    year, number = int(match.group(1)), int(match.group(2))
    end_month, end_day = _QUARTER_ENDS[number]
    return date(year, 3 * number - 2, 1), date(year, end_month, end_day)


def quarter_code(text: str) -> str:
    """The canonical spelling (``2026Q3``) of a valid quarter."""
    parse_quarter(text)
    match = _QUARTER.match(text)
    assert match is not None
    return f"{match.group(1)}Q{match.group(2)}"


def dmy(value: date) -> str:
    return value.strftime("%d-%m-%Y")


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
