"""The two message lines under a page's or form's controls, made alike everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def message_label() -> QLabel:
    """An error that belongs to no one field: red (style ``fieldError``), wrapped, selectable to copy,
    hidden while empty."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def note_label() -> QLabel:
    """A plain outcome line (style ``summary``), wrapped, hidden while empty."""
    label = QLabel()
    label.setObjectName("summary")
    label.setWordWrap(True)
    label.hide()
    return label
