"""The audit export re-read with openpyxl: heading and filter text, frozen header, every column of an
entry, a new record's columns spelled out, guarded formula-like text, progress, cancel and the sheet
split of a very long trail."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from simoncer_desktop.models.enums import AuditAction, Role
from simoncer_desktop.reports.excel import audit_workbook
from simoncer_desktop.reports.excel.audit_workbook import COLUMNS, HEADER_ROW, write_audit_workbook
from simoncer_desktop.reports.safe_write import ReportWriteError
from simoncer_desktop.services import audit
from simoncer_desktop.services.audit import AuditFilter, AuditView
from simoncer_desktop.services.audit_labels import local_time
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.services.progress import CancelledError, CancelToken
from simoncer_desktop.store import Database

T0 = datetime(2020, 3, 1, 8, 0, 5)
MADE = datetime(2026, 11, 25, 14, 30)


def view(n: int = 0, **changes: object) -> AuditView:
    values: dict[str, object] = {
        "id": f"a-{n}",
        "at": T0 + timedelta(minutes=n),
        "user_name": "budi",
        "device_id": "laptop-2",
        "entity": "household",
        "entity_id": "hh-1",
        "action": AuditAction.UPDATE,
        "field": "address",
        "old_value": "Jl. Melati 5",
        "new_value": "Jl. Mawar 7",
        "note": "pindah alamat",
        "household_id": "hh-1",
        "household_no_kk": "3271011503150001",
    }
    values.update(changes)
    return AuditView(**values)  # type: ignore[arg-type]


def rows_of(path: Path, sheet: str = "Jejak Audit") -> list[tuple[object, ...]]:
    workbook = load_workbook(path)
    return [tuple(r) for r in workbook[sheet].iter_rows(values_only=True)]


def test_heading_header_and_every_column(tmp_path: Path) -> None:
    path = tmp_path / "audit.xlsx"
    created = view(
        1,
        action=AuditAction.CREATE,
        field="",
        old_value=None,
        new_value={"no_kk": "3271011503150001", "desil_date": "2026-01-05", "prog_kis": True, "status": "aktif"},
        note="",
    )
    deleted = view(2, entity="member", entity_id="m-1", action=AuditAction.DELETE, field="", old_value=None,
                   new_value=None, note="", household_no_kk=None)  # fmt: skip
    written = write_audit_workbook(
        [deleted, created, view(0)], path, "Pengguna: budi · Data: Keluarga", generated_at=MADE
    )
    assert written == 3
    workbook = load_workbook(path)
    sheet = workbook["Jejak Audit"]
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet["A1"].value == "JEJAK AUDIT — RIWAYAT PERUBAHAN DATA"
    assert sheet["A2"].value == "Filter: Pengguna: budi · Data: Keluarga"
    assert sheet["A3"].value == "Dibuat: 25-11-2026 14:30 (waktu perangkat)"
    header = [c.value for c in sheet[HEADER_ROW]]
    assert header == [
        "Waktu", "Pengguna", "Perangkat", "Data", "ID", "Keluarga", "Aksi", "Kolom", "Nilai lama", "Nilai baru",
        "Catatan",
    ]  # fmt: skip
    assert [title for title, _ in COLUMNS] == header
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:K{HEADER_ROW + 3}"
    data = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    assert data[0] == (
        local_time(deleted.at), "budi", "laptop-2", "Anggota", "m-1", "hh-1", "Hapus", None, None, None, None,
    )  # fmt: skip
    assert data[1] == (
        local_time(created.at), "budi", "laptop-2", "Keluarga", "hh-1", "3271011503150001", "Buat", "(semua kolom)",
        None, "No. KK: 3271011503150001; Tanggal desil: 05-01-2026; Status: Aktif; KIS: Ya", None,
    )  # fmt: skip
    assert data[2] == (
        local_time(view(0).at), "budi", "laptop-2", "Keluarga", "hh-1", "3271011503150001", "Ubah", "Alamat",
        "Jl. Melati 5", "Jl. Mawar 7", "pindah alamat",
    )  # fmt: skip
    assert sheet.cell(HEADER_ROW + 1, 1).number_format == "DD-MM-YYYY HH:MM:SS"


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "audit.xlsx"
    write_audit_workbook([view(0, new_value='=HYPERLINK("x")', note="+62 812")], path, "")
    (row,) = rows_of(path)[HEADER_ROW:]
    assert row[9] == '=HYPERLINK("x")' and row[10] == "+62 812"
    cell = load_workbook(path)["Jejak Audit"].cell(HEADER_ROW + 1, 10)
    assert cell.data_type == "s" and cell.quotePrefix


def test_empty_export_says_so(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    assert write_audit_workbook([], path, "") == 0
    rows = rows_of(path)
    assert rows[1][0] == "Filter: semua entri"
    assert rows[HEADER_ROW][0] == "Tidak ada entri yang cocok dengan filter ini."


def test_progress_and_cancel_leave_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_workbook, "PROGRESS_EVERY", 2)
    seen: list[tuple[int, int]] = []
    path = tmp_path / "audit.xlsx"
    write_audit_workbook([view(n) for n in range(5)], path, "", lambda d, t: seen.append((d, t)), total=5)
    assert seen == [(2, 5), (4, 5), (5, 5)]
    before = path.read_bytes()
    token = CancelToken()

    def rows() -> object:
        for n in range(10):
            if n == 3:
                token.cancel()
            yield view(n)

    with pytest.raises(CancelledError):
        write_audit_workbook(rows(), path, "", cancel=token)  # type: ignore[arg-type]
    assert path.read_bytes() == before  # the earlier file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.xlsx"]  # no temporary file left
    with pytest.raises(ReportWriteError, match="tidak ada"):
        write_audit_workbook([view()], tmp_path / "hilang" / "audit.xlsx", "")


def test_a_long_trail_continues_on_a_second_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_workbook, "MAX_SHEET_ROWS", HEADER_ROW + 3)
    path = tmp_path / "audit.xlsx"
    assert write_audit_workbook([view(n) for n in range(5)], path, "x") == 5
    assert load_workbook(path).sheetnames == ["Jejak Audit", "Jejak Audit (2)"]
    assert [r[1] for r in rows_of(path)[HEADER_ROW:]] == ["budi"] * 3
    second = rows_of(path, "Jejak Audit (2)")
    assert second[HEADER_ROW - 1][0] == "Waktu"
    assert len(second[HEADER_ROW:]) == 2


def test_export_from_the_database(db: Database, tmp_path: Path) -> None:
    """The rows as ``export_rows`` gives them, newest first, straight into the workbook."""
    db.sign_in(Identity("u-1", "admin.uji", "Admin", Role.ADMIN, "*"))
    with db.transaction() as s:
        audit.record(s, "ani", "d1", "setting", "s-1", "ubah", {"value": ("5", "6")}, at=T0, note="n1")
        audit.record(s, "ani", "d1", "app_user", "u-2", "ubah", {"role": ("operator", "admin")}, at=T0 + timedelta(1))
    path = tmp_path / "audit.xlsx"
    chosen = AuditFilter(user="ani")
    with db.read() as s:
        assert write_audit_workbook(audit.export_rows(s, chosen), path, "Pengguna: ani", total=2) == 2
    data = rows_of(path)[HEADER_ROW:]
    assert [(r[3], r[7], r[8], r[9]) for r in data] == [
        ("Pengguna", "Peran", "Operator", "Administrator"),
        ("Pengaturan", "Nilai", "5", "6"),
    ]
