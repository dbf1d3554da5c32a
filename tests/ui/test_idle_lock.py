"""The idle lock: the clock, locking (signed out, pages hidden, other windows covered) and unlocking by the
same user (everything as it was) or by another (fresh pages)."""

# ruff: noqa: F811 (pytest fixtures imported from tests.ui.accounts are parameters here)

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from simoncer_desktop.security import signin
from simoncer_desktop.store import Database
from simoncer_desktop.ui.idle_lock import IdleLock
from simoncer_desktop.ui.main_window import MainWindow
from tests.ui.accounts import (  # noqa: F401 (fixtures)
    ADMIN,
    ADMIN_PASSWORD,
    OPERATOR,
    accounts_path,
    accounts_template,
    add_operator,
    admin_db,
    open_window,
)


def test_the_clock_fires_after_the_idle_time_and_input_resets_it(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    lock = IdleLock(0.002)  # 120 ms
    with qtbot.waitSignal(lock.timed_out, timeout=3000):
        pass
    assert lock.idle_seconds() >= 0.12
    qtbot.keyClick(edit, Qt.Key.Key_A)
    assert lock.idle_seconds() < 0.1
    lock.reset()
    lock.set_minutes(0)
    assert not lock.active
    lock.deleteLater()


@pytest.fixture
def window(qtbot: QtBot, admin_db: Database) -> Iterator[MainWindow]:
    yield open_window(qtbot, admin_db)


def unlock(qtbot: QtBot, window: MainWindow, username: str, password: str) -> None:
    dialog = window.unlock_dialog
    assert dialog is not None
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_status_bar_names_the_user_and_the_idle_setting_is_used(window: MainWindow) -> None:
    assert window.user_label.text() == "Pengguna: Ani Administrator (Administrator)"
    assert window.idle.minutes == 10 and window.idle.active


def test_timeout_signs_out_and_the_same_user_gets_everything_back(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(1)
    caseload = window.caseload_page
    window.idle.trigger_now()
    assert window.locked and window.db.identity is None
    assert window.shell.currentWidget() is window.lock_page and not caseload.isVisible()
    assert not window.menuBar().isEnabled()
    dialog = window.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert dialog.username_edit.text() == ADMIN
    dialog.reject()  # Escape / close cannot dismiss the lock
    assert dialog.isVisible()

    unlock(qtbot, window, ADMIN, "salah-sekali")
    assert window.locked and window.db.identity is None and "salah" in dialog.message

    unlock(qtbot, window, ADMIN, ADMIN_PASSWORD)
    assert not window.locked and window.unlock_dialog is None
    assert window.db.identity is not None and window.db.identity.username == ADMIN
    assert window.caseload_page is caseload and caseload.isVisible()
    assert window.current_page_key() == "caseload"
    assert window.menuBar().isEnabled()


def test_another_user_gets_fresh_pages(qtbot: QtBot, window: MainWindow, accounts_path: Path) -> None:
    add_operator(window.db)
    budi = signin.sign_in(accounts_path, OPERATOR, "sementara-123")  # let budi choose an own password
    signin.change_password(budi, OPERATOR, "sementara-123", "sandi-budi-123")
    budi.close()
    window.show_page(1)
    caseload = window.caseload_page
    assert window.users_action.isVisible()
    window.sign_out_action.trigger()  # *Keluar akun*: the login starts empty
    assert window.unlock_dialog is not None and window.unlock_dialog.username_edit.text() == ""
    unlock(qtbot, window, OPERATOR, "sandi-budi-123")
    assert window.db.identity is not None and window.db.identity.username == OPERATOR
    assert window.caseload_page is not caseload and window.current_page_key() == "home"
    assert window.user_label.text() == "Pengguna: Budi (Operator)"
    assert not window.users_action.isVisible()


def test_ctrl_l_locks_and_open_dialogs_are_covered(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    other = QDialog(window)
    other.resize(300, 200)
    other.show()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    covers = other.findChildren(type(window._covers[0]))
    assert len(covers) == 1 and covers[0].isVisible() and covers[0].geometry() == other.rect()
    unlock(qtbot, window, ADMIN, ADMIN_PASSWORD)
    assert not window.locked and other.isVisible()
    qtbot.waitUntil(lambda: not other.findChildren(type(covers[0])))


def test_closing_the_window_while_locked_ends_the_lock(qtbot: QtBot, window: MainWindow) -> None:
    window.lock()
    dialog = window.unlock_dialog
    assert dialog is not None
    window.close()
    assert window.unlock_dialog is None and not dialog.isVisible()
