"""*Target* (a tab of Graduasi): per pendamping, kelurahan or kecamatan the yearly graduation target
against proposed, approved and in-programme families, the city total against its target, and a bar
chart of approved against target for the first rows of the table (in the table's order).

The figures come from ``services.graduation_targets.targets`` through the page's ``TaskRunner`` (a read
task). They load when the tab is first shown, when the year or level changes, and on *Muat ulang* (F5).
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.services.graduation_targets import (
    KECAMATAN,
    KELURAHAN,
    LEVELS,
    PENDAMPING,
    TargetsView,
    targets,
)
from simoncer_desktop.store import Database
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.models.targets_model import TargetColumn, TargetTableModel
from simoncer_desktop.ui.tasks import CancelToken, Progress, Task, TaskRunner
from simoncer_desktop.ui.widgets.bar_chart import Bar, BarChart
from simoncer_desktop.ui.widgets.table import configure_table

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

CHART_ROWS = 15
"""Bars in the chart: the first rows of the table in its current order."""

WIDTHS: dict[int, int | tuple[str, int]] = {
    TargetColumn.NAME: 24,
    TargetColumn.KECAMATAN: 18,
    TargetColumn.TARGET: 7,
    TargetColumn.PROPOSED: 8,
    TargetColumn.APPROVED: 8,
    TargetColumn.PIPELINE: 9,
    TargetColumn.PERCENT: 7,
}


def city_line(view: TargetsView) -> str:
    """``Kota: 123 dari 750 (16%)`` (with what is proposed and in the programme)."""
    percent = "–" if view.city_percent is None else f"{round(view.city_percent)}%"
    return translate(
        "TargetsTab",
        "Kota: %s dari %s (%s) disetujui tahun %s; %s menunggu persetujuan, %s keluarga dalam proses tahapan.",
    ) % (
        thousands(view.city_approved),
        thousands(view.city_target),
        percent,
        view.year,
        thousands(view.city_proposed),
        thousands(view.city_pipeline),
    )


class TargetsTab(QWidget):
    loaded = Signal()
    """New figures are shown."""

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.view: TargetsView | None = None
        self.running = False
        self.task: Task | None = None
        self._stale = True
        self._again = False
        self.model = TargetTableModel(self)
        self._build()

    def _build(self) -> None:
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(date.today().year)
        self.year_box.setAccessibleName(self.tr("Tahun"))
        self.year_box.valueChanged.connect(lambda _v: self.reload())
        self.level_box = QComboBox()
        names = self.level_names()
        for level in LEVELS:
            self.level_box.addItem(names[level], level)
        self.level_box.setAccessibleName(self.tr("Tingkat"))
        self.level_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload_button = QPushButton(self.tr("Muat ulang"))
        self.reload_button.setToolTip(self.tr("Hitung ulang angka target (F5)"))
        self.reload_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        year_label = QLabel(self.tr("&Tahun:"))
        year_label.setBuddy(self.year_box)
        level_label = QLabel(self.tr("T&ingkat:"))
        level_label.setBuddy(self.level_box)
        top.addWidget(year_label)
        top.addWidget(self.year_box)
        top.addSpacing(12)
        top.addWidget(level_label)
        top.addWidget(self.level_box)
        top.addStretch(1)
        top.addWidget(self.reload_button)

        self.city_label = QLabel(self.tr("Belum dimuat."))
        self.city_label.setObjectName("summary")
        self.city_label.setWordWrap(True)
        self.city_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableView()
        self.table.setObjectName("targets")
        self.table.setModel(self.model)
        configure_table(self.table, WIDTHS, stretch=TargetColumn.NAME, sortable=True)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.model.modelReset.connect(self._update_chart)

        self.chart = BarChart()
        self.chart.setObjectName("targetChart")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        action = QAction(self.tr("Muat ulang"), self)
        action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.reload)
        self.addAction(action)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.city_label)
        layout.addWidget(self.splitter, 1)

    # --- choices ------------------------------------------------------------------------------

    def level_names(self) -> dict[str, str]:
        """The levels' names (``graduation_targets.LEVEL_LABELS``), translated."""
        return {PENDAMPING: self.tr("Pendamping"), KELURAHAN: self.tr("Kelurahan"), KECAMATAN: self.tr("Kecamatan")}

    def level(self) -> str:
        return str(self.level_box.currentData())

    def set_level(self, level: str) -> None:
        self.level_box.setCurrentIndex(self.level_box.findData(level))

    def year(self) -> int:
        return self.year_box.value()

    # --- loading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self.running:
            self.reload()

    def mark_stale(self) -> None:
        """Decisions or enrollments changed elsewhere: reload now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        if self.running:
            self._again = True  # the choice changed while loading: load once more afterwards
            return
        self.running = True
        self._stale = False
        self._again = False
        self.reload_button.setEnabled(False)
        db, year, level = self._db, self.year(), self.level()

        def work(_progress: Progress, _token: CancelToken) -> TargetsView:
            with db.read() as session:
                return targets(session, year, level)

        task = self._tasks.run(
            work,
            label=self.tr("Menghitung target graduasi…"),
            on_success=self._loaded,
            on_failure=self._failed,
            on_cancelled=self._finished,
        )
        self.task = task if self.running else None

    def _finished(self) -> None:
        self.running = False
        self.task = None
        self.reload_button.setEnabled(True)
        if self._again:
            self.reload()

    def _loaded(self, view: TargetsView) -> None:
        self.view = view
        self.table.setColumnHidden(TargetColumn.KECAMATAN, view.level == KECAMATAN)
        self.model.set_rows(view.rows)
        self.city_label.setText(city_line(view))
        log.info("Targets %s %d: %d rows in %.3f s", view.level, view.year, len(view.rows), view.seconds)
        self._finished()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        self._stale = True
        self.city_label.setText(self.tr("Gagal memuat angka target. Tekan Muat ulang (F5)."))
        self._tasks.report_failure(exc)

    def _update_chart(self) -> None:
        rows = self.model.rows[:CHART_ROWS]
        level = self.level_names().get(self.level(), "")
        title = self.tr("Disetujui dibanding target: %d baris pertama (%s), urutan tabel") % (len(rows), level)
        self.chart.set_bars([Bar(r.name, r.approved, r.target) for r in rows], title)
