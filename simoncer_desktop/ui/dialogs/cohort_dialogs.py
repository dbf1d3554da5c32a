"""Forms of the *Kohort dan tahapan* tab: *Kohort baru*, *Daftarkan keluarga*, *Sesi baru* and the bulk
*Isi kehadiran* of one session. Each saves by calling one programme service in a background write task;
a service refusal is shown under the field it names and the dialog stays open. Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_lists as lists
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services.caseload_query import Option, search_hint
from simoncer_desktop.services.programme import CohortInput, Stage
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.cohort_model import AttendanceModel, MarkColumn
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.boxed_form import BoxedForm
from simoncer_desktop.ui.widgets.form import DateField, FieldBox, fill_combo, show_errors
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table


class CohortDialog(BoxedForm):
    """*Kohort baru*: name, year, start date, kecamatan and (optionally) the pendamping."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        kecamatan: list[Option],
        facilitators: list[Option],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, tasks, parent)
        self.setWindowTitle(self.tr("Kohort baru"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.name_edit.setPlaceholderText(self.tr("mis. Kohort Bogor Selatan %s") % today.year)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.starts_edit = DateField()
        self.kecamatan_combo = QComboBox()
        fill_combo(self.kecamatan_combo, [(o.value, o.label) for o in kecamatan], self.tr("— pilih —"))
        if len(kecamatan) == 1:
            self.kecamatan_combo.setCurrentIndex(1)
        self.facilitator_combo = QComboBox()
        fill_combo(self.facilitator_combo, [(o.value, o.label) for o in facilitators], self.tr("— tidak ada —"))
        self.boxes = {
            "name": FieldBox(self.name_edit),
            "year": FieldBox(self.year_spin),
            "starts_on": FieldBox(self.starts_edit),
            "scope": FieldBox(self.kecamatan_combo),
            "facilitator_id": FieldBox(self.facilitator_combo),
        }
        form = QFormLayout()
        form.addRow(self.tr("&Nama kohort *"), self.boxes["name"])
        form.addRow(self.tr("&Tahun *"), self.boxes["year"])
        form.addRow(self.tr("Tanggal &mulai *"), self.boxes["starts_on"])
        form.addRow(self.tr("&Kecamatan *"), self.boxes["scope"])
        form.addRow(self.tr("&Pendamping"), self.boxes["facilitator_id"])
        self._finish_layout(form)
        self._connect_edits(
            {
                "name": self.name_edit.textEdited,
                "year": self.year_spin.valueChanged,
                "starts_on": self.starts_edit.dateChanged,
                "scope": self.kecamatan_combo.currentIndexChanged,
                "facilitator_id": self.facilitator_combo.currentIndexChanged,
            }
        )
        self.validate()

    def data(self) -> CohortInput:
        return CohortInput(
            name=self.name_edit.text(),
            year=self.year_spin.value(),
            starts_on=self.starts_edit.value(),
            scope=self.kecamatan_combo.currentData() or "",
            facilitator_id=self.facilitator_combo.currentData(),
        )

    def _check(self) -> dict[str, str]:
        data = self.data()
        errors: dict[str, str] = {}
        if not data.name.strip():
            errors["name"] = self.tr("Nama kohort: wajib diisi")
        if data.starts_on is None:
            errors["starts_on"] = self.tr("Tanggal mulai: wajib diisi")
        elif abs(data.starts_on.year - (data.year or 0)) > 1:
            errors["starts_on"] = self.tr("Tanggal mulai: %s jauh dari tahun %s") % (
                data.starts_on.strftime("%d-%m-%Y"),
                data.year,
            )
        if not data.scope:
            errors["scope"] = self.tr("Kecamatan: wajib dipilih")
        return errors

    def _save_work(self) -> Callable[[], str]:
        db, data = self._db, self.data()

        def save() -> str:
            with db.transaction() as session:
                return prog.create_cohort(session, data)

        return save


class EnrollDialog(BoxedForm):
    """*Daftarkan keluarga*: find the family by No. KK, choose the participant, the enrollment day."""

    def __init__(
        self, db: Database, tasks: TaskRunner, cohort_id: str, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, tasks, parent)
        self._cohort_id = cohort_id
        self.setWindowTitle(self.tr("Daftarkan keluarga ke kohort"))
        self.no_kk_edit = QLineEdit()
        self.no_kk_edit.setMaxLength(20)
        self.no_kk_edit.setPlaceholderText(self.tr("16 digit No. KK"))
        self.no_kk_edit.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("&Cari"))
        self.search_button.setAutoDefault(False)
        self.search_button.clicked.connect(self.search)
        self.family_combo = QComboBox()
        self.family_combo.currentIndexChanged.connect(lambda _i: self._load_participants())
        self.participant_combo = QComboBox()
        self.date_edit = DateField()
        self.date_edit.set_value(today)
        search_row = QWidget()
        row_layout = QHBoxLayout(search_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.no_kk_edit, 1)
        row_layout.addWidget(self.search_button)
        self.boxes = {
            "no_kk": FieldBox(search_row),
            "household_id": FieldBox(self.family_combo),
            "participant_id": FieldBox(self.participant_combo),
            "enrolled_on": FieldBox(self.date_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("&No. KK *"), self.boxes["no_kk"])
        form.addRow(self.tr("&Keluarga *"), self.boxes["household_id"])
        form.addRow(self.tr("&Peserta (usia produktif) *"), self.boxes["participant_id"])
        form.addRow(self.tr("&Tanggal daftar *"), self.boxes["enrolled_on"])
        self._finish_layout(form)
        label = form.labelForField(self.boxes["no_kk"])
        if isinstance(label, QLabel):
            label.setBuddy(self.no_kk_edit)
        self._connect_edits(
            {
                "household_id": self.family_combo.currentIndexChanged,
                "participant_id": self.participant_combo.currentIndexChanged,
                "enrolled_on": self.date_edit.dateChanged,
            }
        )
        self.validate()

    def _field_of(self, name: str) -> str:
        return {"cohort_id": ""}.get(name, name)

    def search(self) -> None:
        text = self.no_kk_edit.text().strip()
        self._touched.add("no_kk")
        hint = search_hint(text) if text else self.tr("No. KK: wajib diisi")
        if hint:
            fill_combo(self.family_combo, [])
            self._fill_participants([])
            self.errors = {"no_kk": hint}
            show_errors(self.boxes, self.errors, self._touched)
            self.save_button.setEnabled(False)
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> list[lists.FamilyCandidate]:
            with db.read() as session:
                return lists.find_families(session, text)

        self._tasks.run(work, label=self.tr("Mencari keluarga…"), on_success=self._found, on_failure=self._read_failed)

    def _found(self, families: list[lists.FamilyCandidate]) -> None:
        fill_combo(self.family_combo, [(f.household_id, f.label) for f in families])
        self._load_participants()

    def _load_participants(self) -> None:
        household_id = self.family_combo.currentData()
        on = self.date_edit.value() or date.today()
        if not household_id:
            self._fill_participants([])
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> list[lists.ParticipantOption]:
            with db.read() as session:
                return lists.participant_options(session, household_id, on)

        self._tasks.run(
            work, label=self.tr("Memuat anggota…"), on_success=self._fill_participants, on_failure=self._read_failed
        )

    def _fill_participants(self, options: list[lists.ParticipantOption]) -> None:
        fill_combo(self.participant_combo, [(o.member_id, o.label) for o in options])
        self.validate()

    def _read_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SimoncerError):
            self._show_general([str(exc)])
        else:
            self._tasks.report_failure(exc)

    def _check(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.family_combo.count() == 0:
            text = self.no_kk_edit.text().strip()
            errors["no_kk"] = (
                search_hint(text) or self.tr("No. KK: tidak ditemukan") if text else self.tr("No. KK: wajib diisi")
            )
        elif not self.participant_combo.currentData():
            errors["participant_id"] = self.tr("Peserta: wajib dipilih")
        if self.date_edit.value() is None:
            errors["enrolled_on"] = self.tr("Tanggal daftar: wajib diisi")
        return errors

    def _save_work(self) -> Callable[[], str]:
        db, cohort_id = self._db, self._cohort_id
        household_id = self.family_combo.currentData()
        participant_id = self.participant_combo.currentData()
        enrolled_on = self.date_edit.value()

        def save() -> str:
            with db.transaction() as session:
                return prog.enroll(session, cohort_id, household_id, participant_id, enrolled_on)

        return save


class SessionDialog(BoxedForm):
    """*Sesi baru*: the stage, the day, topic and partner."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        cohort_id: str,
        stage: Stage,
        held_on: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, tasks, parent)
        self._cohort_id = cohort_id
        self.setWindowTitle(self.tr("Sesi baru"))
        self.stage_combo = QComboBox()
        fill_combo(self.stage_combo, [(s.value, f"{s.value}. {s.label}") for s in Stage])
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(stage.value))
        self.date_edit = DateField()
        self.date_edit.set_value(held_on)
        self.topic_edit = QLineEdit()
        self.topic_edit.setMaxLength(200)
        self.partner_edit = QLineEdit()
        self.partner_edit.setMaxLength(200)
        self.partner_edit.setPlaceholderText(self.tr("mis. psikolog, BLK, dinas koperasi"))
        self.boxes = {
            "stage": FieldBox(self.stage_combo),
            "held_on": FieldBox(self.date_edit),
            "topic": FieldBox(self.topic_edit),
            "partner": FieldBox(self.partner_edit),
        }
        form = QFormLayout()
        form.addRow(self.tr("T&ahapan *"), self.boxes["stage"])
        form.addRow(self.tr("&Tanggal sesi *"), self.boxes["held_on"])
        form.addRow(self.tr("T&opik"), self.boxes["topic"])
        form.addRow(self.tr("&Mitra"), self.boxes["partner"])
        self._finish_layout(form)
        self._connect_edits(
            {
                "stage": self.stage_combo.currentIndexChanged,
                "held_on": self.date_edit.dateChanged,
                "topic": self.topic_edit.textEdited,
                "partner": self.partner_edit.textEdited,
            }
        )
        self.validate()

    def _check(self) -> dict[str, str]:
        return {} if self.date_edit.value() else {"held_on": self.tr("Tanggal sesi: wajib diisi")}

    def _field_of(self, name: str) -> str:
        return {"cohort_id": ""}.get(name, name)

    def _save_work(self) -> Callable[[], str]:
        db, cohort_id = self._db, self._cohort_id
        stage, held_on = int(self.stage_combo.currentData()), self.date_edit.value()
        topic, partner = self.topic_edit.text(), self.partner_edit.text()

        def save() -> str:
            with db.transaction() as session:
                return progress.add_session(session, cohort_id, stage, held_on, topic, partner)

        return save


class AttendanceDialog(BoxedForm):
    """*Isi kehadiran* of one session: every participant who can be marked, with a *Hadir* check box;
    *Simpan* writes all marks in one ``record_attendance`` call."""

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        chosen: lists.SessionOption,
        rows: list[lists.MarkRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, tasks, parent)
        self._session_id = chosen.id
        self.setWindowTitle(self.tr("Isi kehadiran — %s") % chosen.label)
        self.model = AttendanceModel(rows, self)
        self.table = QTableView()
        self.table.setObjectName("attendance")
        self.table.setModel(self.model)
        configure_table(self.table, {MarkColumn.PRESENT: 14, MarkColumn.NO_KK: (DIGITS, 16)}, MarkColumn.PARTICIPANT)
        self.all_present_button = QPushButton(self.tr("Semua &hadir"))
        self.all_present_button.setAutoDefault(False)
        self.all_present_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_present_button = QPushButton(self.tr("Semua &tidak hadir"))
        self.none_present_button.setAutoDefault(False)
        self.none_present_button.clicked.connect(lambda: self.model.set_all(False))
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.model.dataChanged.connect(lambda *_: self._count())
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.all_present_button)
        row_layout.addWidget(self.none_present_button)
        row_layout.addWidget(self.count_label, 1)
        self.boxes = {"attendance": FieldBox(self.table)}
        form = QFormLayout()
        form.addRow(self.tr("Peserta"), self.boxes["attendance"])
        self._finish_layout(form, row)
        self.setMinimumWidth(640)
        self._count()
        self.validate()

    def _count(self) -> None:
        self.count_label.setText(
            self.tr("%s dari %s peserta hadir") % (self.model.present_count(), self.model.rowCount())
        )

    def _check(self) -> dict[str, str]:
        if not self.model.rowCount():
            return {"attendance": self.tr("Kehadiran: belum ada peserta yang terdaftar sebelum sesi ini")}
        return {}

    def _field_of(self, name: str) -> str:
        return "attendance" if name in ("attendance", "session_id") else name

    def _save_work(self) -> Callable[[], None]:
        db, session_id, marks = self._db, self._session_id, self.model.marks()

        def save() -> None:
            with db.transaction() as session:
                progress.record_attendance(session, session_id, marks)

        return save
