"""The Wali Kota recap at scale: ``build_recap`` + ``write_recap`` for the whole city on a copy of the
cached 110,000-family caseload with the graduation benchmark's synthetic proposals, decisions and
enrollments and the demo flood (5,000 victims, rice handed to a third of the families), against a raw
sqlite3 read of the columns the recap's biggest pass needs (every active family's living members, for
the PKH components), measured in the same run. Target: < 10 s.

    python -m benchmarks.recap --db benchmarks/.cache/caseload-110000-s1-….sqlite3

The cached database is never changed: everything goes into a temporary copy.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.graduation_targets import YEAR, insert_programme_data
from benchmarks.keys import open_bench_database, raw_connect
from benchmarks.report import Result, render
from simoncer_desktop.services import demo_relief

TARGET_S = 10.0
RAW_MEMBERS = (
    "SELECT h.id, h.kelurahan_code, h.facilitator_id, h.welfare_class, m.birth_date, m.sex, m.education, "
    "m.in_school, m.pregnant, m.severe_disability, m.deceased "
    "FROM household h JOIN member m ON m.household_id = h.id "
    "WHERE h.status = 'aktif' AND h.deleted = 0 AND m.deleted = 0"
)


def _raw_seconds(path: Path) -> tuple[float, int]:
    conn = raw_connect(path)
    try:
        start = time.perf_counter()
        rows = conn.execute(RAW_MEMBERS).fetchall()
        return time.perf_counter() - start, len(rows)
    finally:
        conn.close()


def results(caseload: Path) -> list[Result]:
    from simoncer_desktop.reports.excel.recap_workbook import write_recap
    from simoncer_desktop.services.recap import build_recap, parse_period

    with tempfile.TemporaryDirectory(prefix="simoncer-recap-") as tmp:
        path = Path(tmp) / "recap.sqlite3"
        shutil.copyfile(caseload, path)
        insert_programme_data(path)
        db = open_bench_database(path)
        with db.transaction() as session:
            event_id = demo_relief.generate(session, victims=5_000, seed=1).event_id
            demo_relief.with_aid(session, event_id, demo_relief.DEMO_DAY)
        out = Path(tmp) / "rekap.xlsx"
        timings = []
        for _ in range(2):
            start = time.perf_counter()
            with db.read() as session:
                recap = build_recap(session, parse_period(str(YEAR)))
            write_recap(recap, out)
            timings.append(time.perf_counter() - start)
        db.close()
        size_mb = out.stat().st_size / 1_000_000
        raw, members = _raw_seconds(path)
    families = recap.city.active_families
    return [
        Result(
            f"recap {YEAR} for the Wali Kota: {families:,} active families, {members:,} members (build + .xlsx)",
            min(timings),
            raw,
            "s",
            target=TARGET_S,
            baseline_name="raw sqlite3 read of the active families' members (no components, no writing)",
        ),
        Result(f"recap {YEAR}: workbook size", size_mb, None, "MB"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.recap")
    parser.add_argument("--db", type=Path, required=True, help="the cached caseload database (copied, not changed)")
    args = parser.parse_args()
    print(render(results(args.db)))


if __name__ == "__main__":
    main()
