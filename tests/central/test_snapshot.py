"""``GET /sync/snapshot`` (the first sync of an empty laptop) on SQLite and PostgreSQL: scope filtering,
parents-first paging at a fixed ``snapshot_seq``, convergence with the log pulled from that seq when edits
land between pages; the clock clamp of pushed far-future HLCs; an old client's op never wiping a field it
does not know."""

from __future__ import annotations

import json
import time
from typing import Any

from starlette.testclient import TestClient

from simoncer_central import snapshot
from simoncer_central.store import CentralDb
from simoncer_desktop.sync.hlc import format_hlc, parse
from tests.central.sync_ops import enroll, field_values, household, new_id, op, pull_all, push


def get_snapshot(client: TestClient, dev: Any, **params: Any) -> dict[str, Any]:
    response = client.get("/sync/snapshot", params=params, headers=dev.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"items", "snapshot_seq", "next_after", "has_more", "server_time_ms"}
    return body


def snapshot_all(client: TestClient, dev: Any, limit: int) -> tuple[int, list[dict[str, Any]], int]:
    """(snapshot_seq, items, pages)."""
    first = get_snapshot(client, dev, limit=limit)
    seq, items, pages, page = first["snapshot_seq"], list(first["items"]), 1, first
    while page["has_more"]:
        page = get_snapshot(client, dev, limit=limit, after=page["next_after"], seq=seq)
        assert page["snapshot_seq"] == seq
        items += page["items"]
        pages += 1
    return seq, items, pages


def member(household_id: str, name: str, scope: str = "32.71.01") -> dict[str, Any]:
    return {"household_id": household_id, "name": name, "relation": "head", "scope": scope, "deleted": 0}


def test_the_snapshot_holds_the_scope_parents_first_in_stable_pages(client: TestClient, central: CentralDb) -> None:
    office = enroll(central, "*", "office")
    author = enroll(central, "32.71.01", "author")
    reader = enroll(central, "32.71.01", "reader")
    households = sorted(new_id() for _ in range(3))
    members = [new_id() for _ in range(4)]
    item = new_id()
    # children pushed first: the snapshot orders by table (parents first), not by arrival
    push(
        client,
        author,
        [
            op(author, "member", m, member(households[i % 3], f"A{i}"), wall=i, kind="insert")
            for i, m in enumerate(members)
        ],
    )
    push(client, author, [op(author, "household", h, household(), wall=10, kind="insert") for h in households])
    push(client, author, [op(author, "household", households[0], {"phone": "0877"}, wall=20)])
    push(client, office, [op(office, "relief_item", item, {"name": "Beras", "scope": "*"}, wall=5, kind="insert")])
    push(client, office, [op(office, "household", new_id(), household("32.71.02"), wall=6, kind="insert")])

    seq, items, pages = snapshot_all(client, reader, limit=3)
    keys = [(i["tbl"], i["row_id"]) for i in items]
    assert len(keys) == len(set(keys)) == 8 and pages == 3  # 1 relief item + 3 households + 4 members
    order = snapshot.table_order()
    assert [order.index(t) for t, _ in keys] == sorted(order.index(t) for t, _ in keys)
    assert order.index("household") < order.index("member")
    assert [r for t, r in keys if t == "household"] == households
    assert sorted(r for t, r in keys if t == "member") == sorted(members)
    assert ("relief_item", item) in keys  # global reference data reaches every scope
    with central.transaction() as s:
        assert seq == snapshot.last_seq(s)
    first = next(i for i in items if i["row_id"] == households[0])
    assert first["fields"] == field_values(central, "household", households[0])
    assert first["fields"]["phone"] == "0877"
    assert parse(first["hlc"]).wall_ms == parse(op(author, "x", "y", {}, wall=20)["hlc"]).wall_ms  # max field HLC

    office_seq, office_items, _ = snapshot_all(client, office, limit=1000)
    assert office_seq == seq and len(office_items) == 9  # the office sees every scope

    assert get_snapshot(client, reader, limit=3, after="member/" + "z" * 36)["items"] == []
    for params in ({"limit": 0}, {"limit": "x"}, {"after": "no-separator"}, {"seq": -1}):
        response = client.get("/sync/snapshot", params=params, headers=reader.auth)
        assert response.status_code == 400 and response.json()["error"], params
    assert client.get("/sync/snapshot").status_code == 401


def test_edits_between_pages_converge_after_the_log_from_the_snapshot_seq(
    client: TestClient, central: CentralDb
) -> None:
    author = enroll(central, "32.71.01", "author")
    reader = enroll(central, "32.71.01", "reader")
    other = enroll(central, "32.71.02", "other office")
    rows = sorted(new_id() for _ in range(6))
    push(client, author, [op(author, "household", h, household(), wall=1, kind="insert") for h in rows])

    local: dict[tuple[str, str], dict[str, Any]] = {}

    def apply(changes: list[dict[str, Any]]) -> None:  # the client's rule: pulled fields in order
        for change in changes:
            local.setdefault((change["tbl"], change["row_id"]), {}).update(change["fields"])

    page = get_snapshot(client, reader, limit=2)
    seq = page["snapshot_seq"]
    apply(page["items"])
    # edits land between pages: on a row already sent, on a row still to come, a new row, a hand-over out
    push(client, author, [op(author, "household", rows[0], {"phone": "0811"}, wall=2)])
    push(client, author, [op(author, "household", rows[4], {"phone": "0822"}, wall=3)])
    added = new_id()
    push(client, author, [op(author, "household", added, household(), wall=4, kind="insert")])
    moved = rows[5]
    push(client, author, [op(author, "household", moved, {"scope": "32.71.02"}, wall=5)])
    push(client, other, [op(other, "household", moved, {"phone": "0899"}, wall=6)])  # not the reader's any more
    while page["has_more"]:
        page = get_snapshot(client, reader, limit=2, after=page["next_after"], seq=seq)
        apply(page["items"])
    apply(pull_all(client, reader, seq))

    expected = {("household", h): field_values(central, "household", h) for h in [*rows[:5], added]}
    assert {k: v for k, v in local.items() if k[1] != moved} == expected
    assert local[("household", moved)]["scope"] == "32.71.02"  # it saw the family leave ...
    assert local[("household", moved)]["phone"] != "0899"  # ... and nothing of it after


def test_far_future_hlcs_are_clamped_to_server_time_and_the_answer_warns(
    client: TestClient, central: CentralDb
) -> None:
    dev = enroll(central, "32.71.01")
    day = 86_400_000
    now = time.time_ns() // 1_000_000
    first, second = new_id(), new_id()
    ops = [
        {**op(dev, "household", first, household(), kind="insert"), "hlc": format_hlc(now + day, 3, dev.id)},
        {**op(dev, "household", second, household(), kind="insert"), "hlc": format_hlc(now + day, 4, dev.id)},
    ]
    response = client.post(
        "/sync/push",
        json={"device_id": dev.id, "schema_version": 7, "ops": ops},
        headers=dev.auth,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert [r["status"] for r in body["results"]] == ["applied", "applied"]
    skew = body["clock_warning"]["skew_ms"]
    assert day - 60_000 < skew <= day
    stamps = [c["hlc"] for c in pull_all(client, dev)]
    walls = [parse(h) for h in stamps]
    assert all(abs(w.wall_ms - body["server_time_ms"]) < 60_000 for w in walls)
    assert stamps == sorted(stamps) and all(w.device == dev.id for w in walls)  # batch order kept

    ok = op(dev, "household", first, {"phone": "0812"}, wall=0)  # a sane (past) clock: no warning
    response = client.post("/sync/push", json={"schema_version": 7, "ops": [ok]}, headers=dev.auth)
    assert "clock_warning" not in response.json()


def test_an_older_clients_op_never_wipes_a_field_it_does_not_know(client: TestClient, central: CentralDb) -> None:
    newer = enroll(central, "32.71.01", "app lebih baru (skema 7)")
    older = enroll(central, "32.71.01", "app lama (skema 6)")
    row = new_id()
    fields = {**household(), "disability_notes": "kursi roda"}  # a column only the newer schema has
    (inserted,) = push(client, newer, [op(newer, "household", row, fields, wall=1, kind="insert")], schema=7)
    assert inserted["status"] == "applied", inserted
    (result,) = push(client, older, [op(older, "household", row, {"phone": "0856"}, wall=2)], schema=6)
    assert result["status"] == "applied", result
    stored = field_values(central, "household", row)
    assert stored == {**fields, "phone": "0856"}
    (item,) = snapshot_all(client, newer, 100)[1]
    assert item["fields"]["disability_notes"] == "kursi roda"
    assert json.dumps(item["fields"], sort_keys=True) == json.dumps(stored, sort_keys=True)
