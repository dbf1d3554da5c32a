"""*Bencana*: disaster relief in tabs. The first tab, *Kejadian*, holds the events and their victims;
other tabs (stock, distribution, documents) are added to ``tabs`` by their own modules."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from simoncer_desktop.store import Database
from simoncer_desktop.ui.pages.relief_events_tab import ReliefEventsTab
from simoncer_desktop.ui.tasks import TaskRunner


class ReliefPage(QWidget):
    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        title = QLabel(self.tr("Bencana"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.events_tab = ReliefEventsTab(db, tasks)
        self.tabs.addTab(self.events_tab, self.tr("Kejadian"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
