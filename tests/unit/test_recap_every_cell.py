"""Issue 6: the Wali Kota recap workbook of a known caseload (``tests/recap_caseload.py``), cell by cell.
Every cell of every sheet holding a number or a formula is mapped to its figure by the sheet's headings
(row 7, with the group heading of row 6) and the row's name, through the tables below (written from the
layout's description, not from the writer's code), and compared with it, formulas evaluated
(``tests.recap_samples``). A numeric cell mapping to no figure fails, so does a figure or row without a cell.
The figures are the hand-stated ones of ``tests/unit/test_recap.py`` (from the caseload's docstring)
wherever stated: city, kecamatan, kelurahan, stock, and the ``JUMLAH`` rows below: caseload → cells."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from simoncer_desktop.models.enums import Component, DamageLevel, WelfareClass
from simoncer_desktop.reports.excel.recap_workbook import write_recap
from simoncer_desktop.services.programme import STAGE_LABELS, Stage
from simoncer_desktop.services.recap import build_recap, parse_period
from simoncer_desktop.services.recap_model import AreaFigures, Recap
from simoncer_desktop.store import Database
from tests import recap_caseload as rc
from tests.recap_samples import Q3_2026, cell_value, sample_recap
from tests.unit import test_recap as hand

GROUP_ROW, HEADER_ROW = 6, 7
Key = tuple[str, str]
"""(group heading of row 6 or ``""``, heading of the header row)."""
Figures = dict[Key, object]
REASONS = {"meninggal": "Meninggal", "tanpa_komponen": "Tidak ada komponen", "pindah": "Pindah", "mampu": "Sudah mampu"}
HAND_AREAS = {a.code: a for a in (hand.SELATAN_2025, hand.TIMUR_2025, hand.K1_2025, hand.K2_2025, hand.K3_2025)}
CITY_2025Q3 = replace(  # as test_recap.test_quarter_counts_what_is_dated_in_it_and_shows_the_years_target
    hand.CITY_2025, graduated_self_reliant=1, graduated_natural=1, natural_reasons=dict(hand.ZERO_REASONS, mampu=1),
    proposed_self_reliant=1, events=1, affected_families=2, victims=5, cash_distributed=3_000_000, goods_distributed=2,
)  # fmt: skip
STAGES = [f"Tahap {int(s)}\n{STAGE_LABELS[s]}" for s in Stage]
# The JUMLAH rows of 2025, stated by hand from the caseload's docstring (Ani 2 KPM, target 10, f2 waiting,
# f1 approved, f3/f2 in stage 1/2; Cici target 4; Budi 2 KPM, target 5, f9 approved and in stage 4;
# f4 and f11 without pendamping. Cohort A: f2, f3; B: f7 complete, f8 withdrawn, f9. E1 + E2.) The area
# sheets' totals are the city's; their target the pendampings' (Cici, 4, has no kelurahan).
CITY_TOTALS = {"KPM aktif": 6, "Nilai bantuan setahun (Rp)": 37_700_000, "Bantuan uang (Rp)": 18_000_000}
HAND_TOTALS_2025 = {
    "Per Kecamatan": {**CITY_TOTALS, "Target 2025": 19}, "Per Kelurahan": {**CITY_TOTALS, "Target 2025": 15},
    "Pendamping": {"KPM aktif (dampingan)": 6, "Target 2025": 19, "Usulan menunggu": 1, "Disetujui": 2,
                   "% target": 2 / 19, STAGES[0]: 1, STAGES[1]: 1, STAGES[3]: 1, "Jumlah dalam tahapan": 3},
    "Tahapan": {"Terdaftar": 5, STAGES[0]: 1, STAGES[1]: 1, STAGES[3]: 1, "Selesai (tahap 6 lulus)": 1,
                "Mengundurkan diri": 1},
    "Bencana": {"KK terdampak": 3, "Korban (jiwa)": 7, "Tidak rusak": 0, "Rusak ringan": 1, "Rusak sedang": 1,
                "Rusak berat": 1, "Mengungsi": 3, "Luka": 1, "Meninggal": 1, "Bantuan uang (Rp)": 18_000_000},
}  # fmt: skip


def ratio(numerator: int, target: int) -> object:
    """A percentage cell: ``""`` without a target."""
    return "" if target == 0 else numerator / target


# --- the figure each heading stands for ------------------------------------------------------------


def full(figures: dict[str, int], codes: Iterable[object]) -> dict[str, int]:
    """Every code of the model (a code without a figure shows 0), then any other the figures hold."""
    return {**{str(code): figures.get(str(code), 0) for code in codes}, **figures}


def welfare(code: str) -> str:
    return WelfareClass(code).label if code else "Belum dinilai"


def area_figures(a: AreaFigures, recap: Recap, *, kecamatan_sheet: bool) -> Figures:
    """Per Kecamatan / Per Kelurahan: (group heading, heading) → the area's figure."""
    p, year = recap.period.label, recap.period.label[:4]
    komponen, grad = "Anggota KPM aktif per komponen (sebelum batas)", f"Graduasi periode {p}"
    alasan, kelas = "Alasan graduasi alamiah (keluarga)", "Kelas kesejahteraan KPM aktif"
    bencana = f"Bencana periode {p}"
    out: Figures = {
        ("", "KPM aktif"): a.active_families, ("", "Nilai bantuan setahun (Rp)"): a.yearly_amount,
        **{(komponen, Component(code).label): n for code, n in full(a.members_by_component, Component).items()},
        (grad, "Graduasi mandiri"): a.graduated_self_reliant, (grad, "Graduasi alamiah"): a.graduated_natural,
        (grad, "Jumlah graduasi"): a.graduated_self_reliant + a.graduated_natural,
        (grad, "Usulan mandiri menunggu"): a.proposed_self_reliant, (grad, f"Target {year}"): a.target,
        (grad, "% target (mandiri)"): ratio(a.graduated_self_reliant, a.target),
        **{(alasan, REASONS[code]): n for code, n in full(a.natural_reasons, REASONS).items()},
        **{(kelas, welfare(code)): n for code, n in full(a.welfare_classes, [*WelfareClass, ""]).items()},
        (bencana, "KK terdampak"): a.affected_families, (bencana, "Korban (jiwa)"): a.victims,
        (bencana, "Bantuan uang (Rp)"): a.cash_distributed, (bencana, "Penyaluran barang"): a.goods_distributed,
    }  # fmt: skip
    if kecamatan_sheet:  # an event belongs to a kecamatan, not to a kelurahan
        out[(bencana, "Kejadian bencana")] = a.events
    return out


def summary_figures(recap: Recap, c: AreaFigures) -> Figures:
    """Ringkasan: (block heading, label in column A) → the figure in column B."""
    p, year, day = recap.period.label, recap.period.label[:4], f"{recap.as_of_day:%d-%m-%Y}"
    komponen, grad = f"Anggota KPM aktif per komponen (per {day})", f"Graduasi periode {p}"
    kelas, bencana = "Kelas kesejahteraan KPM aktif", f"Bencana periode {p}"
    alasan = "Alasan graduasi alamiah pada periode (keluarga)"
    stok = f"Sisa stok barang bantuan (per {recap.as_of:%d-%m-%Y %H:%M})"
    return {
        ("Keluarga penerima manfaat (KPM)", "KPM aktif"): c.active_families,
        **{(komponen, Component(code).label): n for code, n in full(c.members_by_component, Component).items()},
        (komponen, "Jumlah anggota ber-komponen"): sum(c.members_by_component.values()),
        (komponen, "Nilai bantuan setahun (Rp)"): c.yearly_amount,
        (grad, "Graduasi sejahtera mandiri"): c.graduated_self_reliant, (grad, "Graduasi alamiah"): c.graduated_natural,
        (grad, "Jumlah graduasi"): c.graduated_self_reliant + c.graduated_natural,
        (grad, "Usulan graduasi mandiri menunggu"): c.proposed_self_reliant, (grad, f"Target {year}"): c.target,
        (grad, "% target (graduasi mandiri)"): ratio(c.graduated_self_reliant, c.target),
        (grad, f"Jumlah target pendamping {year}"): c.facilitator_target_sum,
        (grad, "% jumlah target pendamping (graduasi mandiri)"):
            ratio(c.graduated_self_reliant, c.facilitator_target_sum),
        **{(alasan, REASONS[code]): n for code, n in full(c.natural_reasons, REASONS).items()},
        **{(kelas, welfare(code)): n for code, n in full(c.welfare_classes, [*WelfareClass, ""]).items()},
        (kelas, "Jumlah"): sum(c.welfare_classes.values()),
        (bencana, "Kejadian bencana"): c.events, (bencana, "KK terdampak"): c.affected_families,
        (bencana, "Korban (jiwa)"): c.victims, (bencana, "Bantuan uang disalurkan (Rp)"): c.cash_distributed,
        (bencana, "Penyaluran barang"): c.goods_distributed,
        **{(stok, s.name): s.balance for s in recap.stock},
    }  # fmt: skip


class Table(NamedTuple):
    """One table of a sheet (headed ``No`` in column A): the heading of the column naming a row, row name →
    figures, and for its ``JUMLAH`` row (``total``): (percentage, numerator, target) and headings not summed."""

    name_heading: str
    rows: dict[str, Figures]
    total: bool = True
    percent: tuple[Key, Key, Key] | None = None
    not_summed: frozenset[Key] = frozenset()

    def total_figures(self) -> Figures:
        out: dict[Key, int] = {}
        for figures in self.rows.values():
            for key, value in figures.items():
                if key not in self.not_summed and (self.percent is None or key != self.percent[0]):
                    out[key] = out.get(key, 0) + int(value)  # type: ignore[call-overload]
        if self.percent is None:
            return dict(out)
        key, numerator, target = self.percent
        return {**out, key: ratio(out[numerator], out[target])}


def table_sheets(recap: Recap) -> dict[str, list[Table]]:
    p, year = recap.period.label, recap.period.label[:4]
    grad, tahap = f"Graduasi periode {p}", "Keluarga dalam tahapan graduasi (sekarang)"
    mandiri = f"Graduasi sejahtera mandiri periode {p}"
    area_pct = ((grad, "% target (mandiri)"), (grad, "Graduasi mandiri"), (grad, f"Target {year}"))
    pendamping = {f.name: {
        ("", "KPM aktif (dampingan)"): f.caseload, (mandiri, f"Target {year}"): f.target,
        (mandiri, "Usulan menunggu"): f.proposed, (mandiri, "Disetujui"): f.approved,
        (mandiri, "% target"): ratio(f.approved, f.target), (tahap, "Jumlah dalam tahapan"): sum(f.in_stage),
        **{(tahap, title): n for title, n in zip(STAGES, f.in_stage, strict=True)},
    } for f in recap.facilitators}  # fmt: skip
    cohorts = {c.name: {
        ("", "Tahun"): c.year, ("", "Terdaftar"): c.enrolled, ("", "Selesai (tahap 6 lulus)"): c.completed,
        ("", "Mengundurkan diri"): c.withdrawn,
        **{("Keluarga dalam tahap (sekarang)", t): n for t, n in zip(STAGES, c.in_stage, strict=True)},
    } for c in recap.cohorts}  # fmt: skip
    events = {e.code: {
        ("", "KK terdampak"): e.families, ("", "Korban (jiwa)"): e.victims, ("", "Mengungsi"): e.displaced,
        ("", "Luka"): e.injured, ("", "Meninggal"): e.deceased,
        ("Bantuan disalurkan (semua tanggal)", "Bantuan uang (Rp)"): e.cash,
        **{("Kerusakan rumah (KK)", DamageLevel(code).label): n for code, n in full(e.damage, DamageLevel).items()},
    } for e in recap.events}  # fmt: skip
    stock = {  # the second table of Bencana, below the events, with its own header row
        s.name: {("", "Diterima"): s.received, ("", "Disalurkan"): s.distributed, ("", "Sisa"): s.balance}
        for s in recap.stock
    }
    kecamatan = {a.code: area_figures(a, recap, kecamatan_sheet=True) for a in recap.kecamatan}
    kelurahan = {a.code: area_figures(a, recap, kecamatan_sheet=False) for a in recap.kelurahan}
    return {
        "Per Kecamatan": [Table("Kode", kecamatan, percent=area_pct)],
        "Per Kelurahan": [Table("Kode", kelurahan, percent=area_pct)],
        "Pendamping": [Table("Pendamping", pendamping, percent=(
            (mandiri, "% target"), (mandiri, "Disetujui"), (mandiri, f"Target {year}")))],
        "Tahapan": [Table("Kohort", cohorts, not_summed=frozenset({("", "Tahun")}))],
        "Bencana": [Table("Kode", events), Table("Barang", stock, total=False)],
    }  # fmt: skip


def is_figure(cell: Cell) -> bool:
    number = isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
    return cell.data_type == "f" or number


def same(found: object, expected: object) -> bool:
    if isinstance(expected, float):
        return isinstance(found, int | float) and found == pytest.approx(expected)
    return type(found) is type(expected) and found == expected


def headings(ws: Worksheet, row: int) -> dict[int, Key]:
    """Column → (group heading, heading); a merged group heading covers every column it spans."""
    groups: dict[int, str] = {}
    if row == HEADER_ROW:
        groups = {c.column: str(c.value) for c in ws[GROUP_ROW] if c.value is not None}
        for merged in ws.merged_cells.ranges:
            if merged.min_row == GROUP_ROW:
                for col in range(merged.min_col, merged.max_col + 1):
                    groups[col] = str(ws.cell(GROUP_ROW, merged.min_col).value)
    return {c.column: (groups.get(c.column, ""), str(c.value)) for c in ws[row] if c.value is not None}


@dataclass
class Walk:
    """The outcome of checking the cells: problems, cells checked per sheet, values found by row and key."""

    unmapped: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    found: dict[tuple[str, str, str], object] = field(default_factory=dict)

    def compare(self, ws: Worksheet, cell: Cell, row: str, key: Key, expected: object) -> None:
        value = cell_value(ws, cell.coordinate)  # a formula is evaluated over the cells it names
        self.checked[ws.title] = self.checked.get(ws.title, 0) + 1
        self.found[(ws.title, row, key[1])] = value
        if not same(value, expected):
            self.wrong.append(f"{ws.title}!{cell.coordinate}: {row} {key} expected {expected!r}, found {value!r}")

    def summary(self, ws: Worksheet, figures: Figures) -> None:
        """Ringkasan: (block heading, label in column A) → the figure in column B."""
        block, seen = "", set()
        for cells in ws.iter_rows():
            for cell in cells:
                key = (block, ws.cell(cell.row, 1).value)
                if not is_figure(cell):
                    continue
                if cell.row <= HEADER_ROW or cell.column != 2 or key not in figures:
                    self.unmapped.append(f"{ws.title}!{cell.coordinate} {key} = {cell.value!r}")
                    continue
                seen.add(key)
                self.compare(ws, cell, block, key, figures[key])  # type: ignore[arg-type]
            if cells[0].row > HEADER_ROW and cells[0].value is not None and ws.cell(cells[0].row, 2).value is None:
                block = str(cells[0].value)  # a block heading: text in A, nothing in B
        self.wrong += [f"{ws.title}: no cell for {key}" for key in figures.keys() - seen]

    def tables(self, ws: Worksheet, tables: list[Table]) -> None:
        header_rows = [c.row for c in ws["A"] if c.row >= HEADER_ROW and c.value == "No"]
        assert header_rows[0] == HEADER_ROW and len(header_rows) == len(tables), (ws.title, header_rows)
        seen: dict[tuple[int, str], set[Key]] = {}
        for cells in ws.iter_rows():
            row = cells[0].row
            index = sum(h < row for h in header_rows) - 1  # the table above the row (-1: the top rows)
            table = tables[index] if index >= 0 else Table("", {}, total=False)
            heads = headings(ws, header_rows[index]) if index >= 0 else {}
            by_heading = {h[1]: col for col, h in heads.items()}
            name = ws.cell(row, by_heading[table.name_heading]).value if index >= 0 else None
            if table.total and "JUMLAH" in [c.value for c in cells]:
                name, figures = "JUMLAH", table.total_figures()
            else:
                figures = dict(table.rows.get(name, {}))  # type: ignore[arg-type]
                if name in table.rows:
                    figures[("", "No")] = list(table.rows).index(name) + 1  # type: ignore[arg-type]
            for cell in (c for c in cells if is_figure(c)):
                key = heads.get(cell.column)
                if key not in figures:
                    self.unmapped.append(f"{ws.title}!{cell.coordinate} ({name} / {key}) = {cell.value!r}")
                    continue
                seen.setdefault((index, str(name)), set()).add(key)  # type: ignore[arg-type]
                self.compare(ws, cell, str(name), key, figures[key])  # type: ignore[arg-type]
        for index, table in enumerate(tables):
            expected = {**table.rows, **({"JUMLAH": table.total_figures()} if table.total and table.rows else {})}
            for name, figures in expected.items():
                missing = set(figures) - seen.get((index, name), set())
                self.wrong += [f"{ws.title}: row {name!r} has no cell for {key}" for key in sorted(missing)]


def walk(written: Recap, recap: Recap, city: AreaFigures, path: Path, change: object = None) -> Walk:
    """Write ``written``, read it back (formulas as text; ``change`` may alter it first) and check every
    cell against the figures of ``recap`` and ``city``."""
    workbook = load_workbook(write_recap(written, path))
    if callable(change):
        change(workbook)
    result, sheets = Walk(), table_sheets(recap)
    assert workbook.sheetnames == ["Ringkasan", *sheets]
    result.summary(workbook["Ringkasan"], summary_figures(recap, city))
    for name, tables in sheets.items():
        result.tables(workbook[name], tables)
    return result


def clean(result: Walk) -> Walk:
    assert result.unmapped == [], "\n".join(result.unmapped)
    assert result.wrong == [], "\n".join(result.wrong)
    return result


def read(db: Database, period: str) -> Recap:
    with db.read() as s:
        return build_recap(s, parse_period(period), now=rc.NOW)


def hand_stated(recap: Recap, city: AreaFigures) -> Recap:
    """``recap`` with the city, areas (untouched ones all zero) and stock as ``test_recap`` states them."""

    def stated(a: AreaFigures) -> AreaFigures:
        return HAND_AREAS.get(a.code) or hand.area(a.code, a.name, a.kecamatan)

    kecamatan, kelurahan = [stated(a) for a in recap.kecamatan], [stated(a) for a in recap.kelurahan]
    return replace(recap, city=city, kecamatan=kecamatan, kelurahan=kelurahan, stock=hand.STOCK)


# --- the tests ---------------------------------------------------------------------------------------


def test_every_numeric_cell_of_the_year_is_its_hand_stated_figure(db: Database, tmp_path: Path) -> None:
    rc.build(db)
    written = read(db, "2025")
    recap = hand_stated(written, hand.CITY_2025)
    result = clean(walk(written, recap, hand.CITY_2025, tmp_path / "rekap-2025.xlsx"))
    for sheet, totals in HAND_TOTALS_2025.items():
        found = {heading: result.found[(sheet, "JUMLAH", heading)] for heading in totals}
        assert found == pytest.approx(totals), sheet
    assert result.checked["Ringkasan"] == len(summary_figures(recap, hand.CITY_2025))
    assert all(result.checked.get(sheet) for sheet in table_sheets(recap)), result.checked


def test_every_numeric_cell_of_a_quarter_is_its_figure(db: Database, tmp_path: Path) -> None:
    rc.build(db)
    recap = read(db, "2025Q3")
    assert recap.city == CITY_2025Q3  # the figures are the hand-stated ones …
    result = clean(walk(recap, recap, CITY_2025Q3, tmp_path / "rekap-2025Q3.xlsx"))  # … and so is every cell
    assert result.found[("Ringkasan", "Graduasi periode 2025Q3", "Target 2025")] == 750  # the year's target
    assert result.found[("Per Kecamatan", "JUMLAH", "Bantuan uang (Rp)")] == 3_000_000
    rows = [k[1] for k in result.found if k[0] == "Bencana" and k[2] == "KK terdampak"]
    assert rows == [recap.events[0].code, "JUMLAH"]  # Banjir Cisadane only


def test_the_walk_reports_a_changed_cell_a_stray_number_and_a_missing_cell(tmp_path: Path) -> None:
    """The check itself, on a hand-made recap of every sheet (``tests/recap_samples.py``)."""
    recap = sample_recap(period=Q3_2026)
    clean(walk(recap, recap, recap.city, tmp_path / "sample.xlsx"))

    def change(workbook: Workbook) -> None:
        workbook["Per Kelurahan"]["E8"].value += 1  # KPM aktif of the first kelurahan
        workbook["Ringkasan"]["B5"] = 7  # a number beside the notes
        workbook["Bencana"]["I8"] = None  # Korban (jiwa) of the first event

    result = walk(recap, recap, recap.city, tmp_path / "changed.xlsx", change)
    assert result.unmapped == ["Ringkasan!B5 ('', None) = 7"]
    found = [w.split(":")[0] for w in result.wrong]  # the cell, its JUMLAH, the cell without a value
    assert found == ["Per Kelurahan!E8", "Per Kelurahan!E17", "Bencana!I10", "Bencana"], result.wrong
