"""How a page opens the family dialog: window-modal with ``open()`` (never a blocking ``exec()``), one at
a time. The Keluarga and Kualitas Data pages share it; each shows the one open as ``page.dialog``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.household_dialog import HouseholdDialog
from simoncer_desktop.ui.tasks import TaskRunner


class HouseholdOpener:
    """Opens ``HouseholdDialog`` over ``page``; ``closed(dialog)`` runs when it finishes, whatever the result
    (a saved family's member changes are stored at once), and the dialog is deleted after it."""

    def __init__(
        self, page: QWidget, db: Database, tasks: TaskRunner, closed: Callable[[HouseholdDialog], None]
    ) -> None:
        self._page = page
        self._db = db
        self._tasks = tasks
        self._closed = closed
        self.dialog: HouseholdDialog | None = None
        """The family dialog currently open, if any."""

    def open(self, household_id: str | None) -> HouseholdDialog | None:
        """Open the family ``household_id`` (None: a new family) and return its dialog; None, and nothing
        opened, while a dialog is open already. Raises what ``HouseholdDialog`` raises (``NotFoundError``
        when the family is gone)."""
        if self.dialog is not None:
            return None
        dialog = HouseholdDialog(self._db, self._tasks, household_id, self._page)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._finished(dialog))
        dialog.open()
        return dialog

    def _finished(self, dialog: HouseholdDialog) -> None:
        self.dialog = None
        try:
            self._closed(dialog)
        finally:
            dialog.deleteLater()
