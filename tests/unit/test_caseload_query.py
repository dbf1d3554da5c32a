"""Search, filters and sorting of the caseload list, all in SQL."""

from __future__ import annotations

from datetime import date

import pytest

from simoncer_desktop.models.enums import Component
from simoncer_desktop.services import caseload
from simoncer_desktop.services.caseload_query import (
    CaseloadFilter,
    Column,
    count,
    fold,
    fts_query,
    load_rows,
    search_hint,
    search_keys,
)
from simoncer_desktop.store import Database
from tests.factories import OTHER_KELURAHAN, household, member

TODAY = date(2026, 11, 25)


@pytest.fixture
def three(db: Database) -> dict[str, str]:
    """Three families: Dédé (Bogor Selatan), Siti (Bogor Selatan, desil 3), Enéng (Bogor Timur, elderly)."""
    ids = {}
    with db.transaction() as s:
        ids["dede"] = caseload.create_household(
            s,
            household(1),
            [
                member("Dédé Komala", date(1980, 1, 2), "P", 1, relation="istri", is_recipient=True),
                member("Cucu Dede", date(2020, 3, 3), "L", 2, relation="cucu"),
            ],
        )
        ids["siti"] = caseload.create_household(
            s,
            household(2, desil=3),
            [
                member("Siti Aminah", date(1990, 5, 6), "P", 3, relation="istri", is_recipient=True, pregnant=True),
                member("Budi Santoso", date(2012, 7, 8), "L", 4, education="smp", in_school=True),
            ],
        )
        ids["eneng"] = caseload.create_household(
            s,
            household(3, kelurahan=OTHER_KELURAHAN, desil=2),
            [
                member("Enéng Sumarni", date(1950, 9, 10), "P", 5, region="32.71.02", is_recipient=True,
                       relation="kepala", severe_disability=True),
            ],
        )
    return ids


def names(db: Database, f: CaseloadFilter) -> list[str]:
    with db.read() as s:
        return [r.recipient_name for r in load_rows(s, search_keys(s, f))]


def test_fold_and_fts_query() -> None:
    assert fold("Dédé ÉNÉNG") == "dede eneng"
    assert fts_query("siti  nur") == '"siti"* "nur"*'
    assert fts_query('"; DROP') == '"drop"*'
    assert fts_query("  ") is None


def test_name_search_is_case_and_diacritic_insensitive_word_prefix(db: Database, three: dict) -> None:
    assert names(db, CaseloadFilter(text="dede")) == ["Dédé Komala"]  # matches two members, one family
    assert names(db, CaseloadFilter(text="DÉDÉ")) == ["Dédé Komala"]
    assert names(db, CaseloadFilter(text="ene")) == ["Enéng Sumarni"]
    assert names(db, CaseloadFilter(text="budi")) == ["Siti Aminah"]  # any member finds the family
    assert names(db, CaseloadFilter(text="siti ami")) == ["Siti Aminah"]
    assert names(db, CaseloadFilter(text="siti komala")) == []  # all words must match one member
    assert names(db, CaseloadFilter(text="mala")) == []  # word prefix, not substring


def test_digits_search_nik_and_no_kk_prefix(db: Database, three: dict) -> None:
    nik = member("Budi Santoso", date(2012, 7, 8), "L", 4).nik
    assert names(db, CaseloadFilter(text=nik[:12])) == ["Siti Aminah"]
    assert names(db, CaseloadFilter(text=nik)) == ["Siti Aminah"]
    no_kk = household(3, kelurahan=OTHER_KELURAHAN).no_kk
    assert names(db, CaseloadFilter(text=no_kk)) == ["Enéng Sumarni"]
    assert sorted(names(db, CaseloadFilter(text="32710115"))) == ["Dédé Komala", "Siti Aminah"]  # cards 15-03-15
    assert names(db, CaseloadFilter(text="32710142")) == ["Dédé Komala"]  # NIK of a woman born on the 2nd
    assert names(db, CaseloadFilter(text="99999999")) == []


def test_too_short_a_search_is_not_applied_and_says_why(db: Database, three: dict) -> None:
    every = sorted(names(db, CaseloadFilter()))
    assert sorted(names(db, CaseloadFilter(text="3271"))) == every
    assert search_hint("3271") == "Ketik minimal 8 digit NIK/No. KK (6 digit pertama adalah kode wilayah)"
    assert sorted(names(db, CaseloadFilter(text="s"))) == every
    assert search_hint("s") == "Ketik minimal 2 huruf nama"
    assert search_hint("si") is None and search_hint("32710142") is None and search_hint("") is None


def test_filters(db: Database, three: dict) -> None:
    assert names(db, CaseloadFilter(kecamatan="32.71.02")) == ["Enéng Sumarni"]
    assert sorted(names(db, CaseloadFilter(kelurahan="32.71.01.1001"))) == ["Dédé Komala", "Siti Aminah"]
    assert names(db, CaseloadFilter(desil=3)) == ["Siti Aminah"]
    assert names(db, CaseloadFilter(status="graduasi_alamiah")) == []
    on = TODAY
    assert names(db, CaseloadFilter(component=Component.PREGNANT, on=on)) == ["Siti Aminah"]
    assert names(db, CaseloadFilter(component=Component.SMP, on=on)) == ["Siti Aminah"]
    assert names(db, CaseloadFilter(component=Component.EARLY_CHILD, on=on)) == ["Dédé Komala"]
    assert names(db, CaseloadFilter(component=Component.ELDERLY, on=on)) == ["Enéng Sumarni"]
    assert names(db, CaseloadFilter(component=Component.DISABILITY, on=on)) == ["Enéng Sumarni"]
    assert names(db, CaseloadFilter(component=Component.SD, on=on)) == []
    # Components are evaluated on a day: in 2030 the toddler born 2020 is no longer "usia dini".
    assert names(db, CaseloadFilter(component=Component.EARLY_CHILD, on=date(2030, 1, 1))) == []
    combined = CaseloadFilter(text="siti", kecamatan="32.71.01", desil=3, component=Component.PREGNANT, on=on)
    assert names(db, combined) == ["Siti Aminah"]
    with db.read() as s:
        assert count(s, combined) == 1
        assert count(s) == 3


def test_component_filter_agrees_with_the_family_detail(demo_db: Database) -> None:
    """The SQL rule and the Python rule are one rule: check them against each other on 300 families."""
    with demo_db.read() as s:
        every = load_rows(s, search_keys(s, CaseloadFilter()))
        for component in Component:
            in_filter = {r.id for r in load_rows(s, search_keys(s, CaseloadFilter(component=component, on=TODAY)))}
            by_detail = {
                r.id
                for r in every
                if any(
                    pm.qualifies and component in pm.qualifies
                    for pm in caseload.get_household(s, r.id, on=TODAY).components.per_member
                )
            }
            assert in_filter == by_detail, component


def _sortable(row, column: Column) -> object:
    return row.status if column == Column.STATUS else row.value(column)


def _nulls_first(value: object) -> tuple[bool, object]:
    return (value is not None, value)


@pytest.mark.parametrize("column", list(Column))
def test_every_column_sorts_both_ways(db: Database, three: dict, column: Column) -> None:
    with db.read() as s:
        up = [_sortable(r, column) for r in load_rows(s, search_keys(s, CaseloadFilter(sort=column)))]
        down = [
            _sortable(r, column) for r in load_rows(s, search_keys(s, CaseloadFilter(sort=column, descending=True)))
        ]
    assert len(up) == 3
    assert up == sorted(up, key=_nulls_first)
    assert down == sorted(up, key=_nulls_first, reverse=True)


def test_deleted_families_and_members_are_not_found(db: Database, three: dict) -> None:
    with db.transaction() as s:
        caseload.delete_household(s, three["siti"])
    assert names(db, CaseloadFilter(text="siti")) == []
    assert names(db, CaseloadFilter(text="budi")) == []
    with db.read() as s:
        detail = caseload.get_household(s, three["dede"])
    cucu = next(m for m in detail.members if m.name == "Cucu Dede")
    with db.transaction() as s:
        caseload.delete_member(s, cucu.id)
    assert names(db, CaseloadFilter(text="cucu")) == []
    assert names(db, CaseloadFilter(text="komala")) == ["Dédé Komala"]


def test_load_rows_keeps_the_order_of_keys(db: Database, three: dict) -> None:
    with db.read() as s:
        keys = search_keys(s, CaseloadFilter())
        rows = load_rows(s, list(reversed(keys)))
    assert [r.key for r in rows] == list(reversed(keys))
    assert rows[0].address.endswith("RT 003/RW 007")
