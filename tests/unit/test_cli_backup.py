"""``simoncer-cli backup`` / ``restore``: exit codes, messages, restore only with --yes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from simoncer_desktop import cli
from simoncer_desktop.services.settings import get_setting, set_setting
from simoncer_desktop.store import open_database

OFFICE = "report_office_name"


def run(*args: str) -> int:
    return cli.main(list(args))


def office(db_path: Path, value: str | None = None) -> str:
    db = open_database(db_path)
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
