"""*Laporan*: the Wali Kota recap. Choose the year, the whole year or one quarter, and optionally one
kecamatan; *Tampilkan* previews the figures in the workbook's sheets (Ringkasan, Per Kecamatan, Per
Kelurahan, Pendamping, Tahapan, Bencana) and *Ekspor Excel…* (Ctrl+E) writes the same recap to an .xlsx.
Both read the database off the UI thread (``services.recap``); the file is written by
``reports.excel.recap_workbook`` into a temporary file that replaces the target only when complete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.services import caseload_query as cq
from simoncer_desktop.services.recap_model import Recap
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.cells_model import SORT_ROLE, CellsModel
from simoncer_desktop.ui.models.recap_rows import tables
from simoncer_desktop.ui.pages.task_tab import TaskTab
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.labels import message_label, note_label
from simoncer_desktop.ui.widgets.save_path import ask_xlsx_path

PERIODS = ("", "Q1", "Q2", "Q3", "Q4")
"""The period codes after the year (``2026``, ``2026Q1``…); their names are ``ReportsPage.period_names``."""


class ReportsPage(TaskTab):
    def __init__(
        self, db: Database, tasks: TaskRunner, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._today = today or date.today()
        self._first_show = True
        self.recap: Recap | None = None
        """The recap shown."""
        self.last_file: Path | None = None

        title = QLabel(self.tr("Laporan — Rekap Wali Kota"))
        title.setObjectName("pageTitle")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2015, 2100)
        self.year_spin.setValue(self._today.year)
        self.period_combo = QComboBox()
        names = self.period_names()
        for code in PERIODS:
            self.period_combo.addItem(names[code], code)
        self.kecamatan_combo = QComboBox()
        self.kecamatan_combo.addItem(self.tr("Semua kecamatan"), None)
        self.show_button = QPushButton(self.tr("&Tampilkan"))
        self.show_button.setObjectName("primary")
        self.show_button.clicked.connect(lambda: self.preview())
        self.export_button = QPushButton(self.tr("&Ekspor Excel…"))
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.setToolTip(self.tr("Tulis rekap ke berkas .xlsx (Ctrl+E)"))
        self.export_button.clicked.connect(lambda: self.export())
        controls = QHBoxLayout()
        for text, widget in (
            (self.tr("Tahun"), self.year_spin),
            (self.tr("Periode"), self.period_combo),
            (self.tr("Kecamatan"), self.kecamatan_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addWidget(self.show_button)
        controls.addStretch(1)
        controls.addWidget(self.export_button)

        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("summary")
        self.as_of_label.setWordWrap(True)
        self.tabs = QTabWidget()
        self.models: list[CellsModel] = []
        self.views: list[QTableView] = []
        self.message_label = message_label()
        self.info_label = note_label()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(controls)
        layout.addWidget(self.as_of_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.info_label)
        self._sync()

    # --- state ----------------------------------------------------------------------------------

    def period_names(self) -> dict[str, str]:
        return {
            "": self.tr("Setahun"),
            "Q1": self.tr("Kuartal I"),
            "Q2": self.tr("Kuartal II"),
            "Q3": self.tr("Kuartal III"),
            "Q4": self.tr("Kuartal IV"),
        }

    def period_text(self) -> str:
        """``2026`` or ``2026Q3``, as ``simoncer-cli export recap --period`` takes it."""
        return f"{self.year_spin.value()}{self.period_combo.currentData() or ''}"

    def kecamatan(self) -> str | None:
        return self.kecamatan_combo.currentData()

    def _sync(self) -> None:
        for widget in (self.show_button, self.export_button, self.year_spin, self.period_combo):
            widget.setEnabled(not self.busy)
        self.kecamatan_combo.setEnabled(not self.busy and self.kecamatan_combo.count() > 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self._load_kecamatan()

    def _load_kecamatan(self) -> None:
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> list[cq.Option]:
            with db.read() as session:
                return cq.kecamatan_options(session)

        def show(options: list[cq.Option]) -> None:
            for option in options:
                self.kecamatan_combo.addItem(option.label, option.value)
            self.preview()

        self._start(work, self.tr("Memuat pilihan…"), show, write=False)

    # --- preview --------------------------------------------------------------------------------

    def preview(self) -> None:
        if self.busy:
            return
        db, period, kecamatan = self._db, self.period_text(), self.kecamatan()

        def work(_progress: Progress, _token: CancelToken) -> Recap:
            from simoncer_desktop.services.recap import build_recap, parse_period

            with db.read() as session:
                return build_recap(session, parse_period(period), kecamatan)

        self._start(work, self.tr("Menghitung rekap…"), self._show_recap, write=False)

    def _show_recap(self, recap: Recap) -> None:
        self.recap = recap
        where = recap.kecamatan_filter or recap.region_name
        text = self.tr("Periode %s · %s · data per %s") % (recap.period.label, where, f"{recap.as_of:%d-%m-%Y %H:%M}")
        if recap.notes:
            text += " · " + " ".join(recap.notes)
        self.as_of_label.setText(text)
        shown = self.tabs.currentIndex()
        for index, table in enumerate(tables(recap)):
            if index == len(self.views):
                self._add_view(table.title)
            self.models[index].set_table(table.headers, table.rows)
            self.views[index].resizeColumnsToContents()
        self.tabs.setCurrentIndex(max(shown, 0))

    def _add_view(self, title: str) -> None:
        model = CellsModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a header is clicked
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.models.append(model)
        self.views.append(view)
        self.tabs.addTab(view, title)  # the title comes translated from ui.models.recap_rows

    # --- export ---------------------------------------------------------------------------------

    def ask_path(self, suggested: str) -> str:
        return ask_xlsx_path(self, self.tr("Simpan rekap"), suggested)

    def export(self) -> None:
        if self.busy:
            return
        period, kecamatan = self.period_text(), self.kecamatan()
        path = self.ask_path(f"Rekap-Wali-Kota-{period}.xlsx")
        if not path:
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> tuple[Recap, Path]:
            from simoncer_desktop.reports.excel.recap_workbook import write_recap
            from simoncer_desktop.services.recap import build_recap, parse_period

            with db.read() as session:
                recap = build_recap(session, parse_period(period), kecamatan)
            return recap, write_recap(recap, Path(path))

        def done(result: tuple[Recap, Path]) -> None:
            recap, written = result
            self.last_file = written
            self._show_recap(recap)
            self.info_label.setText(self.tr("Rekap %s disimpan ke %s") % (recap.period.label, written))
            self.info_label.show()

        self.info_label.hide()
        self._start(work, self.tr("Menulis rekap…"), done, write=False)
