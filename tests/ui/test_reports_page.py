"""The *Laporan* page: the recap previewed for the year, by kecamatan, and written to .xlsx; the figures
are the caseload's own counts, and an unwritable file is refused with its path named."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from simoncer_desktop.services.caseload_query import CaseloadFilter, count
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.pages.reports_page import ReportsPage
from simoncer_desktop.ui.widgets.form import select_value

SHEETS = ["Ringkasan", "Per Kecamatan", "Per Kelurahan", "Pendamping", "Tahapan", "Bencana"]


@pytest.fixture
def page(window: MainWindow, qtbot: QtBot) -> ReportsPage:
    window.show_page(4)
    reports = window.reports_page
    qtbot.waitUntil(lambda: reports.recap is not None and reports.tabs.count() == len(SHEETS))
    return reports


def summary_value(page: ReportsPage, label: str) -> object:
    model = page.models[0]
    return next(model.cell(r, 1) for r in range(model.rowCount()) if model.cell(r, 0) == label)


def test_the_year_is_previewed_with_the_caseloads_own_counts(page: ReportsPage, window: MainWindow) -> None:
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == SHEETS
    with window.db.read() as s:
        active = count(s, CaseloadFilter(status="aktif"))
    assert summary_value(page, "KPM aktif") == active
    kecamatan = page.models[1]
    assert sum(kecamatan.cell(r, 2) for r in range(kecamatan.rowCount())) == active  # type: ignore[misc]
    kelurahan = page.models[2]
    assert sum(kelurahan.cell(r, 2) for r in range(kelurahan.rowCount())) == active  # type: ignore[misc]
    assert str(page.year_spin.value()) in page.as_of_label.text()


def test_one_kecamatan_and_one_quarter(page: ReportsPage, window: MainWindow, qtbot: QtBot) -> None:
    code = page.kecamatan_combo.itemData(1)
    select_value(page.kecamatan_combo, code)
    select_value(page.period_combo, "Q3")
    page.preview()
    qtbot.waitUntil(lambda: page.recap is not None and page.recap.period.label.endswith("Q3"))
    with window.db.read() as s:
        active = count(s, CaseloadFilter(status="aktif", kecamatan=code))
    assert summary_value(page, "KPM aktif") == active
    assert page.models[1].rowCount() == 1
    assert page.recap is not None and page.recap.kecamatan_filter == page.kecamatan_combo.currentText()


def test_export_writes_the_workbook_and_an_unwritable_file_is_refused(
    page: ReportsPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "rekap.xlsx"
    monkeypatch.setattr(page, "ask_path", lambda _suggested: str(target))
    page.export()
    qtbot.waitUntil(lambda: page.last_file is not None)
    assert target.exists() and str(target) in page.info_label.text()
    assert load_workbook(target).sheetnames == SHEETS

    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    monkeypatch.setattr(page, "ask_path", lambda _suggested: str(folder))
    page.export()
    qtbot.waitUntil(lambda: page.message_label.isVisible())
    assert str(folder) in page.message_label.text()
    assert list(folder.iterdir()) == []
