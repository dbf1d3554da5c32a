"""*Stok* tab of the Bencana page: relief items with their balance and the stock card of the chosen one.

The items table (kode, nama, satuan, stok) is on the left; the selected item's stock card (every receipt
and distribution by date, with the running balance) and its totals (diterima − disalurkan = saldo) on the
right. *Terima stok…* records a receipt, *Barang baru…* adds a kind of goods, *Indeks bantuan…* edits the
aid indexes. Reads and writes go through the ``TaskRunner``; a refusal is shown in ``message_label``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.services import relief_reference as ref
from simoncer_desktop.services import relief_stock as stock
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.entitlement_dialogs import EntitlementIndexDialog
from simoncer_desktop.ui.dialogs.receipt_dialog import ItemDialog, ReceiptDialog
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.models.relief_stock_models import CardColumn, ItemColumn, ItemsModel, StockCardModel
from simoncer_desktop.ui.pages.task_tab import TaskTab
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.labels import message_label, note_label
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table, select_row, selected_row

log = logging.getLogger(__name__)

ITEM_WIDTHS: dict[int, int | tuple[str, int]] = {
    ItemColumn.CODE: 20,
    ItemColumn.NAME: 18,
    ItemColumn.UNIT: 7,
    ItemColumn.BALANCE: 8,
}
CARD_WIDTHS: dict[int, int | tuple[str, int]] = {
    CardColumn.DATE: (DIGITS, 11),
    CardColumn.KIND: 12,
    CardColumn.QUANTITY: 8,
    CardColumn.SOURCE: 18,
    CardColumn.DOCUMENT: 14,
    CardColumn.EVENT: 18,
    CardColumn.BALANCE: 8,
}


@dataclass(frozen=True)
class Loaded:
    items: list[ref.ItemView]
    card: stock.StockCard | None


class StockTab(TaskTab):
    loaded = Signal()
    """The items and the chosen item's stock card are shown."""

    def __init__(
        self, db: Database, tasks: TaskRunner, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._today = today or date.today()
        self.card: stock.StockCard | None = None
        """The form open over the tab, if any."""
        self._showing: str | None = None
        self.items_model = ItemsModel(self)
        self.card_model = StockCardModel(self)
        self._build()
        self._sync()

    def _build(self) -> None:
        self.items_table = QTableView()
        self.items_table.setObjectName("reliefItems")
        self.items_table.setModel(self.items_model)
        configure_table(self.items_table, ITEM_WIDTHS, stretch=ItemColumn.NAME)
        self.items_table.selectionModel().selectionChanged.connect(lambda *_: self._item_chosen())
        items_label = QLabel(self.tr("&Barang bantuan"))
        items_label.setBuddy(self.items_table)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(items_label)
        left_layout.addWidget(self.items_table, 1)

        self.card_title = QLabel(self.tr("Kartu &stok"))
        self.card_table = QTableView()
        self.card_table.setObjectName("stockCard")
        self.card_table.setModel(self.card_model)
        configure_table(self.card_table, CARD_WIDTHS, stretch=CardColumn.EVENT)
        self.card_title.setBuddy(self.card_table)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("summary")
        self.totals_label.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.card_title)
        right_layout.addWidget(self.card_table, 1)
        right_layout.addWidget(self.totals_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.receipt_button = QPushButton(self.tr("&Terima stok…"))
        self.receipt_button.setObjectName("primary")
        self.receipt_button.setShortcut(QKeySequence("Ctrl+T"))
        self.receipt_button.setToolTip(self.tr("Catat barang bantuan yang diterima (Ctrl+T)"))
        self.receipt_button.clicked.connect(self.receive)
        self.item_button = QPushButton(self.tr("Barang &baru…"))
        self.item_button.clicked.connect(self.new_item)
        self.index_button = QPushButton(self.tr("&Indeks bantuan…"))
        self.index_button.setToolTip(self.tr("Nilai bantuan per dasar perhitungan, berlaku mulai tanggal tertentu"))
        self.index_button.clicked.connect(self.edit_indexes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.item_button)
        buttons.addStretch(1)
        buttons.addWidget(self.index_button)

        self.message_label = message_label()
        self.info_label = note_label()

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.info_label)

    # --- state --------------------------------------------------------------------------------

    def selected_item(self) -> ref.ItemView | None:
        return self.items_model.row_at(selected_row(self.items_table))

    def select_item(self, code: str) -> bool:
        row = next((i for i, r in enumerate(self.items_model.rows) if r.code == code), -1)
        if row >= 0:
            select_row(self.items_table, row)
        return row >= 0

    def _sync(self) -> None:
        free = self.is_free()
        self.receipt_button.setEnabled(free and bool(self.items_model.rows))
        self.item_button.setEnabled(free)
        self.index_button.setEnabled(free)

    def show_info(self, text: str) -> None:
        self.info_label.setText(text)
        self.info_label.setVisible(bool(text))

    # --- loading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Every time the tab is shown: distributions on the Kejadian tab change the balances."""
        super().showEvent(event)
        if self.is_free():
            self.reload()

    def reload(self, item_id: str | None = None) -> None:
        """Reload the items and the stock card of ``item_id`` (default: the selected item, else the first)."""
        chosen = self.selected_item()
        wanted = item_id or (chosen.id if chosen else None)
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> Loaded:
            with db.read() as session:
                items = ref.list_items(session)
                ids = [i.id for i in items]
                target = wanted if wanted in ids else (ids[0] if ids else None)
                return Loaded(items, stock.stock_card(session, target) if target else None)

        self._start(work, self.tr("Memuat stok…"), self._show, write=False)

    def _show(self, loaded: Loaded) -> None:
        self._showing = loaded.card.item.id if loaded.card else None
        blocked = self.items_table.selectionModel().blockSignals(True)
        self.items_model.set_rows(loaded.items)
        row = self.items_model.row_of(self._showing)
        if row >= 0:
            select_row(self.items_table, row)
        self.items_table.selectionModel().blockSignals(blocked)
        self._show_card(loaded.card)
        self.loaded.emit()

    def _show_card(self, card: stock.StockCard | None) -> None:
        self.card = card
        self._showing = card.item.id if card else None
        self.card_model.set_rows(card.lines if card else [])
        if card is None:
            self.card_title.setText(self.tr("Kartu &stok"))
            self.totals_label.setText(self.tr("Belum ada barang bantuan. Tambahkan dengan Barang baru…"))
            return
        unit = card.item.unit
        self.card_title.setText(self.tr("Kartu &stok: %s (%s)") % (card.item.name, unit))
        self.totals_label.setText(
            self.tr("Diterima %s %s − disalurkan %s %s = saldo %s %s.")
            % (thousands(card.received), unit, thousands(card.distributed), unit, thousands(card.balance), unit)
        )

    def _item_chosen(self) -> None:
        item = self.selected_item()
        if item is None or item.id == self._showing or self.busy:
            return
        db, item_id = self._db, item.id

        def work(_progress: Progress, _token: CancelToken) -> stock.StockCard:
            with db.read() as session:
                return stock.stock_card(session, item_id)

        self._start(work, self.tr("Memuat kartu stok…"), self._show_card, write=False)

    # --- forms --------------------------------------------------------------------------------

    def receive(self) -> None:
        if not self.is_free() or not self.items_model.rows:
            return
        item = self.selected_item()
        dialog = ReceiptDialog(
            self._db,
            self._tasks,
            self.items_model.rows,
            self.operator_name(),
            item.id if item else None,
            self._today,
            self,
        )

        def after(d: QDialog) -> None:
            assert isinstance(d, ReceiptDialog)
            self.show_message("")
            self.show_info(self.tr("Penerimaan %s %s dicatat.") % (d.quantity_spin.text(), d.item_combo.currentText()))
            self.reload(d.item_combo.currentData())

        self.open_dialog(dialog, after)

    def new_item(self) -> None:
        if not self.is_free():
            return
        dialog = ItemDialog(self._db, self._tasks, self)

        def after(d: QDialog) -> None:
            assert isinstance(d, ItemDialog)
            self.show_message("")
            self.show_info(self.tr("Barang %s ditambahkan.") % d.name_edit.text().strip())
            self.reload(d.result_id)

        self.open_dialog(dialog, after)

    def edit_indexes(self) -> None:
        if not self.is_free():
            return
        self.open_dialog(EntitlementIndexDialog(self._db, self._tasks, self._today, self), lambda _d: None)
