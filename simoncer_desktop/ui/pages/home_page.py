"""*Beranda* (today's work) and the placeholder for pages still to come."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from simoncer_desktop.models.enums import EventStatus, HouseholdStatus
from simoncer_desktop.services.caseload_query import CaseloadFilter, count
from simoncer_desktop.services.relief_events import list_events
from simoncer_desktop.store import Database
from simoncer_desktop.ui.format import thousands


class HomePage(QWidget):
    """A short summary of the caseload and the open disaster events; follow-ups due and pending sync will
    join it."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._stale = False
        title = QLabel(self.tr("Beranda"))
        title.setObjectName("pageTitle")
        self.total_value, total_card = self._card(self.tr("Keluarga terdaftar"))
        self.active_value, active_card = self._card(self.tr("Keluarga aktif (KPM PKH)"))
        self.events_value, events_card = self._card(self.tr("Kejadian bencana dibuka (Ctrl+4)"))
        cards = QGridLayout()
        cards.addWidget(total_card, 0, 0)
        cards.addWidget(active_card, 0, 1)
        cards.addWidget(events_card, 0, 2)
        cards.setColumnStretch(3, 1)
        hint = QLabel(
            self.tr(
                "Tekan Ctrl+2 untuk membuka daftar keluarga. Pindah halaman dengan Ctrl+angka menurut urutan menu "
                "di kiri (Ctrl+1 Beranda, Ctrl+0 yang kesepuluh)."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(cards)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.refresh()

    def _card(self, caption: str) -> tuple[QLabel, QFrame]:
        card = QFrame()
        card.setObjectName("card")
        card.setMinimumWidth(240)
        value = QLabel("0")
        value.setObjectName("cardValue")
        label = QLabel(caption)
        label.setObjectName("cardLabel")
        inner = QVBoxLayout(card)
        inner.addWidget(value)
        inner.addWidget(label)
        return value, card

    def mark_stale(self) -> None:
        """Something shown here changed elsewhere: count again when the page is next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        with self._db.read() as session:
            total = count(session)
            active = count(session, CaseloadFilter(status=HouseholdStatus.ACTIVE.value))
            open_events = list_events(session, EventStatus.OPEN.value)
        self.total_value.setText(thousands(total))
        self.active_value.setText(thousands(active))
        self.events_value.setText(thousands(len(open_events)))
        line = self.tr("%s %s: %s keluarga")
        self.events_value.setToolTip("\n".join(line % (e.code, e.title, e.families) for e in open_events))

