"""The central side of the sync benchmark: which database it runs on, the ``simoncer-central serve`` process,
and the office device that seeds it.

PostgreSQL when the machine has its binaries (the throwaway cluster of ``tests/pg.py``: loopback, fsync off),
else the embedded SQLite default. The server always runs as its own process (``python -m simoncer_central.cli
serve``, uvicorn), so its memory (``VmHWM``) and CPU are its own.

The server holds what a real office puts there: a device enrolled for ``*`` whose database holds the caseload
pushes its outbox. The benchmark data set is written with capture off (demo data is never queued), so the
office's outbox is first filled the way migration 0006 fills it for a database that existed before capture:
one ``insert`` op per row (``capture.backfill_sql``), parents first, all stamped with one HLC, the acting user
being the office administrator. Then either :func:`seed` pushes it through ``POST /sync/push`` (batches of
1,000, as ``sync_once`` sends them), or :func:`bulk_seed` writes the very rows push writes for those ops
straight into the server tables (COPY on PostgreSQL): minutes faster at 110,000 families, and
:func:`verify_seed` (``python -m benchmarks.sync_central --verify``) checks that both give the same server.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from benchmarks.keys import BENCH_ADMIN, ensure_login, open_bench_database
from simoncer_central import devices
from simoncer_central.store import open_central
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import Base
from simoncer_desktop.sync import capture, engine, hlc, outbox
from simoncer_desktop.sync.client import SyncClient
from simoncer_desktop.sync.enrollment import enroll_device

ROOT = Path(__file__).resolve().parent.parent
SERVER_START_S = 60.0


@dataclass
class CentralDatabase:
    """The central database for one benchmark run; ``close()`` stops a PostgreSQL cluster we started."""

    url: str
    label: str
    _pg: Any = None
    _folder: Path | None = None

    @property
    def is_postgresql(self) -> bool:
        return self.url.startswith("postgresql")

    def close(self) -> None:
        if self._pg is not None:
            self._pg.stop()
            shutil.rmtree(self._pg.root, ignore_errors=True)
            self._pg = None


def central_database(folder: Path, backend: str = "auto") -> CentralDatabase:
    """PostgreSQL (``tests/pg.py``'s throwaway cluster) unless ``backend`` is ``sqlite`` or no cluster can be
    started (then SQLite, saying why)."""
    if backend != "sqlite":
        try:
            from tests.pg import start_server

            pg = start_server()
        except (Exception, BaseException) as exc:  # pytest.skip/fail outcomes are BaseExceptions
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            if backend == "postgresql":
                raise RuntimeError(f"PostgreSQL requested but unavailable: {exc}") from exc
            print(f"PostgreSQL unavailable ({exc}); the central database is SQLite.", flush=True)
        else:
            url = pg.create_database()
            version = _pg_version(url)
            label = f"PostgreSQL {version} (throwaway cluster of tests/pg.py: loopback, fsync off)"
            return CentralDatabase(url, label, _pg=pg)
    path = folder / "central.sqlite3"
    return CentralDatabase(f"sqlite:///{path}", "SQLite (embedded default, WAL, synchronous=NORMAL)", _folder=folder)


def _pg_version(url: str) -> str:
    db = open_central(url)
    try:
        with db.engine.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar_one()).split()[0]
    finally:
        db.close()


def new_code(url: str, scope: str, name: str) -> str:
    """A one-time enrollment code (what ``simoncer-central enroll --scope SCOPE`` prints)."""
    db = open_central(url)
    try:
        db.upgrade()
        with db.transaction() as session:
            return devices.create_enrollment_code(session, scope, name)
    finally:
        db.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def vmhwm_kb(pid: int) -> int:
    """Peak resident set size of process ``pid`` (``VmHWM`` in ``/proc/PID/status``), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for process {pid}")


@dataclass
class CentralServer:
    """``simoncer-central serve`` on a free loopback port, in its own process."""

    db_url: str
    log_path: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    _log: Any = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> CentralServer:
        self.port = _free_port()
        self._log = self.log_path.open("ab")
        args = [sys.executable, "-m", "simoncer_central.cli", "serve", "--db", self.db_url, "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*args, "--log-level", "warning"], cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + SERVER_START_S
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"simoncer-central serve exited ({self.process.returncode}); see {self.log_path}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"simoncer-central serve did not listen within {SERVER_START_S:.0f} s") from None
                time.sleep(0.05)

    def vmhwm_kb(self) -> int:
        return vmhwm_kb(self.pid)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if self._log is not None:
            self._log.close()
            self._log = None


@dataclass(frozen=True)
class Seeded:
    ops: int
    statuses: dict[str, int]
    seconds: float
    """Outbox fill + enrollment + push, wall clock."""
    office_device: str


def synced_tables_in_order() -> list[str]:
    """Every captured table, parents before children (foreign keys), as the outbox must send them."""
    captured = capture.captured_columns()
    return [t.name for t in Base.metadata.sorted_tables if t.name in captured]


def fill_office_outbox(path: Path) -> int:
    """Queue one ``insert`` op per synced row of the office database (what migration 0006 does for rows that
    existed before capture), the acting user being the benchmark administrator; the number of ops."""
    db = open_bench_database(path)
    try:
        with db.transaction() as session:
            session.execute(text("DELETE FROM sync_outbox"))
            stamp = hlc.tick(session)
            columns = capture.captured_columns()
            for table in synced_tables_in_order():
                session.execute(text(capture.backfill_sql(table, columns[table], stamp)))
            outbox_columns = {c["name"] for c in inspect(session.connection()).get_columns("sync_outbox")}
            if "user_name" in outbox_columns:  # desktop schema 8: every op names its acting user
                session.execute(text("UPDATE sync_outbox SET user_name = :u"), {"u": BENCH_ADMIN.username})
            return outbox.count_pending(session)
    finally:
        db.close()


def seed(dataset: Path, folder: Path, db_url: str, server_url: str) -> Seeded:
    """Copy the cached caseload to an office device, enroll it for ``*`` and push its whole outbox."""
    start = time.perf_counter()
    office = folder / "office.sqlite3"
    shutil.copyfile(dataset, office)
    ensure_login(office)  # the office administrator 'benchmark' exists as a synced user
    ops = fill_office_outbox(office)
    db = open_bench_database(office)
    statuses: Counter[str] = Counter()
    try:
        with SyncClient(server_url, timeout=600) as client:
            enrolled = enroll_device(db, client, new_code(db_url, "*", "Kantor Dinsos"), "Kantor Dinsos")
            schema = engine.schema_number(db.migration.to_revision)
            after = 0
            while True:
                with db.read() as session:
                    batch = outbox.pending(session, engine.PUSH_BATCH, after_seq=after)
                if not batch:
                    break
                answer = client.push(enrolled.device_id, uuid7(), schema, [op.to_wire() for op in batch])
                statuses.update(r.status for r in answer.results)
                done = [r.op_id for r in answer.results if r.status in engine.ACKNOWLEDGED]
                with db.transaction() as session:
                    outbox.acknowledge(session, done)
                after = batch[-1].seq
    finally:
        db.close()
    if statuses.get("rejected"):
        raise RuntimeError(f"the office's seed push was partly rejected: {dict(statuses)}")
    return Seeded(ops, dict(statuses), time.perf_counter() - start, enrolled.device_id)


SEED_CHUNK = 20_000
"""Outbox ops read, turned into server rows and written per round of the bulk seed."""

SERVER_TABLES: dict[str, tuple[str, ...]] = {
    "change": ("seq", "tbl", "row_id", "scope", "old_scope", "fields", "hlc", "device_id", "user_name", "received_at"),
    "field_state": ("tbl", "row_id", "field", "value", "hlc", "device_id", "seq"),
    "row_scope": ("tbl", "row_id", "scope", "device_id"),
    "applied_op": ("device_id", "op_id", "result"),
}
"""The rows ``push.BatchApplier.write`` makes for an accepted insert of a row the server did not know."""


def bulk_seed(dataset: Path, folder: Path, db_url: str) -> Seeded:
    """The server tables loaded in bulk, in the shape ``POST /sync/push`` writes them for the office's insert ops
    (each one applied: a ``change`` with every field, a ``field_state`` per field pointing at it, the row's
    ``row_scope``, the op's ``applied_op`` answer): the same state as :func:`seed` reaches (``verify_seed``
    compares the two), minutes faster at 110,000 families. The office device is enrolled as for :func:`seed`."""
    start = time.perf_counter()
    office = folder / "office.sqlite3"
    shutil.copyfile(dataset, office)
    ensure_login(office)
    ops = fill_office_outbox(office)
    central = open_central(db_url)
    central.upgrade()
    office_db = open_bench_database(office)
    try:
        with central.transaction() as session:
            code = devices.create_enrollment_code(session, "*", "Kantor Dinsos")
        with central.transaction() as session:
            device, _token = devices.enroll(session, code, "Kantor Dinsos", None)
            device.schema_version = str(engine.schema_number(office_db.migration.to_revision))
        with office_db.transaction() as session:
            hlc.set_device(session, device.id)
        raw = central.engine.raw_connection()
        try:
            _bulk_write(raw, office_db, device.id, central.is_sqlite)
            raw.commit()
        finally:
            raw.close()
    finally:
        office_db.close()
        central.close()
    return Seeded(ops, {"applied": ops}, time.perf_counter() - start, device.id)


def _bulk_write(raw: Any, office_db: Any, device_id: str, is_sqlite: bool) -> None:
    now = devices.utcnow()
    received: Any = now.strftime("%Y-%m-%d %H:%M:%S.%f") if is_sqlite else now
    seq = 0
    after = 0
    cursor = raw.cursor()
    if is_sqlite:  # the central engine's connections run in autocommit (its own BEGIN IMMEDIATE per session)
        cursor.execute("BEGIN IMMEDIATE")
    while True:
        with office_db.read() as session:
            batch = outbox.pending(session, SEED_CHUNK, after_seq=after)
        if not batch:
            break
        after = batch[-1].seq
        rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in SERVER_TABLES}
        for op in batch:
            seq += 1
            scope = op.fields.get("scope")
            if not isinstance(scope, str):
                raise RuntimeError(f"{op.tbl} {op.row_id} has no scope: push would reject it")
            user = getattr(op, "user", None)
            rows["change"].append(
                (seq, op.tbl, op.row_id, scope, None, _dumps(op.fields), op.hlc, device_id, user, received)
            )
            rows["field_state"].extend(
                (op.tbl, op.row_id, name, _dumps(value), op.hlc, device_id, seq) for name, value in op.fields.items()
            )
            rows["row_scope"].append((op.tbl, op.row_id, scope, device_id))
            rows["applied_op"].append((device_id, op.op_id, _dumps({"op_id": op.op_id, "status": "applied"})))
        for table, columns in SERVER_TABLES.items():
            names = ", ".join(columns)
            if is_sqlite:
                marks = ", ".join("?" * len(columns))
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows[table])
            else:
                with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in rows[table]:
                        copy.write_row(row)
    if not is_sqlite:
        cursor.execute("SELECT setval(pg_get_serial_sequence('change', 'seq'), %s)", (max(seq, 1),))
        cursor.execute("ANALYZE")
    cursor.close()


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""``json.dumps(value, ensure_ascii=False, separators=(",", ":"))`` (push's ``dumps``) without building an
encoder per call: the bulk seed encodes ~10 million values at 110,000 families."""


def temp_folder() -> Path:
    """Work files next to the cached data set (same disk), removed by the caller."""
    base = ROOT / "benchmarks" / ".cache"
    base.mkdir(exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="sync-", dir=base))


def server_state(db_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """The seeded server's content without what differs between two seeds of the same data (device ids,
    HLCs, op ids, times): for :func:`verify_seed`."""
    queries = {
        "change": "SELECT tbl, row_id, scope, old_scope, fields, user_name FROM change ORDER BY seq",
        "field_state": "SELECT tbl, row_id, field, value FROM field_state ORDER BY tbl, row_id, field",
        "row_scope": "SELECT tbl, row_id, scope FROM row_scope ORDER BY tbl, row_id",
        "applied_op": "SELECT count(*), min(result LIKE '%\"applied\"%') FROM applied_op",
        "seq_matches": "SELECT count(*) FROM field_state f JOIN change c ON c.seq = f.seq AND c.row_id = f.row_id",
    }
    db = open_central(db_url)
    try:
        with db.engine.connect() as conn:
            return {name: [_same_user_id(tuple(r)) for r in conn.execute(text(sql))] for name, sql in queries.items()}
    finally:
        db.close()


def _same_user_id(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Each seed makes its own office administrator (a new random id, a new password hash): blank them."""
    if row and row[0] == "app_user":
        row = (row[0], "<admin>", *row[2:])
        if len(row) >= 5 and isinstance(row[4], str) and "password_hash" in row[4]:
            fields = json.loads(row[4])
            fields["password_hash"] = "<hash>"
            row = (*row[:4], _dumps(fields), *row[5:])
        if len(row) == 4 and row[2] == "password_hash":
            row = (*row[:3], "<hash>")
    return row


def verify_seed(families: int, seed_number: int = 1) -> None:
    """Seed one SQLite central by the office's real pushes over HTTP and another in bulk; they must hold the
    same rows (``python -m benchmarks.sync_central --verify --families 2000``)."""
    from benchmarks import dataset

    data_path, _ = dataset.generate(families, seed_number, reuse=True)
    folder = temp_folder()
    try:
        pushed_url = f"sqlite:///{folder / 'pushed.sqlite3'}"
        server = CentralServer(pushed_url, folder / "server.log").start()
        try:
            pushed = seed(data_path, folder, pushed_url, server.url)
        finally:
            server.stop()
        (folder / "bulk").mkdir()
        bulk_url = f"sqlite:///{folder / 'bulk' / 'central.sqlite3'}"
        bulk = bulk_seed(data_path, folder / "bulk", bulk_url)
        a, b = server_state(pushed_url), server_state(bulk_url)
        differ = [name for name in a if a[name] != b[name]]
        for name in a:
            same = a[name] == b[name]
            verdict = "same" if same else f"DIFFERENT, e.g. {list(set(a[name]) ^ set(b[name]))[:3]}"
            print(f"{name}: {len(a[name]):,} rows via push, {len(b[name]):,} in bulk: {verdict}")
        print(f"push {pushed.seconds:.1f} s, bulk {bulk.seconds:.1f} s for {pushed.ops:,} ops")
        if differ:
            raise SystemExit(f"the bulk seed differs from the pushed one in: {', '.join(differ)}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.sync_central")
    parser.add_argument("--verify", action="store_true", required=True)
    parser.add_argument("--families", type=int, default=2000)
    verify_seed(parser.parse_args().families)
