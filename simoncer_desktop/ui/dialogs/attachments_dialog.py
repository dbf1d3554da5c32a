"""*Lampiran*: the photos and scans of an event, or of an affected family and each of its people.

The operator chooses whose attachments to see (the family, or one victim) and attaches through the
shared ``AttachmentsPanel``; nothing else is saved by this dialog, so *Tutup* and Esc just close it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from simoncer_desktop.store import Database
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.attachments_panel import AttachmentsPanel


@dataclass(frozen=True)
class Owner:
    """A record that can carry attachments, as the operator sees it."""

    label: str
    kind: str
    """``AttachmentOwner`` code."""
    id: str


class AttachmentsDialog(QDialog):
    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        owners: Sequence[Owner],
        actor: Callable[[], str],
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.owners = list(owners)
        self.owner_combo = QComboBox()
        for owner in self.owners:
            self.owner_combo.addItem(owner.label)
        self.panel = AttachmentsPanel(db, tasks, self, actor=actor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Lampiran milik"), self.owner_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.owner_combo.currentIndexChanged.connect(self._owner_chosen)
        self.owner_combo.setVisible(len(self.owners) > 1)
        form.labelForField(self.owner_combo).setVisible(len(self.owners) > 1)
        self.resize(620, 420)
        self._owner_chosen(0)

    def _owner_chosen(self, index: int) -> None:
        owner = self.owners[index] if 0 <= index < len(self.owners) else None
        self.panel.set_owner(owner.kind if owner else None, owner.id if owner else None)
