"""The caseload table model without a window: rows, columns, SQL sorting, filters, bounded paging."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from simoncer_desktop.models.enums import HouseholdStatus
from simoncer_desktop.services import caseload, caseload_query
from simoncer_desktop.services.caseload_query import CaseloadFilter, Column
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.household_table_model import HouseholdIdRole, HouseholdTableModel, RowKeyRole

DISPLAY = Qt.ItemDataRole.DisplayRole


def column_values(model: HouseholdTableModel, column: Column) -> list[str]:
    return [model.index(row, column).data(DISPLAY) for row in range(model.rowCount())]


def sort_key(column: Column, text: str) -> object:
    """How SQLite orders the column's values (NULL first; numbers as numbers)."""
    if column in (Column.MEMBERS, Column.DESIL):
        return -1 if text == "" else int(text)
    return text


def test_rows_and_columns_match_the_service(demo_db: Database) -> None:
    model = HouseholdTableModel(demo_db)
    with demo_db.read() as s:
        total = caseload_query.count(s)
        keys = caseload_query.search_keys(s, CaseloadFilter())
        expected = caseload_query.load_rows(s, keys[:5])
    assert total == 300
    assert model.rowCount() == total
    assert model.columnCount() == len(Column)
    assert model.headerData(Column.NO_KK, Qt.Orientation.Horizontal, DISPLAY) == "No. KK"
    assert model.headerData(Column.RECIPIENT, Qt.Orientation.Horizontal, DISPLAY) == "Pengurus"
    for row, want in enumerate(expected):
        assert model.index(row, 0).data(HouseholdIdRole) == want.id
        assert model.index(row, 0).data(RowKeyRole) == want.key
        assert model.index(row, Column.NO_KK).data(DISPLAY) == want.no_kk
        assert model.index(row, Column.RECIPIENT).data(DISPLAY) == want.recipient_name
        assert model.index(row, Column.NIK).data(DISPLAY) == want.recipient_nik
        assert model.index(row, Column.KECAMATAN).data(DISPLAY) == want.kecamatan
        assert model.index(row, Column.KELURAHAN).data(DISPLAY) == want.kelurahan
        assert model.index(row, Column.FACILITATOR).data(DISPLAY) == want.facilitator
        assert model.index(row, Column.MEMBERS).data(DISPLAY) == str(want.member_count)
        assert model.index(row, Column.DESIL).data(DISPLAY) == ("" if want.desil is None else str(want.desil))
        assert model.index(row, Column.STATUS).data(DISPLAY) == HouseholdStatus(want.status).label
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, Column.MEMBERS).data(Qt.ItemDataRole.TextAlignmentRole) == right


def test_default_order_is_by_recipient_name(demo_db: Database) -> None:
    model = HouseholdTableModel(demo_db)
    names = column_values(model, Column.RECIPIENT)
    assert names == sorted(names)
    assert len(set(names)) > 100  # a real spread of names, not one repeated


@pytest.mark.parametrize(
    "column", [Column.NO_KK, Column.RECIPIENT, Column.KECAMATAN, Column.FACILITATOR, Column.MEMBERS, Column.DESIL]
)
def test_sort_runs_in_sql_both_ways(demo_db: Database, column: Column) -> None:
    model = HouseholdTableModel(demo_db)
    model.sort(column, Qt.SortOrder.AscendingOrder)
    ascending = [sort_key(column, v) for v in column_values(model, column)]
    assert ascending == sorted(ascending)
    assert len(set(ascending)) > 1
    model.sort(column, Qt.SortOrder.DescendingOrder)
    descending = [sort_key(column, v) for v in column_values(model, column)]
    assert descending == sorted(descending, reverse=True)
    assert model.caseload_filter.sort == column and model.caseload_filter.descending
    assert model.rowCount() == 300


def test_every_column_is_sortable(demo_db: Database) -> None:
    model = HouseholdTableModel(demo_db)
    for column in Column:
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert model.rowCount() == 300
        assert model.caseload_filter.sort == column


def test_filter_by_kecamatan_keeps_the_sort(demo_db: Database) -> None:
    model = HouseholdTableModel(demo_db)
    model.sort(Column.NO_KK, Qt.SortOrder.DescendingOrder)
    seen = []
    model.count_changed.connect(seen.append)
    model.set_filter(CaseloadFilter(kecamatan="32.71.01"))
    with demo_db.read() as s:
        expected = caseload_query.count(s, CaseloadFilter(kecamatan="32.71.01"))
    assert 0 < model.rowCount() == expected < 300
    assert seen == [expected]
    assert set(column_values(model, Column.KECAMATAN)) == {"Bogor Selatan"}
    numbers = column_values(model, Column.NO_KK)
    assert numbers == sorted(numbers, reverse=True)  # set_filter kept the sort chosen on the header


def test_text_filter_and_no_match(demo_db: Database) -> None:
    model = HouseholdTableModel(demo_db)
    first = model.row_at(0)
    assert first is not None
    model.set_filter(CaseloadFilter(text=first.no_kk))
    assert [model.index(r, Column.NO_KK).data(DISPLAY) for r in range(model.rowCount())] == [first.no_kk]
    model.set_filter(CaseloadFilter(text="zzzqqq"))
    assert model.rowCount() == 0
    assert model.index(0, 0).data(DISPLAY) is None


def test_paging_walks_every_row_with_a_bounded_cache(demo_db: Database) -> None:
    model = HouseholdTableModel(demo_db, page_size=7, max_pages=3)
    bound = 7 * 3
    seen_ids: set[str] = set()
    peak = 0
    for row in range(model.rowCount()):
        assert model.index(row, Column.RECIPIENT).data(DISPLAY)
        seen_ids.add(model.index(row, 0).data(HouseholdIdRole))
        peak = max(peak, model.cached_row_count)
        assert model.cached_row_count <= bound
    assert len(seen_ids) == 300  # every family, each once
    assert peak == bound  # the cache filled up and was then evicted, never grown
    loaded = model.rows_loaded_total
    assert loaded == 300  # each page loaded once on a straight walk
    still_cached = model.cached_row_count
    for row in range(model.rowCount() - 1, -1, -1):  # and back up
        model.index(row, Column.NO_KK).data(DISPLAY)
        assert model.cached_row_count <= bound
    assert model.rows_loaded_total == loaded + 300 - still_cached  # the last pages were still cached


def test_revisiting_a_cached_page_does_not_query(demo_db: Database) -> None:
    model = HouseholdTableModel(demo_db, page_size=10, max_pages=2)
    model.index(0, 0).data(DISPLAY)
    loaded = model.rows_loaded_total
    for row in range(10):
        model.index(row, Column.RECIPIENT).data(DISPLAY)
    assert model.rows_loaded_total == loaded


def test_refresh_after_delete_and_rows_deleted_after_the_query(demo_db: Database) -> None:
    model = HouseholdTableModel(demo_db, page_size=10, max_pages=2)
    gone_later = model.household_id(150)  # page 15: not loaded yet
    assert gone_later is not None
    model._pages.clear()  # forget it again, as after scrolling far away
    victim = model.household_id(0)
    with demo_db.transaction() as s:
        caseload.delete_household(s, gone_later)
    # tombstoned after the keys were fetched: the row stays until the next refresh, and is no error
    assert model.index(150, 0).data(HouseholdIdRole) == gone_later
    with demo_db.transaction() as s:
        caseload.delete_household(s, victim)
    model.refresh()
    assert model.rowCount() == 298
    ids = {model.household_id(r) for r in range(model.rowCount())}
    assert victim not in ids and gone_later not in ids


def test_page_size_must_be_positive(demo_db: Database) -> None:
    with pytest.raises(ValueError):
        HouseholdTableModel(demo_db, page_size=0)

