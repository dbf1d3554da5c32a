"""The look: one style sheet, a readable font, icons everywhere they belong, and every page usable on a
1366×768 laptop (the taskbar leaves about 1366×728): nothing too big for its place, no text cut off."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from simoncer_desktop.paths import resource_path
from simoncer_desktop.store import Database
from simoncer_desktop.ui import icons
from simoncer_desktop.ui.app import create_application
from simoncer_desktop.ui.main_window import MainWindow, page_list
from simoncer_desktop.ui.style import BASE_POINT_SIZE, apply_style, style_sheet
from tests.ui.accounts import OPERATOR, OPERATOR_PASSWORD, add_operator

USABLE = QSize(1366, 728)


@pytest.fixture
def styled() -> Iterator[QApplication]:
    """The application as users see it; font, sheet and icon put back afterwards for the other tests."""
    app = create_application()
    font, sheet, window_icon = QFont(app.font()), app.styleSheet(), QIcon(app.windowIcon())
    apply_style(app)
    yield app
    app.setFont(font)
    app.setStyleSheet(sheet)
    app.setWindowIcon(window_icon)


def open_at_laptop_size(qtbot: QtBot, database: Database) -> MainWindow:
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.resize(USABLE)
    window.show()
    qtbot.waitExposed(window)
    return window


def cut_off(root: QWidget) -> list[str]:
    """Every visible label, button or tab under ``root`` whose text does not fit the room it was given."""
    problems: list[str] = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height():
                problems.append(f"label {label.text()[:60]!r}: {needed} px high needed, {label.height()} given")
        elif label.sizeHint().width() > label.width():
            problems.append(f"label {label.text()[:60]!r}: {label.sizeHint().width()} px wide needed, {label.width()}")
    for button in root.findChildren(QAbstractButton):
        visible = isinstance(button, QPushButton) and button.isVisible() and button.text()
        if visible and button.sizeHint().width() > button.width():
            problems.append(f"button {button.text()!r}: {button.sizeHint().width()} px needed, {button.width()}")
    for combo in root.findChildren(QComboBox):
        if not combo.isVisible() or combo.isEditable() or not combo.currentText():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if needed > field.width():
            problems.append(f"combo {combo.currentText()!r}: {needed} px needed, {field.width()} shown")
    for bar in root.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for i in range(bar.count()):
            if bar.isTabVisible(i) and bar.tabRect(i).width() < bar.tabSizeHint(i).width():
                problems.append(f"tab {bar.tabText(i)!r}: {bar.tabSizeHint(i).width()} px needed")
    return problems


def check_fits(qtbot: QtBot, window: MainWindow) -> dict[str, list[str]]:
    """Show every page the signed-in role may open (and every tab of it) and collect what does not fit."""
    found: dict[str, list[str]] = {}
    for index, info in enumerate(page_list()):
        if not window._page_allowed(info.key):
            continue
        window.show_page(index)
        page = window.stack.currentWidget()
        qtbot.waitUntil(page.isVisible)
        QApplication.processEvents()
        room = window.stack.contentsRect().size()
        problems: list[str] = []
        hint = page.minimumSizeHint()
        if hint.width() > room.width() or hint.height() > room.height():
            problems.append(f"page needs at least {hint.width()}×{hint.height()}, has {room.width()}×{room.height()}")
        problems += cut_off(page)
        for tabs in page.findChildren(QTabWidget):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                QApplication.processEvents()
                problems += cut_off(tabs.widget(tab))
        if problems:
            found[info.title] = sorted(set(problems))
    return found


def test_the_style_sheet_is_the_one_file_and_the_font_is_readable(styled: QApplication) -> None:
    text = resource_path("style", "simoncer.qss").read_text(encoding="utf-8")
    assert styled.styleSheet() == style_sheet() == text.replace("@ICONS@", resource_path("icons").as_posix())
    for url in re.findall(r"url\(([^)]+)\)", styled.styleSheet()):
        assert Path(url).is_file(), url
    for selector in (
        "QListWidget#navigation",
        "QPushButton:focus",
        "alternate-background-color",
        "QGroupBox",
        "QHeaderView::section",
        "QLabel#fieldError",
        "QLabel#summary",
    ):
        assert selector in text
    assert styled.font().pointSizeF() >= BASE_POINT_SIZE >= 10
    assert not styled.windowIcon().isNull()


def test_every_page_and_menu_has_its_icon(qtbot: QtBot, styled: QApplication, demo_db: Database) -> None:
    window = open_at_laptop_size(qtbot, demo_db)
    assert not window.windowIcon().isNull()
    assert set(icons.PAGE_ICONS) == {info.key for info in page_list()}
    nav = window.navigation
    for row in range(nav.count()):
        item_icon = nav.item(row).icon()
        assert not item_icon.isNull()
        assert not item_icon.pixmap(20, 20).isNull()
    rects = [nav.visualItemRect(nav.item(row)) for row in range(nav.count())]
    assert all(rect.height() >= nav.sizeHintForRow(0) >= 30 for rect in rects)  # the sheet's padding counts
    assert all(upper.bottom() < lower.top() for upper, lower in pairwise(rects))  # no overlap
    assert rects[-1].bottom() < nav.viewport().height()  # all ten visible at 728 px
    for action in (
        window.change_password_action,
        window.lock_action,
        window.sign_out_action,
        window.users_action,
        window.help_action,
        window.about_action,
    ):
        assert not action.icon().isNull(), action.text()


def test_icons_are_one_colour_svgs_that_recolour(styled: QApplication) -> None:
    folder = resource_path("icons")
    names = set(icons.PAGE_ICONS.values()) | {"help", "about", "lock", "key", "sign-out", "users", "folder", "search"}
    for name in names:
        svg = (folder / f"{name}.svg").read_text(encoding="utf-8")
        assert 'viewBox="0 0 24 24"' in svg
        colours = {part.split('"')[0] for part in svg.split('="#')[1:]}
        assert colours == {icons.INK[1:]}, (name, colours)
    dark = icons.icon("home").pixmap(24, 24).toImage()
    light = icons.icon("home", icons.NAV_INK).pixmap(24, 24).toImage()
    assert dark != light
    assert icons.icon("no-such-icon").isNull()
    for made in ("simoncer.svg", "simoncer.png", "simoncer.ico"):
        assert (folder / made).stat().st_size > 0


def test_every_page_fits_a_1366x768_laptop_for_the_administrator(
    qtbot: QtBot, styled: QApplication, demo_db: Database
) -> None:
    window = open_at_laptop_size(qtbot, demo_db)
    assert window.size() == USABLE  # the window's own minimum is not larger
    found = check_fits(qtbot, window)
    assert window.size() == USABLE  # no page made the window grow
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_every_page_fits_for_an_operator(
    qtbot: QtBot, styled: QApplication, demo_db: Database, cheap_argon2: None
) -> None:
    """An operator sees fewer pages (no Konflik) and some of them differently (read-only, one kecamatan)."""
    from simoncer_desktop.security import signin

    add_operator(demo_db)
    operator_db = signin.sign_in(demo_db.path, OPERATOR, OPERATOR_PASSWORD)
    try:
        window = open_at_laptop_size(qtbot, operator_db)
        assert not window._page_allowed("conflicts")
        found = check_fits(qtbot, window)
        assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())
        assert window.size() == USABLE
        window.close()
    finally:
        operator_db.close()


def test_focus_is_visible_on_buttons(qtbot: QtBot, styled: QApplication) -> None:
    """The focused button is drawn differently from the same button without focus (the gold ring)."""
    host = QWidget()
    qtbot.addWidget(host)
    first, second = QPushButton("Satu", host), QPushButton("Dua", host)
    second.move(0, 40)
    host.resize(200, 100)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    focused = first.grab().toImage()
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    assert first.grab().toImage() != focused
