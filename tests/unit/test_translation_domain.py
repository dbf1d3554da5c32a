"""English for the domain area (labels of coded values, the audit trail's words, permission refusals, data
quality findings, settings, sync conflicts, proposal statuses): with a translator installed the screen
paths go through it (``⟦marked⟧`` by ``tests.translation_fakes``), while the data — the Bahasa label
tables, the values stored and parsed, the audit export — stays Bahasa."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from simoncer_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from simoncer_desktop.models import Household, Member
from simoncer_desktop.models.enums import LABELS, AuditAction, DamageLevel, HouseholdStatus, InjuryLevel, Role, Sex
from simoncer_desktop.reports.excel.audit_workbook import write_audit_workbook
from simoncer_desktop.services import acting, audit, audit_labels, caseload, permissions, settings
from simoncer_desktop.services import conflict_resolution as cr
from simoncer_desktop.services import decision_lists as lists
from simoncer_desktop.services.data_quality import Kind, run_checks
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database
from simoncer_desktop.translation import untranslated
from tests.factories import family
from tests.translation_fakes import has_mark, marked_translation

PENDAMPING = Identity("user-pd", "pd", "Pendamping A", Role.FACILITATOR, "32.71.01", facilitator_id="fac-1")
VIEWER = Identity("user-v", "v", "Pemantau", Role.VIEWER, "*")
ON = date(2026, 6, 1)


def create(db: Database, serial: int = 1) -> str:
    data, members = family(serial)
    with db.transaction() as s:
        return caseload.create_household(s, data, members)


# --- (a) what the screen shows goes through the translator ----------------------------------------------


def test_enum_label_is_translated_for_the_screen_and_source_label_stays_bahasa() -> None:
    with marked_translation():
        assert HouseholdStatus.ACTIVE.label == "⟦Aktif⟧"
        assert DamageLevel.HEAVY.label == "⟦Rusak berat⟧" and InjuryLevel.SERIOUS.label == "⟦Luka berat⟧"
        assert Sex.choices() == [("L", "⟦Laki-laki⟧"), ("P", "⟦Perempuan⟧")]
        assert HouseholdStatus.ACTIVE.source_label == "Aktif"
        assert LABELS[(HouseholdStatus, "aktif")] == "Aktif"  # the table is data: never translated
        with untranslated():
            assert HouseholdStatus.ACTIVE.label == "Aktif"
    assert HouseholdStatus.GRADUATED_SELF_RELIANT.label == "Graduasi sejahtera mandiri"


def test_every_enum_label_is_marked_for_lupdate_and_unchanged_without_a_translator() -> None:
    ts = (Path(__file__).resolve().parents[2] / "translations" / "simoncer_en_domain.ts").read_text(encoding="utf-8")
    for (kind, value), text in LABELS.items():
        assert kind(value).label == text
        assert f"<source>{text}</source>" in ts, text


def test_permission_refusals_are_translated_with_translated_role_and_action() -> None:
    with marked_translation():
        with pytest.raises(PermissionDeniedError) as refused:
            permissions.require(VIEWER, "caseload.edit")
        assert str(refused.value) == "⟦Peran {role} tidak berwenang {action}.⟧".format(
            role="⟦Pemantau (hanya laporan)⟧", action="⟦mengubah data keluarga⟧"
        )
        with pytest.raises(PermissionDeniedError) as elsewhere:
            permissions.require(PENDAMPING, "assessment.record", kecamatan="32.71.02")
        assert "32.71.02" in str(elsewhere.value) and str(elsewhere.value).startswith("⟦Peran ⟦Pendamping⟧")
        with pytest.raises(PermissionDeniedError) as nobody:
            permissions.require(None, "caseload.edit")
        assert str(nobody.value) == f"⟦{permissions.NOT_SIGNED_IN}⟧"
    with pytest.raises(PermissionDeniedError) as plain:
        permissions.require(VIEWER, "caseload.edit")
    assert str(plain.value) == "Peran Pemantau (hanya laporan) tidak berwenang mengubah data keluarga."


def test_not_signed_in_session_is_refused_in_the_screen_language(db: Database) -> None:
    with db.read() as s:
        acting.bind(s, None)
        with marked_translation(), pytest.raises(PermissionDeniedError) as refused:
            acting.actor(s)
    assert str(refused.value) == f"⟦{acting.NOT_SIGNED_IN}⟧"


def test_audit_words_are_translated_on_screen() -> None:
    with marked_translation():
        assert audit_labels.entity_label("household") == "⟦Keluarga⟧"
        assert audit_labels.entity_label("no_such_table") == "no_such_table"
        assert audit_labels.field_label("household", "no_kk") == "⟦No. KK⟧"
        assert audit_labels.field_label("relief_item", "name") == "⟦Nama barang⟧"
        assert audit_labels.field_label("household", "", AuditAction.CREATE) == "⟦(semua kolom)⟧"
        assert audit_labels.action_label("ubah") == "⟦Ubah⟧"
        assert audit_labels.value_text(True) == "⟦Ya⟧"
        assert audit_labels.value_text("aktif", "household", "status") == "⟦Aktif⟧"
        assert audit_labels.value_text({"prog_kis": False}, "household") == "⟦KIS⟧: ⟦Tidak⟧"
        choices = audit_labels.entity_choices()
        assert ("household", "⟦Keluarga⟧") in choices and all(has_mark(label) for _, label in choices)
        assert audit_labels.filter_text(user="budi", entity="household") == "⟦Pengguna: budi⟧ · ⟦Data: ⟦Keluarga⟧⟧"
        with pytest.raises(ValidationError) as unknown:
            audit.record(None, "u", "d", "household", "h", "x", {})  # type: ignore[arg-type]
        assert str(unknown.value) == "⟦Jenis perubahan 'x' tidak dikenal⟧"


def test_data_quality_kinds_and_findings_are_translated(db: Database) -> None:
    hid = create(db)
    with db.transaction() as s:
        s.execute(update(Member).where(Member.household_id == hid, Member.sex == "L").values(pregnant=True))
        first = s.scalars(select(Member.id).where(Member.household_id == hid, Member.is_recipient.is_(False))).first()
        s.execute(update(Member).where(Member.id == first).values(birth_date=date(2030, 1, 1)))
    with marked_translation():
        assert Kind.SD_OVER_AGE.label == "⟦Usia di atas {sd_age} tahun masih SD⟧".replace("{sd_age}", "17")
        assert Kind.NIK_DUPLICATE.explanation.startswith("⟦NIK yang sama")
        with db.read() as s:
            report = run_checks(s, on=ON)
    males = report.findings_of(Kind.PREGNANT_MALE)
    assert males and {f.message for f in males} == {"⟦Ditandai hamil/nifas, tetapi laki-laki⟧"}
    [future] = report.findings_of(Kind.BIRTH_DATE)
    assert future.message == "⟦Tanggal lahir {born} ada di masa depan⟧".format(born="01-01-2030")
    assert all(f.message.startswith("⟦") for kind in Kind for f in report.findings_of(kind))
    assert Kind.SD_OVER_AGE.label == "Usia di atas 17 tahun masih SD"
    assert Kind.BIRTH_DATE.explanation == "Tanggal lahir ada di masa depan atau umur lebih dari 120 tahun."


def test_setting_messages_conflicts_and_proposal_statuses_are_translated(db: Database) -> None:
    with marked_translation():
        with db.read() as s, pytest.raises(ValidationError) as wrong:
            settings.parse_value(s, "component_cap", "empat")
        assert str(wrong.value) == "⟦{key}: harus bilangan bulat (tertulis '{raw}')⟧".format(
            key="component_cap", raw="empat"
        )
        open_conflict = cr.ConflictItem.from_wire({"id": 1, "tbl": "household", "row_id": "h", "field": "status"})
        assert open_conflict.status_text() == "⟦Terbuka⟧" and open_conflict.losing_text() == "⟦(kosong)⟧"
        assert open_conflict.field_text() == "⟦Keluarga⟧ / ⟦Status⟧"
        assert cr.resolution_label(cr.KEPT) == "⟦Nilai sekarang dipertahankan⟧" and cr.kind_label("lww").startswith("⟦")
        assert lists.status_label(lists.STATUSES[0]) == "⟦Diusulkan⟧" and lists.status_label("x") == "x"
        assert lists.STATUS_LABELS[lists.STATUSES[0]] == "Diusulkan"
        with db.read() as s, pytest.raises(NotFoundError) as missing:
            lists.family_by_no_kk(s, "")
        assert str(missing.value) == "⟦No. KK: tidak ada keluarga dengan No. KK {no_kk}⟧".format(no_kk="⟦(kosong)⟧")
    with db.read() as s, pytest.raises(ValidationError) as plain:
        settings.parse_value(s, "component_cap", "empat")
    assert str(plain.value) == "component_cap: harus bilangan bulat (tertulis 'empat')"


# --- (b) documents, data and parsing stay Bahasa --------------------------------------------------------


def test_audit_export_stays_bahasa_while_the_screen_is_english(db: Database, tmp_path: Path) -> None:
    hid = create(db)
    with db.transaction() as s:  # through the ORM: the audit hook records a coded value and a yes/no
        household = s.get(Household, hid)
        assert household is not None
        household.status, household.prog_kis = HouseholdStatus.INACTIVE.value, True
    path = tmp_path / "audit.xlsx"
    with marked_translation():
        with untranslated():  # how the audit page makes the heading's filter words (see the report)
            described = audit_labels.filter_text(user="admin", entity="household", action="ubah")
        with db.read() as s:
            written = write_audit_workbook(audit.export_rows(s), path, described, generated_at=datetime(2026, 1, 1))
        assert audit_labels.entity_label("household") == "⟦Keluarga⟧"  # the screen still translated afterwards
    assert written > 0
    cells = [str(v) for row in load_workbook(path).active.iter_rows(values_only=True) for v in row if v is not None]
    assert not any(has_mark(text) for text in cells), [t for t in cells if has_mark(t)][:5]
    assert "Filter: Pengguna: admin · Data: Keluarga · Aksi: Ubah" in cells
    assert {"Keluarga", "Ubah", "Buat", "Nonaktif", "Aktif", "Ya"} <= set(cells) | {
        part for text in cells for part in text.replace(":", ";").split("; ")
    }


def test_label_tables_are_data_and_a_bahasa_label_still_finds_its_code() -> None:
    """Code that reads a Bahasa label back (a spreadsheet cell) uses the tables or ``source_label``."""
    with marked_translation():
        by_label = {member.source_label: member for member in HouseholdStatus}
        assert by_label["Graduasi alamiah"] is HouseholdStatus.GRADUATED_NATURAL
        assert permissions.ACTION_LABELS["audit.view"] == "melihat jejak audit"
        assert audit_labels.ENTITY_LABELS["household"] == "Keluarga"
        assert cr.RESOLUTION_LABELS[cr.REINSTATED] == "Nilai yang kalah dipulihkan"
        assert HouseholdStatus("aktif") is HouseholdStatus.ACTIVE  # stored codes are never words


def test_cli_and_tests_get_bahasa_without_a_translator(db: Database) -> None:
    hid = create(db)
    with db.transaction() as s:
        s.execute(update(Member).where(Member.household_id == hid, Member.sex == "L").values(pregnant=True))
    with db.read() as s:
        report = run_checks(s, on=ON)
    assert not any(has_mark(f.message) for kind in Kind for f in report.findings_of(kind))
    assert not any(has_mark(kind.label + kind.explanation) for kind in Kind)
    assert audit_labels.filter_text(first=date(2026, 1, 2), text=" mawar ") == "Dari 02-01-2026 · Teks: “mawar”"
