"""*Impor data keluarga*: choose a file → preview → save → report.

The check (``plan_import``) and the save (``apply_import``) run off the UI thread through the page's
``TaskRunner`` with progress and *Batal*. The save is one transaction: cancelled or failed, nothing
is stored. When the caseload changed between preview and save, the file is checked again inside the
saving transaction, so what is saved always matches the database it is saved into.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.services import caseload_import
from simoncer_desktop.services.caseload_import import ImportPlan, ImportResult, Outcome
from simoncer_desktop.store import Database
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.tasks import CancelToken, Progress, TaskRunner
from simoncer_desktop.ui.widgets.labels import message_label

log = logging.getLogger(__name__)

PROBLEMS_SHOWN = 50
CHOOSE, PREVIEW, DONE = range(3)


class ImportWizard(QDialog):
    """Window-modal; ``result_counts`` holds what was saved once the import is done."""

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.plan: ImportPlan | None = None
        self.result_counts: ImportResult | None = None
        self.source: Path | None = None
        self.setWindowTitle(self.tr("Impor data keluarga"))
        self.setMinimumSize(760, 520)
        self._build()
        self._show_step(CHOOSE)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.steps = QStackedWidget()
        self.steps.addWidget(self._choose_page())
        self.steps.addWidget(self._preview_page())
        self.steps.addWidget(self._done_page())
        self.buttons = QDialogButtonBox()
        self.back_button = self.buttons.addButton(self.tr("Kembali"), QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button = self.buttons.addButton(self.tr("Periksa"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = self.buttons.addButton(self.tr("Simpan ke database"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.check_button.setObjectName("primary")
        self.back_button.clicked.connect(lambda: self._show_step(CHOOSE))
        self.check_button.clicked.connect(self.check)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self._close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.buttons)

    def _choose_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Pilih berkas .xlsx atau .csv berformat templat (satu baris per anggota; baris dengan No. KK "
                "yang sama membentuk satu keluarga). Berkas diperiksa dulu; belum ada yang disimpan."
            )
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Lokasi berkas…"))
        self.path_edit.textChanged.connect(lambda _t: self._sync_buttons())
        browse = QPushButton(self.tr("Pilih berkas…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.file_error = message_label()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.preview_title = QLabel()
        self.preview_title.setWordWrap(True)
        self.count_labels: dict[Outcome, QLabel] = {}
        form = QFormLayout()
        for outcome, text in (
            (Outcome.NEW, self.tr("Keluarga baru")),
            (Outcome.UPDATED, self.tr("Keluarga diperbarui")),
            (Outcome.UNCHANGED, self.tr("Keluarga tidak berubah")),
            (Outcome.REJECTED, self.tr("Keluarga ditolak")),
        ):
            label = QLabel()
            label.setObjectName(f"count_{outcome.name.lower()}")
            self.count_labels[outcome] = label
            form.addRow(text, label)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.problems_title = QLabel(self.tr("Masalah pertama (keluarga ini tidak akan disimpan):"))
        self.problem_list = QListWidget()
        self.problem_list.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_title)
        layout.addLayout(form)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problem_list, 1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.report_button = QPushButton(self.tr("Simpan laporan per baris…"))
        self.report_button.clicked.connect(self.save_report)
        self.report_label = QLabel()
        self.report_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.report_label)
        layout.addStretch(1)
        return page

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        step = self.steps.currentIndex()
        self.back_button.setVisible(step == PREVIEW)
        self.check_button.setVisible(step == CHOOSE)
        self.check_button.setEnabled(bool(self.path_edit.text().strip()))
        self.save_button.setVisible(step == PREVIEW)
        can_save = self.plan is not None and (self.plan.count(Outcome.NEW) + self.plan.count(Outcome.UPDATED)) > 0
        self.save_button.setEnabled(can_save)
        self.close_button.setText(self.tr("Selesai") if step == DONE else self.tr("Batal"))

    # --- file choice (patched in tests) --------------------------------------------------------

    def ask_open_path(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas data keluarga"), "", self.tr("Spreadsheet (*.xlsx *.csv);;Semua berkas (*)")
        )
        return path

    def ask_report_path(self) -> str:
        default = f"laporan-impor-{date.today():%Y%m%d}.xlsx"
        folder = self.source.parent if self.source else Path.home()
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan laporan impor"), str(folder / default), self.tr("Excel (*.xlsx)")
        )
        return path

    def _browse(self) -> None:
        path = self.ask_open_path()
        if path:
            self.path_edit.setText(path)

    # --- the steps ---------------------------------------------------------------------------

    def check(self) -> None:
        source = Path(self.path_edit.text().strip())
        self.source = source
        self.file_error.hide()
        db = self._db

        def work(progress: Progress, token: CancelToken) -> ImportPlan:
            with db.read() as session:
                return caseload_import.plan_import(session, source, progress, token)

        self._tasks.run(
            work,
            label=self.tr("Memeriksa %s…") % source.name,
            on_success=self._checked,
            on_failure=self._check_failed,
        )

    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.preview_title.setText(
            self.tr("%s: %s baris data, lembar '%s'.") % (plan.file_name, thousands(plan.data_rows), plan.sheet_name)
        )
        for outcome, label in self.count_labels.items():
            label.setText(thousands(plan.count(outcome)))
        notes = list(plan.notes)
        if plan.fixes:
            notes.append(self.tr("%s baris diperbaiki otomatis (dijelaskan di laporan).") % thousands(len(plan.fixes)))
        if plan.new_facilitators:
            notes.append(self.tr("Pendamping baru: %s") % plan.new_facilitator_names())
        if plan.ignored_columns:
            notes.append(self.tr("Kolom diabaikan: %s") % ", ".join(plan.ignored_columns))
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        self.problem_list.clear()
        problems = plan.first_problems(PROBLEMS_SHOWN)
        self.problem_list.addItems(problems)
        self.problems_title.setVisible(bool(problems))
        self.problem_list.setVisible(bool(problems))
        self._show_step(PREVIEW)

    def _check_failed(self, exc: BaseException) -> None:
        self.file_error.setText(str(exc))
        self.file_error.show()
        self._show_step(CHOOSE)

    def save(self) -> None:
        plan = self.plan
        source = self.source
        if plan is None or source is None:
            return
        db = self._db

        def work(progress: Progress, token: CancelToken) -> tuple[ImportPlan, ImportResult]:
            with db.transaction() as session:
                current = plan
                if not caseload_import.is_current(session, plan):
                    log.info("Caseload changed since the preview; checking %s again", source)
                    current = caseload_import.plan_import(session, source, progress, token)
                return current, caseload_import.apply_import(session, current, progress, token)

        self._tasks.run(
            work,
            write=True,
            label=self.tr("Menyimpan data keluarga…"),
            on_success=self._saved,
        )

    def _saved(self, outcome: tuple[ImportPlan, ImportResult]) -> None:
        self.plan, self.result_counts = outcome
        result = self.result_counts
        self.done_label.setText(
            self.tr("Tersimpan: %s keluarga baru dan %s diperbarui (%s anggota). %s tidak berubah, %s ditolak.")
            % (
                thousands(result.new),
                thousands(result.updated),
                thousands(result.members_written),
                thousands(result.unchanged),
                thousands(result.rejected),
            )
        )
        self._show_step(DONE)

    def save_report(self) -> None:
        plan, source = self.plan, self.source
        if plan is None or source is None:
            return
        out = self.ask_report_path()
        if not out:
            return

        def work(_progress: Progress, _token: CancelToken) -> Path:
            return caseload_import.write_report(plan, source, Path(out))

        self._tasks.run(
            work,
            label=self.tr("Menulis laporan…"),
            on_success=lambda path: self.report_label.setText(self.tr("Laporan disimpan: %s") % path),
        )

    def _close(self) -> None:
        if self.result_counts is not None:
            self.accept()
        else:
            self.reject()
