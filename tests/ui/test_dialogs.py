"""The family and member dialogs on their own: live validation, saving, errors under their fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services import caseload
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database
from simoncer_desktop.ui.dialogs import household_dialog
from simoncer_desktop.ui.dialogs.household_dialog import HouseholdDialog
from simoncer_desktop.ui.dialogs.member_dialog import MemberDialog
from simoncer_desktop.ui.tasks import TaskRunner
from tests.factories import OTHER_KECAMATAN, family, member
from tests.ui.conftest import Answers


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    owner = QWidget()
    qtbot.addWidget(owner)
    return TaskRunner(owner)


@pytest.fixture
def household_id(db: Database) -> str:
    data, members = family()
    with db.transaction() as s:
        return caseload.create_household(s, data, members)


def open_family(qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str | None) -> HouseholdDialog:
    dialog = HouseholdDialog(db, runner, household_id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def new_member(qtbot: QtBot, db: Database, runner: TaskRunner) -> MemberDialog:
    dialog = MemberDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


# --- member dialog ---------------------------------------------------------------------------


def test_new_member_form_shows_no_messages_before_typing_but_cannot_be_saved(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    form = new_member(qtbot, db, runner)
    assert set(form.errors) >= {"name", "nik", "sex", "birth_date", "relation"}
    assert all(box.message == "" for box in form.boxes.values())
    assert not form.save_button.isEnabled()


def test_valid_member_is_returned_without_saving(qtbot: QtBot, db: Database, runner: TaskRunner) -> None:
    wanted = member("Nining Sulastri", date(1988, 4, 9), "P", 77, relation="istri")
    form = new_member(qtbot, db, runner)
    qtbot.keyClicks(form.name_edit, wanted.name)
    qtbot.keyClicks(form.nik_edit, wanted.nik)
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("P"))
    form.birth_edit.setFocus()
    qtbot.keyClicks(form.birth_edit, "09041988")
    form.relation_combo.setCurrentIndex(form.relation_combo.findData("istri"))
    assert form.errors == {}
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result_data == wanted


def test_nik_that_contradicts_sex_is_explained_under_the_nik(qtbot: QtBot, db: Database, runner: TaskRunner) -> None:
    woman = member("Nining", date(1988, 4, 9), "P", 77)
    form = new_member(qtbot, db, runner)
    form.birth_edit.set_value(woman.birth_date)
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("L"))
    qtbot.keyClicks(form.nik_edit, woman.nik)
    assert form.boxes["nik"].message == "NIK: tanggal +40 menandakan perempuan, tetapi jenis kelamin laki-laki"
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("P"))
    assert form.boxes["nik"].message == ""


def test_pregnant_only_for_women_and_death_date_only_when_deceased(
    qtbot: QtBot, db: Database, runner: TaskRunner
) -> None:
    form = new_member(qtbot, db, runner)
    assert not form.pregnant_check.isEnabled()
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("P"))
    assert form.pregnant_check.isEnabled()
    form.pregnant_check.setChecked(True)
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("L"))
    assert not form.pregnant_check.isChecked() and not form.pregnant_check.isEnabled()
    assert not form.death_edit.isEnabled()
    form.deceased_check.setChecked(True)
    assert form.death_edit.isEnabled() and form.death_edit.value() == date.today()
    assert form.data().death_date == date.today()
    form.deceased_check.setChecked(False)
    assert form.data().death_date is None


def test_empty_date_field_accepts_typed_digits_and_clears(qtbot: QtBot, db: Database, runner: TaskRunner) -> None:
    form = new_member(qtbot, db, runner)
    field = form.birth_edit
    assert field.value() is None
    field.setFocus()
    qtbot.keyClicks(field, "17081945")
    assert field.value() == date(1945, 8, 17)
    assert field.text() == "17-08-1945"
    field.lineEdit().selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None


# --- family dialog: saved family -------------------------------------------------------------


def test_family_dialog_shows_members_and_components(
    qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str
) -> None:
    dialog = open_family(qtbot, db, runner, household_id)
    assert dialog.no_kk_edit.text() == family()[0].no_kk
    assert dialog.kecamatan_combo.currentText() == "Bogor Selatan"
    assert dialog.kelurahan_combo.currentText() == "Batu Tulis"
    assert (dialog.rt_edit.text(), dialog.rw_edit.text()) == ("003", "007")
    names = [line.data.name for line in dialog.members.model.lines]
    assert names[0] == "Siti Nurhaliza" and len(names) == 4
    model = dialog.members.model
    assert model.index(0, 7).data() == "✓"  # Pengurus
    summary = dialog.members.summary.text()
    assert "Anak usia dini" in summary and "Anak SD" in summary
    assert "Rp 3.900.000" in summary
    assert dialog.errors == {} and dialog.save_button.isEnabled()


def test_wrong_no_kk_is_shown_under_it_and_blocks_saving(
    qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str
) -> None:
    dialog = open_family(qtbot, db, runner, household_id)
    dialog.no_kk_edit.selectAll()
    qtbot.keyClicks(dialog.no_kk_edit, "32710112")
    assert dialog.boxes["no_kk"].message == "No. KK: harus 16 digit (tertulis 8 digit)"
    assert dialog.boxes["no_kk"].error.isVisible()
    assert not dialog.save_button.isEnabled()
    dialog.rt_edit.selectAll()
    qtbot.keyClicks(dialog.rt_edit, "1x")
    assert dialog.boxes["rt"].message.startswith("RT: harus angka")


def test_kelurahan_follow_the_kecamatan(qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str) -> None:
    dialog = open_family(qtbot, db, runner, household_id)
    dialog.kecamatan_combo.setCurrentIndex(dialog.kecamatan_combo.findData(OTHER_KECAMATAN))
    codes = [dialog.kelurahan_combo.itemData(i) for i in range(1, dialog.kelurahan_combo.count())]
    assert codes and all(c.startswith(OTHER_KECAMATAN + ".") for c in codes)
    assert dialog.kelurahan_combo.currentIndex() == 0  # "— pilih —": the old kelurahan is not offered
    assert dialog.boxes["kelurahan_code"].message == "Kelurahan: wajib dipilih dari daftar wilayah"
    dialog.kelurahan_combo.setCurrentIndex(1)
    assert dialog.errors == {}


def test_simpan_stores_the_family_fields(qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str) -> None:
    dialog = open_family(qtbot, db, runner, household_id)
    dialog.address_edit.selectAll()
    qtbot.keyClicks(dialog.address_edit, "Jl. Anggrek No. 9")
    qtbot.keyClicks(dialog.phone_edit, "081234567890")
    dialog.program_checks["kis"].setChecked(True)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [household_id]
    assert not dialog.isVisible()
    with db.read() as s:
        detail = caseload.get_household(s, household_id)
    assert (detail.address, detail.phone, detail.programs) == ("Jl. Anggrek No. 9", "081234567890", {"kis"})


def test_a_refusal_on_save_is_shown_under_its_field_and_nothing_is_saved(
    qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise ValidationError([FieldError("phone", "No. HP: sudah dipakai keluarga lain")])

    monkeypatch.setattr(household_dialog, "update_household", refuse)
    dialog = open_family(qtbot, db, runner, household_id)
    dialog.address_edit.selectAll()
    qtbot.keyClicks(dialog.address_edit, "Jl. Tidak Tersimpan")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.boxes["phone"].message == "No. HP: sudah dipakai keluarga lain"
    assert not dialog.save_button.isEnabled()
    with db.read() as s:
        assert caseload.get_household(s, household_id).address == "Jl. Melati No. 5"


def test_remove_a_member_after_confirmation(
    qtbot: QtBot,
    db: Database,
    runner: TaskRunner,
    household_id: str,
    answer: Callable[[QMessageBox.StandardButton], Answers],
) -> None:
    dialog = open_family(qtbot, db, runner, household_id)
    panel = dialog.members
    row = next(i for i, line in enumerate(panel.model.lines) if line.data.name == "Asep Hidayat")
    panel.select_row(row)
    asked = answer(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert asked.asked and "Asep Hidayat" in asked.asked[0]
    assert "Asep Hidayat" not in [line.data.name for line in panel.model.lines]
    assert "Anak usia dini" not in panel.summary.text()  # the toddler's component went with him
    assert "Rp 900.000" in panel.summary.text()
    with db.read() as s:
        assert [m.name for m in caseload.get_household(s, household_id).members] == [
            "Siti Nurhaliza",
            "Ujang Supriatna",
            "Dédé Rahmawati",
        ]


def test_a_member_refused_by_the_service_keeps_the_dialog_open(
    qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str
) -> None:
    other_data, other_members = family(serial=2)
    with db.transaction() as s:
        caseload.create_household(s, other_data, other_members)
    dialog = open_family(qtbot, db, runner, household_id)
    qtbot.mouseClick(dialog.members.add_button, Qt.MouseButton.LeftButton)
    form = dialog.members.member_dialog
    twin = other_members[1]  # already in the other family
    qtbot.keyClicks(form.name_edit, twin.name)
    form.sex_combo.setCurrentIndex(form.sex_combo.findData(twin.sex))
    form.birth_edit.set_value(twin.birth_date)
    form.relation_combo.setCurrentIndex(form.relation_combo.findData("famili_lain"))
    qtbot.keyClicks(form.nik_edit, twin.nik)
    assert form.boxes["nik"].message.startswith(f"NIK: {twin.nik} sudah terdaftar atas nama {twin.name}")
    assert not form.save_button.isEnabled()


def test_a_role_that_may_not_edit_sees_why_in_the_form_and_nothing_is_saved(
    qtbot: QtBot, db: Database, runner: TaskRunner, household_id: str
) -> None:
    db.sign_in(Identity("id-pemantau", "pemantau", "Pemantau", Role.VIEWER, "*"))
    dialog = open_family(qtbot, db, runner, household_id)
    dialog.address_edit.selectAll()
    qtbot.keyClicks(dialog.address_edit, "Jl. Tidak Boleh")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.general_error.isVisible())
    assert "tidak berwenang mengubah data keluarga" in dialog.general_error.text()
    assert dialog.isVisible() and dialog.address_edit.text() == "Jl. Tidak Boleh"
    with db.read() as s:
        assert caseload.get_household(s, household_id).address == "Jl. Melati No. 5"
