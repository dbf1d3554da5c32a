"""The relief stock tab and its dialogs driven as a user would: receive rice through *Terima stok…*, read
the stock card, add a new item, apply entitlements to an event, hand out rice to a family through
*Penyaluran bantuan* and see a second hand-over of the same aid refused with the earlier record shown."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import AffectedFamily
from simoncer_desktop.services import relief_distribution as dist
from simoncer_desktop.services import relief_reference as ref
from simoncer_desktop.services.relief_stock import ReceiptInput, balance, receive_stock
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs.distribution_dialog import DistributionDialog
from simoncer_desktop.ui.dialogs.entitlement_dialogs import EntitlementIndexDialog, EventEntitlementsDialog
from simoncer_desktop.ui.dialogs.receipt_dialog import ItemDialog, ReceiptDialog
from simoncer_desktop.ui.models.relief_stock_models import AppliedColumn, CardColumn, DueColumn
from simoncer_desktop.ui.pages.relief_stock_tab import StockTab
from simoncer_desktop.ui.tasks import TaskRunner
from tests.relief_rows import FamilySpec, PersonSpec, make_event, make_family

RICE = stable_id("relief_item", "beras")
DISPLAY = Qt.ItemDataRole.DisplayRole
TODAY = date.today()


@pytest.fixture
def tab(qtbot: QtBot, demo_db: Database) -> Iterator[StockTab]:
    widget = StockTab(demo_db, TaskRunner())
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    with qtbot.waitSignal(widget.loaded):
        widget.show()
    yield widget


@pytest.fixture
def family_id(demo_db: Database) -> str:
    """A flood with rice and blankets applied and one family (mother displaced, grandfather deceased)."""
    with demo_db.transaction() as s:
        receive_stock(s, ReceiptInput(RICE, 40, date(2026, 11, 1), "kementerian"), "Operator Gudang")
        event = make_event(s, title="Banjir Uji Penyaluran")
        for code in ("beras", "santunan_kematian"):
            dist.apply_entitlement(s, event.id, code)
        people = [
            PersonSpec("Rina Marlina", displaced=True),
            PersonSpec("Oman Rukmana", sex="L", born=date(1950, 1, 9), deceased=True, heir_name="Ujang Supriatna"),
        ]
        return make_family(s, event, 41, FamilySpec("Rina Marlina", damage="berat", people=people)).id


def card_cells(tab: StockTab, column: CardColumn) -> list[str]:
    return [tab.card_model.index(r, column).data(DISPLAY) for r in range(tab.card_model.rowCount())]


def test_a_receipt_through_the_dialog_shows_on_the_stock_card(tab: StockTab, qtbot: QtBot, demo_db: Database) -> None:
    with demo_db.read() as s:
        before = balance(s, RICE)
    assert tab.select_item("beras")
    qtbot.waitUntil(lambda: tab.card is not None and tab.card.item.code == "beras")
    qtbot.mouseClick(tab.receipt_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ReceiptDialog)
    assert dialog.item_combo.currentData() == RICE  # the selected item is offered
    assert not dialog.save_button.isEnabled()  # no quantity, no source yet
    dialog.quantity_spin.lineEdit().selectAll()
    qtbot.keyClicks(dialog.quantity_spin, "250")
    dialog.source_combo.setFocus()
    qtbot.keyClick(dialog.source_combo, Qt.Key.Key_Down)  # the first source: Kementerian Sosial
    qtbot.keyClicks(dialog.document_edit, "BAST/012/XI/2026")
    assert dialog.save_button.isEnabled(), dialog.errors
    with qtbot.waitSignal(tab.loaded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None
    assert "Penerimaan 250 kg" in tab.info_label.text()
    assert tab.card is not None and tab.card.balance == before + 250
    last = tab.card_model.rowCount() - 1
    assert card_cells(tab, CardColumn.KIND)[last] == "Penerimaan"
    assert card_cells(tab, CardColumn.SOURCE)[last] == "Kementerian Sosial"
    assert card_cells(tab, CardColumn.DOCUMENT)[last] == "BAST/012/XI/2026"
    assert card_cells(tab, CardColumn.BALANCE)[last] == f"{before + 250:,}".replace(",", ".")
    assert f"saldo {before + 250:,}".replace(",", ".") in tab.totals_label.text()


def test_an_empty_receipt_is_refused_under_its_fields(tab: StockTab, qtbot: QtBot) -> None:
    tab.select_item("beras")
    tab.receive()
    dialog = tab.dialog
    assert isinstance(dialog, ReceiptDialog)
    dialog._on_save()  # as pressing Enter would: every field is checked now
    assert dialog.boxes["quantity"].message == "Jumlah: harus lebih dari 0"
    assert dialog.boxes["source"].message == "Sumber: wajib dipilih"
    dialog.reject()


def test_a_new_item_is_added(tab: StockTab, qtbot: QtBot) -> None:
    qtbot.mouseClick(tab.item_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, ItemDialog)
    qtbot.keyClicks(dialog.code_edit, "terpal")
    qtbot.keyClicks(dialog.name_edit, "Terpal")
    qtbot.keyClicks(dialog.unit_edit, "lembar")
    with qtbot.waitSignal(tab.loaded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tab.selected_item() is not None and tab.selected_item().code == "terpal"  # type: ignore[union-attr]
    assert tab.card is not None and tab.card.lines == [] and tab.card.balance == 0


def test_a_distribution_through_the_dialog_and_the_duplicate_refused(
    qtbot: QtBot, demo_db: Database, family_id: str
) -> None:
    dialog = DistributionDialog(demo_db, family_id, "Petugas Uji", tasks=TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    lines = {(r.event_entitlement.code, r.beneficiary_name) for r in dialog.model.rows}
    assert lines == {("beras", "Rina Marlina"), ("santunan_kematian", "Oman Rukmana")}
    # The death compensation goes to the heir by default.
    assert dialog.select_line("santunan_kematian", "Oman Rukmana")
    assert dialog.recipient_edit.text() == "Ujang Supriatna"
    assert dialog.value_spin.value() == 15_000_000
    # Rice for the family: the full entitlement by default, received by the head of the family.
    assert dialog.select_line("beras", "Rina Marlina")
    assert (dialog.recipient_edit.text(), dialog.value_spin.value()) == ("Rina Marlina", 10)
    dialog.confirmed_check.setFocus()
    qtbot.keyClick(dialog.confirmed_check, Qt.Key.Key_Space)
    assert dialog.confirmed_check.isChecked()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(dialog.saved_ids) == 1
    assert dialog.info_label.text() == "Tersalurkan: Beras untuk Rina Marlina (10 kg), diterima Rina Marlina."
    row = next(i for i, r in enumerate(dialog.model.rows) if r.event_entitlement.code == "beras")
    assert dialog.model.index(row, DueColumn.STATUS).data(DISPLAY).startswith("Sudah")
    # The line already given shows its record and cannot be given again.
    dialog.select_line("beras", "Rina Marlina")
    assert "oleh Petugas Uji" in dialog.earlier_label.text()
    assert not dialog.save_button.isEnabled()
    with demo_db.read() as s:
        (given,) = dist.list_distributions(s, given_event(s, family_id))
        assert (given.quantity, given.confirmed, given.officer) == (10, True, "Petugas Uji")
        assert balance(s, RICE) >= 0


def given_event(session: Session, family_id: str) -> str:
    family = session.get(AffectedFamily, family_id)
    assert family is not None
    return family.event_id


def test_a_second_office_giving_first_is_shown_in_the_dialog(qtbot: QtBot, demo_db: Database, family_id: str) -> None:
    dialog = DistributionDialog(demo_db, family_id, "Petugas Uji", tasks=TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.select_line("beras", "Rina Marlina")
    # Meanwhile another operator hands the same rice to the family.
    line = dialog.selected()
    assert line is not None
    with demo_db.transaction() as s:
        data = dist.DistributionInput(line.event_entitlement.id, family_id, None, TODAY, "Dede Kurnia", quantity=10)
        dist.distribute(s, data, "Petugas Posko 2")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved_ids == []
    shown = dialog.earlier_label.text()
    assert f"pada {TODAY:%d-%m-%Y} oleh Petugas Posko 2" in shown and "diterima Dede Kurnia" in shown
    assert not dialog.save_button.isEnabled()
    with demo_db.read() as s:
        assert len(dist.list_distributions(s, given_event(s, family_id))) == 1


def test_the_stock_card_shows_the_distribution(tab: StockTab, qtbot: QtBot, demo_db: Database, family_id: str) -> None:
    dialog = DistributionDialog(demo_db, family_id, "Petugas Uji", tasks=TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.select_line("beras", "Rina Marlina")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter saves with the default button
    qtbot.waitUntil(lambda: len(dialog.saved_ids) == 1)
    with qtbot.waitSignal(tab.loaded):
        tab.reload(RICE)
    kinds = card_cells(tab, CardColumn.KIND)
    row = kinds.index("Penyaluran")
    assert card_cells(tab, CardColumn.QUANTITY)[row] == "−10"
    assert card_cells(tab, CardColumn.SOURCE)[row] == "Rina Marlina"
    assert card_cells(tab, CardColumn.EVENT)[row] == "Banjir Uji Penyaluran"
    card = tab.card
    assert card is not None and card.received - card.distributed == card.balance


def test_entitlements_are_applied_and_indexes_edited(qtbot: QtBot, demo_db: Database, family_id: str) -> None:
    with demo_db.read() as s:
        event_id = given_event(s, family_id)
    dialog = EventEntitlementsDialog(demo_db, TaskRunner(), event_id)
    qtbot.addWidget(dialog)
    assert {r.code for r in dialog.model.rows} == {"beras", "santunan_kematian"}
    dialog.index_combo.setCurrentIndex(dialog.index_combo.findData("jaminan_hidup"))
    assert dialog.days_spin.isEnabled()
    dialog.days_spin.setValue(5)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    applied = {r.code: r for r in dialog.model.rows}
    assert applied["jaminan_hidup"].days == 5 and dialog.changed
    row = list(applied).index("jaminan_hidup")
    assert dialog.model.index(row, AppliedColumn.DAYS).data(DISPLAY) == "5"
    dialog.table.selectRow(row)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "jaminan_hidup" not in {r.code for r in dialog.model.rows}

    editor = EntitlementIndexDialog(demo_db, TaskRunner(), today=TODAY)
    qtbot.addWidget(editor)
    assert editor.select_code("tikar")
    editor.amount_spin.setValue(2)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "Tikar: 2 lembar berlaku mulai" in editor.info_label.text()
    with demo_db.read() as s:
        assert {e.code: e.amount for e in ref.list_entitlements(s, TODAY)}["tikar"] == 2
