"""Checking a backup and restoring it (the other half of ``services.backup``, which writes them).

:func:`inspect_backup` reads a backup without changing anything: the manifest, the hashes, the encryption,
the schema revision and SQLCipher's integrity checks of the database inside (which needs the data key: the
current database's, or one the caller's ``unlock`` opens from the backup's own key file).
:func:`restore_backup` keeps the current database, key file and attachments as dated copies first, then
swaps the backup's in; a failure while swapping puts everything back.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher

from simoncer_desktop import APP_NAME, __version__
from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.migrate import known_revisions
from simoncer_desktop.paths import backup_dir
from simoncer_desktop.security import engine as cipher
from simoncer_desktop.services.attachments import ATTACHMENTS_FOLDER

if TYPE_CHECKING:
    pass

from simoncer_desktop.services.backup import (
    BACKUP_FORMAT,
    CHUNK,
    DATABASE_MEMBER,
    ENCRYPTION,
    KEYS_MEMBER,
    MANIFEST,
    PLAIN_ENCRYPTION,
    BackupError,
    BackupInfo,
    RestoreResult,
    Unlock,
    backup_stamp,
    connect_live,
    key_file_path,
    schema_revision,
    snapshot_database,
    unlink_quietly,
)
from simoncer_desktop.translation import translate

log = logging.getLogger(__name__)


def _refuse(path: Path, why: str) -> BackupError:
    return BackupError(
        translate("backup", "Berkas {name} tidak dapat dipulihkan: {why}. Database tidak diubah.").format(
            name=path.name, why=why
        )
    )


def _read_manifest(path: Path, zf: zipfile.ZipFile) -> dict[str, Any]:
    try:
        raw = zf.read(MANIFEST)
    except KeyError:
        raise _refuse(path, translate("backup", "bukan berkas cadangan Simoncer (manifest.json tidak ada)")) from None
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _refuse(path, translate("backup", "manifest.json rusak")) from None
    if not isinstance(manifest, dict) or manifest.get("app") != APP_NAME:
        raise _refuse(path, translate("backup", "bukan berkas cadangan Simoncer"))
    if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("schema_revision"), str):
        raise _refuse(path, translate("backup", "manifest.json tidak lengkap"))
    return manifest


def _check_encryption(path: Path, manifest: dict[str, Any]) -> None:
    encryption = str(manifest.get("encryption", ""))
    if encryption == PLAIN_ENCRYPTION:
        raise _refuse(
            path,
            translate(
                "backup",
                "cadangan lama tanpa enkripsi (dibuat sebelum database "
                "dienkripsi) tidak dapat dipulihkan oleh versi {version} "
                "ini; pakai cadangan yang lebih baru",
            ).format(version=__version__),
        )
    if encryption != ENCRYPTION:
        raise _refuse(
            path,
            translate("backup", "terenkripsi dengan '{encryption}', yang belum didukung versi aplikasi ini").format(
                encryption=encryption
            ),
        )


def _safe_member(name: str) -> bool:
    """No absolute paths or ``..``: a crafted zip must not write outside the restore folder."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name or ":" in name:
        return False
    return name in (DATABASE_MEMBER, KEYS_MEMBER) or (pure.parts[0] == ATTACHMENTS_FOLDER and len(pure.parts) > 1)


@dataclass(frozen=True)
class _Extracted:
    info: BackupInfo
    database: Path
    key_file: Path
    """The backup's ``keys.json``, extracted as ``<database>.keys`` beside ``database``."""
    attachments: Path
    key: bytes = field(repr=False)


def _check_and_extract(path: Path, workdir: Path, key: bytes | None, unlock: Unlock | None) -> _Extracted:
    """Check every rule; extract the database, key file and attachments into ``workdir``; open the
    database with ``key`` (or the key ``unlock`` gets from the backup's key file) and check it."""
    if not path.is_file():
        raise BackupError(translate("backup", "Berkas cadangan {path} tidak ditemukan").format(path=path))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise _refuse(path, translate("backup", "bukan berkas zip yang utuh (rusak atau terpotong)")) from None
    with zf:
        manifest = _read_manifest(path, zf)
        if not isinstance(manifest.get("format"), int) or manifest["format"] > BACKUP_FORMAT:
            raise _refuse(
                path, translate("backup", "dibuat oleh versi aplikasi yang lebih baru (format cadangan tidak dikenal)")
            )
        revision = manifest["schema_revision"]
        if revision not in known_revisions():
            raise _refuse(
                path,
                translate(
                    "backup",
                    "dibuat oleh versi aplikasi yang lebih baru ({app_version}, skema "
                    "{revision} tidak dikenal versi {version} ini); perbarui "
                    "aplikasi dulu",
                ).format(app_version=manifest.get("app_version", "?"), revision=revision or "?", version=__version__),
            )
        _check_encryption(path, manifest)
        files: dict[str, str] = manifest["files"]
        if DATABASE_MEMBER not in files:
            raise _refuse(path, translate("backup", "database tidak ada di dalam cadangan"))
        if KEYS_MEMBER not in files:
            raise _refuse(
                path,
                translate("backup", "berkas kunci ({keys_member}) tidak ada di dalam cadangan").format(
                    keys_member=KEYS_MEMBER
                ),
            )
        names = set(zf.namelist()) - {MANIFEST}
        if names != set(files) or not all(_safe_member(n) for n in names):
            raise _refuse(path, translate("backup", "isi cadangan tidak sesuai dengan manifest.json"))
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
                raise _refuse(path, translate("backup", "{name} di dalam cadangan rusak").format(name=name)) from None
            if digest.hexdigest() != files[name]:
                raise _refuse(
                    path,
                    translate("backup", "{name} di dalam cadangan rusak atau telah diubah (hash tidak cocok)").format(
                        name=name
                    ),
                )
    database = workdir / DATABASE_MEMBER
    key_file = key_file_path(database)
    os.replace(workdir / KEYS_MEMBER, key_file)
    if key is None:
        if unlock is None:
            raise BackupError(
                translate("backup", "Kunci database diperlukan untuk memeriksa cadangan; masuk dulu lalu ulangi.")
            )
        key = unlock(key_file)
    _check_database(path, database, revision, key)
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
        len(names) - 2,
    )
    return _Extracted(info, database, key_file, attachments_dir, key)


def _check_database(path: Path, database: Path, revision: str, key: bytes) -> None:
    try:
        conn = cipher.connect(database, key, read_only=True)
    except SimoncerError:  # AuthError: the key does not open it
        raise _refuse(
            path,
            translate(
                "backup",
                "database di dalam cadangan tidak dapat dibuka dengan kunci "
                "database ini (cadangan dari database lain, atau berkasnya "
                "rusak)",
            ),
        ) from None
    try:
        try:
            pages = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            result = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlcipher.DatabaseError:
        raise _refuse(path, translate("backup", "database di dalam cadangan bukan database SQLite yang utuh")) from None
    if pages or result != [("ok",)]:
        raise _refuse(path, translate("backup", "database di dalam cadangan rusak (pemeriksaan integritas gagal)"))
    if schema_revision(database, key) != revision:
        raise _refuse(path, translate("backup", "versi skema database tidak sesuai dengan manifest.json"))


def inspect_backup(path: Path, key: bytes | None, unlock: Unlock | None = None) -> BackupInfo:
    """Check that ``path`` is an intact Simoncer backup this version can restore with ``key`` (the
    current database's data key; None: the key ``unlock`` gets from the backup's own key file); raise
    :class:`BackupError` with the reason in Bahasa otherwise. Reads the whole file (hashes, integrity)."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="simoncer-inspect-") as tmp:
        return _check_and_extract(path, Path(tmp), key, unlock).info


# --- restore -----------------------------------------------------------------------------------------


def _release_wal(db_path: Path, key: bytes) -> None:
    """Fold the WAL into the file and drop ``-wal``/``-shm`` so the swapped-in file cannot be mixed with
    the old database's log. Fails (database in use) while another program holds the database open."""
    if not db_path.exists():
        return
    try:
        conn = connect_live(db_path, key)
        try:
            conn.execute("PRAGMA busy_timeout = 2000")
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            conn.close()
    except sqlcipher.Error as exc:
        raise BackupError(
            translate("backup", "Database {name} sedang dipakai; tutup aplikasi lalu ulangi ({exc})").format(
                name=db_path.name, exc=exc
            )
        ) from exc
    if not mode or str(mode[0]).lower() != "delete":
        raise BackupError(
            translate("backup", "Database {name} sedang dipakai; tutup aplikasi lalu ulangi").format(name=db_path.name)
        )


def restore_backup(
    backup_path: Path,
    db_path: Path,
    key: bytes | None,
    now: datetime | None = None,
    unlock: Unlock | None = None,
) -> RestoreResult:
    """Replace the database, its key file and the attachments with a backup's, after keeping the current
    ones in ``backups/`` (``<db>-before-restore-<stamp>.sqlite3`` with its ``.keys`` beside it).

    ``key`` is the current database's data key: a backup it does not open (another database) is
    refused. With no current database, pass ``key=None`` and ``unlock(keystore_path) -> key``, which
    opens the backup's own key file (a user's password, the recovery key). The restored key file is the
    backup's: the passwords are those of the backup's day. Close every connection to ``db_path`` first.
    An older schema is upgraded by the normal start-up migration the next time the database is opened
    (``RestoreResult.needs_upgrade``).
    """
    backup_path, db_path = Path(backup_path), Path(db_path)
    _, stamp = backup_stamp(now)
    keep = backup_dir(db_path)
    live_attachments = db_path.parent / ATTACHMENTS_FOLDER
    live_keys = key_file_path(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            translate("backup", "Folder {parent} tidak dapat dibuat ({strerror}); pemulihan dibatalkan").format(
                parent=db_path.parent, strerror=exc.strerror or exc
            )
        ) from exc
    with tempfile.TemporaryDirectory(prefix=".simoncer-restore-", dir=db_path.parent) as tmp:
        extracted = _check_and_extract(backup_path, Path(tmp), key, unlock)
        info = extracted.info
        previous_db: Path | None = None
        previous_keys: Path | None = None
        previous_att: Path | None = None
        copy = keep / f"{db_path.stem}-before-restore-{stamp}.sqlite3"
        copy_keys = key_file_path(copy)
        try:
            if db_path.exists():
                keep.mkdir(parents=True, exist_ok=True)
                snapshot_database(db_path, copy, extracted.key)
                previous_db = copy
            if live_keys.exists():
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy2(live_keys, copy_keys)
                previous_keys = copy_keys
        except (OSError, sqlcipher.Error, SimoncerError) as exc:
            unlink_quietly(copy)
            unlink_quietly(copy_keys)
            raise BackupError(
                translate(
                    "backup", "Salinan database saat ini tidak dapat dibuat di {keep} ({exc}); pemulihan dibatalkan"
                ).format(keep=keep, exc=exc)
            ) from exc
        _release_wal(db_path, extracted.key)
        staged_db = db_path.with_name(f".{db_path.name}.restoring")
        staged_keys = live_keys.with_name(f".{live_keys.name}.restoring")
        try:
            shutil.copyfile(extracted.database, staged_db)
            shutil.copyfile(extracted.key_file, staged_keys)
            if live_attachments.exists():
                previous_att = keep / f"{db_path.stem}-before-restore-{stamp}-attachments"
                os.rename(live_attachments, previous_att)
            os.rename(extracted.attachments, live_attachments)
            try:
                os.replace(staged_keys, live_keys)
                try:
                    os.replace(staged_db, db_path)
                except OSError:
                    _put_keys_back(live_keys, previous_keys, staged_keys)
                    raise
            except OSError:
                _put_attachments_back(live_attachments, previous_att, Path(tmp))
                raise
        except OSError as exc:
            unlink_quietly(staged_db)
            unlink_quietly(staged_keys)
            log.exception("Restore of %s failed", backup_path)
            raise BackupError(
                translate("backup", "Pemulihan gagal ({strerror}); database dan lampiran saat ini tidak diubah").format(
                    strerror=exc.strerror or exc
                )
            ) from exc
    log.info("Restored %s from %s (previous copy %s)", db_path, backup_path, previous_db)
    return RestoreResult(
        info,
        db_path,
        previous_db,
        previous_att,
        info.attachment_count,
        info.needs_upgrade,
        previous_keys,
        extracted.key,
    )


def _put_keys_back(live: Path, previous: Path | None, staged: Path) -> None:
    """Undo the key file swap after the database could not be replaced."""
    if previous is None:
        live.unlink(missing_ok=True)
        return
    shutil.copy2(previous, staged)
    os.replace(staged, live)


def _put_attachments_back(live: Path, previous: Path | None, scratch: Path) -> None:
    """Undo the attachments swap after the database could not be replaced."""
    if live.exists():
        os.rename(live, scratch / "attachments-not-restored")
    if previous is not None:
        os.rename(previous, live)
