"""The Keluarga page's Ekspor… and Templat… buttons, pressed as a user would (save path patched)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from simoncer_desktop.reports.excel.caseload_workbook import PLACES_SHEET
from simoncer_desktop.services import caseload_export
from simoncer_desktop.services.caseload_sheet import COLUMN_KEYS, SHEET_NAME
from simoncer_desktop.services.progress import CancelledError
from simoncer_desktop.ui.pages.caseload_export_actions import export_name
from simoncer_desktop.ui.pages.caseload_page import CaseloadPage


class SavePath:
    """Replaces the save dialog: answers ``path`` and records what was suggested."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.asked: list[tuple[str, str]] = []

    def __call__(self, title: str, suggested_name: str) -> Path | None:
        self.asked.append((title, suggested_name))
        return self.path


def exported_no_kk(path: Path) -> set[str]:
    rows = list(load_workbook(path, read_only=True)[SHEET_NAME].values)
    assert rows[0] == COLUMN_KEYS
    return {r[0] for r in rows[1:]}


def listed_no_kk(page: CaseloadPage) -> set[str]:
    return {page.model.row_at(row).no_kk for row in range(page.model.rowCount())}


def test_export_writes_the_families_the_page_lists(
    qtbot: QtBot, page: CaseloadPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.filters.kecamatan_combo.setCurrentIndex(1)
    first_word = page.model.row_at(0).recipient_name.split()[0]
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, first_word)
    qtbot.waitUntil(lambda: page.model.caseload_filter.text == first_word)
    listed = listed_no_kk(page)
    assert 0 < len(listed) < 300
    ask = SavePath(tmp_path / "keluarga")  # no suffix typed: .xlsx is added
    monkeypatch.setattr(page.export_actions, "ask_save_path", ask)

    qtbot.mouseClick(page.export_actions.export_button, Qt.MouseButton.LeftButton)

    out = tmp_path / "keluarga.xlsx"
    assert ask.asked == [("Ekspor keluarga ke Excel", export_name())]
    assert exported_no_kk(out) == listed
    result = page.export_actions.last_result
    assert result is not None and result.families == len(listed) and result.path == out
    message = page.export_actions.message
    assert message is not None and message.isVisible()
    assert message.text().startswith(f"{len(listed)} keluarga (")
    assert str(out) in message.text()


def test_closing_the_save_dialog_exports_nothing(
    qtbot: QtBot, page: CaseloadPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page.export_actions, "ask_save_path", SavePath(None))
    qtbot.mouseClick(page.export_actions.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.export_actions.template_button, Qt.MouseButton.LeftButton)
    assert page.export_actions.message is None and page.export_actions.last_result is None
    assert not list(tmp_path.glob("*.xlsx"))


def test_a_cancelled_export_says_so_and_leaves_no_file(
    qtbot: QtBot, page: CaseloadPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "k.xlsx"
    monkeypatch.setattr(page.export_actions, "ask_save_path", SavePath(out))

    def cancelled(*_args: object, **_kwargs: object) -> None:
        raise CancelledError()  # what the service raises after the user pressed Batal

    monkeypatch.setattr(caseload_export, "export_caseload", cancelled)
    qtbot.mouseClick(page.export_actions.export_button, Qt.MouseButton.LeftButton)
    message = page.export_actions.message
    assert message is not None and message.windowTitle() == "Ekspor dibatalkan"
    assert not out.exists()


def test_a_folder_that_cannot_be_written_is_reported(
    qtbot: QtBot, page: CaseloadPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page.export_actions, "ask_save_path", SavePath(tmp_path / "hilang" / "k.xlsx"))
    qtbot.mouseClick(page.export_actions.export_button, Qt.MouseButton.LeftButton)
    message = page.export_actions.message
    assert message is not None and message.icon() == QMessageBox.Icon.Warning
    assert "tidak ada" in message.text()


def test_template_button_saves_the_empty_template(
    qtbot: QtBot, page: CaseloadPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "templat.xlsx"
    ask = SavePath(out)
    monkeypatch.setattr(page.export_actions, "ask_save_path", ask)
    qtbot.mouseClick(page.export_actions.template_button, Qt.MouseButton.LeftButton)
    assert ask.asked == [("Simpan templat Excel", "templat-keluarga.xlsx")]
    workbook = load_workbook(out)
    assert workbook.sheetnames == [SHEET_NAME, PLACES_SHEET]
    assert [c.value for c in workbook[SHEET_NAME][1]] == list(COLUMN_KEYS)
    assert workbook[SHEET_NAME].max_row == 1
    message = page.export_actions.message
    assert message is not None and str(out) in message.text()
