"""simoncer-cli export caseload / template caseload: output, filters, exit codes, round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from simoncer_desktop import cli
from simoncer_desktop.services import caseload_query
from simoncer_desktop.services.caseload_query import CaseloadFilter
from simoncer_desktop.services.caseload_sheet import COLUMN_KEYS, SHEET_NAME
from simoncer_desktop.store import Database


def sheet_values(path: Path) -> list[tuple]:
    return list(load_workbook(path, read_only=True)[SHEET_NAME].values)


def test_export_writes_every_family_and_says_so(demo_db: Database, tmp_path: Path, capsys) -> None:
    out = tmp_path / "keluarga.xlsx"
    assert cli.main(["export", "caseload", str(out), "--db", str(demo_db.path)]) == 0
    rows = sheet_values(out)
    assert rows[0] == COLUMN_KEYS
    families = {r[0] for r in rows[1:]}
    assert len(families) == 300
    count = f"{len(rows) - 1:,}".replace(",", ".")
    assert capsys.readouterr().out.startswith(f"Diekspor 300 keluarga ({count} baris) ke {out} dalam ")


def test_export_flags_filter_like_the_page(demo_db: Database, tmp_path: Path, capsys) -> None:
    with demo_db.read() as s:
        expected = caseload_query.count(s, CaseloadFilter(kecamatan="32.71.01", desil=1, status="aktif"))
    assert expected > 0
    out = tmp_path / "k.xlsx"
    args = ["export", "caseload", str(out), "--db", str(demo_db.path), "--kecamatan", "32.71.01", "--desil", "1"]
    assert cli.main([*args, "--status", "aktif"]) == 0
    assert f"Diekspor {expected} keluarga" in capsys.readouterr().out
    rows = sheet_values(out)[1:]
    assert len({r[0] for r in rows}) == expected
    assert {r[COLUMN_KEYS.index("DESIL")] for r in rows} == {1}
    assert all(r[COLUMN_KEYS.index("KODE_KELURAHAN")].startswith("32.71.01.") for r in rows)


def test_export_by_pendamping_name_or_id(demo_db: Database, tmp_path: Path, capsys) -> None:
    with demo_db.read() as s:
        pendamping = caseload_query.facilitator_options(s)[0]
        expected = caseload_query.count(s, CaseloadFilter(facilitator_id=pendamping.value))
    for value in (pendamping.value, pendamping.label.upper()):
        out = tmp_path / "p.xlsx"
        assert cli.main(["export", "caseload", str(out), "--db", str(demo_db.path), "--pendamping", value]) == 0
        assert f"Diekspor {expected} keluarga" in capsys.readouterr().out
        assert {r[COLUMN_KEYS.index("PENDAMPING")] for r in sheet_values(out)[1:]} == {pendamping.label}


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--kecamatan", "32.71.99"], "--kecamatan: '32.71.99' bukan kode kecamatan"),
        (["--kecamatan", "32.71.01.1001"], "--kecamatan: '32.71.01.1001' bukan kode kecamatan"),
        (["--kelurahan", "32.71.01"], "--kelurahan: '32.71.01' bukan kode kelurahan/desa"),
        (["--kecamatan", "32.71.01", "--kelurahan", "32.71.02.1001"], "--kelurahan: 32.71.02.1001 tidak berada di"),
        (["--pendamping", "tidak ada"], "--pendamping: tidak ada pendamping"),
        (["--cari", "3271"], "--cari: Ketik minimal 8 digit"),
        (["--cari", "a"], "--cari: Ketik minimal 2 huruf"),
    ],
)
def test_filter_values_that_match_nothing_are_usage_errors(
    demo_db: Database, tmp_path: Path, capsys, flags: list[str], message: str
) -> None:
    out = tmp_path / "k.xlsx"
    assert cli.main(["export", "caseload", str(out), "--db", str(demo_db.path), *flags]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--desil", "11"], "argument --desil: harus bilangan bulat 1–10 (tertulis '11')"),
        (["--desil", "satu"], "argument --desil: harus bilangan bulat 1–10"),
        (["--status", "hilang"], "argument --status: invalid choice"),
        (["--komponen", "balita"], "argument --komponen: invalid choice"),
    ],
)
def test_malformed_flags_exit_2(db_path: Path, tmp_path: Path, capsys, flags: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["export", "caseload", str(tmp_path / "k.xlsx"), "--db", str(db_path), *flags])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_only_caseload_can_be_exported(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["export", "pendamping", str(tmp_path / "k.xlsx"), "--db", str(db_path)])
    assert exc.value.code == 2


def test_a_folder_that_cannot_be_written_exits_1_with_the_reason(db_path: Path, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "tidak-ada" / "k.xlsx"
    assert cli.main(["export", "caseload", str(missing), "--db", str(db_path)]) == 1
    assert f"Gagal: Tidak dapat menulis {missing}: folder {missing.parent} tidak ada" in capsys.readouterr().err
    assert cli.main(["template", "caseload", str(missing), "--db", str(db_path)]) == 1
    assert f"Gagal: Tidak dapat menulis {missing}: folder {missing.parent} tidak ada" in capsys.readouterr().err


def test_template_command(db_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "templat.xlsx"
    assert cli.main(["template", "caseload", str(out), "--db", str(db_path)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Templat ditulis ke {out}: sheet Anggota dengan {len(COLUMN_KEYS)} kolom; 68 kelurahan")
    workbook = load_workbook(out)
    assert workbook.sheetnames == [SHEET_NAME, "Wilayah"]
    assert [c.value for c in workbook[SHEET_NAME][1]] == list(COLUMN_KEYS)


def test_export_then_import_round_trips(demo_db: Database, db_path: Path, tmp_path: Path, capsys) -> None:
    """Export → import into an empty database → export again gives the same cells, and importing that
    export once more changes nothing."""
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    assert cli.main(["export", "caseload", str(first), "--db", str(demo_db.path)]) == 0
    assert cli.main(["import", "caseload", str(first), "--db", str(db_path)]) == 0
    assert cli.main(["export", "caseload", str(second), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert sheet_values(first) == sheet_values(second)
    assert cli.main(["import", "caseload", str(second), "--db", str(db_path)]) == 0
    said = capsys.readouterr().out
    assert "Keluarga baru: 0" in said and "Keluarga diperbarui: 0" in said and "Keluarga tidak berubah: 300" in said
