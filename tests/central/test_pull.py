"""``GET /sync/pull`` on SQLite and PostgreSQL: scope filtering, the ``*`` device, paging by cursor, and
the hand-over of a family to another kecamatan."""

from __future__ import annotations

from starlette.testclient import TestClient

from simoncer_central.store import CentralDb
from tests.central.sync_ops import enroll, household, new_id, op, pull, pull_all, push


def test_a_change_reaches_its_scope_and_the_office_but_not_another_kecamatan(
    client: TestClient, central: CentralDb
) -> None:
    author = enroll(central, "32.71.01", "author")
    colleague = enroll(central, "32.71.01", "colleague")
    neighbour = enroll(central, "32.71.02", "neighbour")
    office = enroll(central, "*", "office")
    hh = new_id()
    fields = household()
    insert = op(author, "household", hh, fields, kind="insert")
    push(client, author, [insert])

    page = pull(client, colleague)
    assert page["has_more"] is False
    ((change),) = page["changes"]
    assert set(change) == {"seq", "tbl", "row_id", "fields", "hlc"}
    assert (change["tbl"], change["row_id"], change["fields"], change["hlc"]) == (
        "household",
        hh,
        fields,
        insert["hlc"],
    )
    assert page["next_cursor"] == change["seq"]

    empty = pull(client, neighbour)
    assert empty == {**empty, "changes": [], "next_cursor": 0, "has_more": False}
    assert [c["row_id"] for c in pull(client, office)["changes"]] == [hh]
    assert pull(client, colleague, cursor=change["seq"])["changes"] == []
    assert pull(client, colleague, cursor=change["seq"])["next_cursor"] == change["seq"]


def test_global_reference_data_reaches_every_device(client: TestClient, central: CentralDb) -> None:
    office = enroll(central, "*", "office")
    kec = enroll(central, "32.71.05")
    item = new_id()
    push(
        client,
        office,
        [op(office, "relief_item", item, {"code": "BRS", "name": "Beras", "unit": "kg", "scope": "*"}, kind="insert")],
    )
    push(client, office, [op(office, "household", new_id(), household("32.71.09"), kind="insert")])
    assert [(c["tbl"], c["row_id"]) for c in pull_all(client, kec)] == [("relief_item", item)]


def test_paging_over_2500_changes(client: TestClient, central: CentralDb) -> None:
    author = enroll(central, "32.71.01", "author")
    reader = enroll(central, "32.71.01", "reader")
    rows = [new_id() for _ in range(2500)]
    for start in range(0, 2500, 1000):
        ops = [
            op(
                author,
                "member",
                row,
                {"household_id": "h", "name": f"Anggota {i}", "scope": "32.71.01"},
                wall=i,
                kind="insert",
            )
            for i, row in enumerate(rows[start : start + 1000], start)
        ]
        assert {r["status"] for r in push(client, author, ops)} == {"applied"}
    push(client, author, [op(author, "member", new_id(), {"name": "lain", "scope": "32.71.02"}, kind="insert")])

    seen: list[str] = []
    cursor, pages = 0, 0
    while True:
        page = pull(client, reader, cursor)
        pages += 1
        seqs = [c["seq"] for c in page["changes"]]
        assert seqs == sorted(seqs) and all(s > cursor for s in seqs)
        seen += [c["row_id"] for c in page["changes"]]
        assert page["next_cursor"] == (seqs[-1] if seqs else cursor)
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert pages == 3 and seen == rows

    small = pull(client, reader, 0, limit=7)
    assert len(small["changes"]) == 7 and small["has_more"] is True
    exact = pull(client, reader, 0, limit=1000)
    assert len(exact["changes"]) == 1000 and exact["has_more"] is True
    clamped = pull(client, reader, 0, limit=5000)
    assert len(clamped["changes"]) == 1000 and clamped["has_more"] is True


def test_bad_pull_parameters_are_400(client: TestClient, central: CentralDb) -> None:
    dev = enroll(central, "32.71.01")
    for params in ({"cursor": "abc"}, {"cursor": -1}, {"limit": 0}, {"limit": "x"}):
        response = client.get("/sync/pull", params=params, headers=dev.auth)
        assert response.status_code == 400 and response.json()["error"], params


def test_a_family_handed_over_leaves_the_old_scope_visibly(client: TestClient, central: CentralDb) -> None:
    old = enroll(central, "32.71.01", "old office")
    new = enroll(central, "32.71.02", "new office")
    hh = new_id()
    fields = household()
    push(client, old, [op(old, "household", hh, fields, wall=1, kind="insert")])
    push(client, old, [op(old, "household", hh, {"phone": "0899"}, wall=2)])
    old_cursor = pull(client, old)["next_cursor"]
    assert pull_all(client, new) == []

    move = {"scope": "32.71.02", "kelurahan_code": "32.71.02.1003"}
    push(client, old, [op(old, "household", hh, move, wall=3)])
    (moved,) = pull(client, old, old_cursor)["changes"]  # the old office sees it leave
    assert moved["fields"]["scope"] == "32.71.02"
    (arrived,) = pull_all(client, new)  # the new office gets the whole family at once
    assert arrived["seq"] == moved["seq"]
    assert arrived["fields"] == {**fields, "phone": "0899", **move}

    # after the hand-over the new office edits it; the old office no longer may, nor hears of it
    assert push(client, new, [op(new, "household", hh, {"rt": "004"}, wall=4)])[0]["status"] == "applied"
    (refused,) = push(client, old, [op(old, "household", hh, {"rt": "005"}, wall=5)])
    assert refused["status"] == "rejected"
    assert pull(client, old, moved["seq"])["changes"] == []
    assert [c["fields"] for c in pull(client, new, arrived["seq"])["changes"]] == [{"rt": "004"}]


def test_moving_a_row_into_the_global_scope_is_for_the_office_only(client: TestClient, central: CentralDb) -> None:
    kec = enroll(central, "32.71.01")
    row = new_id()
    push(client, kec, [op(kec, "facilitator", row, {"name": "Siti", "scope": "32.71.01"}, wall=1, kind="insert")])
    (result,) = push(client, kec, [op(kec, "facilitator", row, {"scope": "*"}, wall=2)])
    assert result["status"] == "rejected" and "kantor Dinsos" in result["error"]
