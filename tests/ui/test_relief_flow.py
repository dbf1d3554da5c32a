"""Disaster relief end to end in the real window, as an operator does it on the day: register the event,
ten victims (two KPM families found in the caseload and one family typed in), apply the aid, receive
rice into stock, hand it over with a photo, be refused a second hand-over of the same aid, and print the
berita acara serah terima."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import Household, Member
from simoncer_desktop.reports.relief_print import DocumentKind
from simoncer_desktop.services import relief_distribution as dist
from simoncer_desktop.services.attachments import attachments_of
from simoncer_desktop.ui.dialogs.distribution_dialog import DistributionDialog
from simoncer_desktop.ui.dialogs.entitlement_dialogs import EventEntitlementsDialog
from simoncer_desktop.ui.dialogs.receipt_dialog import ReceiptDialog
from simoncer_desktop.ui.dialogs.relief_print_dialog import ReliefPrintDialog
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.models.relief_models import VictimColumn
from simoncer_desktop.ui.widgets.form import select_value
from tests.ui.test_relief_events_ui import KECAMATAN, create_event, open_registration

RICE = stable_id("relief_item", "beras")


def three_member_kpm(window: MainWindow, count: int) -> list[tuple[str, str]]:
    """(NIK of the recipient, its name) of ``count`` active families of kecamatan 32.71.01 with three
    living members."""
    with window.db.read() as s:
        living = (
            select(Member.household_id)
            .where(Member.deleted.is_(False), Member.deceased.is_(False))
            .group_by(Member.household_id)
            .having(func.count() == 3)
        )
        households = s.scalars(
            select(Household)
            .where(
                Household.status == "aktif",
                Household.kelurahan_code.startswith(KECAMATAN + "."),
                Household.id.in_(living),
            )
            .order_by(Household.id)
            .limit(count)
        ).all()
        out = []
        for household in households:
            member = next(m for m in household.members if m.nik and not m.deleted and not m.deceased)
            out.append((member.nik, member.name))
    assert len(out) == count
    return out


def test_event_to_berita_acara(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_page(3)
    page = window.relief_page
    tab = page.events_tab
    qtbot.waitUntil(tab.isVisible)
    create_event(tab, qtbot)
    event = tab.events.rows[0]

    # Two KPM families found by NIK: the family and its members come from the caseload.
    for nik, name in three_member_kpm(window, 2):
        dialog = open_registration(tab)
        dialog.search_edit.setText(nik)
        dialog.run_search()
        assert dialog.results.count() == 1 and name in dialog.results.item(0).text()
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
        assert "KPM" in dialog.kpm_badge.text() and dialog.victims.rowCount() == 3
        select_value(dialog.damage_combo, "sedang")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert tab.dialog is None, dialog.refusal_messages()
    # A family outside the caseload, typed in: four people, papers lost in the flood.
    dialog = open_registration(tab)
    qtbot.keyClicks(dialog.head_edit, "Wawan Setiawan")
    dialog.kelurahan_combo.setCurrentIndex(1)
    select_value(dialog.damage_combo, "berat")
    qtbot.keyClicks(dialog.reason_edit, "KK hanyut")
    victims = dialog.victims
    victims.setData(victims.index(0, VictimColumn.SEX), "L")
    victims.setData(victims.index(0, VictimColumn.REASON), "KTP hanyut")
    for name, sex in (("Euis Komariah", "P"), ("Rizky Setiawan", "L"), ("Nabila Setiawan", "P")):
        dialog.add_victim_button.click()
        row = victims.rowCount() - 1
        victims.setData(victims.index(row, VictimColumn.NAME), name)
        victims.setData(victims.index(row, VictimColumn.SEX), sex)
        victims.setData(victims.index(row, VictimColumn.DISPLACED), True, Qt.ItemDataRole.CheckStateRole)
        victims.setData(victims.index(row, VictimColumn.REASON), "KTP hanyut")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.dialog is None and tab.events.rows[0].families == 3)
    assert (tab.events.rows[0].people, tab.events.rows[0].displaced) == (10, 3)
    assert sum(1 for r in tab.families.rows if r.is_kpm) == 2

    # The aid of this event: 10 kg of rice per family.
    actions = page.event_actions
    actions.entitlements_button.click()
    entitlements = tab.dialog
    assert isinstance(entitlements, EventEntitlementsDialog)
    select_value(entitlements.index_combo, "beras")
    entitlements.apply_button.click()
    assert [a.code for a in entitlements.model.rows] == ["beras"]
    entitlements.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)

    # 25 kg of rice arrive from the ministry.
    page.tabs.setCurrentWidget(page.stock_tab)
    stock = page.stock_tab
    qtbot.waitUntil(lambda: stock.selected_item() is not None)
    assert stock.select_item("beras")
    stock.receive()
    receipt = stock.dialog
    assert isinstance(receipt, ReceiptDialog)
    receipt.quantity_spin.setValue(25)
    select_value(receipt.source_combo, "kementerian")
    qtbot.keyClicks(receipt.document_edit, "BAST/07/XI/2026")
    qtbot.mouseClick(receipt.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stock.dialog is None and stock.card is not None and stock.card.balance == 25)

    # Hand the rice to the first KPM family, with a photo of the hand-over.
    page.tabs.setCurrentWidget(tab)
    first = next(i for i, r in enumerate(tab.families.rows) if r.is_kpm)
    tab.families_table.selectRow(first)
    family_id = tab.selected_family_id()
    assert actions.distribute_button.isEnabled()
    actions.distribute_button.click()
    handing = tab.dialog
    assert isinstance(handing, DistributionDialog)
    assert handing.select_line("beras", tab.families.rows[first].head_name)
    assert handing.value_spin.value() == 10 and not handing.photos.attach_button.isEnabled()
    handing.confirmed_check.setChecked(True)
    qtbot.mouseClick(handing.save_button, Qt.MouseButton.LeftButton)
    assert len(handing.saved_ids) == 1
    handing.select_line("beras", tab.families.rows[first].head_name)
    photo = tmp_path / "serah-terima.jpg"
    Image.new("RGB", (2400, 1800), (40, 120, 200)).save(photo, "JPEG")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(photo), ""))
    assert handing.photos.attach_button.isEnabled()
    handing.photos.attach()
    qtbot.waitUntil(lambda: len(handing.photos.attachments) == 1)
    handing.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)

    assert "tersalur: Beras 10 kg" in tab.families_title.text()

    # The same rice for the same family again: the earlier record is shown and saving is refused.
    tab.families_table.selectRow(next(i for i, r in enumerate(tab.families.rows) if r.id == family_id))
    actions.distribute_button.click()
    again = tab.dialog
    assert isinstance(again, DistributionDialog)
    assert again.select_line("beras", next(r.head_name for r in tab.families.rows if r.id == family_id))
    line = again.selected()
    assert line is not None and line.distribution is not None
    shown = again.earlier_label.text()
    assert f"{date.today():%d-%m-%Y}" in shown and f"diterima {line.distribution.recipient_name}" in shown, shown
    assert not again.save_button.isEnabled()
    with window.db.transaction() as s, pytest.raises(dist.DuplicateDistributionError) as refused:
        data = dist.DistributionInput(
            line.event_entitlement.id, family_id, None, date.today(), "Orang Lain", quantity=10
        )
        dist.distribute(s, data, "Petugas Posko 2")
    assert refused.value.earlier.id == line.distribution.id
    again.reject()
    qtbot.waitUntil(lambda: tab.dialog is None)
    with window.db.read() as s:
        (given,) = dist.list_distributions(s, event.id)
        assert [a.file_name for a in attachments_of(s, "penyaluran", given.id)] == ["serah-terima.jpg"]

    # Print the berita acara serah terima of all hand-overs so far.
    actions.print_button.click()
    printing = tab.dialog
    assert isinstance(printing, ReliefPrintDialog)
    printing.kind_combo.setCurrentIndex(list(DocumentKind).index(DocumentKind.BERITA_ACARA))
    printing.all_dates_check.setChecked(True)
    target = tmp_path / "berita-acara.pdf"
    printing.path_edit.setText(str(target))
    assert printing.ok_button.isEnabled()
    printing.ok_button.click()
    qtbot.waitUntil(lambda: target.exists() and tab.dialog is None)
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert "BERITA ACARA SERAH TERIMA" in text
    assert given.recipient_name in text and "10 kg" in text
    assert str(target) in tab.info_label.text()

    # The stock card balances: 25 received, 10 handed over.
    page.tabs.setCurrentWidget(stock)
    qtbot.waitUntil(lambda: stock.card is not None and stock.card.balance == 15)
    assert (stock.card.received, stock.card.distributed) == (25, 10)
