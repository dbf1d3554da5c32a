"""The synthetic caseload: deterministic, valid identity numbers, plausible families, only in the region
asked for, and safe to run twice on one database."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Row, Table, func, select, text, update
from sqlalchemy.orm import Session

from simoncer_desktop import cli
from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models import Facilitator, Household, Member, Setting, Wilayah
from simoncer_desktop.services import demo_data
from simoncer_desktop.services.caseload_validation import PHONE
from simoncer_desktop.services.components import age_on
from simoncer_desktop.services.identity import check_nik, check_no_kk, full_year, region_code_of, split_number
from simoncer_desktop.services.reference import kecamatan_codes
from simoncer_desktop.services.settings import REGION_CODE, region_code
from simoncer_desktop.store import Database
from tests.keys import open_test_database

AS_OF = demo_data.DEMO_AS_OF
FAMILIES = 400
SEED = 11
KOTA_BOGOR_KELURAHAN = {"32.71.01": 16, "32.71.02": 6, "32.71.03": 11, "32.71.04": 16, "32.71.05": 8, "32.71.06": 11}


@dataclass
class Caseload:
    db: Database
    result: demo_data.DemoResult
    households: list[Row[Any]]
    members: list[Row[Any]]
    facilitators: list[Row[Any]]

    def members_of(self) -> dict[str, list[Row[Any]]]:
        out: dict[str, list[Row[Any]]] = defaultdict(list)
        for m in self.members:
            out[m.household_id].append(m)
        return out

    def alive(self) -> list[Row[Any]]:
        return [m for m in self.members if not m.deceased]


def table(model: type[Any]) -> Table:
    return model.__table__


def read_rows(session: Session, model: type[Any]) -> list[Row[Any]]:
    t = table(model)
    return list(session.execute(select(t).order_by(t.c.id)))


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.read() as s:
        return {m.__tablename__: [tuple(r) for r in read_rows(s, m)] for m in (Facilitator, Household, Member)}


def generate(db: Database, **kwargs: Any) -> demo_data.DemoResult:
    with db.transaction() as s:
        return demo_data.generate(s, **kwargs)


@contextmanager
def fresh_db(template_db: Path, path: Path) -> Iterator[Database]:
    shutil.copyfile(template_db, path)
    db = open_test_database(path)
    try:
        yield db
    finally:
        db.close()


def load(db: Database, result: demo_data.DemoResult) -> Caseload:
    with db.read() as s:
        return Caseload(db, result, read_rows(s, Household), read_rows(s, Member), read_rows(s, Facilitator))


@pytest.fixture(scope="module")
def kota(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Caseload]:
    """400 families in Kota Bogor, read once for the tests that only look."""
    with fresh_db(template_db, tmp_path_factory.mktemp("demo_data") / "kota.sqlite3") as db:
        yield load(db, generate(db, families=FAMILIES, seed=SEED, region="32.71"))


@pytest.fixture(scope="module")
def one_kecamatan(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Caseload]:
    """1,200 families in Bogor Selatan: enough for three facilitators."""
    with fresh_db(template_db, tmp_path_factory.mktemp("demo_data") / "kecamatan.sqlite3") as db:
        yield load(db, generate(db, families=1200, seed=SEED, region="32.71.01"))


# --- determinism -------------------------------------------------------------------------------


def test_same_seed_gives_identical_rows_whatever_the_chunk_size(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fresh_db(template_db, tmp_path / "a.sqlite3") as a:
        generate(a, families=250, seed=5)
        first = dump(a)
    monkeypatch.setattr(demo_data, "CHUNK_FAMILIES", 64)
    with fresh_db(template_db, tmp_path / "b.sqlite3") as b:
        generate(b, families=250, seed=5)
        second = dump(b)
    assert len(first["household"]) == 250
    assert first == second


def test_another_seed_gives_other_families(template_db: Path, tmp_path: Path) -> None:
    with fresh_db(template_db, tmp_path / "a.sqlite3") as a:
        generate(a, families=200, seed=5)
        first = dump(a)
    with fresh_db(template_db, tmp_path / "b.sqlite3") as b:
        generate(b, families=200, seed=6)
        second = dump(b)
    assert {r[0] for r in first["member"]}.isdisjoint(r[0] for r in second["member"])
    name_col = list(table(Member).c.keys()).index("name")
    assert [r[name_col] for r in first["member"]] != [r[name_col] for r in second["member"]]


def test_progress_is_reported_per_chunk(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo_data, "CHUNK_FAMILIES", 100)
    calls: list[tuple[int, int]] = []
    with db.transaction() as s:
        demo_data.generate(s, families=250, seed=1, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(100, 250), (200, 250), (250, 250)]


def test_result_counts_the_rows_written(kota: Caseload) -> None:
    assert kota.result == demo_data.DemoResult(
        families=len(kota.households),
        members=len(kota.members),
        facilitators=len(kota.facilitators),
        region="32.71",
    )
    assert kota.result.families == FAMILIES


def test_sync_columns_are_set_and_fixed(kota: Caseload) -> None:
    stamps = {(r.created_at, r.updated_at) for r in [*kota.households, *kota.members, *kota.facilitators]}
    assert len(stamps) == 1
    created, updated = stamps.pop()
    assert created == updated and created.date() == AS_OF
    assert not any(r.deleted for r in [*kota.households, *kota.members, *kota.facilitators])
    uuid7 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
    assert all(uuid7.fullmatch(r.id) for r in [*kota.households, *kota.members, *kota.facilitators])


# --- identity numbers --------------------------------------------------------------------------


def test_every_nik_and_no_kk_passes_the_checks(kota: Caseload) -> None:
    with kota.db.read() as s:
        known = kecamatan_codes(s)
    for m in kota.members:
        assert check_nik(m.nik, kecamatan_codes=known, sex=m.sex, birth_date=m.birth_date) == [], m
    for f in kota.facilitators:
        assert check_nik(f.nik, kecamatan_codes=known) == [], f
    for h in kota.households:
        assert check_no_kk(h.no_kk, kecamatan_codes=known) == [], h
        assert region_code_of(h.no_kk) == h.scope


def test_no_kk_is_issued_after_its_youngest_member_was_born(kota: Caseload) -> None:
    members = kota.members_of()
    for h in kota.households:
        parts = split_number(h.no_kk)
        issued = date(full_year(parts.yy, AS_OF), parts.month, parts.day)
        assert max(m.birth_date for m in members[h.id]) <= issued <= AS_OF


def test_numbers_are_unique(kota: Caseload) -> None:
    niks = [m.nik for m in kota.members] + [f.nik for f in kota.facilitators]
    assert len(niks) == len(set(niks))
    assert len({h.no_kk for h in kota.households}) == len(kota.households)


def test_nik_region_is_mostly_the_households_kecamatan(kota: Caseload) -> None:
    scope = {h.id: h.scope for h in kota.households}
    same = sum(region_code_of(m.nik) == scope[m.household_id] for m in kota.members)
    assert all(m.nik.startswith("32") for m in kota.members)  # another kecamatan of the same province
    assert 0.8 <= same / len(kota.members) < 0.98


def test_running_twice_on_one_database_adds_families_without_collisions(db: Database) -> None:
    generate(db, families=150, seed=3)
    second = generate(db, families=150, seed=3)  # the same seed on purpose: the worst case
    with db.read() as s:
        niks = list(s.scalars(select(Member.nik))) + list(s.scalars(select(Facilitator.nik)))
        no_kks = list(s.scalars(select(Household.no_kk)))
        members = list(s.execute(select(Member.nik, Member.sex, Member.birth_date)))
        known = kecamatan_codes(s)
    assert second.families == 150 and len(no_kks) == 300
    assert len(niks) == len(set(niks))
    assert len(no_kks) == len(set(no_kks))
    assert all(check_nik(m.nik, kecamatan_codes=known, sex=m.sex, birth_date=m.birth_date) == [] for m in members)


# --- families ----------------------------------------------------------------------------------


def test_exactly_one_recipient_per_family_usually_the_wife(kota: Caseload) -> None:
    by_family = kota.members_of()
    for members in by_family.values():
        recipients = [m for m in members if m.is_recipient]
        assert len(recipients) == 1
        wives = [m for m in members if m.relation == "istri"]
        head = next(m for m in members if m.relation == "kepala")
        assert recipients[0] == (wives[0] if wives else head)
    women = sum(m.sex == "P" for m in kota.members if m.is_recipient)
    assert women / len(kota.households) > 0.8


def test_summary_columns_are_filled_by_the_triggers(kota: Caseload) -> None:
    by_family = kota.members_of()
    for h in kota.households:
        members = by_family[h.id]
        recipient = next(m for m in members if m.is_recipient)
        assert h.member_count == sum(not m.deceased for m in members)
        assert (h.recipient_name, h.recipient_nik) == (recipient.name, recipient.nik)


def test_names_with_diacritics_are_found_without_them(kota: Caseload) -> None:
    accented = [m for m in kota.members if not m.name.isascii()]
    assert 0 < len(accented) < 0.1 * len(kota.members)
    word = next(w for w in accented[0].name.split() if not w.isascii())
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    with kota.db.read() as s:
        query = (  # the low 32 bits of an index rowid are the member's rowid
            "SELECT m.id FROM person_fts JOIN member m ON m.rowid = (person_fts.rowid & 4294967295) "
            "WHERE person_fts MATCH :q"
        )
        ids = set(s.scalars(text(query), {"q": f"name:{plain}"}))
    assert accented[0].id in ids


def test_composition_is_plausible(kota: Caseload) -> None:
    alive = kota.alive()
    ages = {m.id: age_on(m.birth_date, AS_OF) for m in kota.members}
    primary = [m for m in alive if 7 <= ages[m.id] <= 12]
    secondary = [m for m in alive if 13 <= ages[m.id] <= 18]
    assert 0.85 <= sum(m.in_school for m in primary) / len(primary) < 1  # nearly all, some dropouts
    assert 0.6 <= sum(m.in_school for m in secondary) / len(secondary) < 0.97
    elderly_families = {m.household_id for m in alive if ages[m.id] >= 70}
    assert 0.03 <= len(elderly_families) / len(kota.households) <= 0.25
    women_20_40 = [m for m in alive if m.sex == "P" and 20 <= ages[m.id] <= 40]
    assert 0.02 <= sum(m.pregnant for m in women_20_40) / len(women_20_40) <= 0.3
    assert 0.002 <= sum(m.deceased for m in kota.members) / len(kota.members) <= 0.03
    assert 0.005 <= sum(m.severe_disability for m in kota.members) / len(kota.members) <= 0.05
    assert 3.5 <= len(kota.members) / len(kota.households) <= 4.8
    female_heads = [m for m in kota.members if m.relation == "kepala" and m.sex == "P"]
    assert 0.05 <= len(female_heads) / len(kota.households) <= 0.35  # single mothers and widows
    assert max(ages.values()) <= demo_data.MAX_AGE and min(ages.values()) >= 0


def test_member_facts_agree_with_each_other(kota: Caseload) -> None:
    school_ages = {"paud": (3, 6), "sd": (6, 13), "smp": (12, 16), "sma": (15, 19), "pt": (18, 23)}
    for m in kota.members:
        age = age_on(m.birth_date, AS_OF)
        if m.in_school:
            low, high = school_ages[m.education]
            assert low <= age <= high, m
        if m.pregnant:
            assert m.sex == "P" and 15 <= age <= 49 and not m.deceased, m
        if m.deceased:
            assert m.death_date is not None and m.birth_date <= m.death_date <= AS_OF and not m.in_school, m
        else:
            assert m.death_date is None
    heads = Counter(m.household_id for m in kota.members if m.relation == "kepala")
    assert set(heads.values()) == {1} and len(heads) == len(kota.households)


def test_household_fields_are_plausible(kota: Caseload) -> None:
    assert {h.desil for h in kota.households} == {1, 2, 3, 4}
    assert all(h.desil_date is not None and h.desil_date <= AS_OF for h in kota.households)
    assert sum(h.status == "aktif" for h in kota.households) / len(kota.households) >= 0.95
    assert all(h.status_reason for h in kota.households if h.status != "aktif")
    assert all(h.address.startswith(("Jl. ", "Gg. ", "Kp. ")) for h in kota.households)
    assert all(re.fullmatch(r"\d{3}", h.rt) and h.rt != "000" and re.fullmatch(r"\d{3}", h.rw) for h in kota.households)
    phones = [h.phone for h in kota.households if h.phone]
    assert 0.2 <= len(phones) / len(kota.households) <= 0.8
    assert all(PHONE.match(p) for p in phones)
    assert 0.7 <= sum(h.prog_kis for h in kota.households) / len(kota.households) <= 0.97
    assert 0 < sum(h.prog_kube for h in kota.households) < 0.2 * len(kota.households)


# --- region and facilitators -------------------------------------------------------------------


def test_families_only_in_the_regency_spread_by_kelurahan_count(kota: Caseload) -> None:
    with kota.db.read() as s:
        codes = {h.kelurahan_code for h in kota.households}
        kelurahan = {w.kode: w for w in s.scalars(select(Wilayah).where(Wilayah.kode.in_(codes)))}
    for h in kota.households:
        assert kelurahan[h.kelurahan_code].tingkat == "desa_kelurahan"
        assert kelurahan[h.kelurahan_code].parent_kode == h.scope
    per_kecamatan = Counter(h.scope for h in kota.households)
    total_kelurahan = sum(KOTA_BOGOR_KELURAHAN.values())
    for code, count in KOTA_BOGOR_KELURAHAN.items():
        assert abs(per_kecamatan[code] - FAMILIES * count / total_kelurahan) < 1
    scope = {h.id: h.scope for h in kota.households}
    assert all(m.scope == scope[m.household_id] for m in kota.members)


def test_a_kecamatan_code_keeps_everything_in_that_kecamatan(one_kecamatan: Caseload) -> None:
    assert one_kecamatan.result.region == "32.71.01"
    assert {h.scope for h in one_kecamatan.households} == {"32.71.01"}
    assert all(h.kelurahan_code.startswith("32.71.01.") for h in one_kecamatan.households)
    assert {f.scope for f in one_kecamatan.facilitators} == {"32.71.01"}
    assert len({h.kelurahan_code for h in one_kecamatan.households}) == KOTA_BOGOR_KELURAHAN["32.71.01"]


@pytest.mark.parametrize("name", ["kota", "one_kecamatan"])
def test_each_family_has_a_facilitator_serving_its_kelurahan(name: str, request: pytest.FixtureRequest) -> None:
    caseload: Caseload = request.getfixturevalue(name)
    facilitators = {f.id: f for f in caseload.facilitators}
    for h in caseload.households:
        facilitator = facilitators[h.facilitator_id]
        assert facilitator.scope == h.scope
        assert h.kelurahan_code in facilitator.kelurahan_codes.split(",")
    assert all(f.yearly_target == 10 and f.name and PHONE.match(f.phone) for f in caseload.facilitators)
    served = Counter(h.facilitator_id for h in caseload.households)
    assert set(served) == set(facilitators)  # nobody without families


def test_one_facilitator_per_about_400_families(kota: Caseload, one_kecamatan: Caseload) -> None:
    assert len(one_kecamatan.facilitators) == 3  # 1,200 families
    served = Counter(h.facilitator_id for h in one_kecamatan.households)
    assert all(350 <= n <= 450 for n in served.values())
    # a small caseload still has one facilitator in each kecamatan
    assert len(kota.facilitators) == len(KOTA_BOGOR_KELURAHAN)


# --- region setting and errors -----------------------------------------------------------------


def test_region_setting_is_set_when_missing_and_kept_otherwise(db: Database) -> None:
    with db.transaction() as s:
        s.execute(update(Setting).where(Setting.key == REGION_CODE).values(deleted=True))
    generate(db, families=20, seed=1, region="32.01.01")  # a kecamatan of Kabupaten Bogor
    with db.read() as s:
        assert region_code(s) == "32.01"
        assert set(s.scalars(select(Household.scope))) == {"32.01.01"}
    generate(db, families=20, seed=1, region="32.71")
    with db.read() as s:
        assert region_code(s) == "32.01"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("99.99", "Wilayah 99.99 tidak dikenal"),
        ("32", "Wilayah 32 (Jawa Barat) bukan kabupaten/kota atau kecamatan"),
        ("32.71.01.1001", "Wilayah 32.71.01.1001 (Batu Tulis) bukan kabupaten/kota atau kecamatan"),
    ],
)
def test_a_region_that_is_not_a_regency_or_kecamatan_is_refused(db: Database, code: str, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        generate(db, families=10, seed=1, region=code)
    assert str(err.value) == message
    with db.read() as s:
        assert s.scalar(select(Household.id).limit(1)) is None


def test_zero_families_writes_nothing_and_negative_is_refused(db: Database) -> None:
    assert generate(db, families=0, seed=1) == demo_data.DemoResult(0, 0, 0, "32.71")
    with pytest.raises(ValidationError):
        generate(db, families=-1, seed=1)
    assert dump(db) == {"facilitator": [], "household": [], "member": []}


def test_cli_exit_codes(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["demo-data", "--db", str(db_path), "--families", "5", "--region", "99.99"]) == cli.EXIT_ERROR
    assert "Wilayah 99.99 tidak dikenal" in capsys.readouterr().err
    assert cli.main(["demo-data", "--db", str(db_path), "--families", "5", "--seed", "2"]) == cli.EXIT_OK
    assert "Dibuat 5 keluarga" in capsys.readouterr().out


def test_demo_data_is_never_queued_for_sync(db: Database) -> None:
    """Synthetic families must not reach the central office: they are written with capture off, and a
    later real edit of one of them is captured as usual."""
    from simoncer_desktop.models.sync import SyncOutbox
    from simoncer_desktop.services import demo_relief

    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(SyncOutbox))
    with db.transaction() as s:
        demo_data.generate(s, families=30, seed=3, region="32.71")
        event = demo_relief.generate(s, victims=20, seed=3)
        demo_relief.with_aid(s, event.event_id, demo_relief.DEMO_DAY)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncOutbox)) == before
        household = s.scalars(select(Household).limit(1)).one()
    with db.transaction() as s:
        s.get(Household, household.id).phone = "081234567890"
    with db.read() as s:
        queued = s.scalars(select(SyncOutbox).where(SyncOutbox.row_id == household.id)).all()
        assert [(op.tbl, op.kind) for op in queued] == [("household", "update")]
