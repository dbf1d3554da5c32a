"""*Bantuan → Tentang Simoncer*: the version, where this laptop keeps its data, and every licence.

The licences shown here are the same list as resources/LICENSES.md (a test keeps the two alike), with
the full texts of the licences whose terms ask to travel with the software: the wilayah data's MIT
licence and the bundled DejaVu fonts' licence.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop import __version__, paths
from simoncer_desktop.store import Database, migrated_by_version
from simoncer_desktop.ui.icons import app_icon, icon

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Component:
    name: str
    licence: str
    url: str


LICENCES_FILE = "LICENSES.md"
THIRD_PARTY_HEADING = "## Third-party components"


def third_party() -> tuple[Component, ...]:
    """What the desktop bundle ships besides our own code: the table under ``THIRD_PARTY_HEADING`` in
    ``resources/LICENSES.md`` (the file that travels with the bundle is the one list)."""
    components: list[Component] = []
    in_section = False
    for line in _read(LICENCES_FILE).splitlines():
        if line.startswith("## "):
            in_section = line.startswith(THIRD_PARTY_HEADING)
        elif in_section and line.startswith("|") and not line.startswith("|---"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if len(cells) == 3 and cells[0] != "Component":
                components.append(Component(*cells))
    return tuple(components)


FONT_LICENCE = ("fonts", "DejaVuSans.LICENSE")
WILAYAH_LICENCE = ("wilayah.LICENSE",)


def _read(*parts: str) -> str:
    path = paths.resource_path(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("Licence file missing: %s", path)
        return translate("AboutDialog", "(berkas %s tidak ditemukan)") % path


def _tag(tag: str, text: str) -> str:
    return f"<{tag}>{html.escape(text)}</{tag}>"


def licences_html() -> str:
    """The licences as one HTML page (Bahasa headings; licence texts as they are, in English)."""
    rows = "".join(
        f"<tr><td>{html.escape(c.name)}</td><td>{html.escape(c.licence)}</td>"
        f'<td><a href="{c.url}">{html.escape(c.url)}</a></td></tr>'
        for c in third_party()
    )
    header = "".join(
        _tag("th", text)
        for text in (
            translate("AboutDialog", "Komponen"),
            translate("AboutDialog", "Lisensi"),
            translate("AboutDialog", "Situs"),
        )
    )
    parts = [
        _tag("h3", translate("AboutDialog", "Simoncer Desktop")),
        _tag("p", app_licence()),
        _tag("h3", translate("AboutDialog", "Komponen pihak ketiga")),
        f'<table cellspacing="0" cellpadding="3" border="1"><tr>{header}</tr>{rows}</table>',
        _tag(
            "p",
            translate(
                "AboutDialog",
                "Qt dan PySide6 dipakai di bawah LGPLv3 sebagai pustaka bersama yang terpisah: pustaka itu dapat "
                "diganti dengan versi lain yang kompatibel di folder aplikasi.",
            ),
        ),
        _tag("h3", translate("AboutDialog", "Huruf DejaVu Sans (laporan PDF)")),
        _tag("pre", _read(*FONT_LICENCE)),
        _tag("h3", translate("AboutDialog", "Data wilayah (resources/wilayah.csv) — Lisensi MIT")),
        _tag("pre", _read(*WILAYAH_LICENCE)),
    ]
    return "\n".join(parts)


def app_licence() -> str:
    """Simoncer's own terms (the project has no licence file yet: the owner decides)."""
    return translate(
        "AboutDialog",
        "Hak cipta © pemilik proyek Simoncer. Aplikasi ini dibuat untuk Dinas Sosial; ketentuan "
        "penggunaannya ditetapkan oleh pemilik proyek.",
    )


def open_folder(path: Path) -> bool:
    """Open ``path`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AboutDialog(QDialog):
    """Modal; fits a 1366×768 screen (the licences scroll)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tentang Simoncer"))
        self.resize(860, 640)
        with db.read() as session:
            migrated_by = migrated_by_version(session)
        self.data_dir = paths.data_dir()
        self.log_dir = paths.log_dir()

        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(64, 64)))
        logo.setFixedSize(72, 72)
        head.addWidget(logo)
        names = QVBoxLayout()
        name = QLabel(self.tr("Simoncer Desktop"))
        name.setObjectName("aboutName")
        names.addWidget(name)
        names.addWidget(QLabel(self.tr("Sistem Monitoring Cerdas untuk Dinas Sosial")))
        head.addLayout(names, 1)

        self.version_value = QLabel(__version__)
        self.migrated_value = QLabel(migrated_by or self.tr("(tidak tercatat)"))
        self.database_value = self._path_label(db.path)
        self.data_value = self._path_label(self.data_dir)
        self.log_value = self._path_label(self.log_dir)
        form = QFormLayout()
        form.addRow(self.tr("Versi:"), self.version_value)
        form.addRow(self.tr("Database terakhir dimutakhirkan oleh versi:"), self.migrated_value)
        form.addRow(self.tr("Database:"), self.database_value)
        form.addRow(self.tr("Folder data:"), self.data_value)
        form.addRow(self.tr("Folder log:"), self.log_value)

        self.open_data_button = QPushButton(icon("folder"), self.tr("Buka folder &data"))
        self.open_data_button.clicked.connect(lambda: open_folder(self.data_dir))
        self.open_log_button = QPushButton(icon("folder"), self.tr("Buka folder &log"))
        self.open_log_button.clicked.connect(lambda: open_folder(self.log_dir))

        licences_title = QLabel(self.tr("Lisensi"))
        licences_title.setObjectName("sectionTitle")
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(licences_html())

        self.close_button = QPushButton(self.tr("&Tutup"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_data_button)
        buttons.addWidget(self.open_log_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addWidget(licences_title)
        layout.addWidget(self.licences, 1)
        layout.addLayout(buttons)

    @staticmethod
    def _path_label(path: Path) -> QLabel:
        label = QLabel(str(path))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setToolTip(str(path))
        return label
