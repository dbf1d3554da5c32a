"""The English translation is complete and correct, and Bahasa mode shows no English from Qt.

* every string ``lupdate`` extracts from ``simoncer_desktop/`` has a finished English translation in some
  committed ``translations/*.ts`` (the failure lists counts per file and context and the first 50);
* a translation keeps its source's placeholders (``%s``, ``%d``, ``%1``, ``{name}``, ``%(name)s``) and its
  keyboard accelerator (``&``), and one string is not translated two ways in two files;
* no bare text literal is handed to a Qt text setter under ``simoncer_desktop/ui/`` (a literal lupdate never
  sees would stay Bahasa in English mode); a deliberate one carries ``# no-tr`` on its line;
* every UI module belongs to one area of ``scripts/update_translations.py``;
* ``lrelease`` builds a catalogue that really switches the app to English end to end.

After changing UI text run ``python scripts/update_translations.py`` and translate what it reports.
"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QGroupBox, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from simoncer_desktop import translation
from simoncer_desktop.store import Database
from simoncer_desktop.ui import i18n
from simoncer_desktop.ui.app import create_application
from simoncer_desktop.ui.format import thousands
from tests.translation_fakes import release_catalogue, update_translations_script

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "simoncer_desktop"
TRANSLATIONS = ROOT / "translations"
SHOWN = 50


SCRIPT = update_translations_script()


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool
    where: str
    """``file:line`` (extracted) or the .ts file name (committed)."""
    comment: str = ""
    """The disambiguation (``tr(source, comment)``): part of the key."""

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment


def parse_ts(path: Path, base: Path | None = None) -> list[Message]:
    out: list[Message] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = (translation.text or "") if translation is not None else ""
            where = path.name
            location = message.find("location")
            if base is not None and location is not None:
                filename = Path(location.get("filename", ""))
                if not filename.is_absolute():
                    filename = (path.parent / filename).resolve()
                if filename.is_relative_to(base):
                    filename = filename.relative_to(base)
                where = f"{filename.as_posix()}:{location.get('line', '?')}"
            finished = kind != "unfinished" and bool(text.strip())
            source, comment = message.findtext("source") or "", message.findtext("comment") or ""
            out.append(Message(name, source, text, finished, where, comment))
    return out


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """Every translatable string of the package as lupdate sees it, with its file and line."""
    ts = tmp_path_factory.mktemp("lupdate") / "all.ts"
    files = sorted(str(p) for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    command = [*SCRIPT.tool("lupdate"), *files, "-ts", str(ts), "-no-obsolete", "-locations", "absolute"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    messages = parse_ts(ts, base=ROOT)
    assert len(messages) > 100, "lupdate found almost nothing: is it reading Python?"
    return messages


@pytest.fixture(scope="module")
def committed() -> list[Message]:
    files = sorted(TRANSLATIONS.glob("*.ts"))
    assert files, "no translations/*.ts committed"
    return [message for path in files for message in parse_ts(path)]


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return release_catalogue(tmp_path_factory.mktemp("lrelease"))


def summary(title: str, entries: list[Message], detail: str) -> str:
    by_file = Counter(m.where.split(":")[0] for m in entries)
    by_context = Counter(m.context for m in entries)
    lines = [f"{len(entries)} {title}", "", "per file:"]
    lines += [f"  {count:5d}  {name}" for name, count in by_file.most_common()]
    lines += ["", "per context:"]
    lines += [f"  {count:5d}  {name}" for name, count in by_context.most_common()]
    lines += ["", f"first {min(SHOWN, len(entries))}:"]
    for m in entries[:SHOWN]:
        comment = f" ({m.comment})" if m.comment else ""
        lines.append(f"  {m.where}  [{m.context}]  {m.source!r}{comment}" + (detail % m.translation if detail else ""))
    lines += ["", "Run `python scripts/update_translations.py` and translate what it reports (translations/*.ts)."]
    return "\n".join(lines)


def test_every_string_has_a_finished_english_translation(extracted: list[Message], committed: list[Message]) -> None:
    done = {m.key for m in committed if m.finished}
    missing = [m for m in extracted if m.key not in done]
    assert not missing, summary("strings without a finished English translation", missing, "")


PLACEHOLDER = re.compile(r"%\([A-Za-z_]\w*\)[sdifr]|%%|%L?\d+|%[sdifr]|\{[A-Za-z_]?\w*(?:[!:][^{}]*)?\}")


def placeholders(text: str) -> Counter[str]:
    return Counter(token for token in PLACEHOLDER.findall(text) if token != "%%")


def test_placeholder_helper() -> None:
    assert placeholders("Ada %s keluarga, %d anggota, %1 dan %L2, {name} {0:,} %(n)s 100%%") == Counter(
        ["%s", "%d", "%1", "%L2", "{name}", "{0:,}", "%(n)s"]
    )


def test_translations_keep_the_placeholders(committed: list[Message]) -> None:
    wrong = [m for m in committed if m.finished and placeholders(m.source) != placeholders(m.translation)]
    assert not wrong, summary("translations whose placeholders differ from the source", wrong, "  →  %r")


ACCELERATOR = re.compile(r"&(?!&)[^\s&]")


def has_accelerator(text: str) -> bool:
    return bool(ACCELERATOR.search(text.replace("&&", "")))


def test_translations_keep_the_keyboard_accelerators(committed: list[Message]) -> None:
    """``&Simpan`` → ``&Save``: a translation without its '&' takes the Alt+key away from keyboard users."""
    wrong = [m for m in committed if m.finished and has_accelerator(m.source) != has_accelerator(m.translation)]
    assert not wrong, summary("translations that drop or add a keyboard accelerator (&)", wrong, "  →  %r")


def test_one_translation_per_string(committed: list[Message]) -> None:
    """The same context and source translated differently in two files: lrelease would pick one silently."""
    seen: dict[tuple[str, str], Message] = {}
    clashes: list[Message] = []
    for message in (m for m in committed if m.finished):
        first = seen.setdefault(message.key, message)
        if first.translation != message.translation:
            clashes.append(message)
            note = f"{message.translation!r} here, {first.translation!r} in {first.where}"
            clashes[-1] = Message(message.context, message.source, note, True, message.where, message.comment)
    assert not clashes, summary("strings translated differently in two .ts files", clashes, "  →  %s")


def test_every_ui_module_is_in_an_area() -> None:
    _by_area, orphans = SCRIPT.files_by_area()
    assert not orphans, f"add these to AREAS in scripts/update_translations.py: {orphans}"


# --- bare literals handed to Qt text setters --------------------------------------------------------------

TEXT_WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton", "QAction"}
FIRST_ARG_METHODS = {
    "setText",
    "setToolTip",
    "setPlaceholderText",
    "setWindowTitle",
    "setTitle",
    "setSubTitle",
    "setStatusTip",
    "showMessage",
    "addItem",
    "addRow",
    "setInformativeText",
    "setWhatsThis",
}
ANY_ARG_METHODS = {"addAction", "addMenu", "addTab", "setTabText"}
"""Text may follow an icon or a widget, so every literal argument is checked."""
LIST_METHODS = {"setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "addItems"}
MESSAGE_BOX_CALLS = {"information", "warning", "critical", "question", "about"}
FILE_FILTER = re.compile(r"^(\s*\*\.\w+[\s;]*)+$")


def is_language(text: str) -> bool:
    """Words a reader reads: not a URL, a file pattern, or a code/acronym without lowercase and spaces."""
    if not re.search(r"[A-Za-z]", text) or "://" in text or FILE_FILTER.match(text):
        return False
    return bool(re.search(r"[a-z]", text) or " " in text.strip())


def bare_text(node: ast.AST) -> bool:
    """A text literal (or an f-string, a ``"…" % x`` or ``"…".format``) that was not passed through tr."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return is_language(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(bare_text(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return bare_text(node.left)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return bare_text(node.left) or bare_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return bare_text(node.func.value)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join" and node.args:
        items = node.args[0]
        if isinstance(items, ast.GeneratorExp | ast.ListComp):
            return bare_text(items.elt)
        if isinstance(items, ast.List | ast.Tuple):
            return any(bare_text(item) for item in items.elts)
    return False


def suspicious_arguments(call: ast.Call) -> list[ast.AST]:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    args = call.args
    if isinstance(func, ast.Name) and name in TEXT_WIDGETS:
        return args[:2] if name in {"QAction", "QPushButton", "QToolButton"} else args[:1]
    if isinstance(func, ast.Attribute):
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id == "QMessageBox" and name in MESSAGE_BOX_CALLS:
            return args[1:3]
        if name in FIRST_ARG_METHODS:
            return args[:1]
        if name in ANY_ARG_METHODS:
            return list(args)
        if name in LIST_METHODS and args and isinstance(args[0], ast.List | ast.Tuple):
            return list(args[0].elts)
    if isinstance(func, ast.Name) and name == "QMessageBox":
        return args[1:3]
    return []


def bare_literals(path: Path) -> Iterator[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source, str(path))):
        if not isinstance(node, ast.Call):
            continue
        span = lines[node.lineno - 1 : (node.end_lineno or node.lineno)]
        if any("# no-tr" in line for line in span):
            continue
        for argument in suspicious_arguments(node):
            if bare_text(argument):
                name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
                yield f"{name}:{argument.lineno}  {ast.unparse(argument)[:90]}"


def test_checker_finds_bare_literals(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    code = (
        'QLabel("Nama")\nQLabel(self.tr("Nama"))\nb.setText(f"Ada {n} keluarga")\nb.setToolTip("Ada %s" % n)\n'
        'QMessageBox.warning(self, "Judul", self.tr("Isi"))\nt.setHeaderLabels(["NIK", "Nama"])\n'
        'e.setPlaceholderText("https://contoh.go.id")\nc.addItem("English", "en")  # no-tr\n'
        'm.addAction(icon, "Buka")\nc.addItem(self.tr("Semua"), "")\nf.addRow("NIK", edit)\n'
        'l.setToolTip("\\n".join(f"{e.code}: {e.n} keluarga" for e in events))\n'
    )
    sample.write_text(code, encoding="utf-8")
    found = [line.split("  ", 1)[1] for line in bare_literals(sample)]
    assert found == [
        "'Nama'",
        "f'Ada {n} keluarga'",
        "'Ada %s' % n",
        "'Judul'",
        "'Nama'",
        "'Buka'",
        "'\\n'.join((f'{e.code}: {e.n} keluarga' for e in events))",
    ]


def test_no_bare_text_literals_in_the_ui() -> None:
    found = [hit for path in SCRIPT.ui_files() for hit in bare_literals(path)]
    per_file = Counter(hit.split(":")[0] for hit in found)
    assert not found, (
        f"{len(found)} text literals passed to Qt without tr()/translate() (lupdate never sees them):\n"
        + "\n".join(f"  {count:4d}  {name}" for name, count in per_file.most_common())
        + "\n\n"
        + "\n".join(found[:SHOWN])
        + "\n\nWrap them (self.tr / QCoreApplication.translate with a literal) or mark a deliberate one `# no-tr`."
    )


# --- service messages -------------------------------------------------------------------------------------

SCREENLESS = ("simoncer_desktop/ui/", "simoncer_desktop/migrations/", "simoncer_desktop/cli")
"""The UI (checked above), migrations and the command line (always Bahasa) are not service text."""


def user_error_names() -> set[str]:
    """Every ``SimoncerError`` class of the package: what they carry is shown to the user."""
    import importlib
    import pkgutil

    import simoncer_desktop
    from simoncer_desktop.errors import SimoncerError

    for info in pkgutil.walk_packages(simoncer_desktop.__path__, "simoncer_desktop."):
        if not any(info.name.startswith(prefix.replace("/", ".")) for prefix in SCREENLESS):
            importlib.import_module(info.name)
    names: set[str] = set()
    todo = [SimoncerError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def untranslated_errors(path: Path, names: set[str]) -> Iterator[str]:
    """``raise SomeSimoncerError("literal text")`` or with an f-string: text lupdate never sees."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name in names and (isinstance(node.args[0], ast.JoinedStr) or bare_text(node.args[0])):
            yield f"{path.relative_to(ROOT).as_posix()}:{node.lineno}  {ast.unparse(node.args[0])[:90]}"


def test_service_errors_go_through_translate() -> None:
    names = user_error_names()
    assert {"ValidationError", "AuthError", "SyncError", "NotFoundError"} <= names
    files = [p for p in PACKAGE.rglob("*.py") if not p.relative_to(ROOT).as_posix().startswith(SCREENLESS)]
    found = [hit for path in files for hit in untranslated_errors(path, names)]
    assert not found, (
        f"{len(found)} messages of errors shown to the user are not translatable:\n"
        + "\n".join(found[:SHOWN])
        + "\n\nUse translate(\"context\", \"…\").format(…) from simoncer_desktop.translation."
    )


# --- the catalogue at run time ----------------------------------------------------------------------------


@pytest.fixture
def back_to_bahasa(qapp: QApplication) -> Iterator[QApplication]:
    """Tests here switch the shared QApplication's language; every other test expects Bahasa."""
    yield qapp
    i18n.install_translations(qapp, "id")
    qapp.setApplicationDisplayName(QCoreApplication.translate("app", "Simoncer — Sistem Monitoring Cerdas"))


def test_released_catalogue_translates_the_window(catalogue: Path, back_to_bahasa: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(catalogue))
    back_to_bahasa.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Beranda") == "Home"
        assert QCoreApplication.translate("SettingsPage", "Pengaturan") == "Settings"
    finally:
        back_to_bahasa.removeTranslator(translator)


def test_english_end_to_end(
    catalogue: Path, back_to_bahasa: QApplication, qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simoncer_desktop.ui.pages.settings_page import SettingsPage

    monkeypatch.setenv("SIMONCER_LANGUAGE", "en")
    monkeypatch.setattr(i18n, "catalogue_path", lambda: catalogue)
    app = create_application()
    assert app.applicationDisplayName() == "Simoncer — Smart Monitoring System"
    page = SettingsPage(db)
    qtbot.addWidget(page)
    titles = {box.title() for box in page.findChildren(QGroupBox)}
    assert {"Display", "Sync", "Security", "Reports", "About the data"} <= titles
    assert page.save_button.text() == "&Save"
    assert page.idle_lock.specialValueText() == "Never"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"  # Qt's own English
    assert translation.translate("SettingsPage", "Pengaturan") == "Settings"  # services' text goes through Qt
    assert thousands(1234567) == "1,234,567"  # English numbers
    i18n.install_translations(app, "id")
    assert translation.translate("SettingsPage", "Pengaturan") == "Pengaturan"  # and not in Bahasa
    assert thousands(1234567) == "1.234.567"


def test_missing_catalogue_falls_back_to_bahasa(
    back_to_bahasa: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(i18n, "catalogue_path", lambda: tmp_path / "missing.qm")
    assert i18n.install_translations(back_to_bahasa, "en") is False
    assert "missing or unreadable" in caplog.text
    assert QCoreApplication.translate("SettingsPage", "Pengaturan") == "Pengaturan"
    assert i18n.install_translations(back_to_bahasa, "xx") is False
    assert i18n.install_translations(back_to_bahasa, "id") is True


def test_bahasa_mode_shows_qt_texts_in_bahasa(back_to_bahasa: QApplication) -> None:
    """Qt has no Indonesian catalogue: QMessageBox.question's Yes/No, button boxes and QWizard's buttons
    would be English in the middle of Bahasa dialogs."""
    assert i18n.install_translations(back_to_bahasa, "id") is True
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Ya"
    assert box.button(QMessageBox.StandardButton.No).text() == "&Tidak"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "Simpan"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    wizard = QWizard()
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Lanjut >"
    assert wizard.buttonText(QWizard.WizardButton.BackButton) == "< &Kembali"
    assert QCoreApplication.translate("SomethingElse", "Unknown") == "Unknown"  # the rest passes through
