"""Shared by the account UI tests: one encrypted database with a key file made by ``signin.create_database``
once per session (cheap argon2), copied with its key file for every test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type
from pytestqt.qtbot import QtBot

from simoncer_desktop.models.enums import Role
from simoncer_desktop.security import signin
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services import auth
from simoncer_desktop.store import Database
from simoncer_desktop.ui.app import create_application
from simoncer_desktop.ui.main_window import MainWindow

ADMIN = "admin"
ADMIN_NAME = "Ani Administrator"
ADMIN_PASSWORD = "rahasia-admin-1"
REGION = "32.71"
KECAMATAN = "32.71.01"
OPERATOR = "budi"
OPERATOR_PASSWORD = "sementara-123"


def cheapen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "TIME_COST", 1)
    monkeypatch.setattr(auth, "MEMORY_COST_KIB", 8)
    monkeypatch.setattr(auth, "PARALLELISM", 1)
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))


@dataclass(frozen=True)
class Made:
    path: Path
    recovery_key: str


@pytest.fixture(scope="session")
def accounts_template(tmp_path_factory: pytest.TempPathFactory) -> Made:
    path = tmp_path_factory.mktemp("accounts") / "simoncer.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        cheapen(patch)
        database, recovery_key = signin.create_database(path, REGION, "*", ADMIN, ADMIN_NAME, ADMIN_PASSWORD)
        database.close()
    return Made(path, recovery_key)


def copy_database(made: Made, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / made.path.name
    for source in made.path.parent.iterdir():
        if source.name.startswith(made.path.name):
            shutil.copyfile(source, folder / source.name)
    assert KeyStore.exists(path)
    return path


@pytest.fixture
def accounts_path(accounts_template: Made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the database and key file; argon2 stays cheap for the test."""
    cheapen(monkeypatch)
    return copy_database(accounts_template, tmp_path / "akun")


@pytest.fixture
def admin_db(accounts_path: Path) -> Iterator[Database]:
    database = signin.sign_in(accounts_path, ADMIN, ADMIN_PASSWORD)
    yield database
    database.close()


def add_operator(database: Database, username: str = OPERATOR, role: Role = Role.OPERATOR) -> None:
    scope = KECAMATAN if role in auth.SCOPED_ROLES else "*"
    data = auth.UserInput(username, username.title(), role, OPERATOR_PASSWORD, scope=scope)
    signin.add_user(database, data)


def open_window(qtbot: QtBot, database: Database) -> MainWindow:
    create_application()
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
