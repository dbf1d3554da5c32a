"""*Bencana*: disaster relief in tabs. *Kejadian* holds the events and their victims, with the
distribution, attachment and print actions (``relief_event_actions``); *Stok* the relief items, their
stock cards, receipts and the aid indexes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from simoncer_desktop.store import Database
from simoncer_desktop.ui.pages.relief_event_actions import ReliefEventActions
from simoncer_desktop.ui.pages.relief_events_tab import ReliefEventsTab
from simoncer_desktop.ui.pages.relief_stock_tab import StockTab
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
        self.event_actions = ReliefEventActions(self.events_tab, db, tasks)
        self.stock_tab = StockTab(db, tasks)
        self.tabs.addTab(self.stock_tab, self.tr("Stok dan indeks bantuan"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
