"""*Graduasi*: the graduation programme in tabs — quarterly natural graduation, assessments, cohorts,
proposals and approvals, targets. Each tab is its own widget module; a tab not built yet says so."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from simoncer_desktop.store import Database
from simoncer_desktop.ui.pages.cohort_tab import CohortTab
from simoncer_desktop.ui.pages.decision_tab import DecisionTab
from simoncer_desktop.ui.pages.natural_graduation_tab import NaturalGraduationTab
from simoncer_desktop.ui.pages.targets_tab import TargetsTab
from simoncer_desktop.ui.tasks import TaskRunner


class GraduationPage(QWidget):
    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        title = QLabel(self.tr("Graduasi"))
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget()
        self.natural_tab: QWidget = NaturalGraduationTab(db, tasks)  # natural-graduation tab
        self.tabs.addTab(self.natural_tab, self.tr("Graduasi alamiah"))
        self.cohort_tab: QWidget = CohortTab(db, tasks)  # cohort tab
        self.tabs.addTab(self.cohort_tab, self.tr("Kohort dan tahapan"))
        self.decision_tab: QWidget = DecisionTab(db, tasks)  # decision tab
        self.tabs.addTab(self.decision_tab, self.tr("Usulan dan persetujuan"))
        self.target_tab: QWidget = TargetsTab(db, tasks)  # target tab
        self.tabs.addTab(self.target_tab, self.tr("Target"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
