"""Forms of the relief stock tab: *Terima stok* (a receipt of relief goods) and *Barang baru* (a new kind
of goods) on the ``BoxedForm`` base (``ui/widgets/boxed_form.py``). Each saves by calling one relief
service in a background write task; a refusal is shown under the field it names and the dialog stays open.
Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from simoncer_desktop.models.enums import StockSource
from simoncer_desktop.services import relief_reference as ref
from simoncer_desktop.services.relief_reference import ItemView
from simoncer_desktop.services.relief_stock import ReceiptInput, receive_stock
from simoncer_desktop.store import Database
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.boxed_form import BoxedForm
from simoncer_desktop.ui.widgets.form import DateField, FieldBox, fill_combo

MAX_QUANTITY = 1_000_000_000


def quantity_spin(maximum: int = MAX_QUANTITY) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setGroupSeparatorShown(True)
    spin.setMinimumWidth(140)
    return spin


class ReceiptDialog(BoxedForm):
    """*Terima stok*: item, quantity, date received, source, document number and a note."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        items: list[ItemView],
        actor: str,
        item_id: str | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, tasks, parent)
        self.setWindowTitle(self.tr("Terima stok"))
        self._actor = actor
        self._today = today or date.today()
        self._items = {i.id: i for i in items}
        self.item_combo = QComboBox()
        fill_combo(self.item_combo, [(i.id, f"{i.name} ({i.unit})") for i in items], self.tr("— pilih —"))
        if item_id in self._items:
            self.item_combo.setCurrentIndex(self.item_combo.findData(item_id))
        self.quantity_spin = quantity_spin()
        self.date_edit = DateField()
        self.date_edit.set_value(self._today)
        self.source_combo = QComboBox()
        fill_combo(self.source_combo, StockSource.choices(), self.tr("— pilih —"))
        self.document_edit = QLineEdit()
        self.document_edit.setMaxLength(120)
        self.document_edit.setPlaceholderText(self.tr("mis. BAST/012/XI/2026"))
        self.note_edit = QLineEdit()
        self.boxes = {
            "item_id": FieldBox(self.item_combo),
            "quantity": FieldBox(self.quantity_spin),
            "received_on": FieldBox(self.date_edit),
            "source": FieldBox(self.source_combo),
            "document_no": FieldBox(self.document_edit),
            "note": FieldBox(self.note_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("&Barang *"), self.boxes["item_id"])
        form.addRow(self.tr("&Jumlah *"), self.boxes["quantity"])
        form.addRow(self.tr("&Tanggal terima *"), self.boxes["received_on"])
        form.addRow(self.tr("&Sumber *"), self.boxes["source"])
        form.addRow(self.tr("No. &dokumen"), self.boxes["document_no"])
        form.addRow(self.tr("&Catatan"), self.boxes["note"])
        self._finish_layout(form)
        self._connect_edits(
            {
                "item_id": self.item_combo.currentIndexChanged,
                "quantity": self.quantity_spin.valueChanged,
                "received_on": self.date_edit.dateChanged,
                "source": self.source_combo.currentIndexChanged,
                "document_no": self.document_edit.textEdited,
                "note": self.note_edit.textEdited,
            }
        )
        self.item_combo.currentIndexChanged.connect(lambda _i: self._show_unit())
        self._show_unit()
        self.validate()

    def _show_unit(self) -> None:
        item = self._items.get(self.item_combo.currentData())
        self.quantity_spin.setSuffix(f" {item.unit}" if item else "")

    def data(self) -> ReceiptInput:
        return ReceiptInput(
            item_id=self.item_combo.currentData(),
            quantity=self.quantity_spin.value(),
            received_on=self.date_edit.value(),
            source=self.source_combo.currentData() or "",
            document_no=self.document_edit.text(),
            note=self.note_edit.text(),
        )

    def _check(self) -> dict[str, str]:
        data = self.data()
        errors: dict[str, str] = {}
        if not data.item_id:
            errors["item_id"] = self.tr("Barang: wajib dipilih")
        if not data.quantity:
            errors["quantity"] = self.tr("Jumlah: harus lebih dari 0")
        if data.received_on is None:
            errors["received_on"] = self.tr("Tanggal terima: wajib diisi")
        elif data.received_on > self._today:
            errors["received_on"] = self.tr("Tanggal terima: %s belum terjadi") % data.received_on.strftime("%d-%m-%Y")
        if not data.source:
            errors["source"] = self.tr("Sumber: wajib dipilih")
        return errors

    def _save_work(self) -> Callable[[], str]:
        db, data, actor = self._db, self.data(), self._actor

        def save() -> str:
            with db.transaction() as session:
                return receive_stock(session, data, actor)

        return save


class ItemDialog(BoxedForm):
    """*Barang baru*: code, name and unit of a new kind of relief goods."""

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(db, tasks, parent)
        self.setWindowTitle(self.tr("Barang baru"))
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(30)
        self.code_edit.setPlaceholderText(self.tr("mis. terpal (huruf kecil, angka, _)"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.unit_edit = QLineEdit()
        self.unit_edit.setMaxLength(20)
        self.unit_edit.setPlaceholderText(self.tr("mis. kg, paket, lembar, dus"))
        self.boxes = {
            "code": FieldBox(self.code_edit),
            "name": FieldBox(self.name_edit),
            "unit": FieldBox(self.unit_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("&Kode *"), self.boxes["code"])
        form.addRow(self.tr("&Nama *"), self.boxes["name"])
        form.addRow(self.tr("&Satuan *"), self.boxes["unit"])
        self._finish_layout(form)
        self._connect_edits(
            {"code": self.code_edit.textEdited, "name": self.name_edit.textEdited, "unit": self.unit_edit.textEdited}
        )
        self.validate()

    def _check(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        code = self.code_edit.text().strip()
        if not ref.CODE_PATTERN.fullmatch(code):
            errors["code"] = self.tr("Kode barang: 2–30 huruf kecil, angka atau '_', tanpa spasi")
        if not self.name_edit.text().strip():
            errors["name"] = self.tr("Nama barang: wajib diisi")
        if not self.unit_edit.text().strip():
            errors["unit"] = self.tr("Satuan: wajib diisi")
        return errors

    def _save_work(self) -> Callable[[], str]:
        db = self._db
        code, name, unit = self.code_edit.text().strip(), self.name_edit.text(), self.unit_edit.text()

        def save() -> str:
            with db.transaction() as session:
                return ref.add_item(session, code, name, unit)

        return save
