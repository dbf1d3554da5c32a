"""*Kohort dan tahapan* tab of the Graduasi page: the graduasi sejahtera mandiri programme of one cohort.

The operator chooses a cohort (or makes one with *Kohort baru…*) and sees every enrolled family with its
participant, current stage, attendance of that stage, missed sessions and *Tertinggal* (in words; the
colour only repeats it). *Daftarkan keluarga…* enrolls a family found by No. KK; *Sesi baru…* adds a
session of a stage; *Isi kehadiran…* marks everyone for the chosen session in one save; *Lulus tahap*
passes the selected family's current stage after a confirmation. For the selected family, *Rincian tahap…*
edits one stage's dates, partner, skill, outcome and (stage 5) grant; *Koreksi tahap…* sets the stage with
an audited reason; *Keluarkan dari kohort…* withdraws it (the table then says *Keluar* and *Lulus tahap* is
off for it). Reads and writes go through the
``TaskRunner``; a service's refusal is shown in ``message_label`` (or under the field, in the dialogs).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.services import caseload_query as cq
from simoncer_desktop.services import programme_lists as lists
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services.programme import Stage
from simoncer_desktop.services.programme_overview import (
    CohortOverview,
    CohortRow,
    EnrollmentView,
    cohort_overview,
    get_enrollment,
)
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.cohort_dialogs import AttendanceDialog, CohortDialog, EnrollDialog, SessionDialog
from simoncer_desktop.ui.dialogs.stage_dialogs import CorrectStageDialog, StageDetailsDialog, WithdrawDialog
from simoncer_desktop.ui.models.cohort_model import CohortColumn, CohortTableModel
from simoncer_desktop.ui.pages.task_tab import TaskTab
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.form import fill_combo
from simoncer_desktop.ui.widgets.labels import message_label, note_label
from simoncer_desktop.ui.widgets.table import DIGITS, configure_table, select_row, selected_row

log = logging.getLogger(__name__)

WIDTHS: dict[int, int | tuple[str, int]] = {
    CohortColumn.NO_KK: (DIGITS, 16),
    CohortColumn.RECIPIENT: 18,
    CohortColumn.PARTICIPANT: 18,
    CohortColumn.STAGE: 28,
    CohortColumn.ATTENDANCE: 12,
    CohortColumn.MISSED: 8,
    CohortColumn.NOTE: 12,
}


@dataclass(frozen=True)
class Loaded:
    cohorts: list[lists.CohortOption]
    cohort_id: str | None
    overview: CohortOverview | None
    sessions: list[lists.SessionOption]


class CohortTab(TaskTab):
    loaded = Signal()
    """The cohort list and the chosen cohort's table are shown."""

    def __init__(
        self, db: Database, tasks: TaskRunner, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(tasks, parent)
        self._db = db
        self._today = today or date.today()
        self.cohorts: list[lists.CohortOption] = []
        self.overview: CohortOverview | None = None
        self.sessions: list[lists.SessionOption] = []
        """The form open over the tab, if any."""
        self._first_show = True
        self.model = CohortTableModel(self)
        self._build()
        self._sync()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.cohort_combo = QComboBox()
        self.cohort_combo.setMinimumContentsLength(30)
        self.cohort_combo.activated.connect(lambda _i: self.reload())
        cohort_label = QLabel(self.tr("&Kohort:"))
        cohort_label.setBuddy(self.cohort_combo)
        self.new_cohort_button = QPushButton(self.tr("Kohort &baru…"))
        self.new_cohort_button.clicked.connect(self.new_cohort)
        top = QHBoxLayout()
        top.addWidget(cohort_label)
        top.addWidget(self.cohort_combo, 1)
        top.addWidget(self.new_cohort_button)

        self.summary_label = QLabel(self.tr("Belum ada kohort. Buat dengan Kohort baru…"))
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)

        self.table = QTableView()
        self.table.setObjectName("cohortMembers")
        self.table.setModel(self.model)
        configure_table(self.table, WIDTHS, stretch=CohortColumn.STAGE)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync())
        self.model.modelReset.connect(self._sync)

        self.enroll_button = QPushButton(self.tr("&Daftarkan keluarga…"))
        self.enroll_button.clicked.connect(self.enroll)
        self.pass_button = QPushButton(self.tr("&Lulus tahap"))
        self.pass_button.setObjectName("primary")
        self.pass_button.setToolTip(self.tr("Tandai tahap yang sedang dijalani keluarga terpilih sudah lulus"))
        self.pass_button.clicked.connect(self.pass_selected)
        self.details_button = QPushButton(self.tr("&Rincian tahap…"))
        self.details_button.setToolTip(self.tr("Tanggal, mitra, keterampilan, hasil dan bantuan usaha satu tahap"))
        self.details_button.clicked.connect(self.edit_stage)
        self.correct_button = QPushButton(self.tr("&Koreksi tahap…"))
        self.correct_button.setToolTip(self.tr("Ubah tahap keluarga terpilih dengan alasan yang dicatat"))
        self.correct_button.clicked.connect(self.correct_stage)
        self.withdraw_button = QPushButton(self.tr("Keluarkan dari k&ohort…"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.session_button = QPushButton(self.tr("&Sesi baru…"))
        self.session_button.clicked.connect(self.new_session)
        self.session_combo = QComboBox()
        self.session_combo.setMinimumContentsLength(28)
        session_label = QLabel(self.tr("S&esi:"))
        session_label.setBuddy(self.session_combo)
        self.attendance_button = QPushButton(self.tr("&Isi kehadiran…"))
        self.attendance_button.setToolTip(self.tr("Isi kehadiran semua peserta untuk sesi yang dipilih"))
        self.attendance_button.clicked.connect(self.fill_attendance)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enroll_button)
        buttons.addWidget(self.pass_button)
        buttons.addWidget(self.details_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        sessions = QHBoxLayout()  # a row of its own: one row is too wide for a 1366-pixel screen
        sessions.addWidget(session_label)
        sessions.addWidget(self.session_combo)
        sessions.addWidget(self.attendance_button)
        sessions.addWidget(self.session_button)
        sessions.addStretch(1)

        self.message_label = message_label()
        self.info_label = note_label()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(sessions)
        layout.addWidget(self.message_label)
        layout.addWidget(self.info_label)

    # --- state --------------------------------------------------------------------------------

    @property
    def cohort_id(self) -> str | None:
        return self.cohort_combo.currentData()

    def selected(self) -> CohortRow | None:
        return self.model.row_at(selected_row(self.table))

    def select_family(self, no_kk: str) -> bool:
        row = next((i for i, r in enumerate(self.model.rows) if r.no_kk == no_kk), -1)
        if row >= 0:
            select_row(self.table, row)
        return row >= 0

    def chosen_session(self) -> lists.SessionOption | None:
        session_id = self.session_combo.currentData()
        return next((s for s in self.sessions if s.id == session_id), None)

    def _sync(self) -> None:
        has_cohort = self.cohort_id is not None
        row = self.selected()
        free = self.is_free()
        self.cohort_combo.setEnabled(free and bool(self.cohorts))
        self.new_cohort_button.setEnabled(free)
        self.enroll_button.setEnabled(free and has_cohort)
        self.session_button.setEnabled(free and has_cohort)
        self.session_combo.setEnabled(free and bool(self.sessions))
        self.attendance_button.setEnabled(free and self.chosen_session() is not None)
        active = row is not None and not row.complete and row.withdrawn_on is None
        self.pass_button.setEnabled(free and active)
        self.details_button.setEnabled(free and row is not None)
        self.correct_button.setEnabled(free and row is not None and row.withdrawn_on is None)
        self.withdraw_button.setEnabled(free and active)

    def show_info(self, text: str) -> None:
        self.info_label.setText(text)
        self.info_label.setVisible(bool(text))

    # --- tasks --------------------------------------------------------------------------------

    # --- loading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.reload()

    def reload(self, cohort_id: str | None = None, keep: str | None = None) -> None:
        """Reload the cohorts and the chosen one (``cohort_id`` or the one shown); ``keep``: the enrollment
        to select again."""
        wanted = cohort_id or self.cohort_id
        keep = keep or (row.enrollment_id if (row := self.selected()) else None)
        db, on = self._db, self._today

        def work(_progress: Progress, _token: CancelToken) -> Loaded:
            with db.read() as session:
                cohorts = lists.list_cohorts(session)
                ids = [c.id for c in cohorts]
                chosen = wanted if wanted in ids else (ids[0] if ids else None)
                if chosen is None:
                    return Loaded(cohorts, None, None, [])
                return Loaded(
                    cohorts, chosen, cohort_overview(session, chosen, on), lists.list_sessions(session, chosen)
                )

        self._start(work, self.tr("Memuat kohort…"), lambda r: self._show(r, keep), write=False)

    def _show(self, loaded: Loaded, keep: str | None) -> None:
        self.cohorts = loaded.cohorts
        fill_combo(self.cohort_combo, [(c.id, c.label) for c in loaded.cohorts])
        if loaded.cohort_id is not None:
            self.cohort_combo.setCurrentIndex(self.cohort_combo.findData(loaded.cohort_id))
        self.overview = loaded.overview
        previous = self.session_combo.currentData()
        self.sessions = loaded.sessions
        fill_combo(self.session_combo, [(s.id, s.label) for s in reversed(loaded.sessions)])
        if previous is None or self.session_combo.findData(previous) < 0:
            self.session_combo.setCurrentIndex(0)
        self.model.set_rows(loaded.overview.rows if loaded.overview else [])
        self.summary_label.setText(self._summary(loaded.overview))
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            select_row(self.table, row)
        self.loaded.emit()

    def _summary(self, overview: CohortOverview | None) -> str:
        if overview is None:
            return self.tr("Belum ada kohort. Buat dengan Kohort baru…")
        if not overview.rows:
            return self.tr("Kohort %s mulai %s: belum ada keluarga. Tekan Daftarkan keluarga…") % (
                overview.name,
                overview.starts_on.strftime("%d-%m-%Y"),
            )
        per_stage = ", ".join(f"{s.value}: {overview.stage_counts[s]}" for s in Stage if overview.stage_counts.get(s))
        behind = sum(1 for r in overview.rows if r.falling_behind)
        return self.tr("%s keluarga; per tahap %s; selesai %s; tertinggal %s. Batas kehadiran %s.") % (
            len(overview.rows),
            per_stage or "-",
            overview.complete_count,
            behind,
            f"{overview.threshold:.0%}".replace("%", " %"),
        )

    # --- forms --------------------------------------------------------------------------------

    def new_cohort(self) -> None:
        if not self.is_free():
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> tuple[list[cq.Option], list[cq.Option]]:
            with db.read() as session:
                return cq.kecamatan_options(session), cq.facilitator_options(session)

        self._start(work, self.tr("Memuat pilihan…"), self._open_cohort_dialog, write=False)

    def _open_cohort_dialog(self, options: tuple[list[cq.Option], list[cq.Option]]) -> None:
        kecamatan, facilitators = options
        dialog = CohortDialog(self._db, self._tasks, kecamatan, facilitators, self._today, self)

        def after(d: QDialog) -> None:
            assert isinstance(d, CohortDialog)
            self.show_message("")
            self.show_info(self.tr("Kohort %s dibuat.") % " ".join(d.name_edit.text().split()))
            self.reload(d.result_id)

        self.open_dialog(dialog, after)

    def enroll(self) -> None:
        if not self.is_free() or self.cohort_id is None:
            return
        dialog = EnrollDialog(self._db, self._tasks, self.cohort_id, self._today, self)

        def after(d: QDialog) -> None:
            assert isinstance(d, EnrollDialog)
            self.show_message("")
            self.show_info(self.tr("Keluarga %s didaftarkan.") % d.family_combo.currentText())
            self.reload(keep=d.result_id)

        self.open_dialog(dialog, after)

    def new_session(self) -> None:
        if not self.is_free() or self.cohort_id is None:
            return
        row = self.selected()
        stage = row.stage if row is not None and not row.complete else self._common_stage()
        dialog = SessionDialog(self._db, self._tasks, self.cohort_id, stage, self._today, self)

        def after(d: QDialog) -> None:
            assert isinstance(d, SessionDialog)
            self.show_message("")
            self.show_info(self.tr("Sesi %s disimpan.") % d.date_edit.text())
            self.reload()
            if d.result_id is not None:
                self.session_combo.setCurrentIndex(max(self.session_combo.findData(d.result_id), 0))
                self._sync()

        self.open_dialog(dialog, after)

    def _common_stage(self) -> Stage:
        """The stage most active families are in (stage 1 for an empty cohort)."""
        counts = self.overview.stage_counts if self.overview else {}
        return max(Stage, key=lambda s: (counts.get(s, 0), -s.value))

    def fill_attendance(self) -> None:
        chosen = self.chosen_session()
        if not self.is_free() or chosen is None:
            return
        db = self._db

        def work(_progress: Progress, _token: CancelToken) -> list[lists.MarkRow]:
            with db.read() as session:
                return lists.session_marks(session, chosen.id)

        self._start(work, self.tr("Memuat peserta…"), lambda rows: self._open_attendance(chosen, rows), write=False)

    def _open_attendance(self, chosen: lists.SessionOption, rows: list[lists.MarkRow]) -> None:
        dialog = AttendanceDialog(self._db, self._tasks, chosen, rows, self)

        def after(d: QDialog) -> None:
            assert isinstance(d, AttendanceDialog)
            self.show_message("")
            self.show_info(
                self.tr("Kehadiran sesi %s disimpan: %s dari %s hadir.")
                % (chosen.held_on.strftime("%d-%m-%Y"), d.model.present_count(), d.model.rowCount())
            )
            self.reload()

        self.open_dialog(dialog, after)

    # --- passing a stage ----------------------------------------------------------------------

    def pass_selected(self) -> None:
        if not self.is_free():
            return
        row = self.selected()
        if row is None:
            self.show_message(self.tr("Pilih dulu keluarga di tabel."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Lulus tahap"),
            self.tr("Tandai %s (%s) lulus tahap %s. %s per %s?")
            % (
                row.participant_name,
                row.no_kk,
                row.stage.value,
                row.stage.label,
                self._today.strftime("%d-%m-%Y"),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, on, who = self._db, self._today, self.operator_name()
        enrollment_id, stage = row.enrollment_id, row.stage.value

        def work(_progress: Progress, _token: CancelToken) -> None:
            with db.transaction() as session:
                progress.pass_stage(session, enrollment_id, stage, on, who)

        def passed(_result: None) -> None:
            self.show_message("")
            self.show_info(self.tr("%s lulus tahap %s.") % (row.participant_name, stage))
            self.reload(keep=enrollment_id)

        self.show_info("")
        self._start(work, self.tr("Menyimpan kelulusan tahap…"), passed, write=True)

    # --- one enrollment: details, correction, withdrawal --------------------------------------

    def _chosen(self) -> CohortRow | None:
        if not self.is_free():
            return None
        row = self.selected()
        if row is None:
            self.show_message(self.tr("Pilih dulu keluarga di tabel."))
        return row

    def edit_stage(self) -> None:
        row = self._chosen()
        if row is None:
            return
        db, enrollment_id = self._db, row.enrollment_id

        def work(_progress: Progress, _token: CancelToken) -> EnrollmentView:
            with db.read() as session:
                return get_enrollment(session, enrollment_id)

        self._start(work, self.tr("Memuat rincian tahap…"), self._open_stage_dialog, write=False)

    def _open_stage_dialog(self, enrollment: EnrollmentView) -> None:
        dialog = StageDetailsDialog(self._db, self._tasks, enrollment, self)

        def after(d: QDialog) -> None:
            assert isinstance(d, StageDetailsDialog)
            self.show_message("")
            self.show_info(
                self.tr("Rincian tahap %s. %s untuk %s disimpan.")
                % (d.stage.value, d.stage.label, enrollment.participant_name)
            )
            self.reload(keep=enrollment.id)

        self.open_dialog(dialog, after)

    def correct_stage(self) -> None:
        row = self._chosen()
        if row is None:
            return
        current = self.tr("Selesai (semua tahap lulus)") if row.complete else f"{row.stage.value}. {row.stage.label}"
        target = Stage(max(row.stage.value - 1, Stage.SELECTION.value)) if not row.complete else Stage.MENTORING
        dialog = CorrectStageDialog(
            self._db, self._tasks, row.enrollment_id, current, target, self.operator_name(), self._today, self
        )

        def after(d: QDialog) -> None:
            assert isinstance(d, CorrectStageDialog)
            stage = Stage(int(d.stage_combo.currentData()))
            self.show_message("")
            self.show_info(
                self.tr("Koreksi tahap dicatat: %s (%s) kini di tahap %s. %s.")
                % (row.participant_name, row.no_kk, stage.value, stage.label)
            )
            self.reload(keep=row.enrollment_id)

        self.open_dialog(dialog, after)

    def withdraw_selected(self) -> None:
        row = self._chosen()
        if row is None:
            return
        who = f"{row.participant_name} ({row.no_kk})"
        dialog = WithdrawDialog(self._db, self._tasks, row.enrollment_id, who, self.operator_name(), self._today, self)

        def after(d: QDialog) -> None:
            assert isinstance(d, WithdrawDialog)
            on = d.date_edit.value()
            self.show_message("")
            self.show_info(
                self.tr("%s dikeluarkan dari kohort per %s.") % (who, on.strftime("%d-%m-%Y") if on else "-")
            )
            self.reload(keep=row.enrollment_id)

        self.open_dialog(dialog, after)
