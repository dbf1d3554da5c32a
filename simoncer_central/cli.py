"""``simoncer-central``: run the central sync service and manage its devices.

Operators script these: keep names, flags and exit codes (0 success; 1 an error with a message on stderr;
2 wrong usage). The database is ``--db URL`` > ``SIMONCER_CENTRAL_DB`` > a SQLite file in the user data
folder (``SimoncerCentral``)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from simoncer_central import __version__, devices
from simoncer_central.errors import CentralError
from simoncer_central.store import CentralDb, open_central

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

DB_ENV = "SIMONCER_CENTRAL_DB"
APP_DIR_NAME = "SimoncerCentral"
DB_FILENAME = "central.sqlite3"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765

Handler = Callable[[argparse.Namespace, CentralDb], int]


def default_db_url() -> str:
    """``SIMONCER_CENTRAL_DB`` or ``sqlite:///<user data folder>/SimoncerCentral/central.sqlite3``."""
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return from_env
    return f"sqlite:///{Path(user_data_dir(APP_DIR_NAME, appauthor=False)) / DB_FILENAME}"


def cmd_serve(args: argparse.Namespace, db: CentralDb) -> int:
    import uvicorn

    from simoncer_central.app import create_app

    scheme = "https" if args.certfile else "http"
    print(f"Simoncer Central {__version__} melayani di {scheme}://{args.host}:{args.port} (database {db.display_url})")
    sys.stdout.flush()
    uvicorn.run(
        create_app(db, upgrade=False),  # migrated by main() already
        host=args.host,
        port=args.port,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        log_level=args.log_level,
    )
    return EXIT_OK


def cmd_enroll(args: argparse.Namespace, db: CentralDb) -> int:
    now = devices.utcnow()
    with db.transaction() as session:
        code = devices.create_enrollment_code(session, args.scope, args.name, now=now)
    expires = now + devices.CODE_LIFETIME
    region = "semua wilayah (kantor Dinsos)" if args.scope.strip() == devices.ALL_REGIONS else args.scope.strip()
    label = f" untuk '{args.name.strip()}'" if args.name and args.name.strip() else ""
    print(f"Kode pendaftaran{label}, wilayah {region}, berlaku sampai {expires:%Y-%m-%d %H:%M} UTC.")
    print("Masukkan kode ini di aplikasi Simoncer pada perangkat tersebut; kode hanya dapat dipakai sekali.")
    print(code)  # the last line: scripts read it with `tail -n 1`
    return EXIT_OK


def cmd_devices(args: argparse.Namespace, db: CentralDb) -> int:
    if args.revoke:
        with db.transaction() as session:
            device = devices.revoke(session, args.revoke)
            name = device.name
        print(f"Perangkat {args.revoke.strip()} ({name}) dicabut; tokennya tidak diterima lagi.")
        return EXIT_OK
    with db.transaction() as session:
        rows = devices.list_devices(session)
    if not rows:
        print("Belum ada perangkat terdaftar.")
        return EXIT_OK
    table = [("ID", "NAMA", "WILAYAH", "TERDAFTAR", "TERAKHIR TERLIHAT", "DICABUT")]
    table += [(d.id, d.name, d.scope, _when(d.enrolled_at), _when(d.last_seen_at), _when(d.revoked_at)) for d in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return EXIT_OK


IMPORT_LABELS = {
    "applied": "diterima",
    "merged": "konflik (nilai yang kalah disimpan di log konflik)",
    "rejected": "ditolak",
    "duplicate": "duplikat",
}


def cmd_import_outbox(args: argparse.Namespace, db: CentralDb) -> int:
    from simoncer_central.outbox_import import import_outbox

    report = import_outbox(db, args.file)
    print(f"Antrean perangkat {report.device_id} ({report.device_name}): {report.ops} perubahan dalam berkas.")
    for status, count in sorted(report.statuses.items()):
        print(f"  {IMPORT_LABELS.get(status, status)}: {count}")
    if report.already:
        print(f"  sudah pernah diterima (tidak diubah): {report.already}")
    for op_id, reason in report.errors[:20]:
        print(f"  ditolak {op_id}: {reason}")
    if len(report.errors) > 20:
        print(f"  … dan {len(report.errors) - 20} penolakan lainnya")
    if report.clamped_skew_ms is not None:
        hours = report.clamped_skew_ms / 3_600_000
        print(f"  cap waktu {hours:.1f} jam di depan jam server dikoreksi ke waktu server (jam laptop salah)")
    return EXIT_OK


def _when(value: object) -> str:
    return "-" if value is None else f"{value:%Y-%m-%d %H:%M}"


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"port harus bilangan 1–65535 (tertulis '{text}')")
    return int(text)


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"database pusat, mis. postgresql+psycopg://user@host/simoncer atau sqlite:///central.sqlite3 "
        f"(default: {DB_ENV} atau berkas SQLite di folder data pengguna)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="simoncer-central", description="Simoncer Central, layanan sinkronisasi Dinsos"
    )
    parser.add_argument("--version", action="version", version=f"simoncer-central {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("serve", help="jalankan layanan sinkronisasi (memperbarui skema database terlebih dahulu)")
    add_db(p)
    p.add_argument("--host", default=DEFAULT_HOST, help=f"alamat yang didengarkan (default {DEFAULT_HOST})")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--certfile", metavar="PEM", help="sertifikat TLS (biasanya TLS ditangani reverse proxy)")
    p.add_argument("--keyfile", metavar="PEM", help="kunci privat TLS, bersama --certfile")
    p.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"], help="default info"
    )
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser("enroll", help="buat kode pendaftaran sekali pakai untuk satu perangkat")
    add_db(p)
    p.add_argument("--scope", required=True, help="kode kecamatan (mis. 32.71.01) atau '*' untuk kantor Dinsos")
    p.add_argument("--name", help="nama perangkat, mis. 'Laptop Kec. Bogor Selatan'")
    p.set_defaults(handler=cmd_enroll)

    p = sub.add_parser("devices", help="daftar perangkat terdaftar, atau cabut satu perangkat")
    add_db(p)
    p.add_argument("--revoke", metavar="ID", help="cabut perangkat dengan ID ini")
    p.set_defaults(handler=cmd_devices)

    p = sub.add_parser(
        "import-outbox",
        help="terapkan berkas ekspor antrean sebuah laptop (simoncer-cli sync --export-outbox) seperti kiriman "
        "perangkat itu",
    )
    add_db(p)
    p.add_argument("file", metavar="BERKAS", help="berkas ekspor antrean (.json.gz)")
    p.set_defaults(handler=cmd_import_outbox)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "serve" and bool(args.certfile) != bool(args.keyfile):
        parser.error("--certfile dan --keyfile harus diberikan bersama")
    if not logging.getLogger().handlers:  # serve logs what it does; the one-shot commands only problems
        level = logging.INFO if args.command == "serve" else logging.WARNING
        logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    url = args.db or default_db_url()
    try:
        db = open_central(url)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        print(f"Alamat database tidak valid: {url} ({exc})", file=sys.stderr)
        return EXIT_USAGE
    try:
        db.upgrade()
        return args.handler(args, db)
    except CentralError as exc:
        print(f"Gagal: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OperationalError as exc:  # server down, wrong password, unwritable file: the operator's to fix
        log.debug("Database error", exc_info=True)
        print(f"Gagal membuka database pusat {db.display_url}: {exc.orig or exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
