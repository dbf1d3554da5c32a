"""The rows of the targets dashboard (``services.graduation_targets``): a small table (a few hundred rows
at most), sorted in memory."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from simoncer_desktop.services.graduation_targets import TargetRow
from simoncer_desktop.ui.format import thousands

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``TargetRow`` of an index."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class TargetColumn(IntEnum):
    NAME = 0
    KECAMATAN = 1
    TARGET = 2
    PROPOSED = 3
    APPROVED = 4
    PIPELINE = 5
    PERCENT = 6


TITLES = {
    # Bahasa source texts, translated by headerData at run time.
    TargetColumn.NAME: QT_TRANSLATE_NOOP("TargetTableModel", "Nama"),
    TargetColumn.KECAMATAN: QT_TRANSLATE_NOOP("TargetTableModel", "Kecamatan"),
    TargetColumn.TARGET: QT_TRANSLATE_NOOP("TargetTableModel", "Target"),
    TargetColumn.PROPOSED: QT_TRANSLATE_NOOP("TargetTableModel", "Diusulkan"),
    TargetColumn.APPROVED: QT_TRANSLATE_NOOP("TargetTableModel", "Disetujui"),
    TargetColumn.PIPELINE: QT_TRANSLATE_NOOP("TargetTableModel", "Dalam proses"),
    TargetColumn.PERCENT: QT_TRANSLATE_NOOP("TargetTableModel", "% target"),
}

NUMBERS = {TargetColumn.TARGET, TargetColumn.PROPOSED, TargetColumn.APPROVED, TargetColumn.PIPELINE}


def percent_text(value: float | None) -> str:
    return "–" if value is None else f"{round(value)}%"


def sort_value(row: TargetRow, column: int) -> object:
    match column:
        case TargetColumn.NAME:
            return row.name.casefold()
        case TargetColumn.KECAMATAN:
            return (row.kecamatan.casefold(), row.name.casefold())
        case TargetColumn.TARGET:
            return row.target
        case TargetColumn.PROPOSED:
            return row.proposed
        case TargetColumn.APPROVED:
            return row.approved
        case TargetColumn.PIPELINE:
            return row.in_pipeline
        case _:
            return -1.0 if row.percent is None else row.percent


class TargetTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TargetRow] = []
        self._service_order: list[TargetRow] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- data ---------------------------------------------------------------------------------

    def set_rows(self, rows: list[TargetRow]) -> None:
        self.beginResetModel()
        self._service_order = list(rows)
        self._rows = list(rows)
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    @property
    def rows(self) -> list[TargetRow]:
        """The rows in display order."""
        return list(self._rows)

    def row_at(self, row: int) -> TargetRow:
        return self._rows[row]

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TargetColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TargetTableModel", TITLES[TargetColumn(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = TargetColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case TargetColumn.NAME:
                    return row.name
                case TargetColumn.KECAMATAN:
                    return row.kecamatan
                case TargetColumn.TARGET:
                    return thousands(row.target)
                case TargetColumn.PROPOSED:
                    return thousands(row.proposed)
                case TargetColumn.APPROVED:
                    return thousands(row.approved)
                case TargetColumn.PIPELINE:
                    return thousands(row.in_pipeline)
                case TargetColumn.PERCENT:
                    return percent_text(row.percent)
        if role == Qt.ItemDataRole.TextAlignmentRole and (column in NUMBERS or column == TargetColumn.PERCENT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return sort_value(row, column)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = None if column < 0 else (column, order)
        self._rows = list(self._service_order)
        if self._sort is not None:
            self._apply_sort(column, order)
        self.endResetModel()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        # Stable: ties keep the service's order (kecamatan, then name).
        descending = order == Qt.SortOrder.DescendingOrder
        self._rows.sort(key=lambda r: sort_value(r, column), reverse=descending)  # type: ignore[arg-type, return-value]
