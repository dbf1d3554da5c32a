"""The two tables of the *Kualitas Data* page: every kind of problem with its count, and the findings of
the kind chosen. Both hold plain data from ``services.data_quality`` (no queries here); the findings
of one kind are at most a few tens of thousands of small rows, so they are kept in memory and sorted
in Python."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from simoncer_desktop.services.data_quality import Finding, Kind, QualityReport
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.models.household_table_model import HouseholdIdRole

KindRole = Qt.ItemDataRole.UserRole + 10
"""The row's ``Kind``."""
FindingRole = Qt.ItemDataRole.UserRole + 11
"""The row's ``Finding``."""

AnyIndex = QModelIndex | QPersistentModelIndex

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


translate = QCoreApplication.translate


class KindColumn(IntEnum):
    KIND = 0
    COUNT = 1


class KindCountModel(QAbstractTableModel):
    """One row per ``Kind``, always in the same order; a new report only changes the counts (so the
    view keeps its selection)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kinds = list(Kind)
        self._counts: dict[Kind, int] | None = None
        self._titles = {
            KindColumn.KIND: translate("DataQuality", "Jenis masalah"),
            KindColumn.COUNT: translate("DataQuality", "Jumlah"),
        }

    def set_report(self, report: QualityReport) -> None:
        self._counts = dict(report.counts)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._kinds) - 1, len(KindColumn) - 1))

    def count(self, kind: Kind) -> int | None:
        """None before the first check."""
        return None if self._counts is None else self._counts.get(kind, 0)

    def kind_at(self, row: int) -> Kind | None:
        return self._kinds[row] if 0 <= row < len(self._kinds) else None

    def row_of(self, kind: Kind) -> int:
        return self._kinds.index(kind)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._kinds)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(KindColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        kind = self._kinds[index.row()]
        column = KindColumn(index.column())
        count = self.count(kind)
        if role == KindRole:
            return kind
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KindColumn.KIND:
                return kind.label  # the service's words (Bahasa Indonesia)
            return "…" if count is None else thousands(count)
        if role == Qt.ItemDataRole.ToolTipRole:
            return kind.explanation
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column == KindColumn.COUNT else LEFT
        if role == Qt.ItemDataRole.FontRole and count:
            font = QFont()
            font.setBold(True)  # the number says it too: weight is never the only sign
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[KindColumn(section)]
        return None


class FindingColumn(IntEnum):
    NO_KK = 0
    RECIPIENT = 1
    MEMBER = 2
    NIK = 3
    MESSAGE = 4


def _value(finding: Finding, column: FindingColumn) -> str:
    return {
        FindingColumn.NO_KK: finding.no_kk,
        FindingColumn.RECIPIENT: finding.recipient_name,
        FindingColumn.MEMBER: finding.member_name or "",
        FindingColumn.NIK: finding.nik or "",
        FindingColumn.MESSAGE: finding.message,
    }[column]


class FindingTableModel(QAbstractTableModel):
    """The findings of one kind, in the service's order (duplicates next to each other) until a header
    is clicked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._original: list[Finding] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._titles = {
            FindingColumn.NO_KK: translate("DataQuality", "No. KK"),
            FindingColumn.RECIPIENT: translate("DataQuality", "Pengurus"),
            FindingColumn.MEMBER: translate("DataQuality", "Anggota"),
            FindingColumn.NIK: translate("DataQuality", "NIK"),
            FindingColumn.MESSAGE: translate("DataQuality", "Keterangan"),
        }

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._original = list(findings)
        self._findings = self._sorted(self._original)
        self.endResetModel()

    def finding_at(self, row: int) -> Finding | None:
        return self._findings[row] if 0 <= row < len(self._findings) else None

    def row_of(self, household_id: str, member_id: str | None = None) -> int:
        """The first row about this family (and member, when given), or -1."""
        for row, f in enumerate(self._findings):
            if f.household_id == household_id and (member_id is None or f.member_id == member_id):
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FindingColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        finding = self._findings[index.row()]
        if role == HouseholdIdRole:
            return finding.household_id
        if role == FindingRole:
            return finding
        if role == Qt.ItemDataRole.DisplayRole:
            return _value(finding, FindingColumn(index.column()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding.message  # the whole sentence, whatever the column's width
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[FindingColumn(section)]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = None if column < 0 else (column, order)  # -1: the service's order again
        self._findings = self._sorted(self._original)
        self.endResetModel()

    def _sorted(self, findings: list[Finding]) -> list[Finding]:
        if self._sort is None:
            return list(findings)
        column, order = self._sort
        return sorted(
            findings,
            key=lambda f: (_value(f, FindingColumn(column)).casefold(), f.no_kk),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
