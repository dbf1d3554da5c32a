"""The photos and scans of one relief record (an event, an affected family, a victim or a distribution):
a list with name, caption and size ("berkas hilang" when the file is gone), *Lampirkan…* to add a file
and *Buka* to show it in the system's viewer (a decrypted temporary copy: the stored file is encrypted,
and the panel says where the copy is). The work goes through ``services.attachments`` on the
page's ``TaskRunner``; a refused file (not a photo/PDF, too large, damaged) is explained under the list."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services import attachments as att
from simoncer_desktop.store import Database
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.labels import message_label

log = logging.getLogger(__name__)

VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The item's ``AttachmentView``."""


def _system_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "operator"


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


class AttachmentsPanel(QWidget):
    """``set_owner(kind, id)`` shows that record's attachments; ``added`` fires after a new one."""

    added = Signal(str)

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        actor: Callable[[], str] = _system_user,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._actor = actor
        self._owner: tuple[str, str] | None = None
        self._generation = 0
        self.busy = False
        self.attachments: list[att.AttachmentView] = []
        self.last_opened_copy: Path | None = None
        """The decrypted temporary copy last handed to the system's viewer."""

        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.itemSelectionChanged.connect(self._sync)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.message_label = message_label()
        self.caption_edit = QLineEdit()
        self.caption_edit.setPlaceholderText(self.tr("Keterangan lampiran berikutnya (opsional)"))
        self.caption_edit.setMaxLength(att.MAX_CAPTION)
        self.attach_button = QPushButton(self.tr("Lampirkan…"))
        self.attach_button.setToolTip(self.tr("Foto (JPEG, PNG, WebP…) atau pindaian PDF, paling besar 15 MB"))
        self.attach_button.clicked.connect(self.attach)
        self.open_button = QPushButton(self.tr("Buka"))
        self.open_button.clicked.connect(self.open_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.caption_edit, 1)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self._sync()

    # --- owner and list ------------------------------------------------------------------------------

    def set_owner(self, owner_kind: str | None, owner_id: str | None) -> None:
        """Show the attachments of this record (None: nothing, buttons off)."""
        self._owner = (owner_kind, owner_id) if owner_kind and owner_id else None
        self.show_message("")
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        owner = self._owner
        if owner is None:
            self._show([])
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> list[att.AttachmentView]:
            with db.read() as session:
                return att.attachments_of(session, *owner)

        self._tasks.run(
            work,
            label=self.tr("Memuat lampiran…"),
            on_success=lambda views: self._loaded(generation, views),
            on_failure=self._failed,
        )

    def _loaded(self, generation: int, views: list[att.AttachmentView]) -> None:
        if generation == self._generation:  # else an older request for another record
            self._show(views)

    def _show(self, views: list[att.AttachmentView]) -> None:
        self.attachments = views
        self.list.clear()
        for view in views:
            text = view.file_name
            if view.caption:
                text += f" — {view.caption}"
            text += f" · {size_text(view.size_bytes)}"
            if not view.exists:
                text += " · " + self.tr("berkas hilang")
            item = QListWidgetItem(text)
            item.setData(VIEW_ROLE, view)
            details = [self.tr("Ditambahkan %s oleh %s") % (f"{view.added_on:%d-%m-%Y}", view.added_by)]
            if view.width and view.height:
                details.append(self.tr("%d×%d piksel") % (view.width, view.height))
            if not view.exists:
                details.append(self.tr("Berkas tidak ada di %s") % view.path)
            item.setToolTip("\n".join(details))
            self.list.addItem(item)
        if not views and self._owner is not None:
            placeholder = QListWidgetItem(self.tr("Belum ada lampiran"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self._sync()

    def selected(self) -> att.AttachmentView | None:
        items = self.list.selectedItems()
        return items[0].data(VIEW_ROLE) if items else None

    # --- actions -------------------------------------------------------------------------------------

    def attach(self) -> None:
        if self._owner is None or self.busy:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Lampirkan foto atau pindaian"),
            "",
            self.tr(
                "Foto atau pindaian PDF (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.pdf);;Semua berkas (*)"
            ),
        )
        if not name:
            return
        source = Path(name)
        owner_kind, owner_id = self._owner
        caption = self.caption_edit.text()
        actor = self._actor()
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> str:
            with db.transaction() as session:
                return att.add_attachment(session, owner_kind, owner_id, source, actor, caption)

        self.busy = True
        self.show_message("")
        self._sync()
        self._tasks.run(
            work,
            write=True,
            cancellable=False,
            label=self.tr("Menyimpan lampiran…"),
            on_success=self._added,
            on_failure=self._failed,
        )

    def _added(self, attachment_id: str) -> None:
        self.busy = False
        self.caption_edit.clear()
        self.reload()
        self.added.emit(attachment_id)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._sync()
        if isinstance(exc, SimoncerError):
            log.info("Attachment refused: %s", exc)
            self.show_message(str(exc))
        else:
            self._tasks.report_failure(exc)

    def open_selected(self) -> None:
        view = self.selected()
        if view is None:
            return
        if not view.exists:
            self.show_message(self.tr("Berkas '%s' hilang dari folder lampiran; lampirkan lagi.") % view.file_name)
            return
        # The stored file is encrypted: the system's viewer gets a decrypted temporary copy.
        try:
            with self._db.read() as session:
                copy = att.decrypted_copy(session, view)
        except SimoncerError as exc:
            log.info("Attachment not opened: %s", exc)
            self.show_message(str(exc))
            return
        self.last_opened_copy = copy
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
            self.show_message(self.tr("Tidak ada aplikasi untuk membuka '%s'.") % view.file_name)
            return
        self.show_message(
            self.tr(
                "'%s' dibuka dari salinan sementara tanpa enkripsi di %s; salinan itu dihapus saat Simoncer ditutup."
            )
            % (view.file_name, copy.parent)
        )

    # --- state ---------------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _sync(self) -> None:
        has_owner = self._owner is not None
        self.attach_button.setEnabled(has_owner and not self.busy)
        self.caption_edit.setEnabled(has_owner and not self.busy)
        self.open_button.setEnabled(self.selected() is not None)
