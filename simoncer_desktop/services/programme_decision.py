"""Graduasi sejahtera mandiri decisions: a facilitator proposes with the supporting assessment, a supervisor
(someone else) approves or rejects with a reason, and approval changes the family's status and schedules
the follow-up visits (``follow_up_months`` after the decision, default 6 and 12) in the same transaction.

Who acted is an operator name until accounts exist; "one's own proposal" means the same name (ignoring
case and spaces).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import Assessment, FollowUpVisit, GraduationDecision, Household
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import acting
from simoncer_desktop.services.programme import fail, get_live, not_active, raise_if, required_text
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate, untranslated

PROPOSED = "diusulkan"
APPROVED = "disetujui"
REJECTED = "ditolak"
SELF_RELIANT = HouseholdStatus.GRADUATED_SELF_RELIANT.value


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


DECISION_STATUS_LABELS: dict[str, str] = {
    PROPOSED: QT_TRANSLATE_NOOP("programme", "Diusulkan"),
    APPROVED: QT_TRANSLATE_NOOP("programme", "Disetujui"),
    REJECTED: QT_TRANSLATE_NOOP("programme", "Ditolak"),
}
"""A decision's status in words, Bahasa (the graduation report prints them); ``decision_status_label`` shows one."""


def decision_status_label(status: str) -> str:
    """The status in the screen language (an unknown code as itself)."""
    label = DECISION_STATUS_LABELS.get(status)
    return translate("programme", label) if label else status


def _same_person(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def propose_graduation(
    session: Session, household_id: str, assessment_id: str | None, reason: str, proposed_by: str, on: date | None
) -> str:
    """A facilitator proposes graduasi sejahtera mandiri for an active family. Returns the decision id."""
    hh = get_live(session, Household, household_id, "household_id", translate("programme", "Keluarga"))
    acting.require_for_household(session, "graduation.propose", hh.id)
    errors = required_text(reason, "reason", translate("programme", "Alasan"), 2000) + required_text(
        proposed_by, "proposed_by", translate("programme", "Diusulkan oleh")
    )
    if on is None:
        errors.append(FieldError("proposed_on", translate("programme", "Tanggal usulan: wajib diisi")))
    if hh.status != HouseholdStatus.ACTIVE:
        errors.append(FieldError("household_id", not_active(hh.status)))
    assessment = session.get(Assessment, assessment_id) if assessment_id else None
    if not assessment_id:
        errors.append(FieldError("assessment_id", translate("programme", "Asesmen pendukung: wajib dipilih")))
    elif assessment is None or assessment.deleted or assessment.household_id != hh.id:
        errors.append(
            FieldError("assessment_id", translate("programme", "Asesmen pendukung: bukan asesmen keluarga ini"))
        )
    elif on is not None and assessment.assessed_on > on:
        message = translate("programme", "Asesmen pendukung: tanggal asesmen {day:%d-%m-%Y} setelah tanggal usulan")
        errors.append(FieldError("assessment_id", message.format(day=assessment.assessed_on)))
    if session.scalar(
        select(GraduationDecision.id).where(
            GraduationDecision.household_id == hh.id,
            GraduationDecision.status == PROPOSED,
            GraduationDecision.deleted.is_(False),
        )
    ):
        message = translate("programme", "Keluarga: masih ada usulan graduasi yang belum diputuskan")
        errors.append(FieldError("household_id", message))
    raise_if(errors)
    decision = GraduationDecision(
        id=uuid7(),
        scope=hh.scope,
        household_id=hh.id,
        kind=SELF_RELIANT,
        reason=reason.strip(),
        assessment_id=assessment_id,
        proposed_by=proposed_by.strip(),
        proposed_on=on,
        status=PROPOSED,
    )
    session.add(decision)
    session.flush()
    return decision.id


def decide_graduation(
    session: Session, decision_id: str, approve: bool, decided_by: str, on: date | None, note: str = ""
) -> None:
    """A supervisor approves or rejects; approval changes the family and schedules the follow-up visits."""
    decision = get_live(
        session, GraduationDecision, decision_id, "decision_id", translate("programme", "Usulan graduasi")
    )
    acting.require_for_household(session, "graduation.decide", decision.household_id)
    if decision.kind != SELF_RELIANT:
        raise fail("decision_id", translate("programme", "Usulan graduasi: bukan usulan graduasi sejahtera mandiri"))
    if decision.status != PROPOSED:
        message = translate("programme", "Usulan graduasi: sudah diputuskan ({status})")
        raise fail("decision_id", message.format(status=decision.status))
    errors = required_text(decided_by, "decided_by", translate("programme", "Diputuskan oleh"))
    if not errors and _same_person(decided_by, decision.proposed_by):
        message = translate("programme", "Diputuskan oleh: pengusul tidak boleh memutuskan usulannya sendiri")
        errors.append(FieldError("decided_by", message))
    if on is None:
        errors.append(FieldError("decided_on", translate("programme", "Tanggal keputusan: wajib diisi")))
    elif on < decision.proposed_on:
        message = translate("programme", "Tanggal keputusan: {day:%d-%m-%Y} sebelum tanggal usulan {proposed:%d-%m-%Y}")
        errors.append(FieldError("decided_on", message.format(day=on, proposed=decision.proposed_on)))
    if not approve and not (note or "").strip():
        errors.append(FieldError("note", translate("programme", "Alasan penolakan: wajib diisi")))
    hh = session.get(Household, decision.household_id)
    if approve and (hh is None or hh.deleted or hh.status != HouseholdStatus.ACTIVE):
        errors.append(FieldError("decision_id", not_active(hh.status if hh is not None else None)))
    raise_if(errors)
    assert on is not None and hh is not None
    decision.status = APPROVED if approve else REJECTED
    decision.decided_by = decided_by.strip()
    decision.decided_on = on
    decision.decision_note = (note or "").strip()
    if approve:
        hh.status = SELF_RELIANT
        hh.status_date = on
        with untranslated():  # stored with the family: Bahasa, whatever the screen language
            hh.status_reason = f"{HouseholdStatus.GRADUATED_SELF_RELIANT.label}: {decision.reason}"[:200]
        for months in sorted({int(m) for m in get_setting(session, "follow_up_months", on)}):
            session.add(
                FollowUpVisit(
                    id=uuid7(),
                    scope=hh.scope,
                    household_id=hh.id,
                    decision_id=decision.id,
                    due_on=add_months(on, months),
                )
            )
    session.flush()


def record_follow_up(
    session: Session, visit_id: str, visited_on: date | None, still_independent: bool | None, notes: str = ""
) -> None:
    visit = get_live(session, FollowUpVisit, visit_id, "visit_id", translate("programme", "Kunjungan lanjutan"))
    acting.require_for_household(session, "programme.follow_up", visit.household_id)
    decision = session.get(GraduationDecision, visit.decision_id)
    errors: list[FieldError] = []
    if visited_on is None:
        errors.append(FieldError("visited_on", translate("programme", "Tanggal kunjungan: wajib diisi")))
    elif decision is not None and decision.decided_on is not None and visited_on < decision.decided_on:
        message = translate(
            "programme", "Tanggal kunjungan: {day:%d-%m-%Y} sebelum tanggal graduasi {graduated:%d-%m-%Y}"
        )
        errors.append(FieldError("visited_on", message.format(day=visited_on, graduated=decision.decided_on)))
    if still_independent is None:
        errors.append(
            FieldError("still_independent", translate("programme", "Masih mandiri: wajib dipilih (ya/tidak)"))
        )
    elif not still_independent and not (notes or "").strip():
        message = translate("programme", "Catatan: wajib diisi bila keluarga tidak lagi mandiri")
        errors.append(FieldError("notes", message))
    raise_if(errors)
    visit.visited_on = visited_on
    visit.still_independent = still_independent
    visit.notes = (notes or "").strip()
    session.flush()


# --- reads -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpView:
    id: str
    due_on: date
    visited_on: date | None
    still_independent: bool | None
    notes: str


@dataclass(frozen=True)
class DecisionView:
    id: str
    household_id: str
    kind: str
    reason: str
    assessment_id: str | None
    proposed_by: str
    proposed_on: date
    status: str
    decided_by: str | None
    decided_on: date | None
    decision_note: str
    follow_ups: list[FollowUpView]


def household_decisions(session: Session, household_id: str) -> list[DecisionView]:
    """The family's graduation proposals, newest first, with their follow-up visits."""
    decisions = session.scalars(
        select(GraduationDecision)
        .where(GraduationDecision.household_id == household_id, GraduationDecision.deleted.is_(False))
        .order_by(GraduationDecision.proposed_on.desc(), GraduationDecision.id.desc())
    ).all()
    visits: dict[str, list[FollowUpView]] = {}
    for v in session.scalars(
        select(FollowUpVisit)
        .where(FollowUpVisit.household_id == household_id, FollowUpVisit.deleted.is_(False))
        .order_by(FollowUpVisit.due_on)
    ):
        visits.setdefault(v.decision_id, []).append(
            FollowUpView(v.id, v.due_on, v.visited_on, v.still_independent, v.notes)
        )
    return [
        DecisionView(
            id=d.id,
            household_id=d.household_id,
            kind=d.kind,
            reason=d.reason,
            assessment_id=d.assessment_id,
            proposed_by=d.proposed_by,
            proposed_on=d.proposed_on,
            status=d.status,
            decided_by=d.decided_by,
            decided_on=d.decided_on,
            decision_note=d.decision_note,
            follow_ups=visits.get(d.id, []),
        )
        for d in decisions
    ]
