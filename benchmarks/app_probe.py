"""Runs in its own process (so memory is the app's alone): the real main window over a database,
then the figures an operator feels — keystroke to painted table, Enter to open family dialog, scrolling
the whole list — and the process memory at the end. ``--baseline`` shows an empty QMainWindow instead.
Prints one JSON object."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import psutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1_048_576


def baseline() -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    return {"rss_mb": _rss_mb()}


def probe(db_path: Path, queries: list[str]) -> dict:
    from PySide6.QtWidgets import QApplication

    from benchmarks.keys import open_bench_database
    from simoncer_desktop.ui.app import create_application
    from simoncer_desktop.ui.main_window import MainWindow

    app = create_application()
    db = open_bench_database(db_path)
    window = MainWindow(db)
    window.show()
    window.show_page(1)
    QApplication.processEvents()
    page = window.caseload_page
    table = page.table

    keystroke: dict[str, float] = {}
    for text in queries:
        samples = []
        for _ in range(5):
            page.search_edit.blockSignals(True)
            page.search_edit.setText("")
            page.search_edit.blockSignals(False)
            page.apply_filter()
            table.viewport().repaint()
            page.search_edit.blockSignals(True)
            page.search_edit.setText(text)
            page.search_edit.blockSignals(False)
            start = time.perf_counter()
            page.apply_filter()  # what the debounce timer calls after the last keystroke
            table.viewport().repaint()
            samples.append((time.perf_counter() - start) * 1000)
        keystroke[text] = statistics.median(samples)

    page.reset_filters()
    QApplication.processEvents()
    model = page.model
    open_ms = []
    for row in range(0, model.rowCount(), max(1, model.rowCount() // 15))[:15]:
        household_id = model.household_id(row)
        start = time.perf_counter()
        page.open_household(household_id)
        dialog = page.dialog
        dialog.repaint()
        open_ms.append((time.perf_counter() - start) * 1000)
        dialog.reject()
        QApplication.processEvents()

    rows = model.rowCount()
    visible = max(1, table.viewport().height() // max(1, table.verticalHeader().defaultSectionSize()))
    peak_cached = 0
    start = time.perf_counter()
    step = visible * 4  # a scroll-bar drag skips rows; every fourth screenful is painted
    for row in range(0, rows, step):
        table.scrollTo(model.index(row, 0))
        table.viewport().repaint()
        peak_cached = max(peak_cached, model.cached_row_count)
    table.scrollToBottom()
    table.viewport().repaint()
    scroll_s = time.perf_counter() - start
    peak_cached = max(peak_cached, model.cached_row_count)
    result = {
        "keystroke_ms": keystroke,
        "open_family_ms": statistics.median(open_ms),
        "rows": rows,
        "scroll_s": scroll_s,
        "scroll_peak_cached_rows": peak_cached,
        "cache_bound_rows": model.page_size * model.max_pages,
        "rss_mb": _rss_mb(),
    }
    window.close()
    db.close()
    app.quit()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--query", action="append", default=[])
    args = parser.parse_args()
    out = baseline() if args.baseline else probe(args.db, args.query)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
