"""Recording a follow-up visit on the *Usulan dan persetujuan* tab: select a listed visit, *Catat
kunjungan…*, be refused (no notes for a family no longer independent; a date before the graduation),
then record it and see the visit listed as done."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from simoncer_desktop.models import FollowUpVisit
from simoncer_desktop.store import Database
from simoncer_desktop.ui.pages.decision_tab import DecisionTab
from simoncer_desktop.ui.tasks import TaskRunner
from tests.ui.test_decision_tab import TODAY, add_family, propose


@pytest.fixture
def approved(qtbot: QtBot, db: Database) -> Iterator[DecisionTab]:
    widget = DecisionTab(db, TaskRunner(), today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    _hh, no_kk = add_family(db, 11)
    propose(qtbot, widget, no_kk)
    widget.decider_edit.setText("Kasi Dedi Supervisor")
    qtbot.mouseClick(widget.approve_button, Qt.MouseButton.LeftButton)
    assert widget.status() == "disetujui" and len(widget.follow_ups) == 2
    yield widget


def open_first_visit(qtbot: QtBot, tab: DecisionTab) -> None:
    assert not tab.visit_button.isEnabled()  # no visit selected yet
    tab.follow_up_list.setCurrentRow(0)
    assert tab.visit_button.isEnabled()
    qtbot.mouseClick(tab.visit_button, Qt.MouseButton.LeftButton)
    assert tab.visit_dialog is not None
    qtbot.waitExposed(tab.visit_dialog)


def test_not_independent_needs_notes(qtbot: QtBot, db: Database, approved: DecisionTab) -> None:
    tab = approved
    open_first_visit(qtbot, tab)
    dialog = tab.visit_dialog
    assert dialog is not None
    assert not dialog.save_button.isEnabled()  # ya/tidak not chosen yet
    dialog.independent_combo.setCurrentIndex(dialog.independent_combo.findData(False))
    assert not dialog.save_button.isEnabled()
    assert dialog.boxes["notes"].message == "Catatan: wajib diisi bila keluarga tidak lagi mandiri"
    # a date before the graduation is refused by the service, under the date; the dialog stays open
    dialog.independent_combo.setCurrentIndex(dialog.independent_combo.findData(True))
    dialog.visited_edit.set_value(TODAY - timedelta(days=10))
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.visit_dialog is dialog
    assert "sebelum tanggal graduasi" in dialog.boxes["visited_on"].message
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert tab.visit_dialog is None
    with db.read() as s:
        assert s.get(FollowUpVisit, tab.follow_ups[0].id).visited_on is None
    assert tab.follow_up_list.item(0).text().endswith("belum dikunjungi")


def test_record_a_visit(qtbot: QtBot, db: Database, approved: DecisionTab) -> None:
    tab = approved
    visit = tab.follow_ups[0]
    open_first_visit(qtbot, tab)
    dialog = tab.visit_dialog
    assert dialog is not None
    visited = TODAY + timedelta(days=1)
    dialog.visited_edit.set_value(visited)
    dialog.independent_combo.setCurrentIndex(dialog.independent_combo.findData(False))
    qtbot.keyClicks(dialog.notes_edit, "Usaha warung tutup")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.visit_dialog is None
    assert "Kunjungan lanjutan tercatat" in tab.result_label.text()
    with db.read() as s:
        row = s.get(FollowUpVisit, visit.id)
        assert (row.visited_on, row.still_independent, row.notes) == (visited, False, "Usaha warung tutup")
    assert tab.follow_up_list.item(0).text() == (
        f"Jatuh tempo {visit.due_on:%d-%m-%Y} — dikunjungi {visited:%d-%m-%Y}, tidak lagi mandiri"
    )
    assert tab.selected_visit() is not None and tab.selected_visit().id == visit.id
