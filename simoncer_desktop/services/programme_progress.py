"""Progress through the programme: sessions, attendance (bulk per session), passing a stage and the
audited stage correction. The rules are in ``services.programme``'s docstring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import (
    Attendance,
    Cohort,
    Enrollment,
    Member,
    ProgrammeSession,
    StageCorrection,
    StageRecord,
)
from simoncer_desktop.services import acting
from simoncer_desktop.services.programme import (
    Stage,
    check_stage,
    fail,
    get_live,
    is_complete,
    meets_threshold,
    raise_if,
    required_text,
    stage_record,
    threshold,
    too_long,
)
from simoncer_desktop.translation import translate

# --- sessions and attendance ----------------------------------------------------------------------


def add_session(
    session: Session, cohort_id: str, stage: int, held_on: date | None, topic: str = "", partner: str = ""
) -> str:
    cohort = get_live(session, Cohort, cohort_id, "cohort_id", translate("programme", "Kohort"))
    acting.require(session, "programme.session", kecamatan=cohort.scope, facilitator_id=cohort.facilitator_id)
    errors = check_stage(stage)
    if held_on is None:
        errors.append(FieldError("held_on", translate("programme", "Tanggal sesi: wajib diisi")))
    elif held_on < cohort.starts_on:
        message = translate(
            "programme", "Tanggal sesi: {day:%d-%m-%Y} sebelum kohort {cohort} mulai ({start:%d-%m-%Y})"
        )
        errors.append(FieldError("held_on", message.format(day=held_on, cohort=cohort.name, start=cohort.starts_on)))
    for name, label, value in (
        ("topic", translate("programme", "Topik"), topic),
        ("partner", translate("programme", "Mitra"), partner),
    ):
        if value and len(value.strip()) > 200:
            errors.append(FieldError(name, too_long(label, 200)))
    raise_if(errors)
    row = ProgrammeSession(
        id=uuid7(),
        scope=cohort.scope,
        cohort_id=cohort.id,
        stage=stage,
        held_on=held_on,
        topic=(topic or "").strip(),
        partner=(partner or "").strip(),
    )
    session.add(row)
    session.flush()
    return row.id


def record_attendance(session: Session, session_id: str, marks: dict[str, bool]) -> None:
    """Bulk attendance for one session: ``{enrollment_id: present}``; existing marks are overwritten."""
    prog = get_live(session, ProgrammeSession, session_id, "session_id", translate("programme", "Sesi"))
    cohort = session.get(Cohort, prog.cohort_id)
    acting.require(
        session, "programme.session", kecamatan=prog.scope, facilitator_id=cohort.facilitator_id if cohort else None
    )
    if not marks:
        raise fail("attendance", translate("programme", "Kehadiran: belum ada peserta yang ditandai"))
    enrollments = {e.id: e for e in session.scalars(select(Enrollment).where(Enrollment.id.in_(list(marks))))}
    names = dict(
        session.execute(
            select(Enrollment.id, Member.name)
            .join(Member, Member.id == Enrollment.participant_id)
            .where(Enrollment.id.in_(list(marks)))
        ).all()
    )
    errors: list[FieldError] = []
    for enrollment_id, present in marks.items():
        e = enrollments.get(enrollment_id)
        who = names.get(enrollment_id, enrollment_id)
        if e is None or e.deleted or e.cohort_id != prog.cohort_id:
            message = translate("programme", "Kehadiran: {who} bukan peserta kohort sesi ini")
            errors.append(FieldError("attendance", message.format(who=who)))
        elif e.enrolled_on > prog.held_on:
            message = translate(
                "programme", "Kehadiran: {who} baru terdaftar {enrolled:%d-%m-%Y}, setelah sesi {held:%d-%m-%Y}"
            )
            errors.append(FieldError("attendance", message.format(who=who, enrolled=e.enrolled_on, held=prog.held_on)))
        elif e.withdrawn_on is not None and e.withdrawn_on < prog.held_on:
            message = translate("programme", "Kehadiran: {who} sudah keluar {day:%d-%m-%Y}")
            errors.append(FieldError("attendance", message.format(who=who, day=e.withdrawn_on)))
        elif not isinstance(present, bool):
            message = translate("programme", "Kehadiran: tanda untuk {who} harus hadir/tidak hadir")
            errors.append(FieldError("attendance", message.format(who=who)))
    raise_if(errors)
    existing = {
        a.enrollment_id: a
        for a in session.scalars(
            select(Attendance).where(Attendance.session_id == prog.id, Attendance.enrollment_id.in_(list(marks)))
        )
    }
    for enrollment_id, present in marks.items():
        row = existing.get(enrollment_id)
        if row is None:
            session.add(
                Attendance(
                    id=uuid7(), scope=prog.scope, session_id=prog.id, enrollment_id=enrollment_id, present=present
                )
            )
        else:
            row.present = present
            row.deleted = False
    session.flush()


@dataclass(frozen=True)
class StageAttendance:
    present: int
    sessions: int

    @property
    def missed(self) -> int:
        return self.sessions - self.present

    @property
    def rate(self) -> float | None:
        """Share of the stage's sessions attended, or None when the stage has had no session."""
        return self.present / self.sessions if self.sessions else None


def attendance_rate(session: Session, enrollment_id: str, stage: int, on: date | None = None) -> StageAttendance:
    """Sessions of ``stage`` held from the enrollment day (up to ``on`` if given) and how many were attended."""
    raise_if(check_stage(stage))
    enrollment = get_live(session, Enrollment, enrollment_id, "enrollment_id", translate("programme", "Peserta kohort"))
    stmt = (
        select(ProgrammeSession.id, Attendance.present)
        .outerjoin(
            Attendance,
            (Attendance.session_id == ProgrammeSession.id)
            & (Attendance.enrollment_id == enrollment.id)
            & Attendance.deleted.is_(False),
        )
        .where(
            ProgrammeSession.cohort_id == enrollment.cohort_id,
            ProgrammeSession.stage == stage,
            ProgrammeSession.deleted.is_(False),
            ProgrammeSession.held_on >= enrollment.enrolled_on,
        )
    )
    if on is not None:
        stmt = stmt.where(ProgrammeSession.held_on <= on)
    rows = session.execute(stmt).all()
    return StageAttendance(present=sum(1 for _, present in rows if present), sessions=len(rows))


# --- moving through the stages --------------------------------------------------------------------


def pass_stage(session: Session, enrollment_id: str, stage: int, passed_on: date | None, passed_by: str) -> None:
    """The facilitator marks the current stage passed; the enrollment moves forward by one."""
    raise_if(check_stage(stage))
    enrollment = get_live(session, Enrollment, enrollment_id, "enrollment_id", translate("programme", "Peserta kohort"))
    acting.require_for_household(session, "programme.stage", enrollment.household_id)
    errors = required_text(passed_by, "passed_by", translate("programme", "Ditandai oleh"))
    if passed_on is None:
        errors.append(FieldError("passed_on", translate("programme", "Tanggal lulus tahap: wajib diisi")))
        raise ValidationError(errors)
    if enrollment.withdrawn_on is not None:
        message = translate("programme", "Peserta kohort: sudah keluar pada {day:%d-%m-%Y}")
        raise fail("enrollment_id", message.format(day=enrollment.withdrawn_on))
    if is_complete(session, enrollment):
        raise fail("stage", translate("programme", "Tahapan: program sudah selesai, semua tahap sudah lulus"))
    if stage != enrollment.stage:
        current = Stage(enrollment.stage)
        message = translate(
            "programme",
            "Tahapan: hanya tahap yang sedang dijalani yang dapat diluluskan ({number}. {stage});"
            " untuk mundur gunakan koreksi tahapan",
        )
        raise fail("stage", message.format(number=current.value, stage=current.label))
    record = stage_record(session, enrollment.id, stage)
    earliest = enrollment.enrolled_on
    if stage > Stage.SELECTION:
        previous = stage_record(session, enrollment.id, stage - 1).passed_on
        earliest = max(earliest, previous or earliest)
    if record.actual_start:
        earliest = max(earliest, record.actual_start)
    if passed_on < earliest:
        message = translate("programme", "Tanggal lulus tahap: {day:%d-%m-%Y} sebelum {earliest:%d-%m-%Y}")
        errors.append(FieldError("passed_on", message.format(day=passed_on, earliest=earliest)))
    attended = attendance_rate(session, enrollment.id, stage, on=passed_on)
    limit = threshold(session, passed_on)
    if not meets_threshold(attended.present, attended.sessions, limit):
        message = translate(
            "programme", "Tahapan: kehadiran {present} dari {sessions} sesi ({rate:.0%}) di bawah batas {limit:.0%}"
        )
        errors.append(
            FieldError(
                "stage",
                message.format(present=attended.present, sessions=attended.sessions, rate=attended.rate, limit=limit),
            )
        )
    raise_if(errors)
    record.passed_on = passed_on
    record.passed_by = passed_by.strip()
    if record.actual_end is None:
        record.actual_end = passed_on
    if stage < Stage.MENTORING:
        enrollment.stage = stage + 1
    session.flush()


def correct_stage(
    session: Session, enrollment_id: str, to_stage: int, reason: str, corrected_by: str, on: date | None
) -> str:
    """The only way back (or past the rules): set the stage explicitly, with an audited reason.

    Moving back to stage *k* clears the passed marks of stages *k*–6 (they must be passed again); moving
    forward marks the skipped stages passed by this correction. Returns the ``StageCorrection`` id."""
    raise_if(check_stage(to_stage, "to_stage"))
    enrollment = get_live(session, Enrollment, enrollment_id, "enrollment_id", translate("programme", "Peserta kohort"))
    acting.require_for_household(session, "programme.correct_stage", enrollment.household_id)
    errors = required_text(reason, "reason", translate("programme", "Alasan koreksi"), 2000) + required_text(
        corrected_by, "corrected_by", translate("programme", "Dikoreksi oleh")
    )
    if on is None:
        errors.append(FieldError("corrected_on", translate("programme", "Tanggal koreksi: wajib diisi")))
    elif on < enrollment.enrolled_on:
        message = translate("programme", "Tanggal koreksi: {day:%d-%m-%Y} sebelum tanggal daftar {enrolled:%d-%m-%Y}")
        errors.append(FieldError("corrected_on", message.format(day=on, enrolled=enrollment.enrolled_on)))
    complete = is_complete(session, enrollment)
    position = Stage.MENTORING + 1 if complete else enrollment.stage
    if to_stage == position:
        message = translate("programme", "Tahap tujuan: peserta sudah di tahap {stage}")
        errors.append(FieldError("to_stage", message.format(stage=to_stage)))
    raise_if(errors)
    assert on is not None
    records = {
        r.stage: r for r in session.scalars(select(StageRecord).where(StageRecord.enrollment_id == enrollment.id))
    }
    for stage, record in records.items():
        if stage >= to_stage:
            record.passed_on = None
            record.passed_by = None
        elif record.passed_on is None:
            record.passed_on = on
            record.passed_by = corrected_by.strip()
    correction = StageCorrection(
        id=uuid7(),
        scope=enrollment.scope,
        enrollment_id=enrollment.id,
        from_stage=position,
        to_stage=to_stage,
        reason=reason.strip(),
        corrected_by=corrected_by.strip(),
        corrected_on=on,
    )
    session.add(correction)
    enrollment.stage = to_stage
    session.flush()
    return correction.id
