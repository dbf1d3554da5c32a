"""Sync at scale (issue 8, "Performance"): a new laptop's first sync of the whole caseload over HTTP on
loopback, 1,000 edits pushed by one device and pulled by another, bytes on the wire per field change, and the
peak memory of client and server — each beside a baseline measured in the same run.

    python -m benchmarks --only sync [--families 110000]
    python -m benchmarks.sync [--families 5000] [--central auto|postgresql|sqlite] [--seed-via bulk|push]
                              [--budget S] [--profile] [--keep]

1. The central database (PostgreSQL when the machine has its binaries, else SQLite: ``sync_central``) is
   seeded once per run, untimed, with the cached benchmark caseload as an office device of scope ``*`` pushes
   it: by default loaded in bulk in exactly the rows ``POST /sync/push`` writes for those ops
   (``sync_central.bulk_seed``; ``python -m benchmarks.sync_central --verify`` proves it equal to real
   pushes), or with ``--seed-via push`` by the office's real pushes over HTTP (slower: about 1,000 ops/s).
2. A fresh ``simoncer-central serve`` process serves the measured part. A new, empty laptop database is
   enrolled for ``*``, then another for the kecamatan with the most families; each runs its first sync in a
   process of its own (``sync_laptop``: ``enroll_device`` + ``sync_once``, timed from enrollment until the
   caseload is in the database). Baseline, the floor: the same rows read from the server's log in the same
   order and ``executemany``'d into an empty database of the same schema, in one process, no HTTP.
3. On the ``*`` laptop (A) 1,000 families of that kecamatan get a new phone number through
   ``caseload.update_household`` (untimed); then A's ``sync_once`` (the push) and the kecamatan laptop's (B)
   ``sync_once`` (the pull) are timed. Baseline: the same 1,000 UPDATEs by raw sqlite3 on a copy of B.
4. Bytes per field change: request + answer bodies of those two syncs, as sent (gzip), and uncompressed.
5. Peak memory: ``VmHWM`` of the first-sync process (baseline: the same process before syncing) and of the
   server process (baseline: the server idle after start).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from benchmarks import dataset
from benchmarks.keys import ENCRYPTION_NOTE, open_bench_database, raw_connect
from benchmarks.report import Result, render
from benchmarks.sync_central import (
    ROOT,
    CentralDatabase,
    CentralServer,
    bulk_seed,
    central_database,
    new_code,
    seed,
    temp_folder,
)
from benchmarks.sync_laptop import DEFAULT_BUDGET_S, CountingClient
from simoncer_central.models import Change
from simoncer_central.pull import scope_filter
from simoncer_central.store import open_central
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services import caseload
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, outbox, state

INITIAL_TARGET_S = 40.0
EDITS = 1000
EDITS_TARGET_S = 2.0
SERVER_COST_BUDGET_S = 60.0
POUCHDB_NOTE = (
    "PouchDB/CouchDB-style replication of the same caseload on this kind of machine: 54 s with its defaults, "
    "40 s with batches of 500; PouchDB pulls 1,000 edited documents in 0.65 s (issue 8)"
)


@dataclass(frozen=True)
class Laptop:
    path: Path
    scope: str
    figures: dict[str, Any]


def first_sync(
    template: Path,
    folder: Path,
    server: CentralServer,
    db_url: str,
    scope: str,
    name: str,
    profile: bool = False,
    budget_s: float = DEFAULT_BUDGET_S,
) -> Laptop:
    """A copy of the empty ``template`` enrolls for ``scope`` and syncs in its own process (under cProfile when
    ``profile``: the top functions are printed, and the time is then not comparable)."""
    path = folder / f"laptop-{name}.sqlite3"
    shutil.copyfile(template, path)
    code = new_code(db_url, scope, name)
    args = [sys.executable, "-m", "benchmarks.sync_laptop", "--db", str(path), "--server", server.url]
    args += ["--budget", str(budget_s)]
    stats = folder / f"{name}.pstats"
    if profile:
        args += ["--profile", str(stats)]
    done = subprocess.run(
        [*args, "--code", code, "--name", name], capture_output=True, text=True, cwd=ROOT, check=False, timeout=3600
    )
    if done.returncode != 0:
        raise RuntimeError(f"the first sync of {name} failed:\n{done.stderr[-3000:]}")
    if profile:
        import pstats

        pstats.Stats(str(stats)).sort_stats("cumulative").print_stats(30)
    return Laptop(path, scope, json.loads(done.stdout.strip().splitlines()[-1]))


def floor_copy(db_url: str, scope: str, template: Path, target: Path) -> tuple[float, int]:
    """The floor of a first sync: the server's log rows of ``scope`` read in ``seq`` order and inserted with
    ``executemany`` into a copy of the empty ``template`` (same schema, indexes and triggers; capture off as
    while applying pulled pages). Seconds (read + decode + insert + commit) and rows."""
    shutil.copyfile(template, target)
    central = open_central(db_url)
    dst = raw_connect(target)
    try:
        start = time.perf_counter()
        query = select(Change.tbl, Change.row_id, Change.fields).order_by(Change.seq)
        condition = scope_filter(scope)
        if condition is not None:
            query = query.where(condition)
        with central.engine.connect() as conn:
            rows = conn.execute(query).all()
        now = time.strftime("%Y-%m-%d %H:%M:%S.000000", time.gmtime())
        groups: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = defaultdict(list)
        for tbl, row_id, fields in rows:
            values = json.loads(fields)
            groups[(tbl, tuple(values))].append((row_id, *values.values(), now, now))
        with dst:
            dst.execute("UPDATE sync_clock SET applying = 1 WHERE id = 1")
            for (tbl, columns), values in groups.items():  # first-seen order: parents before children
                names = ", ".join(f'"{c}"' for c in ("id", *columns, "created_at", "updated_at"))
                marks = ", ".join("?" * (len(columns) + 3))
                dst.executemany(f'INSERT OR IGNORE INTO "{tbl}" ({names}) VALUES ({marks})', values)
            dst.execute("UPDATE sync_clock SET applying = 0 WHERE id = 1")
        return time.perf_counter() - start, len(rows)
    finally:
        dst.close()
        central.close()
        target.unlink(missing_ok=True)


def server_snapshot_cost(db_url: str, scope: str) -> dict[str, float] | None:
    """What the server spends on a first sync's snapshot, measured in-process on the same database: the
    ``snapshot.snapshot`` pages (queries and row assembly), JSON rendering and gzip (level 6, as the app's
    middleware); only the first pages (``partial``) when that takes over ``SERVER_COST_BUDGET_S``. ``None``
    when this server has no snapshot."""
    try:
        from simoncer_central import snapshot
    except ImportError:
        return None
    import gzip

    central = open_central(db_url)
    cost = {"query_s": 0.0, "json_s": 0.0, "gzip_s": 0.0, "pages": 0.0, "rows": 0.0}
    page_size = getattr(engine, "SNAPSHOT_PAGE", snapshot.DEFAULT_LIMIT)
    try:
        after, seq = None, None
        while True:
            start = time.perf_counter()
            with central.transaction() as session:
                page = snapshot.snapshot(session, scope, after, page_size, seq)
            queried = time.perf_counter()
            if isinstance(page, dict):  # a snapshot returning the page as a dict, rendered by JSONResponse
                body = json.dumps(page, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            else:  # a Page the module renders itself (values kept as the JSON text they are stored as)
                body = snapshot.render(page, 0)
                page = {name: getattr(page, name) for name in ("items", "has_more", "next_after", "snapshot_seq")}
            rendered = time.perf_counter()
            gzip.compress(body, compresslevel=6)
            cost["gzip_s"] += time.perf_counter() - rendered
            cost["json_s"] += rendered - queried
            cost["query_s"] += queried - start
            cost["pages"] += 1
            cost["rows"] += len(page["items"])
            if not page["has_more"]:
                return cost
            if cost["query_s"] + cost["json_s"] + cost["gzip_s"] > SERVER_COST_BUDGET_S:
                cost["partial"] = 1.0
                return cost
            after, seq = page["next_after"], page["snapshot_seq"]
    finally:
        central.close()


def breakdown(figures: dict[str, Any], server: dict[str, float] | None) -> str:
    """Where a first sync's time went."""
    trips = figures.get("round_trip_s", {})
    http = sum(trips.values())
    parts = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in sorted(trips.items(), key=lambda i: -i[1]))
    text_ = (
        f"{figures['seconds']:.1f} s, of which HTTP round trips {http:.1f} s ({parts}; sync_once fetches the next "
        f"snapshot page while it applies one, so these overlap the applying) and {figures['seconds'] - http:.1f} s "
        "outside any request (applying and bookkeeping not overlapped)"
    )
    if server is not None:
        part = "the first " if server.get("partial") else ""
        text_ += (
            f"; the server's snapshot work measured in-process afterwards on {part}{server['pages']:.0f} pages "
            f"({server['rows']:,.0f} rows): queries and row assembly {server['query_s']:.1f} s, JSON "
            f"{server['json_s']:.1f} s, gzip {server['gzip_s']:.1f} s (the rest of the round trips is transfer, the "
            "HTTP layers and the client's decoding)"
        )
    if not figures["finished"]:
        text_ += f"; STOPPED at the {figures['budget_s']:.0f} s budget after {figures['progress']}"
    return text_


def largest_kecamatan(path: Path) -> tuple[str, int]:
    conn = raw_connect(path, read_only=True)
    try:
        scope, count = conn.execute(
            "SELECT scope, count(*) FROM household WHERE NOT deleted GROUP BY scope ORDER BY count(*) DESC, scope "
            "LIMIT 1"
        ).fetchone()
        return str(scope), int(count)
    finally:
        conn.close()


def edit_phones(db: Database, scope: str, count: int) -> list[tuple[str, str]]:
    """``count`` families of ``scope`` get a new phone number through the caseload service (one field each);
    the (id, phone) pairs written."""
    with db.read() as session:
        ids = list(
            session.execute(
                text("SELECT id FROM household WHERE scope = :s AND NOT deleted ORDER BY id LIMIT :n"),
                {"s": scope, "n": count * 2},
            ).scalars()
        )
    edited: list[tuple[str, str]] = []
    with db.transaction() as session:
        for household_id in ids:
            phone = f"0819{len(edited):08d}"
            data = caseload.get_household(session, household_id).to_input()
            try:
                caseload.update_household(session, household_id, dataclasses.replace(data, phone=phone))
            except SimoncerError:  # a synthetic family the validator refuses (nothing written): take the next
                continue
            edited.append((household_id, phone))
            if len(edited) == count:
                break
    if len(edited) < count:
        raise RuntimeError(f"only {len(edited)} families of {scope} could be edited")
    return edited


def arrived_edits(db: Database, edits: list[tuple[str, str]]) -> int:
    """How many of the (id, phone) edits ``db`` holds."""
    wanted = dict(edits)
    with db.read() as session:
        rows = session.execute(text("SELECT id, phone FROM household"))
        return sum(1 for household_id, phone in rows if household_id in wanted and wanted[household_id] == phone)


def pending_fields(db: Database) -> tuple[int, int]:
    """(pending ops, field changes they carry)."""
    with db.read() as session:
        ops = outbox.pending(session, 1_000_000)
    return len(ops), sum(len(op.fields) for op in ops)


def client_for(db: Database) -> CountingClient:
    with db.read() as session:
        current = state.load(session)
    assert current.server_url is not None and current.token is not None
    return CountingClient(current.server_url, current.token, timeout=600)


def raw_updates_seconds(path: Path, edits: list[tuple[str, str]]) -> float:
    """The same UPDATEs by raw sqlite3 (sqlcipher3, same key) on ``path``, capture off as when applying a pull."""
    conn = raw_connect(path)
    try:
        start = time.perf_counter()
        with conn:
            conn.execute("UPDATE sync_clock SET applying = 1 WHERE id = 1")
            conn.executemany("UPDATE household SET phone = ? WHERE id = ?", [(p, i) for i, p in edits])
            conn.execute("UPDATE sync_clock SET applying = 0 WHERE id = 1")
        return time.perf_counter() - start
    finally:
        conn.close()


@dataclass
class Edits:
    """The 1,000-edit figures."""

    seconds: float
    raw_s: float
    field_changes: int
    wire_push: tuple[int, int, int]
    wire_pull: tuple[int, int, int]
    note: str


def measure_edits(folder: Path, laptop_a: Laptop, laptop_b: Laptop, kecamatan: str) -> Edits:
    """A edits ``EDITS`` families of ``kecamatan`` through the service (untimed); A's and B's ``sync_once``
    timed; the same UPDATEs raw on a copy of B."""
    db_a = open_bench_database(laptop_a.path)
    db_b = open_bench_database(laptop_b.path)
    try:
        edits = edit_phones(db_a, kecamatan, EDITS)
        ops, field_changes = pending_fields(db_a)
        raw_copy = folder / "raw-updates.sqlite3"
        shutil.copyfile(laptop_b.path, raw_copy)
        with client_for(db_a) as client_a, client_for(db_b) as client_b:
            start = time.perf_counter()
            report_a = engine.sync_once(db_a, client_a)
            pushed_at = time.perf_counter()
            report_b = engine.sync_once(db_b, client_b)
            pulled_at = time.perf_counter()
        arrived = arrived_edits(db_b, edits)
    finally:
        db_a.close()
        db_b.close()
    raw_s = raw_updates_seconds(raw_copy, edits)
    if report_a.applied != ops or arrived != EDITS:
        notices = [f"{n.kind}: {n.message}" for n in report_a.notices[:3]]
        raise RuntimeError(
            f"edits did not arrive: {report_a.applied}/{ops} ops applied by the server, B has {arrived}/{EDITS} "
            f"({notices})"
        )
    trips_a, trips_b = client_a.round_trip_s, client_b.round_trip_s
    a_s, b_s = pushed_at - start, pulled_at - pushed_at
    note = (
        f"{EDITS:,} edits ({ops:,} ops, {field_changes:,} field changes): A {a_s:.2f} s (push round trip "
        f"{trips_a.get('push', 0):.2f} s, pulling its {report_a.pulled:,} changes back "
        f"{trips_a.get('pull', 0):.2f} s), "
        f"B {b_s:.2f} s (pull round trips {trips_b.get('pull', 0):.2f} s, {report_b.pulled:,} changes). Bytes: "
        "request + answer bodies; HTTP headers (~0.3 KB a request) not counted."
    )
    print(f"  {note}", flush=True)
    return Edits(pulled_at - start, raw_s, field_changes, client_a.wire(), client_b.wire(), note)


def results(
    families: int,
    seed_number: int = 1,
    backend: str = "auto",
    keep: bool = False,
    seed_via: str = "bulk",
    profile: bool = False,
    budget_s: float = DEFAULT_BUDGET_S,
) -> tuple[list[Result], list[str]]:
    """The table rows, and notes (the central database used, where the time went)."""
    data_path, _ = dataset.generate(families, seed_number, reuse=True)
    folder = temp_folder()
    central: CentralDatabase | None = None
    server: CentralServer | None = None
    edits: Edits | None = None
    try:
        central = central_database(folder, backend)
        print(f"Central database: {central.label}", flush=True)
        notes = [f"Central database: {central.label}; server (simoncer-central serve) and clients on loopback."]
        template = folder / "empty.sqlite3"
        open_bench_database(template).close()
        notes.append(seed_server(central, data_path, folder, seed_via))

        kecamatan, _families = largest_kecamatan(data_path)
        floor_all = floor_copy(central.url, "*", template, folder / "floor.sqlite3")
        floor_kec = floor_copy(central.url, kecamatan, template, folder / "floor.sqlite3")

        server = CentralServer(central.url, folder / "server.log").start()
        server_idle_kb = server.vmhwm_kb()
        print("First sync of a new laptop enrolled for * (own process)…", flush=True)
        laptop_a = first_sync(template, folder, server, central.url, "*", "laptop-dinsos", profile, budget_s)
        print(f"  {_summary(laptop_a.figures)}", flush=True)
        notes.append(f"First sync for *: {breakdown(laptop_a.figures, server_snapshot_cost(central.url, '*'))}.")
        print(f"First sync of a new laptop enrolled for kecamatan {kecamatan}…", flush=True)
        laptop_b = first_sync(template, folder, server, central.url, kecamatan, "laptop-kecamatan", False, budget_s)
        print(f"  {_summary(laptop_b.figures)}", flush=True)
        notes.append(f"First sync for {kecamatan}: {breakdown(laptop_b.figures, None)}.")

        if laptop_a.figures["finished"] and laptop_b.figures["finished"]:
            print(f"{EDITS:,} edits on laptop A through the caseload service (untimed); A pushes, B pulls…", flush=True)
            edits = measure_edits(folder, laptop_a, laptop_b, kecamatan)
            notes.append(edits.note)
        else:
            notes.append(f"The {EDITS:,}-edit figures were not measured: a first sync was stopped at its budget.")
        server_kb = server.vmhwm_kb()
    finally:
        if server is not None:
            server.stop()
        if central is not None:
            central.close()
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"Work files kept in {folder}", flush=True)

    fa, fb = laptop_a.figures, laptop_b.figures
    rows = [
        Result(
            f"first sync, new laptop for * : {_first_sync_label(fa)}",
            fa["seconds"],
            floor_all[0],
            "s",
            target=INITIAL_TARGET_S,
            baseline_name=f"floor: the same {floor_all[1]:,} log rows read and executemany'd into an empty database, "
            "one process, no HTTP",
        ),
        Result(
            f"first sync, new laptop for kecamatan {kecamatan}: {_first_sync_label(fb)}",
            fb["seconds"],
            floor_kec[0],
            "s",
            target=INITIAL_TARGET_S,
            baseline_name=f"floor: the same {floor_kec[1]:,} log rows, bulk copy",
        ),
    ]
    if edits is not None:
        rows += edit_rows(edits)
    rows += [
        Result(
            "peak memory (VmHWM) of the first-sync client process, laptop for *",
            fa["vmhwm_kb"] / 1024,
            fa["vmhwm_before_kb"] / 1024,
            "MB",
            baseline_name="the same process before syncing (imports, empty database open)",
        ),
        Result(
            "peak memory (VmHWM) of the server process (uvicorn) over both first syncs and the edits",
            server_kb / 1024,
            server_idle_kb / 1024,
            "MB",
            baseline_name="the server process idle after start",
        ),
    ]
    return rows, notes


def seed_server(central: CentralDatabase, data_path: Path, folder: Path, seed_via: str) -> str:
    """Seed the central database (untimed); the note saying how."""
    if seed_via == "push":
        seeding = CentralServer(central.url, folder / "seed-server.log").start()
        try:
            print("Seeding the server: the office device (scope *) pushes the caseload (untimed)…", flush=True)
            seeded = seed(data_path, folder, central.url, seeding.url)
        finally:
            seeding.stop()
    else:
        print("Seeding the server in bulk, as the office's push of the caseload writes it (untimed)…", flush=True)
        seeded = bulk_seed(data_path, folder, central.url)
    print(f"  {seeded.ops:,} ops in {seeded.seconds:.1f} s ({seeded.statuses})", flush=True)
    how = "the office device's pushes" if seed_via == "push" else "a bulk load in the shape push writes"
    return (
        f"Server seeded (untimed, {seeded.seconds:.0f} s) with {seeded.ops:,} insert ops of the office (scope *) "
        f"by {how}."
    )


def edit_rows(edits: Edits) -> list[Result]:
    fields = edits.field_changes
    return [
        Result(
            f"{EDITS:,} edits: A sync_once (push) + B sync_once (pull), {fields:,} field changes",
            edits.seconds,
            edits.raw_s,
            "s",
            target=EDITS_TARGET_S,
            baseline_name="the same 1,000 UPDATEs by raw sqlite3 on a copy of B",
        ),
        Result(
            f"bytes per field change, push (A's requests + answers, {edits.wire_push[2]} requests, bodies, gzip)",
            edits.wire_push[0] / fields,
            edits.wire_push[1] / fields,
            "B",
            baseline_name="the same JSON bodies uncompressed (ratio = gzip's)",
        ),
        Result(
            f"bytes per field change, pull (B's requests + answers, {edits.wire_pull[2]} requests, bodies, gzip)",
            edits.wire_pull[0] / fields,
            edits.wire_pull[1] / fields,
            "B",
            baseline_name="the same JSON bodies uncompressed (ratio = gzip's)",
        ),
    ]


def _first_sync_label(figures: dict[str, Any]) -> str:
    rows = figures["rows"]
    label = (
        f"{rows['household']:,} families / {rows['member']:,} members ({figures['requests']} requests, "
        f"{_mb(figures['bytes_received'])} received)"
    )
    if not figures["finished"]:
        label = f"STOPPED at the {figures['budget_s']:.0f} s budget, had {label}"
    return label


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"


def _summary(figures: dict[str, Any]) -> str:
    rows = figures["rows"]
    stopped = "" if figures["finished"] else f"STOPPED at the budget ({figures['progress']}); "
    return (
        f"{stopped}{figures['seconds']:.1f} s (enroll {figures['enroll_s']:.2f} s); {figures['pulled']:,} changes "
        f"({figures['snapshot_rows']:,} by snapshot), {rows['household']:,} families / {rows['member']:,} members, "
        f"{figures['unapplied']} unapplied, {figures['requests']} requests, {_mb(figures['bytes_received'])} "
        f"received, VmHWM {figures['vmhwm_kb'] / 1024:.0f} MB"
    )


def render_sync(rows: list[Result], notes: list[str]) -> str:
    return "\n".join([render(rows), *notes, f"Reference: {POUCHDB_NOTE}."])


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sync")
    parser.add_argument("--families", type=int, default=110_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--central", choices=("auto", "postgresql", "sqlite"), default="auto")
    parser.add_argument(
        "--seed-via",
        choices=("bulk", "push"),
        default="bulk",
        help="how the server gets the caseload: bulk load in push's shape (default) or the office's real pushes",
    )
    parser.add_argument(
        "--budget", type=float, default=DEFAULT_BUDGET_S, help="stop a first sync after this many seconds"
    )
    parser.add_argument(
        "--profile", action="store_true", help="run the first sync for * under cProfile and print its top functions"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work files (databases, server logs)")
    args = parser.parse_args()
    print(f"Data set: {args.families:,} families, seed {args.seed}; {ENCRYPTION_NOTE}", flush=True)
    rows, notes = results(args.families, args.seed, args.central, args.keep, args.seed_via, args.profile, args.budget)
    print()
    print(render_sync(rows, notes))


if __name__ == "__main__":
    main()
