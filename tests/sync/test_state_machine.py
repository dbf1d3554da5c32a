"""Proof of sync (issue 8): a hypothesis state machine of four laptops and the real central service.

The office (``*``), two laptops of kecamatan 32.71.01 and one of 32.71.02 (``tests.sync.devices``) edit
families and members through the real services, tombstone members, hand families over to the other
kecamatan and record relief distributions (the same person on two laptops: one accepted, one duplicate),
all offline, interleaved with syncs that are cut at random points (``tests.sync.faults``): before a push
reaches the server, after the server applied it but before the answer arrives (with the process killed
and the database reopened, or not), before a pull page is requested, after it was answered but lost; and
with earlier batches replayed against the server 1–3 times, which must change nothing.

After every step: each laptop's pull cursor is exactly the last page it applied, and no op left an outbox
without a stored server answer. At the end, after quiet syncs (every laptop twice, in order): every
laptop equals the server for its scope, and every edit ever committed is the winner, a loser in the
conflict log, overwritten by a later edit made after seeing it, or kept as poison with the server's
reason (``tests.sync.ledger``). Zero divergence, zero silent loss.

Runs on the SQLite central (the world is built once and copied per example). ``SIMONCER_SYNC_EXAMPLES``
(default 20) and ``SIMONCER_SYNC_STEPS`` (default 35) make it run longer locally; it is derandomized, so
CI runs the same examples every time. A deterministic scenario of the same invariants runs on PostgreSQL.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, multiple, rule, run_state_machine_as_test
from sqlalchemy import select

from simoncer_central.models import Conflict, RowScope
from simoncer_desktop.models import Household, Member
from simoncer_desktop.services import caseload
from simoncer_desktop.services.relief_distribution import DistributionInput, DuplicateDistributionError, distribute
from simoncer_desktop.sync.client import SyncClient
from tests.central.sync_ops import dump
from tests.factories import member
from tests.pg import pg_server, pg_url
from tests.sync.devices import (
    A1,
    A2,
    B1,
    KANTOR,
    OTHER_KELURAHAN,
    SCOPES,
    World,
    build_world,
    copy_world,
    open_world,
)
from tests.sync.faults import PULL_LOST, PULL_NOT_SENT, PUSH_LOST, PUSH_NOT_SENT, Fault, SentBatch
from tests.sync.ledger import Ledger, visible

__all__ = ["pg_server", "pg_url"]  # fixtures, registered by being imported here

EXAMPLES = int(os.environ.get("SIMONCER_SYNC_EXAMPLES", "20"))
STEPS = int(os.environ.get("SIMONCER_SYNC_STEPS", "35"))

NAMES = tuple(SCOPES)
RELIEF_DEVICES = (KANTOR, A1, A2)
"""The flood is in 32.71.01: the office and that kecamatan's laptops can record distributions."""

HOUSEHOLD_CHANGES = st.one_of(
    st.tuples(st.just("address"), st.sampled_from(["Jl. Melati No. 5", "Jl. Kenanga No. 8", "Gg. Mawar II No. 3"])),
    st.tuples(st.just("phone"), st.sampled_from([None, "081234567890", "085700001111", "+6281399990000"])),
    st.tuples(st.just("rt"), st.sampled_from(["1", "3", "12"])),
    st.tuples(st.just("desil"), st.integers(1, 4)),
)
MEMBER_CHANGES = st.one_of(
    st.tuples(st.just("name"), st.sampled_from(["Siti Nurhaliza", "Siti Aminah", "Ujang Supriatna", "Ujang Sutisna"])),
    st.tuples(st.just("severe_disability"), st.booleans()),
)

STATS: Counter[str] = Counter()
"""What the run exercised, summed over all examples (checked at the end: the run must not be vacuous)."""


class SyncMachine(RuleBasedStateMachine):
    batches = Bundle("batches")

    def __init__(self, make_world: Callable[[], World]) -> None:
        super().__init__()
        self.world = make_world()
        self.ledger = Ledger(self.world)

    # -- offline edits ------------------------------------------------------------------------------------

    def _household(self, name: str, index: int) -> tuple[Any, str] | None:
        device = self.world.devices[name]
        row_id = self.world.households[index % len(self.world.households)]
        with device.db.read() as s:
            row = s.get(Household, row_id)
            if row is None or row.deleted or not visible(device.scope, row.scope) or row.scope == "*":
                return None
            return device, row_id

    def _change_household(self, name: str, index: int, alter: Callable[[Any], None]) -> Any | None:
        """Edit one family through the caseload service on laptop ``name``; the laptop, or None when the
        family is not one it may edit. The edits are recorded in the ledger."""
        found = self._household(name, index)
        if found is None:
            return None
        device, row_id = found
        with device.db.transaction() as s:
            data = caseload.get_household(s, row_id).to_input()
            alter(data)
            caseload.update_household(s, row_id, data)
        return device

    @rule(name=st.sampled_from(NAMES), index=st.integers(0, 5), change=HOUSEHOLD_CHANGES)
    def edit_household(self, name: str, index: int, change: tuple[str, Any]) -> None:
        device = self._change_household(name, index, lambda data: setattr(data, change[0], change[1]))
        if device is not None:
            STATS["edit"] += bool(self.ledger.record_edits(device))

    @rule(
        names=st.lists(st.sampled_from(NAMES), min_size=2, max_size=3, unique=True),
        index=st.integers(0, 5),
        member=st.booleans(),
        number=st.integers(1, 99),
    )
    def concurrent_edit(self, names: list[str], index: int, member: bool, number: int) -> None:
        """The same field of one family (or its first member) edited on two or three laptops, each to its own
        value, before any of them syncs: a real conflict."""
        for name in names:
            if member:  # the world's members are listed two per family, in family order
                self.edit_member(name, 2 * index, ("name", f"Siti {name} {number}"))
            else:
                self.edit_household(name, index, ("address", f"Jl. {name} No. {number}"))

    @rule(name=st.sampled_from(NAMES), index=st.integers(0, 5))
    def hand_over(self, name: str, index: int) -> None:
        """Move a family to the other kecamatan (its members follow)."""

        def move(data: Any) -> None:
            data.kelurahan_code = OTHER_KELURAHAN[data.kelurahan_code.rsplit(".", 1)[0]]

        device = self._change_household(name, index, move)
        if device is not None:
            self.ledger.record_edits(device)
            STATS["hand_over"] += 1

    def _member(self, name: str, index: int) -> tuple[Any, str] | None:
        device = self.world.devices[name]
        row_id = self.world.members[index % len(self.world.members)]
        with device.db.read() as s:
            row = s.get(Member, row_id)
            if row is None or row.deleted or not visible(device.scope, row.scope):
                return None
            return device, row_id

    @rule(name=st.sampled_from(NAMES), index=st.integers(0, 11), change=MEMBER_CHANGES)
    def edit_member(self, name: str, index: int, change: tuple[str, Any]) -> None:
        found = self._member(name, index)
        if found is None:
            return
        device, row_id = found
        with device.db.transaction() as s:
            member = s.get(Member, row_id)
            assert member is not None
            view = next(m for m in caseload.get_household(s, member.household_id).members if m.id == row_id)
            data = view.to_input()
            setattr(data, change[0], change[1])
            caseload.update_member(s, row_id, data)
        STATS["edit"] += bool(self.ledger.record_edits(device))

    @rule(name=st.sampled_from(NAMES), index=st.integers(0, 11))
    def delete_member(self, name: str, index: int) -> None:
        found = self._member(name, index)
        if found is None:
            return
        device, row_id = found
        with device.db.transaction() as s:
            caseload.delete_member(s, row_id)
        self.ledger.record_edits(device)
        STATS["delete"] += 1

    @rule(name=st.sampled_from(RELIEF_DEVICES), index=st.integers(0, 4))
    def distribute(self, name: str, index: int) -> None:
        """Hand one entitlement to one victim; refused here when this laptop already knows it was given."""
        device = self.world.devices[name]
        who = self.world.beneficiaries[index]
        data = DistributionInput(who.entitlement_id, who.family_id, who.victim_id, date.today(), who.recipient)
        try:
            with device.db.transaction() as s:
                distribute(s, data, f"Petugas {name}")
        except DuplicateDistributionError:
            STATS["refused_locally"] += 1
            return
        self.ledger.record_edits(device)
        STATS["distribution"] += 1

    # -- syncs, whole and cut -----------------------------------------------------------------------------

    def _synced(self, name: str, before: int) -> Any:
        device = self.world.devices[name]
        self.ledger.record_pulls(device)
        return multiple(*device.client.sent[before:])

    @rule(target=batches, name=st.sampled_from(NAMES))
    def sync(self, name: str) -> Any:
        device = self.world.devices[name]
        before = len(device.client.sent)
        report = device.sync()
        assert report is not None
        STATS["sync"] += 1
        STATS["merged"] += report.merged
        STATS["duplicate"] += report.duplicate
        return self._synced(name, before)

    def _cut(self, name: str, fault: Fault, killed: bool) -> Any:
        device = self.world.devices[name]
        before = len(device.client.sent)
        report = device.sync(fault)
        if device.client.cut:
            STATS[f"cut_{fault.kind}"] += 1
            if killed:  # the process dies at the cut: the database is opened again
                device.reopen()
                STATS["killed"] += 1
        else:  # nothing to push, or fewer pages than the cut point: the run completed
            assert report is not None
        return self._synced(name, before)

    @rule(target=batches, name=st.sampled_from(NAMES), lost=st.booleans(), killed=st.booleans())
    def cut_push(self, name: str, lost: bool, killed: bool) -> Any:
        """The connection drops before the batch reaches the server, or after the server applied it
        (the answer is lost: the laptop never records it)."""
        return self._cut(name, Fault(PUSH_LOST if lost else PUSH_NOT_SENT), killed)

    @rule(
        target=batches,
        name=st.sampled_from(NAMES),
        lost=st.booleans(),
        after_pages=st.integers(0, 2),
        killed=st.booleans(),
    )
    def cut_pull(self, name: str, lost: bool, after_pages: int, killed: bool) -> Any:
        """The connection drops after ``after_pages`` pulled pages were applied: before the next request,
        or after the server answered it (the page is lost)."""
        return self._cut(name, Fault(PULL_LOST if lost else PULL_NOT_SENT, after_pages), killed)

    @rule(batch=batches, times=st.integers(1, 3))
    def replay(self, batch: SentBatch, times: int) -> None:
        """Send a batch the server already answered again: the same answers, nothing changes."""
        device = next(d for d in self.world if d.device_id == batch.device)
        before = dump(self.world.central)
        with SyncClient(self.world.server.url, device.client.token, retries=0) as client:
            for _ in range(times):
                again = client.push(*batch.args, **batch.kwargs)
                assert [
                    {"op_id": r.op_id, "status": r.status, "error": r.error} for r in again.results
                ] == batch.results
        assert dump(self.world.central) == before
        STATS["replay"] += times

    # -- invariants ---------------------------------------------------------------------------------------

    @invariant()
    def cursors_are_the_last_applied_page(self) -> None:
        self.ledger.check_cursors()

    @invariant()
    def no_op_leaves_an_outbox_unanswered(self) -> None:
        self.ledger.check_nothing_dropped()

    def teardown(self) -> None:
        try:
            quiet_syncs(self.world, self.ledger)
            for outcome, count in self.ledger.check_converged().items():
                STATS[f"edit_{outcome}"] += count
            with self.world.central.transaction() as s:
                for kind in s.scalars(select(Conflict.kind)):
                    STATS[f"conflict_{kind}"] += 1
        finally:
            self.world.close()


def quiet_syncs(world: World, ledger: Ledger) -> None:
    """Every laptop syncs twice, in order, without faults."""
    for _ in range(2):
        for device in world:
            report = device.sync()
            assert report is not None and report.pending_after == 0
            ledger.record_pulls(device)
    ledger.check_cursors()


@pytest.fixture(scope="module")
def sqlite_world(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A synced SQLite world, built once, closed: every example runs on a copy."""
    folder = tmp_path_factory.mktemp("world") / "base"
    build_world(folder, template_db, f"sqlite:///{folder / 'central.sqlite3'}").close()
    yield folder


def test_sync_converges_under_cut_connections_and_replays(sqlite_world: Path, tmp_path: Path) -> None:
    counter = itertools.count()

    def make_world() -> World:
        target = tmp_path / f"example-{next(counter)}"
        return open_world(target, copy_world(sqlite_world, target))

    STATS.clear()
    run_state_machine_as_test(
        lambda: SyncMachine(make_world),
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    print(f"\nsync state machine, {EXAMPLES} examples × ≤{STEPS} steps: {dict(sorted(STATS.items()))}")
    # The run must have exercised what it claims to prove (derandomized: the same every time).
    for kind in (PUSH_LOST, PUSH_NOT_SENT, PULL_LOST, PULL_NOT_SENT):
        assert STATS[f"cut_{kind}"] > 0, kind
    for what in ("killed", "replay", "hand_over", "delete", "distribution", "conflict_lww", "conflict_duplicate"):
        assert STATS[what] > 0, (what, STATS)


@pytest.fixture(params=["sqlite", "postgresql"])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty central database: a SQLite file, or a fresh database on the throwaway PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


def test_a_fixed_scenario_of_the_same_invariants(template_db: Path, tmp_path: Path, central_url: str) -> None:
    """The machine's rules in one fixed order, on SQLite and PostgreSQL: a conflict, a lost push answer with
    the process killed, replays, a duplicate distribution, a hand-over racing an edit, cut pulls."""
    world = build_world(tmp_path / "world", template_db, central_url)
    machine = SyncMachine(lambda: world)
    try:
        sent_before = len(world.devices[A1].client.sent)
        machine.edit_household(A1, 0, ("address", "Jl. Kenanga No. 8"))
        machine.edit_member(A1, 0, ("name", "Siti Aminah"))
        machine.edit_household(A2, 0, ("address", "Gg. Mawar II No. 3"))  # later: wins, A1's value is a loser
        machine.cut_push(A1, lost=True, killed=True)  # the server applied it, the answer never arrived
        assert world.devices[A1].client.cut and len(world.devices[A1].client.sent) == sent_before + 1
        lost_batch = world.devices[A1].client.sent[-1]
        machine.sync(A2)
        machine.replay(lost_batch, 3)
        machine.sync(A1)  # pushes the same ops again: answered from the stored results
        machine.replay(world.devices[A1].client.sent[-1], 2)

        machine.distribute(KANTOR, 4)
        machine.distribute(A1, 4)  # the same person, offline: one of them is a duplicate
        machine.sync(KANTOR)
        machine.cut_pull(A1, lost=False, after_pages=0, killed=False)
        machine.sync(A1)

        machine.hand_over(KANTOR, 1)  # 32.71.01 → 32.71.02 …
        machine.edit_household(A2, 1, ("phone", "085700001111"))  # … while A2 still edits it
        machine.sync(KANTOR)
        machine.sync(A2)  # refused now (out of scope): kept as poison
        machine.edit_household(B1, 4, ("rt", "12"))
        machine.delete_member(B1, 9)
        machine.cut_pull(B1, lost=True, after_pages=1, killed=True)
        machine.cut_push(B1, lost=False, killed=False)
        machine.cursors_are_the_last_applied_page()
        machine.no_op_leaves_an_outbox_unanswered()

        quiet_syncs(world, machine.ledger)
        outcome = machine.ledger.check_converged()
        assert outcome.get("conflict_log", 0) > 0 and outcome.get("poison", 0) > 0, outcome
        with world.central.transaction() as s:
            kinds = set(s.scalars(select(Conflict.kind)))
        assert {"lww", "duplicate"} <= kinds
        with world.devices[B1].db.read() as s:
            handed = s.get(Household, world.households[1])
            assert handed is not None and handed.scope == "32.71.02"  # the family arrived whole at B1
    finally:
        world.close()


def test_a_member_added_offline_to_a_family_handed_over_meanwhile_follows_the_family(
    template_db: Path, tmp_path: Path
) -> None:
    """The office hands family 0 over to 32.71.02 while laptop A1 (32.71.01, offline) adds a member to it.
    The new office must receive the whole family, the new member included (or A1 must be told: poison)."""
    world = build_world(tmp_path / "world", template_db, f"sqlite:///{tmp_path / 'world' / 'central.sqlite3'}")
    try:
        family_id = world.households[0]
        machine = SyncMachine(lambda: world)
        machine.hand_over(KANTOR, 0)
        machine.sync(KANTOR)
        a1 = world.devices[A1]
        with a1.db.transaction() as s:
            newborn = caseload.add_member(s, family_id, member("Bayi Uji", date(2025, 5, 1), "P", 19))
        report = a1.sync()
        assert report is not None and (report.applied, report.poisoned) == (1, 0)  # accepted, and sent on
        quiet_syncs(world, machine.ledger)
        machine.ledger.check_converged()
        with world.devices[B1].db.read() as s:
            family = s.get(Household, family_id)
            assert family is not None and family.scope == "32.71.02"
            arrived = s.get(Member, newborn)
            assert arrived is not None, "the member added on A1 never reached the family's new office"
            assert arrived.scope == family.scope
        with world.central.transaction() as s:
            scopes = dict(
                s.execute(
                    select(RowScope.row_id, RowScope.scope).where(RowScope.row_id.in_([family_id, newborn]))
                ).all()
            )
        assert scopes[newborn] == scopes[family_id] == "32.71.02"
        with a1.db.read() as s:  # the sending office sees the member leave with its family
            left = s.get(Member, newborn)
            assert left is not None and left.scope == "32.71.02"
    finally:
        world.close()
