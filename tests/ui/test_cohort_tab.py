"""The *Kohort dan tahapan* tab driven as a user would: make a cohort, enroll two families (the first try
with a child is refused under the field), add five sessions of stage 1, fill in attendance per session,
see who falls behind, pass stage 1 for the family that attended enough and be refused for the other."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from simoncer_desktop.models import Household
from simoncer_desktop.services import caseload
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.cohort_dialogs import AttendanceDialog, CohortDialog, EnrollDialog, SessionDialog
from simoncer_desktop.ui.models.cohort_model import CohortColumn, MarkColumn
from simoncer_desktop.ui.pages.cohort_tab import CohortTab
from simoncer_desktop.ui.tasks import TaskRunner
from tests.factories import KECAMATAN, family
from tests.ui.conftest import Answers

TODAY = date(2026, 3, 2)
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def no_kks(db: Database) -> list[str]:
    found = []
    with db.transaction() as s:
        for serial in (1, 2):
            hh_id = caseload.create_household(s, *family(serial))
            found.append(s.get(Household, hh_id).no_kk)
    return found


@pytest.fixture
def tab(qtbot: QtBot, db: Database, no_kks: list[str]) -> Iterator[CohortTab]:
    widget = CohortTab(db, TaskRunner(), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def cell(tab: CohortTab, no_kk: str, column: CohortColumn) -> str:
    row = next(i for i, r in enumerate(tab.model.rows) if r.no_kk == no_kk)
    return tab.model.index(row, column).data(DISPLAY)


def make_cohort(tab: CohortTab, qtbot: QtBot) -> None:
    tab.new_cohort()
    dialog = tab.dialog
    assert isinstance(dialog, CohortDialog)
    assert not dialog.save_button.isEnabled()  # nothing filled in yet
    qtbot.keyClicks(dialog.name_edit, "Kohort  Bogor Selatan 2026")
    dialog.starts_edit.set_value(date(2026, 1, 5))
    dialog.kecamatan_combo.setCurrentIndex(dialog.kecamatan_combo.findData(KECAMATAN))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None


def open_enroll(tab: CohortTab, qtbot: QtBot, no_kk: str) -> EnrollDialog:
    tab.enroll()
    dialog = tab.dialog
    assert isinstance(dialog, EnrollDialog)
    qtbot.keyClicks(dialog.no_kk_edit, no_kk)
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert dialog.family_combo.count() == 1 and no_kk in dialog.family_combo.currentText()
    dialog.date_edit.set_value(date(2026, 1, 10))
    return dialog


def choose(dialog: EnrollDialog, name: str) -> None:
    index = next(i for i in range(dialog.participant_combo.count()) if name in dialog.participant_combo.itemText(i))
    dialog.participant_combo.setCurrentIndex(index)


def add_session(tab: CohortTab, qtbot: QtBot, day: date, topic: str) -> None:
    tab.new_session()
    dialog = tab.dialog
    assert isinstance(dialog, SessionDialog)
    assert dialog.stage_combo.currentData() == 1
    dialog.date_edit.set_value(day)
    qtbot.keyClicks(dialog.topic_edit, topic)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None


def fill_attendance(tab: CohortTab, qtbot: QtBot, session_id: str, absent: list[str]) -> None:
    tab.session_combo.setCurrentIndex(tab.session_combo.findData(session_id))
    qtbot.mouseClick(tab.attendance_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, AttendanceDialog)
    model = dialog.model
    assert model.rowCount() == 2
    qtbot.mouseClick(dialog.none_present_button, Qt.MouseButton.LeftButton)
    assert model.present_count() == 0
    qtbot.mouseClick(dialog.all_present_button, Qt.MouseButton.LeftButton)
    assert model.present_count() == 2
    for row in range(model.rowCount()):
        if model.index(row, MarkColumn.NO_KK).data(DISPLAY) in absent:  # untick as the view's check box does
            model.setData(
                model.index(row, MarkColumn.PRESENT), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
            )
    assert dialog.count_label.text() == f"{2 - len(absent)} dari 2 peserta hadir"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None


def test_cohort_enroll_sessions_attendance_and_passing(
    tab: CohortTab,
    qtbot: QtBot,
    no_kks: list[str],
    answer: Callable[[QMessageBox.StandardButton], Answers],
) -> None:
    first, second = no_kks
    assert not tab.enroll_button.isEnabled()  # no cohort yet
    make_cohort(tab, qtbot)
    assert tab.cohort_combo.currentText().startswith("Kohort Bogor Selatan 2026 (2026")
    assert "belum ada keluarga" in tab.summary_label.text()

    # The child is offered (with her age) but the service refuses her, under the field.
    dialog = open_enroll(tab, qtbot, first)
    choose(dialog, "Dédé Rahmawati")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is dialog and dialog.isVisible()
    assert "di luar usia produktif 18–59 tahun" in dialog.boxes["participant_id"].message
    choose(dialog, "Siti Nurhaliza")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    dialog = open_enroll(tab, qtbot, second)
    choose(dialog, "Siti Nurhaliza")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 2
    assert cell(tab, first, CohortColumn.STAGE) == "1. Seleksi usia produktif"
    assert cell(tab, first, CohortColumn.ATTENDANCE) == "-"

    for i in range(5):
        add_session(tab, qtbot, date(2026, 2, 2 + i), f"Pertemuan {i + 1}")
    sessions = [s.id for s in tab.sessions]
    assert len(sessions) == 5 and tab.session_combo.count() == 5

    # 4 of 5 for the first family (absent at the first session), 3 of 5 for the second (the last two).
    for i, session_id in enumerate(sessions):
        absent = ([first] if i == 0 else []) + ([second] if i >= 3 else [])
        fill_attendance(tab, qtbot, session_id, absent)

    assert cell(tab, first, CohortColumn.ATTENDANCE) == "80 % (4/5)"
    assert cell(tab, second, CohortColumn.ATTENDANCE) == "60 % (3/5)"
    assert cell(tab, first, CohortColumn.MISSED) == "1" and cell(tab, second, CohortColumn.MISSED) == "2"
    assert cell(tab, first, CohortColumn.NOTE) == ""
    assert cell(tab, second, CohortColumn.NOTE) == "Tertinggal"  # in words, not only in colour
    assert "tertinggal 1" in tab.summary_label.text()

    answers = answer(QMessageBox.StandardButton.Yes)
    assert tab.select_family(first)
    qtbot.mouseClick(tab.pass_button, Qt.MouseButton.LeftButton)
    assert "lulus tahap 1. Seleksi usia produktif" in answers.asked[0]
    assert not tab.message_label.isVisible()
    assert cell(tab, first, CohortColumn.STAGE) == "2. Mindset (psikolog)"
    assert tab.selected() is not None and tab.selected().no_kk == first  # still selected after the reload

    assert tab.select_family(second)
    qtbot.mouseClick(tab.pass_button, Qt.MouseButton.LeftButton)
    assert tab.message_label.isVisible()
    assert "kehadiran 3 dari 5 sesi (60%) di bawah batas 80%" in tab.message_label.text()
    assert cell(tab, second, CohortColumn.STAGE) == "1. Seleksi usia produktif"


def test_pass_stage_can_be_declined_and_sessions_need_a_date(
    tab: CohortTab, qtbot: QtBot, no_kks: list[str], answer: Callable[[QMessageBox.StandardButton], Answers]
) -> None:
    make_cohort(tab, qtbot)
    dialog = open_enroll(tab, qtbot, no_kks[0])
    choose(dialog, "Siti Nurhaliza")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    answer(QMessageBox.StandardButton.No)
    assert tab.select_family(no_kks[0])
    qtbot.mouseClick(tab.pass_button, Qt.MouseButton.LeftButton)
    assert cell(tab, no_kks[0], CohortColumn.STAGE) == "1. Seleksi usia produktif"

    tab.new_session()
    session_dialog = tab.dialog
    assert isinstance(session_dialog, SessionDialog)
    session_dialog.date_edit.set_value(date(2025, 12, 1))  # before the cohort starts: refused by the service
    qtbot.mouseClick(session_dialog.save_button, Qt.MouseButton.LeftButton)
    assert "sebelum kohort" in session_dialog.boxes["held_on"].message
    session_dialog.date_edit.set_value(None)
    assert not session_dialog.save_button.isEnabled()
    assert session_dialog.boxes["held_on"].message == "Tanggal sesi: wajib diisi"
    qtbot.keyClick(session_dialog, Qt.Key.Key_Escape)
    assert tab.dialog is None and not tab.sessions
