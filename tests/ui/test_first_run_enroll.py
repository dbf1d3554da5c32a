"""The first-run wizard's *Daftarkan ke server pusat Dinsos*, against the real central service over loopback
HTTP: no local administrator, the scope (and only it) with its accounts pulled, a synced user signs in; a wrong
code, an unreachable server or an untrusted certificate leave no file behind and can be retried; a failed
first sync is retried on the same database or abandoned (and the database deleted)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from simoncer_central.store import CentralDb
from simoncer_desktop.models import Facilitator, Household, User
from simoncer_desktop.security import signin
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services import auth
from simoncer_desktop.services.caseload import create_household
from simoncer_desktop.store import Database
from simoncer_desktop.sync import client as sync_client
from simoncer_desktop.sync import engine, enrollment, state
from simoncer_desktop.sync.client import SyncClient
from simoncer_desktop.ui import tasks
from simoncer_desktop.ui.dialogs.first_run_wizard import FirstRunWizard
from tests.central.test_conflict_api import conflict_app
from tests.factories import KECAMATAN, OTHER_KELURAHAN, household
from tests.pg import free_port
from tests.sync.live import LiveServer, make_certificates, serve
from tests.ui.accounts import cheapen
from tests.ui.sync_fixtures import central_fixture, new_code, quick_retries_fixture, server_fixture

__all__ = ["central_fixture", "quick_retries_fixture", "server_fixture"]

OFFICE_ADMIN_PASSWORD = "kantor-dinsos-1"
PENDAMPING_PASSWORD = "pendamping-uji-1"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def _cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    cheapen(monkeypatch)


@dataclass
class Office:
    family: str
    other_family: str


@pytest.fixture
def office(tmp_path: Path, central: CentralDb, server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Office]:
    """The Dinsos office synced to the central service: its administrator, a pendamping of KECAMATAN, one
    family in KECAMATAN and one in another kecamatan."""
    cheapen(monkeypatch)
    db, _ = signin.create_database(
        tmp_path / "kantor.sqlite3", "32.71", "*", "admin", "Admin Kantor", OFFICE_ADMIN_PASSWORD
    )
    with db.transaction() as s:
        facilitator = Facilitator(name="Siti Pendamping", scope=KECAMATAN, kelurahan_codes="", yearly_target=10)
        s.add(facilitator)
        s.flush()
        facilitator_id = facilitator.id
        family = create_household(s, household(7, facilitator_id=facilitator_id))
        other = create_household(s, household(8, kelurahan=OTHER_KELURAHAN))
    signin.add_user(
        db, auth.UserInput("pendamping", "Siti", "pendamping", PENDAMPING_PASSWORD, KECAMATAN, facilitator_id)
    )
    with SyncClient(server.url) as client:
        enrollment.enroll_device(db, client, new_code(central, "*"), "KANTOR")
        report = engine.sync_once(db, client)
    assert report.rejected == 0 and report.pending_after == 0, report
    db.close()
    yield Office(family, other)


def start(qtbot: QtBot, path: Path) -> FirstRunWizard:
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.region_page.choose_enrollment()
    assert not wizard.region_page.region_box.isEnabled()  # the scope comes from the server
    wizard.next()
    assert wizard.currentPage() is wizard.enroll_page
    return wizard


def fill(wizard: FirstRunWizard, server_url: str, code: str) -> None:
    page = wizard.enroll_page
    page.server_edit.setText(server_url)
    page.code_edit.setText(code)
    page.name_edit.setText("LAPTOP KEC. UJI")


def commit(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, LEFT)


def no_files(path: Path) -> bool:
    return not path.exists() and not KeyStore.exists(path)


def test_enrollment_creates_a_database_without_local_admin_and_a_synced_user_signs_in(
    qtbot: QtBot, tmp_path: Path, central: CentralDb, server: LiveServer, office: Office
) -> None:
    path = tmp_path / "laptop" / "simoncer.sqlite3"
    wizard = start(qtbot, path)
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # address and code required
    fill(wizard, server.url, new_code(central, KECAMATAN))
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Daftarkan"
    commit(qtbot, wizard)

    assert wizard.currentPage() is wizard.recovery_page, wizard.enroll_page.error.text()
    database = wizard.database
    assert database is not None and wizard.enrolled and database.identity is None  # nobody signed in
    key = wizard.recovery_key
    assert key and wizard.recovery_page.view.key_label.text() == key
    with database.read() as s:
        assert state.load(s).enrolled and state.load(s).scope == KECAMATAN
        assert set(s.scalars(select(User.username))) == {"admin", "pendamping"}  # only the office's accounts
        families = set(s.scalars(select(Household.id).where(Household.deleted.is_(False))))
    assert families == {office.family}  # the scope's family, not the other kecamatan's
    assert "Bogor Selatan" in wizard.recovery_page.view.region or KECAMATAN in wizard.recovery_page.view.region

    finish = wizard.button(QWizard.WizardButton.FinishButton)  # the last page: no *Data awal* for enrolled
    assert not finish.isEnabled()
    wizard.recovery_page.saved_check.setChecked(True)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, LEFT)
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.import_file is None
    database.close()

    server.stop()  # offline from now on: the synced accounts sign in against their synced hashes
    signed = signin.sign_in(path, "pendamping", PENDAMPING_PASSWORD)
    assert signed.identity is not None and signed.identity.scope == KECAMATAN
    signed.close()
    recovered = signin.recover(path, key, "admin", "sandi-pulih-123")  # the key shown opens this database
    recovered.close()


def test_start_up_after_enrollment_goes_on_to_the_login_of_a_synced_user(
    qtbot: QtBot,
    tmp_path: Path,
    central: CentralDb,
    server: LiveServer,
    office: Office,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from simoncer_desktop.ui import startup
    from simoncer_desktop.ui.dialogs.login_dialog import LoginDialog

    code = new_code(central, KECAMATAN)

    def run_wizard(wizard: FirstRunWizard) -> int:
        wizard.show()
        wizard.region_page.choose_enrollment()
        wizard.next()
        fill(wizard, server.url, code)
        wizard.next()
        assert wizard.currentPage() is wizard.recovery_page, wizard.enroll_page.error.text()
        wizard.recovery_page.saved_check.setChecked(True)
        wizard.accept()
        return wizard.result()

    shown: list[str] = []

    def log_in(dialog: LoginDialog) -> int:
        shown.append(dialog.windowTitle())
        dialog.username_edit.setText("admin")
        dialog.password_edit.setText(OFFICE_ADMIN_PASSWORD)
        dialog.sign_in()
        return dialog.result()

    monkeypatch.setattr(FirstRunWizard, "exec", run_wizard)
    monkeypatch.setattr(LoginDialog, "exec", log_in)
    steps = startup.FirstSteps()
    database = startup.sign_in_interactively(tmp_path / "baru.sqlite3", "", steps)
    assert shown == ["Masuk ke Simoncer"]
    assert database is not None and database.identity is not None and database.identity.username == "admin"
    assert steps.import_file is None
    with database.read() as s:
        assert s.get(Household, office.family) is not None
    database.close()


def test_a_wrong_code_is_explained_leaves_no_file_and_a_retry_works(
    qtbot: QtBot, tmp_path: Path, central: CentralDb, server: LiveServer, office: Office
) -> None:
    path = tmp_path / "simoncer.sqlite3"
    wizard = start(qtbot, path)
    fill(wizard, server.url, "ABCD-EFGH-JKLM")
    commit(qtbot, wizard)
    page = wizard.enroll_page
    assert wizard.currentPage() is page and wizard.database is None
    assert page.error.text().startswith("⚠ Pendaftaran ditolak server: Kode pendaftaran tidak dikenal")
    assert no_files(path)
    assert page.code_edit.isEnabled()
    wizard.reject()  # nothing made yet: cancelling is allowed
    assert wizard.result() == QDialog.DialogCode.Rejected

    wizard = start(qtbot, path)
    fill(wizard, server.url, "ABCD-EFGH-JKLM")
    commit(qtbot, wizard)
    wizard.enroll_page.code_edit.setText(new_code(central, KECAMATAN))
    commit(qtbot, wizard)
    assert wizard.currentPage() is wizard.recovery_page and path.exists()
    assert wizard.database is not None
    wizard.database.close()


def test_an_unreachable_server_is_explained_and_leaves_no_file(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "simoncer.sqlite3"
    wizard = start(qtbot, path)
    fill(wizard, f"http://127.0.0.1:{free_port()}", "ABCD-EFGH-JKLM")
    commit(qtbot, wizard)
    assert wizard.currentPage() is wizard.enroll_page
    error = wizard.enroll_page.error.text()
    assert "Server tidak dapat dihubungi" in error and "Periksa alamat server dan koneksi jaringan" in error
    assert no_files(path)
    wizard.enroll_page.server_edit.setText("http://sinkron.example.go.id")  # a token never travels in clear
    commit(qtbot, wizard)
    assert "https://" in wizard.enroll_page.error.text() and no_files(path)


def test_an_untrusted_certificate_is_explained_and_the_office_ca_file_fixes_it(
    qtbot: QtBot, tmp_path: Path, central: CentralDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The office's own CA: refused without it (nothing created, the code kept), accepted with it."""
    ca, cert, key = make_certificates(tmp_path)
    path = tmp_path / "simoncer.sqlite3"
    with serve(conflict_app(central), cert, key) as tls:
        wizard = start(qtbot, path)
        fill(wizard, tls.url, new_code(central, KECAMATAN))
        commit(qtbot, wizard)
        page = wizard.enroll_page
        assert "Sambungan aman (TLS) ke server gagal" in page.error.text() and no_files(path)
        monkeypatch.setattr(type(page), "ask_ca_path", lambda _self: str(ca))
        qtbot.mouseClick(page.ca_button, LEFT)
        assert page.ca_edit.text() == str(ca)
        commit(qtbot, wizard)  # the code was not used up by the refused handshake
        # Enrolled and synced over TLS; this central has no account yet, which the page says.
        assert "belum mengirim satu pun akun pengguna" in page.error.text()
        assert wizard.database is not None and path.exists()
        with wizard.database.read() as s:
            assert state.load(s).enrolled and state.load(s).ca_file == str(ca)
        wizard.database.close()


def test_a_failed_first_sync_is_retried_on_the_same_database(
    qtbot: QtBot,
    tmp_path: Path,
    central: CentralDb,
    server: LiveServer,
    office: Office,
    monkeypatch: pytest.MonkeyPatch,
    answer: object,
) -> None:
    real = engine.sync_once
    calls: list[int] = []

    def flaky(db: Database, client: object, **kwargs: object) -> engine.SyncReport:
        calls.append(1)
        if len(calls) == 1:
            raise sync_client.OfflineError("Server tidak dapat dihubungi (uji): koneksi terputus")
        return real(db, client, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "sync_once", flaky)
    path = tmp_path / "simoncer.sqlite3"
    wizard = start(qtbot, path)
    fill(wizard, server.url, new_code(central, KECAMATAN))
    commit(qtbot, wizard)
    page = wizard.enroll_page
    assert wizard.currentPage() is page and path.exists() and KeyStore.exists(path)
    assert "Server tidak dapat dihubungi" in page.error.text()
    assert "Coba lagi" in page.status.text() and not page.code_edit.isEnabled()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Coba lagi"

    asked = answer(QMessageBox.StandardButton.No)  # type: ignore[operator]
    wizard.reject()
    assert asked.asked and wizard.isVisible() and path.exists()  # kept: the user wants to retry
    wizard.back()  # going back cannot turn it into a new database
    assert wizard.region_page.enroll and not wizard.region_page.new_radio.isEnabled()
    wizard.next()
    commit(qtbot, wizard)  # syncs again, no new code
    assert wizard.currentPage() is wizard.recovery_page, page.error.text()
    assert len(calls) == 2
    assert wizard.database is not None
    with wizard.database.read() as s:
        assert s.get(Household, office.family) is not None
    wizard.database.close()


def test_an_unfinished_enrollment_is_abandoned_and_its_database_deleted(
    qtbot: QtBot, tmp_path: Path, central: CentralDb, server: LiveServer, answer: object
) -> None:
    path = tmp_path / "simoncer.sqlite3"
    wizard = start(qtbot, path)
    fill(wizard, server.url, new_code(central, KECAMATAN))  # an empty central: no account for anyone
    commit(qtbot, wizard)
    page = wizard.enroll_page
    assert "belum mengirim satu pun akun pengguna" in page.error.text()
    assert wizard.currentPage() is page and path.exists()
    answer(QMessageBox.StandardButton.Yes)  # type: ignore[operator]
    wizard.reject()
    assert wizard.result() == QDialog.DialogCode.Rejected and wizard.database is None
    assert no_files(path)


def test_enrollment_runs_off_the_ui_thread_and_moves_on_when_done(
    qtbot: QtBot,
    tmp_path: Path,
    central: CentralDb,
    server: LiveServer,
    office: Office,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tasks, "RUN_INLINE", False)
    path = tmp_path / "simoncer.sqlite3"
    wizard = start(qtbot, path)
    fill(wizard, server.url, new_code(central, KECAMATAN))
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentPage() is wizard.enroll_page and wizard.enroll_page.busy  # the window stays responsive
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.reject()  # no cancelling the wizard under the running work (the progress dialog has *Batal*)
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=30_000)
    assert wizard.enrolled and wizard.database is not None
    with wizard.database.read() as s:
        assert s.get(Household, office.family) is not None
    wizard.database.close()


def test_an_existing_file_is_refused_before_the_code_is_used(
    qtbot: QtBot, tmp_path: Path, central: CentralDb, server: LiveServer
) -> None:
    path = tmp_path / "ada.sqlite3"
    path.write_bytes(b"x" * 100)
    code = new_code(central, KECAMATAN)
    wizard = start(qtbot, path)
    fill(wizard, server.url, code)
    commit(qtbot, wizard)
    assert "sudah ada" in wizard.enroll_page.error.text() and wizard.database is None
    assert path.read_bytes() == b"x" * 100 and not KeyStore.exists(path)
    with SyncClient(server.url) as client:
        assert client.enroll(code, "LAPTOP LAIN").scope == KECAMATAN  # the code is still good
