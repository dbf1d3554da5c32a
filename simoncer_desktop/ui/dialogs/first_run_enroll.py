"""The first-run wizard's *Server pusat Dinsos* page: enroll this laptop into a new database.

*Daftarkan* runs ``sync.new_laptop`` off the UI thread (the wizard's ``TaskRunner``: progress and *Batal*):
the one-time code is traded (the server issues the scope), the encrypted database is created with no local
user, the enrollment stored, and the first sync brings the scope's families and the user accounts. A failure
before the database exists leaves nothing on disk and the fields stay editable. A failure of the first sync
keeps the enrolled database: *Coba lagi* runs only the sync again (the snapshot resumes), and *Batal*
deletes the unfinished database after asking (a new code is then needed).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.sync import new_laptop
from simoncer_desktop.sync.client import OfflineError, RequestRefusedError, SyncError, TlsError
from simoncer_desktop.sync.engine import SyncCancelled
from simoncer_desktop.ui.dialogs.change_password_dialog import error_label, show_message
from simoncer_desktop.ui.dialogs.first_run_region import scope_label
from simoncer_desktop.ui.tasks import CancelToken, Progress
from simoncer_desktop.ui.widgets.form import align_labels
from simoncer_desktop.ui.widgets.labels import note_label

if TYPE_CHECKING:
    from simoncer_desktop.ui.dialogs.first_run_wizard import FirstRunWizard

log = logging.getLogger(__name__)


class EnrollPage(QWizardPage):
    """``new``: the enrolled database once made; ``synced``: its first sync finished with users."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.new: new_laptop.NewDatabase | None = None
        self.synced = False
        self.busy = False
        self._advance = False
        self.setTitle(self.tr("Server pusat Dinsos"))
        self.setSubTitle(self.tr("Alamat server dan kode pendaftaran sekali pakai dari kantor Dinsos."))
        intro = QLabel(
            self.tr(
                "Wilayah laptop ini dan akun pengguna diterima dari server; tidak ada administrator lokal yang "
                "dibuat. Setelah itu pengguna masuk dengan akunnya sendiri, juga tanpa koneksi."
            )
        )
        intro.setWordWrap(True)
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText(self.tr("mis. https://sinkron.dinsos.example.go.id"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("mis. ABCD-EFGH-JKLM"))
        self.name_edit = QLineEdit(new_laptop.default_device_name())
        self.name_edit.setMaxLength(200)
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("Opsional: sertifikat CA kantor (PEM)"))
        self.ca_button = QPushButton(self.tr("&Pilih…"))
        self.ca_button.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)
        ca_box = QWidget()
        ca_box.setLayout(ca_row)
        form = QFormLayout()
        form.addRow(self.tr("&Alamat server:"), self.server_edit)
        form.addRow(self.tr("&Kode pendaftaran:"), self.code_edit)
        form.addRow(self.tr("&Nama perangkat:"), self.name_edit)
        form.addRow(self.tr("&Sertifikat CA:"), ca_box)
        align_labels(form)
        self.error = error_label()
        self.status = note_label()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for edit in (self.server_edit, self.code_edit):
            edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Daftarkan"))

    # --- the fields ---------------------------------------------------------------------------

    def ask_ca_path(self) -> str:
        """The CA certificate file (patched in tests)."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih sertifikat CA kantor"),
            "",
            self.tr("Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)"),
        )
        return path

    def _browse_ca(self) -> None:
        path = self.ask_ca_path()
        if path:
            self.ca_edit.setText(path)

    def isComplete(self) -> bool:
        if self.busy:
            return False
        if self.new is not None:
            return True
        return bool(self.server_edit.text().strip() and self.code_edit.text().strip())

    def validatePage(self) -> bool:
        return self.start()

    # --- enrolling ----------------------------------------------------------------------------

    def start(self) -> bool:
        """Enroll (or, when the database exists already, sync again); True once the first sync finished.
        When the work runs on a worker thread the wizard moves on by itself after it succeeded."""
        if self.synced:
            return True
        if self.busy:
            return False
        show_message(self.error, "")
        made: list[new_laptop.NewDatabase] = [self.new] if self.new is not None else []
        path = self._wizard.db_path
        server, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        name, ca_file = self.name_edit.text().strip(), self.ca_edit.text().strip() or None

        def work(progress: Progress, token: CancelToken) -> Any:
            if not made:
                token.raise_if_cancelled()
                made.append(new_laptop.create_enrolled(path, server, code, name, ca_file=ca_file))
            return new_laptop.first_sync(
                made[0].database,
                progress=lambda _phase, done, total: progress(done, total),
                cancel=lambda: token.cancelled,
            )

        self.busy = True
        self._advance = False
        self.completeChanged.emit()
        label = (
            self.tr("Mendaftarkan laptop dan menerima data wilayah…")
            if self.new is None
            else self.tr("Menerima data wilayah dari server…")
        )
        self._wizard.tasks.run(
            work,
            label=label,
            write=True,
            on_success=lambda report: self._succeeded(made, report),
            on_failure=lambda exc: self._failed(made, exc),
            on_cancelled=lambda: self._failed(made, None),
        )
        if self.synced:
            return True  # finished already (tasks run inline in tests)
        self._advance = self.busy
        return False

    def _adopt(self, made: list[new_laptop.NewDatabase]) -> None:
        if not made or self.new is not None:
            return
        self.new = made[0]
        self._wizard.adopt_enrolled(self.new.database, self.new.recovery_key, self.new.enrollment.scope)
        for widget in (self.server_edit, self.code_edit, self.name_edit, self.ca_edit, self.ca_button):
            widget.setEnabled(False)

    def _succeeded(self, made: list[new_laptop.NewDatabase], _report: Any) -> None:
        self._adopt(made)
        self.busy = False
        self.synced = True
        assert self.new is not None
        self.status.setText(
            self.tr("Laptop terdaftar untuk wilayah %s; data wilayah dan akun pengguna sudah diterima.")
            % scope_label(self.new.enrollment.scope)
        )
        self.status.show()
        self._wizard.keep_database()
        self.completeChanged.emit()
        if self._advance:
            self._advance = False
            self._wizard.next()

    def _failed(self, made: list[new_laptop.NewDatabase], exc: BaseException | None) -> None:
        self._adopt(made)
        self.busy = False
        self._advance = False
        show_message(self.error, self.describe(exc))
        if self.new is not None:
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Coba lagi"))
            self.status.setText(
                self.tr(
                    "Database sudah dibuat dan laptop terdaftar untuk wilayah %s, tetapi data wilayahnya belum "
                    "lengkap diterima. Tekan Coba lagi; atau Batal untuk menghapus database yang belum selesai "
                    "(lalu perlu kode pendaftaran baru)."
                )
                % scope_label(self.new.enrollment.scope)
            )
            self.status.show()
        self.completeChanged.emit()

    def describe(self, exc: BaseException | None) -> str:
        """The Bahasa message for a failed attempt (``None``: cancelled before anything happened)."""
        if exc is None:
            return self.tr("Pendaftaran dibatalkan; belum ada yang dibuat.")
        if isinstance(exc, OfflineError):
            return self.tr("%s\nPeriksa alamat server dan koneksi jaringan, lalu coba lagi.") % exc
        if isinstance(exc, TlsError):
            detail = exc.__cause__ or exc
            return (
                self.tr(
                    "Sambungan aman (TLS) ke server gagal: sertifikat server tidak dapat diverifikasi. Bila kantor "
                    "memakai sertifikat sendiri, pilih berkas sertifikat CA dari kantor Dinsos. (%s)"
                )
                % detail
            )
        if isinstance(exc, new_laptop.NoUsersError | new_laptop.LocalSetupError | SyncCancelled):
            return str(exc)
        if isinstance(exc, RequestRefusedError) and self.new is None:
            return self.tr("Pendaftaran ditolak server: %s") % exc
        if isinstance(exc, SyncError):
            if self.new is None:
                return self.tr("Pendaftaran gagal: %s") % exc
            return self.tr("Sinkronisasi pertama gagal: %s") % exc
        if isinstance(exc, SimoncerError):
            return str(exc)
        log.error("Enrollment into %s failed", self._wizard.db_path, exc_info=exc)
        return self.tr("Pendaftaran gagal karena kesalahan tak terduga: %s") % exc

    # --- giving up ----------------------------------------------------------------------------

    def may_abandon(self) -> bool:
        """Before the wizard closes without finishing: True when nothing is left half-made. An enrolled
        database whose first sync did not finish is deleted after the user agrees."""
        if self.busy:
            return False
        if self.new is None or self.synced:
            return self.new is None
        answer = QMessageBox.question(
            self._wizard,
            self.tr("Batalkan pendaftaran"),
            self.tr(
                "Database baru sudah dibuat dan terdaftar, tetapi data wilayahnya belum lengkap diterima.\n\n"
                "Hapus database yang belum selesai itu dan tutup? Untuk mendaftar lagi nanti diperlukan kode "
                "pendaftaran baru dari kantor Dinsos."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        new_laptop.discard(self.new.database)
        self.new = None
        self._wizard.database = None
        return True
