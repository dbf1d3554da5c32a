"""``make bench``: the caseload at scale (default 110,000 families). Prints a table of our figures beside
baselines measured in the same run.

    python -m benchmarks [--families 110000] [--seed 1] [--reuse] [--only login|encryption|sync]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import (
    data_quality,
    dataset,
    encryption,
    graduation_report,
    graduation_targets,
    login,
    natural_graduation,
    recap,
    relief,
    search,
    spreadsheet,
    sync,
)
from benchmarks.keys import BENCH_ADMIN, BENCH_PASSWORD, ENCRYPTION_NOTE, ensure_login, open_bench_database
from benchmarks.report import Result, render

ROOT = Path(__file__).resolve().parent.parent
ONLY = ("login", "encryption", "sync")
"""Benchmarks ``--only`` runs alone."""
EMPTY_WINDOW = (
    "import sys; from PySide6.QtWidgets import QApplication, QMainWindow; app = QApplication(sys.argv); "
    "w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents(); print('ready', flush=True)"
)


def _run_child(args: list[str]) -> tuple[float, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SIMONCER_PASSWORD": BENCH_PASSWORD}
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, check=True, timeout=1200)
    return time.perf_counter() - start, done.stdout


def startup(path: Path) -> Result:
    """Process launch → main window shown with the first page of the caseload table loaded."""
    ensure_login(path)
    app = [sys.executable, "-m", "simoncer_desktop", "--db", str(path), "--quit-after-ready"]
    ours = [_run_child([*app, "--user", BENCH_ADMIN.username])[0] for _ in range(3)]
    base = [_run_child([sys.executable, "-c", EMPTY_WINDOW])[0] for _ in range(3)]
    return Result(
        "start-up to usable window",
        statistics.median(ours),
        statistics.median(base),
        "s",
        target=2.0,
        baseline_name="python + PySide6 showing an empty QMainWindow",
    )


def app_figures(db_path: Path, queries: dict[str, str], raw_ms: dict[str, float]) -> list[Result]:
    args = [sys.executable, "-m", "benchmarks.app_probe", "--db", str(db_path)]
    for text in queries.values():
        args += ["--query", text]
    probe = json.loads(_run_child(args)[1])
    base = json.loads(_run_child([sys.executable, "-m", "benchmarks.app_probe", "--baseline"])[1])
    results = [
        Result(
            f"search keystroke → table painted: {label} ({text!r})",
            probe["keystroke_ms"][text],
            raw_ms[label],
            "ms",
            target=50.0,
            baseline_name="the same SQL run raw in sqlite3",
        )
        for label, text in queries.items()
    ]
    results.append(Result("open a family: Enter → dialog painted", probe["open_family_ms"], None, "ms", target=100.0))
    results.append(
        Result(
            f"scroll all {probe['rows']:,} rows: rows held at most",
            probe["scroll_peak_cached_rows"],
            probe["rows"],
            "rows",
            baseline_name="all rows of the table",
        )
    )
    results.append(Result("scroll the whole table (every 4th screenful painted)", probe["scroll_s"], None, "s"))
    results.append(
        Result(
            "app memory (RSS) after all of the above",
            probe["rss_mb"],
            base["rss_mb"],
            "MB",
            target=400.0,
            baseline_name="python + PySide6 with an empty QMainWindow",
        )
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--families", type=int, default=110_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="reuse a cached data set (skips the generation figure)")
    parser.add_argument("--only", choices=ONLY, help="run one benchmark alone on the (cached) data set")
    args = parser.parse_args()
    if args.only:
        run_only(args.only, args.families, args.seed)
        return

    print(f"Data set: {args.families:,} families, seed {args.seed}; {ENCRYPTION_NOTE}", flush=True)
    path, results = dataset.generate(args.families, args.seed, args.reuse)
    db = open_bench_database(path)
    filters = search.sample_queries(db)
    texts = {label: f.text for label, f in filters.items() if not (f.kecamatan or f.desil)}
    raw_ms = {label: search.raw_search_ms(path, search.raw_sql(db, filters[label])) for label in texts}
    for label, f in filters.items():
        results.append(
            Result(
                f"search service: {label}",
                search.service_search_ms(db, f),
                search.raw_search_ms(path, search.raw_sql(db, f)),
                "ms",
                target=50.0,
                baseline_name="the same SQL run raw in sqlite3",
            )
        )
    results += search.open_family_results(db, path)
    print("Data quality check (ours, then a raw read of the same columns)…", flush=True)
    results += data_quality.results(db, path)
    print("Natural graduation proposal (ours, then a raw read of the same columns)…", flush=True)
    results += natural_graduation.results(path)
    print("Graduation targets dashboard (ours, then the same GROUP BY queries raw)…", flush=True)
    results += graduation_targets.results(path)
    db.close()
    print(f"Login ({login.parameters_note()}; sign_in, unwrap alone, wrong password)…", flush=True)
    results += login.results(path)
    print("Encryption cost: the caseload services on a plain copy, then on the encrypted file…", flush=True)
    costs = encryption.compare(path)
    results += encryption.results(costs)
    print("Graduation report PDF, 750 families (ours, then plain reportlab drawing the same pages)…", flush=True)
    results += graduation_report.results()
    print("Disaster relief, 5,000 victims in one event (ours, then raw sqlite3 / reportlab / openpyxl)…", flush=True)
    results += relief.results(path)
    print("Recap for the Wali Kota (ours, then a raw read of the active families' members)…", flush=True)
    results += recap.results(path)
    print("Export to .xlsx (ours, then raw openpyxl on the same cells)…", flush=True)
    results += spreadsheet.export_results(path)
    print("Import of that workbook (ours, then openpyxl read-only merely reading it)…", flush=True)
    results += spreadsheet.import_results(path, _run_child)
    results.append(startup(path))
    results += app_figures(path, texts, raw_ms)
    print("Sync: a new laptop's first sync over loopback HTTP, 1,000 edits pushed and pulled…", flush=True)
    sync_results, sync_notes = sync.results(args.families, args.seed)
    print()
    print(render(results))
    print()
    print(encryption.render(costs))
    print()
    print(sync.render_sync(sync_results, sync_notes))


def run_only(name: str, families: int, seed: int) -> None:
    """``--only NAME``: one benchmark, on the cached data set (made first if there is none)."""
    print(f"Data set: {families:,} families, seed {seed}; {ENCRYPTION_NOTE}", flush=True)
    path, _ = dataset.generate(families, seed, reuse=True)
    if name == "login":
        print(render(login.results(path)))
    elif name == "sync":
        table = sync.render_sync(*sync.results(families, seed))
        print(f"\n{table}")
    else:
        print(encryption.render(encryption.compare(path)))


if __name__ == "__main__":
    main()
