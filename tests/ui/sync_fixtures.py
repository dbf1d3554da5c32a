"""Shared by the Sinkronisasi and Konflik UI tests: the real central service (SQLite) served over loopback HTTP
with the conflict routes, one-time codes, a window over a test database, and a second laptop. Import the
``*_fixture`` functions to use the fixtures (registered under the names without the suffix)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from simoncer_central import devices
from simoncer_central.store import CentralDb, open_central
from simoncer_desktop.store import Database
from simoncer_desktop.sync import client as sync_client
from simoncer_desktop.sync import hlc, state
from simoncer_desktop.sync.client import SyncClient
from simoncer_desktop.ui.app import create_application
from simoncer_desktop.ui.main_window import MainWindow
from tests.central.test_conflict_api import conflict_app
from tests.conftest import copy_database
from tests.keys import open_test_database
from tests.sync.live import LiveServer, serve


@pytest.fixture(name="quick_retries", autouse=True)
def quick_retries_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_client, "DEFAULT_BACKOFF_S", 0.001)
    monkeypatch.setattr(sync_client, "MAX_BACKOFF_S", 0.01)
    monkeypatch.setattr(sync_client, "DEFAULT_RETRIES", 1)


@pytest.fixture(name="central")
def central_fixture(tmp_path: Path) -> Iterator[CentralDb]:
    db = open_central(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    db.upgrade()
    yield db
    db.close()


@pytest.fixture(name="server")
def server_fixture(central: CentralDb) -> Iterator[LiveServer]:
    with serve(conflict_app(central)) as live:
        yield live


@pytest.fixture(name="laptop_b")
def laptop_b_fixture(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_test_database(copy_database(template_db, tmp_path / "laptop-b.sqlite3"))
    yield database
    database.close()


def new_code(central: CentralDb, scope: str = "*") -> str:
    with central.transaction() as s:
        return devices.create_enrollment_code(s, scope)


def enroll_directly(db: Database, central: CentralDb, server: LiveServer, name: str, scope: str = "*") -> SyncClient:
    """Enroll ``db`` without the UI (the other laptop of a test)."""
    client = SyncClient(server.url)
    enrollment = client.enroll(new_code(central, scope), name)
    with db.transaction() as s:
        state.save_enrollment(s, client.server_url, enrollment.device_id, name, enrollment.token, enrollment.scope)
        hlc.set_device(s, enrollment.device_id)
    return client


def open_window(qtbot: QtBot, db: Database) -> MainWindow:
    create_application()
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
