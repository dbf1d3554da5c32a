"""Aid indexes and the entitlements of an event.

- *Indeks bantuan* (``EntitlementIndexDialog``): the indexes in force today; choose one and record a new
  value from a date (the same day overwrites). Events keep the value they were given.
- *Hak bantuan kejadian* (``EventEntitlementsDialog``): apply an index in force on the event's date to the
  event (with the number of days for a per-day allowance) or take one off again while nothing was given.

Work runs through the ``TaskRunner``; a refusal is shown in the dialog, which stays open. Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services import relief_distribution as dist
from simoncer_desktop.services import relief_reference as ref
from simoncer_desktop.services.relief_reference import EntitlementInput, EntitlementView
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.receipt_dialog import MAX_QUANTITY, quantity_spin
from simoncer_desktop.ui.format import day
from simoncer_desktop.ui.models.relief_stock_models import (
    AppliedColumn,
    EntitlementsModel,
    EventEntitlementsModel,
    IndexColumn,
    value_text,
)
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.boxed_form import BoxedForm
from simoncer_desktop.ui.widgets.form import DateField, FieldBox, fill_combo
from simoncer_desktop.ui.widgets.labels import message_label
from simoncer_desktop.ui.widgets.table import configure_table, select_row, selected_row

INDEX_WIDTHS: dict[int, int | tuple[str, int]] = {
    IndexColumn.NAME: 20,
    IndexColumn.KIND: 7,
    IndexColumn.BASIS: 18,
    IndexColumn.VALUE: 14,
    IndexColumn.CONDITION: 18,
    IndexColumn.VALID_FROM: 11,
}
APPLIED_WIDTHS: dict[int, int | tuple[str, int]] = {
    AppliedColumn.NAME: 20,
    AppliedColumn.BASIS: 18,
    AppliedColumn.VALUE: 14,
    AppliedColumn.DAYS: 5,
    AppliedColumn.GIVEN: 8,
}


def _message_label() -> QLabel:
    label = message_label()
    return label


class EntitlementIndexDialog(BoxedForm):
    """*Indeks bantuan*: the indexes in force on ``today`` and a new value for the chosen one from a date."""

    def __init__(self, db: Database, tasks: TaskRunner, today: date | None = None, parent: QWidget | None = None):
        super().__init__(db, tasks, parent)
        self.setWindowTitle(self.tr("Indeks bantuan"))
        self._today = today or date.today()
        self.model = EntitlementsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table, INDEX_WIDTHS, stretch=IndexColumn.NAME)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.info_label = QLabel()
        self.info_label.setObjectName("summary")
        self.info_label.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.amount_spin = quantity_spin(MAX_QUANTITY)
        self.valid_edit = DateField()
        self.valid_edit.set_value(self._today)
        self.boxes = {
            "name": FieldBox(self.name_edit),
            "amount": FieldBox(self.amount_spin),
            "valid_from": FieldBox(self.valid_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("&Nama bantuan *"), self.boxes["name"])
        form.addRow(self.tr("Nilai &baru *"), self.boxes["amount"])
        form.addRow(self.tr("Berlaku &mulai *"), self.boxes["valid_from"])
        self._finish_layout(form, above=(self.table, self.info_label), cancel_text=self.tr("Tutup"))
        self.setMinimumWidth(820)
        self._connect_edits(
            {
                "name": self.name_edit.textEdited,
                "amount": self.amount_spin.valueChanged,
                "valid_from": self.valid_edit.dateChanged,
            }
        )
        self.reload()

    def selected(self) -> EntitlementView | None:
        return self.model.row_at(selected_row(self.table))

    def select_code(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row >= 0:
            select_row(self.table, row)
        return row >= 0

    def reload(self, keep: str | None = None) -> None:
        db, on = self._db, self._today
        keep = keep or (chosen.code if (chosen := self.selected()) else None)

        def work(_progress: Progress, _token: CancelToken) -> list[EntitlementView]:
            with db.read() as session:
                return ref.list_entitlements(session, on)

        def show(rows: list[EntitlementView]) -> None:
            self.model.set_rows(rows)
            if not (keep and self.select_code(keep)) and rows:
                select_row(self.table, 0)
            self.validate()

        self._tasks.run(work, label=self.tr("Memuat indeks…"), on_success=show, on_failure=self._tasks.report_failure)

    def _chosen(self) -> None:
        row = self.selected()
        if row is not None:
            self.name_edit.setText(row.name)
            self.amount_spin.setSuffix(f" {row.unit}" if row.kind == "barang" else "")
            self.amount_spin.setPrefix("Rp " if row.kind == "uang" else "")
            self.amount_spin.setValue(row.amount)
        self._touched.clear()
        self.validate()

    def _check(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.selected() is None:
            errors["name"] = self.tr("Pilih dulu indeks di tabel")
        elif not self.name_edit.text().strip():
            errors["name"] = self.tr("Nama bantuan: wajib diisi")
        if self.amount_spin.value() <= 0:
            errors["amount"] = self.tr("Nilai: harus lebih dari 0")
        if self.valid_edit.value() is None:
            errors["valid_from"] = self.tr("Berlaku mulai: wajib diisi")
        return errors

    def _save_work(self) -> Callable[[], str]:
        row = self.selected()
        assert row is not None
        db, valid_from = self._db, self.valid_edit.value()
        assert valid_from is not None
        data = EntitlementInput(
            row.code,
            self.name_edit.text(),
            row.kind,
            row.basis,
            self.amount_spin.value(),
            row.item_id,
            row.min_damage,
            row.only_displaced,
        )

        def save() -> str:
            with db.transaction() as session:
                return ref.set_entitlement(session, data, valid_from)

        return save

    def _saved(self, result: Any) -> None:
        row = self.selected()
        self.result_id = result if isinstance(result, str) else None
        if row is not None:
            valid_from = self.valid_edit.value()
            self.info_label.setText(
                self.tr("%s: %s berlaku mulai %s.")
                % (
                    self.name_edit.text().strip(),
                    value_text(row.kind, self.amount_spin.value(), row.unit),
                    day(valid_from),
                )
            )
            self.reload(row.code)


class EventEntitlementsDialog(QDialog):
    """*Hak bantuan kejadian*: the entitlements applied to one event; apply or remove one."""

    def __init__(self, db: Database, tasks: TaskRunner, event_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._event_id = event_id
        self.choices: dist.EntitlementChoices | None = None
        self.changed = False
        """Something was applied or removed (the caller reloads)."""
        self.setWindowTitle(self.tr("Hak bantuan kejadian"))
        self.title_label = QLabel()
        self.title_label.setObjectName("summary")
        self.title_label.setWordWrap(True)
        self.model = EventEntitlementsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table, APPLIED_WIDTHS, stretch=AppliedColumn.NAME)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync())
        applied_label = QLabel(self.tr("&Diterapkan pada kejadian ini"))
        applied_label.setBuddy(self.table)
        self.remove_button = QPushButton(self.tr("&Hapus dari kejadian"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.index_combo = QComboBox()
        self.index_combo.setMinimumContentsLength(28)
        self.index_combo.currentIndexChanged.connect(lambda _i: self._sync())
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 365)
        self.days_spin.setSuffix(self.tr(" hari"))
        self.apply_button = QPushButton(self.tr("&Terapkan"))
        self.apply_button.clicked.connect(self.apply_chosen)
        form = QFormLayout()
        form.addRow(self.tr("&Indeks"), self.index_combo)
        form.addRow(self.tr("&Lama (per hari)"), self.days_spin)
        apply_row = QHBoxLayout()
        apply_row.addLayout(form, 1)
        apply_row.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.message_label = _message_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(applied_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(apply_row)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(760)
        self.busy = False
        self._sync()
        self.reload()

    def _sync(self) -> None:
        is_open = self.choices is not None and self.choices.is_open
        free = not self.busy and is_open
        chosen = self.chosen_index()
        applied = self.model.row_at(selected_row(self.table))
        self.apply_button.setEnabled(free and chosen is not None)
        self.index_combo.setEnabled(free and self.index_combo.count() > 0)
        self.days_spin.setEnabled(free and chosen is not None and chosen.basis == "per_jiwa_per_hari")
        self.remove_button.setEnabled(free and applied is not None and applied.distributions == 0)

    def chosen_index(self) -> EntitlementView | None:
        code = self.index_combo.currentData()
        available = self.choices.available if self.choices else []
        return next((e for e in available if e.code == code), None)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _run(self, work: Callable[[], Any], label: str, then: Callable[[Any], None], *, write: bool) -> None:
        def task(_progress: Progress, _token: CancelToken) -> Any:
            return work()

        def done(result: Any) -> None:
            self.busy = False
            then(result)
            self._sync()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._sync()
            if isinstance(exc, SimoncerError):
                self.show_message(str(exc))
            else:
                self._tasks.report_failure(exc)

        self.busy = True
        self._sync()
        self._tasks.run(task, label=label, write=write, on_success=done, on_failure=failed)

    def reload(self) -> None:
        db, event_id = self._db, self._event_id

        def work() -> dist.EntitlementChoices:
            with db.read() as session:
                return dist.entitlement_choices(session, event_id)

        self._run(work, self.tr("Memuat hak bantuan…"), self._show, write=False)

    def _show(self, choices: dist.EntitlementChoices) -> None:
        self.choices = choices
        state = "" if choices.is_open else self.tr(" — kejadian sudah ditutup")
        self.title_label.setText(
            self.tr("%s, %s. Nilai diambil dari indeks yang berlaku pada tanggal kejadian.%s")
            % (choices.event_title, day(choices.event_day), state)
        )
        self.model.set_rows(choices.applied)
        fill_combo(
            self.index_combo,
            [(e.code, f"{e.name} — {value_text(e.kind, e.amount, e.unit)}") for e in choices.available],
        )

    def apply_chosen(self) -> None:
        chosen = self.chosen_index()
        if chosen is None or self.busy:
            return
        db, event_id, code, days = self._db, self._event_id, chosen.code, self.days_spin.value()

        def work() -> str:
            with db.transaction() as session:
                return dist.apply_entitlement(session, event_id, code, days)

        self.show_message("")
        self._run(work, self.tr("Menerapkan hak bantuan…"), self._after_change, write=True)

    def remove_selected(self) -> None:
        applied = self.model.row_at(selected_row(self.table))
        if applied is None or self.busy:
            return
        db, event_id, code = self._db, self._event_id, applied.code

        def work() -> None:
            with db.transaction() as session:
                dist.remove_entitlement(session, event_id, code)

        self.show_message("")
        self._run(work, self.tr("Menghapus hak bantuan…"), self._after_change, write=True)

    def _after_change(self, _result: object) -> None:
        self.changed = True
        self.reload()
