"""``POST /sync/push`` on SQLite and PostgreSQL: per-op answers, idempotent replay, scope, the batch
limits (401, 400, 413, 426), gzip bodies and the change log it writes."""

from __future__ import annotations

import gzip
import json

from starlette.testclient import TestClient

from simoncer_central import devices
from simoncer_central.store import CentralDb
from simoncer_central.wire import MAX_OPS, MIN_SCHEMA
from tests.central.sync_ops import batch, dump, enroll, field_values, household, new_id, op, pull, pull_all, push


def test_an_insert_is_applied_and_logged_as_one_change(client: TestClient, central: CentralDb) -> None:
    dev = enroll(central, "32.71.01")
    hh = new_id()
    fields = household()
    insert = op(dev, "household", hh, fields, kind="insert")
    results = push(client, dev, [insert])
    assert results == [{"op_id": insert["op_id"], "status": "applied"}]
    state = dump(central)
    ((seq, tbl, row_id, scope, old_scope, logged, hlc, device_id),) = state["change"]
    assert (tbl, row_id, scope, old_scope, logged, hlc, device_id) == (
        "household", hh, "32.71.01", None, fields, insert["hlc"], dev.id
    )  # fmt: skip
    assert field_values(central, "household", hh) == fields
    assert all(f[6] == seq and f[4] == insert["hlc"] for f in state["field_state"])
    assert state["row_scope"] == [("household", hh, "32.71.01", dev.id)]
    assert state["conflict"] == []
    with central.transaction() as s:
        assert devices.list_devices(s)[0].schema_version == "6"


def test_replaying_a_batch_three_times_changes_nothing(client: TestClient, central: CentralDb) -> None:
    a = enroll(central, "32.71.01", "A")
    b = enroll(central, "32.71.01", "B")
    hh = new_id()
    push(client, a, [op(a, "household", hh, household(), wall=10, kind="insert")])
    ops = [
        op(b, "household", hh, {"address": "Jl. Baru 1", "phone": "0811"}, wall=5),  # older: a conflict
        op(b, "household", hh, {"rt": "009"}, wall=20),
        op(b, "household", new_id(), household(no_kk="3271010101010002"), wall=21, kind="insert"),
        op(b, "household", new_id(), household("32.71.02"), wall=22, kind="insert"),  # out of scope
    ]
    body = {**batch(b, ops), "cursor": pull(client, b)["next_cursor"]}  # B has A's insert
    first = client.post("/sync/push", json=body, headers=b.auth).json()["results"]
    assert [r["status"] for r in first] == ["merged", "applied", "applied", "rejected"]
    after_first = dump(central)
    assert len(after_first["conflict"]) == 2
    for _ in range(3):
        again = client.post("/sync/push", json={**body, "batch_id": new_id()}, headers=b.auth).json()["results"]
        assert again == first
        assert dump(central) == after_first


def test_an_op_repeated_inside_a_batch_is_answered_once(client: TestClient, central: CentralDb) -> None:
    dev = enroll(central, "32.71.01")
    insert = op(dev, "household", new_id(), household(), kind="insert")
    results = push(client, dev, [insert, insert])
    assert results[0] == results[1] == {"op_id": insert["op_id"], "status": "applied"}
    assert len(dump(central)["change"]) == 1


def test_an_out_of_scope_batch_is_rejected_entirely_and_writes_nothing(client: TestClient, central: CentralDb) -> None:
    owner = enroll(central, "32.71.02", "owner")
    theirs = new_id()
    push(client, owner, [op(owner, "household", theirs, household("32.71.02"), kind="insert")])
    before = dump(central)
    intruder = enroll(central, "32.71.01", "intruder")
    ops = []
    for i in range(50):
        if i % 3 == 0:  # a row of another kecamatan the server knows
            ops.append(op(intruder, "household", theirs, {"address": f"Jl. Palsu {i}"}, wall=1000 + i))
        elif i % 3 == 1:  # a new row of another kecamatan
            ops.append(
                op(intruder, "member", new_id(), {"name": "X", "scope": "32.71.02"}, wall=1000 + i, kind="insert")
            )
        else:  # global reference data is the Dinsos office's
            ops.append(
                op(intruder, "relief_item", new_id(), {"code": "BRS", "scope": "*"}, wall=1000 + i, kind="insert")
            )
    results = push(client, intruder, ops)
    assert [r["status"] for r in results] == ["rejected"] * 50
    assert all("di luar wilayah" in r["error"] for r in results)
    after = dump(central)
    assert {k: v for k, v in after.items() if k != "applied_op"} == {
        k: v for k, v in before.items() if k != "applied_op"
    }
    assert len(after["applied_op"]) == len(before["applied_op"]) + 50  # remembered: a replay gets the same answer


def test_a_sub_scope_row_is_in_scope_and_a_star_device_may_push_anything(
    client: TestClient, central: CentralDb
) -> None:
    kec = enroll(central, "32.71.01")
    office = enroll(central, "*")
    sub = op(kec, "household", new_id(), household("32.71.01.1001"), kind="insert")
    prefix_only = op(kec, "household", new_id(), household("32.71.011"), kind="insert")
    assert [r["status"] for r in push(client, kec, [sub, prefix_only])] == ["applied", "rejected"]
    anywhere = [
        op(office, "household", new_id(), household("32.01.05"), kind="insert"),
        op(office, "relief_item", new_id(), {"code": "BRS", "name": "Beras", "scope": "*"}, kind="insert"),
    ]
    assert [r["status"] for r in push(client, office, anywhere)] == ["applied", "applied"]


def test_an_update_of_an_unknown_row_without_scope_is_rejected(client: TestClient, central: CentralDb) -> None:
    dev = enroll(central, "32.71.01")
    (result,) = push(client, dev, [op(dev, "household", new_id(), {"address": "Jl. Entah"})])
    assert result["status"] == "rejected" and "belum dikenal server" in result["error"]


def test_malformed_ops_are_rejected_one_by_one(client: TestClient, central: CentralDb) -> None:
    dev = enroll(central, "32.71.01")
    good = op(dev, "household", new_id(), household(), kind="insert")
    bad_hlc = {**op(dev, "household", new_id(), household(), kind="insert"), "hlc": "kemarin"}
    bad_kind = {**op(dev, "household", new_id(), household()), "kind": "delete"}
    bad_fields = {**op(dev, "household", new_id(), household()), "fields": {}}
    bad_table = {**op(dev, "household", new_id(), household()), "tbl": "household; DROP TABLE change"}
    no_op_id = {k: v for k, v in good.items() if k != "op_id"}
    results = push(client, dev, [bad_hlc, bad_kind, good, bad_fields, bad_table, no_op_id])
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied", "rejected", "rejected", "rejected"]
    assert "HLC" in results[0]["error"] and "insert" in results[1]["error"]
    assert results[5]["op_id"] is None
    assert len(dump(central)["change"]) == 1


def test_a_revoked_or_unknown_token_is_401(client: TestClient, central: CentralDb) -> None:
    dev = enroll(central, "32.71.01")
    body = batch(dev, [op(dev, "household", new_id(), household(), kind="insert")])
    with central.transaction() as s:
        devices.revoke(s, dev.id)
    for headers in (dev.auth, {"Authorization": "Bearer nope"}, {}):
        response = client.post("/sync/push", json=body, headers=headers)
        assert response.status_code == 401
        assert "error" in response.json()
        assert client.get("/sync/pull", headers=headers).status_code == 401
    assert dump(central)["change"] == []


def test_batch_limits_400_413_and_426(client: TestClient, central: CentralDb) -> None:
    dev = enroll(central, "32.71.01")
    ops = [op(dev, "household", new_id(), household(), kind="insert") for _ in range(MAX_OPS + 1)]
    response = client.post("/sync/push", json=batch(dev, ops), headers=dev.auth)
    assert response.status_code == 413 and "paling banyak 1000" in response.json()["error"]

    response = client.post("/sync/push", json=batch(dev, ops[:2], schema=MIN_SCHEMA - 1), headers=dev.auth)
    assert response.status_code == 426
    body = response.json()
    assert body["min_schema"] == MIN_SCHEMA and "Perbarui aplikasi" in body["error"]

    for bad in ({"ops": []}, {"schema_version": "6", "ops": []}, {"schema_version": 6, "ops": {}}, [1, 2]):
        response = client.post("/sync/push", json=bad, headers=dev.auth)
        assert response.status_code == 400 and response.json()["error"], bad
    other = enroll(central, "32.71.01", "other")
    response = client.post("/sync/push", json={**batch(dev, ops[:1]), "device_id": other.id}, headers=dev.auth)
    assert response.status_code == 400 and "tidak cocok" in response.json()["error"]
    response = client.post("/sync/push", content=b"{not json", headers=dev.auth)
    assert response.status_code == 400
    assert dump(central)["change"] == []


def test_a_gzipped_batch_is_accepted(client: TestClient, central: CentralDb) -> None:
    dev = enroll(central, "32.71.01")
    ops = [op(dev, "household", new_id(), household(), wall=i, kind="insert") for i in range(200)]
    raw = json.dumps(batch(dev, ops)).encode()
    packed = gzip.compress(raw)
    assert len(packed) < len(raw) / 2
    response = client.post(
        "/sync/push",
        content=packed,
        headers={**dev.auth, "Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert response.status_code == 200
    assert {r["status"] for r in response.json()["results"]} == {"applied"}
    assert len(pull_all(client, dev)) == 200
