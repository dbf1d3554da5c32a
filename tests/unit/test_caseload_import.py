"""Caseload import: the family is the unit, re-import changes nothing, and every real-world spreadsheet
fault gets a precise message (or a safe, reported fix). Every test builds its own file."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select, text

from simoncer_desktop.models.facilitator import Facilitator
from simoncer_desktop.models.household import Household, Member
from simoncer_desktop.services import caseload, caseload_import, import_write
from simoncer_desktop.services.caseload_import import ImportPlan, Outcome, import_caseload, plan_import
from simoncer_desktop.services.progress import CancelledError, CancelToken
from simoncer_desktop.services.sheet_reader import SheetFileError
from simoncer_desktop.store import Database
from tests.factories import family
from tests.sheets import Row, families_rows, family_rows, write_csv, write_xlsx

TODAY = date(2026, 11, 25)


def run(db: Database, path: Path, dry_run: bool = False) -> ImportPlan:
    with db.transaction() as s:
        plan, _ = import_caseload(s, path, dry_run=dry_run, today=TODAY)
    return plan


def counts(plan: ImportPlan) -> tuple[int, int, int, int]:
    c = plan.counts
    return c[Outcome.NEW], c[Outcome.UPDATED], c[Outcome.UNCHANGED], c[Outcome.REJECTED]


def dump(db: Database) -> list[tuple]:
    with db.read() as s:
        rows = list(s.execute(text("SELECT * FROM household ORDER BY id")))
        rows += list(s.execute(text("SELECT * FROM member ORDER BY id")))
        rows += list(s.execute(text("SELECT * FROM facilitator ORDER BY id")))
    return rows


def remarks_of(plan: ImportPlan, row: int) -> str:
    return " | ".join(plan.row_remarks().get(row, []))


def family_of(plan: ImportPlan, row: int) -> caseload_import.FamilyPlan:
    return next(f for f in plan.families if row in f.rows)


# --- the normal path -------------------------------------------------------------------------


def test_new_families_are_stored_with_their_members(db: Database, tmp_path: Path) -> None:
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", families_rows(1, 2, 3)))
    assert counts(plan) == (3, 0, 0, 0)
    assert plan.new_facilitators == ["Rina Marlina"]
    hh_input, members = family(2)
    with db.read() as s:
        hh_id = s.scalar(select(Household.id).where(Household.no_kk == hh_input.no_kk))
        detail = caseload.get_household(s, hh_id)
        assert s.scalar(select(func.count()).select_from(Facilitator)) == 1
    assert detail.kelurahan_code == hh_input.kelurahan_code
    assert (detail.address, detail.rt, detail.rw, detail.desil) == ("Jl. Melati No. 5", "003", "007", 1)
    assert detail.facilitator_name == "Rina Marlina"
    stored = {m.nik: m for m in detail.members}
    for m in members:
        got = stored[m.nik]
        assert (got.name, got.birth_date, got.sex, got.relation) == (m.name, m.birth_date, m.sex, m.relation)
        assert (got.is_recipient, got.education, got.in_school) == (m.is_recipient, m.education, m.in_school)
    assert detail.recipient is not None and detail.recipient.name == "Siti Nurhaliza"


def test_reimporting_the_same_file_changes_nothing(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", families_rows(1, 2, 3))
    run(db, path)
    before = dump(db)
    plan = run(db, path)
    assert counts(plan) == (0, 0, 3, 0)
    assert dump(db) == before


def test_a_newer_file_updates_families_by_no_kk_and_members_by_nik(db: Database, tmp_path: Path) -> None:
    run(db, write_xlsx(tmp_path / "old.xlsx", families_rows(1, 2)))
    rows = families_rows(1, 2)
    for row in rows[:4]:
        row["ALAMAT"] = "Jl. Kenanga No. 9"
    rows[2]["NAMA"] = "Dede Rahmawati Putri"
    newborn = dict(rows[3], NIK="3271010102260001", NAMA="Bayi Baru", TANGGAL_LAHIR="01-02-2026", PENDIDIKAN="")
    newborn["SEKOLAH"] = "T"
    rows.insert(4, newborn)
    plan = run(db, write_xlsx(tmp_path / "new.xlsx", rows))
    assert counts(plan) == (0, 1, 1, 0)
    changed = family_of(plan, 2)
    assert "ALAMAT 'Jl. Melati No. 5' → 'Jl. Kenanga No. 9'" in changed.changes
    assert any("NAMA 'Dédé Rahmawati' → 'Dede Rahmawati Putri'" in c for c in changed.changes)
    assert any("anggota baru Bayi Baru" in c for c in changed.changes)
    assert "Diperbarui:" in remarks_of(plan, 2)
    with db.read() as s:
        hh_id = s.scalar(select(Household.id).where(Household.no_kk == rows[0]["NO_KK"]))
        detail = caseload.get_household(s, hh_id)
    assert detail.address == "Jl. Kenanga No. 9"
    assert {m.name for m in detail.members} >= {"Dede Rahmawati Putri", "Bayi Baru"}
    assert len(detail.members) == 5


def test_members_missing_from_the_file_are_kept(db: Database, tmp_path: Path) -> None:
    run(db, write_xlsx(tmp_path / "old.xlsx", families_rows(1)))
    plan = run(db, write_xlsx(tmp_path / "partial.xlsx", families_rows(1)[:2]))
    assert counts(plan) == (0, 0, 1, 0)
    assert any("tetap disimpan" in note for note in plan.notes)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Member).where(Member.deleted.is_(False))) == 4


def test_a_member_moves_to_a_family_of_the_same_file(db: Database, tmp_path: Path) -> None:
    run(db, write_xlsx(tmp_path / "old.xlsx", families_rows(1, 2)))
    rows = families_rows(1, 2)
    child = rows.pop(3)  # the toddler of family 1 now lives in family 2
    rows.append(dict(child, NO_KK=rows[4]["NO_KK"]))
    plan = run(db, write_xlsx(tmp_path / "moved.xlsx", rows))
    assert counts(plan) == (0, 1, 1, 0)
    with db.read() as s:
        no_kk = s.scalar(
            select(Household.no_kk).join(Member, Member.household_id == Household.id).where(Member.nik == child["NIK"])
        )
    assert no_kk == rows[4]["NO_KK"]


def test_dry_run_writes_nothing(db: Database, tmp_path: Path) -> None:
    before = dump(db)
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", families_rows(1, 2)), dry_run=True)
    assert counts(plan) == (2, 0, 0, 0)
    assert dump(db) == before


# --- the family is the unit ------------------------------------------------------------------


def test_a_family_with_one_bad_row_is_rejected_whole_and_the_rest_imported(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2, 3)
    rows[5]["TANGGAL_LAHIR"] = "31-02-1982"  # family 2, second row (spreadsheet row 7)
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (2, 0, 0, 1)
    assert "Baris 7, kolom TANGGAL_LAHIR ('31-02-1982'): Tanggal lahir: tanggal 31-02-1982 tidak ada" in remarks_of(
        plan, 7
    )
    assert "ditolak" in remarks_of(plan, 6)
    with db.read() as s:
        stored = set(s.scalars(select(Household.no_kk)))
    assert stored == {rows[0]["NO_KK"], rows[8]["NO_KK"]}


def test_report_lists_every_problem_per_row_and_a_summary(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2)
    rows[1]["JENIS_KELAMIN"] = "X"
    rows[1]["TANGGAL_LAHIR"] = "kemarin"
    source = write_xlsx(tmp_path / "a.xlsx", rows)
    plan = run(db, source)
    report = caseload_import.write_report(plan, source, tmp_path / "laporan.xlsx")
    wb = openpyxl.load_workbook(report)
    sheet = wb["Anggota"]
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["HASIL", "KETERANGAN"]
    row3 = [c.value for c in sheet[3]]
    assert row3[1] == rows[1]["NIK"]
    assert row3[-2] == "ditolak"
    assert "kolom JENIS_KELAMIN ('X'): Jenis kelamin: 'X' tidak dikenal" in row3[-1]
    assert "kolom TANGGAL_LAHIR ('kemarin'): Tanggal lahir: 'kemarin' bukan tanggal" in row3[-1]
    assert [c.value for c in sheet[7]][-2] == "baru"
    summary = [r[0] for r in wb["Ringkasan"].iter_rows(values_only=True) if r and r[0]]
    assert "Keluarga baru: 1" in summary and "Keluarga ditolak: 1" in summary


# --- identity numbers ------------------------------------------------------------------------


def test_nik_typed_as_a_number_that_lost_its_last_digit_is_refused(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1)
    truncated = int(str(rows[1]["NIK"])[:15] + "0")  # what Excel keeps of a 16-digit number
    rows[1]["NIK"] = float(truncated)
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (0, 0, 0, 1)
    message = remarks_of(plan, 3)
    assert "Excel hanya menyimpan 15 digit" in message and "Format kolom NIK sebagai Teks" in message
    assert str(truncated) in message


def test_no_kk_typed_as_a_number_is_refused_too(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1)
    for row in rows:
        row["NO_KK"] = float(str(row["NO_KK"])[:15] + "0")
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (0, 0, 0, 4)
    assert "Format kolom No. KK sebagai Teks" in remarks_of(plan, 2)


def test_quotes_spaces_dots_and_point_zero_are_fixed_and_reported(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1)
    nik = [str(r["NIK"]) for r in rows]
    rows[0]["NIK"] = "'" + nik[0]
    rows[1]["NIK"] = f"{nik[1][:6]} {nik[1][6:12]} {nik[1][12:]}"
    rows[2]["NIK"] = f"{nik[2][:2]}.{nik[2][2:4]}.{nik[2][4:]}"
    rows[3]["NIK"] = nik[3] + ".0"
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (1, 0, 0, 0)
    for row_number, original in zip((2, 3, 4, 5), nik, strict=True):
        assert f"dibaca sebagai {original}" in remarks_of(plan, row_number)
    with db.read() as s:
        assert set(s.scalars(select(Member.nik))) == set(nik)


def test_scientific_notation_from_a_csv_is_refused(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1)
    rows[2]["NIK"] = "3.27101E+15"
    plan = run(db, write_csv(tmp_path / "a.csv", rows))
    assert counts(plan) == (0, 0, 0, 1)
    assert "notasi ilmiah (3.27101E+15)" in remarks_of(plan, 4)


def test_nik_that_disagrees_with_birth_date_or_sex(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2)
    rows[0]["JENIS_KELAMIN"] = "L"  # the mother's NIK says female
    rows[4]["TANGGAL_LAHIR"] = "02-06-1985"
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (0, 0, 0, 2)
    assert "menandakan perempuan" in remarks_of(plan, 2)
    assert "kolom NIK" in remarks_of(plan, 6) and "tanggal lahir" in remarks_of(plan, 6).lower()


def test_duplicate_nik_inside_the_file_rejects_both_families(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2, 3)
    rows[7] = dict(rows[7], NIK=rows[3]["NIK"], TANGGAL_LAHIR=rows[3]["TANGGAL_LAHIR"])
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (1, 0, 0, 2)
    assert f"juga ada di baris 9 (No. KK {rows[7]['NO_KK']})" in remarks_of(plan, 5)
    assert f"juga ada di baris 5 (No. KK {rows[3]['NO_KK']})" in remarks_of(plan, 9)


def test_nik_already_in_another_stored_family_names_it(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        caseload.create_household(s, *family(1))
    rows = families_rows(2)
    rows[1] = dict(rows[1], NIK=family(1)[1][1].nik, TANGGAL_LAHIR="10-02-1982")
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (0, 0, 0, 1)
    message = remarks_of(plan, 3)
    assert f"sudah terdaftar atas nama Ujang Supriatna di keluarga No. KK {family(1)[0].no_kk}" in message
    assert "pengurus: Siti Nurhaliza" in message


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [date(1985, 6, 1), 31199.0, "01-06-1985", "01/06/1985", "1985-06-01", "1-6-1985"],
    ids=["date cell", "excel serial", "dd-mm-yyyy", "dd/mm/yyyy", "yyyy-mm-dd", "d-m-yyyy"],
)
def test_every_date_spelling_is_read(db: Database, tmp_path: Path, written: object) -> None:
    rows = families_rows(1)
    rows[0]["TANGGAL_LAHIR"] = written
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (1, 0, 0, 0), plan.first_problems()
    with db.read() as s:
        assert s.scalar(select(Member.birth_date).where(Member.nik == rows[0]["NIK"])) == date(1985, 6, 1)


def test_impossible_and_future_dates_are_refused(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2)
    rows[0]["TANGGAL_LAHIR"] = "30-02-1985"
    rows[4]["TANGGAL_LAHIR"] = "01-06-2030"
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (0, 0, 0, 2)
    assert "tanggal 30-02-1985 tidak ada di kalender" in remarks_of(plan, 2)
    assert "01-06-2030 ada di masa depan" in remarks_of(plan, 6)


# --- layout faults ---------------------------------------------------------------------------


def test_blank_rows_title_rows_trailing_columns_and_aliases(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2)
    aliases = {"NO_KK": "No. KK", "NAMA": "Nama Lengkap", "TANGGAL_LAHIR": "Tgl Lahir", "JENIS_KELAMIN": "JK"}
    header = [aliases.get(k, k) for k in rows[0]] + ["Catatan", None, None]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data KPM"
    ws.append(["DATA KPM PKH KELURAHAN BABAKAN"])
    ws.append([])
    ws.append(header)
    for i, row in enumerate(rows):
        ws.append([*row.values(), "catatan", None, None])
        if i == 2:
            ws.append([None] * 5)
    path = tmp_path / "alias.xlsx"
    wb.save(path)
    plan = run(db, path)
    assert counts(plan) == (2, 0, 0, 0), plan.first_problems()
    assert plan.header_row == 3 and plan.blank_rows >= 1
    assert plan.ignored_columns == ("Catatan",)


def test_formula_cells_use_their_result_or_are_refused(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2)
    rows[5]["NAMA"] = '=UPPER("x")'  # no stored result: openpyxl never calculates
    path = write_xlsx(tmp_path / "f.xlsx", rows)
    _add_formula_with_result(path, "C2", "Siti Nurhaliza")
    plan = run(db, path)
    assert counts(plan) == (1, 0, 0, 1)
    assert "rumus" in remarks_of(plan, 2) and "Siti Nurhaliza" in remarks_of(plan, 2)
    assert "kolom NAMA: sel berisi rumus tanpa hasil tersimpan" in remarks_of(plan, 7)


def _add_formula_with_result(path: Path, ref: str, result: str) -> None:
    """Turn a text cell into a formula whose last calculated result is ``result`` (as Excel saves it)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    pattern = re.compile(rf'<c r="{ref}"[^>]*>.*?</c>')
    assert pattern.search(xml)
    xml = pattern.sub(f'<c r="{ref}" t="str"><f>PROPER("{result}")</f><v>{result}</v></c>', xml, count=1)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_kelurahan_by_name_with_kecamatan_and_suggestions(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2)
    for row in rows[:4]:
        row["KODE_KELURAHAN"] = None
        row["KELURAHAN"] = "Mulyaharja"
        row["KECAMATAN"] = "Bogor Selatan"
    for row in rows[4:]:
        row["KODE_KELURAHAN"] = None
        row["KELURAHAN"] = "Mulyaharjo"
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (1, 0, 0, 1)
    message = remarks_of(plan, 6)
    assert "kelurahan 'Mulyaharjo' tidak ditemukan di Kota Bogor; mungkin maksudnya: Mulya Harja" in message


def test_unknown_kelurahan_code(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1)
    for row in rows:
        row["KODE_KELURAHAN"] = "32.71.01.9999"
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert "kode kelurahan 32.71.01.9999 tidak ada di Kota Bogor" in remarks_of(plan, 2)


def test_family_without_recipient_or_with_two(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2)
    rows[0]["PENGURUS"] = "T"
    rows[5]["PENGURUS"] = "Y"
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (0, 0, 0, 2)
    assert "keluarga tanpa pengurus" in remarks_of(plan, 2)
    assert "keluarga punya 2 pengurus (baris 6, 7)" in remarks_of(plan, 6)


def test_family_fields_that_disagree_between_rows(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1)
    rows[2]["ALAMAT"] = "Jl. Lain No. 1"
    rows[3]["ALAMAT"] = None  # empty on a member row is fine
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (0, 0, 0, 1)
    assert "kolom ALAMAT ('Jl. Lain No. 1'): berbeda dengan baris 2 ('Jl. Melati No. 5')" in remarks_of(plan, 4)


def test_csv_with_semicolons_in_windows_1252(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1, 2)
    rows[0]["NAMA"] = "Siti Nurhalizá"
    plan = run(db, write_csv(tmp_path / "a.csv", rows, delimiter=";", encoding="cp1252"))
    assert counts(plan) == (2, 0, 0, 0), plan.first_problems()
    assert any("Windows-1252" in note for note in plan.notes)
    with db.read() as s:
        assert s.scalar(select(Member.name).where(Member.nik == rows[0]["NIK"])) == "Siti Nurhalizá"


def test_csv_with_commas_in_utf8_with_bom(db: Database, tmp_path: Path) -> None:
    plan = run(db, write_csv(tmp_path / "a.csv", families_rows(1), encoding="utf-8-sig"))
    assert counts(plan) == (1, 0, 0, 0), plan.first_problems()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kosong.xlsx", b"", "kosong (0 byte)"),
        ("foto.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "bukan berkas .xlsx yang sah"),
        ("dokumen.pdf", b"%PDF-1.4 hello", "bukan spreadsheet: gunakan .xlsx atau .csv"),
        ("biner.csv", b"NO_KK,NIK\x00\x01\x02", "bukan teks CSV"),
        (
            "rahasia.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptionInfo".encode("utf-16-le"),
            "dilindungi kata sandi",
        ),
        ("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Excel lama (.xls)"),
    ],
)
def test_files_that_are_not_usable_spreadsheets(
    db: Database, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = dump(db)
    with db.read() as s, pytest.raises(SheetFileError, match=re.escape(message)):
        plan_import(s, path)
    assert dump(db) == before


def test_empty_sheet_and_unrecognisable_header(db: Database, tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    other = write_xlsx(tmp_path / "other.xlsx", [{"A": 1}] * 3, header=["Barang", "Jumlah", "Harga"])
    missing = write_xlsx(tmp_path / "missing.xlsx", families_rows(1), header=["NO_KK", "NIK", "NAMA", "ALAMAT"])
    with db.read() as s:
        with pytest.raises(SheetFileError, match="kosong"):
            plan_import(s, empty)
        with pytest.raises(SheetFileError, match="Judul kolom tidak dikenali"):
            plan_import(s, other)
        with pytest.raises(SheetFileError, match="tidak memuat kolom wajib: HUBUNGAN, JENIS_KELAMIN, TANGGAL_LAHIR"):
            plan_import(s, missing)


# --- cancel ----------------------------------------------------------------------------------


def test_cancel_during_apply_leaves_the_database_exactly_as_before(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(db, write_xlsx(tmp_path / "first.xlsx", families_rows(1)))
    before = dump(db)
    rows: list[Row] = families_rows(*range(2, 40))
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done and done < total:
            token.cancel()

    monkeypatch.setattr(import_write, "WRITE_CHUNK", 20)
    with pytest.raises(CancelledError), db.transaction() as s:
        plan = plan_import(s, write_xlsx(tmp_path / "many.xlsx", rows), today=TODAY)
        caseload_import.apply_import(s, plan, progress, token)
    assert token.cancelled
    assert dump(db) == before
    with db.read() as s:  # the triggers' switch was rolled back too
        assert s.scalar(text("SELECT count(*) FROM app_state WHERE key = 'bulk_load'")) == 0


def test_summaries_and_search_index_are_right_after_a_bulk_import(db: Database, tmp_path: Path) -> None:
    from simoncer_desktop.services import search_index
    from simoncer_desktop.services.caseload_query import CaseloadFilter, count, search_keys

    run(db, write_xlsx(tmp_path / "old.xlsx", families_rows(1, 2)))
    rows = families_rows(1, 2)
    child = rows.pop(3)  # moves from family 1 to family 2
    rows.append(dict(child, NO_KK=rows[4]["NO_KK"]))
    rows[0]["NAMA"] = "Siti Nurjanah"  # the pengurus of family 1 is renamed
    run(db, write_xlsx(tmp_path / "new.xlsx", rows))
    with db.read() as s:
        assert search_index.is_consistent(s)
        summary = dict(
            s.execute(select(Household.no_kk, Household.member_count).where(Household.deleted.is_(False))).all()
        )
        assert summary == {rows[0]["NO_KK"]: 3, rows[4]["NO_KK"]: 5}
        assert s.scalar(select(Household.recipient_name).where(Household.no_kk == rows[0]["NO_KK"])) == "Siti Nurjanah"
        assert count(s, CaseloadFilter(text="nurjanah")) == 1
        assert count(s, CaseloadFilter(text=str(child["NIK"]))) == 1
        assert len(search_keys(s, CaseloadFilter(text="nurhaliza"))) == 1  # family 2's pengurus only
        # the triggers are on again for ordinary edits
        assert s.scalar(text("SELECT count(*) FROM app_state WHERE key = 'bulk_load'")) == 0


def test_a_kelurahan_name_in_two_kecamatan_needs_the_kecamatan(db: Database, tmp_path: Path) -> None:
    from simoncer_desktop.services.settings import REGION_CODE, set_setting

    with db.transaction() as s:  # Kabupaten Bogor has a desa Cibinong in Cibinong and in Gunungsindur
        set_setting(s, REGION_CODE, "32.01")
    rows = family_rows(*family(1, kelurahan="32.01.01.1001"))
    rows += family_rows(*family(2, kelurahan="32.01.01.1001"))
    for row in rows:
        row["KODE_KELURAHAN"] = None
        row["KELURAHAN"] = "Cibinong"
    for row in rows[4:]:
        row["KECAMATAN"] = "Gunung Sindur"
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert counts(plan) == (1, 0, 0, 1)
    assert "kelurahan 'Cibinong' ada di beberapa kecamatan: Cibinong (32.01.01.1006), Gunungsindur (32.01.11.2008)" in (
        remarks_of(plan, 2)
    )
    with db.read() as s:
        assert s.scalar(select(Household.kelurahan_code)) == "32.01.11.2008"


def test_a_long_list_of_new_pendamping_is_shortened_in_the_summary() -> None:
    plan = ImportPlan("a.xlsx", "Anggota", 1, new_facilitators=[f"Pendamping {i:02d}" for i in range(12)])
    line = next(line for line in plan.summary_lines() if line.startswith("Pendamping baru"))
    assert line == "Pendamping baru: " + ", ".join(f"Pendamping {i:02d}" for i in range(10)) + " dan 2 lainnya"


def test_a_refused_nik_is_explained_once(db: Database, tmp_path: Path) -> None:
    rows = families_rows(1)
    rows[1]["NIK"] = float(str(rows[1]["NIK"])[:15] + "0")
    rows[2]["NIK"] = None
    plan = run(db, write_xlsx(tmp_path / "a.xlsx", rows))
    assert len([p for p in plan.problems() if p.row == 3]) == 1
    assert [p.message for p in plan.problems() if p.row == 4] == ["NIK wajib diisi (16 digit)"]
