"""Import of a caseload workbook in a process of its own, so its peak memory is its own.

    python -m benchmarks.import_probe --db EMPTY.sqlite3 --file CASELOAD.xlsx   # ours: plan + apply, then again
    python -m benchmarks.import_probe --baseline --file CASELOAD.xlsx           # openpyxl read-only, values only

Prints one JSON line: seconds, peak RSS in MB (VmHWM), and for ours the counts and the re-import time.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's peak resident memory. Not ``ru_maxrss``: Linux carries that over from the parent
    across fork and exec, so a child of a big benchmark process would report the parent's size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: the best there is


def ours(db_path: Path, source: Path) -> dict[str, object]:
    from benchmarks.keys import open_bench_database
    from simoncer_desktop.services import caseload_import

    db = open_bench_database(db_path)
    start = time.perf_counter()
    with db.transaction() as session:
        plan, result = caseload_import.import_caseload(session, source)
    first = time.perf_counter() - start
    memory = peak_rss_mb()
    del plan
    start = time.perf_counter()
    with db.transaction() as session:
        again, second_result = caseload_import.import_caseload(session, source)
    second = time.perf_counter() - start
    db.close()
    assert result is not None and second_result is not None
    return {
        "seconds": first,
        "rss_mb": memory,
        "new": result.new,
        "rejected": result.rejected,
        "rows": again.data_rows,
        "reimport_seconds": second,
        "reimport_new_or_updated": second_result.new + second_result.updated,
    }


def baseline(source: Path) -> dict[str, object]:
    from openpyxl import load_workbook

    start = time.perf_counter()
    workbook = load_workbook(source, read_only=True)
    rows = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return {"seconds": time.perf_counter() - start, "rss_mb": peak_rss_mb(), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--baseline", action="store_true")
    args = parser.parse_args()
    print(json.dumps(baseline(args.file) if args.baseline else ours(args.db, args.file)))


if __name__ == "__main__":
    main()
