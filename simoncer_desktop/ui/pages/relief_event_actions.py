"""The actions of the *Kejadian* tab beyond events and victims, kept out of the tab itself:

- for the chosen event: *Hak bantuan…* (which entitlements apply), *Lampiran kejadian…* (photos and
  scans of the event) and *Cetak…* (Ctrl+P: BNBA, berita acara, laporan kejadian as PDF or Excel,
  written off the UI thread);
- for the chosen family: *Penyaluran…* (Ctrl+D: record the hand-over of each entitlement) and
  *Lampiran…* (photos and scans of the family or one of its people).

Each action reads what it needs through services off the UI thread and reloads the tab afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QPushButton

from simoncer_desktop.models.enums import AttachmentOwner, Relationship
from simoncer_desktop.reports.relief_print import Printed, print_document
from simoncer_desktop.services import caseload_query as cq
from simoncer_desktop.services import relief_victims as rv
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.attachments_dialog import AttachmentsDialog, Owner
from simoncer_desktop.ui.dialogs.distribution_dialog import DistributionDialog
from simoncer_desktop.ui.dialogs.entitlement_dialogs import EventEntitlementsDialog
from simoncer_desktop.ui.dialogs.relief_print_dialog import ReliefPrintDialog
from simoncer_desktop.ui.pages.relief_events_tab import ReliefEventsTab
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner


def _documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


class ReliefEventActions(QObject):
    def __init__(self, tab: ReliefEventsTab, db: Database, tasks: TaskRunner) -> None:
        super().__init__(tab)
        self.tab = tab
        self._db = db
        self._tasks = tasks
        self.folder = _documents_folder()
        """Where the print dialog proposes to save (the last folder used)."""
        self.entitlements_button = QPushButton(self.tr("Hak &bantuan…"))
        self.entitlements_button.setToolTip(self.tr("Bantuan (barang dan uang) yang berlaku untuk kejadian ini"))
        self.entitlements_button.clicked.connect(lambda: self.edit_entitlements())
        self.event_files_button = QPushButton(self.tr("&Lampiran kejadian…"))
        self.event_files_button.clicked.connect(lambda: self.event_attachments())
        self.print_button = QPushButton(self.tr("&Cetak…"))
        self.print_button.setToolTip(self.tr("BNBA, berita acara serah terima, laporan kejadian (Ctrl+P)"))
        self.print_button.clicked.connect(lambda: self.print_documents())
        for button in (self.entitlements_button, self.event_files_button, self.print_button):
            tab.event_actions.insertWidget(tab.event_actions.count() - 1, button)
        self.distribute_button = QPushButton(self.tr("&Penyaluran…"))
        self.distribute_button.setToolTip(self.tr("Catat penyaluran bantuan untuk keluarga terpilih (Ctrl+D)"))
        self.distribute_button.clicked.connect(lambda: self.distribute())
        self.family_files_button = QPushButton(self.tr("La&mpiran…"))
        self.family_files_button.clicked.connect(lambda: self.family_attachments())
        tab.family_actions.addWidget(self.distribute_button)
        tab.family_actions.addWidget(self.family_files_button)
        for key, slot in (("Ctrl+D", self.distribute), ("Ctrl+P", self.print_documents)):
            shortcut = QShortcut(QKeySequence(key), tab, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tab.state_changed.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        free = self.tab.is_free()
        event = self.tab.selected_event()
        has_family = self.tab.selected_family_id() is not None
        for button in (self.entitlements_button, self.event_files_button, self.print_button):
            button.setEnabled(free and event is not None)
        self.distribute_button.setEnabled(free and has_family and event is not None and event.is_open)
        self.family_files_button.setEnabled(free and has_family)

    def _open(self, dialog: QDialog, reload: bool = True) -> None:
        """Show ``dialog`` over the tab; afterwards reload the tab's lists (keeping the selection)."""
        event_id, family_id = self.tab.selected_event_id(), self.tab.selected_family_id()

        def closed(_dialog: QDialog) -> None:
            if reload:
                self.tab.reload(event_id, family_id)

        self.tab.open_dialog(dialog, closed=closed)

    # --- event ------------------------------------------------------------------------------------

    def edit_entitlements(self) -> None:
        event_id = self.tab.selected_event_id()
        if self.tab.is_free() and event_id is not None:
            self._open(EventEntitlementsDialog(self._db, self._tasks, event_id, self.tab))

    def event_attachments(self) -> None:
        event = self.tab.selected_event()
        if not self.tab.is_free() or event is None:
            return
        owners = [Owner(self.tr("Kejadian %s") % event.title, AttachmentOwner.EVENT.value, event.id)]
        title = self.tr("Lampiran kejadian %s") % event.title
        dialog = AttachmentsDialog(self._db, self._tasks, owners, self.tab.operator_name, title, self.tab)
        self._open(dialog, reload=False)

    def print_documents(self) -> None:
        event = self.tab.selected_event()
        if not self.tab.is_free() or event is None:
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> list[cq.Option]:
            with db.read() as session:
                return cq.kelurahan_options(session, event.kecamatan_code)

        def ask(kelurahan: list[cq.Option]) -> None:
            dialog = ReliefPrintDialog(event, kelurahan, self.folder, parent=self.tab)
            self.tab.open_dialog(dialog, accepted=lambda d: self._print(cast(ReliefPrintDialog, d)))

        self.tab.run_task(work, self.tr("Memuat pilihan…"), ask, write=False)

    def _print(self, dialog: ReliefPrintDialog) -> None:
        request, path, db = dialog.request(), dialog.path(), self._db
        self.folder = path.parent

        def work(_progress: Progress, _token: CancelToken) -> Printed:
            with db.read() as session:
                return print_document(session, request, path)

        def done(printed: Printed) -> None:
            self.tab.show_info(self.tr("%s disimpan ke %s") % (printed.summary, printed.path))

        self.tab.run_task(work, self.tr("Mencetak dokumen…"), done, write=False)

    # --- family -----------------------------------------------------------------------------------

    def distribute(self) -> None:
        event = self.tab.selected_event()
        family_id = self.tab.selected_family_id()
        if not self.tab.is_free() or event is None or family_id is None or not event.is_open:
            return
        dialog = DistributionDialog(self._db, family_id, self.tab.operator_name(), self.tab, tasks=self._tasks)
        self._open(dialog)

    def family_attachments(self) -> None:
        family_id = self.tab.selected_family_id()
        if not self.tab.is_free() or family_id is None:
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> rv.FamilyView:
            with db.read() as session:
                return rv.get_family(session, family_id)

        def show(family: rv.FamilyView) -> None:
            owners = [Owner(self.tr("Keluarga %s") % family.head_name, AttachmentOwner.FAMILY.value, family.id)]
            for victim in family.victims:
                relation = Relationship(victim.relation).label if victim.relation in Relationship else victim.relation
                owners.append(
                    Owner(self.tr("Korban %s (%s)") % (victim.name, relation), AttachmentOwner.VICTIM.value, victim.id)
                )
            title = self.tr("Lampiran keluarga %s") % family.head_name
            self._open(AttachmentsDialog(db, self._tasks, owners, self.tab.operator_name, title, self.tab), False)

        self.tab.run_task(work, self.tr("Memuat keluarga…"), show, write=False)
