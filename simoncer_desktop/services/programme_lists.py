"""Reads for the *Kohort dan tahapan* screen: the cohorts to choose from, the sessions of a cohort, a
family found by No. KK with the members who could participate, and who can be marked for one session.

Plain data, no Qt; the rules themselves stay in ``services.programme`` / ``programme_progress``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.models import Attendance, Cohort, Enrollment, Household, Member, ProgrammeSession
from simoncer_desktop.services import caseload_query as cq
from simoncer_desktop.services.components import age_on
from simoncer_desktop.services.programme import Stage, get_live
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.translation import translate

MAX_FOUND = 20
"""Families listed for one No. KK search (a full No. KK finds one)."""


@dataclass(frozen=True)
class CohortOption:
    id: str
    name: str
    year: int
    starts_on: date

    @property
    def label(self) -> str:
        return translate("programme", "{name} ({year}, mulai {start:%d-%m-%Y})").format(
            name=self.name, year=self.year, start=self.starts_on
        )


def list_cohorts(session: Session) -> list[CohortOption]:
    """Live cohorts, newest start first."""
    rows = session.execute(
        select(Cohort.id, Cohort.name, Cohort.year, Cohort.starts_on)
        .where(Cohort.deleted.is_(False))
        .order_by(Cohort.starts_on.desc(), Cohort.name)
    ).all()
    return [CohortOption(*r) for r in rows]


@dataclass(frozen=True)
class SessionOption:
    id: str
    stage: Stage
    held_on: date
    topic: str
    partner: str

    @property
    def label(self) -> str:
        topic = f" — {self.topic}" if self.topic else ""
        return translate("programme", "{day:%d-%m-%Y} · Tahap {stage}{topic}").format(
            day=self.held_on, stage=self.stage.value, topic=topic
        )


def list_sessions(session: Session, cohort_id: str, stage: int | None = None) -> list[SessionOption]:
    """The cohort's live sessions (of one stage if given), oldest first."""
    stmt = select(
        ProgrammeSession.id,
        ProgrammeSession.stage,
        ProgrammeSession.held_on,
        ProgrammeSession.topic,
        ProgrammeSession.partner,
    ).where(ProgrammeSession.cohort_id == cohort_id, ProgrammeSession.deleted.is_(False))
    if stage is not None:
        stmt = stmt.where(ProgrammeSession.stage == stage)
    stmt = stmt.order_by(ProgrammeSession.held_on, ProgrammeSession.stage, ProgrammeSession.id)
    return [
        SessionOption(i, Stage(st), held, topic or "", partner or "")
        for i, st, held, topic, partner in session.execute(stmt)
    ]


@dataclass(frozen=True)
class ParticipantOption:
    member_id: str
    name: str
    age: int
    productive: bool
    """Within the productive ages in force on the day asked about."""

    @property
    def label(self) -> str:
        if self.productive:
            return translate("programme", "{name} ({age} tahun)").format(name=self.name, age=self.age)
        return translate("programme", "{name} ({age} tahun, di luar usia produktif)").format(
            name=self.name, age=self.age
        )


@dataclass(frozen=True)
class FamilyCandidate:
    household_id: str
    no_kk: str
    recipient_name: str
    kecamatan: str
    kelurahan: str

    @property
    def label(self) -> str:
        return f"{self.no_kk} — {self.recipient_name or '-'} ({self.kelurahan}, {self.kecamatan})"


def find_families(session: Session, text: str) -> list[FamilyCandidate]:
    """Families whose No. KK (or a member's NIK or name) matches ``text``, as the caseload search finds
    them; empty while the text is too short to search (see ``caseload_query.search_hint``)."""
    if not text.strip() or cq.search_hint(text):
        return []
    keys = cq.search_keys(session, cq.CaseloadFilter(text=text))[:MAX_FOUND]
    return [
        FamilyCandidate(r.id, r.no_kk, r.recipient_name, r.kecamatan, r.kelurahan) for r in cq.load_rows(session, keys)
    ]


def participant_options(session: Session, household_id: str, on: date) -> list[ParticipantOption]:
    """Living members of the family with their age on ``on``; those of productive age first."""
    get_live(session, Household, household_id, "household_id", translate("programme", "Keluarga"))
    low = int(get_setting(session, "productive_age_min", on))
    high = int(get_setting(session, "productive_age_max", on))
    members = session.execute(
        select(Member.id, Member.name, Member.birth_date).where(
            Member.household_id == household_id, Member.deleted.is_(False), Member.deceased.is_(False)
        )
    ).all()
    options = []
    for member_id, name, born in members:
        age = age_on(born, on)
        options.append(ParticipantOption(member_id, name, age, low <= age <= high))
    return sorted(options, key=lambda o: (not o.productive, -o.age, o.name))


@dataclass(frozen=True)
class MarkRow:
    enrollment_id: str
    no_kk: str
    participant_name: str
    present: bool | None
    """The stored mark, None when none was entered yet."""


def session_marks(session: Session, session_id: str) -> list[MarkRow]:
    """The enrollments of the session's cohort that can be marked for it (enrolled on or before the day,
    not withdrawn before it), with their stored marks."""
    prog = get_live(session, ProgrammeSession, session_id, "session_id", translate("programme", "Sesi"))
    rows = session.execute(
        select(Enrollment.id, Household.no_kk, Member.name, Enrollment.withdrawn_on, Attendance.present)
        .join(Household, Household.id == Enrollment.household_id)
        .join(Member, Member.id == Enrollment.participant_id)
        .outerjoin(
            Attendance,
            (Attendance.enrollment_id == Enrollment.id)
            & (Attendance.session_id == prog.id)
            & Attendance.deleted.is_(False),
        )
        .where(
            Enrollment.cohort_id == prog.cohort_id,
            Enrollment.deleted.is_(False),
            Enrollment.enrolled_on <= prog.held_on,
        )
        .order_by(Member.name, Household.no_kk)
    ).all()
    return [
        MarkRow(e_id, no_kk, name, None if present is None else bool(present))
        for e_id, no_kk, name, withdrawn, present in rows
        if withdrawn is None or withdrawn >= prog.held_on
    ]
