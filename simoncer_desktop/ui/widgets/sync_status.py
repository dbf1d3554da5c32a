"""The sync part of the status bar: *Daring*/*Luring*, *N perubahan menunggu*, *Sinkron terakhir HH:MM* and,
after a failed attempt, the error in red (the whole message in the tooltip). A click opens *Sinkronisasi*.
Not enrolled: *Belum terdaftar di server*."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from simoncer_desktop.ui.format import thousands

if TYPE_CHECKING:
    from simoncer_desktop.ui.sync_controller import SyncView

ERROR_CHARS = 60
"""The error text in the bar is cut here; the tooltip has all of it."""


class SyncStatusWidget(QWidget):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.state_label = QLabel(self.tr("Belum terdaftar di server"))
        self.pending_label = QLabel()
        self.last_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for label in (self.state_label, self.pending_label, self.last_label, self.error_label):
            layout.addWidget(label)
        self.pending_label.hide()
        self.last_label.hide()
        self.error_label.hide()
        self.setToolTip(self.tr("Buka halaman Sinkronisasi"))

    def show_view(self, view: SyncView) -> None:
        status, online, running = view.status, view.online, view.running
        if not status.enrolled:
            self.state_label.setText(self.tr("Belum terdaftar di server"))
            self.state_label.setToolTip("")
            for label in (self.pending_label, self.last_label, self.error_label):
                label.hide()
            return
        if running:
            state = self.tr("Menyinkronkan…")
        elif online is None:
            state = self.tr("Daring") if status.last_attempt_at and not status.failed else ""
        else:
            state = self.tr("Daring") if online else self.tr("Luring")
        self.state_label.setText(state)
        self.state_label.setVisible(bool(state))
        self.state_label.setToolTip(status.server_url or "")
        self.pending_label.setText(self.tr("%s perubahan menunggu") % thousands(status.pending))
        self.pending_label.setVisible(True)
        if status.poison:
            self.pending_label.setText(
                self.pending_label.text() + self.tr(", %s ditolak server") % thousands(status.poison)
            )
        last = status.last_success_text()
        self.last_label.setText(self.tr("Sinkron terakhir %s") % last if last else self.tr("Belum pernah sinkron"))
        self.last_label.setVisible(True)
        error = status.last_error if status.failed and not running else None
        if error:
            short = error if len(error) <= ERROR_CHARS else error[: ERROR_CHARS - 1] + "…"
            self.error_label.setText(self.tr("Gagal: %s") % short)
            self.error_label.setToolTip(error)
            self.error_label.show()
        else:
            self.error_label.hide()
            self.error_label.setToolTip("")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
            event.accept()
            return
        super().mousePressEvent(event)
