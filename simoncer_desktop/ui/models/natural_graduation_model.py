"""The proposals of one natural-graduation run (*Graduasi alamiah* tab). Plain data from
``services.natural_graduation`` (no queries here); a run holds at most a few thousand rows, so they are
kept in memory."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from simoncer_desktop.services.natural_graduation import APPROVED, REJECTED, ProposalView
from simoncer_desktop.ui.models.household_table_model import HouseholdIdRole

ProposalRole = Qt.ItemDataRole.UserRole + 20
"""The row's ``ProposalView``."""

AnyIndex = QModelIndex | QPersistentModelIndex
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


translate = QCoreApplication.translate


def decision_label(decision: str) -> str:
    if decision == APPROVED:
        return translate("NaturalGraduation", "Disetujui")
    if decision == REJECTED:
        return translate("NaturalGraduation", "Ditolak")
    return translate("NaturalGraduation", "Belum diputuskan")


class ProposalColumn(IntEnum):
    NO_KK = 0
    RECIPIENT = 1
    KECAMATAN = 2
    REASONS = 3
    DETAIL = 4
    DECISION = 5


class ProposalTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProposalView] = []
        self._kecamatan: dict[str, str] = {}
        self._titles = {
            ProposalColumn.NO_KK: translate("NaturalGraduation", "No. KK"),
            ProposalColumn.RECIPIENT: translate("NaturalGraduation", "Pengurus"),
            ProposalColumn.KECAMATAN: translate("NaturalGraduation", "Kecamatan"),
            ProposalColumn.REASONS: translate("NaturalGraduation", "Alasan"),
            ProposalColumn.DETAIL: translate("NaturalGraduation", "Detail"),
            ProposalColumn.DECISION: translate("NaturalGraduation", "Keputusan"),
        }

    def set_proposals(self, proposals: list[ProposalView], kecamatan: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(proposals)
        self._kecamatan = dict(kecamatan)
        self.endResetModel()

    @property
    def proposals(self) -> list[ProposalView]:
        return list(self._rows)

    def proposal_at(self, row: int) -> ProposalView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, household_id: str) -> int:
        return next((i for i, p in enumerate(self._rows) if p.household_id == household_id), -1)

    def value(self, proposal: ProposalView, column: ProposalColumn) -> str:
        return {
            ProposalColumn.NO_KK: proposal.no_kk,
            ProposalColumn.RECIPIENT: proposal.recipient_name or "-",
            ProposalColumn.KECAMATAN: self._kecamatan.get(proposal.household_id, ""),
            ProposalColumn.REASONS: proposal.reason_labels,
            ProposalColumn.DETAIL: proposal.detail,
            ProposalColumn.DECISION: decision_label(proposal.decision),
        }[column]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ProposalColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        proposal = self._rows[index.row()]
        column = ProposalColumn(index.column())
        if role == HouseholdIdRole:
            return proposal.household_id
        if role == ProposalRole:
            return proposal
        if role == Qt.ItemDataRole.DisplayRole:
            return self.value(proposal, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{proposal.reason_labels}: {proposal.detail}" if proposal.detail else proposal.reason_labels
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return LEFT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[ProposalColumn(section)]
        return None
