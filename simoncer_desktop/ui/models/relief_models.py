"""Tables of the *Bencana* page: the events list, one event's affected families, and the editable victims
of the registration form. An event has at most a few thousand families, so rows are kept in memory."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from simoncer_desktop.models.enums import DamageLevel, EventStatus, InjuryLevel, Relationship
from simoncer_desktop.services.relief_events import EventRow
from simoncer_desktop.services.relief_victims import FamilyRow, VictimInput

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ERROR_BACKGROUND = QColor("#fde7e9")
IdRole = Qt.ItemDataRole.UserRole + 40
"""The row's id (event or family)."""


translate = QCoreApplication.translate


class _RowsModel(QAbstractTableModel):
    """Read-only rows with an ``id``; subclasses give ``titles`` and ``value(row, column)``."""

    numeric: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self.titles: dict[int, str] = {}

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: str | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles.get(section)
        return None

    def value(self, row: Any, column: int) -> object:
        raise NotImplementedError

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.value(row, index.column())
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return RIGHT
        if role == IdRole:
            return row.id
        return None


class EventColumn(IntEnum):
    CODE = 0
    KIND = 1
    TITLE = 2
    WHEN = 3
    KECAMATAN = 4
    AREAS = 5
    STATUS = 6
    FAMILIES = 7
    PEOPLE = 8
    DISPLACED = 9
    INJURED = 10
    DECEASED = 11


class EventTableModel(_RowsModel):
    numeric = frozenset(range(EventColumn.FAMILIES, EventColumn.DECEASED + 1))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.titles = {
            EventColumn.CODE: translate("Relief", "Kode"),
            EventColumn.KIND: translate("Relief", "Jenis"),
            EventColumn.TITLE: translate("Relief", "Judul"),
            EventColumn.WHEN: translate("Relief", "Waktu"),
            EventColumn.KECAMATAN: translate("Relief", "Kecamatan"),
            EventColumn.AREAS: translate("Relief", "Wilayah"),
            EventColumn.STATUS: translate("Relief", "Status"),
            EventColumn.FAMILIES: translate("Relief", "Keluarga"),
            EventColumn.PEOPLE: translate("Relief", "Jiwa"),
            EventColumn.DISPLACED: translate("Relief", "Mengungsi"),
            EventColumn.INJURED: translate("Relief", "Luka"),
            EventColumn.DECEASED: translate("Relief", "Meninggal"),
        }

    def value(self, row: EventRow, column: int) -> object:
        return {
            EventColumn.CODE: row.code,
            EventColumn.KIND: row.kind_label,
            EventColumn.TITLE: row.title,
            EventColumn.WHEN: row.occurred_at.strftime("%d-%m-%Y %H:%M"),
            EventColumn.KECAMATAN: row.kecamatan_name,
            EventColumn.AREAS: row.areas_text,
            EventColumn.STATUS: EventStatus(row.status).label,
            EventColumn.FAMILIES: row.families,
            EventColumn.PEOPLE: row.people,
            EventColumn.DISPLACED: row.displaced,
            EventColumn.INJURED: row.injured,
            EventColumn.DECEASED: row.deceased,
        }[EventColumn(column)]


class FamilyColumn(IntEnum):
    HEAD = 0
    NO_KK = 1
    KPM = 2
    KELURAHAN = 3
    DAMAGE = 4
    PEOPLE = 5
    DISPLACED = 6
    INJURED = 7
    DECEASED = 8
    NOTE = 9


class FamilyTableModel(_RowsModel):
    numeric = frozenset(range(FamilyColumn.PEOPLE, FamilyColumn.DECEASED + 1))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.titles = {
            FamilyColumn.HEAD: translate("Relief", "Kepala keluarga"),
            FamilyColumn.NO_KK: translate("Relief", "No. KK"),
            FamilyColumn.KPM: translate("Relief", "KPM"),
            FamilyColumn.KELURAHAN: translate("Relief", "Kelurahan"),
            FamilyColumn.DAMAGE: translate("Relief", "Kerusakan"),
            FamilyColumn.PEOPLE: translate("Relief", "Jiwa"),
            FamilyColumn.DISPLACED: translate("Relief", "Mengungsi"),
            FamilyColumn.INJURED: translate("Relief", "Luka"),
            FamilyColumn.DECEASED: translate("Relief", "Meninggal"),
            FamilyColumn.NOTE: translate("Relief", "Catatan"),
        }

    def value(self, row: FamilyRow, column: int) -> object:
        rt_rw = "/".join(p for p in (f"RT {row.rt}" if row.rt else "", f"RW {row.rw}" if row.rw else "") if p)
        return {
            FamilyColumn.HEAD: row.head_name,
            FamilyColumn.NO_KK: row.no_kk or "-",
            FamilyColumn.KPM: translate("Relief", "KPM") if row.is_kpm else "",
            FamilyColumn.KELURAHAN: f"{row.kelurahan_name} {rt_rw}".strip(),
            FamilyColumn.DAMAGE: DamageLevel(row.damage).label,
            FamilyColumn.PEOPLE: row.people,
            FamilyColumn.DISPLACED: row.displaced,
            FamilyColumn.INJURED: row.injured,
            FamilyColumn.DECEASED: row.deceased,
            FamilyColumn.NOTE: translate("Relief", "Tanpa dokumen") if row.flagged else "",
        }[FamilyColumn(column)]


class VictimColumn(IntEnum):
    NAME = 0
    NIK = 1
    BORN = 2
    SEX = 3
    RELATION = 4
    DISPLACED = 5
    INJURY = 6
    DECEASED = 7
    HEIR = 8
    REASON = 9


VICTIM_FIELDS: dict[str, VictimColumn] = {
    "name": VictimColumn.NAME,
    "nik": VictimColumn.NIK,
    "birth_date": VictimColumn.BORN,
    "sex": VictimColumn.SEX,
    "relation": VictimColumn.RELATION,
    "displaced": VictimColumn.DISPLACED,
    "injury": VictimColumn.INJURY,
    "deceased": VictimColumn.DECEASED,
    "heir_name": VictimColumn.HEIR,
    "heir_nik": VictimColumn.HEIR,
    "no_document_reason": VictimColumn.REASON,
    "member_id": VictimColumn.NAME,
}
"""The column that shows a service message about a victim field."""

CHECK_COLUMNS = frozenset({VictimColumn.DISPLACED, VictimColumn.DECEASED})
CHOICES: dict[int, list[tuple[str, str]]] = {
    VictimColumn.SEX: [("L", "L"), ("P", "P")],
    VictimColumn.RELATION: Relationship.choices(),
    VictimColumn.INJURY: InjuryLevel.choices(),
}
"""Columns edited with a list of (code, label)."""


def parse_date(text: str) -> date | None:
    """``dd-mm-yyyy`` (or with / or .) → a date; None when empty or not a date."""
    cleaned = text.strip().replace("/", "-").replace(".", "-")
    if not cleaned:
        return None
    try:
        return datetime.strptime(cleaned, "%d-%m-%Y").date()
    except ValueError:
        return None


class VictimEditModel(QAbstractTableModel):
    """The victims of the registration form, edited in place; ``errors`` (row → column → message) are
    the service's refusals, shown as a tinted cell with the message as tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.victims: list[VictimInput] = []
        self.errors: dict[int, dict[int, str]] = {}
        self._titles = {
            VictimColumn.NAME: translate("Relief", "Nama *"),
            VictimColumn.NIK: translate("Relief", "NIK"),
            VictimColumn.BORN: translate("Relief", "Lahir (hh-bb-tttt)"),
            VictimColumn.SEX: translate("Relief", "JK *"),
            VictimColumn.RELATION: translate("Relief", "Hubungan"),
            VictimColumn.DISPLACED: translate("Relief", "Mengungsi"),
            VictimColumn.INJURY: translate("Relief", "Luka"),
            VictimColumn.DECEASED: translate("Relief", "Meninggal"),
            VictimColumn.HEIR: translate("Relief", "Ahli waris"),
            VictimColumn.REASON: translate("Relief", "Alasan tanpa NIK"),
        }

    def set_victims(self, victims: list[VictimInput]) -> None:
        self.beginResetModel()
        self.victims = [replace(v) for v in victims]
        self.errors = {}
        self.endResetModel()

    def add_victim(self, victim: VictimInput | None = None) -> int:
        row = len(self.victims)
        self.beginInsertRows(QModelIndex(), row, row)
        self.victims.append(victim or VictimInput(name="", sex="", relation=Relationship.OTHER.value))
        self.endInsertRows()
        return row

    def remove_victim(self, row: int) -> None:
        if 0 <= row < len(self.victims):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.victims[row]
            self.errors = {}
            self.endRemoveRows()

    def set_errors(self, errors: dict[int, dict[int, str]]) -> None:
        self.errors = errors
        if self.victims:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.victims) - 1, len(self._titles) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.victims)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._titles.get(section) if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in CHECK_COLUMNS:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def _text(self, v: VictimInput, column: int) -> str:
        if column == VictimColumn.NAME:
            return v.name
        if column == VictimColumn.NIK:
            return v.nik or ""
        if column == VictimColumn.BORN:
            return v.birth_date.strftime("%d-%m-%Y") if v.birth_date else ""
        if column in CHOICES:
            code = {VictimColumn.SEX: v.sex, VictimColumn.RELATION: v.relation, VictimColumn.INJURY: v.injury}[column]
            return dict(CHOICES[column]).get(code, code)
        if column == VictimColumn.HEIR:
            return v.heir_name
        if column == VictimColumn.REASON:
            return v.no_document_reason
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self.victims):
            return None
        v, column = self.victims[index.row()], index.column()
        error = self.errors.get(index.row(), {}).get(column)
        if role == Qt.ItemDataRole.CheckStateRole and column in CHECK_COLUMNS:
            on = v.displaced if column == VictimColumn.DISPLACED else v.deceased
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(v, column)
        if role == Qt.ItemDataRole.EditRole:
            if column in CHOICES:
                return {VictimColumn.SEX: v.sex, VictimColumn.RELATION: v.relation, VictimColumn.INJURY: v.injury}[
                    column
                ]
            return self._text(v, column)
        if role == Qt.ItemDataRole.ToolTipRole and error:
            return error
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(ERROR_BACKGROUND)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not 0 <= index.row() < len(self.victims):
            return False
        v, column = self.victims[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in CHECK_COLUMNS:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if column == VictimColumn.DISPLACED:
                v.displaced = checked
            else:
                v.deceased = checked
        elif role == Qt.ItemDataRole.EditRole:
            text = str(value or "").strip()
            if column == VictimColumn.NAME:
                v.name = text
            elif column == VictimColumn.NIK:
                v.nik = text.replace(" ", "") or None
            elif column == VictimColumn.BORN:
                v.birth_date = parse_date(text)
            elif column == VictimColumn.SEX:
                v.sex = text.upper()
            elif column == VictimColumn.RELATION:
                v.relation = text
            elif column == VictimColumn.INJURY:
                v.injury = text
            elif column == VictimColumn.HEIR:
                v.heir_name = text
            elif column == VictimColumn.REASON:
                v.no_document_reason = text
            else:
                return False
        else:
            return False
        self.errors.get(index.row(), {}).pop(column, None)
        self.dataChanged.emit(index, index)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box over (code, label) pairs for the JK, Hubungan and Luka columns."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for code, label in CHOICES[index.column()]:
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: object, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        index.model().setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
