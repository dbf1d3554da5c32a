"""Cell values of a user's spreadsheet → clean Python values, with the real-world faults named.

Each reader returns the value (or None) and the problem or safe fix found, as a ``Message`` (screen text
that is Bahasa again inside ``untranslated()``, e.g. in the import report) without the row/column (the
importer adds where); ``label`` arguments may be ``Message`` too. Parsing never depends on the screen
language: the tables of accepted values are Bahasa/codes only. Identity numbers are never guessed: a NIK that
Excel stored as a number has lost its last digit and is refused.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Generic, TypeVar

from simoncer_desktop.errors import Message

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
    problem: Message | None = None
    """Why the cell is refused (the family is rejected)."""
    fix: Message | None = None
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
        return Read(None, Message.translate("sheet", "berisi nilai benar/salah, bukan {label}").format(label=label))
    if isinstance(cell, int | float):
        number = int(cell)
        digits = str(number)
        if isinstance(cell, float) and not cell.is_integer():
            return Read(
                None,
                Message.translate(
                    "sheet", "{label} tersimpan sebagai angka pecahan; format kolom sebagai Teks lalu ketik ulang"
                ).format(label=label),
            )
        if len(digits) >= 16 and digits.endswith("0"):
            return Read(
                None,
                Message.translate(
                    "sheet",
                    "{label} tersimpan sebagai angka: Excel hanya menyimpan 15 digit, sehingga digit terakhir "
                    "hilang ({digits}). Format kolom {label} sebagai Teks lalu ketik ulang nomornya dari "
                    "dokumen aslinya",
                ).format(
                    label=label,
                    digits=digits,
                ),
            )
        return Read(
            digits,
            fix=Message.translate(
                "sheet", "{label} tersimpan sebagai angka; dibaca sebagai teks {digits} (sebaiknya format kolom Teks)"
            ).format(
                label=label,
                digits=digits,
            ),
        )
    raw = str(cell)
    value = raw.strip()
    if _SCIENTIFIC.match(value):
        return Read(
            None,
            Message.translate(
                "sheet",
                "{label} tertulis dalam notasi ilmiah ({value}): digitnya hilang saat disimpan dari Excel. "
                "Format kolom {label} sebagai Teks lalu ketik ulang",
            ).format(
                label=label,
                value=value,
            ),
        )
    cleaned = value[:-2] if value.endswith(".0") else value
    cleaned = cleaned.lstrip("'").replace(" ", "").replace("\u00a0", "").replace(".", "")
    if cleaned != raw and cleaned.isdigit():
        return Read(
            cleaned,
            fix=Message.translate("sheet", "{label} '{raw}' dibaca sebagai {cleaned}").format(
                label=label, raw=raw, cleaned=cleaned
            ),
        )
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
        return Read(
            None, Message.translate("sheet", "{label}: berisi nilai benar/salah, bukan tanggal").format(label=label)
        )
    if isinstance(cell, int | float):
        if cell != int(cell) or not SERIAL_RANGE[0] <= cell <= SERIAL_RANGE[1]:
            return Read(
                None,
                Message.translate("sheet", "{label}: angka {number} bukan tanggal").format(
                    label=label, number=shown(cell)
                ),
            )
        value = EXCEL_EPOCH + timedelta(days=int(cell))
        return Read(
            value,
            fix=Message.translate("sheet", "{label}: angka tanggal Excel {number} dibaca sebagai {day}").format(
                label=label,
                number=int(cell),
                day=f"{value:%d-%m-%Y}",
            ),
        )
    raw = str(cell).strip()
    if raw.isdigit() and 4 < len(raw) <= 7:
        return day(float(raw), label)
    match = _DMY.match(raw)
    if match:
        d, m, y = (int(g) for g in match.groups())
    else:
        match = _YMD.match(raw)
        if not match:
            return Read(
                None,
                Message.translate("sheet", "{label}: '{raw}' bukan tanggal (tulis DD-MM-YYYY, mis. 17-08-1985)").format(
                    label=label, raw=raw
                ),
            )
        y, m, d = (int(g) for g in match.groups())
    try:
        return Read(date(y, m, d))
    except ValueError:
        return Read(
            None,
            Message.translate("sheet", "{label}: tanggal {raw} tidak ada di kalender").format(label=label, raw=raw),
        )


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
    return Read(
        None, Message.translate("sheet", "{label}: '{value}' harus Y atau T").format(label=label, value=shown(cell))
    )


def whole_number(cell: object, label: str, low: int, high: int) -> Read[int]:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return Read(None)
    value = text(cell)
    if not value.isdigit() or not low <= int(value) <= high:
        return Read(
            None,
            Message.translate("sheet", "{label}: '{value}' harus bilangan bulat {low}–{high}").format(
                label=label, value=shown(cell), low=low, high=high
            ),
        )
    return Read(int(value))


def choice(cell: object, label: str, options: dict[str, str], shown_options: str) -> Read[str]:
    """A coded value from its label or code (case, spaces and punctuation ignored)."""
    key = _choice_key(text(cell))
    if not key:
        return Read(None)
    found = options.get(key)
    if found is None:
        return Read(
            None,
            Message.translate("sheet", "{label}: '{value}' tidak dikenal (pilih {options})").format(
                label=label, value=shown(cell), options=shown_options
            ),
        )
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
