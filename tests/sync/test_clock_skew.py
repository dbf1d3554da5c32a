"""Clock skew through the real central service (issue 8 §7): a laptop clock a day fast cannot make its stale
write win over a later one (the server clamps its HLCs, the laptop is warned and its clock put back); a
laptop a day slow stamps server-ish time after it learnt the offset, so its later edit wins."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from simoncer_central.models import Conflict
from simoncer_central.store import CentralDb
from simoncer_desktop.models import Facilitator
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, hlc, outbox, state
from simoncer_desktop.sync.client import SyncClient
from simoncer_desktop.sync.enrollment import enroll_device
from tests.conftest import copy_database
from tests.keys import open_test_database
from tests.sync.conftest import new_code
from tests.sync.live import LiveServer
from tests.sync.skew import DAY_MS, python_clock, skew_database


@pytest.fixture
def second_db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_test_database(copy_database(template_db, tmp_path / "laptop-b.sqlite3"))
    yield database
    database.close()


def enroll(db: Database, central: CentralDb, server: LiveServer, name: str) -> SyncClient:
    client = SyncClient(server.url)
    enroll_device(db, client, new_code(central, "*"), name, server_url=client.server_url)
    return client


def phone(db: Database, row_id: str) -> str | None:
    with db.read() as s:
        fac = s.get(Facilitator, row_id)
        assert fac is not None
        return fac.phone


def set_phone(db: Database, row_id: str, value: str) -> str:
    """Edit and return the HLC the change was stamped with."""
    with db.transaction() as s:
        s.get(Facilitator, row_id).phone = value  # type: ignore[union-attr]
    with db.read() as s:
        (op,) = [o for o in outbox.pending(s, 100_000) if o.row_id == row_id and o.fields.get("phone") == value]
        return op.hlc


def test_a_laptop_a_day_fast_loses_to_a_later_edit_is_warned_and_its_clock_comes_back(
    db: Database,
    second_db: Database,
    central: CentralDb,
    central_server: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client_a = enroll(db, central, central_server, "LAPTOP-A")
    client_b = enroll(second_db, central, central_server, "LAPTOP-B")
    with db.transaction() as s:
        fac = Facilitator(name="Bu Rina", kelurahan_codes="", scope="32.71.01")
        s.add(fac)
        s.flush()
        row_id = fac.id
    engine.sync_once(db, client_a)
    engine.sync_once(second_db, client_b)

    skew_database(db, DAY_MS)  # laptop A's clock jumps a day ahead; it edits offline
    with python_clock(monkeypatch, DAY_MS):
        stale = hlc.parse(set_phone(db, row_id, "0811-A"))
        assert stale.wall_ms > hlc.now_ms() - 60_000  # stamped with its wrong clock, a day ahead of real time
        report_a = engine.sync_once(db, client_a)
    assert report_a.applied >= 1 and report_a.clock_reset
    assert report_a.clock_warning is not None and "selisih 24 jam (lebih cepat) dari server" in report_a.clock_warning
    assert "perbaiki jam Windows/Linux" in report_a.clock_warning
    with db.read() as s:
        assert state.clock_warning(s) == report_a.clock_warning
        clock = hlc.parse(hlc.current(s))
    assert abs(clock.wall_ms - hlc.now_ms()) < 60_000  # the clock was put back to server time

    set_phone(second_db, row_id, "0811-B")  # B, later in real time, with a correct clock
    report_b = engine.sync_once(second_db, client_b)
    assert report_b.clock_warning is None
    with python_clock(monkeypatch, DAY_MS):
        engine.sync_once(db, client_a)
        later = hlc.parse(set_phone(db, row_id, "0811-A2"))  # after the sync A stamps server-ish time
    assert abs(later.wall_ms - hlc.now_ms()) < 60_000
    assert phone(second_db, row_id) == "0811-B"
    with central.transaction() as s:
        losers = [(c.field, c.losing_value, c.winning_value) for c in s.scalars(select(Conflict))]
    assert ("phone", '"0811-A"', '"0811-B"') in losers  # A's value is kept in the conflict log


def test_a_laptop_a_day_slow_stamps_server_time_after_its_first_sync_and_its_later_edit_wins(
    db: Database,
    second_db: Database,
    central: CentralDb,
    central_server: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client_a = enroll(db, central, central_server, "LAPTOP-A")
    with db.transaction() as s:
        fac = Facilitator(name="Pak Dedi", kelurahan_codes="", scope="32.71.01")
        s.add(fac)
        s.flush()
        row_id = fac.id
    engine.sync_once(db, client_a)
    set_phone(db, row_id, "0812-A")  # A edits first, correct clock
    engine.sync_once(db, client_a)

    skew_database(second_db, -DAY_MS)  # laptop B's clock is a day behind
    with python_clock(monkeypatch, -DAY_MS):
        client_b = enroll(second_db, central, central_server, "LAPTOP-B")
        report = engine.sync_once(second_db, client_b)
        assert report.clock_warning is not None and "selisih 24 jam (lebih lambat)" in report.clock_warning
        assert phone(second_db, row_id) == "0812-A"
        stamp = hlc.parse(set_phone(second_db, row_id, "0812-B"))  # later in real time
        engine.sync_once(second_db, client_b)
    assert abs(stamp.wall_ms - hlc.now_ms()) < 60_000  # server-ish time, not a day behind
    engine.sync_once(db, client_a)
    assert phone(db, row_id) == phone(second_db, row_id) == "0812-B"


def test_observe_clamps_a_far_future_hlc_and_a_clock_far_ahead_is_put_back(db: Database) -> None:
    with db.transaction() as s:
        hlc.set_offset(s, 0)
        now = hlc.now_ms()
        assert hlc.observe(s, hlc.format_hlc(now + DAY_MS, 7, "laptop-salah")) is True
        clock = hlc.parse(hlc.current(s))
        assert now + hlc.MAX_FUTURE_MS <= clock.wall_ms < now + hlc.MAX_FUTURE_MS + 60_000 and clock.counter == 0
        assert hlc.observe(s, hlc.format_hlc(now + 60_000, 3, "laptop-benar")) is False  # within 5 min: taken
        assert hlc.reset_if_ahead(s, now, now) is False  # 5 minutes ahead at most: left alone
        s.execute(text("UPDATE sync_clock SET wall_ms = :w WHERE id = 1"), {"w": now + DAY_MS})  # a day ahead
        assert hlc.reset_if_ahead(s, now + DAY_MS, now) is False  # the server agrees: nothing to correct
        assert hlc.reset_if_ahead(s, now, now) is True
        assert abs(hlc.parse(hlc.current(s)).wall_ms - now) < 60_000


def test_the_clock_warning_says_how_far_off_and_which_way() -> None:
    assert engine.clock_warning_message(-DAY_MS).startswith(
        "Jam laptop ini selisih 24 jam (lebih cepat) dari server; perbaiki jam Windows/Linux."
    )
    assert "selisih 1 jam 30 menit (lebih lambat)" in engine.clock_warning_message(5_400_000)
    assert engine.describe_duration(420_000) == "7 menit"
