"""The Wali Kota recap as the tables the *Laporan* page previews: the same figures the workbook holds,
turned into (headers, rows) with labels in the interface language (Bahasa Indonesia unless a translation is
installed; the service's own labels — components, reasons, classes — stay as the service gives them). Plain
functions over ``recap_model``, called when the page shows the preview; it shows them through ``CellsModel``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from simoncer_desktop.models.enums import Component, DamageLevel
from simoncer_desktop.services.recap_model import (
    NATURAL_REASONS,
    AreaFigures,
    Recap,
    natural_reason_label,
    welfare_label,
)

translate = QCoreApplication.translate

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
    member = translate("RecapRows", "Anggota: %s")
    natural = translate("RecapRows", "Graduasi alamiah: %s")
    welfare = translate("RecapRows", "Kelas kesejahteraan: %s")
    lines: list[tuple[Cell, ...]] = [
        (translate("RecapRows", "KPM aktif"), c.active_families),
        *((member % Component(code).label, n) for code, n in c.members_by_component.items()),
        (translate("RecapRows", "Nilai bantuan PKH per tahun (Rp)"), c.yearly_amount),
        (translate("RecapRows", "Graduasi sejahtera mandiri"), c.graduated_self_reliant),
        (translate("RecapRows", "Graduasi alamiah"), c.graduated_natural),
        (translate("RecapRows", "Usulan graduasi menunggu"), c.proposed_self_reliant),
        (translate("RecapRows", "Target %d") % recap.period.first.year, c.target),
        (translate("RecapRows", "Jumlah target pendamping"), c.facilitator_target_sum),
        # As on the Target tab and in the workbook: graduasi sejahtera mandiri against the target.
        (translate("RecapRows", "% target (graduasi mandiri)"), percent(c.graduated_self_reliant, c.target)),
        (
            translate("RecapRows", "% jumlah target pendamping"),
            percent(c.graduated_self_reliant, c.facilitator_target_sum),
        ),
        *((natural % natural_reason_label(code), c.natural_reasons.get(code, 0)) for code in NATURAL_REASONS),
        *((welfare % welfare_label(code), n) for code, n in c.welfare_classes.items()),
        (translate("RecapRows", "Kejadian bencana"), c.events),
        (translate("RecapRows", "Keluarga terdampak"), c.affected_families),
        (translate("RecapRows", "Korban (jiwa)"), c.victims),
        (translate("RecapRows", "Bantuan uang tersalur (Rp)"), c.cash_distributed),
        (translate("RecapRows", "Penyaluran barang"), c.goods_distributed),
    ]
    headers = (translate("RecapRows", "Angka"), translate("RecapRows", "Nilai"))
    return Table(translate("RecapRows", "Ringkasan"), headers, tuple(lines))


AREA_HEADERS = (
    QT_TRANSLATE_NOOP("RecapRows", "Wilayah"),
    QT_TRANSLATE_NOOP("RecapRows", "Kecamatan"),
    QT_TRANSLATE_NOOP("RecapRows", "KPM aktif"),
    QT_TRANSLATE_NOOP("RecapRows", "Nilai bantuan/tahun (Rp)"),
    QT_TRANSLATE_NOOP("RecapRows", "Graduasi mandiri"),
    QT_TRANSLATE_NOOP("RecapRows", "Graduasi alamiah"),
    QT_TRANSLATE_NOOP("RecapRows", "Usulan menunggu"),
    QT_TRANSLATE_NOOP("RecapRows", "Target"),
    QT_TRANSLATE_NOOP("RecapRows", "% target (mandiri)"),
    QT_TRANSLATE_NOOP("RecapRows", "Kejadian"),
    QT_TRANSLATE_NOOP("RecapRows", "Korban"),
)
"""The area tables' columns (Bahasa source texts; ``areas`` translates them)."""


def _stages() -> tuple[str, ...]:
    """``Tahap 1`` … ``Tahap 6``."""
    return tuple(translate("RecapRows", "Tahap %d") % n for n in range(1, 7))


def areas(title: str, rows: Sequence[AreaFigures]) -> Table:
    return Table(
        title,
        tuple(translate("RecapRows", h) for h in AREA_HEADERS),
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
    headers = (
        translate("RecapRows", "Pendamping"),
        translate("RecapRows", "Kecamatan"),
        translate("RecapRows", "Keluarga"),
        translate("RecapRows", "Target"),
        translate("RecapRows", "Diusulkan"),
        translate("RecapRows", "Disetujui"),
        *_stages(),
    )
    rows = tuple(
        (f.name, f.kecamatan, f.caseload, f.target, f.proposed, f.approved, *f.in_stage) for f in recap.facilitators
    )
    return Table(translate("RecapRows", "Pendamping"), headers, rows)


def cohorts(recap: Recap) -> Table:
    headers = (
        translate("RecapRows", "Kohort"),
        translate("RecapRows", "Tahun"),
        translate("RecapRows", "Kecamatan"),
        translate("RecapRows", "Peserta"),
        *_stages(),
        translate("RecapRows", "Selesai"),
        translate("RecapRows", "Mundur"),
    )
    rows = tuple(
        (c.name, str(c.year), c.kecamatan, c.enrolled, *c.in_stage, c.completed, c.withdrawn) for c in recap.cohorts
    )
    return Table(translate("RecapRows", "Tahapan"), headers, rows)


def events(recap: Recap) -> Table:
    headers = (
        translate("RecapRows", "Kode"),
        translate("RecapRows", "Kejadian", "the event's name (the area tables' Kejadian is a count)"),
        translate("RecapRows", "Jenis"),
        translate("RecapRows", "Tanggal"),
        translate("RecapRows", "Kecamatan"),
        translate("RecapRows", "Keluarga"),
        translate("RecapRows", "Korban"),
        *(level.label for level in DamageLevel),
        translate("RecapRows", "Mengungsi"),
        translate("RecapRows", "Luka"),
        translate("RecapRows", "Meninggal"),
        translate("RecapRows", "Barang tersalur"),
        translate("RecapRows", "Uang tersalur (Rp)"),
    )
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
    return Table(translate("RecapRows", "Bencana"), headers, rows)


def tables(recap: Recap) -> list[Table]:
    """Every table of the preview, in the workbook's sheet order."""
    return [
        summary(recap),
        areas(translate("RecapRows", "Per Kecamatan"), recap.kecamatan),
        areas(translate("RecapRows", "Per Kelurahan"), recap.kelurahan),
        facilitators(recap),
        cohorts(recap),
        events(recap),
    ]
