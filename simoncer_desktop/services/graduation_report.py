"""The graduation report's data: everything the PDF prints about one family and its graduation decision,
as plain frozen dataclasses (``reports.pdf.graduation_report`` draws them).

- ``family_report``: one family (by household id) with its approved decision (the latest one; else its
  latest proposal; else none);
- ``quarter_reports``: every family with an approved ``GraduationDecision`` decided in a quarter
  (``2026Q3``), natural and self-reliant alike, ordered by kecamatan, kelurahan and No. KK.

Both go through one loader that reads each table once per batch of families (``IN (...)`` of at most
``CHUNK`` ids), so a quarter of several thousand families costs a handful of queries, not several per
family. Components are derived as of the decision day (today for a family without a decision).

The verification code identifies the record: ``SIMONCER|<decision id>|<household id>|<digest>`` where
the digest is the first 12 hex digits of a SHA-256 over the report's key facts (No. KK, the members'
NIKs, the decision's kind, status, approver and date); ``-`` stands for a missing decision.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from simoncer_desktop.errors import NotFoundError
from simoncer_desktop.models import (
    Assessment,
    Attendance,
    Cohort,
    Enrollment,
    Facilitator,
    GraduationDecision,
    Household,
    Member,
    ProgrammeSession,
    Questionnaire,
    StageRecord,
    Wilayah,
)
from simoncer_desktop.models.enums import HouseholdStatus, Relationship, WelfareClass
from simoncer_desktop.services import components as comp
from simoncer_desktop.services.assessment import CLASS_ORDER
from simoncer_desktop.services.natural_graduation_quarter import chunks, parse_quarter, quarter_code
from simoncer_desktop.services.programme import STAGE_LABELS, Stage
from simoncer_desktop.services.programme_decision import APPROVED
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.translation import translate, untranslated

VERIFY_PREFIX = "SIMONCER"
DECISION_STATUS_LABELS = {"diusulkan": "Diusulkan", "disetujui": "Disetujui", "ditolak": "Ditolak"}
"""Printed on the report: Bahasa (the screen's are ``programme_decision.decision_status_label``)."""


@dataclass(frozen=True)
class MemberLine:
    name: str
    nik: str
    birth_date: date
    sex: str
    relation: str
    """Label (``Istri``, ``Anak``, …)."""
    is_recipient: bool
    deceased: bool
    components: tuple[str, ...]
    """Component labels this member qualifies for on the report's day."""


@dataclass(frozen=True)
class AssessmentLine:
    assessed_on: date
    version: int
    score: float
    welfare_class: str
    """Label (``Mandiri``, …)."""
    assessed_by: str
    change: str | None
    """``naik``, ``turun`` or ``tetap`` versus the assessment before; None for the first."""


@dataclass(frozen=True)
class StageLine:
    number: int
    label: str
    planned_start: date | None
    planned_end: date | None
    actual_start: date | None
    actual_end: date | None
    partner: str
    skill: str
    grant_kind: str
    grant_amount: int | None
    business_started: bool | None
    outcome: str
    passed_on: date | None
    passed_by: str | None
    present: int
    sessions: int


@dataclass(frozen=True)
class EnrollmentLine:
    cohort_name: str
    participant_name: str
    enrolled_on: date
    withdrawn_on: date | None
    stages: tuple[StageLine, ...]


@dataclass(frozen=True)
class DecisionLine:
    id: str
    kind: str
    """Label: ``Graduasi sejahtera mandiri`` or ``Graduasi alamiah``."""
    reason: str
    proposed_by: str
    proposed_on: date
    status: str
    """Label: ``Disetujui``, ``Diusulkan`` or ``Ditolak``."""
    decided_by: str | None
    decided_on: date | None
    note: str


@dataclass(frozen=True)
class Signatories:
    office: str
    facilitator: str
    coordinator: str
    head_of_office: str


@dataclass(frozen=True)
class GraduationReport:
    household_id: str
    no_kk: str
    recipient_name: str
    recipient_nik: str
    address: str
    rt: str
    rw: str
    kelurahan: str
    kecamatan: str
    facilitator: str
    desil: int | None
    status: str
    welfare_class: str
    on: date
    """The day components are derived for (the decision day, or the day the report was made)."""
    members: tuple[MemberLine, ...]
    components: str
    """The components paid after the cap, e.g. ``Anak SD, Anak usia dini``; ``-`` when none."""
    yearly_amount: int
    assessments: tuple[AssessmentLine, ...]
    enrollments: tuple[EnrollmentLine, ...]
    decision: DecisionLine | None
    signatories: Signatories
    verification: str


@dataclass(frozen=True)
class QuarterReports:
    quarter: str
    start: date
    end: date
    reports: list[GraduationReport]


def family_report(session: Session, household_id: str, today: date | None = None) -> GraduationReport:
    """One family's report; ``NotFoundError`` (screen language) for an unknown or deleted family. The
    report's texts (labels, verification code) are Bahasa whatever the screen language."""
    today = today or date.today()
    hh = session.get(Household, household_id) if household_id else None
    if hh is None or hh.deleted:
        message = translate("graduation_report", "Keluarga dengan id '{id}' tidak ditemukan (mungkin sudah dihapus)")
        raise NotFoundError(message.format(id=household_id))
    rows = session.scalars(
        select(GraduationDecision)
        .where(GraduationDecision.household_id == hh.id, GraduationDecision.deleted.is_(False))
        .order_by(GraduationDecision.proposed_on, GraduationDecision.id)
    ).all()
    approved = [d for d in rows if d.status == APPROVED]
    decision = (approved or list(rows) or [None])[-1]
    with untranslated():
        return _load(session, [(hh.id, decision)], today)[0]


def quarter_reports(session: Session, quarter: str, today: date | None = None) -> QuarterReports:
    """Every family with an approved decision decided in ``quarter``; ``ValidationError`` for a bad quarter."""
    start, end = parse_quarter(quarter)
    decisions = session.execute(
        select(GraduationDecision, Household.kelurahan_code, Household.no_kk)
        .join(Household, Household.id == GraduationDecision.household_id)
        .where(
            GraduationDecision.status == APPROVED,
            GraduationDecision.deleted.is_(False),
            GraduationDecision.decided_on >= start,
            GraduationDecision.decided_on <= end,
            Household.deleted.is_(False),
        )
        .order_by(Household.kelurahan_code, Household.no_kk, GraduationDecision.decided_on, GraduationDecision.id)
    ).all()
    latest: dict[str, GraduationDecision] = {}
    for decision, _, _ in decisions:  # one report per family: its latest approval in the quarter
        latest[decision.household_id] = decision
    pairs = [(hh_id, d) for hh_id, d in latest.items()]
    with untranslated():
        reports = _load(session, pairs, today or date.today())
    return QuarterReports(quarter_code(quarter), start, end, reports)


# --- the loader -----------------------------------------------------------------------------------


def _load(
    session: Session, pairs: Sequence[tuple[str, GraduationDecision | None]], today: date
) -> list[GraduationReport]:
    ids = [hh_id for hh_id, _ in pairs]
    households = _households(session, ids)
    members = _rows_by_household(session, select(Member).where(Member.deleted.is_(False)), Member.household_id, ids)
    assessments = _assessments(session, ids)
    enrollments = _enrollments(session, ids)
    office = str(get_setting(session, "report_office_name", today))
    coordinator = str(get_setting(session, "report_coordinator_name", today))
    head = str(get_setting(session, "report_head_of_office_name", today))
    rules: dict[date, comp.ComponentRules] = {}
    reports = []
    for hh_id, decision in pairs:
        hh, kelurahan, kecamatan, facilitator = households[hh_id]
        on = (decision.decided_on if decision is not None else None) or today
        if on not in rules:
            rules[on] = comp.ComponentRules.load(session, on)
        family = sorted(
            members.get(hh_id, []),
            key=lambda m: (not m.is_recipient, _RELATION_ORDER.get(m.relation, 99), m.birth_date, m.name),
        )
        summary = comp.derive(family, rules[on], on)
        lines = tuple(
            MemberLine(
                name=m.name,
                nik=m.nik or "",
                birth_date=m.birth_date,
                sex=m.sex,
                relation=_label(Relationship, m.relation),
                is_recipient=m.is_recipient,
                deceased=m.deceased,
                components=tuple(c.label for c in summary.per_member[i].qualifies),
            )
            for i, m in enumerate(family)
        )
        paid = ", ".join(c.label for _, c, _ in summary.paid) or "-"
        recipient = next((m for m in family if m.is_recipient), None)
        decision_line = _decision_line(decision)
        reports.append(
            GraduationReport(
                household_id=hh.id,
                no_kk=hh.no_kk,
                recipient_name=recipient.name if recipient else (hh.recipient_name or "-"),
                recipient_nik=(recipient.nik if recipient else hh.recipient_nik) or "-",
                address=hh.address,
                rt=hh.rt,
                rw=hh.rw,
                kelurahan=kelurahan,
                kecamatan=kecamatan,
                facilitator=facilitator or "-",
                desil=hh.desil,
                status=_label(HouseholdStatus, hh.status),
                welfare_class=_label(WelfareClass, hh.welfare_class) if hh.welfare_class else "-",
                on=on,
                members=lines,
                components=paid,
                yearly_amount=summary.yearly_amount,
                assessments=tuple(assessments.get(hh_id, ())),
                enrollments=tuple(enrollments.get(hh_id, ())),
                decision=decision_line,
                signatories=Signatories(office, facilitator or "-", coordinator, head),
                verification=verification_code(hh.no_kk, [m.nik for m in lines], hh.id, decision_line),
            )
        )
    return reports


_RELATION_ORDER = {r.value: i for i, r in enumerate(Relationship)}


def _label(enum: type, value: str | None) -> str:
    try:
        return enum(value).label
    except ValueError:
        return value or "-"


def verification_code(no_kk: str, niks: Sequence[str], household_id: str, decision: DecisionLine | None) -> str:
    facts = [no_kk, *sorted(niks)]
    if decision is not None:
        facts += [decision.id, decision.kind, decision.status, decision.decided_by or "", str(decision.decided_on)]
    digest = hashlib.sha256("\x1f".join(facts).encode()).hexdigest()[:12].upper()
    return f"{VERIFY_PREFIX}|{decision.id if decision else '-'}|{household_id}|{digest}"


def _decision_line(d: GraduationDecision | None) -> DecisionLine | None:
    if d is None:
        return None
    return DecisionLine(
        id=d.id,
        kind=_label(HouseholdStatus, d.kind),
        reason=d.reason,
        proposed_by=d.proposed_by,
        proposed_on=d.proposed_on,
        status=DECISION_STATUS_LABELS.get(d.status, d.status),
        decided_by=d.decided_by,
        decided_on=d.decided_on,
        note=d.decision_note or "",
    )


def _rows_by_household(session: Session, stmt, column, ids: Sequence[str]) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for part in chunks(ids):
        for row in session.scalars(stmt.where(column.in_(part))):
            out[row.household_id].append(row)
    return out


def _households(session: Session, ids: Sequence[str]) -> dict[str, tuple[Household, str, str, str | None]]:
    kel = aliased(Wilayah)
    kec = aliased(Wilayah)
    out = {}
    for part in chunks(ids):
        stmt = (
            select(Household, kel.nama, kec.nama, Facilitator.name)
            .outerjoin(kel, kel.kode == Household.kelurahan_code)
            .outerjoin(kec, kec.kode == kel.parent_kode)
            .outerjoin(Facilitator, Facilitator.id == Household.facilitator_id)
            .where(Household.id.in_(part))
        )
        for hh, kel_name, kec_name, fac_name in session.execute(stmt):
            out[hh.id] = (hh, kel_name or hh.kelurahan_code, kec_name or hh.scope, fac_name)
    return out


def _assessments(session: Session, ids: Sequence[str]) -> dict[str, list[AssessmentLine]]:
    rank = {c.value: i for i, c in enumerate(CLASS_ORDER)}
    rows: dict[str, list] = defaultdict(list)
    for part in chunks(ids):
        stmt = (
            select(Assessment, Questionnaire.version)
            .join(Questionnaire, Questionnaire.id == Assessment.questionnaire_id)
            .where(Assessment.household_id.in_(part), Assessment.deleted.is_(False))
            .order_by(Assessment.household_id, Assessment.assessed_on, Assessment.created_at, Assessment.id)
        )
        for a, version in session.execute(stmt):
            rows[a.household_id].append((a, version))
    out: dict[str, list[AssessmentLine]] = {}
    for hh_id, items in rows.items():
        lines = []
        previous = None
        for a, version in items:
            change = None
            if previous is not None:
                before, after = rank.get(previous, -1), rank.get(a.welfare_class, -1)
                change = "naik" if after > before else "turun" if after < before else "tetap"
            lines.append(
                AssessmentLine(
                    a.assessed_on, version, a.score, _label(WelfareClass, a.welfare_class), a.assessed_by, change
                )
            )
            previous = a.welfare_class
        out[hh_id] = lines
    return out


def _enrollments(session: Session, ids: Sequence[str]) -> dict[str, list[EnrollmentLine]]:
    found = []
    for part in chunks(ids):
        stmt = (
            select(Enrollment, Cohort.name, Member.name)
            .join(Cohort, Cohort.id == Enrollment.cohort_id)
            .outerjoin(Member, Member.id == Enrollment.participant_id)
            .where(Enrollment.household_id.in_(part), Enrollment.deleted.is_(False))
            .order_by(Enrollment.enrolled_on, Enrollment.id)
        )
        found += session.execute(stmt).all()
    if not found:
        return {}
    enrollment_ids = [e.id for e, _, _ in found]
    cohort_ids = sorted({e.cohort_id for e, _, _ in found})
    records: dict[str, list[StageRecord]] = defaultdict(list)
    present: set[tuple[str, str]] = set()
    for part in chunks(enrollment_ids):
        for r in session.scalars(
            select(StageRecord).where(StageRecord.enrollment_id.in_(part), StageRecord.deleted.is_(False))
        ):
            records[r.enrollment_id].append(r)
        for enrollment_id, session_id in session.execute(
            select(Attendance.enrollment_id, Attendance.session_id).where(
                and_(Attendance.enrollment_id.in_(part), Attendance.deleted.is_(False), Attendance.present.is_(True))
            )
        ):
            present.add((enrollment_id, session_id))
    held: dict[tuple[str, int], list[tuple[str, date]]] = defaultdict(list)
    for part in chunks(cohort_ids):
        for sid, cohort_id, stage, held_on in session.execute(
            select(
                ProgrammeSession.id, ProgrammeSession.cohort_id, ProgrammeSession.stage, ProgrammeSession.held_on
            ).where(ProgrammeSession.cohort_id.in_(part), ProgrammeSession.deleted.is_(False))
        ):
            held[(cohort_id, stage)].append((sid, held_on))
    out: dict[str, list[EnrollmentLine]] = defaultdict(list)
    for e, cohort_name, participant in found:
        stages = []
        for r in sorted(records.get(e.id, []), key=lambda r: r.stage):
            counted = [sid for sid, held_on in held.get((e.cohort_id, r.stage), []) if held_on >= e.enrolled_on]
            stages.append(
                StageLine(
                    number=r.stage,
                    label=STAGE_LABELS[Stage(r.stage)] if r.stage in Stage._value2member_map_ else str(r.stage),
                    planned_start=r.planned_start,
                    planned_end=r.planned_end,
                    actual_start=r.actual_start,
                    actual_end=r.actual_end,
                    partner=r.partner,
                    skill=r.skill,
                    grant_kind=r.grant_kind,
                    grant_amount=r.grant_amount,
                    business_started=r.business_started,
                    outcome=r.outcome,
                    passed_on=r.passed_on,
                    passed_by=r.passed_by,
                    present=sum(1 for sid in counted if (e.id, sid) in present),
                    sessions=len(counted),
                )
            )
        out[e.household_id].append(
            EnrollmentLine(cohort_name, participant or "-", e.enrolled_on, e.withdrawn_on, tuple(stages))
        )
    return out
