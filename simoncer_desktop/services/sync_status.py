"""What the status bar and the *Sinkronisasi* page show about sync, read in one short query set (no Qt).

:func:`read` is cheap (the ``sync_state`` row, one count over the outbox, the number of poison ops), so the
window can call it every few seconds and after every save. :func:`client_for` makes the HTTP client of an
enrolled database; :func:`poison_rows` lists the ops the server refused (table, row, reason) for the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from simoncer_desktop.services.audit_labels import entity_label, local_time
from simoncer_desktop.sync import outbox, state
from simoncer_desktop.sync.client import SyncClient, SyncError
from simoncer_desktop.translation import translate

INTERVAL_SETTING = "sync_interval_minutes"
DEFAULT_INTERVAL_MINUTES = 15


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    device_id: str | None
    device_name: str | None
    scope: str | None
    pending: int
    """Ops waiting to be pushed."""
    poison: int
    """Ops the server refused (kept in the outbox for the operator)."""
    last_success_at: datetime | None
    """Naive UTC."""
    last_attempt_at: datetime | None
    last_error: str | None

    @property
    def failed(self) -> bool:
        """The last attempt ended in an error."""
        return self.last_error is not None

    def last_success_text(self) -> str:
        """``HH:MM`` today, else ``dd-mm-yyyy HH:MM`` (local time); empty when never."""
        if self.last_success_at is None:
            return ""
        local = local_time(self.last_success_at)
        if local.date() == datetime.now().date():
            return f"{local:%H:%M}"
        return f"{local:%d-%m-%Y %H:%M}"


@dataclass(frozen=True)
class PoisonRow:
    tbl: str
    table_label: str
    row_id: str
    error: str


def read(session: Session) -> SyncStatus:
    current = state.load(session)
    poison = int(
        session.execute(text("SELECT count(*) FROM sync_outbox WHERE status = :s"), {"s": outbox.POISON}).scalar_one()
    )
    return SyncStatus(
        enrolled=current.enrolled,
        server_url=current.server_url,
        device_id=current.device_id,
        device_name=current.device_name,
        scope=current.scope,
        pending=outbox.count_pending(session),
        poison=poison,
        last_success_at=current.last_success_at,
        last_attempt_at=current.last_attempt_at,
        last_error=current.last_error,
    )


def poison_rows(session: Session) -> list[PoisonRow]:
    return [
        PoisonRow(op.tbl, entity_label(op.tbl), op.row_id, op.error or translate("sync_status", "ditolak server"))
        for op in outbox.poisoned(session)
    ]


def client_for(session: Session) -> SyncClient:
    """The HTTP client of this database's enrollment; SyncError when it is not enrolled."""
    current = state.load(session)
    if not current.enrolled or current.server_url is None:
        raise SyncError(
            translate("sync_status", "Perangkat ini belum terdaftar di server: daftarkan di halaman Sinkronisasi.")
        )
    return SyncClient(current.server_url, current.token, ca_file=current.ca_file)


def interval_minutes(session: Session) -> int:
    """The setting ``sync_interval_minutes`` (default 15; 0 turns the timer off)."""
    from simoncer_desktop.services.settings import get_setting

    value = get_setting(session, INTERVAL_SETTING, default=DEFAULT_INTERVAL_MINUTES)
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return DEFAULT_INTERVAL_MINUTES
