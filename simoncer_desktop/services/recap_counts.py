"""The Wali Kota recap's caseload figures per kelurahan: active families (and per pendamping), welfare
classes, members per PKH component with the yearly amount, and the reasons of the natural graduations of
the period. Definitions are in ``services.recap``; this module only counts.

Components are the one figure SQL cannot group: ``components.derive`` is run per active family over its
living members (the numbers the family dialog shows), in one streamed pass over the members. Two memos
keep that pass cheap without changing a single figure: ``ComponentRules.qualifies`` depends only on a
member's age on the day (it reads the birth date through ``age_on`` only), sex, school, pregnancy and
disability; and ``derive``'s counts and capped amount depend only on which components each member
qualifies for, not on who the members are or their order. (Should ``qualifies`` ever read the birth
date otherwise, the memo key must change with it; ``tests/unit/test_recap.py`` compares the totals
with ``derive`` run family by family.)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import ColumnElement, Integer, String, and_, func, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from simoncer_desktop.models import GraduationDecision, Household, Member, NaturalGraduationProposal
from simoncer_desktop.models.enums import Component, HouseholdStatus, WelfareClass
from simoncer_desktop.services.components import ComponentRules, age_on, derive

ACTIVE = HouseholdStatus.ACTIVE.value
NATURAL = HouseholdStatus.GRADUATED_NATURAL.value
APPROVED = "disetujui"
NOT_ASSESSED = ""
WELFARE_ORDER: tuple[str, ...] = (*(w.value for w in WelfareClass), NOT_ASSESSED)
COMPONENT_ORDER: tuple[str, ...] = tuple(c.value for c in Component)


@dataclass
class AreaCounts:
    """The additive figures of an area (a kelurahan, or the sum of several)."""

    active_families: int = 0
    members_by_component: Counter[str] = field(default_factory=Counter)
    yearly_amount: int = 0
    graduated_self_reliant: int = 0
    graduated_natural: int = 0
    proposed_self_reliant: int = 0
    natural_reasons: Counter[str] = field(default_factory=Counter)
    welfare_classes: Counter[str] = field(default_factory=Counter)
    events: int = 0
    affected_families: int = 0
    victims: int = 0
    cash_distributed: int = 0
    goods_distributed: int = 0

    def add(self, other: AreaCounts) -> None:
        self.active_families += other.active_families
        self.members_by_component.update(other.members_by_component)
        self.yearly_amount += other.yearly_amount
        self.graduated_self_reliant += other.graduated_self_reliant
        self.graduated_natural += other.graduated_natural
        self.proposed_self_reliant += other.proposed_self_reliant
        self.natural_reasons.update(other.natural_reasons)
        self.welfare_classes.update(other.welfare_classes)
        self.events += other.events
        self.affected_families += other.affected_families
        self.victims += other.victims
        self.cash_distributed += other.cash_distributed
        self.goods_distributed += other.goods_distributed

    @property
    def dated(self) -> bool:
        """Whether anything dated inside the period counts here (graduations, proposals, disasters, aid)."""
        return bool(
            self.graduated_self_reliant
            or self.graduated_natural
            or self.proposed_self_reliant
            or self.events
            or self.affected_families
            or self.cash_distributed
            or self.goods_distributed
        )


def ordered(counts: Counter[str], order: tuple[str, ...]) -> dict[str, int]:
    """Every code of ``order`` (zero when absent), then any other code found, in that order."""
    out = {code: int(counts.get(code, 0)) for code in order}
    for code in sorted(counts):
        if code not in out:
            out[code] = int(counts[code])
    return out


def kecamatan_of(kelurahan_code: str) -> str:
    return kelurahan_code.rsplit(".", 1)[0]


def no_index(expr: ColumnElement) -> ColumnElement:
    """``+expr``: keeps SQLite from walking every live family by the ``deleted`` index instead of the few
    decisions of the period (as ``graduation_targets`` does)."""
    return UnaryExpression(expr, operator=custom_op("+"), type_=expr.type)


def prefix_range(column: ColumnElement[str], kecamatan: str) -> ColumnElement[bool]:
    """``column`` is a kelurahan code of ``kecamatan`` (``32.71.01.…``), as a range an index can use."""
    return and_(column > f"{kecamatan}.", column < f"{kecamatan}/")  # "/" sorts right after "."


# --- families ----------------------------------------------------------------------------------------


def active_families(
    session: Session, kecamatan: str | None
) -> tuple[dict[str, AreaCounts], Counter[tuple[str | None, str]]]:
    """Per kelurahan: active families and their welfare classes; and active families per (pendamping
    id or None, kelurahan). One grouped query."""
    stmt = (
        select(
            Household.kelurahan_code,
            Household.facilitator_id,
            func.coalesce(Household.welfare_class, NOT_ASSESSED),
            func.count(),
        )
        .where(Household.deleted.is_(False), Household.status == ACTIVE)
        .group_by(Household.kelurahan_code, Household.facilitator_id, Household.welfare_class)
    )
    if kecamatan:
        stmt = stmt.where(prefix_range(Household.kelurahan_code, kecamatan))
    areas: dict[str, AreaCounts] = defaultdict(AreaCounts)
    caseload: Counter[tuple[str | None, str]] = Counter()
    for kelurahan, facilitator_id, welfare, n in session.execute(stmt):
        area = areas[kelurahan]
        area.active_families += n
        area.welfare_classes[welfare or NOT_ASSESSED] += n
        caseload[(facilitator_id, kelurahan)] += n
    return dict(areas), caseload


class _Facts(NamedTuple):
    """What ``ComponentRules.qualifies`` reads of a member."""

    birth_date: date
    sex: str
    education: str
    in_school: bool
    pregnant: bool
    severe_disability: bool
    deceased: bool = False


_Quals = tuple[Component, ...]
_Shape = tuple[_Quals, ...]
"""A family as ``derive`` sees it: the components each living member qualifies for (sorted)."""


def components(
    session: Session, rules: ComponentRules, on: date, kecamatan: str | None
) -> dict[str, tuple[Counter[str], int]]:
    """Per kelurahan: members of active families per component paid (before the cap) and the yearly
    amount after the cap, by ``derive`` on ``on`` over each family's living members.

    Memos (exact, see the module docstring): a member's qualifying components by (age on ``on``, sex,
    education, in school, pregnant, disability) — ``qualifies`` reads the birth date only through
    ``age_on`` — and ``derive``'s result by the family's sorted qualifying components, computed on the
    first family of that shape with, per member, the facts of a member that qualified for the same."""
    # type_coerce: raw text and integers, no per-row date or bool conversion (the memos convert once).
    stmt = (
        select(
            Member.household_id,
            Household.kelurahan_code,
            type_coerce(Member.birth_date, String),
            Member.sex,
            Member.education,
            type_coerce(Member.in_school, Integer),
            type_coerce(Member.pregnant, Integer),
            type_coerce(Member.severe_disability, Integer),
        )
        .join(Member, Member.household_id == Household.id)
        .where(
            Household.deleted.is_(False),
            Household.status == ACTIVE,
            Member.deleted.is_(False),
            Member.deceased.is_(False),
        )
    )
    if kecamatan:
        stmt = stmt.where(prefix_range(Household.kelurahan_code, kecamatan))
    ages: dict[str, int] = {}
    qualifies: dict[tuple[int, str, str, int, int, int], _Quals] = {}
    sample: dict[_Quals, _Facts] = {}
    families: dict[str, list] = {}
    """Household id → [kelurahan, qualifying components of each living member…]."""
    rows = session.connection().execution_options(yield_per=10_000).execute(stmt)
    for household_id, kelurahan, born, sex, education, in_school, pregnant, disability in rows:
        age = ages.get(born)
        if age is None:
            age = ages[born] = age_on(date.fromisoformat(born), on)
        key = (age, sex, education, in_school, pregnant, disability)
        quals = qualifies.get(key)
        if quals is None:
            facts = _Facts(date.fromisoformat(born), sex, education, bool(in_school), bool(pregnant), bool(disability))
            quals = qualifies[key] = tuple(rules.qualifies(facts, on))
            sample.setdefault(quals, facts)
        family = families.get(household_id)
        if family is None:
            families[household_id] = [kelurahan, quals]
        else:
            family.append(quals)

    results: dict[_Shape, tuple[dict[str, int], int]] = {}
    shapes: dict[str, Counter[_Shape]] = defaultdict(Counter)
    for kelurahan, *members in families.values():
        shape = tuple(sorted(members))
        if shape not in results:
            summary = derive([sample[q] for q in shape], rules, on)
            results[shape] = ({str(c): n for c, n in summary.counts.items()}, summary.yearly_amount)
        shapes[kelurahan][shape] += 1

    out: dict[str, tuple[Counter[str], int]] = {}
    for kelurahan, found in shapes.items():
        members: Counter[str] = Counter()
        amount = 0
        for shape, n in found.items():
            counts, yearly = results[shape]
            for code, count in counts.items():
                members[code] += count * n
            amount += yearly * n
        out[kelurahan] = (members, amount)
    return out


# --- natural graduation -----------------------------------------------------------------------------


def natural_reasons(session: Session, first: date, last: date, kecamatan: str | None) -> dict[str, Counter[str]]:
    """Per kelurahan: families graduated naturally in the period (approved decision with a ``run_id``,
    dated in the period) per reason of their proposal in that run; two reasons count under both."""
    stmt = (
        select(Household.kelurahan_code, NaturalGraduationProposal.reasons, func.count())
        .select_from(GraduationDecision)
        .join(
            NaturalGraduationProposal,
            and_(
                NaturalGraduationProposal.run_id == GraduationDecision.run_id,
                NaturalGraduationProposal.household_id == GraduationDecision.household_id,
            ),
        )
        .join(Household, Household.id == GraduationDecision.household_id)
        .where(
            GraduationDecision.deleted.is_(False),
            GraduationDecision.kind == NATURAL,
            GraduationDecision.status == APPROVED,
            GraduationDecision.run_id.is_not(None),
            GraduationDecision.decided_on.between(first, last),
            NaturalGraduationProposal.deleted.is_(False),
            no_index(Household.deleted) == 0,
        )
        .group_by(Household.kelurahan_code, NaturalGraduationProposal.reasons)
    )
    if kecamatan:
        stmt = stmt.where(prefix_range(Household.kelurahan_code, kecamatan))
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for kelurahan, reasons, n in session.execute(stmt):
        for reason in dict.fromkeys(r.strip() for r in (reasons or "").split(",") if r.strip()):
            out[kelurahan][reason] += n
    return dict(out)
