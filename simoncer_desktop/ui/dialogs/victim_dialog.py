"""*Daftarkan korban*: the keyboard-first registration of an affected family (target: under a minute).

Type a NIK, No. KK or name in the search line: caseload people appear as you type; Down goes to the
list, Enter picks the highlighted (or first) one, and the family with all its living members is filled
in with its KPM badge. A family not in the caseload is typed by hand: the head's name also becomes the
first victim. Tab walks the family fields, then the victims table (Tab moves between cells there; a
key starts editing), then the buttons; Ctrl+Enter saves from anywhere. The service's refusal is shown
under the family field, or as a tinted cell (message in the tooltip and listed under the table).
With ``family`` the same form edits a registered family (``update_family``)."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models.enums import DamageLevel, Relationship
from simoncer_desktop.services import relief_victims as rv
from simoncer_desktop.services.caseload_query import Option
from simoncer_desktop.services.relief_events import EventRow
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.relief_models import (
    CHOICES,
    VICTIM_FIELDS,
    ChoiceDelegate,
    VictimColumn,
    VictimEditModel,
)
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.form import (
    ERROR_MARK,
    FieldBox,
    FormDialog,
    align_labels,
    fill_combo,
    hbox,
    select_value,
    show_errors,
)
from simoncer_desktop.ui.widgets.labels import message_label

SEARCH_DELAY_MS = 120
FAMILY_FIELDS = ("no_kk", "head_name", "address", "kelurahan_code", "rt", "rw", "phone", "damage", "needs")


class VictimDialog(FormDialog):
    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        event: EventRow,
        kelurahan: list[Option],
        actor: str,
        family: rv.FamilyView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._event = event
        self._actor = actor
        self._family_id = family.id if family else None
        self._household_id: str | None = family.household_id if family else None
        self._matches: list[rv.PersonMatch] = []
        self._head_before = ""
        self._shown_errors = False
        self.result_id: str | None = None
        self.setWindowTitle(self.tr("Rincian korban") if family else self.tr("Daftarkan korban"))
        self.setMinimumSize(980, 640)
        self.resize(1300, 680)  # every victim column visible on a 1366×768 screen
        self._build(kelurahan)
        if family is not None:
            self._fill(family.to_input(), family.is_kpm)
            self.search_edit.setEnabled(False)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self._on_save)
        self.validate()

    # --- building -------------------------------------------------------------------------------

    def _build(self, kelurahan: list[Option]) -> None:
        title = QLabel(self.tr("Kejadian %s — %s") % (self._event.code, self._event.title))
        title.setObjectName("summary")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Cari di data keluarga: NIK, No. KK atau nama (↓ / Enter memilih)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.results = QListWidget()
        self.results.setMaximumHeight(130)
        self.results.hide()
        self.results.itemActivated.connect(lambda item: self.pick(self.results.row(item)))
        self.search_hint = QLabel()
        self.search_hint.setObjectName("hint")
        self.kpm_badge = QLabel()
        self.kpm_badge.setObjectName("summary")

        self.no_kk_edit = QLineEdit()
        self.no_kk_edit.setMaxLength(16)
        self.head_edit = QLineEdit()
        self.head_edit.setMaxLength(120)
        self.head_edit.textEdited.connect(self._head_edited)
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(200)
        self.kelurahan_combo = QComboBox()
        fill_combo(self.kelurahan_combo, [(o.value, o.label) for o in kelurahan], self.tr("— pilih —"))
        self.rt_edit = QLineEdit()
        self.rw_edit = QLineEdit()
        for edit, text in ((self.rt_edit, self.tr("RT")), (self.rw_edit, self.tr("RW"))):
            edit.setMaxLength(3)
            edit.setPlaceholderText(text)
        self.phone_edit = QLineEdit()
        self.phone_edit.setMaxLength(20)
        self.damage_combo = QComboBox()
        fill_combo(self.damage_combo, DamageLevel.choices())
        self.needs_edit = QLineEdit()
        self.needs_edit.setPlaceholderText(self.tr("mis. susu bayi, tenda, selimut"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("isi bila No. KK tidak ada (mis. KK hanyut)"))
        self.boxes = {
            "no_kk": FieldBox(self.no_kk_edit),
            "head_name": FieldBox(self.head_edit),
            "address": FieldBox(self.address_edit),
            "kelurahan_code": FieldBox(self.kelurahan_combo),
            "rt": FieldBox(self.rt_edit),
            "rw": FieldBox(self.rw_edit),
            "phone": FieldBox(self.phone_edit),
            "damage": FieldBox(self.damage_combo),
            "needs": FieldBox(self.needs_edit),
            "no_document_reason": FieldBox(self.reason_edit),
            "household_id": FieldBox(self.kpm_badge),
        }
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("No. &KK"), self.boxes["no_kk"])
        left.addRow(self.tr("Kepala &keluarga *"), self.boxes["head_name"])
        left.addRow(self.tr("&Alamat"), self.boxes["address"])
        place = hbox(self.boxes["kelurahan_code"], self.boxes["rt"], self.boxes["rw"])
        left.addRow(self.tr("Ke&lurahan, RT, RW *"), place)
        right.addRow(self.tr("&Telepon"), self.boxes["phone"])
        right.addRow(self.tr("Tingkat ke&rusakan"), self.boxes["damage"])
        right.addRow(self.tr("Ke&butuhan"), self.boxes["needs"])
        right.addRow(self.tr("Alasan tanpa &dokumen"), self.boxes["no_document_reason"])
        for form in (left, right):
            align_labels(form)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.victims = VictimEditModel(self)
        self.victims.rowsInserted.connect(lambda *_: self.validate())
        self.victims.rowsRemoved.connect(lambda *_: self.validate())
        self.victims.dataChanged.connect(lambda *_: self.validate())
        self.victims_table = QTableView()
        self.victims_table.setObjectName("victims")
        self.victims_table.setModel(self.victims)
        self.victims_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        delegate = ChoiceDelegate(self.victims_table)
        for column in CHOICES:
            self.victims_table.setItemDelegateForColumn(column, delegate)
        widths = {VictimColumn.NAME: 190, VictimColumn.NIK: 140, VictimColumn.BORN: 130, VictimColumn.SEX: 40}
        for column, width in widths.items():
            self.victims_table.setColumnWidth(column, width)
        self.victims_table.horizontalHeader().setStretchLastSection(True)
        self.add_victim_button = QPushButton(self.tr("Tambah k&orban"))
        self.add_victim_button.clicked.connect(self.add_victim)
        self.remove_victim_button = QPushButton(self.tr("&Hapus korban"))
        self.remove_victim_button.clicked.connect(self.remove_victim)
        victim_buttons = QHBoxLayout()
        victim_buttons.addWidget(QLabel(self.tr("Korban (anggota keluarga):")))
        victim_buttons.addStretch(1)
        victim_buttons.addWidget(self.add_victim_button)
        victim_buttons.addWidget(self.remove_victim_button)
        self.victims_error = message_label()

        self._build_buttons(self.tr("Batal"))
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip(self.tr("Simpan (Ctrl+Enter)"))
        self.hint = QLabel(self.tr("Ctrl+Enter menyimpan. NIK/No. KK boleh kosong bila alasannya diisi."))
        self.hint.setObjectName("hint")
        footer = QHBoxLayout()
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.search_hint)
        layout.addWidget(self.results)
        layout.addWidget(self.boxes["household_id"])
        layout.addLayout(columns)
        layout.addLayout(victim_buttons)
        layout.addWidget(self.victims_table, 1)
        layout.addWidget(self.victims_error)
        layout.addWidget(self.general_error)
        layout.addLayout(footer)
        chain = [self.search_edit, self.results, self.no_kk_edit, self.head_edit, self.address_edit]
        chain += [self.kelurahan_combo, self.rt_edit, self.rw_edit, self.phone_edit, self.damage_combo]
        chain += [self.needs_edit, self.reason_edit, self.victims_table, self.add_victim_button]
        chain += [self.remove_victim_button, self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        edits = {
            "no_kk": self.no_kk_edit.textEdited,
            "head_name": self.head_edit.textEdited,
            "kelurahan_code": self.kelurahan_combo.currentIndexChanged,
            "no_document_reason": self.reason_edit.textEdited,
        }
        self._connect_edits(edits)

    # --- search ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self._search_timer.stop()
                if not self._matches:
                    self.run_search()
                if self._matches:
                    self.pick(max(self.results.currentRow(), 0))
                return True
        return super().eventFilter(watched, event)

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text()
        hint = rv.lookup_hint(text)
        if not text.strip() or hint:
            self._show_matches([], hint or "")
            return
        db, event_id = self._db, self._event.id

        def work(_progress: Progress, _token: CancelToken) -> list[rv.PersonMatch]:
            with db.read() as session:
                return rv.lookup_people(session, event_id, text)

        def found(matches: list[rv.PersonMatch]) -> None:
            if self.search_edit.text() == text:  # a newer search replaces a stale answer
                self._show_matches(matches, "" if matches else self.tr("Tidak ditemukan di data keluarga."))

        self._tasks.run(work, label=self.tr("Mencari…"), on_success=found, cancellable=False)

    def _show_matches(self, matches: list[rv.PersonMatch], hint: str) -> None:
        self._matches = matches
        self.results.clear()
        for m in matches:
            badge = self.tr("KPM") if m.is_kpm else self.tr("bukan KPM aktif")
            text = self.tr("%s — NIK %s — KK %s — %s, %s [%s]") % (
                m.name,
                m.nik or "-",
                m.no_kk,
                m.kelurahan_name,
                m.address,
                badge,
            )
            if m.registered_family_id:
                text += self.tr(" — SUDAH TERDAFTAR")
            QListWidgetItem(text, self.results)
        self.results.setVisible(bool(matches))
        if matches:
            self.results.setCurrentRow(0)
        self.search_hint.setText(hint)

    def pick(self, row: int) -> None:
        if not 0 <= row < len(self._matches):
            return
        match = self._matches[row]
        if match.registered_family_id:
            self.search_hint.setText(self.tr("%s sudah terdaftar pada kejadian ini.") % match.name)
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> rv.FamilyInput:
            with db.read() as session:
                return rv.family_from_caseload(session, match.household_id)

        def loaded(data: rv.FamilyInput) -> None:
            if self.kelurahan_combo.findData(data.kelurahan_code) < 0:
                self.kelurahan_combo.addItem(match.kelurahan_name, data.kelurahan_code)
            self._fill(data, data.is_kpm)
            self.results.hide()
            self.search_hint.setText(self.tr("Keluarga %s diisi dari data keluarga.") % data.no_kk)
            self.damage_combo.setFocus()

        self._tasks.run(work, label=self.tr("Memuat keluarga…"), on_success=loaded, cancellable=False)

    # --- the form -------------------------------------------------------------------------------

    def _fill(self, data: rv.FamilyInput, is_kpm: bool) -> None:
        self._household_id = data.household_id
        self.no_kk_edit.setText(data.no_kk or "")
        self.head_edit.setText(data.head_name)
        self._head_before = data.head_name
        self.address_edit.setText(data.address)
        select_value(self.kelurahan_combo, data.kelurahan_code)
        self.rt_edit.setText(data.rt)
        self.rw_edit.setText(data.rw)
        self.phone_edit.setText(data.phone or "")
        select_value(self.damage_combo, data.damage)
        self.needs_edit.setText(data.needs)
        self.reason_edit.setText(data.no_document_reason)
        self.victims.set_victims(data.victims)
        if data.household_id:
            self.kpm_badge.setText(
                self.tr("KPM — dari data keluarga") if is_kpm else self.tr("Dari data keluarga (bukan KPM aktif)")
            )
        self.validate()

    def _head_edited(self, text: str) -> None:
        """A family typed by hand: the head is its first victim, kept in step while it matches."""
        victims = self.victims.victims
        if not victims:
            self.victims.add_victim(rv.VictimInput(name=text.strip(), sex="", relation=Relationship.HEAD.value))
        elif victims[0].member_id is None and victims[0].name == self._head_before.strip():
            self.victims.setData(self.victims.index(0, VictimColumn.NAME), text)
        self._head_before = text

    def add_victim(self) -> None:
        row = self.victims.add_victim()
        self.victims_table.setFocus()
        self.victims_table.setCurrentIndex(self.victims.index(row, VictimColumn.NAME))
        self.victims_table.edit(self.victims.index(row, VictimColumn.NAME))

    def remove_victim(self) -> None:
        index = self.victims_table.currentIndex()
        if index.isValid():
            self.victims.remove_victim(index.row())

    def data(self) -> rv.FamilyInput:
        return rv.FamilyInput(
            head_name=self.head_edit.text(),
            kelurahan_code=self.kelurahan_combo.currentData() or "",
            victims=[replace(v) for v in self.victims.victims],
            household_id=self._household_id,
            no_kk=self.no_kk_edit.text().strip() or None,
            address=self.address_edit.text(),
            rt=self.rt_edit.text(),
            rw=self.rw_edit.text(),
            phone=self.phone_edit.text().strip() or None,
            damage=self.damage_combo.currentData() or DamageLevel.NONE.value,
            needs=self.needs_edit.text(),
            no_document_reason=self.reason_edit.text(),
        )

    def _check(self) -> dict[str, str]:
        data = self.data()
        errors: dict[str, str] = {}
        if not data.head_name.strip():
            errors["head_name"] = self.tr("Kepala keluarga: wajib diisi")
        if not data.kelurahan_code:
            errors["kelurahan_code"] = self.tr("Kelurahan: wajib dipilih")
        if not data.victims:
            errors["victims"] = self.tr("Korban: tambahkan minimal satu orang")
        return errors

    def validate(self) -> bool:
        self.errors = self._check()
        if not self._shown_errors:
            touched = [f for f in self.errors if f in self.boxes and self.boxes[f].editor.hasFocus()]
            show_errors(self.boxes, self.errors, touched)
        self.save_button.setEnabled(not self.errors and not self._saving)
        return not self.errors

    def _edited(self, field: str) -> None:
        self._shown_errors = False
        if field in self.boxes:
            self.boxes[field].set_error(None)
        self.validate()

    def _on_save(self) -> None:
        if self._saving or not self.validate():
            show_errors(self.boxes, self.errors)
            return
        db, data, actor = self._db, self.data(), self._actor
        event_id, family_id = self._event.id, self._family_id

        def save() -> str:
            with db.transaction() as session:
                if family_id is None:
                    return rv.register_family(session, event_id, data, actor)
                rv.update_family(session, family_id, data)
                return family_id

        self._save_in_background(save, self.tr("Menyimpan korban…"), self._saved)

    def _saved(self, result: str) -> None:
        self.result_id = result
        self.accept()

    def _show_refusal(self, exc: ValidationError) -> None:
        shown: dict[str, str] = {}
        cells: dict[int, dict[int, str]] = {}
        listed: list[str] = []
        general: list[str] = []
        for err in exc.errors:
            if err.row is not None and err.field in VICTIM_FIELDS:
                cells.setdefault(err.row - 1, {}).setdefault(VICTIM_FIELDS[err.field], err.message)
                listed.append(err.message)
            elif err.field in self.boxes:
                shown.setdefault(err.field, err.message)
            else:
                general.append(err.message)
        self._shown_errors = True
        show_errors(self.boxes, shown)
        self.victims.set_errors(cells)
        self.victims_error.setText("\n".join(ERROR_MARK + m for m in listed))
        self.victims_error.setVisible(bool(listed))
        self._show_general(general)

    def refusal_messages(self) -> list[str]:
        """Every refusal shown now (under fields, in the table, general), for tests and logs."""
        texts = [box.message for box in self.boxes.values() if box.message]
        for label in (self.victims_error, self.general_error):
            if label.isVisibleTo(self) and label.text():
                texts += [line.removeprefix(ERROR_MARK) for line in label.text().splitlines()]
        return texts
