"""*Ganti kata sandi*, and the pieces every account form shares: a password typed twice with the rules
shown under the fields, and a busy cursor for the quarter second an argon2 derivation takes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import AuthError, SimoncerError
from simoncer_desktop.services import auth
from simoncer_desktop.store import Database
from simoncer_desktop.ui.widgets.form import ERROR_MARK, FieldBox, align_labels
from simoncer_desktop.ui.widgets.labels import message_label

translate = QCoreApplication.translate

REPEAT_MISMATCH = "Kedua kata sandi tidak sama."
"""The repetition's message in the source language (``PasswordPair.errors`` shows it translated)."""


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while a key derivation or a database opening runs on the UI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(200)
    return edit


def error_label() -> QLabel:
    """A message that belongs to no one field (hidden while empty)."""
    return message_label()


def show_message(label: QLabel, message: str) -> None:
    label.setText(f"{ERROR_MARK}{message}" if message else "")
    label.setVisible(bool(message))


def message_of(label: QLabel) -> str:
    return label.text().removeprefix(ERROR_MARK)


def password_rule_error(password: str, username: str) -> str:
    """The rule ``password`` breaks (``services.auth.check_password``), or ``""``."""
    try:
        auth.check_password(password, username)
    except AuthError as exc:
        return str(exc)
    return ""


def name_errors(username: str, full_name: str) -> dict[str, str]:
    """The account form's problems with the username and full name, per field (``username``,
    ``full_name``), in the service's words."""
    errors: dict[str, str] = {}
    try:
        auth.normalize_username(username)
    except AuthError as exc:
        errors["username"] = str(exc)
    if not full_name.strip():
        errors["full_name"] = translate("account", "Nama lengkap wajib diisi.")
    return errors


def finish_dialog(
    dialog: QDialog, widgets: list[QWidget | QFormLayout], ok_text: str, accept: Callable[[], None]
) -> tuple[QLabel, QDialogButtonBox, QPushButton]:
    """Lay ``widgets`` out top to bottom, then the message label and OK (named ``ok_text``, calling
    ``accept``) / Batal; returns the label, the button box and the OK button."""
    error = error_label()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("account", "Batal"))
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    for widget in widgets:
        if isinstance(widget, QFormLayout):
            layout.addLayout(widget)
        else:
            layout.addWidget(widget)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error, buttons, ok_button


class PasswordPair(QWidget):
    """A new password and its repetition, each with its message under it. Messages appear once the user
    typed in a field (``touch_all`` shows them all, e.g. after *Simpan*)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password_edit = password_edit()
        self.repeat_edit = password_edit()
        self.password_box = FieldBox(self.password_edit)
        self.repeat_box = FieldBox(self.repeat_edit)
        self.username = ""
        """Whose password it is (the rules forbid the username itself)."""
        self._touched: set[str] = set()
        self.password_edit.textEdited.connect(lambda _t: self._edited("password"))
        self.repeat_edit.textEdited.connect(lambda _t: self._edited("repeat"))

    def add_rows(self, form: QFormLayout, label: str, repeat_label: str) -> None:
        form.addRow(label, self.password_box)
        form.addRow(repeat_label, self.repeat_box)

    @property
    def password(self) -> str:
        return self.password_edit.text()

    def errors(self) -> dict[str, str]:
        found: dict[str, str] = {}
        rule = password_rule_error(self.password, self.username)
        if rule:
            found["password"] = rule
        if self.repeat_edit.text() != self.password:
            found["repeat"] = self.tr("Kedua kata sandi tidak sama.")
        return found

    def refresh(self) -> bool:
        """Show the messages of the touched fields; True when the pair is valid."""
        errors = self.errors()
        self.password_box.set_error(errors.get("password") if "password" in self._touched else None)
        self.repeat_box.set_error(errors.get("repeat") if "repeat" in self._touched else None)
        return not errors

    def touch_all(self) -> bool:
        self._touched = {"password", "repeat"}
        return self.refresh()

    def set_username(self, username: str) -> None:
        self.username = username
        self.refresh()

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        if field == "password" and self.repeat_edit.text():
            self._touched.add("repeat")
        self.refresh()
        self.changed.emit()


class ChangePasswordDialog(QDialog):
    """The signed-in user replaces the own password (``signin.change_password``).

    ``forced`` (the account must change its password: new account or after a reset): the dialog cannot
    be skipped — its cancel button says *Keluar aplikasi* and the caller quits on rejection. When the
    caller knows the password just typed at the login (``old_password``) it is not asked again.
    """

    def __init__(
        self, db: Database, *, forced: bool = False, old_password: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if db.identity is None:
            raise AuthError(self.tr("Belum masuk: tidak ada kata sandi yang dapat diganti."))
        self._db = db
        self._username = db.identity.username
        self._known_old = old_password
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "Akun '%s' harus memakai kata sandi baru sebelum melanjutkan (akun baru atau kata sandi "
                "yang direset administrator)."
            )
            % self._username
            if forced
            else self.tr("Ganti kata sandi akun '%s'.") % self._username
        )
        intro.setWordWrap(True)
        self.old_edit = password_edit()
        self.old_box = FieldBox(self.old_edit)
        self.pair = PasswordPair(self)
        self.pair.set_username(self._username)
        rules = QLabel(self.tr("Minimal %d karakter dan tidak sama dengan nama pengguna.") % auth.MIN_PASSWORD_LENGTH)
        rules.setObjectName("hint")
        form = QFormLayout()
        if old_password is None:
            form.addRow(self.tr("Kata sandi &lama:"), self.old_box)
        else:
            self.old_box.hide()
        self.pair.add_rows(form, self.tr("Kata sandi &baru:"), self.tr("&Ulangi kata sandi baru:"))
        align_labels(form)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("Simpan"))
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Keluar aplikasi") if forced else self.tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(rules)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.pair.changed.connect(lambda: show_message(self.error, ""))
        (self.pair.password_edit if old_password is not None else self.old_edit).setFocus()

    def save(self) -> None:
        old = self._known_old if self._known_old is not None else self.old_edit.text()
        valid = self.pair.touch_all()
        self.old_box.set_error(None if old or self._known_old is not None else self.tr("Kata sandi lama wajib diisi."))
        if not valid or not old:
            return
        from simoncer_desktop.security import signin

        try:
            with busy():
                signin.change_password(self._db, self._username, old, self.pair.password)
        except SimoncerError as exc:
            show_message(self.error, str(exc))
            return
        identity = self._db.identity
        if identity is not None and identity.must_change_password:
            self._db.sign_in(dataclasses.replace(identity, must_change_password=False))
        self.accept()
