"""*Sinkronisasi*: enroll this laptop with the central server, run a sync now, and see what the last one did.

Not enrolled: a form (*Alamat server*, *Kode pendaftaran*, *Nama perangkat*, *Sertifikat CA* optional) and
*Daftarkan* — administrators only (``sync.enroll``); errors are shown under the form. Enrolled: the server,
device and scope, the last successful sync and the last error, the pending changes, the ops the server
refused (table, row, reason) with *Ekspor antrean…*, *Sinkronkan sekarang* with a progress bar and *Batal*,
and the last run's report. The work runs in the window's :class:`~simoncer_desktop.ui.sync_controller.SyncController`
(one sync at a time, shared with the timer and the status bar).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services import sync_status
from simoncer_desktop.services.audit_labels import entity_label, time_text
from simoncer_desktop.services.sync_status import SyncStatus
from simoncer_desktop.store import Database
from simoncer_desktop.sync.new_laptop import default_device_name
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.sync_controller import SyncController, SyncView
from simoncer_desktop.ui.widgets.table import configure_table

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

SERVER_EXAMPLE = "https://sinkron.dinsos.example.go.id"
CODE_EXAMPLE = "ABCD-EFGH-JKLM"


def phase_names() -> dict[str, str]:
    """What the sync is doing, by the controller's phase code (translated when asked)."""
    return {
        "push": translate("SyncPage", "Mengirim perubahan"),
        "snapshot": translate("SyncPage", "Menerima data awal"),
        "pull": translate("SyncPage", "Menerima perubahan"),
    }


def notice_kinds() -> dict[str, str]:
    """The report's notice kinds, by code (translated when asked)."""
    return {
        "duplicate": translate("SyncPage", "Duplikat"),
        "poison": translate("SyncPage", "Ditolak"),
        "unapplied": translate("SyncPage", "Tidak diterapkan"),
    }


def _label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class SyncPage(QWidget):
    def __init__(self, db: Database, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.controller = controller
        self._poison_shown = -1
        title = QLabel(self.tr("Sinkronisasi"))
        title.setObjectName("pageTitle")
        self.stack = QStackedWidget()
        self.enroll_panel = self._build_enroll_panel()
        self.status_panel = self._build_status_panel()
        self.stack.addWidget(self.enroll_panel)
        self.stack.addWidget(self.status_panel)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.stack, 1)

        controller.status_changed.connect(self._status_changed)
        controller.started.connect(self._started)
        controller.progressed.connect(self._progressed)
        controller.finished.connect(self._finished)
        controller.failed.connect(self._failed)
        controller.cancelled.connect(self._cancelled)
        controller.enrolled.connect(self._enrolled)
        controller.enroll_failed.connect(self._enroll_failed)
        self.show_status(controller.status or controller.refresh_status())

    # --- enrollment form -------------------------------------------------------------------------------

    def _build_enroll_panel(self) -> QWidget:
        panel = QWidget()
        intro = _label(
            self.tr(
                "Perangkat ini belum terdaftar di server pusat. Minta kode pendaftaran sekali pakai kepada "
                "administrator server Dinsos (simoncer-central enroll), lalu isi formulir ini."
            )
        )
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText(SERVER_EXAMPLE)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(CODE_EXAMPLE)
        self.name_edit = QLineEdit(default_device_name())
        self.name_edit.setMaxLength(200)
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("(kosong: sertifikat sistem)"))
        self.ca_button = QPushButton(self.tr("&Pilih…"))
        self.ca_button.clicked.connect(lambda: self.choose_ca_file())
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)
        form = QFormLayout()
        form.addRow(self.tr("&Alamat server"), self.server_edit)
        form.addRow(self.tr("&Kode pendaftaran"), self.code_edit)
        form.addRow(self.tr("&Nama perangkat"), self.name_edit)
        form.addRow(self.tr("&Sertifikat CA (opsional)"), ca_row)
        self.enroll_button = QPushButton(self.tr("&Daftarkan"))
        self.enroll_button.setObjectName("primary")
        self.enroll_button.clicked.connect(lambda: self.enroll())
        self.enroll_error = _label()
        self.enroll_error.setObjectName("fieldError")
        self.enroll_error.hide()
        self.enroll_note = _label()
        self.enroll_note.setObjectName("summary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.enroll_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.enroll_error)
        layout.addWidget(self.enroll_note)
        layout.addStretch(1)
        return panel

    def ask_ca_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih sertifikat CA kantor"), "", self.tr("Sertifikat (*.pem *.crt *.cer);;Semua (*)")
        )
        return path

    def choose_ca_file(self) -> None:
        path = self.ask_ca_file()
        if path:
            self.ca_edit.setText(path)

    def enroll(self) -> None:
        if not self.controller.may_enroll():
            self._enroll_failed(self.tr("Hanya administrator yang boleh mendaftarkan perangkat ini ke server."))
            return
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        missing = [
            name
            for name, value in ((self.tr("Alamat server"), server), (self.tr("Kode pendaftaran"), code))
            if not value
        ]
        if missing:
            self._enroll_failed(self.tr("Isi dulu: %s.") % ", ".join(missing))
            return
        ca_file = self.ca_edit.text().strip() or None
        self.enroll_error.hide()
        self.enroll_note.setText(self.tr("Menghubungi server…"))
        self._set_enroll_enabled(False)
        if not self.controller.enroll(server, code, self.name_edit.text(), ca_file):
            self._enroll_failed(self.tr("Sinkronisasi sedang berjalan; coba lagi sebentar lagi."))

    def _enrolled(self, result: Any) -> None:
        self._set_enroll_enabled(True)
        self.code_edit.clear()
        self.enroll_error.hide()
        note = self.tr("Terdaftar sebagai %s (wilayah %s).") % (result.name, result.scope)
        if result.dropped_ops:
            note += " " + self.tr("%s perubahan data kantor (wilayah *) tidak akan dikirim dari perangkat ini.") % (
                thousands(result.dropped_ops)
            )
        self.report_view.setPlainText(note)
        self.show_status(self.controller.status)

    def _enroll_failed(self, message: str) -> None:
        self._set_enroll_enabled(True)
        self.enroll_note.setText("")
        self.enroll_error.setText(self.tr("Pendaftaran gagal: %s") % message)
        self.enroll_error.show()

    def _set_enroll_enabled(self, enabled: bool) -> None:
        allowed = enabled and self.controller.may_enroll()
        for widget in (self.server_edit, self.code_edit, self.name_edit, self.ca_edit, self.ca_button):
            widget.setEnabled(allowed)
        self.enroll_button.setEnabled(allowed)

    # --- enrolled: status, sync now, poison ops, report -----------------------------------------------

    def _build_status_panel(self) -> QWidget:
        panel = QWidget()
        self.server_value = _label()
        self.device_value = _label()
        self.scope_value = _label()
        self.last_success_value = _label()
        self.last_error_value = _label()
        self.last_error_value.setObjectName("fieldError")
        self.pending_value = _label()
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server_value)
        form.addRow(self.tr("Perangkat"), self.device_value)
        form.addRow(self.tr("Wilayah"), self.scope_value)
        form.addRow(self.tr("Sinkron terakhir"), self.last_success_value)
        form.addRow(self.tr("Kesalahan terakhir"), self.last_error_value)
        form.addRow(self.tr("Perubahan menunggu"), self.pending_value)

        self.sync_button = QPushButton(self.tr("&Sinkronkan sekarang"))
        self.sync_button.setObjectName("primary")
        self.sync_button.setShortcut(QKeySequence("F5"))
        self.sync_button.setToolTip(self.tr("Kirim perubahan dan terima perubahan dari server (F5)"))
        self.sync_button.clicked.connect(lambda: self.sync_now())
        self.cancel_button = QPushButton(self.tr("&Batal"))
        self.cancel_button.clicked.connect(lambda: self.controller.cancel())
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.phase_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.phase_label)
        buttons.addStretch(0)  # the buttons keep their size while the progress bar is hidden

        self.poison_title = QLabel(self.tr("Perubahan yang ditolak server"))
        self.poison_title.setObjectName("summary")
        self.poison_table = QTableWidget(0, 3)
        self.poison_table.setHorizontalHeaderLabels([self.tr("Tabel"), self.tr("Baris"), self.tr("Alasan")])
        configure_table(self.poison_table, {0: 16, 1: ("digits", 38), 2: 40}, stretch=2)
        self.export_button = QPushButton(self.tr("&Ekspor antrean…"))
        self.export_button.setToolTip(
            self.tr("Simpan semua perubahan yang belum terkirim dan yang ditolak ke satu berkas (.json.gz)")
        )
        self.export_button.clicked.connect(lambda: self.export_queue())
        export_row = QHBoxLayout()
        export_row.addWidget(self.poison_title)
        export_row.addStretch(1)
        export_row.addWidget(self.export_button)

        self.message_label = _label()
        self.message_label.setObjectName("fieldError")
        self.message_label.hide()
        self.info_label = _label()
        self.info_label.setObjectName("summary")
        self.info_label.hide()
        report_title = QLabel(self.tr("Hasil sinkronisasi terakhir"))
        report_title.setObjectName("summary")
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setPlaceholderText(self.tr("Belum ada sinkronisasi sejak aplikasi dibuka."))

        layout = QVBoxLayout(panel)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.info_label)
        layout.addWidget(report_title)
        layout.addWidget(self.report_view, 1)
        layout.addLayout(export_row)
        layout.addWidget(self.poison_table, 1)
        return panel

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_status(self.controller.refresh_status())

    def _status_changed(self, view: SyncView) -> None:
        self.show_status(view.status)

    def show_status(self, status: SyncStatus | None) -> None:
        if status is None:
            return
        if not status.enrolled:
            self.stack.setCurrentWidget(self.enroll_panel)
            busy = not self.enroll_button.isEnabled() and bool(self.enroll_note.text())
            self._set_enroll_enabled(not busy)
            if not self.controller.may_enroll():
                self.enroll_note.setText(self.tr("Hanya administrator yang boleh mendaftarkan perangkat ini."))
            return
        self.stack.setCurrentWidget(self.status_panel)
        self.server_value.setText(status.server_url or "")
        self.device_value.setText(f"{status.device_name or ''} ({status.device_id or ''})")
        self.scope_value.setText(self.tr("semua wilayah (*)") if status.scope == "*" else status.scope or "")
        self.last_success_value.setText(
            time_text(status.last_success_at) if status.last_success_at else self.tr("belum pernah")
        )
        self.last_error_value.setText(status.last_error or self.tr("-"))
        self.pending_value.setText(thousands(status.pending))
        self._sync_buttons()
        self._show_poison(status)

    def _show_poison(self, status: SyncStatus) -> None:
        """The refused ops, read again only when their number changed (the status is polled every few seconds)."""
        self.export_button.setEnabled(status.poison > 0 or status.pending > 0)
        if status.poison == self._poison_shown:
            return
        self._poison_shown = status.poison
        with self._db.read() as session:
            rows = sync_status.poison_rows(session)
        self.poison_table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, value in enumerate((row.table_label, row.row_id, row.error)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.poison_table.setItem(number, column, item)
        self.poison_title.setText(
            self.tr("%s perubahan ditolak server (tetap disimpan; ekspor untuk diperiksa):") % thousands(len(rows))
            if rows
            else self.tr("Tidak ada perubahan yang ditolak server.")
        )

    def _sync_buttons(self) -> None:
        running = self.controller.running
        self.sync_button.setEnabled(not running and self.controller.may_sync())
        self.cancel_button.setEnabled(running)

    def sync_now(self) -> None:
        self.message_label.hide()
        self.info_label.hide()
        if not self.controller.may_sync():
            self.show_message(self.tr("Peran Anda tidak berwenang menjalankan sinkronisasi."))
            return
        if not self.controller.run_sync():
            self.show_message(self.tr("Sinkronisasi sedang berjalan."))

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.phase_label.setText(self.tr("Memulai…"))
        self.message_label.hide()
        self._sync_buttons()

    def _progressed(self, phase: str, done: int, total: int) -> None:
        self.phase_label.setText(phase_names().get(phase, phase))
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)

    def _stopped(self) -> None:
        self.progress.hide()
        self.phase_label.setText("")
        self._sync_buttons()

    def _finished(self, report: Any) -> None:
        self._stopped()
        self.report_view.setPlainText(report_text(report))

    def _failed(self, message: str) -> None:
        self._stopped()
        self.show_message(self.tr("Sinkronisasi gagal: %s") % message)

    def _cancelled(self) -> None:
        self._stopped()
        self.info_label.setText(self.tr("Sinkronisasi dibatalkan; yang sudah terkirim dan diterima tetap tersimpan."))
        self.info_label.show()

    # --- export ----------------------------------------------------------------------------------------

    def ask_export_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan antrean sinkronisasi"), suggested, self.tr("Antrean sinkronisasi (*.json.gz)")
        )
        return path

    def export_queue(self) -> None:
        from simoncer_desktop.sync.export import export_outbox

        path = self.ask_export_path(str(Path.home() / f"antrean-sinkron-{datetime.now():%Y%m%d-%H%M}.json.gz"))
        if not path:
            return
        try:
            written = export_outbox(self._db, path)
        except SimoncerError as exc:
            self.show_message(self.tr("Ekspor antrean gagal: %s") % exc)
            return
        self.last_export = Path(path)
        self.info_label.setText(self.tr("%s perubahan dari antrean disimpan ke %s") % (thousands(written), path))
        self.info_label.show()


def report_text(report: Any) -> str:
    """The run's numbers and notices, as the page shows them."""
    lines = [
        translate("SyncPage", "Dikirim: %s (diterima %s, digabung %s, ditolak %s, duplikat %s)")
        % tuple(
            thousands(n) for n in (report.pushed, report.applied, report.merged, report.rejected, report.duplicate)
        ),
        translate("SyncPage", "Diterima dari server: %s perubahan") % thousands(report.pulled),
        translate("SyncPage", "Menunggu: %s; ditolak server (tersimpan): %s")
        % (thousands(report.pending_after), thousands(report.poison_total)),
    ]
    if report.merged:
        lines.append(
            translate(
                "SyncPage",
                "%s perubahan kalah sebagian dari perubahan yang lebih baru; nilainya tersimpan di halaman Konflik.",
            )
            % thousands(report.merged)
        )
    if report.clock_warning:
        lines.append(translate("SyncPage", "Peringatan jam: %s") % report.clock_warning)
    if report.notices:
        kinds = notice_kinds()
        lines.append("")
        lines.append(translate("SyncPage", "Catatan:"))
        for notice in report.notices:
            kind = kinds.get(notice.kind, notice.kind)
            lines.append(f"- {kind}: {entity_label(notice.tbl)} {notice.row_id}: {notice.message}")
    return "\n".join(lines)
