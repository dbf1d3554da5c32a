"""``simoncer-cli backup`` and ``simoncer-cli restore``: cadangan database + lampiran, dan pemulihannya.

``backup --daily`` is meant for a scheduled task (Windows Task Scheduler, cron): it does nothing when
today's backup exists and removes this app's backups older than the ``backup_keep_days`` setting.
``restore`` without ``--yes`` only checks the file and says what would happen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simoncer_desktop.cli_common import EXIT_OK, EXIT_USAGE, add_db
from simoncer_desktop.errors import AuthError
from simoncer_desktop.models.enums import Role
from simoncer_desktop.paths import backup_dir
from simoncer_desktop.services.permissions import Identity, require
from simoncer_desktop.store import Database

if TYPE_CHECKING:
    from simoncer_desktop.services.backup import Unlock

KEEP_DAYS_SETTING = "backup_keep_days"


def _size(num: int) -> str:
    return f"{num / (1024 * 1024):.1f} MB" if num >= 1024 * 1024 else f"{max(1, num // 1024)} KB"


def cmd_backup(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import backup, settings

    _require_admin(db)
    if args.list:
        folder = Path(args.to) if args.to else backup_dir(db.path)
        entries = backup.list_backups(folder)
        for entry in entries:
            print(f"{entry.created_at:%d-%m-%Y %H:%M:%S}  {_size(entry.size_bytes):>9}  {entry.path}")
        print(f"{len(entries)} cadangan di {folder}")
        return EXIT_OK
    if args.daily:
        if args.to:
            print("--daily selalu menulis ke folder backups/ database; --to tidak dipakai bersamanya", file=sys.stderr)
            return EXIT_USAGE
        with db.read() as session:
            keep_days = int(settings.get_setting(session, KEEP_DAYS_SETTING))
        info = backup.daily_backup(db.path, db.key, keep_days)
        if info is None:
            print(f"Cadangan hari ini sudah ada di {backup_dir(db.path)}; tidak dibuat lagi.")
            return EXIT_OK
    else:
        folder = Path(args.to).expanduser() if args.to else backup_dir(db.path)
        info = backup.create_backup(db.path, folder, db.key)
    print(
        f"Cadangan dibuat: {info.path} ({_size(info.size_bytes)}, {info.attachment_count} lampiran, "
        f"skema {info.schema_revision})"
    )
    return EXIT_OK


def _require_admin(db: Database) -> None:
    """Backups hold every family's data and a restore replaces it: administrators only."""
    require(db.identity, "maintenance.run")


def _admin_unlock(username: str, password: str) -> Unlock:
    """The backup's key file opened with the password, then the same rule as with a database: only an
    active administrator (of the backup's own accounts) may restore it onto a laptop without a database."""
    import sqlcipher3.dbapi2 as sqlcipher

    from simoncer_desktop.security import engine as cipher
    from simoncer_desktop.security.keystore import SUFFIX, normalize_name
    from simoncer_desktop.services import backup

    name = normalize_name(username)
    unlock = backup.password_unlock(name, password)

    def unlock_as_admin(keystore_path: Path) -> bytes:
        key = unlock(keystore_path)
        database = keystore_path.with_name(keystore_path.name.removesuffix(SUFFIX))  # the extracted copy
        conn = cipher.connect(database, key, read_only=True)
        try:
            row = conn.execute(
                "SELECT id, full_name, role, scope, active, deleted FROM app_user WHERE username = ?", (name,)
            ).fetchone()
        except sqlcipher.DatabaseError as exc:  # unreadable: refused, never restored unchecked
            raise backup.BackupError(f"Berkas cadangan tidak dapat diperiksa ({exc}); database tidak diubah.") from exc
        finally:
            conn.close()
        if row is None or row[5]:
            raise AuthError(f"Akun '{name}' tidak terdaftar di database cadangan ini.")
        if not row[4]:
            raise AuthError(f"Akun '{name}' sudah dinonaktifkan. Hubungi administrator.")
        require(Identity(row[0], name, row[1], Role(row[2]), row[3]), "maintenance.run")
        return key

    return unlock_as_admin


def cmd_restore(args: argparse.Namespace, db: Database | None) -> int:
    """With a database: an administrator of it restores. Without one (a new or replaced laptop): the
    backup's own key file is unlocked with ``--user`` and the password, that user must be an administrator
    in the backup, and the database is made from it."""
    from simoncer_desktop.cli_auth import password_for
    from simoncer_desktop.services import backup_restore

    source = Path(args.file).expanduser()
    if db is None:
        db_path: Path = args.db_path
        unlock = _admin_unlock(args.user, password_for(args.user))
        info = backup_restore.inspect_backup(source, None, unlock)
        key: bytes | None = None
    else:
        _require_admin(db)
        db_path, key, unlock = db.path, db.key, None
        info = backup_restore.inspect_backup(source, key)
    print(
        f"Cadangan valid: dibuat {info.created_at:%d-%m-%Y %H:%M:%S} oleh Simoncer {info.app_version}, "
        f"skema {info.schema_revision}, {info.attachment_count} lampiran."
    )
    upgrade_note = (
        "Skema cadangan lebih lama; database akan diperbarui otomatis (dengan cadangan) saat dibuka berikutnya."
    )
    if not args.yes:
        print(
            f"Bila dipulihkan (--yes): database {db_path} dan folder lampirannya disimpan dulu sebagai salinan "
            f"bertanggal di {backup_dir(db_path)}, lalu diganti dengan isi cadangan ini. Kata sandi pengguna "
            "kembali seperti pada hari cadangan dibuat."
        )
        if info.needs_upgrade:
            print(upgrade_note)
        print("Belum ada yang diubah. Ulangi dengan --yes untuk memulihkan.")
        return EXIT_OK
    if db is not None:
        db.close()  # every connection must be gone before the file is swapped
    result = backup_restore.restore_backup(info.path, db_path, key, unlock=unlock)
    print(f"Database dipulihkan dari {info.path.name} ({result.attachments_restored} lampiran).")
    if result.previous_database is not None:
        print(f"Database sebelumnya disimpan sebagai {result.previous_database}")
    if result.previous_key_file is not None:
        print(f"Berkas kunci sebelumnya disimpan sebagai {result.previous_key_file}")
    if result.previous_attachments is not None:
        print(f"Lampiran sebelumnya disimpan di {result.previous_attachments}")
    if result.needs_upgrade:
        print(upgrade_note)
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="buat cadangan database dan lampiran (.zip); --daily untuk tugas terjadwal")
    add_db(p)
    p.add_argument("--to", metavar="FOLDER", help="folder tujuan, mis. flashdisk (default: folder backups/ database)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--daily",
        action="store_true",
        help="cadangan harian ke backups/: lewati bila hari ini sudah ada; hapus yang lebih lama dari "
        f"pengaturan {KEEP_DAYS_SETTING}",
    )
    mode.add_argument("--list", action="store_true", help="daftar cadangan yang ada")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="pulihkan dari berkas cadangan; tanpa --yes hanya memeriksa berkas")
    p.add_argument("file", metavar="FILE.zip", help="berkas cadangan simoncer-backup-….zip")
    add_db(p)
    p.add_argument("--yes", action="store_true", help="benar-benar pulihkan (database saat ini disimpan dulu)")
    p.set_defaults(handler=cmd_restore, works_without_database=True)
