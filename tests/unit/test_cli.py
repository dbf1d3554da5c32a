"""simoncer-cli: commands, exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simoncer_desktop import __version__, cli
from simoncer_desktop.migrate import head_revision
from simoncer_desktop.security.keystore import KeyStore
from tests.conftest import copy_database


def test_info_refuses_a_missing_database_and_creates_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "new.sqlite3"
    assert cli.main(["info", "--db", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"Database {path.resolve()} belum ada" in captured.err and "simoncer-cli demo-data" in captured.err
    assert not path.exists() and not KeyStore.exists(path)


@pytest.mark.usefixtures("cheap_argon2")
def test_demo_data_creates_a_missing_database_with_the_first_admin(tmp_path: Path, capsys) -> None:
    path = tmp_path / "new.sqlite3"
    argv = ["demo-data", "--db", str(path), "--families", "5", "--relief-victims", "0"]
    assert cli.main(argv) == 0
    captured = capsys.readouterr()
    assert "Dibuat 5 keluarga" in captured.out
    assert "administrator 'admin'" in captured.err and "KUNCI PEMULIHAN" in captured.err
    assert path.exists() and KeyStore.exists(path)
    # Created and migrated: the next command signs in to it with the same password.
    assert cli.main(["info", "--db", str(path)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["families"] == 5 and info["database"] == str(path.resolve())
    assert info["schema"] == head_revision() and info["region_code"] == "32.71"
    assert info["migrated_by_version"] == __version__ == info["version"]


def test_db_comes_from_the_environment(db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("SIMONCER_DB", str(db_path))
    assert cli.main(["info"]) == 0
    assert json.loads(capsys.readouterr().out)["database"] == str(db_path.resolve())


def test_a_missing_database_from_the_environment_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("SIMONCER_DB", str(path))
    assert cli.main(["info"]) == 1
    assert f"Database {path.resolve()} belum ada" in capsys.readouterr().err
    assert not path.exists()


def test_default_db_lives_in_the_data_folder(template_db: Path, tmp_path: Path, capsys) -> None:
    default = tmp_path / "data" / "simoncer.sqlite3"  # conftest points SIMONCER_DATA_DIR at tmp_path/data
    default.parent.mkdir(parents=True)
    copy_database(template_db, default)
    assert cli.main(["info"]) == 0
    assert json.loads(capsys.readouterr().out)["database"] == str(default.resolve())
    assert (tmp_path / "data" / "logs" / "simoncer.log").exists()


def test_setting_roundtrip(db_path: Path, capsys) -> None:
    assert cli.main(["setting", "--db", str(db_path), "component_cap", "3"]) == 0
    capsys.readouterr()
    assert cli.main(["setting", "--db", str(db_path), "component_cap"]) == 0
    assert capsys.readouterr().out.strip() == "3"


def test_unopenable_database_exits_non_zero_with_a_message(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    assert cli.main(["info", "--db", str(bad)]) == 1
    assert "Gagal membuka database" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["terbang"])
    assert exc.value.code == 2


def test_demo_data_uses_the_configured_region_by_default(db_path: Path, capsys) -> None:
    assert cli.main(["setting", "--db", str(db_path), "region_code", "32.01"]) == 0  # Kabupaten Bogor
    assert cli.main(["demo-data", "--db", str(db_path), "--families", "30", "--seed", "3"]) == 0
    assert "di 32.01 " in capsys.readouterr().out
    assert cli.main(["demo-data", "--db", str(db_path), "--families", "30", "--if-empty"]) == 0
    assert "sudah berisi 30 keluarga" in capsys.readouterr().out


def test_bad_setting_values_are_refused_with_a_message(db_path: Path, capsys) -> None:
    assert cli.main(["setting", "--db", str(db_path), "component_cap", "empat"]) == 1
    assert "component_cap: harus bilangan bulat (tertulis 'empat')" in capsys.readouterr().err
    assert cli.main(["setting", "--db", str(db_path), "region_code", "32.71.01"]) == 1
    assert "bukan kode kabupaten/kota" in capsys.readouterr().err
    assert cli.main(["setting", "--db", str(db_path), "warna", "biru"]) == 1
    assert "Pengaturan 'warna' tidak dikenal" in capsys.readouterr().err


def test_the_database_remembers_the_version_that_last_migrated_it(db_path: Path) -> None:
    from simoncer_desktop.migrate import MigrationResult
    from simoncer_desktop.models import AppState
    from simoncer_desktop.store import MIGRATED_BY_STATE, migrated_by_version, remember_migrating_version
    from tests.keys import open_test_database

    head = head_revision()
    db = open_test_database(db_path)
    try:
        with db.transaction() as s:
            assert migrated_by_version(s) == __version__  # written when the file was made
            s.get(AppState, MIGRATED_BY_STATE).value = "0.0.9"  # type: ignore[union-attr]
        with db.transaction() as s:
            remember_migrating_version(s, MigrationResult(head, head, None))  # opened, nothing migrated
            assert migrated_by_version(s) == "0.0.9"
            remember_migrating_version(s, MigrationResult("0007", head, None))  # this version migrated it
            assert migrated_by_version(s) == __version__
            s.delete(s.get(AppState, MIGRATED_BY_STATE))
        with db.transaction() as s:  # a file from before the record: it gets one at its next open
            remember_migrating_version(s, MigrationResult(head, head, None))
            assert migrated_by_version(s) == __version__
    finally:
        db.close()
