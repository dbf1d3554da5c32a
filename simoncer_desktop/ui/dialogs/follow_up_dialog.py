"""*Catat kunjungan*: the result of a follow-up visit to a family that graduated sejahtera mandiri — the
date visited, whether the family is still independent (ya/tidak) and notes, which are required when it
is not. The form is checked as it is filled in; ``record_follow_up`` runs as a background write task and
its refusals appear under the field they name. Esc cancels.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.services.programme_decision import FollowUpView, record_follow_up
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.decision_models import dmy
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.form import (
    DateField,
    FieldBox,
    FormDialog,
    align_labels,
    fill_combo,
    select_value,
    show_errors,
)

log = logging.getLogger(__name__)


class FollowUpDialog(FormDialog):
    saved = Signal(str)
    """The visit's id."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        visit: FollowUpView,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self.visit = visit
        self._touched: set[str] = set()
        self.setWindowTitle(self.tr("Catat kunjungan lanjutan"))
        self._build(today or date.today())
        self.validate()

    def _build(self, today: date) -> None:
        v = self.visit
        due = QLabel(dmy(v.due_on))
        self.visited_edit = DateField()
        self.visited_edit.set_value(v.visited_on or today)
        self.independent_combo = QComboBox()
        fill_combo(self.independent_combo, [(True, self.tr("Ya")), (False, self.tr("Tidak"))], self.tr("— pilih —"))
        select_value(self.independent_combo, v.still_independent)
        self.notes_edit = QPlainTextEdit(v.notes)
        self.notes_edit.setPlaceholderText(self.tr("Wajib bila keluarga tidak lagi mandiri"))
        self.notes_edit.setMaximumHeight(90)
        self.boxes: dict[str, FieldBox] = {
            "visited_on": FieldBox(self.visited_edit),
            "still_independent": FieldBox(self.independent_combo),
            "notes": FieldBox(self.notes_edit),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Jatuh tempo"), due)
        form.addRow(self.tr("Tanggal kunjungan *"), self.boxes["visited_on"])
        form.addRow(self.tr("Masih mandiri *"), self.boxes["still_independent"])
        form.addRow(self.tr("Catatan"), self.boxes["notes"])
        align_labels(form)

        self._lay_out_form(form)
        self.resize(480, 300)
        self._connect_edits(
            {
                "visited_on": self.visited_edit.dateChanged,
                "still_independent": self.independent_combo.currentIndexChanged,
                "notes": self.notes_edit.textChanged,
            }
        )

    def still_independent(self) -> bool | None:
        return self.independent_combo.currentData()

    # --- validation and saving -------------------------------------------------------------------

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        if field == "still_independent":
            self._touched.add("notes")
        self.validate()

    def validate(self) -> bool:
        errors: dict[str, str] = {}
        if self.visited_edit.value() is None:
            errors["visited_on"] = self.tr("Tanggal kunjungan: wajib diisi")
        independent = self.still_independent()
        if independent is None:
            errors["still_independent"] = self.tr("Masih mandiri: wajib dipilih (ya/tidak)")
        elif not independent and not self.notes_edit.toPlainText().strip():
            errors["notes"] = self.tr("Catatan: wajib diisi bila keluarga tidak lagi mandiri")
        self.errors = errors
        show_errors(self.boxes, errors, self._touched)
        valid = not errors
        self.save_button.setEnabled(valid and not self._saving)
        self.hint.setText("" if valid else self.tr("Lengkapi kolom bertanda * dan perbaiki isian yang ditandai ⚠."))
        return valid

    def _on_save(self) -> None:
        self._touched = set(self.boxes)
        if self._saving or not self.validate():
            return
        db, visit_id = self._db, self.visit.id
        on, independent, notes = self.visited_edit.value(), self.still_independent(), self.notes_edit.toPlainText()

        def save() -> str:
            with db.transaction() as session:
                record_follow_up(session, visit_id, on, independent, notes)
            return visit_id

        self._save_in_background(save, self.tr("Menyimpan kunjungan…"), self._saved)

    def _saved(self, visit_id: str) -> None:
        log.info("Recorded follow-up visit %s", visit_id)
        self.saved.emit(visit_id)
        self.accept()

    def _show_refusal(self, exc: ValidationError) -> None:
        field_errors: dict[str, str] = {}
        general: list[str] = []
        for err in exc.errors:
            if err.field in self.boxes:
                field_errors.setdefault(err.field, err.message)
            else:
                general.append(err.message)
        show_errors(self.boxes, field_errors)
        self._show_general(general)
