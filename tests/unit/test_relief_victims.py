"""Victims of an event: registration (from the caseload or typed in), refusals, look-up and lists."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.models import AffectedFamily, Household, Member, Victim
from simoncer_desktop.services import caseload
from simoncer_desktop.services import relief_events as ev
from simoncer_desktop.services import relief_victims as rv
from simoncer_desktop.services.identity import make_nik, make_no_kk
from simoncer_desktop.services.relief_events import AreaInput, EventInput
from simoncer_desktop.services.relief_victims import FamilyInput, VictimInput
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN, KELURAHAN, family

OCCURRED = datetime.now().replace(microsecond=0, second=0) - timedelta(days=3)
BORN = date(1990, 4, 12)


def new_event(s: Session, kecamatan: str = KECAMATAN, kelurahan: str = KELURAHAN) -> str:
    data = EventInput("banjir", "Banjir uji", OCCURRED, kecamatan, [AreaInput(kelurahan)])
    return ev.create_event(s, data, "op")


def person(name: str, serial: int, sex: str = "P", born: date = BORN, **changes: object) -> VictimInput:
    data = VictimInput(name=name, sex=sex, nik=make_nik(KECAMATAN, born, sex, serial), birth_date=born)
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def typed(head: str = "Rina Marlina", serial: int = 501, **changes: object) -> FamilyInput:
    data = FamilyInput(
        head_name=head,
        kelurahan_code=KELURAHAN,
        victims=[person(head, serial, relation="kepala"), person("Dodi", serial + 1, "L", date(2012, 5, 6))],
        no_kk=make_no_kk(KECAMATAN, date(2016, 2, 3), serial),
        address="Kp. Sawah",
        rt="2",
        rw="5",
        damage="berat",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def refused(s: Session, event_id: str, data: FamilyInput) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        rv.register_family(s, event_id, data, "op")
    assert s.scalar(select(func.count()).select_from(AffectedFamily).where(AffectedFamily.event_id == event_id)) == 0
    return err.value


def messages(err: ValidationError) -> list[str]:
    return [e.message for e in err.errors]


def caseload_family(s: Session, serial: int = 1) -> str:
    data, members = family(serial)
    return caseload.create_household(s, data, members)


def test_family_from_caseload_prefills_members_and_kpm(db: Database) -> None:
    with db.transaction() as s:
        hh = caseload_family(s)
        form = rv.family_from_caseload(s, hh)
        assert form.household_id == hh and form.is_kpm
        assert form.head_name == "Ujang Supriatna"  # the head (kepala), not the PKH recipient
        assert form.victims[0].relation == "kepala"
        assert {v.name for v in form.victims} == {"Siti Nurhaliza", "Ujang Supriatna", "Dédé Rahmawati", "Asep Hidayat"}
        assert all(v.member_id and v.nik for v in form.victims)
        assert form.no_kk == s.get(Household, hh).no_kk and (form.rt, form.rw) == ("003", "007")
        with pytest.raises(NotFoundError):
            rv.family_from_caseload(s, "missing")


def test_register_caseload_family_and_read_it_back(db: Database) -> None:
    with db.transaction() as s:
        event_id = new_event(s)
        form = rv.family_from_caseload(s, caseload_family(s))
        form.damage = "sedang"
        form.victims[1].displaced = True
        form.victims[2].injury = "berat"
        family_id = rv.register_family(s, event_id, form, "Operator Uji", on=OCCURRED.date())
        view = rv.get_family(s, family_id)
        rows = s.scalars(select(Victim).where(Victim.family_id == family_id)).all()
        assert view.is_kpm and view.household_id == form.household_id and view.damage == "sedang"
        assert view.kelurahan_name == "Batu Tulis" and view.registered_by == "Operator Uji"
        assert len(view.victims) == 4 and not view.flagged
        assert sum(v.displaced for v in view.victims) == 1
        assert {r.scope for r in rows} == {KECAMATAN}
        assert s.get(AffectedFamily, family_id).scope == KECAMATAN
        row = ev.list_events(s)[0]
        assert (row.families, row.people, row.displaced, row.injured) == (1, 4, 1, 1)


def test_typed_family_without_documents_is_flagged(db: Database) -> None:
    with db.transaction() as s:
        event_id = new_event(s)
        data = typed(no_kk=None, no_document_reason="KK hanyut")
        data.victims[1].nik = ""
        data.victims[1].no_document_reason = "Belum punya KTP"
        family_id = rv.register_family(s, event_id, data, "op")
        view = rv.get_family(s, family_id)
        assert view.flagged and not view.is_kpm and view.no_kk is None
        assert view.victims[1].nik is None
        assert [r.id for r in rv.flagged_families(s, event_id)] == [family_id]
        clean = rv.register_family(s, event_id, typed("Bu Bersih", 601), "op")
        assert [r.head_name for r in rv.family_rows(s, event_id)] == ["Bu Bersih", "Rina Marlina"]
        assert [r.flagged for r in rv.family_rows(s, event_id)] == [False, True]
        assert clean not in {r.id for r in rv.flagged_families(s, event_id)}


@pytest.mark.parametrize(
    ("change", "field", "row", "words"),
    [
        (lambda d: setattr(d, "no_kk", ""), "no_kk", None, "No. KK: wajib diisi, atau isi alasan tanpa dokumen"),
        (lambda d: setattr(d, "no_kk", "3271"), "no_kk", None, "No. KK: harus 16 digit"),
        (lambda d: setattr(d, "head_name", " "), "head_name", None, "Kepala keluarga: wajib diisi"),
        (lambda d: setattr(d, "kelurahan_code", KECAMATAN), "kelurahan_code", None, "Kelurahan: wajib dipilih"),
        (lambda d: setattr(d, "rt", "12a"), "rt", None, "RT: harus angka 1–3 digit"),
        (lambda d: setattr(d, "phone", "12345"), "phone", None, "Telepon: '12345' bukan nomor telepon"),
        (lambda d: setattr(d, "damage", "hancur"), "damage", None, "Tingkat kerusakan: nilai 'hancur' tidak dikenal"),
        (lambda d: setattr(d, "household_id", "missing"), "household_id", None, "tidak ditemukan"),
        (lambda d: setattr(d, "victims", []), "victims", None, "Korban: tambahkan minimal satu orang"),
        (lambda d: setattr(d.victims[1], "nik", ""), "nik", 2, "Korban 2: NIK: wajib diisi, atau isi alasan tanpa NIK"),
        (lambda d: setattr(d.victims[1], "nik", "32710112"), "nik", 2, "Korban 2: NIK: harus 16 digit"),
        (lambda d: setattr(d.victims[0], "sex", "L"), "nik", 1, "Korban 1: NIK: tanggal +40 menandakan perempuan"),
        (lambda d: setattr(d.victims[0], "sex", "X"), "sex", 1, "Korban 1: Jenis kelamin: wajib dipilih"),
        (lambda d: setattr(d.victims[1], "name", ""), "name", 2, "Korban 2: Nama: wajib diisi"),
        (lambda d: setattr(d.victims[1], "relation", "tetangga"), "relation", 2, "Hubungan keluarga: nilai"),
        (lambda d: setattr(d.victims[1], "injury", "parah"), "injury", 2, "Korban 2: Luka: nilai 'parah'"),
        (lambda d: setattr(d.victims[1], "deceased", True), "heir_name", 2, "Korban 2: Ahli waris: wajib diisi"),
        (lambda d: setattr(d.victims[1], "member_id", "missing"), "member_id", 2, "Anggota KPM: tidak ditemukan"),
        (
            lambda d: setattr(d.victims[1], "birth_date", date.today() + timedelta(days=2)),
            "birth_date",
            2,
            "Korban 2: Tanggal lahir:",
        ),
        (lambda d: setattr(d.victims[1], "nik", d.victims[0].nik), "nik", 2, "Korban 2: NIK"),
    ],
)
def test_register_refusals_name_field_and_row(db: Database, change, field: str, row: int | None, words: str) -> None:
    with db.transaction() as s:
        event_id = new_event(s)
        data = typed()
        change(data)
        err = refused(s, event_id, data)
        matching = [e for e in err.errors if e.field == field and e.row == row]
        assert matching, messages(err)
        assert any(words in e.message for e in matching), messages(err)


def test_same_nik_in_one_family_names_the_first_victim(db: Database) -> None:
    with db.transaction() as s:
        event_id = new_event(s)
        data = typed()
        data.victims.append(person("Kembar", 501))
        err = refused(s, event_id, data)
        assert "Korban 3: NIK" in messages(err)[0] and "sama dengan korban 1" in messages(err)[0]


def test_heir_nik_is_checked_and_deceased_with_heir_is_accepted(db: Database) -> None:
    with db.transaction() as s:
        event_id = new_event(s)
        data = typed()
        data.victims[1].deceased = True
        data.victims[1].heir_name = "Rina Marlina"
        data.victims[1].heir_nik = "123"
        err = refused(s, event_id, data)
        assert err.errors[0].field == "heir_nik" and "NIK ahli waris: harus 16 digit" in err.errors[0].message
        data.victims[1].heir_nik = data.victims[0].nik
        data.victims[1].heir_relation = "ibu"
        family_id = rv.register_family(s, event_id, data, "op")
        victim = rv.get_family(s, family_id).victims[1]
        assert victim.deceased and victim.heir_name == "Rina Marlina" and victim.heir_relation == "ibu"
        assert ev.list_events(s)[0].deceased == 1


def test_duplicates_in_one_event_name_the_earlier_family(db: Database) -> None:
    with db.transaction() as s:
        event_id = new_event(s)
        hh = caseload_family(s)
        rv.register_family(s, event_id, rv.family_from_caseload(s, hh), "op")
        rv.register_family(s, event_id, typed(), "op")
    with db.transaction() as s:
        again = rv.family_from_caseload(s, hh)
        err = refused_after(s, event_id, again)
        assert "sudah terdaftar pada kejadian ini (kepala keluarga: Ujang Supriatna)" in err.by_field()["household_id"]
        # The same person typed into another family.
        other = typed("Yani", 701)
        other.victims.append(person("Rina Marlina", 501, relation="famili_lain"))
        err = refused_after(s, event_id, other)
        nik_error = next(e for e in err.errors if e.field == "nik")
        assert nik_error.row == 3 and "sudah terdaftar pada kejadian ini (Rina Marlina, keluarga Rina Marlina)" in (
            nik_error.message
        )
        # The same No. KK typed by hand.
        err = refused_after(s, event_id, typed("Orang Lain", 801, no_kk=typed().no_kk))
        assert "No. KK" in err.by_field()["no_kk"] and "Rina Marlina" in err.by_field()["no_kk"]
        # Another event takes the same family.
        second = new_event(s)
        assert rv.register_family(s, second, rv.family_from_caseload(s, hh), "op")


def refused_after(s: Session, event_id: str, data: FamilyInput) -> ValidationError:
    before = s.scalar(select(func.count()).select_from(AffectedFamily).where(AffectedFamily.event_id == event_id))
    with pytest.raises(ValidationError) as err:
        rv.register_family(s, event_id, data, "op")
    after = s.scalar(select(func.count()).select_from(AffectedFamily).where(AffectedFamily.event_id == event_id))
    assert before == after
    return err.value


def test_registration_day_bounds(db: Database) -> None:
    with db.transaction() as s:
        event_id = new_event(s)
        with pytest.raises(ValidationError) as err:
            rv.register_family(s, event_id, typed(), "op", on=OCCURRED.date() - timedelta(days=1))
        assert "sebelum tanggal kejadian" in err.value.by_field()["registered_on"]
        with pytest.raises(ValidationError) as err:
            rv.register_family(s, event_id, typed(), "op", on=date.today() + timedelta(days=1))
        assert "masa depan" in err.value.by_field()["registered_on"]
        family_id = rv.register_family(s, event_id, typed(), "op")
        assert rv.get_family(s, family_id).registered_on == date.today()


def test_update_family_edits_adds_and_removes_victims(db: Database) -> None:
    with db.transaction() as s:
        event_id = new_event(s)
        family_id = rv.register_family(s, event_id, typed(), "op")
        form = rv.get_family(s, family_id).to_input()
        removed_nik = form.victims[1].nik
        form.damage = "ringan"
        form.victims[0].displaced = True
        form.victims = [form.victims[0], person("Nenek", 520, born=date(1950, 3, 3), relation="orang_tua")]
        rv.update_family(s, family_id, form)
        view = rv.get_family(s, family_id)
        assert view.damage == "ringan" and [v.name for v in view.victims] == ["Rina Marlina", "Nenek"]
        assert view.victims[0].displaced
        # The removed person comes back: the tombstone is revived rather than a second row.
        form = view.to_input()
        form.victims.append(person("Dodi", 502, "L", date(2012, 5, 6)))
        rv.update_family(s, family_id, form)
        rows = s.scalars(select(Victim).where(Victim.nik == removed_nik)).all()
        assert len(rows) == 1 and not rows[0].deleted
        assert len(rv.get_family(s, family_id).victims) == 3
        stranger = form.victims[0]
        stranger.id = "not-of-this-family"
        with pytest.raises(ValidationError, match="Korban 1: bukan korban dari keluarga ini"):
            rv.update_family(s, family_id, form)


def test_family_rows_search_by_head_victim_name_and_numbers(db: Database) -> None:
    with db.transaction() as s:
        event_id = new_event(s)
        first = rv.register_family(s, event_id, typed("Rina Marlina", 501), "op")
        second = rv.register_family(s, event_id, typed("Agus Salim", 601), "op")
        assert [r.id for r in rv.family_rows(s, event_id, "marl")] == [first]
        assert {r.id for r in rv.family_rows(s, event_id, "dodi")} == {first, second}
        assert [r.id for r in rv.family_rows(s, event_id, typed("x", 601).no_kk)] == [second]
        assert [r.id for r in rv.family_rows(s, event_id, "100%")] == []
        row = rv.family_rows(s, event_id, "agus")[0]
        assert (row.people, row.kelurahan_name, row.rt, row.rw, row.damage) == (2, "Batu Tulis", "2", "5", "berat")


def test_lookup_by_nik_prefix_and_name_marks_registered(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        member = s.scalars(
            select(Member).where(Member.deleted.is_(False), Member.nik.is_not(None)).order_by(Member.id).limit(1)
        ).one()
        household = s.get(Household, member.household_id)
        event_id = new_event(s, household.scope, household.kelurahan_code)
        found = rv.lookup_people(s, event_id, member.nik[:12])
        match = next(m for m in found if m.member_id == member.id)
        assert match.household_id == household.id and match.no_kk == household.no_kk
        assert match.is_kpm == (household.status == "aktif") and match.registered_family_id is None
        assert all(m.nik.startswith(member.nik[:12]) or m.no_kk.startswith(member.nik[:12]) for m in found)
        by_card = rv.lookup_people(s, event_id, household.no_kk)
        assert member.id in {m.member_id for m in by_card}
        first_word, last_word = member.name.split()[0], member.name.split()[-1]
        by_name = rv.lookup_people(s, event_id, f"{first_word[:3]} {last_word}", limit=200)
        assert member.id in {m.member_id for m in by_name}
        assert len(rv.lookup_people(s, event_id, first_word[:2], limit=5)) <= 5
        assert rv.lookup_people(s, event_id, "3271") == [] and rv.lookup_hint("3271") is not None
        assert rv.lookup_people(s, event_id, "a") == [] and rv.lookup_hint("a") is not None
        family_id = rv.register_family(s, event_id, rv.family_from_caseload(s, household.id), "op")
        again = next(m for m in rv.lookup_people(s, event_id, member.nik) if m.member_id == member.id)
        assert again.registered_family_id == family_id
