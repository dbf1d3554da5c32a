"""*Jejak Audit* (supervisor and admin): who changed what, when, on which device, old → new.

Filters on top (pengguna, jenis data, aksi, dari/sampai tanggal, teks in the values or the note), the
entries newest first in a paged table (``AuditTableModel``: 500 rows at a time as the view scrolls),
the selected entry in full beside it, and *Ekspor Excel…* (Ctrl+E) writing every matching entry to an
.xlsx off the UI thread with progress and *Batal* (``reports.excel.audit_workbook``). The service
refuses other roles (``audit.view``); the page then says so instead of showing entries.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.models.enums import AuditAction
from simoncer_desktop.services import audit
from simoncer_desktop.services.audit import AuditFilter
from simoncer_desktop.services.audit_labels import day_bounds, entity_choices, filter_text
from simoncer_desktop.store import Database
from simoncer_desktop.translation import untranslated
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.models.audit_model import AuditTableModel, Column, detail_text
from simoncer_desktop.ui.pages.task_tab import TaskTab
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.form import DateField, fill_combo
from simoncer_desktop.ui.widgets.labels import message_label
from simoncer_desktop.ui.widgets.save_path import ask_xlsx_path
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
"""Dates and typed text re-query this long after the last change."""


class AuditPage(TaskTab):
    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._first_show = True
        self.last_file: Path | None = None
        self.refused = False
        """True when the signed-in user may not read the trail (the page shows only the refusal)."""

        title = QLabel(self.tr("Jejak Audit"))
        title.setObjectName("pageTitle")

        self.user_combo = QComboBox()
        self.user_combo.setEditable(True)
        self.user_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.user_combo.lineEdit().setPlaceholderText(self.tr("Semua pengguna"))
        self.user_combo.setMinimumContentsLength(14)
        self.entity_combo = QComboBox()
        fill_combo(self.entity_combo, entity_choices(), self.tr("Semua data"))
        self.action_combo = QComboBox()
        fill_combo(self.action_combo, AuditAction.choices(), self.tr("Semua aksi"))
        self.since_edit = DateField()
        self.until_edit = DateField()
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Cari di nilai lama/baru, catatan atau ID…"))
        self.text_edit.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("&Cari"))
        self.search_button.setObjectName("primary")
        self.search_button.clicked.connect(lambda: self.apply())
        self.reset_button = QPushButton(self.tr("&Kosongkan filter"))
        self.reset_button.clicked.connect(lambda: self.reset_filters())
        self.export_button = QPushButton(self.tr("&Ekspor Excel…"))
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.setToolTip(self.tr("Tulis semua entri yang cocok ke berkas .xlsx (Ctrl+E)"))
        self.export_button.clicked.connect(lambda: self.export())

        filters = QGridLayout()
        grid = (
            ((self.tr("&Pengguna"), self.user_combo), (self.tr("&Jenis data"), self.entity_combo),
             (self.tr("&Aksi"), self.action_combo)),
            ((self.tr("&Dari"), self.since_edit), (self.tr("&Sampai"), self.until_edit),
             (self.tr("&Teks"), self.text_edit)),
        )  # fmt: skip
        for row_number, row in enumerate(grid):
            for column, (text, widget) in enumerate(row):
                label = QLabel(text)
                label.setBuddy(widget)
                filters.addWidget(label, row_number, column * 2)
                filters.addWidget(widget, row_number, column * 2 + 1)
        filters.setColumnStretch(5, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        self.model = AuditTableModel(db, self)
        self.model.count_changed.connect(self._show_count)
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(
            self.view,
            {
                Column.TIME: (DIGITS, 20), Column.USER: 10, Column.DEVICE: 10, Column.ENTITY: 16,
                Column.HOUSEHOLD: (DIGITS, 16), Column.ACTION: 6, Column.FIELD: 20, Column.OLD: 18, Column.NEW: 18,
                Column.NOTE: 16, Column.ID: 12,
            },
        )  # fmt: skip
        # The device id is long and rarely what one looks for: it is in the detail pane and the export.
        self.view.setColumnHidden(Column.DEVICE, True)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Pilih satu entri untuk melihat nilai lama dan baru selengkapnya."))
        self.detail.setMinimumWidth(260)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("summary")
        self.message_label = message_label()
        self.info_label = QLabel()
        self.info_label.setObjectName("summary")
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.count_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.info_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.apply())
        self.entity_combo.currentIndexChanged.connect(lambda *_: self.apply())
        self.action_combo.currentIndexChanged.connect(lambda *_: self.apply())
        self.user_combo.activated.connect(lambda *_: self.apply())
        self.user_combo.lineEdit().returnPressed.connect(lambda: self.apply())
        self.text_edit.returnPressed.connect(lambda: self.apply())
        self.since_edit.dateChanged.connect(lambda *_: self._debounce.start())
        self.until_edit.dateChanged.connect(lambda *_: self._debounce.start())
        self._sync()

    # --- state ----------------------------------------------------------------------------------

    def _sync(self) -> None:
        enabled = not self.busy and not self.refused
        for widget in (
            self.search_button, self.reset_button, self.user_combo, self.entity_combo, self.action_combo,
            self.since_edit, self.until_edit, self.text_edit,
        ):  # fmt: skip
            widget.setEnabled(enabled)
        self.export_button.setEnabled(enabled and self.model.total > 0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.refresh()

    def current_filter(self) -> AuditFilter:
        since, until = day_bounds(self.since_edit.value(), self.until_edit.value())
        return AuditFilter(
            user=self.user_combo.currentText().strip() or None,
            entity=self.entity_combo.currentData(),
            since=since,
            until=until,
            text=self.text_edit.text().strip() or None,
            action=self.action_combo.currentData(),
        )

    def filter_description(self) -> str:
        """The filter in words, for the export's heading (empty: every entry) — Bahasa like the rest of
        the file, whatever the screen language."""
        with untranslated():
            return filter_text(
                user=self.user_combo.currentText(),
                entity=self.entity_combo.currentData(),
                action=self.action_combo.currentData(),
                first=self.since_edit.value(),
                last=self.until_edit.value(),
                text=self.text_edit.text(),
            )

    # --- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the user list and the entries (new entries since the last look)."""
        try:
            with self._db.read() as session:
                users = audit.users(session)
        except SimoncerError as exc:
            self._refuse(exc)
            return
        typed = self.user_combo.currentText()
        blocked = self.user_combo.blockSignals(True)
        self.user_combo.clear()
        self.user_combo.addItems(users)
        self.user_combo.setEditText(typed)
        self.user_combo.blockSignals(blocked)
        self.apply()

    def apply(self) -> None:
        """Show the entries matching the filters now."""
        self._debounce.stop()
        if self.busy:
            return
        self.detail.clear()
        try:
            self.model.set_filter(self.current_filter())
        except SimoncerError as exc:
            self._refuse(exc)
            return
        self.refused = False
        self.show_message("")
        self._sync()

    def _refuse(self, exc: SimoncerError) -> None:
        log.info("Audit trail not shown: %s", exc)
        self.refused = True
        self.model.clear()
        self.show_message(str(exc))
        self._sync()

    def reset_filters(self) -> None:
        for combo in (self.entity_combo, self.action_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.user_combo.setEditText("")
        for edit in (self.since_edit, self.until_edit):
            edit.blockSignals(True)
            edit.set_value(None)
            edit.blockSignals(False)
        self.text_edit.clear()
        self.apply()

    def _show_count(self, total: int) -> None:
        if self.refused:
            self.count_label.setText("")
        elif total:
            self.count_label.setText(self.tr("%s entri, terbaru di atas") % thousands(total))
        else:
            self.count_label.setText(self.tr("Tidak ada entri yang cocok."))
        self.export_button.setEnabled(not self.busy and not self.refused and total > 0)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        entry = self.model.entry(rows[0].row()) if rows else None
        self.detail.setPlainText(detail_text(entry) if entry is not None else "")

    # --- export ---------------------------------------------------------------------------------

    def ask_path(self, suggested: str) -> str:
        return ask_xlsx_path(self, self.tr("Simpan jejak audit"), suggested)

    def export(self) -> None:
        if self.busy or self.refused:
            return
        path = self.ask_path(f"Jejak-Audit-{datetime.now():%Y%m%d-%H%M}.xlsx")
        if not path:
            return
        db, chosen, described = self._db, self.current_filter(), self.filter_description()

        def work(progress: Progress, token: CancelToken) -> tuple[int, Path]:
            from simoncer_desktop.reports.excel.audit_workbook import write_audit_workbook

            with db.read() as session:
                total = audit.count(session, chosen)
                progress(0, total)
                rows = audit.export_rows(session, chosen)
                written = write_audit_workbook(rows, Path(path), described, progress, token, total=total)
            return written, Path(path)

        def done(result: tuple[int, Path]) -> None:
            written, target = result
            self.last_file = target
            self.info_label.setText(self.tr("%s entri jejak audit disimpan ke %s") % (thousands(written), target))
            self.info_label.show()

        def cancelled() -> None:
            self.info_label.setText(self.tr("Ekspor dibatalkan; tidak ada berkas yang ditulis."))
            self.info_label.show()

        self.info_label.hide()
        self._start(work, self.tr("Menulis jejak audit…"), done, write=False, cancellable=True, on_cancelled=cancelled)
