"""Sync conflicts for the *Konflik* page (issue 8, point 4): the server's conflict log read as a person reads
it, and a supervisor's decision on one conflict. No Qt.

The log lives on the central server only (``GET /sync/conflicts``, ``simoncer_central.conflict_api``): every
value that lost to another laptop's later edit. A supervisor either keeps the value that won (the decision is
recorded on the server, nothing changes in the data) or reinstates the value that lost: :func:`reinstate`
writes it to the local row through the ORM in one transaction, checked as ``conflict.resolve`` for the row's
kecamatan, so the audit hook records it and the sync triggers queue it like any edit; the next sync pushes
it with a fresh HLC, which wins everywhere. The decision is then posted to the server (:func:`post_decision`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric, text
from sqlalchemy.orm import Mapper, Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models import Base
from simoncer_desktop.services import acting
from simoncer_desktop.services.audit_labels import entity_label, field_label, time_text, value_text
from simoncer_desktop.sync import capture, outbox
from simoncer_desktop.sync.client import SyncClient
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

ACTION = "conflict.resolve"
KEPT = "kept"
REINSTATED = "reinstated"
STATUSES = ("open", "resolved", "all")
RESOLUTION_LABELS = {
    KEPT: QT_TRANSLATE_NOOP("conflict_resolution", "Nilai sekarang dipertahankan"),
    REINSTATED: QT_TRANSLATE_NOOP("conflict_resolution", "Nilai yang kalah dipulihkan"),
}
KIND_LABELS = {
    "lww": QT_TRANSLATE_NOOP("conflict_resolution", "diubah lebih akhir"),
    "stage": QT_TRANSLATE_NOOP("conflict_resolution", "tahap lebih lanjut"),
    "duplicate": QT_TRANSLATE_NOOP("conflict_resolution", "penyaluran ganda"),
}
"""Bahasa; shown through :func:`resolution_label` / :func:`kind_label` (the screen's language)."""


def resolution_label(resolution: str | None) -> str:
    label = RESOLUTION_LABELS.get(resolution or "")
    return translate("conflict_resolution", label) if label is not None else resolution or ""


def kind_label(kind: str) -> str:
    """Why the value lost ("diubah lebih akhir"…), the code itself when unknown."""
    label = KIND_LABELS.get(kind)
    return translate("conflict_resolution", label) if label is not None else kind


def _empty() -> str:
    return translate("conflict_resolution", "(kosong)")


@dataclass(frozen=True)
class ConflictItem:
    """One conflict as the server sends it (``simoncer_central.conflict_api.list_conflicts``)."""

    id: int
    tbl: str
    row_id: str
    field: str
    kind: str
    losing_value: Any
    winning_value: Any
    losing_device: str
    losing_device_name: str | None
    losing_user: str | None
    winning_device: str | None
    winning_device_name: str | None
    winning_user: str | None
    at: datetime | None
    """Naive UTC."""
    family: dict[str, Any] | None
    resolution: str | None
    resolved_by: str | None
    resolved_at: datetime | None

    @classmethod
    def from_wire(cls, item: dict[str, Any]) -> ConflictItem:
        return cls(
            id=int(item["id"]),
            tbl=str(item["tbl"]),
            row_id=str(item["row_id"]),
            field=str(item["field"]),
            kind=str(item.get("kind") or ""),
            losing_value=item.get("losing_value"),
            winning_value=item.get("winning_value"),
            losing_device=str(item.get("losing_device") or ""),
            losing_device_name=item.get("losing_device_name"),
            losing_user=item.get("losing_user"),
            winning_device=item.get("winning_device"),
            winning_device_name=item.get("winning_device_name"),
            winning_user=item.get("winning_user"),
            at=_utc(item.get("at")),
            family=item.get("family") if isinstance(item.get("family"), dict) else None,
            resolution=item.get("resolution"),
            resolved_by=item.get("resolved_by"),
            resolved_at=_utc(item.get("resolved_at")),
        )

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None

    def family_text(self) -> str:
        family = self.family or {}
        name, kk = family.get("head_name"), family.get("kk_number")
        if name and kk:
            return f"{name} (KK {kk})"
        return str(name or (f"KK {kk}" if kk else "")) or "-"

    def field_text(self) -> str:
        return f"{entity_label(self.tbl)} / {field_label(self.tbl, self.field)}"

    def winning_text(self) -> str:
        return value_text(_decoded(self.winning_value, self.tbl, self.field), self.tbl, self.field) or _empty()

    def losing_text(self) -> str:
        return value_text(_decoded(self.losing_value, self.tbl, self.field), self.tbl, self.field) or _empty()

    def who_text(self) -> str:
        """Who wrote the value that lost: ``user @ device``."""
        device = self.losing_device_name or self.losing_device[:8]
        return f"{self.losing_user} @ {device}" if self.losing_user else device

    def winner_text(self) -> str:
        device = self.winning_device_name or (self.winning_device or "")[:8]
        return f"{self.winning_user} @ {device}" if self.winning_user else device

    def when_text(self) -> str:
        return time_text(self.at) if self.at is not None else ""

    def status_text(self) -> str:
        if not self.resolved or self.resolved_at is None:
            return translate("conflict_resolution", "Terbuka")
        return translate("conflict_resolution", "{resolution} oleh {user}, {at}").format(
            resolution=resolution_label(self.resolution), user=self.resolved_by, at=time_text(self.resolved_at)
        )


@dataclass(frozen=True)
class ConflictPage:
    items: list[ConflictItem]
    total: int


def _utc(raw: Any) -> datetime | None:
    if not isinstance(raw, str) or not raw:
        return None
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _decoded(value: Any, tbl: str, field: str) -> Any:
    """Booleans travel as SQLite stores them (0/1): as True/False, which ``value_text`` writes Ya/Tidak."""
    table = Base.metadata.tables.get(tbl)
    if table is not None and field in table.c and isinstance(table.c[field].type, Boolean) and value in (0, 1):
        return bool(value)
    return value


def fetch(client: SyncClient, status: str = "open", limit: int = 200, offset: int = 0) -> ConflictPage:
    """The server's conflicts of this device's scope (network: call off the UI thread)."""
    if status not in STATUSES:
        raise ValueError(status)
    body = client.conflicts(status=status, limit=limit, offset=offset)
    return ConflictPage([ConflictItem.from_wire(item) for item in body["items"]], int(body["total"]))


def post_decision(client: SyncClient, conflict_id: int, resolution: str, by: str) -> dict[str, Any]:
    """Record ``kept``/``reinstated`` on the server (network: call off the UI thread)."""
    if resolution not in (KEPT, REINSTATED):
        raise ValueError(resolution)
    return client.resolve_conflict(conflict_id, resolution, by)


# --- reinstating a value locally ---------------------------------------------------------------------------


def _mapper(tbl: str) -> Mapper[Any]:
    for mapper in Base.registry.mappers:
        if mapper.local_table.name == tbl:  # type: ignore[union-attr]
            return mapper
    message = translate(
        "conflict_resolution", "Jenis data '{table}' tidak dikenal di aplikasi ini; nilai tidak dapat dipulihkan."
    )
    raise ValidationError(message.format(table=tbl))


def model_value(column_type: Any, value: Any, label: str) -> Any:
    """A value as the wire carries it (SQLite's storage: dates as text, booleans 0/1) as the ORM takes it."""
    if value is None:
        return None
    try:
        if isinstance(column_type, Boolean):
            return bool(int(value)) if not isinstance(value, bool) else value
        if isinstance(column_type, DateTime):
            return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        if isinstance(column_type, Date):
            return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
        if isinstance(column_type, Integer):
            return int(value)
        if isinstance(column_type, Float | Numeric):
            return float(value)
    except (TypeError, ValueError):
        message = translate(
            "conflict_resolution", "Nilai '{value}' tidak cocok untuk kolom {column}; nilai tidak dapat dipulihkan."
        )
        raise ValidationError(message.format(value=value, column=label)) from None
    return value


def reinstate(session: Session, tbl: str, row_id: str, field: str, losing_value: Any) -> bool:
    """Write ``losing_value`` back into ``tbl.field`` of row ``row_id`` (in the caller's transaction); True
    when written, False when it was written before and still waits in the outbox (a decision whose posting to
    the server failed is simply asked again).

    Refused for roles other than supervisor and admin and outside the user's area (``conflict.resolve`` with
    the row's kecamatan), for a column that does not sync, for a row this laptop does not have, and when the
    row already holds the value without a pending change (the laptop has not pulled the winning value yet: a
    write would change nothing and push nothing; sync first)."""
    acting.require(session, ACTION)
    mapper = _mapper(tbl)
    label = f"{entity_label(tbl)} / {field_label(tbl, field)}"
    if field not in capture.captured_columns().get(tbl, ()):
        message = translate(
            "conflict_resolution", "Kolom {column} tidak ikut sinkronisasi; nilainya tidak dapat dipulihkan di sini."
        )
        raise ValidationError(message.format(column=label))
    row = session.get(mapper.class_, row_id)
    if row is None:
        message = translate(
            "conflict_resolution", "Data {kind} {row_id} tidak ada di perangkat ini; sinkronkan dulu, lalu ulangi."
        )
        raise ValidationError(message.format(kind=entity_label(tbl), row_id=row_id))
    acting.require(session, ACTION, kecamatan=getattr(row, "scope", None))
    column = mapper.local_table.c[field]  # type: ignore[union-attr]
    attribute = mapper.get_property_by_column(column).key
    value = model_value(column.type, losing_value, label)
    if getattr(row, attribute) == value:
        if _queued(session, tbl, row_id, field, losing_value):
            return False
        shown = value_text(_decoded(losing_value, tbl, field), tbl, field)
        message = translate(
            "conflict_resolution",
            "{column} di perangkat ini sudah bernilai '{value}'; sinkronkan dulu agar nilai yang menang "
            "diterima, lalu ulangi.",
        )
        raise ValidationError(message.format(column=label, value=shown))
    setattr(row, attribute, value)
    session.flush()
    return True


def _queued(session: Session, tbl: str, row_id: str, field: str, value: Any) -> bool:
    """A pending outbox op of the row carries ``field`` with ``value`` (as the trigger stored it)."""
    rows = session.execute(
        text("SELECT fields FROM sync_outbox WHERE status = :s AND tbl = :t AND row_id = :r"),
        {"s": outbox.PENDING, "t": tbl, "r": row_id},
    )
    return any(field in (fields := json.loads(raw)) and fields[field] == value for (raw,) in rows)
