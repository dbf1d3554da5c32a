"""Kualitas Data: every kind of problem is found in data the forms would have refused (written here
straight to the tables, as an import from an older system or a sync could), and nothing is reported
for clean families."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import update

from simoncer_desktop.models import Household, Member
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import caseload, components
from simoncer_desktop.services.data_quality import KIND_INFO, Finding, Kind, QualityReport, run_checks
from simoncer_desktop.store import Database
from tests.factories import OTHER_KELURAHAN, family, household, member

ON = date(2026, 6, 1)
"""The day the checks are run for (ages and components depend on it)."""

# The NIKs tests.factories.family(1) composes (kecamatan 32.71.01, serials 11–14).
SITI_NIK = "3271014106850011"  # born 01-06-1985, woman (day 01 + 40)
UJANG_NIK = "3271011002820012"  # born 10-02-1982, man
KK_1 = "3271011503150001"
KK_2 = "3271011503150002"


def create(db: Database, serial: int = 1, kelurahan: str | None = None) -> str:
    data, members = family(serial, kelurahan) if kelurahan else family(serial)
    with db.transaction() as s:
        return caseload.create_household(s, data, members)


def member_id(db: Database, household_id: str, name: str) -> str:
    with db.read() as s:
        return next(m.id for m in caseload.get_household(s, household_id).members if m.name == name)


def write_member(db: Database, mid: str, **values: Any) -> None:
    """Bypasses the services' validation on purpose: the fault must get into the database."""
    with db.transaction() as s:
        s.execute(update(Member).where(Member.id == mid).values(**values))


def write_household(db: Database, hid: str, **values: Any) -> None:
    with db.transaction() as s:
        s.execute(update(Household).where(Household.id == hid).values(**values))


def check(db: Database, **kwargs: Any) -> QualityReport:
    with db.read() as s:
        return run_checks(s, on=ON, **kwargs)


def only(report: QualityReport, kind: Kind) -> Finding:
    found = report.findings_of(kind)
    assert len(found) == 1, found
    return found[0]


def kinds_found(report: QualityReport) -> set[Kind]:
    return {kind for kind, n in report.counts.items() if n}


# --- clean data ------------------------------------------------------------------------------------


def test_a_clean_family_has_no_findings(db: Database) -> None:
    create(db)
    report = check(db)
    assert (report.families, report.members) == (1, 4)
    assert list(report.counts) == list(Kind)  # every kind is counted, in display order
    assert report.total == 0
    assert all(report.findings_of(kind) == [] for kind in Kind)


def test_every_kind_has_a_title_and_an_explanation() -> None:
    assert set(KIND_INFO) == set(Kind)
    for kind in Kind:
        assert kind.label and len(kind.explanation) > len(kind.label)


# --- identity numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nik", "message"),
    [
        ("327101410685001", "NIK 327101410685001: harus 16 digit (tertulis 15 digit)"),
        ("3271994106850011", "NIK 3271994106850011: kode wilayah 32.71.99 bukan kode kecamatan yang terdaftar"),
        ("3271017106850011", "NIK 3271017106850011: tanggal lahir 31-06 tidak valid"),  # 71 = 31 + 40
        ("3271014106850000", "NIK 3271014106850000: nomor urut 0000 tidak valid (mulai dari 0001)"),
        ("32710141O6850011", "NIK 32710141O6850011: hanya boleh berisi angka (ada karakter 'O')"),
        ("", "NIK belum diisi"),
        (None, "NIK belum diisi"),
        (" 327101410685001", "NIK  327101410685001: harus 16 digit (tertulis 15 digit)"),
    ],
)
def test_a_nik_that_fails_the_structure_check(db: Database, nik: str | None, message: str) -> None:
    hid = create(db)
    siti = member_id(db, hid, "Siti Nurhaliza")
    write_member(db, siti, nik=nik)
    found = only(check(db), Kind.NIK_INVALID)
    assert (found.household_id, found.member_id, found.member_name, found.nik) == (hid, siti, "Siti Nurhaliza", nik)
    assert (found.no_kk, found.recipient_name) == (KK_1, "Siti Nurhaliza")
    assert found.message == message
    assert check(db).counts[Kind.NIK_MISMATCH] == 0  # a broken NIK is not also "disagreeing"


def test_a_nik_with_spaces_around_it_is_reported(db: Database) -> None:
    hid = create(db)
    write_member(db, member_id(db, hid, "Siti Nurhaliza"), nik=f"{SITI_NIK} ")
    assert only(check(db), Kind.NIK_INVALID).message == f"NIK '{SITI_NIK} ': ada spasi di awal atau akhir"


def test_a_nik_whose_birth_date_disagrees_with_the_record(db: Database) -> None:
    hid = create(db)
    siti = member_id(db, hid, "Siti Nurhaliza")
    write_member(db, siti, birth_date=date(1985, 6, 21))
    found = only(check(db), Kind.NIK_MISMATCH)
    assert found.member_id == siti
    assert found.message == f"NIK {SITI_NIK}: tanggal lahir di NIK 01-06-1985, di data 21-06-1985"


def test_a_nik_whose_sex_disagrees_with_the_record(db: Database) -> None:
    hid = create(db)
    write_member(db, member_id(db, hid, "Ujang Supriatna"), sex="P")
    found = only(check(db), Kind.NIK_MISMATCH)
    assert found.message == f"NIK {UJANG_NIK}: jenis kelamin di NIK laki-laki (tanggal 10), di data perempuan"


def test_birth_date_and_sex_both_wrong_are_one_finding_naming_both(db: Database) -> None:
    hid = create(db)
    write_member(db, member_id(db, hid, "Siti Nurhaliza"), sex="L", birth_date=date(1958, 6, 1))
    found = only(check(db), Kind.NIK_MISMATCH)
    assert found.message == (
        f"NIK {SITI_NIK}: tanggal lahir di NIK 01-06-1985, di data 01-06-1958; "
        "jenis kelamin di NIK perempuan (tanggal 41 = tanggal lahir + 40), di data laki-laki"
    )


def test_the_same_nik_in_two_families(db: Database) -> None:
    first = create(db, 1)
    second = create(db, 2)
    copy = member_id(db, second, "Ujang Supriatna")
    write_member(db, copy, nik=UJANG_NIK)
    report = check(db)
    found = report.findings_of(Kind.NIK_DUPLICATE)
    assert {(f.household_id, f.member_name) for f in found} == {(first, "Ujang Supriatna"), (second, "Ujang Supriatna")}
    by_family = {f.household_id: f for f in found}
    assert by_family[first].message == (
        f"NIK {UJANG_NIK} juga dipakai Ujang Supriatna (No. KK {KK_2}, pengurus Siti Nurhaliza)"
    )
    assert by_family[second].message == (
        f"NIK {UJANG_NIK} juga dipakai Ujang Supriatna (No. KK {KK_1}, pengurus Siti Nurhaliza)"
    )
    assert {f.group for f in found} == {UJANG_NIK}
    assert report.counts[Kind.NIK_DUPLICATE] == 2


def test_the_same_nik_twice_in_one_family(db: Database) -> None:
    hid = create(db)
    write_member(db, member_id(db, hid, "Asep Hidayat"), nik=UJANG_NIK)
    found = check(db).findings_of(Kind.NIK_DUPLICATE)
    assert sorted(f.message for f in found) == [
        f"NIK {UJANG_NIK} juga dipakai Asep Hidayat di keluarga ini",
        f"NIK {UJANG_NIK} juga dipakai Ujang Supriatna di keluarga ini",
    ]


def test_a_nik_used_again_after_the_old_family_was_deleted_is_no_duplicate(db: Database) -> None:
    old = create(db, 1)
    with db.transaction() as s:
        caseload.delete_household(s, old)
    data, members = family(1)
    data.no_kk = KK_2
    with db.transaction() as s:  # the same people on a new card: allowed, the old family is tombstoned
        caseload.create_household(s, data, members)
    report = check(db)
    assert report.total == 0
    assert (report.families, report.members) == (1, 4)


def test_likely_the_same_person_with_another_nik(db: Database) -> None:
    first = create(db, 1)
    data = household(2, OTHER_KELURAHAN)
    twin = member("  DEDE  rahmawati", date(2016, 8, 20), "P", 31, "32.71.02", is_recipient=True)
    elder = member("Nenden Ratnasari", date(1990, 1, 1), "P", 32, "32.71.02", pregnant=True)
    with db.transaction() as s:
        second = caseload.create_household(s, data, [twin, elder])
    write_member(db, member_id(db, second, "DEDE rahmawati"), name="  DEDE  rahmawati")  # as imported
    found = check(db).findings_of(Kind.PERSON_DUPLICATE)
    assert {(f.household_id, f.member_name) for f in found} == {
        (first, "Dédé Rahmawati"),
        (second, "  DEDE  rahmawati"),
    }
    by_family = {f.household_id: f for f in found}
    assert by_family[first].message == (
        f"Nama dan tanggal lahir (20-08-2016) sama dengan   DEDE  rahmawati, NIK {twin.nik} (No. KK {data.no_kk})"
    )
    assert by_family[second].message.startswith("Nama dan tanggal lahir (20-08-2016) sama dengan Dédé Rahmawati, NIK ")
    assert len({f.group for f in found}) == 1


def test_same_name_and_birth_date_with_the_same_nik_is_a_nik_duplicate_only(db: Database) -> None:
    create(db, 1)
    second = create(db, 2)  # the same four people (names, birth dates) with other NIKs
    write_member(db, member_id(db, second, "Ujang Supriatna"), nik=UJANG_NIK)
    report = check(db)
    assert {f.member_name for f in report.findings_of(Kind.NIK_DUPLICATE)} == {"Ujang Supriatna"}
    people = report.findings_of(Kind.PERSON_DUPLICATE)
    assert sorted(f.member_name for f in people) == sorted(2 * ["Siti Nurhaliza", "Dédé Rahmawati", "Asep Hidayat"])
    assert len({f.group for f in people}) == 3  # three pairs, each listed together


@pytest.mark.parametrize(
    ("no_kk", "message"),
    [
        ("3271013102150001", "No. KK 3271013102150001: tanggal 31-02 tidak valid"),
        ("3271991503150001", "No. KK 3271991503150001: kode wilayah 32.71.99 bukan kode kecamatan yang terdaftar"),
        ("327101150315001", "No. KK 327101150315001: harus 16 digit (tertulis 15 digit)"),
        ("3271011503150000", "No. KK 3271011503150000: nomor urut 0000 tidak valid (mulai dari 0001)"),
    ],
)
def test_a_family_card_number_that_fails_the_structure_check(db: Database, no_kk: str, message: str) -> None:
    hid = create(db)
    write_household(db, hid, no_kk=no_kk)
    found = only(check(db), Kind.NO_KK_INVALID)
    assert (found.household_id, found.no_kk, found.recipient_name, found.message) == (
        hid,
        no_kk,
        "Siti Nurhaliza",
        message,
    )
    assert found.member_id is None and found.member_name is None


def test_a_leap_day_card_date_is_valid(db: Database) -> None:
    hid = create(db)
    write_household(db, hid, no_kk="3271012902000001")  # 29-02-2000 (the SQL also tries 1900: no leap day)
    assert check(db).total == 0


def test_two_families_with_the_same_card_number(db: Database) -> None:
    first = create(db, 1)
    second = create(db, 2)
    write_household(db, second, no_kk=KK_1)
    found = check(db).findings_of(Kind.NO_KK_DUPLICATE)
    assert {f.household_id for f in found} == {first, second}
    assert {f.message for f in found} == {f"No. KK {KK_1} juga dipakai keluarga lain: pengurus Siti Nurhaliza"}


# --- pengurus and components -----------------------------------------------------------------------


def test_a_family_without_pengurus(db: Database) -> None:
    hid = create(db)
    write_member(db, member_id(db, hid, "Siti Nurhaliza"), is_recipient=False)
    found = only(check(db), Kind.NO_RECIPIENT)
    assert (found.household_id, found.recipient_name, found.message) == (
        hid,
        "",
        "Tidak ada pengurus di antara 4 anggota",
    )


def test_a_family_without_members_has_no_pengurus_and_no_component(db: Database) -> None:
    with db.transaction() as s:
        hid = caseload.create_household(s, household(5), [])
    report = check(db)
    assert only(report, Kind.NO_RECIPIENT).message == "Keluarga tidak punya anggota"
    assert only(report, Kind.NO_COMPONENT).household_id == hid
    assert (report.families, report.members) == (1, 0)


def test_two_pengurus_in_one_family(db: Database) -> None:
    hid = create(db)
    write_member(db, member_id(db, hid, "Ujang Supriatna"), is_recipient=True)
    found = only(check(db), Kind.MANY_RECIPIENTS)
    assert found.household_id == hid
    assert found.message.startswith("2 anggota ditandai pengurus: ")
    assert {"Siti Nurhaliza", "Ujang Supriatna"} == set(found.message.split(": ")[1].split(", "))


def test_a_deceased_pengurus(db: Database) -> None:
    hid = create(db)
    siti = member_id(db, hid, "Siti Nurhaliza")
    with db.read() as s:
        data = next(m for m in caseload.get_household(s, hid).members if m.id == siti).to_input()
    data.deceased, data.death_date = True, date(2026, 2, 1)
    with db.transaction() as s:  # the form allows recording the death; the family then needs a new pengurus
        caseload.update_member(s, siti, data)
    report = check(db)
    found = only(report, Kind.RECIPIENT_DECEASED)
    assert (found.member_id, found.message) == (
        siti,
        "Pengurus Siti Nurhaliza tercatat meninggal pada 01-02-2026; tandai pengurus pengganti",
    )
    assert report.counts[Kind.NO_RECIPIENT] == 0  # she is still marked; the problem is that she died


def test_an_active_family_without_any_component(db: Database) -> None:
    adults = [
        member("Siti Nurhaliza", date(1985, 6, 1), "P", 11, is_recipient=True),
        member("Ujang Supriatna", date(1982, 2, 10), "L", 12),
    ]
    with db.transaction() as s:
        active = caseload.create_household(s, household(1), adults)
        graduated = caseload.create_household(
            s,
            household(2, status=HouseholdStatus.GRADUATED_NATURAL.value),
            [
                member("Ratna Dewi", date(1980, 1, 1), "P", 21, is_recipient=True),
                member("Dadang Sunarya", date(1979, 1, 1), "L", 22),
            ],
        )
    found = only(check(db), Kind.NO_COMPONENT)
    assert found.household_id == active != graduated
    assert found.message == (
        "Status aktif, tetapi tidak satu pun dari 2 anggota memenuhi syarat komponen PKH per 01-06-2026"
    )


def test_a_deceased_member_gives_no_component(db: Database) -> None:
    elderly = member("Enah Suminah", date(1940, 1, 1), "P", 11, is_recipient=True)
    with db.transaction() as s:
        hid = caseload.create_household(s, household(1), [elderly])
    assert check(db).counts[Kind.NO_COMPONENT] == 0  # 86 years old: lanjut usia
    write_member(db, member_id(db, hid, "Enah Suminah"), deceased=True)
    assert only(check(db), Kind.NO_COMPONENT).household_id == hid


# --- member facts ------------------------------------------------------------------------------------


def test_over_17_and_still_in_sd(db: Database) -> None:
    hid = create(db)
    dede = member_id(db, hid, "Dédé Rahmawati")
    with db.transaction() as s:  # 18 on the day of the check: no form rule stops this
        data = caseload.get_household(s, hid).members
        pupil = next(m for m in data if m.id == dede).to_input()
        pupil.birth_date = date(2008, 6, 1)
        pupil.nik = "3271014106080013"
        caseload.update_member(s, dede, pupil)
    found = only(check(db), Kind.SD_OVER_AGE)
    assert (found.member_id, found.message) == (
        dede,
        "Umur 18 tahun (lahir 01-06-2008), tercatat masih sekolah di jenjang SD",
    )
    write_member(db, dede, birth_date=date(2008, 6, 2), nik="3271014206080013")  # one day younger: 17
    assert check(db).counts[Kind.SD_OVER_AGE] == 0


def test_implausible_birth_dates(db: Database) -> None:
    hid = create(db)
    write_member(db, member_id(db, hid, "Asep Hidayat"), birth_date=date(2027, 1, 5), nik="3271010501270014")
    write_member(db, member_id(db, hid, "Ujang Supriatna"), birth_date=date(1902, 2, 10), nik="3271011002020012")
    report = check(db)
    messages = sorted(f.message for f in report.findings_of(Kind.BIRTH_DATE))
    assert messages == ["Tanggal lahir 05-01-2027 ada di masa depan", "Tanggal lahir 10-02-1902: umur 124 tahun"]
    assert report.counts[Kind.NIK_MISMATCH] == 0  # the NIKs were changed along with the dates


def test_pregnant_but_male(db: Database) -> None:
    hid = create(db)
    ujang = member_id(db, hid, "Ujang Supriatna")
    write_member(db, ujang, pregnant=True)
    found = only(check(db), Kind.PREGNANT_MALE)
    assert (found.member_id, found.message) == (ujang, "Ditandai hamil/nifas, tetapi laki-laki")


# --- scope, limits, progress, cancelling ------------------------------------------------------------


def test_deleted_families_and_members_are_not_checked(db: Database) -> None:
    gone = create(db, 1)
    kept = create(db, 2)
    write_member(db, member_id(db, gone, "Ujang Supriatna"), pregnant=True, nik="123")
    write_household(db, gone, deleted=True)  # the family's tombstone, its members left as they were
    asep = member_id(db, kept, "Asep Hidayat")
    write_member(db, asep, deleted=True, nik="", is_recipient=True)
    report = check(db)
    assert report.total == 0
    assert (report.families, report.members) == (1, 3)


def test_limit_keeps_the_counts_whole(db: Database) -> None:
    ids = [create(db, serial) for serial in range(1, 6)]
    for hid in ids:
        write_member(db, member_id(db, hid, "Ujang Supriatna"), pregnant=True)
    report = check(db, limit=2)
    assert report.counts[Kind.PREGNANT_MALE] == 5
    assert len(report.findings_of(Kind.PREGNANT_MALE)) == 2
    assert report.truncated(Kind.PREGNANT_MALE) == 3
    assert [f.no_kk for f in report.findings_of(Kind.PREGNANT_MALE)] == [KK_1, KK_2]  # ordered by No. KK


def test_progress_is_reported_per_step_and_a_cancel_stops_the_run(db: Database) -> None:
    create(db)
    steps: list[tuple[int, int]] = []
    with db.read() as s:
        run_checks(s, on=ON, progress=lambda done, total: steps.append((done, total)))
    assert steps == [(i, 5) for i in range(6)]

    class StopError(Exception):
        pass

    class CancelAfter:
        def __init__(self, calls: int) -> None:
            self.calls = calls

        def raise_if_cancelled(self) -> None:
            self.calls -= 1
            if self.calls < 0:
                raise StopError

    seen: list[int] = []
    with pytest.raises(StopError), db.read() as s:
        run_checks(s, on=ON, progress=lambda done, _total: seen.append(done), token=CancelAfter(2))
    assert seen == [0, 1, 2]  # two steps ran, the third was never started


# --- the checks agree with the rules the forms use, on a realistic caseload ---------------------------


def test_demo_caseload_identity_numbers_are_clean(demo_db: Database) -> None:
    report = check(demo_db)
    assert report.families == 300
    for kind in (Kind.NIK_INVALID, Kind.NIK_MISMATCH, Kind.NIK_DUPLICATE, Kind.NO_KK_INVALID, Kind.NO_KK_DUPLICATE):
        assert report.counts[kind] == 0, report.findings_of(kind)[:3]
    assert report.counts[Kind.NO_RECIPIENT] == report.counts[Kind.MANY_RECIPIENTS] == 0


def test_no_component_agrees_with_the_component_rules(demo_db: Database) -> None:
    """The SQL form of the rule finds exactly the active families ``components.derive`` pays nothing."""
    report = check(demo_db)
    expected = set()
    with demo_db.read() as s:
        rules = components.ComponentRules.load(s, ON)
        for hh in s.query(Household).where(Household.deleted.is_(False), Household.status == "aktif"):
            live = [m for m in hh.members if not m.deleted]
            if not components.derive(live, rules, ON).paid:
                expected.add(hh.id)
    found = {f.household_id for f in report.findings_of(Kind.NO_COMPONENT)}
    assert found == expected
    assert 0 < len(found) < 300
