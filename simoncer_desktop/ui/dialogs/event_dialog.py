"""*Kejadian baru* / *Ubah kejadian*: kind, title, date and time, kecamatan, the kelurahan (and RT/RW)
hit, and a description. Checked as the user types (messages under the fields, *Simpan* off until the
form is complete); the service's refusal is shown under the field it names. Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDateTime, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.models.enums import DisasterKind
from simoncer_desktop.services import relief_events as ev
from simoncer_desktop.services.caseload_query import Option
from simoncer_desktop.store import Database
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.boxed_form import BoxedForm
from simoncer_desktop.ui.widgets.form import FieldBox, align_labels, fill_combo, select_value


@dataclass(frozen=True)
class EventOptions:
    """What the form offers: the kecamatan of the deployment and the kelurahan of each."""

    kecamatan: list[Option]
    kelurahan: dict[str, list[Option]]


def _digits_validator(parent: QWidget) -> QRegularExpressionValidator:
    return QRegularExpressionValidator(QRegularExpression(r"\d{0,3}"), parent)


class AreaRow(QWidget):
    """One area: a kelurahan and optional RT and RW, with a button that removes it."""

    def __init__(self, options: list[Option], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kelurahan_combo = QComboBox()
        self.kelurahan_combo.setMinimumContentsLength(20)
        self.set_options(options)
        self.rt_edit = QLineEdit()
        self.rw_edit = QLineEdit()
        for edit, placeholder in ((self.rt_edit, self.tr("RT")), (self.rw_edit, self.tr("RW"))):
            edit.setPlaceholderText(placeholder)
            edit.setValidator(_digits_validator(edit))
            edit.setMaximumWidth(60)
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.remove_button.setToolTip(self.tr("Hapus wilayah ini"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kelurahan_combo, 1)
        layout.addWidget(self.rt_edit)
        layout.addWidget(self.rw_edit)
        layout.addWidget(self.remove_button)

    def set_options(self, options: list[Option]) -> None:
        fill_combo(self.kelurahan_combo, [(o.value, o.label) for o in options], self.tr("— pilih kelurahan —"))

    def value(self) -> ev.AreaInput:
        return ev.AreaInput(self.kelurahan_combo.currentData() or "", self.rt_edit.text(), self.rw_edit.text())


class EventDialog(BoxedForm):
    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        options: EventOptions,
        actor: str,
        event: ev.EventDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, tasks, parent)
        self._options = options
        self._actor = actor
        self._event_id = event.row.id if event else None
        self.setWindowTitle(self.tr("Ubah kejadian") if event else self.tr("Kejadian baru"))

        self.kind_combo = QComboBox()
        fill_combo(self.kind_combo, DisasterKind.choices(), self.tr("— pilih —"))
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.setPlaceholderText(self.tr("mis. Banjir Sungai Cisadane"))
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.when_edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.when_edit.setCalendarPopup(True)
        self.kecamatan_combo = QComboBox()
        fill_combo(self.kecamatan_combo, [(o.value, o.label) for o in options.kecamatan], self.tr("— pilih —"))
        self.area_rows: list[AreaRow] = []
        self.areas_box = QWidget()
        self.areas_layout = QVBoxLayout(self.areas_box)
        self.areas_layout.setContentsMargins(0, 0, 0, 0)
        self.add_area_button = QPushButton(self.tr("&Tambah wilayah"))
        self.add_area_button.clicked.connect(lambda: self.add_area(focus=True))
        areas = QWidget()
        areas_outer = QVBoxLayout(areas)
        areas_outer.setContentsMargins(0, 0, 0, 0)
        areas_outer.addWidget(self.areas_box)
        areas_outer.addWidget(self.add_area_button)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(70)
        self.boxes = {
            "kind": FieldBox(self.kind_combo),
            "title": FieldBox(self.title_edit),
            "occurred_at": FieldBox(self.when_edit),
            "kecamatan_code": FieldBox(self.kecamatan_combo),
            "areas": FieldBox(areas),
            "description": FieldBox(self.description_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("&Jenis bencana *"), self.boxes["kind"])
        form.addRow(self.tr("J&udul *"), self.boxes["title"])
        form.addRow(self.tr("Tanggal && &jam *"), self.boxes["occurred_at"])
        form.addRow(self.tr("&Kecamatan *"), self.boxes["kecamatan_code"])
        form.addRow(self.tr("Wilayah terdampak *\n(kelurahan, RT, RW)"), self.boxes["areas"])
        form.addRow(self.tr("K&eterangan"), self.boxes["description"])
        align_labels(form)
        self._lay_out_form(form)
        self.hint.setText(self.tr("Kolom bertanda * wajib diisi."))
        self.save_button.setDefault(True)
        self.setMinimumWidth(620)

        if event is not None:
            self._fill(event)
        elif len(options.kecamatan) == 1:
            self.kecamatan_combo.setCurrentIndex(1)
        if not self.area_rows:
            self.add_area()
        self._connect_edits(
            {
                "kind": self.kind_combo.currentIndexChanged,
                "title": self.title_edit.textEdited,
                "occurred_at": self.when_edit.dateTimeChanged,
                "description": self.description_edit.textChanged,
            }
        )
        self.kecamatan_combo.currentIndexChanged.connect(self._kecamatan_changed)
        self.validate()

    # --- areas ----------------------------------------------------------------------------------

    def _kelurahan_options(self) -> list[Option]:
        return self._options.kelurahan.get(self.kecamatan_combo.currentData() or "", [])

    def add_area(self, area: ev.AreaInput | None = None, focus: bool = False) -> AreaRow:
        row = AreaRow(self._kelurahan_options(), self.areas_box)
        if area is not None:
            select_value(row.kelurahan_combo, area.kelurahan_code)
            row.rt_edit.setText(area.rt)
            row.rw_edit.setText(area.rw)
        row.remove_button.clicked.connect(lambda: self.remove_area(row))
        row.kelurahan_combo.currentIndexChanged.connect(lambda _i: self._edited("areas"))
        row.rt_edit.textEdited.connect(lambda _t: self._edited("areas"))
        row.rw_edit.textEdited.connect(lambda _t: self._edited("areas"))
        self.areas_layout.addWidget(row)
        self.area_rows.append(row)
        self._sync_area_buttons()
        if focus:
            row.kelurahan_combo.setFocus()
            self._edited("areas")
        return row

    def remove_area(self, row: AreaRow) -> None:
        if len(self.area_rows) <= 1:
            return
        self.area_rows.remove(row)
        row.deleteLater()
        self._sync_area_buttons()
        self._edited("areas")

    def _sync_area_buttons(self) -> None:
        for row in self.area_rows:
            row.remove_button.setEnabled(len(self.area_rows) > 1)

    def _kecamatan_changed(self) -> None:
        options = self._kelurahan_options()
        for row in self.area_rows:
            row.set_options(options)
        self._edited("kecamatan_code")

    # --- data and checks ------------------------------------------------------------------------

    def _fill(self, event: ev.EventDetail) -> None:
        select_value(self.kind_combo, event.row.kind)
        self.title_edit.setText(event.row.title)
        self.when_edit.setDateTime(QDateTime(event.row.occurred_at))
        select_value(self.kecamatan_combo, event.row.kecamatan_code)
        self.description_edit.setPlainText(event.description)
        for area in event.areas:
            self.add_area(area)

    def data(self) -> ev.EventInput:
        occurred: datetime = self.when_edit.dateTime().toPython().replace(second=0, microsecond=0)
        return ev.EventInput(
            kind=self.kind_combo.currentData() or "",
            title=self.title_edit.text(),
            occurred_at=occurred,
            kecamatan_code=self.kecamatan_combo.currentData() or "",
            areas=[row.value() for row in self.area_rows],
            description=self.description_edit.toPlainText(),
        )

    def _check(self) -> dict[str, str]:
        data = self.data()
        errors: dict[str, str] = {}
        if not data.kind:
            errors["kind"] = self.tr("Jenis bencana: wajib dipilih")
        if not data.title.strip():
            errors["title"] = self.tr("Judul: wajib diisi")
        if not data.kecamatan_code:
            errors["kecamatan_code"] = self.tr("Kecamatan: wajib dipilih")
        missing = [str(i) for i, a in enumerate(data.areas, start=1) if not a.kelurahan_code]
        if missing:
            errors["areas"] = self.tr("Wilayah %s: kelurahan wajib dipilih") % ", ".join(missing)
        return errors

    def _save_work(self) -> Callable[[], str]:
        db, data, actor, event_id = self._db, self.data(), self._actor, self._event_id

        def save() -> str:
            with db.transaction() as session:
                if event_id is None:
                    return ev.create_event(session, data, actor)
                ev.update_event(session, event_id, data)
                return event_id

        return save
