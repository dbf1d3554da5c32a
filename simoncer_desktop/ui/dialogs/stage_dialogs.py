"""Forms over one enrollment of the *Kohort dan tahapan* tab: *Rincian tahap* (``update_stage``),
*Koreksi tahap* (``correct_stage``) and *Keluarkan dari kohort* (``withdraw``). Each saves in a background
write task; a service refusal is shown under the field it names and the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services.programme import Stage, StageInput
from simoncer_desktop.services.programme_overview import EnrollmentView, StageView
from simoncer_desktop.services.programme_withdraw import withdraw
from simoncer_desktop.store import Database
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.boxed_form import BoxedForm
from simoncer_desktop.ui.widgets.form import DateField, FieldBox, fill_combo

GRANT_MAX = 2_000_000_000


def _stage_items() -> list[tuple[object, str]]:
    return [(s.value, f"{s.value}. {s.label}") for s in Stage]


class StageDetailsDialog(BoxedForm):
    """*Rincian tahap*: the dates, partner, skill, outcome and (stage 5 only) the grant of one stage."""

    def __init__(
        self, db: Database, tasks: TaskRunner, enrollment: EnrollmentView, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, tasks, parent)
        self._enrollment = enrollment
        self.setWindowTitle(self.tr("Rincian tahap — %s") % enrollment.participant_name)
        self.stage_combo = QComboBox()
        fill_combo(self.stage_combo, _stage_items())
        self.planned_start_edit = DateField()
        self.planned_end_edit = DateField()
        self.actual_start_edit = DateField()
        self.actual_end_edit = DateField()
        self.partner_edit = QLineEdit()
        self.partner_edit.setMaxLength(200)
        self.skill_edit = QLineEdit()
        self.skill_edit.setMaxLength(200)
        self.outcome_edit = QPlainTextEdit()
        self.outcome_edit.setTabChangesFocus(True)
        self.outcome_edit.setFixedHeight(70)
        self.grant_kind_edit = QLineEdit()
        self.grant_kind_edit.setMaxLength(60)
        self.grant_kind_edit.setPlaceholderText(self.tr("mis. modal, peralatan"))
        self.grant_amount_spin = QSpinBox()
        self.grant_amount_spin.setRange(-1, GRANT_MAX)
        self.grant_amount_spin.setSpecialValueText(self.tr("— kosong —"))
        self.grant_amount_spin.setSingleStep(100_000)
        self.grant_amount_spin.setGroupSeparatorShown(True)
        self.grant_amount_spin.setPrefix("Rp ")
        self.business_check = QCheckBox(self.tr("Usaha sudah berjalan"))
        self.boxes = {
            "stage": FieldBox(self.stage_combo),
            "planned_start": FieldBox(self.planned_start_edit),
            "planned_end": FieldBox(self.planned_end_edit),
            "actual_start": FieldBox(self.actual_start_edit),
            "actual_end": FieldBox(self.actual_end_edit),
            "partner": FieldBox(self.partner_edit),
            "skill": FieldBox(self.skill_edit),
            "outcome": FieldBox(self.outcome_edit),
            "grant_kind": FieldBox(self.grant_kind_edit),
            "grant_amount": FieldBox(self.grant_amount_spin),
            "business_started": FieldBox(self.business_check),
        }
        form = QFormLayout()
        form.addRow(self.tr("T&ahapan *"), self.boxes["stage"])
        form.addRow(self.tr("Rencana m&ulai"), self.boxes["planned_start"])
        form.addRow(self.tr("Rencana s&elesai"), self.boxes["planned_end"])
        form.addRow(self.tr("Realisasi &mulai"), self.boxes["actual_start"])
        form.addRow(self.tr("Realisasi se&lesai"), self.boxes["actual_end"])
        form.addRow(self.tr("Mi&tra"), self.boxes["partner"])
        form.addRow(self.tr("&Keterampilan"), self.boxes["skill"])
        form.addRow(self.tr("&Hasil"), self.boxes["outcome"])
        form.addRow(self.tr("&Jenis bantuan usaha"), self.boxes["grant_kind"])
        form.addRow(self.tr("&Nilai bantuan usaha"), self.boxes["grant_amount"])
        form.addRow(self.tr("Usaha &berjalan"), self.boxes["business_started"])
        self._finish_layout(form)
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(enrollment.stage.value))
        self._load_stage()
        self.stage_combo.currentIndexChanged.connect(lambda _i: self._load_stage())
        self._connect_edits(
            {
                "planned_start": self.planned_start_edit.dateChanged,
                "planned_end": self.planned_end_edit.dateChanged,
                "actual_start": self.actual_start_edit.dateChanged,
                "actual_end": self.actual_end_edit.dateChanged,
                "partner": self.partner_edit.textEdited,
                "skill": self.skill_edit.textEdited,
                "outcome": self.outcome_edit.textChanged,
                "grant_kind": self.grant_kind_edit.textEdited,
                "grant_amount": self.grant_amount_spin.valueChanged,
                "business_started": self.business_check.toggled,
            }
        )
        self.validate()

    @property
    def stage(self) -> Stage:
        return Stage(int(self.stage_combo.currentData()))

    def _view(self) -> StageView:
        return next(v for v in self._enrollment.stages if v.stage == self.stage)

    def _load_stage(self) -> None:
        view = self._view()
        self.planned_start_edit.set_value(view.planned_start)
        self.planned_end_edit.set_value(view.planned_end)
        self.actual_start_edit.set_value(view.actual_start)
        self.actual_end_edit.set_value(view.actual_end)
        self.partner_edit.setText(view.partner)
        self.skill_edit.setText(view.skill)
        self.outcome_edit.setPlainText(view.outcome)
        grant = self.stage == Stage.APPLICATION
        self.grant_kind_edit.setText(view.grant_kind if grant else "")
        self.grant_amount_spin.setValue(view.grant_amount if grant and view.grant_amount is not None else -1)
        self.business_check.setChecked(bool(view.business_started) if grant else False)
        for widget in (self.grant_kind_edit, self.grant_amount_spin, self.business_check):
            widget.setEnabled(grant)
        self._touched = set()
        self.validate()

    def data(self) -> StageInput:
        grant = self.stage == Stage.APPLICATION
        amount = self.grant_amount_spin.value()
        return StageInput(
            planned_start=self.planned_start_edit.value(),
            planned_end=self.planned_end_edit.value(),
            actual_start=self.actual_start_edit.value(),
            actual_end=self.actual_end_edit.value(),
            partner=self.partner_edit.text(),
            skill=self.skill_edit.text(),
            grant_kind=self.grant_kind_edit.text() if grant else "",
            grant_amount=amount if grant and amount >= 0 else None,
            business_started=self.business_check.isChecked() if grant else None,
            outcome=self.outcome_edit.toPlainText(),
        )

    def _field_of(self, name: str) -> str:
        return {"enrollment_id": ""}.get(name, name)

    def _save_work(self) -> Callable[[], None]:
        db, enrollment_id, stage, data = self._db, self._enrollment.id, self.stage.value, self.data()

        def save() -> None:
            with db.transaction() as session:
                prog.update_stage(session, enrollment_id, stage, data)

        return save


class CorrectStageDialog(BoxedForm):
    """*Koreksi tahap*: the stage to set, the reason (required) and the day; recorded as a correction."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        enrollment_id: str,
        current: str,
        stage: Stage,
        corrected_by: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, tasks, parent)
        self._enrollment_id = enrollment_id
        self._by = corrected_by
        self.setWindowTitle(self.tr("Koreksi tahap"))
        self.current_label = QLabel(current)
        self.stage_combo = QComboBox()
        fill_combo(self.stage_combo, _stage_items())
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(stage.value))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(70)
        self.date_edit = DateField()
        self.date_edit.set_value(today)
        note = QLabel(
            self.tr(
                "Koreksi dicatat (tahap asal, tahap tujuan, alasan, oleh %s, tanggal). Mundur ke tahap k"
                " menghapus tanda lulus tahap k–6; maju menandai tahap yang dilewati lulus oleh koreksi ini."
            )
            % corrected_by
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.note_label = note
        self.boxes = {
            "to_stage": FieldBox(self.stage_combo),
            "reason": FieldBox(self.reason_edit),
            "corrected_on": FieldBox(self.date_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("Tahap sekarang"), self.current_label)
        form.addRow(self.tr("T&ahap tujuan *"), self.boxes["to_stage"])
        form.addRow(self.tr("A&lasan koreksi *"), self.boxes["reason"])
        form.addRow(self.tr("&Tanggal koreksi *"), self.boxes["corrected_on"])
        self._finish_layout(form, note)
        self._connect_edits(
            {
                "to_stage": self.stage_combo.currentIndexChanged,
                "reason": self.reason_edit.textChanged,
                "corrected_on": self.date_edit.dateChanged,
            }
        )
        self.validate()

    def _check(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.reason_edit.toPlainText().strip():
            errors["reason"] = self.tr("Alasan koreksi: wajib diisi")
        if self.date_edit.value() is None:
            errors["corrected_on"] = self.tr("Tanggal koreksi: wajib diisi")
        return errors

    def _field_of(self, name: str) -> str:
        return {"enrollment_id": "", "corrected_by": ""}.get(name, name)

    def _save_work(self) -> Callable[[], str]:
        db, enrollment_id, by = self._db, self._enrollment_id, self._by
        to_stage, reason, on = (
            int(self.stage_combo.currentData()),
            self.reason_edit.toPlainText(),
            self.date_edit.value(),
        )

        def save() -> str:
            with db.transaction() as session:
                return progress.correct_stage(session, enrollment_id, to_stage, reason, by, on)

        return save


class WithdrawDialog(BoxedForm):
    """*Keluarkan dari kohort*: the day and the reason."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        enrollment_id: str,
        who: str,
        by: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, tasks, parent)
        self._enrollment_id = enrollment_id
        self._by = by
        self.setWindowTitle(self.tr("Keluarkan dari kohort"))
        self.who_label = QLabel(who)
        self.date_edit = DateField()
        self.date_edit.set_value(today)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(70)
        self.boxes = {
            "withdrawn_on": FieldBox(self.date_edit),
            "reason": FieldBox(self.reason_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("Peserta"), self.who_label)
        form.addRow(self.tr("&Tanggal keluar *"), self.boxes["withdrawn_on"])
        form.addRow(self.tr("A&lasan keluar *"), self.boxes["reason"])
        self._finish_layout(form)
        self._connect_edits({"withdrawn_on": self.date_edit.dateChanged, "reason": self.reason_edit.textChanged})
        self.validate()

    def _check(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.date_edit.value() is None:
            errors["withdrawn_on"] = self.tr("Tanggal keluar: wajib diisi")
        if not self.reason_edit.toPlainText().strip():
            errors["reason"] = self.tr("Alasan keluar: wajib diisi")
        return errors

    def _field_of(self, name: str) -> str:
        return {"enrollment_id": "", "withdrawn_by": ""}.get(name, name)

    def _save_work(self) -> Callable[[], None]:
        db, enrollment_id, by = self._db, self._enrollment_id, self._by
        on, reason = self.date_edit.value(), self.reason_edit.toPlainText()

        def save() -> None:
            with db.transaction() as session:
                withdraw(session, enrollment_id, on, reason, by)

        return save
