"""Hand-made ``Recap`` objects for the workbook and CLI tests (synthetic places and names, never real
people). The city's figures are the sums of the kecamatan's, and each kecamatan's the sum of its
kelurahan's, as ``build_recap`` gives them, so the workbook's totals can be checked against them."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from openpyxl.worksheet.worksheet import Worksheet

from simoncer_desktop.models.enums import Component, DamageLevel, WelfareClass
from simoncer_desktop.services.recap_model import (
    NATURAL_REASONS,
    AreaFigures,
    CohortStages,
    EventFigures,
    FacilitatorFigures,
    ItemQuantity,
    Period,
    Recap,
    StockLeft,
)

YEAR_2026 = Period("2026", date(2026, 1, 1), date(2026, 12, 31))
Q3_2026 = Period("2026Q3", date(2026, 7, 1), date(2026, 9, 30))
AS_OF = datetime(2026, 8, 14, 9, 5)
WELFARE_KEYS = [w.value for w in WelfareClass] + [""]


def _add(rows: Sequence[AreaFigures], code: str, name: str, kecamatan: str) -> AreaFigures:
    """The sum of ``rows`` as one area (dict figures added key by key, in the first row's order)."""

    def total(attr: str) -> int:
        return sum(getattr(r, attr) for r in rows)

    def merged(attr: str, keys: Sequence[str]) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for r in rows:
            counts.update(getattr(r, attr))
        return {k: counts[k] for k in keys}

    return AreaFigures(
        code=code, name=name, kecamatan=kecamatan,
        active_families=total("active_families"),
        members_by_component=merged("members_by_component", [c.value for c in Component]),
        yearly_amount=total("yearly_amount"),
        graduated_self_reliant=total("graduated_self_reliant"), graduated_natural=total("graduated_natural"),
        proposed_self_reliant=total("proposed_self_reliant"), target=total("target"),
        facilitator_target_sum=total("facilitator_target_sum"),
        natural_reasons=merged("natural_reasons", NATURAL_REASONS),
        welfare_classes=merged("welfare_classes", WELFARE_KEYS),
        events=total("events"), affected_families=total("affected_families"), victims=total("victims"),
        cash_distributed=total("cash_distributed"), goods_distributed=total("goods_distributed"),
    )  # fmt: skip


def _kelurahan(rng: random.Random, code: str, name: str, kecamatan: str) -> AreaFigures:
    active = rng.randint(200, 2500)
    return AreaFigures(
        code=code, name=name, kecamatan=kecamatan, active_families=active,
        members_by_component={c.value: rng.randint(0, active) for c in Component},
        yearly_amount=rng.randint(1_000, 9_000) * 1_000_000,
        graduated_self_reliant=rng.randint(0, 30), graduated_natural=rng.randint(0, 20),
        proposed_self_reliant=rng.randint(0, 10), target=rng.randint(5, 40),
        facilitator_target_sum=rng.randint(5, 40),
        natural_reasons={r: rng.randint(0, 8) for r in NATURAL_REASONS},
        welfare_classes={k: rng.randint(0, active // 4) for k in WELFARE_KEYS},
        events=0, affected_families=rng.randint(0, 40), victims=rng.randint(0, 120),
        cash_distributed=rng.randint(0, 50) * 500_000, goods_distributed=rng.randint(0, 60),
    )  # fmt: skip


def sample_recap(
    *,
    kecamatan: int = 3,
    kelurahan_per_kecamatan: int = 3,
    facilitators: int = 5,
    period: Period = YEAR_2026,
    seed: int = 11,
) -> Recap:
    """A city of ``kecamatan`` kecamatan with ``kelurahan_per_kecamatan`` kelurahan each."""
    rng = random.Random(seed)
    kec_rows: list[AreaFigures] = []
    kel_rows: list[AreaFigures] = []
    for k in range(1, kecamatan + 1):
        kec_code, kec_name = f"32.71.{k:02d}", f"Kecamatan Uji {k}"
        rows = [
            _kelurahan(rng, f"{kec_code}.{1000 + j}", f"Kelurahan Uji {k}-{j}", kec_name)
            for j in range(1, kelurahan_per_kecamatan + 1)
        ]
        kel_rows += rows
        kec_rows.append(replace(_add(rows, kec_code, kec_name, kec_name), events=int(k in (1, kecamatan))))
    city = replace(_add(kec_rows, "", "Kota Contoh", ""), target=750)
    people = [
        FacilitatorFigures(
            id=f"f{i}", name=f"Pendamping Contoh {i}", kecamatan=kec_rows[i % len(kec_rows)].name,
            caseload=rng.randint(50, 400), target=10, proposed=rng.randint(0, 5), approved=rng.randint(0, 12),
            in_stage=tuple(rng.randint(0, 9) for _ in range(6)),  # type: ignore[arg-type]
        )
        for i in range(1, facilitators + 1)
    ]  # fmt: skip
    cohorts = [
        CohortStages(
            cohort_id=f"c{i}", name=f"Kohort {i} 2026", year=2026, kecamatan=kec_rows[0].name, enrolled=30 + i,
            in_stage=(5, 4, 3, 2, 1, i), completed=2 * i, withdrawn=i,
        )
        for i in range(1, 3)
    ]  # fmt: skip
    events = [
        EventFigures(
            id="e1", code="BJR-2026-001", title="Banjir Kali Contoh", kind_label="Banjir",
            occurred_at=datetime(2026, 2, 3, 4, 30), kecamatan=kec_rows[0].name, status_label="Ditutup",
            families=12, victims=40, damage={d.value: n for d, n in zip(DamageLevel, (3, 5, 3, 1), strict=True)},
            displaced=20, injured=2, deceased=0,
            goods=(ItemQuantity("Beras", "kg", 120), ItemQuantity("Mi instan", "dus", 12)), cash=6_000_000,
        ),
        EventFigures(
            id="e2", code="=KBK-2026-002", title="Kebakaran Gang Contoh", kind_label="Kebakaran",
            occurred_at=datetime(2026, 5, 9, 21, 0), kecamatan=kec_rows[-1].name, status_label="Dibuka",
            families=3, victims=11, damage={"berat": 3}, displaced=11, injured=1, deceased=1, goods=(),
            cash=1_500_000,
        ),
    ]  # fmt: skip
    stock = [StockLeft("Beras", "kg", 1_000, 120, 880), StockLeft("Selimut", "lembar", 50, 0, 50)]
    return Recap(
        period=period, as_of=AS_OF, as_of_day=min(period.last, AS_OF.date()), region_name="Kota Contoh",
        kecamatan_filter=None, city=city, kecamatan=kec_rows, kelurahan=kel_rows, facilitators=people,
        cohorts=cohorts, events=events, stock=stock, city_target_setting=750,
    )  # fmt: skip


def big_recap() -> Recap:
    """The size of a large city: 7 kecamatan × 10 kelurahan (70 rows) and 300 pendamping."""
    return sample_recap(kecamatan=7, kelurahan_per_kecamatan=10, facilitators=300, seed=3)


def empty_recap(period: Period | None = None) -> Recap:
    """A period without data: zero figures, no rows, the service's note."""
    period = period or Period("2031", date(2031, 1, 1), date(2031, 12, 31))
    zero = AreaFigures(
        code="", name="Kota Contoh", kecamatan="", active_families=0, members_by_component={}, yearly_amount=0,
        graduated_self_reliant=0, graduated_natural=0, proposed_self_reliant=0, target=750,
        facilitator_target_sum=0, natural_reasons={}, welfare_classes={}, events=0, affected_families=0,
        victims=0, cash_distributed=0, goods_distributed=0,
    )  # fmt: skip
    return Recap(
        period=period, as_of=AS_OF, as_of_day=period.last, region_name="Kota Contoh", kecamatan_filter=None,
        city=zero, kecamatan=[], kelurahan=[], facilitators=[], cohorts=[], events=[], stock=[],
        city_target_setting=750, notes=[f"Tidak ada data untuk periode {period.label}"],
    )  # fmt: skip


# --- reading the workbook back: the formulas' values computed here, not taken from a cache -----------

_CELL = r"\$?([A-Z]+)\$?(\d+)"


def cell_value(ws: Worksheet, coordinate: str) -> object:
    """The value a spreadsheet shows in ``coordinate``: a formula evaluated over the cells it names
    (recursively); an empty cell is 0 as in ``SUM``."""
    cell = ws[coordinate]
    if cell.data_type == "f":
        return evaluate(ws, str(cell.value))
    return 0 if cell.value is None else cell.value


def evaluate(ws: Worksheet, text: str) -> object:
    """The formulas the recap writes: ``=SUM(A1:B2)``, ``=A1+B1`` and ``=IF(T=0,"",N/T)``; anything else
    fails the test (a new kind of formula needs checking here)."""
    if re.fullmatch(rf"=SUM\({_CELL}:{_CELL}\)", text):
        return sum(_number(cell_value(ws, c.coordinate)) for row in ws[text[5:-1]] for c in row)
    if re.fullmatch(rf"={_CELL}\+{_CELL}", text):
        left, right = text[1:].split("+")
        return _number(cell_value(ws, left)) + _number(cell_value(ws, right))
    if m := re.fullmatch(rf'=IF\(({_CELL})=0,"",({_CELL})/({_CELL})\)', text):
        target, numerator, denominator = m.group(1), m.group(4), m.group(7)
        assert target == denominator, text
        total = _number(cell_value(ws, target))
        return "" if total == 0 else _number(cell_value(ws, numerator)) / total
    raise AssertionError(f"unexpected formula {text!r}")


def _number(value: object) -> float:
    assert isinstance(value, int | float), value
    return value


FIRST_ROW_OF_DATA = 8
"""The first data row of every recap sheet (``recap_layout.FIRST_ROW``; the header is the row above)."""
