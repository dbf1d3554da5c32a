"""An event with registered families and aid handed out, written straight through the models (the
distribution service is tested on its own): for the tests of the relief documents and their commands.
Synthetic people only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.models import (
    GLOBAL_SCOPE,
    AffectedFamily,
    DisasterEvent,
    Distribution,
    Entitlement,
    EventEntitlement,
    ReliefItem,
    Victim,
)
from simoncer_desktop.services.caseload import create_household
from tests import factories
from tests.relief_rows import FamilySpec, PersonSpec, make_event, make_family

OTHER_KELURAHAN_SAME_KECAMATAN = "32.71.01.1002"
"""Bondongan (Bogor Selatan); the event's own kelurahan is Batu Tulis (``factories.KELURAHAN``)."""


def item(session: Session, code: str, name: str, unit: str) -> ReliefItem:
    row = ReliefItem(scope=GLOBAL_SCOPE, code=code, name=name, unit=unit)
    session.add(row)
    session.flush()
    return row


def apply(
    session: Session,
    event: DisasterEvent,
    code: str,
    name: str,
    kind: str,
    basis: str,
    amount: int,
    item_row: ReliefItem | None = None,
) -> EventEntitlement:
    base = Entitlement(
        scope=GLOBAL_SCOPE, code=code, name=name, kind=kind, basis=basis, amount=amount,
        item_id=item_row.id if item_row else None, valid_from=date(2026, 1, 1),
    )  # fmt: skip
    session.add(base)
    session.flush()
    row = EventEntitlement(
        scope=event.scope, event_id=event.id, entitlement_id=base.id, code=code, name=name, kind=kind,
        basis=basis, amount=amount, item_id=base.item_id,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row


def give(
    session: Session,
    entitlement: EventEntitlement,
    family: AffectedFamily,
    on: date,
    *,
    victim: Victim | None = None,
    quantity: int | None = None,
    amount: int | None = None,
    recipient: str | None = None,
    relation: str = "sendiri",
    confirmed: bool = True,
    officer: str = "Petugas Uji",
) -> Distribution:
    row = Distribution(
        scope=family.scope, event_id=family.event_id, event_entitlement_id=entitlement.id, family_id=family.id,
        victim_id=victim.id if victim else None,
        beneficiary_key=f"victim:{victim.id}" if victim else f"family:{family.id}",
        item_id=entitlement.item_id, quantity=quantity, amount=amount, distributed_on=on, officer=officer,
        recipient_name=recipient or (victim.name if victim else family.head_name),
        recipient_nik=victim.nik if victim and recipient is None else None, recipient_relation=relation,
        confirmed=confirmed,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row


@dataclass
class Scenario:
    event_id: str
    code: str
    families: dict[str, str]
    """Head name → family id."""
    victims: dict[str, str]
    """Person name → victim id."""
    distributions: dict[str, str]
    """A label → distribution id."""


def victims_of(session: Session, family: AffectedFamily) -> dict[str, Victim]:
    return {v.name: v for v in session.scalars(select(Victim).where(Victim.family_id == family.id))}


def make_scenario(session: Session) -> Scenario:
    """Banjir in Bogor Selatan: three families, six people, five distributions over 21–23 Nov 2026.

    - Ujang Supriatna (KPM, rusak berat, Batu Tulis RT 3/RW 7): Ujang, Siti (istri, mengungsi),
      Dédé (anak, luka berat); beras 10 kg (21/11), selimut for Siti (21/11, unconfirmed), isi hunian
      Rp3.000.000 (22/11);
    - Asep Hidayat (rusak ringan, Batu Tulis RT 12/RW 7): Asep without NIK ("KTP hanyut"); beras 10 kg (21/11);
    - Bagus Santoso (rusak sedang, Bondongan): Bagus deceased, heir Rina; santunan Rp15.000.000 (23/11).
    """
    hh_data, members = factories.family(1)
    household_id = create_household(session, hh_data, members)
    event = make_event(session)
    ujang = make_family(
        session, event, 1,
        FamilySpec("Ujang Supriatna", damage="berat", household_id=household_id, people=[
            PersonSpec("Ujang Supriatna", sex="L", born=date(1982, 2, 10)),
            PersonSpec("Dédé Rahmawati", born=date(2016, 8, 20), injury="berat"),
            PersonSpec("Siti Nurhaliza", born=date(1985, 6, 1), displaced=True),
        ]),
    )  # fmt: skip
    asep = make_family(
        session, event, 2, FamilySpec("Asep Hidayat", damage="ringan", people=[
            PersonSpec("Asep Hidayat", sex="L", born=date(1990, 1, 5), with_nik=False),
        ]),
    )  # fmt: skip
    asep.rt = "12"
    bagus = make_family(
        session, event, 3, FamilySpec("Bagus Santoso", damage="sedang", people=[
            PersonSpec("Bagus Santoso", sex="L", born=date(1950, 3, 3), deceased=True, heir_name="Rina Santoso"),
            PersonSpec("Rina Santoso", born=date(1980, 4, 4), displaced=True),
        ]),
    )  # fmt: skip
    bagus.kelurahan_code = OTHER_KELURAHAN_SAME_KECAMATAN
    people = {**victims_of(session, ujang), **victims_of(session, asep), **victims_of(session, bagus)}
    people["Siti Nurhaliza"].relation = "istri"
    session.flush()
    beras = item(session, "uji_beras", "Beras", "kg")
    selimut = item(session, "uji_selimut", "Selimut", "lembar")
    e_beras = apply(session, event, "uji_beras", "Beras", "barang", "per_keluarga", 10, beras)
    e_selimut = apply(session, event, "uji_selimut", "Selimut", "barang", "per_jiwa", 1, selimut)
    e_hunian = apply(session, event, "uji_isi_hunian", "Isi hunian", "uang", "per_keluarga", 3_000_000)
    e_santunan = apply(session, event, "uji_santunan", "Santunan kematian", "uang", "per_meninggal", 15_000_000)
    siti = people["Siti Nurhaliza"]
    distributions = {
        "ujang_beras": give(session, e_beras, ujang, date(2026, 11, 21), quantity=10).id,
        "siti_selimut": give(
            session, e_selimut, ujang, date(2026, 11, 21), victim=siti, quantity=1, confirmed=False
        ).id,
        "ujang_hunian": give(session, e_hunian, ujang, date(2026, 11, 22), amount=3_000_000, officer="Petugas Dua").id,
        "asep_beras": give(session, e_beras, asep, date(2026, 11, 21), quantity=10).id,
        "bagus_santunan": give(
            session, e_santunan, bagus, date(2026, 11, 23), victim=people["Bagus Santoso"], amount=15_000_000,
            recipient="Rina Santoso", relation="ahli waris",
        ).id,
    }  # fmt: skip
    return Scenario(
        event_id=event.id,
        code=event.id[-8:].upper(),
        families={f.head_name: f.id for f in (ujang, asep, bagus)},
        victims={name: v.id for name, v in people.items()},
        distributions=distributions,
    )
