"""The Keluarga page driven as a user would: typing, filters, header clicks, keys and dialogs."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from simoncer_desktop.errors import NotFoundError
from simoncer_desktop.services import caseload, caseload_query
from simoncer_desktop.services.caseload_query import CaseloadFilter, Column, fold
from simoncer_desktop.store import Database
from simoncer_desktop.ui.main_window import MainWindow
from simoncer_desktop.ui.pages.caseload_page import CaseloadPage
from tests.ui.conftest import Answers

DISPLAY = Qt.ItemDataRole.DisplayRole


def shown(page: CaseloadPage, column: Column) -> list[str]:
    model = page.model
    return [model.index(row, column).data(DISPLAY) for row in range(model.rowCount())]


def shown_ids(page: CaseloadPage) -> list[str]:
    return [page.model.household_id(row) for row in range(page.model.rowCount())]


def type_search(qtbot: QtBot, page: CaseloadPage, text: str) -> None:
    """Type into the search box like a user and wait for the debounced search to run."""
    page.search_edit.setFocus()
    page.search_edit.selectAll()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.search_edit, text)
    qtbot.waitUntil(lambda: page.model.caseload_filter.text == text)


def member_names(db: Database, household_id: str) -> list[str]:
    with db.read() as s:
        return [m.name for m in caseload.get_household(s, household_id).members]


# --- searching -------------------------------------------------------------------------------


def test_typing_a_name_prefix_shows_only_matching_families(qtbot: QtBot, page: CaseloadPage, demo_db: Database) -> None:
    first_word = shown(page, Column.RECIPIENT)[40].split()[0]
    prefix = first_word[:3].lower()
    type_search(qtbot, page, prefix)
    with demo_db.read() as s:
        expected = caseload_query.count(s, CaseloadFilter(text=prefix))
    assert 0 < page.model.rowCount() == expected < 300
    assert page.count_label.text() == f"{expected} keluarga"
    for household_id in shown_ids(page):  # the name may be any member's, not only the pengurus
        words = [w for name in member_names(demo_db, household_id) for w in re.findall(r"\w+", fold(name))]
        assert any(w.startswith(fold(prefix)) for w in words), household_id


def test_search_ignores_case_and_diacritics(qtbot: QtBot, page: CaseloadPage, demo_db: Database) -> None:
    hh_id = page.model.household_id(0)
    assert hh_id is not None
    with demo_db.read() as s:
        data = caseload.get_household(s, hh_id)
    recipient = data.recipient
    assert recipient is not None
    with demo_db.transaction() as s:  # give the pengurus an accented name
        changed = recipient.to_input()
        changed.name = "Dédé Sukmawatí"
        caseload.update_member(s, recipient.id, changed)
    type_search(qtbot, page, "DEDE SUKMA")
    assert hh_id in shown_ids(page)


def test_typing_a_nik_prefix_finds_the_family(qtbot: QtBot, page: CaseloadPage, demo_db: Database) -> None:
    target = page.model.household_id(17)
    assert target is not None
    with demo_db.read() as s:
        nik = caseload.get_household(s, target).members[-1].nik
    assert nik
    prefix = nik[:12]
    type_search(qtbot, page, prefix)
    ids = shown_ids(page)
    assert target in ids
    assert len(ids) < 300
    with demo_db.read() as s:
        for household_id in ids:
            detail = caseload.get_household(s, household_id)
            assert detail.no_kk.startswith(prefix) or any((m.nik or "").startswith(prefix) for m in detail.members)
    type_search(qtbot, page, nik)
    assert target in shown_ids(page)


def test_enter_in_the_search_box_goes_to_the_first_result(qtbot: QtBot, page: CaseloadPage) -> None:
    no_kk = shown(page, Column.NO_KK)[5]
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, no_kk)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # searches at once, no debounce wait
    assert shown(page, Column.NO_KK) == [no_kk]
    assert page.selected_row() == 0
    assert page.table.hasFocus()


def test_too_short_a_search_is_explained_and_not_applied(qtbot: QtBot, page: CaseloadPage) -> None:
    everyone = page.model.rowCount()
    type_search(qtbot, page, "3271")
    assert page.hint_label.isVisibleTo(page)
    assert "minimal 8 digit" in page.hint_label.text()
    assert page.model.rowCount() == everyone
    type_search(qtbot, page, "a")
    assert "minimal 2 huruf" in page.hint_label.text()
    type_search(qtbot, page, "ab")
    assert not page.hint_label.isVisibleTo(page)


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, page: CaseloadPage) -> None:
    page.table.setFocus()
    assert not page.search_edit.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()


# --- filters and sorting ---------------------------------------------------------------------


def test_kecamatan_then_kelurahan_filter_and_reset(qtbot: QtBot, page: CaseloadPage, demo_db: Database) -> None:
    bar = page.filters
    assert not bar.kelurahan_combo.isEnabled()
    kecamatan_names = [bar.kecamatan_combo.itemText(i) for i in range(bar.kecamatan_combo.count())]
    assert kecamatan_names[0] == "Semua kecamatan"
    assert "Bogor Selatan" in kecamatan_names  # the region setting's kecamatan (Kota Bogor in the tests)
    bar.kecamatan_combo.setCurrentIndex(kecamatan_names.index("Bogor Selatan"))
    assert set(shown(page, Column.KECAMATAN)) == {"Bogor Selatan"}
    in_kecamatan = page.model.rowCount()
    assert 0 < in_kecamatan < 300
    assert bar.kelurahan_combo.isEnabled()
    kelurahan = shown(page, Column.KELURAHAN)[0]
    bar.kelurahan_combo.setCurrentIndex(bar.kelurahan_combo.findText(kelurahan))
    assert set(shown(page, Column.KELURAHAN)) == {kelurahan}
    assert page.model.rowCount() < in_kecamatan
    type_search(qtbot, page, "zzz")
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 keluarga"
    qtbot.mouseClick(bar.reset_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 300
    assert page.search_edit.text() == ""
    assert bar.kecamatan_combo.currentIndex() == 0 and not bar.kelurahan_combo.isEnabled()
    assert page.count_label.text() == "300 keluarga"


def test_desil_status_and_facilitator_filters(page: CaseloadPage, demo_db: Database) -> None:
    bar = page.filters
    bar.desil_combo.setCurrentIndex(bar.desil_combo.findData(1))
    assert page.model.rowCount() > 0
    assert set(shown(page, Column.DESIL)) == {"1"}
    bar.desil_combo.setCurrentIndex(0)
    bar.facilitator_combo.setCurrentIndex(1)
    facilitator = bar.facilitator_combo.currentText()
    assert 0 < page.model.rowCount() < 300
    assert set(shown(page, Column.FACILITATOR)) == {facilitator}
    bar.facilitator_combo.setCurrentIndex(0)
    bar.status_combo.setCurrentIndex(bar.status_combo.findData("nonaktif"))
    with demo_db.read() as s:
        expected = caseload_query.count(s, CaseloadFilter(status="nonaktif"))
    assert page.model.rowCount() == expected
    assert set(shown(page, Column.STATUS)) <= {"Nonaktif"}


def test_component_filter(page: CaseloadPage, demo_db: Database) -> None:
    bar = page.filters
    bar.component_combo.setCurrentIndex(bar.component_combo.findData("anak_sd"))
    ids = shown_ids(page)
    assert 0 < len(ids) < 300
    with demo_db.read() as s:
        for household_id in ids[:25]:
            detail = caseload.get_household(s, household_id)
            assert any("Anak SD" in m.components for m in detail.members), household_id


def click_header(qtbot: QtBot, page: CaseloadPage, column: Column) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_clicking_a_header_sorts_and_clicking_again_reverses(qtbot: QtBot, page: CaseloadPage) -> None:
    click_header(qtbot, page, Column.NO_KK)
    numbers = shown(page, Column.NO_KK)
    assert numbers == sorted(numbers)
    assert page.model.caseload_filter.sort == Column.NO_KK
    click_header(qtbot, page, Column.NO_KK)
    assert shown(page, Column.NO_KK) == sorted(numbers, reverse=True)
    page.table.sortByColumn(Column.MEMBERS, Qt.SortOrder.DescendingOrder)
    counts = [int(v) for v in shown(page, Column.MEMBERS)]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]


# --- opening and editing ---------------------------------------------------------------------


def test_enter_opens_the_family_with_its_members(qtbot: QtBot, page: CaseloadPage, demo_db: Database) -> None:
    page.select_row(3)
    household_id = page.selected_household_id()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.household_id == household_id
    names = [line.data.name for line in dialog.members.model.lines]
    assert names == member_names(demo_db, household_id)
    assert dialog.no_kk_edit.text() == shown(page, Column.NO_KK)[3]
    assert dialog.members.summary.text().startswith("Komponen PKH:")
    assert "Bantuan per tahun: Rp " in dialog.members.summary.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert page.dialog is None and not dialog.isVisible()


def test_double_click_opens_the_family(qtbot: QtBot, page: CaseloadPage) -> None:
    rect = page.table.visualRect(page.model.index(2, Column.RECIPIENT))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # starts with a click
    assert page.dialog is not None
    assert page.dialog.household_id == page.model.household_id(2)
    page.dialog.reject()


def test_edit_a_members_name_shows_in_the_table_and_the_database(
    qtbot: QtBot, page: CaseloadPage, demo_db: Database
) -> None:
    page.select_row(0)
    household_id = page.selected_household_id()
    page.open_selected()
    dialog = page.dialog
    assert dialog is not None
    panel = dialog.members
    recipient_row = next(i for i, line in enumerate(panel.model.lines) if line.data.is_recipient)
    panel.select_row(recipient_row)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    member_dialog = panel.member_dialog
    assert member_dialog is not None and member_dialog.isVisible()
    member_dialog.name_edit.selectAll()
    qtbot.keyClicks(member_dialog.name_edit, "Zulaikha Uji Coba")
    assert member_dialog.save_button.isEnabled()
    qtbot.mouseClick(member_dialog.save_button, Qt.MouseButton.LeftButton)
    assert not member_dialog.isVisible() and panel.member_dialog is None
    assert "Zulaikha Uji Coba" in [line.data.name for line in panel.model.lines]  # the dialog reloaded
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert page.dialog is None
    # the list was refreshed and keeps the family selected; it now sorts under its new name
    assert page.selected_household_id() == household_id
    assert page.model.index(page.selected_row(), Column.RECIPIENT).data(DISPLAY) == "Zulaikha Uji Coba"
    assert "Zulaikha Uji Coba" in member_names(demo_db, household_id)


def test_invalid_nik_is_shown_under_the_field_and_nothing_is_saved(
    qtbot: QtBot, page: CaseloadPage, demo_db: Database
) -> None:
    household_id = page.model.household_id(0)
    before = member_names(demo_db, household_id)
    page.open_household(household_id)
    panel = page.dialog.members
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    form = panel.member_dialog
    assert form is not None
    qtbot.keyClicks(form.name_edit, "Anak Baru")
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("L"))
    form.relation_combo.setCurrentIndex(form.relation_combo.findData("anak"))
    form.birth_edit.setFocus()
    qtbot.keyClicks(form.birth_edit, "01022015")
    assert str(form.birth_edit.value()) == "2015-02-01"
    qtbot.keyClicks(form.nik_edit, "3271013102150001")  # 31 February
    assert form.boxes["nik"].message == "NIK: tanggal lahir 31-02 tidak valid"
    assert form.boxes["nik"].error.isVisible()
    assert not form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert form.isVisible()
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert member_names(demo_db, household_id) == before
    assert [line.data.name for line in panel.model.lines] == before


def test_ctrl_n_creates_a_family_with_one_member(
    qtbot: QtBot, page: CaseloadPage, window: MainWindow, demo_db: Database
) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.household_id is None
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.no_kk_edit, "3271011503150999")
    dialog.kecamatan_combo.setCurrentIndex(dialog.kecamatan_combo.findText("Bogor Selatan"))
    dialog.kelurahan_combo.setCurrentIndex(dialog.kelurahan_combo.findText("Batu Tulis"))
    qtbot.keyClicks(dialog.address_edit, "Jl. Uji Coba No. 1")
    assert dialog.errors == {}
    assert not dialog.save_button.isEnabled()  # no member yet
    assert dialog.members.error.text() == "⚠ Tambahkan minimal satu anggota keluarga."

    qtbot.mouseClick(dialog.members.add_button, Qt.MouseButton.LeftButton)
    form = dialog.members.member_dialog
    assert form is not None
    qtbot.keyClicks(form.name_edit, "Ratna Ujicoba")
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("P"))
    form.birth_edit.setFocus()
    qtbot.keyClicks(form.birth_edit, "12051990")
    form.relation_combo.setCurrentIndex(form.relation_combo.findData("istri"))
    qtbot.keyClicks(form.nik_edit, "3271015205900999")
    form.recipient_check.setChecked(True)
    assert form.errors == {}
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert [line.data.name for line in dialog.members.model.lines] == ["Ratna Ujicoba"]
    with demo_db.read() as s:
        assert caseload_query.count(s) == 300  # buffered: nothing stored before Simpan
    assert dialog.save_button.isEnabled()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.dialog is None
    with demo_db.read() as s:
        assert caseload_query.count(s) == 301
        keys = caseload_query.search_keys(s, CaseloadFilter(text="3271011503150999"))
        created = caseload_query.load_rows(s, keys)
    assert [(r.recipient_name, r.member_count, r.kelurahan) for r in created] == [("Ratna Ujicoba", 1, "Batu Tulis")]
    assert page.selected_household_id() == created[0].id  # the new family is selected in the list
    assert page.model.rowCount() == 301
    assert window.count_label.text() == "301 keluarga"


def test_a_new_family_needs_exactly_one_pengurus(qtbot: QtBot, page: CaseloadPage) -> None:
    page.new_household()
    dialog = page.dialog
    qtbot.keyClicks(dialog.no_kk_edit, "3271011503150998")
    dialog.kecamatan_combo.setCurrentIndex(dialog.kecamatan_combo.findText("Bogor Selatan"))
    dialog.kelurahan_combo.setCurrentIndex(1)
    qtbot.mouseClick(dialog.members.add_button, Qt.MouseButton.LeftButton)
    form = dialog.members.member_dialog
    qtbot.keyClicks(form.name_edit, "Budi Ujicoba")
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("L"))
    form.birth_edit.set_value(date(1980, 1, 2))
    form.relation_combo.setCurrentIndex(form.relation_combo.findData("kepala"))
    qtbot.keyClicks(form.nik_edit, "3271010201800998")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert len(dialog.members.model.lines) == 1
    assert not dialog.save_button.isEnabled()
    assert dialog.members.error.text() == "⚠ Pilih tepat satu anggota sebagai pengurus."
    dialog.reject()


def test_delete_asks_naming_the_family_then_tombstones_it(
    qtbot: QtBot,
    page: CaseloadPage,
    window: MainWindow,
    demo_db: Database,
    answer: Callable[[QMessageBox.StandardButton], Answers],
) -> None:
    page.select_row(4)
    household_id = page.selected_household_id()
    name, no_kk = shown(page, Column.RECIPIENT)[4], shown(page, Column.NO_KK)[4]
    no = answer(QMessageBox.StandardButton.No)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(no.asked) == 1 and name in no.asked[0] and no_kk in no.asked[0]
    assert page.model.rowCount() == 300  # answered No: nothing happened

    yes = answer(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(yes.asked) == 1
    assert page.model.rowCount() == 299
    assert household_id not in shown_ids(page)
    assert page.selected_row() == 4  # the next family is selected, ready for the next action
    with demo_db.read() as s, pytest.raises(NotFoundError):
        caseload.get_household(s, household_id)
    assert window.count_label.text() == "299 keluarga"
    assert window.home_page.total_value.text() == "299"
