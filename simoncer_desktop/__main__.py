"""``simoncer``: start the desktop app. ``python -m simoncer_desktop --db PATH`` does the same.

``simoncer --self-test`` checks an installation instead (``ui/self_test.py``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from simoncer_desktop import __version__
from simoncer_desktop.errors import install_excepthook
from simoncer_desktop.logging_setup import configure_logging
from simoncer_desktop.paths import log_dir


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="simoncer", description="Simoncer Desktop — Sistem Monitoring Cerdas")
    parser.add_argument("--version", action="version", version=f"simoncer {__version__}")
    parser.add_argument("--db", metavar="PATH", help="berkas database (default: SIMONCER_DB atau folder data)")
    parser.add_argument(
        "--user",
        metavar="NAMA",
        help="nama pengguna yang diisikan di layar masuk (dengan --quit-after-ready: default admin, "
        "kata sandi dari SIMONCER_PASSWORD)",
    )
    parser.add_argument("--quit-after-ready", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="uji instalasi tanpa layar dan tanpa data pengguna (database sementara terenkripsi, data sintetis, "
        "halaman Beranda dan Keluarga); satu baris JSON, kode keluar 0 bila berhasil, 1 bila gagal",
    )
    args = parser.parse_args(argv)
    if args.self_test and (args.db or args.user or args.quit_after_ready):
        parser.error("--self-test tidak dapat digabung dengan --db, --user atau --quit-after-ready")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    install_excepthook()  # log-only until there is a window to show errors in
    args = parse_args(argv)
    if args.self_test:  # before logging: the self-test keeps everything in its own temp folder
        from simoncer_desktop.ui.self_test import run_self_test

        return run_self_test()
    configure_logging(log_dir())

    from simoncer_desktop.ui.startup import run  # Qt loads only now: --help and --version stay instant

    return run(args.db, quit_after_ready=args.quit_after_ready, user=args.user)


if __name__ == "__main__":
    sys.exit(main())
