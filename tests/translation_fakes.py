"""Translation helpers of the tests: a stand-in for the English catalogue — every translated text comes back
marked ⟦like this⟧, so a test sees exactly which texts went through translation (screen) and which did not
(documents, exports) — and the real catalogue released from the committed .ts files."""

from __future__ import annotations

import importlib.util
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType

from simoncer_desktop import translation

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "translations"

OPEN, CLOSE = "⟦", "⟧"


def mark(context: str, text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


@contextmanager
def marked_translation() -> Iterator[None]:
    """Install the marking translator for the block (and always remove it again)."""
    translation.install(mark)
    try:
        yield
    finally:
        translation.install(None)


def has_mark(text: str) -> bool:
    return OPEN in text or CLOSE in text


@cache
def update_translations_script() -> ModuleType:
    """``scripts/update_translations.py`` as a module (its areas and its lupdate/lrelease lookup)."""
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def release_catalogue(folder: Path) -> Path:
    """All committed translations/*.ts released into one .qm in ``folder``, as ``make translations`` does."""
    qm = folder / "simoncer_en.qm"
    files = [str(p) for p in sorted(TRANSLATIONS.glob("*.ts"))]
    lrelease = update_translations_script().tool("lrelease")
    done = subprocess.run([*lrelease, *files, "-qm", str(qm)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert qm.is_file() and qm.stat().st_size > 100
    return qm
