"""The whole graduation flow in the real main window, driven as a user would (issue #4): open a demo family
on the Keluarga page and assess it, then on the Graduasi page make a cohort, enroll the family's
productive-age member, run the six stages (a session, attendance, *Lulus tahap*) until the programme is
complete, assess again (the class goes up), propose, approve as someone else and print the PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from simoncer_desktop.models import Household, Member
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services.caseload_query import Column
from simoncer_desktop.services.components import age_on
from simoncer_desktop.services.programme import Stage
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
from simoncer_desktop.ui.dialogs.cohort_dialogs import AttendanceDialog, CohortDialog, EnrollDialog, SessionDialog
from simoncer_desktop.ui.dialogs.household_dialog import HouseholdDialog
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.models.cohort_model import CohortColumn
from simoncer_desktop.ui.models.decision_models import HistoryColumn, ProposalColumn
from simoncer_desktop.ui.pages.caseload_page import CaseloadPage
from simoncer_desktop.ui.pages.cohort_tab import CohortTab
from simoncer_desktop.ui.pages.decision_tab import DecisionTab
from tests.ui.conftest import Answers
from tests.ui.test_assessment_dialog import answer_all, history_text
from tests.ui.test_caseload_page import shown, type_search
from tests.ui.test_cohort_tab import cell
from tests.ui.test_decision_tab import PROPOSER, propose
from tests.ui.test_decision_tab import cell as proposal_cell

TODAY = date.today()
KECAMATAN = "32.71.01"
APPROVER = "Kasi Dedi Supervisor"


def pick_family(db: Database) -> tuple[str, str, str]:
    """A live, active demo family in KECAMATAN with a living member aged 18–59: (id, No. KK, member id)."""
    enrolled_on = TODAY - timedelta(days=80)
    with db.read() as s:
        for hh in s.scalars(
            select(Household)
            .where(Household.kelurahan_code.startswith(KECAMATAN + "."), Household.status == HouseholdStatus.ACTIVE)
            .order_by(Household.no_kk)
        ):
            for m in s.scalars(select(Member).where(Member.household_id == hh.id).order_by(Member.birth_date)):
                if not m.deceased and 18 <= age_on(m.birth_date, enrolled_on) <= 59:
                    return hh.id, hh.no_kk, m.id
    raise AssertionError("no demo family with a productive-age member")


def assess(qtbot: QtBot, family_dialog: HouseholdDialog, on: date, best: bool) -> AssessmentDialog:
    """*Asesmen…* in the family dialog, answer every question, *Simpan*."""
    assert family_dialog.assessment_button.isEnabled()
    qtbot.mouseClick(family_dialog.assessment_button, Qt.MouseButton.LeftButton)
    dialog = family_dialog.assessment_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.date_edit.set_value(on)
    dialog.assessor_edit.clear()
    qtbot.keyClicks(dialog.assessor_edit, PROPOSER)
    assert not dialog.save_button.isEnabled()
    answer_all(dialog, best=best)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def open_family(qtbot: QtBot, window: MainWindow, no_kk: str) -> HouseholdDialog:
    """Keluarga page (Ctrl+2): search the No. KK, Enter opens the family."""
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.caseload_page
    assert isinstance(page, CaseloadPage)
    qtbot.waitUntil(page.isVisible)
    type_search(qtbot, page, no_kk)
    assert shown(page, Column.NO_KK) == [no_kk]
    page.select_row(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def close_family(qtbot: QtBot, window: MainWindow, dialog: HouseholdDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert window.caseload_page.dialog is None


def create_cohort(qtbot: QtBot, tab: CohortTab) -> None:
    qtbot.mouseClick(tab.new_cohort_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, CohortDialog)
    qtbot.keyClicks(dialog.name_edit, f"Kohort Alur Uji {TODAY.year}")
    dialog.starts_edit.set_value(TODAY - timedelta(days=90))
    dialog.kecamatan_combo.setCurrentIndex(dialog.kecamatan_combo.findData(KECAMATAN))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    assert tab.cohort_combo.currentText().startswith(f"Kohort Alur Uji {TODAY.year}")


def enroll(qtbot: QtBot, tab: CohortTab, no_kk: str, member_id: str) -> None:
    qtbot.mouseClick(tab.enroll_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, EnrollDialog)
    qtbot.keyClicks(dialog.no_kk_edit, no_kk)
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert dialog.family_combo.count() == 1 and no_kk in dialog.family_combo.currentText()
    dialog.participant_combo.setCurrentIndex(dialog.participant_combo.findData(member_id))
    dialog.date_edit.set_value(TODAY - timedelta(days=80))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    assert tab.model.rowCount() == 1


def run_stage(qtbot: QtBot, tab: CohortTab, no_kk: str, stage: Stage, answers: Answers) -> None:
    """One session of the stage, everyone present, then *Lulus tahap* (confirmed)."""
    qtbot.mouseClick(tab.session_button, Qt.MouseButton.LeftButton)
    session_dialog = tab.dialog
    assert isinstance(session_dialog, SessionDialog)
    assert session_dialog.stage_combo.currentData() == stage.value  # the family's current stage
    session_dialog.date_edit.set_value(TODAY - timedelta(days=70 - 10 * stage.value))
    qtbot.keyClicks(session_dialog.topic_edit, f"Pertemuan {stage.label}")
    qtbot.mouseClick(session_dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None

    qtbot.mouseClick(tab.attendance_button, Qt.MouseButton.LeftButton)  # the new session is chosen
    attendance = tab.dialog
    assert isinstance(attendance, AttendanceDialog)
    assert attendance.model.rowCount() == 1
    qtbot.mouseClick(attendance.all_present_button, Qt.MouseButton.LeftButton)
    assert attendance.count_label.text() == "1 dari 1 peserta hadir"
    qtbot.mouseClick(attendance.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    assert cell(tab, no_kk, CohortColumn.ATTENDANCE) == "100 % (1/1)"

    assert tab.select_family(no_kk)
    qtbot.mouseClick(tab.pass_button, Qt.MouseButton.LeftButton)
    assert f"lulus tahap {stage.value}. {stage.label}" in answers.asked[-1]
    assert not tab.message_label.isVisible()


def test_assess_enroll_six_stages_propose_approve_print(
    qtbot: QtBot,
    window: MainWindow,
    demo_db: Database,
    answer: Callable[[QMessageBox.StandardButton], Answers],
    tmp_path: Path,
) -> None:
    household_id, no_kk, member_id = pick_family(demo_db)

    # 1. Keluarga: open the family, Asesmen… → every question answered (the poorest answers) → saved.
    family_dialog = open_family(qtbot, window, no_kk)
    assert family_dialog.household_id == household_id
    dialog = assess(qtbot, family_dialog, TODAY - timedelta(days=100), best=False)
    assert history_text(dialog, HistoryColumn.CLASS)[-1] == "Tidak mampu"
    first_count = dialog.model.rowCount()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert family_dialog.assessment_dialog is None
    close_family(qtbot, window, family_dialog)
    with demo_db.read() as s:
        assert s.get(Household, household_id).welfare_class == "tidak_mampu"

    # 2. Graduasi (Ctrl+3) → Kohort dan tahapan: new cohort, enroll the productive-age member.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.graduation_page
    qtbot.waitUntil(page.isVisible)
    tab = page.cohort_tab
    assert isinstance(tab, CohortTab)
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    create_cohort(qtbot, tab)
    enroll(qtbot, tab, no_kk, member_id)
    assert cell(tab, no_kk, CohortColumn.STAGE) == "1. Seleksi usia produktif"

    # 3. Six stages, each with a session, attendance and Lulus tahap, until the programme is complete.
    answers = answer(QMessageBox.StandardButton.Yes)
    for stage in Stage:
        assert cell(tab, no_kk, CohortColumn.STAGE) == f"{stage.value}. {stage.label}"
        run_stage(qtbot, tab, no_kk, stage, answers)
    assert len(answers.asked) == 6
    assert cell(tab, no_kk, CohortColumn.STAGE) not in {f"{s.value}. {s.label}" for s in Stage}
    assert "selesai" in cell(tab, no_kk, CohortColumn.STAGE).lower()
    assert not tab.pass_button.isEnabled()

    # 4. A second assessment with better answers: the class goes up (naik).
    family_dialog = open_family(qtbot, window, no_kk)
    dialog = assess(qtbot, family_dialog, TODAY, best=True)
    assert dialog.model.rowCount() == first_count + 1
    assert history_text(dialog, HistoryColumn.CLASS)[-2:] == ["Tidak mampu", "Mandiri"]
    assert history_text(dialog, HistoryColumn.CHANGE)[-1] == "naik"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    close_family(qtbot, window, family_dialog)

    # 5. Usulan dan persetujuan: propose (A), approve as B → Graduasi sejahtera mandiri, two follow-ups.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    decisions = page.decision_tab
    assert isinstance(decisions, DecisionTab)
    page.tabs.setCurrentWidget(decisions)
    qtbot.waitUntil(decisions.isVisible)
    propose(qtbot, decisions, no_kk)
    assert decisions.status() == "diusulkan"
    rows = range(decisions.model.rowCount())
    row = next(r for r in rows if proposal_cell(decisions, r, ProposalColumn.NO_KK) == no_kk)
    assert proposal_cell(decisions, row, ProposalColumn.ASSESSMENT).startswith("Mandiri")
    decisions.table.selectRow(row)
    decisions.decider_edit.setText(APPROVER)
    with qtbot.waitSignal(decisions.caseload_changed):
        qtbot.mouseClick(decisions.approve_button, Qt.MouseButton.LeftButton)
    assert not decisions.message_label.isVisible()
    assert decisions.status() == "disetujui"
    with demo_db.read() as s:
        assert HouseholdStatus(s.get(Household, household_id).status).label == "Graduasi sejahtera mandiri"
    assert len(decisions.follow_ups) == 2 and decisions.follow_up_list.count() == 2
    assert all("belum dikunjungi" in decisions.follow_up_list.item(i).text() for i in range(2))

    # 6. Cetak laporan… → the family's graduation report as a PDF.
    out = tmp_path / "laporan.pdf"
    asked: list[str] = []
    decisions.ask_pdf_path = lambda suggested: asked.append(suggested) or str(out)  # type: ignore[method-assign]
    qtbot.mouseClick(decisions.print_button, Qt.MouseButton.LeftButton)
    assert asked == [f"laporan_graduasi_{no_kk}.pdf"]
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert str(out) in decisions.result_label.text()
