"""Identities and a small starting state for the role tests (``tests/unit/test_roles.py``).

Every identity is made by hand (no account rows needed: the services only read ``Session.info``). The
starting state is one family of kecamatan A looked after by the pendamping ``FAC_OWN``; each case adds
what its service needs on top, as the set-up administrator, before the role under test is bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.models import Facilitator
from simoncer_desktop.models.base import Base
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services import acting, caseload
from simoncer_desktop.services import assessment as asm
from simoncer_desktop.services import natural_graduation as ng
from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_decision as dec
from simoncer_desktop.services import relief_events as ev
from simoncer_desktop.services import relief_victims as rv
from simoncer_desktop.services.identity import make_nik, make_no_kk
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.services.programme import CohortInput
from simoncer_desktop.services.relief_events import AreaInput, EventInput
from tests.factories import KECAMATAN, KELURAHAN, OTHER_KECAMATAN, family, household, member

FAC_OWN = "0190f5a0-0000-7000-8000-0000000000f1"
"""The pendamping of the starting family (and of the cohort)."""
FAC_OTHER = "0190f5a0-0000-7000-8000-0000000000f2"
"""Another pendamping of the same kecamatan."""

START = date(2026, 1, 5)
ENROLLED = date(2026, 1, 10)
TODAY = date.today()
OCCURRED = datetime.now().replace(microsecond=0, second=0) - timedelta(days=3)


def _who(key: str, role: Role, scope: str, facilitator_id: str | None = None) -> Identity:
    return Identity(f"user-{key}", key.replace("_", "."), f"Uji {key}", role, scope, facilitator_id)


SETUP = _who("setup_admin", Role.ADMIN, "*")
"""Builds the starting state and each case's preparation."""

IDENTITIES: dict[str, Identity | None] = {
    "operator_A": _who("operator_a", Role.OPERATOR, KECAMATAN),
    "operator_B": _who("operator_b", Role.OPERATOR, OTHER_KECAMATAN),
    "pendamping_own": _who("pendamping_own", Role.FACILITATOR, KECAMATAN, FAC_OWN),
    "pendamping_other": _who("pendamping_other", Role.FACILITATOR, KECAMATAN, FAC_OTHER),
    "supervisor": _who("supervisor", Role.SUPERVISOR, "*"),
    "admin": _who("admin", Role.ADMIN, "*"),
    "viewer": _who("viewer", Role.VIEWER, KECAMATAN),
    "nobody": None,
}
ROLE_KEYS = tuple(IDENTITIES)


@dataclass
class World:
    household: str
    """Family 1 of kecamatan A, pendamping ``FAC_OWN``."""
    mother: str
    toddler: str
    tmp: Path


def build_world(s: Session, tmp: Path) -> World:
    acting.bind(s, SETUP)
    for fac_id, name in ((FAC_OWN, "Rina Pendamping"), (FAC_OTHER, "Dewi Pendamping")):
        s.add(Facilitator(id=fac_id, scope=KECAMATAN, name=name, kelurahan_codes=KELURAHAN))
    s.flush()
    data, members = family(1)
    data.facilitator_id = FAC_OWN
    hh = caseload.create_household(s, data, members)
    by_name = {m.name: m.id for m in caseload.get_household(s, hh, on=ENROLLED).members}
    return World(hh, by_name["Siti Nurhaliza"], by_name["Asep Hidayat"], tmp)


def row_counts(s: Session) -> dict[str, int]:
    """Rows of every table (audit trail included): a refused call must leave all of them as they were."""
    return {t.name: s.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}


# --- preparations (run as SETUP) --------------------------------------------------------------------


def answers_best() -> dict[str, str]:
    return {
        q.code: max(q.options, key=lambda o: o.points).code
        for sec in asm.DEFAULT_DEFINITION.sections
        for q in sec.questions
    }


def cohort(s: Session) -> str:
    return prog.create_cohort(
        s, CohortInput(name="Kohort Uji Peran", year=2026, starts_on=START, scope=KECAMATAN, facilitator_id=FAC_OWN)
    )


def enrolled(s: Session, w: World) -> tuple[str, str]:
    """(cohort, enrollment) of the starting family's mother."""
    cohort_id = cohort(s)
    return cohort_id, prog.enroll(s, cohort_id, w.household, w.mother, ENROLLED)


def assessed(s: Session, w: World) -> str:
    return asm.record_assessment(s, w.household, answers_best(), date(2026, 9, 1), "Rina", today=TODAY)


def proposed(s: Session, w: World) -> str:
    return dec.propose_graduation(s, w.household, assessed(s, w), "Usaha jahit mandiri", "Rina", date(2026, 10, 5))


def graduated(s: Session, w: World) -> str:
    """The first follow-up visit of an approved graduation."""
    decision = proposed(s, w)
    dec.decide_graduation(s, decision, True, "Kasi Dedi", date(2026, 10, 31))
    return dec.household_decisions(s, w.household)[0].follow_ups[0].id


def aged_out(s: Session) -> str:
    """A family of kecamatan A whose only child left school age: natural graduation proposes it."""
    data = household(7)
    data.facilitator_id = FAC_OWN
    mother = member("Siti Aminah", date(1985, 6, 1), "P", 71, relation="istri", is_recipient=True)
    pupil = member("Rudi Hartono", date(2000, 1, 1), "P", 72, education="sma", in_school=True)
    return caseload.create_household(s, data, [mother, pupil])


def ng_run(s: Session) -> str:
    aged_out(s)
    return ng.propose(s, "2026Q3", "Kasi Uji", on=date(2026, 10, 5)).id


def event(s: Session) -> str:
    data = EventInput("banjir", "Banjir uji peran", OCCURRED, KECAMATAN, [AreaInput(KELURAHAN, "3", "7")])
    return ev.create_event(s, data, "Operator Uji")


def victim_family(serial: int = 501) -> rv.FamilyInput:
    born = date(1990, 4, 12)
    nik = make_nik(KECAMATAN, born, "P", serial)
    victims = [rv.VictimInput(name="Rina Marlina", sex="P", nik=nik, birth_date=born, relation="kepala")]
    return rv.FamilyInput(
        head_name="Rina Marlina",
        kelurahan_code=KELURAHAN,
        victims=victims,
        no_kk=make_no_kk(KECAMATAN, date(2016, 2, 3), serial),
        address="Kp. Sawah",
        rt="3",
        rw="7",
        damage="berat",
    )
