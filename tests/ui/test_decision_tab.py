"""The *Usulan dan persetujuan* tab driven as a user would: propose a family by No. KK with its latest
assessment, be refused when approving one's own proposal, approve as someone else (the family becomes
Graduasi sejahtera mandiri, two follow-up visits listed), reject with a reason, print the family's PDF,
and open the family with Enter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from simoncer_desktop.models import Household
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import assessment as asm
from simoncer_desktop.services import caseload
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.decision_models import ProposalColumn
from simoncer_desktop.ui.pages.decision_tab import DecisionTab
from simoncer_desktop.ui.tasks import TaskRunner
from tests.factories import family
from tests.unit.test_assessment import BEST, WORST

TODAY = date.today()
PROPOSER = "Rina Pendamping"


def add_family(db: Database, serial: int, assessed: bool = True) -> tuple[str, str]:
    data, members = family(serial)
    with db.transaction() as s:
        hh = caseload.create_household(s, data, members)
        if assessed:
            asm.record_assessment(s, hh, WORST, TODAY - timedelta(days=200), PROPOSER)
            asm.record_assessment(s, hh, BEST, TODAY - timedelta(days=3), PROPOSER)
    return hh, data.no_kk


@pytest.fixture
def tab(qtbot: QtBot, db: Database) -> Iterator[DecisionTab]:
    widget = DecisionTab(db, TaskRunner(), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def propose(qtbot: QtBot, tab: DecisionTab, no_kk: str, reason: str = "Usaha warung sudah berjalan") -> None:
    qtbot.mouseClick(tab.propose_button, Qt.MouseButton.LeftButton)
    dialog = tab.propose_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.no_kk_edit, no_kk)
    assert "Mandiri" in dialog.family_label.text()  # the latest assessment supports it
    qtbot.keyClicks(dialog.reason_edit, reason)
    dialog.proposer_edit.clear()
    qtbot.keyClicks(dialog.proposer_edit, PROPOSER)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.propose_dialog is None


def cell(tab: DecisionTab, row: int, column: int) -> str:
    return tab.model.index(row, column).data()


def test_propose_approve_follow_ups_and_print(qtbot: QtBot, db: Database, tab: DecisionTab, tmp_path: Path) -> None:
    hh, no_kk = add_family(db, 1)
    assert tab.model.rowCount() == 0
    propose(qtbot, tab, no_kk)
    assert tab.status() == "diusulkan"
    assert tab.model.rowCount() == 1
    assert cell(tab, 0, ProposalColumn.NO_KK) == no_kk
    assert cell(tab, 0, ProposalColumn.ASSESSMENT).startswith("Mandiri (100,00")
    assert tab.selected() is not None and tab.approve_button.isEnabled()

    # the proposer may not approve their own proposal
    tab.decider_edit.setText(" rina  pendamping ")
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert "pengusul tidak boleh memutuskan usulannya sendiri" in tab.message_label.text()
    assert tab.message_label.isVisible()
    with db.read() as s:
        assert s.get(Household, hh).status == HouseholdStatus.ACTIVE

    tab.decider_edit.setText("Kasi Dedi Supervisor")
    with qtbot.waitSignal(tab.caseload_changed):
        qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    assert not tab.message_label.isVisible()
    with db.read() as s:
        assert HouseholdStatus(s.get(Household, hh).status).label == "Graduasi sejahtera mandiri"
    assert tab.status() == "disetujui"
    assert cell(tab, 0, ProposalColumn.DECIDED).startswith("Kasi Dedi Supervisor")
    assert tab.follow_up_list.isVisible()
    assert [tab.follow_up_list.item(i).text() for i in range(tab.follow_up_list.count())] == [
        f"Jatuh tempo {v.due_on:%d-%m-%Y} — belum dikunjungi" for v in tab.follow_ups
    ]
    assert len(tab.follow_ups) == 2
    assert not tab.approve_button.isEnabled()  # decided already

    out = tmp_path / "laporan.pdf"
    asked: list[str] = []
    tab.ask_pdf_path = lambda suggested: asked.append(suggested) or str(out)  # type: ignore[method-assign]
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert asked == [f"laporan_graduasi_{no_kk}.pdf"]
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert str(out) in tab.result_label.text()


def test_reject_asks_for_the_reason(qtbot: QtBot, db: Database, tab: DecisionTab) -> None:
    hh, no_kk = add_family(db, 2)
    propose(qtbot, tab, no_kk)
    tab.decider_edit.setText("Kasi Dedi Supervisor")
    tab.ask_rejection_reason = lambda: None  # type: ignore[method-assign]
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)  # cancelled: nothing happens
    assert tab.status() == "diusulkan" and tab.model.rowCount() == 1
    tab.ask_rejection_reason = lambda: "Pendapatan belum stabil"  # type: ignore[method-assign]
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    assert tab.status() == "ditolak"
    assert cell(tab, 0, ProposalColumn.NOTE) == "Pendapatan belum stabil"
    assert not tab.follow_up_list.isVisible()
    with db.read() as s:
        assert s.get(Household, hh).status == HouseholdStatus.ACTIVE
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("diusulkan"))
    assert tab.model.rowCount() == 0


def test_a_family_without_assessment_cannot_be_proposed(qtbot: QtBot, db: Database, tab: DecisionTab) -> None:
    _hh, no_kk = add_family(db, 3, assessed=False)
    qtbot.mouseClick(tab.propose_button, Qt.MouseButton.LeftButton)
    dialog = tab.propose_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.no_kk_edit, no_kk)
    qtbot.keyClicks(dialog.reason_edit, "Alasan")
    assert not dialog.save_button.isEnabled()
    assert "belum pernah diasesmen" in dialog.boxes["no_kk"].message
    dialog.no_kk_edit.setText("3271010000000000")
    assert "tidak ada keluarga" in dialog.boxes["no_kk"].message
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert tab.propose_dialog is None


def test_enter_opens_the_family(qtbot: QtBot, db: Database, tab: DecisionTab) -> None:
    hh, no_kk = add_family(db, 4)
    propose(qtbot, tab, no_kk)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.dialog is not None and tab.dialog.household_id == hh
    tab.dialog.reject()
    assert tab.dialog is None
