"""One member's form: checked live by ``Validator.member``; *Simpan* stays disabled until it is valid.

Where the result goes is the caller's choice: with ``save`` the dialog stores it (a write task; a
``ValidationError`` the service still raises is shown under its fields and the dialog stays open);
without ``save`` it only returns ``result_data`` (a new family keeps its members until it is saved).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.models.enums import Education, Relationship, Sex
from simoncer_desktop.services.caseload import MEMBER_FIELDS, MemberInput, Validator
from simoncer_desktop.store import Database
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.form import (
    DateField,
    FieldBox,
    FormDialog,
    align_labels,
    fill_combo,
    hbox,
    select_value,
    show_errors,
)

log = logging.getLogger(__name__)

SaveMember = Callable[[MemberInput], object]
ExtraCheck = Callable[[MemberInput], list[FieldError]]


class MemberDialog(FormDialog):
    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        data: MemberInput | None = None,
        *,
        household_id: str | None = None,
        member_id: str | None = None,
        save: SaveMember | None = None,
        extra_check: ExtraCheck | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._household_id = household_id
        self._member_id = member_id
        self._save = save
        self._extra_check = extra_check
        self.result_data: MemberInput | None = None
        is_new = data is None
        self.setWindowTitle(self.tr("Anggota baru") if is_new else self.tr("Ubah anggota — %s") % data.name)
        self._build()
        if data is not None:
            self._load(data)
        self._sync_enabled()
        self._touched: set[str] = set() if is_new else set(MEMBER_FIELDS)
        self._connect()
        self.validate()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(20)
        self.nik_edit.setPlaceholderText(self.tr("16 digit"))
        self.sex_combo = QComboBox()
        fill_combo(self.sex_combo, Sex.choices(), self.tr("— pilih —"))
        self.birth_edit = DateField()
        self.relation_combo = QComboBox()
        fill_combo(self.relation_combo, Relationship.choices(), self.tr("— pilih —"))
        self.recipient_check = QCheckBox(self.tr("Pengurus (penerima bantuan PKH keluarga ini)"))
        self.education_combo = QComboBox()
        fill_combo(self.education_combo, Education.choices())
        self.in_school_check = QCheckBox(self.tr("Masih sekolah"))
        self.pregnant_check = QCheckBox(self.tr("Hamil/nifas"))
        self.disability_check = QCheckBox(self.tr("Disabilitas berat"))
        self.deceased_check = QCheckBox(self.tr("Meninggal"))
        self.death_edit = DateField()
        self.death_edit.setEnabled(False)

        self.boxes: dict[str, FieldBox] = {
            "name": FieldBox(self.name_edit),
            "nik": FieldBox(self.nik_edit),
            "sex": FieldBox(self.sex_combo),
            "birth_date": FieldBox(self.birth_edit),
            "relation": FieldBox(self.relation_combo),
            "is_recipient": FieldBox(self.recipient_check),
            "education": FieldBox(self.education_combo),
            "in_school": FieldBox(self.in_school_check),
            "pregnant": FieldBox(self.pregnant_check),
            "severe_disability": FieldBox(self.disability_check),
            "deceased": FieldBox(self.deceased_check),
            "death_date": FieldBox(self.death_edit),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Nama *"), self.boxes["name"])
        form.addRow(self.tr("NIK *"), self.boxes["nik"])
        form.addRow(self.tr("Jenis kelamin *"), self.boxes["sex"])
        form.addRow(self.tr("Tanggal lahir *"), self.boxes["birth_date"])
        form.addRow(self.tr("Hubungan *"), self.boxes["relation"])
        form.addRow("", self.boxes["is_recipient"])
        form.addRow(self.tr("Pendidikan"), hbox(self.boxes["education"], self.boxes["in_school"]))
        form.addRow(self.tr("Kondisi"), hbox(self.boxes["pregnant"], self.boxes["severe_disability"]))
        form.addRow(self.tr("Meninggal"), hbox(self.boxes["deceased"], self.boxes["death_date"]))
        align_labels(form)

        self._build_buttons(self.tr("Batal"))
        self.save_button.setDefault(True)
        self.hint = QLabel(self.tr("Kolom bertanda * wajib diisi."))
        self.hint.setObjectName("hint")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _load(self, data: MemberInput) -> None:
        self.name_edit.setText(data.name)
        self.nik_edit.setText(data.nik)
        select_value(self.sex_combo, data.sex)
        self.birth_edit.set_value(data.birth_date)
        select_value(self.relation_combo, data.relation)
        self.recipient_check.setChecked(data.is_recipient)
        select_value(self.education_combo, data.education)
        self.in_school_check.setChecked(data.in_school)
        self.pregnant_check.setChecked(data.pregnant)
        self.disability_check.setChecked(data.severe_disability)
        self.deceased_check.setChecked(data.deceased)
        self.death_edit.set_value(data.death_date)

    def _connect(self) -> None:
        signals = {
            "name": self.name_edit.textEdited,
            "nik": self.nik_edit.textEdited,
            "sex": self.sex_combo.currentIndexChanged,
            "birth_date": self.birth_edit.dateChanged,
            "relation": self.relation_combo.currentIndexChanged,
            "is_recipient": self.recipient_check.toggled,
            "education": self.education_combo.currentIndexChanged,
            "in_school": self.in_school_check.toggled,
            "pregnant": self.pregnant_check.toggled,
            "severe_disability": self.disability_check.toggled,
            "deceased": self.deceased_check.toggled,
            "death_date": self.death_edit.dateChanged,
        }
        self._connect_edits(signals)

    # --- values and validation ---------------------------------------------------------------

    def data(self) -> MemberInput:
        return MemberInput(
            nik=self.nik_edit.text().strip(),
            name=self.name_edit.text(),
            birth_date=self.birth_edit.value(),
            sex=self.sex_combo.currentData() or "",
            relation=self.relation_combo.currentData() or "",
            is_recipient=self.recipient_check.isChecked(),
            education=self.education_combo.currentData() or Education.NONE.value,
            in_school=self.in_school_check.isChecked(),
            pregnant=self.pregnant_check.isChecked(),
            severe_disability=self.disability_check.isChecked(),
            deceased=self.deceased_check.isChecked(),
            death_date=self.death_edit.value() if self.deceased_check.isChecked() else None,
        )

    def _sync_enabled(self) -> None:
        """Hamil/nifas only for women, *masih sekolah* only with a level, a death date only if deceased."""
        female = self.sex_combo.currentData() == Sex.FEMALE.value
        if not female and self.pregnant_check.isChecked():
            self.pregnant_check.setChecked(False)
        self.pregnant_check.setEnabled(female)
        schooled = self.education_combo.currentData() not in (None, Education.NONE.value)
        if not schooled and self.in_school_check.isChecked():
            self.in_school_check.setChecked(False)
        self.in_school_check.setEnabled(schooled)
        self.death_edit.setEnabled(self.deceased_check.isChecked())

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        if field == "birth_date" and self.nik_edit.text().strip():
            self._touched.add("nik")  # the NIK carries the birth date: show a disagreement at once
        if field == "deceased" and self.deceased_check.isChecked() and self.death_edit.value() is None:
            self.death_edit.set_value(date.today())  # a suggestion the user can correct
        self._sync_enabled()
        self.validate()

    def validate(self) -> bool:
        data = self.data()
        with self._db.read() as session:
            found = Validator(session).member(data, self._household_id, self._member_id)
        if self._extra_check is not None:
            found += self._extra_check(data)
        self.errors = ValidationError(found).by_field() if found else {}
        show_errors(self.boxes, self.errors, self._touched)
        self.save_button.setEnabled(not self.errors and not self._saving)
        return not self.errors

    # --- saving ------------------------------------------------------------------------------

    def _on_save(self) -> None:
        self._touched = set(MEMBER_FIELDS)
        if self._saving or not self.validate():
            return
        data = self.data()
        if self._save is None:
            self.result_data = data
            self.accept()
            return
        save = self._save
        self._save_in_background(lambda: save(data), self.tr("Menyimpan anggota…"), lambda _result: self._saved(data))

    def _saved(self, data: MemberInput) -> None:
        self.result_data = data
        self.accept()

    def _show_refusal(self, exc: ValidationError) -> None:
        by_field = exc.by_field()
        show_errors(self.boxes, by_field)
        self._show_general([msg for name, msg in by_field.items() if name not in self.boxes])
