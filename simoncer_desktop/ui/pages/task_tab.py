"""The plumbing the Graduasi tabs share: a busy flag, a message label for refusals, and work handed
to the page's ``TaskRunner`` (off the UI thread) with the result or the refusal shown on return."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.store import Database
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner

log = logging.getLogger(__name__)


def operator_name(db: Database | None = None) -> str:
    """Who acts (proposes, decides, marks a stage): the signed-in user's full name; without one (a
    database opened by a tool), the system user."""
    if db is not None and db.identity is not None:
        return db.identity.full_name
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "operator"


class TaskTab(QWidget):
    """Subclasses set ``message_label`` and implement ``_sync`` (enable buttons for ``busy``)."""

    message_label: QLabel
    _db: Database
    """Set by every subclass: the database the tab works on."""
    dialog: QDialog | None = None
    """The form open over the tab, if any (the tab's actions wait for it); set by ``open_dialog``. A class
    attribute, so a tab whose forms come from elsewhere may define it as a property."""

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
        return operator_name(self._db)

    def is_free(self) -> bool:
        """Nothing running and no form open: an action may start."""
        return not self.busy and self.dialog is None

    def open_dialog(
        self,
        dialog: QDialog,
        accepted: Callable[[QDialog], None] | None = None,
        closed: Callable[[QDialog], None] | None = None,
    ) -> None:
        """Show ``dialog`` over the tab without blocking; ``accepted(dialog)`` runs when it was accepted,
        then ``closed(dialog)`` however it was closed."""
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            try:
                if result == QDialog.DialogCode.Accepted and accepted is not None:
                    accepted(dialog)
                if closed is not None:
                    closed(dialog)
                self._sync()
            finally:
                dialog.deleteLater()

        dialog.finished.connect(finished)
        self._sync()
        dialog.open()

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
