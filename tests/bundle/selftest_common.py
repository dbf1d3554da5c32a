"""Shared by the self-test tests: reading its one JSON line and what the translations promise."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
REPO_CATALOGUE = ROOT / "resources" / "translations" / "simoncer_en.qm"
EXPECTED_KEYS = {
    "self_test",
    "version",
    "frozen",
    "resources_dir",
    "migrations_dir",
    "encrypted",
    "migrated_to",
    "head",
    "families",
    "documents",
    "translations_found",
    "translations_loaded",
    "translation_sample",
    "pages_rendered",
    "page_sizes",
    "pages_opened",
    "qt_platform",
    "seconds",
    "step_seconds",
}
LAZY_PAGES = {"graduation", "disaster", "reports", "quality", "sync", "audit", "conflicts"}
"""Pages made on first use: the self-test opens them all (signed in as an administrator)."""
NOT_FINISHED = {"unfinished", "obsolete", "vanished"}


def report_of(stdout: str) -> dict[str, Any]:
    """The self-test's report: the last non-empty line of stdout, which must be a JSON object."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    assert lines, "the self-test printed nothing on stdout"
    report = json.loads(lines[-1])
    assert isinstance(report, dict)
    return report


def english_for(context: str, source: str) -> str | None:
    """The finished English translation of ``source`` in ``context`` in translations/*.ts, if any."""
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        for ctx in ET.parse(ts).getroot().iter("context"):
            if ctx.findtext("name") != context:
                continue
            for message in ctx.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in NOT_FINISHED:
                    continue
                if message.findtext("source") == source and translation.text:
                    return translation.text
    return None
