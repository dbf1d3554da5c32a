"""*Kejadian* tab of the Bencana page: the events with their numbers and, under them, the chosen
event's affected families.

*Kejadian baru…* (Ctrl+N) and *Ubah…* open the event form; *Tutup kejadian* / *Buka kembali* close or
reopen the chosen event (a closed event takes no new victims). *Daftarkan korban…* (Ctrl+R) opens the
fast registration form; *Rincian…* (or Enter / double-click on a family) opens the family. The label
under the families counts those flagged for missing documents. Other modules add their buttons for the
chosen family to ``family_actions`` and follow ``family_activated``. Reads and writes go through the
``TaskRunner``; a service's refusal is shown in ``message_label``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.services import caseload_query as cq
from simoncer_desktop.services import relief_events as ev
from simoncer_desktop.services import relief_victims as rv
from simoncer_desktop.services.relief_reference import ItemView
from simoncer_desktop.services.relief_stock import issued_per_event
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.event_dialog import EventDialog, EventOptions
from simoncer_desktop.ui.dialogs.victim_dialog import VictimDialog
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.models.relief_models import EventColumn, EventTableModel, FamilyColumn, FamilyTableModel
from simoncer_desktop.ui.pages.task_tab import TaskTab
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.labels import message_label
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table, select_row, selected_row

EVENT_WIDTHS: dict[int, int | tuple[str, int]] = {
    EventColumn.CODE: 9,
    EventColumn.KIND: 12,
    EventColumn.TITLE: 24,
    EventColumn.WHEN: 17,
    EventColumn.KECAMATAN: 14,
    EventColumn.AREAS: 24,
    EventColumn.STATUS: 8,
    EventColumn.FAMILIES: 6,
    EventColumn.PEOPLE: 5,
    EventColumn.DISPLACED: 6,
    EventColumn.INJURED: 5,
    EventColumn.DECEASED: 6,
}
FAMILY_WIDTHS: dict[int, int | tuple[str, int]] = {
    FamilyColumn.HEAD: 22,
    FamilyColumn.NO_KK: (DIGITS, 16),
    FamilyColumn.KPM: 4,
    FamilyColumn.KELURAHAN: 22,
    FamilyColumn.DAMAGE: 12,
    FamilyColumn.PEOPLE: 5,
    FamilyColumn.DISPLACED: 6,
    FamilyColumn.INJURED: 5,
    FamilyColumn.DECEASED: 6,
    FamilyColumn.NOTE: 12,
}
SEARCH_DELAY_MS = 200


@dataclass(frozen=True)
class Families:
    event_id: str
    rows: list[rv.FamilyRow]
    flagged: int
    issued: list[tuple[ItemView, int]]
    """Goods handed out for the event so far, per item."""


class ReliefEventsTab(TaskTab):
    family_activated = Signal(str)
    """A family was opened (Enter, double-click, *Rincian…*): its id."""
    loaded = Signal()
    """The events and the chosen event's families are shown."""
    state_changed = Signal()
    """Busy, a dialog opened or closed, or the selection changed: other actions re-check themselves."""

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._first_show = True
        self.events = EventTableModel(self)
        self.families = FamilyTableModel(self)
        self._build()
        self._sync()

    # --- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.events_table = QTableView()
        self.events_table.setObjectName("reliefEvents")
        self.events_table.setModel(self.events)
        configure_table(self.events_table, EVENT_WIDTHS, stretch=EventColumn.AREAS)
        self.events_table.selectionModel().selectionChanged.connect(lambda *_: self._event_changed())
        self.new_button = QPushButton(self.tr("Kejadian &baru…"))
        self.new_button.setToolTip(self.tr("Catat kejadian bencana baru (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_event())
        self.edit_button = QPushButton(self.tr("&Ubah…"))
        self.edit_button.clicked.connect(lambda: self.edit_event())
        self.close_button = QPushButton(self.tr("&Tutup kejadian"))
        self.close_button.clicked.connect(lambda: self.toggle_closed())
        event_buttons = QHBoxLayout()
        event_buttons.addWidget(self.new_button)
        event_buttons.addWidget(self.edit_button)
        event_buttons.addWidget(self.close_button)
        event_buttons.addStretch(1)
        self.event_actions = event_buttons
        """Buttons acting on the chosen event (ends with a stretch); other modules insert theirs."""
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.events_table, 1)
        top_layout.addLayout(event_buttons)

        self.families_title = QLabel()
        self.families_title.setObjectName("summary")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Cari korban: nama, No. KK atau NIK"))
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.load_families)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.families_table = QTableView()
        self.families_table.setObjectName("reliefFamilies")
        self.families_table.setModel(self.families)
        configure_table(self.families_table, FAMILY_WIDTHS, stretch=FamilyColumn.HEAD)
        self.families_table.selectionModel().selectionChanged.connect(lambda *_: self._sync())
        self.families_table.doubleClicked.connect(lambda _i: self.open_family())
        open_action = QAction(self.families_table)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(lambda: self.open_family())
        self.families_table.addAction(open_action)
        self.register_button = QPushButton(self.tr("&Daftarkan korban…"))
        self.register_button.setObjectName("primary")
        self.register_button.setToolTip(self.tr("Daftarkan keluarga korban (Ctrl+R)"))
        self.register_button.clicked.connect(lambda: self.register_family())
        self.details_button = QPushButton(self.tr("&Rincian…"))
        self.details_button.setToolTip(self.tr("Buka keluarga terpilih (Enter)"))
        self.details_button.clicked.connect(lambda: self.open_family())
        self.family_actions = QHBoxLayout()
        """Buttons acting on the chosen family; other modules add theirs here."""
        self.family_actions.addWidget(self.register_button)
        self.family_actions.addWidget(self.details_button)
        self.flagged_label = QLabel()
        self.flagged_label.setObjectName("hint")
        family_bar = QHBoxLayout()
        family_bar.addLayout(self.family_actions)
        family_bar.addStretch(1)
        family_bar.addWidget(self.flagged_label)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.families_title, 1)
        search_row.addWidget(self.search_edit, 1)
        bottom_layout.addLayout(search_row)
        bottom_layout.addWidget(self.families_table, 1)
        bottom_layout.addLayout(family_bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.message_label = message_label()
        self.info_label = QLabel()
        self.info_label.setObjectName("summary")
        self.info_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.info_label)
        for key, slot in (("Ctrl+N", self.new_event), ("Ctrl+R", self.register_family)):  # slots take no argument
            shortcut = QShortcut(QKeySequence(key), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- state ----------------------------------------------------------------------------------

    def selected_event(self) -> ev.EventRow | None:
        return self.events.row_at(selected_row(self.events_table))

    def selected_event_id(self) -> str | None:
        row = self.selected_event()
        return row.id if row else None

    def selected_family_id(self) -> str | None:
        row = self.families.row_at(selected_row(self.families_table))
        return row.id if row else None

    def _sync(self) -> None:
        event = self.selected_event()
        free = self.is_free()
        is_open = event is not None and event.is_open
        self.new_button.setEnabled(free)
        self.edit_button.setEnabled(free and is_open)
        self.close_button.setEnabled(free and event is not None)
        self.close_button.setText(self.tr("&Tutup kejadian") if event is None or is_open else self.tr("&Buka kembali"))
        self.register_button.setEnabled(free and is_open)
        self.details_button.setEnabled(free and self.selected_family_id() is not None)
        self.search_edit.setEnabled(event is not None)
        self.state_changed.emit()

    def show_info(self, text: str) -> None:
        self.info_label.setText(text)
        self.info_label.setVisible(bool(text))

    # --- loading --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.reload()

    def reload(self, event_id: str | None = None, family_id: str | None = None) -> None:
        """Reload the events (keeping ``event_id`` or the chosen one selected), then its families."""
        keep = event_id or self.selected_event_id()
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> list[ev.EventRow]:
            with db.read() as session:
                return ev.list_events(session)

        def show(rows: list[ev.EventRow]) -> None:
            blocked = self.events_table.selectionModel().blockSignals(True)
            self.events.set_rows(rows)
            row = self.events.row_of(keep)
            if row < 0 and rows:
                row = 0
            if row >= 0:
                select_row(self.events_table, row)
            self.events_table.selectionModel().blockSignals(blocked)
            self.load_families(family_id)

        self._start(work, self.tr("Memuat kejadian…"), show, write=False)

    def _event_changed(self) -> None:
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.load_families()

    def load_families(self, keep: str | None = None) -> None:
        self._search_timer.stop()
        event = self.selected_event()
        if event is None:
            self.families.set_rows([])
            self.families_title.setText(self.tr("Pilih kejadian untuk melihat korban."))
            self.flagged_label.setText("")
            self._sync()
            self.loaded.emit()
            return
        keep = keep or self.selected_family_id()
        db, text, event_id = self._db, self.search_edit.text(), event.id

        def work(_progress: Progress, _token: CancelToken) -> Families:
            with db.read() as session:
                rows = rv.family_rows(session, event_id, text)
                # Unfiltered, the list already holds every family: count the flagged ones from it
                # rather than reading the event's families a second time.
                flagged = len(rv.flagged_families(session, event_id)) if text.strip() else sum(r.flagged for r in rows)
                return Families(event_id, rows, flagged, issued_per_event(session, event_id))

        self._start(work, self.tr("Memuat korban…"), lambda f: self._show_families(f, keep), write=False)

    def _show_families(self, loaded: Families, keep: str | None) -> None:
        if loaded.event_id != self.selected_event_id():
            return
        event = self.selected_event()
        self.families.set_rows(loaded.rows)
        title = (
            self.tr("Korban %s: %s keluarga, %s jiwa") % (event.title, event.families, event.people) if event else ""
        )
        if loaded.issued:
            goods = ", ".join(f"{item.name} {thousands(quantity)} {item.unit}" for item, quantity in loaded.issued)
            title += self.tr(" · tersalur: %s") % goods
        self.families_title.setText(title)
        self.flagged_label.setText(
            self.tr("%s keluarga tanpa dokumen (perlu tindak lanjut)") % loaded.flagged if loaded.flagged else ""
        )
        row = self.families.row_of(keep)
        if row >= 0:
            select_row(self.families_table, row)
        self._sync()
        self.loaded.emit()

    # --- dialogs --------------------------------------------------------------------------------

    def new_event(self) -> None:
        self._event_form(None)

    def _event_form(self, detail: ev.EventDetail | None) -> None:
        if not self.is_free():
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> EventOptions:
            with db.read() as session:
                kecamatan = cq.kecamatan_options(session)
                return EventOptions(kecamatan, {k.value: cq.kelurahan_options(session, k.value) for k in kecamatan})

        def open_dialog(options: EventOptions) -> None:
            dialog = EventDialog(self._db, self._tasks, options, self.operator_name(), detail, self)

            def after(d: QDialog) -> None:
                assert isinstance(d, EventDialog)
                self.show_info(self.tr("Kejadian %s disimpan.") % d.data().title.strip())
                self.reload(d.result_id)

            self.open_dialog(dialog, after)

        self._start(work, self.tr("Memuat pilihan…"), open_dialog, write=False)

    def edit_event(self) -> None:
        event_id = self.selected_event_id()
        if not self.is_free() or event_id is None:
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> ev.EventDetail:
            with db.read() as session:
                return ev.get_event(session, event_id)

        self._start(work, self.tr("Memuat kejadian…"), self._event_form, write=False)

    def toggle_closed(self) -> None:
        event = self.selected_event()
        if not self.is_free() or event is None:
            return
        closing = event.is_open
        question = (
            self.tr("Tutup kejadian %s per hari ini? Kejadian yang ditutup tidak menerima korban dan penyaluran baru.")
            if closing
            else self.tr("Buka kembali kejadian %s?")
        ) % event.title
        answer = QMessageBox.question(
            self,
            self.tr("Tutup kejadian") if closing else self.tr("Buka kembali"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, who, event_id = self._db, self.operator_name(), event.id

        def work(_progress: Progress, _token: CancelToken) -> None:
            with db.transaction() as session:
                if closing:
                    ev.close_event(session, event_id, date.today(), who)
                else:
                    ev.reopen_event(session, event_id)

        def done(_result: None) -> None:
            self.show_info(
                (self.tr("Kejadian %s ditutup.") if closing else self.tr("Kejadian %s dibuka kembali.")) % event.title
            )
            self.reload(event_id)

        self._start(work, self.tr("Menyimpan…"), done, write=True)

    def register_family(self) -> None:
        self._family_form(None)

    def _family_form(self, family: rv.FamilyView | None) -> None:
        event = self.selected_event()
        if not self.is_free() or event is None or (family is None and not event.is_open):
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> list[cq.Option]:
            with db.read() as session:
                return cq.kelurahan_options(session, event.kecamatan_code)

        def open_dialog(kelurahan: list[cq.Option]) -> None:
            dialog = VictimDialog(self._db, self._tasks, event, kelurahan, self.operator_name(), family, self)

            def after(d: QDialog) -> None:
                assert isinstance(d, VictimDialog)
                self.show_info(self.tr("Keluarga %s disimpan.") % d.data().head_name.strip())
                self.reload(event.id, d.result_id)

            self.open_dialog(dialog, after)

        self._start(work, self.tr("Memuat pilihan…"), open_dialog, write=False)

    def open_family(self) -> None:
        family_id = self.selected_family_id()
        if not self.is_free() or family_id is None:
            return
        self.family_activated.emit(family_id)
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> rv.FamilyView:
            with db.read() as session:
                return rv.get_family(session, family_id)

        self._start(work, self.tr("Memuat keluarga…"), self._family_form, write=False)
