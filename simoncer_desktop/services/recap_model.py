"""The Wali Kota recap as plain data: what ``services.recap.build_recap`` returns and
``reports.excel.recap_workbook.write_recap`` writes. Definitions of every figure are in
``services.recap`` and the README ("Rekap Wali Kota").

Ordered mappings (``dict``) keep the order the workbook shows: components in ``Component`` order,
welfare classes in ``WelfareClass`` order then ``""`` (not assessed), natural-graduation reasons in
``NATURAL_REASONS`` order, damage levels in ``DamageLevel`` order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from simoncer_desktop.models.enums import WelfareClass
from simoncer_desktop.services.natural_graduation_rules import DIED, MOVED, NO_COMPONENT, REASONS, WELL_OFF
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

NATURAL_REASONS: tuple[str, ...] = REASONS
"""Natural-graduation reason codes (``NaturalGraduationProposal.reasons``), in the order shown."""
NATURAL_REASON_LABELS: dict[str, str] = {
    DIED: QT_TRANSLATE_NOOP("recap", "Meninggal"),
    NO_COMPONENT: QT_TRANSLATE_NOOP("recap", "Tidak ada komponen"),
    MOVED: QT_TRANSLATE_NOOP("recap", "Pindah"),
    WELL_OFF: QT_TRANSLATE_NOOP("recap", "Sudah mampu"),
}
"""Short labels for column headings (the Graduasi page's long ones are ``natural_graduation.REASON_LABELS``),
Bahasa: the workbook prints them; ``natural_reason_label`` shows one on screen."""
NOT_ASSESSED_LABEL = QT_TRANSLATE_NOOP("recap", "Belum dinilai")
"""The welfare class of a family never assessed (``""``), Bahasa; ``welfare_label("")`` shows it on screen."""


def natural_reason_label(code: str) -> str:
    """A natural-graduation reason's short label in the screen language (an unknown code as itself)."""
    label = NATURAL_REASON_LABELS.get(code)
    return translate("recap", label) if label else code


def welfare_label(code: str) -> str:
    """A welfare class in the screen language; ``""`` (never assessed) is ``Belum dinilai``."""
    if not code:
        return translate("recap", NOT_ASSESSED_LABEL)
    try:
        return WelfareClass(code).label
    except ValueError:
        return code


@dataclass(frozen=True)
class Period:
    """A calendar year (``2026``) or quarter (``2026Q3``)."""

    label: str
    first: date
    last: date

    @property
    def is_quarter(self) -> bool:
        return "Q" in self.label


@dataclass(frozen=True)
class AreaFigures:
    """The figures of one area: the city (code ``""``), a kecamatan or a kelurahan."""

    code: str
    name: str
    kecamatan: str
    """The kecamatan's name (the row's own name for a kecamatan, ``""`` for the city)."""
    active_families: int
    members_by_component: dict[str, int]
    """``Component`` code → members of active families paid for it (before the cap), on the as-of day."""
    yearly_amount: int
    """Rupiah a year the active families' components imply (rates and cap in force on the as-of day)."""
    graduated_self_reliant: int
    """Graduasi sejahtera mandiri approved with the decision dated in the period."""
    graduated_natural: int
    """Graduasi alamiah approved (applied runs) with the decision dated in the period."""
    proposed_self_reliant: int
    """Graduasi sejahtera mandiri proposals still waiting, proposed in the period."""
    target: int
    """Graduation target of the period's year: the city setting (750) for the city, the sum of the
    pendampings' targets for a kecamatan or kelurahan (as the Target tab of the Graduasi page)."""
    facilitator_target_sum: int
    """The sum of the pendampings' yearly targets in the area (for the city: all pendampings)."""
    natural_reasons: dict[str, int]
    """Reason code → families graduated naturally in the period with that reason (a family with two
    reasons counts under both)."""
    welfare_classes: dict[str, int]
    """``WelfareClass`` code (``""`` = not assessed) → active families."""
    events: int
    """Disaster events that happened in the period in the area (by the event's kecamatan)."""
    affected_families: int
    """Families registered as affected by those events who live in the area."""
    victims: int
    cash_distributed: int
    """Rupiah handed over in the period (distribution date) to families of the area."""
    goods_distributed: int
    """Hand-overs of goods in the period to families of the area (count of distributions)."""


@dataclass(frozen=True)
class FacilitatorFigures:
    id: str
    name: str
    kecamatan: str
    caseload: int
    """Active families assigned to the pendamping."""
    target: int
    proposed: int
    approved: int
    in_stage: tuple[int, int, int, int, int, int]
    """Open enrollments of the pendamping's families now in stage 1…6."""


@dataclass(frozen=True)
class CohortStages:
    cohort_id: str
    name: str
    year: int
    kecamatan: str
    enrolled: int
    in_stage: tuple[int, int, int, int, int, int]
    """Open enrollments now in stage 1…6 (stage 6 not yet passed)."""
    completed: int
    """Stage 6 passed."""
    withdrawn: int


@dataclass(frozen=True)
class ItemQuantity:
    name: str
    unit: str
    quantity: int


@dataclass(frozen=True)
class EventFigures:
    id: str
    code: str
    title: str
    kind_label: str
    occurred_at: datetime
    kecamatan: str
    status_label: str
    families: int
    victims: int
    damage: dict[str, int]
    """``DamageLevel`` code → families."""
    displaced: int
    injured: int
    deceased: int
    goods: tuple[ItemQuantity, ...]
    """Goods handed over for the event (all dates), per item."""
    cash: int
    """Rupiah handed over for the event (all dates)."""
    kind: str = field(default="", compare=False)
    """``DisasterKind`` code (``kind_label`` is in the screen language; the workbook prints the Bahasa one)."""
    status: str = field(default="", compare=False)
    """``EventStatus`` code (as ``kind``)."""


@dataclass(frozen=True)
class StockLeft:
    name: str
    unit: str
    received: int
    distributed: int
    balance: int


@dataclass(frozen=True)
class Recap:
    period: Period
    as_of: datetime
    """When the figures were read (local time); state figures (active, components, stages) are as of
    this moment, figures of the period count what is dated inside it."""
    as_of_day: date
    """The day components are evaluated on: the period's last day, or today while the period runs."""
    region_name: str
    """The regency/city (e.g. ``Kota Bogor``)."""
    kecamatan_filter: str | None
    """The kecamatan name when the recap was limited to one."""
    city: AreaFigures
    kecamatan: list[AreaFigures]
    kelurahan: list[AreaFigures]
    facilitators: list[FacilitatorFigures]
    cohorts: list[CohortStages]
    events: list[EventFigures]
    stock: list[StockLeft]
    city_target_setting: int
    """The setting ``city_graduation_target`` in force for the period's year."""
    notes: list[str] = field(default_factory=list)
    """Messages for the reader in the screen language, e.g. ``Tidak ada data untuk periode 2031``."""
    document_notes: list[str] | None = field(default=None, compare=False)
    """The same notes in Bahasa, for the workbook (None: ``notes`` are already Bahasa)."""

    @property
    def has_data(self) -> bool:
        c = self.city
        return bool(c.active_families or c.graduated_self_reliant or c.graduated_natural or self.events)
