"""``simoncer-cli backup`` / ``restore``: exit codes, messages, restore only with --yes, administrators
only, and a restore onto a laptop without a database (unlocked from the backup's key file)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from simoncer_desktop import cli
from simoncer_desktop.models.enums import Role
from simoncer_desktop.security import signin
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services.auth import UserInput
from simoncer_desktop.services.settings import get_setting, set_setting
from tests.keys import TEST_PASSWORD, open_test_database

OFFICE = "report_office_name"


def run(*args: str) -> int:
    return cli.main(list(args))


def office(db_path: Path, value: str | None = None) -> str:
    db = open_test_database(db_path)
    try:
        if value is not None:
            with db.transaction() as s:
                set_setting(s, OFFICE, value)
        with db.read() as s:
            return str(get_setting(s, OFFICE))
    finally:
        db.close()


def test_backup_to_a_folder_then_restore_needs_yes(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    office(db_path, "Sebelum")
    assert run("backup", "--to", str(tmp_path / "usb"), "--db", str(db_path)) == 0
    assert "Cadangan dibuat:" in capsys.readouterr().out
    (made,) = (tmp_path / "usb").glob("simoncer-backup-*.zip")
    office(db_path, "Sesudah")

    assert run("restore", str(made), "--db", str(db_path)) == 0
    out = capsys.readouterr().out
    assert "Cadangan valid" in out and "Belum ada yang diubah" in out
    assert office(db_path) == "Sesudah"

    assert run("restore", str(made), "--db", str(db_path), "--yes") == 0
    out = capsys.readouterr().out
    assert "Database dipulihkan" in out and "before-restore" in out
    assert office(db_path) == "Sebelum"


def test_daily_backup_and_list(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert run("backup", "--daily", "--db", str(db_path)) == 0
    assert "Cadangan dibuat:" in capsys.readouterr().out
    assert run("backup", "--daily", "--db", str(db_path)) == 0
    assert "sudah ada" in capsys.readouterr().out
    assert run("backup", "--list", "--db", str(db_path)) == 0
    out = capsys.readouterr().out
    assert "simoncer-backup-" in out and out.strip().endswith(f"1 cadangan di {db_path.parent / 'backups'}")
    assert run("backup", "--daily", "--to", "x", "--db", str(db_path)) == 2


def test_the_keep_days_setting_exists(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert run("setting", "backup_keep_days", "--db", str(db_path)) == 0
    assert capsys.readouterr().out.strip() == "14"


def test_a_foreign_file_exits_1_with_a_message(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    foreign = tmp_path / "lain.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("a.txt", "x")
    before = office(db_path)
    assert run("restore", str(foreign), "--db", str(db_path), "--yes") == 1
    assert "bukan berkas cadangan Simoncer" in capsys.readouterr().err
    assert office(db_path) == before

    (tmp_path / "rusak.zip").write_bytes(b"bukan zip")
    assert run("restore", str(tmp_path / "rusak.zip"), "--db", str(db_path)) == 1
    assert "terpotong" in capsys.readouterr().err


def test_an_unwritable_folder_exits_1(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    assert run("backup", "--to", str(blocker / "sub"), "--db", str(db_path)) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("Gagal: Cadangan tidak dapat ditulis ke folder") and "berkas" in err


def add_user(db_path: Path, username: str, role: Role, password: str) -> str:
    """Add a user as the test admin, then change the temporary password as that user (so the command
    line lets it in); returns the user's own password."""
    db = signin.sign_in(db_path, "admin", TEST_PASSWORD)
    try:
        signin.add_user(db, UserInput(username=username, full_name=username.title(), role=role, password=password))
    finally:
        db.close()
    db = signin.sign_in(db_path, username, password)
    try:
        signin.change_password(db, username, password, password + "-baru")
    finally:
        db.close()
    return password + "-baru"


def make_backup(db_path: Path, folder: Path, capsys: pytest.CaptureFixture) -> Path:
    assert run("backup", "--to", str(folder), "--db", str(db_path)) == 0
    capsys.readouterr()
    (made,) = folder.glob("simoncer-backup-*.zip")
    return made


def test_restore_onto_a_missing_database_with_the_password_from_the_environment(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    office(db_path, "Kantor Lama")
    made = make_backup(db_path, tmp_path / "usb", capsys)
    new = tmp_path / "laptop-baru" / "simoncer.sqlite3"

    assert run("restore", str(made), "--db", str(new)) == 0  # default --user admin, SIMONCER_PASSWORD
    out = capsys.readouterr().out
    assert "Cadangan valid" in out and "Belum ada yang diubah" in out
    assert not new.exists() and not KeyStore.exists(new)

    assert run("restore", str(made), "--db", str(new), "--yes") == 0
    out = capsys.readouterr().out
    assert "Database dipulihkan" in out and "sebelumnya" not in out  # there was nothing to keep
    assert new.exists() and KeyStore.exists(new)
    assert office(new) == "Kantor Lama"
    # The restored key file is the backup's: the admin signs in with the password of the backup's day.
    signin.sign_in(new, "admin", TEST_PASSWORD).close()
    assert run("info", "--db", str(new)) == 0


@pytest.mark.usefixtures("cheap_argon2")
def test_restore_onto_a_missing_database_as_another_user(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    password = add_user(db_path, "kepala", Role.ADMIN, "sandi-kepala-1")
    made = make_backup(db_path, tmp_path / "usb", capsys)
    new = tmp_path / "laptop-baru" / "simoncer.sqlite3"
    monkeypatch.setenv("SIMONCER_PASSWORD", password)
    assert run("restore", str(made), "--db", str(new), "--user", "kepala", "--yes") == 0
    assert "Database dipulihkan" in capsys.readouterr().out
    signin.sign_in(new, "kepala", password).close()


def test_a_wrong_password_restores_nothing_onto_a_missing_database(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    made = make_backup(db_path, tmp_path / "usb", capsys)
    new = tmp_path / "laptop-baru" / "simoncer.sqlite3"
    monkeypatch.setenv("SIMONCER_PASSWORD", "bukan-sandinya")
    assert run("restore", str(made), "--db", str(new), "--yes") == 1
    captured = capsys.readouterr()
    assert "Nama pengguna atau kata sandi salah" in captured.err and "dipulihkan" not in captured.out
    assert run("restore", str(made), "--db", str(new), "--user", "siapa", "--yes") == 1
    assert "Nama pengguna atau kata sandi salah" in capsys.readouterr().err
    assert not new.exists() and not KeyStore.exists(new)


def test_without_a_password_a_scheduled_restore_is_refused(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    made = make_backup(db_path, tmp_path / "usb", capsys)
    new = tmp_path / "laptop-baru" / "simoncer.sqlite3"
    monkeypatch.delenv("SIMONCER_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: no prompt
    assert run("restore", str(made), "--db", str(new), "--yes") == 1
    assert "SIMONCER_PASSWORD" in capsys.readouterr().err
    assert not new.exists() and not KeyStore.exists(new)


@pytest.mark.usefixtures("cheap_argon2")
def test_only_an_administrator_may_back_up_or_restore(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    office(db_path, "Sebelum")
    made = make_backup(db_path, tmp_path / "usb", capsys)
    office(db_path, "Sesudah")
    password = add_user(db_path, "pengawas", Role.SUPERVISOR, "sandi-pengawas-1")
    monkeypatch.setenv("SIMONCER_PASSWORD", password)
    as_supervisor = ["--db", str(db_path), "--user", "pengawas"]

    assert run("backup", "--to", str(tmp_path / "usb2"), *as_supervisor) == 1
    assert "tidak berwenang menjalankan pemeliharaan data" in capsys.readouterr().err
    assert not list((tmp_path / "usb2").glob("*.zip"))
    assert run("backup", "--daily", *as_supervisor) == 1
    assert "tidak berwenang" in capsys.readouterr().err
    assert run("backup", "--list", *as_supervisor) == 1
    assert "tidak berwenang" in capsys.readouterr().err
    assert not list((db_path.parent / "backups").glob("simoncer-backup-*.zip"))

    assert run("restore", str(made), *as_supervisor) == 1
    assert "tidak berwenang" in capsys.readouterr().err
    assert run("restore", str(made), *as_supervisor, "--yes") == 1
    captured = capsys.readouterr()
    assert "tidak berwenang menjalankan pemeliharaan data" in captured.err and "dipulihkan" not in captured.out
    assert office(db_path) == "Sesudah"


@pytest.mark.usefixtures("cheap_argon2")
def test_only_an_administrator_in_the_backup_may_restore_it_onto_a_missing_database(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    password = add_user(db_path, "pengawas", Role.SUPERVISOR, "sandi-pengawas-1")
    made = make_backup(db_path, tmp_path / "usb", capsys)  # the supervisor's password opens its key file
    new = tmp_path / "laptop-baru" / "simoncer.sqlite3"
    monkeypatch.setenv("SIMONCER_PASSWORD", password)
    for extra in ([], ["--yes"]):
        assert run("restore", str(made), "--db", str(new), "--user", "pengawas", *extra) == 1
        captured = capsys.readouterr()
        assert "tidak berwenang menjalankan pemeliharaan data" in captured.err
        assert "Cadangan valid" not in captured.out and "dipulihkan" not in captured.out
    assert not new.exists() and not KeyStore.exists(new)
