"""``simoncer-cli relief …``: the disaster-relief printouts without a window.

- ``relief events [--status dibuka|ditutup]``: one line per event with its counts;
- ``relief bnba EVENT -o FILE.pdf|FILE.xlsx [--kelurahan CODE]``;
- ``relief berita-acara EVENT -o FILE.pdf|FILE.xlsx [--date D | --from D --to D]``;
- ``relief report EVENT -o FILE.pdf``.

EVENT is the event's id or its short code (the last 8 characters, as printed on lists and documents,
any case). Exit codes: 0 done; 1 with a Bahasa Indonesia message on stderr (unknown event, file that
cannot be written, wrong extension); 2 for a usage error. These commands only read the database.

The events list is ``services.relief_events.list_events``; the documents are written by
``reports.relief_print.print_document``, as the window's print dialog writes them.
"""

from __future__ import annotations

import argparse
import sys
import time
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
    """The output path and its format (``pdf``/``xlsx``), or None (message printed) when the extension
    is not one of ``allowed``."""
    path = Path(out)
    file_format = path.suffix.lower().lstrip(".")
    if file_format not in allowed:
        wanted = " atau ".join(f".{a}" for a in allowed)
        print(f"Gagal: berkas keluaran {path} harus berakhiran {wanted}", file=sys.stderr)
        return None
    return path, file_format


def cmd_events(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.models.enums import EventStatus
    from simoncer_desktop.services.relief_events import list_events

    with db.read() as session:
        events = list_events(session, args.status)
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
            EventStatus(e.status).label,
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


def _print(
    db: Database,
    kind: str,
    args: argparse.Namespace,
    *,
    kelurahan_code: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> int:
    """Write the ``kind`` document (a ``DocumentKind`` value) of event ``args.event`` (id or short code)
    to ``args.out`` with ``relief_print.print_document`` and say what was written. Exit 1 (message
    printed) for an extension the kind cannot be written in; other failures raise ``SimoncerError``,
    which ``cli.main`` prints as ``Gagal: …`` with exit 1."""
    from simoncer_desktop.reports.relief_print import FORMATS, DocumentKind, DocumentRequest, print_document
    from simoncer_desktop.services.relief_events import resolve_event

    document = DocumentKind(kind)
    target = _output(args.out, FORMATS[document])
    if target is None:
        return EXIT_ERROR
    path, file_format = target
    started = time.perf_counter()
    with db.read() as session:
        request = DocumentRequest(
            kind=document,
            event_id=resolve_event(session, args.event),
            file_format=file_format,
            kelurahan_code=kelurahan_code,
            date_from=date_from,
            date_to=date_to,
        )
        printed = print_document(session, request, path)
    pages = f": {thousands(printed.pages)} halaman" if printed.pages is not None else ""
    print(f"{printed.summary} ditulis ke {printed.path}{pages} ({time.perf_counter() - started:.1f} detik)")
    return EXIT_OK


def cmd_bnba(args: argparse.Namespace, db: Database) -> int:
    return _print(db, "bnba", args, kelurahan_code=args.kelurahan)


def cmd_berita_acara(args: argparse.Namespace, db: Database) -> int:
    if args.date is not None and (args.date_from is not None or args.date_to is not None):
        args.parser.error("--date tidak dapat digabung dengan --from/--to")
    date_from, date_to = (args.date, args.date) if args.date is not None else (args.date_from, args.date_to)
    if date_from and date_to and date_from > date_to:
        args.parser.error(f"--from {date_from:%Y-%m-%d} sesudah --to {date_to:%Y-%m-%d}")
    return _print(db, "berita_acara", args, date_from=date_from, date_to=date_to)


def cmd_report(args: argparse.Namespace, db: Database) -> int:
    return _print(db, "laporan_kejadian", args)


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
