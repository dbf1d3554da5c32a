"""UI fixtures: background tasks run inline, one styled QApplication, a main window over a demo caseload."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from simoncer_desktop.store import Database
from simoncer_desktop.ui import tasks
from simoncer_desktop.ui.app import create_application
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.pages.caseload_page import CaseloadPage


@pytest.fixture(autouse=True)
def _inline_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Background work runs synchronously in tests (tests/ui/test_tasks.py covers the threaded path)."""
    monkeypatch.setattr(tasks, "RUN_INLINE", True)


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database) -> Iterator[MainWindow]:
    create_application()  # the style sheet, as users see it
    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win


@pytest.fixture
def page(window: MainWindow, qtbot: QtBot) -> CaseloadPage:
    window.show_page(1)
    qtbot.waitUntil(window.caseload_page.isVisible)
    return window.caseload_page


class Answers:
    """Replaces ``QMessageBox.question``: answers with ``reply`` and records what was asked."""

    def __init__(self, reply: QMessageBox.StandardButton) -> None:
        self.reply = reply
        self.asked: list[str] = []

    def __call__(self, _parent: Any, _title: str, text: str, *_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        self.asked.append(text)
        return self.reply


@pytest.fixture
def answer(monkeypatch: pytest.MonkeyPatch) -> Callable[[QMessageBox.StandardButton], Answers]:
    def install(reply: QMessageBox.StandardButton) -> Answers:
        answers = Answers(reply)
        monkeypatch.setattr(QMessageBox, "question", answers)
        return answers

    return install


@pytest.fixture
def isolated_process_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """main() installs an excepthook and log handlers: put both back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    yield
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
