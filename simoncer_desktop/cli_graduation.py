"""``simoncer-cli`` commands of the graduation programme: graduate-quarter, report, questionnaire."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from simoncer_desktop.cli_common import EXIT_ERROR, EXIT_OK, add_db, non_negative, thousands
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.store import Database

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


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
        print(f"  … dan {thousands(len(proposals) - len(shown))} lainnya (semua: {flag_hint} --limit 0)")


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
            f"{thousands(len(view.proposals))} keluarga diusulkan · daftar {view.id}"
        )
        if view.source_file:
            print(f"Berkas dukcapil {view.source_file}:")
            print(f"  NIK tidak cocok ({len(view.unmatched_niks)}): {', '.join(view.unmatched_niks) or '-'}")
            print(f"  Baris salah ({len(view.bad_rows)}):" + ("" if view.bad_rows else " -"))
            for line in view.bad_rows:
                print(f"    {line}")
        print()
        rows = [(ng.REASON_LABELS[r], r, thousands(n)) for r, n in view.counts.items()]
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
        f"Diterapkan oleh {by}: {thousands(len(result.graduated))} keluarga kini berstatus Graduasi alamiah "
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
            what = f"{thousands(len(reports))} keluarga kuartal {quarter.quarter} ({span})"
    try:
        result = write_graduation_reports(reports, out)
    except OSError as exc:
        log.exception("Cannot write the graduation report")
        print(f"Gagal: laporan tidak dapat ditulis ke {out} ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_ERROR
    elapsed = time.perf_counter() - started
    print(f"Laporan graduasi {what}: {thousands(result.pages)} halaman ditulis ke {result.path} ({elapsed:.1f} detik)")
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


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "graduate-quarter",
        help="graduasi alamiah per kuartal: usulkan keluarga dengan alasannya; --apply menyetujui dan menerapkan",
    )
    add_db(p)
    p.add_argument("--quarter", required=True, type=_quarter, metavar="YYYYQn", help="kuartal, mis. 2026Q3")
    p.add_argument("--civil", metavar="FILE", help="berkas dukcapil .xlsx/.csv: kolom NIK, PERISTIWA, TANGGAL")
    p.add_argument("--apply", action="store_true", help="setujui semua usulan lalu ubah status keluarganya")
    p.add_argument("--run", metavar="ID", help="pakai daftar yang sudah dibuat (id) alih-alih membuat yang baru")
    p.add_argument("--by", metavar="NAME", help="nama operator yang dicatat (default: pengguna sistem)")
    p.add_argument(
        "--limit",
        type=non_negative,
        default=DEFAULT_GRADUATE_LIMIT,
        metavar="N",
        help=f"keluarga yang ditampilkan (default {DEFAULT_GRADUATE_LIMIT}; 0 = semua)",
    )
    p.set_defaults(handler=cmd_graduate_quarter)

    p = sub.add_parser("report", help="cetak laporan PDF, mis. laporan graduasi satu keluarga atau satu kuartal")
    p.add_argument("kind", choices=["graduation"], help="jenis laporan: graduation (laporan graduasi, A4)")
    p.add_argument("out", metavar="OUT.pdf", help="berkas yang ditulis (ditimpa bila sudah ada)")
    add_db(p)
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
    add_db(q)
    q.add_argument("--version", type=_positive, metavar="N", help="tampilkan juga bagian dan ambang versi N")
    q.set_defaults(handler=cmd_questionnaire_show)
    q = qsub.add_parser("export", help="tulis definisi kuesioner sebagai JSON (UTF-8) untuk diubah")
    q.add_argument("out", metavar="OUT.json", help="berkas yang ditulis (ditimpa bila sudah ada)")
    add_db(q)
    q.add_argument("--version", type=_positive, metavar="N", help="versi N (default: yang berlaku hari ini)")
    q.set_defaults(handler=cmd_questionnaire_export)
    q = qsub.add_parser("publish", help="terbitkan berkas JSON sebagai versi baru (diperiksa dulu)")
    q.add_argument("file", metavar="FILE.json", help="definisi kuesioner (format hasil export)")
    add_db(q)
    q.add_argument("--valid-from", required=True, type=_iso_date, metavar="YYYY-MM-DD", help="berlaku mulai")
    q.add_argument("--title", metavar="T", help="judul versi baru (default: judul versi terakhir)")
    q.set_defaults(handler=cmd_questionnaire_publish)
