"""*Pengaturan*: language preference, database settings saved (audited) by administrators only, validation
naming the field, the data folders, and the fit at 1366×768. Plus ``services.settings.set_settings``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from simoncer_desktop import __version__, paths, preferences
from simoncer_desktop.errors import PermissionDeniedError, ValidationError
from simoncer_desktop.models import AuditEntry
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.services.settings import get_setting, set_settings
from simoncer_desktop.store import Database
from simoncer_desktop.ui.app import create_application
from simoncer_desktop.ui.pages.settings_page import SettingsPage

OPERATOR = Identity(
    user_id="00000000-0000-7000-8000-000000000002",
    username="budi",
    full_name="Budi Operator",
    role=Role.OPERATOR,
    scope="32.71.01",
)


def make_page(qtbot: QtBot, db: Database) -> SettingsPage:
    create_application()
    page = SettingsPage(db)
    qtbot.addWidget(page)
    page.resize(1196, 690)
    page.show()
    qtbot.waitExposed(page)
    return page


def setting_audit(db: Database) -> list[AuditEntry]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.entity == "setting")))


def test_shows_values_in_force(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    assert page.sync_interval.value() == 15
    assert page.idle_lock.value() == 10
    assert page.office_name.text() == "Dinas Sosial"
    assert page.facilitator_target.value() == 10
    assert page.city_target.value() == 750
    assert page.may_edit and page.save_button.isVisible() and not page.read_only_note.isVisible()
    assert not page.idle_lock.isReadOnly()


def test_admin_saves_changes_in_one_transaction_audited(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    before = {entry.id for entry in setting_audit(db)}
    page.idle_lock.setValue(5)
    page.sync_interval.setValue(0)
    page.office_name.setText("  Dinas Sosial Kota Contoh ")
    with qtbot.waitSignal(page.saved) as signal:
        assert page.save()
    changed = {"idle_lock_minutes": 5, "sync_interval_minutes": 0, "report_office_name": "Dinas Sosial Kota Contoh"}
    assert signal.args == [changed]
    with db.read() as session:
        assert get_setting(session, "idle_lock_minutes") == 5
        assert get_setting(session, "sync_interval_minutes") == 0
        assert get_setting(session, "report_office_name") == "Dinas Sosial Kota Contoh"
        assert get_setting(session, "report_coordinator_name") == "(nama koordinator PKH)"  # untouched
    new = [entry for entry in setting_audit(db) if entry.id not in before]
    assert new and {entry.user_name for entry in new} == {"admin"}
    rows = [json.loads(entry.new_value) for entry in new if entry.new_value]
    assert {row["key"]: json.loads(row["value"]) for row in rows} == changed
    assert "disimpan (3 diubah)" in page.note.text()
    assert page.sync_interval.text() == "Mati"  # 0 reads as off
    assert page.save() and page.note.text() == "Tidak ada perubahan."


def test_empty_name_is_refused_naming_the_field(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    page.coordinator_name.setText("   ")
    page.idle_lock.setValue(3)
    assert not page.save()
    assert page.error.isVisible()
    assert "Nama koordinator PKH wajib diisi." in page.error.text()
    assert page.coordinator_name.property("invalid") is True
    with db.read() as session:
        assert get_setting(session, "idle_lock_minutes") == 10  # nothing written
    page.reload()
    assert page.coordinator_name.text() == "(nama koordinator PKH)" and not page.error.isVisible()


def test_service_refusal_is_shown_with_the_field_label(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, db)

    def refuse(_session: object, _values: object) -> list[str]:
        raise ValidationError("idle_lock_minutes: harus antara 0 dan 480 (tertulis 999)", field="idle_lock_minutes")

    monkeypatch.setattr("simoncer_desktop.ui.pages.settings_page.set_settings", refuse)
    page.idle_lock.setValue(7)
    assert not page.save()
    assert page.error.text() == "Kunci layar setelah tidak dipakai: harus antara 0 dan 480 (tertulis 999)"


def test_non_admin_sees_read_only(qtbot: QtBot, db: Database) -> None:
    db.sign_in(OPERATOR)
    page = make_page(qtbot, db)
    assert not page.may_edit
    assert page.read_only_note.isVisible()
    assert not page.save_button.isVisible()
    assert page.idle_lock.isReadOnly() and page.office_name.isReadOnly()
    assert page.idle_lock.value() == 10
    assert not page.save()
    assert "Hanya administrator" in page.error.text()
    assert page.language_combo.isEnabled()  # the language is per laptop, anyone may choose it


def test_language_is_saved_to_the_preferences(qtbot: QtBot, db: Database) -> None:
    page = make_page(qtbot, db)
    assert page.language_combo.currentData() == "id"
    with qtbot.waitSignal(page.language_chosen) as signal:
        page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    assert signal.args == ["en"]
    saved = json.loads((paths.data_dir() / "preferences.json").read_text(encoding="utf-8"))
    assert saved["language"] == "en"
    assert preferences.stored_language() == "en"
    assert page.note.text() == "Bahasa disimpan."


def test_about_data_shows_folders_and_opens_them(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    page = make_page(qtbot, db)
    assert page.version_value.text() == __version__
    assert page.schema_value.text() == db.migration.to_revision
    assert page.database_value.text() == str(db.path)
    assert page.data_value.text() == str(paths.data_dir())
    assert page.log_value.text() == str(paths.log_dir())
    assert page.backup_value.text() == str(Path(db.path).parent / "backups")
    page.log_button.click()
    page.database_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [paths.log_dir(), Path(db.path).parent]


def test_folder_that_cannot_be_opened_says_so(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    page = make_page(qtbot, db)
    page.backup_button.click()
    assert "Folder tidak dapat dibuka" in page.error.text()


def test_fits_1366x768(qtbot: QtBot, db: Database) -> None:
    """The page gets about 1366−170 (navigation) by 768−40 (taskbar)−80 (title, status bar); the sections
    scroll, so the page itself must ask for less than that."""
    page = make_page(qtbot, db)
    assert isinstance(page.scroll, QScrollArea)
    hint = page.minimumSizeHint()
    assert hint.width() <= 1196 and hint.height() <= 600, hint
    page.resize(1196, 600)
    qtbot.wait(10)
    assert page.save_button.isVisible() and page.save_button.geometry().bottom() <= page.height()
    for button in (page.save_button, page.revert_button, page.log_button):
        assert button.sizeHint().width() <= button.width()


# --- services.settings.set_settings ----------------------------------------------------------------------


def test_set_settings_checks_everything_before_writing(db: Database) -> None:
    with pytest.raises(ValidationError) as caught, db.transaction() as session:
        set_settings(session, {"idle_lock_minutes": 3, "sync_interval_minutes": 5000})
    message = "sync_interval_minutes: harus antara 0 dan 1440 (tertulis 5000)"
    assert caught.value.by_field() == {"sync_interval_minutes": message}
    with pytest.raises(ValidationError), db.transaction() as session:
        set_settings(session, {"report_office_name": "  "})
    with pytest.raises(ValidationError), db.transaction() as session:
        set_settings(session, {"idle_lock_minutes": "5"})
    with db.read() as session:
        assert get_setting(session, "idle_lock_minutes") == 10


def test_set_settings_stores_only_changes_and_needs_an_admin(db: Database) -> None:
    with db.transaction() as session:
        changed = set_settings(session, {"idle_lock_minutes": 10, "city_graduation_target": 800})
    assert changed == ["city_graduation_target"]
    with db.read() as session:
        assert get_setting(session, "city_graduation_target") == 800
    db.sign_in(OPERATOR)
    with pytest.raises(PermissionDeniedError), db.transaction() as session:
        set_settings(session, {"city_graduation_target": 900})
