"""``simoncer-cli backup`` and ``simoncer-cli restore``: cadangan database + lampiran, dan pemulihannya.

``backup --daily`` is meant for a scheduled task (Windows Task Scheduler, cron): it does nothing when
today's backup exists and removes this app's backups older than the ``backup_keep_days`` setting.
``restore`` without ``--yes`` only checks the file and says what would happen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simoncer_desktop.cli_common import EXIT_OK, EXIT_USAGE, add_db
from simoncer_desktop.paths import backup_dir
from simoncer_desktop.store import Database

KEEP_DAYS_SETTING = "backup_keep_days"


def _size(num: int) -> str:
    return f"{num / (1024 * 1024):.1f} MB" if num >= 1024 * 1024 else f"{max(1, num // 1024)} KB"


def cmd_backup(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import backup, settings

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
        info = backup.daily_backup(db.path, keep_days)
        if info is None:
            print(f"Cadangan hari ini sudah ada di {backup_dir(db.path)}; tidak dibuat lagi.")
            return EXIT_OK
    else:
        folder = Path(args.to).expanduser() if args.to else backup_dir(db.path)
        info = backup.create_backup(db.path, folder)
    print(
        f"Cadangan dibuat: {info.path} ({_size(info.size_bytes)}, {info.attachment_count} lampiran, "
        f"skema {info.schema_revision})"
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, db: Database) -> int:
    from simoncer_desktop.services import backup

    info = backup.inspect_backup(Path(args.file).expanduser())
    print(
        f"Cadangan valid: dibuat {info.created_at:%d-%m-%Y %H:%M:%S} oleh Simoncer {info.app_version}, "
        f"skema {info.schema_revision}, {info.attachment_count} lampiran."
    )
    upgrade_note = (
        "Skema cadangan lebih lama; database akan diperbarui otomatis (dengan cadangan) saat dibuka berikutnya."
    )
    if not args.yes:
        print(
            f"Bila dipulihkan (--yes): database {db.path} dan folder lampirannya disimpan dulu sebagai salinan "
            f"bertanggal di {backup_dir(db.path)}, lalu diganti dengan isi cadangan ini."
        )
        if info.needs_upgrade:
            print(upgrade_note)
        print("Belum ada yang diubah. Ulangi dengan --yes untuk memulihkan.")
        return EXIT_OK
    db.close()  # every connection must be gone before the file is swapped
    result = backup.restore_backup(info.path, db.path)
    print(f"Database dipulihkan dari {info.path.name} ({result.attachments_restored} lampiran).")
    if result.previous_database is not None:
        print(f"Database sebelumnya disimpan sebagai {result.previous_database}")
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
    p.set_defaults(handler=cmd_restore)
