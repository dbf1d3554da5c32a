"""Graduasi sejahtera mandiri, the programme: cohorts, enrollments, the six stages, sessions and attendance.

Rules (thresholds and ages are settings in force on the day concerned):
- a family is enrolled with one participant: a live, living member of that family aged
  ``productive_age_min``–``productive_age_max`` on the enrollment day; the family is live and active and
  not in another open enrollment (not withdrawn, programme not complete);
- a session belongs to one stage of one cohort and is never before the cohort starts; attendance is
  entered for one session at a time, only for enrollments of that cohort enrolled on or before that day;
- the attendance rate of a stage counts the stage's sessions held from the enrollment day (and up to a
  given day); a session without a mark for the participant counts as missed;
- a stage is passed by the facilitator's mark, only the current stage, and only when its attendance rate
  is at least ``attendance_threshold`` (a stage without sessions needs the mark alone). Passing moves the
  enrollment forward by one; passing stage 6 completes the programme;
- stages never move back except by ``correct_stage``, which writes a ``StageCorrection`` (who, when, why).

This module: stages, cohorts, enrollment and the stage records; ``programme_progress`` sessions,
attendance, passing and correcting stages; ``programme_overview`` the cohort view; ``programme_decision``
graduation proposals, decisions and follow-up visits.

Each public function is one user action inside the caller's transaction; it validates first and raises
``ValidationError`` (field + message in the screen language, Bahasa without a translator) before writing
anything. Stage names shown on screen come from ``Stage.label``; ``STAGE_LABELS`` (Bahasa) is what documents print.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import (
    Cohort,
    Enrollment,
    Facilitator,
    Household,
    Member,
    StageRecord,
)
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import acting
from simoncer_desktop.services.components import age_on
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate


class Stage(IntEnum):
    SELECTION = 1
    MINDSET = 2
    COACHING = 3
    TRAINING = 4
    APPLICATION = 5
    MENTORING = 6

    @property
    def label(self) -> str:
        """The stage's name in the screen language (documents run inside ``untranslated()``: Bahasa)."""
        return translate("stages", STAGE_LABELS[self])


STAGE_LABELS: dict[Stage, str] = {
    Stage.SELECTION: QT_TRANSLATE_NOOP("stages", "Seleksi usia produktif"),
    Stage.MINDSET: QT_TRANSLATE_NOOP("stages", "Mindset (psikolog)"),
    Stage.COACHING: QT_TRANSLATE_NOOP("stages", "Coaching clinic kewirausahaan"),
    Stage.TRAINING: QT_TRANSLATE_NOOP("stages", "Pelatihan keterampilan"),
    Stage.APPLICATION: QT_TRANSLATE_NOOP("stages", "Aplikasi keterampilan (bantuan usaha)"),
    Stage.MENTORING: QT_TRANSLATE_NOOP("stages", "Pendampingan berkelanjutan"),
}
"""The stages' names in Bahasa (data: the workbook and the graduation report print them); shown on screen
through ``Stage.label``."""

EPSILON = 1e-9


def fail(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, message)])


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def get_live(session: Session, model: type[Any], row_id: str | None, field: str, label: str) -> Any:
    row = session.get(model, row_id) if row_id else None
    if row is None or row.deleted:
        raise fail(field, translate("programme", "{label}: tidak ditemukan").format(label=label))
    return row


def required_text(value: str | None, field: str, label: str, max_len: int = 120) -> list[FieldError]:
    if not value or not value.strip():
        return [FieldError(field, translate("programme", "{label}: wajib diisi").format(label=label))]
    if len(value.strip()) > max_len:
        return [FieldError(field, too_long(label, max_len))]
    return []


def too_long(label: str, max_len: int) -> str:
    return translate("programme", "{label}: terlalu panjang (maksimal {max_len} huruf)").format(
        label=label, max_len=max_len
    )


def check_stage(stage: int | None, field: str = "stage") -> list[FieldError]:
    if stage not in {s.value for s in Stage}:
        return [FieldError(field, translate("programme", "Tahapan: harus 1–6 (tertulis {stage})").format(stage=stage))]
    return []


def threshold(session: Session, on: date) -> float:
    return float(get_setting(session, "attendance_threshold", on))


def meets_threshold(present: int, sessions: int, limit: float) -> bool:
    return sessions == 0 or present >= limit * sessions - EPSILON


def is_complete(session: Session, enrollment: Enrollment) -> bool:
    last = stage_record(session, enrollment.id, Stage.MENTORING)
    return enrollment.stage == Stage.MENTORING and last.passed_on is not None


def stage_record(session: Session, enrollment_id: str, stage: int) -> StageRecord:
    record = session.scalar(
        select(StageRecord).where(StageRecord.enrollment_id == enrollment_id, StageRecord.stage == stage)
    )
    assert record is not None  # enroll() makes all six
    return record


# --- cohorts and enrollment -------------------------------------------------------------------------


@dataclass
class CohortInput:
    name: str
    year: int | None
    starts_on: date | None
    scope: str
    """The kecamatan code that owns the cohort (e.g. ``32.71.01``)."""
    facilitator_id: str | None = None


def create_cohort(session: Session, data: CohortInput) -> str:
    acting.require(session, "programme.cohort", kecamatan=(data.scope or "").strip() or None)
    errors = required_text(data.name, "name", translate("programme", "Nama kohort"))
    if data.starts_on is None:
        errors.append(FieldError("starts_on", translate("programme", "Tanggal mulai: wajib diisi")))
    if data.year is None or not 2000 <= data.year <= 2100:
        message = translate("programme", "Tahun: harus tahun yang wajar (tertulis {year})")
        errors.append(FieldError("year", message.format(year=data.year)))
    elif data.starts_on is not None and abs(data.starts_on.year - data.year) > 1:
        message = translate("programme", "Tanggal mulai: {day:%d-%m-%Y} jauh dari tahun {year}")
        errors.append(FieldError("starts_on", message.format(day=data.starts_on, year=data.year)))
    if not data.scope or not data.scope.strip():
        errors.append(FieldError("scope", translate("programme", "Kecamatan: wajib dipilih")))
    if data.facilitator_id:
        fac = session.get(Facilitator, data.facilitator_id)
        if fac is None or fac.deleted:
            errors.append(FieldError("facilitator_id", translate("programme", "Pendamping: tidak ditemukan")))
    raise_if(errors)
    cohort = Cohort(
        id=uuid7(),
        scope=data.scope.strip(),
        name=" ".join(data.name.split()),
        year=data.year,
        starts_on=data.starts_on,
        facilitator_id=data.facilitator_id or None,
    )
    session.add(cohort)
    session.flush()
    return cohort.id


def open_enrollment(session: Session, household_id: str) -> Enrollment | None:
    """The family's enrollment that is neither withdrawn nor complete, if any."""
    for enrollment in session.scalars(
        select(Enrollment).where(
            Enrollment.household_id == household_id,
            Enrollment.deleted.is_(False),
            Enrollment.withdrawn_on.is_(None),
        )
    ):
        if not is_complete(session, enrollment):
            return enrollment
    return None


def enroll(session: Session, cohort_id: str, household_id: str, participant_id: str, enrolled_on: date | None) -> str:
    """Enroll a family and its participant into a cohort; creates the six stage records. Returns the id."""
    cohort = get_live(session, Cohort, cohort_id, "cohort_id", translate("programme", "Kohort"))
    hh = get_live(session, Household, household_id, "household_id", translate("programme", "Keluarga"))
    acting.require_for_household(session, "programme.enroll", hh.id)
    errors: list[FieldError] = []
    if enrolled_on is None:
        raise fail("enrolled_on", translate("programme", "Tanggal daftar: wajib diisi"))
    if hh.status != HouseholdStatus.ACTIVE:
        errors.append(FieldError("household_id", not_active(hh.status)))
    member = session.get(Member, participant_id) if participant_id else None
    if member is None or member.deleted or member.household_id != hh.id:
        errors.append(FieldError("participant_id", translate("programme", "Peserta: harus anggota keluarga ini")))
    elif member.deceased:
        message = translate("programme", "Peserta: {name} sudah meninggal")
        errors.append(FieldError("participant_id", message.format(name=member.name)))
    else:
        low = int(get_setting(session, "productive_age_min", enrolled_on))
        high = int(get_setting(session, "productive_age_max", enrolled_on))
        age = age_on(member.birth_date, enrolled_on)
        if not low <= age <= high:
            errors.append(
                FieldError(
                    "participant_id",
                    translate(
                        "programme",
                        "Peserta: {name} berumur {age} tahun pada {day:%d-%m-%Y},"
                        " di luar usia produktif {low}–{high} tahun",
                    ).format(name=member.name, age=age, day=enrolled_on, low=low, high=high),
                )
            )
    current = open_enrollment(session, hh.id)
    if current is not None:
        other = session.get(Cohort, current.cohort_id)
        message = translate("programme", "Keluarga: masih terdaftar di kohort {cohort}")
        errors.append(FieldError("household_id", message.format(cohort=other.name if other else "-")))
    elif session.scalar(
        select(Enrollment.id).where(Enrollment.cohort_id == cohort.id, Enrollment.household_id == hh.id)
    ):
        message = translate("programme", "Keluarga: sudah pernah terdaftar di kohort {cohort}")
        errors.append(FieldError("household_id", message.format(cohort=cohort.name)))
    raise_if(errors)
    enrollment = Enrollment(
        id=uuid7(),
        scope=hh.scope,
        cohort_id=cohort.id,
        household_id=hh.id,
        participant_id=participant_id,
        enrolled_on=enrolled_on,
        stage=Stage.SELECTION.value,
    )
    session.add(enrollment)
    session.flush()
    for stage in Stage:
        session.add(StageRecord(id=uuid7(), scope=hh.scope, enrollment_id=enrollment.id, stage=stage.value))
    session.flush()
    return enrollment.id


def not_active(status: str | None) -> str:
    """``Keluarga: berstatus …, bukan Aktif`` (``-`` for a family that is gone)."""
    shown = HouseholdStatus(status).label if status is not None else "-"
    return translate("programme", "Keluarga: berstatus {status}, bukan Aktif").format(status=shown)


# --- stage records --------------------------------------------------------------------------------


@dataclass
class StageInput:
    planned_start: date | None = None
    planned_end: date | None = None
    actual_start: date | None = None
    actual_end: date | None = None
    partner: str = ""
    skill: str = ""
    grant_kind: str = ""
    """Stage 5 only: ``modal``, ``peralatan``, … (free text)."""
    grant_amount: int | None = None
    """Stage 5 only: rupiah, ≥ 0."""
    business_started: bool | None = None
    """Stage 5 only."""
    outcome: str = ""


def update_stage(session: Session, enrollment_id: str, stage: int, data: StageInput) -> None:
    """Replace the editable fields of one stage (dates, partner, skill, grant, outcome)."""
    raise_if(check_stage(stage))
    enrollment = get_live(session, Enrollment, enrollment_id, "enrollment_id", translate("programme", "Peserta kohort"))
    acting.require_for_household(session, "programme.stage", enrollment.household_id)
    errors: list[FieldError] = []
    for start_name, end_name, start, end, planned in (
        ("planned_start", "planned_end", data.planned_start, data.planned_end, True),
        ("actual_start", "actual_end", data.actual_start, data.actual_end, False),
    ):
        if start and end and end < start:
            message = (
                translate("programme", "Tanggal selesai rencana: {end:%d-%m-%Y} sebelum tanggal mulai {start:%d-%m-%Y}")
                if planned
                else translate(
                    "programme", "Tanggal selesai realisasi: {end:%d-%m-%Y} sebelum tanggal mulai {start:%d-%m-%Y}"
                )
            )
            errors.append(FieldError(end_name, message.format(end=end, start=start)))
        if start and start < enrollment.enrolled_on:
            message = (
                translate("programme", "Tanggal mulai rencana: {start:%d-%m-%Y} sebelum tanggal daftar {day:%d-%m-%Y}")
                if planned
                else translate(
                    "programme", "Tanggal mulai realisasi: {start:%d-%m-%Y} sebelum tanggal daftar {day:%d-%m-%Y}"
                )
            )
            errors.append(FieldError(start_name, message.format(start=start, day=enrollment.enrolled_on)))
    grant_kind = translate("programme", "Jenis bantuan usaha")
    for name, label, value, limit in (
        ("partner", translate("programme", "Mitra"), data.partner, 200),
        ("skill", translate("programme", "Keterampilan"), data.skill, 200),
        ("grant_kind", grant_kind, data.grant_kind, 60),
    ):
        if value and len(value.strip()) > limit:
            errors.append(FieldError(name, too_long(label, limit)))
    if stage != Stage.APPLICATION:
        for name, label, value in (
            ("grant_kind", grant_kind, data.grant_kind or None),
            ("grant_amount", translate("programme", "Nilai bantuan usaha"), data.grant_amount),
            ("business_started", translate("programme", "Usaha berjalan"), data.business_started),
        ):
            if value is not None:
                message = translate("programme", "{label}: hanya diisi pada tahap {stage}")
                errors.append(FieldError(name, message.format(label=label, stage=Stage.APPLICATION.label)))
    elif data.grant_amount is not None and data.grant_amount < 0:
        message = translate("programme", "Nilai bantuan usaha: tidak boleh negatif (tertulis {amount})")
        errors.append(FieldError("grant_amount", message.format(amount=data.grant_amount)))
    raise_if(errors)
    record = stage_record(session, enrollment.id, stage)
    record.planned_start = data.planned_start
    record.planned_end = data.planned_end
    record.actual_start = data.actual_start
    record.actual_end = data.actual_end
    record.partner = data.partner.strip()
    record.skill = data.skill.strip()
    record.grant_kind = data.grant_kind.strip()
    record.grant_amount = data.grant_amount
    record.business_started = data.business_started
    record.outcome = data.outcome.strip()
    session.flush()
