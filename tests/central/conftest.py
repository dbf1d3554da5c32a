"""Central-service fixtures: every test that takes ``central_url`` (or ``central``/``client``) runs twice,
on SQLite and on a throwaway PostgreSQL (``tests.pg``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from simoncer_central.app import create_app
from simoncer_central.store import CentralDb, open_central
from tests.pg import pg_server, pg_url

__all__ = ["pg_server", "pg_url"]  # registered as fixtures by being imported here


@pytest.fixture(autouse=True)
def _isolated_central_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the operator's default central database."""
    monkeypatch.setenv("SIMONCER_CENTRAL_DB", f"sqlite:///{tmp_path / 'default-central.sqlite3'}")


@pytest.fixture(params=["sqlite", "postgresql"])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty central database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def central(central_url: str) -> Iterator[CentralDb]:
    """The central database, migrated to head."""
    db = open_central(central_url)
    db.upgrade()
    yield db
    db.close()


@pytest.fixture
def client(central: CentralDb) -> Iterator[TestClient]:
    with TestClient(create_app(central, upgrade=False)) as test_client:
        yield test_client
