"""The Wali Kota recap as the tables the *Laporan* page previews: the same figures the workbook holds,
turned into (headers, rows) with Bahasa Indonesia labels. Plain functions over ``recap_model``; the
page shows them through ``CellsModel``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simoncer_desktop.models.enums import Component, DamageLevel, WelfareClass
from simoncer_desktop.services.recap_model import (
    NATURAL_REASON_LABELS,
    NATURAL_REASONS,
    NOT_ASSESSED_LABEL,
    AreaFigures,
    Recap,
)

Cell = str | int | None
"""Text, or a whole number (shown with thousands separators, right-aligned); None is an empty cell."""


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def percent(part: int, whole: int) -> str:
    return "–" if not whole else f"{100 * part / whole:.0f} %"


def summary(recap: Recap) -> Table:
    """The city's figures as (figure, value) lines, in the order of the workbook's Ringkasan."""
    c = recap.city
    lines: list[tuple[Cell, ...]] = [
        ("KPM aktif", c.active_families),
        *((f"Anggota: {Component(code).label}", n) for code, n in c.members_by_component.items()),
        ("Nilai bantuan PKH per tahun (Rp)", c.yearly_amount),
        ("Graduasi sejahtera mandiri", c.graduated_self_reliant),
        ("Graduasi alamiah", c.graduated_natural),
        ("Usulan graduasi menunggu", c.proposed_self_reliant),
        (f"Target {recap.period.first.year}", c.target),
        ("Jumlah target pendamping", c.facilitator_target_sum),
        # As on the Target tab and in the workbook: graduasi sejahtera mandiri against the target.
        ("% target (graduasi mandiri)", percent(c.graduated_self_reliant, c.target)),
        ("% jumlah target pendamping", percent(c.graduated_self_reliant, c.facilitator_target_sum)),
        *(
            (f"Graduasi alamiah: {NATURAL_REASON_LABELS[code]}", c.natural_reasons.get(code, 0))
            for code in NATURAL_REASONS
        ),
        *(
            (f"Kelas kesejahteraan: {WelfareClass(code).label if code else NOT_ASSESSED_LABEL}", n)
            for code, n in c.welfare_classes.items()
        ),
        ("Kejadian bencana", c.events),
        ("Keluarga terdampak", c.affected_families),
        ("Korban (jiwa)", c.victims),
        ("Bantuan uang tersalur (Rp)", c.cash_distributed),
        ("Penyaluran barang", c.goods_distributed),
    ]
    return Table("Ringkasan", ("Angka", "Nilai"), tuple(lines))


AREA_HEADERS = (
    "Wilayah",
    "Kecamatan",
    "KPM aktif",
    "Nilai bantuan/tahun (Rp)",
    "Graduasi mandiri",
    "Graduasi alamiah",
    "Usulan menunggu",
    "Target",
    "% target (mandiri)",
    "Kejadian",
    "Korban",
)


def areas(title: str, rows: Sequence[AreaFigures]) -> Table:
    return Table(
        title,
        AREA_HEADERS,
        tuple(
            (
                a.name,
                a.kecamatan,
                a.active_families,
                a.yearly_amount,
                a.graduated_self_reliant,
                a.graduated_natural,
                a.proposed_self_reliant,
                a.target,
                percent(a.graduated_self_reliant, a.target),
                a.events,
                a.victims,
            )
            for a in rows
        ),
    )


def facilitators(recap: Recap) -> Table:
    headers = ("Pendamping", "Kecamatan", "Keluarga", "Target", "Diusulkan", "Disetujui")
    headers += tuple(f"Tahap {n}" for n in range(1, 7))
    rows = tuple(
        (f.name, f.kecamatan, f.caseload, f.target, f.proposed, f.approved, *f.in_stage) for f in recap.facilitators
    )
    return Table("Pendamping", headers, rows)


def cohorts(recap: Recap) -> Table:
    headers = ("Kohort", "Tahun", "Kecamatan", "Peserta", *(f"Tahap {n}" for n in range(1, 7)), "Selesai", "Mundur")
    rows = tuple(
        (c.name, str(c.year), c.kecamatan, c.enrolled, *c.in_stage, c.completed, c.withdrawn) for c in recap.cohorts
    )
    return Table("Tahapan", headers, rows)


def events(recap: Recap) -> Table:
    headers = ("Kode", "Kejadian", "Jenis", "Tanggal", "Kecamatan", "Keluarga", "Korban")
    headers += tuple(level.label for level in DamageLevel)
    headers += ("Mengungsi", "Luka", "Meninggal", "Barang tersalur", "Uang tersalur (Rp)")
    rows = tuple(
        (
            e.code,
            e.title,
            e.kind_label,
            f"{e.occurred_at:%d-%m-%Y}",
            e.kecamatan,
            e.families,
            e.victims,
            *(e.damage.get(level.value, 0) for level in DamageLevel),
            e.displaced,
            e.injured,
            e.deceased,
            ", ".join(f"{g.name} {g.quantity:,} {g.unit}".replace(",", ".") for g in e.goods),
            e.cash,
        )
        for e in recap.events
    )
    return Table("Bencana", headers, rows)


def tables(recap: Recap) -> list[Table]:
    """Every table of the preview, in the workbook's sheet order."""
    return [
        summary(recap),
        areas("Per Kecamatan", recap.kecamatan),
        areas("Per Kelurahan", recap.kelurahan),
        facilitators(recap),
        cohorts(recap),
        events(recap),
    ]
