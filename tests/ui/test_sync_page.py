"""*Sinkronisasi* page, the sync controller and the status bar against the real central service over loopback
HTTP (background work runs inline in these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from simoncer_central.store import CentralDb
from simoncer_desktop.models import Facilitator
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database
from simoncer_desktop.sync import outbox, state
from simoncer_desktop.sync.export import read_export
from simoncer_desktop.ui import tasks
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.pages.sync_page import SyncPage
from tests.pg import free_port
from tests.sync.live import LiveServer
from tests.ui.sync_fixtures import (  # noqa: F401 - fixtures
    central_fixture,
    enroll_directly,
    new_code,
    open_window,
    quick_retries_fixture,
    server_fixture,
)

OPERATOR = Identity("user-op", "operator1", "Operator Satu", Role.OPERATOR, "32.71.01")


def sync_page(window: MainWindow) -> SyncPage:
    window.show_page(window.page_index("sync"))
    page = window.page("sync")
    assert isinstance(page, SyncPage) and page.isVisible()
    return page


def add_facilitators(db: Database, *names: str, scope: str = "32.71.01") -> list[str]:
    ids = []
    with db.transaction() as s:
        for name in names:
            fac = Facilitator(name=name, kelurahan_codes="", scope=scope)
            s.add(fac)
            s.flush()
            ids.append(fac.id)
    return ids


def pending(db: Database) -> int:
    with db.read() as s:
        return outbox.count_pending(s)


def enroll_from_page(page: SyncPage, url: str, code: str) -> None:
    page.server_edit.setText(url)
    page.code_edit.setText(code)
    page.name_edit.setText("LAPTOP-UJI")
    page.enroll_button.click()


def test_enroll_from_the_page_then_sync_now_updates_the_status_bar(
    qtbot: QtBot, db: Database, central: CentralDb, server: LiveServer
) -> None:
    window = open_window(qtbot, db)
    bar = window.sync_status
    assert bar.state_label.text() == "Belum terdaftar di server" and not bar.pending_label.isVisible()
    page = sync_page(window)
    assert page.stack.currentWidget() is page.enroll_panel and page.enroll_button.isEnabled()

    enroll_from_page(page, server.url, "SALAH-KODE-0000")
    assert page.enroll_error.isVisible() and page.enroll_error.text().startswith("Pendaftaran gagal:")
    assert page.stack.currentWidget() is page.enroll_panel

    enroll_from_page(page, server.url, new_code(central))
    assert page.stack.currentWidget() is page.status_panel
    with db.read() as s:
        current = state.load(s)
    assert current.enrolled and current.server_url == server.url and current.device_name == "LAPTOP-UJI"
    assert page.device_value.text() == f"LAPTOP-UJI ({current.device_id})"
    assert page.scope_value.text() == "semua wilayah (*)"
    assert window.sync.timer.isActive() and window.sync.timer.interval() == 15 * 60_000
    assert bar.last_label.text().startswith("Sinkron terakhir ")  # the first sync ran right after enrolling

    add_facilitators(db, "Bu Endang", "Pak Joko")
    waiting = pending(db)
    assert waiting >= 2
    window.sync.refresh_status()  # what the poll does every few seconds
    assert bar.pending_label.text() == f"{waiting} perubahan menunggu"
    assert page.pending_value.text() == str(waiting)

    phases: list[str] = []
    window.sync.progressed.connect(lambda phase, _done, _total: phases.append(phase))
    page.sync_button.click()
    assert pending(db) == 0
    assert "push" in phases and "pull" in phases
    assert bar.state_label.text() == "Daring"
    assert bar.pending_label.text() == "0 perubahan menunggu"
    assert bar.last_label.text().startswith("Sinkron terakhir ") and ":" in bar.last_label.text()
    assert not bar.error_label.isVisible()
    assert page.report_view.toPlainText().startswith(f"Dikirim: {waiting} (diterima")
    assert not page.progress.isVisible() and page.sync_button.isEnabled()

    clicked: list[int] = []
    window.show_page(0)
    bar.clicked.connect(lambda: clicked.append(window.stack.currentIndex()))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "sync" and clicked


def test_only_an_administrator_may_enroll(qtbot: QtBot, db: Database) -> None:
    db.sign_in(OPERATOR)
    window = open_window(qtbot, db)
    page = sync_page(window)
    assert not page.enroll_button.isEnabled() and not page.server_edit.isEnabled()
    assert "Hanya administrator" in page.enroll_note.text()
    page.enroll()
    assert "Hanya administrator" in page.enroll_error.text()
    with db.read() as s:
        assert not state.load(s).enrolled


def test_an_unreachable_server_shows_offline_and_the_error(qtbot: QtBot, db: Database) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with db.transaction() as s:
        state.save_enrollment(s, url, "dev-luring-1", "LAPTOP-LURING", "tok-1", "*")
    add_facilitators(db, "Bu Endang")
    window = open_window(qtbot, db)
    page = sync_page(window)
    assert window.sync.run_sync()
    bar = window.sync_status
    assert bar.state_label.text() == "Luring"
    assert bar.error_label.isVisible() and bar.error_label.text().startswith("Gagal: ")
    assert "tidak dapat dihubungi" in bar.error_label.toolTip()
    assert page.message_label.isVisible() and "Sinkronisasi gagal" in page.message_label.text()
    assert "tidak dapat dihubungi" in page.last_error_value.text()
    assert bar.pending_label.text() == f"{pending(db)} perubahan menunggu" and pending(db) > 0


def test_cancel_is_honoured_between_batches_and_pages(
    qtbot: QtBot, db: Database, central: CentralDb, server: LiveServer
) -> None:
    enroll_directly(db, central, server, "LAPTOP-A")
    add_facilitators(db, "Bu Endang")
    window = open_window(qtbot, db)
    page = sync_page(window)
    cancelled: list[bool] = []
    window.sync.cancelled.connect(lambda: cancelled.append(True))

    def stop_after_the_first_push(phase: str, done: int, _total: int) -> None:
        if phase == "push" and done > 0:
            page.cancel_button.click()

    window.sync.progressed.connect(stop_after_the_first_push)
    page.sync_now()
    assert cancelled == [True]
    assert pending(db) == 0  # the batch sent before the cancel stays sent
    with db.read() as s:
        assert state.load(s).last_success_at is None  # nothing pulled: not a successful sync
    assert "dibatalkan" in page.info_label.text() and page.info_label.isVisible()
    assert not window.sync.running and page.sync_button.isEnabled()


def test_refused_ops_are_listed_and_exported(
    qtbot: QtBot, db: Database, central: CentralDb, server: LiveServer, tmp_path: Path
) -> None:
    enroll_directly(db, central, server, "LAPTOP-KEC", scope="32.71.01")
    (outside,) = add_facilitators(db, "Pendamping Kecamatan Lain", scope="32.71.02")
    window = open_window(qtbot, db)
    page = sync_page(window)
    page.sync_now()
    with db.read() as s:
        poisoned = [op for op in outbox.poisoned(s) if op.row_id == outside]
    assert len(poisoned) == 1
    rows = {page.poison_table.item(r, 1).text(): r for r in range(page.poison_table.rowCount())}
    row = rows[outside]
    assert page.poison_table.item(row, 0).text() == "Pendamping"
    assert page.poison_table.item(row, 2).text() == poisoned[0].error
    assert "ditolak server" in page.poison_title.text()
    assert "ditolak server" in window.sync_status.pending_label.text()

    target = tmp_path / "antrean.json.gz"
    page.ask_export_path = lambda _suggested: str(target)  # type: ignore[method-assign]
    assert page.export_button.isEnabled()
    page.export_button.click()
    document = read_export(target)
    assert outside in {op["row_id"] for op in document["ops"]}
    assert str(target) in page.info_label.text()


def test_the_timer_syncs_and_stops_when_the_window_locks(
    qtbot: QtBot, db: Database, central: CentralDb, server: LiveServer
) -> None:
    enroll_directly(db, central, server, "LAPTOP-A")
    add_facilitators(db, "Bu Endang")
    window = open_window(qtbot, db)
    controller = window.sync
    assert controller.timer.isActive()
    controller.timer.setInterval(1)
    qtbot.waitUntil(lambda: pending(db) == 0, timeout=5000)
    with db.read() as s:
        assert state.load(s).last_success_at is not None
    assert window.sync_status.state_label.text() == "Daring"

    window.lock()
    assert not controller.timer.isActive() and not controller.poll.isActive()
    assert not controller.run_sync()  # nobody signed in: no sync
    window.close()


def test_a_viewer_does_not_sync(qtbot: QtBot, db: Database, central: CentralDb, server: LiveServer) -> None:
    enroll_directly(db, central, server, "LAPTOP-A")
    db.sign_in(Identity("user-v", "viewer1", "Viewer", Role.VIEWER, "*"))
    window = open_window(qtbot, db)
    assert not window.sync.timer.isActive()
    assert not window.sync.run_sync()
    page = sync_page(window)
    assert not page.sync_button.isEnabled()


def test_a_sync_on_a_worker_thread_reports_progress_and_its_end(
    qtbot: QtBot, db: Database, central: CentralDb, server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real threaded path (the other tests run work inline): progress and the report reach the UI thread."""
    monkeypatch.setattr(tasks, "RUN_INLINE", False)
    enroll_directly(db, central, server, "LAPTOP-A")
    add_facilitators(db, "Bu Endang")
    window = open_window(qtbot, db)
    page = sync_page(window)
    phases: list[str] = []
    window.sync.progressed.connect(lambda phase, _done, _total: phases.append(phase))
    with qtbot.waitSignal(window.sync.finished, timeout=10_000):
        page.sync_now()
        assert window.sync.running and page.cancel_button.isEnabled() and not page.sync_button.isEnabled()
        assert not window.sync.run_sync()  # never two at once
    assert "push" in phases and "pull" in phases
    assert pending(db) == 0 and not window.sync.running
    assert window.sync_status.pending_label.text() == "0 perubahan menunggu"
    assert page.report_view.toPlainText().startswith("Dikirim: ")
    window.close()
