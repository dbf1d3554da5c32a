"""The first run: no database and no key file yet (or a database from before encryption, ``legacy``).

Pages: *Wilayah* (the regency/city and this laptop's kecamatan, or *Semua kecamatan* for the Dinas
office), *Administrator* (the first admin; the password rules show under the fields), then — once
``signin.create_database`` (or ``adopt_plain_database``) made the encrypted database — *Kunci pemulihan*:
the key shown once, *Salin*, *Simpan/Cetak PDF…* and a tick that must be set before *Selesai*.
The database exists from the administrator page on, so the wizard cannot go back or be cancelled then.
"""

from __future__ import annotations

import csv
import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.models.base import GLOBAL_SCOPE
from simoncer_desktop.paths import resource_path
from simoncer_desktop.services import auth
from simoncer_desktop.services.reference import KECAMATAN, REGENCY
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.change_password_dialog import (
    PasswordPair,
    busy,
    error_label,
    name_errors,
    show_message,
)
from simoncer_desktop.ui.dialogs.recovery_key_dialog import RecoveryKeyView
from simoncer_desktop.ui.widgets.form import FieldBox, align_labels, fill_combo

log = logging.getLogger(__name__)

ALL_KECAMATAN = "Semua kecamatan (kantor Dinas)"


@cache
def _wilayah() -> tuple[tuple[tuple[str, str], ...], dict[str, tuple[tuple[str, str], ...]]]:
    """(regencies, kecamatan per regency) from the bundled list: there is no database to ask yet."""
    regencies: list[tuple[str, str]] = []
    kecamatan: dict[str, list[tuple[str, str]]] = {}
    with resource_path("wilayah.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            level = row["tingkat"]
            if level == REGENCY:
                regencies.append((row["kode"], row["nama"]))
            elif level == KECAMATAN:
                kecamatan.setdefault(row["kode"].rsplit(".", 1)[0], []).append((row["kode"], row["nama"]))
    by_regency = {code: tuple(sorted(items, key=lambda i: i[1])) for code, items in kecamatan.items()}
    return tuple(regencies), by_regency


def regencies() -> list[tuple[str, str]]:
    return list(_wilayah()[0])


def kecamatan_of(regency_code: str) -> list[tuple[str, str]]:
    return list(_wilayah()[1].get(regency_code, ()))


class RegionPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Wilayah"))
        self.setSubTitle(
            self.tr(
                "Kabupaten/kota yang dilayani, dan kecamatan laptop ini. Laptop kantor Dinas yang mengurus semua "
                'kecamatan memilih "%s".'
            )
            % ALL_KECAMATAN
        )
        self.regency_combo = QComboBox()
        self.regency_combo.setEditable(True)
        self.regency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.regency_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.regency_combo.completer().setCompletionMode(self.regency_combo.completer().CompletionMode.PopupCompletion)
        fill_combo(self.regency_combo, [(code, f"{name} ({code})") for code, name in regencies()])
        self.kecamatan_combo = QComboBox()
        form = QFormLayout(self)
        form.addRow(self.tr("&Kabupaten/kota:"), self.regency_combo)
        form.addRow(self.tr("K&ecamatan laptop ini:"), self.kecamatan_combo)
        self.regency_combo.currentIndexChanged.connect(self._regency_changed)
        self._regency_changed()

    def _regency_changed(self) -> None:
        code = self.regency_combo.currentData()
        items = [(k, f"{name} ({k})") for k, name in kecamatan_of(code)] if code else []
        fill_combo(self.kecamatan_combo, [(GLOBAL_SCOPE, self.tr(ALL_KECAMATAN)), *items])
        self.completeChanged.emit()

    def choose(self, regency_code: str | None, scope: str | None = None) -> None:
        index = self.regency_combo.findData(regency_code) if regency_code else -1
        if index >= 0:
            self.regency_combo.setCurrentIndex(index)
        if scope:
            index = self.kecamatan_combo.findData(scope)
            if index >= 0:
                self.kecamatan_combo.setCurrentIndex(index)

    @property
    def region_code(self) -> str | None:
        index = self.regency_combo.findText(self.regency_combo.currentText())
        return self.regency_combo.itemData(index) if index >= 0 else None

    @property
    def scope(self) -> str:
        return self.kecamatan_combo.currentData() or GLOBAL_SCOPE

    def isComplete(self) -> bool:
        return self.region_code is not None


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
    """Makes the encrypted database and its first administrator; ``database`` is signed in afterwards.

    ``legacy``: ``db_path`` is an unencrypted database from before this release; it is encrypted in
    place (``signin.adopt_plain_database``) instead of created, with its region preselected.
    """

    def __init__(self, db_path: Path, *, legacy: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.legacy = legacy
        self.database: Database | None = None
        self.recovery_key = ""
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
        self.setMinimumSize(640, 480)
        self.region_page = RegionPage(self)
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage(self)
        self.addPage(self.region_page)
        self.addPage(self.admin_page)
        self.addPage(self.recovery_page)
        if legacy:
            self.region_page.setSubTitle(
                self.tr(
                    "Database ini dibuat sebelum Simoncer mengenkripsi data. Pilih wilayah dan buat administrator "
                    "pertama; database lalu dienkripsi di tempat (cadangan dibuat lebih dulu)."
                )
            )
            from simoncer_desktop.security import signin

            region = signin.plain_database_setting(self.db_path, "region_code")
            self.region_page.choose(region, signin.plain_database_setting(self.db_path, "device_scope"))

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
        return True

    # Once the database exists the key must be acknowledged: no cancel, no Escape, no closing.

    def reject(self) -> None:
        if self.database is None:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.database is not None and event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.database is not None and not self.recovery_page.isComplete():
            event.ignore()
            return
        super().closeEvent(event)
