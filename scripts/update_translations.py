"""Refresh the English translation files after UI text changed, and say what is left to translate.

    .venv/bin/python scripts/update_translations.py            # every area
    .venv/bin/python scripts/update_translations.py pages app  # some areas
    .venv/bin/python scripts/update_translations.py --check    # also exit 1 when something is unfinished

Each area of the UI has its own file ``translations/simoncer_en_<area>.ts`` (:data:`AREAS`, first match
wins), so two people translating different areas never edit the same file. Text made outside the UI
(``simoncer_desktop.translation``: services, models, errors) lives in other ``simoncer_en_*.ts`` files: a
module belongs to the file that already holds most of its strings, a new module to
``simoncer_en_domain.ts`` (:data:`DEFAULT_SERVICE_AREA`). For each area this runs
``lupdate <the area's .py files> -ts <its .ts> -no-obsolete -locations none`` (existing translations are
kept; strings no longer in the code are dropped) and prints how many strings are still unfinished. Fill
those in Qt Linguist (``.venv/bin/pyside6-linguist translations/simoncer_en_<area>.ts``) or by hand, then
``make translations`` builds ``resources/translations/simoncer_en.qm``. ``tests/unit/test_translations.py``
fails while any string is untranslated.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "simoncer_desktop"
TRANSLATIONS = ROOT / "translations"

AREAS: dict[str, tuple[str, ...]] = {
    "app": ("ui/app.py", "ui/i18n.py", "ui/pages/settings_page.py"),
    "wizard": ("ui/startup.py", "ui/dialogs/first_run_*.py"),
    "window": (
        "ui/main_window.py",
        "ui/style.py",
        "ui/icons.py",
        "ui/dialogs/help_dialog.py",
        "ui/dialogs/about_dialog.py",
        "ui/self_test.py",  # it only asks for the window's "Beranda", to see the catalogue work
    ),
    "core": (
        "ui/__init__.py",
        "ui/models/*.py",
        "ui/widgets/*.py",
        "ui/tasks.py",
        "ui/sync_controller.py",
        "ui/idle_lock.py",
        "ui/format.py",
    ),
    "pages": ("ui/pages/*.py",),
    "dialogs": ("ui/dialogs/*.py",),
}
"""Area → file patterns relative to ``simoncer_desktop/``; a file belongs to the FIRST area that matches."""

DEFAULT_SERVICE_AREA = "domain"
"""Where the strings of a non-UI module go when no .ts holds any of them yet."""


def ts_path(area: str) -> Path:
    return TRANSLATIONS / f"simoncer_en_{area}.ts"


def area_of(relative: str) -> str | None:
    """The area of a file given relative to ``simoncer_desktop/`` (posix), or None."""
    for area, patterns in AREAS.items():
        if any(fnmatch.fnmatchcase(relative, pattern) for pattern in patterns):
            return area
    return None


def ui_files() -> list[Path]:
    return sorted(path for path in (PACKAGE / "ui").rglob("*.py") if "__pycache__" not in path.parts)


def files_by_area() -> tuple[dict[str, list[Path]], list[Path]]:
    """Every UI module under its area, and the modules no area claims."""
    by_area: dict[str, list[Path]] = {area: [] for area in AREAS}
    orphans: list[Path] = []
    for path in ui_files():
        area = area_of(path.relative_to(PACKAGE).as_posix())
        if area is None:
            orphans.append(path)
        else:
            by_area[area].append(path)
    return by_area, orphans


Key = tuple[str, str, str]
"""(context, source, disambiguation) of one message."""


def messages(ts: Path) -> list[tuple[Key, str]]:
    """Every message of a .ts file with the file name of its first location ("" without locations)."""
    out: list[tuple[Key, str]] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            location = message.find("location")
            filename = location.get("filename", "") if location is not None else ""
            if filename and not Path(filename).is_absolute():
                filename = str((ts.parent / filename).resolve())
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            out.append((key, filename))
    return out


def service_files_by_area(workdir: Path) -> dict[str, list[Path]]:
    """The non-UI modules with translatable text, each under the .ts area that already holds most of its
    strings (new modules: :data:`DEFAULT_SERVICE_AREA`). ``workdir`` takes a temporary extraction."""
    ui = PACKAGE / "ui"
    sources = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts and not p.is_relative_to(ui))
    probe = workdir / "services.ts"
    command = [*tool("lupdate"), *map(str, sources), "-ts", str(probe), "-no-obsolete", "-locations", "absolute"]
    subprocess.run(command, check=True, capture_output=True, text=True)
    keys_of: dict[Path, set[Key]] = {}
    for key, filename in messages(probe):
        if filename:
            keys_of.setdefault(Path(filename).resolve(), set()).add(key)
    held = {
        path.stem.removeprefix("simoncer_en_"): {key for key, _ in messages(path)}
        for path in sorted(TRANSLATIONS.glob("simoncer_en_*.ts"))
        if path.stem.removeprefix("simoncer_en_") not in AREAS
    }
    by_area: dict[str, list[Path]] = {area: [] for area in held}
    by_area.setdefault(DEFAULT_SERVICE_AREA, [])
    for path, keys in sorted(keys_of.items()):
        best = max(held, key=lambda area: len(keys & held[area]), default=None)
        area = best if best is not None and keys & held[best] else DEFAULT_SERVICE_AREA
        by_area[area].append(path)
    return by_area


def tool(name: str) -> list[str]:
    """The command of Qt's ``lupdate``/``lrelease`` as shipped with PySide6 (works in a venv on Linux and
    Windows): the binary inside the PySide6 package, else ``pyside6-<name>`` next to Python or on PATH."""
    exe = ".exe" if os.name == "nt" else ""
    try:
        import PySide6

        bundled = Path(PySide6.__file__).resolve().parent / f"{name}{exe}"
        if bundled.is_file():
            return [str(bundled)]
    except ImportError:
        pass
    beside = Path(sys.executable).parent / f"pyside6-{name}{exe}"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which(f"pyside6-{name}")
    if found:
        return [found]
    raise FileNotFoundError(f"pyside6-{name} not found (install PySide6 into this environment)")


def unfinished(ts: Path) -> tuple[int, int]:
    """(strings, unfinished) in a .ts file; an empty translation counts as unfinished."""
    if not ts.exists():
        return 0, 0
    total = missing = 0
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("obsolete", "vanished"):
            continue
        total += 1
        if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
            missing += 1
    return total, missing


def update(area: str, files: list[Path]) -> tuple[int, int]:
    ts = ts_path(area)
    if files:
        TRANSLATIONS.mkdir(exist_ok=True)
        command = [*tool("lupdate"), *map(str, files), "-ts", str(ts), "-no-obsolete", "-locations", "none"]
        subprocess.run(command, check=True, capture_output=True, text=True)
    return unfinished(ts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("areas", nargs="*", metavar="AREA", help=f"{', '.join(AREAS)} or a service area (default: all)")
    parser.add_argument("--check", action="store_true", help="exit 1 when any string is unfinished")
    parser.add_argument("--list", action="store_true", help="only show which files go into which .ts")
    args = parser.parse_args(argv)
    by_area, orphans = files_by_area()
    with tempfile.TemporaryDirectory() as workdir:
        by_area.update(service_files_by_area(Path(workdir)))
    unknown = [area for area in args.areas if area not in by_area]
    if unknown:
        parser.error(f"unknown area {', '.join(unknown)}; known: {', '.join(by_area)}")
    for path in orphans:
        print(f"warning: {path.relative_to(ROOT)} is in no area: add it to AREAS in {Path(__file__).name}")
    left = 0
    if args.list:
        for area in args.areas or list(by_area):
            names = ", ".join(path.relative_to(PACKAGE).as_posix() for path in by_area[area])
            print(f"{ts_path(area).relative_to(ROOT)}: {names or '(no files)'}")
        return 0
    for area in args.areas or list(by_area):
        total, missing = update(area, by_area[area])
        left += missing
        state = "ok" if not missing else f"{missing} unfinished"
        print(f"{ts_path(area).relative_to(ROOT)}: {len(by_area[area])} files, {total} strings, {state}")
    if left:
        print(f"{left} strings to translate.")
    return 1 if (args.check and (left or orphans)) else 0


if __name__ == "__main__":
    sys.exit(main())
