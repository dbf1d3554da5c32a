"""Per-laptop preferences (``preferences.json`` in the data folder): defaults, robustness, atomic writes,
the ``SIMONCER_LANGUAGE`` override."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from simoncer_desktop import paths, preferences


@pytest.fixture(autouse=True)
def _no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(preferences.LANGUAGE_ENV, raising=False)


def prefs_file() -> Path:
    return paths.data_dir() / "preferences.json"


def test_default_is_bahasa_without_a_file() -> None:
    assert not prefs_file().exists()
    assert preferences.language() == "id"
    assert preferences.load() == {}


def test_set_language_is_written_and_read_back_keeping_other_keys() -> None:
    prefs_file().write_text(json.dumps({"other": 1}), encoding="utf-8")
    preferences.set_language("en")
    assert json.loads(prefs_file().read_text(encoding="utf-8")) == {"language": "en", "other": 1}
    assert preferences.language() == "en"
    preferences.set_language("id")
    assert preferences.language() == "id"
    leftovers = [p.name for p in prefs_file().parent.iterdir() if p.name.startswith(".preferences-")]
    assert leftovers == []  # the temporary file was renamed over the old one


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        preferences.set_language("fr")
    assert not prefs_file().exists()


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"language": "xx"}', ""])
def test_corrupt_file_falls_back_to_the_default_and_logs(content: str, caplog: pytest.LogCaptureFixture) -> None:
    prefs_file().write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="simoncer_desktop.preferences"):
        assert preferences.language() == "id"
    assert caplog.records, "a bad preferences file is logged"
    preferences.set_language("en")  # and it can be repaired from the app
    assert preferences.language() == "en"


def test_failed_write_leaves_the_old_file() -> None:
    preferences.set_language("en")

    def broken_replace(_src: object, _dst: object) -> None:
        raise OSError("disk full")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", broken_replace)
        with pytest.raises(OSError):
            preferences.set_language("id")
    assert preferences.stored_language() == "en"
    assert [p.name for p in prefs_file().parent.iterdir() if p.name.startswith(".preferences-")] == []


def test_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    preferences.set_language("id")
    monkeypatch.setenv(preferences.LANGUAGE_ENV, "EN")
    assert preferences.language() == "en"
    assert preferences.stored_language() == "id"
    monkeypatch.setenv(preferences.LANGUAGE_ENV, "klingon")
    with caplog.at_level(logging.WARNING, logger="simoncer_desktop.preferences"):
        assert preferences.language() == "id"
    assert "klingon" in caplog.text
