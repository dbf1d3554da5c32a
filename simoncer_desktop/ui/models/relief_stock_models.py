"""Tables of the relief stock tab and its dialogs: relief items with their balance, the stock card of an
item, the entitlement indexes, the entitlements of an event and the lines due to a family. Plain data from
the services; the lists are short (tens to a few thousand rows), so rows are kept in memory."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from simoncer_desktop.models.enums import DamageLevel, EntitlementBasis, StockMovementKind, StockSource
from simoncer_desktop.services.relief_distribution import DueLine, EventEntitlementView
from simoncer_desktop.services.relief_reference import EntitlementView, ItemView
from simoncer_desktop.services.relief_stock import StockLine
from simoncer_desktop.ui.format import day, rupiah, thousands

RowRole = Qt.ItemDataRole.UserRole + 40
"""The row's service dataclass."""

AnyIndex = QModelIndex | QPersistentModelIndex
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
R = TypeVar("R")


translate = QCoreApplication.translate


def label_of(enum: type[DamageLevel | EntitlementBasis | StockSource | StockMovementKind], code: str | None) -> str:
    if not code:
        return ""
    try:
        return enum(code).label
    except ValueError:
        return code


def value_text(kind: str, value: int | None, unit: str) -> str:
    """``Rp 15.000`` for cash, ``10 kg`` for goods."""
    if value is None:
        return ""
    return rupiah(value) if kind == "uang" else f"{thousands(value)} {unit}".strip()


class _RowsModel(QAbstractTableModel, Generic[R]):
    """A read-only table of ``rows``; subclasses give ``columns``, ``titles``, ``cell`` and the right-aligned
    (number) columns."""

    columns: type[IntEnum]
    numeric: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def titles(self) -> dict[int, str]:
        raise NotImplementedError

    def cell(self, row: R, column: int) -> str:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if index.column() in self.numeric else LEFT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles().get(section)
        return None


class ItemColumn(IntEnum):
    CODE = 0
    NAME = 1
    UNIT = 2
    BALANCE = 3


class ItemsModel(_RowsModel[ItemView]):
    columns = ItemColumn
    numeric = frozenset({ItemColumn.BALANCE})

    def titles(self) -> dict[int, str]:
        return {
            ItemColumn.CODE: translate("ReliefStock", "Kode"),
            ItemColumn.NAME: translate("ReliefStock", "Nama"),
            ItemColumn.UNIT: translate("ReliefStock", "Satuan"),
            ItemColumn.BALANCE: translate("ReliefStock", "Stok"),
        }

    def cell(self, row: ItemView, column: int) -> str:
        return (row.code, row.name, row.unit, thousands(row.balance))[column]

    def row_of(self, item_id: str | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == item_id), -1)


class CardColumn(IntEnum):
    DATE = 0
    KIND = 1
    QUANTITY = 2
    SOURCE = 3
    DOCUMENT = 4
    EVENT = 5
    BALANCE = 6


class StockCardModel(_RowsModel[StockLine]):
    columns = CardColumn
    numeric = frozenset({CardColumn.QUANTITY, CardColumn.BALANCE})

    def titles(self) -> dict[int, str]:
        return {
            CardColumn.DATE: translate("ReliefStock", "Tanggal"),
            CardColumn.KIND: translate("ReliefStock", "Jenis"),
            CardColumn.QUANTITY: translate("ReliefStock", "Jumlah"),
            CardColumn.SOURCE: translate("ReliefStock", "Sumber / penerima"),
            CardColumn.DOCUMENT: translate("ReliefStock", "Dokumen"),
            CardColumn.EVENT: translate("ReliefStock", "Kejadian"),
            CardColumn.BALANCE: translate("ReliefStock", "Saldo"),
        }

    def cell(self, row: StockLine, column: int) -> str:
        receipt = row.kind == StockMovementKind.RECEIPT
        quantity = thousands(row.quantity) if receipt else f"−{thousands(row.quantity)}"
        source = label_of(StockSource, row.source) if receipt else row.recipient
        return (
            day(row.moved_on),
            label_of(StockMovementKind, row.kind),
            quantity,
            source,
            row.document_no,
            row.event_title,
            thousands(row.balance_after),
        )[column]


class IndexColumn(IntEnum):
    NAME = 0
    KIND = 1
    BASIS = 2
    VALUE = 3
    CONDITION = 4
    VALID_FROM = 5


def condition_text(min_damage: str, only_displaced: bool) -> str:
    parts = []
    if min_damage and min_damage != DamageLevel.NONE:
        parts.append(translate("ReliefStock", "minimal %s") % label_of(DamageLevel, min_damage).lower())
    if only_displaced:
        parts.append(translate("ReliefStock", "hanya pengungsi"))
    return ", ".join(parts)


class EntitlementsModel(_RowsModel[EntitlementView]):
    """The indexes in force (for the *Indeks bantuan* editor)."""

    columns = IndexColumn
    numeric = frozenset({IndexColumn.VALUE})

    def titles(self) -> dict[int, str]:
        return {
            IndexColumn.NAME: translate("ReliefStock", "Bantuan"),
            IndexColumn.KIND: translate("ReliefStock", "Jenis"),
            IndexColumn.BASIS: translate("ReliefStock", "Dasar"),
            IndexColumn.VALUE: translate("ReliefStock", "Nilai"),
            IndexColumn.CONDITION: translate("ReliefStock", "Syarat"),
            IndexColumn.VALID_FROM: translate("ReliefStock", "Berlaku mulai"),
        }

    def cell(self, row: EntitlementView, column: int) -> str:
        return (
            row.name,
            translate("ReliefStock", "Uang") if row.kind == "uang" else translate("ReliefStock", "Barang"),
            label_of(EntitlementBasis, row.basis),
            value_text(row.kind, row.amount, row.unit),
            condition_text(row.min_damage, row.only_displaced),
            day(row.valid_from),
        )[column]

    def row_of(self, code: str | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)


class AppliedColumn(IntEnum):
    NAME = 0
    BASIS = 1
    VALUE = 2
    DAYS = 3
    GIVEN = 4


class EventEntitlementsModel(_RowsModel[EventEntitlementView]):
    """The entitlements applied to an event (value copied on the event's date)."""

    columns = AppliedColumn
    numeric = frozenset({AppliedColumn.VALUE, AppliedColumn.DAYS, AppliedColumn.GIVEN})

    def titles(self) -> dict[int, str]:
        return {
            AppliedColumn.NAME: translate("ReliefStock", "Bantuan"),
            AppliedColumn.BASIS: translate("ReliefStock", "Dasar"),
            AppliedColumn.VALUE: translate("ReliefStock", "Nilai"),
            AppliedColumn.DAYS: translate("ReliefStock", "Hari"),
            AppliedColumn.GIVEN: translate("ReliefStock", "Sudah disalurkan"),
        }

    def cell(self, row: EventEntitlementView, column: int) -> str:
        per_day = row.basis == EntitlementBasis.PER_PERSON_DAY
        return (
            row.name,
            label_of(EntitlementBasis, row.basis),
            value_text(row.kind, row.amount, row.unit),
            str(row.days) if per_day else "",
            thousands(row.distributions),
        )[column]


class DueColumn(IntEnum):
    BENEFICIARY = 0
    ENTITLEMENT = 1
    VALUE = 2
    STATUS = 3


def given_text(line: DueLine) -> str:
    given = line.distribution
    if given is None:
        return translate("ReliefStock", "Belum")
    text = translate("ReliefStock", "Sudah %s oleh %s, diterima %s")
    return text % (day(given.distributed_on), given.officer, given.recipient_name)


class DueModel(_RowsModel[DueLine]):
    """What a family and its people are entitled to, and whether it was already given."""

    columns = DueColumn
    numeric = frozenset({DueColumn.VALUE})

    def titles(self) -> dict[int, str]:
        return {
            DueColumn.BENEFICIARY: translate("ReliefStock", "Penerima manfaat"),
            DueColumn.ENTITLEMENT: translate("ReliefStock", "Bantuan"),
            DueColumn.VALUE: translate("ReliefStock", "Hak"),
            DueColumn.STATUS: translate("ReliefStock", "Penyaluran"),
        }

    def cell(self, row: DueLine, column: int) -> str:
        ee = row.event_entitlement
        value = row.amount if ee.kind == "uang" else row.quantity
        return (row.beneficiary_name, ee.name, value_text(ee.kind, value, ee.unit), given_text(row))[column]

    def first_open(self) -> int:
        """The first line not given yet (or -1)."""
        return next((i for i, r in enumerate(self._rows) if r.distribution is None), -1)
