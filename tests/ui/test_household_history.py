"""The family dialog's *Riwayat* tab: the family's and its members' changes, oldest first, in Bahasa;
read when the tab is opened; refused out of scope; disabled for a family not yet saved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.orm import Session

from simoncer_desktop.models.enums import Role
from simoncer_desktop.services import audit
from simoncer_desktop.services.caseload import create_household, update_household
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.household_dialog import HouseholdDialog
from simoncer_desktop.ui.models.audit_model import Column
from simoncer_desktop.ui.tasks import TaskRunner
from tests import factories

T0 = datetime(2020, 3, 1, 8, 0)


def sign_in(db: Database, role: Role = Role.ADMIN, scope: str = "*") -> None:
    db.sign_in(Identity(f"u-{role.value}", f"{role.value}.uji", "Uji", role, scope))


def texts(dialog: HouseholdDialog, column: Column) -> list[str]:
    model = dialog.history.model
    index = model.columns.index(column)
    return [model.data(model.index(r, index)) for r in range(model.rowCount())]


@pytest.fixture
def family(db: Database) -> str:
    sign_in(db)
    with db.transaction() as s:
        household_id = create_household(s, *factories.family(1))
        audit.record(
            s, "ani", "laptop-1", "household", household_id, "ubah",
            {"address": ("Jl. Melati 5", "Jl. Mawar 7"), "status": ("aktif", "nonaktif")},
            at=T0, household_id=household_id,
        )  # fmt: skip
        audit.record(
            s, "budi", "laptop-2", "member", "m-1", "ubah", {"name": ("Siti", "Siti Aminah")},
            at=T0 + timedelta(hours=1), household_id=household_id,
        )  # fmt: skip
        audit.record(s, "budi", "laptop-2", "member", "m-2", "hapus", {}, at=T0, household_id="keluarga-lain")
    return household_id


def open_dialog(qtbot: QtBot, db: Database, household_id: str | None) -> HouseholdDialog:
    dialog = HouseholdDialog(db, TaskRunner(inline=True), household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_history_tab_lists_the_family_changes(qtbot: QtBot, db: Database, family: str) -> None:
    dialog = open_dialog(qtbot, db, family)
    assert dialog.tabs.tabText(dialog.history_index).replace("&", "") == "Riwayat"
    assert not dialog.history.loaded  # nothing read until the tab is opened
    dialog.show_history()
    assert dialog.tabs.currentWidget() is dialog.history and dialog.history.loaded
    mine = [r for r in range(dialog.history.model.rowCount()) if texts(dialog, Column.USER)[r] in ("ani", "budi")]
    assert [texts(dialog, Column.USER)[r] for r in mine] == ["ani", "ani", "budi"]  # oldest first
    assert [texts(dialog, Column.DEVICE)[r] for r in mine] == ["laptop-1", "laptop-1", "laptop-2"]
    assert [texts(dialog, Column.ENTITY)[r] for r in mine] == ["Keluarga", "Keluarga", "Anggota"]
    assert [texts(dialog, Column.FIELD)[r] for r in mine] == ["Alamat", "Status", "Nama"]
    assert [texts(dialog, Column.CHANGE)[r] for r in mine] == [
        "Jl. Melati 5 → Jl. Mawar 7",
        "Aktif → Nonaktif",
        "Siti → Siti Aminah",
    ]
    assert "Hapus" not in texts(dialog, Column.ACTION)  # another family's entry is not here
    header = [
        dialog.history.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dialog.history.model.columnCount())
    ]
    assert header == ["Waktu", "Pengguna", "Perangkat", "Data", "Aksi", "Kolom", "Lama → baru"]
    tooltip = dialog.history.model.data(dialog.history.model.index(mine[0], 0), Qt.ItemDataRole.ToolTipRole)
    assert "Nilai lama: Jl. Melati 5" in tooltip and "Nilai baru: Jl. Mawar 7" in tooltip
    assert "perubahan tercatat" in dialog.history.summary.text()


@pytest.fixture
def hook() -> Iterator[None]:
    """The ORM audit hook for this test only (it is global to every Session of the process)."""
    from simoncer_desktop.services import audit_hook

    installed = event.contains(Session, "after_flush", audit_hook._after_flush)
    audit_hook.install()
    yield
    if not installed:
        event.remove(Session, "after_flush", audit_hook._after_flush)


def test_history_follows_edits_through_the_hook(qtbot: QtBot, db: Database, hook: None) -> None:
    sign_in(db)
    with db.transaction() as s:
        household_id = create_household(s, *factories.family(5))
    dialog = open_dialog(qtbot, db, household_id)
    dialog.show_history()
    created = texts(dialog, Column.ACTION).count("Buat")
    assert created == 5  # the family and its four members
    assert texts(dialog, Column.FIELD)[0] == "(semua kolom)"
    dialog.tabs.setCurrentIndex(0)
    with db.transaction() as s:
        update_household(s, household_id, factories.household(5, address="Jl. Kenanga 9"))
    dialog.show_history()  # read again when the tab is opened again
    assert texts(dialog, Column.CHANGE)[-1] == "Jl. Melati No. 5 → Jl. Kenanga 9"
    assert texts(dialog, Column.USER)[-1] == "admin.uji"


def test_new_family_has_no_history_tab(qtbot: QtBot, db: Database) -> None:
    sign_in(db)
    dialog = open_dialog(qtbot, db, None)
    assert not dialog.tabs.isTabEnabled(dialog.history_index)
    dialog.show_history()
    assert dialog.tabs.currentIndex() == 0


def test_history_out_of_scope_is_refused_in_the_tab(qtbot: QtBot, db: Database, family: str) -> None:
    sign_in(db, Role.OPERATOR, scope=factories.OTHER_KECAMATAN)
    dialog = open_dialog(qtbot, db, family)
    dialog.show_history()
    assert dialog.history.model.rowCount() == 0
    assert dialog.history.message_label.isVisible() and "wilayah" in dialog.history.message_label.text()
