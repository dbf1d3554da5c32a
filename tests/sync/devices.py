"""A small synced world for the sync proofs (issue 8, "How it is proven"): one real central service on
loopback and four laptops, each its own encrypted SQLite database, syncing through the real HTTP client.

* ``KANTOR`` — the Dinsos office, scope ``*``;
* ``A1`` and ``A2`` — two laptops of kecamatan ``32.71.01`` (they really conflict);
* ``B1`` — a laptop of kecamatan ``32.71.02`` (scope: it must never see or change ``32.71.01``).

Every laptop starts as a copy of the same test database (``template_db``: the same administrator, same row
id, signed in as ``tests.keys.TEST_ADMIN``), so the acting user of every op is a user the server knows: the
office pushes first, users and reference data included. The kecamatan laptops' copies of that first
outbox (the template's reference rows, identical to the office's) are dropped before they enroll: pushed
from a kecamatan laptop they would only be refused as global data.

The office then records a synthetic caseload through the real services (6 families with 2 members each:
4 in 32.71.01, 2 in 32.71.02) and a flood in 32.71.01 with two victim families and three cash
entitlements; every laptop syncs until it holds its scope. :func:`build_world` does this against any
central database URL (SQLite or PostgreSQL); :meth:`World.close` leaves files that :func:`open_world`
opens again, so a SQLite world is built once and copied per hypothesis example.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from simoncer_central import devices as central_devices
from simoncer_central.app import create_app
from simoncer_central.store import CentralDb, open_central
from simoncer_desktop.services import caseload
from simoncer_desktop.services.relief_distribution import apply_entitlement, event_entitlements
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, hlc, outbox, state
from simoncer_desktop.sync.client import OfflineError, SyncClient
from simoncer_desktop.sync.engine import SyncReport
from tests.conftest import copy_database
from tests.factories import family
from tests.keys import TEST_ADMIN, open_test_database
from tests.relief_rows import FamilySpec, PersonSpec, make_event, make_family
from tests.sync.faults import Fault, FaultyClient
from tests.sync.live import LiveServer

KEC_A = "32.71.01"
KEL_A = "32.71.01.1001"
KEC_B = "32.71.02"
KEL_B = "32.71.02.1001"
OTHER_KELURAHAN = {KEC_A: KEL_B, KEC_B: KEL_A}
"""Where a hand-over sends a family: the other kecamatan's kelurahan."""

KANTOR, A1, A2, B1 = "KANTOR", "A1", "A2", "B1"
SCOPES = {KANTOR: "*", A1: KEC_A, A2: KEC_A, B1: KEC_B}
PAGE_SIZE = 7
"""Small pull pages, so a pull can be cut between pages."""
MANIFEST = "world.json"
CENTRAL_FILE = "central.sqlite3"


@dataclass(frozen=True)
class Beneficiary:
    """One entitlement of the flood for one family (and victim): the same on two laptops is one key."""

    entitlement_id: str
    family_id: str
    victim_id: str | None
    recipient: str


@dataclass
class Device:
    name: str
    scope: str
    path: Path
    db: Database
    client: FaultyClient
    device_id: str

    def sync(self, fault: Fault | None = None, page_size: int = PAGE_SIZE) -> SyncReport | None:
        """One run; ``None`` when the armed fault cut it (the client's OfflineError, as on a real drop)."""
        self.client.arm(fault)
        try:
            return engine.sync_once(self.db, self.client, page_size=page_size)
        except OfflineError:
            if not self.client.cut:
                raise
            return None

    def reopen(self) -> None:
        """The process was killed: drop the Database object (and the connection) and open the file again."""
        self.db.close()
        self.client.inner.close()
        self.db = open_test_database(self.path, TEST_ADMIN)

    def cursor(self) -> int:
        with self.db.read() as s:
            return state.load(s).cursor

    def outbox_ops(self, after_seq: int = 0) -> list[outbox.OutboxOp]:
        """Every outbox op (pending and poison) after ``after_seq``, in capture order."""
        with self.db.read() as s:
            rows = s.execute(
                text(f"SELECT {outbox.COLUMNS} FROM sync_outbox WHERE seq > :a ORDER BY seq"), {"a": after_seq}
            )
            return [outbox.op_from_row(r) for r in rows]

    def last_outbox_seq(self) -> int:
        with self.db.read() as s:
            return int(s.execute(text("SELECT coalesce(max(seq), 0) FROM sync_outbox")).scalar_one())


@dataclass
class World:
    folder: Path
    central_url: str
    central: CentralDb
    server: LiveServer
    devices: dict[str, Device]
    households: list[str]
    members: list[str]
    beneficiaries: list[Beneficiary]
    closed: bool = field(default=False)

    def __iter__(self) -> Iterator[Device]:
        return iter(self.devices.values())

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        for device in self.devices.values():
            with suppress(Exception):
                device.client.close()
            with suppress(Exception):
                device.db.close()
        self.server.stop()
        self.central.close()


def _client(url: str, name: str, token: str | None = None) -> FaultyClient:
    return FaultyClient(SyncClient(url, token, timeout=30, retries=0), name)


def _enroll(db: Database, central: CentralDb, url: str, name: str, scope: str) -> str:
    with central.transaction() as s:
        code = central_devices.create_enrollment_code(s, scope, name)
    with SyncClient(url) as client:
        enrollment = client.enroll(code, name)
    with db.transaction() as s:
        state.save_enrollment(s, client.server_url, enrollment.device_id, name, enrollment.token, enrollment.scope)
        hlc.set_device(s, enrollment.device_id)
    return enrollment.device_id


def _seed_caseload(db: Database) -> tuple[list[str], list[str]]:
    households: list[str] = []
    with db.transaction() as s:
        for serial in range(1, 7):
            data, people = family(serial, KEL_A if serial <= 4 else KEL_B)
            households.append(caseload.create_household(s, data, people[:2]))
    members: list[str] = []
    with db.read() as s:
        for household_id in households:
            members += [m.id for m in caseload.get_household(s, household_id).members]
    return households, members


def _seed_flood(db: Database) -> list[Beneficiary]:
    with db.transaction() as s:
        event = make_event(s, occurred_at=datetime.combine(date.today() - timedelta(days=2), datetime.min.time()))
        heavy = make_family(
            s,
            event,
            501,
            FamilySpec(
                "Rina Marlina",
                damage="berat",
                people=[
                    PersonSpec("Rina Marlina", displaced=True),
                    PersonSpec("Cecep Gunawan", sex="L", born=date(1990, 3, 3), injury="berat"),
                ],
            ),
        )
        second = make_family(
            s,
            event,
            503,
            FamilySpec("Yayat Suryana", damage="berat", people=[PersonSpec("Yayat Suryana", "L", displaced=True)]),
        )
        for code, days in (("isi_hunian", 1), ("jaminan_hidup", 3), ("santunan_luka_berat", 1)):
            apply_entitlement(s, event.id, code, days=days)
        s.flush()
        ids = {e.code: e.id for e in event_entitlements(s, event.id)}
        victims = {
            name: victim_id
            for victim_id, name in s.execute(text("SELECT id, name FROM victim WHERE event_id = :e"), {"e": event.id})
        }
        return [
            Beneficiary(ids["isi_hunian"], heavy.id, None, "Rina Marlina"),
            Beneficiary(ids["isi_hunian"], second.id, None, "Yayat Suryana"),
            Beneficiary(ids["jaminan_hidup"], heavy.id, victims["Rina Marlina"], "Rina Marlina"),
            Beneficiary(ids["jaminan_hidup"], second.id, victims["Yayat Suryana"], "Yayat Suryana"),
            Beneficiary(ids["santunan_luka_berat"], heavy.id, victims["Cecep Gunawan"], "Cecep Gunawan"),
        ]


def build_world(folder: Path, template_db: Path, central_url: str) -> World:
    """The world above, synced (every laptop holds its scope), served from a new LiveServer."""
    folder.mkdir(parents=True, exist_ok=True)
    central = open_central(central_url)
    central.upgrade()
    server = LiveServer(create_app(central, upgrade=False)).start()
    world = World(folder, central_url, central, server, {}, [], [], [])
    try:
        for name, scope in SCOPES.items():
            path = copy_database(template_db, folder / f"{name.lower()}.sqlite3")
            db = open_test_database(path, TEST_ADMIN)
            if name != KANTOR:
                with db.transaction() as s:  # the template's reference rows: the office pushes them
                    outbox.acknowledge(s, [op.op_id for op in outbox.pending(s, 100_000)])
            device_id = _enroll(db, central, server.url, f"LAPTOP-{name}", scope)
            world.devices[name] = Device(name, scope, path, db, _client(server.url, name), device_id)
            if name == KANTOR:
                world.households, world.members = _seed_caseload(db)
                world.beneficiaries = _seed_flood(db)
            report = world.devices[name].sync()
            assert report is not None and report.pending_after == 0 and report.poison_total == 0, report
        for device in world:  # the office's first push may have come after a laptop's first pull
            device.sync()
        for device in world:
            device.client.sent.clear()
            device.client.pages.clear()
        manifest = {
            "households": world.households,
            "members": world.members,
            "beneficiaries": [b.__dict__ for b in world.beneficiaries],
        }
        (folder / MANIFEST).write_text(json.dumps(manifest))
    except BaseException:
        world.close()
        raise
    return world


def open_world(folder: Path, central_url: str) -> World:
    """A world left by :meth:`World.close` (its files, maybe copied elsewhere), on a new LiveServer."""
    manifest = json.loads((folder / MANIFEST).read_text())
    central = open_central(central_url)
    server = LiveServer(create_app(central, upgrade=False)).start()
    world = World(
        folder,
        central_url,
        central,
        server,
        {},
        manifest["households"],
        manifest["members"],
        [Beneficiary(**b) for b in manifest["beneficiaries"]],
    )
    try:
        for name, scope in SCOPES.items():
            path = folder / f"{name.lower()}.sqlite3"
            db = open_test_database(path, TEST_ADMIN)
            with db.transaction() as s:
                state.set_server_url(s, server.url)
                current = state.load(s)
            assert current.device_id is not None and current.token is not None
            client = _client(server.url, name, current.token)
            world.devices[name] = Device(name, scope, path, db, client, current.device_id)
    except BaseException:
        world.close()
        raise
    return world


def copy_world(source: Path, target: Path) -> str:
    """Copy a closed SQLite world (central database, laptops, key files); the copy's central URL."""
    shutil.copytree(source, target)
    return f"sqlite:///{target / CENTRAL_FILE}"
