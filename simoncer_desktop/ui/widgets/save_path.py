"""Asking where to save a workbook: one dialog for every Excel export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

XLSX_SUFFIX = ".xlsx"


def ask_xlsx_path(parent: QWidget, title: str, suggested: str, folder: Path | None = None) -> str:
    """The chosen path with ``.xlsx`` added when missing, or "" when cancelled. Starts in ``folder``,
    else the user's Documents folder; the dialog itself asks before overwriting."""
    start = folder or Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()
    )
    kind = QCoreApplication.translate("save_path", "Buku kerja Excel (*.xlsx)")
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(start / suggested), kind)
    if path and not path.lower().endswith(XLSX_SUFFIX):
        path += XLSX_SUFFIX
    return path
