"""Proof of sync (issue 8): replay, scope and revocation on SQLite and PostgreSQL, and crashes on the laptop.

* Replaying any push 1–5 times (random batches of random ops from four devices: field edits, stage
  changes, duplicate distributions, out-of-scope and malformed ops) gives the same answers and leaves every
  sync table of the server as it was (hypothesis).
* Out of scope: a kecamatan device's ops on rows of another kecamatan, of a look-alike code, or of ``*`` are
  refused, every one of them (hypothesis generates hundreds and counts), and change nothing but the stored
  answers; its in-scope ops in the same batches go through.
* A revoked device: every request is 401 (whoami, push, a replay of a batch accepted before, pull) and
  nothing changes on the server; its laptop keeps its outbox and cursor.
* A laptop that crashes while applying a pulled page keeps neither the page's rows nor its cursor; one that
  crashes while recording push answers keeps its outbox, and the next run's replay changes nothing.

(``tests/central/test_push.py`` has the fixed cases: one batch replayed three times, 50 out-of-scope ops,
a revoked token on push and pull.)
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from simoncer_central import devices as central_devices
from simoncer_central.app import create_app
from simoncer_central.store import CentralDb, open_central
from simoncer_desktop.models import Facilitator
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, hlc, outbox, state
from simoncer_desktop.sync.client import SyncClient, UnauthorizedError
from tests.central.sync_ops import Dev, batch, dump, enroll, household, new_id, op, pull_all, push
from tests.pg import pg_server, pg_url
from tests.sync.live import LiveServer, serve

__all__ = ["pg_server", "pg_url"]  # fixtures, registered by being imported here

KEC = "32.71.01"
OTHER = "32.71.02"
EXAMPLES = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(params=["sqlite", "postgresql"])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def central(central_url: str) -> Iterator[CentralDb]:
    db = open_central(central_url)
    db.upgrade()
    yield db
    db.close()


@pytest.fixture
def client(central: CentralDb) -> Iterator[TestClient]:
    with TestClient(create_app(central, upgrade=False)) as test_client:
        yield test_client


def post(client: TestClient, dev: Dev, body: dict[str, Any]) -> list[dict[str, Any]]:
    response = client.post("/sync/push", json=body, headers=dev.auth)
    assert response.status_code == 200, response.text
    return list(response.json()["results"])


# -- replay ----------------------------------------------------------------------------------------------


class Stage:
    """The rows every replay example works on, seeded by the office: two families (one per kecamatan), a
    graduation enrollment (stage only grows) and a distribution id (derived: the same on every laptop)."""

    def __init__(self, client: TestClient, central: CentralDb) -> None:
        self.office = enroll(central, "*", "KANTOR")
        self.devices = [
            self.office,
            enroll(central, KEC, "A1"),
            enroll(central, KEC, "A2"),
            enroll(central, OTHER, "B1"),
        ]
        self.ours, self.theirs, self.enrollment, self.distribution = new_id(), new_id(), new_id(), new_id()
        push(
            client,
            self.office,
            [
                op(self.office, "household", self.ours, household(KEC), kind="insert"),
                op(self.office, "household", self.theirs, household(OTHER, no_kk="3271020101010002"), kind="insert"),
                op(self.office, "enrollment", self.enrollment, {"stage": 1, "scope": KEC}, kind="insert"),
            ],
        )


@st.composite
def random_op(draw: st.DrawFn, stage: Stage, dev: Dev) -> dict[str, Any]:
    wall = draw(st.integers(1, 60))
    counter = draw(st.integers(0, 2))
    what = draw(st.sampled_from(["field", "field", "stage", "distribution", "new_row", "malformed"]))
    if what == "field":
        row = draw(st.sampled_from([stage.ours, stage.theirs]))
        name = draw(st.sampled_from(["address", "phone", "rt"]))
        value = draw(st.sampled_from(["A", "B", "C", None]))
        return op(dev, "household", row, {name: value}, wall, counter)
    if what == "stage":
        return op(dev, "enrollment", stage.enrollment, {"stage": draw(st.integers(0, 5))}, wall, counter)
    if what == "distribution":
        officer = draw(st.sampled_from(["Budi", "Ani"]))
        fields = {"event_id": "e1", "officer": officer, "amount": 45_000, "scope": KEC, "deleted": 0}
        return op(dev, "distribution", stage.distribution, fields, wall, counter, kind="insert")
    if what == "new_row":
        scope = draw(st.sampled_from([KEC, OTHER, "*", dev.scope]))
        return op(dev, "facilitator", new_id(), {"name": "Bu Uji", "scope": scope}, wall, counter, kind="insert")
    return {**op(dev, "household", stage.ours, {"rt": "1"}, wall, counter), "hlc": "bukan-hlc"}


@given(data=st.data())
@EXAMPLES
def test_replaying_any_push_k_times_leaves_the_server_unchanged(
    client: TestClient, central: CentralDb, data: st.DataObject
) -> None:
    stage = Stage(client, central)
    history: list[tuple[Dev, dict[str, Any], list[dict[str, Any]]]] = []
    for _ in range(data.draw(st.integers(1, 5), label="pushes")):
        dev = data.draw(st.sampled_from(stage.devices), label="device")
        ops = data.draw(st.lists(random_op(stage, dev), min_size=1, max_size=6), label="ops")
        body = batch(dev, ops)
        if data.draw(st.booleans(), label="with cursor"):
            body["cursor"] = len(pull_all(client, dev))
        history.append((dev, body, post(client, dev, body)))
    dev, body, answers = data.draw(st.sampled_from(history), label="replayed")
    times = data.draw(st.integers(1, 5), label="k")
    before = dump(central)
    for _ in range(times):
        assert post(client, dev, {**body, "batch_id": str(uuid.uuid4())}) == answers
        assert dump(central) == before


# -- scope -----------------------------------------------------------------------------------------------

FOREIGN_SCOPES = st.sampled_from([OTHER, OTHER + ".1001", "32.71.011", "32.71.010", "32.71", "32.7", "32.72.01", "*"])
"""Not 32.71.01 nor under it: another kecamatan, look-alike prefixes, the kabupaten, global."""
OWN_SCOPES = st.sampled_from([KEC, KEC + ".1001", KEC + ".2003"])


@st.composite
def scoped_op(draw: st.DrawFn, dev: Dev, theirs: str, global_row: str, ours: str) -> tuple[bool, dict[str, Any]]:
    """(whether the op is out of the device's scope, the op)."""
    wall = draw(st.integers(100, 10_000))
    what = draw(st.sampled_from(["foreign_known", "foreign_global", "foreign_new", "into_global", "own_new", "own"]))
    if what == "foreign_known":
        return True, op(dev, "household", theirs, {"address": f"Jl. Palsu {wall}"}, wall)
    if what == "foreign_global":
        return True, op(dev, "relief_item", global_row, {"name": "Beras palsu"}, wall)
    if what == "foreign_new":
        tbl = draw(st.sampled_from(["household", "member", "relief_item", "setting"]))
        return True, op(dev, tbl, new_id(), {"name": "X", "scope": draw(FOREIGN_SCOPES)}, wall, kind="insert")
    if what == "into_global":
        return True, op(dev, "household", ours, {"scope": "*"}, wall)
    if what == "own_new":
        return False, op(dev, "member", new_id(), {"name": "Y", "scope": draw(OWN_SCOPES)}, wall, kind="insert")
    return False, op(dev, "household", ours, {"rt": str(wall % 999)}, wall)


@given(data=st.data())
@EXAMPLES
def test_every_out_of_scope_op_is_refused(client: TestClient, central: CentralDb, data: st.DataObject) -> None:
    office = enroll(central, "*", "KANTOR")
    theirs, global_row, ours = new_id(), new_id(), new_id()
    push(
        client,
        office,
        [
            op(office, "household", theirs, household(OTHER), kind="insert"),
            op(office, "relief_item", global_row, {"code": "beras", "name": "Beras", "scope": "*"}, kind="insert"),
            op(office, "household", ours, household(KEC, no_kk="3271010101010009"), kind="insert"),
        ],
    )
    dev = enroll(central, KEC, "A1")
    generated = data.draw(st.lists(scoped_op(dev, theirs, global_row, ours), min_size=20, max_size=60), label="ops")
    before = dump(central)
    results = post(client, dev, batch(dev, [o for _, o in generated]))
    foreign = [r for (out, _), r in zip(generated, results, strict=True) if out]
    own = [r for (out, _), r in zip(generated, results, strict=True) if not out]
    assert [r["status"] for r in foreign] == ["rejected"] * len(foreign)  # 100 %
    assert all("wilayah" in r["error"] for r in foreign)
    assert {r["status"] for r in own} <= {"applied", "merged"}
    after = dump(central)
    untouched = {("household", theirs), ("relief_item", global_row)}
    assert [f for f in after["field_state"] if (f[0], f[1]) in untouched] == [
        f for f in before["field_state"] if (f[0], f[1]) in untouched
    ]
    assert [r for r in after["row_scope"] if r[2] != KEC and not r[2].startswith(KEC + ".")] == [
        r for r in before["row_scope"] if r[2] != KEC and not r[2].startswith(KEC + ".")
    ]
    accepted = sum(1 for r in own if r["status"] in ("applied", "merged"))
    assert len(after["change"]) - len(before["change"]) <= accepted  # only accepted ops are logged


# -- revocation ------------------------------------------------------------------------------------------


def test_a_revoked_device_gets_401_on_every_request_and_changes_nothing(client: TestClient, central: CentralDb) -> None:
    dev = enroll(central, KEC, "A1")
    row = new_id()
    accepted = batch(dev, [op(dev, "household", row, household(KEC), kind="insert")])
    post(client, dev, accepted)
    with central.transaction() as s:
        central_devices.revoke(s, dev.id)
    before = dump(central)
    requests = [
        ("GET", "/sync/whoami", None),
        ("GET", "/sync/pull?cursor=0", None),
        ("POST", "/sync/push", {**accepted, "batch_id": new_id()}),  # a replay of what it sent before
        ("POST", "/sync/push", batch(dev, [op(dev, "household", row, {"rt": "9"}, wall=99)])),
        ("POST", "/sync/push", batch(dev, [op(dev, "household", new_id(), household(KEC), kind="insert")])),
    ]
    for method, path, body in requests:
        response = client.request(method, path, json=body, headers=dev.auth)
        assert response.status_code == 401, (path, response.text)
        assert "dicabut" in response.json()["error"]
    assert dump(central) == before


@pytest.fixture
def central_server(central: CentralDb) -> Iterator[LiveServer]:
    with serve(create_app(central, upgrade=False)) as server:
        yield server


def enrolled_laptop(db: Database, central: CentralDb, server: LiveServer, scope: str = "*") -> SyncClient:
    with central.transaction() as s:
        code = central_devices.create_enrollment_code(s, scope)
    client = SyncClient(server.url, retries=0)
    enrollment = client.enroll(code, "LAPTOP-UJI")
    with db.transaction() as s:
        state.save_enrollment(s, client.server_url, enrollment.device_id, "LAPTOP-UJI", enrollment.token, scope)
        hlc.set_device(s, enrollment.device_id)
    return client


def laptop_state(db: Database) -> tuple[int, int, list[str]]:
    with db.read() as s:
        return state.load(s).cursor, outbox.count_pending(s), [op.op_id for op in outbox.pending(s, 100_000)]


def test_a_revoked_laptop_keeps_its_outbox_and_cursor(
    db: Database, central: CentralDb, central_server: LiveServer
) -> None:
    client = enrolled_laptop(db, central, central_server)
    engine.sync_once(db, client)
    with db.transaction() as s:
        s.add(Facilitator(name="Bu Uji", kelurahan_codes="", scope=KEC))
    with central.transaction() as s:
        central_devices.revoke(s, _device_id(db))
    before_server, before_laptop = dump(central), laptop_state(db)
    with pytest.raises(UnauthorizedError):
        engine.sync_once(db, client)
    assert dump(central) == before_server
    assert laptop_state(db) == before_laptop and before_laptop[1] == 1
    with db.read() as s:
        assert "dicabut" in (state.load(s).last_error or "")


def _device_id(db: Database) -> str:
    with db.read() as s:
        device = state.load(s).device_id
    assert device is not None
    return device


# -- crashes on the laptop -------------------------------------------------------------------------------


class CrashError(Exception):
    """The process dies here."""


def test_a_crash_while_applying_a_page_keeps_neither_its_rows_nor_its_cursor(
    db: Database, central: CentralDb, central_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = enrolled_laptop(db, central, central_server)
    engine.sync_once(db, client)
    office = enroll(central, "*", "KANTOR")
    rows = [new_id() for _ in range(5)]
    fields = {"nik": None, "phone": None, "kelurahan_codes": "", "yearly_target": 10, "scope": KEC, "deleted": 0}
    with TestClient(create_app(central, upgrade=False)) as office_client:
        push(
            office_client,
            office,
            [
                op(office, "facilitator", r, {**fields, "name": f"Bu {i}"}, 10**9, i, "insert")
                for i, r in enumerate(rows)
            ],
        )
    cursor_before = laptop_state(db)[0]

    def crash(session: Any, cursor: int) -> None:  # the page's rows are written, its cursor is next
        raise CrashError

    monkeypatch.setattr(state, "set_cursor", crash)
    with pytest.raises(CrashError):
        engine.sync_once(db, client, page_size=2)
    with db.read() as s:
        assert state.load(s).cursor == cursor_before
        assert s.query(Facilitator).filter(Facilitator.id.in_(rows)).count() == 0  # nothing of the page stayed
    monkeypatch.undo()
    report = engine.sync_once(db, client, page_size=2)
    assert report.inserted == 5
    with db.read() as s:
        assert s.query(Facilitator).filter(Facilitator.id.in_(rows)).count() == 5


def test_a_crash_while_recording_push_answers_keeps_the_outbox_and_the_replay_changes_nothing(
    db: Database, central: CentralDb, central_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = enrolled_laptop(db, central, central_server)
    engine.sync_once(db, client)
    with db.transaction() as s:
        s.add(Facilitator(name="Bu Uji", kelurahan_codes="", scope=KEC))
        s.add(Facilitator(name="Pak Uji", kelurahan_codes="", scope=KEC))
    queued = laptop_state(db)[2]

    def crash(session: Any, op_ids: Any) -> int:
        raise CrashError

    monkeypatch.setattr(outbox, "acknowledge", crash)
    with pytest.raises(CrashError):
        engine.sync_once(db, client)
    assert laptop_state(db)[2] == queued  # the server has them, the laptop does not know
    after_first = dump(central)
    assert len(after_first["change"]) >= 2
    monkeypatch.undo()
    report = engine.sync_once(db, client)
    assert report.applied == 2 and report.pending_after == 0
    replayed = dump(central)
    assert replayed["field_state"] == after_first["field_state"] and replayed["change"] == after_first["change"]
    assert replayed["applied_op"] == after_first["applied_op"] and replayed["conflict"] == after_first["conflict"]
