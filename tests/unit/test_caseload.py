"""Caseload services: one transaction per action, nothing written when validation fails."""

from __future__ import annotations

from datetime import date

import pytest

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.models.enums import Component
from simoncer_desktop.services import caseload, caseload_query
from simoncer_desktop.store import Database
from tests.factories import OTHER_KELURAHAN, family, household, member


def create(db: Database, serial: int = 1, kelurahan: str | None = None) -> str:
    data, members = family(serial, kelurahan) if kelurahan else family(serial)
    with db.transaction() as s:
        return caseload.create_household(s, data, members)


def test_create_and_read_a_family(db: Database) -> None:
    hh_id = create(db)
    with db.read() as s:
        detail = caseload.get_household(s, hh_id, on=date(2026, 11, 25))
    assert detail.kecamatan_name == "Bogor Selatan"
    assert detail.kelurahan_name == "Batu Tulis"
    assert detail.rt == "003" and detail.rw == "007"
    assert detail.members[0].name == "Siti Nurhaliza"  # the recipient comes first
    assert detail.recipient is not None and detail.recipient.name == "Siti Nurhaliza"
    assert detail.components.counts == {Component.EARLY_CHILD: 1, Component.SD: 1}
    assert detail.components.yearly_amount == 3_000_000 + 900_000


def test_summary_columns_follow_the_members(db: Database) -> None:
    hh_id = create(db)
    with db.read() as s:
        row = caseload_query.load_rows(s, caseload_query.search_keys(s, caseload_query.CaseloadFilter()))[0]
    assert (row.recipient_name, row.member_count) == ("Siti Nurhaliza", 4)
    with db.read() as s:
        father = next(m for m in caseload.get_household(s, hh_id).members if m.relation == "kepala")
    with db.transaction() as s:
        data = father.to_input()
        data.is_recipient = True
        caseload.update_member(s, father.id, data)
    with db.read() as s:
        detail = caseload.get_household(s, hh_id)
        row = caseload_query.load_rows(s, caseload_query.search_keys(s, caseload_query.CaseloadFilter()))[0]
    assert [m.name for m in detail.members if m.is_recipient] == ["Ujang Supriatna"]  # only one recipient
    assert row.recipient_name == "Ujang Supriatna"


def test_invalid_input_writes_nothing_and_names_every_field(db: Database) -> None:
    data, members = family()
    data.rt = "12a"
    members[2].nik = members[2].nik[:-4] + "0000"
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        caseload.create_household(s, data, members)
    fields = {e.field for e in err.value.errors}
    assert {"rt", "nik"} <= fields
    assert any(e.row == 3 and "nomor urut 0000" in e.message for e in err.value.errors)
    with db.read() as s:
        assert caseload_query.count(s) == 0


def test_same_nik_in_two_live_families_is_refused_naming_the_other(db: Database) -> None:
    create(db, serial=1)
    data, members = family(serial=2)
    members[0].nik = family(serial=1)[1][0].nik
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        caseload.create_household(s, data, members)
    message = err.value.by_field()["nik"]
    assert "sudah terdaftar atas nama Siti Nurhaliza" in message
    assert family(serial=1)[0].no_kk in message


def test_same_nik_twice_in_one_new_family(db: Database) -> None:
    data, members = family()
    members[1].nik = members[0].nik
    members[1].sex, members[1].birth_date = members[0].sex, members[0].birth_date
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        caseload.create_household(s, data, members)
    assert any("sama dengan anggota 1" in e.message for e in err.value.errors)


def test_nik_of_a_tombstoned_family_can_be_reused(db: Database) -> None:
    first = create(db, serial=1)
    with db.transaction() as s:
        caseload.delete_household(s, first)
    second = create(db, serial=1)
    assert second != first
    with db.read() as s:
        assert caseload_query.count(s) == 1
        with pytest.raises(NotFoundError):
            caseload.get_household(s, first)


def test_same_no_kk_is_refused(db: Database) -> None:
    create(db, serial=1)
    data, members = family(serial=2)
    data.no_kk = household(1).no_kk
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        caseload.create_household(s, data, members)
    assert "No. KK" in err.value.by_field()["no_kk"]


def test_member_add_edit_delete(db: Database) -> None:
    hh_id = create(db)
    baby = member("Bayi Lestari", date(2026, 5, 1), "P", 99)
    with db.transaction() as s:
        baby_id = caseload.add_member(s, hh_id, baby)
    with db.read() as s:
        assert len(caseload.get_household(s, hh_id).members) == 5
    baby.name = "Bayi Lestari Putri"
    with db.transaction() as s:
        caseload.update_member(s, baby_id, baby)
    with db.read() as s:
        assert "Bayi Lestari Putri" in [m.name for m in caseload.get_household(s, hh_id).members]
    with db.transaction() as s:
        caseload.delete_member(s, baby_id)
    with db.read() as s:
        detail = caseload.get_household(s, hh_id)
        assert len(detail.members) == 4
        keys = caseload_query.search_keys(s, caseload_query.CaseloadFilter())
        assert caseload_query.load_rows(s, keys)[0].member_count == 4


def test_invalid_member_edit_keeps_the_stored_member(db: Database) -> None:
    hh_id = create(db)
    with db.read() as s:
        target = caseload.get_household(s, hh_id).members[0]
    bad = target.to_input()
    bad.name = "Nama Baru"
    bad.sex = "L"  # disagrees with the NIK (+40)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        caseload.update_member(s, target.id, bad)
    assert "jenis kelamin laki-laki" in err.value.by_field()["nik"]
    with db.read() as s:
        assert caseload.get_household(s, hh_id).members[0].name == target.name


def test_moving_a_family_to_another_kecamatan_moves_its_scope(db: Database) -> None:
    hh_id = create(db)
    with db.read() as s:
        data = caseload.get_household(s, hh_id).to_input()
    data.kelurahan_code = OTHER_KELURAHAN
    with db.transaction() as s:
        caseload.update_household(s, hh_id, data)
    with db.read() as s:
        detail = caseload.get_household(s, hh_id)
        assert detail.kecamatan_code == "32.71.02"
        f = caseload_query.CaseloadFilter(kecamatan="32.71.02")
        assert caseload_query.count(s, f) == 1


def test_household_field_checks(db: Database) -> None:
    data = household(phone="12345", desil=11, kelurahan_code="32.71.01", status="hilang", programs=frozenset({"x"}))
    with db.read() as s:
        errors = {e.field: e.message for e in caseload.Validator(s).household(data)}
    assert errors["phone"].startswith("No. HP:")
    assert errors["desil"] == "Desil: harus 1–10 (tertulis 11)"
    assert errors["kelurahan_code"] == "Kelurahan: wajib dipilih dari daftar wilayah"
    assert errors["status"] == "Status: nilai 'hilang' tidak dikenal"
    assert errors["programs"] == "Program: tidak dikenal (x)"


def test_member_field_checks(db: Database) -> None:
    data = member("", date(2030, 1, 1), "L", 5, pregnant=True, in_school=True, death_date=date(2020, 1, 1))
    with db.read() as s:
        errors = {e.field: e.message for e in caseload.Validator(s, today=date(2026, 11, 25)).member(data)}
    assert errors["name"] == "Nama: wajib diisi"
    assert errors["birth_date"] == "Tanggal lahir: 01-01-2030 ada di masa depan"
    assert errors["pregnant"] == "Hamil/nifas: hanya untuk anggota perempuan"
    assert errors["in_school"].startswith("Masih sekolah:")
    assert errors["death_date"].startswith("Tanggal meninggal:")
