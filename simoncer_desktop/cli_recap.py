"""``simoncer-cli export recap OUT.xlsx --period 2026|2026Q3 [--kecamatan CODE] [--db PATH]``: the Wali
Kota recap workbook (issue 6; docs/recap-design.md).

Exit codes as every command: 0 written; 1 a period, kecamatan or file that cannot be used (the service's
``ValidationError`` or the writer's ``ReportWriteError``, printed on stderr by ``cli.main``); 2 usage
(argparse)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from simoncer_desktop.cli_common import EXIT_OK, add_db, thousands
from simoncer_desktop.store import Database

if TYPE_CHECKING:
    from simoncer_desktop.services.recap_model import Recap


def summary_line(recap: Recap) -> str:
    """One line of the recap's main figures, e.g. ``2026, Kota Bogor: 1.234 KPM aktif; graduasi 40 mandiri
    + 12 alamiah (target 750); 2 kejadian bencana; 6 kecamatan, 68 kelurahan, 40 pendamping``."""
    c = recap.city
    where = recap.region_name + (f", Kecamatan {recap.kecamatan_filter}" if recap.kecamatan_filter else "")
    return (
        f"{recap.period.label}, {where}: {thousands(c.active_families)} KPM aktif; graduasi "
        f"{thousands(c.graduated_self_reliant)} mandiri + {thousands(c.graduated_natural)} alamiah "
        f"(target {thousands(c.target)}); {thousands(c.events)} kejadian bencana; "
        f"{len(recap.kecamatan)} kecamatan, {len(recap.kelurahan)} kelurahan, {len(recap.facilitators)} pendamping"
    )


def cmd_export_recap(args: argparse.Namespace, db: Database) -> int:
    # Imported when the command runs, as the other commands do: openpyxl is not needed to start the CLI.
    from simoncer_desktop.reports.excel.recap_workbook import write_recap
    from simoncer_desktop.services.recap import build_recap, parse_period

    started = time.perf_counter()
    period = parse_period(args.period)
    with db.read() as session:
        recap = build_recap(session, period, args.kecamatan)
    path = write_recap(recap, Path(args.out))
    elapsed = time.perf_counter() - started
    print(f"Rekap Wali Kota ditulis ke {path} ({elapsed:.1f} detik)")
    print(summary_line(recap))
    for note in recap.notes:
        print(f"Catatan: {note}")
    return EXIT_OK


def add_export_command(kinds: argparse._SubParsersAction) -> None:
    """``recap`` under ``export`` (``kinds`` is the ``export`` parser's sub-commands)."""
    p = kinds.add_parser("recap", help="rekap untuk Wali Kota (.xlsx): KPM, komponen, graduasi, tahapan, bencana")
    p.add_argument("out", metavar="OUT.xlsx", help="berkas yang ditulis (ditimpa bila sudah ada)")
    p.add_argument("--period", required=True, metavar="PERIODE", help="tahun (2026) atau triwulan (2026Q3)")
    p.add_argument("--kecamatan", metavar="CODE", help="hanya kecamatan ini: kode (mis. 32.71.01) atau nama")
    add_db(p)
    p.set_defaults(handler=cmd_export_recap)
