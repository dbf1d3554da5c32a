"""A family: its fields (saved with *Simpan*), its members and its PKH components.

Validation is live (``Validator.household`` on a read session at every edit) and shown under the
field that is wrong; *Simpan* stays disabled until the family is valid. A new family also needs at
least one member and exactly one pengurus, and is created with its members in one transaction.
A saved family's member changes are immediate (see ``MembersPanel``). The *Riwayat* tab lists who
changed what in the family (its own fields and its members', assessments', stages'…), read when the
tab is first opened (``services.audit.history_of_household``).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError, ValidationError
from simoncer_desktop.models.enums import HouseholdStatus, Program
from simoncer_desktop.services.audit import history_of_household
from simoncer_desktop.services.caseload import (
    HOUSEHOLD_FIELDS,
    MEMBER_FIELDS,
    HouseholdDetail,
    HouseholdInput,
    Validator,
    create_household,
    get_household,
    update_household,
)
from simoncer_desktop.services.caseload_query import facilitator_options, kecamatan_options, kelurahan_options
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
from simoncer_desktop.ui.dialogs.members_panel import MembersPanel
from simoncer_desktop.ui.models.audit_model import Column, HouseholdHistoryModel
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.form import (
    DateField,
    FieldBox,
    FormDialog,
    align_labels,
    fill_combo,
    hbox,
    select_value,
    show_errors,
)
from simoncer_desktop.ui.widgets.labels import message_label
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table

log = logging.getLogger(__name__)

FORM_FIELDS = [*HOUSEHOLD_FIELDS, "programs"]


class HistoryPanel(QWidget):
    """The family's audit trail, oldest first: waktu, pengguna, perangkat, data, aksi, kolom, lama → baru
    (the tooltip has the whole entry). Read by ``load``; a refusal is shown instead of the table."""

    def __init__(self, db: Database, household_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.household_id = household_id
        self.loaded = False
        self.model = HouseholdHistoryModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        columns = self.model.columns
        widths = {Column.TIME: (DIGITS, 20), Column.USER: 12, Column.DEVICE: 10, Column.ENTITY: 16,
                  Column.ACTION: 6, Column.FIELD: 20}  # fmt: skip
        configure_table(self.view, {columns.index(c): w for c, w in widths.items()}, stretch=len(columns) - 1)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.message_label = message_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)

    def load(self) -> None:
        """Read the family's history now (again)."""
        if self.household_id is None:
            return
        self.loaded = True
        try:
            with self._db.read() as session:
                entries = history_of_household(session, self.household_id)
        except SimoncerError as exc:
            log.info("History of %s not shown: %s", self.household_id, exc)
            self.model.set_entries([])
            self.summary.setText("")
            self.message_label.setText(str(exc))
            self.message_label.show()
            return
        self.message_label.hide()
        self.model.set_entries(entries)
        if entries:
            self.summary.setText(self.tr("%d perubahan tercatat, terlama di atas") % len(entries))
            self.view.scrollToBottom()
        else:
            self.summary.setText(self.tr("Belum ada perubahan yang tercatat untuk keluarga ini."))


class HouseholdDialog(FormDialog):
    saved = Signal(str)
    """The family's id, after *Simpan* stored it."""

    def __init__(
        self, db: Database, tasks: TaskRunner, household_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self.household_id = household_id
        self.detail: HouseholdDetail | None = None
        self.member_errors: list[str] = []
        self._base = HouseholdInput(no_kk="", kelurahan_code="")
        """Fields the form does not show (status reason/date, welfare class) are kept from here."""
        if household_id is not None:
            with db.read() as session:
                self.detail = get_household(session, household_id)
            self._base = self.detail.to_input()
        self._build()
        self._load(self._base)
        if self.detail is not None:
            self.members.set_detail(self.detail)
            recipient = self.detail.recipient
            title = self.tr("Keluarga %s — No. KK %s") % (recipient.name if recipient else "-", self.detail.no_kk)
        else:
            title = self.tr("Keluarga baru")
        self.setWindowTitle(title)
        self.heading.setText(title)
        self._touched: set[str] = set(FORM_FIELDS) if self.detail else set()
        self._connect()
        self.validate()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.no_kk_edit = QLineEdit()
        self.no_kk_edit.setMaxLength(20)
        self.no_kk_edit.setPlaceholderText(self.tr("16 digit"))
        self.kecamatan_combo = QComboBox()
        self.kelurahan_combo = QComboBox()
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(200)
        self.rt_edit = QLineEdit()
        self.rw_edit = QLineEdit()
        for edit in (self.rt_edit, self.rw_edit):
            edit.setMaxLength(3)
            edit.setMaximumWidth(70)
        self.facilitator_combo = QComboBox()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("08… atau +62…"))
        self.desil_combo = QComboBox()
        fill_combo(self.desil_combo, [(n, str(n)) for n in range(1, 11)], "—")
        self.desil_date_edit = DateField()
        self.status_combo = QComboBox()
        fill_combo(self.status_combo, HouseholdStatus.choices())
        for combo in (self.kecamatan_combo, self.kelurahan_combo, self.facilitator_combo, self.status_combo):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.program_checks: dict[str, QCheckBox] = {p.value: QCheckBox(p.label) for p in Program}
        programs = QWidget()
        grid = QGridLayout(programs)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, check in enumerate(self.program_checks.values()):
            grid.addWidget(check, i // 2, i % 2)

        with self._db.read() as session:
            kecamatan = kecamatan_options(session)
        fill_combo(self.kecamatan_combo, [(o.value, o.label) for o in kecamatan], self.tr("— pilih —"))

        self.boxes: dict[str, FieldBox] = {
            "no_kk": FieldBox(self.no_kk_edit),
            "kecamatan": FieldBox(self.kecamatan_combo),
            "kelurahan_code": FieldBox(self.kelurahan_combo),
            "address": FieldBox(self.address_edit),
            "rt": FieldBox(self.rt_edit),
            "rw": FieldBox(self.rw_edit),
            "facilitator_id": FieldBox(self.facilitator_combo),
            "phone": FieldBox(self.phone_edit),
            "desil": FieldBox(self.desil_combo),
            "desil_date": FieldBox(self.desil_date_edit),
            "status": FieldBox(self.status_combo),
            "programs": FieldBox(programs),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("No. KK *"), self.boxes["no_kk"])
        form.addRow(self.tr("Kecamatan *"), self.boxes["kecamatan"])
        form.addRow(self.tr("Kelurahan *"), self.boxes["kelurahan_code"])
        form.addRow(self.tr("Alamat"), self.boxes["address"])
        form.addRow(self.tr("RT / RW"), hbox(self.boxes["rt"], QLabel("/"), self.boxes["rw"], stretch=True))
        form.addRow(self.tr("Pendamping"), self.boxes["facilitator_id"])
        form.addRow(self.tr("No. HP"), self.boxes["phone"])
        form.addRow(
            self.tr("Desil"),
            hbox(self.boxes["desil"], QLabel(self.tr("tanggal")), self.boxes["desil_date"], stretch=True),
        )
        form.addRow(self.tr("Status *"), self.boxes["status"])
        form.addRow(self.tr("Program lain"), self.boxes["programs"])
        align_labels(form)

        self.members = MembersPanel(self._db, self._tasks, self.household_id, self)
        self.members.members_changed.connect(self._members_changed)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Data keluarga"))
        title.setObjectName("sectionTitle")
        left_layout.addWidget(title)
        left_layout.addLayout(form)
        left_layout.addStretch(1)
        left.setFixedWidth(360)

        data_tab = QWidget()
        body = QHBoxLayout(data_tab)
        body.setContentsMargins(0, 8, 0, 0)
        body.addWidget(left)
        body.addSpacing(12)
        body.addWidget(self.members, 1)
        self.history = HistoryPanel(self._db, self.household_id, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(data_tab, self.tr("&Data keluarga"))
        self.history_index = self.tabs.addTab(self.history, self.tr("&Riwayat"))
        self.tabs.setTabEnabled(self.history_index, self.household_id is not None)
        self.tabs.setTabToolTip(self.history_index, self.tr("Siapa mengubah apa, kapan, di perangkat mana"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self._build_buttons(self.tr("Tutup") if self.household_id else self.tr("Batal"))
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.assessment_button = QPushButton(self.tr("Asesmen…"))
        self.assessment_button.setToolTip(self.tr("Riwayat asesmen kesejahteraan dan asesmen baru"))
        self.assessment_button.setEnabled(self.household_id is not None)
        self.assessment_button.clicked.connect(self.open_assessment)
        self.assessment_dialog: AssessmentDialog | None = None
        footer = QHBoxLayout()
        footer.addWidget(self.assessment_button)
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.buttons)

        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(footer)
        self.resize(1340, 680)

    def _tab_changed(self, index: int) -> None:
        if index == self.history_index:
            self.history.load()  # again each time: a member may have been changed meanwhile

    def show_history(self) -> None:
        """Open the *Riwayat* tab (a saved family only)."""
        if self.household_id is not None:
            self.tabs.setCurrentIndex(self.history_index)

    def _load(self, data: HouseholdInput) -> None:
        self.no_kk_edit.setText(data.no_kk)
        kecamatan = data.kelurahan_code.rsplit(".", 1)[0] if data.kelurahan_code else None
        if kecamatan and not select_value(self.kecamatan_combo, kecamatan) and self.detail is not None:
            self.kecamatan_combo.addItem(self.detail.kecamatan_name, kecamatan)  # outside the deployment region
            select_value(self.kecamatan_combo, kecamatan)
        self._kecamatan_changed()
        if data.kelurahan_code and not select_value(self.kelurahan_combo, data.kelurahan_code) and self.detail:
            self.kelurahan_combo.addItem(self.detail.kelurahan_name, data.kelurahan_code)
            select_value(self.kelurahan_combo, data.kelurahan_code)
        self.address_edit.setText(data.address)
        self.rt_edit.setText(data.rt)
        self.rw_edit.setText(data.rw)
        if data.facilitator_id and not select_value(self.facilitator_combo, data.facilitator_id) and self.detail:
            self.facilitator_combo.addItem(self.detail.facilitator_name or "?", data.facilitator_id)
            select_value(self.facilitator_combo, data.facilitator_id)
        self.phone_edit.setText(data.phone or "")
        select_value(self.desil_combo, data.desil)
        self.desil_date_edit.set_value(data.desil_date)
        select_value(self.status_combo, data.status)
        for value, check in self.program_checks.items():
            check.setChecked(value in data.programs)

    def _connect(self) -> None:
        signals = {
            "no_kk": self.no_kk_edit.textEdited,
            "kelurahan_code": self.kelurahan_combo.currentIndexChanged,
            "address": self.address_edit.textEdited,
            "rt": self.rt_edit.textEdited,
            "rw": self.rw_edit.textEdited,
            "facilitator_id": self.facilitator_combo.currentIndexChanged,
            "phone": self.phone_edit.textEdited,
            "desil": self.desil_combo.currentIndexChanged,
            "desil_date": self.desil_date_edit.dateChanged,
            "status": self.status_combo.currentIndexChanged,
        }
        self._connect_edits(signals)
        for check in self.program_checks.values():
            check.toggled.connect(lambda *_: self._edited("programs"))
        self.kecamatan_combo.currentIndexChanged.connect(self._on_kecamatan_picked)

    def _on_kecamatan_picked(self) -> None:
        self._kecamatan_changed()
        self._edited("kelurahan_code")

    def _kecamatan_changed(self) -> None:
        """Kelurahan and pendamping follow the chosen kecamatan."""
        kecamatan = self.kecamatan_combo.currentData()
        with self._db.read() as session:
            kelurahan = kelurahan_options(session, kecamatan) if kecamatan else []
            facilitators = facilitator_options(session, kecamatan) if kecamatan else []
        fill_combo(self.kelurahan_combo, [(o.value, o.label) for o in kelurahan], self.tr("— pilih —"))
        fill_combo(self.facilitator_combo, [(o.value, o.label) for o in facilitators], self.tr("— belum ada —"))
        self.kelurahan_combo.setEnabled(bool(kecamatan))

    # --- values and validation ---------------------------------------------------------------

    def data(self) -> HouseholdInput:
        return replace(
            self._base,
            no_kk=self.no_kk_edit.text().strip(),
            kelurahan_code=self.kelurahan_combo.currentData() or "",
            address=self.address_edit.text(),
            rt=self.rt_edit.text().strip(),
            rw=self.rw_edit.text().strip(),
            facilitator_id=self.facilitator_combo.currentData(),
            phone=self.phone_edit.text().strip() or None,
            desil=self.desil_combo.currentData(),
            desil_date=self.desil_date_edit.value(),
            status=self.status_combo.currentData(),
            programs=frozenset(v for v, check in self.program_checks.items() if check.isChecked()),
        )

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        self.validate()

    def _members_changed(self) -> None:
        if self.household_id is not None:
            self.reload_members()
        self._touched.add("members")
        self.validate()

    def reload_members(self) -> None:
        """After a member was saved or removed: show the family as stored now."""
        assert self.household_id is not None
        with self._db.read() as session:
            self.detail = get_household(session, self.household_id)
        self.members.set_detail(self.detail)

    def _member_rule_errors(self) -> list[str]:
        """A new family is stored with at least one member and exactly one pengurus."""
        if self.household_id is not None:
            members = self.detail.members if self.detail else []
            if members and not any(m.is_recipient for m in members):
                return [self.tr("Belum ada pengurus: ubah salah satu anggota dan centang Pengurus.")]
            return []
        members = self.members.members()
        if not members:
            return [self.tr("Tambahkan minimal satu anggota keluarga.")]
        if sum(1 for m in members if m.is_recipient) != 1:
            return [self.tr("Pilih tepat satu anggota sebagai pengurus.")]
        return []

    def validate(self) -> bool:
        data = self.data()
        with self._db.read() as session:
            found = Validator(session).household(data, self.household_id)
        self.errors = ValidationError(found).by_field() if found else {}
        show_errors(self.boxes, self.errors, self._touched)
        rules = self._member_rule_errors()
        self.member_errors = rules
        blocking = bool(rules) and self.household_id is None
        self.members.set_errors(rules)  # a requirement, not a typing mistake: say it from the start
        valid = not self.errors and not blocking
        self.save_button.setEnabled(valid and not self._saving)
        if valid:
            self.hint.setText("")
        elif self.errors:
            self.hint.setText(self.tr("Lengkapi kolom bertanda * dan perbaiki isian yang ditandai ⚠."))
        else:
            self.hint.setText(self.tr("Tambahkan anggota dan pilih satu pengurus sebelum menyimpan."))
        return valid

    # --- saving ------------------------------------------------------------------------------

    def _on_save(self) -> None:
        self._touched = {*FORM_FIELDS, "members"}
        if self._saving or not self.validate():
            return
        data = self.data()
        db = self._db
        household_id = self.household_id
        members = self.members.members()

        def save() -> str:
            with db.transaction() as session:
                if household_id is None:
                    return create_household(session, data, members)
                update_household(session, household_id, data)
                return household_id

        self._save_in_background(save, self.tr("Menyimpan keluarga…"), self._saved)

    def open_assessment(self) -> None:
        """The family's assessments (window-modal over this dialog)."""
        if self.household_id is None or self.assessment_dialog is not None:
            return
        dialog = AssessmentDialog(self._db, self._tasks, self.household_id, self)
        self.assessment_dialog = dialog
        dialog.finished.connect(lambda _result: self._assessment_finished(dialog))
        dialog.open()

    def _assessment_finished(self, dialog: AssessmentDialog) -> None:
        """An assessment may have changed the family's welfare class: keep it when the family is saved."""
        self.assessment_dialog = None
        dialog.deleteLater()
        if self.household_id is not None:
            with self._db.read() as session:
                fresh = get_household(session, self.household_id)
            self._base = replace(self._base, welfare_class=fresh.welfare_class)

    def _saved(self, household_id: str) -> None:
        self.household_id = household_id
        log.info("Saved household %s", household_id)
        self.saved.emit(household_id)
        self.accept()

    def _show_refusal(self, exc: ValidationError) -> None:
        field_errors: dict[str, str] = {}
        member_errors: list[str] = []
        general: list[str] = []
        for err in exc.errors:
            if err.row is not None or err.field in MEMBER_FIELDS:
                member_errors.append(err.message)
            elif err.field in self.boxes:
                field_errors.setdefault(err.field, err.message)
            else:
                general.append(err.message)
        show_errors(self.boxes, field_errors)
        self.members.set_errors(member_errors)
        self._show_general(general)
