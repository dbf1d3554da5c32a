"""Reads of the programme: the cohort view (who is in which stage, who is falling behind) and one
enrollment with its six stages. Two queries per cohort, never one per family."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from simoncer_desktop.models import Attendance, Cohort, Enrollment, Household, Member, ProgrammeSession, StageRecord
from simoncer_desktop.services.programme import Stage, get_live, meets_threshold, threshold
from simoncer_desktop.services.programme_progress import StageAttendance, attendance_rate
from simoncer_desktop.translation import translate

RECENT_SESSIONS = 3
"""Falling behind: at least ``RECENT_MISSED`` missed of the last ``RECENT_SESSIONS`` sessions of the stage."""
RECENT_MISSED = 2


@dataclass(frozen=True)
class CohortRow:
    enrollment_id: str
    household_id: str
    no_kk: str
    recipient_name: str | None
    participant_id: str
    participant_name: str
    enrolled_on: date
    stage: Stage
    complete: bool
    withdrawn_on: date | None
    attendance: dict[Stage, StageAttendance]
    """Per stage: sessions held since the enrollment (up to the view's day) and how many attended."""
    missed_sessions: int
    """Missed sessions over all stages."""
    falling_behind: bool

    @property
    def stage_label(self) -> str:
        return translate("programme", "Selesai") if self.complete else self.stage.label

    def rate(self, stage: Stage) -> float | None:
        return self.attendance[stage].rate


@dataclass(frozen=True)
class CohortOverview:
    cohort_id: str
    name: str
    starts_on: date
    threshold: float
    rows: list[CohortRow]
    stage_counts: dict[Stage, int] = field(default_factory=dict)
    """Active (not withdrawn, not complete) enrollments per current stage."""
    complete_count: int = 0


def _falling_behind(marks: list[bool], attended: StageAttendance, limit: float) -> bool:
    """``marks``: attendance of the current stage's sessions, oldest first."""
    recent = marks[-RECENT_SESSIONS:]
    if sum(1 for present in recent if not present) >= RECENT_MISSED:
        return True
    return not meets_threshold(attended.present, attended.sessions, limit)


def cohort_overview(session: Session, cohort_id: str, on: date | None = None) -> CohortOverview:
    """Every enrollment of a cohort with its stage, attendance per stage and whether it falls behind.

    Sessions after ``on`` (default today) are not counted yet."""
    on = on or date.today()
    cohort = get_live(session, Cohort, cohort_id, "cohort_id", translate("programme", "Kohort"))
    last = aliased(StageRecord)
    people = session.execute(
        select(
            Enrollment.id,
            Enrollment.household_id,
            Household.no_kk,
            Household.recipient_name,
            Enrollment.participant_id,
            Member.name,
            Enrollment.enrolled_on,
            Enrollment.stage,
            Enrollment.withdrawn_on,
            last.passed_on,
        )
        .join(Household, Household.id == Enrollment.household_id)
        .join(Member, Member.id == Enrollment.participant_id)
        .outerjoin(last, (last.enrollment_id == Enrollment.id) & (last.stage == Stage.MENTORING.value))
        .where(Enrollment.cohort_id == cohort.id, Enrollment.deleted.is_(False))
        .order_by(Household.recipient_name, Household.no_kk)
    ).all()
    sessions_and_marks = session.execute(
        select(
            ProgrammeSession.id,
            ProgrammeSession.stage,
            ProgrammeSession.held_on,
            Attendance.enrollment_id,
            Attendance.present,
        )
        .outerjoin(Attendance, (Attendance.session_id == ProgrammeSession.id) & Attendance.deleted.is_(False))
        .where(
            ProgrammeSession.cohort_id == cohort.id,
            ProgrammeSession.deleted.is_(False),
            ProgrammeSession.held_on <= on,
        )
        .order_by(ProgrammeSession.held_on, ProgrammeSession.id)
    ).all()
    sessions: dict[str, tuple[int, date]] = {}
    marks: dict[tuple[str, str], bool] = {}
    for session_id, stage, held_on, enrollment_id, present in sessions_and_marks:
        sessions[session_id] = (stage, held_on)
        if enrollment_id is not None:
            marks[(session_id, enrollment_id)] = bool(present)
    limit = threshold(session, on)
    rows: list[CohortRow] = []
    counts: dict[Stage, int] = defaultdict(int)
    complete_count = 0
    for enrollment_id, hh_id, no_kk, recipient, participant_id, name, enrolled_on, stage, withdrawn, done in people:
        per_stage: dict[Stage, list[bool]] = {s: [] for s in Stage}
        for session_id, (session_stage, held_on) in sessions.items():  # ordered by date
            if held_on >= enrolled_on and (withdrawn is None or held_on <= withdrawn):
                per_stage[Stage(session_stage)].append(marks.get((session_id, enrollment_id), False))
        attendance = {s: StageAttendance(sum(m), len(m)) for s, m in per_stage.items()}
        current = Stage(stage)
        complete = current == Stage.MENTORING and done is not None
        active = withdrawn is None and not complete
        if active:
            counts[current] += 1
        complete_count += complete
        rows.append(
            CohortRow(
                enrollment_id=enrollment_id,
                household_id=hh_id,
                no_kk=no_kk,
                recipient_name=recipient,
                participant_id=participant_id,
                participant_name=name,
                enrolled_on=enrolled_on,
                stage=current,
                complete=complete,
                withdrawn_on=withdrawn,
                attendance=attendance,
                missed_sessions=sum(a.missed for a in attendance.values()),
                falling_behind=active and _falling_behind(per_stage[current], attendance[current], limit),
            )
        )
    return CohortOverview(
        cohort_id=cohort.id,
        name=cohort.name,
        starts_on=cohort.starts_on,
        threshold=limit,
        rows=rows,
        stage_counts={s: counts[s] for s in Stage},
        complete_count=complete_count,
    )


@dataclass(frozen=True)
class StageView:
    stage: Stage
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
    attendance: StageAttendance


@dataclass(frozen=True)
class EnrollmentView:
    id: str
    cohort_id: str
    household_id: str
    participant_id: str
    participant_name: str
    enrolled_on: date
    stage: Stage
    complete: bool
    withdrawn_on: date | None
    stages: list[StageView]


def get_enrollment(session: Session, enrollment_id: str) -> EnrollmentView:
    enrollment = get_live(session, Enrollment, enrollment_id, "enrollment_id", translate("programme", "Peserta kohort"))
    participant = session.get(Member, enrollment.participant_id)
    records = session.scalars(
        select(StageRecord).where(StageRecord.enrollment_id == enrollment.id).order_by(StageRecord.stage)
    ).all()
    stages = [
        StageView(
            stage=Stage(r.stage),
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
            attendance=attendance_rate(session, enrollment.id, r.stage),
        )
        for r in records
    ]
    return EnrollmentView(
        id=enrollment.id,
        cohort_id=enrollment.cohort_id,
        household_id=enrollment.household_id,
        participant_id=enrollment.participant_id,
        participant_name=participant.name if participant else "",
        enrolled_on=enrollment.enrolled_on,
        stage=Stage(enrollment.stage),
        complete=enrollment.stage == Stage.MENTORING and stages[-1].passed_on is not None,
        withdrawn_on=enrollment.withdrawn_on,
        stages=stages,
    )
