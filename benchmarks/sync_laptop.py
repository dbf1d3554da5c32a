"""A new laptop's first sync, in a process of its own so its peak memory (``VmHWM``) is its own.

    python -m benchmarks.sync_laptop --db NEW.sqlite3 --server URL --code CODE --name NAME [--budget S] [--profile FILE]

``--db`` is a new, empty database (schema at head, no caseload). Timed: enrollment (``enroll_device``, what
``simoncer-cli sync --enroll`` and the Sinkronisasi page call) and the first ``sync_once`` (which takes the
snapshot path for a device that never pulled, when the server offers it) up to the caseload being in the
database. Prints one JSON object: the times, the counts of the sync report, bytes on the wire (request and
answer bodies as sent, gzip), requests, ``VmHWM`` before and after, and the rows now in the database.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from benchmarks.keys import open_bench_database
from benchmarks.sync_central import vmhwm_kb
from simoncer_desktop.sync import engine
from simoncer_desktop.sync.client import SyncClient
from simoncer_desktop.sync.enrollment import enroll_device


class CountingClient(SyncClient):
    """A ``SyncClient`` that also counts the JSON bodies uncompressed (both ways) and the time spent in HTTP
    round trips per endpoint (server work, transfer, gzip and JSON decoding on this side); ``bytes_sent`` and
    ``bytes_received`` already count the bodies as they crossed the wire (gzip)."""

    def __init__(self, *args: Any, count_plain: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.count_plain = count_plain
        """Re-render the bodies to count them uncompressed (costs time: off where the sync is timed)."""
        self.plain_sent = 0
        self.plain_received = 0
        self.round_trip_s: dict[str, float] = {}

    def _call(self, method: str, path: str, payload: Any = None, **kwargs: Any) -> Any:
        start = time.perf_counter()
        answer = super()._call(method, path, payload, **kwargs)
        endpoint = path.split("?", 1)[0].rsplit("/", 1)[-1]
        self.round_trip_s[endpoint] = self.round_trip_s.get(endpoint, 0.0) + time.perf_counter() - start
        if self.count_plain and payload is not None:
            self.plain_sent += len(_json_bytes(payload))
        if self.count_plain and answer.body is not None:  # the server renders JSON compactly, as _json_bytes does
            self.plain_received += len(_json_bytes(answer.body))
        return answer

    def wire(self) -> tuple[int, int, int]:
        """(compressed bytes both ways, uncompressed bytes both ways, requests)."""
        return self.bytes_sent + self.bytes_received, self.plain_sent + self.plain_received, self.requests


DEFAULT_BUDGET_S = 900.0
"""A first sync still running after this long is stopped (reported as not finished)."""


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def first_sync(path: Path, server: str, code: str, name: str, budget_s: float = DEFAULT_BUDGET_S) -> dict[str, Any]:
    """Enroll and sync once; stopped through ``sync_once``'s ``cancel`` when it takes longer than ``budget_s``
    (then ``finished`` is false and the rows are those applied so far)."""
    db = open_bench_database(path)
    done_rows: dict[str, int] = {}
    finished = True
    try:
        before_kb = vmhwm_kb_self()
        with CountingClient(server, timeout=600, count_plain=False) as client:
            start = time.perf_counter()
            enrolled = enroll_device(db, client, code, name)
            enrolled_at = time.perf_counter()

            def progress(phase: str, done: int, _total: int) -> None:
                done_rows[phase] = done

            def over_budget() -> bool:
                return time.perf_counter() - start > budget_s

            try:
                report = engine.sync_once(db, client, progress=progress, cancel=over_budget)
            except engine.SyncCancelled:
                finished = False
                report = engine.SyncReport()
            done = time.perf_counter()
            requests, sent, received = client.requests, client.bytes_sent, client.bytes_received
        with db.read() as session:
            rows = {
                table: int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
                for table in ("household", "member", "facilitator")
            }
    finally:
        db.close()
    return {
        "finished": finished,
        "budget_s": budget_s,
        "progress": done_rows,
        "scope": enrolled.scope,
        "seconds": done - start,
        "enroll_s": enrolled_at - start,
        "sync_s": done - enrolled_at,
        "pulled": report.pulled,
        "snapshot_rows": getattr(report, "snapshot_rows", 0),
        "pages": report.pages,
        "inserted": report.inserted,
        "updated": report.updated,
        "unapplied": report.unapplied,
        "pushed": report.pushed,
        "notices": [f"{n.kind} {n.tbl} {n.message}"[:200] for n in report.notices[:5]],
        "round_trip_s": client.round_trip_s,
        "requests": requests,
        "bytes_sent": sent,
        "bytes_received": received,
        "vmhwm_before_kb": before_kb,
        "vmhwm_kb": vmhwm_kb_self(),
        "rows": rows,
    }


def vmhwm_kb_self() -> int:
    return vmhwm_kb(os.getpid())


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sync_laptop")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--server", required=True)
    parser.add_argument("--code", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET_S, help="stop the sync after this many s")
    parser.add_argument("--profile", type=Path, help="write cProfile statistics of the run to this file")
    args = parser.parse_args()
    if args.profile is None:
        print(json.dumps(first_sync(args.db, args.server, args.code, args.name, args.budget)))
        return
    import cProfile

    profiler = cProfile.Profile()
    figures = profiler.runcall(first_sync, args.db, args.server, args.code, args.name, args.budget)
    profiler.dump_stats(str(args.profile))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
