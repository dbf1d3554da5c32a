"""Backup and restore: a zip of the encrypted database + key file + attachments, checked (with the data
key) before restore, nothing lost on failure."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from simoncer_desktop.errors import AuthError, SimoncerError
from simoncer_desktop.migrate import head_revision, known_revisions
from simoncer_desktop.security import engine
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services import auth, backup, backup_restore
from simoncer_desktop.services.settings import get_setting, set_setting
from simoncer_desktop.store import Database, open_database
from tests.keys import TEST_KEY

NOW = datetime(2026, 5, 4, 9, 30, 0)
OFFICE = "report_office_name"
PASSWORD = "kata-sandi-uji-123"
OTHER_KEY = bytes(range(0xA0, 0xC0))


@pytest.fixture(autouse=True)
def _cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "TIME_COST", 1)
    monkeypatch.setattr(auth, "MEMORY_COST_KIB", 8)
    monkeypatch.setattr(auth, "PARALLELISM", 1)


def write_key_file(db_path: Path, key: bytes = TEST_KEY, password: str = PASSWORD) -> str:
    """The key file beside ``db_path`` holding ``key`` for user ``admin``; returns the recovery key."""
    store, _, _ = KeyStore.create(db_path)
    recovery = store.set_recovery_key(key)
    store.add_wrap("admin", password, key)
    store.save()
    return recovery


@pytest.fixture
def db_path(db_path: Path) -> Path:
    write_key_file(db_path)
    return db_path


@pytest.fixture
def demo_db(demo_db: Database) -> Iterator[Database]:
    write_key_file(demo_db.path)
    return demo_db


def office_name(path: Path, key: bytes = TEST_KEY) -> str:
    db = open_database(path, key)
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
    return backup.create_backup(demo_db.path, tmp_path / "usb", TEST_KEY, now=NOW)


def test_a_backup_holds_manifest_database_and_attachments(made: backup.BackupInfo, tmp_path: Path) -> None:
    assert made.path == tmp_path / "usb" / "simoncer-backup-20260504-093000.zip"
    assert made.schema_revision == head_revision() and made.attachment_count == 1 and not made.needs_upgrade
    with zipfile.ZipFile(made.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
    assert manifest["app"] == "Simoncer" and manifest["format"] == 2
    assert manifest["encryption"] == "sqlcipher4+aesgcm"
    assert manifest["created_at"] == "2026-05-04T09:30:00" and manifest["schema_revision"] == head_revision()
    assert names == {"manifest.json", *manifest["files"]}
    assert "database.sqlite3" in names and any(n.startswith("attachments/") for n in names)
    assert "keys.json" in names
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == [made.path.name]  # no temp files left
    assert backup_restore.inspect_backup(made.path, TEST_KEY).attachment_count == 1


def test_the_backup_holds_no_plaintext_and_the_key_file_as_it_is(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path
) -> None:
    with demo_db.read() as s:
        nik = s.execute(text("SELECT nik FROM member WHERE nik IS NOT NULL LIMIT 1")).scalar_one()
    raw = made.path.read_bytes()
    with zipfile.ZipFile(made.path) as zf:
        database = zf.read("database.sqlite3")
        keys = zf.read("keys.json")
        info = zf.getinfo("database.sqlite3")
    assert nik.encode() not in database and nik.encode() not in raw
    assert b"Dinas Sosial Kota Bogor" not in database and b"SQLite format 3" not in database
    assert info.compress_type == zipfile.ZIP_STORED  # encrypted pages do not compress
    assert keys == KeyStore.path_for(demo_db.path).read_bytes()
    assert json.loads(keys)["database_id"] == KeyStore.load(demo_db.path).database_id


def test_round_trip_the_change_is_gone_and_the_pre_restore_copy_keeps_it(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path
) -> None:
    set_office_name(demo_db, "Diubah setelah cadangan")
    photo = add_attachment(demo_db.path, b"lampiran baru")
    demo_db.close()

    keys = KeyStore.path_for(demo_db.path)
    in_backup = keys.read_bytes()
    write_key_file(demo_db.path, password="kata-sandi-baru-456")  # a password changed after the backup
    changed = keys.read_bytes()

    result = backup_restore.restore_backup(made.path, demo_db.path, TEST_KEY, now=NOW + timedelta(hours=1))

    assert office_name(demo_db.path) == "Dinas Sosial Kota Bogor"
    assert result.previous_database == tmp_path / "backups" / "demo-before-restore-20260504-103000.sqlite3"
    assert engine.is_encrypted(result.previous_database)
    assert office_name(result.previous_database) == "Diubah setelah cadangan"
    assert result.previous_key_file == tmp_path / "backups" / "demo-before-restore-20260504-103000.sqlite3.keys"
    assert result.previous_key_file.read_bytes() == changed and keys.read_bytes() == in_backup
    assert KeyStore.load(demo_db.path).unlock("admin", PASSWORD) == TEST_KEY == result.key
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
    backup_restore.restore_backup(made.path, demo_db.path, TEST_KEY)
    assert [p.read_bytes() for p in (tmp_path / "attachments").rglob("*.jpg")] == [b"foto rumah korban"]


def test_restore_onto_a_missing_database_unlocked_from_the_backups_key_file(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path
) -> None:
    """A new laptop: nothing but the backup; the user's password opens the backup's own key file."""
    target = tmp_path / "laptop-baru" / "simoncer.sqlite3"
    target.parent.mkdir()
    with pytest.raises(AuthError, match="salah"):
        backup_restore.restore_backup(made.path, target, None, unlock=backup.password_unlock("admin", "bukan-ini"))
    assert not target.exists() and not KeyStore.exists(target)

    seen: list[Path] = []

    def unlock(keystore_path: Path) -> bytes:
        seen.append(keystore_path)
        return backup.password_unlock("admin", PASSWORD)(keystore_path)

    result = backup_restore.restore_backup(made.path, target, None, now=NOW, unlock=unlock)
    assert seen and seen[0].name == "database.sqlite3.keys"
    assert result.key == TEST_KEY and result.previous_database is None and result.previous_key_file is None
    assert office_name(target) == "Dinas Sosial Kota Bogor"
    assert KeyStore.load(target).unlock("admin", PASSWORD) == TEST_KEY
    assert [p.read_bytes() for p in (target.parent / "attachments").rglob("*.jpg")] == [b"foto rumah korban"]
    with pytest.raises(SimoncerError, match="Kunci database diperlukan"):
        backup_restore.inspect_backup(made.path, None)


def test_restore_with_the_recovery_key(demo_db: Database, tmp_path: Path) -> None:
    recovery = write_key_file(demo_db.path)
    made = backup.create_backup(demo_db.path, tmp_path / "usb", TEST_KEY, now=NOW)
    target = tmp_path / "lain" / "simoncer.sqlite3"
    target.parent.mkdir()
    result = backup_restore.restore_backup(made.path, target, None, unlock=backup.recovery_unlock(recovery.lower()))
    assert result.key == TEST_KEY and office_name(target) == office_name(demo_db.path)


def test_a_backup_of_another_database_is_refused(demo_db: Database, made: backup.BackupInfo, tmp_path: Path) -> None:
    demo_db.close()
    with pytest.raises(SimoncerError, match="tidak dapat dibuka dengan kunci database ini"):
        backup_restore.inspect_backup(made.path, OTHER_KEY)
    before = demo_db.path.read_bytes()
    with pytest.raises(SimoncerError, match="cadangan dari database lain"):
        backup_restore.restore_backup(made.path, demo_db.path, OTHER_KEY)
    assert demo_db.path.read_bytes() == before
    assert not list((demo_db.path.parent / "backups").glob("*before-restore*"))


def test_a_plain_backup_from_before_encryption_is_refused(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path
) -> None:
    old = rewrite(made.path, tmp_path / "old.zip", {}, manifest={"encryption": "none"})
    unknown = rewrite(made.path, tmp_path / "unknown.zip", {}, manifest={"encryption": "rot13"})
    demo_db.close()
    assert_refused(old, demo_db.path, "cadangan lama tanpa enkripsi")
    assert_refused(unknown, demo_db.path, "terenkripsi dengan 'rot13', yang belum didukung")


def test_a_backup_without_its_key_file_is_refused(demo_db: Database, made: backup.BackupInfo, tmp_path: Path) -> None:
    with zipfile.ZipFile(made.path) as zf:
        files = json.loads(zf.read("manifest.json"))["files"]
    del files["keys.json"]
    missing = rewrite(made.path, tmp_path / "nokeys.zip", {"keys.json": None}, manifest={"files": files})
    demo_db.close()
    assert_refused(missing, demo_db.path, r"berkas kunci \(keys.json\) tidak ada")


def test_no_backup_without_a_key_file_or_with_a_wrong_key(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(AuthError, match="kunci salah"):
        backup.create_backup(db_path, tmp_path / "usb", OTHER_KEY, now=NOW)
    KeyStore.path_for(db_path).unlink()
    with pytest.raises(SimoncerError, match=r"Berkas kunci .* tidak ditemukan"):
        backup.create_backup(db_path, tmp_path / "usb", TEST_KEY, now=NOW)
    assert not (tmp_path / "usb").exists() or list((tmp_path / "usb").iterdir()) == []


def assert_refused(path: Path, db_path: Path, message: str) -> None:
    before = db_path.read_bytes()
    with pytest.raises(SimoncerError, match=message):
        backup_restore.inspect_backup(path, TEST_KEY)
    with pytest.raises(SimoncerError, match=message):
        backup_restore.restore_backup(path, db_path, TEST_KEY)
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
    older = next(iter(known_revisions() - {head_revision()}), None)
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


def test_an_altered_encrypted_page_with_matching_hashes_is_refused(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path
) -> None:
    with zipfile.ZipFile(made.path) as zf:
        data = bytearray(zf.read("database.sqlite3"))
        files = json.loads(zf.read("manifest.json"))["files"]
    data[4096 * 3 + 100] ^= 0x01  # inside page 4: its HMAC no longer matches
    files["database.sqlite3"] = hashlib.sha256(bytes(data)).hexdigest()
    bad = rewrite(made.path, tmp_path / "page.zip", {"database.sqlite3": bytes(data)}, manifest={"files": files})
    demo_db.close()
    assert_refused(bad, demo_db.path, "database di dalam cadangan")


def test_nothing_is_lost_when_the_database_cannot_be_replaced(
    demo_db: Database, made: backup.BackupInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_office_name(demo_db, "Perubahan yang harus tetap ada")
    photo = add_attachment(demo_db.path, b"lampiran baru")
    write_key_file(demo_db.path, password="kata-sandi-baru-456")
    keys_before = KeyStore.path_for(demo_db.path).read_bytes()
    demo_db.close()
    real_replace = os.replace

    def failing_replace(src: object, dst: object) -> None:
        if Path(str(dst)) == demo_db.path:
            raise OSError(errno.EACCES, "Akses ditolak", str(dst))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(SimoncerError, match=r"Pemulihan gagal.*tidak diubah"):
        backup_restore.restore_backup(made.path, demo_db.path, TEST_KEY)
    monkeypatch.undo()

    assert office_name(demo_db.path) == "Perubahan yang harus tetap ada"
    assert KeyStore.path_for(demo_db.path).read_bytes() == keys_before
    assert photo.read_bytes() == b"lampiran baru"
    assert len([p for p in (tmp_path / "attachments").rglob("*") if p.is_file()]) == 2
    assert not list(tmp_path.glob(".*restor*"))


def test_a_full_disk_leaves_no_partial_file(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    folder = tmp_path / "usb"
    with pytest.raises(SimoncerError, match=re.escape(f"tidak dapat ditulis ke folder {folder}")):
        backup.create_backup(db_path, folder, TEST_KEY, now=NOW)
    assert list(folder.iterdir()) == []


def test_an_unwritable_folder_is_named(db_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    with pytest.raises(SimoncerError, match="bukan-folder"):
        backup.create_backup(db_path, blocker / "cadangan", TEST_KEY, now=NOW)


def test_daily_backup_once_a_day_and_rotation_keeps_n_days(db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    others = [folder / "catatan.txt", folder / "simoncer-20200101-000000-before-x.sqlite3", folder / "lain.zip"]
    for other in others:
        other.write_text("jangan dihapus")
        os.utime(other, (0, 0))
    for days in range(1, 6):
        assert backup.daily_backup(db_path, TEST_KEY, keep_days=0, now=NOW - timedelta(days=days)) is not None

    first = backup.daily_backup(db_path, TEST_KEY, keep_days=3, now=NOW)
    assert first is not None
    assert backup.daily_backup(db_path, TEST_KEY, keep_days=3, now=NOW + timedelta(hours=5)) is None

    kept = [e.created_at.date() for e in backup.list_backups(folder)]
    assert kept == [NOW.date(), (NOW - timedelta(days=1)).date(), (NOW - timedelta(days=2)).date()]
    assert all(other.read_text() == "jangan dihapus" for other in others)


def test_an_older_schema_is_reported_for_upgrade(made: backup.BackupInfo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "head_revision", lambda: "a-newer-head")
    assert backup_restore.inspect_backup(made.path, TEST_KEY).needs_upgrade


def test_the_embedded_database_stands_alone(made: backup.BackupInfo, tmp_path: Path) -> None:
    with zipfile.ZipFile(made.path) as zf:
        zf.extract("database.sqlite3", tmp_path / "x")
    standalone = tmp_path / "x" / "database.sqlite3"
    conn = engine.connect(standalone, TEST_KEY)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    plain = sqlite3.connect(standalone)  # without the key it is not a database
    try:
        with pytest.raises(sqlite3.DatabaseError):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        plain.close()
