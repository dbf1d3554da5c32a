"""The Qt half of start-up: the application, the sign-in (first-run wizard or login dialog; or a dialog
saying why the database cannot be opened), the main window and its event loop.
``simoncer_desktop.__main__`` parses the arguments and calls ``run``.

After a first run that chose *Impor berkas keluarga* the window opens on *Keluarga* with the import wizard
checking that file (:func:`start_import`); a laptop enrolled by the wizard goes on to the login dialog,
where a user synced from the server signs in."""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QDialog

from simoncer_desktop.errors import AuthError, SimoncerError, install_excepthook
from simoncer_desktop.paths import database_path
from simoncer_desktop.store import Database
from simoncer_desktop.ui.app import create_application, report_error, show_startup_error
from simoncer_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

EXIT_OK = 0
EXIT_NO_DATABASE = 1


@dataclass
class FirstSteps:
    """What the first-run wizard leaves for the main window to do once it is open."""

    import_file: Path | None = None


def run(db: str | os.PathLike[str] | None, *, quit_after_ready: bool = False, user: str | None = None) -> int:
    """Open the database ``db`` (``--db``; None: SIMONCER_DB or the data folder) in the main window and
    run the event loop; the process's exit code.

    Without a database and key file the first-run wizard makes them (an unencrypted database from an
    older release is encrypted by the same wizard); otherwise the login dialog signs a user in, and an
    account that must change its password does so before the window opens.

    ``quit_after_ready`` (for benchmarks and tests) shows no dialog: it signs in as ``user`` (default
    ``admin``) with the password in ``SIMONCER_PASSWORD``, prints ``{"ready": true, "families": N}`` once
    the window is usable and quits; every problem goes to stderr with exit code 1."""
    app = create_application()
    install_excepthook(report_error)
    path = database_path(db)
    steps = FirstSteps()
    if quit_after_ready:
        database = _sign_in_from_environment(path, user or DEFAULT_USER)
    else:
        try:
            database = sign_in_interactively(path, user or "", steps)
        except Exception as exc:  # an unopenable file is the user's problem to fix, not a crash
            log.exception("Cannot open database %s", path)
            show_startup_error(path, exc)
            return EXIT_NO_DATABASE
    if database is None:
        return EXIT_NO_DATABASE if quit_after_ready else EXIT_OK

    window = MainWindow(database)
    if quit_after_ready:

        def report_ready() -> None:
            if not window.is_ready():
                QTimer.singleShot(10, report_ready)
                return
            print(json.dumps({"ready": True, "families": window.family_count}), flush=True)
            app.exit(0)  # not quit(): that asks the platform to end the session, which a host app may outlive

        QTimer.singleShot(0, report_ready)
    window.show()
    if steps.import_file is not None:
        file = steps.import_file
        QTimer.singleShot(0, window, lambda: start_import(window, file))
    try:
        return app.exec()
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now, even without a loop
        database.close()


DEFAULT_USER = "admin"
PASSWORD_ENV = "SIMONCER_PASSWORD"


def _sign_in_from_environment(path: Path, user: str) -> Database | None:
    """The dialog-free sign-in of ``--quit-after-ready``; None (with the reason on stderr) when it fails."""
    from simoncer_desktop.security import signin
    from simoncer_desktop.security.keystore import KeyStore

    if not KeyStore.exists(path):
        if signin.plain_database_without_keys(path):
            message = translate(
                "Startup",
                "Gagal membuka database %s: database lama yang belum dienkripsi; jalankan aplikasi sekali "
                "tanpa --quit-after-ready untuk mengamankannya.",
            ) % (path,)
        elif path.exists():
            message = translate("Startup", "Gagal membuka database %s: berkas kunci %s tidak ada.") % (
                path,
                KeyStore.path_for(path),
            )
        else:
            message = translate("Startup", "Gagal membuka database %s: database belum dibuat.") % (path,)
        print(message, file=sys.stderr)
        return None
    password = os.environ.get(PASSWORD_ENV)
    if not password:
        message = translate("Startup", "Kata sandi untuk '%s' tidak diberikan: isi variabel lingkungan %s.") % (
            user,
            PASSWORD_ENV,
        )
        print(message, file=sys.stderr)
        return None
    try:
        return signin.sign_in(path, user, password)
    except SimoncerError as exc:
        print(translate("Startup", "Gagal masuk ke %s: %s") % (path, exc), file=sys.stderr)
    except Exception as exc:
        log.exception("Cannot open database %s", path)
        print(translate("Startup", "Gagal membuka database %s: %s") % (path, exc), file=sys.stderr)
    return None


def sign_in_interactively(path: Path, user: str = "", steps: FirstSteps | None = None) -> Database | None:
    """The first-run wizard or the login dialog, then a forced password change; None when the user gave
    up (cancelled). Raises when the file cannot be used at all (no key file for an encrypted file).
    ``steps`` receives what a first run asked the window to do next (a file to import)."""
    from simoncer_desktop.security import signin
    from simoncer_desktop.security.keystore import KeyStore

    if not KeyStore.exists(path):
        if signin.plain_database_without_keys(path):
            return _first_run(path, legacy=True, steps=steps)
        if path.exists() and path.stat().st_size > 0:
            raise AuthError(
                translate(
                    "Startup",
                    "Berkas kunci %s tidak ditemukan. Tanpa berkas itu database terenkripsi tidak dapat dibuka: "
                    "kembalikan berkas kunci dari cadangan ke sebelah database.",
                )
                % (KeyStore.path_for(path),)
            )
        return _first_run(path, legacy=False, steps=steps)
    return _log_in(path, user)


def _log_in(path: Path, user: str) -> Database | None:
    """The login dialog, then the forced password change of an account that must change it."""
    from simoncer_desktop.ui.dialogs.login_dialog import LoginDialog

    login = LoginDialog(path, username=user)
    try:
        if login.exec() != QDialog.DialogCode.Accepted or login.database is None:
            return None
        database, password = login.database, login.password
    finally:
        login.deleteLater()
    if database.identity is not None and database.identity.must_change_password:
        from simoncer_desktop.ui.dialogs.change_password_dialog import ChangePasswordDialog

        change = ChangePasswordDialog(database, forced=True, old_password=password)
        accepted = change.exec() == QDialog.DialogCode.Accepted
        change.deleteLater()
        if not accepted:
            database.close()
            return None
    return database


def _first_run(path: Path, legacy: bool, steps: FirstSteps | None = None) -> Database | None:
    """The wizard; its database signed in as the new administrator, or, for a laptop enrolled with the
    central server (no local user), the login dialog of a synced user."""
    from simoncer_desktop.ui.dialogs.first_run_wizard import FirstRunWizard

    wizard = FirstRunWizard(path, legacy=legacy)
    try:
        wizard.exec()
        database, enrolled, import_file = wizard.database, wizard.enrolled, wizard.import_file
    finally:
        wizard.deleteLater()
    if database is not None and enrolled:
        database.close()  # it holds the data key but nobody is signed in: a synced user logs in now
        return _log_in(path, "")
    if steps is not None:
        steps.import_file = import_file
    return database


def start_import(window: MainWindow, file: Path) -> None:
    """Open *Keluarga* and its import wizard on ``file`` (chosen in the first run) and start its check; the
    user sees the preview before anything is saved."""
    window.show_page(window.page_index("caseload"))
    page = window.caseload_page
    page.import_data()
    dialog = page.import_dialog
    if dialog is None:
        return
    dialog.path_edit.setText(str(file))
    dialog.check()
