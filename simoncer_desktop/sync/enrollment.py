"""Enrolling this database with the central service (``POST /sync/enroll``), for the CLI and the UI.

:func:`enroll_device` trades a one-time code for a device id, token and scope, then in one local
transaction: stores the enrollment (``state.save_enrollment``), stamps later and queued HLCs with the
issued device id (``hlc.set_device``), learns the clock offset from the server's time, and drops the
pending ops this device could never push (:func:`drop_out_of_scope_ops`).

Why the drop: a database created on a laptop holds reference data (seeded at creation) and office
accounts backfilled into the outbox by migration 0006, all of scope ``*``. Those rows belong to the Dinsos
office (the server sends them down); a kecamatan device pushing them would get every one rejected and keep
them as poison forever. A ``*`` device (the office) keeps them: it is their owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from simoncer_desktop import __version__
from simoncer_desktop.store import Database
from simoncer_desktop.sync import capture, hlc, outbox, state
from simoncer_desktop.sync.client import Enrollment, SyncError
from simoncer_desktop.translation import translate

ALL_REGIONS = "*"


@dataclass(frozen=True)
class EnrollResult:
    device_id: str
    scope: str
    server_url: str
    name: str
    dropped_ops: int
    """Pending ops of scope-``*`` rows removed because this (non-``*``) device may not push them."""
    cursor_reset: bool
    """True when the next sync pulls the scope from the start (a new server or scope)."""
    offset_ms: int


class EnrollClient(Protocol):
    """What :func:`enroll_device` needs of a client (``sync.client.SyncClient``)."""

    server_url: str

    def enroll(self, code: str, name: str, app_version: str = __version__) -> Enrollment: ...


def enroll_device(
    db: Database,
    client: EnrollClient,
    code: str,
    name: str,
    *,
    server_url: str | None = None,
    ca_file: str | None = None,
) -> EnrollResult:
    """Enroll with ``code`` under ``name`` and store everything locally (one transaction). ``server_url``
    defaults to the client's; ``ca_file`` is stored for later syncs. Raises :class:`SyncError`."""
    code = (code or "").strip()
    name = (name or "").strip()[:200]
    if not code:
        raise SyncError(translate("sync", "Kode pendaftaran kosong: masukkan kode sekali pakai dari kantor Dinsos."))
    if not name:
        raise SyncError(translate("sync", "Nama perangkat kosong: beri nama, mis. 'Laptop Kec. Bogor Selatan'."))
    enrollment = client.enroll(code, name, __version__)
    return store_enrollment(db, enrollment, name, server_url=server_url or client.server_url, ca_file=ca_file)


def store_enrollment(
    db: Database, enrollment: Enrollment, name: str, *, server_url: str, ca_file: str | None = None
) -> EnrollResult:
    """The local half of :func:`enroll_device`, for a code already traded (``sync --enroll`` into a new
    database learns the scope before the database exists)."""
    with db.transaction() as session:
        reset = state.save_enrollment(
            session, server_url, enrollment.device_id, name, enrollment.token, enrollment.scope, ca_file
        )
        hlc.set_device(session, enrollment.device_id)
        offset = hlc.offset_from_server(enrollment.server_time_ms, enrollment.local_ms)
        hlc.set_offset(session, offset)
        hlc.reset_if_ahead(session, enrollment.server_time_ms, enrollment.local_ms)
        dropped = drop_out_of_scope_ops(session, enrollment.scope)
    return EnrollResult(enrollment.device_id, enrollment.scope, server_url, name, dropped, reset, offset)


def drop_out_of_scope_ops(session: Session, device_scope: str) -> int:
    """Delete the pending ops of rows of scope ``*`` when ``device_scope`` is not ``*``; how many.

    A row's scope is its local ``scope`` column; an op whose row is gone locally counts by the ``scope`` it
    carries. Poison ops are left alone (the operator already sees them and may export them)."""
    if device_scope == ALL_REGIONS:
        return 0
    dropped = 0
    for table in capture.captured_columns():
        result = session.execute(
            text(
                "DELETE FROM sync_outbox WHERE status = :p AND tbl = :t AND ("
                f'row_id IN (SELECT id FROM "{table}" WHERE scope = :all) '
                f"OR (json_extract(fields, '$.scope') = :all "
                f'AND NOT EXISTS (SELECT 1 FROM "{table}" x WHERE x.id = sync_outbox.row_id)))'
            ),
            {"p": outbox.PENDING, "t": table, "all": ALL_REGIONS},
        )
        dropped += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return dropped
