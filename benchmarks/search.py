"""Service-level figures: search (ours vs the same SQL run raw) and opening a family (ours vs raw SQL)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.dialects import sqlite as sqlite_dialect

from benchmarks.keys import raw_connect
from benchmarks.report import Result, median_ms
from simoncer_desktop.services import caseload, caseload_query
from simoncer_desktop.services.caseload_query import CaseloadFilter
from simoncer_desktop.store import Database

PAGE = 50


def sample_queries(db: Database) -> dict[str, CaseloadFilter]:
    """Searches an operator types: name prefixes, a full name, NIK / No. KK prefixes and a filtered search."""
    with db.read() as s:
        keys = caseload_query.search_keys(s, CaseloadFilter())
        row = caseload_query.load_rows(s, [keys[len(keys) // 2]])[0]
        kecamatan = caseload.get_household(s, row.id).kecamatan_code
    first = row.recipient_name.split()[0]
    return {
        "name, 3 letters": CaseloadFilter(text=first[:3]),
        "full name": CaseloadFilter(text=row.recipient_name),
        "NIK, 8 digits": CaseloadFilter(text=row.recipient_nik[:8]),
        "NIK, complete": CaseloadFilter(text=row.recipient_nik),
        "No. KK, 12 digits": CaseloadFilter(text=row.no_kk[:12]),
        "name + kecamatan + desil": CaseloadFilter(text=first[:3], kecamatan=kecamatan, desil=1),
    }


def raw_sql(db: Database, f: CaseloadFilter) -> str:
    with db.read() as s:
        stmt = caseload_query.search_statement(s, f)
    return str(stmt.compile(dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}))


def service_search_ms(db: Database, f: CaseloadFilter) -> float:
    def run() -> None:
        with db.read() as s:
            keys = caseload_query.search_keys(s, f)
            caseload_query.load_rows(s, keys[:PAGE])

    return median_ms(run)


def raw_search_ms(path: Path, sql: str) -> float:
    conn = raw_connect(path)

    def run() -> None:
        conn.execute(sql).fetchall()

    try:
        return median_ms(run)
    finally:
        conn.close()


def open_family_results(db: Database, path: Path) -> list[Result]:
    with db.read() as s:
        keys = caseload_query.search_keys(s, CaseloadFilter())
        ids = [r.id for r in caseload_query.load_rows(s, keys[:: max(1, len(keys) // 20)][:20])]
    cursor = iter(ids * 10)

    def ours() -> None:
        with db.read() as s:
            caseload.get_household(s, next(cursor))

    conn = raw_connect(path)
    raw_cursor = iter(ids * 10)

    def raw() -> None:
        hid = next(raw_cursor)
        conn.execute("SELECT * FROM household WHERE id = ?", (hid,)).fetchall()
        conn.execute("SELECT * FROM member WHERE household_id = ? AND deleted = 0", (hid,)).fetchall()

    result = Result(
        "open a family: service (detail + components)",
        median_ms(ours, repeat=15),
        median_ms(raw, repeat=15),
        "ms",
        target=100.0,
        baseline_name="raw SELECT of the household and its members",
    )
    conn.close()
    return [result]
