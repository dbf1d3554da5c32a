"""Guards against a Qt binding that loses references to None/True/False when a Python slot runs
(PySide6 6.12.0 does: the process aborts at exit with "bool_dealloc"/"none_dealloc")."""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot


def test_slots_keep_the_references_of_none_true_and_false(qtbot: QtBot) -> None:
    box = QCheckBox()
    qtbot.addWidget(box)
    seen: list[bool] = []
    box.toggled.connect(lambda checked: seen.append(checked))
    gc.collect()
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for _ in range(2000):
        box.toggle()
    seen.clear()
    gc.collect()
    after = [sys.getrefcount(x) for x in (None, True, False)]
    assert all(a - b > -50 for a, b in zip(after, before, strict=True)), (before, after)
