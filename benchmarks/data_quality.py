"""Kualitas Data at scale: the whole check (``services.data_quality.run_checks``, every kind, counts and
findings) against a raw sqlite3 read of the columns it reads, measured in the same run.

The baseline fetches every live member's and family's columns the checks look at into Python and does
nothing with them: what any check written as "read everything, test it in Python" pays before it has
tested anything.

    python -m benchmarks.data_quality --db benchmarks/.cache/caseload-110000-s1-….sqlite3

Only reads: the cached database is not changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.keys import open_bench_database, raw_connect
from benchmarks.report import Result, median_ms, render
from simoncer_desktop.services.data_quality import QualityReport, run_checks
from simoncer_desktop.store import Database

RAW_READS = (
    "SELECT id, household_id, nik, name, birth_date, sex, is_recipient, education, in_school, pregnant, "
    "severe_disability, deceased, death_date FROM member WHERE deleted = 0",
    "SELECT id, no_kk, recipient_name, status FROM household WHERE deleted = 0",
)


def results(db: Database, path: Path, repeat: int = 3) -> list[Result]:
    reports: list[QualityReport] = []

    def ours() -> None:
        with db.read() as session:
            reports.append(run_checks(session))

    conn = raw_connect(path, read_only=True)

    def raw() -> None:
        for sql in RAW_READS:
            conn.execute(sql).fetchall()

    try:
        ours_s = median_ms(ours, repeat=repeat) / 1000
        raw_s = median_ms(raw, repeat=repeat) / 1000
    finally:
        conn.close()
    report = reports[-1]
    return [
        Result(
            f"data quality check, {report.families:,} families / {report.members:,} members "
            f"({report.total:,} findings)",
            ours_s,
            raw_s,
            "s",
            baseline_name="raw sqlite3 fetch of the columns the check reads (no checking)",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.data_quality")
    parser.add_argument("--db", required=True, type=Path, help="a cached data set (see benchmarks/dataset.py)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    db = open_bench_database(args.db)
    try:
        print(render(results(db, args.db, args.repeat)))
    finally:
        db.close()


if __name__ == "__main__":
    main()
