"""The *Target* tab of Graduasi: levels, figures from the service, the city line and the bar chart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import GraduationDecision, Household
from simoncer_desktop.services.graduation_targets import KECAMATAN, KELURAHAN, PENDAMPING, targets
from simoncer_desktop.store import Database
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.models.targets_model import TargetColumn
from simoncer_desktop.ui.pages.targets_tab import CHART_ROWS, TargetsTab, city_line
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.bar_chart import Bar, BarChart

YEAR = date.today().year


@pytest.fixture
def tab(qtbot: QtBot, demo_db: Database) -> Iterator[TargetsTab]:
    """The tab over the demo caseload with approved and waiting proposals this year."""
    with demo_db.transaction() as s:
        families = s.execute(
            select(Household.id, Household.scope).where(Household.facilitator_id.is_not(None)).limit(40)
        ).all()
        for i, (hh_id, scope) in enumerate(families):
            approved = i % 3 != 0
            s.add(
                GraduationDecision(
                    id=uuid7(),
                    scope=scope,
                    household_id=hh_id,
                    kind="graduasi_mandiri",
                    reason="Mandiri",
                    proposed_by="Rina",
                    proposed_on=date(YEAR, 1, 2),
                    status="disetujui" if approved else "diusulkan",
                    decided_by="Kasi Dedi" if approved else None,
                    decided_on=date(YEAR, 1, 3) if approved else None,
                )
            )
    host = QWidget()
    qtbot.addWidget(host)
    runner = TaskRunner(host, inline=True)
    widget = TargetsTab(demo_db, runner, host)
    host.resize(1200, 700)
    host.show()  # showing loads the figures
    qtbot.waitExposed(host)
    yield widget


def shown(tab: TargetsTab) -> list[tuple[str, str, str, str, str]]:
    model = tab.model
    columns = (TargetColumn.NAME, TargetColumn.TARGET, TargetColumn.PROPOSED, TargetColumn.APPROVED)
    columns += (TargetColumn.PIPELINE,)
    return [tuple(model.index(r, c).data() for c in columns) for r in range(model.rowCount())]  # type: ignore[misc]


def expected(db: Database, level: str) -> list[tuple[str, str, str, str, str]]:
    with db.read() as s:
        view = targets(s, YEAR, level)
    return [(r.name, str(r.target), str(r.proposed), str(r.approved), str(r.in_pipeline)) for r in view.rows]


def test_figures_match_the_service_at_every_level(tab: TargetsTab, demo_db: Database) -> None:
    assert tab.level() == PENDAMPING and tab.year() == YEAR
    assert shown(tab) == expected(demo_db, PENDAMPING)
    assert sum(int(row[3]) for row in shown(tab)) > 0
    for level in (KELURAHAN, KECAMATAN):
        tab.set_level(level)
        assert tab.view is not None and tab.view.level == level
        assert shown(tab) == expected(demo_db, level)
    assert tab.table.isColumnHidden(TargetColumn.KECAMATAN)
    tab.set_level(PENDAMPING)
    assert not tab.table.isColumnHidden(TargetColumn.KECAMATAN)


def test_city_line(tab: TargetsTab, demo_db: Database) -> None:
    assert tab.view is not None
    approved = tab.view.city_approved
    assert approved == 26  # 40 families, every third one still waiting
    assert tab.city_label.text().startswith(f"Kota: {approved} dari 750 ({round(100 * approved / 750)}%)")
    assert tab.city_label.text() == city_line(tab.view)


def test_the_chart_has_a_bar_per_row_shown(tab: TargetsTab) -> None:
    tab.set_level(KECAMATAN)
    rows = tab.model.rowCount()
    assert 0 < rows <= CHART_ROWS
    assert tab.chart.bar_count() == rows
    assert [b.label for b in tab.chart.bars] == [r.name for r in tab.model.rows]
    assert [(b.value, b.target) for b in tab.chart.bars] == [(r.approved, r.target) for r in tab.model.rows]
    tab.set_level(PENDAMPING)
    assert tab.chart.bar_count() == min(CHART_ROWS, tab.model.rowCount())
    tab.chart.grab()  # paints without error


def test_sorting_the_table_reorders_the_chart(tab: TargetsTab) -> None:
    tab.table.sortByColumn(TargetColumn.APPROVED, Qt.SortOrder.DescendingOrder)
    approved = [r.approved for r in tab.model.rows]
    assert approved == sorted(approved, reverse=True)
    assert [b.value for b in tab.chart.bars] == approved[:CHART_ROWS]
    tab.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert [r.name for r in tab.model.rows] == [r.name for r in tab.view.rows]  # type: ignore[union-attr]


def test_changing_the_year_reloads(tab: TargetsTab) -> None:
    tab.year_box.setValue(YEAR - 1)
    assert tab.view is not None and tab.view.year == YEAR - 1
    assert tab.view.city_approved == 0 and sum(r.approved for r in tab.model.rows) == 0


def test_bar_text_writes_the_numbers(qtbot: QtBot) -> None:
    assert Bar("Ani", 3, 10).text == "3 / 10 · 30%"
    assert Bar("Tanpa", 2, 0).text == "2 / –"
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_bars([Bar("Ani", 3, 10), Bar("Budi", 12, 10)], "Uji")
    assert chart.bar_count() == 2 and "Budi: 12 / 10 · 120%" in chart.toolTip()
    chart.resize(500, 200)
    chart.grab()


def test_the_graduation_page_has_the_targets_tab(window: MainWindow) -> None:
    page = window.graduation_page
    assert isinstance(page.target_tab, TargetsTab)
    page.tabs.setCurrentWidget(page.target_tab)
