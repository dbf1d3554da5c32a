"""The Wali Kota recap (``services.recap``): every figure of a known caseload (``tests/recap_caseload.py``,
where the figures are stated by hand), year against quarter, the kecamatan filter, an empty period, the
period's spelling, and equality with direct SQL and with what the app's pages show."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models import Household, ReliefItem, Wilayah
from simoncer_desktop.services import caseload
from simoncer_desktop.services import caseload_query as cq
from simoncer_desktop.services.graduation_targets import KECAMATAN as LEVEL_KECAMATAN
from simoncer_desktop.services.graduation_targets import KELURAHAN as LEVEL_KELURAHAN
from simoncer_desktop.services.graduation_targets import NO_FACILITATOR, targets
from simoncer_desktop.services.recap import build_recap, parse_period
from simoncer_desktop.services.recap_model import (
    AreaFigures,
    CohortStages,
    EventFigures,
    FacilitatorFigures,
    ItemQuantity,
    Period,
    Recap,
    StockLeft,
)
from simoncer_desktop.services.relief_events import list_events
from simoncer_desktop.services.relief_reference import item_balances
from simoncer_desktop.services.relief_stock import stock_card
from simoncer_desktop.store import Database
from tests import recap_caseload as rc
from tests.recap_caseload import K1, K2, K3, KEC_SELATAN, KEC_TIMUR, NOW, KnownCaseload

ZERO_COMPONENTS = dict.fromkeys(
    ("ibu_hamil", "anak_usia_dini", "anak_sd", "anak_smp", "anak_sma", "lanjut_usia", "disabilitas_berat"), 0
)
ZERO_REASONS = dict.fromkeys(("meninggal", "tanpa_komponen", "pindah", "mampu"), 0)
ZERO_WELFARE = dict.fromkeys(("tidak_mampu", "kurang_mampu", "mampu", "mandiri", ""), 0)
ADDITIVE = (
    "active_families",
    "yearly_amount",
    "graduated_self_reliant",
    "graduated_natural",
    "proposed_self_reliant",
    "affected_families",
    "victims",
    "cash_distributed",
    "goods_distributed",
)


def area(code: str, name: str, kecamatan: str, **figures: object) -> AreaFigures:
    """An area with every figure zero except ``figures``; dict figures are merged into the zero dicts."""
    base = AreaFigures(
        code=code,
        name=name,
        kecamatan=kecamatan,
        active_families=0,
        members_by_component=dict(ZERO_COMPONENTS),
        yearly_amount=0,
        graduated_self_reliant=0,
        graduated_natural=0,
        proposed_self_reliant=0,
        target=0,
        facilitator_target_sum=0,
        natural_reasons=dict(ZERO_REASONS),
        welfare_classes=dict(ZERO_WELFARE),
        events=0,
        affected_families=0,
        victims=0,
        cash_distributed=0,
        goods_distributed=0,
    )
    for key in ("members_by_component", "natural_reasons", "welfare_classes"):
        if key in figures:
            figures[key] = {**getattr(base, key), **figures[key]}  # type: ignore[dict-item]
    return replace(base, **figures)  # type: ignore[arg-type]


def comps(**n: int) -> dict[str, int]:
    return dict(n)


# Stated by hand from the module docstring of tests/recap_caseload.py (the year 2025, components on
# 31-12-2025: the standard family = SD + usia dini = Rp3.900.000).
K1_2025 = area(
    K1,
    "Batu Tulis",
    "Bogor Selatan",
    active_families=3,  # f2, f3, f4 (f1 graduated, f10 nonaktif, f12 natural, f13 deleted)
    members_by_component=comps(ibu_hamil=1, anak_usia_dini=4, anak_sd=3, anak_smp=1, lanjut_usia=2),
    yearly_amount=3_900_000 + 6_300_000 + 11_400_000,  # f2; f3 + lansia; f4 capped at four members
    graduated_self_reliant=1,  # f1
    graduated_natural=1,  # f12 (run 2025Q2, decided 03-07-2025)
    proposed_self_reliant=1,  # f2 (f3's proposal dates from 2024)
    target=10,
    facilitator_target_sum=10,
    natural_reasons={"mampu": 1},
    welfare_classes={"tidak_mampu": 1, "kurang_mampu": 1, "mandiri": 1},
    affected_families=2,  # AF1, AF2 of E1 (AF4 belongs to E3 of 2024)
    victims=5,
    cash_distributed=18_000_000,  # isi hunian 3.000.000 + santunan kematian 15.000.000
    goods_distributed=3,  # beras to AF4 (02-01-2025), AF1, AF2
)
K2_2025 = area(
    K2,
    "Sukasari",
    "Bogor Timur",
    active_families=2,  # f7, f11
    members_by_component=comps(anak_usia_dini=2, anak_sd=2, anak_sma=1),
    yearly_amount=5_900_000 + 3_900_000,
    graduated_self_reliant=1,  # f9
    graduated_natural=1,  # f5
    target=3,
    facilitator_target_sum=3,
    natural_reasons={"tanpa_komponen": 1, "mampu": 1},
    welfare_classes={"mampu": 1, "mandiri": 1},
    affected_families=1,
    victims=2,
    goods_distributed=2,
)
K3_2025 = area(
    K3,
    "Baranangsiang",
    "Bogor Timur",
    active_families=1,  # f8
    members_by_component=comps(anak_usia_dini=1, anak_sd=1, disabilitas_berat=1),
    yearly_amount=6_300_000,
    graduated_natural=1,  # f6
    target=2,
    facilitator_target_sum=2,
    natural_reasons={"meninggal": 1},
    welfare_classes={"": 1},
)
SELATAN_2025 = replace(
    K1_2025, code=KEC_SELATAN, name="Bogor Selatan", target=14, facilitator_target_sum=14, events=1
)  # Ani 10 + Cici 4 (no kelurahan: the kecamatan only)
TIMUR_2025 = area(
    KEC_TIMUR,
    "Bogor Timur",
    "Bogor Timur",
    active_families=3,
    members_by_component=comps(anak_usia_dini=3, anak_sd=3, anak_sma=1, disabilitas_berat=1),
    yearly_amount=16_100_000,
    graduated_self_reliant=1,
    graduated_natural=2,
    target=5,
    facilitator_target_sum=5,
    natural_reasons={"meninggal": 1, "tanpa_komponen": 1, "mampu": 1},
    welfare_classes={"mampu": 1, "mandiri": 1, "": 1},
    events=1,
    affected_families=1,
    victims=2,
    goods_distributed=2,
)
CITY_2025 = area(
    "",
    "Kota Bogor",
    "",
    active_families=6,
    members_by_component=comps(
        ibu_hamil=1, anak_usia_dini=7, anak_sd=6, anak_smp=1, anak_sma=1, lanjut_usia=2, disabilitas_berat=1
    ),
    yearly_amount=37_700_000,
    graduated_self_reliant=2,
    graduated_natural=3,
    proposed_self_reliant=1,
    target=750,
    facilitator_target_sum=19,
    natural_reasons={"meninggal": 1, "tanpa_komponen": 1, "mampu": 2},
    welfare_classes={"tidak_mampu": 1, "kurang_mampu": 1, "mampu": 1, "mandiri": 2, "": 1},
    events=2,
    affected_families=3,
    victims=7,
    cash_distributed=18_000_000,
    goods_distributed=5,
)
STOCK = [StockLeft("Beras", "kg", 100, 30, 70), StockLeft("Selimut", "lembar", 20, 2, 18)]


@pytest.fixture
def world(db: Database) -> KnownCaseload:
    return rc.build(db)


def recap(db: Database, period: str, kecamatan: str | None = None, now: datetime = NOW) -> Recap:
    with db.read() as s:
        return build_recap(s, parse_period(period), kecamatan, now=now)


def by_code(areas: list[AreaFigures]) -> dict[str, AreaFigures]:
    return {a.code: a for a in areas}


def kelurahan_of(db: Database, kecamatan: list[str]) -> set[str]:
    with db.read() as s:
        return set(s.scalars(select(Wilayah.kode).where(Wilayah.parent_kode.in_(kecamatan))))


KOTA_BOGOR_KECAMATAN = ["32.71.01", "32.71.02", "32.71.03", "32.71.04", "32.71.05", "32.71.06"]


# --- the period ---------------------------------------------------------------------------------------


def test_parse_period_year_and_quarters() -> None:
    assert parse_period("2026") == Period("2026", date(2026, 1, 1), date(2026, 12, 31))
    assert not parse_period("2026").is_quarter
    assert parse_period("2026Q3") == Period("2026Q3", date(2026, 7, 1), date(2026, 9, 30))
    assert parse_period(" 2026q1 ") == Period("2026Q1", date(2026, 1, 1), date(2026, 3, 31))
    assert parse_period("2024Q4") == Period("2024Q4", date(2024, 10, 1), date(2024, 12, 31))
    assert parse_period("2026Q2").is_quarter


@pytest.mark.parametrize("bad", ["2026Q5", "26", "2026-3", "2026Q0", "", "tahun lalu", "1999", "2026Q3Q4"])
def test_parse_period_refuses_anything_else(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_period(bad)
    assert caught.value.errors[0].field == "period"
    assert "Periode" in str(caught.value) and "2026Q3" in str(caught.value)


# --- the year, every figure ------------------------------------------------------------------------


def test_year_every_area_figure(db: Database, world: KnownCaseload) -> None:
    r = recap(db, "2025")
    assert (r.period, r.as_of, r.as_of_day) == (parse_period("2025"), NOW, date(2025, 12, 31))
    assert (r.region_name, r.kecamatan_filter, r.city_target_setting, r.notes) == ("Kota Bogor", None, 750, [])
    assert r.city == CITY_2025
    assert r.has_data
    kecamatan = by_code(r.kecamatan)
    assert [a.name for a in r.kecamatan] == [
        "Bogor Barat",
        "Bogor Selatan",
        "Bogor Tengah",
        "Bogor Timur",
        "Bogor Utara",
        "Tanah Sareal",
    ]
    assert kecamatan[KEC_SELATAN] == SELATAN_2025
    assert kecamatan[KEC_TIMUR] == TIMUR_2025
    for code in set(KOTA_BOGOR_KECAMATAN) - {KEC_SELATAN, KEC_TIMUR}:
        assert kecamatan[code] == area(code, kecamatan[code].name, kecamatan[code].name)
    kelurahan = by_code(r.kelurahan)
    assert set(kelurahan) == kelurahan_of(db, KOTA_BOGOR_KECAMATAN)
    assert (kelurahan[K1], kelurahan[K2], kelurahan[K3]) == (K1_2025, K2_2025, K3_2025)
    for code in set(kelurahan) - {K1, K2, K3}:
        a = kelurahan[code]
        assert a == area(code, a.name, a.kecamatan)
    keys = [(a.kecamatan, a.name) for a in r.kelurahan]
    assert keys == sorted(keys, key=lambda k: (k[0].casefold(), k[1].casefold()))


def test_year_pendamping_cohorts_events_stock(db: Database, world: KnownCaseload) -> None:
    r = recap(db, "2025")
    fac = world.facilitators
    assert r.facilitators == [
        FacilitatorFigures(fac["Ani"], "Ani Suryani", "Bogor Selatan", 2, 10, 1, 1, (1, 1, 0, 0, 0, 0)),
        FacilitatorFigures(fac["Cici"], "Cici Lestari", "Bogor Selatan", 0, 4, 0, 0, (0, 0, 0, 0, 0, 0)),
        FacilitatorFigures(fac["Budi"], "Budi Santoso", "Bogor Timur", 2, 5, 0, 1, (0, 0, 0, 1, 0, 0)),
        FacilitatorFigures("", NO_FACILITATOR, "", 2, 0, 0, 0, (0, 0, 0, 0, 0, 0)),  # f4, f11
    ]
    assert r.cohorts == [
        CohortStages(world.cohorts["A"], "Kohort Batu Tulis 2025", 2025, "Bogor Selatan", 2, (1, 1, 0, 0, 0, 0), 0, 0),
        CohortStages(world.cohorts["B"], "Kohort Bogor Timur 2025", 2025, "Bogor Timur", 3, (0, 0, 0, 1, 0, 0), 1, 1),
    ]
    e1, e2 = world.events["E1"], world.events["E2"]
    assert r.events == [
        EventFigures(
            id=e1,
            code=e1[-8:].upper(),
            title="Banjir Cisadane",
            kind_label="Banjir",
            occurred_at=datetime(2025, 8, 5, 14, 30),
            kecamatan="Bogor Selatan",
            status_label="Dibuka",
            families=2,
            victims=5,
            damage={"tidak_rusak": 0, "ringan": 1, "sedang": 0, "berat": 1},
            displaced=1,
            injured=1,
            deceased=1,
            goods=(ItemQuantity("Beras", "kg", 20),),
            cash=18_000_000,
        ),
        EventFigures(
            id=e2,
            code=e2[-8:].upper(),
            title="Longsor Sukasari",
            kind_label="Tanah longsor",
            occurred_at=datetime(2025, 11, 3, 6, 0),
            kecamatan="Bogor Timur",
            status_label="Dibuka",
            families=1,
            victims=2,
            damage={"tidak_rusak": 0, "ringan": 0, "sedang": 1, "berat": 0},
            displaced=2,
            injured=0,
            deceased=0,
            goods=(ItemQuantity("Selimut", "lembar", 2),),
            cash=0,
        ),
    ]
    assert r.stock == STOCK


def test_areas_add_up(db: Database, world: KnownCaseload) -> None:
    r = recap(db, "2025")
    for name in ADDITIVE:
        assert sum(getattr(a, name) for a in r.kecamatan) == getattr(r.city, name), name
        assert sum(getattr(a, name) for a in r.kelurahan) == getattr(r.city, name), name
    assert sum(a.events for a in r.kecamatan) == r.city.events == len(r.events)
    assert sum(f.caseload for f in r.facilitators) == r.city.active_families
    assert sum(f.approved for f in r.facilitators) == r.city.graduated_self_reliant
    assert sum(a.target for a in r.kecamatan) == r.city.facilitator_target_sum


# --- quarters ---------------------------------------------------------------------------------------


def test_quarter_counts_what_is_dated_in_it_and_shows_the_years_target(db: Database, world: KnownCaseload) -> None:
    q3 = recap(db, "2025Q3")
    assert q3.as_of_day == date(2025, 9, 30)
    assert q3.city == replace(
        CITY_2025,
        graduated_self_reliant=1,  # f1, 10-08-2025 (f9 was in Q1)
        graduated_natural=1,  # f12: run 2025Q2 decided on 03-07-2025 → Q3 by the decision's date
        natural_reasons=dict(ZERO_REASONS, mampu=1),
        proposed_self_reliant=1,  # f2
        events=1,
        affected_families=2,
        victims=5,
        cash_distributed=3_000_000,  # santunan kematian came on 02-10-2025 (Q4)
        goods_distributed=2,
    )
    assert [e.title for e in q3.events] == ["Banjir Cisadane"]
    ani = next(f for f in q3.facilitators if f.name == "Ani Suryani")
    budi = next(f for f in q3.facilitators if f.name == "Budi Santoso")
    assert (ani.target, ani.proposed, ani.approved) == (10, 1, 1)
    assert (budi.target, budi.proposed, budi.approved) == (5, 0, 0)
    assert by_code(q3.kecamatan)[KEC_TIMUR].target == 5

    q4 = recap(db, "2025Q4")
    assert q4.city == replace(
        CITY_2025,
        graduated_self_reliant=0,
        graduated_natural=2,  # f5, f6
        natural_reasons=dict(ZERO_REASONS, meninggal=1, tanpa_komponen=1, mampu=1),
        proposed_self_reliant=0,  # f11's proposal was rejected
        events=1,
        affected_families=1,
        victims=2,
        cash_distributed=15_000_000,  # to AF2 of E1 (an August event): the distribution's date counts
        goods_distributed=2,
    )
    assert [e.title for e in q4.events] == ["Longsor Sukasari"]
    q1 = recap(db, "2025Q1")
    assert (q1.city.graduated_self_reliant, q1.city.goods_distributed, q1.city.events) == (1, 1, 0)  # f9; AF4


def test_running_period_evaluates_components_today(db: Database, world: KnownCaseload) -> None:
    r = recap(db, "2026", now=datetime(2026, 5, 1, 8, 0))
    assert r.as_of_day == date(2026, 5, 1)
    assert any(n.startswith("Periode 2026 masih berjalan") and "01-05-2026" in n for n in r.notes)
    assert r.city.active_families == 6


# --- the kecamatan filter ---------------------------------------------------------------------------


def test_kecamatan_filter_limits_everything(db: Database, world: KnownCaseload) -> None:
    r = recap(db, "2025", KEC_TIMUR)
    assert r.kecamatan_filter == "Bogor Timur" and r.region_name == "Kota Bogor"
    assert r.city == replace(TIMUR_2025, code="", kecamatan="")
    assert r.city_target_setting == 750
    assert r.kecamatan == [TIMUR_2025]
    kelurahan = by_code(r.kelurahan)
    assert set(kelurahan) == kelurahan_of(db, [KEC_TIMUR])
    assert (kelurahan[K2], kelurahan[K3]) == (K2_2025, K3_2025)
    assert [(f.name, f.caseload, f.approved) for f in r.facilitators] == [
        ("Budi Santoso", 2, 1),
        (NO_FACILITATOR, 1, 0),  # f11
    ]
    assert [c.name for c in r.cohorts] == ["Kohort Bogor Timur 2025"]
    assert [e.title for e in r.events] == ["Longsor Sukasari"]
    assert r.stock == STOCK  # the deployment's warehouse, whatever the filter
    assert recap(db, "2025", "bogor timur") == r  # by name too


@pytest.mark.parametrize("bad", ["32.71.99", "32.72.01", "32.71.01.1001", "Atlantis"])
def test_unknown_kecamatan_is_refused(db: Database, world: KnownCaseload, bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        recap(db, "2025", bad)
    assert caught.value.errors[0].field == "kecamatan"
    assert "tidak dikenal" in str(caught.value)


# --- no data ----------------------------------------------------------------------------------------


def test_period_without_data_has_zeros_and_a_note(db: Database, world: KnownCaseload) -> None:
    r = recap(db, "2019")
    assert r.notes and r.notes[0].startswith("Tidak ada data untuk periode 2019")
    c = r.city
    assert (c.graduated_self_reliant, c.graduated_natural, c.proposed_self_reliant, c.events) == (0, 0, 0, 0)
    assert (c.affected_families, c.victims, c.cash_distributed, c.goods_distributed) == (0, 0, 0, 0)
    assert c.natural_reasons == ZERO_REASONS
    assert r.events == []
    assert c.active_families == 6 and r.stock == STOCK  # state figures are today's
    filtered = recap(db, "2025Q2", "32.71.03")
    assert filtered.notes[0].startswith("Tidak ada data untuk periode 2025Q2 di Kecamatan Bogor Tengah")


def test_empty_database(db: Database) -> None:
    r = recap(db, "2025")
    assert r.city == area("", "Kota Bogor", "", target=750)
    assert not r.has_data
    assert r.notes == [
        "Tidak ada data untuk periode 2025: tidak ada graduasi, usulan graduasi, kejadian bencana, atau "
        "penyaluran bantuan yang bertanggal dalam periode ini"
    ]
    assert [a.code for a in r.kecamatan] != [] and all(a == area(a.code, a.name, a.kecamatan) for a in r.kecamatan)
    assert (r.facilitators, r.cohorts, r.events, r.stock) == ([], [], [], [])


# --- the same numbers as direct SQL and the app's pages --------------------------------------------------


def test_equals_direct_sql(db: Database, world: KnownCaseload) -> None:
    r = recap(db, "2025")
    with db.read() as s:

        def one(sql: str) -> int:
            return int(s.execute(text(sql)).scalar_one() or 0)

        assert r.city.active_families == one("SELECT count(*) FROM household WHERE deleted = 0 AND status = 'aktif'")
        decided = (
            "SELECT count(*) FROM graduation_decision d JOIN household h ON h.id = d.household_id "
            "WHERE d.deleted = 0 AND h.deleted = 0 AND d.status = 'disetujui' "
            "AND d.decided_on BETWEEN '2025-01-01' AND '2025-12-31' AND d.kind = "
        )
        assert r.city.graduated_self_reliant == one(decided + "'graduasi_mandiri'")
        assert r.city.graduated_natural == one(decided + "'graduasi_alamiah'")
        assert r.city.proposed_self_reliant == one(
            "SELECT count(*) FROM graduation_decision WHERE deleted = 0 AND status = 'diusulkan' "
            "AND kind = 'graduasi_mandiri' AND proposed_on BETWEEN '2025-01-01' AND '2025-12-31'"
        )
        assert r.city.events == one(
            "SELECT count(*) FROM disaster_event WHERE deleted = 0 AND occurred_at >= '2025-01-01' "
            "AND occurred_at < '2026-01-01'"
        )
        assert r.city.cash_distributed == one(
            "SELECT sum(amount) FROM distribution WHERE deleted = 0 "
            "AND distributed_on BETWEEN '2025-01-01' AND '2025-12-31'"
        )
        assert r.city.goods_distributed == one(
            "SELECT count(*) FROM distribution WHERE deleted = 0 AND item_id IS NOT NULL "
            "AND distributed_on BETWEEN '2025-01-01' AND '2025-12-31'"
        )
        for code in (K1, K2, K3):
            assert by_code(r.kelurahan)[code].active_families == one(
                f"SELECT count(*) FROM household WHERE deleted = 0 AND status = 'aktif' AND kelurahan_code = '{code}'"
            )


def test_equals_the_apps_pages(db: Database, world: KnownCaseload) -> None:
    r = recap(db, "2025")
    with db.read() as s:
        # Keluarga page, Aktif filter.
        assert r.city.active_families == cq.count(s, cq.CaseloadFilter(status="aktif"))
        for a in r.kecamatan:
            assert a.active_families == cq.count(s, cq.CaseloadFilter(status="aktif", kecamatan=a.code))
        for a in r.kelurahan:
            if a.active_families:
                assert a.active_families == cq.count(s, cq.CaseloadFilter(status="aktif", kelurahan=a.code))
        # Graduasi page, Target tab of the year.
        per_pendamping = {row.code: row for row in targets(s, 2025).rows}
        for f in r.facilitators:
            row = per_pendamping.get(f.id)
            if row is None:
                assert (f.target, f.proposed, f.approved, sum(f.in_stage)) == (0, 0, 0, 0)
                continue
            assert (f.target, f.proposed, f.approved, sum(f.in_stage)) == (
                row.target,
                row.proposed,
                row.approved,
                row.in_pipeline,
            )
        view = targets(s, 2025, LEVEL_KECAMATAN)
        assert (r.city_target_setting, r.city.graduated_self_reliant) == (view.city_target, view.city_approved)
        assert r.city.proposed_self_reliant == view.city_proposed
        for row in view.rows:
            a = by_code(r.kecamatan)[row.code]
            assert (a.target, a.proposed_self_reliant, a.graduated_self_reliant) == (
                row.target,
                row.proposed,
                row.approved,
            )
        for row in targets(s, 2025, LEVEL_KELURAHAN).rows:
            a = by_code(r.kelurahan)[row.code]
            assert (a.target, a.proposed_self_reliant, a.graduated_self_reliant) == (
                row.target,
                row.proposed,
                row.approved,
            )
        # Bencana page: the events list and the stock cards.
        listed = {e.id: e for e in list_events(s)}
        for e in r.events:
            row = listed[e.id]
            assert (e.families, e.victims, e.displaced, e.injured, e.deceased) == (
                row.families,
                row.people,
                row.displaced,
                row.injured,
                row.deceased,
            )
            assert (e.title, e.kind_label, e.kecamatan, e.code) == (
                row.title,
                row.kind_label,
                row.kecamatan_name,
                row.code,
            )
        balances = item_balances(s)
        for item_id, name in s.execute(select(ReliefItem.id, ReliefItem.name)):
            card = stock_card(s, item_id)
            found = [st for st in r.stock if st.name == name]
            if card.lines:
                assert found == [StockLeft(name, card.item.unit, card.received, card.distributed, card.balance)]
                assert card.balance == balances[item_id]
            else:
                assert found == []


def test_components_equal_the_family_dialog_on_the_demo_caseload(demo_db: Database) -> None:
    """300 synthetic families: the recap's members per component and yearly amount equal ``derive`` run
    family by family (``caseload.get_household``, the family dialog), which checks the pass's memos."""
    with demo_db.read() as s:
        period = parse_period("2025")
        r = build_recap(s, period, now=NOW)
        ids = list(s.scalars(select(Household.id).where(Household.deleted.is_(False), Household.status == "aktif")))
        counts = dict(ZERO_COMPONENTS)
        amount = 0
        per_kecamatan: dict[str, int] = {}
        for household_id in ids:
            detail = caseload.get_household(s, household_id, on=r.as_of_day)
            for component, n in detail.components.counts.items():
                counts[str(component)] += n
            amount += detail.components.yearly_amount
            per_kecamatan[detail.kecamatan_code] = per_kecamatan.get(detail.kecamatan_code, 0) + 1
        assert r.city.active_families == len(ids) == cq.count(s, cq.CaseloadFilter(status="aktif")) > 0
        assert r.city.members_by_component == counts
        assert r.city.yearly_amount == amount > 0
        assert {a.code: a.active_families for a in r.kecamatan if a.active_families} == per_kecamatan
        assert r.city.welfare_classes == {
            key: int(
                s.scalar(
                    select(func.count())
                    .select_from(Household)
                    .where(
                        Household.deleted.is_(False),
                        Household.status == "aktif",
                        func.coalesce(Household.welfare_class, "") == key,
                    )
                )
                or 0
            )
            for key in ZERO_WELFARE
        }
        view = targets(s, 2025)
        assert (r.city.graduated_self_reliant, r.city.proposed_self_reliant) == (
            view.city_approved,
            view.city_proposed,
        )
        assert sum(sum(f.in_stage) for f in r.facilitators) == view.city_pipeline
    for name in ADDITIVE:
        assert sum(getattr(a, name) for a in r.kelurahan) == getattr(r.city, name), name
