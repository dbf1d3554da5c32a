"""The fixed data key and signed-in administrator the tests open their databases with."""

from __future__ import annotations

from pathlib import Path

from simoncer_desktop.models.enums import Role
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database, open_database

TEST_KEY = bytes(range(0x40, 0x60))
"""32 fixed bytes: every test database (and the session templates they are copied from) uses it."""

TEST_ADMIN = Identity(
    user_id="00000000-0000-7000-8000-000000000001",
    username="admin",
    full_name="Admin Uji",
    role=Role.ADMIN,
    scope="*",
)


def open_test_database(path: Path, identity: Identity | None = TEST_ADMIN) -> Database:
    """``open_database`` with the test key, signed in as ``identity`` (the test admin by default)."""
    return open_database(path, TEST_KEY, identity=identity)


TEST_PASSWORD = "rahasia-uji-123"
"""The password of the test administrator made by :func:`add_test_admin` (conftest also puts it in
``SIMONCER_PASSWORD`` for the command-line tests)."""


def add_test_admin(db_path: Path) -> Identity:
    """Give the test database at ``db_path`` a real administrator row ('admin' / TEST_PASSWORD) and a key
    file holding TEST_KEY for it, so ``security.signin.sign_in`` (window, CLI) works on it.

    Uses the argon2 parameters in force: call it under cheap ones (the ``cheap_argon2`` fixture)."""
    from simoncer_desktop.security.keystore import KeyStore
    from simoncer_desktop.services import auth

    database = open_database(db_path, TEST_KEY)
    try:
        with database.transaction() as session:
            identity = auth.create_first_admin(
                session, TEST_ADMIN.username, TEST_ADMIN.full_name, TEST_PASSWORD
            )
    finally:
        database.close()
    store, _, _ = KeyStore.create(db_path)
    store.set_recovery_key(TEST_KEY)
    store.add_wrap(TEST_ADMIN.username, TEST_PASSWORD, TEST_KEY)
    store.set_known_users([TEST_ADMIN.username])
    store.save()
    return identity
