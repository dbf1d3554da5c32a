"""Choosing English in *Pengaturan* switches the open window at once, and choosing Bahasa switches it back:
navigation, menus, status bar and pages are made anew in the chosen language, and the choice is stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from simoncer_desktop import preferences, translation
from simoncer_desktop.ui import i18n
from simoncer_desktop.ui.app import apply_language
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.pages.settings_page import SettingsPage
from tests.translation_fakes import release_catalogue


@pytest.fixture
def english_available(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    catalogue = release_catalogue(tmp_path)
    monkeypatch.setattr(i18n, "catalogue_path", lambda: catalogue)
    yield
    apply_language(qapp, preferences.INDONESIAN)  # every other test expects Bahasa


def choose(window: MainWindow, qtbot: QtBot, language: str) -> SettingsPage:
    window.show_page(window.page_index("settings"))
    page = window.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    page.language_combo.setCurrentIndex(page.language_combo.findData(language))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not page and window.current_page_key() == "settings")
    new_page = window.stack.currentWidget()
    assert isinstance(new_page, SettingsPage)
    return new_page


def nav_titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_choosing_english_switches_the_window_now_and_back(
    qtbot: QtBot, window: MainWindow, english_available: None
) -> None:
    assert nav_titles(window)[:2] == ["Beranda", "Keluarga"]
    assert window.account_menu.title() == "&Akun"

    page = choose(window, qtbot, preferences.ENGLISH)
    assert preferences.stored_language() == preferences.ENGLISH
    assert nav_titles(window)[:3] == ["Home", "Families", "Graduation"]
    assert [a.text() for a in window.menuBar().actions()] == ["&Account", "&Help"]
    assert window.help_action.text() == "&User guide"
    assert window.user_label.text().startswith("User: ")
    assert page.language_combo.currentData() == preferences.ENGLISH
    assert page.save_button.text() == "&Save"
    assert translation.translate("enums", "Aktif") == "Active"  # the services' text follows
    window.show_page(1)
    assert window.caseload_page.new_button.text().replace("&", "") == "New family"

    page = choose(window, qtbot, preferences.INDONESIAN)
    assert preferences.stored_language() == preferences.INDONESIAN
    assert nav_titles(window)[:2] == ["Beranda", "Keluarga"]
    assert [a.text() for a in window.menuBar().actions()] == ["&Akun", "&Bantuan"]
    assert page.save_button.text() == "&Simpan"
    assert translation.translate("enums", "Aktif") == "Aktif"
