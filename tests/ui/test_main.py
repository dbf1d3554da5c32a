"""``simoncer`` start-up: the benchmark's ready line, and a clear message for an unopenable database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from simoncer_desktop import __main__ as entry
from simoncer_desktop.services import caseload
from simoncer_desktop.store import Database
from tests.factories import family

ROOT = Path(__file__).resolve().parents[2]


def test_quit_after_ready_in_a_fresh_process(demo_db: Database, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SIMONCER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "simoncer_desktop", "--db", str(demo_db.path), "--quit-after-ready"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert json.loads(lines[-1]) == {"ready": True, "families": 300}


@pytest.mark.usefixtures("isolated_process_state")
def test_quit_after_ready_in_process_reuses_the_application(
    qapp: object, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    for serial in (1, 2):
        data, members = family(serial)
        with db.transaction() as s:
            caseload.create_household(s, data, members)
    assert entry.main(["--db", str(db.path), "--quit-after-ready"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == {"ready": True, "families": 2}


@pytest.mark.usefixtures("isolated_process_state")
def test_a_database_that_cannot_be_opened_is_explained(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "rusak.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text, *a: shown.append((title, text)))
    assert entry.main(["--db", str(broken)]) == 1
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Database tidak dapat dibuka"
    assert str(broken) in text and "--db" in text


@pytest.mark.usefixtures("isolated_process_state")
def test_unopenable_database_with_quit_after_ready_prints_instead_of_asking(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "rusak.sqlite3"
    broken.write_bytes(b"x" * 4096)
    assert entry.main(["--db", str(broken), "--quit-after-ready"]) == 1
    assert "Gagal membuka database" in capsys.readouterr().err
