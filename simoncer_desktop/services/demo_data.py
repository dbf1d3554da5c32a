"""Deterministic synthetic caseload for demos, tests and benchmarks (``simoncer-cli demo-data``).

The same (seed, region, families) on a fresh database gives the same rows, ids included: every random
choice comes from one ``random.Random(seed)`` in a fixed order, ids from ``SeededUuid7`` and dates are
relative to a fixed day (``DEMO_AS_OF``), never to today. The data is meant to look like a real PKH
caseload of a West Java regency/city: families of plausible composition, NIKs and No. KK that pass the
structural checks, kelurahan, RT/RW and addresses of the region, one facilitator per ~400 families.

Speed matters (110,000 families must load in under a minute), so rows are plain dicts written with Core
``insert`` executemany in chunks; no ORM objects and no per-row queries. The inserts are ordinary INSERTs
so the triggers of migration 0002 (household summary columns, name search index) fire for every member.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import logging
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.ids import SeededUuid7
from simoncer_desktop.models import Facilitator, Household, Member, Wilayah
from simoncer_desktop.models.enums import Education, HouseholdStatus, Relationship, Sex
from simoncer_desktop.services import demo_names as names
from simoncer_desktop.services.components import age_on
from simoncer_desktop.services.identity import make_nik, make_no_kk
from simoncer_desktop.services.reference import KECAMATAN, KELURAHAN, REGENCY
from simoncer_desktop.services.settings import REGION_CODE, region_code, set_setting

log = logging.getLogger(__name__)

DEMO_AS_OF = date(2025, 12, 1)
"""The day the synthetic caseload describes (ages, school levels, desil dates). Fixed, so that the data
does not change with the calendar; it is also ``SeededUuid7``'s default epoch."""

CHUNK_FAMILIES = 5_000
FAMILIES_PER_FACILITATOR = 400
MAX_KELURAHAN_PER_FACILITATOR = 30
"""Keeps ``Facilitator.kelurahan_codes`` (500 characters) from overflowing when a small data set is spread
over a kecamatan with many desa."""
FACILITATOR_YEARLY_TARGET = 10
MAX_AGE = 95
"""Older people would make the NIK's two-digit birth year ambiguous (the check picks the later century)."""

MALE, FEMALE = Sex.MALE.value, Sex.FEMALE.value
HEAD, WIFE, CHILD = Relationship.HEAD.value, Relationship.WIFE.value, Relationship.CHILD.value
CHILD_IN_LAW, GRANDCHILD = Relationship.CHILD_IN_LAW.value, Relationship.GRANDCHILD.value
PARENT, PARENT_IN_LAW = Relationship.PARENT.value, Relationship.PARENT_IN_LAW.value
NONE, PAUD, SD, SMP, SMA, HIGHER = (e.value for e in Education)

# Rates (probabilities) of the synthetic population; tuned so the composition looks like a PKH caseload.
OWN_KECAMATAN_NIK = 0.9
SEVERE_DISABILITY = 0.02
PREGNANT_WIFE = 0.10
PREGNANT_AGES = (19, 42)
HAS_PHONE = 0.45
KKS_HOLDER = 0.93
"""Families with a KKS card, i.e. the bank account PKH is paid into."""
INACTIVE = 0.01
KEEP_WITHOUT_COMPONENT = 0.2
FAMILY_DRAWS = 3
CHILDREN_COUNT = ((1, 2, 3, 4, 5, 6), (30, 35, 21, 9, 4, 1))
DESIL = ((1, 2, 3, 4), (42, 30, 18, 10))
ADULT_EDUCATION = {  # by minimum age: (levels, weights); poorer, older people went to school less
    60: ((NONE, SD, SMP, SMA, HIGHER), (35, 50, 10, 5, 0)),
    40: ((NONE, SD, SMP, SMA, HIGHER), (10, 50, 25, 14, 1)),
    19: ((NONE, SD, SMP, SMA, HIGHER), (3, 30, 35, 30, 2)),
}


Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class DemoResult:
    families: int
    members: int
    facilitators: int
    region: str
    """The code generated for, e.g. ``32.71`` or ``32.71.01``."""


# --- region ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Region:
    regency: str
    kelurahan: dict[str, list[tuple[str, str]]]
    """Kecamatan code → its (kelurahan code, name), in code order; only kecamatan that have kelurahan."""
    province_kecamatan: tuple[str, ...]
    """Every kecamatan of the province: where people's NIKs may have been issued."""


def _load_region(session: Session, code: str) -> _Region:
    row = session.get(Wilayah, code)
    if row is None:
        raise ValidationError(f"Wilayah {code} tidak dikenal", field="region")
    if row.tingkat not in (REGENCY, KECAMATAN):
        raise ValidationError(f"Wilayah {code} ({row.nama}) bukan kabupaten/kota atau kecamatan", field="region")
    kecamatan = [code] if row.tingkat == KECAMATAN else _codes_below(session, code, KECAMATAN)
    kelurahan: dict[str, list[tuple[str, str]]] = {}
    rows = session.execute(
        select(Wilayah.parent_kode, Wilayah.kode, Wilayah.nama)
        .where(Wilayah.parent_kode.in_(kecamatan), Wilayah.tingkat == KELURAHAN)
        .order_by(Wilayah.kode)
    )
    for parent, kode, nama in rows:
        kelurahan.setdefault(parent, []).append((kode, nama))
    if not kelurahan:
        raise ValidationError(f"Wilayah {code} ({row.nama}) tidak mempunyai kelurahan/desa", field="region")
    regency = code if row.tingkat == REGENCY else cast(str, row.parent_kode)
    province = regency.split(".")[0]
    province_kecamatan = tuple(
        session.scalars(
            select(Wilayah.kode)
            .where(Wilayah.tingkat == KECAMATAN, Wilayah.kode.like(f"{province}.%"))
            .order_by(Wilayah.kode)
        )
    )
    return _Region(regency, kelurahan, province_kecamatan)


def _codes_below(session: Session, parent: str, level: str) -> list[str]:
    return list(
        session.scalars(
            select(Wilayah.kode).where(Wilayah.parent_kode == parent, Wilayah.tingkat == level).order_by(Wilayah.kode)
        )
    )


def _ensure_region_setting(session: Session, regency: str) -> None:
    current = region_code(session)
    if current is None:
        set_setting(session, REGION_CODE, regency)
    elif current != regency:
        log.warning("Demo data for %s in a database set up for %s", regency, current)


# --- unique numbers ----------------------------------------------------------------------------


class _NumberPool:
    """Hands out NIK and No. KK serials: per 12-digit prefix (region + date) the next serial above every
    number already used, so nothing generated collides with itself or with the database."""

    def __init__(self, taken: Iterable[str | None]) -> None:
        self._last: dict[str, int] = {}
        for number in taken:
            if number and len(number) == 16 and number.isdigit():
                prefix, serial = number[:12], int(number[12:])
                if serial > self._last.get(prefix, 0):
                    self._last[prefix] = serial

    def take(self, prefix: str) -> str | None:
        """The next free number with this prefix, or None when its 9999 serials are used up."""
        serial = self._last.get(prefix, 0) + 1
        if serial > 9999:
            return None
        self._last[prefix] = serial
        return f"{prefix}{serial:04d}"


def _numbers_in_use(session: Session) -> _NumberPool:
    return _NumberPool(
        itertools.chain(
            session.scalars(select(Member.nik).where(Member.nik.is_not(None))),
            session.scalars(select(Facilitator.nik).where(Facilitator.nik.is_not(None))),
            session.scalars(select(Household.no_kk)),
        )
    )


def _id_start_ms(session: Session, as_of: date) -> int:
    """Where the id clock starts: the as-of day on a fresh database; after the newest existing id
    otherwise, so that generating twice into one database never repeats an id."""
    start = int(datetime.combine(as_of, time(), tzinfo=UTC).timestamp() * 1000)
    for model in (Household, Member, Facilitator):
        latest = session.scalar(select(func.max(model.id)))
        if latest:
            with contextlib.suppress(ValueError):  # not a UUID made here: it cannot collide with a UUIDv7
                start = max(start, int(latest.replace("-", "")[:12], 16))
    return start


# --- people ------------------------------------------------------------------------------------


class _Person:
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


def _weighted(values: Sequence[Any], weights: Sequence[float]) -> tuple[tuple[Any, ...], list[float]]:
    """Values with cumulative weights, for ``_Synth.pick`` (cheaper than ``random.choices`` per call)."""
    return tuple(values), list(itertools.accumulate(weights))


def _death_rate(age: int) -> float:
    if age >= 70:
        return 0.10
    if age >= 60:
        return 0.035
    return 0.005 if age >= 18 else 0.003


def _has_component(p: _Person) -> bool:
    """Whether this person would bring the family a PKH component (default ages; see ``components``)."""
    if p.deceased:
        return False
    pupil = p.in_school and p.education in (SD, SMP, SMA)
    return p.age <= 6 or pupil or p.pregnant or p.age >= 70 or p.disabled


def _recipient_index(people: list[_Person]) -> int:
    """The PKH recipient (pengurus): the wife (mother) if there is one, else the head, who is then either
    a woman heading the family or a man on his own."""
    for i, p in enumerate(people):
        if p.relation == WIFE:
            return i
    return next(i for i, p in enumerate(people) if p.relation == HEAD)


def _largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` into integers that add up exactly."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


class _Synth:
    """Random people and families; every draw comes from ``rng`` in a fixed order."""

    def __init__(self, rng: random.Random, as_of: date) -> None:
        self.rng = rng
        self.as_of = as_of
        self.as_of_ord = as_of.toordinal()
        self.children_count = _weighted(*CHILDREN_COUNT)
        self.adult_education = {age: _weighted(*spec) for age, spec in ADULT_EDUCATION.items()}
        self.archetypes = _weighted(
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

    def person(self, relation: str, sex: str, age: int) -> _Person:
        age = max(0, min(age, MAX_AGE))
        birth = date.fromordinal(self.as_of_ord - age * 365 - age // 4 - self.rng.randrange(365))
        return _Person(relation, sex, birth, age_on(birth, self.as_of))

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

    def family(self) -> list[_Person]:
        """A family with its members' facts and names. PKH enrols families that have a component, so a
        family without one is usually drawn again; the few kept are natural-graduation candidates."""
        for _ in range(FAMILY_DRAWS):
            people: list[_Person] = self.pick(self.archetypes)()
            for p in people:
                self.describe(p)
            if any(map(_has_component, people)) or self.rng.random() < KEEP_WITHOUT_COMPONENT:
                break
        for p in people:
            p.name = self.name(p.sex, p.birth.year)
        return people

    def adult_age(self, low: int, high: int, mode: int) -> int:
        return int(self.rng.triangular(low, high, mode))

    def children(self, mother_age: int, relation: str = CHILD) -> list[_Person]:
        rng = self.rng
        out: list[_Person] = []
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

    def parent_of(self, child_age: int, relation: str) -> _Person:
        rng = self.rng
        return self.person(relation, FEMALE if rng.random() < 0.65 else MALE, child_age + rng.randint(20, 35))

    def couple(self, low: int = 23, high: int = 62, mode: int = 37) -> list[_Person]:
        head_age = self.adult_age(low, high, mode)
        wife_age = max(19, head_age - self.rng.randint(-2, 8))
        people = [self.person(HEAD, MALE, head_age), self.person(WIFE, FEMALE, wife_age)]
        return people + self.children(wife_age)

    def single_mother(self) -> list[_Person]:
        age = self.adult_age(24, 62, 38)
        people = [self.person(HEAD, FEMALE, age), *self.children(age)]
        if self.rng.random() < 0.2:
            people.append(self.parent_of(age, PARENT))
        return people

    def elderly(self) -> list[_Person]:
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

    def with_parents(self) -> list[_Person]:
        people = self.couple()
        head, wife = people[0], people[1]
        own = self.rng.random() < 0.5
        parent = self.parent_of(head.age, PARENT) if own else self.parent_of(wife.age, PARENT_IN_LAW)
        people.append(parent)
        if self.rng.random() < 0.15:
            other = MALE if parent.sex == FEMALE else FEMALE
            people.append(self.person(parent.relation, other, parent.age + self.rng.randint(-3, 6)))
        return people

    def three_generations(self) -> list[_Person]:
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

    def describe(self, p: _Person) -> None:
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


# --- places and households ---------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Kelurahan:
    code: str
    kecamatan: str
    rw_places: tuple[str, ...]
    """Per RW (index + 1) the street, alley or kampung its families live on."""
    rt_per_rw: tuple[int, ...]


@dataclass(frozen=True)
class _Slot:
    kelurahan: _Kelurahan
    facilitator_id: str


def _quarter_starts(as_of: date, count: int) -> list[date]:
    """The first days of the last ``count`` quarters up to ``as_of`` (desil is updated quarterly)."""
    year, quarter = as_of.year, (as_of.month - 1) // 3
    out = []
    for _ in range(count):
        out.append(date(year, quarter * 3 + 1, 1))
        year, quarter = (year, quarter - 1) if quarter else (year - 1, 3)
    return out


class _Builder:
    """Turns random people into household, member and facilitator rows."""

    def __init__(self, region: _Region, seed: int, as_of: date, ids: SeededUuid7, numbers: _NumberPool) -> None:
        self.rng = random.Random(seed)
        self.synth = _Synth(self.rng, as_of)
        self.region = region
        self.as_of = as_of
        self.ids = ids
        self.numbers = numbers
        self.stamp = datetime.combine(as_of, time()) + timedelta(seconds=seed % 86_400)
        self.desil = _weighted(*DESIL)
        self.desil_dates = _weighted(_quarter_starts(as_of, 4), (50, 30, 15, 5))
        self.banks = _weighted(names.BANKS, names.BANK_WEIGHTS)

    def sync_columns(self, scope: str) -> dict[str, Any]:
        return {"id": self.ids(), "scope": scope, "deleted": False, "created_at": self.stamp, "updated_at": self.stamp}

    # Numbers.

    def nik(self, kecamatan: str, birth: date, sex: str) -> str:
        rng = self.rng
        region = kecamatan if rng.random() < OWN_KECAMATAN_NIK else rng.choice(self.region.province_kecamatan)
        while (nik := self.numbers.take(make_nik(region, birth, sex, 0)[:12])) is None:
            region = rng.choice(self.region.province_kecamatan)  # that day's serials are used up there
        return nik

    def no_kk(self, kecamatan: str, people: list[_Person]) -> str:
        """A card issued after its youngest member was born (cards are reissued when a child is added)."""
        youngest = max(p.birth for p in people).toordinal()
        earliest = min(max(youngest + 7, self.as_of.toordinal() - 15 * 365), self.as_of.toordinal())
        issued = date.fromordinal(self.rng.randint(earliest, self.as_of.toordinal()))
        while (number := self.numbers.take(make_no_kk(kecamatan, issued, 0)[:12])) is None:
            issued -= timedelta(days=1)
        return number

    def phone(self) -> str:
        digits = self.rng.choice((7, 8))
        return f"{self.rng.choice(names.PHONE_PREFIXES)}{self.rng.randrange(10 ** (digits - 1), 10**digits)}"

    # Places and facilitators.

    def kelurahan(self, kecamatan: str, code: str, name: str) -> _Kelurahan:
        rng = self.rng
        rural = code.rsplit(".", 1)[1].startswith("2")  # 2xxx = desa, 1xxx = kelurahan
        kinds = _weighted(("Jl.", "Gg.", "Kp."), (20, 15, 65) if rural else (45, 40, 15))
        places = []
        for rw in range(rng.randint(4, 14)):
            kind = self.synth.pick(kinds)
            if kind == "Jl.":
                place = f"Jl. Raya {name}" if rw == 0 else f"Jl. {rng.choice(names.STREETS)}"
            elif kind == "Gg.":
                place = f"Gg. {rng.choice(names.GANGS)}"
            else:
                place = f"Kp. {rng.choice(names.KAMPUNGS)}"
            places.append(place)
        return _Kelurahan(code, kecamatan, tuple(places), tuple(rng.randint(3, 12) for _ in places))

    def plan(self, families: int) -> tuple[list[_Slot], list[dict[str, Any]]]:
        """Where every family lives and who serves it: families spread over kecamatan in proportion to
        their number of kelurahan, over a kecamatan's kelurahan unevenly, and one facilitator per ~400
        families serving a contiguous run of kelurahan."""
        by_kecamatan = self.region.kelurahan
        counts = _largest_remainder(families, [len(k) for k in by_kecamatan.values()])
        slots: list[_Slot] = []
        facilitators: list[dict[str, Any]] = []
        for (kecamatan, rows), count in zip(by_kecamatan.items(), counts, strict=True):
            places = [self.kelurahan(kecamatan, code, name) for code, name in rows]
            weights = [self.rng.uniform(0.5, 1.5) for _ in places]
            if not count:
                continue
            ordered = [k for k, n in zip(places, _largest_remainder(count, weights), strict=True) for _ in range(n)]
            for start, end in _facilitator_runs(ordered):
                served = list(dict.fromkeys(k.code for k in ordered[start:end]))
                row = self.facilitator(kecamatan, served)
                facilitators.append(row)
                slots += [_Slot(k, row["id"]) for k in ordered[start:end]]
        return slots, facilitators

    def facilitator(self, kecamatan: str, kelurahan_codes: list[str]) -> dict[str, Any]:
        synth = self.synth
        person = synth.person(HEAD, FEMALE if self.rng.random() < 0.6 else MALE, self.rng.randint(24, 45))
        return {
            **self.sync_columns(kecamatan),
            "name": synth.name(person.sex, person.birth.year),
            "nik": self.nik(kecamatan, person.birth, person.sex),
            "phone": self.phone(),
            "kelurahan_codes": ",".join(kelurahan_codes),
            "yearly_target": FACILITATOR_YEARLY_TARGET,
        }

    # Families.

    def chunk(self, slots: Sequence[_Slot]) -> tuple[Rows, Rows]:
        households: Rows = []
        members: Rows = []
        for slot in slots:
            household, people = self.family(slot)
            households.append(household)
            members += people
        return households, members

    def family(self, slot: _Slot) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        people = self.synth.family()
        kecamatan = slot.kelurahan.kecamatan
        household = self.household(slot, people)
        recipient = _recipient_index(people)
        members = [
            {
                **self.sync_columns(kecamatan),
                "household_id": household["id"],
                "nik": self.nik(kecamatan, p.birth, p.sex),
                "name": p.name,
                "birth_date": p.birth,
                "sex": p.sex,
                "relation": p.relation,
                "is_recipient": i == recipient,
                "education": p.education,
                "in_school": p.in_school,
                "pregnant": p.pregnant,
                "severe_disability": p.disabled,
                "deceased": p.deceased,
                "death_date": p.death_date,
            }
            for i, p in enumerate(people)
        ]
        return household, members

    def household(self, slot: _Slot, people: list[_Person]) -> dict[str, Any]:
        rng = self.rng
        kel = slot.kelurahan
        rw = rng.randrange(len(kel.rw_places))
        place = kel.rw_places[rw]
        address = place if place.startswith("Kp.") and rng.random() < 0.6 else f"{place} No. {rng.randint(1, 150)}"
        status, reason, status_date = HouseholdStatus.ACTIVE.value, None, None
        if rng.random() < INACTIVE:
            status, reason = HouseholdStatus.INACTIVE.value, rng.choice(names.STATUS_REASONS_INACTIVE)
            status_date = self.as_of - timedelta(days=rng.randint(10, 300))
        row = {
            **self.sync_columns(kel.kecamatan),
            "no_kk": self.no_kk(kel.kecamatan, people),
            "address": address,
            "rt": f"{rng.randint(1, kel.rt_per_rw[rw]):03d}",
            "rw": f"{rw + 1:03d}",
            "kelurahan_code": kel.code,
            "facilitator_id": slot.facilitator_id,
            "phone": self.phone() if rng.random() < HAS_PHONE else None,
            "desil": self.synth.pick(self.desil),
            "desil_date": self.synth.pick(self.desil_dates),
            "status": status,
            "status_reason": reason,
            "status_date": status_date,
            "welfare_class": None,
            **self.programs(people),
        }
        row["bank_name"], row["account_no"] = self.bank_account() if row["prog_kks"] else (None, None)
        return row

    def programs(self, people: list[_Person]) -> dict[str, bool]:
        """Complementary programmes at plausible rates; those tied to a member's situation only when it
        applies (KIP for pupils, ASLUT for the elderly, disability aid for severe disability)."""
        r = self.rng.random
        alive = [p for p in people if not p.deceased]
        pupils = any(p.in_school and p.education in (SD, SMP, SMA) for p in alive)
        elderly = any(p.age >= 70 for p in alive)
        disabled = any(p.disabled for p in alive)
        return {
            "prog_kis": r() < 0.88,
            "prog_kip": pupils and r() < 0.65,
            "prog_bpnt": r() < 0.82,
            "prog_kks": r() < KKS_HOLDER,
            "prog_rtlh": r() < 0.04,
            "prog_aslut": elderly and r() < 0.25,
            "prog_asdis": disabled and r() < 0.3,
            "prog_kube": r() < 0.05,
        }

    def bank_account(self) -> tuple[str, str]:
        bank, length = self.synth.pick(self.banks)
        return bank, f"{self.rng.randrange(10 ** (length - 1), 10**length)}"


def _facilitator_runs(ordered: list[_Kelurahan]) -> list[tuple[int, int]]:
    """Split families (ordered by kelurahan) into one contiguous run per facilitator: ~400 families each,
    never more than ``MAX_KELURAHAN_PER_FACILITATOR`` kelurahan each."""
    total = len(ordered)
    count = max(1, round(total / FAMILIES_PER_FACILITATOR))
    while True:
        runs = [(i * total // count, (i + 1) * total // count) for i in range(count)]
        widest = max(len({k.code for k in ordered[a:b]}) for a, b in runs)
        if widest <= MAX_KELURAHAN_PER_FACILITATOR or count >= total:
            return runs
        count += 1


# --- the use case ------------------------------------------------------------------------------


def generate(
    session: Session,
    *,
    families: int,
    seed: int,
    region: str = "32.71",
    progress: Callable[[int, int], None] | None = None,
    as_of: date = DEMO_AS_OF,
) -> DemoResult:
    """Write ``families`` synthetic families with their members and facilitators in ``region`` (a
    regency/city or a kecamatan code), inside the caller's transaction. ``progress(done, total)`` is
    called after every chunk of families. Sets the deployment's region if it is not set yet.

    Raises ``ValidationError`` for an unknown region or a negative number of families.
    """
    code = region.strip()
    if families < 0:
        raise ValidationError(f"Jumlah keluarga tidak boleh negatif ({families})", field="families")
    place = _load_region(session, code)
    _ensure_region_setting(session, place.regency)
    ids = SeededUuid7(seed, start_ms=_id_start_ms(session, as_of))
    builder = _Builder(place, seed, as_of, ids, _numbers_in_use(session))
    slots, facilitators = builder.plan(families)
    conn = session.connection()
    if facilitators:
        conn.execute(insert(_table(Facilitator)), facilitators)
    member_count = done = 0
    for start in range(0, families, CHUNK_FAMILIES):
        households, members = builder.chunk(slots[start : start + CHUNK_FAMILIES])
        conn.execute(insert(_table(Household)), households)
        conn.execute(insert(_table(Member)), members)
        member_count += len(members)
        done += len(households)
        if progress is not None:
            progress(done, families)
    log.info(
        "Generated %d demo families, %d members, %d facilitators in %s (seed %d)",
        families,
        member_count,
        len(facilitators),
        code,
        seed,
    )
    return DemoResult(families, member_count, len(facilitators), code)


def _table(model: type[Facilitator | Household | Member]) -> Table:
    return cast(Table, model.__table__)
