"""Welfare assessments of a family against a versioned questionnaire (issue 4, point 1).

The questionnaire is reference data (``Questionnaire`` rows, scope ``*``): a change is a new version
with its own ``valid_from``; an assessment stores the version it used, the answers, the score and the
class, and is never recomputed when a later version changes weights or thresholds.

This module is the entry point: questionnaire versions and assessments, which touch the database. The
definition itself (its JSON, checks and score formula) is in ``services.assessment_definition``; the
default version-1 questionnaire is in ``services.assessment_default``. Their public names are
re-exported here.

Each public function that writes is one user action inside the caller's transaction and raises
``ValidationError`` (messages in Bahasa Indonesia, naming the question) before writing anything.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, NotFoundError, ValidationError
from simoncer_desktop.ids import stable_id, uuid7
from simoncer_desktop.models import GLOBAL_SCOPE, Assessment, Household, Questionnaire
from simoncer_desktop.models.enums import WelfareClass
from simoncer_desktop.services import acting
from simoncer_desktop.services.assessment_default import DEFAULT_DEFINITION, DEFAULT_TITLE
from simoncer_desktop.services.assessment_definition import (
    CLASS_ORDER,
    Definition,
    Option,
    Question,
    Section,
    Threshold,
    answer_errors,
    classify,
    score,
    validate_definition,
)
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

__all__ = [
    "CLASS_ORDER",
    "DEFAULT_DEFINITION",
    "DEFAULT_TITLE",
    "DOWN",
    "EARLIEST_ASSESSMENT",
    "SAME",
    "UP",
    "AssessmentView",
    "Definition",
    "Option",
    "Question",
    "QuestionnaireView",
    "Section",
    "Threshold",
    "answer_errors",
    "assessment_history",
    "classify",
    "current_questionnaire",
    "get_questionnaire",
    "list_questionnaires",
    "publish_version",
    "record_assessment",
    "score",
    "seed_default_questionnaire",
    "validate_definition",
]

EARLIEST_ASSESSMENT = date(2000, 1, 1)
UP, DOWN, SAME = "naik", "turun", "tetap"
CHANGE_LABELS: dict[str, str] = {
    UP: QT_TRANSLATE_NOOP("assessment", "naik"),
    DOWN: QT_TRANSLATE_NOOP("assessment", "turun"),
    SAME: QT_TRANSLATE_NOOP("assessment", "tetap"),
}


def change_label(change: str | None) -> str | None:
    """``AssessmentView.change`` in the screen language (None stays None)."""
    if change is None:
        return None
    return translate("assessment", CHANGE_LABELS[change]) if change in CHANGE_LABELS else change


# --- questionnaire versions -----------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionnaireView:
    id: str
    version: int
    title: str
    valid_from: date
    definition: Definition


def _view(row: Questionnaire) -> QuestionnaireView:
    return QuestionnaireView(row.id, row.version, row.title, row.valid_from, Definition.from_json(row.definition))


def current_questionnaire(session: Session, on: date | None = None) -> QuestionnaireView:
    """The version in force on ``on`` (default today): the latest ``valid_from`` not after it."""
    on = on or date.today()
    row = session.scalar(
        select(Questionnaire)
        .where(Questionnaire.deleted.is_(False), Questionnaire.valid_from <= on)
        .order_by(Questionnaire.valid_from.desc(), Questionnaire.version.desc())
        .limit(1)
    )
    if row is None:
        message = translate("assessment", "Belum ada kuesioner asesmen yang berlaku pada {day:%d-%m-%Y}")
        raise NotFoundError(message.format(day=on))
    return _view(row)


def get_questionnaire(session: Session, version: int) -> QuestionnaireView:
    row = session.scalar(select(Questionnaire).where(Questionnaire.version == version))
    if row is None or row.deleted:
        raise NotFoundError(
            translate("assessment", "Kuesioner asesmen versi {version} tidak ditemukan").format(version=version)
        )
    return _view(row)


def list_questionnaires(session: Session) -> list[QuestionnaireView]:
    """Every live version, oldest first."""
    rows = session.scalars(
        select(Questionnaire).where(Questionnaire.deleted.is_(False)).order_by(Questionnaire.version)
    ).all()
    return [_view(row) for row in rows]


def publish_version(session: Session, definition: Definition, valid_from: date, title: str) -> int:
    """A new questionnaire version (the next number); earlier versions and their assessments stay as
    they are. ``valid_from`` may not be before that of the latest version, so versions stay in order."""
    acting.require(session, "questionnaire.publish")
    errors = validate_definition(definition)
    title = (title or "").strip()
    if not title:
        errors.append(FieldError("title", translate("assessment", "Judul kuesioner: wajib diisi")))
    elif len(title) > 120:
        errors.append(
            FieldError("title", translate("assessment", "Judul kuesioner: terlalu panjang (maksimal 120 huruf)"))
        )
    latest = session.execute(
        select(Questionnaire.version, Questionnaire.valid_from).order_by(Questionnaire.version.desc()).limit(1)
    ).first()
    if valid_from is None:
        errors.append(FieldError("valid_from", translate("assessment", "Berlaku mulai: wajib diisi")))
    elif latest is not None and valid_from < latest.valid_from:
        message = translate("assessment", "Berlaku mulai: tidak boleh sebelum versi {version} ({day:%d-%m-%Y})")
        errors.append(FieldError("valid_from", message.format(version=latest.version, day=latest.valid_from)))
    if errors:
        raise ValidationError(errors)
    version = (latest.version if latest is not None else 0) + 1
    session.add(_row(version, title, valid_from, definition))
    session.flush()
    return version


def _row(version: int, title: str, valid_from: date, definition: Definition) -> Questionnaire:
    # A stable id per version number: two devices publishing the same version make one row, not two.
    return Questionnaire(
        id=stable_id("questionnaire", str(version)),
        scope=GLOBAL_SCOPE,
        version=version,
        title=title,
        valid_from=valid_from,
        definition=definition.to_json(),
    )


def seed_default_questionnaire(session: Session, valid_from: date) -> None:
    """Insert version 1 (``DEFAULT_DEFINITION``) when no version 1 exists; never overwrites one."""
    if session.scalar(select(func.count()).select_from(Questionnaire).where(Questionnaire.version == 1)):
        return
    session.add(_row(1, DEFAULT_TITLE, valid_from, DEFAULT_DEFINITION))


# --- assessments ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentView:
    id: str
    assessed_on: date
    version: int
    score: float
    welfare_class: str
    welfare_class_label: str
    assessed_by: str
    notes: str
    change: str | None
    """Class versus the previous assessment: ``naik``, ``turun`` or ``tetap``; None for the first."""
    score_change: float | None

    @property
    def change_label(self) -> str | None:
        """``change`` in the screen language."""
        return change_label(self.change)


def _order_key() -> tuple[Any, ...]:
    return (Assessment.assessed_on, Assessment.created_at, Assessment.id)


def record_assessment(
    session: Session,
    household_id: str,
    answers: Mapping[str, str],
    assessed_on: date | None,
    assessed_by: str,
    notes: str = "",
    *,
    version: int | None = None,
    today: date | None = None,
) -> str:
    """Score and store an assessment of a live family; returns its id.

    Uses the questionnaire in force on ``assessed_on`` unless ``version`` is given. The family's
    ``welfare_class`` becomes the class of its latest assessment by date (so entering an older paper
    form later does not overwrite a newer result)."""
    today = today or date.today()
    acting.require_for_household(session, "assessment.record", household_id)
    hh = session.get(Household, household_id)
    if hh is None or hh.deleted:
        raise NotFoundError(translate("assessment", "Keluarga tidak ditemukan (mungkin sudah dihapus)"))
    errors: list[FieldError] = []
    if assessed_on is None:
        errors.append(FieldError("assessed_on", translate("assessment", "Tanggal asesmen: wajib diisi")))
    elif assessed_on > today:
        message = translate("assessment", "Tanggal asesmen: {day:%d-%m-%Y} ada di masa depan")
        errors.append(FieldError("assessed_on", message.format(day=assessed_on)))
    elif assessed_on < EARLIEST_ASSESSMENT:
        message = translate("assessment", "Tanggal asesmen: {day:%d-%m-%Y} terlalu lampau")
        errors.append(FieldError("assessed_on", message.format(day=assessed_on)))
    assessed_by = (assessed_by or "").strip()
    if not assessed_by:
        errors.append(FieldError("assessed_by", translate("assessment", "Petugas asesmen: wajib diisi")))
    elif len(assessed_by) > 120:
        message = translate("assessment", "Petugas asesmen: terlalu panjang (maksimal 120 huruf)")
        errors.append(FieldError("assessed_by", message))
    questionnaire: QuestionnaireView | None = None
    try:
        if version is not None:
            questionnaire = get_questionnaire(session, version)
        elif assessed_on is not None:
            questionnaire = current_questionnaire(session, assessed_on)
    except NotFoundError as exc:
        errors.append(FieldError("version", str(exc)))
    if questionnaire is not None:
        errors += answer_errors(questionnaire.definition, answers)
    if errors or questionnaire is None or assessed_on is None:
        raise ValidationError(errors)
    value, welfare_class = score(questionnaire.definition, answers)
    row = Assessment(
        id=uuid7(),
        scope=hh.scope,
        household_id=hh.id,
        questionnaire_id=questionnaire.id,
        assessed_on=assessed_on,
        assessed_by=assessed_by,
        answers=json.dumps(dict(answers), ensure_ascii=False, sort_keys=True),
        score=value,
        welfare_class=welfare_class.value,
        notes=notes or "",
    )
    session.add(row)
    session.flush()
    latest = session.scalar(
        select(Assessment.welfare_class)
        .where(Assessment.household_id == hh.id, Assessment.deleted.is_(False))
        .order_by(*(c.desc() for c in _order_key()))
        .limit(1)
    )
    if hh.welfare_class != latest:
        hh.welfare_class = latest
    return row.id


def assessment_history(session: Session, household_id: str) -> list[AssessmentView]:
    """The family's assessments, oldest first, each with its change versus the one before."""
    rows = session.execute(
        select(Assessment, Questionnaire.version)
        .join(Questionnaire, Questionnaire.id == Assessment.questionnaire_id)
        .where(Assessment.household_id == household_id, Assessment.deleted.is_(False))
        .order_by(*_order_key())
    ).all()
    rank = {c.value: i for i, c in enumerate(CLASS_ORDER)}
    out: list[AssessmentView] = []
    previous: Assessment | None = None
    for row, version in rows:
        change: str | None = None
        score_change: float | None = None
        if previous is not None:
            before, after = rank.get(previous.welfare_class, -1), rank.get(row.welfare_class, -1)
            change = UP if after > before else DOWN if after < before else SAME
            score_change = round(row.score - previous.score, 2)
        out.append(
            AssessmentView(
                id=row.id,
                assessed_on=row.assessed_on,
                version=version,
                score=row.score,
                welfare_class=row.welfare_class,
                welfare_class_label=WelfareClass(row.welfare_class).label,
                assessed_by=row.assessed_by,
                notes=row.notes,
                change=change,
                score_change=score_change,
            )
        )
        previous = row
    return out
