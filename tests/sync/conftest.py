"""Fixtures of the sync client tests: a scriptable fake central server and the real central service
(``simoncer_central``, SQLite), each served over loopback HTTP by uvicorn in a thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from simoncer_central import devices
from simoncer_central.app import create_app
from simoncer_central.store import CentralDb, open_central
from simoncer_desktop.sync import client as sync_client
from tests.sync.live import FakeCentral, LiveServer, serve


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries keep their count but not their waiting (tests that check the backoff inject ``sleep``)."""
    monkeypatch.setattr(sync_client, "DEFAULT_BACKOFF_S", 0.001)
    monkeypatch.setattr(sync_client, "MAX_BACKOFF_S", 0.01)


@pytest.fixture
def fake() -> FakeCentral:
    return FakeCentral()


@pytest.fixture
def fake_server(fake: FakeCentral) -> Iterator[LiveServer]:
    with serve(fake.app()) as server:
        yield server


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralDb]:
    db = open_central(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    db.upgrade()
    yield db
    db.close()


@pytest.fixture
def central_server(central: CentralDb) -> Iterator[LiveServer]:
    with serve(create_app(central, upgrade=False)) as server:
        yield server


def new_code(central: CentralDb, scope: str = "*") -> str:
    with central.transaction() as s:
        return devices.create_enrollment_code(s, scope)
