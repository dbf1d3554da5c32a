"""The graduation targets dashboard at scale: ``services.graduation_targets.targets`` at each level on a
copy of the cached caseload with a few thousand synthetic proposals, decisions and enrollments inserted,
against the raw sqlite3 GROUP BY queries over the same tables, measured in the same run.

    python -m benchmarks.graduation_targets --db benchmarks/.cache/caseload-110000-s1-….sqlite3

The cached database is never changed: the synthetic programme data goes into a temporary copy.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import uuid
from pathlib import Path

from benchmarks.keys import open_bench_database, raw_connect
from benchmarks.report import Result, median_ms, render
from simoncer_desktop.services import graduation_targets

YEAR = 2026
TARGET_MS = 1000.0
DECISIONS = 4_000
ENROLLMENTS = 6_000
NOW = "2026-01-01 00:00:00"

RAW_QUERIES = (
    "SELECT h.facilitator_id, h.kelurahan_code, h.scope, "
    "sum(CASE WHEN d.status = 'diusulkan' AND d.proposed_on BETWEEN :first AND :last THEN 1 ELSE 0 END), "
    "sum(CASE WHEN d.status = 'disetujui' AND d.decided_on BETWEEN :first AND :last THEN 1 ELSE 0 END) "
    "FROM graduation_decision d JOIN household h ON h.id = d.household_id "
    "WHERE d.deleted = 0 AND d.kind = 'graduasi_mandiri' AND +h.deleted = 0 "
    "GROUP BY h.facilitator_id, h.kelurahan_code, h.scope",
    "SELECT h.facilitator_id, h.kelurahan_code, h.scope, count(e.id) "
    "FROM enrollment e JOIN household h ON h.id = e.household_id "
    "LEFT JOIN stage_record s ON s.enrollment_id = e.id AND s.stage = 6 "
    "WHERE e.deleted = 0 AND e.withdrawn_on IS NULL AND +h.deleted = 0 "
    "AND NOT (e.stage = 6 AND s.passed_on IS NOT NULL) "
    "GROUP BY h.facilitator_id, h.kelurahan_code, h.scope",
    "SELECT id, name, scope, kelurahan_codes, yearly_target FROM facilitator WHERE deleted = 0",
)


def _id() -> str:
    return str(uuid.uuid4())


def insert_programme_data(path: Path, seed: int = 1) -> tuple[int, int]:
    """Proposals (waiting, approved, rejected; around the turn of the year) and enrollments in every state."""
    rng = random.Random(seed)
    conn = raw_connect(path)
    try:
        families = conn.execute(
            "SELECT h.id, h.scope, min(m.id) FROM household h JOIN member m ON m.household_id = h.id "
            "WHERE h.deleted = 0 AND h.facilitator_id IS NOT NULL GROUP BY h.id"
        ).fetchall()
        chosen = rng.sample(families, DECISIONS + ENROLLMENTS)
        decisions = []
        for hh_id, scope, _member in chosen[:DECISIONS]:
            year = rng.choice((YEAR - 1, YEAR, YEAR))
            proposed = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            status = rng.choice(("diusulkan", "disetujui", "disetujui", "ditolak"))
            decided = None if status == "diusulkan" else f"{YEAR}-{rng.randint(1, 12):02d}-28"
            decisions.append(
                (_id(), scope, NOW, NOW, hh_id, "graduasi_mandiri", "Mandiri", "benchmark", proposed, status, decided)
            )
        conn.executemany(
            "INSERT INTO graduation_decision (id, scope, deleted, created_at, updated_at, household_id, kind, "
            "reason, proposed_by, proposed_on, status, decided_on, decision_note) "
            "VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')",
            decisions,
        )
        cohorts = {}
        for scope in sorted({scope for _, scope, _ in chosen}):
            cohorts[scope] = _id()
            conn.execute(
                "INSERT INTO cohort (id, scope, deleted, created_at, updated_at, name, year, starts_on) "
                "VALUES (?, ?, 0, ?, ?, ?, ?, ?)",
                (cohorts[scope], scope, NOW, NOW, f"Kohort {scope} {YEAR}", YEAR, f"{YEAR}-01-05"),
            )
        enrollments, records = [], []
        for hh_id, scope, member in chosen[DECISIONS:]:
            enrollment = _id()
            stage = rng.randint(1, 6)
            withdrawn = f"{YEAR}-03-01" if rng.random() < 0.1 else None
            enrollments.append(
                (enrollment, scope, NOW, NOW, cohorts[scope], hh_id, member, f"{YEAR}-01-10", stage, withdrawn)
            )
            for n in range(1, 7):
                passed = f"{YEAR}-0{n + 1}-01" if n < stage or (n == 6 and rng.random() < 0.5) else None
                records.append((_id(), scope, NOW, NOW, enrollment, n, passed))
        conn.executemany(
            "INSERT INTO enrollment (id, scope, deleted, created_at, updated_at, cohort_id, household_id, "
            "participant_id, enrolled_on, stage, withdrawn_on) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
            enrollments,
        )
        conn.executemany(
            "INSERT INTO stage_record (id, scope, deleted, created_at, updated_at, enrollment_id, stage, partner, "
            "skill, grant_kind, outcome, passed_on) VALUES (?, ?, 0, ?, ?, ?, ?, '', '', '', '', ?)",
            records,
        )
        conn.commit()
    finally:
        conn.close()
    return len(decisions), len(enrollments)


def results(path: Path, repeat: int = 5) -> list[Result]:
    out: list[Result] = []
    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        copy = Path(folder) / "graduation-targets.sqlite3"
        shutil.copyfile(path, copy)
        n_decisions, n_enrollments = insert_programme_data(copy)
        db = open_bench_database(copy)
        conn = raw_connect(copy, read_only=True)
        params = {"first": f"{YEAR}-01-01", "last": f"{YEAR}-12-31"}

        def raw() -> None:
            for sql in RAW_QUERIES:
                conn.execute(sql, params).fetchall()

        try:
            raw_ms = median_ms(raw, repeat=repeat)
            families = conn.execute("SELECT count(*) FROM household WHERE deleted = 0").fetchone()[0]
            for level in graduation_targets.LEVELS:
                views: list[graduation_targets.TargetsView] = []

                def ours(level: str = level, views: list = views) -> None:
                    with db.read() as session:
                        views.append(graduation_targets.targets(session, YEAR, level))

                ours_ms = median_ms(ours, repeat=repeat)
                out.append(
                    Result(
                        f"targets dashboard per {level}, {families:,} families, {n_decisions:,} proposals, "
                        f"{n_enrollments:,} enrollments ({len(views[-1].rows):,} rows)",
                        ours_ms,
                        raw_ms,
                        "ms",
                        target=TARGET_MS,
                        baseline_name="the same GROUP BY queries run raw in sqlite3",
                    )
                )
        finally:
            conn.close()
            db.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.graduation_targets")
    parser.add_argument("--db", required=True, type=Path, help="a cached data set (see benchmarks/dataset.py)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(render(results(args.db, args.repeat)))


if __name__ == "__main__":
    main()
