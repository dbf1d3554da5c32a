"""Reading the audit trail: the page's filters, paging and count, a family's history, the export
iterator, the Bahasa labels, and who may read what (supervisor/admin the whole trail; others a
family's history within their scope)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from simoncer_desktop.errors import PermissionDeniedError, ValidationError
from simoncer_desktop.models.enums import AuditAction, Role
from simoncer_desktop.services import audit, audit_labels
from simoncer_desktop.services.audit import AuditFilter
from simoncer_desktop.services.caseload import create_household, update_household
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.store import Database
from tests import factories

T0 = datetime(2020, 3, 1, 8, 0)
WINDOW = AuditFilter(since=T0 - timedelta(days=1), until=T0 + timedelta(days=30))
"""Only this module's seeded entries (the fixtures' own set-up may have left entries of today)."""


def identity(role: Role = Role.ADMIN, scope: str = "*", facilitator_id: str | None = None) -> Identity:
    return Identity(
        user_id=f"u-{role.value}",
        username=f"{role.value}.uji",
        full_name=f"{role.label} Uji",
        role=role,
        scope=scope,
        facilitator_id=facilitator_id,
    )


@pytest.fixture
def admin_db(db: Database) -> Database:
    db.sign_in(identity(Role.ADMIN))
    return db


def window(**changes: object) -> AuditFilter:
    from dataclasses import replace

    return replace(WINDOW, **changes)


def seed(db: Database) -> None:
    """Five events, 8 entries (an unchanged field is not recorded), on two families and a user account."""
    with db.transaction() as s:
        audit.record(
            s, "ani", "laptop-1", "household", "hh-1", "buat",
            {"": (None, {"no_kk": "3271011234560001", "address": "Jl. Melati 5", "prog_kis": True})},
            at=T0, household_id="hh-1",
        )  # fmt: skip
        audit.record(
            s, "budi", "laptop-2", "household", "hh-1", AuditAction.UPDATE,
            {"address": ("Jl. Melati 5", "Jl. Mawar 100%"), "desil": (3, 2), "status": ("aktif", "nonaktif")},
            note="pindah alamat", at=T0 + timedelta(hours=1), household_id="hh-1",
        )  # fmt: skip
        audit.record(
            s, "Ani", "laptop-1", "member", "m-1", AuditAction.UPDATE, {"name": ("Siti", "Siti Aminah")},
            at=T0 + timedelta(hours=2), household_id="hh-1",
        )  # fmt: skip
        audit.record(
            s, "ani", "laptop-1", "member", "m-9", AuditAction.DELETE, {}, at=T0 + timedelta(days=2),
            household_id="hh-2",
        )  # fmt: skip
        audit.record(
            s, "admin", "laptop-1", "app_user", "u-5", AuditAction.UPDATE,
            {"role": ("operator", "supervisor"), "password_hash": ("***", "***"), "active": (True, False)},
            at=T0 + timedelta(days=3),
        )  # fmt: skip


def test_search_filters(admin_db: Database) -> None:
    seed(admin_db)
    with admin_db.read() as s:
        everything = audit.search(s, WINDOW)
        assert [e.field for e in everything] == ["active", "role", "", "name", "status", "desil", "address", ""]
        assert {e.entity for e in audit.search(s, window(user=" ANI "))} == {"household", "member"}
        assert len(audit.search(s, window(user="ani"))) == 3  # user names compare case-insensitively
        assert [e.entity_id for e in audit.search(s, window(entity="member"))] == ["m-9", "m-1"]
        assert len(audit.search(s, window(household_id="hh-1"))) == 5
        assert [e.field for e in audit.search(s, window(action=AuditAction.DELETE))] == [""]
        assert [e.field for e in audit.search(s, window(action="buat"))] == [""]
        # text: in the old or new value, the note, or the record id
        assert [e.field for e in audit.search(s, window(text="mawar"))] == ["address"]
        assert [e.field for e in audit.search(s, window(text="100%"))] == ["address"]  # % is literal
        assert audit.search(s, window(text="10_%")) == []  # and so is _
        assert len(audit.search(s, window(text="pindah"))) == 3  # the note of the three changes
        assert [e.field for e in audit.search(s, window(text="Aminah"))] == ["name"]
        assert [e.entity for e in audit.search(s, window(text="3271011234560001"))] == ["household"]
        assert [e.entity_id for e in audit.search(s, window(text="u-5"))] == ["u-5"] * 2
        # dates: since inclusive, until exclusive
        day = audit.search(s, window(since=T0 + timedelta(hours=1), until=T0 + timedelta(hours=2)))
        assert [e.field for e in day] == ["status", "desil", "address"]
        combined = window(user="ani", entity="member", household_id="hh-2", action="hapus")
        assert [e.entity_id for e in audit.search(s, combined)] == ["m-9"]
        assert audit.search(s, window(user="tidak-ada")) == []
        with pytest.raises(ValidationError, match="tidak dikenal"):
            audit.search(s, window(action="ganti"))


def test_views_carry_values_and_household(admin_db: Database) -> None:
    seed(admin_db)
    with admin_db.read() as s:
        created = audit.search(s, window(action="buat"))[0]
        address = audit.search(s, window(text="mawar"))[0]
    assert created.new_value == {"address": "Jl. Melati 5", "no_kk": "3271011234560001", "prog_kis": True}
    assert (created.user_name, created.device_id, created.household_id) == ("ani", "laptop-1", "hh-1")
    assert created.household_no_kk is None  # no such family row: the id is still there
    assert (address.old_value, address.new_value, address.note) == ("Jl. Melati 5", "Jl. Mawar 100%", "pindah alamat")


def test_paging_count_and_stable_order(admin_db: Database) -> None:
    with admin_db.transaction() as s:
        for n in range(7):  # 3 × 7 entries; the three of one change share one instant
            changes = {f"f{k}": (n, n + 1) for k in range(3)}
            audit.record(s, "ani", "d", "setting", f"s-{n}", "ubah", changes, at=T0 + timedelta(minutes=n))
    with admin_db.read() as s:
        assert audit.count(s, WINDOW) == 21
        assert audit.count(s, window(entity="setting", text="s-3")) == 3
        assert audit.count(s, window(user="x")) == 0
        everything = audit.search(s, WINDOW, limit=100)
        assert len(everything) == 21
        keys = [(e.at, e.id) for e in everything]
        assert keys == sorted(keys, reverse=True)  # at desc, id desc
        pages = [audit.search(s, WINDOW, offset, 5) for offset in range(0, 21, 5)]
        assert [len(p) for p in pages] == [5, 5, 5, 5, 1]
        assert [e.id for p in pages for e in p] == [e.id for e in everything]
        # keyset: continue after the last entry shown, whatever was added meanwhile
        first = audit.search(s, WINDOW, limit=8)
    with admin_db.transaction() as s:
        audit.record(s, "ani", "d", "setting", "s-new", "ubah", {"x": (1, 2)}, at=T0 + timedelta(hours=1))
    with admin_db.read() as s:
        rest = audit.search(s, WINDOW, limit=100, after=(first[-1].at, first[-1].id))
        assert [e.id for e in first + rest] == [e.id for e in everything]
        assert audit.count(s, WINDOW) == 22


def test_export_rows_reads_in_batches(admin_db: Database) -> None:
    with admin_db.transaction() as s:
        for n in range(25):
            audit.record(s, "ani", "d", "setting", f"s-{n}", "ubah", {"v": (n, n + 1)}, at=T0 + timedelta(seconds=n))
    statements: list[str] = []

    def count_selects(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "FROM audit_entry" in statement:
            statements.append(statement)

    with admin_db.read() as s:
        expected = [e.id for e in audit.search(s, WINDOW, limit=100)]
        event.listen(admin_db.engine, "before_cursor_execute", count_selects)
        try:
            rows = [e.id for e in audit.export_rows(s, WINDOW, batch=10)]
        finally:
            event.remove(admin_db.engine, "before_cursor_execute", count_selects)
    assert rows == expected
    assert len(statements) == 3  # 10 + 10 + 5


def test_legacy_search_keywords_still_work(admin_db: Database) -> None:
    seed(admin_db)
    with admin_db.read() as s:
        assert [e.entity for e in audit.search(s, user="ani", until=T0 + timedelta(days=30))] == [
            "member",
            "member",
            "household",
        ]
        assert len(audit.search(s, WINDOW, limit=2)) == 2
        assert len(audit.search(s, entity="household", since=WINDOW.since, until=WINDOW.until)) == 4


def test_distinct_users_and_entities(admin_db: Database) -> None:
    seed(admin_db)
    with admin_db.read() as s:
        assert {"admin", "Ani", "ani", "budi"} <= set(audit.users(s))
        assert {"household", "member", "app_user"} <= set(audit.entities(s))


def test_history_of_household_oldest_first_with_no_kk(admin_db: Database) -> None:
    data, members = factories.family(1)
    with admin_db.transaction() as s:
        household_id = create_household(s, data, members)
        audit.record(
            s, "ani", "laptop-1", "household", household_id, "ubah", {"rt": ("3", "4")},
            at=T0, household_id=household_id,
        )  # fmt: skip
        audit.record(
            s, "ani", "laptop-1", "member", "m-x", "ubah", {"name": ("A", "B")},
            at=T0 + timedelta(minutes=1), household_id=household_id,
        )  # fmt: skip
        audit.record(s, "ani", "laptop-1", "member", "m-y", "ubah", {"name": ("C", "D")}, at=T0, household_id="other")
    with admin_db.read() as s:
        rows = audit.history_of_household(s, household_id)
    mine = [r for r in rows if r.user_name == "ani"]
    assert [(r.entity, r.field) for r in mine] == [("household", "rt"), ("member", "name")]
    assert all(r.household_no_kk == data.no_kk for r in rows)
    assert all(r.household_id == household_id for r in rows)
    keys = [(r.at, r.id) for r in rows]
    assert keys == sorted(keys)


@pytest.fixture
def hook() -> object:
    """The ORM audit hook for this test only (it is global to every Session of the process)."""
    from simoncer_desktop.services import audit_hook

    installed = event.contains(Session, "after_flush", audit_hook._after_flush)
    audit_hook.install()
    yield audit_hook
    if not installed:
        event.remove(Session, "after_flush", audit_hook._after_flush)


def test_history_of_household_through_the_hook(admin_db: Database, hook: object) -> None:
    data, members = factories.family(2)
    with admin_db.transaction() as s:
        household_id = create_household(s, data, members)
    with admin_db.transaction() as s:
        changed = factories.household(2, address="Jl. Kenanga 9")
        update_household(s, household_id, changed)
    with admin_db.read() as s:
        rows = audit.history_of_household(s, household_id)
        found = audit.search(s, AuditFilter(household_id=household_id, text="Kenanga"))
    assert rows[0].entity == "household" and rows[0].action is AuditAction.CREATE
    assert rows[0].new_value["no_kk"] == data.no_kk
    assert {r.entity for r in rows} >= {"household", "member"}
    assert sum(1 for r in rows if r.entity == "member" and r.action is AuditAction.CREATE) == len(members)
    address = [r for r in rows if r.field == "address"]
    assert [(r.old_value, r.new_value, r.user_name) for r in address] == [
        ("Jl. Melati No. 5", "Jl. Kenanga 9", "admin.uji")
    ]
    assert [r.field for r in found] == ["address"]


# --- who may read ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SUPERVISOR])
def test_supervisor_and_admin_read_the_trail(db: Database, role: Role) -> None:
    seed_as_admin(db)
    db.sign_in(identity(role))
    with db.read() as s:
        assert audit.count(s, WINDOW) == 8
        assert len(list(audit.export_rows(s, WINDOW))) == 8


def seed_as_admin(db: Database) -> None:
    db.sign_in(identity(Role.ADMIN))
    seed(db)


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.FACILITATOR, Role.VIEWER])
def test_other_roles_may_not_read_the_trail(db: Database, role: Role) -> None:
    seed_as_admin(db)
    db.sign_in(identity(role, scope=factories.KECAMATAN if role is not Role.VIEWER else "*"))
    with db.read() as s:
        for read in (
            lambda: audit.search(s, WINDOW),
            lambda: audit.count(s, WINDOW),
            lambda: audit.export_rows(s, WINDOW),
            lambda: audit.users(s),
            lambda: audit.entities(s),
        ):
            with pytest.raises(PermissionDeniedError, match="jejak audit"):
                read()


def test_nobody_signed_in_reads_nothing(db: Database) -> None:
    seed_as_admin(db)
    db.sign_out()
    with db.read() as s:
        with pytest.raises(PermissionDeniedError, match="Belum masuk"):
            audit.search(s, WINDOW)
        with pytest.raises(PermissionDeniedError, match="Belum masuk"):
            audit.history_of_household(s, "hh-1")


def test_household_history_within_scope(db: Database) -> None:
    db.sign_in(identity(Role.ADMIN))
    with db.transaction() as s:
        mine = create_household(s, *factories.family(3))
        theirs = create_household(s, *factories.family(4, kelurahan=factories.OTHER_KELURAHAN))
        for household_id in (mine, theirs):
            audit.record(
                s, "ani", "d", "household", household_id, "ubah", {"rt": ("1", "2")}, household_id=household_id
            )
    db.sign_in(identity(Role.OPERATOR, scope=factories.KECAMATAN))
    with db.read() as s:
        assert any(r.field == "rt" for r in audit.history_of_household(s, mine))
        with pytest.raises(PermissionDeniedError, match="wilayah"):
            audit.history_of_household(s, theirs)
    db.sign_in(identity(Role.FACILITATOR, scope=factories.KECAMATAN, facilitator_id="f-lain"))
    with db.read() as s, pytest.raises(PermissionDeniedError, match="dampingannya"):
        audit.history_of_household(s, mine)
    db.sign_in(identity(Role.SUPERVISOR))
    with db.read() as s:
        assert audit.history_of_household(s, theirs)


# --- labels ----------------------------------------------------------------------------------------


def test_labels_and_values_read_in_bahasa() -> None:
    label = audit_labels.entity_label
    assert [label(e) for e in ("household", "member", "assessment", "stage_record")] == [
        "Keluarga",
        "Anggota",
        "Asesmen",
        "Tahap program",
    ]
    assert [label(e) for e in ("graduation_decision", "distribution", "app_user", "setting", "x_baru")] == [
        "Keputusan graduasi",
        "Penyaluran bantuan",
        "Pengguna",
        "Pengaturan",
        "x_baru",  # an unknown table keeps its name
    ]
    field = audit_labels.field_label
    assert field("household", "no_kk") == "No. KK"
    assert field("relief_item", "name") == "Nama barang"
    assert field("member", "kolom_baru") == "kolom_baru"
    assert field("household", "", "buat") == "(semua kolom)"
    assert field("household", "", AuditAction.DELETE) == ""
    value = audit_labels.value_text
    assert value(None) == ""
    assert (value(True), value(False)) == ("Ya", "Tidak")
    assert value("2026-01-05") == "05-01-2026"
    assert value("2026-01-05 09:07:00") == "05-01-2026 09:07"
    assert value("aktif", "household", "status") == "Aktif"
    assert value("L", "member", "sex") == "Laki-laki"
    assert value("kode-asing", "member", "sex") == "kode-asing"
    assert value(3) == "3"
    assert value(["a", "b"]) == "a, b"
    # a new record's columns in the table's order (stored sorted by name), unknown ones last, empty ones left out
    created = {
        "in_school": False,
        "kolom_lama": "x",
        "nik": "3271",
        "birth_date": "1980-05-12",
        "phone": None,
        "sex": "P",
    }
    assert value(created, "member") == (
        "NIK: 3271; Tanggal lahir: 12-05-1980; Jenis kelamin: Perempuan; Masih sekolah: Tidak; kolom_lama: x"
    )
    assert audit_labels.change_text("a", "b") == "a → b"
    assert audit_labels.change_text(None, "b") == "→ b"
    assert audit_labels.change_text("a", None) == "a → "
    assert audit_labels.action_label("hapus") == "Hapus"


def test_day_bounds_are_local_days_in_utc() -> None:
    since, until = audit_labels.day_bounds(date(2026, 1, 1), date(2026, 1, 31))
    assert since is not None and until is not None
    assert audit_labels.local_time(since) == datetime(2026, 1, 1)
    assert audit_labels.local_time(until) == datetime(2026, 2, 1)
    assert audit_labels.day_bounds(None, None) == (None, None)
