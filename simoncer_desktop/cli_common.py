"""What every ``simoncer-cli`` command module shares: the exit codes and the ``--db``/``--user`` flags."""

from __future__ import annotations

import argparse

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

PASSWORD_ENV = "SIMONCER_PASSWORD"
DEFAULT_USER = "admin"


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="database file (default: SIMONCER_DB or the data folder)")
    parser.add_argument(
        "--user",
        default=DEFAULT_USER,
        metavar="NAME",
        help=f"masuk sebagai pengguna ini (default {DEFAULT_USER}); kata sandi dari {PASSWORD_ENV} atau ditanyakan",
    )


def thousands(value: int) -> str:
    """``12345`` → ``12.345`` (Indonesian digit grouping)."""
    return f"{value:,}".replace(",", ".")


def non_negative(text: str) -> int:
    """argparse type: a whole number ≥ 0."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"harus bilangan bulat 0 atau lebih (tertulis '{text}')")
    return int(text)
