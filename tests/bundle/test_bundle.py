"""The one-folder bundle (``build.spec``): built with PyInstaller outside the repository, then its
``simoncer --self-test`` and ``simoncer-cli`` run as a user would run them.

Under ``CI=true`` this must run (a missing PyInstaller fails); elsewhere it is skipped without PyInstaller
(``pip install -e ".[dist]"``). PyInstaller's work folder is kept between runs (``SIMONCER_PYINSTALLER_WORK``,
default ``<temp>/simoncer-pyinstaller-<user>``): with nothing changed a rebuild takes seconds, a cold one
a minute or two."""

from __future__ import annotations

import contextlib
import getpass
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from simoncer_desktop import APP_NAME, __version__
from simoncer_desktop.migrate import head_revision
from simoncer_desktop.ui import self_test
from tests.bundle.selftest_common import (
    EXPECTED_KEYS,
    LAZY_PAGES,
    REPO_CATALOGUE,
    ROOT,
    TRANSLATIONS,
    english_for,
    report_of,
)

pytestmark = pytest.mark.slow

WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if WINDOWS else ""
BUILD_TIMEOUT = 1800
RUN_TIMEOUT = 180
BUNDLE_NAME = f"{APP_NAME.lower()}-{__version__}"


@dataclass(frozen=True)
class Bundle:
    folder: Path
    seconds: float
    compiled_catalogue: bool
    """True when the test compiled translations/*.ts into the bundle (the repo had no .qm)."""

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"

    def program(self, name: str) -> Path:
        return self.folder / f"{name}{EXE_SUFFIX}"


def _require_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    message = 'PyInstaller tidak terpasang (pip install -e ".[dist]")'
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + ": CI=true, tes bundel wajib berjalan", pytrace=False)
    pytest.skip(message)


def _work_folder() -> Path:
    override = os.environ.get("SIMONCER_PYINSTALLER_WORK")
    folder = Path(override) if override else Path(tempfile.gettempdir()) / f"simoncer-pyinstaller-{getpass.getuser()}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One build at a time in the shared work folder (released by the OS if the process dies)."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock (one test run at a time)
        yield
        return
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _lrelease() -> Path:
    name = f"pyside6-lrelease{EXE_SUFFIX}"
    beside = Path(sys.executable).parent / name
    found = beside if beside.exists() else shutil.which(name)
    assert found, f"{name} not found next to {sys.executable} or on PATH"
    return Path(found)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    _require_pyinstaller()
    dist = tmp_path_factory.mktemp("dist")
    work = _work_folder()
    started = time.perf_counter()
    with _locked(work):
        done = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
             "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build.spec")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
        )  # fmt: skip
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-8000:]
    folder = dist / BUNDLE_NAME
    assert folder.is_dir(), sorted(p.name for p in dist.iterdir())
    compiled = False
    if not REPO_CATALOGUE.is_file() and any(TRANSLATIONS.glob("*.ts")):
        # No `make translations` yet: put a catalogue where the bundle looks, to prove it is found frozen.
        target = folder / "_internal" / "resources" / "translations"
        target.mkdir(parents=True, exist_ok=True)
        made = subprocess.run(
            [str(_lrelease()), *map(str, sorted(TRANSLATIONS.glob("*.ts"))), "-qm", str(target / "simoncer_en.qm")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert made.returncode == 0, made.stdout + made.stderr
        compiled = True
    return Bundle(folder, seconds, compiled)


def _files_under(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_bundle_holds_resources_migrations_and_both_programs(bundle: Bundle) -> None:
    assert bundle.program("simoncer").is_file()
    assert bundle.program("simoncer-cli").is_file()
    repo_resources = _files_under(ROOT / "resources")
    assert repo_resources <= _files_under(bundle.internal / "resources")
    migrations = bundle.internal / "simoncer_desktop" / "migrations"
    assert (migrations / "env.py").is_file()
    assert {p.name for p in (ROOT / "simoncer_desktop" / "migrations" / "versions").glob("*.py")} == {
        p.name for p in (migrations / "versions").glob("*.py")
    }
    # What the app never uses stays out.
    assert not list(bundle.internal.rglob("_tkinter*"))
    assert not (bundle.internal / "simoncer_central").exists()
    assert not list(bundle.internal.rglob("*Qt6Quick*")) and not list(bundle.internal.rglob("*Qt6Qml*"))
    dangling = [p for p in bundle.folder.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def test_bundled_self_test_passes_with_frozen_paths(bundle: Bundle, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "SIMONCER_DB"}}
    env["SIMONCER_DATA_DIR"] = str(tmp_path / "data")
    started = time.perf_counter()
    done = subprocess.run(
        [str(bundle.program("simoncer")), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
    )
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    report = report_of(done.stdout)
    assert report.keys() >= EXPECTED_KEYS
    assert report["version"] == __version__
    assert report["frozen"] is True
    assert report["families"] == self_test.FAMILIES > 0
    assert report["encrypted"] is True
    assert report["migrated_to"] == head_revision()
    assert report["pages_rendered"] == ["home", "caseload"]
    assert set(report["pages_opened"]) >= LAZY_PAGES
    assert report["documents"] == ["keluarga.xlsx", "bnba.pdf"]
    # Frozen paths: resources and migrations come from the bundle, not from the source tree.
    assert Path(report["resources_dir"]) == bundle.internal / "resources"
    assert Path(report["migrations_dir"]) == bundle.internal / "simoncer_desktop" / "migrations"
    catalogue_expected = (bundle.internal / "resources" / "translations" / REPO_CATALOGUE.name).is_file()
    assert catalogue_expected or not any(TRANSLATIONS.glob("*.ts"))  # from the repo, else compiled by the fixture
    assert report["translations_found"] is catalogue_expected
    assert report["translations_loaded"] is catalogue_expected
    if catalogue_expected:
        expected = english_for("MainWindow", "Beranda")
        if expected is not None:
            assert report["translation_sample"] == expected
    print(
        f"\nbundle: built in {bundle.seconds:.0f} s, {_size_mb(bundle.folder):.0f} MB; "
        f"self-test {seconds:.1f} s ({json.dumps(report['step_seconds'])})"
    )


def test_bundled_cli_creates_and_reads_a_database(bundle: Bundle, tmp_path: Path) -> None:
    env = {**os.environ, "SIMONCER_DATA_DIR": str(tmp_path / "data"), "SIMONCER_PASSWORD": "rahasia-bundel-1"}
    env.pop("SIMONCER_DB", None)
    db = tmp_path / "kantor.sqlite3"
    cli = str(bundle.program("simoncer-cli"))
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, timeout=RUN_TIMEOUT)
    assert version.returncode == 0 and __version__ in version.stdout + version.stderr
    made = subprocess.run(
        [cli, "demo-data", "--db", str(db), "--families", "4", "--relief-victims", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
    )
    assert made.returncode == 0, made.stderr
    info = subprocess.run([cli, "info", "--db", str(db)], env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["families"] == 4
    assert data["schema"] == head_revision()
    assert data["version"] == data["migrated_by_version"] == __version__


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
