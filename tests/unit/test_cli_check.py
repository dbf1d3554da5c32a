"""``simoncer-cli check``: the counts per kind first, then the findings; exit codes."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from simoncer_desktop import cli
from simoncer_desktop.security import engine
from simoncer_desktop.services import data_quality
from simoncer_desktop.services.data_quality import Kind
from tests.keys import TEST_KEY

FINDING_LINE = re.compile(r"^  No\. KK \S+ · pengurus .+: .+$")


@pytest.fixture
def demo_path(db_path: Path, capsys: pytest.CaptureFixture) -> Path:
    """30 demo families, then 25 men marked pregnant behind the services' back (as an old import might)."""
    assert cli.main(["demo-data", "--db", str(db_path), "--families", "30", "--seed", "2"]) == 0
    with closing(engine.connect(db_path, TEST_KEY)) as conn, conn:
        conn.execute(
            "UPDATE member SET pregnant = 1 WHERE rowid IN "
            "(SELECT rowid FROM member WHERE sex = 'L' AND deleted = 0 ORDER BY rowid LIMIT 25)"
        )
    capsys.readouterr()
    return db_path


def counts_table(out: str) -> dict[str, int]:
    """``code → count`` from the printed table."""
    found = {}
    for line in out.splitlines():
        match = re.match(r"^(.+?)\s{2,}([a-z0-9-]+)\s+([\d.]+)$", line)
        if match:
            found[match.group(2)] = int(match.group(3).replace(".", ""))
    return found


def findings_of(out: str, kind: Kind) -> list[str]:
    lines = out.splitlines()
    heading = next((i for i, line in enumerate(lines) if line.startswith(f"{kind.label} ({kind.value}): ")), None)
    if heading is None:
        return []
    section = []
    for line in lines[heading + 1 :]:
        if not line.startswith("  "):
            break
        section.append(line)
    return section


def test_a_clean_database_prints_every_kind_with_zero(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kualitas data per ")
    assert "0 keluarga, 0 anggota diperiksa" in out
    assert counts_table(out) == {kind.value: 0 for kind in Kind}
    assert re.search(r"^Jumlah temuan\s+0$", out, re.MULTILINE)
    assert not [line for line in out.splitlines() if FINDING_LINE.match(line)]


def test_counts_first_then_at_most_20_findings_per_kind(demo_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["check", "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "30 keluarga" in out
    counts = counts_table(out)
    assert list(counts) == [kind.value for kind in Kind]
    assert counts["pregnant-male"] == 25
    table_end = out.index("Jumlah temuan")
    assert table_end < out.index(f"{Kind.PREGNANT_MALE.label} (pregnant-male): 25 temuan")
    lines = findings_of(out, Kind.PREGNANT_MALE)
    assert len(lines) == 21
    assert all(FINDING_LINE.match(line) for line in lines[:20])
    assert all(line.endswith(": Ditandai hamil/nifas, tetapi laki-laki") for line in lines[:20])
    assert lines[20] == "  … dan 5 lainnya (semua: simoncer-cli check --kind pregnant-male --limit 0)"
    total = int(re.search(r"^Jumlah temuan\s+([\d.]+)$", out, re.MULTILINE).group(1).replace(".", ""))
    assert total == sum(counts.values())


def test_kind_and_limit_choose_the_findings_shown(demo_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["check", "--db", str(demo_path), "--kind", "pregnant-male", "--limit", "0"]) == 0
    out = capsys.readouterr().out
    assert counts_table(out)["pregnant-male"] == 25  # the table still counts every kind
    assert len(findings_of(out, Kind.PREGNANT_MALE)) == 25
    shown = [line for line in out.splitlines() if FINDING_LINE.match(line)]
    assert len(shown) == 25  # no other kind's findings

    assert cli.main(["check", "--db", str(demo_path), "--kind", "pregnant-male", "--limit", "3"]) == 0
    lines = findings_of(capsys.readouterr().out, Kind.PREGNANT_MALE)
    assert len(lines) == 4 and lines[-1].startswith("  … dan 22 lainnya")


@pytest.mark.parametrize("args", [["--kind", "nik-salah"], ["--limit", "-1"], ["--limit", "semua"]])
def test_bad_usage_exits_2(db_path: Path, args: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["check", "--db", str(db_path), *args])
    assert exc.value.code == 2
    assert "check" in capsys.readouterr().err


def test_a_failing_check_exits_1_with_a_message(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT …", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(data_quality, "run_checks", locked)
    assert cli.main(["check", "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "Gagal memeriksa kualitas data: database is locked" in captured.err.splitlines()
    assert captured.out == ""
