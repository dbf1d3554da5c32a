"""Tables of the *Kohort dan tahapan* tab: the cohort overview (one row per enrolled family) and the
attendance of one session (a *Hadir* check box per participant). Plain data from the services; a cohort
holds tens of families, so the rows are kept in memory."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from simoncer_desktop.services.programme_lists import MarkRow
from simoncer_desktop.services.programme_overview import CohortRow
from simoncer_desktop.ui.models.household_table_model import HouseholdIdRole

CohortRowRole = Qt.ItemDataRole.UserRole + 30
"""The row's ``CohortRow``."""

AnyIndex = QModelIndex | QPersistentModelIndex
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
BEHIND_COLOUR = QColor("#b3261e")


translate = QCoreApplication.translate


class CohortColumn(IntEnum):
    NO_KK = 0
    RECIPIENT = 1
    PARTICIPANT = 2
    STAGE = 3
    ATTENDANCE = 4
    MISSED = 5
    NOTE = 6


def attendance_text(row: CohortRow) -> str:
    """Attendance of the current stage: ``80 % (4/5)``, or ``-`` before its first session."""
    attended = row.attendance[row.stage]
    if row.complete or not attended.sessions:
        return "-"
    return f"{attended.present / attended.sessions:.0%} ({attended.present}/{attended.sessions})".replace("%", " %")


def note_text(row: CohortRow) -> str:
    """*Tertinggal* in words (the colour only repeats it), or why the family no longer moves."""
    if row.withdrawn_on is not None:
        return translate("Cohort", "Keluar %s") % row.withdrawn_on.strftime("%d-%m-%Y")
    if row.complete:
        return translate("Cohort", "Selesai")
    return translate("Cohort", "Tertinggal") if row.falling_behind else ""


class CohortTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CohortRow] = []
        self._titles = {
            CohortColumn.NO_KK: translate("Cohort", "No. KK"),
            CohortColumn.RECIPIENT: translate("Cohort", "Pengurus"),
            CohortColumn.PARTICIPANT: translate("Cohort", "Peserta"),
            CohortColumn.STAGE: translate("Cohort", "Tahapan"),
            CohortColumn.ATTENDANCE: translate("Cohort", "Kehadiran tahap ini"),
            CohortColumn.MISSED: translate("Cohort", "Sesi terlewat"),
            CohortColumn.NOTE: translate("Cohort", "Keterangan"),
        }

    def set_rows(self, rows: list[CohortRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[CohortRow]:
        return list(self._rows)

    def row_at(self, row: int) -> CohortRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, enrollment_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.enrollment_id == enrollment_id), -1)

    def value(self, row: CohortRow, column: CohortColumn) -> str:
        return {
            CohortColumn.NO_KK: row.no_kk,
            CohortColumn.RECIPIENT: row.recipient_name or "-",
            CohortColumn.PARTICIPANT: row.participant_name,
            CohortColumn.STAGE: row.stage_label if row.complete else f"{row.stage.value}. {row.stage_label}",
            CohortColumn.ATTENDANCE: attendance_text(row),
            CohortColumn.MISSED: str(row.missed_sessions),
            CohortColumn.NOTE: note_text(row),
        }[column]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CohortColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = CohortColumn(index.column())
        if role == HouseholdIdRole:
            return row.household_id
        if role == CohortRowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == CohortColumn.NOTE and row.falling_behind:
            return QBrush(BEHIND_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in (CohortColumn.ATTENDANCE, CohortColumn.MISSED) else LEFT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[CohortColumn(section)]
        return None


class MarkColumn(IntEnum):
    PRESENT = 0
    NO_KK = 1
    PARTICIPANT = 2


class AttendanceModel(QAbstractTableModel):
    """One session's participants, each with a *Hadir* check box (unmarked ones start as absent)."""

    def __init__(self, rows: list[MarkRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)
        self._present = [bool(r.present) for r in rows]
        self._titles = {
            MarkColumn.PRESENT: translate("Cohort", "Hadir"),
            MarkColumn.NO_KK: translate("Cohort", "No. KK"),
            MarkColumn.PARTICIPANT: translate("Cohort", "Peserta"),
        }

    def marks(self) -> dict[str, bool]:
        """``{enrollment_id: present}`` for every row, as ``record_attendance`` takes it."""
        return {r.enrollment_id: p for r, p in zip(self._rows, self._present, strict=True)}

    def set_all(self, present: bool) -> None:
        self._present = [present] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def set_present(self, row: int, present: bool) -> None:
        self._present[row] = present
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def row_of(self, participant_name: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.participant_name == participant_name), -1)

    def present_count(self) -> int:
        return sum(self._present)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MarkColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == MarkColumn.PRESENT:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = MarkColumn(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and column == MarkColumn.PRESENT:
            return Qt.CheckState.Checked if self._present[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == MarkColumn.PRESENT:
                if self._present[index.row()]:
                    return translate("Cohort", "Hadir")
                return translate("Cohort", "Tidak hadir")
            return row.no_kk if column == MarkColumn.NO_KK else row.participant_name
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == MarkColumn.PRESENT and role == Qt.ItemDataRole.CheckStateRole:
            state = value.value if isinstance(value, Qt.CheckState) else value
            self.set_present(index.row(), state == Qt.CheckState.Checked.value)
            return True
        return False

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[MarkColumn(section)]
        return None
