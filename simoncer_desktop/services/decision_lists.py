"""Reads for the *Usulan dan persetujuan* screen: graduasi sejahtera mandiri proposals with their family's
No. KK and pengurus, and a family looked up by No. KK with its latest assessment (the one a new proposal
uses). Plain data; the writes are in ``services.programme_decision``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import NotFoundError
from simoncer_desktop.models import Assessment, GraduationDecision, Household
from simoncer_desktop.models.enums import HouseholdStatus, WelfareClass
from simoncer_desktop.services.programme_decision import APPROVED, PROPOSED, REJECTED, SELF_RELIANT
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

STATUSES = (PROPOSED, APPROVED, REJECTED)
STATUS_LABELS = {
    PROPOSED: QT_TRANSLATE_NOOP("decision_lists", "Diusulkan"),
    APPROVED: QT_TRANSLATE_NOOP("decision_lists", "Disetujui"),
    REJECTED: QT_TRANSLATE_NOOP("decision_lists", "Ditolak"),
}
"""Bahasa; for the screen use :func:`status_label`."""


def status_label(status: str) -> str:
    """A proposal's status in words, in the screen's language (the code itself when unknown)."""
    label = STATUS_LABELS.get(status)
    return translate("decision_lists", label) if label is not None else status


@dataclass(frozen=True)
class ProposalRow:
    id: str
    household_id: str
    no_kk: str
    recipient_name: str
    proposed_by: str
    proposed_on: date
    reason: str
    status: str
    decided_by: str | None
    decided_on: date | None
    decision_note: str
    assessed_on: date | None
    welfare_class_label: str
    """The supporting assessment's class (label), ``""`` without one."""
    score: float | None


def list_proposals(session: Session, status: str | None = PROPOSED, limit: int = 1000) -> list[ProposalRow]:
    """Graduasi sejahtera mandiri proposals of live families with ``status`` (None: all), newest first."""
    stmt = (
        select(GraduationDecision, Household.no_kk, Household.recipient_name, Assessment)
        .join(Household, Household.id == GraduationDecision.household_id)
        .outerjoin(Assessment, Assessment.id == GraduationDecision.assessment_id)
        .where(
            GraduationDecision.deleted.is_(False),
            GraduationDecision.kind == SELF_RELIANT,
            Household.deleted.is_(False),
        )
        .order_by(GraduationDecision.proposed_on.desc(), GraduationDecision.id.desc())
        .limit(limit)
    )
    if status is not None:
        stmt = stmt.where(GraduationDecision.status == status)
    out: list[ProposalRow] = []
    for d, no_kk, recipient, a in session.execute(stmt):
        out.append(
            ProposalRow(
                id=d.id,
                household_id=d.household_id,
                no_kk=no_kk,
                recipient_name=recipient or "",
                proposed_by=d.proposed_by,
                proposed_on=d.proposed_on,
                reason=d.reason,
                status=d.status,
                decided_by=d.decided_by,
                decided_on=d.decided_on,
                decision_note=d.decision_note,
                assessed_on=a.assessed_on if a is not None else None,
                welfare_class_label=WelfareClass(a.welfare_class).label if a is not None else "",
                score=a.score if a is not None else None,
            )
        )
    return out


@dataclass(frozen=True)
class FamilyChoice:
    household_id: str
    no_kk: str
    recipient_name: str
    status_label: str
    latest_assessment_id: str | None
    latest_assessed_on: date | None
    latest_class_label: str
    latest_score: float | None


def family_by_no_kk(session: Session, no_kk: str) -> FamilyChoice:
    """The live family with this No. KK and its latest assessment by date; ``NotFoundError`` when none."""
    no_kk = (no_kk or "").strip()
    hh = (
        session.scalar(select(Household).where(Household.no_kk == no_kk, Household.deleted.is_(False)).limit(1))
        if no_kk
        else None
    )
    if hh is None:
        shown = no_kk or translate("decision_lists", "(kosong)")
        raise NotFoundError(
            translate("decision_lists", "No. KK: tidak ada keluarga dengan No. KK {no_kk}").format(no_kk=shown)
        )
    latest = session.scalar(
        select(Assessment)
        .where(Assessment.household_id == hh.id, Assessment.deleted.is_(False))
        .order_by(Assessment.assessed_on.desc(), Assessment.created_at.desc(), Assessment.id.desc())
        .limit(1)
    )
    return FamilyChoice(
        household_id=hh.id,
        no_kk=hh.no_kk,
        recipient_name=hh.recipient_name or "",
        status_label=HouseholdStatus(hh.status).label,
        latest_assessment_id=latest.id if latest is not None else None,
        latest_assessed_on=latest.assessed_on if latest is not None else None,
        latest_class_label=WelfareClass(latest.welfare_class).label if latest is not None else "",
        latest_score=latest.score if latest is not None else None,
    )
