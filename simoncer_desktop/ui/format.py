"""How numbers, money and dates are written on screen: Indonesian conventions, and the English thousands
separator when the screen is in English (``ui.i18n`` switches it with the language)."""

from __future__ import annotations

from datetime import date

_separator = "."


def use_thousands_separator(separator: str) -> None:
    """``"."`` (Bahasa, the default) or ``","`` (English)."""
    global _separator
    _separator = separator


def thousands(value: int) -> str:
    """``1234567`` → ``1.234.567`` (``1,234,567`` on an English screen)."""
    return f"{value:,}".replace(",", _separator)


def rupiah(amount: int) -> str:
    """``3900000`` → ``Rp 3.900.000``."""
    return f"Rp {thousands(amount)}"


def day(value: date | None) -> str:
    """``date(1980, 5, 12)`` → ``12-05-1980``; empty for no date."""
    return value.strftime("%d-%m-%Y") if value else ""
