"""Natural graduation: a run as read back (``RunView``), deciding its rows (``decide``) and applying it
once (``apply_run``), all in the caller's transaction."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import Select, insert, select, update
from sqlalchemy.orm import Session

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import GraduationDecision, Household, NaturalGraduationProposal, NaturalGraduationRun
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import acting
from simoncer_desktop.services.natural_graduation_quarter import chunks, dmy, parse_quarter
from simoncer_desktop.services.natural_graduation_rules import REASONS, reason_labels
from simoncer_desktop.translation import translate, untranslated

log = logging.getLogger("simoncer_desktop.services.natural_graduation")

APPROVED = "disetujui"
REJECTED = "ditolak"


def required_name(value: str, message: str, field: str) -> str:
    """``value`` stripped; ``ValidationError(message)`` when it is blank."""
    if not (value or "").strip():
        raise ValidationError(message, field=field)
    return value.strip()


@dataclass(frozen=True)
class ProposalView:
    id: str
    household_id: str
    no_kk: str
    recipient_name: str | None
    reasons: tuple[str, ...]
    detail: str
    decision: str
    """Empty until decided: ``disetujui`` or ``ditolak``."""

    @property
    def reason_labels(self) -> str:
        return reason_labels(self.reasons)


@dataclass(frozen=True)
class RunView:
    id: str
    quarter: str
    quarter_start: date
    quarter_end: date
    created_on: date
    created_by: str
    applied_on: date | None
    applied_by: str | None
    source_file: str | None
    proposals: list[ProposalView]
    unmatched_niks: list[str]
    bad_rows: list[str]
    examined: int = 0
    """Active families looked at (only known right after ``propose``; 0 when loaded later)."""
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        """Proposals per reason code (a family with two reasons counts under both), in ``REASONS`` order."""
        found = Counter(r for p in self.proposals for r in p.reasons)
        return {r: found[r] for r in REASONS}

    @property
    def decided(self) -> dict[str, int]:
        found = Counter(p.decision for p in self.proposals)
        return {APPROVED: found[APPROVED], REJECTED: found[REJECTED], "": found[""]}


@dataclass(frozen=True)
class ApplyResult:
    run_id: str
    quarter: str
    status_date: date
    graduated: list[ProposalView]
    skipped: list[tuple[ProposalView, str]]
    """Approved rows whose family is no longer active and live (left unchanged), with the reason."""


def applied_households(session: Session, quarter: str) -> set[str]:
    return set(
        session.scalars(
            select(NaturalGraduationProposal.household_id)
            .join(NaturalGraduationRun, NaturalGraduationRun.id == NaturalGraduationProposal.run_id)
            .where(
                NaturalGraduationRun.quarter == quarter,
                NaturalGraduationRun.applied_on.is_not(None),
                NaturalGraduationRun.deleted.is_(False),
                NaturalGraduationProposal.deleted.is_(False),
            )
        )
    )


def _live_run(session: Session, run_id: str) -> NaturalGraduationRun:
    run = session.get(NaturalGraduationRun, run_id)
    if run is None or run.deleted:
        raise NotFoundError(
            translate("natural_graduation", "Daftar graduasi alamiah {run} tidak ditemukan").format(run=run_id)
        )
    return run


def _proposal_query(run_id: str) -> Select:
    return (
        select(
            NaturalGraduationProposal.id,
            NaturalGraduationProposal.household_id,
            Household.no_kk,
            Household.recipient_name,
            NaturalGraduationProposal.reasons,
            NaturalGraduationProposal.detail,
            NaturalGraduationProposal.decision,
        )
        .join(Household, Household.id == NaturalGraduationProposal.household_id)
        .where(NaturalGraduationProposal.run_id == run_id, NaturalGraduationProposal.deleted.is_(False))
        .order_by(Household.no_kk)
    )


def _view(row) -> ProposalView:
    return ProposalView(
        row.id,
        row.household_id,
        row.no_kk,
        row.recipient_name,
        tuple(r for r in row.reasons.split(",") if r),
        row.detail,
        row.decision or "",
    )


def get_run(session: Session, run_id: str) -> RunView:
    run = _live_run(session, run_id)
    start, end = parse_quarter(run.quarter)
    lines = [line for line in (run.unmatched_niks or "").splitlines() if line.strip()]
    return RunView(
        run.id,
        run.quarter,
        start,
        end,
        run.created_on,
        run.created_by,
        run.applied_on,
        run.applied_by,
        run.source_file,
        [_view(r) for r in session.execute(_proposal_query(run.id))],
        [line for line in lines if not line.startswith("Baris ")],
        [line for line in lines if line.startswith("Baris ")],
    )


def _refuse_if_applied(run: NaturalGraduationRun) -> None:
    if run.applied_on is not None:
        message = translate(
            "natural_graduation",
            "Daftar graduasi alamiah {quarter} sudah diterapkan pada {day} oleh {by};"
            " tidak dapat diubah atau diterapkan dua kali",
        )
        raise ValidationError(
            message.format(quarter=run.quarter, day=dmy(run.applied_on), by=run.applied_by), field="run"
        )


def decide(
    session: Session,
    run_id: str,
    proposal_ids: Sequence[str] | Literal["all"],
    decision: str,
    decided_by: str,
    on: date | None = None,
) -> int:
    """Approve (``disetujui``) or reject (``ditolak``) proposals of a run not yet applied; ``"all"`` =
    every proposal of the run. Returns how many rows were decided."""
    acting.require(session, "natural_graduation.decide")
    if decision not in (APPROVED, REJECTED):
        message = translate("natural_graduation", "Keputusan '{decision}' tidak dikenal (pilih disetujui atau ditolak)")
        raise ValidationError(message.format(decision=decision), field="decision")
    decided_by = required_name(
        decided_by, translate("natural_graduation", "Nama yang memutuskan wajib diisi"), "decided_by"
    )
    run = _live_run(session, run_id)
    _refuse_if_applied(run)
    of_run = (NaturalGraduationProposal.run_id == run.id, NaturalGraduationProposal.deleted.is_(False))
    if proposal_ids == "all":
        target = select(NaturalGraduationProposal.id).where(*of_run)
        ids = list(session.scalars(target))
    else:
        ids = list(dict.fromkeys(proposal_ids))
        known: set[str] = set()
        for part in chunks(ids):
            known.update(
                session.scalars(
                    select(NaturalGraduationProposal.id).where(*of_run, NaturalGraduationProposal.id.in_(part))
                )
            )
        missing = [i for i in ids if i not in known]
        if missing:
            message = translate("natural_graduation", "{count} usulan bukan bagian dari daftar {quarter} ini: {ids}")
            raise ValidationError(
                message.format(count=len(missing), quarter=run.quarter, ids=", ".join(missing[:5])),
                field="proposal_ids",
            )
    when = on or date.today()
    for part in chunks(ids):
        session.execute(
            update(NaturalGraduationProposal)
            .where(NaturalGraduationProposal.id.in_(part))
            .values(decision=decision, decided_by=decided_by, decided_on=when)
            .execution_options(synchronize_session=False)
        )
    session.expire_all()
    return len(ids)


def status_reason(reasons: Sequence[str]) -> str:
    """The text stored in ``Household.status_reason`` (≤ 200 characters): Bahasa, whatever the screen language."""
    with untranslated():
        return ("Graduasi alamiah: " + reason_labels(reasons))[:200]


def apply_run(session: Session, run_id: str, applied_by: str, on: date | None = None) -> ApplyResult:
    """Graduate every approved family of the run (status, reason, date = quarter end) and record an
    approved ``GraduationDecision`` per family, in the caller's transaction. Refuses a run already
    applied or one without approved rows; rejected and undecided rows are left alone."""
    acting.require(session, "natural_graduation.apply")
    applied_by = required_name(
        applied_by, translate("natural_graduation", "Nama yang menerapkan wajib diisi"), "applied_by"
    )
    run = _live_run(session, run_id)
    _refuse_if_applied(run)
    when = on or date.today()
    approved = [
        (_view(r), r.scope, r.status, r.deleted, r.decided_by, r.decided_on)
        for r in session.execute(
            _proposal_query(run.id)
            .add_columns(
                Household.scope,
                Household.status,
                Household.deleted,
                NaturalGraduationProposal.decided_by,
                NaturalGraduationProposal.decided_on,
            )
            .where(NaturalGraduationProposal.decision == APPROVED)
        )
    ]
    if not approved:
        message = translate(
            "natural_graduation",
            "Belum ada usulan yang disetujui dalam daftar {quarter}; setujui dulu keluarga yang akan digraduasi",
        )
        raise ValidationError(message.format(quarter=run.quarter), field="run")
    # Claim the run first: of two concurrent appliers, only one sees a row updated.
    claimed = session.execute(
        update(NaturalGraduationRun)
        .where(NaturalGraduationRun.id == run.id, NaturalGraduationRun.applied_on.is_(None))
        .values(applied_on=when, applied_by=applied_by)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        session.refresh(run)
        _refuse_if_applied(run)
    graduated: list[ProposalView] = []
    skipped: list[tuple[ProposalView, str]] = []
    household_rows: list[dict[str, object]] = []
    decision_rows: list[dict[str, object]] = []
    for view, scope, status, deleted, decided_by, decided_on in approved:
        if deleted:
            skipped.append((view, translate("natural_graduation", "keluarga sudah dihapus")))
            continue
        if status != HouseholdStatus.ACTIVE.value:
            message = translate("natural_graduation", "status keluarga sudah {status}")
            skipped.append((view, message.format(status=HouseholdStatus(status).label)))
            continue
        graduated.append(view)
        household_rows.append(
            {
                "id": view.household_id,
                "status": HouseholdStatus.GRADUATED_NATURAL.value,
                "status_reason": status_reason(view.reasons),
                "status_date": run.quarter_end,
            }
        )
        decision_rows.append(
            {
                "id": uuid7(),
                "scope": scope,
                "household_id": view.household_id,
                "kind": HouseholdStatus.GRADUATED_NATURAL.value,
                "reason": view.detail or status_reason(view.reasons),
                "run_id": run.id,
                "proposed_by": run.created_by,
                "proposed_on": run.created_on,
                "status": APPROVED,
                "decided_by": decided_by or applied_by,
                "decided_on": decided_on or when,
                "decision_note": f"Graduasi alamiah {run.quarter}",
            }
        )
    if household_rows:
        session.execute(update(Household), household_rows)
        session.execute(insert(GraduationDecision), decision_rows)
    session.expire_all()
    log.info("Natural graduation %s applied: %d families, %d skipped", run.quarter, len(graduated), len(skipped))
    return ApplyResult(run.id, run.quarter, run.quarter_end, graduated, skipped)
