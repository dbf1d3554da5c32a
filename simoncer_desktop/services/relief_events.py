"""Disaster events (kejadian): create, edit, close and reopen them, and list them with their numbers.

Rules:
- an event has a kind (``DisasterKind``), a title, a date and time not in the future (one day of slack
  for a laptop whose clock is behind), one kecamatan, and at least one area: a kelurahan of that
  kecamatan, optionally narrowed to one RT/RW (1–3 digits each);
- every relief row of the event is scoped to its kecamatan, so the kecamatan cannot change once
  families are registered, and the date cannot move after a family's registration day;
- a closed event (``ditutup``) refuses new victims and distributions and cannot be edited until it is
  reopened.

Each public function is one user action inside the caller's transaction; it validates first and raises
``ValidationError`` (field + Bahasa message) before writing anything.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Integer, case, cast, func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, NotFoundError, ValidationError
from simoncer_desktop.models import AffectedFamily, DisasterEvent, Distribution, EventArea, Victim, Wilayah
from simoncer_desktop.models.enums import DisasterKind, EventStatus
from simoncer_desktop.services import acting
from simoncer_desktop.services.relief_event_rules import validate_event
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

CLOSED_MESSAGE = QT_TRANSLATE_NOOP("relief", "Kejadian sudah ditutup")


def _kind_label(kind: str) -> str:
    """The kind in the screen language (an unknown code as itself)."""
    try:
        return DisasterKind(kind).label
    except ValueError:
        return kind


@dataclass(frozen=True)
class AreaInput:
    kelurahan_code: str
    rt: str = ""
    rw: str = ""


@dataclass
class EventInput:
    kind: str
    title: str
    occurred_at: datetime
    kecamatan_code: str
    areas: list[AreaInput]
    description: str = ""


@dataclass(frozen=True)
class EventRow:
    """One line of the events list."""

    id: str
    code: str
    kind: str
    kind_label: str
    title: str
    occurred_at: datetime
    kecamatan_code: str
    kecamatan_name: str
    areas_text: str
    """E.g. ``"Tegallega RT 3/RW 7; Babakan"``."""
    status: str
    families: int
    people: int
    displaced: int
    injured: int
    deceased: int
    distributions: int

    @property
    def is_open(self) -> bool:
        return self.status == EventStatus.OPEN


@dataclass(frozen=True)
class EventDetail:
    row: EventRow
    description: str
    areas: list[AreaInput]
    created_by: str
    closed_on: date | None

    def to_input(self) -> EventInput:
        return EventInput(
            kind=self.row.kind,
            title=self.row.title,
            occurred_at=self.row.occurred_at,
            kecamatan_code=self.row.kecamatan_code,
            areas=list(self.areas),
            description=self.description,
        )


def short_code(event_id: str) -> str:
    """The code shown in lists and on printouts: the last 8 characters (random part of the UUIDv7)."""
    return event_id[-8:].upper()


def area_text(kelurahan_name: str, rt: str, rw: str) -> str:
    """``Tegallega RT 3/RW 7``, ``Tegallega RW 7`` or ``Tegallega``."""
    parts = [p for p in ((f"RT {rt}" if rt else ""), (f"RW {rw}" if rw else "")) if p]
    return f"{kelurahan_name} {'/'.join(parts)}" if parts else kelurahan_name


# --- validation ---------------------------------------------------------------------------------


def _normalised(data: EventInput) -> EventInput:
    areas = [AreaInput(a.kelurahan_code.strip(), a.rt.strip(), a.rw.strip()) for a in data.areas]
    return EventInput(
        kind=(data.kind or "").strip(),
        title=(data.title or "").strip(),
        occurred_at=data.occurred_at,
        kecamatan_code=(data.kecamatan_code or "").strip(),
        areas=areas,
        description=(data.description or "").strip(),
    )


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


# --- writes -------------------------------------------------------------------------------------


def _live_event(session: Session, event_id: str) -> DisasterEvent:
    event = session.get(DisasterEvent, event_id)
    if event is None or event.deleted:
        raise NotFoundError(translate("relief", "Kejadian tidak ditemukan (mungkin sudah dihapus)"))
    return event


def require_open_event(session: Session, event_id: str) -> DisasterEvent:
    """The live event, or ``NotFoundError``; ``ValidationError`` ("Kejadian sudah ditutup") when closed."""
    event = _live_event(session, event_id)
    if event.status == EventStatus.CLOSED:
        message = f"{translate('relief', CLOSED_MESSAGE)}: {event.title}"
        raise ValidationError([FieldError("event_id", message)])
    return event


def _write_areas(session: Session, event: DisasterEvent, areas: list[AreaInput]) -> None:
    """Make the live areas exactly ``areas``: keep, revive a tombstone (the unique key covers
    tombstones) or add; tombstone the rest."""
    existing = {
        (a.kelurahan_code, a.rt, a.rw): a
        for a in session.scalars(select(EventArea).where(EventArea.event_id == event.id))
    }
    wanted = {(a.kelurahan_code, a.rt, a.rw) for a in areas}
    for key, row in existing.items():
        row.deleted = key not in wanted
        row.scope = event.scope
    for area in areas:
        key = (area.kelurahan_code, area.rt, area.rw)
        if key not in existing:
            row = EventArea(scope=event.scope, event_id=event.id, kelurahan_code=key[0], rt=key[1], rw=key[2])
            session.add(row)
            existing[key] = row


EVENT = "relief.event"


def create_event(session: Session, data: EventInput, actor: str) -> str:
    acting.require(session, EVENT, kecamatan=(data.kecamatan_code or "").strip() or None)
    data = _normalised(data)
    _raise_if(validate_event(session, data))
    event = DisasterEvent(
        scope=data.kecamatan_code,
        kind=data.kind,
        title=data.title,
        occurred_at=data.occurred_at,
        kecamatan_code=data.kecamatan_code,
        description=data.description,
        status=EventStatus.OPEN.value,
        created_by=actor.strip() or "-",
    )
    session.add(event)
    session.flush()
    _write_areas(session, event, data.areas)
    session.flush()
    return event.id


def update_event(session: Session, event_id: str, data: EventInput) -> None:
    """Edit an open event; its kecamatan is fixed once families are registered, and its date may not
    move after the first registration day."""
    event = require_open_event(session, event_id)
    acting.require(session, EVENT, kecamatan=event.scope)
    data = _normalised(data)
    errors = validate_event(session, data)
    first = session.execute(
        select(func.count(), func.min(AffectedFamily.registered_on)).where(
            AffectedFamily.event_id == event_id, AffectedFamily.deleted.is_(False)
        )
    ).one()
    families, first_day = int(first[0] or 0), first[1]
    if families and data.kecamatan_code != event.kecamatan_code:
        message = translate("relief", "Kecamatan: tidak dapat diubah, sudah ada {count} keluarga terdaftar")
        errors.append(FieldError("kecamatan_code", message.format(count=families)))
    if first_day is not None and data.occurred_at is not None and data.occurred_at.date() > first_day:
        message = translate("relief", "Waktu kejadian: tidak boleh sesudah pendaftaran korban pertama ({day:%d-%m-%Y})")
        errors.append(FieldError("occurred_at", message.format(day=first_day)))
    _raise_if(errors)
    event.kind = data.kind
    event.title = data.title
    event.occurred_at = data.occurred_at
    event.kecamatan_code = data.kecamatan_code
    event.scope = data.kecamatan_code
    event.description = data.description
    _write_areas(session, event, data.areas)
    session.flush()


def close_event(session: Session, event_id: str, on: date, actor: str) -> None:
    """Close the event on ``on`` (from the event's day up to today). ``actor`` is not stored yet: the
    model has no ``closed_by`` column until accounts exist (issue 7)."""
    event = require_open_event(session, event_id)
    acting.require(session, EVENT, kecamatan=event.scope)
    if on < event.occurred_at.date():
        message = translate("relief", "Tanggal penutupan: sebelum tanggal kejadian ({day:%d-%m-%Y})")
        raise ValidationError([FieldError("closed_on", message.format(day=event.occurred_at))])
    if on > date.today():
        message = translate("relief", "Tanggal penutupan: {day:%d-%m-%Y} ada di masa depan")
        raise ValidationError([FieldError("closed_on", message.format(day=on))])
    event.status = EventStatus.CLOSED.value
    event.closed_on = on
    session.flush()


def reopen_event(session: Session, event_id: str) -> None:
    event = _live_event(session, event_id)
    acting.require(session, EVENT, kecamatan=event.scope)
    if event.status != EventStatus.CLOSED:
        message = translate("relief", "Kejadian masih dibuka: {title}").format(title=event.title)
        raise ValidationError([FieldError("event_id", message)])
    event.status = EventStatus.OPEN.value
    event.closed_on = None
    session.flush()


# --- reads --------------------------------------------------------------------------------------


def _counts(session: Session, event_ids: list[str]) -> dict[str, dict[str, int]]:
    """Per event: families, people, displaced, injured, deceased, distributions (three GROUP BYs)."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    if not event_ids:
        return out
    families = session.execute(
        select(AffectedFamily.event_id, func.count())
        .where(AffectedFamily.event_id.in_(event_ids), AffectedFamily.deleted.is_(False))
        .group_by(AffectedFamily.event_id)
    )
    for event_id, n in families:
        out[event_id]["families"] = n
    people = session.execute(
        select(
            Victim.event_id,
            func.count(),
            func.sum(cast(Victim.displaced, Integer)),
            func.sum(case((Victim.injury != "tidak", 1), else_=0)),
            func.sum(cast(Victim.deceased, Integer)),
        )
        .where(Victim.event_id.in_(event_ids), Victim.deleted.is_(False))
        .group_by(Victim.event_id)
    )
    for event_id, n, displaced, injured, deceased in people:
        out[event_id].update(people=n, displaced=displaced or 0, injured=injured or 0, deceased=deceased or 0)
    handed = session.execute(
        select(Distribution.event_id, func.count())
        .where(Distribution.event_id.in_(event_ids), Distribution.deleted.is_(False))
        .group_by(Distribution.event_id)
    )
    for event_id, n in handed:
        out[event_id]["distributions"] = n
    return out


def _areas(session: Session, event_ids: list[str]) -> dict[str, list[tuple[AreaInput, str]]]:
    out: dict[str, list[tuple[AreaInput, str]]] = defaultdict(list)
    if not event_ids:
        return out
    stmt = (
        select(EventArea.event_id, EventArea.kelurahan_code, EventArea.rt, EventArea.rw, Wilayah.nama)
        .join(Wilayah, Wilayah.kode == EventArea.kelurahan_code)
        .where(EventArea.event_id.in_(event_ids), EventArea.deleted.is_(False))
        .order_by(Wilayah.nama, EventArea.rw, EventArea.rt)
    )
    for event_id, code, rt, rw, name in session.execute(stmt):
        out[event_id].append((AreaInput(code, rt, rw), name))
    return out


def _rows(session: Session, events: list[tuple[DisasterEvent, str]]) -> list[EventRow]:
    ids = [e.id for e, _ in events]
    counts = _counts(session, ids)
    areas = _areas(session, ids)
    rows = []
    for event, kecamatan_name in events:
        n = counts.get(event.id, {})
        rows.append(
            EventRow(
                id=event.id,
                code=short_code(event.id),
                kind=event.kind,
                kind_label=_kind_label(event.kind),
                title=event.title,
                occurred_at=event.occurred_at,
                kecamatan_code=event.kecamatan_code,
                kecamatan_name=kecamatan_name,
                areas_text="; ".join(area_text(name, a.rt, a.rw) for a, name in areas.get(event.id, [])),
                status=event.status,
                families=n.get("families", 0),
                people=n.get("people", 0),
                displaced=n.get("displaced", 0),
                injured=n.get("injured", 0),
                deceased=n.get("deceased", 0),
                distributions=n.get("distributions", 0),
            )
        )
    return rows


def list_events(session: Session, status: str | None = None) -> list[EventRow]:
    """Live events, newest first; ``status`` ``dibuka``/``ditutup`` narrows the list."""
    stmt = (
        select(DisasterEvent, Wilayah.nama)
        .join(Wilayah, Wilayah.kode == DisasterEvent.kecamatan_code)
        .where(DisasterEvent.deleted.is_(False))
        .order_by(DisasterEvent.occurred_at.desc(), DisasterEvent.id.desc())
    )
    if status:
        stmt = stmt.where(DisasterEvent.status == status)
    return _rows(session, [(e, name) for e, name in session.execute(stmt)])


def get_event(session: Session, event_id: str) -> EventDetail:
    event = _live_event(session, event_id)
    kecamatan = session.get(Wilayah, event.kecamatan_code)
    row = _rows(session, [(event, kecamatan.nama if kecamatan else event.kecamatan_code)])[0]
    areas = [a for a, _ in _areas(session, [event_id]).get(event_id, [])]
    return EventDetail(
        row=row, description=event.description, areas=areas, created_by=event.created_by, closed_on=event.closed_on
    )


def resolve_event(session: Session, ref: str) -> str:
    """A live event's id from its full id or its short code (case-insensitive)."""
    text = (ref or "").strip().lower()
    if not text:
        message = translate("relief", "Kejadian: wajib diisi (id atau kode 8 karakter)")
        raise ValidationError([FieldError("event", message)])
    live = DisasterEvent.deleted.is_(False)
    if len(text) == 36:
        found = session.scalar(select(DisasterEvent.id).where(DisasterEvent.id == text, live))
        if found:
            return found
    elif len(text) == 8:
        matches = list(
            session.scalars(select(DisasterEvent.id).where(func.substr(DisasterEvent.id, -8) == text, live).limit(2))
        )
        if len(matches) == 1:
            return matches[0]
        if matches:
            message = translate("relief", "Kejadian: kode {code} cocok dengan beberapa kejadian; pakai id lengkap")
            raise ValidationError([FieldError("event", message.format(code=text.upper()))])
    message = translate("relief", "Kejadian '{ref}' tidak ditemukan").format(ref=ref.strip())
    raise ValidationError([FieldError("event", message)])
