"""English for the data services: their messages are translated on the screen, while the files they write
(caseload export, template, import report) stay Bahasa and Bahasa spreadsheets still parse.

``marked_translation`` stands in for the English catalogue: every translated text comes back ⟦marked⟧."""

from __future__ import annotations

import copy
import pickle
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from simoncer_desktop.errors import AuthError, FieldError, Message, ValidationError, render
from simoncer_desktop.reports.excel import caseload_workbook
from simoncer_desktop.services import auth, caseload, caseload_export, caseload_import
from simoncer_desktop.services.backup_restore import BackupError, restore_backup
from simoncer_desktop.services.caseload_import import ImportPlan, Outcome
from simoncer_desktop.services.identity import check_nik
from simoncer_desktop.services.sheet_reader import SheetFileError, open_sheet
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine
from simoncer_desktop.translation import untranslated
from tests.factories import family
from tests.sheets import families_rows, write_xlsx
from tests.translation_fakes import has_mark, marked_translation

TODAY = date(2026, 11, 25)


def plan_of(db: Database, path: Path) -> ImportPlan:
    with db.read() as s:
        return caseload_import.plan_import(s, path, today=TODAY)


def cells(path: Path) -> list[tuple[str, object]]:
    """Every cell value, header note and validation message of every sheet, labelled by where it is."""
    book = load_workbook(path)
    found: list[tuple[str, object]] = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                found.append((f"{sheet.title}!{cell.coordinate}", cell.value))
                if cell.comment is not None:
                    found.append((f"{sheet.title}!{cell.coordinate} note", cell.comment.text))
        for validation in sheet.data_validations.dataValidation:
            found.append((f"{sheet.title} validation", f"{validation.error} {validation.prompt}"))
    return found


def marked_cells(path: Path) -> list[tuple[str, object]]:
    return [(where, value) for where, value in cells(path) if isinstance(value, str) and has_mark(value)]


def faulty_file(tmp_path: Path) -> Path:
    """Family 1 with a date that is not in the calendar (refused), family 2 with a NIK typed with
    spaces (a safe fix), family 3 clean."""
    rows = families_rows(1, 2, 3)
    rows[0]["TANGGAL_LAHIR"] = "31-02-1990"
    second = next(r for r in rows if r["NO_KK"] == family(2)[0].no_kk)
    nik = str(second["NIK"])
    second["NIK"] = f"{nik[:6]} {nik[6:12]} {nik[12:]}"
    return write_xlsx(tmp_path / "faulty.xlsx", rows)


# --- on the screen: translated ------------------------------------------------------------------


def test_family_form_messages_are_translated(db: Database) -> None:
    data, members = family(1)
    members[0].name = ""
    with marked_translation(), db.transaction() as s, pytest.raises(ValidationError) as err:
        caseload.create_household(s, data, members)
    by_field = err.value.by_field()
    assert by_field["name"] == "⟦Anggota 1: ⟦Nama: wajib diisi⟧⟧"
    assert str(err.value) == "⟦Baris 1: ⟦Anggota 1: ⟦Nama: wajib diisi⟧⟧⟧"


def test_identity_messages_translate_the_field_label_and_render_back_in_bahasa() -> None:
    with marked_translation():
        (error,) = check_nik("123", kecamatan_codes=None)
        assert error.message == "⟦⟦NIK⟧: harus 16 digit (tertulis 3 digit)⟧"
        with untranslated():
            assert render(error.message) == "NIK: harus 16 digit (tertulis 3 digit)"
    (plain,) = check_nik("123", kecamatan_codes=None)
    assert plain.message == "NIK: harus 16 digit (tertulis 3 digit)"


def test_import_preview_texts_are_translated(db: Database, tmp_path: Path) -> None:
    path = faulty_file(tmp_path)
    with marked_translation():
        plan = plan_of(db, path)
        problems = plan.first_problems()
        summary = plan.summary_lines()
        remarks = [text for texts in plan.row_remarks().values() for text in texts]
    assert plan.count(Outcome.REJECTED) == 1 and plan.count(Outcome.NEW) == 2
    no_kk = family(1)[0].no_kk
    assert problems == [
        f"⟦No. KK {no_kk}: ⟦Baris 2, ⟦kolom TANGGAL_LAHIR ('31-02-1990')⟧: "
        "⟦⟦Tanggal lahir⟧: tanggal 31-02-1990 tidak ada di kalender⟧⟧⟧"
    ]
    assert all(has_mark(line) for line in summary)
    assert any(text.startswith("⟦Diperbaiki: ") for text in remarks)


def test_other_service_messages_are_translated(tmp_path: Path) -> None:
    with marked_translation():
        with pytest.raises(AuthError) as weak:
            auth.check_password("pendek", "ani")
        with pytest.raises(SheetFileError) as missing:
            open_sheet(tmp_path / "tidak-ada.xlsx", "Anggota")
        with pytest.raises(BackupError) as no_backup:
            restore_backup(tmp_path / "tidak-ada.zip", tmp_path / "db.sqlite3", None)
        duration = engine.describe_duration(5_400_000)
    assert str(weak.value) == "⟦Kata sandi minimal 8 karakter.⟧"
    assert has_mark(str(missing.value)) and has_mark(str(no_backup.value))
    assert duration == "⟦1 jam 30 menit⟧"


def test_without_a_translator_every_text_is_the_bahasa_source(db: Database, tmp_path: Path) -> None:
    """What the CLI and the central service see (nothing installed)."""
    plan = plan_of(db, faulty_file(tmp_path))
    texts = plan.first_problems() + plan.summary_lines() + [t for ts in plan.row_remarks().values() for t in ts]
    assert texts and not any(has_mark(t) for t in texts)
    assert "Keluarga ditolak: 1" in plan.summary_lines()
    assert engine.describe_duration(420_000) == "7 menit"


# --- files for other people and programs: Bahasa -------------------------------------------------


def test_import_report_is_bahasa_whatever_the_screen_language(db: Database, tmp_path: Path) -> None:
    path = faulty_file(tmp_path)
    with marked_translation():
        plan = plan_of(db, path)
        marked_report = caseload_import.write_report(plan, path, tmp_path / "laporan-en.xlsx")
    plain_report = caseload_import.write_report(plan_of(db, path), path, tmp_path / "laporan-id.xlsx")
    assert marked_cells(marked_report) == []
    assert cells(marked_report) == cells(plain_report)
    values = " ".join(str(v) for _, v in cells(marked_report) if v)
    assert "Tanggal lahir: tanggal 31-02-1990 tidak ada di kalender" in values
    assert "Diperbaiki: NIK '" in values
    assert "Keluarga ditolak: 1" in values


def test_export_is_bahasa_and_reimports_unchanged_under_translation(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        for serial in (1, 2):
            caseload.create_household(s, *family(serial))
    with marked_translation():
        with db.read() as s:
            exported = caseload_export.export_caseload(s, tmp_path / "ekspor-en.xlsx").path
        plan = plan_of(db, exported)
    with db.read() as s:
        plain = caseload_export.export_caseload(s, tmp_path / "ekspor-id.xlsx").path
    assert marked_cells(exported) == []
    assert cells(exported) == cells(plain)
    assert plan.count(Outcome.UNCHANGED) == 2 and not plan.problems()


def test_template_is_bahasa_under_translation(tmp_path: Path) -> None:
    places = [caseload_workbook.Place("32.71.01.1001", "Batutulis", "Bogor Selatan")]
    with marked_translation():
        marked = caseload_workbook.write_template(tmp_path / "templat-en.xlsx", places)
    plain = caseload_workbook.write_template(tmp_path / "templat-id.xlsx", places)
    assert marked_cells(marked) == []
    assert cells(marked) == cells(plain)


def test_bahasa_spreadsheet_values_parse_under_translation(db: Database, tmp_path: Path) -> None:
    """Labels (KEPALA KELUARGA, ISTRI, PAUD, HIDUP…) and aliases are read with the Bahasa tables."""
    rows = families_rows(1, 2)
    for row in rows:
        row["JENIS_KELAMIN"] = {"L": "LAKI-LAKI", "P": "PEREMPUAN"}[str(row["JENIS_KELAMIN"])]
    path = write_xlsx(tmp_path / "bahasa.xlsx", rows)
    with marked_translation():
        plan = plan_of(db, path)
    assert plan.count(Outcome.NEW) == 2 and not plan.problems()


# --- the Message type ----------------------------------------------------------------------------


def test_message_is_a_string_that_renders_again() -> None:
    with marked_translation():
        label = Message.translate("import", "Tanggal lahir")
        message = Message.translate("sheet", "{label}: tanggal {raw} tidak ada di kalender").format(
            label=label, raw="31-02-1990"
        )
        assert message == "⟦⟦Tanggal lahir⟧: tanggal 31-02-1990 tidak ada di kalender⟧"
        assert message.source == "{label}: tanggal {raw} tidak ada di kalender"
        for again in (pickle.loads(pickle.dumps(message)), copy.deepcopy(message)):
            assert again == message and isinstance(again, Message)
        with untranslated():
            assert message.render() == "Tanggal lahir: tanggal 31-02-1990 tidak ada di kalender"
            assert (
                str(FieldError("x", message, row=4))
                == "Baris 4: Tanggal lahir: tanggal 31-02-1990 tidak ada di kalender"
            )
    assert render(message) == "Tanggal lahir: tanggal 31-02-1990 tidak ada di kalender"
    assert Message.translate("import", "{{harfiah}} {x}").format(x=1) == "{harfiah} 1"
