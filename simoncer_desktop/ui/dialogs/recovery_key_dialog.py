"""The recovery key, both ways: ``RecoveryKeyView`` shows a new key once (large, *Salin*, *Simpan/Cetak
PDF…*) and ``RecoverDialog`` takes it back when every password is forgotten (``signin.recover``)."""

from __future__ import annotations

import html
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.change_password_dialog import (
    PasswordPair,
    busy,
    error_label,
    finish_dialog,
    show_message,
)
from simoncer_desktop.ui.widgets.form import FieldBox, align_labels

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def monospace_font(point_size: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setBold(True)
    return font


def write_recovery_pdf(path: Path, key: str, db_path: Path, region: str = "") -> None:
    """One A4 page: what the key is for, the key in large monospace, where the database is."""
    title = translate("RecoveryKeyPdf", "Kunci pemulihan Simoncer")
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Simoncer Desktop")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20))
    )
    stamp = datetime.now().strftime("%d-%m-%Y %H:%M")
    purpose = translate(
        "RecoveryKeyPdf",
        "Kunci ini membuka database Simoncer bila <b>semua kata sandi administrator terlupa</b>. Simpan lembar "
        "ini di tempat aman yang terkunci (bukan di laptop ini) dan jangan difoto atau dikirim lewat pesan.",
    )
    usage = translate(
        "RecoveryKeyPdf",
        "Cara memakai: di layar masuk pilih <i>Lupa semua kata sandi? Pakai kunci pemulihan…</i>, ketik kunci ini "
        "(huruf besar/kecil dan tanda minus boleh diabaikan), nama pengguna administrator dan kata sandi barunya.",
    )
    rows = (
        (translate("RecoveryKeyPdf", "Database:"), html.escape(str(db_path))),
        (translate("RecoveryKeyPdf", "Wilayah:"), html.escape(region)),
        (translate("RecoveryKeyPdf", "Dibuat:"), stamp),
    )
    table = "".join(f"<tr><td>{html.escape(label)}</td><td>{value}</td></tr>" for label, value in rows)
    body = (
        f"<h2>{html.escape(title)}</h2><p>{purpose}</p>"
        f'<p style="font-family: monospace; font-size: 20pt; font-weight: bold;">{html.escape(key)}</p>'
        f"<table>{table}</table><p>{usage}</p>"
    )
    document = QTextDocument()
    document.setHtml(body)
    document.print_(writer)


class RecoveryKeyView(QWidget):
    """A new recovery key: shown large, copyable, savable as a PDF to print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = ""
        self.db_path = Path()
        self.region = ""
        self.saved_to: Path | None = None
        explanation = QLabel(
            self.tr(
                "Ini kunci pemulihan database. Dengan kunci ini database dapat dibuka lagi bila semua kata sandi "
                "administrator terlupa — tanpa kunci ini dan tanpa kata sandi, data tidak dapat dibuka oleh siapa "
                "pun. Kunci hanya ditampilkan sekali: cetak atau tulis, lalu simpan di tempat aman."
            )
        )
        explanation.setWordWrap(True)
        self.key_label = QLabel()
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setFont(monospace_font(16))
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setWordWrap(True)
        self.key_label.setStyleSheet("background: white; border: 1px solid #b8c2cf; padding: 12px;")
        self.copy_button = QPushButton(self.tr("&Salin"))
        self.copy_button.clicked.connect(self.copy)
        self.pdf_button = QPushButton(self.tr("Simpan/&Cetak PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(explanation)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.error)

    def set_key(self, key: str, db_path: Path, region: str = "") -> None:
        self.key, self.db_path, self.region = key, db_path, region
        self.key_label.setText(key)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self.status.setText(self.tr("Kunci disalin. Tempel di tempat aman, lalu hapus dari papan klip."))

    def save_pdf(self) -> None:
        suggested = str(self.db_path.parent / "kunci-pemulihan-simoncer.pdf")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan kunci pemulihan"), suggested, self.tr("PDF (*.pdf)")
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            write_recovery_pdf(path, self.key, self.db_path, self.region)
        except OSError as exc:
            show_message(self.error, self.tr("Berkas tidak dapat disimpan: %s") % exc)
            return
        self.saved_to = path
        show_message(self.error, "")
        self.status.setText(
            self.tr("Tersimpan di %s. Cetak berkas itu, lalu hapus dari laptop ini bila sudah dicetak.") % path
        )


class RecoverDialog(QDialog):
    """*Lupa semua kata sandi?*: the recovery key, an administrator's username and a new password for it
    (``signin.recover``). ``database`` is the signed-in database afterwards."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(parent)
        self._db_path = db_path
        self.database: Database | None = None
        self.setWindowTitle(self.tr("Pakai kunci pemulihan"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Ketik kunci pemulihan yang dicetak saat database dibuat, nama pengguna seorang administrator "
                "dan kata sandi baru untuknya."
            )
        )
        intro.setWordWrap(True)
        self.key_edit = QLineEdit()
        self.key_edit.setFont(monospace_font(11))
        self.key_edit.setPlaceholderText(self.tr("ABCD-EFGH-…"))
        self.key_box = FieldBox(self.key_edit)
        self.username_edit = QLineEdit(username)
        self.username_box = FieldBox(self.username_edit)
        self.pair = PasswordPair(self)
        self.username_edit.textChanged.connect(self.pair.set_username)
        self.pair.set_username(username)
        form = QFormLayout()
        form.addRow(self.tr("&Kunci pemulihan:"), self.key_box)
        form.addRow(self.tr("&Nama pengguna admin:"), self.username_box)
        self.pair.add_rows(form, self.tr("Kata sandi &baru:"), self.tr("&Ulangi kata sandi:"))
        align_labels(form)
        self.error, self.buttons, self.ok_button = finish_dialog(
            self, [intro, form], self.tr("Pulihkan dan masuk"), self.recover
        )

    def recover(self) -> None:
        key = self.key_edit.text().strip()
        username = self.username_edit.text().strip()
        self.key_box.set_error(None if key else self.tr("Kunci pemulihan wajib diisi."))
        self.username_box.set_error(None if username else self.tr("Nama pengguna wajib diisi."))
        if not self.pair.touch_all() or not key or not username:
            return
        from simoncer_desktop.security import signin

        try:
            with busy():
                self.database = signin.recover(self._db_path, key, username, self.pair.password)
        except SimoncerError as exc:
            show_message(self.error, str(exc))
            return
        except Exception as exc:  # a damaged file: say so here rather than crash the login
            log.exception("Recovery of %s failed", self._db_path)
            show_message(self.error, self.tr("Gagal membuka database: %s") % exc)
            return
        self.accept()
