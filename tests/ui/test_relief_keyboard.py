"""Registering a victim family with the keyboard alone (the operator's hands never leave it): a KPM
family by its NIK in about twenty keystrokes, and a family outside the caseload typed field by field."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from simoncer_desktop.models import Household, Member
from simoncer_desktop.services import relief_events as ev
from simoncer_desktop.ui.dialogs.victim_dialog import VictimDialog
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.models.relief_models import VictimColumn
from simoncer_desktop.ui.pages.relief_events_tab import ReliefEventsTab

KECAMATAN = "32.71.01"


class Keys:
    """Presses keys on whatever has the focus, as a person would, and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)
        QApplication.processEvents()  # as between two real key presses (a cell editor commits queued)
        self.count += 1

    def type(self, text: str) -> None:
        for char in text:  # each key to whatever has the focus then (the first may open a cell editor)
            self.qtbot.keyClicks(self.focus(), char)
            QApplication.processEvents()
        self.count += len(text)


def open_tab(window: MainWindow, qtbot: QtBot) -> ReliefEventsTab:
    with window.db.transaction() as s:
        ev.create_event(
            s,
            ev.EventInput(
                kind="banjir",
                title="Banjir Ciliwung",
                occurred_at=datetime(2026, 11, 24, 16, 0),
                kecamatan_code=KECAMATAN,
                areas=[ev.AreaInput(f"{KECAMATAN}.1001")],
            ),
            "operator uji",
        )
    keys = Keys(qtbot)
    window.navigation.setFocus()
    keys.press(Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    tab = window.relief_page.events_tab
    qtbot.waitUntil(lambda: tab.isVisible() and tab.events.rowCount() == 1)
    tab.events_table.setFocus()
    return tab


def registration(tab: ReliefEventsTab, keys: Keys, qtbot: QtBot) -> VictimDialog:
    keys.press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, VictimDialog))
    dialog = tab.dialog
    assert isinstance(dialog, VictimDialog)
    dialog.activateWindow()  # offscreen windows are not activated by the platform
    qtbot.waitUntil(dialog.isActiveWindow)
    assert keys.focus() is dialog.search_edit  # typing can start at once
    return dialog


def test_a_kpm_family_by_nik_in_about_twenty_keystrokes(window: MainWindow, qtbot: QtBot) -> None:
    tab = open_tab(window, qtbot)
    with window.db.read() as s:
        nik, name = s.execute(
            select(Member.nik, Member.name)
            .join(Household, Household.id == Member.household_id)
            .where(Household.status == "aktif", Member.nik.is_not(None), Household.kelurahan_code.startswith(KECAMATAN))
            .order_by(Member.id)
            .limit(1)
        ).one()
    keys = Keys(qtbot)
    dialog = registration(tab, keys, qtbot)
    keys.type(nik)
    keys.press(Qt.Key.Key_Return)  # picks the match: the family and its members are filled in
    assert "KPM" in dialog.kpm_badge.text() and name in {v.name for v in dialog.victims.victims}
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # saves
    qtbot.waitUntil(lambda: tab.dialog is None and tab.events.rows[0].families == 1)
    assert keys.count == len(nik) + 3
    assert tab.families.rows[0].is_kpm


def test_a_family_outside_the_caseload_typed_with_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    tab = open_tab(window, qtbot)
    keys = Keys(qtbot)
    dialog = registration(tab, keys, qtbot)
    keys.press(Qt.Key.Key_Tab)  # past the (empty, hidden) result list to the No. KK
    assert keys.focus() is dialog.no_kk_edit
    keys.press(Qt.Key.Key_Tab)  # no No. KK: the papers were lost
    keys.type("Sari Wulandari")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Kp. Sawah RT 2")
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is dialog.kelurahan_combo
    keys.press(Qt.Key.Key_Down)  # the first kelurahan of the kecamatan
    keys.press(Qt.Key.Key_Tab)
    keys.type("2")
    keys.press(Qt.Key.Key_Tab)
    keys.type("5")
    keys.press(Qt.Key.Key_Tab)  # no telephone
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is dialog.damage_combo
    for _ in range(3):
        keys.press(Qt.Key.Key_Down)  # up to rusak berat
    assert dialog.damage_combo.currentData() == "berat"
    keys.press(Qt.Key.Key_Tab)
    keys.type("tenda, selimut")
    keys.press(Qt.Key.Key_Tab)
    keys.type("KK hanyut")
    assert [v.name for v in dialog.victims.victims] == ["Sari Wulandari"]  # the head is the first victim
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is dialog.victims_table
    table = dialog.victims_table
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, VictimColumn.NAME)
    for _ in range(VictimColumn.SEX - VictimColumn.NAME):
        keys.press(Qt.Key.Key_Right)
    keys.type("P")  # a key opens the choice; P = perempuan
    keys.press(Qt.Key.Key_Return)
    for _ in range(VictimColumn.REASON - VictimColumn.SEX):
        keys.press(Qt.Key.Key_Right)
    keys.type("KTP hanyut")
    keys.press(Qt.Key.Key_Return)
    (head,) = dialog.victims.victims
    assert (head.sex, head.no_document_reason) == ("P", "KTP hanyut")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # saves
    qtbot.waitUntil(lambda: tab.dialog is None and tab.events.rows[0].families == 1)
    row = tab.families.rows[0]
    assert (row.head_name, row.is_kpm, row.flagged, row.damage) == ("Sari Wulandari", False, True, "berat")
    assert keys.count <= 100  # ~30 s at three keys a second: within the minute the issue asks for
