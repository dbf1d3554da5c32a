"""The audit trail as table models.

``AuditTableModel`` (the *Jejak Audit* page) pages through ``services.audit.search``: the count and the
first page on every filter change, then ``fetchMore`` adds the next page (keyset paging after the last
entry shown, so entries recorded meanwhile neither repeat nor shift rows). ``HouseholdHistoryModel`` is
one family's (short) history, all at once. Both show values as ``services.audit_labels`` writes them;
the tooltip and ``detail_text`` carry the full old and new values.
"""

from __future__ import annotations

import logging
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from simoncer_desktop.models.enums import AuditAction
from simoncer_desktop.services import audit
from simoncer_desktop.services.audit import AuditFilter, AuditView
from simoncer_desktop.services.audit_labels import (
    action_label,
    change_text,
    entity_label,
    field_label,
    ordered_items,
    time_text,
    value_text,
)
from simoncer_desktop.store import Database

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

EntryRole = Qt.ItemDataRole.UserRole + 1
"""The row's ``AuditView``."""

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TIME = 0
    USER = 1
    DEVICE = 2
    ENTITY = 3
    HOUSEHOLD = 4
    ACTION = 5
    FIELD = 6
    OLD = 7
    NEW = 8
    NOTE = 9
    ID = 10
    CHANGE = 11
    """Old → new in one cell (a family's history)."""


COLUMN_TITLES: dict[Column, str] = {
    # Bahasa source texts; headerData translates them at run time (context "audit").
    Column.TIME: QT_TRANSLATE_NOOP("audit", "Waktu"),
    Column.USER: QT_TRANSLATE_NOOP("audit", "Pengguna"),
    Column.DEVICE: QT_TRANSLATE_NOOP("audit", "Perangkat"),
    Column.ENTITY: QT_TRANSLATE_NOOP("audit", "Data"),
    Column.HOUSEHOLD: QT_TRANSLATE_NOOP("audit", "Keluarga"),
    Column.ACTION: QT_TRANSLATE_NOOP("audit", "Aksi"),
    Column.FIELD: QT_TRANSLATE_NOOP("audit", "Kolom"),
    Column.OLD: QT_TRANSLATE_NOOP("audit", "Nilai lama"),
    Column.NEW: QT_TRANSLATE_NOOP("audit", "Nilai baru"),
    Column.NOTE: QT_TRANSLATE_NOOP("audit", "Catatan"),
    Column.ID: QT_TRANSLATE_NOOP("audit", "ID"),
    Column.CHANGE: QT_TRANSLATE_NOOP("audit", "Lama → baru"),
}

MAX_CELL = 200
"""Characters shown in a cell; the tooltip and the detail pane have the whole value."""


def cell_text(entry: AuditView, column: Column) -> str:
    if column is Column.TIME:
        return time_text(entry.at)
    if column is Column.USER:
        return entry.user_name
    if column is Column.DEVICE:
        return entry.device_id
    if column is Column.ENTITY:
        return entity_label(entry.entity)
    if column is Column.HOUSEHOLD:
        return entry.household_no_kk or entry.household_id or ""
    if column is Column.ACTION:
        return action_label(entry.action)
    if column is Column.FIELD:
        return field_label(entry.entity, entry.field, entry.action)
    if column is Column.OLD:
        return value_text(entry.old_value, entry.entity, entry.field)
    if column is Column.NEW:
        return value_text(entry.new_value, entry.entity, entry.field)
    if column is Column.NOTE:
        return entry.note
    if column is Column.CHANGE:
        if entry.action is AuditAction.CREATE:
            return value_text(entry.new_value, entry.entity, entry.field)
        return change_text(entry.old_value, entry.new_value, entry.entity, entry.field)
    return entry.entity_id


def _value_lines(value: object, entry: AuditView) -> str:
    """A value for the detail pane: a new record's columns one per line."""
    if isinstance(value, dict):
        lines = []
        for key, inner in ordered_items(entry.entity, value):
            text = value_text(inner, entry.entity, str(key))
            if text != "":
                lines.append(f"  {field_label(entry.entity, str(key))}: {text}")
        return "\n" + "\n".join(lines) if lines else ""
    return value_text(value, entry.entity, entry.field)


def _line(label: str, value: object) -> str:
    return f"{label}: {value}"


def detail_text(entry: AuditView) -> str:
    """Everything about one entry, one item per line (the page's detail pane, the tooltip)."""
    lines = [
        _line(translate("audit", "Waktu"), time_text(entry.at)),
        _line(translate("audit", "Pengguna"), entry.user_name),
        _line(translate("audit", "Perangkat"), entry.device_id or "-"),
        _line(translate("audit", "Data"), f"{entity_label(entry.entity)} ({entry.entity_id})"),
    ]
    if entry.household_id:
        lines.append(_line(translate("audit", "Keluarga"), entry.household_no_kk or entry.household_id))
    lines.append(_line(translate("audit", "Aksi"), action_label(entry.action)))
    label = field_label(entry.entity, entry.field, entry.action)
    if label:
        lines.append(_line(translate("audit", "Kolom"), label))
    if entry.old_value is not None:
        lines.append(_line(translate("audit", "Nilai lama"), _value_lines(entry.old_value, entry)))
    if entry.new_value is not None:
        lines.append(_line(translate("audit", "Nilai baru"), _value_lines(entry.new_value, entry)))
    if entry.note:
        lines.append(_line(translate("audit", "Catatan"), entry.note))
    return "\n".join(lines)


def _short(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


class _EntriesModel(QAbstractTableModel):
    """Rows of ``AuditView`` over ``columns``."""

    columns: tuple[Column, ...] = tuple(c for c in Column if c is not Column.CHANGE)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditView] = []

    def entry(self, row: int) -> AuditView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def entries(self) -> list[AuditView]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return _short(cell_text(entry, self.columns[index.column()]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return detail_text(entry)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("audit", COLUMN_TITLES[self.columns[section]])
        return None


class AuditTableModel(_EntriesModel):
    """The entries matching a filter, newest first, loaded ``page_size`` at a time."""

    count_changed = Signal(int)
    """The number of matching entries, after every re-query."""

    def __init__(self, db: Database, parent: QObject | None = None, *, page_size: int = audit.PAGE_SIZE) -> None:
        super().__init__(parent)
        if page_size < 1:
            raise ValueError("page_size must be positive")
        self._db = db
        self.page_size = page_size
        self._filter = AuditFilter()
        self.total = 0
        self.pages_loaded = 0
        """Pages read since the last re-query (tests and the status line read it)."""

    @property
    def audit_filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, audit_filter: AuditFilter) -> None:
        """Show the entries matching ``audit_filter`` (re-queries even when unchanged: new entries)."""
        self._filter = audit_filter
        self.refresh()

    def refresh(self) -> None:
        """Count and load the first page; a refusal (``PermissionDeniedError``) leaves the table empty
        and is raised to the caller."""
        self.beginResetModel()
        self._rows = []
        self.total = 0
        self.pages_loaded = 0
        try:
            with self._db.read() as session:
                self.total = audit.count(session, self._filter)
                self._rows = audit.search(session, self._filter, limit=self.page_size)
            self.pages_loaded = 1
        finally:
            self.endResetModel()
            self.count_changed.emit(self.total)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.total = 0
        self.endResetModel()
        self.count_changed.emit(0)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._rows) and len(self._rows) < self.total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        last = self._rows[-1]
        with self._db.read() as session:
            more = audit.search(session, self._filter, limit=self.page_size, after=(last.at, last.id))
        if not more:
            self.total = len(self._rows)  # fewer than counted (cannot shrink, but never loop)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()
        self.pages_loaded += 1


class HouseholdHistoryModel(_EntriesModel):
    """One family's history (oldest first, as ``history_of_household`` gives it)."""

    columns = (Column.TIME, Column.USER, Column.DEVICE, Column.ENTITY, Column.ACTION, Column.FIELD, Column.CHANGE)

    def set_entries(self, entries: list[AuditView]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()
