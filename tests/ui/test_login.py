"""The login dialog over a real encrypted database and key file: wrong password, lockout, recovery key,
the forced password change, and the dialog-free ``--quit-after-ready`` sign-in."""

# ruff: noqa: F811 (pytest fixtures imported from tests.ui.accounts are parameters here)

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from simoncer_desktop import __main__ as entry
from simoncer_desktop.errors import AuthError
from simoncer_desktop.security import signin
from simoncer_desktop.store import Database
from simoncer_desktop.ui import startup
from simoncer_desktop.ui.dialogs.change_password_dialog import ChangePasswordDialog
from simoncer_desktop.ui.dialogs.login_dialog import LoginDialog
from tests.ui.accounts import (  # noqa: F401 (fixtures)
    ADMIN,
    ADMIN_PASSWORD,
    OPERATOR,
    OPERATOR_PASSWORD,
    Made,
    accounts_path,
    accounts_template,
    add_operator,
    admin_db,
)


def login(qtbot: QtBot, path: Path, username: str = "") -> LoginDialog:
    dialog = LoginDialog(path, username=username)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def attempt(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def close_signed_in(dialog: LoginDialog) -> Database:
    assert dialog.database is not None
    return dialog.database


def test_right_password_signs_in(qtbot: QtBot, accounts_path: Path) -> None:
    dialog = login(qtbot, accounts_path)
    attempt(qtbot, dialog, "Admin", ADMIN_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    database = close_signed_in(dialog)
    try:
        assert database.identity is not None and database.identity.username == ADMIN
        assert dialog.password == ADMIN_PASSWORD
    finally:
        database.close()


def test_wrong_password_shows_the_message_and_stays(qtbot: QtBot, accounts_path: Path) -> None:
    dialog = login(qtbot, accounts_path)
    attempt(qtbot, dialog, ADMIN, "salah-sekali")
    assert dialog.isVisible() and dialog.database is None
    assert dialog.message.startswith("Nama pengguna atau kata sandi salah.")
    assert "Sisa 4 kali percobaan" in dialog.message
    assert dialog.password_edit.text() == "" and dialog.username_edit.text() == ADMIN
    attempt(qtbot, dialog, "tidak-ada", "apa-saja-123")
    assert dialog.message.startswith("Nama pengguna atau kata sandi salah.")
    attempt(qtbot, dialog, "", "")
    assert dialog.message == "Isi nama pengguna dan kata sandi."


def test_lockout_after_five_wrong_passwords(qtbot: QtBot, accounts_path: Path) -> None:
    dialog = login(qtbot, accounts_path, username=ADMIN)
    for _ in range(5):
        attempt(qtbot, dialog, ADMIN, "salah-sekali")
    assert "dikunci selama 15 menit" in dialog.message
    attempt(qtbot, dialog, ADMIN, ADMIN_PASSWORD)  # even the right password is refused now
    assert dialog.database is None
    assert "terkunci karena terlalu banyak percobaan" in dialog.message
    assert "menit lagi" in dialog.message


def test_recovery_link_resets_the_admin_password(qtbot: QtBot, accounts_path: Path, accounts_template: Made) -> None:
    dialog = login(qtbot, accounts_path)
    dialog.username_edit.setText(ADMIN)
    seen: list[str] = []

    def fill() -> None:
        recover = dialog.recovery_dialog
        assert recover is not None and recover.username_edit.text() == ADMIN
        recover.key_edit.setText("salah-" + accounts_template.recovery_key[6:])
        recover.pair.password_edit.setText("kata-sandi-baru-1")
        recover.pair.repeat_edit.setText("kata-sandi-baru-1")
        recover.ok_button.click()
        seen.append(recover.error.text())
        recover.key_edit.setText(accounts_template.recovery_key.lower().replace("-", ""))
        recover.ok_button.click()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    assert seen and ("Kunci pemulihan" in seen[0])
    assert dialog.result() == QDialog.DialogCode.Accepted
    database = close_signed_in(dialog)
    assert database.identity is not None and database.identity.username == ADMIN
    database.close()
    signin.sign_in(accounts_path, ADMIN, "kata-sandi-baru-1").close()
    with pytest.raises(AuthError):
        signin.sign_in(accounts_path, ADMIN, ADMIN_PASSWORD)


def test_a_new_account_must_change_its_password_first(qtbot: QtBot, admin_db: Database, accounts_path: Path) -> None:
    add_operator(admin_db)
    dialog = login(qtbot, accounts_path)
    attempt(qtbot, dialog, OPERATOR, OPERATOR_PASSWORD)
    database = close_signed_in(dialog)
    try:
        assert database.identity is not None and database.identity.must_change_password
        change = ChangePasswordDialog(database, forced=True, old_password=dialog.password)
        qtbot.addWidget(change)
        change.show()
        assert change.cancel_button.text() == "Keluar aplikasi"
        assert not change.old_box.isVisible()  # the password just typed is not asked again
        qtbot.keyClicks(change.pair.password_edit, "pendek")
        assert change.pair.password_box.message == "Kata sandi minimal 8 karakter."
        change.pair.password_edit.clear()
        qtbot.keyClicks(change.pair.password_edit, "sandi-budi-baru")
        qtbot.keyClicks(change.pair.repeat_edit, "sandi-budi-lain")
        assert change.pair.repeat_box.message == "Kedua kata sandi tidak sama."
        change.save()
        assert change.isVisible()
        change.pair.repeat_edit.setText("sandi-budi-baru")
        change.save()
        assert change.result() == QDialog.DialogCode.Accepted
        assert database.identity is not None and not database.identity.must_change_password
    finally:
        database.close()
    again = signin.sign_in(accounts_path, OPERATOR, "sandi-budi-baru")
    assert again.identity is not None and not again.identity.must_change_password
    again.close()


def test_change_password_refuses_a_wrong_old_password(qtbot: QtBot, admin_db: Database) -> None:
    change = ChangePasswordDialog(admin_db)
    qtbot.addWidget(change)
    change.show()
    assert change.old_box.isVisible() and change.cancel_button.text() == "Batal"
    change.old_edit.setText("bukan-sandinya")
    change.pair.password_edit.setText("sandi-admin-baru")
    change.pair.repeat_edit.setText("sandi-admin-baru")
    change.save()
    assert change.isVisible() and "Kata sandi lama salah." in change.error.text()


# --- start-up ---------------------------------------------------------------------------------------


def fake_exec(answer: dict[str, object]):  # type: ignore[no-untyped-def]
    """Replaces ``exec`` of a dialog class: runs ``answer[class name]`` on the dialog and returns its result."""

    def run(self: QDialog) -> int:
        action = answer[type(self).__name__]
        self.show()
        action(self)  # type: ignore[operator]
        return self.result()

    return run


def test_start_up_asks_a_forced_change_and_quitting_it_gives_up(
    qapp: object, admin_db: Database, accounts_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_operator(admin_db)

    def sign_in(dialog: LoginDialog) -> None:
        dialog.username_edit.setText(OPERATOR)
        dialog.password_edit.setText(OPERATOR_PASSWORD)
        dialog.sign_in()

    asked: list[bool] = []

    def quit_instead(dialog: ChangePasswordDialog) -> None:
        asked.append(dialog.cancel_button.text() == "Keluar aplikasi")
        dialog.reject()

    answers = {"LoginDialog": sign_in, "ChangePasswordDialog": quit_instead}
    monkeypatch.setattr(LoginDialog, "exec", fake_exec(answers))
    monkeypatch.setattr(ChangePasswordDialog, "exec", fake_exec(answers))
    assert startup.sign_in_interactively(accounts_path) is None
    assert asked == [True]


def test_start_up_without_key_file_for_an_encrypted_file_explains(qapp: object, tmp_path: Path) -> None:
    encrypted = tmp_path / "x.sqlite3"
    encrypted.write_bytes(b"\x8f" * 4096)
    with pytest.raises(AuthError, match="Berkas kunci"):
        startup.sign_in_interactively(encrypted)


@pytest.mark.usefixtures("isolated_process_state")
def test_quit_after_ready_signs_in_with_the_environment_password(
    qapp: object, accounts_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIMONCER_PASSWORD", ADMIN_PASSWORD)
    assert entry.main(["--db", str(accounts_path), "--user", ADMIN, "--quit-after-ready"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == {"ready": True, "families": 0}


@pytest.mark.usefixtures("isolated_process_state")
def test_quit_after_ready_without_password_exits_1(
    qapp: object, accounts_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SIMONCER_PASSWORD", raising=False)
    assert entry.main(["--db", str(accounts_path), "--quit-after-ready"]) == 1
    assert "SIMONCER_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("SIMONCER_PASSWORD", "salah-sekali")
    assert entry.main(["--db", str(accounts_path), "--quit-after-ready"]) == 1
    assert "Nama pengguna atau kata sandi salah." in capsys.readouterr().err
