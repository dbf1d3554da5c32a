"""The caseload list as a ``QAbstractTableModel`` over paged queries.

On every filter or sort change the model asks ``caseload_query.search_keys`` for the matching
families' rowids in display order (one cheap query of integers), then loads rows a page at a time
with ``load_rows`` when the view asks for them. Loaded pages sit in a small LRU cache, so scrolling
through 110,000 families never holds more than ``max_pages × page_size`` rows.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from simoncer_desktop.services.caseload_query import (
    COLUMN_TITLES,
    CaseloadFilter,
    Column,
    HouseholdRow,
    load_rows,
    search_keys,
)
from simoncer_desktop.store import Database

log = logging.getLogger(__name__)

HouseholdIdRole = Qt.ItemDataRole.UserRole + 1
"""The family's id (UUID string) — what services take."""
RowKeyRole = Qt.ItemDataRole.UserRole + 2
"""The family's local rowid (int) — what the model pages by."""

NUMERIC_COLUMNS = frozenset({Column.MEMBERS, Column.DESIL})

AnyIndex = QModelIndex | QPersistentModelIndex


class HouseholdTableModel(QAbstractTableModel):
    """Rows of ``HouseholdRow``; columns are ``caseload_query.Column``."""

    count_changed = Signal(int)
    """The number of matching families, after every re-query."""

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        page_size: int = 100,
        max_pages: int = 20,
        caseload_filter: CaseloadFilter | None = None,
    ) -> None:
        super().__init__(parent)
        if page_size < 1 or max_pages < 1:
            raise ValueError("page_size and max_pages must be positive")
        self._db = db
        self.page_size = page_size
        self.max_pages = max_pages
        self._filter = caseload_filter or CaseloadFilter()
        self._keys: list[int] = []
        self._pages: OrderedDict[int, list[HouseholdRow | None]] = OrderedDict()
        self.rows_loaded_total = 0
        """Rows fetched from the database since the model was made (benchmarks read it)."""
        self.queries = 0
        """``search_keys`` calls since the model was made."""
        self.refresh()

    # --- state --------------------------------------------------------------------------------

    @property
    def caseload_filter(self) -> CaseloadFilter:
        return self._filter

    @property
    def cached_row_count(self) -> int:
        """Rows currently held in the page cache (bounded by ``max_pages × page_size``)."""
        return sum(len(page) for page in self._pages.values())

    def set_filter(self, caseload_filter: CaseloadFilter) -> None:
        """Show the families matching ``caseload_filter``; the model keeps its own sort column and order."""
        new = caseload_filter.with_(sort=self._filter.sort, descending=self._filter.descending)
        if new != self._filter:
            self._filter = new
            self.refresh()

    def refresh(self) -> None:
        """Re-run the query (after an edit elsewhere) and drop every cached page."""
        self.beginResetModel()
        with self._db.read() as session:
            self._keys = search_keys(session, self._filter)
        self.queries += 1
        self._pages.clear()
        self.endResetModel()
        if self._keys:
            self._page(0)  # the first screenful is needed at once; load it with the query
        self.count_changed.emit(len(self._keys))

    def row_of_key(self, key: int) -> int:
        """The row showing the family with rowid ``key``, or -1."""
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def is_loaded(self, row: int) -> bool:
        return row // self.page_size in self._pages

    def row_at(self, row: int) -> HouseholdRow | None:
        """The family shown in ``row`` (loads its page if needed)."""
        if not 0 <= row < len(self._keys):
            return None
        page = self._page(row // self.page_size)
        return page[row % self.page_size]

    def household_id(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.id if found else None

    # --- paging -------------------------------------------------------------------------------

    def _page(self, number: int) -> list[HouseholdRow | None]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        keys = self._keys[number * self.page_size : (number + 1) * self.page_size]
        with self._db.read() as session:
            rows = load_rows(session, keys)
        by_key = {r.key: r for r in rows}
        page = [by_key.get(k) for k in keys]  # None: deleted since the query ran
        self.rows_loaded_total += len(rows)
        self._pages[number] = page
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return page

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in NUMERIC_COLUMNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == RowKeyRole:
            return self._keys[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, HouseholdIdRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == HouseholdIdRole:
            return row.id
        value = row.value(column)
        if value is None:
            return ""
        return str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("caseload", COLUMN_TITLES[Column(section)])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL: every column is sortable; ties are ordered by No. KK."""
        new = self._filter.with_(sort=Column(column), descending=order == Qt.SortOrder.DescendingOrder)
        if new != self._filter:
            self._filter = new
            self.refresh()
