"""``simoncer-cli relief …``: the disaster-relief printouts without a window.

- ``relief events [--status dibuka|ditutup]``: one line per event with its counts;
- ``relief bnba EVENT -o FILE.pdf|FILE.xlsx [--kelurahan CODE]``;
- ``relief berita-acara EVENT -o FILE.pdf|FILE.xlsx [--date D | --from D --to D]``;
- ``relief report EVENT -o FILE.pdf``.

EVENT is the event's id or its short code (the last 8 characters, as printed on lists and documents,
any case). Exit codes: 0 done; 1 with a Bahasa Indonesia message on stderr (unknown event, file that
cannot be written, wrong extension); 2 for a usage error. These commands only read the database.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from simoncer_desktop.cli_common import EXIT_ERROR, EXIT_OK, add_db, thousands
from simoncer_desktop.store import Database

STATUSES = ("dibuka", "ditutup")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"harus tanggal YYYY-MM-DD (tertulis '{text}')") from None


def _output(out: str, allowed: tuple[str, ...]) -> tuple[Path, str] | None:
    """The output path and its kind (``pdf``/``xlsx``), or None (message printed) when the extension
    is not one of ``allowed``."""
    path = Path(out)
    kind = path.suffix.lower().lstrip(".")
    if kind not in allowed:
        wanted = " atau ".join(f".{a}" for a in allowed)
        print(f"Gagal: berkas keluaran {path} harus berakhiran {wanted}", file=sys.stderr)
        return None
    return path, kind


def cmd_events(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services.relief_documents import event_summaries

    with db.read() as session:
        events = event_summaries(session, args.status)
    if not events:
        which = f" berstatus {args.status}" if args.status else ""
        print(f"Belum ada kejadian bencana{which}.")
        return EXIT_OK
    head = ("Kode", "Tanggal", "Jenis", "Judul", "Kecamatan", "Status", "KK", "Jiwa", "Mengungsi", "Luka", "Meninggal")
    rows = [
        (
            e.code,
            f"{e.occurred_at:%d-%m-%Y}",
            e.kind_label,
            e.title if len(e.title) <= 40 else e.title[:39] + "…",
            e.kecamatan_name,
            e.status_label,
            *(thousands(n) for n in (e.families, e.people, e.displaced, e.injured, e.deceased)),
        )
        for e in events
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    numeric = range(6, len(head))
    for i, row in enumerate([head, *rows]):
        cells = [f"{v:>{w}}" if k in numeric else f"{v:<{w}}" for k, (v, w) in enumerate(zip(row, widths, strict=True))]
        print("  ".join(cells).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print(f"\n{len(events)} kejadian ({db.path})")
    return EXIT_OK


def _write(what: str, writer: Callable[[], object], started: float, path: Path) -> int:
    result = writer()
    pages = f": {thousands(result)} halaman" if isinstance(result, int) else ""
    print(f"{what} ditulis ke {path}{pages} ({time.perf_counter() - started:.1f} detik)")
    return EXIT_OK


def cmd_bnba(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.reports.excel.relief_workbook import write_bnba_xlsx
    from simoncer_desktop.reports.pdf.relief_documents import write_bnba_pdf
    from simoncer_desktop.services.relief_documents import bnba, find_event

    target = _output(args.out, ("pdf", "xlsx"))
    if target is None:
        return EXIT_ERROR
    path, kind = target
    started = time.perf_counter()
    with db.read() as session:
        data = bnba(session, find_event(session, args.event), args.kelurahan)
    write = write_bnba_pdf if kind == "pdf" else write_bnba_xlsx
    what = f"BNBA kejadian {data.event.code} ({thousands(data.families)} keluarga, {thousands(data.people)} jiwa)"
    return _write(what, lambda: write(data, path), started, path)


def cmd_berita_acara(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.reports.excel.relief_workbook import write_berita_acara_xlsx
    from simoncer_desktop.reports.pdf.relief_documents import write_berita_acara_pdf
    from simoncer_desktop.services.relief_documents import berita_acara, find_event

    if args.date is not None and (args.date_from is not None or args.date_to is not None):
        args.parser.error("--date tidak dapat digabung dengan --from/--to")
    date_from, date_to = (args.date, args.date) if args.date is not None else (args.date_from, args.date_to)
    if date_from and date_to and date_from > date_to:
        args.parser.error(f"--from {date_from:%Y-%m-%d} sesudah --to {date_to:%Y-%m-%d}")
    target = _output(args.out, ("pdf", "xlsx"))
    if target is None:
        return EXIT_ERROR
    path, kind = target
    started = time.perf_counter()
    with db.read() as session:
        data = berita_acara(session, find_event(session, args.event), date_from, date_to)
    write = write_berita_acara_pdf if kind == "pdf" else write_berita_acara_xlsx
    what = f"Berita acara {data.number} ({thousands(len(data.lines))} penyaluran, {data.period_text})"
    return _write(what, lambda: write(data, path), started, path)


def cmd_report(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.reports.pdf.relief_documents import write_event_report_pdf
    from simoncer_desktop.services.relief_documents import event_report, find_event

    target = _output(args.out, ("pdf",))
    if target is None:
        return EXIT_ERROR
    path, _ = target
    started = time.perf_counter()
    with db.read() as session:
        data = event_report(session, find_event(session, args.event))
    what = f"Laporan kejadian {data.event.code} ({data.event.title})"
    return _write(what, lambda: write_event_report_pdf(data, path), started, path)


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("relief", help="bantuan bencana: daftar kejadian, BNBA, berita acara, laporan kejadian")
    rsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")

    q = rsub.add_parser("events", help="daftar kejadian bencana dengan jumlah korban (tidak mengubah apa pun)")
    add_db(q)
    q.add_argument("--status", choices=STATUSES, help="hanya kejadian yang dibuka atau ditutup")
    q.set_defaults(handler=cmd_events)

    event_help = "id kejadian atau kodenya (8 karakter terakhir id, seperti tercetak di daftar)"
    q = rsub.add_parser("bnba", help="daftar korban by name by address (PDF A4 mendatar atau Excel)")
    q.add_argument("event", metavar="EVENT", help=event_help)
    q.add_argument("-o", "--out", required=True, metavar="FILE", help="berkas .pdf atau .xlsx (ditimpa bila ada)")
    q.add_argument("--kelurahan", metavar="CODE", help="hanya keluarga di kelurahan ini (kode, mis. 32.71.01.1001)")
    add_db(q)
    q.set_defaults(handler=cmd_bnba)

    q = rsub.add_parser("berita-acara", help="berita acara serah terima bantuan (PDF atau Excel)")
    q.add_argument("event", metavar="EVENT", help=event_help)
    q.add_argument("-o", "--out", required=True, metavar="FILE", help="berkas .pdf atau .xlsx (ditimpa bila ada)")
    q.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="penyaluran pada satu tanggal")
    q.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD", help="penyaluran sejak tanggal")
    q.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD", help="penyaluran sampai tanggal")
    add_db(q)
    q.set_defaults(handler=cmd_berita_acara, parser=q)

    q = rsub.add_parser("report", help="laporan kejadian: angka korban, bantuan tersalur, foto (PDF)")
    q.add_argument("event", metavar="EVENT", help=event_help)
    q.add_argument("-o", "--out", required=True, metavar="FILE.pdf", help="berkas .pdf (ditimpa bila ada)")
    add_db(q)
    q.set_defaults(handler=cmd_report)
