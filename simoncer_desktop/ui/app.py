"""The QApplication, its one style sheet, and the dialogs for errors nobody caught."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from simoncer_desktop import APP_NAME, __version__

log = logging.getLogger(__name__)

ACCENT = "#1d5c96"
ERROR = "#b3261e"

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: #f6f7f9; }}
QListWidget#navigation {{
    background: #1f3550; color: #e8eef5; border: none; padding-top: 8px; font-size: 10pt;
}}
QListWidget#navigation::item {{ padding: 9px 14px; border-left: 4px solid transparent; }}
QListWidget#navigation::item:selected {{
    background: #2d4d73; color: white; border-left: 4px solid #f2b632; font-weight: bold;
}}
QListWidget#navigation::item:hover:!selected {{ background: #284463; }}
QLabel#pageTitle {{ font-size: 15pt; font-weight: bold; color: #1f3550; }}
QLabel#sectionTitle {{ font-size: 11pt; font-weight: bold; color: #1f3550; }}
QLabel#count {{ color: #3c4654; padding: 0 6px; font-weight: bold; }}
QLabel#hint {{ color: #5b6573; }}
QLabel#fieldError {{ color: {ERROR}; }}
QLabel#summary {{
    background: #eef4fb; border: 1px solid #c9d9ec; border-radius: 4px; padding: 6px 8px; color: #1f3550;
}}
QLabel#placeholder {{ color: #5b6573; font-size: 12pt; }}
QFrame#card {{ background: white; border: 1px solid #d5dbe3; border-radius: 6px; }}
QLabel#cardValue {{ font-size: 20pt; font-weight: bold; color: {ACCENT}; }}
QLabel#cardLabel {{ color: #5b6573; }}
QLineEdit, QComboBox, QDateEdit {{
    background: white; border: 1px solid #b8c2cf; border-radius: 3px; padding: 3px 5px; min-height: 20px;
}}
QLineEdit:focus, QComboBox:focus, QDateEdit:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit:disabled, QComboBox:disabled, QDateEdit:disabled {{ background: #eceff3; color: #7a8491; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"] {{ border: 1px solid {ERROR}; }}
QLineEdit#search {{ padding: 5px 8px; font-size: 10pt; }}
QPushButton {{
    background: white; border: 1px solid #b8c2cf; border-radius: 3px; padding: 5px 14px; min-width: 64px;
}}
QPushButton:hover {{ background: #eef3f9; }}
QPushButton:pressed {{ background: #dfe8f2; }}
QPushButton:default, QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid #174a79; }}
QPushButton:default:hover, QPushButton#primary:hover {{ background: #236bad; }}
QPushButton:disabled {{ background: #eceff3; color: #9aa3ae; border: 1px solid #d5dbe3; }}
QTableView {{
    background: white; alternate-background-color: #f3f6fa; gridline-color: #e3e7ec;
    selection-background-color: #cfe0f3; selection-color: #101820; border: 1px solid #c9d1db;
}}
QHeaderView::section {{
    background: #e9edf2; color: #1f3550; padding: 4px 6px; border: none;
    border-right: 1px solid #d5dbe3; border-bottom: 1px solid #c9d1db; font-weight: bold;
}}
QStatusBar {{ background: #e9edf2; color: #3c4654; }}
QStatusBar QLabel {{ padding: 0 8px; }}
"""


def create_application() -> QApplication:
    """The process's QApplication (an existing one is reused, e.g. under tests), styled."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "Simoncer — Sistem Monitoring Cerdas"))
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setStyleSheet(STYLE_SHEET)
    return app


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
