"""The first run: no database and no key file yet (or a database from before encryption, ``legacy``).

Two ways to start, chosen on the first page (``first_run_region``):

* *Buat database baru*: *Wilayah* (the regency/city and this laptop's kecamatan, or *Semua kecamatan* for the
  Dinas office), *Administrator* (the first admin; the password rules show under the fields), then, once
  ``signin.create_database`` (or ``adopt_plain_database``) made the encrypted database, *Kunci pemulihan*
  (shown once, *Salin*, *Simpan/Cetak PDF…*, a tick required) and *Data awal* (``first_run_data``: empty,
  a family file to import once the window opens, or a synthetic demo caseload).
* *Daftarkan ke server pusat Dinsos* (``first_run_enroll``): server, one-time code, optional CA file; the
  database is created with no local user, the scope and accounts come from the server; then *Kunci
  pemulihan*. Afterwards the login dialog signs a synced user in (``ui/startup.py``).

The database exists from the administrator (or enrollment) page on, so the wizard cannot go back or be
cancelled then (an enrollment whose first sync failed may be abandoned: its database is deleted).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services import auth
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.change_password_dialog import (
    PasswordPair,
    busy,
    error_label,
    name_errors,
    show_message,
)
from simoncer_desktop.ui.dialogs.first_run_data import InitialDataPage
from simoncer_desktop.ui.dialogs.first_run_enroll import EnrollPage
from simoncer_desktop.ui.dialogs.first_run_region import (
    ALL_KECAMATAN,
    RegionPage,
    kecamatan_of,
    regencies,
    scope_label,
)
from simoncer_desktop.ui.dialogs.recovery_key_dialog import RecoveryKeyView
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.form import FieldBox, align_labels

__all__ = ["ALL_KECAMATAN", "FirstRunWizard", "kecamatan_of", "regencies"]

log = logging.getLogger(__name__)

REGION_PAGE, ADMIN_PAGE, RECOVERY_PAGE, DATA_PAGE, ENROLL_PAGE = range(5)


class AdminPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Administrator pertama"))
        self.setSubTitle(
            self.tr(
                "Akun yang mengelola pengguna lain. Kata sandi minimal %d karakter dan tidak sama dengan nama pengguna."
            )
            % auth.MIN_PASSWORD_LENGTH
        )
        self.username_edit = QLineEdit()
        self.username_edit.setMaxLength(60)
        self.username_edit.setPlaceholderText(self.tr("mis. admin"))
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setMaxLength(120)
        self.username_box = FieldBox(self.username_edit)
        self.full_name_box = FieldBox(self.full_name_edit)
        self.pair = PasswordPair(self)
        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna:"), self.username_box)
        form.addRow(self.tr("Nama &lengkap:"), self.full_name_box)
        self.pair.add_rows(form, self.tr("&Kata sandi:"), self.tr("&Ulangi kata sandi:"))
        align_labels(form)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._touched: set[str] = set()
        self.username_edit.textEdited.connect(lambda _t: self._edited("username"))
        self.full_name_edit.textEdited.connect(lambda _t: self._edited("full_name"))
        self.pair.changed.connect(self._pair_changed)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Buat database"))

    def field_errors(self) -> dict[str, str]:
        return name_errors(self.username_edit.text(), self.full_name_edit.text())

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        errors = self.field_errors()
        self.username_box.set_error(errors.get("username") if "username" in self._touched else None)
        self.full_name_box.set_error(errors.get("full_name") if "full_name" in self._touched else None)
        self.pair.set_username(self.username_edit.text().strip().lower())
        show_message(self.error, "")
        self.completeChanged.emit()

    def _pair_changed(self) -> None:
        show_message(self.error, "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.field_errors() and not self.pair.errors()

    def validatePage(self) -> bool:
        return self._wizard.create()


class RecoveryPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Kunci pemulihan"))
        self.view = RecoveryKeyView(self)
        self.saved_check = QCheckBox(self.tr("Saya sudah menyimpan kunci pemulihan di tempat aman"))
        self.saved_check.toggled.connect(lambda _c: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addStretch(1)
        layout.addWidget(self.saved_check)

    def isComplete(self) -> bool:
        return self.saved_check.isChecked()


class FirstRunWizard(QWizard):
    """Makes the encrypted database: with its first administrator (``database`` is signed in afterwards),
    or enrolled with the central server (``enrolled``: nobody is signed in; the login dialog follows).

    ``legacy``: ``db_path`` is an unencrypted database from before this release; it is encrypted in
    place (``signin.adopt_plain_database``) instead of created, with its region preselected.
    ``import_file``: the family file chosen on *Data awal*, for the main window's import wizard.
    """

    def __init__(self, db_path: Path, *, legacy: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.legacy = legacy
        self.database: Database | None = None
        self.recovery_key = ""
        self.enrolled = False
        self.tasks = TaskRunner(self)
        self.setWindowTitle(
            self.tr("Simoncer — mengamankan database lama") if legacy else self.tr("Simoncer — penyiapan pertama")
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Selesai"))
        self.setMinimumSize(680, 520)
        self.region_page = RegionPage(self)
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage(self)
        self.data_page = InitialDataPage(self)
        self.enroll_page = EnrollPage(self)
        self.setPage(REGION_PAGE, self.region_page)
        self.setPage(ADMIN_PAGE, self.admin_page)
        self.setPage(RECOVERY_PAGE, self.recovery_page)
        self.setPage(DATA_PAGE, self.data_page)
        self.setPage(ENROLL_PAGE, self.enroll_page)
        self.setStartId(REGION_PAGE)
        if legacy:
            self.region_page.set_legacy(
                self.tr(
                    "Database ini dibuat sebelum Simoncer mengenkripsi data. Pilih wilayah dan buat administrator "
                    "pertama; database lalu dienkripsi di tempat (cadangan dibuat lebih dulu)."
                )
            )
            from simoncer_desktop.security import signin

            region = signin.plain_database_setting(self.db_path, "region_code")
            self.region_page.choose(region, signin.plain_database_setting(self.db_path, "device_scope"))

    def nextId(self) -> int:
        current = self.currentId()
        if current == REGION_PAGE:
            return ENROLL_PAGE if self.region_page.enroll and not self.legacy else ADMIN_PAGE
        if current in (ADMIN_PAGE, ENROLL_PAGE):
            return RECOVERY_PAGE
        if current == RECOVERY_PAGE and not (self.legacy or self.enrolled):
            return DATA_PAGE
        return -1

    @property
    def import_file(self) -> Path | None:
        return self.data_page.import_file if self.database is not None and not self.enrolled else None

    def create(self) -> bool:
        """Make the database (the administrator page's *Buat database*); False keeps the wizard there."""
        page = self.admin_page
        if self.database is not None:
            return True
        region = self.region_page.region_code
        if region is None:
            show_message(page.error, self.tr("Pilih kabupaten/kota di halaman sebelumnya."))
            return False
        from simoncer_desktop.security import signin

        make = signin.adopt_plain_database if self.legacy else signin.create_database
        try:
            with busy():
                self.database, self.recovery_key = make(
                    self.db_path,
                    region_code=region,
                    scope=self.region_page.scope,
                    admin_username=page.username_edit.text().strip(),
                    admin_full_name=page.full_name_edit.text().strip(),
                    admin_password=page.pair.password,
                )
        except SimoncerError as exc:
            show_message(page.error, str(exc))
            return False
        except Exception as exc:
            log.exception("Creating the database %s failed", self.db_path)
            show_message(page.error, self.tr("Database tidak dapat dibuat: %s") % exc)
            return False
        region_label = self.region_page.regency_combo.currentText()
        self.recovery_page.view.set_key(self.recovery_key, self.db_path, region_label)
        self.keep_database()
        return True

    def keep_database(self) -> None:
        """The database is complete: from now on there is nothing to cancel (the key must be acknowledged)."""
        self.setOption(QWizard.WizardOption.NoCancelButton, True)

    def adopt_enrolled(self, database: Database, recovery_key: str, scope: str) -> None:
        """The enrollment page made the database (no local user; its first sync may still be running)."""
        self.database, self.recovery_key, self.enrolled = database, recovery_key, True
        self.region_page.lock_enrollment()
        self.recovery_page.view.set_key(recovery_key, self.db_path, scope_label(scope))

    def log_failure(self, what: str, exc: BaseException) -> None:
        log.error("%s in %s failed", what, self.db_path, exc_info=exc)

    @property
    def busy(self) -> bool:
        return not self.tasks.idle

    # Once the database exists the key must be acknowledged: no cancel, no Escape, no closing. An
    # enrollment whose first sync did not finish may be abandoned: its database is deleted (after asking).

    def reject(self) -> None:
        if self.busy:
            return
        if self.database is None or (self.enrolled and self.enroll_page.may_abandon()):
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (self.database is not None or self.busy) and event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy or (self.database is not None and not self.recovery_page.isComplete()):
            event.ignore()
            return
        super().closeEvent(event)
