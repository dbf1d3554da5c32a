"""A stand-in for the English catalogue: every translated text comes back marked ⟦like this⟧, so a test
sees exactly which texts went through translation (screen) and which did not (documents, exports)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from simoncer_desktop import translation

OPEN, CLOSE = "⟦", "⟧"


def mark(context: str, text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


@contextmanager
def marked_translation() -> Iterator[None]:
    """Install the marking translator for the block (and always remove it again)."""
    translation.install(mark)
    try:
        yield
    finally:
        translation.install(None)


def has_mark(text: str) -> bool:
    return OPEN in text or CLOSE in text
