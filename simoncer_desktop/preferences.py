"""Per-laptop preferences that are needed before anyone signs in (the database is encrypted until then).

They live in ``preferences.json`` in the data folder (``paths.data_dir()``), not in the database, and are
not synced. Today there is one: the display language, ``"id"`` (Bahasa Indonesia, the default) or
``"en"``. A missing or unreadable file means the defaults (an unreadable one is logged, never fatal);
writes go to a temporary file that replaces the old one, so a crash never leaves half a file.
``SIMONCER_LANGUAGE`` overrides the file's language (tests, demos).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from simoncer_desktop import paths

log = logging.getLogger(__name__)

FILENAME = "preferences.json"
LANGUAGE_KEY = "language"
LANGUAGE_ENV = "SIMONCER_LANGUAGE"
INDONESIAN = "id"
ENGLISH = "en"
LANGUAGES = (INDONESIAN, ENGLISH)
DEFAULT_LANGUAGE = INDONESIAN


def preferences_path() -> Path:
    return paths.data_dir() / FILENAME


def load() -> dict[str, Any]:
    """Everything in the file; ``{}`` when it is missing or not a JSON object."""
    path = preferences_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError:
        log.warning("Preferences %s could not be read; using the defaults", path, exc_info=True)
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        log.warning("Preferences %s are not valid JSON; using the defaults", path)
        return {}
    if not isinstance(data, dict):
        log.warning("Preferences %s are not a JSON object; using the defaults", path)
        return {}
    return data


def save(data: dict[str, Any]) -> None:
    """Write all preferences atomically (a temporary file in the same folder, then ``os.replace``)."""
    path = preferences_path()
    fd, temp_name = tempfile.mkstemp(prefix=".preferences-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def stored_language() -> str:
    """The language saved in the file (the default when it is missing or unknown), ignoring the environment."""
    value = load().get(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    if value not in LANGUAGES:
        log.warning("Unknown language %r in the preferences; using %r", value, DEFAULT_LANGUAGE)
        return DEFAULT_LANGUAGE
    return str(value)


def language() -> str:
    """The display language: ``SIMONCER_LANGUAGE`` when set to a known language, else the saved one."""
    override = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    if override:
        if override in LANGUAGES:
            return override
        log.warning("%s=%r is not one of %s; ignored", LANGUAGE_ENV, override, ", ".join(LANGUAGES))
    return stored_language()


def set_language(value: str) -> None:
    """Save the display language (used from the next start); other preferences in the file are kept."""
    if value not in LANGUAGES:
        raise ValueError(f"unknown language {value!r}; expected one of {LANGUAGES}")
    data = load()
    data[LANGUAGE_KEY] = value
    save(data)
