"""simoncer-cli export recap: the Wali Kota workbook from the command line (output, exit codes), with a
stand-in service and with the real ``services.recap`` on the demo database."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from simoncer_desktop import cli, cli_recap
from simoncer_desktop.cli_common import thousands
from simoncer_desktop.errors import ValidationError
from simoncer_desktop.reports.excel.recap_workbook import SHEETS
from simoncer_desktop.services import caseload_query
from simoncer_desktop.services.caseload_query import CaseloadFilter
from simoncer_desktop.services.recap_model import Period, Recap
from simoncer_desktop.store import Database
from tests.recap_samples import FIRST_ROW_OF_DATA, Q3_2026, YEAR_2026, evaluate, sample_recap


@dataclass
class FakeService:
    """Stands in for ``services.recap``: the sample recap, and what the command asked for."""

    calls: list[tuple[Period, str | None]] = field(default_factory=list)

    def parse_period(self, text: str) -> Period:
        periods = {"2026": YEAR_2026, "2026Q3": Q3_2026}
        if text not in periods:
            raise ValidationError(f"Periode '{text}' tidak dikenal", field="period")
        return periods[text]

    def build_recap(self, session: object, period: Period, kecamatan: str | None = None, now: object = None) -> Recap:
        self.calls.append((period, kecamatan))
        return sample_recap(period=period)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeService:
    service = FakeService()
    module = types.ModuleType("simoncer_desktop.services.recap")
    module.parse_period = service.parse_period  # type: ignore[attr-defined]
    module.build_recap = service.build_recap  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "simoncer_desktop.services.recap", module)
    monkeypatch.setattr("simoncer_desktop.services.recap", module, raising=False)
    return service


def kpm_total(path: Path) -> tuple[object, object]:
    """(Per Kecamatan's KPM total computed from its formula, Ringkasan's KPM aktif)."""
    workbook = load_workbook(path)
    ws = workbook["Per Kecamatan"]
    column = next(c.column for c in ws[FIRST_ROW_OF_DATA - 1] if c.value == "KPM aktif")
    row = next(r for r in range(FIRST_ROW_OF_DATA, ws.max_row + 1) if "JUMLAH" in [c.value for c in ws[r]])
    summary = workbook["Ringkasan"]
    kpm = next(r for r in range(FIRST_ROW_OF_DATA, summary.max_row + 1) if summary[f"A{r}"].value == "KPM aktif")
    return evaluate(ws, ws.cell(row=row, column=column).value), summary[f"B{kpm}"].value


# --- with the stand-in service -----------------------------------------------------------------------


def test_writes_the_workbook_and_says_where_with_a_summary(fake: FakeService, db_path: Path, tmp_path: Path, capsys):
    out = tmp_path / "rekap.xlsx"
    assert cli.main(["export", "recap", str(out), "--period", "2026Q3", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"Rekap Wali Kota ditulis ke {out} (")
    recap = sample_recap(period=Q3_2026)
    assert lines[1] == cli_recap.summary_line(recap)
    assert lines[1].startswith(f"2026Q3, Kota Contoh: {thousands(recap.city.active_families)} KPM aktif; graduasi ")
    assert fake.calls == [(Q3_2026, None)]
    assert load_workbook(out).sheetnames == list(SHEETS)


def test_the_kecamatan_goes_to_the_service(fake: FakeService, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "rekap.xlsx"
    argv = ["export", "recap", str(out), "--period", "2026", "--kecamatan", "32.71.01", "--db", str(db_path)]
    assert cli.main(argv) == 0
    assert fake.calls == [(YEAR_2026, "32.71.01")]


def test_a_bad_period_exits_1_with_the_services_message(fake: FakeService, db_path: Path, tmp_path: Path, capsys):
    out = tmp_path / "rekap.xlsx"
    assert cli.main(["export", "recap", str(out), "--period", "2026Q5", "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.strip() == "Gagal: Periode '2026Q5' tidak dikenal"
    assert not out.exists() and fake.calls == []


def test_an_unwritable_path_exits_1_naming_it(fake: FakeService, db_path: Path, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "tidak-ada" / "rekap.xlsx"
    assert cli.main(["export", "recap", str(missing), "--period", "2026", "--db", str(db_path)]) == 1
    assert f"Gagal: Tidak dapat menulis {missing}: folder {missing.parent} tidak ada" in capsys.readouterr().err
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert cli.main(["export", "recap", str(folder), "--period", "2026", "--db", str(db_path)]) == 1
    assert f"Gagal: {folder} adalah folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "recap", "rekap.xlsx"],  # no --period
        ["export", "recap", "--period", "2026"],  # no OUT.xlsx
        ["export", "recap", "rekap.xlsx", "--period", "2026", "--status", "aktif"],  # a caseload flag
        ["export"],
    ],
)
def test_usage_errors_exit_2(fake: FakeService, db_path: Path, capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main([*argv, "--db", str(db_path)])
    assert exc.value.code == 2
    assert capsys.readouterr().err
    assert fake.calls == []


def test_help_lists_recap_under_export(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["export", "--help"])
    assert exc.value.code == 0
    said = capsys.readouterr().out
    assert "recap" in said and "caseload" in said


# --- with the real service on the demo database ------------------------------------------------------


def test_real_service_city_recap_on_the_demo_database(demo_db: Database, tmp_path: Path, capsys) -> None:
    out = tmp_path / "rekap.xlsx"
    year = str(date.today().year)
    assert cli.main(["export", "recap", str(out), "--period", year, "--db", str(demo_db.path)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Rekap Wali Kota ditulis ke {out} (")
    with demo_db.read() as s:
        active = caseload_query.count(s, CaseloadFilter(status="aktif"))
    assert active > 0
    assert f"{year}, " in said.splitlines()[1] and f"{thousands(active)} KPM aktif" in said
    workbook = load_workbook(out)
    assert workbook.sheetnames == list(SHEETS)
    for name in SHEETS:
        assert workbook[name]["A3"].value.startswith("Data per ")
    assert kpm_total(out) == (active, active)  # the kecamatan's formula total adds up to the city's figure


def test_real_service_one_kecamatan_and_bad_input(demo_db: Database, tmp_path: Path, capsys) -> None:
    out = tmp_path / "kecamatan.xlsx"
    db = ["--db", str(demo_db.path)]
    assert cli.main(["export", "recap", str(out), "--period", "2026Q3", "--kecamatan", "32.71.01", *db]) == 0
    capsys.readouterr()
    with demo_db.read() as s:
        active = caseload_query.count(s, CaseloadFilter(status="aktif", kecamatan="32.71.01"))
    ws = load_workbook(out)["Ringkasan"]
    assert ws["A2"].value == "Periode: Triwulan III 2026 (01-07-2026 s.d. 30-09-2026)"
    assert ws["A4"].value.startswith("Wilayah: ") and ", hanya Kecamatan " in ws["A4"].value
    assert kpm_total(out) == (active, active)

    bad = tmp_path / "salah.xlsx"
    assert cli.main(["export", "recap", str(bad), "--period", "2026Q5", *db]) == 1
    assert capsys.readouterr().err.startswith("Gagal: Periode '2026Q5' tidak dikenal")
    assert cli.main(["export", "recap", str(bad), "--period", "2026", "--kecamatan", "32.71.99", *db]) == 1
    assert "Kecamatan '32.71.99' tidak dikenal" in capsys.readouterr().err
    assert not bad.exists()


def test_real_service_on_an_empty_database_writes_the_note(db_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "kosong.xlsx"
    assert cli.main(["export", "recap", str(out), "--period", "2031", "--db", str(db_path)]) == 0
    workbook = load_workbook(out)
    for name in SHEETS:
        assert workbook[name]["A5"].value.startswith("Tidak ada data untuk periode 2031"), name
