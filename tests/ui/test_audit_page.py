"""The *Jejak Audit* page with a real database: filters, paging as the view scrolls, the detail pane,
the export (inline and threaded with *Batal*) and the refusal for roles that may not read the trail."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from simoncer_desktop.models.enums import AuditAction, Role
from simoncer_desktop.reports.excel import audit_workbook
from simoncer_desktop.services import audit
from simoncer_desktop.services.audit_labels import local_time
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.audit_model import Column
from simoncer_desktop.ui.pages.audit_page import AuditPage
from simoncer_desktop.ui.tasks import TaskRunner
from simoncer_desktop.ui.widgets.form import select_value
from simoncer_desktop.ui.widgets.table import select_row

T0 = datetime(2020, 3, 1, 8, 0)


def sign_in(db: Database, role: Role = Role.ADMIN, scope: str = "*") -> None:
    db.sign_in(Identity(f"u-{role.value}", f"{role.value}.uji", "Uji", role, scope))


def seed(db: Database, extra: int = 0) -> None:
    with db.transaction() as s:
        audit.record(
            s, "ani", "laptop-1", "household", "hh-1", "buat",
            {"": (None, {"no_kk": "3271011234560001", "address": "Jl. Melati 5"})}, at=T0, household_id="hh-1",
        )  # fmt: skip
        audit.record(
            s, "budi", "laptop-2", "household", "hh-1", AuditAction.UPDATE,
            {"address": ("Jl. Melati 5", "Jl. Mawar 7")}, note="pindah", at=T0 + timedelta(days=1),
            household_id="hh-1",
        )  # fmt: skip
        audit.record(
            s, "budi", "laptop-2", "member", "m-1", AuditAction.DELETE, {}, at=T0 + timedelta(days=2),
            household_id="hh-1",
        )  # fmt: skip
        for n in range(extra):
            audit.record(s, "citra", "laptop-3", "setting", f"s-{n}", "ubah", {"value": (n, n + 1)},
                         at=T0 + timedelta(days=3, seconds=n))  # fmt: skip


@pytest.fixture
def make_page(qtbot: QtBot, db: Database) -> Iterator[object]:
    def make(tasks: TaskRunner | None = None) -> AuditPage:
        page = AuditPage(db, tasks or TaskRunner(inline=True))
        qtbot.addWidget(page)
        page.resize(1300, 700)
        page.show()
        qtbot.waitExposed(page)
        return page

    yield make


def only_seeded(page: AuditPage) -> None:
    """Narrow to the seeded days (the fixtures' own set-up may have left entries of today)."""
    page.since_edit.set_value(local_time(T0).date())
    page.until_edit.set_value(local_time(T0 + timedelta(days=5)).date())
    page.apply()


def shown(page: AuditPage, column: Column) -> list[str]:
    model = page.model
    return [model.data(model.index(r, page.model.columns.index(column))) for r in range(model.rowCount())]


def test_filters(make_page: object, db: Database) -> None:
    sign_in(db)
    seed(db)
    page: AuditPage = make_page()  # type: ignore[operator]
    assert page.count_label.text()  # loaded when first shown
    assert {"ani", "budi"} <= {page.user_combo.itemText(i) for i in range(page.user_combo.count())}
    only_seeded(page)
    assert page.model.total == 3
    assert page.count_label.text() == "3 entri, terbaru di atas"
    assert shown(page, Column.ACTION) == ["Hapus", "Ubah", "Buat"]
    assert shown(page, Column.ENTITY) == ["Anggota", "Keluarga", "Keluarga"]
    assert shown(page, Column.NEW)[2] == "No. KK: 3271011234560001; Alamat: Jl. Melati 5"

    select_value(page.entity_combo, "household")  # applies at once
    assert shown(page, Column.FIELD) == ["Alamat", "(semua kolom)"]
    select_value(page.action_combo, AuditAction.UPDATE.value)
    assert shown(page, Column.OLD) == ["Jl. Melati 5"]
    page.reset_filters()
    only_seeded(page)
    assert page.model.total == 3

    page.user_combo.setEditText("BUDI")
    page.apply()
    assert shown(page, Column.USER) == ["budi", "budi"]
    page.user_combo.setEditText("")
    page.text_edit.setText("mawar")
    page.apply()
    assert shown(page, Column.NOTE) == ["pindah"]
    assert page.filter_description().endswith("Teks: “mawar”")
    page.text_edit.clear()
    page.until_edit.set_value(local_time(T0).date())  # one day: the creation only
    page.apply()
    assert shown(page, Column.ACTION) == ["Buat"]
    assert "Dari" in page.filter_description() and "Sampai" in page.filter_description()


def test_dates_apply_after_a_pause(make_page: object, db: Database, qtbot: QtBot) -> None:
    sign_in(db)
    seed(db)
    page: AuditPage = make_page()  # type: ignore[operator]
    page.since_edit.set_value(local_time(T0).date())
    page.until_edit.set_value(local_time(T0).date())
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)


def test_detail_pane_and_tooltip_show_everything(make_page: object, db: Database) -> None:
    sign_in(db)
    seed(db)
    page: AuditPage = make_page()  # type: ignore[operator]
    only_seeded(page)
    select_row(page.view, 2)  # the creation
    text = page.detail.toPlainText()
    assert "Aksi: Buat" in text and "Pengguna: ani" in text and "Perangkat: laptop-1" in text
    assert "Nilai baru: \n  No. KK: 3271011234560001\n  Alamat: Jl. Melati 5" in text
    select_row(page.view, 1)
    text = page.detail.toPlainText()
    assert "Nilai lama: Jl. Melati 5" in text and "Nilai baru: Jl. Mawar 7" in text and "Catatan: pindah" in text
    tooltip = page.model.data(page.model.index(1, 0), 3)  # ToolTipRole
    assert "Nilai baru: Jl. Mawar 7" in tooltip


def test_pages_of_500_as_the_view_scrolls(make_page: object, db: Database, qtbot: QtBot) -> None:
    sign_in(db)
    seed(db, extra=1100)
    page: AuditPage = make_page()  # type: ignore[operator]
    only_seeded(page)
    assert page.model.total == 1103
    assert page.model.rowCount() == 500
    assert page.model.canFetchMore()
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1000, timeout=3000)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == 1103
    assert shown(page, Column.ACTION)[-1] == "Buat"  # the oldest last
    ids = [e.id for e in page.model.entries]
    assert len(set(ids)) == 1103


def test_export_writes_the_filtered_entries(
    make_page: object, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(db)
    seed(db)
    page: AuditPage = make_page()  # type: ignore[operator]
    only_seeded(page)
    select_value(page.entity_combo, "household")
    target = tmp_path / "jejak.xlsx"
    asked: list[str] = []
    monkeypatch.setattr(page, "ask_path", lambda suggested: asked.append(suggested) or str(target))
    assert page.export_button.isEnabled()
    page.export()
    assert asked[0].startswith("Jejak-Audit-") and asked[0].endswith(".xlsx")
    assert page.last_file == target
    assert page.info_label.isVisible() and "2 entri" in page.info_label.text()
    sheet = load_workbook(target)["Jejak Audit"]
    assert sheet["A2"].value == f"Filter: {page.filter_description()}"
    assert "Data: Keluarga" in sheet["A2"].value
    rows = [tuple(c.value for c in r) for r in sheet.iter_rows(min_row=audit_workbook.HEADER_ROW + 1)]
    assert [(r[1], r[6], r[7]) for r in rows] == [("budi", "Ubah", "Alamat"), ("ani", "Buat", "(semua kolom)")]


def test_export_can_be_cancelled(
    qtbot: QtBot, make_page: object, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in(db)
    seed(db, extra=300)
    runner = TaskRunner(inline=False, progress_delay_ms=10_000)
    page: AuditPage = make_page(runner)  # type: ignore[operator]
    qtbot.waitUntil(lambda: page.model.total > 0, timeout=3000)
    monkeypatch.setattr(audit_workbook, "PROGRESS_EVERY", 1)
    real_rows = audit.export_rows

    def slow_rows(session: object, chosen: object, batch: int = 2000) -> Iterator[object]:
        for entry in real_rows(session, chosen, batch):  # type: ignore[arg-type]
            time.sleep(0.01)
            yield entry

    monkeypatch.setattr(audit, "export_rows", slow_rows)
    folder = tmp_path / "ekspor"
    folder.mkdir()
    target = folder / "jejak.xlsx"
    monkeypatch.setattr(page, "ask_path", lambda _suggested: str(target))
    page.export()
    assert page.busy and not page.export_button.isEnabled()
    (task,) = runner.active_tasks
    task.cancel()
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
    assert "dibatalkan" in page.info_label.text()
    assert list(folder.iterdir()) == []  # no file, no temporary left
    runner.shutdown()


def test_roles_without_audit_view_see_the_refusal(make_page: object, db: Database) -> None:
    sign_in(db)
    seed(db)
    sign_in(db, Role.OPERATOR, scope="32.71.01")
    page: AuditPage = make_page()  # type: ignore[operator]
    assert page.refused
    assert page.message_label.isVisible() and "jejak audit" in page.message_label.text()
    assert page.model.rowCount() == 0
    assert not page.export_button.isEnabled() and not page.search_button.isEnabled()
    page.export()  # does nothing
    assert page.last_file is None
