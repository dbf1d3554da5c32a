"""NIK and No. KK structural checks: each failure has its own message naming the field and reason."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from simoncer_desktop.services.identity import check_nik, check_no_kk, full_year, make_nik, make_no_kk

TODAY = date(2026, 11, 25)
KEC = frozenset({"32.71.01", "32.71.02", "32.01.01"})


def messages(errors) -> list[str]:
    return [e.message for e in errors]


def test_valid_nik_for_a_man_and_a_woman() -> None:
    assert check_nik("3271011204800001", kecamatan_codes=KEC, sex="L", birth_date=date(1980, 4, 12), today=TODAY) == []
    assert check_nik("3271015204800002", kecamatan_codes=KEC, sex="P", birth_date=date(1980, 4, 12), today=TODAY) == []


def test_each_failure_has_its_own_message() -> None:
    cases = {
        "": "NIK: wajib diisi",
        "32710112048000": "NIK: harus 16 digit (tertulis 14 digit)",
        "327101120480000A": "NIK: hanya boleh berisi angka (ada karakter 'A')",
        "3299011204800001": "NIK: kode wilayah 32.99.01 bukan kode kecamatan yang terdaftar",
        "3271013102800001": "NIK: tanggal lahir 31-02 tidak valid",
        "3271013504800001": "NIK: angka tanggal 35 tidak valid (1–31 untuk laki-laki, 41–71 untuk perempuan)",
        "3271011204800000": "NIK: nomor urut 0000 tidak valid (mulai dari 0001)",
    }
    for nik, expected in cases.items():
        assert messages(check_nik(nik, kecamatan_codes=KEC, today=TODAY)) == [expected], nik


def test_sex_must_agree_with_the_plus_40_rule() -> None:
    woman_nik = "3271015204800002"
    assert messages(check_nik(woman_nik, kecamatan_codes=KEC, sex="L", today=TODAY)) == [
        "NIK: tanggal +40 menandakan perempuan, tetapi jenis kelamin laki-laki"
    ]
    man_nik = "3271011204800001"
    assert messages(check_nik(man_nik, kecamatan_codes=KEC, sex="P", today=TODAY)) == [
        "NIK: tanggal tanpa +40 menandakan laki-laki, tetapi jenis kelamin perempuan"
    ]


def test_birth_date_must_agree() -> None:
    errors = check_nik("3271011204800001", kecamatan_codes=KEC, birth_date=date(1980, 4, 13), today=TODAY)
    assert messages(errors) == ["NIK: tanggal lahir di NIK (12-04-80) tidak sama dengan tanggal lahir 13-04-1980"]
    assert errors[0].field == "NIK"


def test_field_name_is_configurable() -> None:
    errors = check_nik("123", kecamatan_codes=KEC, field="NIK ahli waris")
    assert errors[0].message.startswith("NIK ahli waris: ")


def test_two_digit_year_takes_the_century_not_in_the_future() -> None:
    assert full_year(26, TODAY) == 2026
    assert full_year(27, TODAY) == 1927
    assert full_year(0, TODAY) == 2000
    # Born 01-12-26 would be in the future in 2026, so it is 1926: valid.
    assert check_nik("3271010112260001", kecamatan_codes=KEC, birth_date=date(1926, 12, 1), today=TODAY) == []


def test_feb_29_only_in_leap_years() -> None:
    assert check_nik("3271012902000001", kecamatan_codes=KEC, today=TODAY) == []  # 2000 is a leap year
    assert messages(check_nik("3271012902010001", kecamatan_codes=KEC, today=TODAY)) == [
        "NIK: tanggal lahir 29-02 tidak valid"
    ]


def test_region_check_can_be_skipped() -> None:
    assert check_nik("9999011204800001", kecamatan_codes=None, today=TODAY) == []


def test_no_kk() -> None:
    assert check_no_kk("3271011503150001", kecamatan_codes=KEC, today=TODAY) == []
    assert messages(check_no_kk("3271015503150001", kecamatan_codes=KEC, today=TODAY)) == [
        "No. KK: tanggal 55-03 tidak valid"
    ]
    assert messages(check_no_kk("3271010112260001", kecamatan_codes=KEC, today=date(2026, 11, 25))) == []
    assert messages(check_no_kk("327101150315000", kecamatan_codes=KEC, today=TODAY)) == [
        "No. KK: harus 16 digit (tertulis 15 digit)"
    ]
    assert messages(check_no_kk("3271011503150000", kecamatan_codes=KEC, today=TODAY)) == [
        "No. KK: nomor urut 0000 tidak valid (mulai dari 0001)"
    ]


birth_dates = st.dates(min_value=TODAY - timedelta(days=99 * 365), max_value=TODAY)
sexes = st.sampled_from(["L", "P"])
serials = st.integers(min_value=1, max_value=9999)
regions = st.sampled_from(sorted(KEC))


@given(region=regions, born=birth_dates, sex=sexes, serial=serials)
def test_every_composed_nik_is_valid_and_agrees(region: str, born: date, sex: str, serial: int) -> None:
    nik = make_nik(region, born, sex, serial)
    assert len(nik) == 16
    assert check_nik(nik, kecamatan_codes=KEC, sex=sex, birth_date=born, today=TODAY) == []


@given(region=regions, born=birth_dates, sex=sexes, serial=serials)
def test_the_other_sex_is_always_refused(region: str, born: date, sex: str, serial: int) -> None:
    nik = make_nik(region, born, sex, serial)
    other = "P" if sex == "L" else "L"
    errors = check_nik(nik, kecamatan_codes=KEC, sex=other, birth_date=born, today=TODAY)
    assert len(errors) == 1 and "jenis kelamin" in errors[0].message


@given(region=regions, born=birth_dates, sex=sexes, serial=serials, shift=st.integers(min_value=1, max_value=3000))
def test_another_birth_date_is_always_refused(region: str, born: date, sex: str, serial: int, shift: int) -> None:
    nik = make_nik(region, born, sex, serial)
    other = born - timedelta(days=shift)
    if (other.day, other.month, other.year % 100) == (born.day, born.month, born.year % 100):
        other -= timedelta(days=1)
    errors = check_nik(nik, kecamatan_codes=KEC, sex=sex, birth_date=other, today=TODAY)
    assert [e.message for e in errors if "tidak sama" in e.message]


@given(text=st.text(max_size=20))
def test_arbitrary_text_never_crashes_and_is_rejected_unless_structurally_valid(text: str) -> None:
    errors = check_nik(text, kecamatan_codes=KEC, today=TODAY)
    if not (text.strip().isascii() and text.strip().isdigit() and len(text.strip()) == 16):
        assert len(errors) == 1
    assert all(e.message.startswith("NIK: ") for e in errors)


@given(region=regions, issued=st.dates(min_value=date(1990, 1, 1), max_value=TODAY), serial=serials)
def test_every_composed_no_kk_is_valid(region: str, issued: date, serial: int) -> None:
    assert check_no_kk(make_no_kk(region, issued, serial), kecamatan_codes=KEC, today=TODAY) == []
