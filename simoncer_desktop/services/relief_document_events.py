"""The event part of the relief documents' data (``services.relief_documents`` re-exports it): the
header every document prints. Reads only.

Listing events and finding one by its id or short code are ``services.relief_events.list_events`` and
``resolve_event``; the header uses that module's ``short_code`` and ``area_text`` so a document names
an event and its areas exactly as the events list does."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import NotFoundError
from simoncer_desktop.models import DisasterEvent, EventArea, Wilayah
from simoncer_desktop.models.enums import DisasterKind, EventStatus
from simoncer_desktop.services.relief_document_parts import label, sort_number
from simoncer_desktop.services.relief_events import area_text, short_code
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.translation import translate, untranslated


@dataclass(frozen=True)
class EventHeader:
    id: str
    code: str
    title: str
    kind: str
    kind_label: str
    occurred_at: datetime
    kecamatan_code: str
    kecamatan_name: str
    kelurahan_names: tuple[str, ...]
    """The kelurahan of the event's areas, by name."""
    areas_text: str
    """``Tegallega RT 3/RW 7; Babakan`` (``relief_events.area_text`` per area)."""
    status: str
    status_label: str
    description: str
    office_name: str
    head_of_office: str


def live_event(session: Session, event_id: str) -> DisasterEvent:
    """The live event, or ``NotFoundError`` (screen language)."""
    event = session.get(DisasterEvent, event_id)
    if event is None or event.deleted:
        raise NotFoundError(translate("relief", "Kejadian dengan id '{id}' tidak ditemukan").format(id=event_id))
    return event


def event_header(session: Session, event_id: str) -> EventHeader:
    """What every document prints about the event; its labels are Bahasa whatever the screen language."""
    event = live_event(session, event_id)
    areas = session.execute(
        select(EventArea.kelurahan_code, EventArea.rt, EventArea.rw).where(
            EventArea.event_id == event_id, EventArea.deleted.is_(False)
        )
    ).all()
    names = names_of(session, {event.kecamatan_code, *(a.kelurahan_code for a in areas)})
    areas = sorted(areas, key=lambda a: (names.get(a.kelurahan_code, ""), sort_number(a.rw), sort_number(a.rt)))
    kelurahan = tuple(dict.fromkeys(names.get(a.kelurahan_code, a.kelurahan_code) for a in areas))
    today = date.today()
    with untranslated():
        kind_label, status_label = label(DisasterKind, event.kind), label(EventStatus, event.status)
    return EventHeader(
        id=event.id,
        code=short_code(event.id),
        title=event.title,
        kind=event.kind,
        kind_label=kind_label,
        occurred_at=event.occurred_at,
        kecamatan_code=event.kecamatan_code,
        kecamatan_name=names.get(event.kecamatan_code, event.kecamatan_code),
        kelurahan_names=kelurahan,
        areas_text="; ".join(area_text(names.get(a.kelurahan_code, a.kelurahan_code), a.rt, a.rw) for a in areas),
        status=event.status,
        status_label=status_label,
        description=event.description or "",
        office_name=str(get_setting(session, "report_office_name", today)),
        head_of_office=str(get_setting(session, "report_head_of_office_name", today)),
    )


def names_of(session: Session, codes: Iterable[str]) -> dict[str, str]:
    wanted = [c for c in set(codes) if c]
    if not wanted:
        return {}
    return dict(session.execute(select(Wilayah.kode, Wilayah.nama).where(Wilayah.kode.in_(wanted))).all())
