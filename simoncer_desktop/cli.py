"""``simoncer-cli``: headless commands. Offices script these: keep names, flags and exit codes
(0 success; non-zero with a message on stderr)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from simoncer_desktop import __version__, cli_backup, cli_caseload_io, cli_graduation, cli_relief, cli_sync
from simoncer_desktop.cli_auth import database_exists, open_signed_in
from simoncer_desktop.cli_common import EXIT_ERROR, EXIT_OK, add_db, non_negative
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.logging_setup import configure_logging
from simoncer_desktop.paths import database_path, log_dir
from simoncer_desktop.store import Database

log = logging.getLogger(__name__)

EXIT_REJECTED = cli_caseload_io.EXIT_REJECTED

DEFAULT_DEMO_REGION = "32.71"
"""Demo data only: used when the deployment has no region set yet."""

Handler = Callable[[argparse.Namespace, Database], int]


def cmd_demo_data(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import caseload_query, demo_data, demo_relief, settings

    with db.read() as session:
        existing = caseload_query.count(session)
    if args.if_empty and existing:
        print(f"Database sudah berisi {existing} keluarga; data demo tidak dibuat.")
        return EXIT_OK
    region = args.region
    if region is None:
        with db.read() as session:
            region = settings.region_code(session) or DEFAULT_DEMO_REGION
    started = time.perf_counter()
    with db.transaction() as session:
        result = demo_data.generate(session, families=args.families, seed=args.seed, region=region)
        disaster = None
        if args.relief_victims and result.families and not demo_relief.already_generated(session, args.seed):
            disaster = demo_relief.generate(session, victims=args.relief_victims, seed=args.seed)
            demo_relief.with_aid(session, disaster.event_id, demo_relief.DEMO_DAY)
    elapsed = time.perf_counter() - started
    print(
        f"Dibuat {result.families} keluarga, {result.members} anggota, {result.facilitators} pendamping "
        f"di {result.region} dalam {elapsed:.1f} detik ({db.path})"
    )
    if disaster is not None:
        print(
            f"Dibuat 1 kejadian bencana demo: {disaster.families} keluarga terdampak "
            f"({disaster.kpm_families} KPM), {disaster.victims} korban"
        )
    return EXIT_OK


def cmd_info(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import caseload_query, settings
    from simoncer_desktop.store import migrated_by_version

    with db.read() as session:
        info = {
            "database": str(db.path),
            "schema": db.migration.to_revision,
            "region_code": settings.region_code(session),
            "families": caseload_query.count(session),
            "version": __version__,
            "migrated_by_version": migrated_by_version(session),
        }
    print(json.dumps(info, indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_setting(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import settings

    if args.value is None:
        with db.read() as session:
            print(json.dumps(settings.get_setting(session, args.key), ensure_ascii=False))
        return EXIT_OK
    with db.transaction() as session:
        value = settings.parse_value(session, args.key, args.value)
        settings.set_setting(session, args.key, value)
    print(f"{args.key} = {json.dumps(value, ensure_ascii=False)}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="simoncer-cli", description="Simoncer Desktop, perintah tanpa layar")
    parser.add_argument("--version", action="version", version=f"simoncer {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("demo-data", help="buat data keluarga sintetis yang deterministik")
    add_db(p)
    p.add_argument("--families", type=int, default=2000, help="jumlah keluarga (default 2000)")
    p.add_argument("--seed", type=int, default=1, help="benih acak; seed sama → data sama")
    p.add_argument(
        "--region",
        help="kode kabupaten/kota (mis. 32.71) atau kecamatan (mis. 32.71.01); "
        f"default: wilayah yang diatur, atau {DEFAULT_DEMO_REGION}",
    )
    p.add_argument(
        "--relief-victims",
        type=non_negative,
        default=150,
        help="jumlah korban kejadian bencana demo (default 150; 0 = tanpa kejadian)",
    )
    p.add_argument("--if-empty", action="store_true", help="lewati bila database sudah berisi keluarga")
    p.add_argument(
        "--if-new",
        action="store_true",
        help="hanya bila database belum ada (tanpa masuk; untuk 'make run')",
    )
    p.set_defaults(handler=cmd_demo_data, creates_database=True, default_region=DEFAULT_DEMO_REGION)

    p = sub.add_parser("info", help="ringkasan database")
    add_db(p)
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("setting", help="baca atau ubah pengaturan, mis. region_code 32.71 atau component_cap 4")
    add_db(p)
    p.add_argument("key")
    p.add_argument("value", nargs="?")
    p.set_defaults(handler=cmd_setting)

    cli_caseload_io.add_commands(sub)
    cli_graduation.add_commands(sub)
    cli_relief.add_commands(sub)
    cli_backup.add_commands(sub)
    cli_sync.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(log_dir())
    try:
        path: Path = database_path(getattr(args, "db", None))
        args.db_path = path
        db = None
        if getattr(args, "if_new", False) and database_exists(path):
            print(f"Database {path} sudah ada; data demo tidak dibuat.")
            return EXIT_OK
        if not (getattr(args, "works_without_database", False) and not database_exists(path)):
            db = open_signed_in(args, path)
    except SimoncerError as exc:  # wrong password, locked account, wrong key, no database: the user's to fix
        print(f"Gagal membuka database: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # an unopenable file is a user-facing problem, not a crash
        log.exception("Cannot open database")
        print(f"Gagal membuka database: {exc}", file=sys.stderr)
        return EXIT_ERROR
    try:
        return args.handler(args, db)
    except SimoncerError as exc:
        print(f"Gagal: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:  # a file that cannot be read or written: say which and why
        log.exception("File error")
        print(f"Gagal: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if db is not None:
            db.close()


if __name__ == "__main__":
    sys.exit(main())
