"""The synthetic disaster: deterministic, whole families, KPM linked to the caseload, valid numbers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from simoncer_desktop.models import AffectedFamily, DisasterEvent, EventArea, Household, Member, Victim
from simoncer_desktop.services import demo_relief
from simoncer_desktop.services.identity import check_nik
from simoncer_desktop.store import Database


def _snapshot(db: Database) -> list[tuple]:
    with db.read() as s:
        return s.execute(select(Victim.id, Victim.nik, Victim.name, Victim.family_id).order_by(Victim.id)).all()


def test_a_flood_with_whole_families_from_the_caseload_and_outside_it(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        result = demo_relief.generate(s, victims=120, seed=3)
    with demo_db.read() as s:
        event = s.get(DisasterEvent, result.event_id)
        assert event is not None and event.status == "dibuka" and event.kind == "banjir"
        assert s.scalar(select(func.count()).select_from(EventArea).where(EventArea.event_id == event.id)) >= 1
        victims = s.scalars(select(Victim).where(Victim.event_id == event.id)).all()
        families = s.scalars(select(AffectedFamily).where(AffectedFamily.event_id == event.id)).all()
        assert len(victims) == result.victims >= 120
        assert len(families) == result.families
        kpm = [f for f in families if f.household_id]
        assert len(kpm) == result.kpm_families > 0
        assert len(kpm) < len(families)  # some families are not in the caseload
        for family in kpm:  # every live member of a KPM family is a victim, with the caseload's NIK
            members = s.execute(
                select(Member.id, Member.nik).where(
                    Member.household_id == family.household_id, Member.deleted.is_(False), Member.deceased.is_(False)
                )
            ).all()
            linked = {v.member_id: v.nik for v in victims if v.family_id == family.id}
            assert linked == {m.id: m.nik for m in members}
            assert s.get(Household, family.household_id).no_kk == family.no_kk
        niks = Counter(v.nik for v in victims if v.nik)
        assert max(niks.values()) == 1
        for v in victims:
            if v.nik is None:
                assert v.no_document_reason
            elif v.member_id is None:
                assert (
                    check_nik(
                        v.nik,
                        kecamatan_codes=None,
                        birth_date=v.birth_date,
                        sex=v.sex,
                        today=v.birth_date.replace(year=2026),
                    )
                    == []
                )
            if v.deceased:
                assert v.heir_name


def test_same_seed_same_victims(demo_db: Database, tmp_path: Path) -> None:
    import shutil

    from tests.keys import open_test_database

    twin_path = tmp_path / "twin.sqlite3"
    shutil.copyfile(demo_db.path, twin_path)
    twin = open_test_database(twin_path)
    try:
        for database in (demo_db, twin):
            with database.transaction() as s:
                demo_relief.generate(s, victims=60, seed=5)
        assert _snapshot(demo_db) == _snapshot(twin)
    finally:
        twin.close()


def test_with_aid_receives_stock_applies_entitlements_and_hands_over_rice(demo_db: Database) -> None:
    from simoncer_desktop.services import relief_distribution as dist
    from simoncer_desktop.services.relief_reference import item_id_for
    from simoncer_desktop.services.relief_stock import stock_card

    with demo_db.transaction() as s:
        result = demo_relief.generate(s, victims=80, seed=2)
        assert demo_relief.already_generated(s, 2) and not demo_relief.already_generated(s, 3)
        given = demo_relief.with_aid(s, result.event_id, demo_relief.DEMO_DAY)
    with demo_db.read() as s:
        applied = {e.code for e in dist.event_entitlements(s, result.event_id)}
        assert applied == {"beras", "paket_sembako", "selimut", "jaminan_hidup"}
        handed = dist.list_distributions(s, result.event_id)
        assert len(handed) == given == int(result.families * demo_relief.HANDED_OVER) > 0
        assert {d.entitlement_code for d in handed} == {"beras"} and all(d.confirmed for d in handed)
        card = stock_card(s, item_id_for("beras"))
        assert card.distributed == 10 * given
        assert card.received - card.distributed == card.balance >= 0
