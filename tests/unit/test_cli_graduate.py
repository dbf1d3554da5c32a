"""``simoncer-cli graduate-quarter``: propose without changing families, --apply, the civil file, exit codes."""

from __future__ import annotations

import re
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from simoncer_desktop import cli
from simoncer_desktop.security import engine
from simoncer_desktop.security.engine import SqlcipherConnection
from simoncer_desktop.services import caseload
from tests.factories import family, household, member
from tests.keys import TEST_KEY, open_test_database


@pytest.fixture
def graduating(db_path: Path) -> dict[str, str]:
    """One family with components, one whose only pupil aged out, one whose pengurus died in Q3."""
    db = open_test_database(db_path)
    ids = {}
    with db.transaction() as session:
        ids["keeps"] = caseload.create_household(session, *family(1))
        mother = member("Siti Aminah", date(1985, 6, 1), "P", 21, relation="istri", is_recipient=True)
        pupil = member("Rudi Hartono", date(2000, 1, 1), "L", 22, education="sma", in_school=True)
        ids["aged_out"] = caseload.create_household(session, household(2), [mother, pupil])
        widow = member(
            "Euis Komala", date(1980, 3, 3), "P", 31, is_recipient=True, deceased=True, death_date=date(2026, 9, 30)
        )
        ids["died"] = caseload.create_household(
            session, household(3), [widow, member("Asep", date(2023, 1, 5), "L", 32)]
        )
    db.close()
    return ids


def connect(db_path: Path) -> closing[SqlcipherConnection]:
    """A raw connection to the encrypted test database, closed at the end of the ``with``."""
    return closing(engine.connect(db_path, TEST_KEY))


def statuses(db_path: Path) -> dict[str, str]:
    with connect(db_path) as conn:
        return dict(conn.execute("SELECT id, status FROM household"))


def test_without_apply_it_proposes_and_changes_nothing(
    db_path: Path, graduating: dict[str, str], capsys: pytest.CaptureFixture
) -> None:
    before = statuses(db_path)
    assert cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", "2026q3", "--by", "Operator"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Graduasi alamiah 2026Q3 (per 30-09-2026): 2 keluarga diusulkan · daftar ")
    lines = out.splitlines()
    assert any(re.match(r"^Pengurus/semua anggota layak meninggal\s+meninggal\s+1$", line) for line in lines)
    assert any(line.startswith("Tidak ada komponen PKH lagi") and line.endswith(" 1") for line in lines)
    assert any(line.startswith("Pindah domisili") and line.endswith(" 0") for line in lines)
    assert any("pengurus Euis Komala · meninggal: Pengurus Euis Komala meninggal 30-09-2026" in line for line in lines)
    assert any("Rudi Hartono (Anak SMA) berusia 26 tahun" in line for line in lines)
    assert "Belum ada yang diubah" in out
    assert statuses(db_path) == before
    with connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM natural_graduation_run WHERE applied_on IS NULL").fetchone() == (1,)


def test_apply_approves_all_and_graduates(
    db_path: Path, graduating: dict[str, str], capsys: pytest.CaptureFixture
) -> None:
    assert cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q3", "--apply", "--by", "Kasi"]) == 0
    out = capsys.readouterr().out
    assert "Diterapkan oleh Kasi: 2 keluarga kini berstatus Graduasi alamiah per 30-09-2026" in out
    after = statuses(db_path)
    assert after[graduating["keeps"]] == "aktif"
    assert after[graduating["aged_out"]] == after[graduating["died"]] == "graduasi_alamiah"
    with connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM graduation_decision WHERE status = 'disetujui'").fetchone() == (2,)
        assert conn.execute("SELECT applied_by FROM natural_graduation_run").fetchall() == [("Kasi",)]
    # the same quarter again: nobody left to propose
    assert cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q3", "--apply"]) == 0
    assert "Tidak ada keluarga yang digraduasi" in capsys.readouterr().out


def test_an_applied_run_cannot_be_applied_again(
    db_path: Path, graduating: dict[str, str], capsys: pytest.CaptureFixture
) -> None:
    assert cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q3", "--apply", "--by", "Kasi"]) == 0
    run_id = capsys.readouterr().out.split("· daftar ")[1].split()[0]
    argv = ["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q3", "--run", run_id, "--apply"]
    assert cli.main(argv) == 1
    assert "sudah diterapkan" in capsys.readouterr().err


def test_an_existing_run_is_applied_with_run(
    db_path: Path, graduating: dict[str, str], capsys: pytest.CaptureFixture
) -> None:
    assert cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q3"]) == 0
    run_id = capsys.readouterr().out.split("· daftar ")[1].split()[0]
    assert cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q2", "--run", run_id]) == 1
    assert "bukan 2026Q2" in capsys.readouterr().err
    argv = ["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q3", "--run", run_id, "--apply", "--by", "K"]
    assert cli.main(argv) == 0
    assert "2 keluarga kini berstatus Graduasi alamiah" in capsys.readouterr().out


def test_civil_file(db_path: Path, graduating: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    civil = tmp_path / "dukcapil.csv"
    nik = family(1)[1][0].nik
    civil.write_text(f"NIK,PERISTIWA,TANGGAL\n{nik},PINDAH,01-08-2026\n3271019999990001,MENINGGAL,01-08-2026\n,X,\n")
    assert cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q3", "--civil", str(civil)]) == 0
    out = capsys.readouterr().out
    assert "3 keluarga diusulkan" in out
    assert "NIK tidak cocok (1): 3271019999990001" in out
    assert "Baris salah (1):" in out and "Baris 4: NIK kosong" in out
    assert "Pengurus Siti Nurhaliza pindah domisili 01-08-2026 (data dukcapil)" in out


def test_a_bad_civil_file_fails_with_exit_1(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bad = tmp_path / "dukcapil.pdf"
    bad.write_text("bukan spreadsheet")
    assert cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q3", "--civil", str(bad)]) == 1
    assert "Gagal: Berkas dukcapil.pdf bukan spreadsheet" in capsys.readouterr().err
    with connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM natural_graduation_run").fetchone() == (0,)


@pytest.mark.parametrize("quarter", ["2026Q5", "Q3", "2026-09"])
def test_a_bad_quarter_is_a_usage_error_naming_the_flag(
    db_path: Path, quarter: str, capsys: pytest.CaptureFixture
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", quarter])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--quarter" in err and "tidak sah" in err and "2026Q3" in err


def test_the_quarter_is_required(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["graduate-quarter", "--db", str(db_path)])
    assert exit_info.value.code == 2
    assert "--quarter" in capsys.readouterr().err


def test_limit_shortens_the_list(db_path: Path, graduating: dict[str, str], capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["graduate-quarter", "--db", str(db_path), "--quarter", "2026Q3", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert sum(line.startswith("  No. KK ") for line in out.splitlines()) == 1
    assert "… dan 1 lainnya (semua: simoncer-cli graduate-quarter --quarter 2026Q3 --limit 0)" in out
