"""``simoncer``: start the desktop app. ``python -m simoncer_desktop --db PATH`` does the same."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from simoncer_desktop import __version__
from simoncer_desktop.errors import install_excepthook
from simoncer_desktop.logging_setup import configure_logging
from simoncer_desktop.paths import database_path, log_dir
from simoncer_desktop.store import open_database

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NO_DATABASE = 1


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="simoncer", description="Simoncer Desktop — Sistem Monitoring Cerdas")
    parser.add_argument("--version", action="version", version=f"simoncer {__version__}")
    parser.add_argument("--db", metavar="PATH", help="berkas database (default: SIMONCER_DB atau folder data)")
    parser.add_argument("--quit-after-ready", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    install_excepthook()  # log-only until there is a window to show errors in
    args = parse_args(argv)
    configure_logging(log_dir())

    from PySide6.QtCore import QCoreApplication, QEvent, QTimer

    from simoncer_desktop.ui.app import create_application, report_error, show_startup_error
    from simoncer_desktop.ui.main_window import MainWindow

    app = create_application()
    install_excepthook(report_error)
    path = database_path(args.db)
    try:
        db = open_database(path)
    except Exception as exc:  # an unopenable file is the user's problem to fix, not a crash
        log.exception("Cannot open database %s", path)
        if args.quit_after_ready:
            print(f"Gagal membuka database {path}: {exc}", file=sys.stderr)
        else:
            show_startup_error(path, exc)
        return EXIT_NO_DATABASE

    window = MainWindow(db)
    if args.quit_after_ready:

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
        db.close()


if __name__ == "__main__":
    sys.exit(main())
