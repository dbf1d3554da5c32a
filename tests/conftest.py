"""Shared fixtures: a migrated template database made once per test session and copied for each test
(a fresh database per test without paying for the 91,600-row region list every time).

Every database is encrypted with ``tests.keys.TEST_KEY`` (copying an encrypted file keeps its key), and
the ``db``/``demo_db`` fixtures are signed in as ``tests.keys.TEST_ADMIN``."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services import auth
from simoncer_desktop.store import Database
from tests.keys import TEST_ADMIN, TEST_PASSWORD, add_test_admin, open_test_database


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's real data folder or database."""
    monkeypatch.setenv("SIMONCER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIMONCER_DB", raising=False)
    monkeypatch.setenv("SIMONCER_PASSWORD", TEST_PASSWORD)  # the command line signs in as the test admin


@pytest.fixture(scope="session")
def template_without_users(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated, reference data loaded, region 32.71, encrypted with TEST_KEY; no user, no key file."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_test_database(path)
    with db.transaction() as session:
        from simoncer_desktop.services.settings import REGION_CODE, set_setting

        set_setting(session, REGION_CODE, "32.71")
    db.close()
    return path


@pytest.fixture(scope="session")
def template_db(template_without_users: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template plus the administrator 'admin' (``TEST_PASSWORD``) and its key file."""
    path = copy_database(template_without_users, tmp_path_factory.mktemp("template_admin") / "template.sqlite3")
    with pytest.MonkeyPatch.context() as patch:
        _cheapen(patch)  # the wrap and the hash keep these parameters: later sign-ins stay cheap
        add_test_admin(path)
    return path


def copy_database(source: Path, target: Path) -> Path:
    """Copy a test database with its key file (``<name>.keys``)."""
    shutil.copyfile(source, target)
    keys = KeyStore.path_for(source)
    if keys.exists():
        shutil.copyfile(keys, KeyStore.path_for(target))
    return target


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template: encrypted with TEST_KEY, with the administrator 'admin'
    (``TEST_PASSWORD``, id of ``TEST_ADMIN``) and its key file, so ``security.signin`` works on it."""
    return copy_database(template_db, tmp_path / "simoncer.sqlite3")


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_test_database(db_path, TEST_ADMIN)
    yield database
    database.close()


@pytest.fixture
def db_without_users(template_without_users: Path, tmp_path: Path) -> Iterator[Database]:
    """A database with no user at all (first-run tests), signed in as TEST_ADMIN like ``db``."""
    database = open_test_database(copy_database(template_without_users, tmp_path / "simoncer.sqlite3"))
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template with 300 synthetic families (seed 7) for tests that need a realistic caseload."""
    from simoncer_desktop.services import demo_data

    path = copy_database(template_db, tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    database = open_test_database(path)
    with database.transaction() as session:
        demo_data.generate(session, families=300, seed=7, region="32.71")
    database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = copy_database(demo_template, tmp_path / "demo.sqlite3")
    database = open_test_database(path, TEST_ADMIN)
    yield database
    database.close()


def _cheapen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "TIME_COST", 1)
    monkeypatch.setattr(auth, "MEMORY_COST_KIB", 8)
    monkeypatch.setattr(auth, "PARALLELISM", 1)
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))


@pytest.fixture
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2 parameters for password hashes and key-file wraps (the real ones cost ~0.3 s each)."""
    _cheapen(monkeypatch)
