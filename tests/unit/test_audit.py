"""The audit trail: one entry per changed field, history and search, and append-only enforced by the
database itself (triggers from migration 0005), not by the app's good manners."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DatabaseError

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models import AuditEntry
from simoncer_desktop.models.enums import AuditAction
from simoncer_desktop.services import audit
from simoncer_desktop.store import Database

T0 = datetime(2026, 11, 25, 9, 0)


def seed(db: Database) -> None:
    with db.transaction() as s:
        audit.record(s, "ani", "laptop-1", "household", "hh-1", "buat", {"no_kk": (None, "3271011234560001")}, at=T0)
        audit.record(
            s,
            "budi",
            "laptop-2",
            "household",
            "hh-1",
            AuditAction.UPDATE,
            {
                "address": ("Jl. Lama 1", "Jl. Baru 2"),
                "desil": (3, 2),
                "rt": ("001", "001"),
                "on": (None, date(2026, 1, 5)),
            },
            note="pindah alamat",
            at=T0 + timedelta(hours=1),
        )
        audit.record(s, "Ani", "laptop-1", "member", "m-1", AuditAction.DELETE, {}, at=T0 + timedelta(hours=2))


def test_one_entry_per_changed_field_and_history_in_order(db: Database) -> None:
    seed(db)
    with db.read() as s:
        rows = audit.history(s, "household", "hh-1")
    assert [(r.action, r.field, r.old_value, r.new_value) for r in rows] == [
        (AuditAction.CREATE, "no_kk", None, "3271011234560001"),
        (AuditAction.UPDATE, "address", "Jl. Lama 1", "Jl. Baru 2"),
        (AuditAction.UPDATE, "desil", 3, 2),  # JSON keeps the number a number
        (AuditAction.UPDATE, "on", None, "2026-01-05"),
    ]  # the unchanged "rt" is not recorded
    assert {(r.user_name, r.device_id, r.note) for r in rows[1:]} == {("budi", "laptop-2", "pindah alamat")}
    assert rows[0].at == T0
    with db.read() as s:
        (deletion,) = audit.history(s, "member", "m-1")
    assert (deletion.action, deletion.field, deletion.old_value) == (AuditAction.DELETE, "", None)


def test_search_filters_newest_first(db: Database) -> None:
    seed(db)
    with db.read() as s:
        assert [r.entity for r in audit.search(s, user="ani")] == ["member", "household"]
        assert len(audit.search(s, entity="household")) == 4
        assert [r.field for r in audit.search(s, since=T0 + timedelta(minutes=30), until=T0 + timedelta(hours=2))] == [
            "on",
            "desil",
            "address",
        ]
        assert len(audit.search(s, limit=2)) == 2
        assert audit.search(s, user="tidak-ada") == []


def test_unknown_action_is_refused(db: Database) -> None:
    with db.transaction() as s, pytest.raises(ValidationError, match="tidak dikenal"):
        audit.record(s, "ani", "", "household", "hh-1", "ganti", {"x": (1, 2)})


def test_update_and_delete_are_refused_by_the_database(db: Database) -> None:
    seed(db)
    with db.read() as s:
        before = s.query(AuditEntry).count()  # the five seeded here and those of setting up the database
    with db.transaction() as s, pytest.raises(DatabaseError, match="audit_entry hanya boleh ditambah"):
        s.execute(update(AuditEntry).values(new_value='"dipalsukan"'))
    with db.transaction() as s, pytest.raises(DatabaseError, match="audit_entry hanya boleh ditambah"):
        s.execute(delete(AuditEntry).where(AuditEntry.entity == "member"))
    with db.transaction() as s, pytest.raises(DatabaseError, match="hanya boleh ditambah"):
        s.execute(text("DELETE FROM audit_entry"))
    # Through the ORM unit of work as well.
    with db.transaction() as s, pytest.raises(DatabaseError, match="hanya boleh ditambah"):
        row = s.query(AuditEntry).filter_by(entity="member").one()
        row.note = "diubah"
        s.flush()
    with db.transaction() as s, pytest.raises(DatabaseError, match="hanya boleh ditambah"):
        s.delete(s.query(AuditEntry).filter_by(entity="member").one())
        s.flush()
    with db.read() as s:
        assert s.query(AuditEntry).count() == before  # nothing was changed or removed
        assert audit.history(s, "member", "m-1")[0].note == ""


def test_entries_written_in_chunks_keep_unique_ids_in_order(db: Database) -> None:
    """A large import writes its entries in several chunks from one builder; ids must not repeat."""
    from simoncer_desktop.services.audit import EntryBuilder

    with db.transaction() as s:
        entries = EntryBuilder(s)
        for chunk in range(3):
            for i in range(4):
                entries.add("household", f"hh-{chunk}-{i}", AuditAction.CREATE, new={"n": i}, household_id="hh")
            entries.write(s)
    with db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.household_id == "hh").order_by(AuditEntry.id)).all()
    assert [r.entity_id for r in rows] == [f"hh-{c}-{i}" for c in range(3) for i in range(4)]
