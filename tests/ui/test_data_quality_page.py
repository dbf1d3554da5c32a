"""The Kualitas Data page driven as a user would: Ctrl+6, the counts per kind, choosing a kind with the
keyboard, opening a family from a finding, fixing it, and seeing the finding gone after the re-check."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from simoncer_desktop.models import Household, Member
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import caseload, data_quality
from simoncer_desktop.services.components import years_before
from simoncer_desktop.services.data_quality import Kind, run_checks
from simoncer_desktop.store import Database
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.models.data_quality_models import FindingColumn, KindColumn
from simoncer_desktop.ui.pages import data_quality_page
from simoncer_desktop.ui.pages.data_quality_page import DataQualityPage
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner

DISPLAY = Qt.ItemDataRole.DisplayRole


def open_page(qtbot: QtBot, window: MainWindow) -> DataQualityPage:
    """Ctrl+6 from wherever the window is; the first check runs as the page appears."""
    qtbot.keyClick(window.navigation, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.quality_page
    qtbot.waitUntil(page.isVisible)
    assert window.current_page_key() == "quality"
    assert page.report is not None and not page.running
    return page


def choose_kind_with_keys(qtbot: QtBot, page: DataQualityPage, kind: Kind) -> None:
    page.kinds_table.setFocus()
    current = page.kinds_table.currentIndex().row()
    target = page.kinds_model.row_of(kind)
    key = Qt.Key.Key_Down if target > current else Qt.Key.Key_Up
    for _ in range(abs(target - current)):
        qtbot.keyClick(page.kinds_table, key)
    assert page.current_kind() == kind


def shown_findings(page: DataQualityPage, column: FindingColumn) -> list[str]:
    model = page.findings_model
    return [model.index(row, column).data(DISPLAY) for row in range(model.rowCount())]


def an_adult_not_in_school(db: Database) -> tuple[str, str, str]:
    """(member id, name, family id) of a living adult of an active family who is not at school."""
    with db.read() as s:
        row = s.execute(
            select(Member.id, Member.name, Member.household_id)
            .join(Household, Household.id == Member.household_id)
            .where(
                Member.deleted.is_(False),
                Member.deceased.is_(False),
                Member.in_school.is_(False),
                Member.birth_date < years_before(date.today(), 25),
                Household.status == HouseholdStatus.ACTIVE.value,
            )
            .order_by(Member.nik)
            .limit(1)
        ).one()
    return row.id, row.name, row.household_id


def test_ctrl_6_shows_the_counts_of_every_kind_first(qtbot: QtBot, window: MainWindow, demo_db: Database) -> None:
    page = open_page(qtbot, window)
    with demo_db.read() as s:
        expected = run_checks(s)
    model = page.kinds_model
    assert model.rowCount() == len(Kind)
    for row, kind in enumerate(Kind):
        assert model.index(row, KindColumn.KIND).data(DISPLAY) == kind.label
        assert model.index(row, KindColumn.COUNT).data(DISPLAY) == str(expected.counts[kind])
        assert model.index(row, KindColumn.KIND).data(Qt.ItemDataRole.ToolTipRole) == kind.explanation
    assert "300 keluarga" in page.summary_label.text()
    assert f"{expected.total} temuan" in page.summary_label.text()
    # the first kind that has findings is chosen, and its findings are listed
    first = next(kind for kind in Kind if expected.counts[kind])
    assert page.current_kind() == first
    assert page.findings_title.text() == f"{first.label} — {expected.counts[first]} temuan"
    assert page.explanation_label.text() == first.explanation
    assert shown_findings(page, FindingColumn.MESSAGE) == [f.message for f in expected.findings_of(first)]
    assert page.kinds_table.hasFocus()


def test_fix_a_fault_in_the_family_dialog_and_the_recheck_shows_it_gone(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    member_id, name, household_id = an_adult_not_in_school(demo_db)
    with demo_db.transaction() as s:  # an old record: an adult still marked as an SD pupil
        s.execute(update(Member).where(Member.id == member_id).values(education="sd", in_school=True))
    page = open_page(qtbot, window)
    assert page.kinds_model.count(Kind.SD_OVER_AGE) == 1

    choose_kind_with_keys(qtbot, page, Kind.SD_OVER_AGE)
    assert page.findings_title.text() == f"{Kind.SD_OVER_AGE.label} — 1 temuan"
    assert shown_findings(page, FindingColumn.MEMBER) == [name]
    assert shown_findings(page, FindingColumn.MESSAGE)[0].endswith("tercatat masih sekolah di jenjang SD")
    qtbot.keyClick(page.kinds_table, Qt.Key.Key_Return)  # to the findings
    assert page.table.hasFocus() and page.selected_row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # open the family
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert dialog.household_id == household_id

    panel = dialog.members
    panel.select_row(next(i for i, line in enumerate(panel.model.lines) if line.id == member_id))
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    form = panel.member_dialog
    assert form is not None and form.in_school_check.isChecked()
    form.in_school_check.setFocus()
    qtbot.keyClick(form.in_school_check, Qt.Key.Key_Space)
    assert not form.in_school_check.isChecked()
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert panel.member_dialog is None
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    assert page.dialog is None
    assert page.kinds_model.count(Kind.SD_OVER_AGE) == 0  # checked again when the dialog closed
    assert page.findings_model.rowCount() == 0
    assert page.current_kind() == Kind.SD_OVER_AGE  # the kind chosen stays chosen
    with demo_db.read() as s:
        assert s.get(Member, member_id).in_school is False


def test_double_click_opens_the_family_and_f5_checks_again_after_a_fix(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    page = open_page(qtbot, window)
    choose_kind_with_keys(qtbot, page, Kind.NO_COMPONENT)
    before = page.kinds_model.count(Kind.NO_COMPONENT)
    assert before and page.findings_model.rowCount() == before
    row = min(2, before - 1)
    target = page.findings_model.finding_at(row)
    rect = page.table.visualRect(page.findings_model.index(row, FindingColumn.RECIPIENT))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.dialog
    assert dialog is not None and dialog.household_id == target.household_id
    assert dialog.no_kk_edit.text() == target.no_kk
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed
    assert page.dialog is None
    assert page.kinds_model.count(Kind.NO_COMPONENT) == before
    assert page.findings_model.finding_at(page.selected_row()) == target  # the same finding selected again

    with demo_db.transaction() as s:  # another operator ends the family's participation
        data = caseload.get_household(s, target.household_id).to_input()
        data.status = HouseholdStatus.INACTIVE.value
        caseload.update_household(s, target.household_id, data)
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    assert page.kinds_model.count(Kind.NO_COMPONENT) == before - 1
    assert target.household_id not in {f.household_id for f in page.findings_model.findings}
    assert page.kinds_model.index(page.kinds_model.row_of(Kind.NO_COMPONENT), KindColumn.COUNT).data(DISPLAY) == str(
        before - 1
    )


def test_a_kind_without_findings_opens_nothing(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    choose_kind_with_keys(qtbot, page, Kind.PREGNANT_MALE)
    assert page.findings_model.rowCount() == 0
    assert page.findings_title.text() == f"{Kind.PREGNANT_MALE.label} — 0 temuan"
    qtbot.keyClick(page.kinds_table, Qt.Key.Key_Return)
    assert page.kinds_table.hasFocus()  # nothing to go to
    page.open_selected()
    assert page.dialog is None and not page.open_button.isEnabled()


def test_an_edit_on_the_keluarga_page_marks_the_check_stale(
    qtbot: QtBot, window: MainWindow, demo_db: Database
) -> None:
    page = open_page(qtbot, window)
    first = page.report
    qtbot.keyClick(window.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    window.caseload_page.caseload_changed.emit()  # as after a family was saved there
    assert page.report is first  # not shown: nothing runs yet
    open_page(qtbot, window)
    second = page.report
    assert second is not first  # checked again as it appeared
    qtbot.keyClick(window.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    open_page(qtbot, window)
    assert page.report is second  # nothing changed meanwhile: the results are kept


def test_sorting_by_a_column_and_back_to_the_services_order(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(qtbot, window)
    choose_kind_with_keys(qtbot, page, Kind.NO_COMPONENT)
    original = shown_findings(page, FindingColumn.RECIPIENT)
    header = page.table.horizontalHeader()
    pengurus = QPoint(header.sectionViewportPosition(FindingColumn.RECIPIENT) + 10, header.height() // 2)
    for _ in range(2):  # ascending, then descending
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pengurus)
    descending = shown_findings(page, FindingColumn.RECIPIENT)
    assert descending == sorted(original, key=str.casefold, reverse=True)
    page.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert shown_findings(page, FindingColumn.RECIPIENT) == original


# --- on a real worker thread -----------------------------------------------------------------------


@pytest.fixture
def threaded_page(qtbot: QtBot, demo_db: Database) -> Iterator[DataQualityPage]:
    host = QWidget()
    qtbot.addWidget(host)
    runner = TaskRunner(host, inline=False, progress_delay_ms=0)
    page = DataQualityPage(demo_db, runner, host)
    yield page
    runner.shutdown()


def test_the_check_runs_off_the_ui_thread(qtbot: QtBot, threaded_page: DataQualityPage) -> None:
    page = threaded_page
    threads: list[threading.Thread] = []
    real = data_quality.run_checks

    def spy(*args: object, **kwargs: object) -> data_quality.QualityReport:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(data_quality_page, "run_checks", spy)
        with qtbot.waitSignal(page.checked, timeout=20_000):
            page.parentWidget().show()  # showing the page starts the check
            assert page.running and not page.check_button.isEnabled()
    assert threads and threads[0] is not threading.main_thread()
    assert page.report is not None and page.report.families == 300
    assert page.check_button.isEnabled() and page.task is None


def test_batal_in_the_progress_dialog_cancels_the_check(qtbot: QtBot, threaded_page: DataQualityPage) -> None:
    page = threaded_page
    started = threading.Event()

    def endless(_session: object, *, progress: Progress, token: CancelToken) -> None:
        started.set()
        while True:
            token.raise_if_cancelled()
            progress(1, 5)
            threading.Event().wait(0.005)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(data_quality_page, "run_checks", endless)
        page.parentWidget().show()
        qtbot.waitUntil(started.is_set)
        task = page.task
        assert task is not None
        qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible())
        assert task.dialog.labelText() == "Memeriksa kualitas data…"
        cancel = next(b for b in task.dialog.findChildren(QPushButton) if b.text() == "Batal")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.running, timeout=5_000)
    assert page.report is None
    assert page.summary_label.text() == "Pemeriksaan dibatalkan. Tekan Periksa ulang (F5) untuk memeriksa lagi."
    assert page.check_button.isEnabled()
