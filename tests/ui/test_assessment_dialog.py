"""The *Asesmen* dialog driven as a user would: opened from the family dialog, every question answered
before *Simpan* is enabled, the class shown in the history, and a second, better assessment shown as naik."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.models import Household
from simoncer_desktop.services import caseload
from simoncer_desktop.services.assessment import DEFAULT_DEFINITION
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs import assessment_dialog
from simoncer_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
from simoncer_desktop.ui.dialogs.household_dialog import HouseholdDialog
from simoncer_desktop.ui.models.decision_models import HistoryColumn
from simoncer_desktop.ui.tasks import TaskRunner
from tests.factories import family

TODAY = date.today()


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    owner = QWidget()
    qtbot.addWidget(owner)
    return TaskRunner(owner)


@pytest.fixture
def household_id(db: Database) -> str:
    data, members = family()
    with db.transaction() as s:
        return caseload.create_household(s, data, members)


def open_from_family(qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str) -> AssessmentDialog:
    family_dialog = HouseholdDialog(db, runner, household_id)
    qtbot.addWidget(family_dialog)
    family_dialog.open()
    qtbot.waitExposed(family_dialog)
    assert family_dialog.assessment_button.isEnabled()
    qtbot.mouseClick(family_dialog.assessment_button, Qt.MouseButton.LeftButton)
    dialog = family_dialog.assessment_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def answer_all(dialog: AssessmentDialog, best: bool) -> None:
    for q in DEFAULT_DEFINITION.questions:
        pick = max if best else min
        dialog.answer(q.code, pick(q.options, key=lambda o: o.points).code)


def history_text(dialog: AssessmentDialog, column: int) -> list[str]:
    return [dialog.model.index(r, column).data() for r in range(dialog.model.rowCount())]


def test_new_family_dialog_has_no_assessments_yet(qtbot: QtBot, db: Database, runner: TaskRunner) -> None:
    dialog = HouseholdDialog(db, runner, None)
    qtbot.addWidget(dialog)
    assert not dialog.assessment_button.isEnabled()


def test_answering_every_question_saves_and_a_better_one_shows_naik(
    qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str
) -> None:
    dialog = open_from_family(qtbot, db, runner, household_id)
    assert dialog.model.rowCount() == 0
    assert "Belum pernah" in dialog.history_summary.text()
    assert not dialog.save_button.isEnabled()

    dialog.date_edit.set_value(TODAY - timedelta(days=30))
    qtbot.keyClicks(dialog.assessor_edit, "Rina Pendamping")
    questions = DEFAULT_DEFINITION.questions
    for q in questions[:-1]:
        dialog.answer(q.code, q.options[0].code)
    assert not dialog.save_button.isEnabled()  # one question still open
    assert "1 pertanyaan belum dijawab" in dialog.hint.text()
    dialog.answer(questions[-1].code, questions[-1].options[0].code)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert history_text(dialog, HistoryColumn.CLASS) == ["Tidak mampu"]
    assert history_text(dialog, HistoryColumn.CHANGE) == ["–"]
    assert history_text(dialog, HistoryColumn.ASSESSOR) == ["Rina Pendamping"]
    assert dialog.isVisible()  # stays open for the next one, emptied
    assert not dialog.answers() and not dialog.save_button.isEnabled()

    dialog.date_edit.set_value(TODAY)
    answer_all(dialog, best=True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert history_text(dialog, HistoryColumn.CLASS) == ["Tidak mampu", "Mandiri"]
    assert history_text(dialog, HistoryColumn.CHANGE) == ["–", "naik"]
    assert history_text(dialog, HistoryColumn.SCORE) == ["0,00", "100,00"]
    assert "naik" in dialog.history_summary.text()
    with db.read() as s:
        assert s.scalar(select(Household.welfare_class).where(Household.id == household_id)) == "mandiri"

    family_dialog = dialog.parent()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes
    assert isinstance(family_dialog, HouseholdDialog)
    assert family_dialog.assessment_dialog is None
    assert family_dialog.data().welfare_class == "mandiri"  # saving the family keeps the new class


def test_future_date_is_refused_under_the_field(
    qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str
) -> None:
    dialog = AssessmentDialog(db, runner, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    answer_all(dialog, best=False)
    qtbot.keyClicks(dialog.assessor_edit, "Rina")
    dialog.date_edit.set_value(TODAY + timedelta(days=2))
    assert not dialog.save_button.isEnabled()
    assert "masa depan" in dialog.boxes["assessed_on"].message


def test_a_refusal_of_the_service_is_shown_under_its_question(
    qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = DEFAULT_DEFINITION.questions[0].code

    def refuse(*_args: object, **_kwargs: object) -> str:
        raise ValidationError([FieldError(code, "Pertanyaan: jawaban ditolak"), FieldError("version", "Versi lain")])

    monkeypatch.setattr(assessment_dialog, "record_assessment", refuse)
    dialog = AssessmentDialog(db, runner, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    answer_all(dialog, best=True)
    qtbot.keyClicks(dialog.assessor_edit, "Rina")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.boxes[code].message == "Pertanyaan: jawaban ditolak"
    assert "Versi lain" in dialog.general_error.text()
    assert dialog.model.rowCount() == 0
