"""Translation of text made outside the UI (domain labels, service messages), with no Qt import.

The Bahasa Indonesia text in the code is the source. The desktop UI installs Qt's translator function at
start-up (``ui.i18n``); the CLI, the central service and the tests install none, so they always get the
source text. ``lupdate`` extracts the literal arguments of ``translate("context", "text")`` and
``QT_TRANSLATE_NOOP("context", "text")`` calls from these modules into ``translations/*.ts``.

Files other offices or other programs read — official documents (berita acara, BNBA, graduation report,
the Wali Kota recap), caseload exports meant for re-import, audit exports — stay in Bahasa whatever the
screen language: the code that writes them runs inside ``untranslated()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Translator = Callable[[str, str], str]
"""``(context, source_text) -> text`` — QCoreApplication.translate in the desktop app."""

_translator: Translator | None = None
_suspended: ContextVar[bool] = ContextVar("simoncer_untranslated", default=False)


def install(translator: Translator | None) -> None:
    """Use ``translator`` for every later ``translate`` call in this process (None: source text again)."""
    global _translator
    _translator = translator


def translate(context: str, text: str) -> str:
    """``text`` in the language of the screen; the source (Bahasa) text inside ``untranslated()``."""
    if _translator is None or _suspended.get():
        return text
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for extraction without translating it now: for tables of labels that are also data
    (written to files, parsed back); show them through ``translate(context, value)``."""
    return text


@contextmanager
def untranslated() -> Iterator[None]:
    """Source (Bahasa) text for everything this thread makes inside the block: documents and exports."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)
