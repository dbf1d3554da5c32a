"""Progress reporting and cancellation for long services (import, export, checks), without Qt.

``ui/tasks.py`` runs such services off the UI thread and passes these in; the CLI passes its own
progress printer and a token nobody cancels.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Progress = Callable[[int, int], None]
"""``progress(done, total)``; ``total`` 0 = unknown."""


class CancelledError(Exception):
    """Raised inside a task by ``CancelToken.raise_if_cancelled`` after the user cancelled."""


class CancelToken:
    """Shared between the UI (which cancels) and the worker (which checks); thread-safe."""

    def __init__(self) -> None:
        self._event = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise CancelledError()


def no_progress(_done: int, _total: int) -> None:
    """The progress callback of callers that show none."""
