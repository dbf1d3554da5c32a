"""What encryption at rest costs the caseload (issue 7: at most 1.3x slower than the plain file).

On a copy of the cached 110,000-family data set (encrypted, see ``benchmarks/keys.py``) a PLAIN twin
is made with ``sqlcipher_export`` (the inverse of ``security.engine.encrypt_plain_database``). The same
app services then run on both, in the same run, each a few times (median):

- plain: ``db.make_engine`` (stdlib ``sqlite3``, the engine of the app before encryption), the baseline;
- encrypted: ``store.open_database`` with the benchmark key (``sqlcipher3``, the app's engine now).

Operations: the caseload list (count; first page of the whole list; a kecamatan + desil filter's count
and page), name search (FTS) and NIK look-up with their first page, opening a family, the recap's
active families grouped by kelurahan, and the whole recap build (``build_recap``) for the city; and,
for comparison with ``docs/encryption-spike.md``, the spike's own GROUP BY (raw SQL, not an app query).

    python -m benchmarks --only encryption        # or: python -m benchmarks.encryption --db <cached file>

The stdlib ``sqlite3`` and SQLCipher's bundled SQLite are different versions (printed with the table),
so the ratio is "the app's reads then vs now", not page decryption alone.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.keys import BENCH_KEY, open_bench_database, raw_connect
from benchmarks.report import Result
from benchmarks.search import PAGE, sample_queries
from simoncer_desktop import db as plain_db
from simoncer_desktop.services import caseload, caseload_query
from simoncer_desktop.services.caseload_query import CaseloadFilter

TARGET_RATIO = 1.3
REPEAT = 7
SLOW_REPEAT = 3
"""Repetitions of the operations that take seconds (the recap build)."""
SPIKE_GROUP_BY = (
    "SELECT kelurahan_code, count(*), sum(member_count) FROM household WHERE deleted = 0 GROUP BY kelurahan_code"
)
"""The query ``docs/encryption-spike.md`` measured at 1.93x (1.27x with a larger cache)."""


@dataclass(frozen=True)
class Comparison:
    operation: str
    plain_ms: float
    encrypted_ms: float

    @property
    def ratio(self) -> float:
        return self.encrypted_ms / self.plain_ms

    @property
    def verdict(self) -> str:
        return "OK" if self.ratio <= TARGET_RATIO else "SLOW"


def export_plain(encrypted: Path, plain: Path, key: bytes = BENCH_KEY) -> None:
    """An unencrypted copy of ``encrypted`` (``ATTACH … KEY ''`` + ``sqlcipher_export``)."""
    conn = raw_connect(encrypted)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plain')").fetchall()
        conn.execute(f"PRAGMA plain.user_version = {user_version}")
        conn.commit()
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    with sqlite3.connect(plain) as check:  # readable without a key, and in the app's WAL mode
        check.execute("PRAGMA journal_mode=WAL").fetchall()
    check.close()


def _operations(sessions: sessionmaker[Session], filters: dict[str, CaseloadFilter], family_ids: list[str]) -> dict:
    from simoncer_desktop.services.recap import build_recap, parse_period
    from simoncer_desktop.services.recap_counts import active_families

    def page(f: CaseloadFilter) -> Callable[[], object]:
        def run() -> None:
            with sessions() as s:
                caseload_query.load_rows(s, caseload_query.search_keys(s, f)[:PAGE])

        return run

    def counted(f: CaseloadFilter) -> Callable[[], object]:
        def run() -> None:
            with sessions() as s:
                caseload_query.count(s, f)

        return run

    cursor = iter(family_ids * 100)

    def open_family() -> None:
        with sessions() as s:
            caseload.get_household(s, next(cursor))

    def by_kelurahan() -> None:
        with sessions() as s:
            active_families(s, None)

    def spike_group_by() -> None:
        with sessions() as s:
            s.execute(text(SPIKE_GROUP_BY)).all()

    def recap() -> None:
        with sessions() as s:
            build_recap(s, parse_period(str(date.today().year)))

    filtered = filters["name + kecamatan + desil"].with_(text="")
    return {
        "count of live families (list status bar)": (counted(CaseloadFilter()), REPEAT),
        f"whole list, sorted by name: keys + first {PAGE} rows": (page(CaseloadFilter()), REPEAT),
        "count, kecamatan + desil filter": (counted(filtered), REPEAT),
        f"kecamatan + desil filter: keys + first {PAGE} rows": (page(filtered), REPEAT),
        f"search name, 3 letters (FTS): keys + first {PAGE} rows": (page(filters["name, 3 letters"]), REPEAT),
        "search full name (FTS)": (page(filters["full name"]), REPEAT),
        "NIK look-up, complete": (page(filters["NIK, complete"]), REPEAT),
        "NIK prefix, 8 digits": (page(filters["NIK, 8 digits"]), REPEAT),
        "open a family (detail + components)": (open_family, 15),
        "recap: active families GROUP BY kelurahan, pendamping, class": (by_kelurahan, REPEAT),
        "spike's GROUP BY kelurahan, sum(member_count) (raw SQL; no app service runs it)": (spike_group_by, REPEAT),
        "recap build for the city (build_recap, no .xlsx)": (recap, SLOW_REPEAT),
    }


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up: the OS page cache and the connection's page cache
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def versions() -> str:
    with sqlcipher.connect(":memory:") as conn:
        cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    return (
        f"plain: stdlib sqlite3, SQLite {sqlite3.sqlite_version}, page cache {plain_db.PLAIN_CACHE_KIB // 1024} MiB; "
        f"encrypted: sqlcipher3, SQLCipher {cipher}, SQLite {sqlcipher.sqlite_version}, "
        f"page cache {_encrypted_cache_mib()} MiB"
    )


def _encrypted_cache_mib() -> int:
    from simoncer_desktop.security.engine import ENCRYPTED_CACHE_KIB

    return ENCRYPTED_CACHE_KIB // 1024


def compare(encrypted: Path) -> list[Comparison]:
    """The operations on a plain twin of ``encrypted`` and on ``encrypted`` itself (never changed)."""
    with tempfile.TemporaryDirectory(prefix="simoncer-encryption-", dir=encrypted.parent) as folder:
        plain = Path(folder) / "plain.sqlite3"
        start = time.perf_counter()
        export_plain(encrypted, plain)
        print(f"  plain copy made in {time.perf_counter() - start:.1f} s", flush=True)
        db = open_bench_database(encrypted)
        plain_engine = plain_db.make_engine(plain)
        try:
            filters = sample_queries(db)
            with db.read() as s:
                keys = caseload_query.search_keys(s, CaseloadFilter())
                ids = [r.id for r in caseload_query.load_rows(s, keys[:: max(1, len(keys) // 20)][:20])]
            plain_ops = _operations(plain_db.make_session_factory(plain_engine), filters, ids)
            encrypted_ops = _operations(db.sessions, filters, ids)
            out = []
            for name, (plain_fn, repeat) in plain_ops.items():
                encrypted_fn = encrypted_ops[name][0]
                out.append(Comparison(name, _median_ms(plain_fn, repeat), _median_ms(encrypted_fn, repeat)))
                print(f"  {name}: {out[-1].plain_ms:.1f} / {out[-1].encrypted_ms:.1f} ms", flush=True)
        finally:
            plain_engine.dispose()
            db.close()
    return out


def _fmt(ms: float) -> str:
    return f"{ms:,.0f}" if ms >= 100 else f"{ms:.1f}" if ms >= 10 else f"{ms:.2f}"


def render(rows: list[Comparison]) -> str:
    header = ("operation", "plain ms", "encrypted ms", "ratio", "target", "")
    cells = [
        (r.operation, _fmt(r.plain_ms), _fmt(r.encrypted_ms), f"{r.ratio:.2f}x", f"≤ {TARGET_RATIO}x", r.verdict)
        for r in rows
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *cells, strict=True)]

    def line(values: tuple[str, ...]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(c) for c in cells), "", versions()])


def results(rows: list[Comparison]) -> list[Result]:
    """The comparisons as rows of the main table (ours = encrypted, baseline = plain; no absolute target)."""
    return [
        Result(
            f"encrypted vs plain: {r.operation} [{r.verdict} at ≤ {TARGET_RATIO}x]",
            r.encrypted_ms,
            r.plain_ms,
            "ms",
            baseline_name="the same service on a plain copy (stdlib sqlite3)",
        )
        for r in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.encryption")
    parser.add_argument("--db", required=True, type=Path, help="a cached (encrypted) data set, never changed")
    args = parser.parse_args()
    print(render(compare(args.db)))


if __name__ == "__main__":
    main()
