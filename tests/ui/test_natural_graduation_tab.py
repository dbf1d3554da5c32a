"""The *Graduasi alamiah* tab driven as a user would: choose the quarter, Usulkan, see families proposed
for known reasons, approve one, reject one, apply after the confirmation, and find the run read-only."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models import Household, NaturalGraduationRun
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import caseload
from simoncer_desktop.services import natural_graduation as ng
from simoncer_desktop.services.natural_graduation_page import last_finished_quarter, recent_quarters
from simoncer_desktop.store import Database
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.models.natural_graduation_model import ProposalColumn
from simoncer_desktop.ui.pages.natural_graduation_tab import NaturalGraduationTab
from simoncer_desktop.ui.tasks import TaskRunner
from tests.factories import family, household, member
from tests.ui.conftest import Answers

DISPLAY = Qt.ItemDataRole.DisplayRole
TODAY = date(2026, 11, 25)  # the last finished quarter is 2026Q3


def add(db: Database, serial: int, members: list) -> str:
    with db.transaction() as session:
        return caseload.create_household(session, household(serial), members)


def mother(serial: int, **changes: object):
    return member("Siti Aminah", date(1985, 6, 1), "P", serial * 10 + 1, relation="istri", is_recipient=True, **changes)


def toddler(serial: int):
    return member("Asep Hidayat", date(2023, 1, 5), "L", serial * 10 + 2)


def aged_out_pupil(serial: int):
    # 22 on 30-09-2026: past the school age of 21
    return member("Rudi Hartono", date(2004, 9, 30), "L", serial * 10 + 2, education="sma", in_school=True)


@pytest.fixture
def families(db: Database) -> dict[str, str]:
    with db.transaction() as session:
        keeps = caseload.create_household(session, *family(1))  # components: not proposed
    return {
        "keeps": keeps,
        "aged_out": add(db, 2, [mother(2), aged_out_pupil(2)]),
        "died": add(db, 3, [mother(3, deceased=True, death_date=date(2026, 8, 10)), toddler(3)]),
    }


@pytest.fixture
def tab(qtbot: QtBot, db: Database, families: dict[str, str]) -> Iterator[NaturalGraduationTab]:
    runner = TaskRunner()
    widget = NaturalGraduationTab(db, runner, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def status_of(db: Database, household_id: str) -> str:
    with db.read() as s:
        return s.get(Household, household_id).status


def runs(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(NaturalGraduationRun))


def column(tab: NaturalGraduationTab, col: ProposalColumn) -> list[str]:
    return [tab.model.index(r, col).data(DISPLAY) for r in range(tab.model.rowCount())]


def click(qtbot: QtBot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def usulkan(qtbot: QtBot, tab: NaturalGraduationTab) -> None:
    click(qtbot, tab.propose_button)
    assert not tab.busy
    assert tab.run is not None, tab.message_label.text()


def test_the_quarter_offered_first_is_the_last_finished_one(tab: NaturalGraduationTab) -> None:
    combo = tab.quarter_combo
    assert combo.currentText() == "2026Q3"
    assert [combo.itemText(i) for i in range(combo.count())] == recent_quarters(TODAY)
    assert combo.itemText(0) == "2026Q4"  # the running quarter is offered too
    assert last_finished_quarter(date(2026, 2, 1)) == "2025Q4"
    assert "Belum ada daftar graduasi alamiah untuk 2026Q3" in tab.run_label.text()
    assert not tab.apply_button.isEnabled() and not tab.approve_all_button.isEnabled()


def test_propose_approve_one_reject_one_apply(
    qtbot: QtBot, tab: NaturalGraduationTab, db: Database, families: dict[str, str], answer: Callable[..., Answers]
) -> None:
    usulkan(qtbot, tab)
    model = tab.model
    assert model.rowCount() == 2
    assert {model.proposal_at(r).household_id for r in range(2)} == {families["aged_out"], families["died"]}
    reasons = dict(zip(column(tab, ProposalColumn.NO_KK), column(tab, ProposalColumn.REASONS), strict=True))
    aged_row = model.row_of(families["aged_out"])
    died_row = model.row_of(families["died"])
    assert model.index(aged_row, ProposalColumn.REASONS).data(DISPLAY) == "Tidak ada komponen PKH lagi"
    assert "melewati batas usia sekolah 21 tahun" in model.index(aged_row, ProposalColumn.DETAIL).data(DISPLAY)
    assert model.index(died_row, ProposalColumn.REASONS).data(DISPLAY) == "Pengurus/semua anggota layak meninggal"
    assert model.index(died_row, ProposalColumn.DETAIL).data(DISPLAY) == "Pengurus Siti Aminah meninggal 10-08-2026"
    assert len(reasons) == 2
    assert all(column(tab, ProposalColumn.KECAMATAN))
    assert set(column(tab, ProposalColumn.DECISION)) == {"Belum diputuskan"}
    counts = tab.counts_label.text()
    assert "Pengurus/semua anggota layak meninggal: 1" in counts
    assert "Tidak ada komponen PKH lagi: 1" in counts and "Sudah mampu: 0" in counts
    assert "2026Q3" in tab.run_label.text() and "2 keluarga diusulkan" in tab.run_label.text()
    assert not tab.civil_problems_label.isVisible()
    assert tab.table.hasFocus() and tab.selected_proposals()[0] == model.proposal_at(0)
    assert not tab.apply_button.isEnabled()  # nothing approved yet

    tab.select_rows([aged_row])
    click(qtbot, tab.approve_button)
    tab.select_rows([died_row])
    click(qtbot, tab.reject_button)
    assert model.index(aged_row, ProposalColumn.DECISION).data(DISPLAY) == "Disetujui"
    assert model.index(died_row, ProposalColumn.DECISION).data(DISPLAY) == "Ditolak"
    assert [p.household_id for p in tab.selected_proposals()] == [families["died"]]  # the selection is kept
    assert "1 disetujui, 1 ditolak, 0 belum diputuskan" in tab.run_label.text()

    no = answer(QMessageBox.StandardButton.No)
    click(qtbot, tab.apply_button)
    assert len(no.asked) == 1 and "1 keluarga" in no.asked[0]
    assert status_of(db, families["aged_out"]) == HouseholdStatus.ACTIVE.value  # declined: nothing changed

    yes = answer(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(tab.caseload_changed):
        click(qtbot, tab.apply_button)
    assert yes.asked and "Status 1 keluarga yang disetujui" in yes.asked[0] and "30-09-2026" in yes.asked[0]
    assert status_of(db, families["aged_out"]) == HouseholdStatus.GRADUATED_NATURAL.value
    assert status_of(db, families["died"]) == HouseholdStatus.ACTIVE.value
    assert status_of(db, families["keeps"]) == HouseholdStatus.ACTIVE.value
    assert tab.result is not None and [p.household_id for p in tab.result.graduated] == [families["aged_out"]]
    assert tab.result_label.isVisible()
    assert "Diterapkan: 1 keluarga kini berstatus Graduasi alamiah per 30-09-2026" in tab.result_label.text()

    # applied: read-only, and applying again is impossible
    assert "Sudah diterapkan pada" in tab.run_label.text() and "hanya dapat dilihat" in tab.run_label.text()
    for button in (tab.apply_button, tab.approve_button, tab.reject_button, tab.approve_all_button):
        assert not button.isEnabled()
    asked_before = len(yes.asked)
    tab.apply()  # even when called directly
    assert len(yes.asked) == asked_before
    assert "sudah diterapkan" in tab.message_label.text()
    with db.transaction() as s, pytest.raises(ValidationError, match="sudah diterapkan"):
        ng.apply_run(s, tab.run.id, "Lain")


def test_an_applied_run_shows_read_only_when_its_quarter_is_chosen_again(
    qtbot: QtBot, db: Database, families: dict[str, str]
) -> None:
    with db.transaction() as s:
        view = ng.propose(s, "2026Q3", "Bu Rina", on=date(2026, 10, 2))
        ng.decide(s, view.id, "all", ng.APPROVED, "Bu Rina", on=date(2026, 10, 3))
        ng.apply_run(s, view.id, "Pak Dedi", on=date(2026, 10, 4))
    widget = NaturalGraduationTab(db, TaskRunner(), today=TODAY)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded):
        widget.show()
    assert widget.model.rowCount() == 2
    assert set(column(widget, ProposalColumn.DECISION)) == {"Disetujui"}
    assert "Sudah diterapkan pada 04-10-2026 oleh Pak Dedi" in widget.run_label.text()
    assert "dibuat 02-10-2026 oleh Bu Rina" in widget.run_label.text()
    assert not widget.approve_all_button.isEnabled() and not widget.apply_button.isEnabled()

    # another quarter typed by hand: no run yet
    line = widget.quarter_combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "2026 q2")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert widget.quarter_combo.currentText() == "2026Q2"
    assert widget.run is None and widget.model.rowCount() == 0
    assert "Belum ada daftar graduasi alamiah untuk 2026Q2" in widget.run_label.text()


def test_approve_all(qtbot: QtBot, tab: NaturalGraduationTab) -> None:
    usulkan(qtbot, tab)
    click(qtbot, tab.approve_all_button)
    assert set(column(tab, ProposalColumn.DECISION)) == {"Disetujui"}
    assert tab.apply_button.isEnabled()


def test_a_bad_quarter_is_refused_in_the_message_label(qtbot: QtBot, tab: NaturalGraduationTab, db: Database) -> None:
    line = tab.quarter_combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "2026Q5")
    click(qtbot, tab.propose_button)
    assert tab.message_label.isVisible()
    assert "Kuartal '2026Q5' tidak sah" in tab.message_label.text()
    assert tab.run is None and runs(db) == 0


def test_the_civil_file_and_its_unmatched_and_bad_rows(
    qtbot: QtBot, tab: NaturalGraduationTab, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moving = mother(4)
    moved = add(db, 4, [moving, toddler(4)])
    path = tmp_path / "dukcapil.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(("NIK", "PERISTIWA", "TANGGAL"))
        writer.writerow((moving.nik, "PINDAH", "15-08-2026"))
        writer.writerow(("3271019999990001", "MENINGGAL", "01-08-2026"))
        writer.writerow(("3271011234", "PINDAH", "01-08-2026"))
    monkeypatch.setattr(tab, "ask_civil_path", lambda: str(path))
    click(qtbot, tab.choose_button)
    assert str(path) in tab.civil_label.text()
    usulkan(qtbot, tab)
    row = tab.model.row_of(moved)
    assert row >= 0
    assert tab.model.index(row, ProposalColumn.REASONS).data(DISPLAY) == "Pindah domisili"
    assert "Pindah domisili: 1" in tab.counts_label.text()
    problems = tab.civil_problems_label.text()
    assert tab.civil_problems_label.isVisible()
    assert "tidak ditemukan (1): 3271019999990001" in problems
    assert "Baris 4:" in problems and "harus 16 digit" in problems

    click(qtbot, tab.clear_civil_button)
    assert tab.civil_path is None and not tab.clear_civil_button.isEnabled()


def test_an_unreadable_civil_file_is_refused_without_a_run(
    qtbot: QtBot, tab: NaturalGraduationTab, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "salah.csv"
    path.write_text("apa;ini\n1;2\n", encoding="utf-8")
    monkeypatch.setattr(tab, "ask_civil_path", lambda: str(path))
    click(qtbot, tab.choose_button)
    click(qtbot, tab.propose_button)
    assert "NIK, PERISTIWA dan TANGGAL tidak ditemukan" in tab.message_label.text()
    assert tab.run is None and runs(db) == 0 and tab.propose_button.isEnabled()


def test_cancelling_the_proposal_stores_nothing(
    qtbot: QtBot, tab: NaturalGraduationTab, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ng.propose

    def cancelled(session, *args, progress, token, **kwargs):
        token.cancel()  # the user pressed Batal while it ran
        return real(session, *args, progress=progress, token=token, **kwargs)

    monkeypatch.setattr(ng, "propose", cancelled)
    click(qtbot, tab.propose_button)
    assert "dibatalkan" in tab.message_label.text()
    assert tab.run is None and runs(db) == 0 and tab.propose_button.isEnabled()


def test_enter_opens_the_family(qtbot: QtBot, tab: NaturalGraduationTab, families: dict[str, str]) -> None:
    usulkan(qtbot, tab)
    tab.select_rows([tab.model.row_of(families["died"])])
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.household_id == families["died"]
    with qtbot.waitSignal(tab.caseload_changed):
        dialog.reject()
    assert tab.dialog is None


def test_the_graduasi_page_holds_the_tab(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(2)
    page = window.graduation_page
    qtbot.waitUntil(page.isVisible)
    tab = page.natural_tab
    assert isinstance(tab, NaturalGraduationTab)
    assert page.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: not tab.busy)
    assert tab.quarter_combo.currentText() == last_finished_quarter(date.today())
    click(qtbot, tab.propose_button)
    assert tab.run is not None, tab.message_label.text()
    assert tab.model.rowCount() == len(tab.run.proposals)
