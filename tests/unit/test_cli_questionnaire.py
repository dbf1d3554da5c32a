"""``simoncer-cli questionnaire``: export → edit a weight → publish → show lists version 2; an invalid
file is refused with every problem and nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simoncer_desktop import cli
from simoncer_desktop.services import assessment as asm
from tests.keys import open_test_database


def stored_versions(db_path: Path) -> list[tuple[int, float]]:
    db = open_test_database(db_path)
    try:
        with db.read() as s:
            return [(v.version, v.definition.sections[0].weight) for v in asm.list_questionnaires(s)]
    finally:
        db.close()


def test_export_edit_publish_show(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "kuesioner.json"
    assert cli.main(["questionnaire", "export", str(out), "--db", str(db_path)]) == 0
    assert "versi 1" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert text.startswith("{\n  ")  # indented for editing
    data = json.loads(text)
    data["sections"][0]["weight"] = 7
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    args = ["questionnaire", "publish", str(out), "--db", str(db_path), "--valid-from", "2026-01-01"]
    assert cli.main([*args, "--title", "Kuesioner 2026"]) == 0
    assert "versi 2" in capsys.readouterr().out
    assert stored_versions(db_path)[-1] == (2, 7)

    assert cli.main(["questionnaire", "show", "--db", str(db_path), "--version", "2"]) == 0
    printed = capsys.readouterr().out
    assert "2 versi" in printed and "Kuesioner 2026" in printed and "bobot 7" in printed
    assert len(stored_versions(db_path)) == 2  # show writes nothing


def test_an_invalid_file_is_refused(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "kuesioner.json"
    assert cli.main(["questionnaire", "export", str(out), "--db", str(db_path)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["sections"][0]["weight"] = 0
    data["sections"][0]["questions"][0]["options"][0]["points"] = 150
    out.write_text(json.dumps(data), encoding="utf-8")
    before = stored_versions(db_path)
    args = ["questionnaire", "publish", str(out), "--db", str(db_path), "--valid-from", "2026-01-01"]
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "tidak ada yang disimpan" in err
    assert "bobot harus angka lebih dari 0" in err and "harus 0–100 (tertulis 150)" in err
    assert stored_versions(db_path) == before

    out.write_text("{bukan json", encoding="utf-8")
    assert cli.main(args) == 1
    assert "bukan JSON yang sah" in capsys.readouterr().err
    assert stored_versions(db_path) == before
