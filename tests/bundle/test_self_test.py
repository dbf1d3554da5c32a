"""``simoncer --self-test`` from the source tree: the report, the clean-up, failures and the flags around it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from simoncer_desktop import __main__ as entry
from simoncer_desktop import __version__, paths
from simoncer_desktop.migrate import head_revision
from simoncer_desktop.ui import self_test
from tests.bundle.selftest_common import EXPECTED_KEYS, LAZY_PAGES, REPO_CATALOGUE, ROOT, english_for, report_of


def test_self_test_from_source_reports_and_leaves_nothing_behind(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    data = tmp_path / "data"
    untouched_db = tmp_path / "jangan-dibuat.sqlite3"
    env = {
        **os.environ,
        "TMPDIR": str(temp),
        "TEMP": str(temp),
        "TMP": str(temp),
        "SIMONCER_DATA_DIR": str(data),
        "SIMONCER_DB": str(untouched_db),
        "QT_QPA_PLATFORM": "xcb",  # the self-test must choose offscreen itself
    }
    done = subprocess.run(
        [sys.executable, "-m", "simoncer_desktop", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    report = report_of(done.stdout)
    assert report.keys() >= EXPECTED_KEYS
    assert report["self_test"] == "ok"
    assert report["version"] == __version__
    assert report["frozen"] is False
    assert report["encrypted"] is True
    assert report["migrated_to"] == report["head"] == head_revision()
    assert report["families"] == self_test.FAMILIES
    assert report["documents"] == ["keluarga.xlsx", "bnba.pdf"]
    assert report["pages_rendered"] == ["home", "caseload"]
    assert set(report["pages_opened"]) >= LAZY_PAGES
    for width, height in report["page_sizes"].values():
        assert width >= 1024 and height >= 640
    assert report["qt_platform"] == "offscreen"
    assert report["resources_dir"] == str(paths.resources_dir())
    assert report["translations_found"] is REPO_CATALOGUE.is_file()
    assert report["translations_loaded"] is report["translations_found"]
    expected = english_for("MainWindow", "Beranda") if report["translations_loaded"] else "Beranda"
    if expected is not None:
        assert report["translation_sample"] == expected
    assert set(report["step_seconds"]) >= {"database", "window", "page home", "page caseload"}
    # Nothing of the user's: no database at SIMONCER_DB, nothing in the data folder; the temp folder is gone.
    assert not untouched_db.exists()
    assert not data.exists() or not any(data.iterdir())
    assert list(temp.iterdir()) == []


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


def test_a_failed_step_is_named_on_stderr_with_exit_1(
    own_temp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path / "tidak-ada")
    assert self_test.run_self_test() == self_test.EXIT_FAILED
    out, err = capsys.readouterr()
    assert out == ""
    assert "GAGAL pada langkah 'resources'" in err
    assert "wilayah.csv" in err
    assert list(own_temp.iterdir()) == []  # the throwaway folder is removed after a failure too


def test_without_stdout_the_report_goes_to_a_file(
    own_temp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A windowed Windows program started without redirection has no stdout/stderr."""
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path / "tidak-ada")
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert self_test.run_self_test() == self_test.EXIT_FAILED
    written = (own_temp / self_test.FALLBACK_REPORT).read_text(encoding="utf-8")
    assert "GAGAL pada langkah 'resources'" in written


@pytest.mark.parametrize("extra", [["--db", "x.sqlite3"], ["--user", "admin"], ["--quit-after-ready"]])
def test_self_test_takes_no_database_options(extra: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        entry.main(["--self-test", *extra])
    assert exited.value.code == 2
    assert "--self-test" in capsys.readouterr().err


def test_help_and_version_stay_free_of_qt() -> None:
    probe = (
        "import sys\n"
        "from simoncer_desktop.__main__ import main\n"
        "for flag in ('--version', '--help'):\n"
        "    try:\n"
        "        main([flag])\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, exc.code\n"
        "print('qt loaded' if any(m.startswith('PySide6') for m in sys.modules) else 'no qt')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--self-test" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "no qt"


def test_an_error_in_a_qt_slot_fails_the_step(
    own_temp: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exceptions raised in slots reach only ``sys.excepthook``; the self-test must not let them pass."""

    def step_with_a_failing_slot(_report: self_test.SelfTestReport) -> None:
        error = RuntimeError("slot rusak")
        sys.excepthook(RuntimeError, error, error.__traceback__)

    hook = sys.excepthook
    monkeypatch.setattr(self_test, "_check_resources", step_with_a_failing_slot)
    assert self_test.run_self_test() == self_test.EXIT_FAILED
    assert "GAGAL pada langkah 'resources': slot rusak" in capsys.readouterr().err
    assert sys.excepthook is hook  # restored
