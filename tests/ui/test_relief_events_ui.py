"""The *Bencana* page, *Kejadian* tab: create an event, register a KPM family found by NIK and a family
typed by hand, see the numbers change, and get the refusal of a duplicate."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from simoncer_desktop.models import Household, Member
from simoncer_desktop.ui.dialogs.event_dialog import EventDialog
from simoncer_desktop.ui.dialogs.victim_dialog import VictimDialog
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.models.relief_models import VictimColumn
from simoncer_desktop.ui.pages.relief_events_tab import ReliefEventsTab
from simoncer_desktop.ui.widgets.form import select_value
from tests.ui.conftest import Answers

KECAMATAN = "32.71.01"


@pytest.fixture
def tab(window: MainWindow, qtbot: QtBot) -> ReliefEventsTab:
    window.show_page(3)
    assert window.current_page_key() == "disaster"
    events_tab = window.relief_page.events_tab
    qtbot.waitUntil(events_tab.isVisible)
    assert window.relief_page.tabs.tabText(0) == "Kejadian"
    return events_tab


def kpm_member(window: MainWindow) -> tuple[str, str, int]:
    """NIK, name and number of living members of an active family of the demo caseload."""
    with window.db.read() as s:
        household = s.scalars(
            select(Household).where(Household.status == "aktif", Household.deleted.is_(False)).order_by(Household.id)
        ).first()
        members = [m for m in household.members if not m.deleted and not m.deceased]
        member = next(m for m in members if m.nik)
        assert s.get(Member, member.id) is not None
        return member.nik, member.name, len(members)


def create_event(tab: ReliefEventsTab, qtbot: QtBot) -> None:
    tab.new_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, EventDialog)
    assert not dialog.save_button.isEnabled()  # nothing chosen yet
    select_value(dialog.kind_combo, "banjir")
    qtbot.keyClicks(dialog.title_edit, "Banjir Cikapundung")
    select_value(dialog.kecamatan_combo, KECAMATAN)
    assert not dialog.save_button.isEnabled()  # the area's kelurahan is still missing
    assert "kelurahan wajib dipilih" in dialog.errors["areas"]
    dialog.area_rows[0].kelurahan_combo.setCurrentIndex(1)
    qtbot.keyClicks(dialog.area_rows[0].rt_edit, "3")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None and tab.events.rowCount() == 1)


def open_registration(tab: ReliefEventsTab) -> VictimDialog:
    assert tab.register_button.isEnabled()
    tab.register_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, VictimDialog)
    return dialog


def test_events_and_victims_flow(tab: ReliefEventsTab, window: MainWindow, qtbot: QtBot) -> None:
    create_event(tab, qtbot)
    event = tab.events.rows[0]
    assert event.title == "Banjir Cikapundung" and event.kecamatan_name == "Bogor Selatan"
    assert "RT 3" in event.areas_text and tab.selected_event_id() == event.id
    assert tab.families.rowCount() == 0

    # A KPM family found by NIK: Enter picks the first match and fills the family and its members.
    nik, name, living = kpm_member(window)
    dialog = open_registration(tab)
    qtbot.keyClicks(dialog.search_edit, nik[:12])
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    dialog.search_edit.setText(nik)
    dialog.run_search()
    assert dialog.results.count() == 1
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    assert "KPM" in dialog.kpm_badge.text()
    assert dialog.victims.rowCount() == living
    assert name in {v.name for v in dialog.victims.victims}
    select_value(dialog.damage_combo, "berat")
    dialog.victims.setData(dialog.victims.index(0, VictimColumn.DISPLACED), True, Qt.ItemDataRole.CheckStateRole)
    dialog.needs_edit.setFocus()
    qtbot.keyClicks(dialog.needs_edit, "tenda")
    qtbot.keyClick(dialog.needs_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # saves
    qtbot.waitUntil(lambda: tab.dialog is None)
    qtbot.waitUntil(lambda: tab.events.rows[0].families == 1)
    assert (tab.events.rows[0].people, tab.events.rows[0].displaced) == (living, 1)
    assert tab.families.rowCount() == 1 and tab.families.rows[0].is_kpm
    assert tab.selected_family_id() == tab.families.rows[0].id

    # A family typed by hand, without documents: the head becomes the first victim.
    dialog = open_registration(tab)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.head_edit, "Sari Wulandari")
    assert [v.name for v in dialog.victims.victims] == ["Sari Wulandari"]
    dialog.kelurahan_combo.setCurrentIndex(1)
    qtbot.keyClicks(dialog.reason_edit, "KK hanyut")
    victims = dialog.victims
    victims.setData(victims.index(0, VictimColumn.SEX), "P")
    victims.setData(victims.index(0, VictimColumn.REASON), "KTP hanyut")
    dialog.add_victim_button.click()
    victims.setData(victims.index(1, VictimColumn.NAME), "Bayu")
    victims.setData(victims.index(1, VictimColumn.SEX), "L")
    victims.setData(victims.index(1, VictimColumn.INJURY), "berat")
    victims.setData(victims.index(1, VictimColumn.REASON), "Belum punya KTP")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None and tab.events.rows[0].families == 2)
    row = tab.events.rows[0]
    assert (row.people, row.injured) == (living + 2, 1)
    assert "1 keluarga tanpa dokumen" in tab.flagged_label.text()
    assert tab.families.index(0, 0).data() in {"Sari Wulandari", tab.families.rows[0].head_name}

    # Enter on a family opens it (and tells whoever listens which family).
    window.activateWindow()  # offscreen, closing the dialog does not give the window back its focus
    qtbot.waitUntil(window.isActiveWindow)
    tab.families_table.setFocus()
    with qtbot.waitSignal(tab.family_activated) as activated:
        qtbot.keyClick(tab.families_table, Qt.Key.Key_Return)
    details = tab.dialog
    assert isinstance(details, VictimDialog) and activated.args == [tab.selected_family_id()]
    assert details.windowTitle() == "Rincian korban" and details.victims.rowCount() in (2, living)
    details.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)

    # The victims list searches by name.
    tab.search_edit.setText("wulan")
    tab.load_families()
    assert [r.head_name for r in tab.families.rows] == ["Sari Wulandari"]

    # The same person again: the search marks them, and typing them by hand is refused by the service.
    dialog = open_registration(tab)
    dialog.search_edit.setText(nik)
    dialog.run_search()
    assert "SUDAH TERDAFTAR" in dialog.results.item(0).text()
    dialog.pick(0)
    assert "sudah terdaftar" in dialog.search_hint.text()
    assert dialog.victims.rowCount() == 0
    qtbot.keyClicks(dialog.head_edit, name)
    dialog.kelurahan_combo.setCurrentIndex(1)
    qtbot.keyClicks(dialog.reason_edit, "KK hilang")
    with window.db.read() as s:
        sex = s.scalar(select(Member.sex).where(Member.nik == nik))
    victims = dialog.victims
    victims.setData(victims.index(0, VictimColumn.SEX), sex)
    victims.setData(victims.index(0, VictimColumn.NIK), nik)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is dialog and dialog.isVisible()
    refusals = dialog.refusal_messages()
    assert any("Korban 1: NIK" in m and "sudah terdaftar pada kejadian ini" in m for m in refusals), refusals
    assert victims.index(0, VictimColumn.NIK).data(Qt.ItemDataRole.ToolTipRole)
    dialog.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert tab.events.rows[0].families == 2


def test_close_and_reopen_event(
    tab: ReliefEventsTab, qtbot: QtBot, answer: Callable[[QMessageBox.StandardButton], Answers]
) -> None:
    create_event(tab, qtbot)
    asked = answer(QMessageBox.StandardButton.Yes)
    assert tab.close_button.text().replace("&", "") == "Tutup kejadian"
    tab.close_button.click()
    qtbot.waitUntil(lambda: tab.events.rows[0].status == "ditutup")
    assert "Tutup kejadian Banjir Cikapundung" in asked.asked[0]
    assert not tab.register_button.isEnabled() and not tab.edit_button.isEnabled()
    assert tab.close_button.text().replace("&", "") == "Buka kembali"
    tab.close_button.click()
    qtbot.waitUntil(lambda: tab.events.rows[0].status == "dibuka")
    assert tab.register_button.isEnabled()


def test_edit_event_shows_service_refusal_under_field(tab: ReliefEventsTab, qtbot: QtBot) -> None:
    create_event(tab, qtbot)
    tab.edit_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, EventDialog)
    assert dialog.title_edit.text() == "Banjir Cikapundung" and len(dialog.area_rows) == 1
    dialog.add_area(focus=True)
    select_value(dialog.area_rows[1].kelurahan_combo, dialog.area_rows[0].kelurahan_combo.currentData())
    dialog.area_rows[1].rt_edit.setText("3")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is dialog
    assert "Wilayah 2: sama dengan wilayah 1" in dialog.boxes["areas"].message
    dialog.remove_area(dialog.area_rows[1])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.dialog is None)
    assert tab.events.rows[0].areas_text.count(";") == 0
