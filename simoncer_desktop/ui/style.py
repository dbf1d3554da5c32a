"""The look: the one style sheet (resources/style/simoncer.qss), a readable base font and the window icon."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from simoncer_desktop.paths import resource_path
from simoncer_desktop.ui.icons import app_icon

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 10.0
"""The smallest base font size: readable on a 1366×768 laptop screen at arm's length."""


ICONS_TOKEN = "@ICONS@"
"""Stands for the icons folder in the sheet's ``url(...)`` (arrows of combo and spin boxes)."""


def style_sheet() -> str:
    """The style sheet's text, icon paths filled in; empty (logged) when the file is missing, so the app
    still starts."""
    path = resource_path("style", "simoncer.qss")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("Style sheet missing: %s", path)
        return ""
    return text.replace(ICONS_TOKEN, resource_path("icons").as_posix())


def apply_style(app: QApplication) -> None:
    """Style ``app``: base font at least ``BASE_POINT_SIZE`` pt, the style sheet, and the window icon.

    The font is set on the application rather than in the sheet: a font-size rule in the sheet would
    override fonts that widgets set themselves."""
    font = app.font()
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
        app.setFont(font)
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(app_icon())
