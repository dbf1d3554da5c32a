"""Relief rows written straight through the models, for tests of stock, distribution and documents
that need an event with victims but are not about registering them (synthetic people only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from simoncer_desktop.models import AffectedFamily, DisasterEvent, EventArea, Victim
from simoncer_desktop.services.identity import make_nik, make_no_kk
from tests.factories import KECAMATAN, KELURAHAN


def make_event(
    session: Session,
    *,
    title: str = "Banjir Sungai Cisadane",
    kind: str = "banjir",
    occurred_at: datetime = datetime(2026, 11, 20, 14, 30),
    kecamatan: str = KECAMATAN,
    kelurahan: str = KELURAHAN,
    status: str = "dibuka",
) -> DisasterEvent:
    event = DisasterEvent(
        scope=kecamatan,
        kind=kind,
        title=title,
        occurred_at=occurred_at,
        kecamatan_code=kecamatan,
        description="Luapan sungai setelah hujan deras",
        status=status,
        created_by="operator uji",
    )
    session.add(event)
    session.flush()
    session.add(EventArea(scope=kecamatan, event_id=event.id, kelurahan_code=kelurahan, rt="3", rw="7"))
    session.flush()
    return event


@dataclass
class PersonSpec:
    name: str
    sex: str = "P"
    born: date = date(1985, 6, 1)
    displaced: bool = False
    injury: str = "tidak"
    deceased: bool = False
    heir_name: str = ""
    with_nik: bool = True


@dataclass
class FamilySpec:
    head_name: str
    damage: str = "sedang"
    people: list[PersonSpec] = field(default_factory=list)
    household_id: str | None = None


def make_family(session: Session, event: DisasterEvent, serial: int, spec: FamilySpec) -> AffectedFamily:
    """A registered family; people get NIKs derived from ``serial`` (unique per test)."""
    region = event.kecamatan_code
    family = AffectedFamily(
        scope=event.scope,
        event_id=event.id,
        household_id=spec.household_id,
        no_kk=make_no_kk(region, date(2015, 3, 15), serial),
        head_name=spec.head_name,
        address=f"Kp. Sawah No. {serial}",
        kelurahan_code=KELURAHAN,
        rt="3",
        rw="7",
        damage=spec.damage,
        needs="selimut, makanan bayi",
        registered_on=event.occurred_at.date(),
        registered_by="operator uji",
    )
    session.add(family)
    session.flush()
    people = spec.people or [PersonSpec(spec.head_name)]
    for index, person in enumerate(people, start=1):
        session.add(
            Victim(
                scope=event.scope,
                event_id=event.id,
                family_id=family.id,
                nik=make_nik(region, person.born, person.sex, serial * 10 + index) if person.with_nik else None,
                name=person.name,
                birth_date=person.born,
                sex=person.sex,
                relation="kepala" if index == 1 else "anak",
                displaced=person.displaced,
                injury=person.injury,
                deceased=person.deceased,
                heir_name=person.heir_name,
                no_document_reason="" if person.with_nik else "KTP hanyut",
            )
        )
    session.flush()
    return family
