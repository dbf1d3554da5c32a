"""The QApplication (translators: ``ui.i18n``; style sheet: ``ui.style``) and the dialogs for errors nobody
caught."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from simoncer_desktop import APP_NAME, __version__, preferences
from simoncer_desktop.ui.i18n import install_translations
from simoncer_desktop.ui.style import apply_style

log = logging.getLogger(__name__)

def create_application() -> QApplication:
    """The process's QApplication (an existing one is reused, e.g. under tests), styled, in the display
    language of ``preferences.language()`` (translators are installed before any text is taken)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    apply_language(app, preferences.language())
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    apply_style(app)
    return app


def apply_language(app: QApplication, language: str) -> bool:
    """Install ``language``'s translators and the texts the application itself carries (see
    ``ui.i18n.install_translations``); windows made afterwards take their texts in that language."""
    loaded = install_translations(app, language)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Simoncer — Sistem Monitoring Cerdas"))
    return loaded


def report_error(title: str, text: str) -> None:
    """The excepthook's reporter: a dialog on the UI thread (the hook has logged it already)."""
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    QMessageBox.critical(None, title, text)


def show_startup_error(path: Path, exc: BaseException) -> None:
    """The database could not be opened: say which file and what to do, in Bahasa Indonesia."""
    QMessageBox.critical(
        None,
        QCoreApplication.translate("app", "Database tidak dapat dibuka"),
        QCoreApplication.translate(
            "app",
            "Simoncer tidak dapat membuka database:\n%s\n\n%s\n\n"
            "Periksa apakah berkas itu ada dan dapat ditulis, atau jalankan dengan --db untuk memilih berkas lain. "
            "Cadangan otomatis ada di folder 'backups' di sebelah berkas database.",
        )
        % (path, f"{type(exc).__name__}: {exc}"),
    )
