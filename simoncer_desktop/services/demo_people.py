"""Synthetic people for the demo caseload (``demo_data``): who lives in a family, their ages, names,
schooling, disability, pregnancy and deaths, drawn at rates that make the caseload look like PKH's.

Every draw comes from the one ``random.Random`` that ``Synth`` is given, in a fixed order: changing the
order of draws here changes every row ``demo_data.generate`` writes for a seed.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from datetime import date
from typing import Any

from simoncer_desktop.models.enums import Education, Relationship, Sex
from simoncer_desktop.services import demo_names as names
from simoncer_desktop.services.components import age_on

MAX_AGE = 95
"""Older people would make the NIK's two-digit birth year ambiguous (the check picks the later century)."""

MALE, FEMALE = Sex.MALE.value, Sex.FEMALE.value
HEAD, WIFE, CHILD = Relationship.HEAD.value, Relationship.WIFE.value, Relationship.CHILD.value
CHILD_IN_LAW, GRANDCHILD = Relationship.CHILD_IN_LAW.value, Relationship.GRANDCHILD.value
PARENT, PARENT_IN_LAW = Relationship.PARENT.value, Relationship.PARENT_IN_LAW.value
NONE, PAUD, SD, SMP, SMA, HIGHER = (e.value for e in Education)

# Rates (probabilities) of the synthetic population; tuned so the composition looks like a PKH caseload.
SEVERE_DISABILITY = 0.02
PREGNANT_WIFE = 0.10
PREGNANT_AGES = (19, 42)
KEEP_WITHOUT_COMPONENT = 0.2
FAMILY_DRAWS = 3
CHILDREN_COUNT = ((1, 2, 3, 4, 5, 6), (30, 35, 21, 9, 4, 1))
ADULT_EDUCATION = {  # by minimum age: (levels, weights); poorer, older people went to school less
    60: ((NONE, SD, SMP, SMA, HIGHER), (35, 50, 10, 5, 0)),
    40: ((NONE, SD, SMP, SMA, HIGHER), (10, 50, 25, 14, 1)),
    19: ((NONE, SD, SMP, SMA, HIGHER), (3, 30, 35, 30, 2)),
}


class Person:
    """One member of a synthetic family; its name is drawn last, once the family is kept."""

    __slots__ = (
        "age",
        "birth",
        "death_date",
        "deceased",
        "disabled",
        "education",
        "in_school",
        "name",
        "pregnant",
        "relation",
        "sex",
    )

    def __init__(self, relation: str, sex: str, birth: date, age: int) -> None:
        self.relation = relation
        self.sex = sex
        self.birth = birth
        self.age = age
        self.education = NONE
        self.in_school = False
        self.pregnant = False
        self.disabled = False
        self.deceased = False
        self.death_date: date | None = None
        self.name = ""


def weighted(values: Sequence[Any], weights: Sequence[float]) -> tuple[tuple[Any, ...], list[float]]:
    """Values with cumulative weights, for ``Synth.pick`` (cheaper than ``random.choices`` per call)."""
    return tuple(values), list(itertools.accumulate(weights))


def _death_rate(age: int) -> float:
    if age >= 70:
        return 0.10
    if age >= 60:
        return 0.035
    return 0.005 if age >= 18 else 0.003


def _has_component(p: Person) -> bool:
    """Whether this person would bring the family a PKH component (default ages; see ``components``)."""
    if p.deceased:
        return False
    pupil = p.in_school and p.education in (SD, SMP, SMA)
    return p.age <= 6 or pupil or p.pregnant or p.age >= 70 or p.disabled


def recipient_index(people: list[Person]) -> int:
    """The PKH recipient (pengurus): the wife (mother) if there is one, else the head, who is then either
    a woman heading the family or a man on his own."""
    for i, p in enumerate(people):
        if p.relation == WIFE:
            return i
    return next(i for i, p in enumerate(people) if p.relation == HEAD)


class Synth:
    """Random people and families; every draw comes from ``rng`` in a fixed order."""

    def __init__(self, rng: random.Random, as_of: date) -> None:
        self.rng = rng
        self.as_of = as_of
        self.as_of_ord = as_of.toordinal()
        self.children_count = weighted(*CHILDREN_COUNT)
        self.adult_education = {age: weighted(*spec) for age, spec in ADULT_EDUCATION.items()}
        self.archetypes = weighted(
            (self.couple, self.single_mother, self.elderly, self.with_parents, self.three_generations),
            (60, 15, 8, 13, 4),
        )
        self.first_names = self._name_pools()

    @staticmethod
    def _name_pools() -> dict[tuple[str, int], tuple[tuple[str, ...], tuple[str, ...], float]]:
        """(sex, generation) → (first names, second names, share with a second name)."""
        return {
            (MALE, 0): (names.MALE_OLD, names.MALE_SECOND, 0.25),
            (MALE, 1): (names.MALE_MIDDLE, names.MALE_SECOND, 0.75),
            (MALE, 2): (names.MALE_YOUNG, names.MALE_SECOND_YOUNG, 0.8),
            (FEMALE, 0): (names.FEMALE_OLD, names.FEMALE_SECOND, 0.2),
            (FEMALE, 1): (names.FEMALE_MIDDLE, names.FEMALE_SECOND, 0.7),
            (FEMALE, 2): (names.FEMALE_YOUNG, names.FEMALE_SECOND_YOUNG, 0.8),
        }

    def pick(self, table: tuple[tuple[Any, ...], list[float]]) -> Any:
        values, cumulative = table
        return values[bisect.bisect(cumulative, self.rng.random() * cumulative[-1])]

    def sex(self) -> str:
        return MALE if self.rng.random() < 0.5 else FEMALE

    def person(self, relation: str, sex: str, age: int) -> Person:
        age = max(0, min(age, MAX_AGE))
        birth = date.fromordinal(self.as_of_ord - age * 365 - age // 4 - self.rng.randrange(365))
        return Person(relation, sex, birth, age_on(birth, self.as_of))

    def name(self, sex: str, birth_year: int) -> str:
        rng = self.rng
        generation = (birth_year >= names.OLD_GENERATION_BEFORE) + (birth_year >= names.YOUNG_GENERATION_FROM)
        firsts, seconds, two_part = self.first_names[sex, generation]
        first = rng.choice(firsts)
        if first in names.DIACRITIC_VARIANTS and rng.random() < 0.3:
            first = names.DIACRITIC_VARIANTS[first]
        if first in names.SECOND_AFTER:
            return f"{first} {rng.choice(names.SECOND_AFTER[first])}"
        if first in names.ALWAYS_TWO_PART or rng.random() < two_part:
            return f"{first} {rng.choice(seconds)}"
        return first

    # Family shapes. Ages are whole years on the as-of day; children come oldest first.

    def family(self) -> list[Person]:
        """A family with its members' facts and names. PKH enrols families that have a component, so a
        family without one is usually drawn again; the few kept are natural-graduation candidates."""
        for _ in range(FAMILY_DRAWS):
            people: list[Person] = self.pick(self.archetypes)()
            for p in people:
                self.describe(p)
            if any(map(_has_component, people)) or self.rng.random() < KEEP_WITHOUT_COMPONENT:
                break
        for p in people:
            p.name = self.name(p.sex, p.birth.year)
        return people

    def adult_age(self, low: int, high: int, mode: int) -> int:
        return int(self.rng.triangular(low, high, mode))

    def children(self, mother_age: int, relation: str = CHILD) -> list[Person]:
        rng = self.rng
        out: list[Person] = []
        mother_at_birth = rng.randint(18, 28)
        for _ in range(self.pick(self.children_count)):
            age = mother_age - mother_at_birth
            if age < 0:
                break
            if age <= 24 or (age <= 32 and rng.random() < 0.25):  # most grown-up children have left
                out.append(self.person(relation, self.sex(), age))
            mother_at_birth += rng.randint(2, 6)
            if mother_at_birth > 44:
                break
        return out

    def parent_of(self, child_age: int, relation: str) -> Person:
        rng = self.rng
        return self.person(relation, FEMALE if rng.random() < 0.65 else MALE, child_age + rng.randint(20, 35))

    def couple(self, low: int = 23, high: int = 62, mode: int = 37) -> list[Person]:
        head_age = self.adult_age(low, high, mode)
        wife_age = max(19, head_age - self.rng.randint(-2, 8))
        people = [self.person(HEAD, MALE, head_age), self.person(WIFE, FEMALE, wife_age)]
        return people + self.children(wife_age)

    def single_mother(self) -> list[Person]:
        age = self.adult_age(24, 62, 38)
        people = [self.person(HEAD, FEMALE, age), *self.children(age)]
        if self.rng.random() < 0.2:
            people.append(self.parent_of(age, PARENT))
        return people

    def elderly(self) -> list[Person]:
        rng = self.rng
        head_age = rng.randint(60, 88)
        male = rng.random() < 0.55
        people = [self.person(HEAD, MALE if male else FEMALE, head_age)]
        if male and rng.random() < 0.7:
            people.append(self.person(WIFE, FEMALE, max(55, head_age - rng.randint(0, 8))))
        if rng.random() < 0.35:
            people.append(self.person(CHILD, self.sex(), rng.randint(22, min(45, head_age - 20))))
        people += [self.person(GRANDCHILD, self.sex(), rng.randint(0, 17)) for _ in range(rng.randint(1, 3))]
        return people

    def with_parents(self) -> list[Person]:
        people = self.couple()
        head, wife = people[0], people[1]
        own = self.rng.random() < 0.5
        parent = self.parent_of(head.age, PARENT) if own else self.parent_of(wife.age, PARENT_IN_LAW)
        people.append(parent)
        if self.rng.random() < 0.15:
            other = MALE if parent.sex == FEMALE else FEMALE
            people.append(self.person(parent.relation, other, parent.age + self.rng.randint(-3, 6)))
        return people

    def three_generations(self) -> list[Person]:
        rng = self.rng
        people = self.couple(44, 66, 52)
        wife_age = people[1].age
        grown = [p for p in people[2:] if p.age >= 20]
        if not grown:
            grown = [self.person(CHILD, self.sex(), rng.randint(20, max(20, min(30, wife_age - 18))))]
            people.insert(2, grown[0])
        married = grown[0]
        spouse_sex = MALE if married.sex == FEMALE else FEMALE
        spouse = self.person(CHILD_IN_LAW, spouse_sex, max(18, married.age + rng.randint(-3, 4)))
        people.append(spouse)
        mother_age = married.age if married.sex == FEMALE else spouse.age
        people += self.children(mother_age, GRANDCHILD)[-2:]
        return people

    # Facts about one person.

    def describe(self, p: Person) -> None:
        rng = self.rng
        p.education, p.in_school = self.education(p.age)
        p.disabled = rng.random() < SEVERE_DISABILITY
        if rng.random() < _death_rate(p.age):
            p.deceased, p.in_school = True, False
            p.death_date = max(p.birth, date.fromordinal(self.as_of_ord - rng.randint(14, 720)))
        elif (
            p.sex == FEMALE
            and p.relation in (WIFE, CHILD_IN_LAW)
            and PREGNANT_AGES[0] <= p.age <= PREGNANT_AGES[1]
            and rng.random() < PREGNANT_WIFE
        ):
            p.pregnant = True

    def education(self, age: int) -> tuple[str, bool]:
        """Highest level attended and whether still at school, by age (with some dropouts)."""
        r = self.rng.random()
        if age < 4:
            return NONE, False
        if age <= 5:
            return (PAUD, True) if r < 0.55 else (NONE, False)
        if age == 6:
            return (SD, True) if r < 0.35 else (PAUD, True) if r < 0.8 else (NONE, False)
        if age <= 12:
            return (SD, True) if r < 0.96 else (SD, False) if r < 0.99 else (NONE, False)
        if age <= 15:
            return (SMP, True) if r < 0.87 else (SD, False)
        if age <= 18:
            return (SMA, True) if r < 0.70 else (SMP, False) if r < 0.92 else (SD, False)
        if age <= 22 and r < 0.05:
            return HIGHER, True
        table = next(t for min_age, t in self.adult_education.items() if age >= min_age)
        return self.pick(table), False
