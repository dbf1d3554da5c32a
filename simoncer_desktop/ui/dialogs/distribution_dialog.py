"""*Penyaluran bantuan* for one affected family: what the family and each of its people are entitled to
(and, for what was already given, the earlier record), and the form that records one hand-over.

The operator picks a line (arrow keys in the table), checks the date, recipient (the beneficiary, the
family head, or the heir for a death compensation), the recipient's NIK and relation, the quantity or
amount (the full entitlement by default), ticks the recipient's confirmation and presses *Salurkan*
(Enter); the photo of the hand-over is then attached to that line (*Foto serah terima*). The dialog
stays open for the next line; *Tutup* or Esc closes it. A refusal is shown under its field; a second
distribution of the same aid shows the earlier record (date, officer, recipient).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models.enums import AttachmentOwner
from simoncer_desktop.services import relief_distribution as dist
from simoncer_desktop.services.relief_distribution import DistributionInput, DueLine, DuplicateDistributionError
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.receipt_dialog import quantity_spin
from simoncer_desktop.ui.format import day, rupiah, thousands
from simoncer_desktop.ui.models.relief_stock_models import DueColumn, DueModel
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.attachments_panel import AttachmentsPanel
from simoncer_desktop.ui.widgets.boxed_form import BoxedForm
from simoncer_desktop.ui.widgets.form import ERROR_MARK, DateField, FieldBox
from simoncer_desktop.ui.widgets.labels import message_label, note_label
from simoncer_desktop.ui.widgets.table import configure_table, select_row, selected_row

DUE_WIDTHS: dict[int, int | tuple[str, int]] = {
    DueColumn.BENEFICIARY: 18,
    DueColumn.ENTITLEMENT: 22,
    DueColumn.VALUE: 15,
    DueColumn.STATUS: 30,
}
RELATIONS = ("sendiri", "kepala keluarga", "istri", "suami", "anak", "orang tua", "ahli waris", "lainnya")


class DistributionDialog(BoxedForm):
    def __init__(
        self,
        db: Database,
        family_id: str,
        officer: str,
        parent: QWidget | None = None,
        *,
        tasks: TaskRunner | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(db, tasks or TaskRunner(parent), parent)
        self.setWindowTitle(self.tr("Penyaluran bantuan"))
        self._family_id = family_id
        self._officer = officer
        self._today = today or date.today()
        self.saved_ids: list[str] = []
        """Distributions recorded while the dialog was open."""
        self.model = DueModel(self)
        self.table = QTableView()
        self.table.setObjectName("dueLines")
        self.table.setModel(self.model)
        configure_table(self.table, DUE_WIDTHS, stretch=DueColumn.STATUS)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._line_chosen())
        self.lines_label = QLabel(self.tr("&Hak bantuan keluarga ini"))
        self.lines_label.setBuddy(self.table)
        self.earlier_label = message_label()
        self.info_label = note_label()

        self.date_edit = DateField()
        self.date_edit.set_value(self._today)
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setMaxLength(120)
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(16)
        self.nik_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,16}"), self.nik_edit))
        self.nik_edit.setPlaceholderText(self.tr("16 digit (boleh kosong)"))
        self.relation_combo = QComboBox()
        self.relation_combo.setEditable(True)
        self.relation_combo.addItems(list(RELATIONS))
        self.value_spin = quantity_spin(0)
        self.confirmed_check = QCheckBox(self.tr("Penerima sudah menandatangani / cap jempol"))
        self.note_edit = QLineEdit()
        self.boxes = {
            "distributed_on": FieldBox(self.date_edit),
            "recipient_name": FieldBox(self.recipient_edit),
            "recipient_nik": FieldBox(self.nik_edit),
            "recipient_relation": FieldBox(self.relation_combo),
            "value": FieldBox(self.value_spin),
            "confirmed": FieldBox(self.confirmed_check),
            "note": FieldBox(self.note_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("&Tanggal *"), self.boxes["distributed_on"])
        form.addRow(self.tr("&Penerima *"), self.boxes["recipient_name"])
        form.addRow(self.tr("&NIK penerima"), self.boxes["recipient_nik"])
        form.addRow(self.tr("Hu&bungan"), self.boxes["recipient_relation"])
        form.addRow(self.tr("&Jumlah *"), self.boxes["value"])
        form.addRow(self.tr("&Konfirmasi"), self.boxes["confirmed"])
        form.addRow(self.tr("&Catatan"), self.boxes["note"])
        above = (self.lines_label, self.table, self.earlier_label, self.info_label)
        self._finish_layout(form, above=above, cancel_text=self.tr("Tutup"))
        self.save_button.setText(self.tr("&Salurkan"))
        self.photos_label = QLabel(self.tr("Foto serah terima (untuk baris yang sudah disalurkan)"))
        self.photos = AttachmentsPanel(db, self._tasks, self, actor=lambda: officer)
        self.photos.list.setMaximumHeight(70)
        self.table.setMinimumHeight(170)  # six lines of entitlements without scrolling
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        at = layout.indexOf(self.general_error)
        layout.insertWidget(at, self.photos_label)
        layout.insertWidget(at + 1, self.photos)
        self.setMinimumWidth(860)
        self._connect_edits(
            {
                "distributed_on": self.date_edit.dateChanged,
                "recipient_name": self.recipient_edit.textEdited,
                "recipient_nik": self.nik_edit.textEdited,
                "recipient_relation": self.relation_combo.currentTextChanged,
                "value": self.value_spin.valueChanged,
                "confirmed": self.confirmed_check.toggled,
                "note": self.note_edit.textEdited,
            }
        )
        self.table.setFocus()
        self.reload()

    # --- lines --------------------------------------------------------------------------------

    def selected(self) -> DueLine | None:
        return self.model.row_at(selected_row(self.table))

    def select_line(self, code: str, beneficiary: str) -> bool:
        row = next(
            (
                i
                for i, line in enumerate(self.model.rows)
                if line.event_entitlement.code == code and line.beneficiary_name == beneficiary
            ),
            -1,
        )
        if row >= 0:
            select_row(self.table, row)
        return row >= 0

    def reload(self, keep: tuple[str, str | None] | None = None) -> None:
        """Load the family's lines; ``keep`` = (entitlement id, victim id) of the line to select again,
        otherwise the first line not given yet."""
        db, family_id = self._db, self._family_id

        def work(_progress: Progress, _token: CancelToken) -> list[DueLine]:
            with db.read() as session:
                return dist.due_for_family(session, family_id)

        def show(lines: list[DueLine]) -> None:
            self.model.set_rows(lines)
            row = -1
            if keep is not None:
                row = next(
                    (i for i, x in enumerate(lines) if (x.event_entitlement.id, x.victim_id) == keep),
                    -1,
                )
            row = row if row >= 0 else self.model.first_open()
            if row < 0 and lines:
                row = 0
            if row >= 0:
                select_row(self.table, row)
            else:
                self.info_label.setText(self.tr("Belum ada hak bantuan untuk keluarga ini pada kejadian ini."))
                self.info_label.show()
            self._line_chosen()

        self._tasks.run(
            work, label=self.tr("Memuat hak bantuan…"), on_success=show, on_failure=self._tasks.report_failure
        )

    def _line_chosen(self) -> None:
        line = self.selected()
        self._touched.clear()
        self._show_general([])
        self._show_earlier(line)
        given = line.distribution if line is not None else None
        if given is None:
            self.photos.set_owner(None, None)
        else:
            self.photos.set_owner(AttachmentOwner.DISTRIBUTION.value, given.id)
        if line is not None:
            ee = line.event_entitlement
            value = line.amount if ee.kind == "uang" else line.quantity
            self.recipient_edit.setText(line.recipient_name)
            self.nik_edit.setText(line.recipient_nik or "")
            self.relation_combo.setCurrentText(line.recipient_relation)
            self.value_spin.setRange(0, value or 0)
            self.value_spin.setPrefix("Rp " if ee.kind == "uang" else "")
            self.value_spin.setSuffix("" if ee.kind == "uang" else f" {ee.unit}")
            self.value_spin.setValue(value or 0)
            self.confirmed_check.setChecked(False)
            self.note_edit.clear()
        self.validate()

    def _show_earlier(self, line: DueLine | None) -> None:
        given = line.distribution if line is not None else None
        text = ERROR_MARK + dist.describe(given) if given is not None else ""
        self.earlier_label.setText(text)
        self.earlier_label.setVisible(bool(text))

    # --- the form -------------------------------------------------------------------------------

    def data(self) -> DistributionInput | None:
        line = self.selected()
        if line is None:
            return None
        cash = line.event_entitlement.kind == "uang"
        value = self.value_spin.value()
        return DistributionInput(
            event_entitlement_id=line.event_entitlement.id,
            family_id=line.family_id,
            victim_id=line.victim_id,
            distributed_on=self.date_edit.value(),
            recipient_name=self.recipient_edit.text(),
            recipient_nik=self.nik_edit.text().strip() or None,
            recipient_relation=self.relation_combo.currentText().strip(),
            quantity=None if cash else value,
            amount=value if cash else None,
            confirmed=self.confirmed_check.isChecked(),
            note=self.note_edit.text(),
        )

    def _check(self) -> dict[str, str]:
        line = self.selected()
        data = self.data()
        errors: dict[str, str] = {}
        if line is None or data is None:
            errors["value"] = self.tr("Pilih dulu hak bantuan di tabel")
            return errors
        if line.distribution is not None:
            errors["value"] = self.tr("Sudah disalurkan (lihat catatan di atas)")
        if data.distributed_on is None:
            errors["distributed_on"] = self.tr("Tanggal penyaluran: wajib diisi")
        elif data.distributed_on > self._today:
            errors["distributed_on"] = self.tr("Tanggal penyaluran: %s belum terjadi") % day(data.distributed_on)
        if not data.recipient_name.strip():
            errors["recipient_name"] = self.tr("Nama penerima: wajib diisi")
        if data.recipient_nik and len(data.recipient_nik) != 16:
            errors["recipient_nik"] = self.tr("NIK penerima: harus 16 digit (tertulis %s digit)") % len(
                data.recipient_nik
            )
        if self.value_spin.value() <= 0:
            errors["value"] = self.tr("Jumlah: harus lebih dari 0")
        return errors

    def _save_work(self) -> Callable[[], str]:
        db, data, officer = self._db, self.data(), self._officer
        assert data is not None

        def save() -> str:
            with db.transaction() as session:
                return dist.distribute(session, data, officer)

        return save

    def _saved(self, result: Any) -> None:
        line = self.selected()
        self.result_id = result if isinstance(result, str) else None
        if self.result_id:
            self.saved_ids.append(self.result_id)
        if line is not None:
            ee = line.event_entitlement
            value = (
                rupiah(self.value_spin.value())
                if ee.kind == "uang"
                else f"{thousands(self.value_spin.value())} {ee.unit}"
            )
            self.info_label.setText(
                self.tr("Tersalurkan: %s untuk %s (%s), diterima %s.")
                % (ee.name, line.beneficiary_name, value, self.recipient_edit.text().strip())
            )
            self.info_label.show()
        self.reload()

    def _show_refusal(self, exc: ValidationError) -> None:
        if isinstance(exc, DuplicateDistributionError):
            self.earlier_label.setText(ERROR_MARK + str(exc))
            self.earlier_label.show()
            line = self.selected()
            self.reload(keep=(line.event_entitlement.id, line.victim_id) if line else None)
            self.earlier_label.setText(ERROR_MARK + str(exc))
            self.earlier_label.show()
            return
        moved = [
            type(err)("value", err.message, err.row) if err.field in ("quantity", "amount") else err
            for err in exc.errors
        ]
        super()._show_refusal(ValidationError(moved))
