"""simoncer-cli import caseload: exit codes, --dry-run, --report, messages."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from simoncer_desktop import cli
from tests.sheets import families_rows, write_xlsx


def families(db_path: Path, capsys: pytest.CaptureFixture) -> int:
    capsys.readouterr()
    assert cli.main(["info", "--db", str(db_path)]) == 0
    return json.loads(capsys.readouterr().out)["families"]


def test_import_prints_the_summary_and_exits_0(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = write_xlsx(tmp_path / "a.xlsx", families_rows(1, 2))
    assert cli.main(["import", "caseload", str(source), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Keluarga baru: 2" in out and "Disimpan: 2 keluarga baru, 0 diperbarui" in out
    assert families(db_path, capsys) == 2
    assert cli.main(["import", "caseload", str(source), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Keluarga baru: 0" in out and "Keluarga tidak berubah: 2" in out


def test_dry_run_stores_nothing(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = write_xlsx(tmp_path / "a.xlsx", families_rows(1, 2))
    assert cli.main(["import", "caseload", str(source), "--db", str(db_path), "--dry-run"]) == 0
    assert "tidak ada yang disimpan" in capsys.readouterr().out
    assert families(db_path, capsys) == 0


def test_rejected_families_exit_3_with_a_report(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    rows = families_rows(1, 2)
    rows[0]["NIK"] = "12345"
    source = write_xlsx(tmp_path / "a.xlsx", rows)
    report = tmp_path / "laporan.xlsx"
    code = cli.main(["import", "caseload", str(source), "--db", str(db_path), "--report", str(report)])
    captured = capsys.readouterr()
    assert code == cli.EXIT_REJECTED == 3
    assert "1 keluarga ditolak" in captured.err
    assert "Baris 2, kolom NIK ('12345'): NIK: harus 16 digit" in captured.out
    sheet = openpyxl.load_workbook(report)["Anggota"]
    header = [c.value for c in sheet[1]]
    assert "harus 16 digit" in sheet.cell(2, header.index("KETERANGAN") + 1).value
    assert families(db_path, capsys) == 1


def test_unreadable_file_exits_1_and_says_why(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "kosong.xlsx"
    source.write_bytes(b"")
    assert cli.main(["import", "caseload", str(source), "--db", str(db_path)]) == 1
    assert "kosong (0 byte)" in capsys.readouterr().err
    assert cli.main(["import", "caseload", str(tmp_path / "tidak-ada.xlsx"), "--db", str(db_path)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def test_report_that_cannot_be_written_undoes_the_import(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    source = write_xlsx(tmp_path / "a.xlsx", families_rows(1))
    report = tmp_path / "no-such-folder" / "laporan.xlsx"
    assert cli.main(["import", "caseload", str(source), "--db", str(db_path), "--report", str(report)]) == 1
    assert "Gagal" in capsys.readouterr().err
    assert families(db_path, capsys) == 0


def test_unknown_kind_is_a_usage_error(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["import", "bencana", str(tmp_path / "x.xlsx"), "--db", str(db_path)])
    assert exit_info.value.code == 2
