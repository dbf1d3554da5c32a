"""*Graduasi alamiah* tab of the Graduasi page: the quarterly natural-graduation run.

The operator picks a quarter (recent quarters offered, the last finished one first chosen; another may be
typed), optionally a civil-registration (dukcapil) file, and presses *Usulkan*: ``propose`` runs through
the ``TaskRunner`` (off the UI thread, progress and *Batal*). The proposals are listed with their counts
per reason and the file's unmatched NIKs and bad rows. Rows are approved or rejected (*Setujui*,
*Tolak*, *Setujui semua*), and *Terapkan* applies the run after a confirmation, as one write task. A run
already applied is shown read-only with who applied it and when. Enter or a double-click opens the
family (``HouseholdOpener``). Refusals of the services are shown in ``message_label``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services import natural_graduation as ng
from simoncer_desktop.services.natural_graduation_page import (
    RunWithPlaces,
    last_finished_quarter,
    load_latest_run,
    load_run,
    recent_quarters,
    with_places,
)
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.household_dialog import HouseholdDialog
from simoncer_desktop.ui.dialogs.household_opener import HouseholdOpener
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.models.natural_graduation_model import ProposalColumn, ProposalTableModel
from simoncer_desktop.ui.pages.task_tab import TaskTab
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.labels import message_label
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table, select_rows

log = logging.getLogger(__name__)

WIDTHS: dict[int, int | tuple[str, int]] = {
    ProposalColumn.NO_KK: (DIGITS, 16),
    ProposalColumn.RECIPIENT: 18,
    ProposalColumn.KECAMATAN: 14,
    ProposalColumn.REASONS: 24,
    ProposalColumn.DETAIL: 40,
    ProposalColumn.DECISION: 14,
}
MAX_LISTED = 20
"""Unmatched NIKs / bad rows of the civil file listed by name; the rest are counted."""


def _dmy(value: date) -> str:
    return value.strftime("%d-%m-%Y")


class NaturalGraduationTab(TaskTab):
    caseload_changed = Signal()
    """Families changed status (a run was applied) or a family dialog opened from here closed."""
    loaded = Signal()
    """A run (or no run) of the chosen quarter is shown."""

    def __init__(
        self, db: Database, tasks: TaskRunner, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._today = today or date.today()
        self.households = HouseholdOpener(self, db, tasks, self._dialog_finished)
        self.run: ng.RunView | None = None
        """The run shown, if any."""
        self.result: ng.ApplyResult | None = None
        """What the last *Terapkan* changed."""
        self.civil_path: str | None = None
        self._first_show = True
        self.model = ProposalTableModel(self)
        self._build()
        self._sync()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.quarter_combo = QComboBox()
        self.quarter_combo.setEditable(True)
        self.quarter_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.quarter_combo.addItems(recent_quarters(self._today))
        self.quarter_combo.setCurrentText(last_finished_quarter(self._today))
        self.quarter_combo.setToolTip(self.tr("Kuartal yang ditinjau, mis. 2026Q3 (bisa diketik)"))
        self.quarter_combo.activated.connect(lambda _i: self.load_quarter())
        line = self.quarter_combo.lineEdit()
        assert line is not None
        line.returnPressed.connect(self.load_quarter)
        quarter_label = QLabel(self.tr("&Kuartal:"))
        quarter_label.setBuddy(self.quarter_combo)

        self.civil_label = QLabel(self.tr("Tanpa berkas dukcapil"))
        self.civil_label.setObjectName("hint")
        self.choose_button = QPushButton(self.tr("Pilih berkas…"))
        self.choose_button.setToolTip(
            self.tr("Berkas dukcapil (xlsx/csv) berisi kolom NIK, PERISTIWA (MENINGGAL/PINDAH) dan TANGGAL")
        )
        self.choose_button.clicked.connect(self.choose_civil_file)
        self.clear_civil_button = QPushButton(self.tr("Tanpa berkas"))
        self.clear_civil_button.clicked.connect(self.clear_civil_file)
        self.propose_button = QPushButton(self.tr("&Usulkan"))
        self.propose_button.setObjectName("primary")
        self.propose_button.setToolTip(self.tr("Cari keluarga yang memenuhi syarat graduasi alamiah (F5)"))
        self.propose_button.clicked.connect(self.propose)
        top = QHBoxLayout()
        top.addWidget(quarter_label)
        top.addWidget(self.quarter_combo)
        top.addSpacing(12)
        top.addWidget(self.choose_button)
        top.addWidget(self.clear_civil_button)
        top.addWidget(self.civil_label, 1)
        top.addWidget(self.propose_button)

        self.run_label = QLabel(self.tr("Pilih kuartal lalu tekan Usulkan."))
        self.run_label.setObjectName("summary")
        self.run_label.setWordWrap(True)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("hint")
        self.counts_label.setWordWrap(True)
        self.civil_problems_label = QLabel()
        self.civil_problems_label.setObjectName("hint")
        self.civil_problems_label.setWordWrap(True)
        self.civil_problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.civil_problems_label.hide()

        self.table = QTableView()
        self.table.setObjectName("proposals")
        self.table.setModel(self.model)
        configure_table(self.table, WIDTHS, stretch=ProposalColumn.DETAIL)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync())
        self.model.modelReset.connect(self._sync)

        self.open_button = QPushButton(self.tr("Buka"))
        self.open_button.setToolTip(self.tr("Buka keluarga yang dipilih (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.approve_button = QPushButton(self.tr("Se&tujui"))
        self.approve_button.setToolTip(self.tr("Setujui usulan yang dipilih"))
        self.approve_button.clicked.connect(lambda: self.decide_selected(ng.APPROVED))
        self.reject_button = QPushButton(self.tr("T&olak"))
        self.reject_button.setToolTip(self.tr("Tolak usulan yang dipilih: keluarga tetap aktif"))
        self.reject_button.clicked.connect(lambda: self.decide_selected(ng.REJECTED))
        self.approve_all_button = QPushButton(self.tr("Setujui &semua"))
        self.approve_all_button.clicked.connect(self.approve_all)
        self.apply_button = QPushButton(self.tr("Te&rapkan"))
        self.apply_button.setObjectName("primary")
        self.apply_button.setToolTip(self.tr("Ubah status keluarga yang disetujui menjadi Graduasi alamiah"))
        self.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for button in (self.approve_button, self.reject_button, self.approve_all_button, self.apply_button):
            buttons.addWidget(button)

        self.message_label = message_label()
        self.result_label = QLabel()
        self.result_label.setObjectName("summary")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()

        self._action(self.tr("Buka"), [Qt.Key.Key_Return, Qt.Key.Key_Enter], self.open_selected, self.table)
        self._action(self.tr("Usulkan"), [Qt.Key.Key_F5], self.propose, self)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.run_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.civil_problems_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.result_label)

    def _action(self, text: str, keys: list, slot: Callable[[], None], widget: QWidget) -> QAction:
        action = QAction(text, widget)
        action.setShortcuts([QKeySequence(k) for k in keys])
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut if widget is self else Qt.ShortcutContext.WidgetShortcut
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        widget.addAction(action)
        return action

    # --- state --------------------------------------------------------------------------------

    @property
    def applied(self) -> bool:
        return self.run is not None and self.run.applied_on is not None

    def selected_proposals(self) -> list[ng.ProposalView]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [p for r in rows if (p := self.model.proposal_at(r)) is not None]

    def select_rows(self, rows: Sequence[int]) -> None:
        """Select exactly ``rows`` (the first becomes current)."""
        select_rows(self.table, rows)

    def _sync(self) -> None:
        editable = self.run is not None and not self.applied and not self.busy
        has_selection = bool(self.table.selectionModel().selectedRows())
        self.propose_button.setEnabled(not self.busy)
        self.choose_button.setEnabled(not self.busy)
        self.clear_civil_button.setEnabled(not self.busy and self.civil_path is not None)
        self.quarter_combo.setEnabled(not self.busy)
        self.open_button.setEnabled(has_selection)
        self.approve_button.setEnabled(editable and has_selection)
        self.reject_button.setEnabled(editable and has_selection)
        self.approve_all_button.setEnabled(editable and bool(self.model.rowCount()))
        self.apply_button.setEnabled(editable and bool(self.run and self.run.decided[ng.APPROVED]))

    def quarter(self) -> str:
        return self.quarter_combo.currentText().strip()

    # --- the civil file (the dialog is patched in tests) --------------------------------------

    def ask_civil_path(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas dukcapil (kematian dan pindah)"),
            "",
            self.tr("Spreadsheet (*.xlsx *.csv);;Semua berkas (*)"),
        )
        return path

    def choose_civil_file(self) -> None:
        path = self.ask_civil_path()
        if path:
            self.civil_path = path
            self.civil_label.setText(self.tr("Berkas dukcapil: %s") % path)
            self._sync()

    def clear_civil_file(self) -> None:
        self.civil_path = None
        self.civil_label.setText(self.tr("Tanpa berkas dukcapil"))
        self._sync()

    # --- tasks --------------------------------------------------------------------------------

    # --- showing a run ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.load_quarter()

    def load_quarter(self) -> None:
        """Show the newest run of the chosen quarter, if there is one."""
        if self.busy:
            return
        try:
            quarter = ng.quarter_code(self.quarter())
        except SimoncerError as exc:
            self.show_message(str(exc))
            return
        self.quarter_combo.setCurrentText(quarter)
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> RunWithPlaces | None:
            with db.read() as session:
                return load_latest_run(session, quarter)

        self._start(work, self.tr("Memuat daftar graduasi alamiah…"), lambda r: self._show(r, quarter), write=False)

    def _show(self, loaded: RunWithPlaces | None, quarter: str | None = None) -> None:
        self.result = None
        self.result_label.hide()
        if loaded is None:
            self.run = None
            self.model.set_proposals([], {})
            self.run_label.setText(
                self.tr("Belum ada daftar graduasi alamiah untuk %s. Tekan Usulkan untuk membuatnya.") % quarter
            )
            self.counts_label.setText("")
            self.civil_problems_label.hide()
            self.loaded.emit()
            return
        self._show_run(loaded)
        self.loaded.emit()

    def _show_run(self, loaded: RunWithPlaces, keep: Sequence[str] = ()) -> None:
        run = loaded.run
        self.run = run
        self.model.set_proposals(run.proposals, loaded.kecamatan)
        if run.applied_on is not None:
            state = self.tr("Sudah diterapkan pada %s oleh %s — hanya dapat dilihat.") % (
                _dmy(run.applied_on),
                run.applied_by,
            )
        else:
            decided = run.decided
            state = self.tr("%s disetujui, %s ditolak, %s belum diputuskan.") % (
                thousands(decided[ng.APPROVED]),
                thousands(decided[ng.REJECTED]),
                thousands(decided[""]),
            )
        examined = self.tr(" (%s keluarga calon diperiksa)") % thousands(run.examined) if run.examined else ""
        self.run_label.setText(
            self.tr("Daftar %s (akhir kuartal %s), dibuat %s oleh %s: %s keluarga diusulkan%s. %s")
            % (
                run.quarter,
                _dmy(run.quarter_end),
                _dmy(run.created_on),
                run.created_by,
                thousands(len(run.proposals)),
                examined,
                state,
            )
        )
        self.counts_label.setText(
            self.tr("Per alasan: ")
            + "; ".join(f"{ng.reason_label(code)}: {thousands(n)}" for code, n in run.counts.items())
        )
        self._show_civil_problems(run)
        rows = [r for r in (self.model.row_of(h) for h in keep) if r >= 0]
        if rows:
            self.select_rows(rows)

    def _show_civil_problems(self, run: ng.RunView) -> None:
        parts: list[str] = []
        if run.unmatched_niks:
            listed = ", ".join(run.unmatched_niks[:MAX_LISTED])
            more = len(run.unmatched_niks) - MAX_LISTED
            parts.append(
                self.tr("NIK di berkas dukcapil yang tidak ditemukan (%s): %s")
                % (thousands(len(run.unmatched_niks)), listed)
                + (self.tr(" … dan %s lainnya") % thousands(more) if more > 0 else "")
            )
        if run.bad_rows:
            listed = "\n".join(run.bad_rows[:MAX_LISTED])
            more = len(run.bad_rows) - MAX_LISTED
            parts.append(
                self.tr("Baris berkas dukcapil yang dilewati (%s):\n%s") % (thousands(len(run.bad_rows)), listed)
                + (self.tr("\n… dan %s lainnya") % thousands(more) if more > 0 else "")
            )
        self.civil_problems_label.setText("\n".join(parts))
        self.civil_problems_label.setVisible(bool(parts))

    # --- propose ------------------------------------------------------------------------------

    def propose(self) -> None:
        if self.busy:
            return
        try:
            quarter = ng.quarter_code(self.quarter())
        except SimoncerError as exc:
            self.show_message(str(exc))
            return
        self.quarter_combo.setCurrentText(quarter)
        db, civil, who = self._db, self.civil_path, self.operator_name()

        def work(progress: Progress, token: CancelToken) -> RunWithPlaces:
            with db.transaction() as session:
                view = ng.propose(session, quarter, who, civil_file=civil, progress=progress, token=token)
                return with_places(session, view)

        def cancelled() -> None:
            self.show_message(self.tr("Pengusulan dibatalkan; tidak ada yang disimpan."))

        self._start(
            work,
            self.tr("Mengusulkan graduasi alamiah %s…") % quarter,
            self._proposed,
            write=True,
            cancellable=True,
            on_cancelled=cancelled,
        )

    def _proposed(self, loaded: RunWithPlaces) -> None:
        self.result = None
        self.result_label.hide()
        self._show_run(loaded)
        if self.model.rowCount():
            self.select_rows([0])
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.loaded.emit()

    # --- decide -------------------------------------------------------------------------------

    def decide_selected(self, decision: str) -> None:
        chosen = self.selected_proposals()
        if not chosen:
            self.show_message(self.tr("Pilih dulu usulan di tabel."))
            return
        self._decide([p.id for p in chosen], decision, [p.household_id for p in chosen])

    def approve_all(self) -> None:
        self._decide("all", ng.APPROVED, [])

    def _decide(self, ids: Sequence[str] | Literal["all"], decision: str, keep: Sequence[str]) -> None:
        if self.busy or self.run is None:
            return
        db, run_id, who = self._db, self.run.id, self.operator_name()

        def work(_progress: Progress, _token: CancelToken) -> RunWithPlaces:
            with db.transaction() as session:
                ng.decide(session, run_id, ids, decision, who)
                return load_run(session, run_id)

        self._start(work, self.tr("Menyimpan keputusan…"), lambda r: self._show_run(r, keep), write=True)

    # --- apply --------------------------------------------------------------------------------

    def apply(self) -> None:
        if self.busy or self.run is None:
            return
        run = self.run
        if run.applied_on is not None:
            self.show_message(
                self.tr("Daftar %s sudah diterapkan pada %s oleh %s; tidak dapat diterapkan dua kali.")
                % (run.quarter, _dmy(run.applied_on), run.applied_by)
            )
            return
        approved = run.decided[ng.APPROVED]
        if not approved:
            self.show_message(self.tr("Belum ada usulan yang disetujui; setujui dulu keluarga yang akan digraduasi."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Terapkan graduasi alamiah"),
            self.tr(
                "Terapkan daftar %s? Status %s keluarga yang disetujui akan berubah menjadi Graduasi alamiah "
                "per %s. Usulan yang ditolak atau belum diputuskan tidak diubah. Daftar ini tidak dapat "
                "diterapkan dua kali."
            )
            % (run.quarter, thousands(approved), _dmy(run.quarter_end)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, run_id, who = self._db, run.id, self.operator_name()

        def work(_progress: Progress, _token: CancelToken) -> tuple[ng.ApplyResult, RunWithPlaces]:
            with db.transaction() as session:
                result = ng.apply_run(session, run_id, who)
                return result, load_run(session, run_id)

        self._start(work, self.tr("Menerapkan graduasi alamiah…"), self._applied, write=True)

    def _applied(self, outcome: tuple[ng.ApplyResult, RunWithPlaces]) -> None:
        result, loaded = outcome
        self._show_run(loaded)
        self.result = result
        lines = [
            self.tr("Diterapkan: %s keluarga kini berstatus Graduasi alamiah per %s.")
            % (thousands(len(result.graduated)), _dmy(result.status_date))
        ]
        lines += [f"• {p.no_kk} — {p.recipient_name or '-'}" for p in result.graduated[:MAX_LISTED]]
        if len(result.graduated) > MAX_LISTED:
            lines.append(self.tr("… dan %s lainnya") % thousands(len(result.graduated) - MAX_LISTED))
        if result.skipped:
            lines.append(self.tr("Dilewati (%s):") % thousands(len(result.skipped)))
            lines += [f"• {p.no_kk} — {why}" for p, why in result.skipped[:MAX_LISTED]]
        self.result_label.setText("\n".join(lines))
        self.result_label.show()
        self.caseload_changed.emit()

    # --- opening a family ---------------------------------------------------------------------

    @property
    def dialog(self) -> HouseholdDialog | None:
        return self.households.dialog

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        proposal = self.model.proposal_at(index.row()) if index.isValid() else None
        if proposal is None:
            chosen = self.selected_proposals()
            proposal = chosen[0] if chosen else None
        if proposal is None:
            return
        try:
            self.households.open(proposal.household_id)
        except SimoncerError as exc:  # deleted meanwhile
            self.show_message(str(exc))

    def _dialog_finished(self, _dialog: HouseholdDialog) -> None:
        self.caseload_changed.emit()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
