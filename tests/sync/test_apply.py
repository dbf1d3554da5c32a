"""Applying pulled pages (``sync.apply``) to a real encrypted database: upsert per row, capture suppressed,
a newer pending local field kept, the clock moved, the cursor stored in the page's transaction."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import Facilitator
from simoncer_desktop.store import Database
from simoncer_desktop.sync import apply, hlc, outbox, state
from simoncer_desktop.sync.client import Change, PullPage

OLD_WALL = 1_000_000_000_000
"""Long before any local edit of these tests."""


def future_wall() -> int:
    """Ahead of every local edit of these tests, within what a received HLC may move the clock."""
    return hlc.now_ms() + 60_000


def stamp(wall: int, device: str = "dev-pusat") -> str:
    return hlc.format_hlc(wall, 0, device)


def facilitator_fields(name: str = "Bu Ani", scope: str = "32.71.01") -> dict[str, object]:
    return {
        "name": name,
        "nik": "3271014101900001",
        "phone": "0812",
        "kelurahan_codes": "32.71.01.1001",
        "yearly_target": 12,
        "scope": scope,
        "deleted": 0,
    }


def page(*changes: Change, next_cursor: int | None = None, has_more: bool = False) -> PullPage:
    last = next_cursor if next_cursor is not None else (changes[-1].seq if changes else 0)
    return PullPage(list(changes), last, has_more, 0, 0)


def row(db: Database, table: str, row_id: str) -> dict[str, object] | None:
    with db.read() as s:
        found = s.execute(text(f"SELECT * FROM {table} WHERE id = :i"), {"i": row_id}).mappings().one_or_none()
        return dict(found) if found is not None else None


def outbox_rows(db: Database, row_id: str) -> list[outbox.OutboxOp]:
    with db.read() as s:
        return [op for op in outbox.pending(s, 100_000) if op.row_id == row_id]


def test_a_new_row_is_inserted_without_being_captured_and_the_cursor_is_stored(db: Database) -> None:
    row_id = uuid7()
    wall = future_wall()
    with db.transaction() as s:
        pending_before = outbox.count_pending(s)
        result = apply.apply_page(s, page(Change(41, "facilitator", row_id, facilitator_fields(), stamp(wall))))
    assert (result.inserted, result.updated, result.unapplied) == (1, 0, [])
    stored = row(db, "facilitator", row_id)
    assert stored is not None and stored["name"] == "Bu Ani" and stored["yearly_target"] == 12
    assert stored["created_at"] is not None and stored["updated_at"] is not None
    with db.read() as s:
        assert outbox.count_pending(s) == pending_before  # pulled changes are not sent back
        assert not outbox.is_applying(s)  # capture is on again
        assert state.load(s).cursor == 41
        assert hlc.parse(hlc.current(s)).wall_ms >= wall  # the clock saw the remote HLC
    with db.transaction() as s:  # a later local edit sorts after what was pulled
        s.get(Facilitator, row_id).phone = "0813"  # type: ignore[union-attr]
    (local,) = outbox_rows(db, row_id)
    assert local.hlc > stamp(wall) and local.fields == {"phone": "0813"}


def test_an_existing_row_gets_the_fields_but_a_newer_pending_local_value_is_kept(db: Database) -> None:
    with db.transaction() as s:
        fac = Facilitator(name="Pak Budi", kelurahan_codes="", scope="32.71.01")
        s.add(fac)
        s.flush()
        row_id = fac.id
    with db.transaction() as s:
        outbox.acknowledge(s, [op.op_id for op in outbox.pending(s, 100_000) if op.row_id == row_id])  # pushed
        s.get(Facilitator, row_id).phone = "0899"  # type: ignore[union-attr]  # pending, local HLC ≈ now
    older = Change(7, "facilitator", row_id, {"phone": "0811", "name": "Pak Budi S."}, stamp(OLD_WALL))
    with db.transaction() as s:
        result = apply.apply_page(s, page(older))
    assert (result.updated, result.fields_kept_local) == (1, 1)
    stored = row(db, "facilitator", row_id)
    assert stored is not None and (stored["phone"], stored["name"]) == ("0899", "Pak Budi S.")
    newer = Change(8, "facilitator", row_id, {"phone": "0822"}, stamp(future_wall()))
    with db.transaction() as s:
        result = apply.apply_page(s, page(newer))
    assert (result.updated, result.fields_kept_local) == (1, 0)
    assert row(db, "facilitator", row_id)["phone"] == "0822"  # type: ignore[index]
    assert len(outbox_rows(db, row_id)) == 1  # the local op stays queued (the server decides)


def test_a_poison_op_protects_nothing(db: Database) -> None:
    with db.transaction() as s:
        fac = Facilitator(name="Bu Cici", kelurahan_codes="", scope="32.71.01")
        s.add(fac)
        s.flush()
        row_id = fac.id
    with db.transaction() as s:
        (op,) = [o for o in outbox.pending(s, 100_000) if o.row_id == row_id]
        outbox.mark_poison(s, op.op_id, "ditolak")
        apply.apply_page(s, page(Change(3, "facilitator", row_id, {"name": "Bu Cici P."}, stamp(OLD_WALL))))
    assert row(db, "facilitator", row_id)["name"] == "Bu Cici P."  # type: ignore[index]


def test_unknown_tables_and_columns_and_refused_rows_do_not_stop_the_page(db: Database) -> None:
    good = uuid7()
    fields = {**facilitator_fields("Bu Dewi"), "kolom_baru": "x", "member_count": 99}
    orphan = {"household_id": uuid7(), "nik": "3271010101900002", "name": "Tanpa KK", "scope": "32.71.01"}
    changes = [
        Change(1, "tabel_baru", uuid7(), {"a": 1}, stamp(OLD_WALL)),
        Change(2, "member", uuid7(), orphan, stamp(OLD_WALL)),  # incomplete, no household: refused
        Change(3, "facilitator", good, fields, stamp(OLD_WALL)),
        Change(4, "facilitator", uuid7(), {"phone": "1"}, "bukan-hlc"),
    ]
    with db.transaction() as s:
        result = apply.apply_page(s, page(*changes, next_cursor=9))
        assert state.load(s).cursor == 9
    assert result.inserted == 1 and result.fields_ignored == 2  # a newer column, a derived summary
    assert [(u.seq, u.tbl) for u in result.unapplied] == [(1, "tabel_baru"), (2, "member"), (4, "facilitator")]
    assert "tabel tidak dikenal" in result.unapplied[0].reason
    assert "HLC" in result.unapplied[2].reason
    assert row(db, "facilitator", good)["name"] == "Bu Dewi"  # type: ignore[index]
    assert row(db, "member", changes[1].row_id) is None


def test_a_crash_before_commit_keeps_neither_the_page_nor_the_cursor(db: Database) -> None:
    row_id = uuid7()
    with pytest.raises(RuntimeError), db.transaction() as s:
        apply.apply_page(s, page(Change(5, "facilitator", row_id, facilitator_fields(), stamp(OLD_WALL))))
        raise RuntimeError("listrik padam")
    assert row(db, "facilitator", row_id) is None
    with db.read() as s:
        assert state.load(s).cursor == 0 and not outbox.is_applying(s)


def test_json_values_and_booleans_are_stored_as_sqlite_stores_them(db: Database) -> None:
    row_id = uuid7()
    fields = {**facilitator_fields(), "deleted": True, "kelurahan_codes": ["a", "b"]}
    with db.transaction() as s:
        apply.apply_page(s, page(Change(1, "facilitator", row_id, fields, stamp(OLD_WALL))))
    stored = row(db, "facilitator", row_id)
    assert stored is not None and stored["deleted"] == 1 and json.loads(str(stored["kelurahan_codes"])) == ["a", "b"]


def test_apply_changes_outside_applying_is_refused(db: Database) -> None:
    with db.transaction() as s, pytest.raises(RuntimeError, match="applying"):
        apply.apply_changes(s, [Change(1, "facilitator", uuid7(), {"name": "x"}, stamp(OLD_WALL))])
