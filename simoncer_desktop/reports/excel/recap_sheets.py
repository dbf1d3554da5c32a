"""The table sheets of the Wali Kota recap: Per Kecamatan, Per Kelurahan, Pendamping, Tahapan and
Bencana (the frame is ``recap_layout``; ``recap_workbook`` puts them together with Ringkasan).

Row totals (a kecamatan's graduations) and the ``JUMLAH`` rows are formulas over the cells above, and
percentages are ``=IF(target=0,"",approved/target)``, so an edited cell still adds up. The
percentage is graduasi sejahtera mandiri approved against the target, as on the Target tab of the
Graduasi page (targets are for self-reliant graduation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from simoncer_desktop.models.enums import Component, DamageLevel, DisasterKind, EventStatus, WelfareClass
from simoncer_desktop.reports.excel.recap_layout import (
    BOLD,
    COUNT,
    DATETIME,
    FIRST_ROW,
    HEADER_ALIGN,
    HEADER_FILL,
    MONEY,
    PERCENT,
    TEXT,
    Column,
    Formula,
    ordered_keys,
    percent_formula,
    put,
    start_sheet,
    total_row,
    write_rows,
)
from simoncer_desktop.services.graduation_targets import NO_FACILITATOR
from simoncer_desktop.services.programme import STAGE_LABELS, Stage
from simoncer_desktop.services.recap_model import (
    NATURAL_REASON_LABELS,
    NATURAL_REASONS,
    NOT_ASSESSED_LABEL,
    AreaFigures,
    FacilitatorFigures,
    Recap,
)


def label(code: str, labels: type[Component] | type[WelfareClass] | type[DamageLevel] | None = None) -> str:
    """The Bahasa label of a code (``Component``, ``WelfareClass``, ``DamageLevel`` or a reason)."""
    if labels is WelfareClass and code == "":
        return NOT_ASSESSED_LABEL
    if labels is not None:
        try:
            return labels(code).label
        except ValueError:
            return code
    return NATURAL_REASON_LABELS.get(code, code)


def code_label(enum: type[DisasterKind] | type[EventStatus], code: str, fallback: str) -> str:
    """The (Bahasa, inside ``write_recap``) label of an event's kind or status code; ``fallback`` without one."""
    try:
        return enum(code).label if code else fallback
    except ValueError:
        return fallback


def stage_title(stage: Stage) -> str:
    return f"Tahap {int(stage)}\n{STAGE_LABELS[stage]}"


@dataclass(frozen=True)
class AreaLayout:
    """Where the area sheets put what (1-based columns), for the Ringkasan chart and the tests."""

    columns: list[Column]
    name: int
    active: int
    components: dict[str, int]
    amount: int
    self_reliant: int
    natural: int
    graduated: int
    proposed: int
    target: int
    percent: int
    reasons: dict[str, int]
    welfare: dict[str, int]
    events: int | None
    affected: int
    victims: int
    cash: int
    goods: int
    first_row: int
    last_row: int
    """The last data row (``first_row - 1`` without rows); the ``JUMLAH`` row follows it."""


def area_layout(recap: Recap, *, kelurahan: bool, rows: int) -> AreaLayout:
    year = recap.period.label[:4]
    areas = [recap.city, *recap.kecamatan, *recap.kelurahan]
    columns: list[Column] = [Column("No", 5)]
    if kelurahan:
        columns.append(Column("Kecamatan", 18, None))
    columns += [
        Column("Kode", 13 if not kelurahan else 15, TEXT),
        Column("Kelurahan" if kelurahan else "Kecamatan", 22, None),
    ]
    name = len(columns)
    columns.append(Column("KPM aktif", 10))
    active = len(columns)
    components = {}
    for code in ordered_keys([c.value for c in Component], (a.members_by_component for a in areas)):
        columns.append(Column(label(code, Component), 10))
        components[code] = len(columns)
    columns += [
        Column("Nilai bantuan setahun (Rp)", 18, MONEY),
        Column("Graduasi mandiri", 11),
        Column("Graduasi alamiah", 11),
        Column("Jumlah graduasi", 11),
        Column("Usulan mandiri menunggu", 11),
        Column(f"Target {year}", 10),
        Column("% target (mandiri)", 10, PERCENT),
    ]
    amount = len(columns) - 6
    reasons = {}
    for code in ordered_keys(NATURAL_REASONS, (a.natural_reasons for a in areas)):
        columns.append(Column(label(code), 11))
        reasons[code] = len(columns)
    welfare = {}
    for code in ordered_keys([w.value for w in WelfareClass] + [""], (a.welfare_classes for a in areas)):
        columns.append(Column(label(code, WelfareClass), 11))
        welfare[code] = len(columns)
    events = None
    if not kelurahan:  # an event belongs to a kecamatan; it may touch several kelurahan
        columns.append(Column("Kejadian bencana", 10))
        events = len(columns)
    columns += [
        Column("KK terdampak", 10),
        Column("Korban (jiwa)", 10),
        Column("Bantuan uang (Rp)", 16, MONEY),
        Column("Penyaluran barang", 11),
    ]
    last = len(columns)
    return AreaLayout(
        columns=columns, name=name, active=active, components=components, amount=amount,
        self_reliant=amount + 1, natural=amount + 2, graduated=amount + 3, proposed=amount + 4,
        target=amount + 5, percent=amount + 6, reasons=reasons, welfare=welfare, events=events,
        affected=last - 3, victims=last - 2, cash=last - 1, goods=last,
        first_row=FIRST_ROW, last_row=FIRST_ROW + rows - 1,
    )  # fmt: skip


def _area_values(a: AreaFigures, lay: AreaLayout, no: int, row: int, kelurahan: bool) -> list[object]:
    values: list[object] = [None] * len(lay.columns)
    values[0] = no
    if kelurahan:
        values[1] = a.kecamatan
    values[lay.name - 2] = a.code
    values[lay.name - 1] = a.name
    values[lay.active - 1] = a.active_families
    for code, col in lay.components.items():
        values[col - 1] = a.members_by_component.get(code, 0)
    values[lay.amount - 1] = a.yearly_amount
    values[lay.self_reliant - 1] = a.graduated_self_reliant
    values[lay.natural - 1] = a.graduated_natural
    sr, nat = get_column_letter(lay.self_reliant), get_column_letter(lay.natural)
    values[lay.graduated - 1] = Formula(f"={sr}{row}+{nat}{row}")
    values[lay.proposed - 1] = a.proposed_self_reliant
    values[lay.target - 1] = a.target
    values[lay.percent - 1] = Formula(percent_formula(f"{sr}{row}", f"{get_column_letter(lay.target)}{row}"))
    for code, col in lay.reasons.items():
        values[col - 1] = a.natural_reasons.get(code, 0)
    for code, col in lay.welfare.items():
        values[col - 1] = a.welfare_classes.get(code, 0)
    if lay.events is not None:
        values[lay.events - 1] = a.events
    values[lay.affected - 1] = a.affected_families
    values[lay.victims - 1] = a.victims
    values[lay.cash - 1] = a.cash_distributed
    values[lay.goods - 1] = a.goods_distributed
    return values


def write_areas(ws: Worksheet, recap: Recap, *, kelurahan: bool) -> AreaLayout:
    """Per Kecamatan (``kelurahan=False``) or Per Kelurahan: one row per area, then ``JUMLAH``."""
    areas = recap.kelurahan if kelurahan else recap.kecamatan
    lay = area_layout(recap, kelurahan=kelurahan, rows=len(areas))
    period = "periode " + recap.period.label
    groups = [
        ("Anggota KPM aktif per komponen (sebelum batas)", min(lay.components.values()), lay.amount - 1),
        (f"Graduasi {period}", lay.self_reliant, lay.percent),
        ("Alasan graduasi alamiah (keluarga)", min(lay.reasons.values()), max(lay.reasons.values())),
        ("Kelas kesejahteraan KPM aktif", min(lay.welfare.values()), max(lay.welfare.values())),
        (f"Bencana {period}", lay.events or lay.affected, lay.goods),
    ]
    start_sheet(ws, recap, "Per Kelurahan" if kelurahan else "Per Kecamatan", lay.columns, groups, lay.name)
    write_rows(
        ws,
        lay.columns,
        (_area_values(a, lay, no, FIRST_ROW + no - 1, kelurahan) for no, a in enumerate(areas, 1)),
        FIRST_ROW,
    )
    if areas:
        summed = [c for c in range(lay.active, len(lay.columns) + 1) if c != lay.percent]
        total = lay.last_row + 1
        sr, target = get_column_letter(lay.self_reliant), get_column_letter(lay.target)
        extra = {lay.percent: percent_formula(f"{sr}{total}", f"{target}{total}")}
        total_row(ws, lay.columns, total, FIRST_ROW, lay.last_row, summed, lay.name, extra)
        ws.auto_filter.ref = f"A{FIRST_ROW - 1}:{get_column_letter(len(lay.columns))}{lay.last_row}"
    else:
        put(ws, FIRST_ROW, lay.name, "Tidak ada wilayah untuk ditampilkan.")
    return lay


def _stage_columns() -> list[Column]:
    return [Column(stage_title(s), 13) for s in Stage]


def write_facilitators(ws: Worksheet, recap: Recap) -> None:
    year = recap.period.label[:4]
    columns = [
        Column("No", 5), Column("Pendamping", 28, None), Column("Kecamatan", 18, None),
        Column("KPM aktif (dampingan)", 12), Column(f"Target {year}", 10), Column("Usulan menunggu", 11),
        Column("Disetujui", 11), Column("% target", 10, PERCENT), *_stage_columns(),
        Column("Jumlah dalam tahapan", 12),
    ]  # fmt: skip
    groups = [
        (f"Graduasi sejahtera mandiri periode {recap.period.label}", 5, 8),
        ("Keluarga dalam tahapan graduasi (sekarang)", 9, 15),
    ]
    start_sheet(ws, recap, "Pendamping", columns, groups, 2)

    def values(no: int, f: FacilitatorFigures) -> list[object]:
        row = FIRST_ROW + no - 1
        return [
            no, NO_FACILITATOR if f.id == "" else f.name, f.kecamatan, f.caseload, f.target, f.proposed, f.approved,
            Formula(percent_formula(f"G{row}", f"E{row}")), *f.in_stage, Formula(f"=SUM(I{row}:N{row})"),
        ]  # fmt: skip

    count = write_rows(ws, columns, (values(no, f) for no, f in enumerate(recap.facilitators, 1)), FIRST_ROW)
    _finish(ws, columns, count, summed=[4, 5, 6, 7, *range(9, 16)], label_col=2, percent=(8, "G", "E"))


def write_cohorts(ws: Worksheet, recap: Recap) -> None:
    columns = [
        Column("No", 5), Column("Kohort", 28, None), Column("Tahun", 8, "0"), Column("Kecamatan", 18, None),
        Column("Terdaftar", 11), *_stage_columns(), Column("Selesai (tahap 6 lulus)", 12),
        Column("Mengundurkan diri", 12),
    ]  # fmt: skip
    start_sheet(ws, recap, "Tahapan", columns, [("Keluarga dalam tahap (sekarang)", 6, 11)], 2)
    rows = (
        [no, c.name, c.year, c.kecamatan, c.enrolled, *c.in_stage, c.completed, c.withdrawn]
        for no, c in enumerate(recap.cohorts, 1)
    )
    count = write_rows(ws, columns, rows, FIRST_ROW)
    _finish(ws, columns, count, summed=list(range(5, 14)), label_col=2)


def _finish(
    ws: Worksheet,
    columns: Sequence[Column],
    count: int,
    summed: list[int],
    label_col: int,
    percent: tuple[int, str, str] | None = None,
    empty: str = "Tidak ada data untuk ditampilkan.",
) -> int:
    """The ``JUMLAH`` row and the filter, or the line ``empty`` when there are no rows; returns the total's
    row (0 without rows). ``percent``: (column, numerator's letter, target's letter) of the total's %."""
    if not count:
        put(ws, FIRST_ROW, label_col, empty)
        return 0
    last = FIRST_ROW + count - 1
    total = last + 1
    formulas = {}
    if percent is not None:
        col, numerator, target = percent
        formulas = {col: percent_formula(f"{numerator}{total}", f"{target}{total}")}
    total_row(ws, columns, total, FIRST_ROW, last, summed, label_col, formulas)
    ws.auto_filter.ref = f"A{FIRST_ROW - 1}:{get_column_letter(len(columns))}{last}"
    return total


def write_disasters(ws: Worksheet, recap: Recap) -> None:
    """Every event of the period with its totals (all dates), then the stock left per item now."""
    damage = [d.value for d in DamageLevel]
    for e in recap.events:
        damage.extend(k for k in e.damage if k not in damage)
    columns = [
        Column("No", 5), Column("Kode", 16, TEXT), Column("Kejadian", 30, None), Column("Jenis", 16, None),
        Column("Waktu", 16, DATETIME), Column("Kecamatan", 18, None), Column("Status", 10, None),
        Column("KK terdampak", 10), Column("Korban (jiwa)", 10),
        *(Column(label(code, DamageLevel), 10) for code in damage),
        Column("Mengungsi", 10), Column("Luka", 8), Column("Meninggal", 10), Column("Bantuan uang (Rp)", 16, MONEY),
        Column("Bantuan barang", 40, None),
    ]  # fmt: skip
    first_damage = 10
    groups = [
        ("Kerusakan rumah (KK)", first_damage, first_damage + len(damage) - 1),
        ("Bantuan disalurkan (semua tanggal)", len(columns) - 1, len(columns)),
    ]
    start_sheet(ws, recap, "Bencana", columns, groups, 3)
    rows = (
        [
            no, e.code, e.title, code_label(DisasterKind, e.kind, e.kind_label), e.occurred_at.replace(tzinfo=None),
            e.kecamatan, code_label(EventStatus, e.status, e.status_label),
            e.families, e.victims, *(e.damage.get(code, 0) for code in damage), e.displaced, e.injured,
            e.deceased, e.cash, "; ".join(f"{g.name} {g.quantity:,} {g.unit}".replace(",", ".") for g in e.goods),
        ]
        for no, e in enumerate(recap.events, 1)
    )  # fmt: skip
    count = write_rows(ws, columns, rows, FIRST_ROW)
    empty = "Tidak ada kejadian bencana pada periode ini."
    total = _finish(ws, columns, count, summed=list(range(8, len(columns))), label_col=3, empty=empty)
    _write_stock(ws, recap, (total or FIRST_ROW) + 3)


STOCK_HEADINGS = ("No", "Barang", "", "Satuan", "Diterima", "Disalurkan", "Sisa")


def _write_stock(ws: Worksheet, recap: Recap, top: int) -> None:
    """The stock table below the events (columns A–G; the item's name spans B–C). Amounts as the
    service gives them: received, distributed and the balance now (adjustments may make the balance
    differ from received − distributed, so it is not a formula)."""
    put(ws, top, 1, f"Sisa stok barang bantuan per {recap.as_of:%d-%m-%Y %H:%M}", font=BOLD)
    header = top + 1
    for col, heading in enumerate(STOCK_HEADINGS, 1):
        put(ws, header, col, heading, font=BOLD)
        cell = ws.cell(row=header, column=col)
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGN
    ws.merge_cells(start_row=header, start_column=2, end_row=header, end_column=3)
    if not recap.stock:
        put(ws, header + 1, 2, "Belum ada stok barang bantuan.")
    for no, item in enumerate(recap.stock, 1):
        row = header + no
        put(ws, row, 1, no, COUNT)
        put(ws, row, 2, item.name)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        put(ws, row, 4, item.unit)
        put(ws, row, 5, item.received, COUNT)
        put(ws, row, 6, item.distributed, COUNT)
        put(ws, row, 7, item.balance, COUNT)
