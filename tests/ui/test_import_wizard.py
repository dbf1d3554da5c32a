"""The import wizard driven as a user: choose a file, read the preview, save, save the report."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from simoncer_desktop.models.household import Household
from simoncer_desktop.services import caseload
from simoncer_desktop.services.caseload_import import Outcome
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.import_wizard import CHOOSE, DONE, PREVIEW, ImportWizard
from simoncer_desktop.ui.pages.caseload_page import CaseloadPage
from tests.factories import family
from tests.sheets import families_rows, write_xlsx

LEFT = Qt.MouseButton.LeftButton


def live_families(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Household).where(Household.deleted.is_(False))) or 0


def open_wizard(qtbot: QtBot, page: CaseloadPage, path: Path, monkeypatch: pytest.MonkeyPatch) -> ImportWizard:
    monkeypatch.setattr(ImportWizard, "ask_open_path", lambda _self: str(path))
    qtbot.mouseClick(page.import_button, LEFT)
    wizard = page.import_dialog
    assert wizard is not None and wizard.isVisible()
    assert wizard.steps.currentIndex() == CHOOSE and not wizard.check_button.isEnabled()
    return wizard


def choose_and_check(qtbot: QtBot, wizard: ImportWizard) -> None:
    browse = next(b for b in wizard.findChildren(type(wizard.check_button)) if b.text() == "Pilih berkas…")
    qtbot.mouseClick(browse, LEFT)
    assert wizard.check_button.isEnabled()
    qtbot.mouseClick(wizard.check_button, LEFT)


def test_preview_then_save_then_report(
    qtbot: QtBot, page: CaseloadPage, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = families_rows(1, 2, 3)
    rows[9]["JENIS_KELAMIN"] = "X"  # family 3 is refused
    source = write_xlsx(tmp_path / "kpm.xlsx", rows)
    before = live_families(demo_db)
    wizard = open_wizard(qtbot, page, source, monkeypatch)
    choose_and_check(qtbot, wizard)
    assert wizard.steps.currentIndex() == PREVIEW
    assert wizard.count_labels[Outcome.NEW].text() == "2"
    assert wizard.count_labels[Outcome.REJECTED].text() == "1"
    first = wizard.problem_list.item(0).text()
    assert "Baris 11, kolom JENIS_KELAMIN ('X')" in first
    assert live_families(demo_db) == before  # the preview stores nothing

    qtbot.mouseClick(wizard.save_button, LEFT)
    assert wizard.steps.currentIndex() == DONE
    assert "2 keluarga baru" in wizard.done_label.text()
    assert live_families(demo_db) == before + 2

    report = tmp_path / "laporan.xlsx"
    monkeypatch.setattr(ImportWizard, "ask_report_path", lambda _self: str(report))
    qtbot.mouseClick(wizard.report_button, LEFT)
    assert str(report) in wizard.report_label.text()
    sheet = openpyxl.load_workbook(report)["Anggota"]
    assert sheet.max_row == 13

    qtbot.mouseClick(wizard.close_button, LEFT)
    assert page.import_dialog is None
    assert page.count_label.text().startswith(f"{before + 2}")


def test_unreadable_file_is_explained_on_the_first_step(
    qtbot: QtBot, page: CaseloadPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "catatan.pdf"
    source.write_bytes(b"%PDF-1.4")
    wizard = open_wizard(qtbot, page, source, monkeypatch)
    choose_and_check(qtbot, wizard)
    assert wizard.steps.currentIndex() == CHOOSE
    assert wizard.file_error.isVisibleTo(wizard)
    assert "bukan spreadsheet" in wizard.file_error.text()


def test_a_change_after_the_preview_is_taken_into_account(
    qtbot: QtBot, page: CaseloadPage, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_xlsx(tmp_path / "kpm.xlsx", families_rows(1, 2))
    wizard = open_wizard(qtbot, page, source, monkeypatch)
    choose_and_check(qtbot, wizard)
    assert wizard.count_labels[Outcome.NEW].text() == "2"
    with demo_db.transaction() as s:  # someone stores family 1 meanwhile
        caseload.create_household(s, *family(1))
    qtbot.mouseClick(wizard.save_button, LEFT)
    result = wizard.result_counts
    assert result is not None and (result.new, result.unchanged + result.updated) == (1, 1)


def test_nothing_to_save_keeps_the_save_button_disabled(
    qtbot: QtBot, page: CaseloadPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = families_rows(1)
    rows[0]["PENGURUS"] = "T"
    wizard = open_wizard(qtbot, page, write_xlsx(tmp_path / "x.xlsx", rows), monkeypatch)
    choose_and_check(qtbot, wizard)
    assert wizard.count_labels[Outcome.REJECTED].text() == "1"
    assert not wizard.save_button.isEnabled()
    assert "keluarga tanpa pengurus" in wizard.problem_list.item(0).text()
