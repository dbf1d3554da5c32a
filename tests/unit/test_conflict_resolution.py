"""Reinstating a losing value (``services.conflict_resolution.reinstate``), conflicts as text, and the sync
status numbers (``services.sync_status``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from simoncer_desktop.errors import PermissionDeniedError, ValidationError
from simoncer_desktop.models import AuditEntry, Household
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services import acting, caseload, sync_status
from simoncer_desktop.services import conflict_resolution as cr
from simoncer_desktop.services.conflict_resolution import ConflictItem
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.services.settings import store_setting
from simoncer_desktop.store import Database
from simoncer_desktop.sync import outbox, state
from tests.factories import family

SUPERVISOR_B = Identity("user-sup-b", "sup.b", "Supervisor B", Role.SUPERVISOR, "32.71.02")
OPERATOR_A = Identity("user-op-a", "op.a", "Operator A", Role.OPERATOR, "32.71.01")


@pytest.fixture
def household_id(db: Database) -> str:
    data, members = family(4)
    with db.transaction() as s:
        return caseload.create_household(s, data, members)


def household_ops(db: Database, household_id: str) -> list[dict[str, object]]:
    with db.read() as s:
        return [op.fields for op in outbox.pending(s, 100_000) if op.row_id == household_id]


def test_reinstate_writes_typed_values_audited_and_queued(db: Database, household_id: str) -> None:
    before = len(household_ops(db, household_id))
    with db.transaction() as s:
        assert cr.reinstate(s, "household", household_id, "desil_date", "2025-02-03") is True
        assert cr.reinstate(s, "household", household_id, "prog_kip", 1) is True
        assert cr.reinstate(s, "household", household_id, "desil", 3) is True
    with db.read() as s:
        row = s.get(Household, household_id)
        assert row is not None
        assert (row.desil_date, row.prog_kip, row.desil) == (date(2025, 2, 3), True, 3)
        fields = {
            e.field
            for e in s.scalars(
                select(AuditEntry).where(AuditEntry.entity_id == household_id, AuditEntry.action == "ubah")
            )
        }
    assert {"desil_date", "prog_kip", "desil"} <= fields
    ops = household_ops(db, household_id)
    assert len(ops) == before + 3
    assert {"desil_date": "2025-02-03"} in ops and {"prog_kip": 1} in ops and {"desil": 3} in ops


def test_asking_again_after_a_lost_answer_is_not_an_error_but_a_stale_laptop_is(
    db: Database, household_id: str
) -> None:
    with db.transaction() as s:
        assert cr.reinstate(s, "household", household_id, "address", "Jl. Kalah 1")
    with db.transaction() as s:  # the decision could not be posted; the supervisor presses again
        assert cr.reinstate(s, "household", household_id, "address", "Jl. Kalah 1") is False
    with db.transaction() as s:
        outbox.acknowledge(s, [op.op_id for op in outbox.pending(s, 100_000)])
    with db.transaction() as s, pytest.raises(ValidationError, match="sinkronkan dulu"):
        cr.reinstate(s, "household", household_id, "address", "Jl. Kalah 1")


def test_reinstate_refuses_what_it_cannot_or_may_not_do(db: Database, household_id: str) -> None:
    with db.transaction() as s:
        with pytest.raises(ValidationError, match="tidak ikut sinkronisasi"):
            cr.reinstate(s, "household", household_id, "member_count", 9)
        with pytest.raises(ValidationError, match="tidak dikenal"):
            cr.reinstate(s, "tabel_lain", household_id, "address", "x")
        with pytest.raises(ValidationError, match="tidak ada di perangkat ini"):
            cr.reinstate(s, "household", "0190f5a0-0000-7000-8000-00000000dead", "address", "x")
        with pytest.raises(ValidationError, match="tidak cocok"):
            cr.reinstate(s, "household", household_id, "desil_date", "kemarin")
        for who, message in ((OPERATOR_A, "tidak berwenang"), (SUPERVISOR_B, "hanya boleh")):
            acting.bind(s, who)
            with pytest.raises(PermissionDeniedError, match=message):
                cr.reinstate(s, "household", household_id, "address", "Jl. Kalah 2")
        acting.bind(s, None)
        with pytest.raises(PermissionDeniedError):
            cr.reinstate(s, "household", household_id, "address", "Jl. Kalah 2")


def item(**changes: object) -> ConflictItem:
    wire: dict[str, object] = {
        "id": 7,
        "tbl": "household",
        "row_id": "hh-1",
        "field": "prog_kis",
        "kind": "lww",
        "losing_value": 0,
        "winning_value": 1,
        "losing_device": "0b6f9c1e-aaaa-bbbb-cccc-000000000001",
        "losing_device_name": "Laptop Kec. A",
        "losing_user": "op.a",
        "winning_device": "0b6f9c1e-aaaa-bbbb-cccc-000000000002",
        "winning_device_name": None,
        "winning_user": None,
        "at": "2026-11-25T08:30:00Z",
        "family": {"household_id": "hh-1", "kk_number": "3271011503150004", "head_name": "Ujang Supriatna"},
        "resolution": None,
        "resolved_by": None,
        "resolved_at": None,
    }
    wire.update(changes)
    return ConflictItem.from_wire(wire)


def test_conflicts_read_as_a_person_reads_them() -> None:
    flag = item()
    assert flag.family_text() == "Ujang Supriatna (KK 3271011503150004)"
    assert flag.field_text() == "Keluarga / KIS"
    assert (flag.winning_text(), flag.losing_text()) == ("Ya", "Tidak")
    assert flag.who_text() == "op.a @ Laptop Kec. A"
    assert flag.winner_text() == "0b6f9c1e"  # no name, no user: the device id's start
    assert flag.at == datetime(2026, 11, 25, 8, 30) and flag.when_text().endswith(":00")
    assert flag.status_text() == "Terbuka" and not flag.resolved

    coded = item(field="status", losing_value="aktif", winning_value="nonaktif", family=None, losing_user=None)
    assert (coded.winning_text(), coded.losing_text()) == ("Nonaktif", "Aktif")
    assert coded.family_text() == "-" and coded.who_text() == "Laptop Kec. A"
    day = item(field="desil_date", losing_value="2025-02-03", winning_value=None)
    assert (day.losing_text(), day.winning_text()) == ("03-02-2025", "(kosong)")
    done = item(resolution="kept", resolved_by="kasi", resolved_at="2026-11-25T09:00:00Z")
    assert done.resolved and done.status_text().startswith("Nilai sekarang dipertahankan oleh kasi, ")


def test_sync_status_numbers(db: Database, household_id: str) -> None:
    with db.read() as s:
        first = sync_status.read(s)
        assert sync_status.interval_minutes(s) == 15
    assert not first.enrolled and first.pending > 0 and first.poison == 0 and first.last_success_text() == ""
    with db.transaction() as s:
        state.save_enrollment(s, "https://sinkron.example.go.id", "dev-1", "LAPTOP", "tok", "32.71.01")
        ops = outbox.pending(s, 2)
        outbox.mark_poison(s, ops[0].op_id, "Di luar wilayah perangkat.")
        state.record_success(s, at=datetime.now() - timedelta(days=2))
        acting.bind(s, None)
        store_setting(s, sync_status.INTERVAL_SETTING, 5, date(2026, 1, 1))
    with db.read() as s:
        status = sync_status.read(s)
        rows = sync_status.poison_rows(s)
        assert sync_status.interval_minutes(s) == 5
        client = sync_status.client_for(s)
    assert status.enrolled and status.poison == 1 and status.pending == first.pending - 1 + 1  # +1: the setting
    assert [(r.table_label, r.error) for r in rows] == [(rows[0].table_label, "Di luar wilayah perangkat.")]
    assert status.last_success_text().count("-") == 2  # not today: with the date
    assert client.server_url == "https://sinkron.example.go.id" and client.token == "tok"
