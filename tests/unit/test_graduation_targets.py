"""The targets dashboard: per pendamping, kelurahan and kecamatan, year boundaries, the city total."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import Assessment, Enrollment, Facilitator, Questionnaire
from simoncer_desktop.services import caseload
from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_decision as dec
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services.graduation_targets import (
    KECAMATAN as LEVEL_KECAMATAN,
)
from simoncer_desktop.services.graduation_targets import (
    KELURAHAN as LEVEL_KELURAHAN,
)
from simoncer_desktop.services.graduation_targets import (
    NO_FACILITATOR,
    TargetRow,
    TargetsView,
    split_target,
    targets,
)
from simoncer_desktop.services.programme import CohortInput
from simoncer_desktop.services.settings import set_setting
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN, KELURAHAN, OTHER_KECAMATAN, OTHER_KELURAHAN, family

SECOND_KELURAHAN = "32.71.02.1002"


def add_facilitator(s: Session, name: str, scope: str, codes: str, target: int) -> str:
    fac = Facilitator(id=uuid7(), scope=scope, name=name, kelurahan_codes=codes, yearly_target=target)
    s.add(fac)
    s.flush()
    return fac.id


def add_family(s: Session, serial: int, kelurahan: str, facilitator_id: str | None) -> tuple[str, str]:
    data, members = family(serial, kelurahan)
    data.facilitator_id = facilitator_id
    hh_id = caseload.create_household(s, data, members)
    mother = next(m.id for m in caseload.get_household(s, hh_id, on=date(2025, 1, 10)).members if m.relation == "istri")
    return hh_id, mother


def add_assessment(s: Session, household_id: str, scope: str, on: date) -> str:
    questionnaire = s.scalar(select(Questionnaire).order_by(Questionnaire.version).limit(1))
    if questionnaire is None:
        questionnaire = Questionnaire(
            id=uuid7(), scope="*", version=1, title="Uji", valid_from=date(2024, 1, 1), definition="{}"
        )
        s.add(questionnaire)
        s.flush()
    row = Assessment(
        id=uuid7(),
        scope=scope,
        household_id=household_id,
        questionnaire_id=questionnaire.id,
        assessed_on=on,
        assessed_by="Rina",
        answers="{}",
        score=82.0,
        welfare_class="mandiri",
    )
    s.add(row)
    s.flush()
    return row.id


def propose(s: Session, household_id: str, scope: str, on: date) -> str:
    return dec.propose_graduation(s, household_id, add_assessment(s, household_id, scope, on), "Mandiri", "Rina", on)


@dataclass
class World:
    a: str
    b: str
    c: str


@pytest.fixture
def world(db: Database) -> World:
    """Pendamping A (Batu Tulis, target 10), B (two kelurahan of kecamatan 02, target 5), C (Batu Tulis,
    target 3); families with decisions around the turn of 2025/2026 and enrollments in several states."""
    with db.transaction() as s:
        a = add_facilitator(s, "Ani", KECAMATAN, KELURAHAN, 10)
        b = add_facilitator(s, "Budi", OTHER_KECAMATAN, f"{OTHER_KELURAHAN},{SECOND_KELURAHAN}", 5)
        c = add_facilitator(s, "Cici", KECAMATAN, KELURAHAN, 3)
        f1, m1 = add_family(s, 1, KELURAHAN, a)
        f2, m2 = add_family(s, 2, KELURAHAN, a)
        f3, m3 = add_family(s, 3, KELURAHAN, a)
        f4, m4 = add_family(s, 4, OTHER_KELURAHAN, b)
        f5, _ = add_family(s, 5, KELURAHAN, None)
        f6, m6 = add_family(s, 6, OTHER_KELURAHAN, b)
        cohort = prog.create_cohort(s, CohortInput("Kohort 2025", 2025, date(2025, 1, 5), KECAMATAN))
        other = prog.create_cohort(s, CohortInput("Kohort 2025 B", 2025, date(2025, 1, 5), OTHER_KECAMATAN))
        prog.enroll(s, cohort, f2, m2, date(2025, 1, 10))  # open: in pipeline for A
        prog.enroll(s, cohort, f3, m3, date(2025, 1, 10))  # open: in pipeline for A
        withdrawn = prog.enroll(s, cohort, f1, m1, date(2025, 1, 10))
        s.get(Enrollment, withdrawn).withdrawn_on = date(2025, 6, 1)  # withdrawn: not in pipeline
        done = prog.enroll(s, other, f4, m4, date(2025, 1, 10))
        progress.correct_stage(s, done, 6, "Uji", "Kasi Dedi", date(2025, 5, 1))
        progress.pass_stage(s, done, 6, date(2025, 6, 1), "Rina")  # complete: not in pipeline
        prog.enroll(s, other, f6, m6, date(2025, 1, 10))  # open: in pipeline for B

        d1 = propose(s, f1, KECAMATAN, date(2026, 3, 2))
        dec.decide_graduation(s, d1, True, "Kasi Dedi", date(2026, 4, 1))  # approved in 2026
        propose(s, f2, KECAMATAN, date(2025, 12, 31))  # waiting, proposed in 2025
        propose(s, f3, KECAMATAN, date(2026, 12, 31))  # waiting, proposed in 2026
        d4 = propose(s, f4, OTHER_KECAMATAN, date(2025, 12, 20))
        dec.decide_graduation(s, d4, True, "Kasi Dedi", date(2026, 1, 1))  # approved on 1 January 2026
        d5 = propose(s, f5, KECAMATAN, date(2026, 5, 1))
        dec.decide_graduation(s, d5, False, "Kasi Dedi", date(2026, 5, 2), note="Belum mandiri")  # rejected
    return World(a, b, c)


def figures(view: TargetsView) -> dict[str, tuple[int, int, int, int]]:
    return {r.name: (r.target, r.proposed, r.approved, r.in_pipeline) for r in view.rows}


def test_split_target_keeps_whole_families_and_the_sum() -> None:
    assert split_target(10, ["a", "b", "c"]) == {"a": 4, "b": 3, "c": 3}
    assert split_target(5, ["a", "b"]) == {"a": 3, "b": 2}
    assert split_target(7, []) == {}


def test_per_pendamping(db: Database, world: World) -> None:
    with db.read() as s:
        view = targets(s, 2026)
    assert figures(view) == {
        "Ani": (10, 1, 1, 2),
        "Budi": (5, 0, 1, 1),
        "Cici": (3, 0, 0, 0),
    }
    ani = next(r for r in view.rows if r.name == "Ani")
    assert ani.code == world.a and ani.kecamatan == "Bogor Selatan" and ani.percent == pytest.approx(10.0)
    assert next(r for r in view.rows if r.name == "Cici").percent == 0.0
    assert view.city_approved == 2 and view.city_proposed == 1 and view.city_pipeline == 3
    assert view.city_target == 750 and view.city_percent == pytest.approx(100 * 2 / 750)


def test_family_without_pendamping_has_its_own_row(db: Database, world: World) -> None:
    with db.transaction() as s:
        f7, _ = add_family(s, 7, KELURAHAN, None)
        propose(s, f7, KECAMATAN, date(2026, 2, 1))
    with db.read() as s:
        rows = {r.name: r for r in targets(s, 2026).rows}
    assert rows[NO_FACILITATOR] == TargetRow("", NO_FACILITATOR, "", 0, 1, 0, 0)
    assert rows[NO_FACILITATOR].percent is None
    assert list(rows)[-1] == NO_FACILITATOR


def test_per_kelurahan_splits_targets_and_sums_them(db: Database, world: World) -> None:
    with db.read() as s:
        view = targets(s, 2026, LEVEL_KELURAHAN)
    rows = {r.code: r for r in view.rows}
    assert (rows[KELURAHAN].target, rows[KELURAHAN].proposed, rows[KELURAHAN].approved) == (13, 1, 1)
    assert rows[KELURAHAN].in_pipeline == 2 and rows[KELURAHAN].name == "Batu Tulis"
    other = rows[OTHER_KELURAHAN]
    assert (other.target, other.approved, other.in_pipeline) == (3, 1, 1)
    assert (rows[SECOND_KELURAHAN].target, rows[SECOND_KELURAHAN].approved) == (2, 0)
    assert rows[OTHER_KELURAHAN].kecamatan == rows[SECOND_KELURAHAN].kecamatan != rows[KELURAHAN].kecamatan


def test_per_kecamatan_adds_up_to_the_city(db: Database, world: World) -> None:
    with db.read() as s:
        view = targets(s, 2026, LEVEL_KECAMATAN)
        kelurahan = targets(s, 2026, LEVEL_KELURAHAN)
    rows = {r.code: r for r in view.rows}
    assert (rows[KECAMATAN].target, rows[KECAMATAN].proposed, rows[KECAMATAN].approved) == (13, 1, 1)
    other = rows[OTHER_KECAMATAN]
    assert (other.target, other.approved, other.in_pipeline) == (5, 1, 1)
    assert rows[KECAMATAN].name == "Bogor Selatan"
    assert sum(r.approved for r in view.rows) == view.city_approved == 2
    assert sum(r.target for r in view.rows) == sum(r.target for r in kelurahan.rows) == 18


def test_year_boundaries(db: Database, world: World) -> None:
    with db.read() as s:
        y2025 = figures(targets(s, 2025))
        y2027 = figures(targets(s, 2027))
    # 2025: f2's proposal of 31 December waits; f4 was proposed in 2025 but approved in 2026.
    assert y2025["Ani"] == (10, 1, 0, 2) and y2025["Budi"] == (5, 0, 0, 1)
    # 2027: nothing decided or proposed yet; the pipeline is today's.
    assert y2027["Ani"] == (10, 0, 0, 2)


def test_settings_change_the_city_target(db: Database, world: World) -> None:
    with db.transaction() as s:
        set_setting(s, "city_graduation_target", 500, date(2026, 1, 1))
    with db.read() as s:
        assert targets(s, 2026).city_target == 500
        assert targets(s, 2025).city_target == 750


def test_unknown_level_is_refused(db: Database) -> None:
    with db.read() as s, pytest.raises(ValueError, match="level"):
        targets(s, 2026, "provinsi")
