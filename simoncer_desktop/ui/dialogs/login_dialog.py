"""*Masuk*: username and password (``signin.sign_in``), the refusal in Bahasa under the fields, and the way
out when every password is forgotten (*Lupa semua kata sandi? Pakai kunci pemulihan…*).

The same dialog is the idle lock's screen (``unlock_of``): the window's open database is signed in again
with whoever proves a password, and the dialog cannot be dismissed — only *Keluar aplikasi* leaves it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.change_password_dialog import (
    busy,
    error_label,
    message_of,
    password_edit,
    show_message,
)

log = logging.getLogger(__name__)

QUIT = 2
"""``LoginDialog.result()`` when the user chose *Keluar aplikasi* on the lock screen."""


def authenticate(db_path: Path, username: str, password: str, current: Database | None = None) -> Database:
    """``signin.sign_in``; with ``current`` (the window's open database, locked) the check is made on a
    second connection and ``current`` is signed in as the identity it proved."""
    from simoncer_desktop.security import signin

    opened = signin.sign_in(db_path, username, password)
    if current is None:
        return opened
    return _adopt_identity(current, opened)


def _adopt_identity(current: Database, opened: Database) -> Database:
    identity = opened.identity
    opened.close()
    current.sign_in(identity)
    return current


class LoginDialog(QDialog):
    """Sign in to ``db_path``; afterwards ``database`` is the signed-in database and ``password`` what was
    typed (the forced password change does not ask for it again)."""

    def __init__(
        self,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        unlock_of: Database | None = None,
        username: str = "",
    ) -> None:
        super().__init__(parent)
        self._db_path = Path(db_path)
        self._unlock_of = unlock_of
        self.database: Database | None = None
        self.password = ""
        self.setWindowTitle(self.tr("Simoncer terkunci") if unlock_of is not None else self.tr("Masuk ke Simoncer"))
        self.setMinimumWidth(420)
        heading = QLabel(
            self.tr("Layar dikunci. Masuk lagi untuk melanjutkan (pengguna lain juga boleh masuk).")
            if unlock_of is not None
            else self.tr("Masuk dengan nama pengguna dan kata sandi Anda.")
        )
        heading.setWordWrap(True)
        self.username_edit = QLineEdit(username)
        self.username_edit.setMaxLength(60)
        self.password_edit = password_edit()
        form = QFormLayout()
        form.addRow(self.tr("&Nama pengguna:"), self.username_edit)
        form.addRow(self.tr("&Kata sandi:"), self.password_edit)
        self.error = error_label()
        self.recover_button = QPushButton(self.tr("Lupa semua kata sandi? Pakai kunci pemulihan…"))
        self.recover_button.setFlat(True)
        self.recover_button.setAutoDefault(False)
        self.recover_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.recover_button.setStyleSheet("QPushButton { color: #1d5c96; text-decoration: underline; border: none; }")
        self.recover_button.clicked.connect(self.open_recovery)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Masuk"))
        self.sign_in_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Keluar aplikasi") if unlock_of is not None else self.tr("Batal"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self._cancel)
        path_label = QLabel(self.tr("Database: %s") % self._db_path)
        path_label.setObjectName("hint")
        path_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(path_label)
        layout.addWidget(self.buttons)
        self.username_edit.textEdited.connect(lambda _t: show_message(self.error, ""))
        (self.password_edit if username else self.username_edit).setFocus()

    @property
    def message(self) -> str:
        """The refusal shown, or ``""``."""
        return message_of(self.error) if self.error.isVisibleTo(self) else ""

    @property
    def identity(self) -> Identity | None:
        return self.database.identity if self.database is not None else None

    def sign_in(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            show_message(self.error, self.tr("Isi nama pengguna dan kata sandi."))
            (self.password_edit if username else self.username_edit).setFocus()
            return
        try:
            with busy():
                database = authenticate(self._db_path, username, password, self._unlock_of)
        except SimoncerError as exc:
            self._refused(str(exc))
            return
        except Exception as exc:  # a damaged or unreadable file: explain it here, the user can pick another
            log.exception("Sign-in to %s failed", self._db_path)
            self._refused(self.tr("Gagal membuka database: %s") % exc)
            return
        self.database = database
        self.password = password
        self.accept()

    def _refused(self, message: str) -> None:
        show_message(self.error, message)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def open_recovery(self) -> None:
        from simoncer_desktop.ui.dialogs.recovery_key_dialog import RecoverDialog

        dialog = RecoverDialog(self._db_path, self, username=self.username_edit.text().strip())
        self.recovery_dialog = dialog
        """The open recovery dialog (tests fill it in)."""
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.database is None:
                return
            database = dialog.database
            if self._unlock_of is not None:
                database = _adopt_identity(self._unlock_of, database)
            self.database = database
            self.password = dialog.pair.password
            self.accept()
        finally:
            self.recovery_dialog = None
            dialog.deleteLater()

    # --- the lock screen cannot be dismissed -------------------------------------------------

    def _cancel(self) -> None:
        if self._unlock_of is not None:
            self.done(QUIT)
        else:
            self.reject()

    def reject(self) -> None:
        if self._unlock_of is None:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._unlock_of is not None and event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlock_of is not None and self.result() != QUIT:
            event.ignore()
            return
        super().closeEvent(event)
