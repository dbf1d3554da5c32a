"""Backup and restore of a whole installation: the database and its attachments in one ``.zip``.

A backup is ``simoncer-backup-YYYYmmdd-HHMMSS.zip`` holding

- ``manifest.json``: app name and version, backup format, schema (Alembic) revision, ``created_at``,
  encryption (``"none"`` for now) and the SHA-256 of every other member;
- ``database.sqlite3``: an online-consistent snapshot made with SQLite's backup API (safe while the
  app is running with WAL), switched to a plain rollback journal so the file stands alone;
- ``attachments/…``: the content-addressed attachment store, as it is on disk.

Safety rules: a backup is written under a temporary name and renamed only when complete, so a full
disk never leaves a half file that looks like a backup. A restore checks the file first
(:func:`inspect_backup`), keeps the current database (and attachments folder) as a dated copy in
``backups/``, and only then swaps the files in; a failure while swapping puts everything back.

Encryption seam: the database will later be stored encrypted like the live database. Only
:func:`_seal_database` / :func:`_unseal_database` and ``ENCRYPTION`` in the manifest need to change;
a backup whose manifest names an encryption this version does not know is refused, not misread.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from alembic.script import ScriptDirectory

from simoncer_desktop import APP_NAME, __version__
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.migrate import alembic_config, head_revision
from simoncer_desktop.paths import backup_dir
from simoncer_desktop.services.attachments import ATTACHMENTS_FOLDER

log = logging.getLogger(__name__)

BACKUP_FORMAT = 1
"""Layout of the zip; a backup with a higher number comes from a newer app and is refused."""
ENCRYPTION = "none"
"""What ``database.sqlite3`` inside the zip is encrypted with (see the module docstring)."""
MANIFEST = "manifest.json"
DATABASE_MEMBER = "database.sqlite3"
PREFIX = "simoncer-backup-"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
NAME_RE = re.compile(r"^simoncer-backup-(\d{8})-(\d{6})\.zip$")
"""Only files matching this are this app's backups; rotation never touches anything else."""
CHUNK = 1024 * 1024


class BackupError(SimoncerError):
    """A backup could not be written, or a file is not a usable Simoncer backup; nothing was changed."""


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


@dataclass(frozen=True)
class BackupEntry:
    """A backup file found in a folder (from its name; not checked — see :func:`inspect_backup`)."""

    path: Path
    created_at: datetime
    size_bytes: int


# --- encryption seam ---------------------------------------------------------------------------------


def _seal_database(plain: Path) -> Path:
    """The file to store as ``database.sqlite3``. Later: encrypt like the live database."""
    return plain


def _unseal_database(stored: Path, encryption: str) -> Path:
    """A plain SQLite file from the stored member. Later: decrypt."""
    if encryption != ENCRYPTION:
        raise BackupError(f"Cadangan terenkripsi dengan '{encryption}', yang belum didukung versi aplikasi ini")
    return stored


# --- helpers -----------------------------------------------------------------------------------------


def _stamp(now: datetime | None) -> tuple[datetime, str]:
    moment = (now or datetime.now()).replace(microsecond=0)
    return moment, moment.strftime(STAMP_FORMAT)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _snapshot(db_path: Path, target: Path) -> None:
    """Copy the live database with the backup API (includes what is still in the WAL)."""
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
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


def _schema_revision(sqlite_file: Path) -> str | None:
    conn = sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def _known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _write_error(folder: Path, exc: OSError) -> BackupError:
    reason = exc.strerror or str(exc)
    return BackupError(f"Cadangan tidak dapat ditulis ke folder {folder}: {reason}. Tidak ada berkas yang dibuat.")


# --- create ------------------------------------------------------------------------------------------


def create_backup(db_path: Path, folder: Path, now: datetime | None = None) -> BackupInfo:
    """Write ``simoncer-backup-<stamp>.zip`` into ``folder`` (made if missing).

    Any write problem (full disk, read-only USB stick, a file where the folder should be) raises
    :class:`BackupError` naming the folder, and leaves no partial file behind.
    """
    moment, stamp = _stamp(now)
    folder = Path(folder)
    final = folder / f"{PREFIX}{stamp}.zip"
    part = folder / f".{final.name}.part"
    snapshot = folder / f".{PREFIX}{stamp}.sqlite3.part"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if final.exists():
            raise BackupError(f"Cadangan {final.name} sudah ada di folder {folder}; coba lagi sebentar lagi")
        _snapshot(db_path, snapshot)
        sealed = _seal_database(snapshot)
        revision = _schema_revision(sealed) or ""
        files = {DATABASE_MEMBER: _sha256_file(sealed)}
        attachments = list(_attachment_files(db_path))
        for file, arcname in attachments:
            files[arcname] = _sha256_file(file)
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
            zf.write(sealed, DATABASE_MEMBER)
            for file, arcname in attachments:
                # Photos and PDFs are already compressed; storing them saves time on a slow laptop.
                zf.write(file, arcname, compress_type=zipfile.ZIP_STORED)
        with part.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(part, final)
    except OSError as exc:
        _unlink_quietly(part)
        log.exception("Backup to %s failed", folder)
        raise _write_error(folder, exc) from exc
    except BaseException:
        _unlink_quietly(part)
        raise
    finally:
        _unlink_quietly(snapshot)
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


def daily_backup(db_path: Path, keep_days: int, now: datetime | None = None) -> BackupInfo | None:
    """Today's backup in ``backups/`` unless one exists (None then); drop this app's backups older than
    ``keep_days`` days (``0`` keeps all). Rotation runs only when a backup exists for today, so a failing
    backup never leaves the office with fewer old copies."""
    moment, _ = _stamp(now)
    folder = backup_dir(db_path)
    today = moment.date()
    have_today = any(entry.created_at.date() == today for entry in list_backups(folder))
    info = None if have_today else create_backup(db_path, folder, moment)
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


# --- inspect -----------------------------------------------------------------------------------------


def _refuse(path: Path, why: str) -> BackupError:
    return BackupError(f"Berkas {path.name} tidak dapat dipulihkan: {why}. Database tidak diubah.")


def _read_manifest(path: Path, zf: zipfile.ZipFile) -> dict[str, Any]:
    try:
        raw = zf.read(MANIFEST)
    except KeyError:
        raise _refuse(path, "bukan berkas cadangan Simoncer (manifest.json tidak ada)") from None
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _refuse(path, "manifest.json rusak") from None
    if not isinstance(manifest, dict) or manifest.get("app") != APP_NAME:
        raise _refuse(path, "bukan berkas cadangan Simoncer")
    if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("schema_revision"), str):
        raise _refuse(path, "manifest.json tidak lengkap")
    return manifest


def _safe_member(name: str) -> bool:
    """No absolute paths or ``..``: a crafted zip must not write outside the restore folder."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name or ":" in name:
        return False
    return name == DATABASE_MEMBER or (pure.parts[0] == ATTACHMENTS_FOLDER and len(pure.parts) > 1)


def _check_and_extract(path: Path, workdir: Path) -> tuple[BackupInfo, Path, Path]:
    """Check every rule; extract the database and attachments into ``workdir``."""
    if not path.is_file():
        raise BackupError(f"Berkas cadangan {path} tidak ditemukan")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise _refuse(path, "bukan berkas zip yang utuh (rusak atau terpotong)") from None
    with zf:
        manifest = _read_manifest(path, zf)
        if not isinstance(manifest.get("format"), int) or manifest["format"] > BACKUP_FORMAT:
            raise _refuse(path, "dibuat oleh versi aplikasi yang lebih baru (format cadangan tidak dikenal)")
        revision = manifest["schema_revision"]
        if revision not in _known_revisions():
            raise _refuse(
                path,
                f"dibuat oleh versi aplikasi yang lebih baru ({manifest.get('app_version', '?')}, "
                f"skema {revision or '?'} tidak dikenal versi {__version__} ini); perbarui aplikasi dulu",
            )
        files: dict[str, str] = manifest["files"]
        if DATABASE_MEMBER not in files:
            raise _refuse(path, "database tidak ada di dalam cadangan")
        names = set(zf.namelist()) - {MANIFEST}
        if names != set(files) or not all(_safe_member(n) for n in names):
            raise _refuse(path, "isi cadangan tidak sesuai dengan manifest.json")
        attachments_dir = workdir / ATTACHMENTS_FOLDER
        attachments_dir.mkdir()
        for name in sorted(names):
            target = workdir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            try:
                with zf.open(name) as src, target.open("wb") as dst:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        dst.write(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError):
                raise _refuse(path, f"{name} di dalam cadangan rusak") from None
            if digest.hexdigest() != files[name]:
                raise _refuse(path, f"{name} di dalam cadangan rusak atau telah diubah (hash tidak cocok)")
    database = _unseal_database(workdir / DATABASE_MEMBER, str(manifest.get("encryption", "")))
    _check_database(path, database, revision)
    try:
        created = datetime.fromisoformat(str(manifest.get("created_at")))
    except ValueError:
        created = datetime.fromtimestamp(path.stat().st_mtime)
    info = BackupInfo(
        path,
        created,
        str(manifest.get("app_version", "?")),
        revision,
        path.stat().st_size,
        len(names) - 1,
    )
    return info, database, attachments_dir


def _check_database(path: Path, database: Path, revision: str) -> None:
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise _refuse(path, "database di dalam cadangan bukan database SQLite yang utuh") from None
    if result != [("ok",)]:
        raise _refuse(path, "database di dalam cadangan rusak (pemeriksaan integritas gagal)")
    if _schema_revision(database) != revision:
        raise _refuse(path, "versi skema database tidak sesuai dengan manifest.json")


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is an intact Simoncer backup this version can restore; raise :class:`BackupError`
    with the reason in Bahasa otherwise. Reads the whole file (hashes, integrity check)."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="simoncer-inspect-") as tmp:
        info, _, _ = _check_and_extract(path, Path(tmp))
    return info


# --- restore -----------------------------------------------------------------------------------------


def _release_wal(db_path: Path) -> None:
    """Fold the WAL into the file and drop ``-wal``/``-shm`` so the swapped-in file cannot be mixed with
    the old database's log. Fails (database in use) while another program holds the database open."""
    if not db_path.exists():
        return
    try:
        conn = sqlite3.connect(db_path, timeout=2)
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"Database {db_path.name} sedang dipakai; tutup aplikasi lalu ulangi ({exc})") from exc
    if not mode or str(mode[0]).lower() != "delete":
        raise BackupError(f"Database {db_path.name} sedang dipakai; tutup aplikasi lalu ulangi")


def restore_backup(backup_path: Path, db_path: Path, now: datetime | None = None) -> RestoreResult:
    """Replace the database and attachments with a backup's, after keeping the current ones in ``backups/``.

    Close every connection to ``db_path`` first. An older schema is upgraded by the normal start-up
    migration the next time the database is opened (``RestoreResult.needs_upgrade``).
    """
    backup_path, db_path = Path(backup_path), Path(db_path)
    _, stamp = _stamp(now)
    keep = backup_dir(db_path)
    live_attachments = db_path.parent / ATTACHMENTS_FOLDER
    with tempfile.TemporaryDirectory(prefix=".simoncer-restore-", dir=db_path.parent) as tmp:
        info, database, attachments = _check_and_extract(backup_path, Path(tmp))
        previous_db: Path | None = None
        previous_att: Path | None = None
        copy = keep / f"{db_path.stem}-before-restore-{stamp}.sqlite3"
        try:
            if db_path.exists():
                _snapshot(db_path, copy)
                previous_db = copy
        except (OSError, sqlite3.Error) as exc:
            _unlink_quietly(copy)
            raise BackupError(
                f"Salinan database saat ini tidak dapat dibuat di {keep} ({exc}); pemulihan dibatalkan"
            ) from exc
        _release_wal(db_path)
        staged_db = db_path.with_name(f".{db_path.name}.restoring")
        try:
            shutil.copyfile(database, staged_db)
            if live_attachments.exists():
                previous_att = keep / f"{db_path.stem}-before-restore-{stamp}-attachments"
                os.rename(live_attachments, previous_att)
            os.rename(attachments, live_attachments)
            try:
                os.replace(staged_db, db_path)
            except OSError:
                _put_attachments_back(live_attachments, previous_att, Path(tmp))
                raise
        except OSError as exc:
            _unlink_quietly(staged_db)
            log.exception("Restore of %s failed", backup_path)
            raise BackupError(
                f"Pemulihan gagal ({exc.strerror or exc}); database dan lampiran saat ini tidak diubah"
            ) from exc
    log.info("Restored %s from %s (previous copy %s)", db_path, backup_path, previous_db)
    return RestoreResult(info, db_path, previous_db, previous_att, info.attachment_count, info.needs_upgrade)


def _put_attachments_back(live: Path, previous: Path | None, scratch: Path) -> None:
    """Undo the attachments swap after the database could not be replaced."""
    if live.exists():
        os.rename(live, scratch / "attachments-not-restored")
    if previous is not None:
        os.rename(previous, live)
