"""PKH components derived from members — never typed in by hand.

Rules (ages and amounts are reference data, see ``ComponentRules.load``):
- a live, not deceased member qualifies for every component whose condition holds on the given day;
- a member is *paid* for one component only, the one with the highest yearly amount;
- a family is paid for at most ``component_cap`` members (default 4), the highest amounts first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from sqlalchemy import ColumnElement, and_, false
from sqlalchemy.orm import Session

from simoncer_desktop.models import Member
from simoncer_desktop.models.enums import Component, Education
from simoncer_desktop.services.settings import component_rates, get_setting

SCHOOL_COMPONENTS = {Education.SD: Component.SD, Education.SMP: Component.SMP, Education.SMA: Component.SMA}


class MemberFacts(Protocol):
    birth_date: date
    sex: str
    education: str
    in_school: bool
    pregnant: bool
    severe_disability: bool
    deceased: bool


def age_on(birth_date: date, on: date) -> int:
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def years_before(on: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 Feb → 28 Feb)."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return on.replace(year=on.year - years, day=28)


@dataclass(frozen=True)
class ComponentRules:
    rates: dict[str, int]
    cap: int = 4
    early_child_max_age: int = 6
    school_max_age: int = 21
    elderly_min_age: int = 70

    @classmethod
    def load(cls, session: Session, on: date | None = None) -> ComponentRules:
        on = on or date.today()
        return cls(
            rates=component_rates(session, on),
            cap=int(get_setting(session, "component_cap", on)),
            early_child_max_age=int(get_setting(session, "early_child_max_age", on)),
            school_max_age=int(get_setting(session, "school_max_age", on)),
            elderly_min_age=int(get_setting(session, "elderly_min_age", on)),
        )

    def qualifies(self, m: MemberFacts, on: date) -> list[Component]:
        """Every component this member's facts satisfy on ``on``."""
        if m.deceased:
            return []
        age = age_on(m.birth_date, on)
        found: list[Component] = []
        school = SCHOOL_COMPONENTS.get(Education(m.education)) if m.in_school else None
        if school and age <= self.school_max_age:
            found.append(school)
        elif 0 <= age <= self.early_child_max_age:
            found.append(Component.EARLY_CHILD)
        if m.pregnant and m.sex == "P":
            found.append(Component.PREGNANT)
        if age >= self.elderly_min_age:
            found.append(Component.ELDERLY)
        if m.severe_disability:
            found.append(Component.DISABILITY)
        return found

    def sql_condition(self, component: Component, on: date) -> ColumnElement[bool]:
        """The same rule as ``qualifies`` as a SQL condition on ``Member`` (for filters and counts)."""
        live = and_(Member.deleted.is_(False), Member.deceased.is_(False))
        school_cut = years_before(on, self.school_max_age + 1)  # age <= max  <=>  born after this day
        school_edu = [str(e) for e in SCHOOL_COMPONENTS]
        conditions: dict[Component, ColumnElement[bool]] = {
            Component.PREGNANT: and_(Member.pregnant.is_(True), Member.sex == "P"),
            Component.EARLY_CHILD: and_(
                Member.birth_date > years_before(on, self.early_child_max_age + 1),
                Member.birth_date <= on,
                ~and_(Member.in_school.is_(True), Member.education.in_(school_edu), Member.birth_date > school_cut),
            ),
            Component.ELDERLY: Member.birth_date <= years_before(on, self.elderly_min_age),
            Component.DISABILITY: Member.severe_disability.is_(True),
        }
        for edu, comp in SCHOOL_COMPONENTS.items():
            conditions[comp] = and_(
                Member.in_school.is_(True), Member.education == str(edu), Member.birth_date > school_cut
            )
        return and_(live, conditions.get(component, false()))


@dataclass(frozen=True)
class MemberComponent:
    member_index: int
    qualifies: tuple[Component, ...]
    paid: Component | None
    amount: int


@dataclass(frozen=True)
class ComponentSummary:
    per_member: list[MemberComponent] = field(default_factory=list)
    counts: dict[Component, int] = field(default_factory=dict)
    """Members per component they are paid for (before the cap)."""
    paid: list[tuple[int, Component, int]] = field(default_factory=list)
    """(member index, component, yearly amount) actually paid after the cap."""

    @property
    def yearly_amount(self) -> int:
        return sum(amount for _, _, amount in self.paid)

    @property
    def labels(self) -> str:
        return ", ".join(f"{c.label} ({n})" if n > 1 else c.label for c, n in self.counts.items())


def derive(members: list[MemberFacts], rules: ComponentRules, on: date | None = None) -> ComponentSummary:
    on = on or date.today()
    per_member: list[MemberComponent] = []
    counts: dict[Component, int] = {}
    candidates: list[tuple[int, Component, int]] = []
    for i, m in enumerate(members):
        qual = rules.qualifies(m, on)
        paid = max(qual, key=lambda c: rules.rates.get(c, 0), default=None)
        amount = rules.rates.get(paid, 0) if paid else 0
        per_member.append(MemberComponent(i, tuple(qual), paid, amount))
        if paid:
            counts[paid] = counts.get(paid, 0) + 1
            candidates.append((i, paid, amount))
    candidates.sort(key=lambda t: (-t[2], t[0]))
    ordered = {c: counts[c] for c in Component if c in counts}
    return ComponentSummary(per_member, ordered, candidates[: rules.cap])
