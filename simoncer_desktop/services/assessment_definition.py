"""The typed assessment questionnaire: its definition, its stored JSON, its checks and its score.

``Questionnaire.definition`` is JSON::

    {"sections": [{"code": "pendapatan", "title": "Pendapatan dan sumbernya", "weight": 20,
                   "questions": [{"code": "pendapatan_bulanan", "text": "Pendapatan ... per bulan",
                                  "options": [{"code": "kurang_1jt", "label": "Kurang dari Rp1 juta",
                                               "points": 0}, ...]}, ...]}, ...],
     "thresholds": [{"min_score": 0, "welfare_class": "tidak_mampu"},
                    {"min_score": 40, "welfare_class": "kurang_mampu"}, ...]}

Score (0–100)::

    section score  S_s = mean of the points (0–100) of the options chosen for the section's questions
    total score        = Σ_s (weight_s × S_s) / Σ_s weight_s, rounded to 2 decimals

The class is the one of the threshold with the highest ``min_score`` not above the (rounded) score, so
a score exactly on a boundary belongs to the upper class. Thresholds start at 0, increase strictly and
name the four classes in order tidak mampu → kurang mampu → mampu → mandiri.

Plain data and pure functions: nothing here touches the database (see ``services.assessment``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.models.enums import WelfareClass
from simoncer_desktop.translation import translate

CLASS_ORDER: tuple[WelfareClass, ...] = (
    WelfareClass.VERY_POOR,
    WelfareClass.POOR,
    WelfareClass.ABLE,
    WelfareClass.SELF_RELIANT,
)
"""The welfare classes from lowest to highest; a move to a later one is ``naik``."""


# --- the typed definition -------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    code: str
    label: str
    points: float
    """0–100: how well-off this answer shows the family to be."""


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    options: tuple[Option, ...]

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    weight: float
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Threshold:
    min_score: float
    welfare_class: str
    """A ``WelfareClass`` code."""


@dataclass(frozen=True)
class Definition:
    sections: tuple[Section, ...]
    thresholds: tuple[Threshold, ...]

    @property
    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sections": [
                {
                    "code": s.code,
                    "title": s.title,
                    "weight": s.weight,
                    "questions": [
                        {
                            "code": q.code,
                            "text": q.text,
                            "options": [{"code": o.code, "label": o.label, "points": o.points} for o in q.options],
                        }
                        for q in s.questions
                    ],
                }
                for s in self.sections
            ],
            "thresholds": [{"min_score": t.min_score, "welfare_class": t.welfare_class} for t in self.thresholds],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Definition:
        """Parse the stored JSON shape; a shape that does not fit raises ValidationError."""
        try:
            return cls(
                sections=tuple(
                    Section(
                        code=str(s["code"]),
                        title=str(s["title"]),
                        weight=s["weight"],
                        questions=tuple(
                            Question(
                                code=str(q["code"]),
                                text=str(q["text"]),
                                options=tuple(
                                    Option(code=str(o["code"]), label=str(o["label"]), points=o["points"])
                                    for o in q["options"]
                                ),
                            )
                            for q in s["questions"]
                        ),
                    )
                    for s in data["sections"]
                ),
                thresholds=tuple(
                    Threshold(min_score=t["min_score"], welfare_class=str(t["welfare_class"]))
                    for t in data["thresholds"]
                ),
            )
        except (KeyError, TypeError) as exc:
            message = translate("assessment", "Definisi kuesioner tidak sesuai format (bagian yang hilang: {missing})")
            raise ValidationError(message.format(missing=exc), field="definition") from None

    @classmethod
    def from_json(cls, text: str) -> Definition:
        try:
            data = json.loads(text)
        except ValueError:
            message = translate("assessment", "Definisi kuesioner bukan JSON yang sah")
            raise ValidationError(message, field="definition") from None
        if not isinstance(data, Mapping):
            raise ValidationError(translate("assessment", "Definisi kuesioner tidak sesuai format"), field="definition")
        return cls.from_dict(data)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def validate_definition(definition: Definition) -> list[FieldError]:
    """Every problem of a definition: codes, texts, weights > 0, points 0–100, thresholds."""
    errors: list[FieldError] = []
    if not definition.sections:
        errors.append(
            FieldError("sections", translate("assessment", "Kuesioner harus memiliki paling sedikit satu bagian"))
        )
    section_codes: set[str] = set()
    question_codes: set[str] = set()
    for i, s in enumerate(definition.sections, start=1):
        name = translate("assessment", "Bagian {number} ({title})").format(number=i, title=s.title or s.code or "?")
        where = f"section.{s.code or i}"
        if not s.code.strip():
            errors.append(
                FieldError(f"{where}.code", translate("assessment", "{name}: kode wajib diisi").format(name=name))
            )
        elif s.code in section_codes:
            message = translate("assessment", "{name}: kode '{code}' dipakai lebih dari sekali")
            errors.append(FieldError(f"{where}.code", message.format(name=name, code=s.code)))
        section_codes.add(s.code)
        if not s.title.strip():
            errors.append(
                FieldError(f"{where}.title", translate("assessment", "{name}: judul wajib diisi").format(name=name))
            )
        if not _is_number(s.weight) or s.weight <= 0:
            message = translate("assessment", "{name}: bobot harus angka lebih dari 0 (tertulis {weight})")
            errors.append(FieldError(f"{where}.weight", message.format(name=name, weight=s.weight)))
        if not s.questions:
            message = translate("assessment", "{name}: belum ada pertanyaan")
            errors.append(FieldError(f"{where}.questions", message.format(name=name)))
        for j, q in enumerate(s.questions, start=1):
            qname = translate("assessment", "Pertanyaan '{question}'").format(question=q.text or q.code or j)
            qwhere = f"question.{q.code or f'{i}.{j}'}"
            if not q.code.strip():
                message = translate("assessment", "{name}: kode wajib diisi")
                errors.append(FieldError(f"{qwhere}.code", message.format(name=qname)))
            elif q.code in question_codes:
                message = translate("assessment", "{name}: kode '{code}' dipakai lebih dari sekali")
                errors.append(FieldError(f"{qwhere}.code", message.format(name=qname, code=q.code)))
            question_codes.add(q.code)
            if not q.text.strip():
                message = translate("assessment", "{name}: teks pertanyaan wajib diisi")
                errors.append(FieldError(f"{qwhere}.text", message.format(name=qname)))
            if len(q.options) < 2:
                message = translate("assessment", "{name}: paling sedikit dua pilihan jawaban")
                errors.append(FieldError(f"{qwhere}.options", message.format(name=qname)))
            option_codes: set[str] = set()
            for o in q.options:
                if not o.code.strip() or o.code in option_codes:
                    message = translate("assessment", "{name}: kode pilihan '{code}' kosong atau ganda")
                    errors.append(FieldError(f"{qwhere}.options", message.format(name=qname, code=o.code)))
                option_codes.add(o.code)
                if not o.label.strip():
                    message = translate("assessment", "{name}: pilihan '{code}' belum berlabel")
                    errors.append(FieldError(f"{qwhere}.options", message.format(name=qname, code=o.code)))
                if not _is_number(o.points) or not 0 <= o.points <= 100:
                    message = translate("assessment", "{name}: poin pilihan '{option}' harus 0–100 (tertulis {points})")
                    errors.append(
                        FieldError(
                            f"{qwhere}.options", message.format(name=qname, option=o.label or o.code, points=o.points)
                        )
                    )
    errors += _threshold_errors(definition.thresholds)
    return errors


def _threshold_errors(thresholds: tuple[Threshold, ...]) -> list[FieldError]:
    labels = ", ".join(c.label for c in CLASS_ORDER)
    classes = tuple(t.welfare_class for t in thresholds)
    if classes != tuple(c.value for c in CLASS_ORDER):
        message = translate(
            "assessment",
            "Batas skor harus berisi keempat kelas kesejahteraan, masing-masing sekali, berurutan: {labels}",
        )
        return [FieldError("thresholds", message.format(labels=labels))]
    errors: list[FieldError] = []
    scores = [t.min_score for t in thresholds]
    if not all(_is_number(s) and 0 <= s <= 100 for s in scores):
        message = translate("assessment", "Batas skor harus angka 0–100 (tertulis {scores})")
        errors.append(FieldError("thresholds", message.format(scores=scores)))
    elif scores[0] != 0:
        message = translate("assessment", "Batas skor kelas {lowest} harus mulai dari 0")
        errors.append(FieldError("thresholds", message.format(lowest=CLASS_ORDER[0].label)))
    elif any(b <= a for a, b in pairwise(scores)):
        message = translate("assessment", "Batas skor harus naik dari kelas ke kelas (tertulis {scores})")
        errors.append(FieldError("thresholds", message.format(scores=scores)))
    return errors


# --- scoring --------------------------------------------------------------------------------------


def answer_errors(definition: Definition, answers: Mapping[str, str]) -> list[FieldError]:
    """Every question answered with one of its options; no answer to a question that does not exist."""
    errors: list[FieldError] = []
    known = {q.code for q in definition.questions}
    for q in definition.questions:
        chosen = answers.get(q.code)
        if chosen is None or chosen == "":
            errors.append(
                FieldError(q.code, translate("assessment", "{question}: belum dijawab").format(question=q.text))
            )
        elif q.option(chosen) is None:
            message = translate("assessment", "{question}: jawaban '{answer}' bukan pilihan yang tersedia")
            errors.append(FieldError(q.code, message.format(question=q.text, answer=chosen)))
    for code in answers:
        if code not in known:
            message = translate("assessment", "Pertanyaan '{code}' tidak ada di kuesioner ini")
            errors.append(FieldError(code, message.format(code=code)))
    return errors


def classify(thresholds: tuple[Threshold, ...], value: float) -> WelfareClass:
    """The class of the threshold with the highest ``min_score`` not above ``value``."""
    chosen = thresholds[0].welfare_class
    for t in thresholds:
        if value >= t.min_score:
            chosen = t.welfare_class
    return WelfareClass(chosen)


def score(definition: Definition, answers: Mapping[str, str]) -> tuple[float, WelfareClass]:
    """(score 0–100, welfare class) of complete answers; see the module docstring for the formula.

    Raises ValidationError naming each question that is unanswered or answered with an unknown option."""
    errors = answer_errors(definition, answers)
    if errors:
        raise ValidationError(errors)
    total_weight = 0.0
    weighted = 0.0
    for s in definition.sections:
        points = [q.option(answers[q.code]).points for q in s.questions]  # type: ignore[union-attr]
        weighted += s.weight * (sum(points) / len(points))
        total_weight += s.weight
    value = round(weighted / total_weight, 2)
    return value, classify(definition.thresholds, value)
