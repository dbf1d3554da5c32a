"""*Usulan dan persetujuan* tab of the Graduasi page: graduasi sejahtera mandiri proposals and decisions.

The table lists the proposals with the chosen status (diusulkan / disetujui / ditolak). *Usulkan
graduasi…* opens ``ProposalDialog`` (a family by No. KK, its latest assessment, the reason and the
proposer). *Setujui* and *Tolak…* decide the selected proposal in the name typed in *Diputuskan oleh*
(rejection asks for the reason); the service refuses a decision on one's own proposal and the message
appears in ``message_label``. For an approved family the follow-up visits are listed; *Catat kunjungan…*
(or a double-click on a visit) opens ``FollowUpDialog`` to record the selected visit. *Cetak laporan…*
writes the family's graduation report PDF off the UI thread (the path comes from ``ask_pdf_path``,
patched in tests). Enter or a double-click opens the family (``HouseholdOpener``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services.decision_lists import STATUSES, ProposalRow, list_proposals
from simoncer_desktop.services.decision_lists import status_label as proposal_status_label
from simoncer_desktop.services.graduation_report import family_report
from simoncer_desktop.services.programme_decision import (
    APPROVED,
    PROPOSED,
    REJECTED,
    FollowUpView,
    decide_graduation,
    household_decisions,
)
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.follow_up_dialog import FollowUpDialog
from simoncer_desktop.ui.dialogs.household_dialog import HouseholdDialog
from simoncer_desktop.ui.dialogs.household_opener import HouseholdOpener
from simoncer_desktop.ui.dialogs.proposal_dialog import ProposalDialog
from simoncer_desktop.ui.models.decision_models import ProposalColumn, dmy, proposal_model
from simoncer_desktop.ui.pages.task_tab import TaskTab
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.labels import message_label
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table, select_rows

log = logging.getLogger(__name__)

WIDTHS: dict[int, int | tuple[str, int]] = {
    ProposalColumn.NO_KK: (DIGITS, 16),
    ProposalColumn.RECIPIENT: 18,
    ProposalColumn.PROPOSED_ON: 10,
    ProposalColumn.PROPOSED_BY: 14,
    ProposalColumn.ASSESSMENT: 22,
    ProposalColumn.REASON: 24,
    ProposalColumn.STATUS: 9,
    ProposalColumn.DECIDED: 18,
    ProposalColumn.NOTE: 16,
}


if TYPE_CHECKING:
    from simoncer_desktop.reports.pdf.graduation_report import PdfResult


class DecisionTab(TaskTab):
    caseload_changed = Signal()
    """A family changed status (an approval) or a family dialog opened from here closed."""

    def __init__(
        self, db: Database, tasks: TaskRunner, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._today = today or date.today()
        self.households = HouseholdOpener(self, db, tasks, self._dialog_finished)
        self.propose_dialog: ProposalDialog | None = None
        self.visit_dialog: FollowUpDialog | None = None
        self.follow_ups: list[FollowUpView] = []
        self.last_pdf: PdfResult | None = None
        self.model = proposal_model(self)
        self._build()
        self.reload()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.status_combo = QComboBox()
        for status in STATUSES:
            self.status_combo.addItem(proposal_status_label(status), status)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload())
        status_label = QLabel(self.tr("&Status:"))
        status_label.setBuddy(self.status_combo)
        self.propose_button = QPushButton(self.tr("&Usulkan graduasi…"))
        self.propose_button.setObjectName("primary")
        self.propose_button.setToolTip(self.tr("Usulkan graduasi sejahtera mandiri untuk satu keluarga (No. KK)"))
        self.propose_button.clicked.connect(self.open_propose)
        top = QHBoxLayout()
        top.addWidget(status_label)
        top.addWidget(self.status_combo)
        top.addStretch(1)
        top.addWidget(self.propose_button)

        self.table = QTableView()
        self.table.setObjectName("decisions")
        self.table.setModel(self.model)
        configure_table(self.table, WIDTHS, stretch=ProposalColumn.REASON)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)

        self.decider_edit = QLineEdit(self.operator_name())
        self.decider_edit.setMaxLength(120)
        self.decider_edit.setToolTip(self.tr("Nama yang menyetujui atau menolak (bukan pengusul)"))
        decider_label = QLabel(self.tr("&Diputuskan oleh:"))
        decider_label.setBuddy(self.decider_edit)
        self.open_button = QPushButton(self.tr("Buka"))
        self.open_button.setToolTip(self.tr("Buka keluarga yang dipilih (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.approve_button = QPushButton(self.tr("Se&tujui"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.reject_button = QPushButton(self.tr("T&olak…"))
        self.reject_button.clicked.connect(self.reject_selected)
        self.print_button = QPushButton(self.tr("&Cetak laporan…"))
        self.print_button.setToolTip(self.tr("Simpan laporan graduasi keluarga yang dipilih sebagai PDF"))
        self.print_button.clicked.connect(self.print_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(decider_label)
        buttons.addWidget(self.decider_edit)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)

        self.message_label = message_label()
        self.result_label = QLabel()
        self.result_label.setObjectName("summary")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.follow_up_title = QLabel(self.tr("Kunjungan lanjutan"))
        self.follow_up_title.setObjectName("sectionTitle")
        self.follow_up_list = QListWidget()
        self.follow_up_list.setMaximumHeight(90)
        self.follow_up_list.currentRowChanged.connect(lambda _row: self._sync())
        self.follow_up_list.itemDoubleClicked.connect(lambda _item: self.open_visit())
        self.visit_button = QPushButton(self.tr("Catat &kunjungan…"))
        self.visit_button.setToolTip(self.tr("Catat hasil kunjungan lanjutan yang dipilih"))
        self.visit_button.clicked.connect(self.open_visit)
        self.follow_up_box = QWidget()
        follow_up_row = QHBoxLayout(self.follow_up_box)
        follow_up_row.setContentsMargins(0, 0, 0, 0)
        follow_up_row.addWidget(self.follow_up_list, 1)
        follow_up_row.addWidget(self.visit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.follow_up_title.hide()
        self.follow_up_box.hide()

        action = QAction(self.tr("Buka"), self.table)
        action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(self.open_selected)
        self.table.addAction(action)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.follow_up_title)
        layout.addWidget(self.follow_up_box)

    # --- state --------------------------------------------------------------------------------

    def status(self) -> str:
        return self.status_combo.currentData()

    def set_status(self, status: str) -> None:
        """Show ``status`` in the filter without reloading (the caller reloads)."""
        blocked = self.status_combo.blockSignals(True)
        self.status_combo.setCurrentIndex(self.status_combo.findData(status))
        self.status_combo.blockSignals(blocked)

    def selected(self) -> ProposalRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_decision(self, decision_id: str) -> bool:
        for i, row in enumerate(self.model.rows):
            if row.id == decision_id:
                select_rows(self.table, [i])
                return True
        return False

    def selected_visit(self) -> FollowUpView | None:
        row = self.follow_up_list.currentRow()
        return self.follow_ups[row] if 0 <= row < len(self.follow_ups) else None

    def select_visit(self, visit_id: str) -> bool:
        for i, v in enumerate(self.follow_ups):
            if v.id == visit_id:
                self.follow_up_list.setCurrentRow(i)
                return True
        return False

    def show_result(self, text: str) -> None:
        self.result_label.setText(text)
        self.result_label.setVisible(bool(text))

    def _sync(self) -> None:
        row = self.selected()
        proposed = row is not None and row.status == PROPOSED and not self.busy
        self.open_button.setEnabled(row is not None)
        self.approve_button.setEnabled(proposed)
        self.reject_button.setEnabled(proposed)
        self.print_button.setEnabled(row is not None and not self.busy)
        self.propose_button.setEnabled(not self.busy)
        self.visit_button.setEnabled(self.selected_visit() is not None and not self.busy)

    def _selection_changed(self) -> None:
        self._sync()
        row = self.selected()
        self.follow_ups = []
        if row is not None and row.status == APPROVED:
            with self._db.read() as session:
                decisions = household_decisions(session, row.household_id)
            self.follow_ups = next((d.follow_ups for d in decisions if d.id == row.id), [])
        self.follow_up_list.clear()
        for v in self.follow_ups:
            if v.visited_on is None:
                text = self.tr("Jatuh tempo %s — belum dikunjungi") % dmy(v.due_on)
            else:
                state = self.tr("masih mandiri") if v.still_independent else self.tr("tidak lagi mandiri")
                text = self.tr("Jatuh tempo %s — dikunjungi %s, %s") % (dmy(v.due_on), dmy(v.visited_on), state)
            self.follow_up_list.addItem(text)
        self.follow_up_title.setVisible(bool(self.follow_ups))
        self.follow_up_box.setVisible(bool(self.follow_ups))
        self._sync()

    # --- tasks --------------------------------------------------------------------------------

    def _start_plain(
        self, work: Callable[[], Any], label: str, on_success: Callable[[Any], None], *, write: bool
    ) -> None:
        """``TaskTab._start`` for work that takes neither progress nor cancel."""

        def run(_progress: Progress, token: CancelToken) -> Any:
            token.raise_if_cancelled()
            return work()

        self._start(run, label, on_success, write=write)

    def reload(self, select: str | None = None, then: Callable[[], None] | None = None) -> None:
        db, status = self._db, self.status()

        def work() -> list[ProposalRow]:
            with db.read() as session:
                return list_proposals(session, status)

        def show(rows: list[ProposalRow]) -> None:
            self.model.set_rows(rows)
            if select is None or not self.select_decision(select):
                self._selection_changed()
            if then is not None:
                then()

        self._start_plain(work, self.tr("Memuat usulan…"), show, write=False)

    # --- proposing ----------------------------------------------------------------------------

    def open_propose(self) -> None:
        if self.propose_dialog is not None:
            return
        dialog = ProposalDialog(self._db, self._tasks, self.operator_name(), self, today=self._today)
        self.propose_dialog = dialog
        dialog.saved.connect(self._proposed)
        dialog.finished.connect(lambda _result: self._propose_finished(dialog))
        dialog.open()

    def _proposed(self, decision_id: str) -> None:
        self.show_result(self.tr("Usulan graduasi tersimpan."))
        self.set_status(PROPOSED)
        self.reload(select=decision_id)

    def _propose_finished(self, dialog: ProposalDialog) -> None:
        self.propose_dialog = None
        dialog.deleteLater()

    # --- deciding -----------------------------------------------------------------------------

    def ask_rejection_reason(self) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Tolak usulan graduasi"), self.tr("Alasan penolakan:"))
        return text if ok else None

    def approve_selected(self) -> None:
        self._decide(True, "")

    def reject_selected(self) -> None:
        if self.selected() is None:
            return
        reason = self.ask_rejection_reason()
        if reason is None:
            return
        self._decide(False, reason)

    def _decide(self, approve: bool, note: str) -> None:
        row = self.selected()
        if row is None or self.busy:
            return
        db, decision_id, who, on = self._db, row.id, self.decider_edit.text(), self._today

        def work() -> str:
            with db.transaction() as session:
                decide_graduation(session, decision_id, approve, who, on, note)
            return decision_id

        label = self.tr("Menyetujui usulan…") if approve else self.tr("Menolak usulan…")
        self._start_plain(work, label, lambda d: self._decided(d, row, approve), write=True)

    def _decided(self, decision_id: str, row: ProposalRow, approve: bool) -> None:
        if approve:
            self.show_result(
                self.tr("Disetujui: keluarga No. KK %s kini berstatus Graduasi sejahtera mandiri.") % row.no_kk
            )
            self.caseload_changed.emit()
        else:
            self.show_result(self.tr("Ditolak: usulan keluarga No. KK %s.") % row.no_kk)
        self.set_status(APPROVED if approve else REJECTED)
        self.reload(select=decision_id)

    # --- follow-up visits -----------------------------------------------------------------------

    def open_visit(self) -> None:
        visit, row = self.selected_visit(), self.selected()
        if visit is None or row is None or self.visit_dialog is not None or self.busy:
            return
        dialog = FollowUpDialog(self._db, self._tasks, visit, self, today=self._today)
        self.visit_dialog = dialog
        dialog.saved.connect(lambda visit_id: self._visit_recorded(row.id, visit_id))
        dialog.finished.connect(lambda _result: self._visit_finished(dialog))
        dialog.open()

    def _visit_recorded(self, decision_id: str, visit_id: str) -> None:
        self.show_result(self.tr("Kunjungan lanjutan tercatat."))

        def reloaded() -> None:
            self.select_visit(visit_id)

        self.reload(select=decision_id, then=reloaded)

    def _visit_finished(self, dialog: FollowUpDialog) -> None:
        self.visit_dialog = None
        dialog.deleteLater()

    # --- the report ---------------------------------------------------------------------------

    def ask_pdf_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan laporan graduasi"), suggested, self.tr("PDF (*.pdf)")
        )
        return path

    def print_selected(self) -> None:
        row = self.selected()
        if row is None or self.busy:
            return
        path = self.ask_pdf_path(f"laporan_graduasi_{row.no_kk}.pdf")
        if not path:
            return
        db, household_id, today = self._db, row.household_id, self._today

        def work() -> PdfResult:
            # reportlab is imported when a report is printed, not when the window starts.
            from simoncer_desktop.reports.pdf.graduation_report import write_graduation_reports

            with db.read() as session:
                report = family_report(session, household_id, today)
            return write_graduation_reports([report], Path(path), made_on=today)

        self._start_plain(work, self.tr("Membuat laporan PDF…"), self._printed, write=False)

    def _printed(self, result: PdfResult) -> None:
        self.last_pdf = result
        self.show_result(self.tr("Laporan disimpan: %s (%s halaman)") % (result.path, result.pages))

    # --- opening a family ---------------------------------------------------------------------

    @property
    def dialog(self) -> HouseholdDialog | None:
        return self.households.dialog

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self.households.open(row.household_id)
        except SimoncerError as exc:  # deleted meanwhile
            self.show_message(str(exc))

    def _dialog_finished(self, _dialog: HouseholdDialog) -> None:
        self.caseload_changed.emit()
        row = self.selected()
        self.reload(select=row.id if row is not None else None)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
