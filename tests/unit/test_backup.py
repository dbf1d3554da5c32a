"""Backup and restore: a zip of database + attachments, checked before restore, nothing lost on failure."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sqlite3
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.migrate import head_revision
from simoncer_desktop.services import backup
from simoncer_desktop.services.settings import get_setting, set_setting
from simoncer_desktop.store import Database, open_database

NOW = datetime(2026, 5, 4, 9, 30, 0)
OFFICE = "report_office_name"


def office_name(path: Path) -> str:
    db = open_database(path)
    try:
        with db.read() as s:
            return str(get_setting(s, OFFICE))
    finally:
        db.close()


def set_office_name(db: Database, value: str) -> None:
    with db.transaction() as s:
        set_setting(s, OFFICE, value)


def add_attachment(db_path: Path, content: bytes) -> Path:
    sha = hashlib.sha256(content).hexdigest()
    path = db_path.parent / "attachments" / sha[:2] / f"{sha}.jpg"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def rewrite(src: Path, dst: Path, change: dict[str, bytes | None], manifest: dict | None = None) -> Path:
    """A copy of backup ``src`` with members replaced (``None`` drops one) and the manifest patched."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == backup.MANIFEST and manifest is not None:
                data = json.dumps({**json.loads(data), **manifest}).encode()
            if name in change:
                if change[name] is None:
                    continue
                data = change[name]  # type: ignore[assignment]
            zout.writestr(name, data)
    return dst


@pytest.fixture
def made(demo_db: Database, tmp_path: Path) -> backup.BackupInfo:
    add_attachment(demo_db.path, b"foto rumah korban")
    set_office_name(demo_db, "Dinas Sosial Kota Bogor")
    return backup.create_backup(demo_db.path, tmp_path / "usb", now=NOW)


def test_a_backup_holds_manifest_database_and_attachments(made: backup.BackupInfo, tmp_path: Path) -> None:
    assert made.path == tmp_path / "usb" / "simoncer-backup-20260504-093000.zip"
    assert made.schema_revision == head_revision() and made.attachment_count == 1 and not made.needs_upgrade
    with zipfile.ZipFile(made.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
    assert manifest["app"] == "Simoncer" and manifest["format"] == 1 and manifest["encryption"] == "none"
    assert manifest["created_at"] == "2026-05-04T09:30:00" and manifest["schema_revision"] == head_revision()
    assert names == {"manifest.json", *manifest["files"]}
    assert "database.sqlite3" in names and any(n.startswith("attachments/") for n in names)
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == [made.path.name]  # no temp files left
    assert backup.inspect_backup(made.path).attachment_count == 1


def test_round_trip_the_change_is_gone_and_the_pre_restore_copy_keeps_it(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path
) -> None:
    set_office_name(demo_db, "Diubah setelah cadangan")
    photo = add_attachment(demo_db.path, b"lampiran baru")
    demo_db.close()

    result = backup.restore_backup(made.path, demo_db.path, now=NOW + timedelta(hours=1))

    assert office_name(demo_db.path) == "Dinas Sosial Kota Bogor"
    assert result.previous_database == tmp_path / "backups" / "demo-before-restore-20260504-103000.sqlite3"
    assert office_name(result.previous_database) == "Diubah setelah cadangan"
    assert result.previous_attachments is not None
    assert (result.previous_attachments / photo.relative_to(tmp_path / "attachments")).read_bytes() == b"lampiran baru"
    assert not photo.exists()  # the restored store is the backup's
    restored = [p for p in (tmp_path / "attachments").rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in restored] == [b"foto rumah korban"] and result.attachments_restored == 1
    assert not result.needs_upgrade
    assert not list(tmp_path.glob(".*restor*"))  # no staging left behind


def test_attachments_restored_into_an_empty_folder(demo_db: Database, made: backup.BackupInfo, tmp_path: Path) -> None:
    demo_db.close()
    for file in (tmp_path / "attachments").rglob("*.jpg"):
        file.unlink()
    backup.restore_backup(made.path, demo_db.path)
    assert [p.read_bytes() for p in (tmp_path / "attachments").rglob("*.jpg")] == [b"foto rumah korban"]


def assert_refused(path: Path, db_path: Path, message: str) -> None:
    before = db_path.read_bytes()
    with pytest.raises(SimoncerError, match=message):
        backup.inspect_backup(path)
    with pytest.raises(SimoncerError, match=message):
        backup.restore_backup(path, db_path)
    assert db_path.read_bytes() == before
    assert not list((db_path.parent / "backups").glob("*before-restore*"))


def test_a_foreign_zip_is_refused(demo_db: Database, tmp_path: Path) -> None:
    foreign = tmp_path / "foto.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("foto.jpg", b"bukan cadangan")
    demo_db.close()
    assert_refused(foreign, demo_db.path, "bukan berkas cadangan Simoncer")


def test_a_foreign_manifest_is_refused(demo_db: Database, made: backup.BackupInfo, tmp_path: Path) -> None:
    other = rewrite(made.path, tmp_path / "other.zip", {}, manifest={"app": "AplikasiLain"})
    demo_db.close()
    assert_refused(other, demo_db.path, "bukan berkas cadangan Simoncer")


def test_a_truncated_zip_is_refused(demo_db: Database, made: backup.BackupInfo, tmp_path: Path) -> None:
    cut = tmp_path / "cut.zip"
    cut.write_bytes(made.path.read_bytes()[: made.size_bytes // 2])
    demo_db.close()
    assert_refused(cut, demo_db.path, "rusak atau terpotong")


def test_a_tampered_database_is_refused(demo_db: Database, made: backup.BackupInfo, tmp_path: Path) -> None:
    with zipfile.ZipFile(made.path) as zf:
        data = bytearray(zf.read("database.sqlite3"))
    data[5000] ^= 0xFF
    tampered = rewrite(made.path, tmp_path / "tampered.zip", {"database.sqlite3": bytes(data)})
    demo_db.close()
    assert_refused(tampered, demo_db.path, "hash tidak cocok")


def test_a_backup_from_a_newer_app_is_refused(demo_db: Database, made: backup.BackupInfo, tmp_path: Path) -> None:
    newer = rewrite(made.path, tmp_path / "newer.zip", {}, manifest={"schema_revision": "f00dfeed9999"})
    demo_db.close()
    assert_refused(newer, demo_db.path, "dibuat oleh versi aplikasi yang lebih baru")


def test_a_manifest_that_lies_about_the_schema_is_refused(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path
) -> None:
    with zipfile.ZipFile(made.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    older = next(iter(set(backup._known_revisions()) - {head_revision()}), None)
    if older is None:
        pytest.skip("only one migration")
    lying = rewrite(made.path, tmp_path / "lying.zip", {}, manifest={"schema_revision": older})
    assert manifest["schema_revision"] != older
    demo_db.close()
    assert_refused(lying, demo_db.path, "tidak sesuai dengan manifest")


def test_a_member_outside_the_manifest_is_refused(demo_db: Database, made: backup.BackupInfo, tmp_path: Path) -> None:
    extra = rewrite(made.path, tmp_path / "extra.zip", {})
    with zipfile.ZipFile(extra, "a") as zf:
        zf.writestr("../evil.txt", b"x")
    demo_db.close()
    assert_refused(extra, demo_db.path, "tidak sesuai dengan manifest")


def test_a_corrupt_embedded_database_with_matching_hashes_is_refused(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path
) -> None:
    garbage = b"SQLite format 3\x00" + b"\x00" * 4000
    with zipfile.ZipFile(made.path) as zf:
        files = json.loads(zf.read("manifest.json"))["files"]
    files["database.sqlite3"] = hashlib.sha256(garbage).hexdigest()
    bad = rewrite(made.path, tmp_path / "bad.zip", {"database.sqlite3": garbage}, manifest={"files": files})
    demo_db.close()
    assert_refused(bad, demo_db.path, "database di dalam cadangan")


def test_nothing_is_lost_when_the_database_cannot_be_replaced(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_office_name(demo_db, "Perubahan yang harus tetap ada")
    photo = add_attachment(demo_db.path, b"lampiran baru")
    demo_db.close()
    real_replace = os.replace

    def failing_replace(src: object, dst: object) -> None:
        if Path(str(dst)) == demo_db.path:
            raise OSError(errno.EACCES, "Akses ditolak", str(dst))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(SimoncerError, match=r"Pemulihan gagal.*tidak diubah"):
        backup.restore_backup(made.path, demo_db.path)
    monkeypatch.undo()

    assert office_name(demo_db.path) == "Perubahan yang harus tetap ada"
    assert photo.read_bytes() == b"lampiran baru"
    assert len([p for p in (tmp_path / "attachments").rglob("*") if p.is_file()]) == 2
    assert not list(tmp_path.glob(".*restor*"))


def test_a_full_disk_leaves_no_partial_file(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    folder = tmp_path / "usb"
    with pytest.raises(SimoncerError, match=re.escape(f"tidak dapat ditulis ke folder {folder}")):
        backup.create_backup(db_path, folder, now=NOW)
    assert list(folder.iterdir()) == []


def test_an_unwritable_folder_is_named(db_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    with pytest.raises(SimoncerError, match="bukan-folder"):
        backup.create_backup(db_path, blocker / "cadangan", now=NOW)


def test_daily_backup_once_a_day_and_rotation_keeps_n_days(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    others = [folder / "catatan.txt", folder / "simoncer-20200101-000000-before-x.sqlite3", folder / "lain.zip"]
    for other in others:
        other.write_text("jangan dihapus")
        os.utime(other, (0, 0))
    for days in range(1, 6):
        assert backup.daily_backup(db_path, keep_days=0, now=NOW - timedelta(days=days)) is not None

    first = backup.daily_backup(db_path, keep_days=3, now=NOW)
    assert first is not None
    assert backup.daily_backup(db_path, keep_days=3, now=NOW + timedelta(hours=5)) is None  # today's exists

    kept = [e.created_at.date() for e in backup.list_backups(folder)]
    assert kept == [NOW.date(), (NOW - timedelta(days=1)).date(), (NOW - timedelta(days=2)).date()]
    assert all(other.read_text() == "jangan dihapus" for other in others)


def test_an_older_schema_is_reported_for_upgrade(made: backup.BackupInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "head_revision", lambda: "a-newer-head")
    assert backup.inspect_backup(made.path).needs_upgrade


def test_the_embedded_database_stands_alone(made: backup.BackupInfo, tmp_path: Path) -> None:
    with zipfile.ZipFile(made.path) as zf:
        zf.extract("database.sqlite3", tmp_path / "x")
    conn = sqlite3.connect(tmp_path / "x" / "database.sqlite3")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
