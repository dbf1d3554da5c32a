"""The per-family screens of the *Kohort dan tahapan* tab driven as a user: *Rincian tahap…* (stage 5's
grant, a date before the enrollment refused under the field), *Koreksi tahap…* (to the same stage refused,
then recorded and shown) and *Keluarkan dari kohort…* (a day before the enrollment refused, then the table
says *Keluar* and *Lulus tahap* is off)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from simoncer_desktop.services.programme import Stage
from simoncer_desktop.services.programme_overview import get_enrollment
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.stage_dialogs import CorrectStageDialog, StageDetailsDialog, WithdrawDialog
from simoncer_desktop.ui.models.cohort_model import CohortColumn
from simoncer_desktop.ui.pages.cohort_tab import CohortTab
from tests.ui.test_cohort_tab import cell, choose, make_cohort, no_kks, open_enroll, tab  # noqa: F401

LEFT = Qt.MouseButton.LeftButton


def enroll_both(tab: CohortTab, qtbot: QtBot, no_kks: list[str]) -> None:  # noqa: F811
    make_cohort(tab, qtbot)
    for no_kk in no_kks:
        dialog = open_enroll(tab, qtbot, no_kk)
        choose(dialog, "Siti Nurhaliza")
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert tab.model.rowCount() == 2


def test_stage_details_are_edited_with_the_grant_on_stage_five(
    tab: CohortTab,  # noqa: F811
    qtbot: QtBot,
    db: Database,
    no_kks: list[str],  # noqa: F811
) -> None:
    enroll_both(tab, qtbot, no_kks)
    assert tab.select_family(no_kks[0])
    qtbot.mouseClick(tab.details_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, StageDetailsDialog)
    assert dialog.stage_combo.currentData() == 1  # the current stage
    assert not dialog.grant_kind_edit.isEnabled() and not dialog.business_check.isEnabled()
    assert dialog.actual_start_edit.value() is None  # empty allowed

    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(Stage.APPLICATION.value))
    assert dialog.grant_kind_edit.isEnabled() and dialog.grant_amount_spin.isEnabled()
    assert dialog.business_check.isEnabled()
    dialog.actual_start_edit.set_value(date(2026, 1, 5))  # before the enrollment (10-01-2026)
    qtbot.keyClicks(dialog.partner_edit, "Dinas Koperasi")
    qtbot.keyClicks(dialog.grant_kind_edit, "peralatan")
    dialog.grant_amount_spin.setValue(1_500_000)
    dialog.business_check.setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert tab.dialog is dialog and dialog.isVisible()
    assert "sebelum tanggal daftar 10-01-2026" in dialog.boxes["actual_start"].message

    dialog.actual_start_edit.set_value(date(2026, 3, 1))
    qtbot.keyClicks(dialog.outcome_edit, "Warung sembako buka")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert tab.dialog is None
    assert "Rincian tahap 5." in tab.info_label.text()
    with db.read() as s:
        five = get_enrollment(s, tab.model.rows[0].enrollment_id).stages[4]
    assert (five.actual_start, five.partner, five.grant_kind) == (date(2026, 3, 1), "Dinas Koperasi", "peralatan")
    assert (five.grant_amount, five.business_started, five.outcome) == (1_500_000, True, "Warung sembako buka")
    assert cell(tab, no_kks[0], CohortColumn.STAGE) == "1. Seleksi usia produktif"  # details do not move it


def test_stage_correction_is_recorded_and_shown(
    tab: CohortTab,  # noqa: F811
    qtbot: QtBot,
    no_kks: list[str],  # noqa: F811
) -> None:
    enroll_both(tab, qtbot, no_kks)
    assert tab.select_family(no_kks[0])
    qtbot.mouseClick(tab.correct_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, CorrectStageDialog)
    assert "dicatat" in dialog.note_label.text()
    assert not dialog.save_button.isEnabled()  # the reason is required
    qtbot.keyClicks(dialog.reason_edit, "Sudah ikut seleksi di kohort lama")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)  # still stage 1: refused under the field
    assert tab.dialog is dialog
    assert dialog.boxes["to_stage"].message == "Tahap tujuan: peserta sudah di tahap 1"

    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(Stage.COACHING.value))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert tab.dialog is None
    assert "Koreksi tahap dicatat" in tab.info_label.text()
    assert cell(tab, no_kks[0], CohortColumn.STAGE) == "3. Coaching clinic kewirausahaan"
    assert cell(tab, no_kks[1], CohortColumn.STAGE) == "1. Seleksi usia produktif"


def test_withdrawn_family_is_marked_and_cannot_pass(
    tab: CohortTab,  # noqa: F811
    qtbot: QtBot,
    no_kks: list[str],  # noqa: F811
) -> None:
    enroll_both(tab, qtbot, no_kks)
    second = no_kks[1]
    assert tab.select_family(second)
    assert tab.pass_button.isEnabled()
    qtbot.mouseClick(tab.withdraw_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, WithdrawDialog)
    assert second in dialog.who_label.text()
    qtbot.keyClicks(dialog.reason_edit, "Pindah ke luar kota")
    dialog.date_edit.set_value(date(2026, 1, 2))  # before the enrollment
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert tab.dialog is dialog
    assert "sebelum tanggal daftar 10-01-2026" in dialog.boxes["withdrawn_on"].message

    dialog.date_edit.set_value(date(2026, 2, 15))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert tab.dialog is None
    assert cell(tab, second, CohortColumn.NOTE) == "Keluar 15-02-2026"  # in words
    assert "dikeluarkan dari kohort" in tab.info_label.text()
    assert tab.selected() is not None and tab.selected().no_kk == second
    assert not tab.pass_button.isEnabled() and not tab.withdraw_button.isEnabled()
    assert tab.select_family(no_kks[0])
    assert tab.pass_button.isEnabled()
