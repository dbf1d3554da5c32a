"""Caseload export at scale: ``simoncer-cli export caseload`` (the service) against raw openpyxl
write-only writing the same cells, measured in the same run.

The exported file stays in ``benchmarks/.cache/`` (``export_path``) so the import benchmark can read a
real 110,000-family workbook: ``ensure_export(db_path)`` returns it, writing it first if needed.

    python -m benchmarks.spreadsheet --db benchmarks/.cache/caseload-110000-s1-….sqlite3
"""

from __future__ import annotations

import argparse
import gc
import threading
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from benchmarks.dataset import CACHE
from benchmarks.keys import open_bench_database
from benchmarks.report import Result, render
from simoncer_desktop.services import caseload_export
from simoncer_desktop.services.caseload_query import CaseloadFilter
from simoncer_desktop.services.caseload_sheet import COLUMN_KEYS, SHEET_NAME

TARGET_RATIO = 1.5


def export_path(db_path: Path) -> Path:
    """Where the export of the cached data set ``db_path`` is kept (``benchmarks/.cache/<db>.xlsx``)."""
    return CACHE / f"{Path(db_path).stem}.xlsx"


def ensure_export(db_path: Path) -> Path:
    """The exported workbook of ``db_path`` (all families), written now unless it is already cached."""
    out = export_path(db_path)
    if not out.exists() or out.stat().st_mtime < Path(db_path).stat().st_mtime:
        _export(db_path, out)
    return out


def _export(db_path: Path, out: Path) -> caseload_export.ExportResult:
    db = open_bench_database(Path(db_path))
    try:
        with db.read() as session:
            return caseload_export.export_caseload(session, out, CaseloadFilter())
    finally:
        db.close()


class _PeakRss:
    """Samples this process's resident memory every 50 ms while a block runs."""

    def __init__(self) -> None:
        import psutil

        self._process = psutil.Process()
        self.start = self.peak = self._process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self._process.memory_info().rss)

    def __enter__(self) -> _PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def growth_mb(self) -> float:
        return (self.peak - self.start) / 1e6


def _prepared_rows(db_path: Path) -> list[tuple]:
    """Every cell the export writes, as plain values read beforehand (the baseline's input)."""
    db = open_bench_database(Path(db_path))
    try:
        with db.read() as session:
            stmt = caseload_export.export_statement(session, CaseloadFilter())
            width = len(COLUMN_KEYS)
            return [tuple(row[:width]) for row in session.connection().execute(stmt)]
    finally:
        db.close()


def _raw_openpyxl(rows: list[tuple], out: Path) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_NAME)
    sheet.append(list(COLUMN_KEYS))
    for row in rows:
        sheet.append(row)
    workbook.save(out)


def export_results(db_path: Path) -> list[Result]:
    """Export every family of ``db_path``, then write the same cells with bare openpyxl."""
    out = export_path(db_path)
    gc.collect()
    with _PeakRss() as memory:
        start = time.perf_counter()
        result = _export(db_path, out)
        ours = time.perf_counter() - start

    rows = _prepared_rows(db_path)
    raw_out = CACHE / "raw-openpyxl.xlsx"
    start = time.perf_counter()
    _raw_openpyxl(rows, raw_out)
    baseline = time.perf_counter() - start
    cells = len(rows) * len(COLUMN_KEYS)
    del rows
    raw_size = raw_out.stat().st_size
    raw_out.unlink()
    gc.collect()

    label = f"export {result.families:,} families / {result.rows:,} rows"
    return [
        Result(
            f"{label} (.xlsx, {cells:,} cells)",
            ours,
            baseline,
            "s",
            target=TARGET_RATIO * baseline,
            baseline_name="raw openpyxl write-only of the same cells (values read beforehand)",
        ),
        Result(
            f"{label}: memory growth while exporting",
            memory.growth_mb,
            None,
            "MB",
        ),
        Result(
            f"{label}: file size ({out.name} in benchmarks/.cache)",
            out.stat().st_size / 1e6,
            raw_size / 1e6,
            "MB",
            baseline_name="the raw openpyxl file",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.spreadsheet")
    parser.add_argument("--db", required=True, type=Path, help="a cached data set (see benchmarks/dataset.py)")
    args = parser.parse_args()
    results = export_results(args.db)
    print(render(results))
    print(f"\nExported workbook: {export_path(args.db)}")


if __name__ == "__main__":
    main()


def import_results(db_path: Path, run_child: Callable[[list[str]], tuple[float, str]]) -> list[Result]:
    """Import of the exported 110,000-family workbook into an empty database (its own process, for
    its own peak memory), then the same file again; baseline: openpyxl read-only merely reading it."""
    import json
    import sys

    from simoncer_desktop.services.settings import REGION_CODE, set_setting

    source = ensure_export(db_path)
    empty = CACHE / "import-target.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{empty}{suffix}").unlink(missing_ok=True)
    db = open_bench_database(empty)
    with db.transaction() as session:
        set_setting(session, REGION_CODE, "32.71")
    db.close()
    ours = json.loads(
        run_child([sys.executable, "-m", "benchmarks.import_probe", "--db", str(empty), "--file", str(source)])[1]
    )
    base = json.loads(
        run_child([sys.executable, "-m", "benchmarks.import_probe", "--baseline", "--file", str(source)])[1]
    )
    baseline_name = "openpyxl read-only only reading the same file (no checks, no database)"
    return [
        Result(
            f"import {ours['new']:,} families / {ours['rows']:,} rows (.xlsx) into an empty database",
            ours["seconds"],
            base["seconds"],
            "s",
            target=90.0,
            baseline_name=baseline_name,
        ),
        Result(
            "import: peak memory (RSS)",
            ours["rss_mb"],
            base["rss_mb"],
            "MB",
            target=1024.0,
            baseline_name=baseline_name,
        ),
        Result(
            f"re-import the same file ({ours['reimport_new_or_updated']} new or updated)",
            ours["reimport_seconds"],
            None,
            "s",
        ),
    ]
