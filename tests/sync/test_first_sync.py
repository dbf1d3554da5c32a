"""The first sync of a new laptop through the real central service: the snapshot in pages (each with its
position in one transaction), a run interrupted mid-snapshot resuming where it stood while other laptops
keep editing, then the log from the snapshot's seq; progress and cancel; enrollment dropping the pending
reference-data ops a kecamatan device could never push."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from simoncer_central.models import Change
from simoncer_central.store import CentralDb
from simoncer_desktop.models import Facilitator
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, outbox, state
from simoncer_desktop.sync.client import OfflineError, SnapshotPage, SyncClient
from simoncer_desktop.sync.enrollment import enroll_device
from tests.conftest import copy_database
from tests.keys import open_test_database
from tests.sync.conftest import new_code
from tests.sync.live import FakeCentral, LiveServer


@pytest.fixture
def new_laptop(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_test_database(copy_database(template_db, tmp_path / "laptop-baru.sqlite3"))
    yield database
    database.close()


def enroll(db: Database, central: CentralDb, server: LiveServer, name: str, scope: str = "*") -> SyncClient:
    client = SyncClient(server.url)
    enroll_device(db, client, new_code(central, scope), name, server_url=client.server_url)
    return client


def add_facilitators(db: Database, count: int, prefix: str) -> list[str]:
    ids = []
    with db.transaction() as s:
        for i in range(count):
            fac = Facilitator(name=f"{prefix} {i:03d}", kelurahan_codes="", scope="32.71.01")
            s.add(fac)
            s.flush()
            ids.append(fac.id)
    return ids


def facilitators(db: Database) -> dict[str, tuple[str, str | None]]:
    with db.read() as s:
        return {f.id: (f.name, f.phone) for f in s.scalars(select(Facilitator))}


def last_seq(central: CentralDb) -> int:
    with central.transaction() as s:
        return int(s.scalar(select(Change.seq).order_by(Change.seq.desc()).limit(1)) or 0)


class Interrupted(SyncClient):
    """A real client whose snapshot requests fail after ``pages`` pages (the network drops)."""

    def __init__(self, url: str, token: str | None, pages: int) -> None:
        super().__init__(url, token, retries=0)
        self.pages = pages
        self.snapshots: list[tuple[str | None, int | None]] = []

    def snapshot(self, after: str | None = None, limit: int = 5000, seq: int | None = None) -> SnapshotPage:
        self.snapshots.append((after, seq))
        if len(self.snapshots) > self.pages:
            raise OfflineError("jaringan terputus (uji)")
        return super().snapshot(after, limit, seq)


def test_a_new_laptop_gets_the_scope_by_snapshot_and_resumes_an_interrupted_one(
    db: Database, new_laptop: Database, central: CentralDb, central_server: LiveServer
) -> None:
    client_a = enroll(db, central, central_server, "LAPTOP-A")
    rows = add_facilitators(db, 40, "Pendamping")
    assert engine.sync_once(db, client_a).poison_total == 0
    client_b = enroll(new_laptop, central, central_server, "LAPTOP-BARU")
    with new_laptop.read() as s:
        token = state.load(s).token

    interrupted = Interrupted(central_server.url, token, pages=2)
    with pytest.raises(OfflineError):
        engine.sync_once(new_laptop, interrupted, snapshot_page_size=10)
    with new_laptop.read() as s:
        stored = state.snapshot_progress(s)
        current = state.load(s)
    seq_before = last_seq(central)  # after its own push: nothing else was pushed since the snapshot began
    assert stored is not None and stored.seq == seq_before and stored.after is not None
    assert current.cursor == 0 and current.last_error is not None
    assert interrupted.snapshots[1] == (interrupted.snapshots[1][0], seq_before)  # later pages echo the seq
    half = facilitators(new_laptop)
    assert 0 < len(set(half) & set(rows)) < len(rows)  # two pages are in, whole

    # meanwhile laptop A edits rows already received and rows still to come, and adds one
    with db.transaction() as s:
        for row_id in (rows[0], rows[-1]):
            s.get(Facilitator, row_id).phone = "0813-baru"  # type: ignore[union-attr]
    (added,) = add_facilitators(db, 1, "Baru")
    engine.sync_once(db, client_a)

    seen: list[tuple[str, int, int]] = []
    report = engine.sync_once(new_laptop, client_b, snapshot_page_size=10, progress=lambda *p: seen.append(p))
    assert report.snapshot_rows > 0 and report.unapplied == 0, report.notices
    assert report.cursor == last_seq(central) and report.pulled >= report.snapshot_rows
    with new_laptop.read() as s:
        assert state.snapshot_progress(s) is None and state.load(s).cursor == report.cursor
    assert facilitators(new_laptop) == facilitators(db)  # converged, the edits between pages included
    assert facilitators(new_laptop)[rows[-1]] == (facilitators(db)[rows[-1]][0], "0813-baru")
    assert added in facilitators(new_laptop)
    phases = [p for p, _, _ in seen]
    assert phases[0] == "push" and "snapshot" in phases and phases[-1] == "pull"
    snapshot_done = [d for p, d, _ in seen if p == "snapshot"]
    assert snapshot_done == sorted(snapshot_done) and snapshot_done[-1] == report.snapshot_rows

    again = engine.sync_once(new_laptop, client_b)  # the next run pulls from the cursor: nothing new
    assert (again.snapshot_rows, again.pulled) == (0, 0)


def test_cancel_stops_between_pages_and_the_next_run_goes_on(
    db: Database, new_laptop: Database, central: CentralDb, central_server: LiveServer
) -> None:
    client_a = enroll(db, central, central_server, "LAPTOP-A")
    add_facilitators(db, 25, "Pendamping")
    engine.sync_once(db, client_a)
    client_b = enroll(new_laptop, central, central_server, "LAPTOP-BARU")
    pages: list[int] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "snapshot":
            pages.append(done)

    with pytest.raises(engine.SyncCancelled, match=r"^Sinkronisasi dibatalkan; yang sudah terkirim tetap tersimpan\.$"):
        engine.sync_once(new_laptop, client_b, snapshot_page_size=10, progress=progress, cancel=lambda: len(pages) == 1)
    assert pages == [10]
    with new_laptop.read() as s:
        assert state.snapshot_progress(s) is not None
        assert state.load(s).last_error == engine.CANCELLED_MESSAGE
    engine.sync_once(new_laptop, client_b, snapshot_page_size=10)
    assert facilitators(new_laptop) == facilitators(db)


def test_cancel_before_anything_keeps_the_outbox(db: Database, fake: FakeCentral, fake_server: LiveServer) -> None:
    client = SyncClient(fake_server.url)
    enroll_device(db, client, "KODE", "LAPTOP-UJI", server_url=client.server_url)
    with db.read() as s:
        before = outbox.count_pending(s)
    with pytest.raises(engine.SyncCancelled):
        engine.sync_once(db, client, cancel=lambda: True)
    assert not any(seen.path == "/sync/push" for seen in fake.seen)
    with db.read() as s:
        assert outbox.count_pending(s) == before


def test_a_kecamatan_enrollment_drops_pending_ops_of_global_rows(
    db: Database, fake: FakeCentral, fake_server: LiveServer
) -> None:
    with db.transaction() as s:
        mine = Facilitator(name="Bu Kec", kelurahan_codes="", scope="32.71.01")
        office = Facilitator(name="Pak Kantor", kelurahan_codes="", scope="*")
        s.add_all([mine, office])
        s.flush()
        mine_id, office_id = mine.id, office.id
    with db.read() as s:
        ops: list[Any] = outbox.pending(s, 100_000)
    global_ops = 0
    with db.read() as s:
        for op in ops:
            scope = s.execute(text(f'SELECT scope FROM "{op.tbl}" WHERE id = :i'), {"i": op.row_id}).scalar_one()
            global_ops += scope == "*"
    assert global_ops >= 2  # the seeded reference data and the office facilitator

    client = SyncClient(fake_server.url)
    result = enroll_device(db, client, "KODE", "LAPTOP-KEC", server_url=client.server_url)  # fake: 32.71.01
    assert (result.scope, result.dropped_ops, result.device_id) == ("32.71.01", global_ops, "dev-fake-0001")
    with db.read() as s:
        left = {op.row_id for op in outbox.pending(s, 100_000)}
        assert state.load(s).device_id == "dev-fake-0001"
    assert mine_id in left and office_id not in left and len(left) == len(ops) - global_ops
