"""Deterministic synthetic caseload for demos, tests and benchmarks (``simoncer-cli demo-data``).

The same (seed, region, families) on a fresh database gives the same rows, ids included: every random
choice comes from one ``random.Random(seed)`` in a fixed order, ids from ``SeededUuid7`` and dates are
relative to a fixed day (``DEMO_AS_OF``), never to today. The data is meant to look like a real PKH
caseload of a West Java regency/city: families of plausible composition, NIKs and No. KK that pass the
structural checks, kelurahan, RT/RW and addresses of the region, one facilitator per ~400 families.

Speed matters (110,000 families must load in under a minute), so rows are plain dicts written with Core
``insert`` executemany in chunks; no ORM objects and no per-row queries. The inserts are ordinary INSERTs
so the triggers of migration 0002 (household summary columns, name search index) fire for every member.

The parts: ``demo_people`` draws the people of each family, ``demo_places`` the kelurahan, RW and streets
and who serves them, ``demo_numbers`` NIK/No. KK serials and the id clock; this module turns them into
rows and writes them.


Demo data stays on the laptop that made it: it is written with sync capture off (``outbox.applying``), so
synthetic families are never queued for the central office."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.ids import SeededUuid7
from simoncer_desktop.models import Facilitator, Household, Member
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import acting
from simoncer_desktop.services import demo_names as names
from simoncer_desktop.services.demo_numbers import NumberPool, id_start_ms, numbers_in_use
from simoncer_desktop.services.demo_people import (
    FEMALE,
    HEAD,
    MALE,
    MAX_AGE,
    SD,
    SMA,
    SMP,
    Person,
    Synth,
    recipient_index,
    weighted,
)
from simoncer_desktop.services.demo_places import (
    Region,
    Slot,
    facilitator_runs,
    kelurahan,
    largest_remainder,
    load_region,
)
from simoncer_desktop.services.identity import make_nik, make_no_kk
from simoncer_desktop.services.settings import REGION_CODE, region_code, set_setting
from simoncer_desktop.sync import outbox
from simoncer_desktop.translation import translate

__all__ = ["CHUNK_FAMILIES", "DEMO_AS_OF", "MAX_AGE", "DemoResult", "generate"]

log = logging.getLogger(__name__)

DEMO_AS_OF = date(2025, 12, 1)
"""The day the synthetic caseload describes (ages, school levels, desil dates). Fixed, so that the data
does not change with the calendar; it is also ``SeededUuid7``'s default epoch."""

CHUNK_FAMILIES = 5_000
FACILITATOR_YEARLY_TARGET = 10

# Rates (probabilities) of the household rows; those of the people are in ``demo_people``.
OWN_KECAMATAN_NIK = 0.9
HAS_PHONE = 0.45
KKS_HOLDER = 0.93
"""Families with a KKS card, i.e. the bank account PKH is paid into."""
INACTIVE = 0.01
DESIL = ((1, 2, 3, 4), (42, 30, 18, 10))


Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class DemoResult:
    families: int
    members: int
    facilitators: int
    region: str
    """The code generated for, e.g. ``32.71`` or ``32.71.01``."""


def _ensure_region_setting(session: Session, regency: str) -> None:
    current = region_code(session)
    if current is None:
        set_setting(session, REGION_CODE, regency)
    elif current != regency:
        log.warning("Demo data for %s in a database set up for %s", regency, current)


# --- rows ---------------------------------------------------------------------------------------


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

    def __init__(self, region: Region, seed: int, as_of: date, ids: SeededUuid7, numbers: NumberPool) -> None:
        self.rng = random.Random(seed)
        self.synth = Synth(self.rng, as_of)
        self.region = region
        self.as_of = as_of
        self.ids = ids
        self.numbers = numbers
        self.stamp = datetime.combine(as_of, time()) + timedelta(seconds=seed % 86_400)
        self.desil = weighted(*DESIL)
        self.desil_dates = weighted(_quarter_starts(as_of, 4), (50, 30, 15, 5))
        self.banks = weighted(names.BANKS, names.BANK_WEIGHTS)

    def sync_columns(self, scope: str) -> dict[str, Any]:
        return {"id": self.ids(), "scope": scope, "deleted": False, "created_at": self.stamp, "updated_at": self.stamp}

    # Numbers.

    def nik(self, kecamatan: str, birth: date, sex: str) -> str:
        rng = self.rng
        region = kecamatan if rng.random() < OWN_KECAMATAN_NIK else rng.choice(self.region.province_kecamatan)
        while (nik := self.numbers.take(make_nik(region, birth, sex, 0)[:12])) is None:
            region = rng.choice(self.region.province_kecamatan)  # that day's serials are used up there
        return nik

    def no_kk(self, kecamatan: str, people: list[Person]) -> str:
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

    def plan(self, families: int) -> tuple[list[Slot], list[dict[str, Any]]]:
        """Where every family lives and who serves it: families spread over kecamatan in proportion to
        their number of kelurahan, over a kecamatan's kelurahan unevenly, and one facilitator per ~400
        families serving a contiguous run of kelurahan."""
        by_kecamatan = self.region.kelurahan
        counts = largest_remainder(families, [len(k) for k in by_kecamatan.values()])
        slots: list[Slot] = []
        facilitators: list[dict[str, Any]] = []
        for (kecamatan, rows), count in zip(by_kecamatan.items(), counts, strict=True):
            places = [kelurahan(self.synth, kecamatan, code, name) for code, name in rows]
            weights = [self.rng.uniform(0.5, 1.5) for _ in places]
            if not count:
                continue
            ordered = [k for k, n in zip(places, largest_remainder(count, weights), strict=True) for _ in range(n)]
            for start, end in facilitator_runs(ordered):
                served = list(dict.fromkeys(k.code for k in ordered[start:end]))
                row = self.facilitator(kecamatan, served)
                facilitators.append(row)
                slots += [Slot(k, row["id"]) for k in ordered[start:end]]
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

    def chunk(self, slots: Sequence[Slot]) -> tuple[Rows, Rows]:
        households: Rows = []
        members: Rows = []
        for slot in slots:
            household, people = self.family(slot)
            households.append(household)
            members += people
        return households, members

    def family(self, slot: Slot) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        people = self.synth.family()
        kecamatan = slot.kelurahan.kecamatan
        household = self.household(slot, people)
        recipient = recipient_index(people)
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

    def household(self, slot: Slot, people: list[Person]) -> dict[str, Any]:
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

    def programs(self, people: list[Person]) -> dict[str, bool]:
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
    acting.require(session, "maintenance.run")
    code = region.strip()
    if families < 0:
        raise ValidationError(
            translate("demo", "Jumlah keluarga tidak boleh negatif ({families})").format(families=families),
            field="families",
        )
    place = load_region(session, code)
    _ensure_region_setting(session, place.regency)
    ids = SeededUuid7(seed, start_ms=id_start_ms(session, as_of))
    builder = _Builder(place, seed, as_of, ids, numbers_in_use(session))
    slots, facilitators = builder.plan(families)
    member_count = done = 0
    with outbox.applying(session):  # synthetic families are never queued for sync (see module docstring)
        conn = session.connection()
        if facilitators:
            conn.execute(insert(_table(Facilitator)), facilitators)
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
