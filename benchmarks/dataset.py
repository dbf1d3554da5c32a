"""The 110,000-family data set: generation timed against raw sqlite3 inserts of the same rows."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from benchmarks.keys import open_bench_database, raw_connect
from benchmarks.report import Result
from simoncer_desktop.migrate import head_revision
from simoncer_desktop.services import demo_data

CACHE = Path(__file__).resolve().parent / ".cache"


def generate(families: int, seed: int, reuse: bool) -> tuple[Path, list[Result]]:
    """A database with ``families`` synthetic families. Generation is timed unless a cached copy is reused."""
    CACHE.mkdir(exist_ok=True)
    _forget_stale(_code_version())
    path = CACHE / f"caseload-{families}-s{seed}-{_code_version()}.sqlite3"
    if reuse and path.exists():
        return path, []
    for suffix in ("", "-wal", "-shm", ".keys"):  # a key file left from the old data set would lack its user
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    empty = CACHE / f"empty-{_code_version()}.sqlite3"
    if not empty.exists():
        open_bench_database(empty).close()
    shutil.copyfile(empty, path)
    db = open_bench_database(path)
    start = time.perf_counter()
    with db.transaction() as session:
        result = demo_data.generate(session, families=families, seed=seed, region="32.71")
    ours = time.perf_counter() - start
    db.close()
    baseline = _raw_insert_seconds(path, empty)
    return path, [
        Result(
            f"demo-data {result.families:,} families / {result.members:,} members",
            ours,
            baseline,
            "s",
            target=60.0,
            baseline_name="raw sqlite3 executemany of the same rows into the same schema",
        )
    ]


def _forget_stale(version: str) -> None:
    """Data sets of older code are never reused; at ~300 MB each they are removed."""
    for stale in [*CACHE.glob("caseload-*"), *CACHE.glob("empty-*")]:
        if version not in stale.name:
            stale.unlink(missing_ok=True)


def _code_version() -> str:
    """Changes whenever the schema or the generator changes, so a stale cached data set is never reused."""
    digest = hashlib.sha256(f"{head_revision()}:sqlcipher".encode())  # plain data sets of older code: stale
    package = Path(demo_data.__file__).resolve().parent.parent
    for source in sorted([*package.glob("migrations/versions/*.py"), *package.glob("services/demo_*.py")]):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


def _raw_insert_seconds(source: Path, empty: Path) -> float:
    """Insert the generated rows again with bare ``executemany`` (same schema, indexes and triggers)."""
    target = CACHE / "raw-insert.sqlite3"
    shutil.copyfile(empty, target)
    src = raw_connect(source)
    dst = raw_connect(target)
    dst.execute("PRAGMA journal_mode=WAL")
    dst.execute("PRAGMA synchronous=NORMAL")
    tables = ("facilitator", "household", "member")
    data = {}
    for table in tables:
        cur = src.execute(f"SELECT * FROM {table}")
        data[table] = ([d[0] for d in cur.description], cur.fetchall())
    src.close()
    start = time.perf_counter()
    with dst:
        for table in tables:
            cols, rows = data[table]
            marks = ",".join("?" * len(cols))
            dst.executemany(f"INSERT INTO {table} ({','.join(cols)}) VALUES ({marks})", rows)
    elapsed = time.perf_counter() - start
    dst.close()
    target.unlink()
    return elapsed
