"""``simoncer-cli`` commands that move the caseload in and out and check it: import, export,
template, check."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from simoncer_desktop import cli_recap
from simoncer_desktop.cli_common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, add_db, non_negative, thousands
from simoncer_desktop.models.enums import Component, HouseholdStatus
from simoncer_desktop.services.progress import no_progress
from simoncer_desktop.store import Database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from simoncer_desktop.services.caseload_query import CaseloadFilter

log = logging.getLogger(__name__)


EXIT_REJECTED = 3
"""import: the valid families were imported, but some were rejected (see the report)."""


def cmd_import(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import caseload_import

    source = Path(args.file)
    started = time.perf_counter()
    with db.transaction() as session:  # a report that cannot be written undoes the import too
        plan, result = caseload_import.import_caseload(session, source, dry_run=args.dry_run)
        if args.report:
            caseload_import.write_report(plan, source, Path(args.report))
    elapsed = time.perf_counter() - started
    print("\n".join(plan.summary_lines()))
    problems = plan.first_problems(10)
    if problems:
        print("Masalah pertama:")
        print("\n".join(f"  - {p}" for p in problems))
    if args.report:
        print(f"Laporan: {args.report}")
    if result is None:
        print(f"Uji coba (--dry-run): tidak ada yang disimpan ({elapsed:.1f} detik)")
    else:
        print(f"Disimpan: {result.new} keluarga baru, {result.updated} diperbarui ({elapsed:.1f} detik)")
    rejected = plan.count(caseload_import.Outcome.REJECTED)
    if rejected:
        print(f"{rejected} keluarga ditolak; lihat keterangan per baris di laporan (--report).", file=sys.stderr)
        return EXIT_REJECTED
    return EXIT_OK


class _BadFlagError(Exception):
    """A flag's value that cannot be used (exit 2 with the flag named)."""


def _desil(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= 10:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat 1–10 (tertulis '{text}')")
    return int(text)


def _export_filter(args: argparse.Namespace, session: Session) -> CaseloadFilter:
    """The export's filter from the flags; ``_BadFlagError`` names the flag of a value that matches nothing."""
    from simoncer_desktop.services import caseload_query, reference
    from simoncer_desktop.services.caseload_query import CaseloadFilter

    for flag, code, level, what, example in (
        ("--kecamatan", args.kecamatan, reference.KECAMATAN, "kecamatan", "32.71.01"),
        ("--kelurahan", args.kelurahan, reference.KELURAHAN, "kelurahan/desa", "32.71.01.1001"),
    ):
        if code is not None:
            found = reference.get_region(session, code)
            if found is None or found.level != level:
                raise _BadFlagError(f"{flag}: '{code}' bukan kode {what} yang terdaftar (contoh: {example})")
    if args.kecamatan and args.kelurahan and reference.parent_code(args.kelurahan) != args.kecamatan:
        raise _BadFlagError(f"--kelurahan: {args.kelurahan} tidak berada di kecamatan {args.kecamatan}")
    facilitator_id = None
    if args.pendamping is not None:
        wanted = args.pendamping.strip()
        options = caseload_query.facilitator_options(session)
        matches = [o for o in options if o.value == wanted] or [
            o for o in options if o.label.casefold() == wanted.casefold()
        ]
        if not matches:
            raise _BadFlagError(f"--pendamping: tidak ada pendamping dengan id atau nama '{wanted}'")
        if len(matches) > 1:
            raise _BadFlagError(f"--pendamping: ada {len(matches)} pendamping bernama '{wanted}'; pakai id-nya")
        facilitator_id = matches[0].value
    text = args.cari or ""
    hint = caseload_query.search_hint(text)
    if hint:
        raise _BadFlagError(f"--cari: {hint}")
    return CaseloadFilter(
        text=text,
        kecamatan=args.kecamatan,
        kelurahan=args.kelurahan,
        facilitator_id=facilitator_id,
        status=args.status,
        component=args.komponen,
        desil=args.desil,
    )


def _terminal_progress(done: int, total: int) -> None:
    if total:
        print(f"\r{done * 100 // total:3d}% ({thousands(done)} dari {thousands(total)} baris)", end="", file=sys.stderr)


def cmd_export(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import caseload_export

    started = time.perf_counter()
    with db.read() as session:
        try:
            caseload_filter = _export_filter(args, session)
        except _BadFlagError as exc:
            print(f"Salah: {exc}", file=sys.stderr)
            return EXIT_USAGE
        show = sys.stderr.isatty()
        result = caseload_export.export_caseload(
            session, Path(args.out), caseload_filter, progress=_terminal_progress if show else no_progress
        )
        if show:
            print(file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(
        f"Diekspor {thousands(result.families)} keluarga ({thousands(result.rows)} baris) ke {result.path} "
        f"dalam {elapsed:.1f} detik"
    )
    return EXIT_OK


def cmd_template(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import caseload_export
    from simoncer_desktop.services.caseload_sheet import COLUMNS, SHEET_NAME

    with db.read() as session:
        path, places = caseload_export.write_template(session, Path(args.out))
    listed = (
        f"{thousands(places)} kelurahan di sheet Wilayah"
        if places
        else "wilayah belum diatur, sheet Wilayah tidak dibuat (atur dengan: simoncer-cli setting region_code 32.71)"
    )
    print(f"Templat ditulis ke {path}: sheet {SHEET_NAME} dengan {len(COLUMNS)} kolom; {listed}")
    return EXIT_OK


DEFAULT_CHECK_LIMIT = 20
"""check: findings printed per kind unless ``--limit`` says otherwise (0 = all)."""


def _check_progress(done: int, total: int) -> None:
    print(f"\rMemeriksa… langkah {done} dari {total}", end="", file=sys.stderr)


def cmd_check(args: argparse.Namespace, db: Database) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from simoncer_desktop.services.data_quality import Kind, run_checks

    show = sys.stderr.isatty()
    try:
        with db.read() as session:
            report = run_checks(session, limit=args.limit or None, progress=_check_progress if show else None)
    except SQLAlchemyError as exc:
        log.exception("Data quality check failed")
        print(f"Gagal memeriksa kualitas data: {getattr(exc, 'orig', None) or exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if show:
            print(file=sys.stderr)
    print(
        f"Kualitas data per {report.on:%d-%m-%Y}: {thousands(report.families)} keluarga, "
        f"{thousands(report.members)} anggota diperiksa dalam {report.seconds:.1f} detik ({db.path})"
    )
    print()
    rows = [(kind.label, kind.value, thousands(report.counts[kind])) for kind in Kind]
    rows.append(("Jumlah temuan", "", thousands(report.total)))
    widths = [max(len(r[i]) for r in [("Jenis masalah", "Kode (--kind)", "Jumlah"), *rows]) for i in range(3)]
    for i, (label, code, number) in enumerate([("Jenis masalah", "Kode (--kind)", "Jumlah"), *rows]):
        if i == 1 or i == len(rows):
            print("  ".join("-" * w for w in widths))
        print(f"{label:<{widths[0]}}  {code:<{widths[1]}}  {number:>{widths[2]}}")
    for kind in [Kind(args.kind)] if args.kind else list(Kind):
        found = report.findings_of(kind)
        if not found:
            continue
        print()
        print(f"{kind.label} ({kind.value}): {thousands(report.counts[kind])} temuan")
        for f in found:
            who = f" · anggota {f.member_name}" if f.member_name is not None else ""
            print(f"  No. KK {f.no_kk} · pengurus {f.recipient_name or '-'}{who}: {f.message}")
        if report.truncated(kind):
            print(
                f"  … dan {thousands(report.truncated(kind))} lainnya "
                f"(semua: simoncer-cli check --kind {kind.value} --limit 0)"
            )
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="impor data keluarga dari .xlsx atau .csv (format templat)")
    p.add_argument("kind", choices=["caseload"], help="jenis data: caseload (keluarga dan anggota)")
    p.add_argument("file", metavar="FILE", help="berkas .xlsx atau .csv")
    add_db(p)
    p.add_argument("--dry-run", action="store_true", help="periksa saja; tidak ada yang disimpan")
    p.add_argument("--report", metavar="OUT.xlsx", help="tulis laporan per baris (HASIL, KETERANGAN) dan ringkasan")
    p.add_argument(
        "--region", metavar="KODE", help="kode kabupaten/kota untuk database baru (hanya bila --db belum ada)"
    )
    p.set_defaults(handler=cmd_import, creates_database=True)

    p = sub.add_parser("export", help="ekspor ke .xlsx: caseload (keluarga) atau recap (rekap Wali Kota)")
    kinds = p.add_subparsers(dest="kind", required=True, metavar="KIND")
    p = kinds.add_parser("caseload", help="keluarga dan anggota (format templat; bisa diimpor kembali)")
    p.add_argument("out", metavar="OUT.xlsx", help="berkas yang ditulis (ditimpa bila sudah ada)")
    add_db(p)
    p.add_argument("--kecamatan", metavar="CODE", help="hanya kecamatan ini, mis. 32.71.01")
    p.add_argument("--kelurahan", metavar="CODE", help="hanya kelurahan/desa ini, mis. 32.71.01.1001")
    p.add_argument("--pendamping", metavar="ID", help="hanya keluarga pendamping ini (id, atau nama persis)")
    p.add_argument("--status", choices=[s.value for s in HouseholdStatus], help="hanya status keluarga ini")
    p.add_argument("--komponen", choices=[c.value for c in Component], help="keluarga dengan komponen PKH ini")
    p.add_argument("--desil", type=_desil, metavar="N", help="hanya desil N (1–10)")
    p.add_argument("--cari", metavar="TEXT", help="seperti kotak pencarian: nama, atau awal NIK / No. KK (≥ 8 digit)")
    p.set_defaults(handler=cmd_export)
    cli_recap.add_export_command(kinds)

    p = sub.add_parser("template", help="tulis templat .xlsx kosong (kolom, catatan, daftar pilihan)")
    p.add_argument("kind", choices=["caseload"], help="jenis data: caseload (keluarga dan anggota)")
    p.add_argument("out", metavar="OUT.xlsx", help="berkas yang ditulis (ditimpa bila sudah ada)")
    add_db(p)
    p.set_defaults(handler=cmd_template)

    from simoncer_desktop.services.data_quality import Kind

    p = sub.add_parser("check", help="periksa kualitas data: NIK, No. KK, data ganda, pengurus, komponen")
    add_db(p)
    p.add_argument("--kind", choices=[k.value for k in Kind], help="tampilkan temuan jenis ini saja")
    p.add_argument(
        "--limit",
        type=non_negative,
        default=DEFAULT_CHECK_LIMIT,
        metavar="N",
        help=f"temuan yang ditampilkan per jenis (default {DEFAULT_CHECK_LIMIT}; 0 = semua)",
    )
    p.set_defaults(handler=cmd_check)
