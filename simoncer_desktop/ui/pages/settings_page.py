"""*Pengaturan*: the display language of this laptop, the office's settings, and where the data lives.

* *Tampilan*: Bahasa Indonesia or English — a per-laptop preference (``simoncer_desktop.preferences``,
  readable before sign-in), saved at once and used from the next start.
* *Sinkronisasi*, *Keamanan*, *Laporan*: database settings (``services.settings.set_settings``), saved
  together with *Simpan* in one transaction (audited, synced). Only administrators (``settings.edit``) may
  change them; everyone else sees them read-only.
* *Tentang data*: version, schema, the database file and the data, log and backup folders, each with
  *Buka folder*.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop import __version__, paths, preferences
from simoncer_desktop.errors import SimoncerError, ValidationError
from simoncer_desktop.services.permissions import can
from simoncer_desktop.services.settings import SETTING_LIMITS, TEXT_MAX_LENGTH, get_setting, set_settings
from simoncer_desktop.store import Database
from simoncer_desktop.ui.widgets.labels import message_label, note_label

log = logging.getLogger(__name__)

SYNC_INTERVAL = "sync_interval_minutes"
IDLE_LOCK = "idle_lock_minutes"
OFFICE_NAME = "report_office_name"
COORDINATOR_NAME = "report_coordinator_name"
HEAD_NAME = "report_head_of_office_name"
FACILITATOR_TARGET = "facilitator_yearly_target"
CITY_TARGET = "city_graduation_target"
NUMBER_SETTINGS = (SYNC_INTERVAL, IDLE_LOCK, FACILITATOR_TARGET, CITY_TARGET)
TEXT_SETTINGS = (OFFICE_NAME, COORDINATOR_NAME, HEAD_NAME)


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _form(box: QGroupBox, grow: bool = False) -> QFormLayout:
    """A form whose fields keep their natural width (a number box as wide as the page reads badly)."""
    form = QFormLayout(box)
    if not grow:
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    return form


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class SettingsPage(QWidget):
    saved = Signal(dict)
    """The database settings a save changed (key → new value), e.g. for the window to re-arm its timers."""
    language_chosen = Signal(str)
    """The display language saved in the preferences (``"id"`` / ``"en"``)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded: dict[str, Any] = {}
        self.may_edit = can(db.identity, "settings.edit") if db.identity is not None else False
        title = QLabel(self.tr("Pengaturan"))
        title.setObjectName("pageTitle")

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self._build_display())
        self.read_only_note = _hint(
            self.tr("Hanya administrator yang dapat mengubah pengaturan di bawah ini; Anda dapat melihatnya saja.")
        )
        self.read_only_note.setVisible(not self.may_edit)
        column.addWidget(self.read_only_note)
        column.addWidget(self._build_sync())
        column.addWidget(self._build_security())
        column.addWidget(self._build_reports())
        column.addWidget(self._build_about())
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)

        self.error = message_label()
        self.note = note_label()
        self.save_button = QPushButton(self.tr("&Simpan"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button = QPushButton(self.tr("Ke&mbalikan"))
        self.revert_button.setToolTip(self.tr("Buang perubahan yang belum disimpan"))
        self.revert_button.clicked.connect(lambda: self.reload())
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        for button in (self.save_button, self.revert_button):
            button.setVisible(self.may_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.reload()

    # --- sections --------------------------------------------------------------------------------------

    def _build_display(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tampilan"))
        self.language_combo = QComboBox()
        self.language_combo.addItem("Bahasa Indonesia", preferences.INDONESIAN)  # no-tr: a language's own name
        self.language_combo.addItem("English", preferences.ENGLISH)  # no-tr: a language's own name
        self.language_combo.setMinimumWidth(200)
        self.language_combo.setCurrentIndex(self.language_combo.findData(preferences.stored_language()))
        self.language_combo.currentIndexChanged.connect(lambda _index: self.choose_language())
        self.language_note = _hint(
            self.tr(
                "Bahasa tampilan laptop ini, untuk semua pengguna; berganti saat dipilih. Dokumen dan berkas "
                "ekspor tetap berbahasa Indonesia."
            )
        )
        form = _form(box)
        form.addRow(self.tr("&Bahasa"), self.language_combo)
        form.addRow(self.language_note)
        return box

    def _spin(self, key: str, suffix: str, off_text: str = "") -> QSpinBox:
        low, high = SETTING_LIMITS[key]
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setGroupSeparatorShown(True)
        if off_text:
            spin.setSpecialValueText(off_text)
        spin.setMinimumWidth(140)
        return spin

    def _build_sync(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sinkronisasi"))
        self.sync_interval = self._spin(SYNC_INTERVAL, self.tr(" menit"), self.tr("Mati"))
        form = _form(box)
        form.addRow(self.tr("Sinkronkan &otomatis setiap"), self.sync_interval)
        form.addRow(
            _hint(
                self.tr(
                    "Selama ada pengguna yang masuk dan laptop ini terdaftar di server pusat. "
                    "0 mematikan sinkronisasi otomatis (Sinkronkan sekarang tetap bisa)."
                )
            )
        )
        return box

    def _build_security(self) -> QGroupBox:
        box = QGroupBox(self.tr("Keamanan"))
        self.idle_lock = self._spin(IDLE_LOCK, self.tr(" menit"), self.tr("Tidak pernah"))
        form = _form(box)
        form.addRow(self.tr("&Kunci layar setelah tidak dipakai"), self.idle_lock)
        form.addRow(_hint(self.tr("Layar terkunci dan kata sandi diminta lagi. 0 = tidak pernah terkunci.")))
        return box

    def _build_reports(self) -> QGroupBox:
        box = QGroupBox(self.tr("Laporan"))
        self.office_name = QLineEdit()
        self.coordinator_name = QLineEdit()
        self.head_name = QLineEdit()
        for edit in (self.office_name, self.coordinator_name, self.head_name):
            edit.setMaxLength(TEXT_MAX_LENGTH)
            edit.setMinimumWidth(420)
        self.facilitator_target = self._spin(FACILITATOR_TARGET, self.tr(" keluarga"))
        self.city_target = self._spin(CITY_TARGET, self.tr(" keluarga"))
        form = _form(box)
        form.addRow(self.tr("&Nama kantor"), self.office_name)
        form.addRow(self.tr("Nama koordinator &PKH"), self.coordinator_name)
        form.addRow(self.tr("Nama kepala &dinas"), self.head_name)
        form.addRow(_hint(self.tr("Nama-nama ini dicetak di bawah tanda tangan laporan graduasi dan berita acara.")))
        form.addRow(self.tr("Tar&get graduasi per pendamping per tahun"), self.facilitator_target)
        form.addRow(self.tr("&Target graduasi kota per tahun"), self.city_target)
        form.addRow(_hint(self.tr("Perubahan berlaku mulai hari ini; laporan tahun lalu tetap memakai nilai lama.")))
        return box

    def _folder_row(self, folder: Path) -> tuple[QLabel, QPushButton, QHBoxLayout]:
        value = _value_label()
        value.setText(str(folder))
        button = QPushButton(self.tr("Buka folder"))
        button.clicked.connect(lambda: self.open_folder(folder))
        row = QHBoxLayout()
        row.addWidget(value, 1)
        row.addWidget(button)
        return value, button, row

    def _build_about(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tentang data"))
        path = Path(self._db.path)
        self.version_value = _value_label()
        self.version_value.setText(__version__)
        self.schema_value = _value_label()
        self.schema_value.setText(str(self._db.migration.to_revision or "—"))
        self.database_value, self.database_button, database_row = self._folder_row(path.parent)
        self.database_value.setText(str(path))
        self.data_value, self.data_button, data_row = self._folder_row(paths.data_dir())
        self.log_value, self.log_button, log_row = self._folder_row(paths.log_dir())
        self.backup_value, self.backup_button, backup_row = self._folder_row(paths.backup_dir(path))
        form = _form(box, grow=True)
        form.addRow(self.tr("Versi Simoncer"), self.version_value)
        form.addRow(self.tr("Revisi skema database"), self.schema_value)
        form.addRow(self.tr("Berkas database"), database_row)
        form.addRow(self.tr("Folder data"), data_row)
        form.addRow(self.tr("Folder log"), log_row)
        form.addRow(self.tr("Folder cadangan"), backup_row)
        return box

    # --- behaviour -------------------------------------------------------------------------------------

    def _fields(self) -> dict[str, QSpinBox | QLineEdit]:
        return {
            SYNC_INTERVAL: self.sync_interval,
            IDLE_LOCK: self.idle_lock,
            OFFICE_NAME: self.office_name,
            COORDINATOR_NAME: self.coordinator_name,
            HEAD_NAME: self.head_name,
            FACILITATOR_TARGET: self.facilitator_target,
            CITY_TARGET: self.city_target,
        }

    def field_label(self, key: str) -> str:
        """The field's name as the user reads it (in messages)."""
        labels = {
            SYNC_INTERVAL: self.tr("Sinkronkan otomatis setiap"),
            IDLE_LOCK: self.tr("Kunci layar setelah tidak dipakai"),
            OFFICE_NAME: self.tr("Nama kantor"),
            COORDINATOR_NAME: self.tr("Nama koordinator PKH"),
            HEAD_NAME: self.tr("Nama kepala dinas"),
            FACILITATOR_TARGET: self.tr("Target graduasi per pendamping per tahun"),
            CITY_TARGET: self.tr("Target graduasi kota per tahun"),
        }
        return labels.get(key, key)

    def reload(self) -> None:
        """Show the values in force today (discarding unsaved edits)."""
        with self._db.read() as session:
            self._loaded = {key: get_setting(session, key) for key in (*NUMBER_SETTINGS, *TEXT_SETTINGS)}
        for key, widget in self._fields().items():
            value = self._loaded[key]
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
                widget.setReadOnly(not self.may_edit)
                if not self.may_edit:
                    widget.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            else:
                widget.setText(str(value or ""))
                widget.setReadOnly(not self.may_edit)
            widget.setProperty("invalid", False)
            self._repolish(widget)
        self.error.hide()

    def values(self) -> dict[str, Any]:
        """What the form shows now (numbers as int, names trimmed)."""
        out: dict[str, Any] = {}
        for key, widget in self._fields().items():
            out[key] = widget.value() if isinstance(widget, QSpinBox) else widget.text().strip()
        return out

    def changes(self) -> dict[str, Any]:
        return {key: value for key, value in self.values().items() if value != self._loaded.get(key)}

    def check(self) -> dict[str, str]:
        """Messages per field key, naming the field (empty: the form can be saved)."""
        errors: dict[str, str] = {}
        for key in TEXT_SETTINGS:
            if not self.values()[key]:
                errors[key] = self.tr("%s wajib diisi.") % self.field_label(key)
        return errors

    def save(self) -> bool:
        """Store the changed settings in one transaction; True when saved (or nothing to save)."""
        self.note.hide()
        if not self.may_edit:
            return self._show_error(self.tr("Hanya administrator yang dapat mengubah pengaturan."))
        errors = self.check()
        for key, widget in self._fields().items():
            widget.setProperty("invalid", key in errors)
            self._repolish(widget)
        if errors:
            first = next(iter(errors))
            self._fields()[first].setFocus()
            return self._show_error("\n".join(errors.values()))
        changes = self.changes()
        if not changes:
            self.error.hide()
            self._show_note(self.tr("Tidak ada perubahan."))
            return True
        try:
            with self._db.transaction() as session:
                changed = set_settings(session, changes)
        except ValidationError as exc:
            lines = []
            for key, message in exc.by_field().items():
                if key in self._fields():
                    self._fields()[key].setProperty("invalid", True)
                    self._repolish(self._fields()[key])
                    message = f"{self.field_label(key)}: {message.removeprefix(key + ': ')}"
                lines.append(message)
            return self._show_error("\n".join(lines))
        except SimoncerError as exc:
            return self._show_error(str(exc))
        saved = {key: changes[key] for key in changed}
        self.reload()
        self._show_note(self.tr("Pengaturan disimpan (%d diubah).") % len(saved))
        log.info("Settings saved: %s", ", ".join(sorted(saved)))
        self.saved.emit(saved)
        return True

    def choose_language(self) -> None:
        language = str(self.language_combo.currentData())
        if language == preferences.stored_language():
            return
        try:
            preferences.set_language(language)
        except OSError as exc:
            log.warning("The language preference could not be saved", exc_info=True)
            self._show_error(self.tr("Bahasa tidak dapat disimpan: %s") % exc)
            return
        self._show_note(self.tr("Bahasa disimpan."))
        self.language_chosen.emit(language)

    def open_folder(self, folder: Path) -> bool:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._show_error(self.tr("Folder tidak dapat dibuka: %s") % folder)
            return False
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.changes():
            self.reload()  # a sync may have brought new values

    def _show_error(self, text: str) -> bool:
        self.error.setText(text)
        self.error.show()
        return False

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)
