"""Welfare assessments of a family against a versioned questionnaire (issue 4, point 1).

The questionnaire is reference data (``Questionnaire`` rows, scope ``*``): a change is a new version
with its own ``valid_from``; an assessment stores the version it used, the answers, the score and the
class, and is never recomputed when a later version changes weights or thresholds.

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

Each public function that writes is one user action inside the caller's transaction and raises
``ValidationError`` (messages in Bahasa Indonesia, naming the question) before writing anything.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, NotFoundError, ValidationError
from simoncer_desktop.ids import stable_id, uuid7
from simoncer_desktop.models import GLOBAL_SCOPE, Assessment, Household, Questionnaire
from simoncer_desktop.models.enums import WelfareClass

CLASS_ORDER: tuple[WelfareClass, ...] = (
    WelfareClass.VERY_POOR,
    WelfareClass.POOR,
    WelfareClass.ABLE,
    WelfareClass.SELF_RELIANT,
)
"""The welfare classes from lowest to highest; a move to a later one is ``naik``."""

EARLIEST_ASSESSMENT = date(2000, 1, 1)
UP, DOWN, SAME = "naik", "turun", "tetap"


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
            raise ValidationError(
                f"Definisi kuesioner tidak sesuai format (bagian yang hilang: {exc})", field="definition"
            ) from None

    @classmethod
    def from_json(cls, text: str) -> Definition:
        try:
            data = json.loads(text)
        except ValueError:
            raise ValidationError("Definisi kuesioner bukan JSON yang sah", field="definition") from None
        if not isinstance(data, Mapping):
            raise ValidationError("Definisi kuesioner tidak sesuai format", field="definition")
        return cls.from_dict(data)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def validate_definition(definition: Definition) -> list[FieldError]:
    """Every problem of a definition: codes, texts, weights > 0, points 0–100, thresholds."""
    errors: list[FieldError] = []
    if not definition.sections:
        errors.append(FieldError("sections", "Kuesioner harus memiliki paling sedikit satu bagian"))
    section_codes: set[str] = set()
    question_codes: set[str] = set()
    for i, s in enumerate(definition.sections, start=1):
        name = f"Bagian {i} ({s.title or s.code or '?'})"
        where = f"section.{s.code or i}"
        if not s.code.strip():
            errors.append(FieldError(f"{where}.code", f"{name}: kode wajib diisi"))
        elif s.code in section_codes:
            errors.append(FieldError(f"{where}.code", f"{name}: kode '{s.code}' dipakai lebih dari sekali"))
        section_codes.add(s.code)
        if not s.title.strip():
            errors.append(FieldError(f"{where}.title", f"{name}: judul wajib diisi"))
        if not _is_number(s.weight) or s.weight <= 0:
            errors.append(
                FieldError(f"{where}.weight", f"{name}: bobot harus angka lebih dari 0 (tertulis {s.weight})")
            )
        if not s.questions:
            errors.append(FieldError(f"{where}.questions", f"{name}: belum ada pertanyaan"))
        for j, q in enumerate(s.questions, start=1):
            qname = f"Pertanyaan '{q.text or q.code or j}'"
            qwhere = f"question.{q.code or f'{i}.{j}'}"
            if not q.code.strip():
                errors.append(FieldError(f"{qwhere}.code", f"{qname}: kode wajib diisi"))
            elif q.code in question_codes:
                errors.append(FieldError(f"{qwhere}.code", f"{qname}: kode '{q.code}' dipakai lebih dari sekali"))
            question_codes.add(q.code)
            if not q.text.strip():
                errors.append(FieldError(f"{qwhere}.text", f"{qname}: teks pertanyaan wajib diisi"))
            if len(q.options) < 2:
                errors.append(FieldError(f"{qwhere}.options", f"{qname}: paling sedikit dua pilihan jawaban"))
            option_codes: set[str] = set()
            for o in q.options:
                if not o.code.strip() or o.code in option_codes:
                    errors.append(
                        FieldError(f"{qwhere}.options", f"{qname}: kode pilihan '{o.code}' kosong atau ganda")
                    )
                option_codes.add(o.code)
                if not o.label.strip():
                    errors.append(FieldError(f"{qwhere}.options", f"{qname}: pilihan '{o.code}' belum berlabel"))
                if not _is_number(o.points) or not 0 <= o.points <= 100:
                    errors.append(
                        FieldError(
                            f"{qwhere}.options",
                            f"{qname}: poin pilihan '{o.label or o.code}' harus 0–100 (tertulis {o.points})",
                        )
                    )
    errors += _threshold_errors(definition.thresholds)
    return errors


def _threshold_errors(thresholds: tuple[Threshold, ...]) -> list[FieldError]:
    labels = ", ".join(c.label for c in CLASS_ORDER)
    classes = tuple(t.welfare_class for t in thresholds)
    if classes != tuple(c.value for c in CLASS_ORDER):
        return [
            FieldError(
                "thresholds",
                f"Batas skor harus berisi keempat kelas kesejahteraan, masing-masing sekali, berurutan: {labels}",
            )
        ]
    errors: list[FieldError] = []
    scores = [t.min_score for t in thresholds]
    if not all(_is_number(s) and 0 <= s <= 100 for s in scores):
        errors.append(FieldError("thresholds", f"Batas skor harus angka 0–100 (tertulis {scores})"))
    elif scores[0] != 0:
        errors.append(FieldError("thresholds", "Batas skor kelas Tidak mampu harus mulai dari 0"))
    elif any(b <= a for a, b in pairwise(scores)):
        errors.append(FieldError("thresholds", f"Batas skor harus naik dari kelas ke kelas (tertulis {scores})"))
    return errors


# --- scoring --------------------------------------------------------------------------------------


def answer_errors(definition: Definition, answers: Mapping[str, str]) -> list[FieldError]:
    """Every question answered with one of its options; no answer to a question that does not exist."""
    errors: list[FieldError] = []
    known = {q.code for q in definition.questions}
    for q in definition.questions:
        chosen = answers.get(q.code)
        if chosen is None or chosen == "":
            errors.append(FieldError(q.code, f"{q.text}: belum dijawab"))
        elif q.option(chosen) is None:
            errors.append(FieldError(q.code, f"{q.text}: jawaban '{chosen}' bukan pilihan yang tersedia"))
    for code in answers:
        if code not in known:
            errors.append(FieldError(code, f"Pertanyaan '{code}' tidak ada di kuesioner ini"))
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
        raise NotFoundError(f"Belum ada kuesioner asesmen yang berlaku pada {on:%d-%m-%Y}")
    return _view(row)


def get_questionnaire(session: Session, version: int) -> QuestionnaireView:
    row = session.scalar(select(Questionnaire).where(Questionnaire.version == version))
    if row is None or row.deleted:
        raise NotFoundError(f"Kuesioner asesmen versi {version} tidak ditemukan")
    return _view(row)


def publish_version(session: Session, definition: Definition, valid_from: date, title: str) -> int:
    """A new questionnaire version (the next number); earlier versions and their assessments stay as
    they are. ``valid_from`` may not be before that of the latest version, so versions stay in order."""
    errors = validate_definition(definition)
    title = (title or "").strip()
    if not title:
        errors.append(FieldError("title", "Judul kuesioner: wajib diisi"))
    elif len(title) > 120:
        errors.append(FieldError("title", "Judul kuesioner: terlalu panjang (maksimal 120 huruf)"))
    latest = session.execute(
        select(Questionnaire.version, Questionnaire.valid_from).order_by(Questionnaire.version.desc()).limit(1)
    ).first()
    if valid_from is None:
        errors.append(FieldError("valid_from", "Berlaku mulai: wajib diisi"))
    elif latest is not None and valid_from < latest.valid_from:
        errors.append(
            FieldError(
                "valid_from",
                f"Berlaku mulai: tidak boleh sebelum versi {latest.version} ({latest.valid_from:%d-%m-%Y})",
            )
        )
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
    hh = session.get(Household, household_id)
    if hh is None or hh.deleted:
        raise NotFoundError("Keluarga tidak ditemukan (mungkin sudah dihapus)")
    errors: list[FieldError] = []
    if assessed_on is None:
        errors.append(FieldError("assessed_on", "Tanggal asesmen: wajib diisi"))
    elif assessed_on > today:
        errors.append(FieldError("assessed_on", f"Tanggal asesmen: {assessed_on:%d-%m-%Y} ada di masa depan"))
    elif assessed_on < EARLIEST_ASSESSMENT:
        errors.append(FieldError("assessed_on", f"Tanggal asesmen: {assessed_on:%d-%m-%Y} terlalu lampau"))
    assessed_by = (assessed_by or "").strip()
    if not assessed_by:
        errors.append(FieldError("assessed_by", "Petugas asesmen: wajib diisi"))
    elif len(assessed_by) > 120:
        errors.append(FieldError("assessed_by", "Petugas asesmen: terlalu panjang (maksimal 120 huruf)"))
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


# --- the default questionnaire (version 1) --------------------------------------------------------


def _q(code: str, text: str, *options: tuple[str, str, float]) -> Question:
    return Question(code, text, tuple(Option(c, label, points) for c, label, points in options))


DEFAULT_TITLE = "Asesmen kesejahteraan keluarga PKH (versi 1)"

DEFAULT_DEFINITION = Definition(
    sections=(
        Section(
            "pendapatan",
            "Pendapatan dan sumbernya",
            20,
            (
                _q(
                    "pendapatan_bulanan",
                    "Pendapatan seluruh anggota keluarga per bulan",
                    ("kurang_1jt", "Kurang dari Rp1.000.000", 0),
                    ("1jt_2jt", "Rp1.000.000 – Rp2.000.000", 35),
                    ("2jt_4jt", "Rp2.000.000 – Rp4.000.000", 70),
                    ("lebih_4jt", "Lebih dari Rp4.000.000", 100),
                ),
                _q(
                    "sumber_pendapatan",
                    "Sumber pendapatan utama keluarga",
                    ("bantuan", "Tidak ada / hanya dari bantuan atau kiriman", 0),
                    ("serabutan", "Buruh harian / serabutan", 30),
                    ("usaha_sendiri", "Usaha sendiri", 70),
                    ("gaji_tetap", "Gaji atau upah tetap", 100),
                ),
            ),
        ),
        Section(
            "pengeluaran",
            "Pengeluaran",
            10,
            (
                _q(
                    "porsi_pangan",
                    "Bagian pengeluaran bulanan yang habis untuk makan",
                    ("lebih_75", "Lebih dari 75%", 0),
                    ("60_75", "60% – 75%", 35),
                    ("40_60", "40% – 60%", 70),
                    ("kurang_40", "Kurang dari 40%", 100),
                ),
                _q(
                    "makan_sehari",
                    "Berapa kali anggota keluarga makan dalam sehari",
                    ("satu", "Satu kali", 0),
                    ("dua", "Dua kali", 50),
                    ("tiga", "Tiga kali atau lebih", 100),
                ),
            ),
        ),
        Section(
            "tabungan_utang",
            "Tabungan dan utang",
            10,
            (
                _q(
                    "tabungan",
                    "Tabungan keluarga (uang, emas, arisan)",
                    ("tidak_ada", "Tidak punya tabungan", 0),
                    ("kurang_sebulan", "Ada, cukup untuk kurang dari sebulan kebutuhan", 50),
                    ("lebih_sebulan", "Ada, cukup untuk sebulan kebutuhan atau lebih", 100),
                ),
                _q(
                    "utang",
                    "Utang keluarga",
                    ("rentenir", "Ada utang ke rentenir/pinjol atau cicilan menunggak", 0),
                    ("lancar", "Ada utang, cicilan lancar", 60),
                    ("tidak_ada", "Tidak punya utang", 100),
                ),
            ),
        ),
        Section(
            "usaha",
            "Kegiatan usaha",
            10,
            (
                _q(
                    "usaha_berjalan",
                    "Usaha produktif keluarga",
                    ("tidak_ada", "Tidak punya usaha", 0),
                    ("rintisan", "Baru dirintis / belum rutin", 40),
                    ("berjalan", "Berjalan rutin, untung kecil", 70),
                    ("berkembang", "Berjalan dan berkembang (bisa menabung)", 100),
                ),
            ),
        ),
        Section(
            "pekerjaan",
            "Pekerjaan anggota usia produktif",
            15,
            (
                _q(
                    "anggota_produktif_bekerja",
                    "Anggota keluarga usia produktif (18–59 tahun) yang bekerja",
                    ("tidak_ada", "Tidak ada yang bekerja", 0),
                    ("sebagian", "Sebagian bekerja", 50),
                    ("semua", "Semua bekerja", 100),
                ),
                _q(
                    "pekerjaan_utama",
                    "Pekerjaan pencari nafkah utama",
                    ("tidak_bekerja", "Tidak bekerja", 0),
                    ("serabutan", "Buruh harian / serabutan", 30),
                    ("informal_tetap", "Pekerja informal tetap / berusaha sendiri", 70),
                    ("formal", "Pegawai/karyawan dengan gaji tetap", 100),
                ),
            ),
        ),
        Section(
            "perumahan",
            "Kondisi rumah",
            10,
            (
                _q(
                    "lantai",
                    "Jenis lantai terluas",
                    ("tanah", "Tanah", 0),
                    ("papan_bambu", "Papan / bambu", 30),
                    ("semen", "Semen / plester", 60),
                    ("keramik", "Keramik / ubin", 100),
                ),
                _q(
                    "dinding",
                    "Jenis dinding terluas",
                    ("bambu", "Bambu / anyaman / terpal", 0),
                    ("kayu", "Kayu / papan", 40),
                    ("tembok_kasar", "Tembok belum diplester", 70),
                    ("tembok_plester", "Tembok diplester", 100),
                ),
                _q(
                    "atap",
                    "Jenis atap terluas",
                    ("daun", "Ijuk / rumbia / daun", 0),
                    ("seng_asbes", "Seng / asbes", 50),
                    ("genteng_beton", "Genteng / beton", 100),
                ),
            ),
        ),
        Section(
            "air_sanitasi",
            "Air minum dan sanitasi",
            10,
            (
                _q(
                    "sumber_air",
                    "Sumber air minum utama",
                    ("tak_terlindung", "Sungai / mata air tak terlindung / air hujan", 0),
                    ("sumur_terbuka", "Sumur tak terlindung", 30),
                    ("sumur_terlindung", "Sumur terlindung / sumur bor / pompa", 70),
                    ("ledeng", "Ledeng/PDAM atau air kemasan", 100),
                ),
                _q(
                    "jamban",
                    "Fasilitas buang air besar",
                    ("tidak_ada", "Tidak ada (sungai/kebun)", 0),
                    ("bersama", "Jamban bersama / umum", 50),
                    ("sendiri", "Jamban sendiri dengan tangki septik", 100),
                ),
            ),
        ),
        Section(
            "kesehatan",
            "Jaminan kesehatan",
            5,
            (
                _q(
                    "jaminan_kesehatan",
                    "Kepesertaan BPJS Kesehatan/KIS anggota keluarga",
                    ("tidak_ada", "Tidak ada anggota yang punya", 0),
                    ("sebagian", "Sebagian anggota punya", 40),
                    ("semua_pbi", "Semua anggota punya KIS/BPJS PBI (dibayar pemerintah)", 70),
                    ("semua_mandiri", "Semua anggota BPJS mandiri atau dari pemberi kerja", 100),
                ),
            ),
        ),
        Section(
            "pendidikan",
            "Pendidikan anak",
            5,
            (
                _q(
                    "anak_bersekolah",
                    "Anak usia sekolah (7–18 tahun) yang bersekolah",
                    ("tidak_ada", "Tidak ada yang bersekolah", 0),
                    ("sebagian", "Sebagian bersekolah (ada yang putus sekolah)", 40),
                    ("semua", "Semua bersekolah", 100),
                    ("tanpa_anak", "Tidak ada anak usia sekolah", 100),
                ),
            ),
        ),
        Section(
            "aset",
            "Kepemilikan aset",
            5,
            (
                _q(
                    "motor",
                    "Sepeda motor",
                    ("tidak_ada", "Tidak punya", 0),
                    ("satu", "Satu", 70),
                    ("dua_lebih", "Dua atau lebih", 100),
                ),
                _q(
                    "lemari_es",
                    "Lemari es/kulkas",
                    ("tidak", "Tidak punya", 0),
                    ("ya", "Punya", 100),
                ),
                _q(
                    "status_rumah",
                    "Status kepemilikan rumah",
                    ("menumpang", "Menumpang / bebas sewa", 0),
                    ("sewa", "Sewa / kontrak", 40),
                    ("milik_sendiri", "Milik sendiri", 100),
                ),
                _q(
                    "aset_lain",
                    "Aset lain (TV, ponsel pintar, mesin cuci, ternak, lahan)",
                    ("tidak_ada", "Tidak ada", 0),
                    ("satu_dua", "Satu atau dua jenis", 50),
                    ("tiga_lebih", "Tiga jenis atau lebih", 100),
                ),
            ),
        ),
    ),
    thresholds=(
        Threshold(0, WelfareClass.VERY_POOR.value),
        Threshold(40, WelfareClass.POOR.value),
        Threshold(60, WelfareClass.ABLE.value),
        Threshold(80, WelfareClass.SELF_RELIANT.value),
    ),
)
"""Weights add up to 100 (pendapatan 20, pekerjaan 15, the rest 10 or 5) for readability only: the
formula divides by the sum of the weights, so a later version need not keep that sum."""
