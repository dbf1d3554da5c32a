"""Conflicts on SQLite and PostgreSQL: per-field last-writer-wins by HLC with the same result (and the same
conflict log) in either arrival order, stages that never move backwards, duplicate relief distributions."""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import delete, update
from starlette.testclient import TestClient

from simoncer_central import conflicts
from simoncer_central.models import AppliedOp, Change, Conflict, Device, FieldState, RowScope
from simoncer_central.push import apply_batch
from simoncer_central.store import CentralDb
from tests.central.sync_ops import Dev, batch, dump, enroll, field_values, household, new_id, op, pull, push


def reset(central: CentralDb) -> None:
    """A fresh sync log (the devices stay enrolled)."""
    with central.transaction() as s:
        for model in (Change, FieldState, RowScope, AppliedOp, Conflict):
            s.execute(delete(model))
        s.execute(update(Device).values(pulled_seq=None))


def outcome(central: CentralDb) -> tuple[list[Any], list[Any]]:
    """field_state without the seq, and the conflict log as a set-like sorted list."""
    state = dump(central)
    return [f[:6] for f in state["field_state"]], sorted(state["conflict"])


def catch_up(client: TestClient, dev: Dev) -> None:
    """The device pulls everything and says so with its next pull (the cursor it stored)."""
    cursor = pull(client, dev)["next_cursor"]
    pull(client, dev, cursor)


def run(client: TestClient, order: list[tuple[Dev, list[dict[str, Any]]]]) -> list[list[str]]:
    return [[r["status"] for r in push(client, dev, ops)] for dev, ops in order]


def test_the_later_hlc_wins_in_either_arrival_order_and_the_loser_is_kept(
    client: TestClient, central: CentralDb
) -> None:
    a = enroll(central, "32.71.01", "A")
    b = enroll(central, "32.71.01", "B")
    hh = new_id()
    base = op(a, "household", hh, household(), wall=0, kind="insert")
    a_edit = op(a, "household", hh, {"address": "Jl. A", "phone": "0811"}, wall=10)
    b_edit = op(b, "household", hh, {"address": "Jl. B", "phone": "0822"}, wall=20, counter=0)
    b_old = op(b, "household", hh, {"rt": "007"}, wall=5)
    a_new = op(a, "household", hh, {"rt": "008"}, wall=30)

    results = []
    for order in ([(a, [a_edit, a_new]), (b, [b_edit, b_old])], [(b, [b_edit, b_old]), (a, [a_edit, a_new])]):
        reset(central)
        push(client, a, [base])
        catch_up(client, b)  # B edits the family it has received, concurrently with A
        results.append(run(client, order))
        results.append(outcome(central))
    first_statuses, first, second_statuses, second = results
    assert first == second, "the arrival order changed the result"
    values = field_values(central, "household", hh)
    assert (values["address"], values["phone"], values["rt"]) == ("Jl. B", "0822", "008")
    assert first_statuses == [["applied", "applied"], ["applied", "merged"]]
    assert second_statuses == [["applied", "applied"], ["merged", "applied"]]
    with central.transaction() as s:
        log = sorted(
            (c["field"], c["losing_value"], c["winning_value"], c["kind"])
            for c in map(conflicts.as_dict, conflicts.list_conflicts(s, "household", hh))
        )
    assert log == [("address", "Jl. A", "Jl. B", "lww"), ("phone", "0811", "0822", "lww"), ("rt", "007", "008", "lww")]


def test_equal_wall_times_are_ordered_by_counter_then_device(client: TestClient, central: CentralDb) -> None:
    a = enroll(central, "32.71.01", "A")
    b = enroll(central, "32.71.01", "B")
    hh = new_id()
    push(client, a, [op(a, "household", hh, household(), kind="insert")])
    push(client, a, [op(a, "household", hh, {"rw": "A"}, wall=50, counter=2)])
    push(client, b, [op(b, "household", hh, {"rw": "B"}, wall=50, counter=1)])
    assert field_values(central, "household", hh)["rw"] == "A"
    push(client, b, [op(b, "household", hh, {"address": "B"}, wall=60)])
    push(client, a, [op(a, "household", hh, {"address": "A"}, wall=60)])
    assert field_values(central, "household", hh)["address"] == ("A" if a.id > b.id else "B")


def test_an_edit_after_pulling_is_sequential_not_a_conflict(client: TestClient, central: CentralDb) -> None:
    a = enroll(central, "32.71.01", "A")
    b = enroll(central, "32.71.01", "B")
    hh = new_id()
    push(client, a, [op(a, "household", hh, household(), wall=1, kind="insert")])
    catch_up(client, b)  # B has applied A's insert
    push(client, b, [op(b, "household", hh, {"address": "Jl. Diperbaiki"}, wall=2)])
    assert dump(central)["conflict"] == []
    push(client, a, [op(a, "household", hh, {"phone": "0800"}, wall=3)])  # A never pulled B's edit, other field
    assert dump(central)["conflict"] == []
    assert field_values(central, "household", hh)["address"] == "Jl. Diperbaiki"


def test_a_stage_never_moves_backwards(client: TestClient, central: CentralDb) -> None:
    a = enroll(central, "32.71.01", "A")
    b = enroll(central, "32.71.01", "B")
    enr = new_id()
    fields = {
        "cohort_id": new_id(),
        "household_id": new_id(),
        "enrolled_on": "2026-02-01",
        "stage": 1,
        "scope": "32.71.01",
        "deleted": 0,
    }
    push(client, a, [op(a, "enrollment", enr, fields, wall=1, kind="insert")])
    push(client, a, [op(a, "enrollment", enr, {"stage": 3}, wall=10)])
    cursor = pull(client, b)["next_cursor"]

    (result,) = push(client, b, [op(b, "enrollment", enr, {"stage": 2, "withdrawn_on": None}, wall=20)])
    assert result["status"] == "merged"
    assert field_values(central, "enrollment", enr)["stage"] == 3
    with central.transaction() as s:
        (conflict,) = map(conflicts.as_dict, conflicts.list_conflicts(s, "enrollment", enr))
    assert (conflict["field"], conflict["kind"], conflict["losing_value"], conflict["winning_value"]) == (
        "stage",
        "stage",
        2,
        3,
    )
    assert conflict["losing_device"] == b.id and conflict["winning_device"] == a.id
    # B learns that its stage lost: the winning stage comes back to it
    changes = pull(client, b, cursor)["changes"]
    assert [c["fields"] for c in changes] == [{"withdrawn_on": None}, {"stage": 3}]

    # a further stage wins even with an older HLC (the highest stage is the winner in any order)
    (forward,) = push(client, b, [op(b, "enrollment", enr, {"stage": 4}, wall=5)])
    assert forward["status"] == "applied" and field_values(central, "enrollment", enr)["stage"] == 4


def test_stage_results_do_not_depend_on_arrival_order(client: TestClient, central: CentralDb) -> None:
    a = enroll(central, "32.71.01", "A")
    b = enroll(central, "32.71.01", "B")
    enr = new_id()
    insert = op(a, "enrollment", enr, {"stage": 1, "scope": "32.71.01"}, wall=0, kind="insert")
    a_ops = [op(a, "enrollment", enr, {"stage": 4}, wall=3)]
    b_ops = [op(b, "enrollment", enr, {"stage": 3}, wall=9)]
    outcomes = []
    for order in ([(a, a_ops), (b, b_ops)], [(b, b_ops), (a, a_ops)]):
        reset(central)
        push(client, a, [insert])
        catch_up(client, b)
        run(client, order)
        outcomes.append((field_values(central, "enrollment", enr)["stage"], outcome(central)))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == 4


def test_a_duplicate_distribution_from_a_second_office(client: TestClient, central: CentralDb) -> None:
    first = enroll(central, "32.71.01", "Kec. pertama")
    second = enroll(central, "32.71.01", "Kec. kedua")
    dist = new_id()  # the id is derived from (event, beneficiary, entitlement): the same on both laptops
    fields = {
        "event_id": "e1",
        "beneficiary_key": "nik:3271010101900001",
        "quantity": 10,
        "officer": "Budi",
        "scope": "32.71.01",
        "deleted": 0,
    }
    push(client, first, [op(first, "distribution", dist, fields, wall=10, kind="insert")])
    before = dump(central)
    cursor = pull(client, second)["next_cursor"]

    theirs = {**fields, "quantity": 12, "officer": "Ani"}
    (result,) = push(client, second, [op(second, "distribution", dist, theirs, wall=20, kind="insert")])
    assert result == {"op_id": result["op_id"], "status": "duplicate"}
    after = dump(central)
    assert after["field_state"] == before["field_state"] and after["row_scope"] == before["row_scope"]
    with central.transaction() as s:
        logged = [conflicts.as_dict(c) for c in conflicts.list_conflicts(s, "distribution", dist)]
    assert sorted(c["field"] for c in logged) == sorted(theirs)
    assert {c["kind"] for c in logged} == {"duplicate"}
    assert {c["field"]: (c["losing_value"], c["winning_value"]) for c in logged}["officer"] == ("Ani", "Budi")
    assert {c["losing_device"] for c in logged} == {second.id} and {c["winning_device"] for c in logged} == {first.id}
    # the second office receives the first office's distribution in place of its own
    (correction,) = pull(client, second, cursor)["changes"]
    assert correction["row_id"] == dist and correction["fields"] == fields

    # the first office sending its own distribution again is an ordinary merge, not a duplicate
    (again,) = push(
        client, first, [op(first, "distribution", dist, {**fields, "note": "ulang"}, wall=30, kind="insert")]
    )
    assert again["status"] == "applied"


def test_unresolved_filter(client: TestClient, central: CentralDb) -> None:
    a = enroll(central, "32.71.01", "A")
    hh = new_id()
    push(client, a, [op(a, "household", hh, household(), wall=10, kind="insert")])
    push(client, a, [op(a, "household", hh, {"rt": "1"}, wall=5), op(a, "household", hh, {"rw": "1"}, wall=4)])
    with central.transaction() as s:
        assert [c.field for c in conflicts.list_conflicts(s, unresolved_only=True)] == ["rt", "rw"]
        assert conflicts.list_conflicts(s, "member") == []


def test_a_push_waits_for_a_concurrent_push_and_sees_its_winner(client: TestClient, central: CentralDb) -> None:
    """Two pushes at once: the second waits until the first commits (PostgreSQL: the advisory lock; SQLite:
    BEGIN IMMEDIATE) and then compares against the first one's value, so a stale read cannot overwrite a
    later HLC, and ``change.seq`` values commit in order (a pull never passes over an uncommitted seq)."""
    a = enroll(central, "32.71.01", "A")
    b = enroll(central, "32.71.01", "B")
    hh = new_id()
    push(client, a, [op(a, "household", hh, household(), wall=0, kind="insert")])
    later = op(a, "household", hh, {"address": "Jl. A (terbaru)"}, wall=20)
    earlier = op(b, "household", hh, {"address": "Jl. B (lebih lama)"}, wall=10)
    answers: list[list[dict[str, Any]]] = []

    def second_push() -> None:
        with central.transaction() as s:
            device = s.get(Device, b.id)
            assert device is not None
            answers.append(apply_batch(s, device, batch(b, [earlier])))

    with central.transaction() as s:
        device = s.get(Device, a.id)
        assert device is not None
        apply_batch(s, device, batch(a, [later]))
        other = threading.Thread(target=second_push)
        other.start()
        time.sleep(0.5)
        assert other.is_alive(), "the second push did not wait for the first to commit"
        assert answers == []
    other.join(timeout=30)
    assert [[r["status"] for r in results] for results in answers] == [["merged"]]
    assert field_values(central, "household", hh)["address"] == "Jl. A (terbaru)"
    (conflict,) = dump(central)["conflict"]
    assert conflict[4] == '"Jl. B (lebih lama)"'


def test_the_same_value_written_on_two_laptops_is_not_a_conflict(client: TestClient, central: CentralDb) -> None:
    """Two laptops made from the same seed write identical values (settings, rates): in either arrival
    order nothing is lost, so nothing is logged; a different value still is."""
    a = enroll(central, "32.71.01", "A")
    b = enroll(central, "32.71.01", "B")
    hh = new_id()
    for first, second in ((a, b), (b, a)):
        reset(central)
        push(client, a, [op(a, "household", hh, household(), wall=0, kind="insert")])
        catch_up(client, a)
        catch_up(client, b)
        early = op(first, "household", hh, {"phone": "0899", "rt": "003"}, wall=10)
        late = op(second, "household", hh, {"phone": "0899", "rt": "004"}, wall=20)
        assert run(client, [(first, [early]), (second, [late])]) == [["applied"], ["applied"]]
        assert run(client, [(first, [op(first, "household", hh, {"phone": "0899"}, wall=5)])]) == [["applied"]]
        with central.transaction() as s:
            log = [(c.field, c.losing_value) for c in conflicts.list_conflicts(s, "household", hh)]
        assert log == [("rt", '"003"')], log


def test_a_new_member_of_a_family_handed_over_meanwhile_follows_the_family(
    client: TestClient, central: CentralDb
) -> None:
    """The office moves the family to 32.71.02; a 32.71.01 laptop that had not pulled yet adds a member:
    the member goes where the family is now, and both offices receive it (the old one sees it leave)."""
    office = enroll(central, "*", "KANTOR")
    old = enroll(central, "32.71.01", "LAMA")
    new = enroll(central, "32.71.02", "BARU")
    hh, member = new_id(), new_id()
    push(client, old, [op(old, "household", hh, household(), wall=0, kind="insert")])
    push(client, office, [op(office, "household", hh, {"scope": "32.71.02"}, wall=10)])
    fields = {"household_id": hh, "name": "Bayi Uji", "scope": "32.71.01", "deleted": 0}
    assert push(client, old, [op(old, "member", member, fields, wall=5, kind="insert")])[0]["status"] == "applied"
    with central.transaction() as s:
        assert s.get(RowScope, ("member", member)).scope == "32.71.02"  # type: ignore[union-attr]
    for dev in (old, new):
        members = [c for c in pull_all_changes(client, dev) if c["row_id"] == member]
        assert members and members[-1]["fields"]["scope"] == "32.71.02", dev.scope
    # after the hand-over the old office may no longer change the member
    answer = push(client, old, [op(old, "member", member, {"name": "Bayi"}, wall=30)])[0]
    assert answer["status"] == "rejected" and "di luar wilayah" in answer["error"]


def pull_all_changes(client: TestClient, dev: Dev) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    cursor = 0
    while True:
        page = pull(client, dev, cursor)
        changes.extend(page["changes"])
        if not page["has_more"]:
            return changes
        cursor = page["next_cursor"]
