"""The conflict log over HTTP (``simoncer_central.conflict_api``), on SQLite and PostgreSQL: a device lists the
conflicts of its scope with the family they belong to, and a supervisor's decision is recorded once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from simoncer_central import conflict_api
from simoncer_central.app import create_app
from simoncer_central.store import CentralDb
from tests.central.sync_ops import Dev, enroll, household, new_id, op, pull, push

KEC_A = "32.71.01"
KEC_B = "32.71.02"


def conflict_app(central: CentralDb) -> Starlette:
    """``create_app`` with the conflict routes (added here until ``create_app`` mounts them itself)."""
    app = create_app(central, upgrade=False)
    if not any(getattr(route, "path", None) == "/sync/conflicts" for route in app.routes):
        app.router.routes.extend(conflict_api.ROUTES)
    return app


@pytest.fixture
def api(central: CentralDb) -> Iterator[TestClient]:
    with TestClient(conflict_app(central)) as test_client:
        yield test_client


def listing(api: TestClient, dev: Dev, status: str = "open", **params: Any) -> dict[str, Any]:
    response = api.get("/sync/conflicts", params={"status": status, **params}, headers=dev.auth)
    assert response.status_code == 200, response.text
    return response.json()


def resolve(api: TestClient, dev: Dev, conflict_id: int, resolution: str, by: str) -> Any:
    return api.post(
        f"/sync/conflicts/{conflict_id}/resolve", json={"resolution": resolution, "by": by}, headers=dev.auth
    )


def family_with_a_conflict(api: TestClient, a: Dev, b: Dev) -> tuple[str, str]:
    """A family of kecamatan A (head Siti Aminah, child Budi) whose address A and B change concurrently; B's
    later edit wins, A's value is the conflict. Returns (household id, member id of the child)."""
    hh, head, child = new_id(), new_id(), new_id()
    member = {"household_id": hh, "scope": KEC_A, "deleted": 0, "sex": "P", "birth_date": "1980-01-01"}
    push(
        api,
        a,
        [
            op(a, "household", hh, household(KEC_A, no_kk="3271010101019999"), wall=1, kind="insert"),
            op(a, "member", child, {**member, "name": "Budi", "relation": "anak"}, wall=1, kind="insert"),
            op(a, "member", head, {**member, "name": "Siti Aminah", "relation": "kepala"}, wall=1, kind="insert"),
        ],
    )
    cursor = pull(api, b)["next_cursor"]
    pull(api, b, cursor)  # B has applied the family
    push(api, a, [op(a, "household", hh, {"address": "Jl. Dari A"}, wall=10)])
    (result,) = push(api, b, [op(b, "household", hh, {"address": "Jl. Dari B"}, wall=20)])
    assert result["status"] == "applied"
    return hh, child


def test_a_device_lists_the_conflicts_of_its_scope_with_the_family(api: TestClient, central: CentralDb) -> None:
    a = enroll(central, KEC_A, "Laptop A")
    b = enroll(central, KEC_A, "Laptop B")
    other = enroll(central, KEC_B, "Laptop kecamatan lain")
    office = enroll(central, "*", "Kantor Dinsos")
    hh, child = family_with_a_conflict(api, a, b)
    # a second conflict on a member row: its family is found through the row's household_id
    push(api, a, [op(a, "member", child, {"name": "Budi Santoso"}, wall=30)])
    cursor = pull(api, b)["next_cursor"]
    pull(api, b, cursor)
    push(api, b, [op(b, "member", child, {"name": "Budi S."}, wall=40)])
    push(api, a, [op(a, "member", child, {"name": "Budi Saputra"}, wall=35)])

    page = listing(api, a)
    assert page["total"] == 2 and len(page["items"]) == 2
    newest, first = page["items"]  # newest first
    assert (first["tbl"], first["row_id"], first["field"], first["kind"]) == ("household", hh, "address", "lww")
    assert (first["losing_value"], first["winning_value"]) == ("Jl. Dari A", "Jl. Dari B")
    assert (first["losing_device"], first["losing_device_name"]) == (a.id, "Laptop A")
    assert (first["winning_device"], first["winning_device_name"]) == (b.id, "Laptop B")
    assert first["losing_hlc"] < first["winning_hlc"]
    assert first["family"] == {"household_id": hh, "kk_number": "3271010101019999", "head_name": "Siti Aminah"}
    assert first["at"].endswith("Z") and first["resolved_at"] is None and first["resolution"] is None
    assert "losing_user" in first and "winning_user" in first
    assert (newest["tbl"], newest["row_id"], newest["field"]) == ("member", child, "name")
    assert (newest["losing_value"], newest["winning_value"]) == ("Budi Saputra", "Budi S.")
    assert newest["family"]["head_name"] == "Siti Aminah" and newest["family"]["household_id"] == hh

    assert listing(api, office)["total"] == 2  # '*' sees every scope
    elsewhere = listing(api, other)
    assert (elsewhere["items"], elsewhere["total"]) == ([], 0)  # another kecamatan sees none of them
    assert listing(api, a, "resolved")["total"] == 0
    assert [i["id"] for i in listing(api, a, "all", limit=1, offset=1)["items"]] == [first["id"]]


def test_a_decision_is_recorded_once_and_answers_the_same_when_repeated(api: TestClient, central: CentralDb) -> None:
    a = enroll(central, KEC_A, "Laptop A")
    b = enroll(central, KEC_A, "Laptop B")
    other = enroll(central, KEC_B, "Laptop kecamatan lain")
    family_with_a_conflict(api, a, b)
    (item,) = listing(api, a)["items"]

    assert resolve(api, other, item["id"], "kept", "sup.b").status_code == 404  # not in its scope
    bad = resolve(api, a, item["id"], "lupakan", "sup.a")
    assert bad.status_code == 400 and "resolution" in bad.json()["error"]
    assert resolve(api, a, item["id"], "kept", "  ").status_code == 400

    done = resolve(api, a, item["id"], "kept", "sup.a")
    assert done.status_code == 200, done.text
    body = done.json()
    assert (body["id"], body["resolution"], body["resolved_by"]) == (item["id"], "kept", "sup.a")
    again = resolve(api, a, item["id"], "kept", "sup.a")  # a retried request whose answer was lost
    assert again.status_code == 200 and again.json()["resolved_at"] == body["resolved_at"]
    refused = resolve(api, b, item["id"], "reinstated", "sup.b")
    assert refused.status_code == 409
    assert "sudah diselesaikan oleh sup.a" in refused.json()["error"]

    assert listing(api, a)["total"] == 0
    (resolved,) = listing(api, b, "resolved")["items"]
    assert (resolved["resolution"], resolved["resolved_by"]) == ("kept", "sup.a")
    assert resolved["resolved_at"] == body["resolved_at"]


def test_bad_parameters_and_missing_tokens_are_refused(api: TestClient, central: CentralDb) -> None:
    a = enroll(central, KEC_A)
    assert api.get("/sync/conflicts").status_code == 401
    assert api.post("/sync/conflicts/1/resolve", json={"resolution": "kept", "by": "x"}).status_code == 401
    response = api.get("/sync/conflicts", params={"status": "kemarin"}, headers=a.auth)
    assert response.status_code == 400 and "status" in response.json()["error"]
    assert api.get("/sync/conflicts", params={"offset": -1}, headers=a.auth).status_code == 400
    assert api.get("/sync/conflicts", params={"limit": "banyak"}, headers=a.auth).status_code == 400
    assert resolve(api, a, 999, "kept", "sup").status_code == 404
    assert (
        api.post("/sync/conflicts/abc/resolve", json={"resolution": "kept", "by": "x"}, headers=a.auth).status_code
        == 400
    )
