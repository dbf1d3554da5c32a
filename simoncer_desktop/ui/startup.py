"""The Qt half of start-up: the application, the database (or a dialog saying why it cannot be opened),
the main window and its event loop. ``simoncer_desktop.__main__`` parses the arguments and calls ``run``."""

from __future__ import annotations

import json
import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from simoncer_desktop.errors import install_excepthook
from simoncer_desktop.paths import database_path
from simoncer_desktop.store import open_database
from simoncer_desktop.ui.app import create_application, report_error, show_startup_error
from simoncer_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NO_DATABASE = 1


def run(db: str | os.PathLike[str] | None, *, quit_after_ready: bool = False) -> int:
    """Open the database ``db`` (``--db``; None: SIMONCER_DB or the data folder) in the main window and
    run the event loop; the process's exit code. ``quit_after_ready`` (for benchmarks and tests) prints
    ``{"ready": true, "families": N}`` once the window is usable and quits, and reports an unopenable
    database on stderr instead of in a dialog."""
    app = create_application()
    install_excepthook(report_error)
    path = database_path(db)
    try:
        database = open_database(path)
    except Exception as exc:  # an unopenable file is the user's problem to fix, not a crash
        log.exception("Cannot open database %s", path)
        if quit_after_ready:
            print(f"Gagal membuka database {path}: {exc}", file=sys.stderr)
        else:
            show_startup_error(path, exc)
        return EXIT_NO_DATABASE

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
    try:
        return app.exec()
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now, even without a loop
        database.close()
