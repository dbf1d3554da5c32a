"""``simoncer --self-test``: prove an installed copy works, without a screen and without the user's data.

In a throwaway folder it creates an encrypted database with the same service the first-run wizard uses
(``security.signin.create_database``: key file, migrations from the bundled Alembic scripts, reference data
from the bundled wilayah list), adds a few synthetic families (``services.demo_data``) and a small demo
flood, writes a spreadsheet (openpyxl) and a PDF (reportlab with the bundled DejaVu font), loads the
English catalogue when it is there, opens the main window signed in on Qt's ``offscreen`` platform and
renders the Beranda and Keluarga pages to images that must not be blank, then opens every other page
the administrator may see (their modules load only then). Success prints one JSON line and returns 0;
any failure prints the step and the reason on stderr and returns 1.

A windowed Windows program has no stdout unless the caller redirects it; then the report (or the error)
is written to ``simoncer-self-test.txt`` in the temp folder instead (docs/windows-build.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from simoncer_desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from simoncer_desktop.store import Database
    from simoncer_desktop.ui.main_window import MainWindow

EXIT_OK = 0
EXIT_FAILED = 1

FAMILIES = 12
"""Synthetic families in the throwaway database: enough for a caseload page, quick to make."""
RELIEF_VICTIMS = 6
SEED = 9
REGION = "32.71"
ADMIN = "selftest"
PAGES = ("home", "caseload")
"""The pages rendered: Beranda (made at start-up) and Keluarga (its table loads in the background)."""
WAIT_SECONDS = 30.0
MIN_COLOURS = 4
"""A rendered page must show at least this many distinct colours (a blank or failed paint has one or two)."""
FALLBACK_REPORT = "simoncer-self-test.txt"


class SelfTestError(Exception):
    """A check failed; the message says what was expected."""


@dataclass
class SelfTestReport:
    """What the JSON line says (its keys are a public interface: scripts and tests/bundle read them)."""

    self_test: str = "ok"
    version: str = __version__
    frozen: bool = False
    resources_dir: str = ""
    migrations_dir: str = ""
    encrypted: bool = False
    migrated_to: str | None = None
    head: str = ""
    families: int = 0
    documents: list[str] = field(default_factory=list)
    translations_found: bool = False
    translations_loaded: bool = False
    translation_sample: str = ""
    pages_rendered: list[str] = field(default_factory=list)
    page_sizes: dict[str, list[int]] = field(default_factory=dict)
    pages_opened: list[str] = field(default_factory=list)
    qt_platform: str = ""
    seconds: float = 0.0
    step_seconds: dict[str, float] = field(default_factory=dict)


def run_self_test() -> int:
    """The whole self-test; the process's exit code."""
    out, err, fallback = _streams()
    started = time.perf_counter()
    report = SelfTestReport(frozen=bool(getattr(sys, "frozen", False)))
    step = "persiapan"
    try:
        with _throwaway_folder() as folder, _uncaught_errors() as uncaught:
            state = _State(folder)
            try:
                for name, action in _steps(report, state):
                    step = name  # named in the failure message
                    begun = time.perf_counter()
                    action()
                    if uncaught:  # raised in a Qt slot or a background task's callback during this step
                        raise uncaught[0]
                    report.step_seconds[name] = round(time.perf_counter() - begun, 2)
            finally:
                state.close()
        report.seconds = round(time.perf_counter() - started, 2)
    except Exception as exc:
        detail = "".join(traceback.format_exception(exc)) if not isinstance(exc, SelfTestError) else ""
        print(f"Self-test Simoncer {__version__} GAGAL pada langkah '{step}': {exc}", file=err, flush=True)
        if detail:
            print(detail, file=err, end="", flush=True)
        _close(fallback)
        return EXIT_FAILED
    print(json.dumps(asdict(report), ensure_ascii=False), file=out, flush=True)
    _close(fallback)
    return EXIT_OK


@dataclass
class _State:
    """What the steps make and hand on; ``close`` undoes it (window first, then the database)."""

    folder: Path
    database: Database | None = None
    event_id: str = ""
    app: QApplication | None = None
    window: MainWindow | None = None

    def db(self) -> Database:
        assert self.database is not None, "the database step comes first"
        return self.database

    def main_window(self) -> MainWindow:
        assert self.window is not None, "the window step comes first"
        return self.window

    def close(self) -> None:
        if self.window is not None:
            from PySide6.QtCore import QCoreApplication, QEvent

            window, self.window = self.window, None
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if self.database is not None:
            database, self.database = self.database, None
            database.close()


def _steps(report: SelfTestReport, state: _State) -> Iterator[tuple[str, Callable[[], None]]]:
    """The steps in order, each with the name a failure is reported under."""
    yield "resources", lambda: _check_resources(report)
    yield "database", lambda: _create_database(report, state)
    yield "demo data", lambda: _add_families(report, state)
    yield "documents", lambda: _write_documents(report, state)
    yield "Qt", lambda: _start_qt(report, state)
    yield "translations", lambda: _load_translations(report, state)
    yield "window", lambda: _open_window(state)
    for key in PAGES:
        yield f"page {key}", lambda key=key: _render_page(report, state, key)
    yield "other pages", lambda: _open_other_pages(report, state)


# --- non-Qt steps (services) ---------------------------------------------------------------------------


def _check_resources(report: SelfTestReport) -> None:
    from simoncer_desktop.migrate import MIGRATIONS_DIR, head_revision
    from simoncer_desktop.paths import resource_path, resources_dir

    report.resources_dir = str(resources_dir())
    report.migrations_dir = str(MIGRATIONS_DIR)
    for name in ("wilayah.csv", "wilayah.LICENSE", "fonts/DejaVuSans.ttf"):
        if not resource_path(*name.split("/")).is_file():
            raise SelfTestError(f"berkas sumber daya {resource_path(*name.split('/'))} tidak ada")
    if not (MIGRATIONS_DIR / "env.py").is_file() or not any((MIGRATIONS_DIR / "versions").glob("*.py")):
        raise SelfTestError(f"skrip migrasi tidak ada di {MIGRATIONS_DIR}")
    report.head = head_revision()


def _create_database(report: SelfTestReport, state: _State) -> None:
    from simoncer_desktop.migrate import current_revision
    from simoncer_desktop.security import signin
    from simoncer_desktop.security.engine import is_encrypted
    from simoncer_desktop.security.keystore import KeyStore

    path = state.folder / "selftest.sqlite3"
    database, _recovery = signin.create_database(
        path, REGION, "*", ADMIN, "Uji Mandiri", secrets.token_urlsafe(18)
    )
    state.database = database
    report.encrypted = is_encrypted(path) and KeyStore.exists(path)
    if not report.encrypted:
        raise SelfTestError(f"database {path} tidak terenkripsi atau berkas kuncinya tidak ada")
    report.migrated_to = current_revision(database.engine)
    if report.migrated_to != report.head:
        raise SelfTestError(f"database pada revisi {report.migrated_to}, seharusnya {report.head}")


def _add_families(report: SelfTestReport, state: _State) -> None:
    from simoncer_desktop.services import caseload_query, demo_data, demo_relief

    database = state.db()
    with database.transaction() as session:
        demo_data.generate(session, families=FAMILIES, seed=SEED, region=REGION)
        disaster = demo_relief.generate(session, victims=RELIEF_VICTIMS, seed=SEED)
        demo_relief.with_aid(session, disaster.event_id, demo_relief.DEMO_DAY)
        state.event_id = disaster.event_id
    with database.read() as session:
        report.families = caseload_query.count(session)
    if report.families < FAMILIES:
        raise SelfTestError(f"{report.families} keluarga tersimpan, seharusnya {FAMILIES}")


def _write_documents(report: SelfTestReport, state: _State) -> None:
    """A spreadsheet and a PDF: openpyxl, reportlab and the bundled font work in this installation."""
    from simoncer_desktop.reports.relief_print import DocumentKind, DocumentRequest, print_document
    from simoncer_desktop.services.caseload_export import export_caseload

    xlsx = state.folder / "keluarga.xlsx"
    pdf = state.folder / "bnba.pdf"
    with state.db().read() as session:
        exported = export_caseload(session, xlsx)
        printed = print_document(session, DocumentRequest(DocumentKind.BNBA, state.event_id, "pdf"), pdf)
    if exported.families != report.families:
        raise SelfTestError(f"ekspor berisi {exported.families} keluarga, seharusnya {report.families}")
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF") or not printed.pages:
        raise SelfTestError(f"PDF {pdf} tidak tertulis dengan benar")
    from openpyxl import load_workbook

    from simoncer_desktop.services.caseload_sheet import SHEET_NAME

    workbook = load_workbook(xlsx, read_only=True)
    try:
        read_back = sum(1 for row in workbook[SHEET_NAME].iter_rows(values_only=True) if any(row))
    finally:
        workbook.close()
    if read_back <= exported.rows:  # a header, then one row per member
        raise SelfTestError(f"spreadsheet {xlsx}: {read_back} baris terbaca, ditulis {exported.rows} baris data")
    report.documents = [xlsx.name, pdf.name]


# --- Qt steps ------------------------------------------------------------------------------------------


def _start_qt(report: SelfTestReport, state: _State) -> None:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen needed, and nothing pops up on one
    from simoncer_desktop.ui.app import create_application

    state.app = create_application()
    report.qt_platform = QApplication.platformName()


def _load_translations(report: SelfTestReport, state: _State) -> None:
    from PySide6.QtCore import QCoreApplication

    from simoncer_desktop import preferences
    from simoncer_desktop.ui import i18n

    report.translations_found = i18n.catalogue_path().is_file()
    if report.translations_found:
        assert state.app is not None
        report.translations_loaded = i18n.install_translations(state.app, preferences.ENGLISH)
        if not report.translations_loaded:
            raise SelfTestError(f"katalog terjemahan {i18n.catalogue_path()} ada tetapi tidak dapat dimuat")
    report.translation_sample = QCoreApplication.translate("MainWindow", "Beranda")


def _open_window(state: _State) -> None:
    from simoncer_desktop.ui.main_window import MainWindow

    window = MainWindow(state.db())
    state.window = window
    window.show()
    _wait(lambda: window.isVisible(), "jendela utama tidak tampil")


def _render_page(report: SelfTestReport, state: _State, key: str) -> None:
    window = state.main_window()
    window.show_page(window.page_index(key))
    _wait(lambda: window.current_page_key() == key, f"halaman {key} tidak dapat dibuka")
    if key == "caseload":
        model = window.caseload_page.model
        _wait(
            lambda: model.rowCount() == report.families and model.is_loaded(0),
            f"tabel Keluarga tidak memuat {report.families} keluarga",
        )
    _settle()
    image = window.grab().toImage()
    if image.isNull() or image.width() < 100 or image.height() < 100:
        raise SelfTestError(f"gambar halaman {key} kosong ({image.width()}×{image.height()})")
    colours = _colours(image)
    if colours < MIN_COLOURS:
        raise SelfTestError(f"gambar halaman {key} hanya berisi {colours} warna: halaman tidak tergambar")
    report.pages_rendered.append(key)
    report.page_sizes[key] = [image.width(), image.height()]


def _open_other_pages(report: SelfTestReport, state: _State) -> None:
    """Navigate to every other page the user may see, as a click would: the modules those pages import on
    first use (reports, spreadsheets, sync) must be in the bundle too."""
    window = state.main_window()
    for index, info in enumerate(window.pages_info):
        if info.key in PAGES or window.navigation.item(index).isHidden():
            continue
        window.show_page(index)
        _wait(lambda key=info.key: window.current_page_key() == key, f"halaman {info.key} tidak dapat dibuka")
        report.pages_opened.append(info.key)
    window.show_page(0)
    _settle()


def _colours(image: QImage, grid: int = 64) -> int:
    """Distinct colours on a grid of sample points (enough to tell a painted page from a blank one)."""
    width, height = image.width(), image.height()
    seen = set()
    for gx in range(grid):
        for gy in range(grid):
            seen.add(image.pixel(gx * (width - 1) // (grid - 1), gy * (height - 1) // (grid - 1)))
    return len(seen)


def _settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def _wait(condition: Callable[[], bool], message: str, timeout: float = WAIT_SECONDS) -> None:
    """Run the event loop until ``condition`` holds (background loads deliver through it)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SelfTestError(f"{message} (menunggu {timeout:.0f} detik)")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)


# --- plumbing ------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _throwaway_folder() -> Iterator[Path]:
    """A temp folder that is also the data folder (logs, preferences) while the self-test runs."""
    folder = Path(tempfile.mkdtemp(prefix="simoncer-self-test-"))
    saved = {name: os.environ.get(name) for name in ("SIMONCER_DATA_DIR", "SIMONCER_DB", "SIMONCER_LANGUAGE")}
    os.environ["SIMONCER_DATA_DIR"] = str(folder / "data")
    os.environ.pop("SIMONCER_DB", None)
    os.environ.pop("SIMONCER_LANGUAGE", None)
    try:
        yield folder
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _uncaught_errors() -> Iterator[list[BaseException]]:
    """Collect exceptions that reach ``sys.excepthook`` (Qt slots) so that they fail the self-test rather than
    only being logged, as the app's own hook would."""
    caught: list[BaseException] = []
    previous = sys.excepthook
    sys.excepthook = lambda _type, value, _tb: caught.append(value)
    try:
        yield caught
    finally:
        sys.excepthook = previous


def _streams() -> tuple[TextIO, TextIO, TextIO | None]:
    """stdout and stderr, or one file in the temp folder for both when there are none (windowed Windows)."""
    if sys.stdout is not None and sys.stderr is not None:
        return sys.stdout, sys.stderr, None
    fallback = open(Path(tempfile.gettempdir()) / FALLBACK_REPORT, "w", encoding="utf-8")  # noqa: SIM115
    return sys.stdout or fallback, sys.stderr or fallback, fallback


def _close(stream: TextIO | None) -> None:
    if stream is not None:
        stream.close()
