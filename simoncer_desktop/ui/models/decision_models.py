"""Small in-memory tables of the graduation decisions screens: a family's assessment history and the list of
graduasi sejahtera mandiri proposals (at most a few hundred rows each, loaded by a service call)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from simoncer_desktop.services.assessment import AssessmentView
from simoncer_desktop.services.decision_lists import ProposalRow, status_label
from simoncer_desktop.ui.format import day

R = TypeVar("R")
translate = QCoreApplication.translate
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row object (``AssessmentView`` / ``ProposalRow``) of an index."""


def dmy(value: date | None) -> str:
    """``ui.format.day`` with a dash for no date (a table cell)."""
    return day(value) or "–"


def score_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}".replace(".", ",")


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows shown through per-column text functions."""

    def __init__(
        self, titles: Sequence[str], texts: Sequence[Callable[[R], str]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._titles = list(titles)
        self._texts = list(texts)
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts[index.column()](row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None


class HistoryColumn(IntEnum):
    DATE = 0
    VERSION = 1
    SCORE = 2
    CLASS = 3
    CHANGE = 4
    ASSESSOR = 5


def history_model(parent: QObject | None = None) -> RowsModel[AssessmentView]:
    return RowsModel(
        [
            translate("DecisionModels", "Tanggal"),
            translate("DecisionModels", "Versi"),
            translate("DecisionModels", "Skor"),
            translate("DecisionModels", "Kelas"),
            translate("DecisionModels", "Perubahan"),
            translate("DecisionModels", "Petugas"),
        ],
        [
            lambda a: dmy(a.assessed_on),
            lambda a: str(a.version),
            lambda a: score_text(a.score),
            lambda a: a.welfare_class_label,
            lambda a: a.change_label or "–",
            lambda a: a.assessed_by,
        ],
        parent,
    )


class ProposalColumn(IntEnum):
    NO_KK = 0
    RECIPIENT = 1
    PROPOSED_ON = 2
    PROPOSED_BY = 3
    ASSESSMENT = 4
    REASON = 5
    STATUS = 6
    DECIDED = 7
    NOTE = 8


def _assessment_text(p: ProposalRow) -> str:
    if not p.welfare_class_label:
        return "–"
    return f"{p.welfare_class_label} ({score_text(p.score)}, {dmy(p.assessed_on)})"


def _decided_text(p: ProposalRow) -> str:
    return f"{p.decided_by} ({dmy(p.decided_on)})" if p.decided_by else "–"


def proposal_model(parent: QObject | None = None) -> RowsModel[ProposalRow]:
    return RowsModel(
        [
            translate("DecisionModels", "No. KK"),
            translate("DecisionModels", "Pengurus"),
            translate("DecisionModels", "Tgl usulan"),
            translate("DecisionModels", "Diusulkan oleh"),
            translate("DecisionModels", "Asesmen"),
            translate("DecisionModels", "Alasan"),
            translate("DecisionModels", "Status"),
            translate("DecisionModels", "Diputuskan"),
            translate("DecisionModels", "Catatan"),
        ],
        [
            lambda p: p.no_kk,
            lambda p: p.recipient_name or "–",
            lambda p: dmy(p.proposed_on),
            lambda p: p.proposed_by,
            _assessment_text,
            lambda p: p.reason,
            lambda p: status_label(p.status),
            _decided_text,
            lambda p: p.decision_note,
        ],
        parent,
    )
