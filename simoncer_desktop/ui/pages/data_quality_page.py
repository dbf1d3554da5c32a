"""*Kualitas Data*: the problems found in the whole caseload, counted per kind; the findings of the kind
chosen; each finding opens its family.

The check (``services.data_quality.run_checks``) runs through the page's ``TaskRunner``: off the UI
thread, with a progress dialog and *Batal* when it takes long. It runs when the page is first shown,
on *Periksa ulang* (F5), after a family dialog opened from here closes, and on the next showing after
the caseload changed elsewhere. The family dialog opens as on the Keluarga page (``HouseholdOpener``):
window-modal ``open()``, the one open is ``page.dialog``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services.data_quality import Kind, QualityReport, run_checks
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.household_dialog import HouseholdDialog
from simoncer_desktop.ui.dialogs.household_opener import HouseholdOpener
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.models.data_quality_models import FindingColumn, FindingTableModel, KindColumn, KindCountModel
from simoncer_desktop.ui.tasks import CancelToken, Progress, Task, TaskRunner
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table, select_row, selected_row

log = logging.getLogger(__name__)

KIND_WIDTHS: dict[int, int | tuple[str, int]] = {KindColumn.KIND: 30, KindColumn.COUNT: 7}
FINDING_WIDTHS: dict[int, int | tuple[str, int]] = {
    FindingColumn.NO_KK: (DIGITS, 16),
    FindingColumn.RECIPIENT: 18,
    FindingColumn.MEMBER: 18,
    FindingColumn.NIK: (DIGITS, 16),
    FindingColumn.MESSAGE: 40,
}


@dataclass(frozen=True)
class _Reselect:
    """What was selected when a family dialog opened, to select again after the re-check."""

    household_id: str
    member_id: str | None
    row: int


class DataQualityPage(QWidget):
    caseload_changed = Signal()
    """A family dialog opened from here closed (the family may have been edited)."""
    checked = Signal()
    """A check finished and its counts and findings are shown."""

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.households = HouseholdOpener(self, db, tasks, self._dialog_finished)
        self.report: QualityReport | None = None
        """The last finished check."""
        self.running = False
        self.task: Task | None = None
        """The check running now, if any (its progress dialog has *Batal*)."""
        self._stale = True
        self._reselect: _Reselect | None = None
        self.kinds_model = KindCountModel(self)
        self.findings_model = FindingTableModel(self)
        self._build()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Kualitas Data"))
        title.setObjectName("pageTitle")
        self.open_button = QPushButton(self.tr("Buka"))
        self.open_button.setToolTip(self.tr("Buka keluarga dari temuan yang dipilih (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.check_button = QPushButton(self.tr("Periksa ulang"))
        self.check_button.setObjectName("primary")
        self.check_button.setToolTip(self.tr("Periksa seluruh data keluarga sekali lagi (F5)"))
        self.check_button.clicked.connect(self.run_check)
        header_row = QHBoxLayout()
        header_row.addWidget(title)
        header_row.addStretch(1)
        header_row.addWidget(self.open_button)
        header_row.addWidget(self.check_button)

        self.summary_label = QLabel(self.tr("Belum diperiksa."))
        self.summary_label.setObjectName("hint")
        self.summary_label.setWordWrap(True)

        self.kinds_table = QTableView()
        self.kinds_table.setObjectName("kinds")
        self.kinds_table.setModel(self.kinds_model)
        configure_table(self.kinds_table, KIND_WIDTHS, stretch=KindColumn.KIND)
        self.kinds_table.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_kind(current))
        self.explanation_label = QLabel()
        self.explanation_label.setObjectName("hint")
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        kinds_title = QLabel(self.tr("Jumlah per jenis masalah"))
        kinds_title.setObjectName("sectionTitle")
        left_layout.addWidget(kinds_title)
        left_layout.addWidget(self.kinds_table, 3)
        left_layout.addWidget(self.explanation_label, 1)

        self.findings_title = QLabel()
        self.findings_title.setObjectName("sectionTitle")
        self.table = QTableView()
        self.table.setObjectName("findings")
        self.table.setModel(self.findings_model)
        configure_table(self.table, FINDING_WIDTHS, stretch=FindingColumn.MESSAGE, sortable=True)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)  # a third click returns to the service's order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())
        self.findings_model.modelReset.connect(self._sync_buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("summary")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.findings_title)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.detail_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 820])
        self.splitter.setChildrenCollapsible(False)

        self._action(self.tr("Buka"), [Qt.Key.Key_Return, Qt.Key.Key_Enter], self.open_selected, self.table)
        self._action(
            self.tr("Lihat temuan"), [Qt.Key.Key_Return, Qt.Key.Key_Enter], self.focus_findings, self.kinds_table
        )
        self._action(self.tr("Periksa ulang"), [Qt.Key.Key_F5], self.run_check, self)

        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.splitter, 1)
        self._show_kind(QModelIndex())

    def _action(self, text: str, keys: list, slot: object, widget: QWidget) -> QAction:
        """A keyboard shortcut: on a table only while it has focus, else while the page is visible."""
        action = QAction(text, widget)
        action.setShortcuts([QKeySequence(k) for k in keys])
        context = Qt.ShortcutContext.WindowShortcut if widget is self else Qt.ShortcutContext.WidgetShortcut
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        widget.addAction(action)
        return action

    # --- checking ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self.running:
            self.run_check()

    def mark_stale(self) -> None:
        """The caseload changed elsewhere: check again now if the page is shown, else when it is next."""
        self._stale = True
        if self.isVisible() and not self.running:
            self.run_check()

    def run_check(self) -> None:
        if self.running:
            return
        self.running = True
        self._stale = False
        self.check_button.setEnabled(False)
        self.summary_label.setText(self.tr("Memeriksa seluruh data keluarga…"))
        db = self._db

        def work(progress: Progress, token: CancelToken) -> QualityReport:
            with db.read() as session:
                return run_checks(session, progress=progress, token=token)

        task = self._tasks.run(
            work,
            label=self.tr("Memeriksa kualitas data…"),
            on_success=self._checked,
            on_failure=self._check_failed,
            on_cancelled=self._check_cancelled,
        )
        self.task = task if self.running else None  # an inline run has already finished

    def _finished_running(self) -> None:
        self.running = False
        self.task = None
        self.check_button.setEnabled(True)

    def _checked(self, report: QualityReport) -> None:
        self._finished_running()
        first = self.report is None
        self.report = report
        self.kinds_model.set_report(report)
        kind = self.current_kind()
        if kind is None:
            kind = next((k for k in Kind if report.counts[k]), next(iter(Kind)))
            self.select_kind(kind)  # shows its findings
        else:
            self._show_kind(self.kinds_table.currentIndex())
        self.summary_label.setText(
            self.tr("Diperiksa %s: %s keluarga, %s anggota, %s temuan (%s detik). Pilih jenis masalah di kiri.")
            % (
                datetime.now().strftime("%d-%m-%Y %H:%M"),
                thousands(report.families),
                thousands(report.members),
                thousands(report.total),
                f"{report.seconds:.1f}".replace(".", ","),
            )
        )
        self._restore_selection()
        if first and self.isVisible() and self.dialog is None:
            self.kinds_table.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("Data quality: %d findings in %.2f s", report.total, report.seconds)
        self.checked.emit()

    def _check_failed(self, exc: BaseException) -> None:
        self._finished_running()
        self._stale = self.report is None
        self.summary_label.setText(self.tr("Pemeriksaan gagal. Tekan Periksa ulang (F5) untuk mencoba lagi."))
        self._tasks.report_failure(exc)

    def _check_cancelled(self) -> None:
        self._finished_running()
        self._stale = self.report is None
        self.summary_label.setText(
            self.tr("Pemeriksaan dibatalkan. Tekan Periksa ulang (F5) untuk memeriksa lagi.")
            if self.report is None
            else self.tr("Pemeriksaan dibatalkan; yang tampil hasil pemeriksaan sebelumnya.")
        )

    # --- kinds and findings ------------------------------------------------------------------

    def current_kind(self) -> Kind | None:
        index = self.kinds_table.currentIndex()
        return self.kinds_model.kind_at(index.row()) if index.isValid() else None

    def select_kind(self, kind: Kind) -> None:
        index = self.kinds_model.index(self.kinds_model.row_of(kind), 0)
        self.kinds_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def _show_kind(self, index: QModelIndex) -> None:
        kind = self.kinds_model.kind_at(index.row()) if index.isValid() else None
        if kind is None:
            self.findings_model.set_findings([])
            self.findings_title.setText(self.tr("Temuan"))
            self.explanation_label.setText("")
            return
        findings = self.report.findings_of(kind) if self.report else []
        self.findings_model.set_findings(findings)
        count = self.report.counts[kind] if self.report else 0
        self.findings_title.setText(self.tr("%s — %s temuan") % (kind.label, thousands(count)))
        self.explanation_label.setText(kind.explanation)

    def focus_findings(self) -> None:
        """Enter on a kind: go to its findings, the first one selected."""
        if self.findings_model.rowCount():
            if self.selected_row() < 0:
                self.select_row(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_row(self, row: int) -> None:
        select_row(self.table, row)

    def selected_row(self) -> int:
        return selected_row(self.table)

    def _sync_buttons(self) -> None:
        """The *Buka* button and, under the table, the whole of the selected finding (the column is narrow)."""
        finding = self.findings_model.finding_at(self.selected_row())
        self.open_button.setEnabled(finding is not None)
        self.detail_label.setVisible(finding is not None)
        if finding is None:
            self.detail_label.clear()
            return
        who = self.tr(", anggota %s") % finding.member_name if finding.member_name is not None else ""
        self.detail_label.setText(
            self.tr("No. KK %s, pengurus %s%s:\n%s — Enter untuk membuka keluarga.")
            % (finding.no_kk, finding.recipient_name or "-", who, finding.message)
        )

    def _restore_selection(self) -> None:
        """After the re-check that follows a dialog: the same family again, else the row where it was."""
        wanted, self._reselect = self._reselect, None
        if wanted is None or not self.findings_model.rowCount():
            return
        row = self.findings_model.row_of(wanted.household_id, wanted.member_id)
        if row < 0:
            row = min(wanted.row, self.findings_model.rowCount() - 1)
        self.select_row(row)

    # --- opening a family --------------------------------------------------------------------

    def open_selected(self) -> None:
        finding = self.findings_model.finding_at(self.selected_row())
        if finding is not None:
            self.open_household(finding.household_id)

    @property
    def dialog(self) -> HouseholdDialog | None:
        """The family dialog currently open, if any."""
        return self.households.dialog

    def open_household(self, household_id: str) -> None:
        row = self.selected_row()
        finding = self.findings_model.finding_at(row)
        try:
            if self.households.open(household_id) is None:
                return  # one is open already
        except SimoncerError as exc:  # deleted since the check ran
            self._tasks.report_failure(exc)
            self.run_check()
            return
        if finding is not None and finding.household_id == household_id:
            self._reselect = _Reselect(household_id, finding.member_id, row)

    def _dialog_finished(self, _dialog: HouseholdDialog) -> None:
        """Check again whatever the result: member changes of a family are stored at once."""
        self.caseload_changed.emit()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.run_check()
