"""The plumbing the Graduasi tabs share: a busy flag, a message label for refusals, and work handed
to the page's ``TaskRunner`` (off the UI thread) with the result or the refusal shown on return."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner

log = logging.getLogger(__name__)


def operator_name() -> str:
    """Who acts (proposes, decides, marks a stage) until there is a log-in: the system user."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "operator"


class TaskTab(QWidget):
    """Subclasses set ``message_label`` and implement ``_sync`` (enable buttons for ``busy``)."""

    message_label: QLabel

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.busy = False

    def _sync(self) -> None:
        raise NotImplementedError

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def operator_name(self) -> str:
        return operator_name()

    def run_task(
        self,
        work: Callable[[Progress, CancelToken], Any],
        label: str,
        on_success: Callable[[Any], None],
        *,
        write: bool,
    ) -> None:
        """Run ``work`` for a helper acting on this tab (busy flag, refusal shown under the tab)."""
        self._start(work, label, on_success, write=write)

    def _start(
        self,
        work: Callable[[Progress, CancelToken], Any],
        label: str,
        on_success: Callable[[Any], None],
        *,
        write: bool,
        cancellable: bool = False,
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        self.busy = True
        self.show_message("")
        self._sync()
        self._tasks.run(
            work,
            label=label,
            write=write,
            cancellable=cancellable,
            on_success=lambda result: self._done(on_success, result),
            on_failure=self._failed,
            on_cancelled=lambda: self._cancelled(on_cancelled),
        )

    def _done(self, then: Callable[[Any], None], result: Any) -> None:
        self.busy = False
        then(result)
        self._sync()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._sync()
        if isinstance(exc, SimoncerError):
            log.info("%s refused: %s", type(self).__name__, exc)
            self.show_message(str(exc))
        else:
            self._tasks.report_failure(exc)

    def _cancelled(self, then: Callable[[], None] | None) -> None:
        self.busy = False
        self._sync()
        if then is not None:
            then()
