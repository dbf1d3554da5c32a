"""``simoncer-cli``: headless commands. Offices script these: keep names, flags and exit codes
(0 success; non-zero with a message on stderr)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from simoncer_desktop import __version__
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.logging_setup import configure_logging
from simoncer_desktop.models.enums import Component, HouseholdStatus
from simoncer_desktop.paths import database_path, log_dir
from simoncer_desktop.services.progress import no_progress
from simoncer_desktop.store import Database, open_database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from simoncer_desktop.services.caseload_query import CaseloadFilter

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

DEFAULT_DEMO_REGION = "32.71"
"""Demo data only: used when the deployment has no region set yet."""

Handler = Callable[[argparse.Namespace, Database], int]


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="database file (default: SIMONCER_DB or the data folder)")


def cmd_demo_data(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import caseload_query, demo_data, settings

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
    elapsed = time.perf_counter() - started
    print(
        f"Dibuat {result.families} keluarga, {result.members} anggota, {result.facilitators} pendamping "
        f"di {result.region} dalam {elapsed:.1f} detik ({db.path})"
    )
    return EXIT_OK


def cmd_info(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import caseload_query, settings

    with db.read() as session:
        info = {
            "database": str(db.path),
            "schema": db.migration.to_revision,
            "region_code": settings.region_code(session),
            "families": caseload_query.count(session),
            "version": __version__,
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


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")


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
        print(f"\r{done * 100 // total:3d}% ({_count(done)} dari {_count(total)} baris)", end="", file=sys.stderr)


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
        f"Diekspor {_count(result.families)} keluarga ({_count(result.rows)} baris) ke {result.path} "
        f"dalam {elapsed:.1f} detik"
    )
    return EXIT_OK


def cmd_template(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import caseload_export
    from simoncer_desktop.services.caseload_sheet import COLUMNS, SHEET_NAME

    with db.read() as session:
        path, places = caseload_export.write_template(session, Path(args.out))
    listed = (
        f"{_count(places)} kelurahan di sheet Wilayah"
        if places
        else "wilayah belum diatur, sheet Wilayah tidak dibuat (atur dengan: simoncer-cli setting region_code 32.71)"
    )
    print(f"Templat ditulis ke {path}: sheet {SHEET_NAME} dengan {len(COLUMNS)} kolom; {listed}")
    return EXIT_OK


DEFAULT_CHECK_LIMIT = 20
"""check: findings printed per kind unless ``--limit`` says otherwise (0 = all)."""


def _non_negative(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"harus bilangan bulat 0 atau lebih (tertulis '{text}')")
    return int(text)


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
        f"Kualitas data per {report.on:%d-%m-%Y}: {_count(report.families)} keluarga, "
        f"{_count(report.members)} anggota diperiksa dalam {report.seconds:.1f} detik ({db.path})"
    )
    print()
    rows = [(kind.label, kind.value, _count(report.counts[kind])) for kind in Kind]
    rows.append(("Jumlah temuan", "", _count(report.total)))
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
        print(f"{kind.label} ({kind.value}): {_count(report.counts[kind])} temuan")
        for f in found:
            who = f" · anggota {f.member_name}" if f.member_name is not None else ""
            print(f"  No. KK {f.no_kk} · pengurus {f.recipient_name or '-'}{who}: {f.message}")
        if report.truncated(kind):
            print(
                f"  … dan {_count(report.truncated(kind))} lainnya "
                f"(semua: simoncer-cli check --kind {kind.value} --limit 0)"
            )
    return EXIT_OK


DEFAULT_GRADUATE_LIMIT = 20
"""graduate-quarter: proposals (and changed families) printed unless ``--limit`` says otherwise (0 = all)."""


def _quarter(text: str) -> str:
    from simoncer_desktop.errors import ValidationError
    from simoncer_desktop.services.natural_graduation import quarter_code

    try:
        return quarter_code(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _operator() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "operator"


def _print_proposals(proposals: list, limit: int, flag_hint: str) -> None:
    shown = proposals if not limit else proposals[:limit]
    for p in shown:
        print(f"  No. KK {p.no_kk} · pengurus {p.recipient_name or '-'} · {', '.join(p.reasons)}: {p.detail}")
    if len(proposals) > len(shown):
        print(f"  … dan {_count(len(proposals) - len(shown))} lainnya (semua: {flag_hint} --limit 0)")


def cmd_graduate_quarter(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import natural_graduation as ng

    by = (args.by or _operator()).strip()
    with db.transaction() as session:  # an apply that fails undoes the new run too
        if args.run:
            view = ng.get_run(session, args.run)
            if view.quarter != args.quarter:
                print(f"Gagal: daftar {args.run} adalah kuartal {view.quarter}, bukan {args.quarter}", file=sys.stderr)
                return EXIT_ERROR
        else:
            view = ng.propose(session, args.quarter, by, civil_file=Path(args.civil) if args.civil else None)
        print(
            f"Graduasi alamiah {view.quarter} (per {view.quarter_end:%d-%m-%Y}): "
            f"{_count(len(view.proposals))} keluarga diusulkan · daftar {view.id}"
        )
        if view.source_file:
            print(f"Berkas dukcapil {view.source_file}:")
            print(f"  NIK tidak cocok ({len(view.unmatched_niks)}): {', '.join(view.unmatched_niks) or '-'}")
            print(f"  Baris salah ({len(view.bad_rows)}):" + ("" if view.bad_rows else " -"))
            for line in view.bad_rows:
                print(f"    {line}")
        print()
        rows = [(ng.REASON_LABELS[r], r, _count(n)) for r, n in view.counts.items()]
        head = ("Alasan", "Kode", "Jumlah")
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
        for i, (label, code, number) in enumerate([head, *rows]):
            print(f"{label:<{widths[0]}}  {code:<{widths[1]}}  {number:>{widths[2]}}")
            if i == 0:
                print("  ".join("-" * w for w in widths))
        if view.proposals:
            print()
            print("Usulan:")
            _print_proposals(view.proposals, args.limit, f"simoncer-cli graduate-quarter --quarter {view.quarter}")
        print()
        if not args.apply:
            print(
                "Belum ada yang diubah: setujui usulan di halaman Graduasi, atau jalankan lagi dengan --apply "
                "untuk menyetujui dan menerapkan semuanya."
            )
            return EXIT_OK
        if view.applied_on is None:
            undecided = [p.id for p in view.proposals if not p.decision]
            if undecided:
                ng.decide(session, view.id, undecided, ng.APPROVED, by)
        if not view.proposals:
            print("Tidak ada keluarga yang digraduasi: tidak ada usulan.")
            return EXIT_OK
        result = ng.apply_run(session, view.id, by)
    print(
        f"Diterapkan oleh {by}: {_count(len(result.graduated))} keluarga kini berstatus Graduasi alamiah "
        f"per {result.status_date:%d-%m-%Y}"
    )
    _print_proposals(result.graduated, args.limit, f"simoncer-cli graduate-quarter --quarter {result.quarter}")
    if result.skipped:
        print(f"Dilewati {len(result.skipped)} keluarga (tidak diubah):")
        for p, why in result.skipped:
            print(f"  No. KK {p.no_kk}: {why}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.reports.pdf.graduation_report import write_graduation_reports
    from simoncer_desktop.services import graduation_report as gr

    out = Path(args.out)
    folder = out.parent.resolve()
    if not folder.is_dir():
        print(f"Gagal: folder {folder} tidak ada; laporan tidak ditulis", file=sys.stderr)
        return EXIT_ERROR
    started = time.perf_counter()
    with db.read() as session:
        if args.family:
            reports = [gr.family_report(session, args.family)]
            what = f"keluarga No. KK {reports[0].no_kk}"
        else:
            quarter = gr.quarter_reports(session, args.quarter)
            reports = quarter.reports
            span = f"{quarter.start:%d-%m-%Y} s.d. {quarter.end:%d-%m-%Y}"
            if not reports:
                print(
                    f"Gagal: tidak ada keputusan graduasi yang disetujui pada kuartal {quarter.quarter} ({span})",
                    file=sys.stderr,
                )
                return EXIT_ERROR
            what = f"{_count(len(reports))} keluarga kuartal {quarter.quarter} ({span})"
    try:
        result = write_graduation_reports(reports, out)
    except OSError as exc:
        log.exception("Cannot write the graduation report")
        print(f"Gagal: laporan tidak dapat ditulis ke {out} ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_ERROR
    elapsed = time.perf_counter() - started
    print(f"Laporan graduasi {what}: {_count(result.pages)} halaman ditulis ke {result.path} ({elapsed:.1f} detik)")
    return EXIT_OK


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"harus tanggal YYYY-MM-DD (tertulis '{text}')") from None


def _positive(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat 1 atau lebih (tertulis '{text}')")
    return int(text)


def cmd_questionnaire_show(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import assessment as asm

    with db.read() as session:
        versions = asm.list_questionnaires(session)
        try:
            in_force = asm.current_questionnaire(session).version
        except SimoncerError:
            in_force = None
        chosen = asm.get_questionnaire(session, args.version) if args.version is not None else None
    if not versions:
        print("Belum ada kuesioner asesmen.")
        return EXIT_OK
    print(f"Kuesioner asesmen: {len(versions)} versi ({db.path})")
    head = ("Versi", "Berlaku mulai", "Judul")
    rows = [
        (str(v.version), f"{v.valid_from:%d-%m-%Y}", v.title + (" (berlaku hari ini)" if v.version == in_force else ""))
        for v in versions
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(2)]
    for i, (number, valid_from, title) in enumerate([head, *rows]):
        print(f"{number:>{widths[0]}}  {valid_from:<{widths[1]}}  {title}")
        if i == 0:
            print("  ".join("-" * w for w in [*widths, len(head[2])]))
    if chosen is not None:
        print()
        print(f"Versi {chosen.version}: {chosen.title}, berlaku mulai {chosen.valid_from:%d-%m-%Y}")
        for section in chosen.definition.sections:
            print(f"  {section.code} · {section.title}: bobot {section.weight}, {len(section.questions)} pertanyaan")
        print("  Ambang: " + ", ".join(f"{t.welfare_class} ≥ {t.min_score}" for t in chosen.definition.thresholds))
    return EXIT_OK


def cmd_questionnaire_export(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import assessment as asm

    with db.read() as session:
        view = (
            asm.get_questionnaire(session, args.version)
            if args.version is not None
            else asm.current_questionnaire(session)
        )
    out = Path(args.out)
    text = json.dumps(view.definition.to_dict(), ensure_ascii=False, indent=2)
    out.write_text(text + "\n", encoding="utf-8")
    print(f"Kuesioner versi {view.version} ({view.title}) ditulis ke {out}")
    return EXIT_OK


def cmd_questionnaire_publish(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.errors import ValidationError
    from simoncer_desktop.services import assessment as asm
    from simoncer_desktop.services.assessment_definition import Definition

    source = Path(args.file)
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        print(f"Gagal: {source} bukan teks UTF-8; kuesioner tidak diterbitkan", file=sys.stderr)
        return EXIT_ERROR
    try:
        with db.transaction() as session:
            title = args.title
            if title is None:
                latest = asm.list_questionnaires(session)
                title = latest[-1].title if latest else ""
            version = asm.publish_version(session, Definition.from_json(text), args.valid_from, title)
    except ValidationError as exc:
        print(f"Gagal: kuesioner {source} tidak diterbitkan; tidak ada yang disimpan:", file=sys.stderr)
        for err in exc.errors:
            print(f"  - {err}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Diterbitkan kuesioner versi {version} ({title.strip()}), berlaku mulai {args.valid_from:%d-%m-%Y}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="simoncer-cli", description="Simoncer Desktop, perintah tanpa layar")
    parser.add_argument("--version", action="version", version=f"simoncer {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("demo-data", help="buat data keluarga sintetis yang deterministik")
    _add_db(p)
    p.add_argument("--families", type=int, default=2000, help="jumlah keluarga (default 2000)")
    p.add_argument("--seed", type=int, default=1, help="benih acak; seed sama → data sama")
    p.add_argument(
        "--region",
        help="kode kabupaten/kota (mis. 32.71) atau kecamatan (mis. 32.71.01); "
        f"default: wilayah yang diatur, atau {DEFAULT_DEMO_REGION}",
    )
    p.add_argument("--if-empty", action="store_true", help="lewati bila database sudah berisi keluarga")
    p.set_defaults(handler=cmd_demo_data)

    p = sub.add_parser("info", help="ringkasan database")
    _add_db(p)
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("setting", help="baca atau ubah pengaturan, mis. region_code 32.71 atau component_cap 4")
    _add_db(p)
    p.add_argument("key")
    p.add_argument("value", nargs="?")
    p.set_defaults(handler=cmd_setting)

    p = sub.add_parser("import", help="impor data keluarga dari .xlsx atau .csv (format templat)")
    p.add_argument("kind", choices=["caseload"], help="jenis data: caseload (keluarga dan anggota)")
    p.add_argument("file", metavar="FILE", help="berkas .xlsx atau .csv")
    _add_db(p)
    p.add_argument("--dry-run", action="store_true", help="periksa saja; tidak ada yang disimpan")
    p.add_argument("--report", metavar="OUT.xlsx", help="tulis laporan per baris (HASIL, KETERANGAN) dan ringkasan")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="ekspor keluarga ke .xlsx (format templat; bisa diimpor kembali)")
    p.add_argument("kind", choices=["caseload"], help="jenis data: caseload (keluarga dan anggota)")
    p.add_argument("out", metavar="OUT.xlsx", help="berkas yang ditulis (ditimpa bila sudah ada)")
    _add_db(p)
    p.add_argument("--kecamatan", metavar="CODE", help="hanya kecamatan ini, mis. 32.71.01")
    p.add_argument("--kelurahan", metavar="CODE", help="hanya kelurahan/desa ini, mis. 32.71.01.1001")
    p.add_argument("--pendamping", metavar="ID", help="hanya keluarga pendamping ini (id, atau nama persis)")
    p.add_argument("--status", choices=[s.value for s in HouseholdStatus], help="hanya status keluarga ini")
    p.add_argument("--komponen", choices=[c.value for c in Component], help="keluarga dengan komponen PKH ini")
    p.add_argument("--desil", type=_desil, metavar="N", help="hanya desil N (1–10)")
    p.add_argument("--cari", metavar="TEXT", help="seperti kotak pencarian: nama, atau awal NIK / No. KK (≥ 8 digit)")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("template", help="tulis templat .xlsx kosong (kolom, catatan, daftar pilihan)")
    p.add_argument("kind", choices=["caseload"], help="jenis data: caseload (keluarga dan anggota)")
    p.add_argument("out", metavar="OUT.xlsx", help="berkas yang ditulis (ditimpa bila sudah ada)")
    _add_db(p)
    p.set_defaults(handler=cmd_template)

    from simoncer_desktop.services.data_quality import Kind

    p = sub.add_parser("check", help="periksa kualitas data: NIK, No. KK, data ganda, pengurus, komponen")
    _add_db(p)
    p.add_argument("--kind", choices=[k.value for k in Kind], help="tampilkan temuan jenis ini saja")
    p.add_argument(
        "--limit",
        type=_non_negative,
        default=DEFAULT_CHECK_LIMIT,
        metavar="N",
        help=f"temuan yang ditampilkan per jenis (default {DEFAULT_CHECK_LIMIT}; 0 = semua)",
    )
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser(
        "graduate-quarter",
        help="graduasi alamiah per kuartal: usulkan keluarga dengan alasannya; --apply menyetujui dan menerapkan",
    )
    _add_db(p)
    p.add_argument("--quarter", required=True, type=_quarter, metavar="YYYYQn", help="kuartal, mis. 2026Q3")
    p.add_argument("--civil", metavar="FILE", help="berkas dukcapil .xlsx/.csv: kolom NIK, PERISTIWA, TANGGAL")
    p.add_argument("--apply", action="store_true", help="setujui semua usulan lalu ubah status keluarganya")
    p.add_argument("--run", metavar="ID", help="pakai daftar yang sudah dibuat (id) alih-alih membuat yang baru")
    p.add_argument("--by", metavar="NAME", help="nama operator yang dicatat (default: pengguna sistem)")
    p.add_argument(
        "--limit",
        type=_non_negative,
        default=DEFAULT_GRADUATE_LIMIT,
        metavar="N",
        help=f"keluarga yang ditampilkan (default {DEFAULT_GRADUATE_LIMIT}; 0 = semua)",
    )
    p.set_defaults(handler=cmd_graduate_quarter)

    p = sub.add_parser("report", help="cetak laporan PDF, mis. laporan graduasi satu keluarga atau satu kuartal")
    p.add_argument("kind", choices=["graduation"], help="jenis laporan: graduation (laporan graduasi, A4)")
    p.add_argument("out", metavar="OUT.pdf", help="berkas yang ditulis (ditimpa bila sudah ada)")
    _add_db(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--family", metavar="ID", help="satu keluarga (id keluarga)")
    which.add_argument(
        "--quarter",
        type=_quarter,
        metavar="YYYYQn",
        help="semua keluarga dengan keputusan graduasi disetujui pada kuartal ini, mis. 2026Q3 (satu PDF gabungan)",
    )
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("questionnaire", help="kuesioner asesmen: lihat versi, ekspor ke JSON, terbitkan versi baru")
    qsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = qsub.add_parser("show", help="daftar versi kuesioner (tidak mengubah apa pun)")
    _add_db(q)
    q.add_argument("--version", type=_positive, metavar="N", help="tampilkan juga bagian dan ambang versi N")
    q.set_defaults(handler=cmd_questionnaire_show)
    q = qsub.add_parser("export", help="tulis definisi kuesioner sebagai JSON (UTF-8) untuk diubah")
    q.add_argument("out", metavar="OUT.json", help="berkas yang ditulis (ditimpa bila sudah ada)")
    _add_db(q)
    q.add_argument("--version", type=_positive, metavar="N", help="versi N (default: yang berlaku hari ini)")
    q.set_defaults(handler=cmd_questionnaire_export)
    q = qsub.add_parser("publish", help="terbitkan berkas JSON sebagai versi baru (diperiksa dulu)")
    q.add_argument("file", metavar="FILE.json", help="definisi kuesioner (format hasil export)")
    _add_db(q)
    q.add_argument("--valid-from", required=True, type=_iso_date, metavar="YYYY-MM-DD", help="berlaku mulai")
    q.add_argument("--title", metavar="T", help="judul versi baru (default: judul versi terakhir)")
    q.set_defaults(handler=cmd_questionnaire_publish)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(log_dir())
    try:
        path: Path = database_path(getattr(args, "db", None))
        db = open_database(path)
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
        db.close()


if __name__ == "__main__":
    sys.exit(main())
