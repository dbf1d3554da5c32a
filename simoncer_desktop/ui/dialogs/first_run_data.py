"""The first-run wizard's *Data awal* page (new databases only): start empty, import a family file, or fill
a synthetic demo caseload.

* *Impor*: the file is only chosen here; after *Selesai* the main window opens and its import wizard
  (``ui/dialogs/import_wizard.py``) checks that file and shows the preview before anything is saved
  (``ui/startup.py`` starts it). The import's checks, report and permissions stay in one place.
* *Data demo*: generated here, on *Selesai*, off the UI thread (``services.first_run.add_demo_data``,
  one transaction: *Batal* or a failure stores nothing), before the window reads its first counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.services import first_run
from simoncer_desktop.ui.dialogs.change_password_dialog import error_label, show_message
from simoncer_desktop.ui.format import thousands
from simoncer_desktop.ui.tasks import CancelToken, Progress
from simoncer_desktop.ui.widgets.form import FieldBox
from simoncer_desktop.ui.widgets.labels import note_label

if TYPE_CHECKING:
    from simoncer_desktop.ui.dialogs.first_run_wizard import FirstRunWizard

IMPORT_SUFFIXES = (".xlsx", ".csv")
EMPTY, IMPORT, DEMO = "empty", "import", "demo"


class InitialDataPage(QWizardPage):
    """``demo_summary`` once the demo caseload was written; the chosen import file is ``import_file``."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.busy = False
        self._finish_when_done = False
        self.demo_summary: first_run.DemoSummary | None = None
        self.setTitle(self.tr("Data awal"))
        self.setSubTitle(
            self.tr(
                "Database baru masih kosong. Pilih cara memulai; berkas keluarga dapat juga diimpor nanti dari "
                "halaman Keluarga."
            )
        )
        self.empty_radio = QRadioButton(self.tr("&Mulai dengan database kosong"))
        self.import_radio = QRadioButton(self.tr("&Impor berkas keluarga (Excel/CSV)…"))
        self.demo_radio = QRadioButton(self.tr("Isi data &demo (sintetis)"))
        self.empty_radio.setChecked(True)
        self.choice = QButtonGroup(self)
        for radio in (self.empty_radio, self.import_radio, self.demo_radio):
            self.choice.addButton(radio)
            radio.toggled.connect(lambda _c: self._choice_changed())

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Lokasi berkas .xlsx atau .csv…"))
        self.path_edit.textChanged.connect(lambda _t: self._path_changed())
        self.path_box = FieldBox(self.path_edit)
        self.browse_button = QPushButton(self.tr("Pilih &berkas…"))
        self.browse_button.clicked.connect(self._browse)
        self.import_note = QLabel(
            self.tr(
                "Setelah Selesai, jendela utama terbuka dan jendela Impor data keluarga memeriksa berkas ini. "
                "Anda melihat hasil pemeriksaannya sebelum ada yang disimpan."
            )
        )
        self.import_note.setWordWrap(True)
        import_row = QHBoxLayout()
        import_row.setContentsMargins(24, 0, 0, 0)
        import_row.addWidget(self.path_box, 1)
        import_row.addWidget(self.browse_button)

        self.families_spin = QSpinBox()
        self.families_spin.setRange(1, first_run.MAX_DEMO_FAMILIES)
        self.families_spin.setValue(first_run.DEFAULT_DEMO_FAMILIES)
        self.families_spin.setGroupSeparatorShown(True)
        self.families_spin.setSuffix(self.tr(" keluarga"))
        self.demo_note = QLabel(
            self.tr(
                "Data demo adalah data rekaan (sintetis): nama, NIK, No. KK dan alamatnya bukan orang sungguhan. "
                "Termasuk satu kejadian banjir demo. Gunakan untuk berlatih, jangan dicampur dengan data KPM asli; "
                "data demo tidak dikirim ke server pusat."
            )
        )
        self.demo_note.setWordWrap(True)
        demo_row = QHBoxLayout()
        demo_row.setContentsMargins(24, 0, 0, 0)
        demo_row.addWidget(self.families_spin)
        demo_row.addStretch(1)

        self.error = error_label()
        self.done_note = note_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_radio)
        layout.addWidget(self.import_radio)
        layout.addLayout(import_row)
        layout.addWidget(_indented(self.import_note))
        layout.addWidget(self.demo_radio)
        layout.addLayout(demo_row)
        layout.addWidget(_indented(self.demo_note))
        layout.addWidget(self.error)
        layout.addWidget(self.done_note)
        layout.addStretch(1)
        self._choice_changed()

    # --- the choice ---------------------------------------------------------------------------

    @property
    def choice_key(self) -> str:
        if self.import_radio.isChecked():
            return IMPORT
        return DEMO if self.demo_radio.isChecked() else EMPTY

    def choose(self, key: str) -> None:
        {EMPTY: self.empty_radio, IMPORT: self.import_radio, DEMO: self.demo_radio}[key].setChecked(True)

    @property
    def import_file(self) -> Path | None:
        """The file to import after *Selesai*, when that was chosen and the file is usable."""
        if self.choice_key != IMPORT or self.path_error():
            return None
        return Path(self.path_edit.text().strip()).expanduser()

    def path_error(self) -> str:
        text = self.path_edit.text().strip()
        if not text:
            return self.tr("Pilih berkas yang akan diimpor.")
        path = Path(text).expanduser()
        if path.suffix.lower() not in IMPORT_SUFFIXES:
            return self.tr("Hanya berkas .xlsx atau .csv yang dapat diimpor.")
        if not path.is_file():
            return self.tr("Berkas tidak ditemukan.")
        return ""

    def ask_open_path(self) -> str:
        """The family file (patched in tests)."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas data keluarga"), "", self.tr("Spreadsheet (*.xlsx *.csv);;Semua berkas (*)")
        )
        return path

    def _browse(self) -> None:
        path = self.ask_open_path()
        if path:
            self.path_edit.setText(path)

    def _choice_changed(self) -> None:
        key = self.choice_key
        locked = self.busy or self.demo_summary is not None
        for widget in (self.path_edit, self.browse_button, self.import_note):
            widget.setEnabled(key == IMPORT and not locked)
        for widget in (self.families_spin, self.demo_note):
            widget.setEnabled(key == DEMO and not locked)
        self._path_changed()

    def _path_changed(self) -> None:
        shown = self.choice_key == IMPORT and bool(self.path_edit.text().strip())
        self.path_box.set_error(self.path_error() if shown else None)
        show_message(self.error, "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.busy:
            return False
        return self.choice_key != IMPORT or not self.path_error()

    # --- finishing ----------------------------------------------------------------------------

    def validatePage(self) -> bool:
        """*Selesai*: the demo caseload is written first (off the UI thread); the wizard closes when done."""
        if self.choice_key != DEMO or self.demo_summary is not None:
            return True
        if self.busy:
            return False
        return self._generate()

    def _generate(self) -> bool:
        database = self._wizard.database
        if database is None:
            return True
        families = self.families_spin.value()

        def work(progress: Progress, token: CancelToken) -> first_run.DemoSummary:
            return first_run.add_demo_data(database, families, progress=progress, cancelled=lambda: token.cancelled)

        self.busy = True
        self._finish_when_done = False
        show_message(self.error, "")
        self._set_locked()
        self._wizard.tasks.run(
            work,
            label=self.tr("Membuat %s keluarga demo (sintetis)…") % thousands(families),
            write=True,
            on_success=self._generated,
            on_failure=self._generation_failed,
            on_cancelled=lambda: self._generation_failed(None),
        )
        if self.demo_summary is not None:
            return True  # finished already (tasks run inline in tests)
        self._finish_when_done = self.busy
        return False

    def _set_locked(self) -> None:
        locked = self.busy or self.demo_summary is not None
        for radio in (self.empty_radio, self.import_radio, self.demo_radio):
            radio.setEnabled(not locked)
        self._choice_changed()

    def _generated(self, summary: first_run.DemoSummary) -> None:
        self.busy = False
        self.demo_summary = summary
        self._set_locked()
        self.done_note.setText(
            self.tr("Dibuat %s keluarga demo (sintetis) dengan %s anggota di wilayah %s.")
            % (thousands(summary.families), thousands(summary.members), summary.region)
        )
        self.done_note.show()
        if self._finish_when_done:
            self._finish_when_done = False
            self._wizard.accept()

    def _generation_failed(self, exc: BaseException | None) -> None:
        self.busy = False
        self._finish_when_done = False
        self._set_locked()
        if exc is None:
            message = self.tr("Dibatalkan; tidak ada data demo yang disimpan.")
        elif isinstance(exc, SimoncerError):
            message = self.tr("Data demo tidak dapat dibuat: %s") % exc
        else:
            self._wizard.log_failure("Generating demo data", exc)
            message = self.tr("Data demo tidak dapat dibuat karena kesalahan tak terduga: %s") % exc
        show_message(self.error, message)


def _indented(label: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(24, 0, 0, 0)
    row.addWidget(label)
    return box
