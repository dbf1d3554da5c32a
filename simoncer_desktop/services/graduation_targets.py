"""Graduation targets: per pendamping, kelurahan or kecamatan the yearly target of graduasi sejahtera
mandiri against what was proposed, approved and is still in the programme, and the city against its
target.

Figures of a year (``year``):
- **target** — a pendamping's ``Facilitator.yearly_target`` (when empty: the setting
  ``facilitator_yearly_target``, default 10). A kelurahan's and a kecamatan's target is the sum of
  their pendampings' targets: a pendamping serving several kelurahan (``kelurahan_codes``) has the
  target split over them in whole families, the remainder going to the first codes listed (10 over
  three kelurahan → 4, 3, 3), so the kelurahan of a kecamatan add up to the kecamatan. A pendamping
  without kelurahan counts for the kecamatan that owns it (``scope``) only;
- **proposed** — graduasi sejahtera mandiri proposals still waiting (``diusulkan``) proposed in the year;
- **approved** — proposals approved (``disetujui``) with the decision dated in the year;
- **in pipeline** — open enrollments now (not withdrawn, programme not complete: stage ≤ 6 and stage 6
  not passed); it is today's state, not the year's;
- **% of target** — approved / target.

Families count for the pendamping of ``Household.facilitator_id`` and the kelurahan/kecamatan of
``Household.kelurahan_code`` / ``Household.scope``; families without a pendamping show as
*(Tanpa pendamping)*. The city total counts every family; its target is the setting
``city_graduation_target`` (default 750), not the sum of the pendampings' targets. Settings are read as in
force on 31 December of the year.

Four grouped queries whatever the size of the caseload: decisions and enrollments grouped by
(pendamping, kelurahan, kecamatan), the pendampings, and the region names.

The counting is public so that other reports count the same way: ``grouped_counts`` gives the figures of
any date range (the Wali Kota recap's quarters; ``targets`` asks for a year), with graduasi alamiah
approved and the open enrollments per stage as well; ``facilitator_targets`` and ``area_targets`` give
the pendampings' targets and their split over kelurahan and kecamatan; ``open_enrollments`` is the
grouped query of open enrollments per stage by any keys (e.g. per cohort).
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from simoncer_desktop.models import Enrollment, Facilitator, GraduationDecision, Household, StageRecord, Wilayah
from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

PENDAMPING = "pendamping"
KELURAHAN = "kelurahan"
KECAMATAN = "kecamatan"
LEVELS = (PENDAMPING, KELURAHAN, KECAMATAN)
LEVEL_LABELS = {
    PENDAMPING: QT_TRANSLATE_NOOP("graduation_targets", "Pendamping"),
    KELURAHAN: QT_TRANSLATE_NOOP("graduation_targets", "Kelurahan"),
    KECAMATAN: QT_TRANSLATE_NOOP("graduation_targets", "Kecamatan"),
}

NO_FACILITATOR = QT_TRANSLATE_NOOP("graduation_targets", "(Tanpa pendamping)")
"""The row of families without a facilitator, in Bahasa (the recap workbook prints it); shown through
``no_facilitator()``."""


def no_facilitator() -> str:
    """``NO_FACILITATOR`` in the screen language."""
    return translate("graduation_targets", NO_FACILITATOR)


SELF_RELIANT = HouseholdStatus.GRADUATED_SELF_RELIANT.value
NATURAL = HouseholdStatus.GRADUATED_NATURAL.value
LAST_STAGE = 6


@dataclass(frozen=True)
class TargetRow:
    code: str
    """Pendamping id, kelurahan or kecamatan code ("" for families without a pendamping)."""
    name: str
    kecamatan: str
    """The kecamatan name (of the pendamping or kelurahan; the row's own name at the kecamatan level)."""
    target: int
    proposed: int
    approved: int
    in_pipeline: int

    @property
    def percent(self) -> float | None:
        """Approved as a percentage of the target; None without a target."""
        return 100.0 * self.approved / self.target if self.target else None


@dataclass(frozen=True)
class TargetsView:
    year: int
    level: str
    rows: list[TargetRow]
    city_target: int
    city_proposed: int
    city_approved: int
    city_pipeline: int
    seconds: float = field(default=0.0, compare=False)

    @property
    def city_percent(self) -> float | None:
        return 100.0 * self.city_approved / self.city_target if self.city_target else None


@dataclass
class _Counts:
    proposed: int = 0
    approved: int = 0
    in_pipeline: int = 0


GroupKey = tuple[str | None, str, str]
"""(facilitator id or None, kelurahan code, kecamatan code = ``Household.scope``) of the families counted."""


@dataclass
class GroupCounts:
    """The figures of one (pendamping, kelurahan, kecamatan) group for a date range."""

    proposed: int = 0
    """Graduasi sejahtera mandiri proposals still waiting (``diusulkan``), proposed in the range."""
    approved: int = 0
    """Graduasi sejahtera mandiri approved (``disetujui``) with the decision dated in the range."""
    approved_natural: int = 0
    """Graduasi alamiah approved with the decision dated in the range (applied runs)."""
    in_stage: list[int] = field(default_factory=lambda: [0] * LAST_STAGE)
    """Open enrollments now (not withdrawn, stage 6 not passed) per current stage 1…6."""

    @property
    def in_pipeline(self) -> int:
        return sum(self.in_stage)


@dataclass(frozen=True)
class FacilitatorTarget:
    id: str
    name: str
    scope: str
    """The kecamatan that owns the pendamping."""
    kelurahan_codes: tuple[str, ...]
    target: int
    """``Facilitator.yearly_target``, or the setting ``facilitator_yearly_target`` when empty."""


def split_target(target: int, codes: list[str]) -> dict[str, int]:
    """A pendamping's target over the kelurahan served, in whole families (remainder to the first codes)."""
    if not codes:
        return {}
    base, extra = divmod(target, len(codes))
    shares: dict[str, int] = defaultdict(int)
    for i, code in enumerate(codes):
        shares[code] += base + (1 if i < extra else 0)
    return dict(shares)


def _no_index(expr: ColumnElement) -> ColumnElement:
    """``+expr``: keeps SQLite from walking all 110,000 live families by the ``deleted`` index instead of
    the few thousand decisions or enrollments (15× faster)."""
    return UnaryExpression(expr, operator=custom_op("+"), type_=expr.type)


def _kecamatan_of(kelurahan_code: str) -> str:
    return kelurahan_code.rsplit(".", 1)[0]


def facilitator_targets(session: Session, year: int) -> list[FacilitatorTarget]:
    """Every live pendamping with the yearly target of ``year`` (settings in force on 31 December)."""
    default_target = int(get_setting(session, "facilitator_yearly_target", date(year, 12, 31), 10))
    rows = session.execute(
        select(
            Facilitator.id, Facilitator.name, Facilitator.scope, Facilitator.kelurahan_codes, Facilitator.yearly_target
        ).where(Facilitator.deleted.is_(False))
    ).all()
    return [
        FacilitatorTarget(
            fac_id,
            name,
            scope,
            tuple(c.strip() for c in (codes or "").split(",") if c.strip()),
            default_target if yearly is None else int(yearly),
        )
        for fac_id, name, scope, codes, yearly in rows
    ]


def area_targets(facilitators: list[FacilitatorTarget]) -> tuple[dict[str, int], dict[str, int]]:
    """(kelurahan code → target, kecamatan code → target): each pendamping's target split over the
    kelurahan served (``split_target``) and added up per kecamatan; a pendamping without kelurahan counts
    for its own kecamatan (``scope``) only."""
    kelurahan: dict[str, int] = defaultdict(int)
    kecamatan: dict[str, int] = defaultdict(int)
    for fac in facilitators:
        shares = split_target(fac.target, list(fac.kelurahan_codes))
        for code, share in shares.items():
            kelurahan[code] += share
            kecamatan[_kecamatan_of(code)] += share
        if not shares:
            kecamatan[fac.scope] += fac.target
    return dict(kelurahan), dict(kecamatan)


def open_enrollments(*keys: ColumnElement) -> Select:
    """``SELECT *keys, Enrollment.stage, count(*)`` of the open enrollments (not withdrawn, stage 6 not
    passed) of live families, grouped by ``keys`` and the current stage; ``Household`` is joined."""
    last_stage = aliased(StageRecord)
    return (
        select(*keys, Enrollment.stage, func.count(Enrollment.id))
        .join(Household, Household.id == Enrollment.household_id)
        .outerjoin(last_stage, and_(last_stage.enrollment_id == Enrollment.id, last_stage.stage == LAST_STAGE))
        .where(
            Enrollment.deleted.is_(False),
            Enrollment.withdrawn_on.is_(None),
            Enrollment.stage <= LAST_STAGE,
            _no_index(Household.deleted) == 0,
            ~and_(Enrollment.stage == LAST_STAGE, last_stage.passed_on.is_not(None)),
        )
        .group_by(*keys, Enrollment.stage)
    )


def grouped_counts(session: Session, first: date, last: date) -> dict[GroupKey, GroupCounts]:
    """Per (facilitator id, kelurahan code, kecamatan code): proposed, approved (mandiri and alamiah)
    between ``first`` and ``last`` inclusive, and the open enrollments per stage now. Two grouped queries."""
    proposed = and_(
        GraduationDecision.kind == SELF_RELIANT,
        GraduationDecision.status == "diusulkan",
        GraduationDecision.proposed_on.between(first, last),
    )
    decided = and_(GraduationDecision.status == "disetujui", GraduationDecision.decided_on.between(first, last))
    approved = and_(GraduationDecision.kind == SELF_RELIANT, decided)
    approved_natural = and_(GraduationDecision.kind == NATURAL, decided)
    keys = (Household.facilitator_id, Household.kelurahan_code, Household.scope)
    decisions = session.execute(
        select(
            *keys,
            func.sum(case((proposed, 1), else_=0)),
            func.sum(case((approved, 1), else_=0)),
            func.sum(case((approved_natural, 1), else_=0)),
        )
        .join(Household, Household.id == GraduationDecision.household_id)
        .where(
            GraduationDecision.deleted.is_(False),
            GraduationDecision.kind.in_((SELF_RELIANT, NATURAL)),
            _no_index(Household.deleted) == 0,
            proposed | decided,
        )
        .group_by(*keys)
    )
    counts: dict[GroupKey, GroupCounts] = defaultdict(GroupCounts)
    for fac, kel, kec, n_proposed, n_approved, n_natural in decisions:
        c = counts[(fac, kel, kec)]
        c.proposed += int(n_proposed or 0)
        c.approved += int(n_approved or 0)
        c.approved_natural += int(n_natural or 0)
    for fac, kel, kec, stage, n in session.execute(open_enrollments(*keys)):
        if 1 <= stage <= LAST_STAGE:
            counts[(fac, kel, kec)].in_stage[stage - 1] += int(n)
    return dict(counts)


def targets(session: Session, year: int, level: str = PENDAMPING) -> TargetsView:
    """The targets dashboard of ``year`` at ``level`` (``pendamping``, ``kelurahan`` or ``kecamatan``);
    rows by kecamatan then name."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    started = time.perf_counter()
    end_of_year = date(year, 12, 31)
    city_target = int(get_setting(session, "city_graduation_target", end_of_year, 750))
    counts = grouped_counts(session, date(year, 1, 1), end_of_year)
    facilitators = facilitator_targets(session, year)

    # Targets and counts keyed by the level's code.
    level_targets: dict[str, int] = defaultdict(int)
    level_counts: dict[str, _Counts] = defaultdict(_Counts)
    parents: dict[str, str] = {}
    """Row code → kecamatan code."""
    fac_names: dict[str, str] = {}
    if level == PENDAMPING:
        for fac in facilitators:
            level_targets[fac.id] += fac.target
            fac_names[fac.id] = fac.name
            parents[fac.id] = fac.scope
    else:
        kelurahan_targets, kecamatan_targets = area_targets(facilitators)
        if level == KELURAHAN:
            level_targets.update(kelurahan_targets)
            parents.update({code: _kecamatan_of(code) for code in kelurahan_targets})
        else:
            level_targets.update(kecamatan_targets)

    city = _Counts()
    for (fac, kel, kec), c in counts.items():
        if not (c.proposed or c.approved or c.in_pipeline):
            continue  # only graduasi alamiah: not a figure of this dashboard
        city.proposed += c.proposed
        city.approved += c.approved
        city.in_pipeline += c.in_pipeline
        if level == PENDAMPING:
            code = fac or ""
            parents.setdefault(code, kec if fac else "")
        elif level == KELURAHAN:
            code = kel
            parents.setdefault(code, kec)
        else:
            code = kec
        row = level_counts[code]
        row.proposed += c.proposed
        row.approved += c.approved
        row.in_pipeline += c.in_pipeline

    codes = set(level_targets) | set(level_counts)
    wanted = {parents.get(code, code) for code in codes} | (codes if level != PENDAMPING else set())
    wanted.discard("")
    region_names: dict[str, str] = {}
    if wanted:
        names = session.execute(select(Wilayah.kode, Wilayah.nama).where(Wilayah.kode.in_(wanted)))
        region_names = {code: name for code, name in names}

    rows = []
    for code in codes:
        c = level_counts.get(code, _Counts())
        if level == PENDAMPING:
            name = fac_names.get(code) or (no_facilitator() if code == "" else code)
            kecamatan_code = parents.get(code, "")
        elif level == KELURAHAN:
            name = region_names.get(code, code)
            kecamatan_code = parents.get(code, _kecamatan_of(code))
        else:
            name = region_names.get(code, code)
            kecamatan_code = code
        rows.append(
            TargetRow(
                code=code,
                name=name,
                kecamatan=region_names.get(kecamatan_code, kecamatan_code),
                target=level_targets.get(code, 0),
                proposed=c.proposed,
                approved=c.approved,
                in_pipeline=c.in_pipeline,
            )
        )
    rows.sort(key=lambda r: (r.code == "", r.kecamatan.casefold(), r.name.casefold(), r.code))
    return TargetsView(
        year=year,
        level=level,
        rows=rows,
        city_target=city_target,
        city_proposed=city.proposed,
        city_approved=city.approved,
        city_pipeline=city.in_pipeline,
        seconds=time.perf_counter() - started,
    )
