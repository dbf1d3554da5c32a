"""Relief reference data: the seeded items and indexes, adding items, indexes with a validity date."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import Entitlement, ReliefItem
from simoncer_desktop.services import relief_reference as ref
from simoncer_desktop.services.reference import SEED_VALID_FROM, seed_defaults
from simoncer_desktop.services.relief_distribution import apply_entitlement, event_entitlements
from simoncer_desktop.services.relief_reference import EntitlementInput
from simoncer_desktop.store import Database
from tests.relief_rows import make_event


def counts(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(ReliefItem)) or 0,
            s.scalar(select(func.count()).select_from(Entitlement)) or 0,
        )


def test_defaults_are_seeded_with_stable_ids(db: Database) -> None:
    with db.read() as s:
        items = {i.code: i for i in ref.list_items(s)}
        indexes = {e.code: e for e in ref.list_entitlements(s, on=date(2026, 11, 20))}
    assert set(items) == {code for code, _, _ in ref.DEFAULT_ITEMS}
    assert items["beras"].unit == "kg" and items["beras"].balance == 0
    assert items["beras"].id == stable_id("relief_item", "beras")
    assert set(indexes) == {e.code for e in ref.DEFAULT_ENTITLEMENTS}
    death = indexes["santunan_kematian"]
    assert (death.kind, death.basis, death.amount) == ("uang", "per_meninggal", 15_000_000)
    assert death.id == stable_id("entitlement", "santunan_kematian", SEED_VALID_FROM.isoformat())
    assert (indexes["santunan_luka_berat"].basis, indexes["santunan_luka_berat"].amount) == (
        "per_luka_berat",
        5_000_000,
    )
    assert (indexes["isi_hunian"].amount, indexes["isi_hunian"].min_damage) == (3_000_000, "berat")
    living = indexes["jaminan_hidup"]
    assert (living.basis, living.amount, living.only_displaced) == ("per_jiwa_per_hari", 15_000, True)
    rice = indexes["beras"]
    assert (rice.kind, rice.amount, rice.item_name, rice.unit) == ("barang", 10, "Beras", "kg")
    assert indexes["family_kit"].min_damage == "sedang"
    assert indexes["selimut"].basis == "per_jiwa"
    assert indexes["paket_sembako"].item_id == items["paket_sembako"].id


def test_reseeding_changes_nothing_and_keeps_an_admins_value(db: Database) -> None:
    before = counts(db)
    with db.transaction() as s:
        row = s.get(Entitlement, stable_id("entitlement", "beras", SEED_VALID_FROM.isoformat()))
        assert row is not None
        row.amount = 12
        s.get(ReliefItem, stable_id("relief_item", "tikar")).name = "Tikar pandan"  # type: ignore[union-attr]
    with db.transaction() as s:
        seed_defaults(s)
        seed_defaults(s)
    assert counts(db) == before
    with db.read() as s:
        assert s.get(Entitlement, stable_id("entitlement", "beras", SEED_VALID_FROM.isoformat())).amount == 12  # type: ignore[union-attr]
        assert s.get(ReliefItem, stable_id("relief_item", "tikar")).name == "Tikar pandan"  # type: ignore[union-attr]


def test_add_item_has_a_stable_id_and_refuses_bad_input(db: Database) -> None:
    with db.transaction() as s:
        item_id = ref.add_item(s, "terpal", "Terpal", "lembar")
    assert item_id == stable_id("relief_item", "terpal")
    before = counts(db)
    with db.transaction() as s:
        with pytest.raises(ValidationError) as err:
            ref.add_item(s, "terpal", "Terpal plastik", "lembar")
        assert "sudah dipakai" in err.value.by_field()["code"]
        with pytest.raises(ValidationError) as err:
            ref.add_item(s, "Tenda Besar", "", "")
        assert set(err.value.by_field()) == {"code", "name", "unit"}
    assert counts(db) == before
    with db.read() as s:
        assert any(i.code == "terpal" and i.unit == "lembar" for i in ref.list_items(s))


def rice(amount: int, **changes: object) -> EntitlementInput:
    data = EntitlementInput("beras", "Beras", "barang", "per_keluarga", amount, stable_id("relief_item", "beras"))
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_an_index_changes_from_a_date_and_the_same_day_overwrites(db: Database) -> None:
    with db.transaction() as s:
        first = ref.set_entitlement(s, rice(15), date(2026, 12, 1))
        again = ref.set_entitlement(s, rice(20), date(2026, 12, 1))
    assert first == again == stable_id("entitlement", "beras", "2026-12-01")
    with db.read() as s:
        assert {e.code: e.amount for e in ref.list_entitlements(s, on=date(2026, 11, 30))}["beras"] == 10
        on_dec = {e.code: e for e in ref.list_entitlements(s, on=date(2026, 12, 1))}["beras"]
        assert (on_dec.amount, on_dec.valid_from) == (20, date(2026, 12, 1))
        rows = s.scalar(select(func.count()).select_from(Entitlement).where(Entitlement.code == "beras"))
    assert rows == 2


def test_an_event_keeps_the_value_applied_on_its_date(db: Database) -> None:
    with db.transaction() as s:
        event = make_event(s)  # 20-11-2026
        apply_entitlement(s, event.id, "beras")
        ref.set_entitlement(s, rice(25), date(2026, 11, 1))  # in force on the event's date, set afterwards
        later = make_event(s, title="Banjir kedua")
        apply_entitlement(s, later.id, "beras")
        event_id, later_id = event.id, later.id
    with db.read() as s:
        assert [e.amount for e in event_entitlements(s, event_id)] == [10]
        assert [e.amount for e in event_entitlements(s, later_id)] == [25]


def test_an_index_is_validated_before_anything_is_written(db: Database) -> None:
    before = counts(db)
    with db.transaction() as s:
        cases = [
            (rice(0), "amount"),
            (rice(5, item_id=None), "item_id"),
            (rice(5, item_id="tidak-ada"), "item_id"),
            (rice(5, basis="per_rumah"), "basis"),
            (rice(5, kind="jasa"), "kind"),
            (rice(5, only_displaced=True), "only_displaced"),
            (rice(5, min_damage="hancur"), "min_damage"),
            (rice(5, code="Beras Premium"), "code"),
            (rice(5, name=" "), "name"),
            (EntitlementInput("uang_duka", "Uang duka", "uang", "per_meninggal", 1_000, "x"), "item_id"),
        ]
        for data, field in cases:
            with pytest.raises(ValidationError) as err:
                ref.set_entitlement(s, data, date(2026, 12, 1))
            assert field in err.value.by_field(), (data, err.value.by_field())
    assert counts(db) == before
