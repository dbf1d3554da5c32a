"""*Usulkan graduasi*: a graduasi sejahtera mandiri proposal for a family chosen by No. KK, supported by the
family's latest assessment, with the reason, the proposer and the date.

The family is looked up as the No. KK is typed (``services.decision_lists.family_by_no_kk``) and shown
under the field with its latest assessment. *Simpan* stays disabled until a family with an assessment is
found and the reason, proposer and date are filled in; ``propose_graduation`` runs as a background write
task and its refusals appear under the field they name. Esc cancels.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.services.decision_lists import FamilyChoice, family_by_no_kk
from simoncer_desktop.services.programme_decision import propose_graduation
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.decision_models import dmy, score_text
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.form import DateField, FieldBox, FormDialog, align_labels, show_errors

log = logging.getLogger(__name__)

FIELD_BOX = {"household_id": "no_kk", "assessment_id": "no_kk"}
"""Service fields shown under another field of the form."""


class ProposalDialog(FormDialog):
    saved = Signal(str)
    """The new proposal's id."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        proposer: str = "",
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._today = today or date.today()
        self.family: FamilyChoice | None = None
        self._lookup_error = ""
        self._touched: set[str] = set()
        self.setWindowTitle(self.tr("Usulan graduasi sejahtera mandiri"))
        self._build(proposer)
        self.validate()

    def _build(self, proposer: str) -> None:
        self.no_kk_edit = QLineEdit()
        self.no_kk_edit.setMaxLength(16)
        self.no_kk_edit.setPlaceholderText(self.tr("16 digit"))
        self.family_label = QLabel()
        self.family_label.setObjectName("hint")
        self.family_label.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("Mengapa keluarga ini sudah sejahtera mandiri"))
        self.reason_edit.setMaximumHeight(90)
        self.proposer_edit = QLineEdit(proposer)
        self.proposer_edit.setMaxLength(120)
        self.date_edit = DateField()
        self.date_edit.set_value(self._today)
        self.boxes: dict[str, FieldBox] = {
            "no_kk": FieldBox(self.no_kk_edit),
            "reason": FieldBox(self.reason_edit),
            "proposed_by": FieldBox(self.proposer_edit),
            "proposed_on": FieldBox(self.date_edit),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("No. KK *"), self.boxes["no_kk"])
        form.addRow(self.tr("Keluarga"), self.family_label)
        form.addRow(self.tr("Alasan *"), self.boxes["reason"])
        form.addRow(self.tr("Diusulkan oleh *"), self.boxes["proposed_by"])
        form.addRow(self.tr("Tanggal usulan *"), self.boxes["proposed_on"])
        align_labels(form)

        self._lay_out_form(form)
        self.resize(560, 380)

        self.no_kk_edit.textChanged.connect(self._no_kk_changed)
        self._connect_edits(
            {
                "reason": self.reason_edit.textChanged,
                "proposed_by": self.proposer_edit.textEdited,
                "proposed_on": self.date_edit.dateChanged,
            }
        )

    # --- the family ----------------------------------------------------------------------------

    def _no_kk_changed(self, text: str) -> None:
        text = text.strip()
        self.family = None
        self._lookup_error = ""
        if len(text) == 16 and text.isdigit():
            try:
                with self._db.read() as session:
                    self.family = family_by_no_kk(session, text)
            except NotFoundError as exc:
                self._lookup_error = str(exc)
        self._show_family()
        self._edited("no_kk")

    def _show_family(self) -> None:
        f = self.family
        if f is None:
            self.family_label.setText("")
            return
        if f.latest_assessment_id is None:
            assessment = self.tr("belum pernah diasesmen")
        else:
            assessment = self.tr("asesmen terakhir %s: %s (skor %s)") % (
                dmy(f.latest_assessed_on),
                f.latest_class_label,
                score_text(f.latest_score),
            )
        self.family_label.setText(self.tr("%s — status %s; %s") % (f.recipient_name or "-", f.status_label, assessment))

    # --- validation and saving -------------------------------------------------------------------

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        self.validate()

    def validate(self) -> bool:
        errors: dict[str, str] = {}
        text = self.no_kk_edit.text().strip()
        if not text:
            errors["no_kk"] = self.tr("No. KK: wajib diisi")
        elif self._lookup_error:
            errors["no_kk"] = self._lookup_error
        elif self.family is None:
            errors["no_kk"] = self.tr("No. KK: harus 16 digit")
        elif self.family.latest_assessment_id is None:
            errors["no_kk"] = self.tr("Asesmen pendukung: keluarga ini belum pernah diasesmen (isi Asesmen dulu)")
        if not self.reason_edit.toPlainText().strip():
            errors["reason"] = self.tr("Alasan: wajib diisi")
        if not self.proposer_edit.text().strip():
            errors["proposed_by"] = self.tr("Diusulkan oleh: wajib diisi")
        on = self.date_edit.value()
        if on is None:
            errors["proposed_on"] = self.tr("Tanggal usulan: wajib diisi")
        self.errors = errors
        show_errors(self.boxes, errors, self._touched)
        valid = not errors
        self.save_button.setEnabled(valid and not self._saving)
        self.hint.setText("" if valid else self.tr("Lengkapi kolom bertanda * dan perbaiki isian yang ditandai ⚠."))
        return valid

    def _on_save(self) -> None:
        self._touched = set(self.boxes)
        if self._saving or not self.validate() or self.family is None:
            return
        db = self._db
        household_id, assessment_id = self.family.household_id, self.family.latest_assessment_id
        reason, who, on = self.reason_edit.toPlainText(), self.proposer_edit.text(), self.date_edit.value()

        def save() -> str:
            with db.transaction() as session:
                return propose_graduation(session, household_id, assessment_id, reason, who, on)

        self._save_in_background(save, self.tr("Menyimpan usulan…"), self._saved)

    def _saved(self, decision_id: str) -> None:
        log.info("Proposed graduation %s", decision_id)
        self.saved.emit(decision_id)
        self.accept()

    def _show_refusal(self, exc: ValidationError) -> None:
        field_errors: dict[str, str] = {}
        general: list[str] = []
        for err in exc.errors:
            field = FIELD_BOX.get(err.field or "", err.field or "")
            if field in self.boxes:
                field_errors.setdefault(field, err.message)
            else:
                general.append(err.message)
        show_errors(self.boxes, field_errors)
        self._show_general(general)
