"""Quarterly natural graduation (graduasi alamiah): propose, decide row by row, apply once.

A run looks at every live family with status ``aktif`` on the quarter's last day and proposes those
with at least one reason:

- ``meninggal``: the pengurus died on or before the quarter end, or every member who would qualify for
  a PKH component (were they alive) died on or before it (then ``tanpa_komponen`` is not added: the
  deaths are the reason). Deaths come from ``Member.deceased``/``death_date`` (a deceased member
  without a date counts as dead) and from the civil-registration file.
- ``tanpa_komponen``: no living member qualifies for any component at the quarter end
  (``ComponentRules`` in force that day), e.g. children grown out of school age.
- ``pindah``: the civil-registration file says the pengurus, or every living member, moved (PINDAH)
  on or before the quarter end.
- ``mampu``: the latest assessment on or before the quarter end says *mampu* or *mandiri*, or the
  family's desil is above the setting ``pkh_max_desil``.

Nothing on a family changes until ``apply_run``: only approved rows are applied, in the caller's
transaction, and a run is applied at most once. A family proposed in an applied run of the same
quarter is not proposed again.

Scale: the candidates are chosen in SQL (one GROUP BY over the members with the component rules as a
SQL condition, ``ComponentRules.sql_condition``, which is a superset test); only the candidates'
members are read into Python and checked with ``ComponentRules.qualifies``.

This module is the entry point (``propose`` and everything callers use); the parts live in
``natural_graduation_quarter`` (the quarter), ``natural_graduation_civil`` (the civil-registration file),
``natural_graduation_rules`` (the reasons) and ``natural_graduation_runs`` (read back, decide, apply).
"""

from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import GLOBAL_SCOPE, Household, NaturalGraduationProposal, NaturalGraduationRun
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import acting
from simoncer_desktop.services.components import ComponentRules
from simoncer_desktop.services.natural_graduation_civil import (
    CIVIL_DIED,
    CIVIL_MOVED,
    CivilEvent,
    CivilFile,
    match_civil,
    read_civil_file,
)
from simoncer_desktop.services.natural_graduation_quarter import CHUNK, chunks, parse_quarter, quarter_code
from simoncer_desktop.services.natural_graduation_rules import (
    DIED,
    MAX_DESIL_SETTING,
    MOVED,
    NO_COMPONENT,
    REASON_LABELS,
    REASONS,
    WELL_OFF,
    WELL_OFF_CLASSES,
    candidate_ids,
    evaluate,
    latest_assessments,
    load_people,
    reason_label,
)
from simoncer_desktop.services.natural_graduation_runs import (
    APPROVED,
    REJECTED,
    ApplyResult,
    ProposalView,
    RunView,
    applied_households,
    apply_run,
    decide,
    get_run,
    required_name,
    status_reason,
)
from simoncer_desktop.services.progress import CancelToken, Progress, no_progress
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.translation import translate

__all__ = [
    "APPROVED",
    "CHUNK",
    "CIVIL_DIED",
    "CIVIL_MOVED",
    "DIED",
    "MAX_DESIL_SETTING",
    "MOVED",
    "NO_COMPONENT",
    "REASONS",
    "REASON_LABELS",
    "REJECTED",
    "WELL_OFF",
    "WELL_OFF_CLASSES",
    "ApplyResult",
    "CivilEvent",
    "CivilFile",
    "ProposalView",
    "RunView",
    "apply_run",
    "decide",
    "get_run",
    "parse_quarter",
    "propose",
    "quarter_code",
    "read_civil_file",
    "reason_label",
    "status_reason",
]

log = logging.getLogger(__name__)


def propose(
    session: Session,
    quarter: str,
    created_by: str,
    civil_file: Path | str | None = None,
    progress: Progress = no_progress,
    token: CancelToken | None = None,
    on: date | None = None,
) -> RunView:
    """Create a run for ``quarter`` with one proposal per active family that has a reason.

    Runs in the caller's transaction and changes no family. A civil file that cannot be read raises
    ``SheetFileError`` before anything is written."""
    acting.require(session, "natural_graduation.run")
    started = time.perf_counter()
    code = quarter_code(quarter)
    start, end = parse_quarter(code)
    created_by = required_name(
        created_by, translate("natural_graduation", "Nama pembuat usulan wajib diisi"), "created_by"
    )
    civil = read_civil_file(Path(civil_file)) if civil_file is not None else None
    steps = 5
    progress(0, steps)

    def step(done: int) -> None:
        if token is not None:
            token.raise_if_cancelled()
        progress(done, steps)

    rules = ComponentRules.load(session, end)
    max_desil = int(get_setting(session, MAX_DESIL_SETTING, end))
    candidates = candidate_ids(session, rules, end, max_desil)
    deaths: dict[str, date] = {}
    moves: dict[str, date] = {}
    unmatched: list[str] = []
    if civil is not None:
        deaths, moves, civil_households, unmatched = match_civil(session, civil, end)
        candidates |= civil_households
    step(1)
    candidates -= applied_households(session, code)
    families: dict[str, tuple[str, str, str | None, int | None]] = {}
    for part in chunks(sorted(candidates)):
        rows = session.execute(
            select(Household.id, Household.scope, Household.no_kk, Household.recipient_name, Household.desil).where(
                Household.id.in_(part),
                Household.deleted.is_(False),
                Household.status == HouseholdStatus.ACTIVE.value,
            )
        )
        for r in rows:
            families[r.id] = (r.scope, r.no_kk, r.recipient_name, r.desil)
    ids = sorted(families)
    step(2)
    people = load_people(session, ids)
    latest = latest_assessments(session, ids, end)
    step(3)
    run = NaturalGraduationRun(
        id=uuid7(),
        scope=GLOBAL_SCOPE,
        quarter=code,
        quarter_end=end,
        created_on=on or date.today(),
        created_by=created_by,
        source_file=str(civil.path) if civil is not None else None,
        unmatched_niks="\n".join([*unmatched, *(civil.bad_rows if civil else [])]),
    )
    session.add(run)
    session.flush()
    rows_out: list[dict[str, object]] = []
    views: list[ProposalView] = []
    for household_id in ids:
        members = people.get(household_id, [])
        for p in members:
            civil_death = deaths.get(p.id)
            if civil_death is not None and (p.died_on is None or civil_death < p.died_on):
                p.died_on = civil_death
            p.moved_on = moves.get(p.id)
        scope, no_kk, recipient_name, desil = families[household_id]
        reasons, details = evaluate(members, rules, start, end, desil, max_desil, latest.get(household_id))
        if not reasons:
            continue
        proposal_id = uuid7()
        detail = ". ".join(details)
        rows_out.append(
            {
                "id": proposal_id,
                "scope": scope,
                "run_id": run.id,
                "household_id": household_id,
                "reasons": ",".join(reasons),
                "detail": detail,
                "decision": "",
            }
        )
        views.append(ProposalView(proposal_id, household_id, no_kk, recipient_name, tuple(reasons), detail, ""))
    step(4)
    if rows_out:
        session.execute(insert(NaturalGraduationProposal), rows_out)
    step(5)
    seconds = time.perf_counter() - started
    log.info("Natural graduation %s: %d proposals from %d candidates in %.2f s", code, len(views), len(ids), seconds)
    return RunView(
        run.id,
        code,
        start,
        end,
        run.created_on,
        run.created_by,
        None,
        None,
        run.source_file,
        views,
        unmatched,
        list(civil.bad_rows) if civil else [],
        examined=len(ids),
        seconds=seconds,
    )
