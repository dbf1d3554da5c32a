"""The bundled icons (resources/icons): one-colour 24×24 SVGs, drawn in INK and recoloured on demand.

The navigation sits on a dark panel, so its icons are drawn light (``NAV_INK``); menus and buttons use the
ink as drawn. Icons are rendered once per (name, colour) into a few pixmap sizes and cached.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from simoncer_desktop.paths import resource_path

log = logging.getLogger(__name__)

INK = "#1f3550"
"""The colour every icon file is drawn in."""
NAV_INK = "#e8eef5"
"""The navigation's text colour on its dark panel."""
SIZES = (16, 20, 24, 32, 48)
APP_ICON = "simoncer"

PAGE_ICONS = {
    "home": "home",
    "caseload": "families",
    "graduation": "graduation",
    "disaster": "disaster",
    "reports": "reports",
    "quality": "quality",
    "sync": "sync",
    "settings": "settings",
    "audit": "audit",
    "conflicts": "conflicts",
}
"""Navigation page key → icon name."""

_cache: dict[tuple[str, str], QIcon] = {}


def icon_path(name: str) -> str:
    return str(resource_path("icons", f"{name}.svg"))


def icon(name: str, color: str = INK) -> QIcon:
    """The icon ``name`` in ``color``; an empty QIcon (logged) when the file is missing or unreadable."""
    key = (name, color)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    path = resource_path("icons", f"{name}.svg")
    try:
        data = path.read_bytes()
    except OSError:
        log.warning("Icon missing: %s", path)
        return QIcon()
    if color.lower() != INK:
        data = data.replace(INK.encode(), color.encode())
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        log.warning("Icon not readable: %s", path)
        return QIcon()
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    _cache[key] = result
    return result


def page_icon(key: str) -> QIcon:
    """The navigation icon of page ``key`` (light, for the dark navigation panel)."""
    name = PAGE_ICONS.get(key)
    return icon(name, NAV_INK) if name else QIcon()


def app_icon() -> QIcon:
    """The application's icon: the SVG for any size, the PNG as a fallback."""
    result = QIcon(icon_path(APP_ICON))
    png = resource_path("icons", f"{APP_ICON}.png")
    if png.exists():
        result.addFile(str(png))
    return result
