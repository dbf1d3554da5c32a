"""What every screenshot part shares: the window size, waiting for Qt to settle, grabbing a widget or a
dialog over its window, saving, and cheap argon2 for throw-away accounts."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from argon2 import PasswordHasher, Type  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from simoncer_desktop.services import auth  # noqa: E402

SIZE = (1366, 768)


def settle(ms: int = 100) -> None:
    """Let Qt lay out and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.processEvents()


def grab(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({widget.width()}×{widget.height()})")


def compose_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window dimmed with the dialog on top, framed (offscreen windows have no decorations)."""
    pixmap = window.grab()
    painter = QPainter(pixmap)
    painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 90))
    offset = dialog.geometry().topLeft() - window.geometry().topLeft()
    painter.drawPixmap(offset, dialog.grab())
    painter.setPen(QColor("#1f3550"))
    painter.drawRect(offset.x(), offset.y(), dialog.width() - 1, dialog.height() - 1)
    painter.end()
    return pixmap


def framed(widget: QWidget) -> QPixmap:
    """A top-level dialog alone with a thin frame (offscreen windows have no decorations)."""
    settle()
    pixmap = widget.grab()
    painter = QPainter(pixmap)
    painter.setPen(QColor("#1f3550"))
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.end()
    return pixmap


def save(pixmap: QPixmap, path: Path) -> None:
    if not pixmap.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({pixmap.width()}×{pixmap.height()})")


@contextmanager
def cheap_argon2() -> Iterator[None]:
    """argon2id at the smallest cost (as in the tests): the real one takes ~0.3 s and 128 MiB per password."""
    names = ("TIME_COST", "MEMORY_COST_KIB", "PARALLELISM", "HASHER")
    saved = {name: getattr(auth, name) for name in names}
    auth.TIME_COST, auth.MEMORY_COST_KIB, auth.PARALLELISM = 1, 8, 1
    auth.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(auth, name, value)
