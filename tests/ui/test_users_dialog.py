"""*Pengguna* (admin only): list, add, reset password, deactivate/activate — real database and key file."""

# ruff: noqa: F811 (pytest fixtures imported from tests.ui.accounts are parameters here)

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from simoncer_desktop.errors import AuthError
from simoncer_desktop.models.enums import Role
from simoncer_desktop.security import signin
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.login_dialog import LoginDialog
from simoncer_desktop.ui.dialogs.users_dialog import AddUserDialog, ResetPasswordDialog, UsersDialog
from tests.ui.accounts import (  # noqa: F401 (fixtures)
    ADMIN,
    KECAMATAN,
    OPERATOR,
    OPERATOR_PASSWORD,
    accounts_path,
    accounts_template,
    add_operator,
    admin_db,
    open_window,
)
from tests.ui.conftest import Answers


def users_dialog(qtbot: QtBot, db: Database) -> UsersDialog:
    dialog = UsersDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def column(dialog: UsersDialog, number: int) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, number)) for row in range(model.rowCount())]


def test_admin_sees_the_users_menu_and_a_non_admin_does_not(
    qtbot: QtBot, admin_db: Database, accounts_path: Path
) -> None:
    window = open_window(qtbot, admin_db)
    assert window.users_action.isVisible() and window.users_action.text() == "&Pengguna…"
    assert [a.text() for a in window.account_menu.actions() if not a.isSeparator()][:3] == [
        "&Ganti kata sandi…",
        "&Kunci sekarang",
        "K&eluar akun",
    ]
    add_operator(admin_db, "rina", Role.VIEWER)
    rina = signin.sign_in(accounts_path, "rina", OPERATOR_PASSWORD)
    try:
        other = open_window(qtbot, rina)
        assert not other.users_action.isVisible()
        assert other.user_label.text() == "Pengguna: Rina (Pemantau (hanya laporan))"
    finally:
        other.close()
        rina.close()


def test_admin_adds_a_user_who_can_then_sign_in(qtbot: QtBot, admin_db: Database, accounts_path: Path) -> None:
    dialog = users_dialog(qtbot, admin_db)
    assert column(dialog, 0) == [ADMIN] and column(dialog, 2) == ["Administrator"]
    add = AddUserDialog(admin_db, dialog)
    qtbot.addWidget(add)
    add.show()
    add.username_edit.setText(OPERATOR)
    add.full_name_edit.setText("Budi Operator")
    add.role_combo.setCurrentIndex(add.role_combo.findData(Role.OPERATOR.value))
    assert add.scope_combo.isEnabled() and not add.facilitator_combo.isEnabled()
    add.scope_combo.setCurrentIndex(add.scope_combo.findData(KECAMATAN))
    add.pair.password_edit.setText("pendek")  # the password rules apply
    add.pair.repeat_edit.setText("pendek")
    add.save()
    assert add.isVisible()
    assert add.pair.password_box.message == "Kata sandi minimal 8 karakter."
    add.pair.password_edit.setText(OPERATOR_PASSWORD)
    add.pair.repeat_edit.setText(OPERATOR_PASSWORD)
    add.save()
    assert add.result() == QDialog.DialogCode.Accepted and add.created == OPERATOR
    dialog.reload(OPERATOR)
    assert column(dialog, 0) == [ADMIN, OPERATOR]
    assert column(dialog, 3) == ["Semua kecamatan", "Bogor Selatan"]
    assert column(dialog, 4)[1] == "Ya (wajib ganti sandi)"
    assert dialog.selected() is not None and dialog.selected().username == OPERATOR

    login = LoginDialog(accounts_path)
    qtbot.addWidget(login)
    login.username_edit.setText(OPERATOR)
    login.password_edit.setText(OPERATOR_PASSWORD)
    login.sign_in()
    assert login.database is not None and login.database.identity is not None
    assert login.database.identity.role is Role.OPERATOR and login.database.identity.must_change_password
    login.database.close()


def test_a_taken_username_is_refused_in_the_dialog(qtbot: QtBot, admin_db: Database) -> None:
    add = AddUserDialog(admin_db)
    qtbot.addWidget(add)
    add.username_edit.setText(ADMIN)
    add.full_name_edit.setText("Dua")
    add.role_combo.setCurrentIndex(add.role_combo.findData(Role.SUPERVISOR.value))
    add.pair.password_edit.setText(OPERATOR_PASSWORD)
    add.pair.repeat_edit.setText(OPERATOR_PASSWORD)
    add.save()
    assert add.created is None and "sudah dipakai" in add.error.text()


def test_reset_password_and_deactivate(
    qtbot: QtBot, admin_db: Database, accounts_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_operator(admin_db)
    dialog = users_dialog(qtbot, admin_db)
    dialog.select_user(OPERATOR)
    reset = ResetPasswordDialog(admin_db, OPERATOR, dialog)
    qtbot.addWidget(reset)
    reset.pair.password_edit.setText("sandi-sementara-2")
    reset.pair.repeat_edit.setText("sandi-sementara-2")
    reset.save()
    assert reset.result() == QDialog.DialogCode.Accepted
    signin.sign_in(accounts_path, OPERATOR, "sandi-sementara-2").close()

    answers = Answers(QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "question", answers)
    assert dialog.active_button.text() == "&Nonaktifkan"
    dialog.active_button.click()
    assert answers.asked and OPERATOR in answers.asked[0]
    assert column(dialog, 4)[1] == "Tidak" and dialog.active_button.text() == "&Aktifkan"
    with pytest.raises(AuthError):
        signin.sign_in(accounts_path, OPERATOR, "sandi-sementara-2")
    dialog.active_button.click()  # reactivating asks nothing
    assert len(answers.asked) == 1 and column(dialog, 4)[1].startswith("Ya")

    dialog.select_user(ADMIN)
    dialog.active_button.click()
    assert "Akun sendiri tidak dapat dinonaktifkan." in dialog.error.text()
