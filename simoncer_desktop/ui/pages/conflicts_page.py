"""*Konflik* (supervisor and admin): the values that lost to another laptop's later edit, from the central
server's conflict log, and the decision on each.

The list is fetched off the UI thread when the page is first shown and on *Muat ulang* (F5), filtered by
*Belum diselesaikan* / *Sudah diselesaikan* / *Semua*. *Pertahankan nilai sekarang* records ``kept`` on the
server; *Pulihkan nilai yang kalah* writes the losing value to the local row
(``services.conflict_resolution.reinstate``: audited, queued for the next sync like any edit), then records
``reinstated`` on the server. The log lives on the server only: without a connection the page says so and
shows the error.
"""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelection, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.services import conflict_resolution as resolution
from simoncer_desktop.services import permissions, sync_status
from simoncer_desktop.services.conflict_resolution import ConflictItem, ConflictPage
from simoncer_desktop.store import Database
from simoncer_desktop.sync.client import OfflineError, TlsError
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.pages.task_tab import TaskTab
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.labels import message_label, note_label
from simoncer_desktop.ui.widgets.table import configure_table

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 500
"""Conflicts fetched at once (the server's maximum); more are counted, and a filter narrows them."""


class Column(IntEnum):
    FAMILY = 0
    FIELD = 1
    WINNING = 2
    LOSING = 3
    WHO = 4
    WHEN = 5
    REASON = 6
    STATUS = 7


class ConflictTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[ConflictItem] = []

    def set_items(self, items: list[ConflictItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles()[Column(section)]
        return None

    def titles(self) -> dict[Column, str]:
        """The column headings, translated now (the language may change after start-up)."""
        return {
            Column.FAMILY: self.tr("Keluarga"),
            Column.FIELD: self.tr("Tabel / Kolom"),
            Column.WINNING: self.tr("Nilai menang"),
            Column.LOSING: self.tr("Nilai kalah"),
            Column.WHO: self.tr("Oleh"),
            Column.WHEN: self.tr("Kapan"),
            Column.REASON: self.tr("Sebab"),
            Column.STATUS: self.tr("Status"),
        }

    def text(self, item: ConflictItem, column: Column) -> str:
        if column is Column.FAMILY:
            return item.family_text()
        if column is Column.FIELD:
            return item.field_text()
        if column is Column.WINNING:
            return item.winning_text()
        if column is Column.LOSING:
            return item.losing_text()
        if column is Column.WHO:
            return item.who_text()
        if column is Column.WHEN:
            return item.when_text()
        if column is Column.REASON:
            return resolution.kind_label(item.kind)
        return item.status_text()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.WINNING:
                return self.tr("Menang: %s\noleh %s") % (item.winning_text(), item.winner_text())
            if column is Column.LOSING:
                return self.tr("Kalah: %s\noleh %s") % (item.losing_text(), item.who_text())
            return self.text(item, column)
        return None

    def item(self, row: int) -> ConflictItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None


class ConflictsPage(TaskTab):
    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._first_show = True
        self.total = 0
        self.offline = False
        title = QLabel(self.tr("Konflik"))
        title.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "Nilai yang kalah saat dua perangkat mengubah data yang sama (kolom Sebab: diubah lebih akhir, tahap "
                "lebih lanjut, atau penyaluran ganda). Pertahankan nilai sekarang, atau pulihkan nilai yang kalah "
                "(dikirim pada sinkronisasi berikutnya)."
            )
        )
        intro.setWordWrap(True)
        self.status_combo = QComboBox()
        for value, label in (
            ("open", self.tr("Belum diselesaikan")),
            ("resolved", self.tr("Sudah diselesaikan")),
            ("all", self.tr("Semua")),
        ):
            self.status_combo.addItem(label, value)
        self.status_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        filter_label = QLabel(self.tr("&Tampilkan"))
        filter_label.setBuddy(self.status_combo)
        self.reload_button = QPushButton(self.tr("&Muat ulang"))
        self.reload_button.setShortcut(QKeySequence("F5"))
        self.reload_button.setToolTip(self.tr("Ambil daftar konflik dari server (F5)"))
        self.reload_button.clicked.connect(lambda: self.refresh())
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.status_combo)
        top.addWidget(self.reload_button)
        top.addStretch(1)

        self.model = ConflictTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(
            self.view,
            {Column.FAMILY: 34, Column.FIELD: 22, Column.WINNING: 22, Column.LOSING: 22, Column.WHO: 28,
             Column.WHEN: ("digits", 16), Column.STATUS: 14},
            stretch=Column.LOSING,
        )  # fmt: skip
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.keep_button = QPushButton(self.tr("&Pertahankan nilai sekarang"))
        self.keep_button.clicked.connect(lambda: self.keep())
        self.reinstate_button = QPushButton(self.tr("P&ulihkan nilai yang kalah"))
        self.reinstate_button.clicked.connect(lambda: self.reinstate())
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.reinstate_button)
        buttons.addStretch(1)

        self.count_label = QLabel()
        self.count_label.setObjectName("summary")
        self.message_label = message_label()
        self.info_label = note_label()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.info_label)
        self._sync()

    # --- state -----------------------------------------------------------------------------------------

    def allowed(self) -> bool:
        identity = self._db.identity
        return identity is not None and permissions.can(identity, resolution.ACTION)

    def selected(self) -> ConflictItem | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _sync(self) -> None:
        allowed = self.allowed()
        chosen = self.selected()
        open_one = chosen is not None and not chosen.resolved
        self.status_combo.setEnabled(allowed and not self.busy)
        self.reload_button.setEnabled(allowed and not self.busy)
        self.keep_button.setEnabled(allowed and not self.busy and open_one)
        self.reinstate_button.setEnabled(allowed and not self.busy and open_one)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.refresh()

    # --- loading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Fetch the conflicts of the chosen status from the server (off the UI thread)."""
        if self.busy:
            return
        if not self.allowed():
            self.model.set_items([])
            self.count_label.setText("")
            self.show_message(
                self.tr("Hanya supervisor dan administrator yang dapat melihat dan menyelesaikan konflik.")
            )
            self._sync()
            return
        db, status = self._db, self.status_combo.currentData()

        def work(_progress: Progress, _token: CancelToken) -> ConflictPage:
            with db.read() as session:
                client = sync_status.client_for(session)
            with client:
                return resolution.fetch(client, status, limit=PAGE_SIZE)

        self.info_label.hide()
        self._start(work, self.tr("Mengambil daftar konflik dari server…"), self._loaded, write=False)

    def _loaded(self, page: ConflictPage) -> None:
        self.offline = False
        self.total = page.total
        self.model.set_items(page.items)
        if not page.total:
            self.count_label.setText(self.tr("Tidak ada konflik."))
        elif page.total > len(page.items):
            self.count_label.setText(
                self.tr("%s konflik, %s terbaru ditampilkan") % (thousands(page.total), thousands(len(page.items)))
            )
        else:
            self.count_label.setText(self.tr("%s konflik, terbaru di atas") % thousands(page.total))

    def _failed(self, exc: BaseException) -> None:
        """No connection: the list is emptied and the page says why (the log is on the server only)."""
        if isinstance(exc, OfflineError | TlsError):
            self.busy = False
            self.offline = True
            self.model.set_items([])
            self.count_label.setText("")
            log.info("Conflicts not available: %s", exc)
            note = self.tr(
                "Konflik disimpan di server pusat; halaman ini memerlukan koneksi ke server. Periksa jaringan, lalu "
                "tekan Muat ulang."
            )
            self.show_message(note + "\n" + self.tr("Kesalahan: %s") % exc)
            self._sync()
            return
        super()._failed(exc)

    # --- decisions -------------------------------------------------------------------------------------

    def _by(self) -> str:
        identity = self._db.identity
        return identity.username if identity is not None else ""

    def keep(self) -> None:
        item = self.selected()
        if item is None or item.resolved or self.busy:
            return
        db, by = self._db, self._by()

        def work(_progress: Progress, _token: CancelToken) -> None:
            with db.read() as session:
                client = sync_status.client_for(session)
            with client:
                resolution.post_decision(client, item.id, resolution.KEPT, by)

        self._start(work, self.tr("Mencatat keputusan di server…"), lambda _r: self._decided(item, False), write=False)

    def confirm_reinstate(self, item: ConflictItem) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Pulihkan nilai yang kalah"),
            self.tr(
                "Pulihkan %s menjadi “%s” (sekarang “%s”) untuk %s?\n"
                "Perubahan ini dikirim pada sinkronisasi berikutnya."
            )
            % (item.field_text(), item.losing_text(), item.winning_text(), item.family_text()),
        )
        return answer == QMessageBox.StandardButton.Yes

    def reinstate(self) -> None:
        item = self.selected()
        if item is None or item.resolved or self.busy or not self.confirm_reinstate(item):
            return
        db, by = self._db, self._by()

        def work(_progress: Progress, _token: CancelToken) -> bool:
            with db.transaction() as session:
                written = resolution.reinstate(session, item.tbl, item.row_id, item.field, item.losing_value)
            with db.read() as session:
                client = sync_status.client_for(session)
            with client:
                resolution.post_decision(client, item.id, resolution.REINSTATED, by)
            return written

        self._start(work, self.tr("Memulihkan nilai…"), lambda _r: self._decided(item, True), write=True)

    def _decided(self, item: ConflictItem, reinstated: bool) -> None:
        if reinstated:
            text = self.tr("%s dipulihkan menjadi “%s”; dikirim pada sinkronisasi berikutnya.") % (
                item.field_text(),
                item.losing_text(),
            )
        else:
            text = self.tr("%s: nilai “%s” dipertahankan.") % (item.field_text(), item.winning_text())
        self.refresh()
        self.info_label.setText(text)
        self.info_label.show()
        window = self.window()
        controller = getattr(window, "sync", None)
        if controller is not None:
            controller.refresh_status()
