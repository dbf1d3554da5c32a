"""One sync run (``sync.engine.sync_once``): push in batches with per-op answers, poison ops, split batches,
pull pages with the cursor, the clock offset, errors stored; and two laptops through the real central
service."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from simoncer_central.store import CentralDb
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import Facilitator
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, hlc, outbox, state
from simoncer_desktop.sync.client import SchemaTooOldError, SyncClient, SyncError, UnauthorizedError
from tests.conftest import copy_database
from tests.keys import open_test_database
from tests.sync.conftest import new_code
from tests.sync.live import FakeCentral, LiveServer

DEVICE = "dev-fake-0001"


def enroll_locally(db: Database, url: str, scope: str = "*", device: str = DEVICE, token: str = "tok-1") -> None:
    with db.transaction() as s:
        state.save_enrollment(s, url, device, "LAPTOP-UJI", token, scope)
        hlc.set_device(s, device)


def add_facilitators(db: Database, *names: str) -> list[str]:
    ids = []
    with db.transaction() as s:
        for name in names:
            fac = Facilitator(name=name, kelurahan_codes="", scope="32.71.01")
            s.add(fac)
            s.flush()
            ids.append(fac.id)
    return ids


def ops_by_row(db: Database) -> dict[str, outbox.OutboxOp]:
    with db.read() as s:
        return {op.row_id: op for op in outbox.pending(s, 100_000)}


def pending(db: Database) -> int:
    with db.read() as s:
        return outbox.count_pending(s)


def test_push_answers_acknowledge_poison_or_keep_each_op(
    db: Database, fake: FakeCentral, fake_server: LiveServer
) -> None:
    enroll_locally(db, fake_server.url)
    ids = add_facilitators(db, "Merged", "Duplikat", "Ditolak", "Aneh", "Tanpa jawaban")
    ops = ops_by_row(db)
    merged, duplicate, rejected, odd, silent = (ops[i].op_id for i in ids)
    fake.statuses.update({merged: "merged", duplicate: "duplicate", rejected: "rejected", odd: "entah"})
    fake.errors[rejected] = "Di luar wilayah perangkat."
    with db.read() as s:
        queued = [op.op_id for op in outbox.pending(s, 100_000)]
    total = len(queued)

    def answer(batch: dict[str, Any]) -> tuple[int, Any]:
        results = [
            {
                "op_id": op["op_id"],
                "status": fake.statuses.get(op["op_id"], "applied"),
                "error": fake.errors.get(op["op_id"]),
            }
            for op in batch["ops"]
            if op["op_id"] != silent
        ]
        return 200, {"results": results, "server_time_ms": fake.server_time_ms}

    fake.push_handler = answer
    report = engine.sync_once(db, SyncClient(fake_server.url), batch_size=3)

    pushes = [s for s in fake.seen if s.path == "/sync/push"]
    assert len(pushes) == -(-total // 3) and all(len(p.body["ops"]) <= 3 for p in pushes)
    schema = engine.schema_number(db.migration.to_revision)
    assert all(p.body["device_id"] == DEVICE and p.body["schema_version"] == schema for p in pushes)
    assert all(p.body["cursor"] == 0 for p in pushes)  # the pull cursor travels with every batch
    assert all(p.headers["authorization"] == "Bearer tok-1" for p in pushes)
    assert [op["op_id"] for op in fake.pushed_ops()] == queued  # capture order
    assert (report.pending_before, report.pushed, report.unanswered) == (total, total - 1, 1)
    assert (report.merged, report.duplicate, report.rejected, report.poisoned) == (1, 1, 1, 2)
    assert report.applied == total - 5 and report.conflicts == 1
    assert (report.pending_after, report.poison_total) == (1, 2)
    assert {(n.kind, n.op_id) for n in report.notices} == {
        ("duplicate", duplicate),
        ("poison", rejected),
        ("poison", odd),
    }
    assert any(n.message == "Di luar wilayah perangkat." for n in report.notices)
    with db.read() as s:
        assert [op.row_id for op in outbox.pending(s, 100)] == [ids[4]]
        assert {op.op_id: op.error for op in outbox.poisoned(s)} == {
            rejected: "Di luar wilayah perangkat.",
            odd: "jawaban server tidak dikenal: 'entah'",
        }
        assert state.load(s).last_success_at is not None

    fake.seen.clear()
    fake.push_handler = None
    again = engine.sync_once(db, SyncClient(fake_server.url))
    assert [op["op_id"] for op in fake.pushed_ops()] == [silent]  # poison ops are not sent again
    assert (again.applied, again.pending_after, again.poison_total) == (1, 0, 2)


def test_a_refused_batch_is_split_until_the_bad_op_is_alone(
    db: Database, fake: FakeCentral, fake_server: LiveServer
) -> None:
    enroll_locally(db, fake_server.url)
    (bad_row,) = add_facilitators(db, "Rusak")
    bad = ops_by_row(db)[bad_row].op_id
    total = pending(db)

    def answer(batch: dict[str, Any]) -> tuple[int, Any]:
        ops = batch["ops"]
        if len(ops) > 4:
            return 413, {"error": "Paling banyak 4 op."}
        if any(op["op_id"] == bad for op in ops):
            return 400, {"error": "Op tidak valid."}
        return 200, {"results": [{"op_id": op["op_id"], "status": "applied"} for op in ops], "server_time_ms": 1}

    fake.push_handler = answer
    report = engine.sync_once(db, SyncClient(fake_server.url))
    assert (report.applied, report.poisoned, report.pending_after) == (total - 1, 1, 0)
    with db.read() as s:
        (poison,) = outbox.poisoned(s)
    assert poison.op_id == bad and poison.error == "ditolak server: Op tidak valid."


def test_pull_pages_until_done_with_the_cursor_offset_and_success_stored(
    db: Database, fake: FakeCentral, fake_server: LiveServer
) -> None:
    enroll_locally(db, fake_server.url)
    with db.transaction() as s:
        outbox.acknowledge(s, [op.op_id for op in outbox.pending(s, 100_000)])  # nothing to push
    wall = hlc.now_ms() - 60_000
    rows = [uuid7() for _ in range(5)]
    fake.log = [
        {
            "seq": 10 * (i + 1),
            "tbl": "facilitator",
            "row_id": row_id,
            "fields": {
                "name": f"Pendamping {i}",
                "nik": None,
                "phone": None,
                "kelurahan_codes": "",
                "yearly_target": 10,
                "scope": "32.71.01",
                "deleted": 0,
            },
            "hlc": hlc.format_hlc(wall, i, "dev-lain"),
        }
        for i, row_id in enumerate(rows)
    ]
    report = engine.sync_once(db, SyncClient(fake_server.url), page_size=2)
    pulls = [s for s in fake.seen if s.path == "/sync/pull"]
    assert [(p.query["cursor"], p.query["limit"]) for p in pulls] == [("0", "2"), ("20", "2"), ("40", "2")]
    assert (report.pulled, report.pages, report.inserted, report.cursor) == (5, 3, 5, 50)
    assert report.pushed == 0 and not any(s.path == "/sync/push" for s in fake.seen)
    expected_offset = fake.server_time_ms - hlc.now_ms()
    assert report.offset_ms is not None and abs(report.offset_ms - expected_offset) < 5_000
    with db.read() as s:
        current = state.load(s)
        assert current.cursor == 50 and current.last_success_at is not None and current.last_error is None
        offset = s.execute(text("SELECT offset_ms FROM sync_clock")).scalar_one()
        assert offset == report.offset_ms
        names = s.execute(text("SELECT count(*) FROM facilitator WHERE name LIKE 'Pendamping %'")).scalar_one()
        assert names == 5

    fake.seen.clear()
    engine.sync_once(db, SyncClient(fake_server.url))
    assert [p.query["cursor"] for p in fake.seen if p.path == "/sync/pull"] == ["50"]


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (426, {"error": "Versi aplikasi ini terlalu lama.", "min_schema": 9}, SchemaTooOldError),
        (401, {"error": "Perangkat sudah dicabut."}, UnauthorizedError),
    ],
)
def test_a_refusal_stops_the_run_keeps_the_outbox_and_is_stored(
    db: Database, fake: FakeCentral, fake_server: LiveServer, status: int, body: dict[str, Any], error: type[Exception]
) -> None:
    enroll_locally(db, fake_server.url)
    before = pending(db)
    fake.script = [(status, body)]
    with pytest.raises(error):
        engine.sync_once(db, SyncClient(fake_server.url))
    assert pending(db) == before
    with db.read() as s:
        current = state.load(s)
        if status == 426:  # the server's words are replaced by what to do: update, or export the queue
            schema = engine.schema_number(db.migration.to_revision)
            assert current.last_error == (
                f"Aplikasi terlalu lama untuk server ini (skema {schema}, minimal 9): perbarui aplikasi. Perubahan "
                f"yang belum terkirim tetap tersimpan; ekspor dengan {engine.EXPORT_HINT} lalu serahkan berkasnya "
                "ke kantor Dinsos."
            )
        else:
            assert current.last_error == body["error"]
        assert current.last_success_at is None
        assert current.last_attempt_at is not None


def test_a_database_that_is_not_enrolled_does_not_sync(db: Database, fake_server: LiveServer) -> None:
    with pytest.raises(SyncError, match="belum terdaftar"):
        engine.sync_once(db, SyncClient(fake_server.url, "t"))


@pytest.fixture
def second_db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_test_database(copy_database(template_db, tmp_path / "laptop-b.sqlite3"))
    yield database
    database.close()


def enroll_with(db: Database, central: CentralDb, server: LiveServer, name: str) -> SyncClient:
    client = SyncClient(server.url)
    enrollment = client.enroll(new_code(central, "*"), name)
    with db.transaction() as s:
        state.save_enrollment(s, client.server_url, enrollment.device_id, name, enrollment.token, enrollment.scope)
        hlc.set_device(s, enrollment.device_id)
    return client


def facilitator(db: Database, row_id: str) -> tuple[str, str | None] | None:
    with db.read() as s:
        fac = s.get(Facilitator, row_id)
        return None if fac is None else (fac.name, fac.phone)


def test_two_laptops_converge_through_the_real_central_service(
    db: Database, second_db: Database, central: CentralDb, central_server: LiveServer
) -> None:
    client_a = enroll_with(db, central, central_server, "LAPTOP-A")
    client_b = enroll_with(second_db, central, central_server, "LAPTOP-B")
    (row_id,) = add_facilitators(db, "Bu Endang")

    first = engine.sync_once(db, client_a)
    assert first.pending_after == 0 and first.poison_total == 0, first.notices
    assert first.snapshot_rows >= first.applied  # first sync: the snapshot holds its own rows (same values)
    engine.sync_once(second_db, client_b)
    assert facilitator(second_db, row_id) == ("Bu Endang", None)

    with db.transaction() as s:  # concurrent edits of one field: the later HLC wins everywhere
        s.get(Facilitator, row_id).phone = "0811-A"  # type: ignore[union-attr]
    time.sleep(0.25)  # B's edit is later than A's by more than the two laptops' learnt clock offsets differ
    with second_db.transaction() as s:
        s.get(Facilitator, row_id).phone = "0811-B"  # type: ignore[union-attr]
    engine.sync_once(db, client_a)
    report_b = engine.sync_once(second_db, client_b)
    assert report_b.fields_kept_local == 0
    engine.sync_once(db, client_a)
    assert facilitator(db, row_id) == facilitator(second_db, row_id) == ("Bu Endang", "0811-B")
    for database in (db, second_db):
        with database.read() as s:
            assert outbox.count_pending(s) == 0 and outbox.poisoned(s) == []
