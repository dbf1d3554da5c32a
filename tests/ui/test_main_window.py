"""The main window: navigation with Ctrl+1…Ctrl+0, title and status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from simoncer_desktop.store import Database
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.pages.data_quality_page import DataQualityPage
from simoncer_desktop.ui.pages.graduation_page import GraduationPage
from simoncer_desktop.ui.pages.relief_page import ReliefPage
from simoncer_desktop.ui.pages.reports_page import ReportsPage
from simoncer_desktop.ui.pages.settings_page import SettingsPage
from simoncer_desktop.ui.pages.sync_page import SyncPage

PAGES = [
    "Beranda",
    "Keluarga",
    "Graduasi",
    "Bencana",
    "Laporan",
    "Kualitas Data",
    "Sinkronisasi",
    "Pengaturan",
    "Jejak Audit",
    "Konflik",
]


def test_title_and_navigation_items(window: MainWindow) -> None:
    assert window.windowTitle() == "Simoncer — Sistem Monitoring Cerdas"
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == PAGES
    assert window.current_page_key() == "home"


@pytest.mark.parametrize("number", range(1, 9))
def test_ctrl_number_switches_page(qtbot: QtBot, window: MainWindow, number: int) -> None:
    start = 1 if number != 2 else 3
    window.show_page(start - 1)
    qtbot.keyClick(window.navigation, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == number - 1
    assert window.navigation.currentRow() == number - 1
    page = window.stack.currentWidget()
    assert page.isVisible()
    if number == 6:
        assert isinstance(page, DataQualityPage)
    elif number == 3:
        assert isinstance(page, GraduationPage)
        assert page.tabs.count() == 4
    elif number == 4:
        assert isinstance(page, ReliefPage)
        assert page.tabs.tabText(0) == "Kejadian"
    elif number == 5:
        assert isinstance(page, ReportsPage)
    elif number == 7:
        assert isinstance(page, SyncPage)
    elif number == 8:
        assert isinstance(page, SettingsPage)


def test_shortcuts_work_from_inside_the_caseload_page(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(1)
    window.caseload_page.table.setFocus()
    qtbot.keyClick(window.caseload_page.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "home"


def test_keluarga_page_puts_the_cursor_in_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.caseload_page.search_edit.hasFocus()


def test_status_bar_and_home_show_the_caseload(window: MainWindow, demo_db: Database) -> None:
    assert window.count_label.text() == "300 keluarga"
    assert window.sync_status.state_label.text() == "Belum terdaftar di server"
    assert str(demo_db.path) in window.db_label.text()
    assert window.home_page.total_value.text() == "300"
    active = int(window.home_page.active_value.text().replace(".", ""))
    assert 0 < active <= 300


def test_ready_after_show(window: MainWindow) -> None:
    assert window.is_ready()
    assert window.caseload_page.model.is_loaded(0)


def test_home_counts_the_open_disaster_events(qtbot: QtBot, window: MainWindow) -> None:
    from datetime import datetime

    from simoncer_desktop.services import relief_events as ev

    assert window.home_page.events_value.text() == "0"
    with window.db.transaction() as s:
        ev.create_event(
            s,
            ev.EventInput(
                "banjir", "Banjir Uji", datetime(2026, 11, 20, 8, 0), "32.71.01", [ev.AreaInput("32.71.01.1001")]
            ),
            "operator uji",
        )
    window.show_page(3)
    qtbot.waitUntil(lambda: window.relief_page.events_tab.events.rowCount() == 1)
    window.show_page(0)
    qtbot.waitUntil(lambda: window.home_page.events_value.text() == "1")
    assert "Banjir Uji" in window.home_page.events_value.toolTip()


def test_heavy_pages_are_made_when_first_shown(qtbot: QtBot, window: MainWindow) -> None:
    """Start-up pays only for Beranda and Keluarga; Graduasi, Bencana and Kualitas Data (and the report
    libraries they import) are made on first use, in their place in the navigation."""
    assert window.stack.count() == len(PAGES)
    for key in ("graduation", "disaster", "reports", "quality", "audit"):
        assert key not in window._built
    window.show_page(3)
    page = window.stack.currentWidget()
    assert page is window.relief_page and page.isVisible()
    assert window.stack.indexOf(page) == 3 and window.stack.count() == len(PAGES)
    assert "graduation" not in window._built
    assert window.relief_page is page  # made once


def test_forms_name_the_signed_in_user_as_the_one_who_acts(window: MainWindow) -> None:
    """Who decides, registers or hands over is the user signed in, not the computer's account name."""
    window.show_page(2)
    assert window.db.identity is not None
    assert window.graduation_page.decision_tab.decider_edit.text() == window.db.identity.full_name == "Admin Uji"
