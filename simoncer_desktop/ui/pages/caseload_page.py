"""*Keluarga*: search and filter the caseload, open, add and delete families.

Dialogs are opened window-modal with ``open()`` (never a blocking ``exec()``); the one open is
``page.dialog`` and the page refreshes when it finishes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.services.caseload import delete_household
from simoncer_desktop.services.caseload_query import CaseloadFilter, Column, key_of, search_hint
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.household_dialog import HouseholdDialog
from simoncer_desktop.ui.dialogs.household_opener import HouseholdOpener
from simoncer_desktop.ui.dialogs.import_wizard import ImportWizard
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.models.household_table_model import HouseholdIdRole, HouseholdTableModel, RowKeyRole
from simoncer_desktop.ui.pages.caseload_export_actions import CaseloadExportActions
from simoncer_desktop.ui.pages.caseload_filters import CaseloadFilterBar
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table, select_row, selected_row

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150

COLUMN_WIDTHS: dict[int, int | tuple[str, int]] = {
    Column.NO_KK: (DIGITS, 16),
    Column.RECIPIENT: 24,
    Column.NIK: (DIGITS, 16),
    Column.KECAMATAN: 14,
    Column.KELURAHAN: 15,
    Column.ADDRESS: 20,
    Column.FACILITATOR: 17,
    Column.MEMBERS: 3,
    Column.DESIL: 3,
    Column.STATUS: 9,
}


class CaseloadPage(QWidget):
    caseload_changed = Signal()
    """Families were added, edited or deleted (the window updates its counters)."""

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.households = HouseholdOpener(self, db, tasks, self._dialog_finished)
        self.import_dialog: ImportWizard | None = None
        self.model = HouseholdTableModel(db, self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self._build()
        self._update_count(self.model.rowCount())

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Keluarga"))
        title.setObjectName("pageTitle")
        self.new_button = QPushButton(self.tr("Keluarga baru"))
        self.new_button.setObjectName("primary")
        self.open_button = QPushButton(self.tr("Buka"))
        self.delete_button = QPushButton(self.tr("Hapus"))
        self.new_button.setToolTip(self.tr("Tambah keluarga baru (Ctrl+N)"))
        self.open_button.setToolTip(self.tr("Buka keluarga yang dipilih (Enter)"))
        self.delete_button.setToolTip(self.tr("Hapus keluarga yang dipilih (Delete)"))
        self.new_button.clicked.connect(self.new_household)
        self.import_button = QPushButton(self.tr("Impor…"))
        self.import_button.setToolTip(self.tr("Impor keluarga dan anggota dari berkas .xlsx atau .csv"))
        self.import_button.clicked.connect(self.import_data)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        header_row = QHBoxLayout()
        header_row.addWidget(title)
        header_row.addStretch(1)
        for button in (self.new_button, self.open_button, self.delete_button, self.import_button):
            header_row.addWidget(button)
        self.export_actions = CaseloadExportActions(self._db, self._tasks, self.current_filter, self)
        """*Ekspor…* (the listed families) and *Templat…* (the empty template), see caseload_export_actions."""
        for button in self.export_actions.buttons:
            header_row.addWidget(button)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(self.tr("Cari nama, NIK, atau No. KK…  (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _text: self._debounce.start())
        self.search_edit.returnPressed.connect(self._search_return)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.hint_label = QLabel()
        self.hint_label.setObjectName("hint")
        self.hint_label.hide()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.count_label)

        self.filters = CaseloadFilterBar(self._db, self)
        self.filters.changed.connect(self.apply_filter)
        self.filters.reset_button.clicked.connect(self.reset_filters)

        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table, COLUMN_WIDTHS, stretch=Column.ADDRESS, sortable=True)
        header = self.table.horizontalHeader()
        header.setSortIndicator(self.model.caseload_filter.sort, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())
        self.model.modelReset.connect(self._sync_buttons)
        self.model.count_changed.connect(self._update_count)

        self._action(self.tr("Buka"), [Qt.Key.Key_Return, Qt.Key.Key_Enter], self.open_selected, self.table)
        self._action(self.tr("Hapus"), [Qt.Key.Key_Delete], self.delete_selected, self.table)
        self._action(self.tr("Keluarga baru"), [QKeySequence.StandardKey.New], self.new_household, self)
        self._action(self.tr("Cari"), [QKeySequence.StandardKey.Find], self.focus_search, self)

        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
        layout.addLayout(search_row)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        self._sync_buttons()

    def _action(self, text: str, keys: list, slot: object, widget: QWidget) -> QAction:
        """A keyboard shortcut: on the table only while it has focus, else while the page is visible."""
        action = QAction(text, widget)
        action.setShortcuts([QKeySequence(k) for k in keys])
        context = Qt.ShortcutContext.WidgetShortcut if widget is self.table else Qt.ShortcutContext.WindowShortcut
        action.setShortcutContext(context)
        action.triggered.connect(slot)
        widget.addAction(action)
        return action

    # --- searching ---------------------------------------------------------------------------

    def current_filter(self) -> CaseloadFilter:
        return self.filters.apply_to(self.model.caseload_filter.with_(text=self.search_edit.text()))

    def apply_filter(self) -> None:
        self._debounce.stop()
        hint = search_hint(self.search_edit.text())
        self.hint_label.setText(hint or "")
        self.hint_label.setVisible(hint is not None)
        self.model.set_filter(self.current_filter())

    def reset_filters(self) -> None:
        blocked = self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(blocked)
        self.filters.reset()  # emits changed → apply_filter

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _search_return(self) -> None:
        """Enter in the search box: search now and go to the first result."""
        self.apply_filter()
        if self.model.rowCount():
            self.select_row(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%s keluarga") % thousands(count))

    # --- selection ---------------------------------------------------------------------------

    def select_row(self, row: int) -> None:
        select_row(self.table, row)

    def selected_row(self) -> int:
        return selected_row(self.table)

    def selected_household_id(self) -> str | None:
        row = self.selected_row()
        return self.model.index(row, 0).data(HouseholdIdRole) if row >= 0 else None

    def _sync_buttons(self) -> None:
        has = self.selected_row() >= 0
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def refresh(self, select_key: int | None = None) -> None:
        """Re-query after an edit; keeps the selected family selected when it is still listed."""
        row = self.selected_row()
        key = select_key
        if key is None and row >= 0:
            key = self.model.index(row, 0).data(RowKeyRole)
        self.model.refresh()
        new_row = self.model.row_of_key(key) if key is not None else -1
        if new_row >= 0:
            self.select_row(new_row)

    # --- actions -----------------------------------------------------------------------------

    def open_selected(self) -> None:
        household_id = self.selected_household_id()
        if household_id:
            self.open_household(household_id)

    @property
    def dialog(self) -> HouseholdDialog | None:
        """The family dialog currently open, if any."""
        return self.households.dialog

    def open_household(self, household_id: str) -> None:
        self.households.open(household_id)

    def new_household(self) -> None:
        self.households.open(None)

    def _dialog_finished(self, dialog: HouseholdDialog) -> None:
        """Refresh whatever the result: member changes of a saved family are stored at once."""
        key = None
        if dialog.household_id is not None:
            with self._db.read() as session:
                key = key_of(session, dialog.household_id)
        self.refresh(select_key=key)
        self.caseload_changed.emit()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def import_data(self) -> None:
        """Open the import wizard; the list is refreshed when it closes."""
        if self.import_dialog is not None:
            return
        wizard = ImportWizard(self._db, self._tasks, self)
        self.import_dialog = wizard

        def finished(_result: int) -> None:
            self.import_dialog = None
            wizard.deleteLater()
            if wizard.result_counts is not None:
                self.refresh()
                self.caseload_changed.emit()

        wizard.finished.connect(finished)
        wizard.open()

    def delete_selected(self) -> None:
        row = self.selected_row()
        found = self.model.row_at(row) if row >= 0 else None
        if found is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Hapus keluarga"),
            self.tr(
                "Hapus keluarga %s (No. KK %s) beserta %d anggotanya?\n\n"
                "Data ditandai terhapus dan tidak tampil lagi di daftar."
            )
            % (found.recipient_name or "-", found.no_kk, found.member_count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = self._db
        household_id = found.id

        def work(_progress: Progress, token: CancelToken) -> None:
            token.raise_if_cancelled()
            with db.transaction() as session:
                delete_household(session, household_id)

        def done(_result: object) -> None:
            log.info("Deleted household %s", household_id)
            self.model.refresh()
            if self.model.rowCount():
                self.select_row(min(row, self.model.rowCount() - 1))
            self.caseload_changed.emit()

        self._tasks.run(work, write=True, label=self.tr("Menghapus keluarga…"), on_success=done)
