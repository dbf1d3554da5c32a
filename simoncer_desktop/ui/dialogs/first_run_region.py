"""The first page of the first-run wizard: how this laptop starts (a new database with its first
administrator, or enrollment with the central Dinsos server) and, for a new database, the wilayah.

The wilayah lists come from the bundled ``wilayah.csv``: there is no database to ask yet.
"""

from __future__ import annotations

import csv
from functools import cache

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from simoncer_desktop.models.base import GLOBAL_SCOPE
from simoncer_desktop.paths import resource_path
from simoncer_desktop.services.reference import KECAMATAN, REGENCY
from simoncer_desktop.ui.widgets.form import fill_combo

translate = QCoreApplication.translate

ALL_KECAMATAN = "Semua kecamatan (kantor Dinas)"
"""The source text of :func:`all_kecamatan_label` (tests compare with it)."""


def all_kecamatan_label() -> str:
    return translate("RegionPage", "Semua kecamatan (kantor Dinas)")


@cache
def _wilayah() -> tuple[tuple[tuple[str, str], ...], dict[str, tuple[tuple[str, str], ...]]]:
    """(regencies, kecamatan per regency) from the bundled list."""
    regencies: list[tuple[str, str]] = []
    kecamatan: dict[str, list[tuple[str, str]]] = {}
    with resource_path("wilayah.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            level = row["tingkat"]
            if level == REGENCY:
                regencies.append((row["kode"], row["nama"]))
            elif level == KECAMATAN:
                kecamatan.setdefault(row["kode"].rsplit(".", 1)[0], []).append((row["kode"], row["nama"]))
    by_regency = {code: tuple(sorted(items, key=lambda i: i[1])) for code, items in kecamatan.items()}
    return tuple(regencies), by_regency


def regencies() -> list[tuple[str, str]]:
    return list(_wilayah()[0])


def kecamatan_of(regency_code: str) -> list[tuple[str, str]]:
    return list(_wilayah()[1].get(regency_code, ()))


def scope_label(scope: str) -> str:
    """A device scope as people read it: ``Bogor Selatan (32.71.01)``, or *all kecamatan*."""
    if not scope or scope == GLOBAL_SCOPE:
        return all_kecamatan_label()
    name = dict(kecamatan_of(scope.rsplit(".", 1)[0])).get(scope)
    return f"{name} ({scope})" if name else scope


class RegionPage(QWizardPage):
    """*Penyiapan pertama*: the choice new database / enrollment, then the wilayah of a new database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Penyiapan pertama"))
        self.setSubTitle(
            self.tr(
                "Buat database baru di laptop ini, atau daftarkan laptop ini ke server pusat Dinsos dengan kode "
                "sekali pakai dari kantor Dinsos."
            )
        )
        self.new_radio = QRadioButton(self.tr("&Buat database baru di laptop ini (administrator pertama)"))
        self.enroll_radio = QRadioButton(self.tr("&Daftarkan ke server pusat Dinsos"))
        self.new_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.new_radio)
        self.mode_group.addButton(self.enroll_radio)
        self.enroll_note = QLabel(
            self.tr(
                "Wilayah (kecamatan) laptop ini dan akun pengguna diterima dari server; tidak ada administrator "
                "lokal yang dibuat."
            )
        )
        self.enroll_note.setWordWrap(True)
        self.enroll_note.setIndent(24)

        self.regency_combo = QComboBox()
        self.regency_combo.setEditable(True)
        self.regency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.regency_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.regency_combo.completer().setCompletionMode(self.regency_combo.completer().CompletionMode.PopupCompletion)
        fill_combo(self.regency_combo, [(code, f"{name} ({code})") for code, name in regencies()])
        self.kecamatan_combo = QComboBox()
        self.region_box = QGroupBox(self.tr("Wilayah"))
        self.region_note = QLabel(
            self.tr(
                "Kabupaten/kota yang dilayani, dan kecamatan laptop ini. Laptop kantor Dinas yang mengurus semua "
                'kecamatan memilih "%s".'
            )
            % all_kecamatan_label()
        )
        self.region_note.setWordWrap(True)
        form = QFormLayout(self.region_box)
        form.addRow(self.region_note)
        form.addRow(self.tr("&Kabupaten/kota:"), self.regency_combo)
        form.addRow(self.tr("K&ecamatan laptop ini:"), self.kecamatan_combo)

        layout = QVBoxLayout(self)
        layout.addWidget(self.new_radio)
        layout.addWidget(self.enroll_radio)
        layout.addWidget(self.enroll_note)
        layout.addSpacing(8)
        layout.addWidget(self.region_box)
        layout.addStretch(1)
        self.regency_combo.currentIndexChanged.connect(self._regency_changed)
        self.enroll_radio.toggled.connect(self._mode_changed)
        self._regency_changed()
        self._mode_changed()

    def set_legacy(self, subtitle: str) -> None:
        """An old unencrypted database is encrypted in place: no choice, only the wilayah."""
        self.setTitle(self.tr("Wilayah"))
        self.setSubTitle(subtitle)
        self.new_radio.setChecked(True)
        for widget in (self.new_radio, self.enroll_radio, self.enroll_note):
            widget.hide()

    def lock_enrollment(self) -> None:
        """The enrolled database exists (its first sync not finished): going back changes nothing."""
        self.enroll_radio.setChecked(True)
        self.new_radio.setEnabled(False)
        self.enroll_radio.setEnabled(False)

    def choose_enrollment(self, enroll: bool = True) -> None:
        (self.enroll_radio if enroll else self.new_radio).setChecked(True)

    @property
    def enroll(self) -> bool:
        return self.enroll_radio.isChecked()

    def _mode_changed(self) -> None:
        self.region_box.setEnabled(not self.enroll)
        self.enroll_note.setEnabled(self.enroll)
        self.completeChanged.emit()

    def _regency_changed(self) -> None:
        code = self.regency_combo.currentData()
        items = [(k, f"{name} ({k})") for k, name in kecamatan_of(code)] if code else []
        fill_combo(self.kecamatan_combo, [(GLOBAL_SCOPE, all_kecamatan_label()), *items])
        self.completeChanged.emit()

    def choose(self, regency_code: str | None, scope: str | None = None) -> None:
        index = self.regency_combo.findData(regency_code) if regency_code else -1
        if index >= 0:
            self.regency_combo.setCurrentIndex(index)
        if scope:
            index = self.kecamatan_combo.findData(scope)
            if index >= 0:
                self.kecamatan_combo.setCurrentIndex(index)

    @property
    def region_code(self) -> str | None:
        index = self.regency_combo.findText(self.regency_combo.currentText())
        return self.regency_combo.itemData(index) if index >= 0 else None

    @property
    def scope(self) -> str:
        return self.kecamatan_combo.currentData() or GLOBAL_SCOPE

    def isComplete(self) -> bool:
        return self.enroll or self.region_code is not None
