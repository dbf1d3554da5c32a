"""The per-op role check of ``POST /sync/push`` (``simoncer_central.roles``) on SQLite and PostgreSQL:
the acting user must be known, active and allowed by the desktop's permission table for the row's
kecamatan (a pendamping: for its own families); users travel as ``app_user`` rows (bootstrap, username
collision); clients older than schema 8 are checked on scope alone; replays keep their stored answer."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from simoncer_central import roles
from simoncer_central.models import Change, Conflict
from simoncer_central.store import CentralDb
from simoncer_desktop.services import permissions
from simoncer_desktop.sync import capture
from tests.central.sync_ops import Dev, batch, dump, enroll, field_values, household, new_id, op, push

SCHEMA = 8
KEC = "32.71.01"
OTHER_KEC = "32.71.02"


def user_op(dev: Dev, user: str | None, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """An op as a schema-8 client sends it: ``OutboxOp.to_wire()`` with the acting user."""
    wire = op(dev, *args, **kwargs)
    assert "user" in wire and wire["user"] is None  # the client's own shape, then stamped
    return {**wire, "user": user}


def account(username: str, role: str, scope: str = "*", facilitator_id: str | None = None) -> dict[str, Any]:
    """The captured fields of a new ``app_user`` row (the hash is synthetic)."""
    return {
        "username": username,
        "full_name": username.title(),
        "role": role,
        "facilitator_id": facilitator_id,
        "password_hash": "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
        "must_change_password": 0,
        "active": 1,
        "scope": scope,
        "deleted": 0,
    }


def push8(client: TestClient, dev: Dev, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return push(client, dev, ops, schema=SCHEMA)


class Deployment:
    """An office device that bootstrapped the server's users: admin, an operator and a viewer of KEC, and
    two pendamping of KEC with their facilitators."""

    def __init__(self, client: TestClient, central: CentralDb) -> None:
        self.client, self.central = client, central
        self.office = enroll(central, "*", "KANTOR")
        self.kec = enroll(central, KEC, "KECAMATAN")
        self.user_ids: dict[str, str] = {}
        self.facilitators = {"pendamping": new_id(), "pendamping2": new_id()}
        wall = iter(range(1, 1000))
        ops = [
            user_op(self.office, "admin", "setting", new_id(), {"key": "k", "value": "1", "scope": "*"}, kind="insert")
        ]
        for name, role, scope, facilitator in (
            ("admin", "admin", "*", None),
            ("operator", "operator", KEC, None),
            ("viewer", "viewer", KEC, None),
            ("pendamping", "pendamping", KEC, self.facilitators["pendamping"]),
            ("pendamping2", "pendamping", KEC, self.facilitators["pendamping2"]),
        ):
            self.user_ids[name] = new_id()
            fields = account(name, role, scope, facilitator)
            ops.append(
                user_op(self.office, "admin", "app_user", self.user_ids[name], fields, wall=next(wall), kind="insert")
            )
        results = push8(client, self.office, ops)
        assert [r["status"] for r in results] == ["applied"] * len(ops), results

    def family(self, facilitator: str | None, scope: str = KEC) -> str:
        """A household inserted by the office admin, with the given pendamping's facilitator."""
        hh = new_id()
        fields = household(scope, facilitator_id=self.facilitators.get(facilitator or ""))
        (result,) = push8(
            self.client, self.office, [user_op(self.office, "admin", "household", hh, fields, kind="insert")]
        )
        assert result["status"] == "applied"
        return hh


@pytest.fixture
def deployment(client: TestClient, central: CentralDb) -> Deployment:
    return Deployment(client, central)


def test_every_synced_table_has_actions_the_desktop_knows() -> None:
    synced = set(capture.captured_columns())
    assert synced == set(roles.TABLE_ACTIONS), synced ^ set(roles.TABLE_ACTIONS)
    for table, actions in roles.TABLE_ACTIONS.items():
        assert actions, table
        for action in actions:
            assert action in permissions.ACTIONS, (table, action)
    for (table, _fields), actions in roles.FIELD_ACTIONS.items():
        assert table in synced and all(a in permissions.ACTIONS for a in actions)


def test_bootstrap_users_and_their_names_in_the_log(deployment: Deployment, central: CentralDb) -> None:
    with central.transaction() as s:
        logged = {(c.tbl, json.loads(c.fields).get("username")): c.user_name for c in s.scalars(select(Change))}
    assert logged[("app_user", "admin")] == "admin"
    assert logged[("setting", None)] == "admin"  # before the admin's own insert in the batch: pre-scanned


def test_an_unknown_or_missing_user_is_rejected_by_name(deployment: Deployment, client: TestClient) -> None:
    kec = deployment.kec
    ghost = user_op(kec, "hantu", "household", new_id(), household(), kind="insert")
    nobody = user_op(kec, None, "household", new_id(), household(), kind="insert")
    results = push8(client, kec, [ghost, nobody])
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert "Pengguna 'hantu' tidak dikenal server" in results[0]["error"]
    assert "tidak menyebut pengguna" in results[1]["error"]


def test_an_allowed_op_is_applied_and_names_its_user(
    deployment: Deployment, client: TestClient, central: CentralDb
) -> None:
    hh = new_id()
    (result,) = push8(
        client, deployment.kec, [user_op(deployment.kec, "operator", "household", hh, household(), kind="insert")]
    )
    assert result == {"op_id": result["op_id"], "status": "applied"}
    with central.transaction() as s:
        (change,) = s.scalars(select(Change).where(Change.row_id == hh))
    assert change.user_name == "operator"


def test_roles_and_kecamatan_are_checked(deployment: Deployment, client: TestClient, central: CentralDb) -> None:
    office, kec = deployment.office, deployment.kec
    mine = deployment.family("pendamping")
    theirs = deployment.family("pendamping2")
    far = deployment.family(None, OTHER_KEC)
    questionnaire = new_id()

    def assessment(user: str, household_id: str, dev: Dev = kec, scope: str = KEC) -> dict[str, Any]:
        fields = {"household_id": household_id, "questionnaire_id": questionnaire, "score": 7, "scope": scope}
        return user_op(dev, user, "assessment", new_id(), fields, kind="insert")

    ops = [
        user_op(kec, "viewer", "household", mine, {"address": "Jl. Lihat Saja 1"}, wall=50),  # viewer: no edits
        assessment("pendamping", mine),  # own family: allowed
        assessment("pendamping", theirs),  # another pendamping's family
        user_op(kec, "pendamping", "household", mine, {"welfare_class": "mampu"}, wall=51),  # what an assessment sets
        user_op(kec, "pendamping", "household", mine, {"address": "Jl. Baru 2"}, wall=52),  # master data: no
        user_op(kec, "operator", "relief_item", new_id(), {"code": "X", "scope": KEC}, kind="insert"),  # admin's
        user_op(kec, "operator", "app_user", new_id(), account("baru", "viewer", KEC), kind="insert"),  # admin's
    ]
    results = push8(client, kec, ops)
    assert [r["status"] for r in results] == [
        "rejected", "applied", "rejected", "applied", "rejected", "rejected", "rejected"
    ]  # fmt: skip
    assert "oleh 'viewer'" in results[0]["error"] and "tidak berwenang mengubah data keluarga" in results[0]["error"]
    assert "keluarga dampingannya sendiri" in results[2]["error"]
    assert "tidak berwenang" in results[4]["error"]
    assert field_values(central, "household", mine)["welfare_class"] == "mampu"
    assert field_values(central, "household", mine)["address"] == household()["address"]
    # a pendamping of KEC working on a family of another kecamatan (on the office laptop, which sees both)
    (other,) = push8(client, office, [assessment("pendamping", far, office, OTHER_KEC)])
    assert other["status"] == "rejected" and f"di wilayah {KEC}, bukan {OTHER_KEC}" in other["error"]


def test_a_user_may_change_the_own_password_whatever_the_role(deployment: Deployment, client: TestClient) -> None:
    viewer_id = deployment.user_ids["viewer"]
    own = user_op(deployment.kec, "viewer", "app_user", viewer_id, {"password_hash": "$argon2id$baru"}, wall=60)
    others = user_op(
        deployment.kec, "viewer", "app_user", deployment.user_ids["operator"], {"password_hash": "x"}, wall=61
    )
    promote = user_op(deployment.kec, "viewer", "app_user", viewer_id, {"role": "admin"}, wall=62)
    results = push8(client, deployment.office, [own]) + push8(client, deployment.office, [others, promote])
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected"]


def test_a_deactivated_user_is_refused_from_the_next_op_on(deployment: Deployment, client: TestClient) -> None:
    office, kec = deployment.office, deployment.kec
    before = user_op(kec, "operator", "household", new_id(), household(), wall=70, kind="insert")
    off = user_op(office, "admin", "app_user", deployment.user_ids["operator"], {"active": 0}, wall=71)
    after = user_op(kec, "operator", "household", new_id(), household(no_kk="3271010101010009"), wall=72, kind="insert")
    assert [r["status"] for r in push8(client, kec, [before])] == ["applied"]
    assert [r["status"] for r in push8(client, office, [off])] == ["applied"]
    (result,) = push8(client, kec, [after])
    assert result["status"] == "rejected" and "Pengguna 'operator' sudah dinonaktifkan" in result["error"]


def test_a_username_taken_by_another_account_is_rejected(
    deployment: Deployment, client: TestClient, central: CentralDb
) -> None:
    laptop = enroll(central, KEC, "LAPTOP BARU")
    own_admin = user_op(laptop, "admin", "app_user", new_id(), account("admin", "admin", KEC), kind="insert")
    (result,) = push8(client, laptop, [own_admin])
    assert result["status"] == "rejected"
    assert result["error"] == (
        "Nama pengguna 'admin' sudah dipakai akun lain di server; ganti nama pengguna di laptop ini."
    )


def test_bootstrap_is_for_a_new_deployment_or_a_device_of_the_users_scope(
    client: TestClient, central: CentralDb
) -> None:
    kec = enroll(central, KEC, "KECAMATAN")
    office = enroll(central, "*", "KANTOR")
    # no active admin yet: a device's first account inserts itself
    first = user_op(kec, "camat", "app_user", new_id(), account("camat", "operator", KEC), kind="insert")
    assert [r["status"] for r in push8(client, kec, [first])] == ["applied"]
    admin = user_op(office, "admin", "app_user", new_id(), account("admin", "admin"), kind="insert")
    assert [r["status"] for r in push8(client, office, [admin])] == ["applied"]
    # with an admin: a device still creates its own account of its scope, but not another user's
    own = user_op(kec, "lurah", "app_user", new_id(), account("lurah", "operator", KEC), kind="insert")
    other = user_op(kec, "lurah", "app_user", new_id(), account("staf", "operator", KEC), kind="insert")
    assert [r["status"] for r in push8(client, kec, [own, other])] == ["applied", "rejected"]


def test_a_schema_7_op_without_user_is_checked_on_scope_alone(
    deployment: Deployment, client: TestClient, central: CentralDb
) -> None:
    kec = deployment.kec
    old = op(kec, "household", new_id(), household(), kind="insert")
    assert "user" in old and old["user"] is None
    (result,) = push(client, kec, [old], schema=7)
    assert result["status"] == "applied"
    with central.transaction() as s:
        assert s.scalar(select(Change.user_name).where(Change.row_id == old["row_id"])) is None


def test_a_replay_returns_the_stored_answer(deployment: Deployment, client: TestClient, central: CentralDb) -> None:
    kec = deployment.kec
    ghost = user_op(kec, "tamu", "household", new_id(), household(), kind="insert")
    allowed = user_op(kec, "operator", "household", new_id(), household(no_kk="3271010101010005"), kind="insert")
    first = push8(client, kec, [ghost, allowed])
    assert [r["status"] for r in first] == ["rejected", "applied"]
    # the user is created afterwards: the same ops sent again keep their first answers and change nothing
    push8(
        client,
        deployment.office,
        [user_op(deployment.office, "admin", "app_user", new_id(), account("tamu", "operator", KEC), kind="insert")],
    )
    before = dump(central)
    again = client.post("/sync/push", json=batch(kec, [ghost, allowed], SCHEMA), headers=kec.auth).json()["results"]
    assert again == first
    assert dump(central) == before


def test_a_losing_value_names_its_user(deployment: Deployment, client: TestClient, central: CentralDb) -> None:
    hh = deployment.family(None)
    late = user_op(deployment.office, "admin", "household", hh, {"phone": "0811"}, wall=500)
    early = user_op(deployment.kec, "operator", "household", hh, {"phone": "0822"}, wall=400)
    push8(client, deployment.office, [late])
    assert [r["status"] for r in push8(client, deployment.kec, [early])] == ["merged"]
    with central.transaction() as s:
        (conflict,) = s.scalars(select(Conflict).where(Conflict.row_id == hh, Conflict.field == "phone"))
    assert conflict.losing_user == "operator" and json.loads(conflict.losing_value) == "0822"
