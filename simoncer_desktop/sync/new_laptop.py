"""A new laptop's database made by enrolling with the central service: the first-run wizard's *Daftarkan
ke server pusat Dinsos*, the same steps as ``simoncer-cli sync --enroll`` into a missing file. No Qt here.

Two steps, so that a failure in the second is retried without a new one-time code:

1. :func:`create_enrolled` trades the code (the server issues the device's scope), creates the encrypted
   database and key file with *no* user (``signin.create_enrolled_database``) and stores the enrollment
   (``enrollment.store_enrollment``). When it fails nothing is left on disk.
2. :func:`first_sync` runs the first sync with the stored enrollment: the scope's snapshot with the user
   accounts, after which the key file lets every synced user sign in offline. Each page is applied in its
   own transaction, so a failed or cancelled run keeps what it applied and the next run resumes.
   :class:`NoUsersError` when the server sent no account: nobody could sign in yet.

:func:`discard` removes a database made by step 1 whose first sync never finished (the wizard's *Batal*):
it holds nothing typed on this laptop, only what the server sent.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from simoncer_desktop import __version__
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.security.signin import refuse_existing
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, enrollment, state, users
from simoncer_desktop.sync.client import DEFAULT_TIMEOUT_S, SyncClient, SyncError
from simoncer_desktop.translation import translate

log = logging.getLogger(__name__)


class NoUsersError(SyncError):
    """The first sync finished but brought no active account (``users.NO_USERS_PULLED``); ``report`` is
    what that sync did."""

    def __init__(self, message: str, report: engine.SyncReport) -> None:
        super().__init__(message)
        self.report = report


class LocalSetupError(SyncError):
    """The code was traded but the local database could not be made; nothing is left on disk."""


@dataclass(frozen=True)
class NewDatabase:
    database: Database
    """Open, holding the data key, nobody signed in."""
    recovery_key: str
    enrollment: enrollment.EnrollResult


def default_device_name() -> str:
    """This computer's name, the name a new device gets unless one is typed."""
    return (socket.gethostname() or "Simoncer").strip()[:200] or "Simoncer"


def _writable_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SimoncerError(
            translate(
                "sync", "Folder {folder} tidak dapat dibuat ({reason}): database baru tidak dapat dibuat."
            ).format(folder=folder, reason=exc.strerror or exc)
        ) from exc
    if not os.access(folder, os.W_OK):
        raise SimoncerError(
            translate("sync", "Folder {folder} tidak dapat ditulisi: database baru tidak dapat dibuat.").format(
                folder=folder
            )
        )


def create_enrolled(
    path: Path | str,
    server_url: str,
    code: str,
    name: str,
    *,
    ca_file: str | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    region_code: str | None = None,
) -> NewDatabase:
    """Trade ``code`` with the server at ``server_url`` (``ca_file``: an office CA, PEM), then create the
    database at ``path`` for the scope the server issued and store the enrollment. Raises
    :class:`SyncError` (wrong or used code, server unreachable, TLS) before anything is created, or
    :class:`LocalSetupError` after; a refused existing file or an unwritable folder is a ``SimoncerError``.
    ``region_code`` (optional) is checked and stored as ``signin.create_enrolled_database`` does."""
    from simoncer_desktop.security import signin

    path = Path(path)
    refuse_existing(path)  # before the code is used up
    _writable_folder(path.parent)
    code = (code or "").strip()
    name = (name or "").strip()[:200] or default_device_name()
    if not code:
        raise SyncError(translate("sync", "Kode pendaftaran kosong: masukkan kode sekali pakai dari kantor Dinsos."))
    ca = (ca_file or "").strip() or None
    with SyncClient(server_url, ca_file=ca, timeout=timeout) as client:
        issued = client.enroll(code, name, __version__)
        server = client.server_url
    try:
        database, recovery = signin.create_enrolled_database(path, scope=issued.scope, region_code=region_code)
    except Exception as exc:
        log.exception("Creating the enrolled database %s failed", path)
        raise LocalSetupError(
            translate(
                "sync",
                "Perangkat sudah terdaftar di server, tetapi database {path} "
                "tidak dapat dibuat ({exc}). Kode itu sudah terpakai: minta "
                "kode pendaftaran baru ke kantor Dinsos.",
            ).format(path=path, exc=exc)
        ) from exc
    try:
        result = enrollment.store_enrollment(database, issued, name, server_url=server, ca_file=ca)
    except Exception as exc:
        log.exception("Storing the enrollment in %s failed", path)
        discard(database)
        raise LocalSetupError(
            translate(
                "sync",
                "Pendaftaran tidak dapat disimpan di database baru ({exc}); "
                "database dihapus lagi. Kode itu sudah terpakai: minta kode "
                "pendaftaran baru ke kantor Dinsos.",
            ).format(exc=exc)
        ) from exc
    log.info("Created %s enrolled at %s as device %s, scope %s", path, server, result.device_id, result.scope)
    return NewDatabase(database, recovery, result)


def first_sync(
    database: Database,
    *,
    progress: engine.Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> engine.SyncReport:
    """Sync ``database`` with its stored enrollment until the server has nothing more; the key file then
    holds a wrap for every synced user. Raises :class:`SyncError` (``engine.SyncCancelled`` when
    ``cancel()`` became true) and :class:`NoUsersError` when nobody could sign in afterwards."""
    with database.read() as session:
        current = state.load(session)
    if not current.enrolled or current.server_url is None:
        raise SyncError(translate("sync", "Database ini belum terdaftar di server pusat."))
    with SyncClient(current.server_url, current.token, ca_file=current.ca_file, timeout=timeout) as client:
        report = engine.sync_once(database, client, progress=progress, cancel=cancel)
    if not users.has_users(database):
        raise NoUsersError(translate("sync", users.NO_USERS_PULLED), report)
    return report


def discard(database: Database) -> None:
    """Close ``database`` and delete it with its key file (a database whose first sync never finished)."""
    path = database.path
    database.close()
    for leftover in (
        path,
        path.with_name(path.name + "-wal"),
        path.with_name(path.name + "-shm"),
        path.with_name(path.name + "-journal"),
        KeyStore.path_for(path),
    ):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    log.info("Removed the unfinished enrolled database %s", path)
