"""The display language: our English catalogue, or Bahasa Indonesia including Qt's own texts.

The source strings are Bahasa Indonesia, so Bahasa needs no catalogue of ours. English comes from
``resources/translations/simoncer_en.qm`` (``make translations`` builds it from ``translations/*.ts``).
Qt's own texts (standard buttons of ``QMessageBox``/``QDialogButtonBox``, ``QWizard``'s Back/Next, the
context menu of text fields) are English in the source and Qt ships no Indonesian catalogue, so in Bahasa
mode :class:`QtIndonesian` supplies them; in English mode Qt's source texts are already right (its
``qtbase_en.qm`` is empty, so it is not loaded).

Text made outside the UI (``simoncer_desktop.translation``: domain labels, service messages) goes through
``QCoreApplication.translate`` only while English is in effect; in Bahasa nothing is installed there, so
services return their source text exactly as in the CLI and the tests.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from simoncer_desktop import preferences, translation
from simoncer_desktop.paths import resource_path
from simoncer_desktop.ui.format import use_thousands_separator

log = logging.getLogger(__name__)

CATALOGUE_NAME = "simoncer_en.qm"

_STANDARD_BUTTONS = {
    "OK": "OK",
    "Save": "Simpan",
    "Save All": "Simpan Semua",
    "Open": "Buka",
    "&Yes": "&Ya",
    "Yes to &All": "Ya untuk &semua",
    "&No": "&Tidak",
    "N&o to All": "T&idak untuk semua",
    "Abort": "Hentikan",
    "Retry": "Coba lagi",
    "Ignore": "Abaikan",
    "Close": "Tutup",
    "Cancel": "Batal",
    "Discard": "Buang",
    "Help": "Bantuan",
    "Apply": "Terapkan",
    "Reset": "Atur ulang",
    "Restore Defaults": "Kembalikan bawaan",
}
_TEXT_MENU = {
    "&Undo": "&Urungkan",
    "&Redo": "&Ulangi",
    "Cu&t": "Po&tong",
    "&Copy": "&Salin",
    "&Paste": "&Tempel",
    "Delete": "Hapus",
    "Select All": "Pilih semua",
    "Copy &Link Location": "Salin &alamat tautan",
}

QT_INDONESIAN: dict[str, dict[str, str]] = {
    "QPlatformTheme": _STANDARD_BUTTONS,
    "QGnomeTheme": {
        "&OK": "&OK",
        "&Save": "&Simpan",
        "&Cancel": "&Batal",
        "&Close": "&Tutup",
        "Close without Saving": "Tutup tanpa menyimpan",
    },
    "QWizard": {
        "< &Back": "< &Kembali",
        "&Next >": "&Lanjut >",
        "&Next": "&Lanjut",
        "&Finish": "&Selesai",
        "Cancel": "Batal",
        "Help": "Bantuan",
        "&Help": "&Bantuan",
        "Go Back": "Kembali",
        "Continue": "Lanjut",
        "Commit": "Terapkan",
        "Done": "Selesai",
    },
    "QMessageBox": {
        "Show Details...": "Tampilkan rincian…",
        "Hide Details...": "Sembunyikan rincian…",
        "OK": "OK",
    },
    "QLineEdit": _TEXT_MENU,
    "QWidgetTextControl": _TEXT_MENU,
    "QAbstractSpinBox": {"&Select All": "&Pilih semua", "&Step up": "&Naikkan", "Step &down": "&Turunkan"},
}
"""Qt's own English texts (context → source → Bahasa) that our windows show; Qt has no ``qtbase_id``."""


class QtIndonesian(QTranslator):
    """Bahasa Indonesia for Qt's built-in texts (:data:`QT_INDONESIAN`); everything else passes through."""

    def translate(  # type: ignore[override]
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        table = QT_INDONESIAN.get(context)
        if table is None:
            return None  # a null QString: Qt asks the next translator or keeps the source text
        return table.get(source_text)

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []
"""The translators this module installed (kept alive here; replaced by the next call)."""


def catalogue_path() -> Path:
    """Where the English catalogue is looked for (works frozen: ``paths.resource_path``)."""
    return resource_path("translations", CATALOGUE_NAME)


def install_translations(app: QCoreApplication, language: str) -> bool:
    """Show ``app`` in ``language`` (``"id"`` or ``"en"``), replacing what an earlier call installed.

    Returns True when the requested language is what the user will see: always for Bahasa; for English
    only when the catalogue loaded. A missing or unreadable catalogue logs a warning and leaves Bahasa.
    Call it before any window is made: widgets take their texts when they are built.
    """
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    translation.install(None)
    use_thousands_separator(".")
    if language not in preferences.LANGUAGES:
        log.warning("Unknown display language %r; using Bahasa Indonesia", language)
        language, requested_ok = preferences.INDONESIAN, False
    else:
        requested_ok = True
    if language == preferences.ENGLISH:
        path = catalogue_path()
        english = QTranslator(app)
        if path.is_file() and english.load(str(path)):
            app.installTranslator(english)
            _installed.append(english)
            translation.install(QCoreApplication.translate)
            use_thousands_separator(",")
            log.info("Display language: English (%s)", path)
            return True
        english.deleteLater()
        log.warning("English catalogue %s is missing or unreadable (run `make translations`); using Bahasa", path)
        requested_ok = False
    bahasa = QtIndonesian(app)
    app.installTranslator(bahasa)
    _installed.append(bahasa)
    return requested_ok
