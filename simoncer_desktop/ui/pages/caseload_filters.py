"""The filter row above the caseload table: Kecamatan → Kelurahan, Pendamping, Status, Komponen, Desil."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QSizePolicy, QWidget

from simoncer_desktop.models.enums import Component, HouseholdStatus
from simoncer_desktop.services.caseload_query import (
    CaseloadFilter,
    facilitator_options,
    kecamatan_options,
    kelurahan_options,
)
from simoncer_desktop.store import Database
from simoncer_desktop.ui.widgets.form import fill_combo


class CaseloadFilterBar(QWidget):
    changed = Signal()
    """A filter changed (the page re-queries)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.kecamatan_combo = self._combo(self.tr("Kecamatan"))
        self.kelurahan_combo = self._combo(self.tr("Kelurahan (pilih kecamatan dahulu)"))
        self.facilitator_combo = self._combo(self.tr("Pendamping"))
        self.status_combo = self._combo(self.tr("Status keluarga"))
        self.component_combo = self._combo(self.tr("Keluarga dengan anggota yang memenuhi komponen ini"))
        self.desil_combo = self._combo(self.tr("Desil kesejahteraan (DTSEN)"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Hapus pencarian dan semua filter"))

        fill_combo(self.status_combo, HouseholdStatus.choices(), self.tr("Semua status"))
        fill_combo(self.component_combo, Component.choices(), self.tr("Semua komponen"))
        fill_combo(self.desil_combo, [(n, self.tr("Desil %d") % n) for n in range(1, 11)], self.tr("Semua desil"))
        self.reload_options()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo, stretch in (
            (self.kecamatan_combo, 3),
            (self.kelurahan_combo, 3),
            (self.facilitator_combo, 3),
            (self.status_combo, 2),
            (self.component_combo, 3),
            (self.desil_combo, 2),
        ):
            layout.addWidget(combo, stretch)
        layout.addWidget(self.reset_button)

        self.kecamatan_combo.currentIndexChanged.connect(self._kecamatan_changed)
        for combo in (
            self.kelurahan_combo,
            self.facilitator_combo,
            self.status_combo,
            self.component_combo,
            self.desil_combo,
        ):
            combo.currentIndexChanged.connect(self.changed)

    def _combo(self, tooltip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(tooltip)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.setMinimumContentsLength(8)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def reload_options(self) -> None:
        """Options that come from the database (after setup or sync changed them)."""
        with self._db.read() as session:
            kecamatan = kecamatan_options(session)
        fill_combo(self.kecamatan_combo, [(o.value, o.label) for o in kecamatan], self.tr("Semua kecamatan"))
        self._fill_dependent()

    def _fill_dependent(self) -> None:
        kecamatan = self.kecamatan_combo.currentData()
        with self._db.read() as session:
            kelurahan = kelurahan_options(session, kecamatan) if kecamatan else []
            facilitators = facilitator_options(session, kecamatan)
        fill_combo(self.kelurahan_combo, [(o.value, o.label) for o in kelurahan], self.tr("Semua kelurahan"))
        self.kelurahan_combo.setEnabled(bool(kecamatan))
        fill_combo(self.facilitator_combo, [(o.value, o.label) for o in facilitators], self.tr("Semua pendamping"))

    def _kecamatan_changed(self) -> None:
        self._fill_dependent()
        self.changed.emit()

    def apply_to(self, base: CaseloadFilter) -> CaseloadFilter:
        """``base`` (search text, sort) with the chosen filters."""
        return base.with_(
            kecamatan=self.kecamatan_combo.currentData(),
            kelurahan=self.kelurahan_combo.currentData(),
            facilitator_id=self.facilitator_combo.currentData(),
            status=self.status_combo.currentData(),
            component=self.component_combo.currentData(),
            desil=self.desil_combo.currentData(),
        )

    def reset(self) -> None:
        """Back to "all" everywhere; emits one ``changed``."""
        blocked = self.blockSignals(True)
        for combo in (self.kecamatan_combo, self.status_combo, self.component_combo, self.desil_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_dependent()
        self.kelurahan_combo.setCurrentIndex(0)
        self.facilitator_combo.setCurrentIndex(0)
        self.blockSignals(blocked)
        self.changed.emit()
