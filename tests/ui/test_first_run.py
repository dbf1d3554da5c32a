"""The first-run wizard: wilayah, first administrator, the encrypted database and its recovery key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWizard
from pytestqt.qtbot import QtBot

from simoncer_desktop.errors import AuthError
from simoncer_desktop.security import signin
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services.settings import get_setting, region_code
from simoncer_desktop.ui.dialogs.first_run_wizard import ALL_KECAMATAN, FirstRunWizard, kecamatan_of, regencies
from simoncer_desktop.ui.dialogs.recovery_key_dialog import RecoverDialog
from tests.ui.accounts import ADMIN, ADMIN_NAME, ADMIN_PASSWORD, KECAMATAN, REGION, cheapen


@pytest.fixture(autouse=True)
def _cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    cheapen(monkeypatch)


def start(qtbot: QtBot, path: Path) -> FirstRunWizard:
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill_admin(qtbot: QtBot, wizard: FirstRunWizard, password: str = ADMIN_PASSWORD) -> None:
    page = wizard.admin_page
    qtbot.keyClicks(page.username_edit, ADMIN)
    qtbot.keyClicks(page.full_name_edit, ADMIN_NAME)
    qtbot.keyClicks(page.pair.password_edit, password)
    qtbot.keyClicks(page.pair.repeat_edit, password)


def test_the_region_lists_come_from_the_bundled_wilayah_file() -> None:
    assert (REGION, "Kota Bogor") in regencies()
    assert any(code == KECAMATAN for code, _ in kecamatan_of(REGION))


def test_first_run_creates_the_database_and_the_recovery_key_unlocks_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "baru.sqlite3"
    wizard = start(qtbot, path)
    wizard.region_page.choose(REGION, KECAMATAN)
    assert wizard.region_page.kecamatan_combo.itemText(0) == ALL_KECAMATAN
    assert wizard.region_page.scope == KECAMATAN
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    fill_admin(qtbot, wizard)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled() and commit.text() == "Buat database"
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.recovery_page
    database = wizard.database
    assert database is not None and database.identity is not None and database.identity.username == ADMIN
    assert path.exists() and KeyStore.exists(path)
    key = wizard.recovery_key
    assert wizard.recovery_page.view.key_label.text() == key and len(key.split("-")) >= 8
    with database.read() as session:
        assert region_code(session) == REGION
        assert get_setting(session, signin.DEVICE_SCOPE) == KECAMATAN

    onward = wizard.button(QWizard.WizardButton.NextButton)  # a new database goes on to *Data awal*
    assert not onward.isEnabled()  # the tick is required
    wizard.reject()  # neither cancel nor Escape loses the key once the database exists
    assert wizard.isVisible()
    wizard.recovery_page.view.copy_button.click()
    assert QApplication.clipboard().text() == key
    wizard.recovery_page.saved_check.setChecked(True)
    assert onward.isEnabled()
    qtbot.mouseClick(onward, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.data_page and wizard.data_page.empty_radio.isChecked()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.import_file is None
    database.close()

    recover = RecoverDialog(path, username=ADMIN)
    qtbot.addWidget(recover)
    recover.show()
    recover.key_edit.setText(key)
    recover.pair.password_edit.setText("sandi-pulih-123")
    recover.pair.repeat_edit.setText("sandi-pulih-123")
    recover.recover()
    assert recover.result() == QDialog.DialogCode.Accepted
    assert recover.database is not None and recover.database.identity is not None
    recover.database.close()
    signin.sign_in(path, ADMIN, "sandi-pulih-123").close()


def test_the_password_rules_show_under_the_fields(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = start(qtbot, tmp_path / "baru.sqlite3")
    wizard.region_page.choose(REGION)
    wizard.next()
    page = wizard.admin_page
    qtbot.keyClicks(page.username_edit, "A")
    assert "Nama pengguna harus 3–60 karakter" in page.username_box.message
    qtbot.keyClicks(page.username_edit, "dmin")
    assert page.username_box.message == ""
    qtbot.keyClicks(page.pair.password_edit, "admin")
    assert page.pair.password_box.message == "Kata sandi minimal 8 karakter."
    page.pair.password_edit.clear()
    qtbot.keyClicks(page.pair.password_edit, "Admin")  # 5 characters, and the username in another case
    qtbot.keyClicks(page.pair.repeat_edit, "x")
    assert page.pair.repeat_box.message == "Kedua kata sandi tidak sama."
    assert not page.isComplete()


def test_recovery_key_pdf_is_written_where_chosen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = start(qtbot, tmp_path / "baru.sqlite3")
    wizard.region_page.choose(REGION)
    wizard.next()
    fill_admin(qtbot, wizard)
    wizard.next()
    target = tmp_path / "kunci"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    wizard.recovery_page.view.pdf_button.click()
    pdf = target.with_suffix(".pdf")
    assert wizard.recovery_page.view.saved_to == pdf
    assert pdf.read_bytes().startswith(b"%PDF")
    assert wizard.database is not None
    wizard.database.close()


def test_an_existing_database_is_refused_with_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ada.sqlite3"
    path.write_bytes(b"x" * 100)
    wizard = start(qtbot, path)
    wizard.region_page.choose(REGION)
    wizard.next()
    fill_admin(qtbot, wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page and wizard.database is None
    assert "sudah ada" in wizard.admin_page.error.text()


def test_a_plain_database_from_an_older_release_is_encrypted(qtbot: QtBot, tmp_path: Path) -> None:
    from simoncer_desktop import db as plain_db
    from simoncer_desktop.migrate import upgrade_to_head

    path = tmp_path / "lama.sqlite3"
    engine = plain_db.make_engine(path)
    upgrade_to_head(engine, path)
    engine.dispose()
    assert signin.plain_database_without_keys(path)
    wizard = FirstRunWizard(path, legacy=True)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.region_page.enroll_radio.isVisible()  # an old database is encrypted, not enrolled
    wizard.region_page.choose(REGION)
    wizard.next()
    fill_admin(qtbot, wizard)
    wizard.next()
    assert wizard.database is not None, wizard.admin_page.error.text()
    assert wizard.currentPage() is wizard.recovery_page and wizard.nextId() == -1  # it has its data already
    wizard.database.close()
    assert KeyStore.exists(path) and not signin.plain_database_without_keys(path)
    with pytest.raises(AuthError):
        signin.sign_in(path, ADMIN, "salah-sekali")
    signin.sign_in(path, ADMIN, ADMIN_PASSWORD).close()


def test_start_up_without_database_runs_the_wizard(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simoncer_desktop.ui import startup

    def run_wizard(wizard: FirstRunWizard) -> int:
        wizard.show()
        wizard.region_page.choose(REGION)
        wizard.next()
        fill_admin(qtbot, wizard)
        wizard.next()
        wizard.recovery_page.saved_check.setChecked(True)
        wizard.accept()
        return wizard.result()

    monkeypatch.setattr(FirstRunWizard, "exec", run_wizard)
    database = startup.sign_in_interactively(tmp_path / "baru.sqlite3")
    assert database is not None and database.identity is not None and database.identity.username == ADMIN
    database.close()
