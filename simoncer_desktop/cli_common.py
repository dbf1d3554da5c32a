"""What every ``simoncer-cli`` command module shares: the exit codes and the ``--db`` flag."""

from __future__ import annotations

import argparse

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="database file (default: SIMONCER_DB or the data folder)")


def thousands(value: int) -> str:
    """``12345`` → ``12.345`` (Indonesian digit grouping)."""
    return f"{value:,}".replace(",", ".")


def non_negative(text: str) -> int:
    """argparse type: a whole number ≥ 0."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"harus bilangan bulat 0 atau lebih (tertulis '{text}')")
    return int(text)
