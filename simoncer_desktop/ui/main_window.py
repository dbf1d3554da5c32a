"""The one main window: navigation on the left (Ctrl+1…Ctrl+8), pages in the middle, status bar below."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from simoncer_desktop.services.caseload_query import count
from simoncer_desktop.store import Database
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.pages.caseload_page import CaseloadPage
from simoncer_desktop.ui.pages.home_page import HomePage, PlaceholderPage
from simoncer_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from simoncer_desktop.ui.pages.data_quality_page import DataQualityPage
    from simoncer_desktop.ui.pages.graduation_page import GraduationPage
    from simoncer_desktop.ui.pages.relief_page import ReliefPage
    from simoncer_desktop.ui.pages.reports_page import ReportsPage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageInfo:
    key: str
    title: str


LAZY_PAGES = frozenset({"graduation", "disaster", "reports", "quality"})
"""Pages made when first shown rather than at start-up."""


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def page_list() -> list[PageInfo]:
    """The navigation, in order (Ctrl+1 is the first)."""
    return [
        PageInfo("home", _t("Beranda")),
        PageInfo("caseload", _t("Keluarga")),
        PageInfo("graduation", _t("Graduasi")),
        PageInfo("disaster", _t("Bencana")),
        PageInfo("reports", _t("Laporan")),
        PageInfo("quality", _t("Kualitas Data")),
        PageInfo("sync", _t("Sinkronisasi")),
        PageInfo("settings", _t("Pengaturan")),
    ]


class MainWindow(QMainWindow):
    def __init__(self, db: Database, tasks: TaskRunner | None = None) -> None:
        super().__init__()
        self.db = db
        self.tasks = tasks or TaskRunner(self)
        self.setWindowTitle(self.tr("Simoncer — Sistem Monitoring Cerdas"))
        self.setMinimumSize(QSize(1024, 640))
        self.resize(1366, 768)
        self.pages_info = page_list()

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.home_page = HomePage(db)
        self.caseload_page = CaseloadPage(db, self.tasks)
        self.caseload_page.caseload_changed.connect(self.refresh_counts)
        self.caseload_page.caseload_changed.connect(self._caseload_changed)
        self._built: dict[str, QWidget] = {"home": self.home_page, "caseload": self.caseload_page}
        """Pages made so far; the others are made the first time they are shown (``page``)."""
        for number, info in enumerate(self.pages_info, start=1):
            if info.key in self._built:
                widget = self._built[info.key]
            elif info.key in LAZY_PAGES:
                widget = QWidget()  # stands in until the page is first shown
            else:
                widget = PlaceholderPage(info.title)
            widget.setObjectName(f"page_{info.key}")
            self.stack.addWidget(widget)
            self.navigation.addItem(info.title)
            self.navigation.item(number - 1).setToolTip(self.tr("%s (Ctrl+%d)") % (info.title, number))
            action = QAction(info.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, index=number - 1: self.show_page(index))
            self.addAction(action)
        self.navigation.currentRowChanged.connect(self._navigated)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.stack.setContentsMargins(12, 8, 12, 4)
        self.setCentralWidget(central)

        self.db_label = QLabel(self.tr("Database: %s") % db.path)
        self.db_label.setToolTip(str(db.path))
        self.count_label = QLabel()
        self.sync_label = QLabel(self.tr("Sinkronisasi terakhir: belum pernah"))
        status = self.statusBar()
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.count_label)
        status.addPermanentWidget(self.sync_label)
        self.family_count = 0
        self.refresh_counts(home=False)  # the home page counted itself when it was made
        self.navigation.setCurrentRow(0)

    # --- navigation --------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def page(self, key: str) -> QWidget:
        """The page ``key``, made now if it was not yet: the Graduasi, Bencana, Laporan and Kualitas Data pages
        (and the report and spreadsheet libraries they import) cost nothing until they are opened."""
        built = self._built.get(key)
        if built is not None:
            return built
        page = self._make_page(key)
        page.setObjectName(f"page_{key}")
        index = next(i for i, info in enumerate(self.pages_info) if info.key == key)
        stand_in = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        self._built[key] = page
        return page

    def _make_page(self, key: str) -> QWidget:
        if key == "quality":
            from simoncer_desktop.ui.pages.data_quality_page import DataQualityPage

            quality = DataQualityPage(self.db, self.tasks)
            quality.caseload_changed.connect(self.refresh_counts)
            quality.caseload_changed.connect(lambda: self.caseload_page.refresh())
            return quality
        if key == "graduation":
            from simoncer_desktop.ui.pages.graduation_page import GraduationPage

            return GraduationPage(self.db, self.tasks)
        if key == "disaster":
            from simoncer_desktop.ui.pages.relief_page import ReliefPage

            relief = ReliefPage(self.db, self.tasks)
            relief.events_tab.loaded.connect(self.home_page.mark_stale)
            return relief
        if key == "reports":
            from simoncer_desktop.ui.pages.reports_page import ReportsPage

            return ReportsPage(self.db, self.tasks)
        raise KeyError(key)

    @property
    def quality_page(self) -> DataQualityPage:
        return cast("DataQualityPage", self.page("quality"))

    @property
    def graduation_page(self) -> GraduationPage:
        return cast("GraduationPage", self.page("graduation"))

    @property
    def relief_page(self) -> ReliefPage:
        return cast("ReliefPage", self.page("disaster"))

    @property
    def reports_page(self) -> ReportsPage:
        return cast("ReportsPage", self.page("reports"))

    def _caseload_changed(self) -> None:
        quality = self._built.get("quality")
        if quality is not None:
            cast("DataQualityPage", quality).mark_stale()

    def current_page_key(self) -> str:
        return self.pages_info[self.stack.currentIndex()].key

    def _navigated(self, index: int) -> None:
        if index < 0:
            return
        if self.pages_info[index].key in LAZY_PAGES:
            self.page(self.pages_info[index].key)
        self.stack.setCurrentIndex(index)
        if self.stack.currentWidget() is self.caseload_page:
            self.caseload_page.focus_search()

    # --- status ------------------------------------------------------------------------------

    def refresh_counts(self, home: bool = True) -> None:
        with self.db.read() as session:
            self.family_count = count(session)
        self.count_label.setText(self.tr("%s keluarga") % thousands(self.family_count))
        if home:
            self.home_page.refresh()

    def is_ready(self) -> bool:
        """Shown, and the caseload table has its first page (benchmarks wait for this)."""
        model = self.caseload_page.model
        return self.isVisible() and (model.rowCount() == 0 or model.is_loaded(0))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.tasks.shutdown():
            log.warning("Background work still running at exit")
        super().closeEvent(event)
