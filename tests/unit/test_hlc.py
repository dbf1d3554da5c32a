"""Hybrid logical clock helpers (``sync.hlc``) and the outbox API (``sync.outbox``)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from simoncer_desktop.services.settings import set_setting
from simoncer_desktop.store import Database
from simoncer_desktop.sync import hlc, outbox
from simoncer_desktop.sync.hlc import Hlc


def test_format_and_parse_round_trip() -> None:
    text_ = hlc.format_hlc(1_764_100_000_123, 4, "0198-dev")
    assert text_ == "001764100000123-00004-0198-dev"
    assert hlc.parse(text_) == Hlc(1_764_100_000_123, 4, "0198-dev")
    assert str(hlc.parse(text_)) == text_


@pytest.mark.parametrize("bad", ["", "123-00001-d", "001764100000123-1-d", "001764100000123-00001-", "x" * 30])
def test_malformed_hlcs_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        hlc.parse(bad)


def test_out_of_range_parts_are_refused() -> None:
    with pytest.raises(ValueError):
        hlc.format_hlc(10**15, 0, "d")
    with pytest.raises(ValueError):
        hlc.format_hlc(1, 100_000, "d")


def test_text_order_is_wall_counter_device_order() -> None:
    values = [
        Hlc(9, 99999, "b"),
        Hlc(10, 0, "a"),
        Hlc(10, 0, "b"),
        Hlc(10, 1, "a"),
        Hlc(1_764_100_000_000, 0, "a"),
    ]
    texts = [str(v) for v in values]
    assert sorted(texts) == texts and sorted(values) == values
    assert hlc.compare(texts[0], texts[1]) == -1
    assert hlc.compare(texts[2], values[2]) == 0
    assert hlc.compare(values[4], texts[3]) == 1


def test_offset_from_server() -> None:
    assert hlc.offset_from_server(1_000_500, local_ms=1_000_000) == 500
    assert hlc.offset_from_server(999_000, local_ms=1_000_000) == -1000


def test_tick_is_strictly_increasing(db: Database) -> None:
    with db.transaction() as s:
        stamps = [hlc.tick(s) for _ in range(50)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 50


def test_a_full_counter_moves_the_wall_on(db: Database) -> None:
    ahead = hlc.now_ms() + 3_600_000  # the clock is ahead of local time: the counter would grow
    with db.transaction() as s:
        s.execute(text("UPDATE sync_clock SET wall_ms = :w, counter = 99998 WHERE id = 1"), {"w": ahead})
        first, second = hlc.parse(hlc.tick(s)), hlc.parse(hlc.tick(s))
    assert (first.wall_ms, first.counter) == (ahead, 99999)
    assert (second.wall_ms, second.counter) == (ahead + 1, 0)


def test_observe_never_moves_the_clock_back(db: Database) -> None:
    with db.transaction() as s:
        # Put the clock an hour ahead, so local time cannot overtake it during the test.
        s.execute(text("UPDATE sync_clock SET wall_ms = :w WHERE id = 1"), {"w": hlc.now_ms() + 3_600_000})
        now = hlc.parse(hlc.tick(s))
        hlc.observe(s, Hlc(now.wall_ms - 60_000, 500, "other"))
        assert hlc.parse(hlc.current(s)) == now
        hlc.observe(s, Hlc(now.wall_ms, now.counter + 10, "other"))  # same wall, larger counter
        after = hlc.parse(hlc.tick(s))
        assert after > Hlc(now.wall_ms, now.counter + 10, "other")
        if after.wall_ms == now.wall_ms:  # local time did not move on in between
            assert after.counter == now.counter + 11


def test_set_device_restamps_the_queue(db: Database) -> None:
    with db.transaction() as s:
        set_setting(s, "device_probe", 1, date(2026, 1, 1))
        count = outbox.count_pending(s)
        assert hlc.set_device(s, "server-issued-id") == count > 0
        assert all(op.hlc.endswith("-server-issued-id") for op in outbox.pending(s, limit=10_000))
        assert hlc.tick(s).endswith("-server-issued-id")


def test_outbox_pending_poison_acknowledge(db: Database) -> None:
    with db.transaction() as s:
        s.execute(text("DELETE FROM sync_outbox"))
        for n in range(5):
            set_setting(s, f"outbox_probe_{n}", n, date(2026, 1, 1))
        ops = outbox.pending(s)
        assert [op.fields["key"] for op in ops] == [f"outbox_probe_{n}" for n in range(5)]
        assert outbox.count_pending(s) == 5
        assert [op.seq for op in outbox.pending(s, limit=2, after_seq=ops[0].seq)] == [ops[1].seq, ops[2].seq]
        outbox.mark_poison(s, ops[1].op_id, "di luar wilayah")
        assert outbox.count_pending(s) == 4
        assert [(p.op_id, p.status, p.error) for p in outbox.poisoned(s)] == [
            (ops[1].op_id, "poison", "di luar wilayah")
        ]
        assert outbox.acknowledge(s, [ops[0].op_id, ops[2].op_id, "unknown"]) == 2
        assert outbox.acknowledge(s, []) == 0
        assert [op.op_id for op in outbox.pending(s)] == [ops[3].op_id, ops[4].op_id]
        wire = ops[3].to_wire()
        assert set(wire) == {"op_id", "tbl", "row_id", "kind", "fields", "hlc", "user"} and wire["tbl"] == "setting"
        assert wire["user"] == "admin"  # the signed-in user of the fixture's session
