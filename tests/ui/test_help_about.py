"""Bantuan: the user guide (F1, non-modal, contents and search) and Tentang Simoncer (version, folders,
licences); both fit a 1366×768 laptop."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from simoncer_desktop import __version__, paths
from simoncer_desktop.store import Database, migrated_by_version
from simoncer_desktop.ui.dialogs import about_dialog, help_dialog
from simoncer_desktop.ui.dialogs.about_dialog import AboutDialog, third_party
from simoncer_desktop.ui.dialogs.help_dialog import HelpDialog, slug
from simoncer_desktop.ui.main_window import MainWindow
from tests.ui.test_look import USABLE, cut_off, styled  # noqa: F401 (fixture)


def guide_headings() -> list[str]:
    """The headings written in the guide's Markdown (outside code blocks), without their marks."""
    text = paths.resource_path("help", "panduan-pengguna.md").read_text(encoding="utf-8")
    headings: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            headings.append(re.sub(r"[*`]", "", line.lstrip("#").strip()))
    return headings


@pytest.fixture
def shown(qtbot: QtBot, styled: QApplication, demo_db: Database) -> MainWindow:  # noqa: F811
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(USABLE)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def open_guide(qtbot: QtBot, window: MainWindow) -> HelpDialog:
    qtbot.keyClick(window.navigation, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def fits_the_laptop(dialog: QDialog) -> None:
    hint = dialog.minimumSizeHint()
    assert hint.width() <= USABLE.width() and hint.height() <= USABLE.height()
    assert dialog.width() <= USABLE.width() and dialog.height() <= USABLE.height()
    assert cut_off(dialog) == []


def test_help_menu_has_the_guide_on_f1_and_about(shown: MainWindow) -> None:
    assert shown.help_menu.title() == "&Bantuan"
    texts = [action.text() for action in shown.help_menu.actions() if not action.isSeparator()]
    assert texts == ["&Panduan pengguna", "&Tentang Simoncer"]
    assert shown.help_action.shortcut().toString() == "F1"
    assert [menu.title() for menu in (a.menu() for a in shown.menuBar().actions()) if menu] == ["&Akun", "&Bantuan"]


def test_f1_opens_the_guide_beside_the_window(qtbot: QtBot, shown: MainWindow) -> None:
    dialog = open_guide(qtbot, shown)
    assert not dialog.isModal()
    assert shown.isEnabled()  # the window stays usable while the guide is open
    assert dialog.windowTitle() == "Panduan Pengguna — Simoncer"
    assert shown.open_help() is dialog  # one guide: opening again brings the same one forward
    fits_the_laptop(dialog)


def test_the_guide_is_rendered_with_its_contents(qtbot: QtBot, shown: MainWindow) -> None:
    dialog = open_guide(qtbot, shown)
    expected = guide_headings()
    assert len(expected) >= 9  # title and the eight chapters at least
    assert dialog.headings() == expected
    assert "#" not in dialog.browser.toPlainText().splitlines()[0]  # Markdown rendered, not shown as text
    first = dialog.browser.document().begin()
    assert first.blockFormat().headingLevel() == 1 and first.text() == expected[0]
    # chapters are top-level items (beside the title), sections under them
    chapters = [dialog.contents.topLevelItem(i).text(0) for i in range(dialog.contents.topLevelItemCount())]
    assert chapters[0] == expected[0]
    assert any(title.startswith("7.") for title in chapters)


def test_choosing_a_heading_in_the_contents_goes_there(qtbot: QtBot, shown: MainWindow) -> None:
    dialog = open_guide(qtbot, shown)
    tree = dialog.contents
    last_chapter = tree.topLevelItem(tree.topLevelItemCount() - 1)
    target = last_chapter.child(last_chapter.childCount() - 1) if last_chapter.childCount() else last_chapter
    tree.setCurrentItem(target)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # itemActivated
    cursor_block = dialog.browser.textCursor().block()
    assert cursor_block.text() == target.text(0)
    assert cursor_block.blockFormat().headingLevel() > 0
    scrollbar = dialog.browser.verticalScrollBar()
    if scrollbar.maximum() > 0:
        assert scrollbar.value() > 0  # a late heading is scrolled into view
    first = tree.topLevelItem(0)
    tree.itemClicked.emit(first, 0)
    assert dialog.browser.textCursor().block().text() == first.text(0)
    assert scrollbar.value() == 0


def test_links_to_headings_inside_the_guide_work(qtbot: QtBot, shown: MainWindow) -> None:
    dialog = open_guide(qtbot, shown)
    chapter = next(title for title in dialog.headings() if title.startswith("7."))
    assert slug("7. Pintasan keyboard") == "7-pintasan-keyboard"
    dialog.browser.anchorClicked.emit(QUrl("#" + slug(chapter)))
    assert dialog.browser.textCursor().block().text() == chapter


def test_ctrl_f_searches_the_guide(qtbot: QtBot, shown: MainWindow) -> None:
    dialog = open_guide(qtbot, shown)
    dialog.browser.setFocus()
    qtbot.keyClick(dialog.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.search_edit.hasFocus()
    word = "kata sandi"
    qtbot.keyClicks(dialog.search_edit, word)
    matches = dialog.browser.toPlainText().lower().count(word)
    assert matches >= 2
    assert len(dialog.browser.extraSelections()) == dialog.match_count == matches  # all highlighted
    assert dialog.search_status.text() == f"{matches} ditemukan"
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    first = dialog.browser.textCursor()
    assert first.selectedText().lower() == word
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    second = dialog.browser.textCursor()
    assert second.selectedText().lower() == word and second.position() > first.position()
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.browser.textCursor().position() == first.position()
    assert dialog.isVisible()  # Enter searched; it did not press a button of the dialog
    dialog.search_edit.setText("zzzz-tidak-ada")
    assert not dialog.find_next()
    assert dialog.search_status.text() == "Tidak ditemukan"
    assert dialog.browser.extraSelections() == []


def test_a_missing_guide_says_where_it_was_looked_for(
    qtbot: QtBot,
    styled: QApplication,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(help_dialog, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    assert "Panduan pengguna tidak ditemukan" in dialog.browser.toPlainText()
    assert str(tmp_path) in dialog.browser.toPlainText()
    assert dialog.headings() == []


def test_about_names_the_version_the_database_and_the_folders(
    qtbot: QtBot, shown: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    shown.about_action.trigger()
    assert len(opened) == 1
    dialog = opened[0]
    with demo_db.read() as session:
        migrated = migrated_by_version(session)
    assert migrated  # the test database was migrated by this version of the app
    assert dialog.windowTitle() == "Tentang Simoncer"
    assert dialog.version_value.text() == __version__
    assert dialog.migrated_value.text() == migrated
    assert dialog.database_value.text() == str(demo_db.path)
    assert dialog.data_value.text() == str(paths.data_dir())
    assert dialog.log_value.text() == str(paths.log_dir())

    urls: list[QUrl] = []
    monkeypatch.setattr(about_dialog.QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    dialog.open_data_button.click()
    dialog.open_log_button.click()
    assert [Path(url.toLocalFile()) for url in urls] == [paths.data_dir(), paths.log_dir()]


def test_about_shows_every_licence(qtbot: QtBot, styled: QApplication, demo_db: Database) -> None:  # noqa: F811
    dialog = AboutDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.licences.toPlainText()
    for component in third_party():
        assert component.name in text and component.licence in text
    for name in (
        "Qt 6 / PySide6",
        "SQLAlchemy",
        "Alembic",
        "SQLCipher",
        "ReportLab",
        "openpyxl",
        "Pillow",
        "argon2-cffi",
        "cryptography",
        "platformdirs",
        "lxml",
    ):
        assert name in text
    assert "LGPL-3.0" in text and "HPND" in text and "Apache-2.0" in text
    wilayah = paths.resource_path("wilayah.LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in wilayah
    for line in (line.strip() for line in wilayah.splitlines()):
        assert line in text  # the wilayah licence in full
    assert "Bitstream" in text and "DejaVu" in text
    fits_the_laptop(dialog)


def test_the_bundled_licences_file_lists_the_same_components() -> None:
    listing = paths.resource_path("LICENSES.md").read_text(encoding="utf-8")
    assert len(third_party()) == 14 and third_party()[0].name == "Qt 6 / PySide6 / Shiboken6"  # the table is read
    for component in third_party():
        assert f"| {component.name} | {component.licence} | {component.url} |" in listing
    assert "resources/wilayah.LICENSE" in listing and "DejaVuSans.LICENSE" in listing
