"""The Qt-free translation hook of domain labels and service messages (simoncer_desktop.translation)."""

from __future__ import annotations

import threading

from simoncer_desktop import translation
from tests.translation_fakes import marked_translation


def test_source_text_without_a_translator() -> None:
    assert translation.translate("ctx", "Keluarga") == "Keluarga"


def test_installed_translator_is_used_and_removed() -> None:
    with marked_translation():
        assert translation.translate("ctx", "Keluarga") == "⟦Keluarga⟧"
    assert translation.translate("ctx", "Keluarga") == "Keluarga"


def test_noop_marker_never_translates() -> None:
    with marked_translation():
        assert translation.QT_TRANSLATE_NOOP("ctx", "Aktif") == "Aktif"


def test_untranslated_block_gives_source_text_and_nests() -> None:
    with marked_translation():
        with translation.untranslated():
            assert translation.translate("ctx", "Aktif") == "Aktif"
            with translation.untranslated():
                assert translation.translate("ctx", "Aktif") == "Aktif"
            assert translation.translate("ctx", "Aktif") == "Aktif"
        assert translation.translate("ctx", "Aktif") == "⟦Aktif⟧"


def test_untranslated_is_per_thread() -> None:
    """A document written on a worker thread must not switch the screen's language for the UI thread."""
    seen: list[str] = []
    inside = threading.Event()
    release = threading.Event()

    def worker() -> None:
        with translation.untranslated():
            inside.set()
            release.wait(5)

    with marked_translation():
        thread = threading.Thread(target=worker)
        thread.start()
        assert inside.wait(5)
        seen.append(translation.translate("ctx", "Aktif"))
        release.set()
        thread.join(5)
    assert seen == ["⟦Aktif⟧"]
