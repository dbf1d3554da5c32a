"""Quarterly natural graduation at scale: ``services.natural_graduation.propose`` over every active
family (candidates in SQL, component rules in Python, the run and its proposals written) against a raw
sqlite3 read of the columns it needs, measured in the same run.

The baseline fetches every live member's and family's columns the proposal looks at into Python and
does nothing with them: what "read everything, decide in Python" pays before deciding anything.

    python -m benchmarks.natural_graduation --db benchmarks/.cache/caseload-110000-s1-….sqlite3

The cached database is never changed: proposals are written to a temporary copy, in a transaction
that is rolled back.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from benchmarks.keys import open_bench_database, raw_connect
from benchmarks.report import Result, median_ms, render
from simoncer_desktop.services import natural_graduation

QUARTER = "2026Q3"
TARGET_S = 10.0
RAW_READS = (
    "SELECT id, household_id, nik, name, birth_date, sex, education, in_school, pregnant, severe_disability, "
    "is_recipient, deceased, death_date FROM member WHERE deleted = 0",
    "SELECT id, scope, no_kk, recipient_name, desil, status FROM household WHERE deleted = 0",
    "SELECT household_id, assessed_on, welfare_class, score FROM assessment WHERE deleted = 0",
)


def results(path: Path, repeat: int = 3) -> list[Result]:
    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        copy = Path(folder) / "natural-graduation.sqlite3"
        shutil.copyfile(path, copy)
        db = open_bench_database(copy)
        views: list[natural_graduation.RunView] = []

        def ours() -> None:
            with db.read() as session:
                views.append(natural_graduation.propose(session, QUARTER, "benchmark"))
                session.rollback()

        conn = raw_connect(copy, read_only=True)

        def raw() -> None:
            for sql in RAW_READS:
                conn.execute(sql).fetchall()

        try:
            ours_s = median_ms(ours, repeat=repeat) / 1000
            raw_s = median_ms(raw, repeat=repeat) / 1000
        finally:
            conn.close()
            db.close()
    with raw_connect(path, read_only=True) as conn:
        active = conn.execute("SELECT count(*) FROM household WHERE deleted = 0 AND status = 'aktif'").fetchone()[0]
    view = views[-1]
    return [
        Result(
            f"natural graduation proposal {QUARTER}, {active:,} active families ({len(view.proposals):,} proposed)",
            ours_s,
            raw_s,
            "s",
            target=TARGET_S,
            baseline_name="raw sqlite3 fetch of the columns the proposal reads (no deciding, no writing)",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.natural_graduation")
    parser.add_argument("--db", required=True, type=Path, help="a cached data set (see benchmarks/dataset.py)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(render(results(args.db, args.repeat)))


if __name__ == "__main__":
    main()
