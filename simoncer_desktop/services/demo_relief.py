"""Deterministic synthetic disaster for demos, tests and benchmarks: one flood in the kecamatan with the
most families, with affected families taken from the caseload (KPM, their members as victims) and
families outside it (typed in on the day, some without documents). ``with_aid`` then receives relief
stock, applies the usual entitlements and hands rice to the first families through the services, as
an office would on the first day.

Like ``demo_data``, every choice comes from one ``random.Random(seed)`` and ids from ``SeededUuid7``;
rows are plain dicts written with Core ``insert`` so 5,000 victims load in a second.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from simoncer_desktop.ids import SeededUuid7
from simoncer_desktop.models import AffectedFamily, DisasterEvent, EventArea, Household, Member, Victim, Wilayah
from simoncer_desktop.models.enums import DamageLevel, DisasterKind, InjuryLevel
from simoncer_desktop.services import acting
from simoncer_desktop.services import demo_names as names
from simoncer_desktop.services.demo_numbers import NumberPool, numbers_in_use
from simoncer_desktop.services.identity import make_nik, make_no_kk
from simoncer_desktop.sync import outbox

KPM_SHARE = 0.7
"""Share of affected families that are in the caseload."""
NO_DOCUMENTS = 0.05
"""Share of families from outside the caseload whose papers were lost."""
DAMAGE = ((DamageLevel.LIGHT, DamageLevel.MEDIUM, DamageLevel.HEAVY, DamageLevel.NONE), (45, 25, 15, 15))
DISPLACED_IF_HEAVY = 0.9
DISPLACED_OTHERWISE = 0.15
SERIOUS_INJURY = 0.01
LIGHT_INJURY = 0.04
DECEASED = 0.002
ACTOR = "data demo"
DEMO_DAY = date(2025, 11, 20)
"""The day of the demo flood (fixed, like ``demo_data.DEMO_AS_OF``)."""
ID_CLOCK_MS = 1_763_596_800_000
"""2025-11-20T00:00Z: where the demo's id clock starts."""
NEEDS = ("selimut", "makanan siap saji", "air bersih", "susu bayi", "tikar", "obat-obatan", "pakaian", "terpal")


@dataclass(frozen=True)
class ReliefDemoResult:
    event_id: str
    families: int
    victims: int
    kpm_families: int


def _table(model: type) -> Table:
    return cast(Table, model.__table__)


def _kelurahan_by_size(session: Session) -> tuple[str, list[tuple[str, int]]]:
    """The kecamatan with the most live families and its kelurahan, largest first."""
    counts = session.execute(
        select(Household.kelurahan_code, func.count())
        .where(Household.deleted.is_(False))
        .group_by(Household.kelurahan_code)
        .order_by(func.count().desc(), Household.kelurahan_code)
    ).all()
    if not counts:
        raise ValueError("the caseload is empty: generate demo families first")
    per_kecamatan: dict[str, int] = {}
    for code, n in counts:
        per_kecamatan[code.rsplit(".", 1)[0]] = per_kecamatan.get(code.rsplit(".", 1)[0], 0) + n
    kecamatan = max(sorted(per_kecamatan), key=lambda k: per_kecamatan[k])
    return kecamatan, [(code, n) for code, n in counts if code.startswith(kecamatan + ".")]


class _Builder:
    def __init__(self, session: Session, seed: int, event_id: str, scope: str, day: date) -> None:
        self.rnd = random.Random(seed ^ 0xD15A)
        self.ids = SeededUuid7(seed ^ 0xB3, start_ms=ID_CLOCK_MS)
        self.event_id = event_id
        self.scope = scope
        self.day = day
        self.session = session
        self.families: list[dict[str, Any]] = []
        self.victims: list[dict[str, Any]] = []
        self._numbers: NumberPool | None = None
        self.niks: set[str] = set()

    def numbers(self) -> NumberPool:
        if self._numbers is None:
            self._numbers = numbers_in_use(self.session)
        return self._numbers

    def common(self) -> dict[str, Any]:
        now = datetime(self.day.year, self.day.month, self.day.day, 18, 0)
        return {"id": self.ids(), "scope": self.scope, "deleted": False, "created_at": now, "updated_at": now}

    def damage(self) -> str:
        return str(self.rnd.choices(DAMAGE[0], DAMAGE[1])[0])

    def condition(self, damage: str, born: date) -> dict[str, Any]:
        rnd = self.rnd
        displaced = rnd.random() < (DISPLACED_IF_HEAVY if damage == DamageLevel.HEAVY else DISPLACED_OTHERWISE)
        deceased = rnd.random() < DECEASED and (self.day.year - born.year) > 12
        roll = rnd.random()
        injury = InjuryLevel.SERIOUS if roll < SERIOUS_INJURY else InjuryLevel.LIGHT if roll < LIGHT_INJURY else "tidak"
        return {
            "displaced": displaced and not deceased,
            "injury": "tidak" if deceased else str(injury),
            "deceased": deceased,
        }

    def family_row(self, damage: str, **values: Any) -> dict[str, Any]:
        row = {
            **self.common(),
            "event_id": self.event_id,
            "phone": None,
            "damage": damage,
            "needs": ", ".join(self.rnd.sample(NEEDS, 2)),
            "no_document_reason": "",
            "registered_on": self.day,
            "registered_by": ACTOR,
            **values,
        }
        self.families.append(row)
        return row

    def victim_row(self, family: dict[str, Any], damage: str, heir: str, **values: Any) -> None:
        condition = self.condition(damage, values["birth_date"])
        self.victims.append(
            {
                **self.common(),
                "event_id": self.event_id,
                "family_id": family["id"],
                "heir_name": heir if condition["deceased"] else "",
                "heir_nik": None,
                "heir_relation": "keluarga" if condition["deceased"] else "",
                "no_document_reason": "",
                **condition,
                **values,
            }
        )

    def kpm_family(self, household: Household, members: list[Member]) -> None:
        niks = [m.nik for m in members if m.nik]
        if len(set(niks)) < len(niks) or self.niks.intersection(niks):
            return  # a caseload NIK used twice (a data-quality finding): not a family to demo with
        self.niks.update(niks)
        damage = self.damage()
        head = next((m for m in members if m.is_recipient), members[0])
        family = self.family_row(
            damage,
            household_id=household.id,
            no_kk=household.no_kk,
            head_name=head.name,
            address=household.address,
            kelurahan_code=household.kelurahan_code,
            rt=household.rt,
            rw=household.rw,
        )
        for m in members:
            heir = next((o.name for o in members if o is not m), "")
            self.victim_row(
                family,
                damage,
                heir,
                member_id=m.id,
                nik=m.nik,
                name=m.name,
                birth_date=m.birth_date,
                sex=m.sex,
                relation=m.relation,
            )

    def other_family(self, kelurahan_code: str, serial: int) -> None:
        rnd = self.rnd
        damage = self.damage()
        no_docs = rnd.random() < NO_DOCUMENTS
        region = kelurahan_code.rsplit(".", 1)[0]
        people = [("kepala", "L", 1970 + rnd.randrange(25)), ("istri", "P", 1972 + rnd.randrange(25))]
        people += [("anak", rnd.choice("LP"), 2005 + rnd.randrange(19)) for _ in range(rnd.randrange(4))]
        named = [
            (relation, sex, date(year, 1 + rnd.randrange(12), 1 + rnd.randrange(28))) for relation, sex, year in people
        ]
        person_names = [self.name(sex, born) for _, sex, born in named]
        family = self.family_row(
            damage,
            household_id=None,
            no_kk=None if no_docs else self.numbers().take(make_no_kk(region, self.day, 1)[:12]),
            head_name=person_names[0],
            address=f"{rnd.choice(names.KAMPUNGS)} No. {serial}",
            kelurahan_code=kelurahan_code,
            rt=str(1 + rnd.randrange(9)),
            rw=str(1 + rnd.randrange(12)),
            no_document_reason="Dokumen hanyut terbawa banjir" if no_docs else "",
        )
        for (relation, sex, born), name in zip(named, person_names, strict=True):
            nik = None if no_docs else self.nik(region, born, sex)
            self.victim_row(
                family,
                damage,
                person_names[1] if name == person_names[0] else person_names[0],
                member_id=None,
                nik=nik,
                name=name,
                birth_date=born,
                sex=sex,
                relation=relation,
                no_document_reason="KTP hilang saat banjir" if nik is None else "",
            )

    def nik(self, region: str, born: date, sex: str) -> str | None:
        sample = make_nik(region, born, sex, 1)
        return self.numbers().take(sample[:12])

    def name(self, sex: str, born: date) -> str:
        rnd = self.rnd
        if sex == "L":
            first, second = (
                (names.MALE_YOUNG, names.MALE_SECOND_YOUNG)
                if born.year >= 1995
                else (
                    names.MALE_MIDDLE,
                    names.MALE_SECOND,
                )
            )
        else:
            first, second = (
                (names.FEMALE_YOUNG, names.FEMALE_SECOND_YOUNG)
                if born.year >= 1995
                else (
                    names.FEMALE_MIDDLE,
                    names.FEMALE_SECOND,
                )
            )
        return f"{rnd.choice(first)} {rnd.choice(second)}"


RECEIPTS = (("beras", 20, "kementerian"), ("paket_sembako", 1, "provinsi"), ("selimut", 3, "donatur"))
"""Item, quantity received per affected family (rounded up to hundreds), source."""
APPLIED = (("beras", 1), ("paket_sembako", 1), ("selimut", 1), ("jaminan_hidup", 3))
HANDED_OVER = 0.3
"""Share of the families (in registration order) that already received their rice."""


def with_aid(session: Session, event_id: str, day: date) -> int:
    """Stock received the day after the flood, the usual entitlements applied, and rice handed to the
    first families; returns the number of distributions."""
    from simoncer_desktop.services import relief_distribution as dist
    from simoncer_desktop.services.relief_reference import item_id_for
    from simoncer_desktop.services.relief_stock import ReceiptInput, receive_stock

    with outbox.applying(session):  # demo data is never queued for sync
        after = day + timedelta(days=1)
        families = session.execute(
            select(AffectedFamily.id, AffectedFamily.head_name)
            .where(AffectedFamily.event_id == event_id)
            .order_by(AffectedFamily.id)
        ).all()
        for code, per_family, source in RECEIPTS:
            quantity = -(-len(families) * per_family // 100) * 100
            document = f"BAST/{code.upper()}/{after:%m%Y}"
            receive_stock(session, ReceiptInput(item_id_for(code), quantity, after, source, document), ACTOR)
        for code, days in APPLIED:
            dist.apply_entitlement(session, event_id, code, days)
        rice = next(e for e in dist.event_entitlements(session, event_id) if e.code == "beras")
        given = 0
        for family_id, head in families[: int(len(families) * HANDED_OVER)]:
            data = dist.DistributionInput(rice.id, family_id, None, after, head, confirmed=True)
            dist.distribute(session, data, ACTOR)
            given += 1
        return given


def event_id_for(seed: int) -> str:
    return SeededUuid7(seed ^ 0xE7, start_ms=ID_CLOCK_MS)()


def already_generated(session: Session, seed: int) -> bool:
    """The demo event of this seed is in the database (generating it again would repeat its ids)."""
    return session.get(DisasterEvent, event_id_for(seed)) is not None


def generate(session: Session, *, victims: int, seed: int = 1, day: date = DEMO_DAY) -> ReliefDemoResult:
    """One open flood event on ``day`` with about ``victims`` people (whole families, so a few more),
    inside the caller's transaction."""
    acting.require(session, "maintenance.run")
    kecamatan, kelurahan = _kelurahan_by_size(session)
    event_id = event_id_for(seed)
    occurred = datetime.combine(day, datetime.min.time()) + timedelta(hours=4, minutes=30)
    kec_name = session.scalar(select(Wilayah.nama).where(Wilayah.kode == kecamatan)) or kecamatan
    build = _Builder(session, seed, event_id, kecamatan, day)
    kpm_target = int(victims * KPM_SHARE)
    areas: list[str] = []
    for code, _ in kelurahan:
        if len(build.victims) >= kpm_target:
            break
        areas.append(code)
        households = session.scalars(
            select(Household)
            .where(Household.kelurahan_code == code, Household.deleted.is_(False), Household.status == "aktif")
            .order_by(Household.id)
        ).all()
        for household in households:
            if len(build.victims) >= kpm_target:
                break
            members = [m for m in household.members if not m.deleted and not m.deceased]
            if members:
                build.kpm_family(household, members)
    if not areas:
        areas.append(kelurahan[0][0])
    kpm_families = len(build.families)
    serial = 0
    while len(build.victims) < victims:
        serial += 1
        build.other_family(areas[serial % len(areas)], serial)
    with outbox.applying(session):  # demo data is never queued for sync
        session.execute(
            insert(_table(DisasterEvent)),
            [
                {
                    **build.common(),
                    "id": event_id,
                    "kind": str(DisasterKind.FLOOD),
                    "title": f"Banjir {kec_name}",
                    "occurred_at": occurred,
                    "kecamatan_code": kecamatan,
                    "description": "Luapan sungai setelah hujan deras semalaman (data demo)",
                    "status": "dibuka",
                    "closed_on": None,
                    "created_by": ACTOR,
                }
            ],
        )
        session.execute(
            insert(_table(EventArea)),
            [{**build.common(), "event_id": event_id, "kelurahan_code": code, "rt": "", "rw": ""} for code in areas],
        )
        session.execute(insert(_table(AffectedFamily)), build.families)
        session.execute(insert(_table(Victim)), build.victims)
    return ReliefDemoResult(event_id, len(build.families), len(build.victims), kpm_families)
