"""Change capture (migration 0006, ``sync.capture``): every synced table's inserts and updates reach the
outbox with the right fields and increasing HLCs; capture is suppressed while applying; the triggers at
head match the models."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import BigInteger, Boolean, Date, DateTime, Float, Integer, String, Text, select, text, update
from sqlalchemy.orm import Session

from simoncer_desktop.migrate import alembic_config, run_alembic
from simoncer_desktop.models import Base, Member
from simoncer_desktop.services import bulk_write, caseload
from simoncer_desktop.services.auth import UserInput, create_user
from simoncer_desktop.services.settings import set_setting
from simoncer_desktop.store import Database
from simoncer_desktop.sync import capture, hlc, outbox
from simoncer_desktop.sync.outbox import OutboxOp
from tests.factories import KELURAHAN, family, member
from tests.keys import TEST_ADMIN

HLC_TEXT = re.compile(r"^\d{15}-\d{5}-.+$")
UUID7 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def ops_after(s: Session, seq: int) -> list[OutboxOp]:
    """Every outbox row (any status) after ``seq``, in order."""
    rows = s.execute(
        text(f"SELECT {outbox.COLUMNS} FROM sync_outbox WHERE seq > :s ORDER BY seq"),
        {"s": seq},
    )
    return [outbox.op_from_row(r) for r in rows]


def last_seq(s: Session) -> int:
    return int(s.execute(text("SELECT coalesce(max(seq), 0) FROM sync_outbox")).scalar_one())


# Values for every column type, valid against the tables' CHECK and UNIQUE constraints.
OVERRIDES: dict[str, dict[str, Any]] = {
    "household": {"status": "aktif", "desil": 3},
    "member": {"sex": "P"},
    "victim": {"sex": "L", "injury": "berat"},
    "affected_family": {"damage": "berat"},
    "disaster_event": {"status": "dibuka"},
    "stock_movement": {"kind": "masuk", "quantity": 5},
    "entitlement": {"kind": "uang"},
    "questionnaire": {"version": 99},
    "app_user": {"username": "capture.test"},
}
SAMPLE_DATE = date(2026, 1, 2)
SAMPLE_DATETIME = datetime(2026, 1, 2, 3, 4, 5)


def sample_value(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, Boolean):
        return True
    if isinstance(kind, DateTime):
        return SAMPLE_DATETIME
    if isinstance(kind, Date):
        return SAMPLE_DATE
    if isinstance(kind, Float):
        return 1.5
    if isinstance(kind, Integer | BigInteger):
        return 2
    if isinstance(kind, String | Text):
        return "x"
    raise AssertionError(f"no sample for {column}")


def stored(value: Any) -> Any:
    """How the value is stored by SQLAlchemy in SQLite, i.e. how capture must carry it."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def test_every_synced_table_is_captured_on_insert(db: Database) -> None:
    captured = capture.captured_columns()
    classes = {m.local_table.name: m.class_ for m in Base.registry.mappers}
    ids: dict[str, str] = {}
    values: dict[str, dict[str, Any]] = {}
    with db.transaction() as s:
        start = last_seq(s)
        for table in Base.metadata.sorted_tables:  # parents before children
            if table.name not in captured:
                continue
            row: dict[str, Any] = {"scope": "32.71.01"}
            for column in table.columns:
                if column.name in ("id", "scope", "deleted", "created_at", "updated_at"):
                    continue
                fk = next(iter(column.foreign_keys), None)
                if fk is not None:
                    target = fk.column.table.name
                    row[column.name] = KELURAHAN if target == "wilayah" else ids[target]
                else:
                    row[column.name] = sample_value(column)
            row.update(OVERRIDES.get(table.name, {}))
            obj = classes[table.name](**row)
            s.add(obj)
            s.flush()
            ids[table.name] = obj.id
            values[table.name] = row
        ops = ops_after(s, start)
    by_row = {(op.tbl, op.row_id): op for op in ops}
    assert len(by_row) == len(ops) == len(captured), "exactly one outbox row per inserted row, nothing else"
    for table, row_id in ids.items():
        op = by_row[(table, row_id)]
        assert op.kind == "insert" and op.status == "pending" and op.error is None
        assert list(op.fields) == list(captured[table]), table
        for name, value in op.fields.items():
            expected = False if name == "deleted" else values[table][name]
            assert value == stored(expected), (table, name)
        assert HLC_TEXT.match(op.hlc) and UUID7.match(op.op_id)
    # The encodings, spelled out once.
    member = by_row[("member", ids["member"])].fields
    assert member["birth_date"] == "2026-01-02" and member["is_recipient"] == 1 and member["deleted"] == 0
    user = by_row[("app_user", ids["app_user"])].fields
    assert "failed_logins" not in user and "locked_until" not in user and "password_hash" in user
    assert by_row[("assessment", ids["assessment"])].fields["score"] == 1.5
    assert by_row[("disaster_event", ids["disaster_event"])].fields["occurred_at"] == "2026-01-02 03:04:05.000000"
    household = by_row[("household", ids["household"])].fields
    assert not {"member_count", "recipient_name", "recipient_nik"} & set(household)
    assert {"distribution", "setting"} <= {op.tbl for op in ops}


def test_service_writes_are_captured(db: Database, cheap_argon2: None) -> None:
    data, members = family()
    with db.transaction() as s:
        start = last_seq(s)
        hh_id = caseload.create_household(s, data, members)
        set_setting(s, "capture_probe", {"a": 1}, date(2026, 3, 1))
        user_id = create_user(
            s, TEST_ADMIN, UserInput("petugas", "Petugas Uji", "operator", "rahasia-uji-123", "32.71.01")
        )
        ops = ops_after(s, start)
    kinds = [(op.tbl, op.kind) for op in ops]
    assert kinds[0] == ("household", "insert")
    assert kinds.count(("member", "insert")) == 4
    assert ("setting", "insert") in kinds and ("app_user", "insert") in kinds
    assert not [op for op in ops if op.tbl == "household" and op.kind == "update"], "summary columns are not synced"
    household = next(op for op in ops if op.tbl == "household")
    assert household.row_id == hh_id and household.fields["no_kk"] == data.no_kk
    recipient = next(op for op in ops if op.tbl == "member" and op.fields["name"] == "Siti Nurhaliza")
    assert recipient.fields["is_recipient"] == 1 and recipient.fields["birth_date"] == "1985-06-01"
    setting = next(op for op in ops if op.tbl == "setting")
    assert setting.fields["value"] == '{"a": 1}' and setting.fields["valid_from"] == "2026-03-01"
    assert next(op for op in ops if op.tbl == "app_user").row_id == user_id

    with db.transaction() as s:  # the same key and day again: an update of the value only
        start = last_seq(s)
        set_setting(s, "capture_probe", {"a": 2}, date(2026, 3, 1))
        (op,) = ops_after(s, start)
    assert (op.tbl, op.kind, op.fields) == ("setting", "update", {"value": '{"a": 2}'})


def _household(db: Database) -> tuple[str, list[str]]:
    data, members = family()
    with db.transaction() as s:
        hh_id = caseload.create_household(s, data, members)
        member_ids = list(
            s.scalars(select(Member.id).where(Member.household_id == hh_id).order_by(text("member.rowid")))
        )
    return hh_id, member_ids


def test_an_update_of_one_field_sends_only_that_field(db: Database) -> None:
    _, member_ids = _household(db)
    with db.transaction() as s:
        start = last_seq(s)
        s.get(Member, member_ids[1]).name = "Ujang Sutisna"  # type: ignore[union-attr]
        s.flush()
        ops = ops_after(s, start)
    assert [(op.tbl, op.row_id, op.kind, op.fields) for op in ops] == [
        ("member", member_ids[1], "update", {"name": "Ujang Sutisna"})
    ]


def test_an_update_to_null_and_of_several_fields(db: Database) -> None:
    _, member_ids = _household(db)
    with db.transaction() as s:
        start = last_seq(s)
        s.execute(update(Member).where(Member.id == member_ids[0]).values(nik=None, education="sma", pregnant=True))
        (op,) = ops_after(s, start)
    assert op.fields == {"nik": None, "education": "sma", "pregnant": 1}


def test_an_update_that_changes_nothing_writes_nothing(db: Database) -> None:
    hh_id, member_ids = _household(db)
    with db.transaction() as s:
        start = last_seq(s)
        clock = hlc.current(s)
        s.execute(text("UPDATE member SET name = name, updated_at = '2030-01-01 00:00:00.000000'"))
        s.execute(text("UPDATE household SET member_count = 99 WHERE id = :h"), {"h": hh_id})  # derived only
        s.get(Member, member_ids[0]).name = "Siti Nurhaliza"  # type: ignore[union-attr]  # same value
        s.flush()
        assert ops_after(s, start) == []
        assert hlc.current(s) == clock, "no change, no clock movement"


def test_a_tombstone_is_an_update_of_deleted(db: Database) -> None:
    hh_id, member_ids = _household(db)
    with db.transaction() as s:
        start = last_seq(s)
        caseload.delete_member(s, member_ids[3])
        (op,) = ops_after(s, start)
    assert (op.tbl, op.row_id, op.kind, op.fields) == ("member", member_ids[3], "update", {"deleted": 1})
    with db.transaction() as s:
        start = last_seq(s)
        caseload.delete_household(s, hh_id)
        ops = ops_after(s, start)
    assert {(op.tbl, op.kind) for op in ops} == {("member", "update"), ("household", "update")}
    assert all(op.fields["deleted"] == 1 for op in ops)
    assert len(ops) == 4  # three live members and the family


def test_hlcs_strictly_increase_even_within_one_millisecond(db: Database) -> None:
    _household(db)
    with db.transaction() as s:
        start = last_seq(s)
        # One statement: SQLite's 'now' is the same for every row of it, so only the counter moves.
        s.execute(text("UPDATE member SET education = 'pt'"))
        s.execute(
            text(
                "INSERT INTO setting (id, scope, deleted, key, value, valid_from, created_at, updated_at) "
                "SELECT 'probe-' || value, '*', 0, 'probe' || value, '1', '2026-01-01', '', '' "
                "FROM json_each('[1,2,3,4,5,6,7,8,9,10]')"
            )
        )
        ops = ops_after(s, start)
    stamps = [op.hlc for op in ops]
    assert len(stamps) == 14
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    parsed = [hlc.parse(x) for x in stamps]
    assert any(a.wall_ms == b.wall_ms and b.counter == a.counter + 1 for a, b in itertools.pairwise(parsed))
    assert len({op.op_id for op in ops}) == 14


def test_the_offset_shifts_the_wall(db: Database) -> None:
    day = 86_400_000
    with db.transaction() as s:
        hlc.set_offset(s, day)
        before = hlc.now_ms()
        start = last_seq(s)
        set_setting(s, "offset_probe", 1, date(2026, 1, 1))
        (op,) = ops_after(s, start)
        after = hlc.now_ms()
    assert before + day - 2 <= hlc.parse(op.hlc).wall_ms <= after + day + 2


def test_applying_suppresses_capture_and_restores_it_even_on_an_error(db: Database) -> None:
    _, member_ids = _household(db)
    with db.transaction() as s:
        start = last_seq(s)
        with outbox.applying(s):
            assert outbox.is_applying(s)
            s.get(Member, member_ids[0]).name = "Dari Server"  # type: ignore[union-attr]  # flushed on leaving
            s.execute(text("UPDATE member SET education = 'smp' WHERE id = :m"), {"m": member_ids[1]})
        assert not outbox.is_applying(s)
        assert ops_after(s, start) == []
        with pytest.raises(RuntimeError), outbox.applying(s):
            raise RuntimeError("halaman rusak")
        assert not outbox.is_applying(s)
        s.get(Member, member_ids[2]).name = "Lokal"  # type: ignore[union-attr]
        s.flush()
        (op,) = ops_after(s, start)
    assert op.fields == {"name": "Lokal"}


def test_pending_orm_changes_before_applying_are_still_captured(db: Database) -> None:
    _, member_ids = _household(db)
    with db.transaction() as s:
        start = last_seq(s)
        s.get(Member, member_ids[0]).name = "Diketik Lokal"  # type: ignore[union-attr]  # not flushed yet
        with outbox.applying(s):
            pass
        (op,) = ops_after(s, start)
    assert op.fields == {"name": "Diketik Lokal"}


def test_a_rolled_back_transaction_leaves_no_outbox_rows(db: Database) -> None:
    with db.read() as s:
        before = last_seq(s), hlc.current(s)
    data, members = family()
    with pytest.raises(RuntimeError), db.transaction() as s:
        caseload.create_household(s, data, members)
        assert last_seq(s) > before[0]
        raise RuntimeError("batal")
    with db.read() as s:
        assert (last_seq(s), hlc.current(s)) == before


def test_observing_a_remote_hlc_ahead_orders_the_next_local_change_after_it(db: Database) -> None:
    remote = hlc.format_hlc(hlc.now_ms() + 60_000, 7, "ffffffff-remote")
    with db.transaction() as s:
        assert hlc.observe(s, remote) is False
        start = last_seq(s)
        set_setting(s, "observe_probe", 1, date(2026, 1, 1))
        (op,) = ops_after(s, start)
    assert op.hlc > remote
    stamp = hlc.parse(op.hlc)
    assert (stamp.wall_ms, stamp.counter) == (hlc.parse(remote).wall_ms, 8)


def test_a_remote_hlc_days_ahead_is_clamped_and_does_not_drag_the_clock_along(db: Database) -> None:
    remote = hlc.format_hlc(hlc.now_ms() + 10 * 86_400_000, 7, "ffffffff-remote")
    before = hlc.now_ms()
    with db.transaction() as s:
        assert hlc.observe(s, remote) is True
        start = last_seq(s)
        set_setting(s, "observe_probe", 1, date(2026, 1, 1))
        (op,) = ops_after(s, start)
    stamp = hlc.parse(op.hlc)
    assert before + hlc.MAX_FUTURE_MS <= stamp.wall_ms <= hlc.now_ms() + hlc.MAX_FUTURE_MS
    assert op.hlc < remote  # the far-future stamp is not followed


def test_the_clock_carries_this_files_device_id(db: Database) -> None:
    with db.read() as s:
        assert hlc.device(s) == db.device_id != ""
        assert hlc.current(s).endswith("-" + db.device_id)


def test_the_triggers_at_head_are_the_ones_the_models_call_for(db: Database) -> None:
    """A model change without a capture migration fails here."""
    expected = {
        re.match(r"CREATE TRIGGER (\w+)", sql).group(1): sql  # type: ignore[union-attr]
        for sql in capture.current_trigger_sql(capture.captured_columns(), capture.BULK_TABLES)
    }
    with db.read() as s:
        actual = dict(
            s.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'")
            ).all()
        )
    assert set(actual) == set(expected)
    squash = lambda sql: " ".join(sql.split())  # noqa: E731
    for name, sql in expected.items():
        assert squash(actual[name]) == squash(sql), name


def test_the_newest_frozen_column_list_equals_the_models() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    newest = next(r.module for r in script.walk_revisions() if hasattr(r.module, "CAPTURED"))
    frozen = newest.CAPTURED
    assert dict(frozen) == capture.captured_columns()
    assert tuple(newest.BULK_TABLES) == capture.BULK_TABLES
    assert set(frozen) == set(capture.synced_columns())


def test_rows_that_existed_before_capture_are_queued_once_on_upgrade(db: Database) -> None:
    hh_id, member_ids = _household(db)
    run_alembic(db.engine, "downgrade", "0005")
    run_alembic(db.engine, "upgrade", "head")
    with db.read() as s:
        ops = ops_after(s, 0)
        counts = {t: s.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in capture.captured_columns()}
        device = hlc.device(s)
    assert device == db.device_id
    assert len(ops) == sum(counts.values()) and {op.kind for op in ops} == {"insert"}
    assert len({op.hlc for op in ops}) == 1 and len({op.op_id for op in ops}) == len(ops)
    assert all(UUID7.match(op.op_id) for op in ops)
    order = [op.tbl for op in ops]
    assert order.index("household") < order.index("member")  # parents first
    mine = {op.row_id: op for op in ops if op.row_id in {hh_id, *member_ids}}
    assert len(mine) == 5 and mine[hh_id].fields["rt"] == "003"
    with db.transaction() as s:
        start = last_seq(s)
        set_setting(s, "after_upgrade", 1, date(2026, 1, 1))
        (op,) = ops_after(s, start)
    assert op.hlc > ops[0].hlc


def test_a_bulk_write_queues_its_new_rows_set_based_and_its_updates_row_by_row(db: Database) -> None:
    hh_id, member_ids = _household(db)
    stamp = "2026-11-25 10:00:00.000000"
    new_hh, new_members = (
        "01a20000-0000-7000-8000-00000000a001",
        ["01a20000-0000-7000-8000-00000000b001", "01a20000-0000-7000-8000-00000000b002"],
    )
    with db.transaction() as s:
        start = last_seq(s)
        with bulk_write.triggers_deferred(s) as touched:
            conn = s.connection()
            conn.exec_driver_sql(
                "INSERT INTO household (id, scope, no_kk, address, rt, rw, kelurahan_code, status, created_at, "
                "updated_at) VALUES (?, '32.71.01', '3271011503150999', 'Jl. Baru', '001', '002', ?, 'aktif', ?, ?)",
                (new_hh, KELURAHAN, stamp, stamp),
            )
            conn.exec_driver_sql(
                "INSERT INTO member (id, household_id, scope, nik, name, birth_date, sex, relation, education, "
                "created_at, updated_at) VALUES (?, ?, '32.71.01', NULL, ?, '1990-01-01', 'P', 'kepala', "
                "'tidak_sekolah', ?, ?)",
                [(m, new_hh, f"Baru {n}", stamp, stamp) for n, m in enumerate(new_members)],
            )
            assert ops_after(s, start) == [], "inserts of the bulk tables wait for the end"
            # An update of an existing member is captured at once; one of a new member is folded in.
            conn.exec_driver_sql("UPDATE member SET name = 'Siti Diperbarui' WHERE id = ?", (member_ids[0],))
            conn.exec_driver_sql("UPDATE member SET education = 'sma' WHERE id = ?", (new_members[1],))
            touched.update({hh_id, new_hh})
        ops = ops_after(s, start)
        summary = s.execute(text("SELECT member_count FROM household WHERE id = :h"), {"h": new_hh}).scalar_one()
    assert summary == 2
    assert [(op.tbl, op.row_id, op.kind) for op in ops] == [
        ("member", member_ids[0], "update"),
        ("household", new_hh, "insert"),
        ("member", new_members[0], "insert"),
        ("member", new_members[1], "insert"),
    ]
    assert ops[0].fields == {"name": "Siti Diperbarui"}
    assert ops[1].fields["no_kk"] == "3271011503150999" and "member_count" not in ops[1].fields
    assert ops[3].fields["education"] == "sma" and ops[3].fields["birth_date"] == "1990-01-01"
    assert list(ops[2].fields) == list(capture.captured_columns()["member"])
    assert ops[0].hlc < ops[1].hlc == ops[2].hlc == ops[3].hlc
    assert len({op.op_id for op in ops}) == 4 and all(UUID7.match(op.op_id) for op in ops)
    with db.transaction() as s:  # the switch is gone: single inserts are captured again
        start = last_seq(s)
        caseload.add_member(s, hh_id, member("Baru Lagi", date(2020, 5, 5), "L", 99))
        assert [(op.tbl, op.kind) for op in ops_after(s, start)] == [("member", "insert")]


def test_a_bulk_write_while_applying_queues_nothing(db: Database) -> None:
    with db.transaction() as s:
        start = last_seq(s)
        with outbox.applying(s), bulk_write.triggers_deferred(s):
            s.connection().exec_driver_sql(
                "INSERT INTO household (id, scope, no_kk, address, rt, rw, kelurahan_code, status, created_at, "
                "updated_at) VALUES ('01a20000-0000-7000-8000-00000000c001', '32.71.01', '3271011503150998', '', "
                "'', '', ?, 'aktif', '', '')",
                (KELURAHAN,),
            )
        assert ops_after(s, start) == []
