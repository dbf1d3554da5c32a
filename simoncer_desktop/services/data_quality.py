"""*Kualitas Data*: checks over the whole live caseload for faults the forms cannot stop — data from an
older system or a spreadsheet, edits made before a rule existed, two offices entering the same person.

``run_checks(session)`` runs every check over live rows (``deleted = 0``; members only of live
families) and returns a ``QualityReport``: the number of findings per ``Kind`` and the findings
themselves, each naming the family (No. KK, pengurus), the member where one is concerned and, in
Bahasa Indonesia, exactly what is wrong.

It is made to stay within a few seconds at 110,000 families / 450,000 members: SQL narrows every check
down to the suspicious rows (the NIK structure and its agreement with the birth date and sex are
tested in SQL first, duplicates are ``GROUP BY`` queries) and Python only confirms and words them,
with the same rules the forms use (``identity.check_nik``, ``components.ComponentRules``,
``caseload_query.fold``). Progress and cancellation are duck-typed (``progress(done, total)`` and an
object with ``raise_if_cancelled()``), so the UI's task runner and the CLI can both drive it.

The checks live beside this module, each file one responsibility: ``quality_findings`` (the kinds, a
finding, the report), ``quality_identity`` (NIK and No. KK), ``quality_families`` (members' facts,
pengurus and components), ``quality_duplicates`` (the same person twice) and ``quality_run`` (the state
they share and the wording helpers). Import from here: this module is the public entry point.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.models import Household
from simoncer_desktop.services.quality_duplicates import duplicate_niks, duplicate_people
from simoncer_desktop.services.quality_families import family_roles, member_rows
from simoncer_desktop.services.quality_findings import (
    KIND_INFO,
    MAX_AGE,
    SD_MAX_PLAUSIBLE_AGE,
    CancelCheck,
    Finding,
    Kind,
    KindInfo,
    ProgressCallback,
    QualityReport,
)
from simoncer_desktop.services.quality_identity import family_card_numbers
from simoncer_desktop.services.quality_run import CheckRun, live_members

__all__ = [
    "KIND_INFO",
    "MAX_AGE",
    "SD_MAX_PLAUSIBLE_AGE",
    "CancelCheck",
    "Finding",
    "Kind",
    "KindInfo",
    "ProgressCallback",
    "QualityReport",
    "run_checks",
]

STEPS: list[Callable[[CheckRun], None]] = [
    member_rows,
    family_card_numbers,
    duplicate_niks,
    duplicate_people,
    family_roles,
]
"""The checks in the order they run; progress is reported after each."""


def run_checks(
    session: Session,
    *,
    on: date | None = None,
    limit: int | None = None,
    progress: ProgressCallback | None = None,
    token: CancelCheck | None = None,
) -> QualityReport:
    """Every check over the live caseload as of ``on`` (default today). ``limit`` keeps at most that many
    findings per kind (the counts stay complete). Raises whatever ``token.raise_if_cancelled`` raises."""
    started = time.perf_counter()
    run = CheckRun(session, on or date.today(), token)
    tell = progress or _no_progress
    tell(0, len(STEPS))
    for done, step in enumerate(STEPS, start=1):
        run.check_cancelled()
        step(run)
        tell(done, len(STEPS))
    run.check_cancelled()
    families = int(session.scalar(select(func.count()).select_from(Household).where(Household.deleted.is_(False))) or 0)
    members = int(session.scalar(live_members(func.count())) or 0)
    counts = {kind: len(run.found[kind]) for kind in Kind}
    findings = {
        kind: _ordered(run.found[kind])[:limit] if limit is not None else _ordered(run.found[kind]) for kind in Kind
    }
    return QualityReport(
        on=run.on,
        families=families,
        members=members,
        counts=counts,
        findings=findings,
        seconds=time.perf_counter() - started,
        limit=limit,
    )


def _no_progress(_done: int, _total: int) -> None:
    pass


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.group, f.no_kk, f.member_name or "", f.member_id or ""))
