"""``simoncer-cli report graduation``: one family, a quarter, and the exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from simoncer_desktop import cli
from tests.keys import open_test_database
from tests.unit.test_graduation_report import Graduated, graduate_family


@pytest.fixture
def graduated(db_path: Path) -> list[Graduated]:
    db = open_test_database(db_path)
    with db.transaction() as s:
        out = [graduate_family(s, 1, date(2026, 9, 15)), graduate_family(s, 2, date(2026, 7, 25))]
    db.close()
    return out


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_one_family(db_path: Path, graduated: list[Graduated], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "keluarga.pdf"
    args = ["report", "graduation", str(out), "--db", str(db_path), "--family", graduated[0].household_id]
    assert cli.main(args) == 0
    printed = capsys.readouterr().out
    assert f"Laporan graduasi keluarga No. KK {graduated[0].no_kk}" in printed and str(out) in printed
    text = text_of(out)
    assert graduated[0].no_kk in text and graduated[1].no_kk not in text


def test_a_quarter_is_one_combined_pdf(
    db_path: Path, graduated: list[Graduated], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "2026Q3.pdf"
    assert cli.main(["report", "graduation", str(out), "--db", str(db_path), "--quarter", "2026q3"]) == 0
    assert "2 keluarga kuartal 2026Q3 (01-07-2026 s.d. 30-09-2026)" in capsys.readouterr().out
    text = text_of(out)
    assert text.count("LAPORAN GRADUASI KELUARGA") == 2
    assert graduated[0].no_kk in text and graduated[1].no_kk in text


def test_errors_exit_one_with_a_bahasa_message(
    db_path: Path, graduated: list[Graduated], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "x.pdf"
    base = ["report", "graduation", str(out), "--db", str(db_path)]
    assert cli.main([*base, "--family", "tidak-ada"]) == 1
    assert "Keluarga dengan id 'tidak-ada' tidak ditemukan" in capsys.readouterr().err
    assert cli.main([*base, "--quarter", "2025Q4"]) == 1
    assert "tidak ada keputusan graduasi yang disetujui pada kuartal 2025Q4" in capsys.readouterr().err
    missing = tmp_path / "tidak-ada" / "x.pdf"
    args = ["report", "graduation", str(missing), "--db", str(db_path), "--quarter", "2026Q3"]
    assert cli.main(args) == 1
    assert "tidak ada; laporan tidak ditulis" in capsys.readouterr().err
    assert not out.exists() and not missing.parent.exists()


@pytest.mark.parametrize(
    "flags",
    [[], ["--family", "a", "--quarter", "2026Q3"], ["--quarter", "2026Q5"], ["--quarter", "kemarin"]],
)
def test_usage_errors_exit_two(db_path: Path, tmp_path: Path, flags: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["report", "graduation", str(tmp_path / "x.pdf"), "--db", str(db_path), *flags])
    assert exc.value.code == 2
