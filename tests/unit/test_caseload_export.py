"""Caseload export and the empty template: content, cell types, the formula guard, filters, cancel."""

from __future__ import annotations

import re
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from simoncer_desktop.models import Facilitator
from simoncer_desktop.reports.excel import caseload_workbook
from simoncer_desktop.reports.excel.caseload_workbook import Place, WorkbookWriteError
from simoncer_desktop.services import caseload, caseload_export
from simoncer_desktop.services.caseload_query import CaseloadFilter
from simoncer_desktop.services.caseload_sheet import COLUMN_KEYS, COLUMNS, SHEET_NAME
from simoncer_desktop.services.progress import CancelledError, CancelToken
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN, KELURAHAN, OTHER_KECAMATAN, OTHER_KELURAHAN, family, household, member

GUARDED = ("=1+1", "+6281234567890", "-", "@x")


def read_rows(path: Path) -> list[dict[str, object]]:
    sheet = load_workbook(path)[SHEET_NAME]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMN_KEYS
    return [dict(zip(COLUMN_KEYS, r, strict=True)) for r in rows[1:]]


def sheet_xml(path: Path, sheet: int = 1) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{sheet}.xml").decode()


def has_formula(xml: str) -> bool:
    """A cell formula element ``<f>`` (not ``<formula1>`` of a validation)."""
    return re.search(r"<f[\s>/]", xml) is not None


def export(db: Database, path: Path, f: CaseloadFilter | None = None, **kwargs: object) -> caseload_export.ExportResult:
    with db.read() as s:
        return caseload_export.export_caseload(s, path, f, **kwargs)


@pytest.fixture
def families(db: Database) -> dict[str, str]:
    """Three families in two kecamatan: a plain one, one with texts a spreadsheet would run as a
    formula, and a childless couple where the husband has died; plus a deleted family and member."""
    with db.transaction() as s:
        pendamping = Facilitator(name="@pendamping", scope=KECAMATAN)
        s.add(pendamping)
        s.flush()
        ids = {"plain": caseload.create_household(s, *family(1))}
        data, members = family(2, OTHER_KELURAHAN)
        data.address = "=1+1"
        data.phone = "+6281234567890"
        data.facilitator_id = pendamping.id
        members[1].name = "-"
        members[2].name = "@x"
        ids["guarded"] = caseload.create_household(s, data, members)
        ids["widow"] = caseload.create_household(
            s,
            household(3, address="", rt="", rw="", desil=None),
            [
                member("Enok Sumarni", date(1950, 3, 1), "P", 31, relation="kepala", is_recipient=True),
                member(
                    "Odon Suhendar",
                    date(1948, 7, 9),
                    "L",
                    32,
                    relation="suami",
                    deceased=True,
                    death_date=date(2024, 5, 1),
                ),
            ],
        )
        gone = caseload.create_household(s, *family(4))
        caseload.delete_household(s, gone)
        extra = caseload.add_member(s, ids["plain"], member("Tamu Dihapus", date(2000, 1, 1), "L", 19))
        caseload.delete_member(s, extra)
    return ids


def test_rows_match_the_database(db: Database, families: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "keluarga.xlsx"
    result = export(db, out)
    assert (result.families, result.rows, result.path) == (3, 10, out)
    rows = read_rows(out)
    assert len(rows) == 10
    with db.read() as s:
        details = [caseload.get_household(s, families[k]) for k in ("plain", "guarded", "widow")]
    assert [r["NO_KK"] for r in rows] == sorted(r["NO_KK"] for r in rows)  # by No. KK
    for detail in details:
        mine = [r for r in rows if r["NO_KK"] == detail.no_kk]
        assert len(mine) == len(detail.members)
        # the pengurus first, then by birth date
        assert mine[0]["PENGURUS"] == "Y" and all(r["PENGURUS"] == "T" for r in mine[1:])
        births = [r["TANGGAL_LAHIR"] for r in mine[1:]]
        assert births == sorted(births)
        for r in mine:  # family fields on every row
            assert r["KODE_KELURAHAN"] == detail.kelurahan_code
            assert r["KELURAHAN"] == detail.kelurahan_name
            assert r["KECAMATAN"] == detail.kecamatan_name
            assert r["ALAMAT"] == (detail.address or None)
            assert r["RT"] == (detail.rt or None) and r["RW"] == (detail.rw or None)
            assert r["DESIL"] == detail.desil
            assert r["PENDAMPING"] == detail.facilitator_name
            assert r["NO_HP"] == detail.phone
        by_nik = {r["NIK"]: r for r in mine}
        for m in detail.members:
            r = by_nik[m.nik]
            assert r["NAMA"] == m.name
            assert r["TANGGAL_LAHIR"] == datetime.combine(m.birth_date, datetime.min.time())

    plain = [r for r in rows if r["NO_KK"] == details[0].no_kk]
    assert [r["NAMA"] for r in plain] == ["Siti Nurhaliza", "Ujang Supriatna", "Dédé Rahmawati", "Asep Hidayat"]
    siti, ujang, dede, _asep = plain
    assert (siti["HUBUNGAN"], siti["JENIS_KELAMIN"], siti["STATUS_HIDUP"]) == ("ISTRI", "P", "HIDUP")
    assert (ujang["HUBUNGAN"], ujang["JENIS_KELAMIN"]) == ("KEPALA KELUARGA", "L")
    assert (dede["HUBUNGAN"], dede["PENDIDIKAN"], dede["SEKOLAH"]) == ("ANAK", "SD", "Y")
    assert (siti["PENDIDIKAN"], siti["SEKOLAH"], siti["HAMIL"], siti["DISABILITAS_BERAT"]) == (
        "TIDAK SEKOLAH",
        "T",
        "T",
        "T",
    )
    assert (siti["ALAMAT"], siti["RT"], siti["RW"], siti["DESIL"]) == ("Jl. Melati No. 5", "003", "007", 1)
    assert (siti["KELURAHAN"], siti["KECAMATAN"]) == ("Batu Tulis", "Bogor Selatan")
    assert "Tamu Dihapus" not in [r["NAMA"] for r in rows]  # deleted member and family are not exported


def test_deceased_members_are_exported_with_their_date(db: Database, families: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "k.xlsx"
    export(db, out)
    rows = {r["NAMA"]: r for r in read_rows(out)}
    odon, enok = rows["Odon Suhendar"], rows["Enok Sumarni"]
    assert (odon["STATUS_HIDUP"], odon["TANGGAL_MENINGGAL"]) == ("MENINGGAL", datetime(2024, 5, 1))
    assert (enok["STATUS_HIDUP"], enok["TANGGAL_MENINGGAL"]) == ("HIDUP", None)
    assert (enok["ALAMAT"], enok["RT"], enok["DESIL"]) == (None, None, None)  # empty, not ""
    sheet = load_workbook(out)[SHEET_NAME]
    dates = [c for c in sheet["F"][1:] + sheet["S"][1:] if c.value is not None]
    assert dates and all(c.is_date and c.number_format == "dd-mm-yyyy" for c in dates)


def test_identity_cells_are_text_cells_formatted_as_text(
    db: Database, families: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "k.xlsx"
    export(db, out)
    sheet = load_workbook(out)[SHEET_NAME]
    cells = [c for column in ("A", "B") for c in sheet[column][1:]]
    assert len(cells) == 20
    for cell in cells:
        assert cell.data_type == "s" and isinstance(cell.value, str) and len(cell.value) == 16
        assert cell.number_format == "@"
    assert sheet.column_dimensions["A"].number_format == "@"  # new rows typed below stay text too
    assert sheet.freeze_panes == "A2"


def test_numbers_typed_where_a_nik_belongs_are_written_as_text(tmp_path: Path) -> None:
    """A NIK a user typed into a spreadsheet may come back as a number: it is written as text."""
    out = tmp_path / "k.xlsx"
    row: list[object] = [None] * len(COLUMNS)
    row[0], row[1], row[2] = 3271010110150001, "3271014409900001", "Heni"
    assert caseload_workbook.write_caseload(out, [row]) == 1
    sheet = load_workbook(out)[SHEET_NAME]
    assert [(c.value, c.data_type) for c in sheet[2][:3]] == [
        ("3271010110150001", "s"),
        ("3271014409900001", "s"),
        ("Heni", "s"),
    ]


def test_texts_a_spreadsheet_would_run_stay_literal(db: Database, families: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "k.xlsx"
    export(db, out)
    rows = read_rows(out)
    guarded = [r for r in rows if r["ALAMAT"] == "=1+1"]
    assert len(guarded) == 4
    assert {r["NO_HP"] for r in guarded} == {"+6281234567890"}
    assert {r["PENDAMPING"] for r in guarded} == {"@pendamping"}
    assert {"-", "@x"} <= {r["NAMA"] for r in guarded}
    xml = sheet_xml(out)
    assert not has_formula(xml)
    sheet = load_workbook(out)[SHEET_NAME]
    found = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str) and c.value in GUARDED]
    assert {c.value for c in found} == set(GUARDED)
    for cell in found:
        assert cell.data_type == "s" and cell.quotePrefix  # stays text when edited, too
        assert f'<c r="{cell.coordinate}" ' in xml
        assert 't="inlineStr"' in xml.split(f'<c r="{cell.coordinate}" ', 1)[1].split(">", 1)[0]


def test_error_codes_and_control_characters_are_written_as_plain_text(tmp_path: Path) -> None:
    out = tmp_path / "k.xlsx"
    row: list[object] = [None] * len(COLUMNS)
    row[0], row[2], row[7], row[11] = '=HYPERLINK("http://x")', "Ana\x01Bela", "#N/A", "\tTab"
    caseload_workbook.write_caseload(out, [row])
    sheet = load_workbook(out)[SHEET_NAME]
    assert [sheet.cell(2, c).value for c in (1, 3, 8, 12)] == ['=HYPERLINK("http://x")', "AnaBela", "#N/A", "\tTab"]
    assert all(sheet.cell(2, c).data_type == "s" for c in (1, 3, 8, 12))
    assert not has_formula(sheet_xml(out))


@pytest.mark.parametrize(
    ("caseload_filter", "expected"),
    [
        (CaseloadFilter(kecamatan=OTHER_KECAMATAN), {"guarded"}),
        (CaseloadFilter(kelurahan=KELURAHAN), {"plain", "widow"}),
        (CaseloadFilter(text="asep hidayat"), {"plain", "guarded"}),
        (CaseloadFilter(text="ujang"), {"plain"}),
        (CaseloadFilter(text="odon"), {"widow"}),
        (CaseloadFilter(desil=1), {"plain", "guarded"}),
        (CaseloadFilter(component="anak_sd", on=date(2026, 11, 25)), {"plain", "guarded"}),
        (CaseloadFilter(component="lanjut_usia", on=date(2026, 11, 25)), {"widow"}),
        (CaseloadFilter(status="nonaktif"), set()),
    ],
)
def test_filters_restrict_the_families(
    db: Database, families: dict[str, str], tmp_path: Path, caseload_filter: CaseloadFilter, expected: set[str]
) -> None:
    out = tmp_path / "k.xlsx"
    result = export(db, out, caseload_filter)
    with db.read() as s:
        no_kk = {caseload.get_household(s, families[k]).no_kk: k for k in families}
    rows = read_rows(out)
    assert {no_kk[r["NO_KK"]] for r in rows} == expected
    assert result.families == len(expected) and result.rows == len(rows)
    if "plain" in expected:  # a filter on one member still exports the whole family
        assert sum(1 for r in rows if no_kk[r["NO_KK"]] == "plain") == 4


def test_facilitator_filter(db: Database, families: dict[str, str], tmp_path: Path) -> None:
    with db.read() as s:
        pendamping = caseload.get_household(s, families["guarded"]).facilitator_id
    out = tmp_path / "k.xlsx"
    assert export(db, out, CaseloadFilter(facilitator_id=pendamping)).families == 1


def test_progress_is_reported_in_rows(db: Database, families: dict[str, str], tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export(db, tmp_path / "k.xlsx", progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 10) and seen[-1] == (10, 10)


def _openpyxl_temp_files() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("openpyxl.*"))


def test_cancel_leaves_no_file_and_keeps_an_existing_one(
    db: Database, families: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(caseload_export, "CHUNK", 3)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "k.xlsx"
    before = _openpyxl_temp_files()
    token = CancelToken()

    def progress(done: int, _total: int) -> None:
        if done >= 3:  # cancel after the first chunk has been written
            token.cancel()

    with pytest.raises(CancelledError):
        export(db, out, progress=progress, token=token)
    assert list(folder.iterdir()) == []
    assert _openpyxl_temp_files() <= before

    out.write_bytes(b"earlier export")
    with pytest.raises(CancelledError):
        export(db, out, progress=progress, token=token)
    assert out.read_bytes() == b"earlier export"
    assert list(folder.iterdir()) == [out]


def test_a_failing_row_source_leaves_no_file(tmp_path: Path) -> None:
    def rows():
        yield ["3271010110150001"] + [None] * (len(COLUMNS) - 1)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        caseload_workbook.write_caseload(tmp_path / "k.xlsx", rows())
    assert list(tmp_path.iterdir()) == []


def test_unwritable_destinations_give_a_reason(tmp_path: Path) -> None:
    with pytest.raises(WorkbookWriteError, match="tidak ada"):
        caseload_workbook.write_caseload(tmp_path / "no-such-folder" / "k.xlsx", [])
    with pytest.raises(WorkbookWriteError, match="adalah folder"):
        caseload_workbook.write_caseload(tmp_path, [])


def test_an_empty_export_has_the_header(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "k.xlsx"
    assert export(db, out).families == 0
    assert read_rows(out) == []


# --- the template --------------------------------------------------------------------------------


def test_template_has_notes_validations_and_the_region(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "templat.xlsx"
    with db.read() as s:
        path, listed = caseload_export.write_template(s, out)
    assert path == out and listed > 60  # Kota Bogor has 68 kelurahan
    workbook = load_workbook(out)
    assert workbook.sheetnames == [SHEET_NAME, caseload_workbook.PLACES_SHEET]
    sheet = workbook[SHEET_NAME]
    assert [c.value for c in sheet[1]] == list(COLUMN_KEYS)
    assert sheet.max_row == 1 and sheet.freeze_panes == "A2"
    for cell, column in zip(sheet[1], COLUMNS, strict=True):
        assert cell.comment is not None and cell.comment.text.startswith(column.note)
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    letters = {c.key: cell.column_letter for c, cell in zip(COLUMNS, sheet[1], strict=True)}
    for column in COLUMNS:
        if column.choices:
            v = validations[f"{letters[column.key]}2"]
            assert v.type == "list" and v.formula1 == '"' + ",".join(column.choices) + '"'
    desil = validations[f"{letters['DESIL']}2"]
    assert (desil.type, desil.formula1, desil.formula2) == ("whole", "1", "10")
    assert validations[f"{letters['TANGGAL_LAHIR']}2"].type == "date"
    kelurahan = validations[f"{letters['KELURAHAN']}2"]
    assert kelurahan.type == "list" and kelurahan.formula1.endswith(f"Wilayah'!$B$2:$B${listed + 1}")
    for key in ("NO_KK", "NIK", "RT", "NO_HP"):
        assert sheet.column_dimensions[letters[key]].number_format == "@"
    places = list(workbook[caseload_workbook.PLACES_SHEET].iter_rows(values_only=True))
    assert places[0] == caseload_workbook.PLACES_HEADERS
    assert len(places) == listed + 1
    assert (KELURAHAN, "Batu Tulis", "Bogor Selatan") in places


def test_template_without_a_region_has_one_sheet(tmp_path: Path) -> None:
    out = caseload_workbook.write_template(tmp_path / "t.xlsx")
    workbook = load_workbook(out)
    assert workbook.sheetnames == [SHEET_NAME]
    assert not any("Wilayah" in str(v.formula1) for v in workbook[SHEET_NAME].data_validations.dataValidation)


def test_template_lists_only_the_given_places(tmp_path: Path) -> None:
    places = [Place("32.71.01.1001", "Batu Tulis", "Bogor Selatan"), Place("32.71.02.1001", "=Awas", "-")]
    out = caseload_workbook.write_template(tmp_path / "t.xlsx", places)
    rows = list(load_workbook(out)[caseload_workbook.PLACES_SHEET].iter_rows(values_only=True))
    assert rows[1:] == [tuple(p) for p in places]
    assert not has_formula(sheet_xml(out, 2))


def test_the_readme_documents_every_column() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Spreadsheet format (template)", 1)[1].split("\n## ", 1)[0]
    for number, column in enumerate(COLUMNS, 1):
        line = next(line for line in section.splitlines() if line.startswith(f"| {number} | `{column.key}` |"))
        for alias in column.aliases:
            assert alias in line, f"README: alias {alias} of {column.key}"
        for choice in column.choices:
            assert choice in line, f"README: value {choice} of {column.key}"
        assert ("| F |" in line) == column.family, f"README: family mark of {column.key}"
        assert line.rstrip().endswith("✓ |") == column.required, f"README: required mark of {column.key}"


def test_openpyxls_own_row_path_writes_the_same_cells(
    db: Database, families: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast value→cell step is an optimisation only: without it the cells are the same."""
    fast, generic = tmp_path / "fast.xlsx", tmp_path / "generic.xlsx"
    export(db, fast)
    monkeypatch.setattr(caseload_workbook._RowEncoder, "install", lambda _self: None)
    export(db, generic)

    def cells(path: Path) -> list[tuple]:
        sheet = load_workbook(path)[SHEET_NAME]
        return [
            (c.coordinate, c.value, c.data_type, c.number_format, c.quotePrefix)
            for row in sheet.iter_rows()
            for c in row
        ]

    assert cells(fast) == cells(generic)
    assert not has_formula(sheet_xml(generic))
