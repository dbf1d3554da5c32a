"""Cell values of a user's spreadsheet → clean Python values, with the real-world faults named.

Each reader returns the value (or None) and the problem or safe fix found, as plain Bahasa text
without the row/column (the importer adds where). Identity numbers are never guessed: a NIK that
Excel stored as a number has lost its last digit and is refused.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

T = TypeVar("T")

EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of Excel's date serials (the 1900 leap-year bug makes it the 30th)."""
SERIAL_RANGE = (1, 2_958_465)

_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?)?$")
_SCIENTIFIC = re.compile(r"^\d(?:[.,]\d+)?[eE]\+?\d+$")


@dataclass(frozen=True, slots=True)
class Read(Generic[T]):
    value: T | None
    problem: str | None = None
    """Why the cell is refused (the family is rejected)."""
    fix: str | None = None
    """A safe correction that was made (reported, not refused)."""


def shown(cell: object) -> str:
    """How a cell value is quoted in a message."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.strftime("%d-%m-%Y %H:%M") if (cell.hour, cell.minute) != (0, 0) else cell.strftime("%d-%m-%Y")
    if isinstance(cell, date):
        return cell.strftime("%d-%m-%Y")
    return str(cell)


def text(cell: object) -> str:
    """Plain text of a cell: numbers without ``.0``, stripped."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "Y" if cell else "T"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime | date):
        return shown(cell)
    return str(cell).strip()


def identity_number(cell: object, label: str) -> Read[str]:
    """NIK / No. KK: 16 digits as text. Fixes ``'``, spaces, dots and a trailing ``.0``; refuses numbers
    that lost digits and scientific notation."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return Read(None)
    if isinstance(cell, bool):
        return Read(None, f"berisi nilai benar/salah, bukan {label}")
    if isinstance(cell, int | float):
        number = int(cell)
        digits = str(number)
        if isinstance(cell, float) and not cell.is_integer():
            return Read(None, f"{label} tersimpan sebagai angka pecahan; format kolom sebagai Teks lalu ketik ulang")
        if len(digits) >= 16 and digits.endswith("0"):
            return Read(
                None,
                f"{label} tersimpan sebagai angka: Excel hanya menyimpan 15 digit, sehingga digit terakhir "
                f"hilang ({digits}). Format kolom {label} sebagai Teks lalu ketik ulang nomornya dari dokumen aslinya",
            )
        return Read(
            digits, fix=f"{label} tersimpan sebagai angka; dibaca sebagai teks {digits} (sebaiknya format kolom Teks)"
        )
    raw = str(cell)
    value = raw.strip()
    if _SCIENTIFIC.match(value):
        return Read(
            None,
            f"{label} tertulis dalam notasi ilmiah ({value}): digitnya hilang saat disimpan dari Excel. "
            f"Format kolom {label} sebagai Teks lalu ketik ulang",
        )
    cleaned = value[:-2] if value.endswith(".0") else value
    cleaned = cleaned.lstrip("'").replace(" ", "").replace("\u00a0", "").replace(".", "")
    if cleaned != raw and cleaned.isdigit():
        return Read(cleaned, fix=f"{label} '{raw}' dibaca sebagai {cleaned}")
    return Read(cleaned)


def day(cell: object, label: str) -> Read[date]:
    """A date from a date cell, an Excel serial, ``DD-MM-YYYY``, ``DD/MM/YYYY`` or ``YYYY-MM-DD``."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return Read(None)
    if isinstance(cell, datetime):
        return Read(cell.date())
    if isinstance(cell, date):
        return Read(cell)
    if isinstance(cell, bool):
        return Read(None, f"{label}: berisi nilai benar/salah, bukan tanggal")
    if isinstance(cell, int | float):
        if cell != int(cell) or not SERIAL_RANGE[0] <= cell <= SERIAL_RANGE[1]:
            return Read(None, f"{label}: angka {shown(cell)} bukan tanggal")
        value = EXCEL_EPOCH + timedelta(days=int(cell))
        return Read(value, fix=f"{label}: angka tanggal Excel {int(cell)} dibaca sebagai {value:%d-%m-%Y}")
    raw = str(cell).strip()
    if raw.isdigit() and 4 < len(raw) <= 7:
        return day(float(raw), label)
    match = _DMY.match(raw)
    if match:
        d, m, y = (int(g) for g in match.groups())
    else:
        match = _YMD.match(raw)
        if not match:
            return Read(None, f"{label}: '{raw}' bukan tanggal (tulis DD-MM-YYYY, mis. 17-08-1985)")
        y, m, d = (int(g) for g in match.groups())
    try:
        return Read(date(y, m, d))
    except ValueError:
        return Read(None, f"{label}: tanggal {raw} tidak ada di kalender")


_TRUE = {"Y", "YA", "YES", "1", "TRUE", "BENAR", "V", "X", "✓"}
_FALSE = {"T", "TIDAK", "N", "NO", "0", "FALSE", "SALAH", "-", ""}


def flag(cell: object, label: str) -> Read[bool]:
    """Y/T (also YA/TIDAK, 1/0, TRUE/FALSE); empty is T."""
    if isinstance(cell, bool):
        return Read(cell)
    value = text(cell).upper()
    if value in _TRUE:
        return Read(True)
    if value in _FALSE:
        return Read(False)
    return Read(None, f"{label}: '{shown(cell)}' harus Y atau T")


def whole_number(cell: object, label: str, low: int, high: int) -> Read[int]:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return Read(None)
    value = text(cell)
    if not value.isdigit() or not low <= int(value) <= high:
        return Read(None, f"{label}: '{shown(cell)}' harus bilangan bulat {low}–{high}")
    return Read(int(value))


def choice(cell: object, label: str, options: dict[str, str], shown_options: str) -> Read[str]:
    """A coded value from its label or code (case, spaces and punctuation ignored)."""
    key = _choice_key(text(cell))
    if not key:
        return Read(None)
    found = options.get(key)
    if found is None:
        return Read(None, f"{label}: '{shown(cell)}' tidak dikenal (pilih {shown_options})")
    return Read(found)


@functools.lru_cache(maxsize=4096)
def _choice_key(value: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", value.upper())


def choice_table(pairs: dict[str, str], *aliases: tuple[str, str]) -> dict[str, str]:
    """Lookup of codes by their labels, codes and extra aliases, keyed the way ``choice`` reads cells."""
    table = {_choice_key(label): code for code, label in pairs.items()}
    table.update({_choice_key(str(code)): code for code in pairs})
    table.update({_choice_key(alias): code for alias, code in aliases})
    return table
