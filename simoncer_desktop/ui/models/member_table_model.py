"""The members of one family, for the family dialog (a handful of rows: no paging)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from simoncer_desktop.models.enums import Education, Relationship
from simoncer_desktop.services.caseload import MemberInput, MemberView
from simoncer_desktop.services.components import age_on
from simoncer_desktop.ui.format import day

MemberIdRole = Qt.ItemDataRole.UserRole + 1


class MemberColumn(IntEnum):
    NAME = 0
    NIK = 1
    RELATION = 2
    SEX = 3
    BIRTH = 4
    EDUCATION = 5
    COMPONENTS = 6
    RECIPIENT = 7
    DECEASED = 8


@dataclass(frozen=True)
class MemberLine:
    """One member as the dialog holds it: saved (``id`` set) or still only in the dialog (``id`` None)."""

    data: MemberInput
    id: str | None = None
    components: tuple[str, ...] = ()

    @classmethod
    def from_view(cls, view: MemberView) -> MemberLine:
        return cls(view.to_input(), view.id, view.components)


AnyIndex = QModelIndex | QPersistentModelIndex


class MemberTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._lines: list[MemberLine] = []
        self._today = today or date.today()
        self._titles = {
            MemberColumn.NAME: self.tr("Nama"),
            MemberColumn.NIK: self.tr("NIK"),
            MemberColumn.RELATION: self.tr("Hubungan"),
            MemberColumn.SEX: self.tr("JK"),
            MemberColumn.BIRTH: self.tr("Tgl lahir (umur)"),
            MemberColumn.EDUCATION: self.tr("Pendidikan"),
            MemberColumn.COMPONENTS: self.tr("Komponen"),
            MemberColumn.RECIPIENT: self.tr("Pengurus"),
            MemberColumn.DECEASED: self.tr("Meninggal"),
        }

    @property
    def lines(self) -> list[MemberLine]:
        return list(self._lines)

    def set_lines(self, lines: list[MemberLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> MemberLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MemberColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == MemberIdRole:
            return line.id
        column = MemberColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MemberColumn.RECIPIENT, MemberColumn.DECEASED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == MemberColumn.DECEASED:
            m = line.data
            return self.tr("Meninggal %s") % day(m.death_date) if m.deceased and m.death_date else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._text(line, column)

    def _text(self, line: MemberLine, column: MemberColumn) -> str:
        m = line.data
        if column == MemberColumn.NAME:
            return m.name
        if column == MemberColumn.NIK:
            return m.nik
        if column == MemberColumn.RELATION:
            return Relationship(m.relation).label
        if column == MemberColumn.SEX:
            return m.sex
        if column == MemberColumn.BIRTH:
            if m.birth_date is None:
                return ""
            return self.tr("%s (%d th)") % (day(m.birth_date), age_on(m.birth_date, self._today))
        if column == MemberColumn.EDUCATION:
            label = Education(m.education).label
            return self.tr("%s, sekolah") % label if m.in_school else label
        if column == MemberColumn.COMPONENTS:
            return ", ".join(line.components)
        if column == MemberColumn.RECIPIENT:
            return "✓" if m.is_recipient else ""
        return self.tr("Ya") if m.deceased else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[MemberColumn(section)]
        return None
