"""Open a database file ready for use: encrypted engine, migrations (with backup), reference data.

The file is encrypted with SQLCipher under the 32-byte data key (``security.engine``); the key comes
from the key file (``security.keystore``, unlocked by ``security.signin``). ``Database.key`` keeps it for
the session: attachments and backups read it from ``Session.info[FILE_KEY]``."""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from simoncer_desktop import __version__
from simoncer_desktop.db import make_session_factory, transaction
from simoncer_desktop.ids import uuid7
from simoncer_desktop.migrate import MigrationResult, upgrade_to_head
from simoncer_desktop.models import AppState
from simoncer_desktop.security.engine import make_encrypted_engine
from simoncer_desktop.services import audit_hook
from simoncer_desktop.services.acting import DEVICE_KEY, IDENTITY_KEY
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.services.reference import ensure_reference_data

log = logging.getLogger(__name__)

FILE_KEY = "simoncer.file_key"
"""``Session.info`` key of the database's data key (attachment encryption, backups)."""


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    migration: MigrationResult
    device_id: str = ""
    identity: Identity | None = None
    """The signed-in user: every session made from now on acts as this user (``services.acting``)."""
    key: bytes = field(default=b"", repr=False)
    """The data key the file is encrypted with (also in every session's ``info[FILE_KEY]``)."""

    def sign_in(self, identity: Identity | None) -> None:
        """Make every later session act as ``identity`` (None: nobody; writes are then refused)."""
        self.identity = identity
        self.sessions.configure(info={IDENTITY_KEY: identity, DEVICE_KEY: self.device_id, FILE_KEY: self.key})

    def sign_out(self) -> None:
        self.sign_in(None)

    def transaction(self) -> AbstractContextManager[Session]:
        """One user action: ``with db.transaction() as s: ...`` commits or rolls back everything."""
        return transaction(self.sessions)

    def read(self) -> Session:
        """A session for reads (``with db.read() as s:``); nothing it does is committed."""
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, key: bytes, identity: Identity | None = None) -> Database:
    """Open (or create) the encrypted database at ``path`` with the data ``key``: migrate it to the
    current schema (an existing schema is backed up first, encrypted), load the reference data and sign
    ``identity`` in. A wrong key raises :class:`~simoncer_desktop.errors.AuthError`."""
    path = Path(path)
    audit_hook.install()  # every change made through the ORM leaves its audit entries
    engine = make_encrypted_engine(path, key)
    try:
        result = upgrade_to_head(engine, path, key)
        factory = make_session_factory(engine)
        factory.configure(info={FILE_KEY: key})
        with transaction(factory) as session:
            ensure_reference_data(session)
            device = ensure_device_id(session)
            remember_migrating_version(session, result)
    except BaseException:
        engine.dispose()
        raise
    log.info("Opened %s (schema %s)", path, result.to_revision)
    database = Database(path, engine, factory, result, device_id=device, key=bytes(key))
    database.sign_in(identity)
    return database


DEVICE_STATE = "device_id"
MIGRATED_BY_STATE = "migrated_by_version"
"""``app_state`` key: the app version that last migrated (or created) this file."""


def remember_migrating_version(session: Session, result: MigrationResult) -> None:
    """Record this app's version when it migrated or created the file (a file from before this record
    existed gets it at its next open), so support can tell which version last changed the schema."""
    state = session.get(AppState, MIGRATED_BY_STATE)
    if state is None:
        session.add(AppState(key=MIGRATED_BY_STATE, value=__version__))
    elif result.from_revision != result.to_revision:
        state.value = __version__


def migrated_by_version(session: Session) -> str | None:
    state = session.get(AppState, MIGRATED_BY_STATE)
    return state.value if state is not None else None


def ensure_device_id(session: Session) -> str:
    """This database file's device id (made once, never synced: a copy on another laptop is found out
    by sync enrollment, which issues its own)."""
    state = session.get(AppState, DEVICE_STATE)
    if state is None:
        state = AppState(key=DEVICE_STATE, value=uuid7())
        session.add(state)
    return state.value
