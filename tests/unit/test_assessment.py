"""Assessments: versioned questionnaire, scoring at the class boundaries, history and the family's class."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import GLOBAL_SCOPE, Assessment, Household, Questionnaire
from simoncer_desktop.models.enums import WelfareClass
from simoncer_desktop.services import assessment as asm
from simoncer_desktop.services import caseload
from simoncer_desktop.services.reference import seed_defaults
from simoncer_desktop.store import Database
from tests.factories import family

DEFAULT = asm.DEFAULT_DEFINITION
OFFICER = "Rina Marlina (pendamping)"


def create_family(db: Database, serial: int = 1) -> str:
    data, members = family(serial)
    with db.transaction() as s:
        return caseload.create_household(s, data, members)


def answers_for(definition: asm.Definition, low_sections: frozenset[str] = frozenset()) -> dict[str, str]:
    """The best option everywhere except the worst option in ``low_sections``."""
    out: dict[str, str] = {}
    for section in definition.sections:
        for q in section.questions:
            pick = min if section.code in low_sections else max
            out[q.code] = pick(q.options, key=lambda o: o.points).code
    return out


# With the default weights (total 100): worst in pendapatan+pekerjaan (35) → 65; also usaha+tabungan (55) → 45.
BEST = answers_for(DEFAULT)  # 100, mandiri
WORST = answers_for(DEFAULT, frozenset(s.code for s in DEFAULT.sections))  # 0, tidak mampu
ABLE = answers_for(DEFAULT, frozenset({"pendapatan", "pekerjaan"}))  # 65, mampu
POOR = answers_for(DEFAULT, frozenset({"pendapatan", "pekerjaan", "usaha", "tabungan_utang"}))  # 45


def one_question(*points: float, weights: tuple[float, ...] = (1,)) -> asm.Definition:
    """Sections of one question each (same options), for checking the formula and the boundaries."""
    options = tuple(asm.Option(f"p{i}", f"Pilihan {p}", p) for i, p in enumerate(points))
    return asm.Definition(
        sections=tuple(
            asm.Section(f"s{n}", f"Bagian {n}", w, (asm.Question(f"q{n}", f"Pertanyaan {n}", options),))
            for n, w in enumerate(weights)
        ),
        thresholds=DEFAULT.thresholds,
    )


# --- scoring ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (0, WelfareClass.VERY_POOR),
        (39.99, WelfareClass.VERY_POOR),
        (40, WelfareClass.POOR),
        (40.01, WelfareClass.POOR),
        (59.99, WelfareClass.POOR),
        (60, WelfareClass.ABLE),
        (79.99, WelfareClass.ABLE),
        (80, WelfareClass.SELF_RELIANT),
        (100, WelfareClass.SELF_RELIANT),
    ],
)
def test_score_at_and_around_each_threshold(points: float, expected: WelfareClass) -> None:
    definition = one_question(points, 0)
    assert asm.score(definition, {"q0": "p0"}) == (points, expected)


@pytest.mark.parametrize(("points", "expected"), [(40, "kurang_mampu"), (60, "mampu"), (80, "mandiri")])
def test_a_boundary_reached_through_float_weights_is_on_the_boundary(points: float, expected: str) -> None:
    # 0.1·p + 0.2·p over 0.3 is 39.99999999999999 in floating point for p = 40: rounding keeps it 40.
    definition = one_question(points, 0, weights=(0.1, 0.2))
    assert asm.score(definition, {"q0": "p0", "q1": "p0"}) == (points, expected)


def test_score_is_the_weighted_mean_of_the_section_means() -> None:
    options = (asm.Option("nol", "Nol", 0), asm.Option("penuh", "Penuh", 100))
    definition = asm.Definition(
        sections=(
            asm.Section("a", "A", 3, (asm.Question("a1", "A1", options), asm.Question("a2", "A2", options))),
            asm.Section("b", "B", 1, (asm.Question("b1", "B1", options),)),
        ),
        thresholds=DEFAULT.thresholds,
    )
    # section a: mean(100, 0) = 50; section b: 100; (3·50 + 1·100) / 4 = 62.5
    assert asm.score(definition, {"a1": "penuh", "a2": "nol", "b1": "penuh"}) == (62.5, WelfareClass.ABLE)
    assert asm.score(definition, {"a1": "nol", "a2": "nol", "b1": "penuh"}) == (25, WelfareClass.VERY_POOR)


def test_default_questionnaire_scores_the_whole_range() -> None:
    assert asm.score(DEFAULT, BEST) == (100, WelfareClass.SELF_RELIANT)
    assert asm.score(DEFAULT, WORST) == (0, WelfareClass.VERY_POOR)
    assert asm.score(DEFAULT, ABLE) == (65, WelfareClass.ABLE)
    assert asm.score(DEFAULT, POOR) == (45, WelfareClass.POOR)


def test_missing_and_unknown_answers_are_named_by_their_question() -> None:
    answers = dict(BEST)
    del answers["lantai"]
    answers["jamban"] = "emas"
    answers["warna_rumah"] = "biru"
    with pytest.raises(ValidationError) as err:
        asm.score(DEFAULT, answers)
    messages = err.value.by_field()
    assert messages["lantai"] == "Jenis lantai terluas: belum dijawab"
    assert "Fasilitas buang air besar" in messages["jamban"] and "'emas'" in messages["jamban"]
    assert "warna_rumah" in messages["warna_rumah"]


def test_definition_round_trips_through_json() -> None:
    assert asm.Definition.from_json(DEFAULT.to_json()) == DEFAULT
    assert json.loads(DEFAULT.to_json())["thresholds"][1] == {"min_score": 40, "welfare_class": "kurang_mampu"}


def test_default_questionnaire_covers_every_topic_and_is_valid() -> None:
    assert asm.validate_definition(DEFAULT) == []
    codes = {s.code for s in DEFAULT.sections}
    assert codes == {
        "pendapatan",
        "pengeluaran",
        "tabungan_utang",
        "usaha",
        "pekerjaan",
        "perumahan",
        "air_sanitasi",
        "kesehatan",
        "pendidikan",
        "aset",
    }
    questions = {q.code for q in DEFAULT.questions}
    assert {"lantai", "dinding", "atap", "sumber_air", "jamban", "jaminan_kesehatan", "tabungan", "utang"} <= questions
    assert {"usaha_berjalan", "anggota_produktif_bekerja", "anak_bersekolah", "motor", "lemari_es"} <= questions
    assert next(q for q in DEFAULT.questions if q.code == "lantai").options[0].label == "Tanah"


# --- definitions that are refused ---------------------------------------------------------------


def _with_section(definition: asm.Definition, index: int, **changes: object) -> asm.Definition:
    sections = list(definition.sections)
    sections[index] = replace(sections[index], **changes)
    return replace(definition, sections=tuple(sections))


def _thresholds(*pairs: tuple[float, str]) -> asm.Definition:
    return replace(DEFAULT, thresholds=tuple(asm.Threshold(s, c) for s, c in pairs))


BAD_POINTS = asm.Question("lantai", "Jenis lantai terluas", (asm.Option("a", "A", 0), asm.Option("b", "B", 120)))


@pytest.mark.parametrize(
    ("definition", "field", "words"),
    [
        (_with_section(DEFAULT, 0, weight=0), "section.pendapatan.weight", "bobot"),
        (_with_section(DEFAULT, 1, weight=-5), "section.pengeluaran.weight", "bobot"),
        (_with_section(DEFAULT, 5, questions=(BAD_POINTS,)), "question.lantai.options", "0–100"),
        (_with_section(DEFAULT, 5, questions=()), "section.perumahan.questions", "belum ada pertanyaan"),
        (_thresholds((0, "tidak_mampu"), (60, "kurang_mampu"), (60, "mampu"), (80, "mandiri")), "thresholds", "naik"),
        (_thresholds((0, "tidak_mampu"), (70, "kurang_mampu"), (60, "mampu"), (80, "mandiri")), "thresholds", "naik"),
        (_thresholds((0, "tidak_mampu"), (40, "kurang_mampu"), (60, "mampu")), "thresholds", "keempat kelas"),
        (
            _thresholds((0, "tidak_mampu"), (40, "mampu"), (60, "kurang_mampu"), (80, "mandiri")),
            "thresholds",
            "berurutan",
        ),
        (
            _thresholds((10, "tidak_mampu"), (40, "kurang_mampu"), (60, "mampu"), (80, "mandiri")),
            "thresholds",
            "mulai dari 0",
        ),
        (_thresholds((0, "tidak_mampu"), (40, "kurang_mampu"), (60, "mampu"), (101, "mandiri")), "thresholds", "0–100"),
    ],
)
def test_invalid_definitions_are_refused(db: Database, definition: asm.Definition, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        asm.publish_version(s, definition, date(2026, 1, 1), "Versi rusak")
    assert words in err.value.by_field()[field]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Questionnaire)) == 1  # nothing written


def test_malformed_json_is_refused() -> None:
    with pytest.raises(ValidationError):
        asm.Definition.from_json("{not json")
    with pytest.raises(ValidationError) as err:
        asm.Definition.from_json(json.dumps({"sections": [{"code": "a"}], "thresholds": []}))
    assert err.value.errors[0].field == "definition"


def test_publish_refuses_an_empty_title_and_a_date_before_the_latest_version(db: Database) -> None:
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        asm.publish_version(s, DEFAULT, date(2023, 12, 31), "  ")
    assert set(err.value.by_field()) == {"title", "valid_from"}


# --- the database ---------------------------------------------------------------------------------


def test_the_default_questionnaire_exists_after_open_database(db: Database) -> None:
    with db.read() as s:
        current = asm.current_questionnaire(s)
        row = s.get(Questionnaire, current.id)
        assert row is not None and row.scope == GLOBAL_SCOPE
    assert current.version == 1
    assert current.id == stable_id("questionnaire", "1")
    assert current.valid_from == date(2024, 1, 1)
    assert current.definition == DEFAULT
    with db.transaction() as s:  # seeding again (every start-up) adds nothing
        seed_defaults(s)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Questionnaire)) == 1
        with pytest.raises(NotFoundError):
            asm.current_questionnaire(s, on=date(2023, 12, 31))
        with pytest.raises(NotFoundError):
            asm.get_questionnaire(s, 9)


def test_record_stores_score_class_and_sets_the_family_class(db: Database) -> None:
    hh_id = create_family(db)
    with db.transaction() as s:
        a_id = asm.record_assessment(s, hh_id, ABLE, date(2025, 6, 1), f"  {OFFICER} ", "kunjungan rumah")
    with db.read() as s:
        row = s.get(Assessment, a_id)
        hh = s.get(Household, hh_id)
        assert row is not None and hh is not None
        assert (row.score, row.welfare_class, row.assessed_by) == (65, "mampu", OFFICER)
        assert row.scope == hh.scope == "32.71.01"
        assert json.loads(row.answers) == ABLE
        assert row.questionnaire_id == stable_id("questionnaire", "1")
        assert hh.welfare_class == "mampu"


def test_a_missing_or_unknown_answer_is_refused_and_nothing_written(db: Database) -> None:
    hh_id = create_family(db)
    answers = {k: v for k, v in BEST.items() if k != "sumber_air"}
    answers["atap"] = "jerami"
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        asm.record_assessment(s, hh_id, answers, date(2025, 6, 1), OFFICER)
    messages = err.value.by_field()
    assert messages["sumber_air"] == "Sumber air minum utama: belum dijawab"
    assert messages["atap"].startswith("Jenis atap terluas: jawaban 'jerami'")
    with db.read() as s:
        assert asm.assessment_history(s, hh_id) == []
        assert s.get(Household, hh_id).welfare_class is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("assessed_on", "assessed_by", "field"),
    [
        (date(2026, 1, 2), OFFICER, "assessed_on"),  # after "today" (2026-01-01)
        (date(1999, 12, 31), OFFICER, "assessed_on"),
        (None, OFFICER, "assessed_on"),
        (date(2025, 6, 1), "   ", "assessed_by"),
    ],
)
def test_bad_date_or_assessor_is_refused(db: Database, assessed_on: date | None, assessed_by: str, field: str) -> None:
    hh_id = create_family(db)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        asm.record_assessment(s, hh_id, BEST, assessed_on, assessed_by, today=date(2026, 1, 1))
    assert field in err.value.by_field()


def test_a_deleted_or_unknown_family_cannot_be_assessed(db: Database) -> None:
    hh_id = create_family(db)
    with db.transaction() as s:
        caseload.delete_household(s, hh_id)
    for target in (hh_id, "tidak-ada"):
        with pytest.raises(NotFoundError), db.transaction() as s:
            asm.record_assessment(s, target, BEST, date(2025, 6, 1), OFFICER)


def test_history_is_ordered_by_date_with_naik_turun_tetap(db: Database) -> None:
    hh_id = create_family(db)
    with db.transaction() as s:  # entered out of date order on purpose
        asm.record_assessment(s, hh_id, ABLE, date(2025, 6, 1), OFFICER)
        asm.record_assessment(s, hh_id, WORST, date(2024, 3, 1), OFFICER)
        asm.record_assessment(s, hh_id, POOR, date(2026, 1, 15), "Dadang")
        asm.record_assessment(s, hh_id, POOR, date(2026, 6, 15), "Dadang", "stabil")
        asm.record_assessment(s, hh_id, BEST, date(2026, 9, 30), "Dadang")
    with db.read() as s:
        history = asm.assessment_history(s, hh_id)
    assert [(h.assessed_on, h.welfare_class, h.change) for h in history] == [
        (date(2024, 3, 1), "tidak_mampu", None),
        (date(2025, 6, 1), "mampu", "naik"),
        (date(2026, 1, 15), "kurang_mampu", "turun"),
        (date(2026, 6, 15), "kurang_mampu", "tetap"),
        (date(2026, 9, 30), "mandiri", "naik"),
    ]
    assert [h.score for h in history] == [0, 65, 45, 45, 100]
    assert [h.score_change for h in history] == [None, 65, -20, 0, 55]
    assert history[1].welfare_class_label == "Mampu" and history[0].welfare_class_label == "Tidak mampu"
    assert history[3].notes == "stabil" and history[3].assessed_by == "Dadang"
    assert {h.version for h in history} == {1}


def test_family_class_follows_the_latest_assessment_by_date(db: Database) -> None:
    hh_id = create_family(db)
    with db.transaction() as s:
        asm.record_assessment(s, hh_id, ABLE, date(2025, 6, 1), OFFICER)
    with db.transaction() as s:  # an older paper form typed in later does not overwrite the newer class
        asm.record_assessment(s, hh_id, WORST, date(2024, 3, 1), OFFICER)
    with db.read() as s:
        assert s.get(Household, hh_id).welfare_class == "mampu"  # type: ignore[union-attr]
    with db.transaction() as s:
        asm.record_assessment(s, hh_id, POOR, date(2026, 2, 1), OFFICER)
    with db.read() as s:
        assert caseload.get_household(s, hh_id).welfare_class == "kurang_mampu"


def test_a_new_version_is_used_for_new_assessments_and_old_ones_keep_theirs(db: Database) -> None:
    hh_id = create_family(db)
    with db.transaction() as s:
        first = asm.record_assessment(s, hh_id, ABLE, date(2025, 6, 1), OFFICER)  # 65 → mampu under v1
    # Version 2: stricter thresholds (mampu from 70) from 2026.
    stricter = _thresholds((0, "tidak_mampu"), (50, "kurang_mampu"), (70, "mampu"), (90, "mandiri"))
    with db.transaction() as s:
        assert asm.publish_version(s, stricter, date(2026, 1, 1), "Asesmen versi 2") == 2
    with db.read() as s:
        assert asm.current_questionnaire(s, on=date(2025, 12, 31)).version == 1
        assert asm.current_questionnaire(s, on=date(2026, 1, 1)).version == 2
        assert asm.get_questionnaire(s, 2).definition == stricter
        assert asm.get_questionnaire(s, 1).definition == DEFAULT
    with db.transaction() as s:
        second = asm.record_assessment(s, hh_id, ABLE, date(2026, 3, 1), OFFICER)  # same answers → v2
        late_v1 = asm.record_assessment(s, hh_id, ABLE, date(2025, 12, 1), OFFICER)  # v1 was in force then
        forced = asm.record_assessment(s, hh_id, ABLE, date(2026, 4, 1), OFFICER, version=1)
    with db.read() as s:
        rows = {a_id: s.get(Assessment, a_id) for a_id in (first, second, late_v1, forced)}
        history = {h.id: h for h in asm.assessment_history(s, hh_id)}
    assert (history[first].version, history[first].score, history[first].welfare_class) == (1, 65, "mampu")
    assert (history[second].version, history[second].score, history[second].welfare_class) == (2, 65, "kurang_mampu")
    assert (history[late_v1].version, history[late_v1].welfare_class) == (1, "mampu")
    assert (history[forced].version, history[forced].welfare_class) == (1, "mampu")
    assert rows[first].questionnaire_id == stable_id("questionnaire", "1")  # type: ignore[union-attr]
    assert rows[second].questionnaire_id == stable_id("questionnaire", "2")  # type: ignore[union-attr]
    assert history[second].change == "turun"  # mampu (2025-12-01, v1) → kurang mampu (2026-03-01, v2)
    with db.transaction() as s:  # the next version number follows; the stored assessments are untouched
        assert asm.publish_version(s, DEFAULT, date(2026, 6, 1), "Asesmen versi 3") == 3
    with db.read() as s:
        assert s.get(Assessment, first).score == 65  # type: ignore[union-attr]
        assert s.get(Assessment, first).welfare_class == "mampu"  # type: ignore[union-attr]


def test_an_assessment_for_an_unknown_version_is_refused(db: Database) -> None:
    hh_id = create_family(db)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        asm.record_assessment(s, hh_id, BEST, date(2025, 6, 1), OFFICER, version=7)
    assert "versi 7" in err.value.by_field()["version"]
