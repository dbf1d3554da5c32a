"""Start-up plumbing: where files live, and what happens on an unexpected error."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from simoncer_desktop import paths
from simoncer_desktop.errors import FieldError, ValidationError, install_excepthook


def test_database_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert paths.database_path() == (tmp_path / "data" / "simoncer.sqlite3").resolve()
    monkeypatch.setenv("SIMONCER_DB", str(tmp_path / "env" / "x.sqlite3"))
    assert paths.database_path() == (tmp_path / "env" / "x.sqlite3").resolve()
    assert paths.database_path(tmp_path / "cli.sqlite3") == (tmp_path / "cli.sqlite3").resolve()
    assert (tmp_path / "env").is_dir()


def test_resources_are_found_from_source_and_when_frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert paths.resource_path("wilayah.csv").is_file()
    assert paths.resource_path("wilayah.LICENSE").read_text().startswith("MIT License")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("wilayah.csv") == tmp_path / "resources" / "wilayah.csv"


def test_excepthook_logs_and_reports(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(lambda title, text: shown.append((title, text)))
    try:
        raise RuntimeError("disk penuh")
    except RuntimeError:
        with caplog.at_level(logging.CRITICAL):
            sys.excepthook(*sys.exc_info())
    assert shown and shown[0][0] == "Terjadi kesalahan" and "disk penuh" in shown[0][1]
    assert any(r.levelno == logging.CRITICAL and r.exc_info for r in caplog.records)


def test_validation_error_messages() -> None:
    err = ValidationError([FieldError("nik", "NIK: wajib diisi", row=3), FieldError("nik", "kedua")])
    assert str(err) == "Baris 3: NIK: wajib diisi; kedua"
    assert err.by_field() == {"nik": "NIK: wajib diisi"}
    assert ValidationError("Nama: wajib diisi", field="name").by_field() == {"name": "Nama: wajib diisi"}
