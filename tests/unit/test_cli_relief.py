"""``simoncer-cli relief``: events, bnba, berita-acara, report; exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from simoncer_desktop import cli
from tests.keys import open_test_database
from tests.relief_document_rows import Scenario, make_scenario
from tests.relief_rows import make_event


@pytest.fixture
def scenario(db_path: Path) -> Scenario:
    db = open_test_database(db_path)
    with db.transaction() as s:
        out = make_scenario(s)
        make_event(s, title="Kebakaran Pasar", kind="kebakaran", status="ditutup")
    db.close()
    return out


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def run(*args: str) -> int:
    return cli.main(list(args))


def test_events_lists_every_event_with_its_counts(
    db_path: Path, scenario: Scenario, capsys: pytest.CaptureFixture
) -> None:
    assert run("relief", "events", "--db", str(db_path)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["Kode", "Tanggal", "Jenis", "Judul", "Kecamatan", "Status", "KK", "Jiwa", "Mengungsi",
                              "Luka", "Meninggal"]  # fmt: skip
    banjir = next(line for line in out if scenario.code in line)
    assert "20-11-2026" in banjir and "Banjir Sungai Cisadane" in banjir and "Bogor Selatan" in banjir
    assert banjir.split()[-5:] == ["3", "6", "2", "1", "1"] and "Dibuka" in banjir
    assert any("Kebakaran Pasar" in line and "Ditutup" in line for line in out)
    assert "2 kejadian" in out[-1]

    assert run("relief", "events", "--status", "ditutup", "--db", str(db_path)) == 0
    out = capsys.readouterr().out
    assert "Kebakaran Pasar" in out and scenario.code not in out


def test_events_when_there_are_none(db_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert run("relief", "events", "--status", "dibuka", "--db", str(db_path)) == 0
    assert "Belum ada kejadian bencana berstatus dibuka." in capsys.readouterr().out


def test_bnba_pdf_and_excel_by_short_code(
    db_path: Path, scenario: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    pdf = tmp_path / "bnba.pdf"
    assert run("relief", "bnba", scenario.code.lower(), "-o", str(pdf), "--db", str(db_path)) == 0
    printed = capsys.readouterr().out
    assert f"BNBA kejadian {scenario.code} (3 keluarga, 6 jiwa) ditulis ke {pdf}: 1 halaman" in printed
    assert "Asep Hidayat" in text_of(pdf)

    book = tmp_path / "bnba.xlsx"
    args = ["relief", "bnba", scenario.event_id, "-o", str(book), "--kelurahan", "32.71.01.1002", "--db", str(db_path)]
    assert run(*args) == 0
    names = [row[2] for row in load_workbook(book)["BNBA"].iter_rows(min_row=7, max_row=8, values_only=True)]
    assert names == ["Bagus Santoso", "Rina Santoso"]


def test_berita_acara_for_a_day_or_a_range(
    db_path: Path, scenario: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "ba.pdf"
    base = ["relief", "berita-acara", scenario.code, "-o", str(out), "--db", str(db_path)]
    assert run(*base, "--date", "2026-11-21") == 0
    assert f"Berita acara BA/{scenario.code}/20261121 (3 penyaluran, tanggal 21-11-2026)" in capsys.readouterr().out
    text = text_of(out)
    assert "Siti Nurhaliza" in text and "Rina Santoso" not in text
    assert run(*base, "--from", "2026-11-22", "--to", "2026-11-23") == 0
    assert "(2 penyaluran, 22-11-2026 s.d. 23-11-2026)" in capsys.readouterr().out
    assert "Rp15.000.000" in text_of(out)
    book = tmp_path / "ba.xlsx"
    assert run("relief", "berita-acara", scenario.code, "-o", str(book), "--db", str(db_path)) == 0
    assert load_workbook(book).sheetnames == ["Berita acara", "Penerima"]


def test_event_report(db_path: Path, scenario: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "laporan.pdf"
    assert run("relief", "report", scenario.code, "-o", str(out), "--db", str(db_path)) == 0
    assert f"Laporan kejadian {scenario.code} (Banjir Sungai Cisadane) ditulis ke {out}" in capsys.readouterr().out
    assert "LAPORAN KEJADIAN BENCANA" in text_of(out)


def test_errors_exit_one_with_a_bahasa_message(
    db_path: Path, scenario: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = ["--db", str(db_path)]
    out = tmp_path / "x.pdf"
    assert run("relief", "bnba", "abcd1234", "-o", str(out), *db) == 1
    assert "Gagal: Kejadian 'abcd1234' tidak ditemukan" in capsys.readouterr().err
    assert run("relief", "bnba", scenario.code, "-o", str(tmp_path / "x.docx"), *db) == 1
    assert "harus berakhiran .pdf atau .xlsx" in capsys.readouterr().err
    assert run("relief", "report", scenario.code, "-o", str(tmp_path / "x.xlsx"), *db) == 1
    assert "harus berakhiran .pdf" in capsys.readouterr().err
    missing = tmp_path / "tidak-ada" / "x.pdf"
    assert run("relief", "berita-acara", scenario.code, "-o", str(missing), *db) == 1
    err = capsys.readouterr().err
    assert "Gagal: Tidak dapat menulis" in err and str(missing) in err
    assert run("relief", "bnba", scenario.code, "-o", str(out), "--kelurahan", "99", *db) == 1
    assert "Kelurahan '99' tidak dikenal" in capsys.readouterr().err
    assert not out.exists() and not missing.parent.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(
    "args",
    [
        ["relief"],
        ["relief", "bnba", "abc"],  # no -o
        ["relief", "events", "--status", "lama"],
        ["relief", "berita-acara", "abc", "-o", "x.pdf", "--date", "21-11-2026"],
        ["relief", "berita-acara", "abc", "-o", "x.pdf", "--date", "2026-11-21", "--from", "2026-11-20"],
        ["relief", "berita-acara", "abc", "-o", "x.pdf", "--from", "2026-11-22", "--to", "2026-11-21"],
    ],
)
def test_usage_errors_exit_two(db_path: Path, tmp_path: Path, args: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main([*args, "--db", str(db_path)])
    assert exc.value.code == 2
