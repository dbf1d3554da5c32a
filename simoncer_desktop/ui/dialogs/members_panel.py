"""The member list inside the family dialog, with *Tambah / Ubah / Hapus anggota* and the PKH summary.

For a saved family every member action is its own transaction (a write task through the service);
afterwards the panel asks its dialog to reload the family. For a new family the members stay in the
panel (``members()``) until the family itself is saved with them in one transaction.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import FieldError
from simoncer_desktop.services.caseload import (
    HouseholdDetail,
    MemberInput,
    add_member,
    delete_member,
    preview_components,
    update_member,
)
from simoncer_desktop.services.components import ComponentSummary
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.member_dialog import ExtraCheck, MemberDialog
from simoncer_desktop.ui.format import rupiah
from simoncer_desktop.ui.models.member_table_model import MemberColumn, MemberLine, MemberTableModel
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.form import ERROR_MARK
from simoncer_desktop.ui.widgets.labels import message_label
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table


class MembersPanel(QWidget):
    members_changed = Signal()
    """The list changed: a buffered edit (new family) or a saved one (the dialog should reload)."""

    def __init__(
        self, db: Database, tasks: TaskRunner, household_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.household_id = household_id
        self.member_dialog: MemberDialog | None = None
        """The member dialog currently open (tests drive it through this)."""
        self.model = MemberTableModel(self)
        self._build()

    def _build(self) -> None:
        title = QLabel(self.tr("Anggota keluarga"))
        title.setObjectName("sectionTitle")
        note = QLabel(
            self.tr("Perubahan anggota langsung tersimpan.")
            if self.household_id
            else self.tr("Anggota disimpan bersama keluarga saat Simpan ditekan.")
        )
        note.setObjectName("hint")
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(
            self.table,
            {
                MemberColumn.NAME: 18,
                MemberColumn.NIK: (DIGITS, 16),
                MemberColumn.RELATION: 12,
                MemberColumn.SEX: 2,
                MemberColumn.BIRTH: 17,
                MemberColumn.EDUCATION: 15,
                MemberColumn.COMPONENTS: 16,
                MemberColumn.RECIPIENT: 2,
                MemberColumn.DECEASED: 2,
            },
            stretch=MemberColumn.NAME,
        )
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        open_action = QAction(self.tr("Ubah anggota"), self.table)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self.edit_member)
        self.table.addAction(open_action)

        self.add_button = QPushButton(self.tr("Tambah anggota"))
        self.edit_button = QPushButton(self.tr("Ubah"))
        self.remove_button = QPushButton(self.tr("Hapus anggota"))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.remove_button.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.error = message_label()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())
        self._sync_buttons()

    # --- content ------------------------------------------------------------------------------

    def set_detail(self, detail: HouseholdDetail) -> None:
        """Show a saved family's members and components (after loading or reloading it)."""
        self._set_lines([MemberLine.from_view(v) for v in detail.members], detail.components)

    def members(self) -> list[MemberInput]:
        return [line.data for line in self.model.lines]

    def _set_lines(self, lines: list[MemberLine], summary: ComponentSummary, select_row: int = -1) -> None:
        selected = self.selected_row() if select_row < 0 else select_row
        self.model.set_lines(lines)
        labels = summary.labels or self.tr("tidak ada")
        self.summary.setText(
            self.tr("Komponen PKH: %s\nBantuan per tahun: %s") % (labels, rupiah(summary.yearly_amount))
        )
        if lines:
            row = min(max(selected, 0), len(lines) - 1)
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._sync_buttons()

    def _set_buffer(self, members: list[MemberInput], select_row: int = -1) -> None:
        with self._db.read() as session:
            summary = preview_components(session, members)
        lines = [
            MemberLine(m, None, tuple(c.label for c in summary.per_member[i].qualifies)) for i, m in enumerate(members)
        ]
        self._set_lines(lines, summary, select_row)
        self.members_changed.emit()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _sync_buttons(self) -> None:
        has = self.selected_row() >= 0
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def set_errors(self, messages: list[str]) -> None:
        self.error.setText("\n".join(ERROR_MARK + m for m in messages))
        self.error.setVisible(bool(messages))

    # --- actions ------------------------------------------------------------------------------

    def add_member(self) -> None:
        self._open(None, -1)

    def edit_member(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self._open(self.model.line(row), row)

    def _open(self, line: MemberLine | None, row: int) -> None:
        db = self._db
        if self.household_id is not None:
            household_id = self.household_id
            if line is None:

                def save(data: MemberInput) -> object:
                    with db.transaction() as session:
                        return add_member(session, household_id, data)

            else:
                member_id = line.id
                assert member_id is not None

                def save(data: MemberInput) -> object:
                    with db.transaction() as session:
                        update_member(session, member_id, data)
                    return member_id

            dialog = MemberDialog(
                db,
                self._tasks,
                line.data if line else None,
                household_id=household_id,
                member_id=line.id if line else None,
                save=save,
                parent=self,
            )
        else:
            dialog = MemberDialog(
                db, self._tasks, line.data if line else None, extra_check=self._buffer_check(row), parent=self
            )
        dialog.finished.connect(lambda result: self._member_dialog_finished(dialog, row, result))
        self.member_dialog = dialog
        dialog.open()

    def _buffer_check(self, editing_row: int) -> ExtraCheck:
        """For a new family: the same NIK may not appear twice among its members."""
        others = [m for i, m in enumerate(self.members()) if i != editing_row]
        message = self.tr("NIK: %s sudah dipakai anggota lain di keluarga ini (%s)")

        def check(data: MemberInput) -> list[FieldError]:
            nik = data.nik.strip()
            twin = next((m for m in others if nik and m.nik.strip() == nik), None)
            return [FieldError("nik", message % (nik, twin.name))] if twin else []

        return check

    def _member_dialog_finished(self, dialog: MemberDialog, row: int, result: int) -> None:
        self.member_dialog = None
        dialog.deleteLater()
        if result != MemberDialog.DialogCode.Accepted or dialog.result_data is None:
            return
        if self.household_id is not None:
            self.members_changed.emit()  # saved: the dialog reloads the family
            return
        members = self.members()
        data = dialog.result_data
        if row < 0:
            members.append(data)
            row = len(members) - 1
        else:
            members[row] = data
        if data.is_recipient:  # one pengurus per family, as the service does for saved families
            members = [m if i == row else replace(m, is_recipient=False) for i, m in enumerate(members)]
        self._set_buffer(members, row)

    def remove_member(self) -> None:
        row = self.selected_row()
        line = self.model.line(row)
        if line is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Hapus anggota"),
            self.tr("Hapus %s (NIK %s) dari keluarga ini?") % (line.data.name, line.data.nik or "-"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.household_id is None:
            members = self.members()
            del members[row]
            self._set_buffer(members, min(row, len(members) - 1))
            return
        member_id = line.id
        assert member_id is not None
        db = self._db

        def work(_progress: Progress, token: CancelToken) -> None:
            token.raise_if_cancelled()
            with db.transaction() as session:
                delete_member(session, member_id)

        self._tasks.run(
            work, write=True, label=self.tr("Menghapus anggota…"), on_success=lambda _r: self.members_changed.emit()
        )
