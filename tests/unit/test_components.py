"""PKH components derived from members, with the cap and the amounts from the rates table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from simoncer_desktop.models.enums import Component
from simoncer_desktop.services.components import ComponentRules, age_on, derive, years_before
from simoncer_desktop.services.reference import DEFAULT_RATES
from simoncer_desktop.services.settings import component_rates, set_setting
from simoncer_desktop.store import Database

ON = date(2026, 11, 25)
RULES = ComponentRules(rates=dict(DEFAULT_RATES))


@dataclass
class M:
    birth_date: date
    sex: str = "L"
    education: str = "tidak_sekolah"
    in_school: bool = False
    pregnant: bool = False
    severe_disability: bool = False
    deceased: bool = False


def test_age_and_years_before() -> None:
    assert age_on(date(2000, 11, 26), ON) == 25
    assert age_on(date(2000, 11, 25), ON) == 26
    assert years_before(date(2028, 2, 29), 1) == date(2027, 2, 28)


def test_each_rule() -> None:
    assert RULES.qualifies(M(date(2021, 1, 1)), ON) == [Component.EARLY_CHILD]  # 5 years old
    assert RULES.qualifies(M(date(2019, 11, 25)), ON) == []  # turned 7 today, not in school
    assert RULES.qualifies(M(date(2019, 1, 1), education="sd", in_school=True), ON) == [Component.SD]
    assert RULES.qualifies(M(date(2020, 6, 1), education="sd", in_school=True), ON) == [Component.SD]  # not both
    assert RULES.qualifies(M(date(2012, 1, 1), education="smp", in_school=True), ON) == [Component.SMP]
    assert RULES.qualifies(M(date(2009, 1, 1), education="sma", in_school=True), ON) == [Component.SMA]
    assert RULES.qualifies(M(date(2009, 1, 1), education="sma", in_school=False), ON) == []  # dropped out
    assert RULES.qualifies(M(date(2003, 1, 1), education="sma", in_school=True), ON) == []  # 23: too old
    assert RULES.qualifies(M(date(1995, 1, 1), sex="P", pregnant=True), ON) == [Component.PREGNANT]
    assert RULES.qualifies(M(date(1956, 11, 25)), ON) == [Component.ELDERLY]  # 70 today
    assert RULES.qualifies(M(date(1956, 11, 26)), ON) == []  # 69
    assert RULES.qualifies(M(date(1950, 1, 1), severe_disability=True), ON) == [Component.ELDERLY, Component.DISABILITY]
    assert RULES.qualifies(M(date(2021, 1, 1), deceased=True), ON) == []


def test_one_component_per_member_and_the_cap_keeps_the_highest_amounts() -> None:
    members = [
        M(date(1950, 1, 1), severe_disability=True),  # elderly + disability: paid once, 2.4M
        M(date(1995, 1, 1), sex="P", pregnant=True),  # 3.0M
        M(date(2022, 1, 1)),  # early child 3.0M
        M(date(2017, 1, 1), education="sd", in_school=True),  # 0.9M
        M(date(2012, 1, 1), education="smp", in_school=True),  # 1.5M
        M(date(2009, 1, 1), education="sma", in_school=True),  # 2.0M
    ]
    summary = derive(members, RULES, ON)
    assert summary.per_member[0].paid in (Component.ELDERLY, Component.DISABILITY)
    assert sum(summary.counts.values()) == 6
    assert [c for _, c, _ in summary.paid] == [
        Component.PREGNANT,
        Component.EARLY_CHILD,
        summary.per_member[0].paid,
        Component.SMA,
    ]
    assert summary.yearly_amount == 3_000_000 + 3_000_000 + 2_400_000 + 2_000_000
    assert "Ibu hamil/nifas" in summary.labels


def test_rates_and_settings_follow_their_validity_date(db: Database) -> None:
    with db.transaction() as s:
        from simoncer_desktop.models import ComponentRate

        s.add(ComponentRate(scope="*", component="anak_sd", amount_per_year=1_000_000, valid_from=date(2027, 1, 1)))
        set_setting(s, "component_cap", 2, valid_from=date(2027, 1, 1))
    with db.read() as s:
        assert component_rates(s, date(2026, 12, 31))["anak_sd"] == 900_000
        assert component_rates(s, date(2027, 1, 1))["anak_sd"] == 1_000_000
        assert ComponentRules.load(s, date(2026, 12, 31)).cap == 4
        assert ComponentRules.load(s, date(2027, 1, 1)).cap == 2
