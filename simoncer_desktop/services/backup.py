"""Backup and restore of a whole installation: the database and its attachments in one ``.zip``.

A backup is ``simoncer-backup-YYYYmmdd-HHMMSS.zip`` holding

- ``manifest.json``: app name and version, backup format, schema (Alembic) revision, ``created_at``,
  encryption (``"sqlcipher4+aesgcm"``) and the SHA-256 of every other member;
- ``database.sqlite3``: an online-consistent snapshot made with SQLCipher's backup API (safe while the
  app is running with WAL), encrypted with the same data key as the live database and switched to a
  plain rollback journal so the file stands alone;
- ``keys.json``: the key file beside the database (``<db>.keys``: the data key wrapped per user and for
  the recovery key), so a backup can be restored on a laptop that has nothing yet;
- ``attachments/…``: the content-addressed attachment store, as it is on disk (files already sealed
  with the data key, see ``security.files``).

Checking the database inside a backup needs the data key: the current database's key, or, when there is
no current database, the key unlocked from the backup's own ``keys.json`` by the caller's ``unlock``
callback (a user's password or the recovery key). A backup made for another database (another data
key) does not open with the current key and is refused.

Safety rules: a backup is written under a temporary name and renamed only when complete, so a full
disk never leaves a half file that looks like a backup. Checking and restoring live in
``services.backup_restore``: a restore checks the file first (``inspect_backup``), keeps the current
database, its key file (and attachments folder) as dated copies in ``backups/``, and only then swaps the
files in; a failure while swapping puts everything back.
A backup whose manifest names an encryption this version does not know is refused, not misread.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from simoncer_desktop import APP_NAME, __version__
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.migrate import head_revision
from simoncer_desktop.paths import backup_dir
from simoncer_desktop.security import engine as cipher
from simoncer_desktop.services.attachments import ATTACHMENTS_FOLDER
from simoncer_desktop.translation import translate

if TYPE_CHECKING:
    from simoncer_desktop.security.keystore import KeyStore

log = logging.getLogger(__name__)

BACKUP_FORMAT = 2
"""Layout of the zip; a backup with a higher number comes from a newer app and is refused.
2: encrypted database + ``keys.json`` (an app that knows only 1 says "made by a newer version")."""
ENCRYPTION = "sqlcipher4+aesgcm"
"""What the zip's members are encrypted with: the database with SQLCipher 4, attachments AES-GCM."""
PLAIN_ENCRYPTION = "none"
"""Backups made before encryption at rest (format 1)."""
MANIFEST = "manifest.json"
DATABASE_MEMBER = "database.sqlite3"
KEYS_MEMBER = "keys.json"
PREFIX = "simoncer-backup-"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
NAME_RE = re.compile(r"^simoncer-backup-(\d{8})-(\d{6})\.zip$")
"""Only files matching this are this app's backups; rotation never touches anything else."""
CHUNK = 1024 * 1024


Unlock = Callable[[Path], bytes]
"""``unlock(keystore_path) -> data key``: opens the backup's own key file (extracted to a temporary
``keystore_path``, the ``<database>.keys`` of a temporary ``database.sqlite3``), e.g. with a user's
password; raises (``AuthError``) when it cannot."""


class BackupError(SimoncerError):
    """A backup could not be written, or a file is not a usable Simoncer backup; nothing was changed."""


def _key_store_at(keystore_path: Path) -> KeyStore:
    from simoncer_desktop.security.keystore import SUFFIX, KeyStore

    keystore_path = Path(keystore_path)
    return KeyStore.load(keystore_path.with_name(keystore_path.name.removesuffix(SUFFIX)))


def password_unlock(username: str, password: str) -> Unlock:
    """An ``unlock`` for :func:`restore_backup`: the backup's key file opened with a user's password
    (AuthError in Bahasa when it is wrong)."""
    return lambda keystore_path: _key_store_at(keystore_path).unlock(username, password)


def recovery_unlock(recovery_key: str) -> Unlock:
    """An ``unlock`` for :func:`restore_backup`: the backup's key file opened with the recovery key."""
    return lambda keystore_path: _key_store_at(keystore_path).unlock_with_recovery(recovery_key)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    app_version: str
    schema_revision: str
    size_bytes: int
    attachment_count: int

    @property
    def needs_upgrade(self) -> bool:
        """An older schema: the normal start-up migration upgrades it after a restore."""
        return self.schema_revision != head_revision()


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    db_path: Path
    previous_database: Path | None
    """The database as it was before the restore (dated copy in ``backups/``; None: there was none)."""
    previous_attachments: Path | None
    """The attachments folder as it was before the restore, moved into ``backups/`` (None: there was none)."""
    attachments_restored: int
    needs_upgrade: bool
    previous_key_file: Path | None = None
    """The key file as it was before the restore: ``<previous_database>.keys`` (None: there was none)."""
    key: bytes = field(default=b"", repr=False, compare=False)
    """The data key of the restored database (the one given, or the one ``unlock`` returned)."""


@dataclass(frozen=True)
class BackupEntry:
    """A backup file found in a folder (from its name; not checked — see :func:`inspect_backup`)."""

    path: Path
    created_at: datetime
    size_bytes: int


# --- helpers -----------------------------------------------------------------------------------------


def key_file_path(db_path: Path) -> Path:
    """The key file beside a database (``KeyStore.path_for``)."""
    from simoncer_desktop.security.keystore import KeyStore

    return Path(KeyStore.path_for(Path(db_path)))


def backup_stamp(now: datetime | None) -> tuple[datetime, str]:
    moment = (now or datetime.now()).replace(microsecond=0)
    return moment, moment.strftime(STAMP_FORMAT)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def connect_live(db_path: Path, key: bytes) -> sqlcipher.Connection:
    """A connection to the live database: with the key (AuthError when it does not open it), or without
    one for a plain file made before encryption (it is copied as it is)."""
    if cipher.is_encrypted(db_path):
        return cipher.connect(db_path, key)
    return sqlcipher.connect(str(db_path), check_same_thread=False)


def snapshot_database(db_path: Path, target: Path, key: bytes) -> None:
    """Copy the live database with the backup API (includes what is still in the WAL), encrypted with
    the same key, in rollback-journal mode so the copy stands alone."""
    src = connect_live(db_path, key)
    try:
        encrypted = cipher.is_encrypted(db_path)
        dst = cipher.connect(target, key) if encrypted else sqlcipher.connect(str(target))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE").fetchall()
        finally:
            dst.close()
    finally:
        src.close()


def _attachment_files(db_path: Path) -> Iterator[tuple[Path, str]]:
    root = db_path.parent / ATTACHMENTS_FOLDER
    if not root.is_dir():
        return
    for file in sorted(root.rglob("*")):
        if file.is_file() and not file.name.startswith("."):
            yield file, f"{ATTACHMENTS_FOLDER}/{file.relative_to(root).as_posix()}"


def schema_revision(database: Path, key: bytes) -> str | None:
    """The Alembic revision inside an encrypted database file (None: no table or unreadable)."""
    conn = cipher.connect(database, key, read_only=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlcipher.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _write_error(folder: Path, exc: OSError) -> BackupError:
    reason = exc.strerror or str(exc)
    return BackupError(
        translate(
            "backup", "Cadangan tidak dapat ditulis ke folder {folder}: {reason}. Tidak ada berkas yang dibuat."
        ).format(folder=folder, reason=reason)
    )


# --- create ------------------------------------------------------------------------------------------


def create_backup(db_path: Path, folder: Path, key: bytes, now: datetime | None = None) -> BackupInfo:
    """Write ``simoncer-backup-<stamp>.zip`` into ``folder`` (made if missing); ``key`` is the database's
    data key (``Database.key``).

    Refused (:class:`BackupError`, nothing written) when the database has no key file beside it (such a
    backup could not be restored anywhere else). Any write problem (full disk, read-only USB stick, a file
    where the folder should be) raises :class:`BackupError` naming the folder, and leaves no partial file
    behind.
    """
    db_path = Path(db_path)
    moment, stamp = backup_stamp(now)
    folder = Path(folder)
    final = folder / f"{PREFIX}{stamp}.zip"
    part = folder / f".{final.name}.part"
    snapshot = folder / f".{PREFIX}{stamp}.sqlite3.part"
    keys = key_file_path(db_path)
    if not cipher.is_encrypted(db_path):
        raise BackupError(
            translate(
                "backup",
                "Database {db_path} belum terenkripsi; buka dengan aplikasi "
                "(masuk) dulu agar dienkripsi, lalu buat cadangan. Tidak ada "
                "berkas yang dibuat.",
            ).format(db_path=db_path)
        )
    if not keys.is_file():
        raise BackupError(
            translate(
                "backup",
                "Berkas kunci {keys} tidak ditemukan; tanpa berkas itu "
                "cadangan tidak dapat dipulihkan. Tidak ada berkas yang dibuat.",
            ).format(keys=keys)
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if final.exists():
            raise BackupError(
                translate("backup", "Cadangan {name} sudah ada di folder {folder}; coba lagi sebentar lagi").format(
                    name=final.name, folder=folder
                )
            )
        snapshot_database(db_path, snapshot, key)
        revision = schema_revision(snapshot, key) or ""
        keys_data = keys.read_bytes()
        files = {DATABASE_MEMBER: sha256_file(snapshot), KEYS_MEMBER: hashlib.sha256(keys_data).hexdigest()}
        attachments = list(_attachment_files(db_path))
        for file, arcname in attachments:
            files[arcname] = sha256_file(file)
        manifest = {
            "app": APP_NAME,
            "app_version": __version__,
            "format": BACKUP_FORMAT,
            "schema_revision": revision,
            "created_at": moment.isoformat(),
            "database_name": db_path.name,
            "encryption": ENCRYPTION,
            "files": files,
        }
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            zf.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
            # Encrypted pages do not compress: stored, like the photos and PDFs (already compressed).
            zf.write(snapshot, DATABASE_MEMBER, compress_type=zipfile.ZIP_STORED)
            zf.writestr(KEYS_MEMBER, keys_data)
            for file, arcname in attachments:
                zf.write(file, arcname, compress_type=zipfile.ZIP_STORED)
        with part.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(part, final)
    except OSError as exc:
        unlink_quietly(part)
        log.exception("Backup to %s failed", folder)
        raise _write_error(folder, exc) from exc
    except BaseException:
        unlink_quietly(part)
        raise
    finally:
        unlink_quietly(snapshot)
    log.info("Backup written: %s", final)
    return BackupInfo(final, moment, __version__, revision, final.stat().st_size, len(attachments))


def list_backups(folder: Path) -> list[BackupEntry]:
    """This app's backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    out = []
    for file in folder.iterdir():
        match = NAME_RE.match(file.name)
        if match and file.is_file():
            created = datetime.strptime(f"{match[1]}-{match[2]}", STAMP_FORMAT)
            out.append(BackupEntry(file, created, file.stat().st_size))
    return sorted(out, key=lambda e: e.created_at, reverse=True)


def daily_backup(db_path: Path, key: bytes, keep_days: int, now: datetime | None = None) -> BackupInfo | None:
    """Today's backup in ``backups/`` unless one exists (None then); drop this app's backups older than
    ``keep_days`` days (``0`` keeps all). Rotation runs only when a backup exists for today, so a failing
    backup never leaves the office with fewer old copies."""
    moment, _ = backup_stamp(now)
    folder = backup_dir(db_path)
    today = moment.date()
    have_today = any(entry.created_at.date() == today for entry in list_backups(folder))
    info = None if have_today else create_backup(db_path, folder, key, moment)
    if keep_days > 0:
        _rotate(folder, today - timedelta(days=keep_days - 1))
    return info


def _rotate(folder: Path, oldest_kept: date) -> None:
    for entry in list_backups(folder):
        if entry.created_at.date() < oldest_kept:
            try:
                entry.path.unlink()
                log.info("Old backup removed: %s", entry.path)
            except OSError:
                log.warning("Could not remove old backup %s", entry.path, exc_info=True)
