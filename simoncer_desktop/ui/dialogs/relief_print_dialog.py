"""*Cetak dokumen* of an event: which document (BNBA, berita acara serah terima, laporan kejadian), in
which format (PDF or Excel), for which kelurahan (BNBA) or dates (berita acara), and where to save it.

The dialog only builds the request; the page writes the file off the UI thread
(``reports.relief_print.print_document``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.reports.relief_print import FORMATS, LABELS, DocumentKind, DocumentRequest, default_file_name
from simoncer_desktop.services.caseload_query import Option
from simoncer_desktop.services.relief_events import EventRow
from simoncer_desktop.ui.widgets.form import ERROR_MARK, DateField, align_labels
from simoncer_desktop.ui.widgets.labels import message_label

FORMAT_LABELS = {"pdf": "PDF", "xlsx": "Excel (.xlsx)"}
translate = QCoreApplication.translate


def kind_label(kind: DocumentKind) -> str:
    """The document's name for people (``LABELS``), translated at run time."""
    labels = {
        DocumentKind.BNBA: translate("ReliefPrintDialog", "BNBA"),
        DocumentKind.BERITA_ACARA: translate("ReliefPrintDialog", "Berita acara serah terima"),
        DocumentKind.EVENT_REPORT: translate("ReliefPrintDialog", "Laporan kejadian"),
    }
    return labels.get(kind, LABELS[kind])


class ReliefPrintDialog(QDialog):
    def __init__(
        self,
        event: EventRow,
        kelurahan: list[Option],
        folder: Path,
        today: date | None = None,
        kind: DocumentKind = DocumentKind.BERITA_ACARA,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cetak dokumen kejadian %s") % event.code)
        self._event = event
        self._folder = folder
        self._today = today or date.today()
        self.kind_combo = QComboBox()
        for each in DocumentKind:
            self.kind_combo.addItem(kind_label(each), each)
        self.format_combo = QComboBox()
        self.kelurahan_combo = QComboBox()
        self.kelurahan_combo.addItem(self.tr("Semua kelurahan"), None)
        for option in kelurahan:
            self.kelurahan_combo.addItem(option.label, option.value)
        self.all_dates_check = QCheckBox(self.tr("Semua penyaluran sampai hari ini"))
        self.from_edit = DateField()
        self.from_edit.set_value(self._today)
        self.to_edit = DateField()
        self.to_edit.set_value(self._today)
        dates = QWidget()
        dates_layout = QHBoxLayout(dates)
        dates_layout.setContentsMargins(0, 0, 0, 0)
        dates_layout.addWidget(self.from_edit)
        dates_layout.addWidget(QLabel(self.tr("s.d.")))
        dates_layout.addWidget(self.to_edit)
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton(self.tr("&Pilih…"))
        self.browse_button.clicked.connect(self.browse)
        where = QWidget()
        where_layout = QHBoxLayout(where)
        where_layout.setContentsMargins(0, 0, 0, 0)
        where_layout.addWidget(self.path_edit, 1)
        where_layout.addWidget(self.browse_button)
        self.error_label = message_label()

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Dokumen"), self.kind_combo)
        self.form.addRow(self.tr("&Format"), self.format_combo)
        self.form.addRow(self.tr("&Kelurahan"), self.kelurahan_combo)
        self.form.addRow(self.tr("&Tanggal penyaluran"), self.all_dates_check)
        self.form.addRow("", dates)
        self.form.addRow(self.tr("&Simpan ke"), where)
        align_labels(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Cetak"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.format_combo.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self.all_dates_check.toggled.connect(lambda _on: self._sync())
        self.path_edit.textChanged.connect(lambda _t: self._sync())
        self.kind_combo.setCurrentIndex(list(DocumentKind).index(kind))
        self._kind_changed()

    # --- state ----------------------------------------------------------------------------------

    def kind(self) -> DocumentKind:
        return DocumentKind(self.kind_combo.currentData())

    def file_format(self) -> str:
        return str(self.format_combo.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.format_combo.blockSignals(True)
        self.format_combo.clear()
        for each in FORMATS[kind]:
            self.format_combo.addItem(FORMAT_LABELS[each], each)
        self.format_combo.blockSignals(False)
        self._suggest_path()

    def _suggest_path(self) -> None:
        if self.format_combo.currentData() is None:
            return
        name = default_file_name(self.kind(), self._event.code, self.file_format(), self._today)
        current = Path(self.path_edit.text()) if self.path_edit.text().strip() else None
        folder = current.parent if current is not None else self._folder
        self.path_edit.setText(str(folder / name))

    def _sync(self) -> None:
        kind = self.kind()
        is_bnba, is_ba = kind == DocumentKind.BNBA, kind == DocumentKind.BERITA_ACARA
        for widget, shown in ((self.kelurahan_combo, is_bnba), (self.all_dates_check, is_ba)):
            widget.setVisible(shown)
            self.form.labelForField(widget).setVisible(shown)
        dates_shown = is_ba and not self.all_dates_check.isChecked()
        self.from_edit.parentWidget().setVisible(dates_shown)
        errors = self._errors()
        self.error_label.setText(ERROR_MARK + errors[0] if errors else "")
        self.error_label.setVisible(bool(errors))
        self.ok_button.setEnabled(not errors)

    def _errors(self) -> list[str]:
        errors = []
        path_text = self.path_edit.text().strip()
        if not path_text:
            errors.append(self.tr("Simpan ke: pilih nama berkas"))
        elif Path(path_text).suffix.lower() != f".{self.file_format()}":
            errors.append(self.tr("Simpan ke: nama berkas harus berakhiran .%s") % self.file_format())
        if self.kind() == DocumentKind.BERITA_ACARA and not self.all_dates_check.isChecked():
            start, end = self.from_edit.value(), self.to_edit.value()
            if start is None or end is None:
                errors.append(self.tr("Tanggal penyaluran: isi tanggal awal dan akhir"))
            elif start > end:
                errors.append(self.tr("Tanggal penyaluran: tanggal awal sesudah tanggal akhir"))
        return errors

    def browse(self) -> None:
        wanted = self.file_format()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan dokumen"),
            self.path_edit.text(),
            f"{FORMAT_LABELS[wanted]} (*.{wanted})",
        )
        if name:
            path = Path(name)
            self.path_edit.setText(str(path if path.suffix else path.with_suffix(f".{wanted}")))

    # --- result ---------------------------------------------------------------------------------

    def request(self) -> DocumentRequest:
        kind = self.kind()
        dated = kind == DocumentKind.BERITA_ACARA and not self.all_dates_check.isChecked()
        return DocumentRequest(
            kind=kind,
            event_id=self._event.id,
            file_format=self.file_format(),
            kelurahan_code=self.kelurahan_combo.currentData() if kind == DocumentKind.BNBA else None,
            date_from=self.from_edit.value() if dated else None,
            date_to=self.to_edit.value() if dated else None,
        )

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _accept(self) -> None:
        if not self._errors():
            self.accept()
