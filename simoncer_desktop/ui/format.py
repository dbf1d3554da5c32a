"""How numbers, money and dates are written on screen (Indonesian conventions)."""

from __future__ import annotations

from datetime import date


def thousands(value: int) -> str:
    """``1234567`` → ``1.234.567`` (dot as the thousands separator)."""
    return f"{value:,}".replace(",", ".")


def rupiah(amount: int) -> str:
    """``3900000`` → ``Rp 3.900.000``."""
    return f"Rp {thousands(amount)}"


def day(value: date | None) -> str:
    """``date(1980, 5, 12)`` → ``12-05-1980``; empty for no date."""
    return value.strftime("%d-%m-%Y") if value else ""
