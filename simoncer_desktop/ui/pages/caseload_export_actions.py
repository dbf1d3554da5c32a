"""The Keluarga page's *Ekspor…* and *Templat…* buttons: save the listed families (current search and
filters) or the empty template as .xlsx, off the UI thread through the page's ``TaskRunner``.

Messages are opened with ``open()`` (never a blocking ``exec()``); the last one is ``message``.
``ask_save_path`` is the one place that shows a file dialog (tests replace it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services.caseload_query import CaseloadFilter
from simoncer_desktop.store import Database
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.tasks import CancelToken, Progress, Task, TaskRunner
from simoncer_desktop.ui.widgets.save_path import ask_xlsx_path

if TYPE_CHECKING:  # the export module pulls in openpyxl (~0.2 s): loaded on first use, not at start-up
    from simoncer_desktop.services.caseload_export import ExportResult

log = logging.getLogger(__name__)

XLSX_SUFFIX = ".xlsx"
TEMPLATE_NAME = "templat-keluarga.xlsx"


def export_name(on: date | None = None) -> str:
    """The suggested file name, e.g. ``keluarga-20261125.xlsx``."""
    return f"keluarga-{(on or date.today()):%Y%m%d}{XLSX_SUFFIX}"


class CaseloadExportActions(QObject):
    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        current_filter: Callable[[], CaseloadFilter],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._current_filter = current_filter
        self._parent = parent
        self._folder: Path | None = None
        self.message: QMessageBox | None = None
        """The last message shown (export finished, cancelled or failed)."""
        self.last_result: ExportResult | None = None

        self.export_button = QPushButton(self.tr("Ekspor…"))
        self.export_button.setToolTip(
            self.tr("Simpan keluarga yang tampil (pencarian dan filter saat ini) ke berkas Excel")
        )
        self.export_button.clicked.connect(self.export)
        self.template_button = QPushButton(self.tr("Templat…"))
        self.template_button.setToolTip(
            self.tr("Simpan templat Excel kosong (kolom, catatan, dan daftar pilihan) untuk diisi lalu diimpor")
        )
        self.template_button.clicked.connect(self.save_template)

    @property
    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.export_button, self.template_button

    # --- asking ---------------------------------------------------------------------------------

    def ask_save_path(self, title: str, suggested_name: str) -> Path | None:
        """The file to write, chosen in a save dialog (which asks before overwriting), or None."""
        chosen = ask_xlsx_path(self._parent, title, suggested_name, self._folder)
        return Path(chosen) if chosen else None

    def _chosen(self, title: str, suggested_name: str) -> Path | None:
        path = self.ask_save_path(title, suggested_name)
        if path is None:
            return None
        if path.suffix.lower() != XLSX_SUFFIX:
            path = path.with_name(path.name + XLSX_SUFFIX)
        self._folder = path.parent
        return path

    # --- actions --------------------------------------------------------------------------------

    def export(self) -> Task | None:
        """Export the families the page lists now (its search text and filters) to a chosen file."""
        path = self._chosen(self.tr("Ekspor keluarga ke Excel"), export_name())
        if path is None:
            return None
        caseload_filter = self._current_filter()
        db = self._db

        def work(progress: Progress, token: CancelToken) -> ExportResult:
            with db.read() as session:
                from simoncer_desktop.services import caseload_export

                return caseload_export.export_caseload(session, path, caseload_filter, progress=progress, token=token)

        def done(result: ExportResult) -> None:
            self.last_result = result
            self._show(
                QMessageBox.Icon.Information,
                self.tr("Ekspor selesai"),
                self.tr("%s keluarga (%s baris anggota) disimpan ke\n%s")
                % (thousands(result.families), thousands(result.rows), result.path),
            )

        def cancelled() -> None:
            self._show(
                QMessageBox.Icon.Information,
                self.tr("Ekspor dibatalkan"),
                self.tr("Ekspor dibatalkan; tidak ada berkas yang ditulis."),
            )

        return self._tasks.run(
            work,
            label=self.tr("Mengekspor keluarga ke Excel…"),
            on_success=done,
            on_failure=self._failed,
            on_cancelled=cancelled,
        )

    def save_template(self) -> Task | None:
        """Save the empty template (with the region's kelurahan) to a chosen file."""
        path = self._chosen(self.tr("Simpan templat Excel"), TEMPLATE_NAME)
        if path is None:
            return None
        db = self._db

        def work(_progress: Progress, token: CancelToken) -> tuple[Path, int]:
            token.raise_if_cancelled()
            with db.read() as session:
                from simoncer_desktop.services import caseload_export

                return caseload_export.write_template(session, path)

        def done(result: tuple[Path, int]) -> None:
            written, _places = result
            self._show(
                QMessageBox.Icon.Information,
                self.tr("Templat disimpan"),
                self.tr("Templat disimpan ke\n%s\n\nIsi satu baris per anggota keluarga, lalu impor dengan Impor….")
                % written,
            )

        return self._tasks.run(work, label=self.tr("Menyimpan templat…"), on_success=done, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SimoncerError):
            log.warning("Export failed: %s", exc)
            self._show(QMessageBox.Icon.Warning, self.tr("Gagal menyimpan"), str(exc))
        else:
            self._tasks.report_failure(exc)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        if self.message is not None:
            self.message.deleteLater()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._parent)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        self.message = box
        box.open()
