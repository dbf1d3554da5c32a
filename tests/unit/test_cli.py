"""simoncer-cli: commands, exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simoncer_desktop import cli


def test_info_on_a_new_database_creates_and_migrates_it(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "new.sqlite3"
    assert cli.main(["info", "--db", str(path)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["families"] == 0 and info["database"] == str(path.resolve())
    assert path.exists()


def test_db_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("SIMONCER_DB", str(path))
    assert cli.main(["info"]) == 0
    assert json.loads(capsys.readouterr().out)["database"] == str(path.resolve())


def test_default_db_lives_in_the_data_folder(tmp_path: Path, capsys) -> None:
    assert cli.main(["info"]) == 0  # conftest points SIMONCER_DATA_DIR at tmp_path/data
    assert json.loads(capsys.readouterr().out)["database"] == str((tmp_path / "data" / "simoncer.sqlite3").resolve())
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
