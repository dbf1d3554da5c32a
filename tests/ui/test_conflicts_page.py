"""*Konflik* page: a real conflict made by two laptops editing the same field through the real central service,
listed with its family and both values; *Pulihkan nilai yang kalah* writes the losing value locally (audited,
queued for sync) and marks the conflict resolved on the server; *Pertahankan nilai sekarang* only records the
decision; roles that may not resolve conflicts do not get the page; without a connection the page says so."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from simoncer_central.models import Conflict
from simoncer_central.store import CentralDb
from simoncer_desktop.models import AuditEntry, Household
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services import caseload
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, outbox, state
from simoncer_desktop.sync.client import SyncClient
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.pages.conflicts_page import Column, ConflictsPage
from tests.factories import family
from tests.pg import free_port
from tests.sync.live import LiveServer
from tests.ui.conftest import Answers
from tests.ui.sync_fixtures import (  # noqa: F401 - fixtures
    central_fixture,
    enroll_directly,
    laptop_b_fixture,
    open_window,
    quick_retries_fixture,
    server_fixture,
)


def conflicts_page(window: MainWindow) -> ConflictsPage:
    window.show_page(window.page_index("conflicts"))
    page = window.page("conflicts")
    assert isinstance(page, ConflictsPage) and page.isVisible()
    return page


def address(db: Database, household_id: str) -> str:
    with db.read() as s:
        household = s.get(Household, household_id)
        assert household is not None
        return household.address


def set_address(db: Database, household_id: str, value: str) -> None:
    with db.transaction() as s:
        household = s.get(Household, household_id)
        assert household is not None
        household.address = value


def two_laptops_disagree(db: Database, laptop_b: Database, central: CentralDb, server: LiveServer) -> str:
    """Laptop A (the window's) records a family; both laptops change its address; B's later edit wins, A's
    value is kept in the server's conflict log. Returns the family's id."""
    client_a = enroll_directly(db, central, server, "LAPTOP-A")
    client_b = enroll_directly(laptop_b, central, server, "LAPTOP-B")
    data, members = family(3)
    with db.transaction() as s:
        household_id = caseload.create_household(s, data, members)
    engine.sync_once(db, client_a)
    engine.sync_once(laptop_b, client_b)
    assert address(laptop_b, household_id) == data.address
    set_address(db, household_id, "Jl. Versi A No. 1")
    time.sleep(0.25)  # B's edit is later by more than the two laptops' clock offsets can differ
    set_address(laptop_b, household_id, "Jl. Versi B No. 2")
    engine.sync_once(db, client_a)
    engine.sync_once(laptop_b, client_b)
    engine.sync_once(db, client_a)
    assert address(db, household_id) == "Jl. Versi B No. 2"
    return household_id


def server_conflicts(central: CentralDb) -> list[tuple[str, str | None, str | None]]:
    """The conflicts logged on families (the two laptops' identical seeded settings are logged too)."""
    with central.transaction() as s:
        rows = s.scalars(select(Conflict).where(Conflict.tbl == "household").order_by(Conflict.id))
        return [(c.losing_value, c.resolution, c.resolved_by) for c in rows]


def test_a_real_conflict_is_listed_and_reinstating_writes_the_losing_value(
    qtbot: QtBot,
    db: Database,
    laptop_b: Database,
    central: CentralDb,
    server: LiveServer,
    answer: Callable[[QMessageBox.StandardButton], Answers],
) -> None:
    household_id = two_laptops_disagree(db, laptop_b, central, server)
    with db.read() as s:
        no_kk = s.get(Household, household_id).no_kk  # type: ignore[union-attr]
    window = open_window(qtbot, db)
    page = conflicts_page(window)
    assert page.model.rowCount() == 1, page.message_label.text()
    assert page.count_label.text() == "1 konflik, terbaru di atas"
    model = page.model
    texts = {column: model.data(model.index(0, column)) for column in Column}
    assert texts[Column.FAMILY] == f"Ujang Supriatna (KK {no_kk})"  # the head of the family
    assert texts[Column.FIELD] == "Keluarga / Alamat"
    assert (texts[Column.WINNING], texts[Column.LOSING]) == ("Jl. Versi B No. 2", "Jl. Versi A No. 1")
    assert "LAPTOP-A" in texts[Column.WHO]
    assert texts[Column.STATUS] == "Terbuka" and texts[Column.WHEN]
    assert texts[Column.REASON] == "diubah lebih akhir"  # why this value lost
    assert not page.keep_button.isEnabled()  # nothing selected yet

    page.view.selectRow(0)
    assert page.keep_button.isEnabled() and page.reinstate_button.isEnabled()
    with db.read() as s:
        before = outbox.count_pending(s)
    asked = answer(QMessageBox.StandardButton.Yes)
    page.reinstate_button.click()
    assert len(asked.asked) == 1 and "Jl. Versi A No. 1" in asked.asked[0]

    assert address(db, household_id) == "Jl. Versi A No. 1"
    with db.read() as s:
        entry = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_id == household_id, AuditEntry.field == "address")
            .order_by(AuditEntry.at.desc())
        ).first()
        assert entry is not None and json.loads(entry.new_value) == "Jl. Versi A No. 1"
        assert entry.user_name == "admin"
        ops = [op for op in outbox.pending(s, 1000) if op.row_id == household_id]
        assert outbox.count_pending(s) == before + 1
    assert [op.fields.get("address") for op in ops] == ["Jl. Versi A No. 1"]
    assert server_conflicts(central) == [('"Jl. Versi A No. 1"', "reinstated", "admin")]
    assert page.model.rowCount() == 0 and "dipulihkan" in page.info_label.text()
    assert window.sync_status.pending_label.text() == f"{before + 1} perubahan menunggu"

    page.status_combo.setCurrentIndex(page.status_combo.findData("resolved"))
    assert page.model.rowCount() == 1
    assert model.data(model.index(0, Column.STATUS)).startswith("Nilai yang kalah dipulihkan oleh admin")
    page.view.selectRow(0)
    assert not page.reinstate_button.isEnabled()  # resolved: nothing more to decide

    # the reinstated value is a normal change: the next sync makes it win everywhere
    window.sync.run_sync()
    engine.sync_once(laptop_b, SyncClient(server.url, state_token(laptop_b)))
    assert address(laptop_b, household_id) == "Jl. Versi A No. 1"


def state_token(db: Database) -> str | None:
    with db.read() as s:
        return state.load(s).token


def test_keeping_the_current_value_changes_nothing_locally(
    qtbot: QtBot, db: Database, laptop_b: Database, central: CentralDb, server: LiveServer
) -> None:
    household_id = two_laptops_disagree(db, laptop_b, central, server)
    window = open_window(qtbot, db)
    page = conflicts_page(window)
    with db.read() as s:
        before = outbox.count_pending(s)
    page.view.selectRow(0)
    page.keep_button.click()
    assert address(db, household_id) == "Jl. Versi B No. 2"
    with db.read() as s:
        assert outbox.count_pending(s) == before
    assert server_conflicts(central) == [('"Jl. Versi A No. 1"', "kept", "admin")]
    assert "dipertahankan" in page.info_label.text() and page.model.rowCount() == 0


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.FACILITATOR, Role.VIEWER])
def test_other_roles_do_not_get_the_konflik_page(qtbot: QtBot, db: Database, role: Role) -> None:
    db.sign_in(Identity(f"user-{role.value}", role.value, role.label, role, "32.71.01", None))
    window = open_window(qtbot, db)
    index = window.page_index("conflicts")
    assert window.navigation.item(index).isHidden()
    window.show_page(index)
    assert window.current_page_key() == "home"
    assert "conflicts" not in window._built


def test_supervisors_get_the_konflik_page(qtbot: QtBot, db: Database) -> None:
    db.sign_in(Identity("user-sup", "kasi", "Kasi", Role.SUPERVISOR, "*"))
    window = open_window(qtbot, db)
    assert not window.navigation.item(window.page_index("conflicts")).isHidden()
    page = conflicts_page(window)
    assert "belum terdaftar" in page.message_label.text()  # not enrolled: nothing to fetch yet


def test_offline_the_page_says_the_log_is_on_the_server(qtbot: QtBot, db: Database) -> None:
    with db.transaction() as s:
        state.save_enrollment(s, f"http://127.0.0.1:{free_port()}", "dev-luring-1", "LAPTOP-LURING", "tok", "*")
    window = open_window(qtbot, db)
    page = conflicts_page(window)
    assert page.offline and page.model.rowCount() == 0
    text = page.message_label.text()
    assert text.startswith("Konflik disimpan di server pusat; halaman ini memerlukan koneksi ke server.")
    assert "tidak dapat dihubungi" in text
    assert page.reload_button.isEnabled() and not page.keep_button.isEnabled()
