"""*Asesmen* of one family: its assessment history (date, questionnaire version, score, class and the change
versus the one before — naik/turun/tetap) and a form for a new assessment built from the questionnaire in
force today (one choice per question, grouped by section; the date and the assessor).

*Simpan* stays disabled until every question is answered and the date and assessor are filled in; the
assessment is stored by a background write task (``services.assessment.record_assessment``) with the
version shown, and a refusal of the service appears under the field it names. After a save the history
shows the new row and the form is emptied for the next one; *Tutup* (or Esc) closes without saving.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.services.assessment import (
    AssessmentView,
    QuestionnaireView,
    answer_errors,
    assessment_history,
    current_questionnaire,
    record_assessment,
)
from simoncer_desktop.services.caseload import get_household
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.decision_models import HistoryColumn, history_model
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.form import DateField, FieldBox, FormDialog, align_labels, fill_combo, show_errors
from simoncer_desktop.ui.widgets.table import configure_table

log = logging.getLogger(__name__)

HISTORY_WIDTHS: dict[int, int | tuple[str, int]] = {
    HistoryColumn.DATE: 11,
    HistoryColumn.VERSION: 6,
    HistoryColumn.SCORE: 7,
    HistoryColumn.CLASS: 13,
    HistoryColumn.CHANGE: 10,
    HistoryColumn.ASSESSOR: 20,
}


class AssessmentDialog(FormDialog):
    saved = Signal(str)
    """The new assessment's id, after *Simpan* stored it."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        household_id: str,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._today = today or date.today()
        self.household_id = household_id
        self.questionnaire: QuestionnaireView | None = None
        self.history: list[AssessmentView] = []
        self.combos: dict[str, QComboBox] = {}
        self._missing = ""
        with db.read() as session:
            detail = get_household(session, household_id)
            try:
                self.questionnaire = current_questionnaire(session, self._today)
            except NotFoundError as exc:
                self._missing = str(exc)
            self.history = assessment_history(session, household_id)
        recipient = detail.recipient
        title = self.tr("Asesmen keluarga %s — No. KK %s") % (recipient.name if recipient else "-", detail.no_kk)
        self.setWindowTitle(title)
        self.model = history_model(self)
        self._touched: set[str] = set()
        self._build(title)
        self.model.set_rows(self.history)
        self._show_history_summary()
        self.validate()

    # --- building ----------------------------------------------------------------------------

    def _build(self, title: str) -> None:
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        history_title = QLabel(self.tr("Riwayat asesmen"))
        history_title.setObjectName("sectionTitle")
        self.history_table = QTableView()
        self.history_table.setObjectName("assessmentHistory")
        self.history_table.setModel(self.model)
        configure_table(self.history_table, HISTORY_WIDTHS, stretch=HistoryColumn.ASSESSOR)
        self.history_table.setMaximumHeight(170)
        self.history_summary = QLabel()
        self.history_summary.setObjectName("hint")

        self.date_edit = DateField()
        self.date_edit.set_value(self._today)
        self.assessor_edit = QLineEdit()
        self.assessor_edit.setMaxLength(120)
        self.assessor_edit.setPlaceholderText(self.tr("Nama pendamping / petugas"))
        self.boxes: dict[str, FieldBox] = {
            "assessed_on": FieldBox(self.date_edit),
            "assessed_by": FieldBox(self.assessor_edit),
        }
        head_form = QFormLayout()
        head_form.addRow(self.tr("Tanggal asesmen *"), self.boxes["assessed_on"])
        head_form.addRow(self.tr("Petugas asesmen *"), self.boxes["assessed_by"])
        align_labels(head_form)

        questions = QWidget()
        questions_layout = QVBoxLayout(questions)
        questions_layout.setContentsMargins(0, 0, 0, 0)
        q = self.questionnaire
        if q is not None:
            self.version_label = QLabel(
                self.tr("Kuesioner versi %s: %s (berlaku mulai %s)")
                % (q.version, q.title, q.valid_from.strftime("%d-%m-%Y"))
            )
            for section in q.definition.sections:
                group = QGroupBox(section.title)
                form = QFormLayout(group)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
                for question in section.questions:
                    combo = QComboBox()
                    combo.setObjectName(f"question_{question.code}")
                    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                    fill_combo(combo, [(o.code, o.label) for o in question.options], self.tr("— pilih —"))
                    self.combos[question.code] = combo
                    self.boxes[question.code] = FieldBox(combo)
                    form.addRow(question.text + " *", self.boxes[question.code])
                align_labels(form)
                questions_layout.addWidget(group)
        else:
            self.version_label = QLabel(self._missing)
        self.version_label.setObjectName("hint")
        self.version_label.setWordWrap(True)
        questions_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(questions)

        self._build_buttons(self.tr("Tutup"))
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        footer = QHBoxLayout()
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.buttons)

        new_title = QLabel(self.tr("Asesmen baru"))
        new_title.setObjectName("sectionTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(history_title)
        layout.addWidget(self.history_table)
        layout.addWidget(self.history_summary)
        layout.addWidget(new_title)
        layout.addWidget(self.version_label)
        layout.addLayout(head_form)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(footer)
        self.resize(820, 720)

        signals = {"assessed_on": self.date_edit.dateChanged, "assessed_by": self.assessor_edit.textEdited}
        signals.update({code: combo.currentIndexChanged for code, combo in self.combos.items()})
        self._connect_edits(signals)

    # --- values and validation ---------------------------------------------------------------

    def answers(self) -> dict[str, str]:
        return {code: combo.currentData() for code, combo in self.combos.items() if combo.currentData()}

    def answer(self, question_code: str, option_code: str) -> None:
        """Choose ``option_code`` for the question (as a user picking it from the list)."""
        combo = self.combos[question_code]
        combo.setCurrentIndex(combo.findData(option_code))

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        self.validate()

    def validate(self) -> bool:
        errors: dict[str, str] = {}
        on = self.date_edit.value()
        if on is None:
            errors["assessed_on"] = self.tr("Tanggal asesmen: wajib diisi")
        elif on > self._today:
            errors["assessed_on"] = self.tr("Tanggal asesmen: %s ada di masa depan") % on.strftime("%d-%m-%Y")
        if not self.assessor_edit.text().strip():
            errors["assessed_by"] = self.tr("Petugas asesmen: wajib diisi")
        if self.questionnaire is None:
            errors["version"] = self._missing
        else:
            for err in answer_errors(self.questionnaire.definition, self.answers()):
                errors.setdefault(err.field or "", err.message)
        self.errors = errors
        show_errors(self.boxes, errors, self._touched)
        valid = not errors
        self.save_button.setEnabled(valid and not self._saving)
        unanswered = sum(1 for c in self.combos.values() if not c.currentData())
        if valid:
            self.hint.setText("")
        elif unanswered:
            self.hint.setText(self.tr("%s pertanyaan belum dijawab.") % unanswered)
        else:
            self.hint.setText(self.tr("Lengkapi kolom bertanda * dan perbaiki isian yang ditandai ⚠."))
        return valid

    def _show_history_summary(self) -> None:
        if not self.history:
            self.history_summary.setText(self.tr("Belum pernah diasesmen."))
            return
        last = self.history[-1]
        text = self.tr("Terakhir: %s, kelas %s (skor %s)") % (
            last.assessed_on.strftime("%d-%m-%Y"),
            last.welfare_class_label,
            f"{last.score:.2f}".replace(".", ","),
        )
        if last.change:
            text += self.tr(" — %s dibanding asesmen sebelumnya") % last.change_label
        self.history_summary.setText(text)

    # --- saving ------------------------------------------------------------------------------

    def _on_save(self) -> None:
        self._touched = set(self.boxes)
        if self._saving or not self.validate() or self.questionnaire is None:
            return
        db, household_id, today = self._db, self.household_id, self._today
        answers, on, who = self.answers(), self.date_edit.value(), self.assessor_edit.text().strip()
        version = self.questionnaire.version

        def save() -> tuple[str, list[AssessmentView]]:
            with db.transaction() as session:
                new_id = record_assessment(session, household_id, answers, on, who, version=version, today=today)
            with db.read() as session:
                return new_id, assessment_history(session, household_id)

        self._save_in_background(save, self.tr("Menyimpan asesmen…"), self._saved)

    def _saved(self, result: tuple[str, list[AssessmentView]]) -> None:
        new_id, history = result
        log.info("Saved assessment %s of household %s", new_id, self.household_id)
        self.history = history
        self.model.set_rows(history)
        self._show_history_summary()
        for combo in self.combos.values():
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(blocked)
        self._touched = set()
        self._show_general([])
        self.validate()
        self.saved.emit(new_id)

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
