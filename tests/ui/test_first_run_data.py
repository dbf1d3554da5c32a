"""The first-run wizard's *Data awal* (new databases only): empty, a synthetic demo caseload made before the
window opens, or a family file that the main window's import wizard then checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models import DisasterEvent, Household
from simoncer_desktop.services import first_run
from simoncer_desktop.services.caseload_import import Outcome
from simoncer_desktop.services.progress import CancelledError
from simoncer_desktop.store import Database
from simoncer_desktop.ui import tasks
from simoncer_desktop.ui.dialogs.first_run_wizard import FirstRunWizard
from simoncer_desktop.ui.dialogs.import_wizard import PREVIEW
from tests.sheets import families_rows, write_csv, write_xlsx
from tests.ui.accounts import ADMIN, ADMIN_NAME, ADMIN_PASSWORD, KECAMATAN, REGION, cheapen, open_window

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def _cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    cheapen(monkeypatch)


def to_data_page(qtbot: QtBot, path: Path, scope: str = KECAMATAN) -> FirstRunWizard:
    """A new database made through the wizard, its key acknowledged: on *Data awal*."""
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    walk_to_data_page(wizard, scope)
    return wizard


def walk_to_data_page(wizard: FirstRunWizard, scope: str = KECAMATAN) -> None:
    """Wilayah → Administrator → Kunci pemulihan (acknowledged) → *Data awal*, as a user fills them."""
    wizard.show()
    wizard.region_page.choose(REGION, scope)
    wizard.next()
    page = wizard.admin_page
    page.username_edit.setText(ADMIN)
    page.full_name_edit.setText(ADMIN_NAME)
    page.pair.password_edit.setText(ADMIN_PASSWORD)
    page.pair.repeat_edit.setText(ADMIN_PASSWORD)
    wizard.next()
    assert wizard.currentPage() is wizard.recovery_page, page.error.text()
    wizard.recovery_page.saved_check.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.data_page


def families(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(Household.kelurahan_code).where(Household.deleted.is_(False))))


def test_the_demo_caseload_is_made_before_the_wizard_closes(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = to_data_page(qtbot, tmp_path / "baru.sqlite3")
    page = wizard.data_page
    assert page.empty_radio.isChecked() and not page.families_spin.isEnabled()
    assert page.families_spin.value() == first_run.DEFAULT_DEMO_FAMILIES == 200
    page.demo_radio.click()
    assert page.families_spin.isEnabled() and "sintetis" in page.demo_note.text()
    page.families_spin.setValue(40)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)

    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.import_file is None
    assert page.demo_summary is not None and page.demo_summary.families == 40
    assert "40 keluarga demo (sintetis)" in page.done_note.text()
    database = wizard.database
    assert database is not None
    made = families(database)
    assert len(made) == 40 and all(code.startswith(KECAMATAN + ".") for code in made)  # the laptop's kecamatan
    with database.read() as s:
        assert s.scalar(select(func.count()).select_from(DisasterEvent)) == 1  # the demo flood
        queued = s.scalar(text("SELECT count(*) FROM sync_outbox WHERE tbl IN ('household', 'member')"))
        assert queued == 0  # demo families are never queued for sync
    database.close()


def test_the_demo_caseload_is_made_off_the_ui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "RUN_INLINE", False)
    wizard = to_data_page(qtbot, tmp_path / "baru.sqlite3", scope="*")
    page = wizard.data_page
    page.choose("demo")
    page.families_spin.setValue(25)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and page.busy and not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.reject()  # neither Batal nor Escape while the work runs
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.database is not None
    made = families(wizard.database)
    assert len(made) == 25 and all(code.startswith(REGION + ".") for code in made)  # the Dinas office: the city
    wizard.database.close()


def test_cancelled_demo_data_stores_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = to_data_page(qtbot, tmp_path / "baru.sqlite3")
    database = wizard.database
    assert database is not None
    with pytest.raises(CancelledError):
        first_run.add_demo_data(database, 30, cancelled=lambda: True)
    calls = iter([False, False, True])  # cancelled after the families were written, before the commit
    with pytest.raises(CancelledError):
        first_run.add_demo_data(database, 30, cancelled=lambda: next(calls))
    assert families(database) == []  # one transaction: nothing kept
    wizard.data_page.choose("demo")
    wizard.data_page._generation_failed(None)
    assert "tidak ada data demo yang disimpan" in wizard.data_page.error.text()
    assert wizard.data_page.isComplete() and wizard.data_page.demo_radio.isEnabled()
    database.close()


def test_the_import_file_is_checked_on_the_page_and_handed_to_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simoncer_desktop.ui import startup

    source = write_xlsx(tmp_path / "kpm.xlsx", families_rows(1, 2, 3))
    wizard = to_data_page(qtbot, tmp_path / "baru.sqlite3")
    page = wizard.data_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    page.import_radio.click()
    assert not finish.isEnabled()  # a file is required
    page.path_edit.setText(str(tmp_path / "kpm.pdf"))
    assert page.path_box.message == "Hanya berkas .xlsx atau .csv yang dapat diimpor." and not finish.isEnabled()
    page.path_edit.setText(str(tmp_path / "tidak-ada.xlsx"))
    assert page.path_box.message == "Berkas tidak ditemukan."
    monkeypatch.setattr(type(page), "ask_open_path", lambda _self: str(source))
    qtbot.mouseClick(page.browse_button, LEFT)
    assert page.path_box.message == "" and finish.isEnabled()
    qtbot.mouseClick(finish, LEFT)
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.import_file == source
    database = wizard.database
    assert database is not None and families(database) == []  # nothing imported before the window opens

    window = open_window(qtbot, database)
    startup.start_import(window, source)
    assert window.current_page_key() == "caseload"
    dialog = window.caseload_page.import_dialog
    assert dialog is not None and dialog.isVisible() and dialog.path_edit.text() == str(source)
    assert dialog.steps.currentIndex() == PREVIEW  # checked already: the preview, nothing saved yet
    assert dialog.count_labels[Outcome.NEW].text() == "3" and families(database) == []
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert len(families(database)) == 3
    dialog.close()


def test_start_up_hands_the_chosen_file_over(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from simoncer_desktop.ui import startup

    source = write_csv(tmp_path / "kpm.csv", families_rows(4))

    def run_wizard(wizard: FirstRunWizard) -> int:
        walk_to_data_page(wizard)
        wizard.data_page.choose("import")
        wizard.data_page.path_edit.setText(str(source))
        wizard.accept()
        return wizard.result()

    monkeypatch.setattr(FirstRunWizard, "exec", run_wizard)
    steps = startup.FirstSteps()
    database = startup.sign_in_interactively(tmp_path / "baru.sqlite3", "", steps)
    assert database is not None and database.identity is not None and database.identity.username == ADMIN
    assert steps.import_file == source
    database.close()


def test_the_number_of_demo_families_is_checked(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = to_data_page(qtbot, tmp_path / "baru.sqlite3")
    assert wizard.database is not None
    for wrong in (0, first_run.MAX_DEMO_FAMILIES + 1):
        with pytest.raises(ValidationError, match=r"Jumlah keluarga demo harus 1–20\.000"):
            first_run.add_demo_data(wizard.database, wrong)
    wizard.database.close()
