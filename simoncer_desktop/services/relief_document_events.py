"""The event part of the relief documents' data (``services.relief_documents`` re-exports it): the
header every document prints, one summary line per event (``relief events``), and finding an event by
its id or short code. Reads only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, NotFoundError, ValidationError
from simoncer_desktop.models import AffectedFamily, DisasterEvent, Distribution, EventArea, Victim, Wilayah
from simoncer_desktop.models.enums import DisasterKind, EventStatus, InjuryLevel
from simoncer_desktop.services.relief_document_parts import label, rt_rw_text, short_code, sort_number
from simoncer_desktop.services.settings import get_setting


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
    """``Tegallega RT 3/RW 7; Babakan``."""
    status: str
    status_label: str
    description: str
    office_name: str
    head_of_office: str


@dataclass(frozen=True)
class EventSummary:
    id: str
    code: str
    occurred_at: datetime
    kind: str
    kind_label: str
    title: str
    kecamatan_code: str
    kecamatan_name: str
    status: str
    status_label: str
    families: int
    people: int
    displaced: int
    injured: int
    deceased: int
    distributions: int


# --- events ------------------------------------------------------------------------------------------


def find_event(session: Session, ref: str) -> str:
    """The id of the live event ``ref`` names: its full id, or its short code (last 8 characters of the
    id, any case). ``ValidationError`` when none or several match."""
    text = ref.strip().lower()
    if not text:
        raise ValidationError(FieldError("event", "Kejadian wajib diisi (id atau kode 8 karakter)"))
    live = DisasterEvent.deleted.is_(False)
    found = session.scalar(select(DisasterEvent.id).where(DisasterEvent.id == text, live))
    if found is not None:
        return found
    ids: list[str] = []
    if len(text) == 8:
        code = func.lower(func.substr(DisasterEvent.id, -8))
        ids = list(session.scalars(select(DisasterEvent.id).where(code == text, live)))
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise ValidationError(FieldError("event", f"Kode kejadian '{ref}' cocok dengan {len(ids)} kejadian; pakai id"))
    raise ValidationError(FieldError("event", f"Kejadian '{ref}' tidak ditemukan"))


def event_summaries(session: Session, status: str | None = None) -> list[EventSummary]:
    """Every live event (or those with ``status``), newest first, with its counts."""
    if status is not None and status not in {s.value for s in EventStatus}:
        raise ValidationError(FieldError("status", f"Status '{status}' tidak dikenal (dibuka atau ditutup)"))
    query = select(DisasterEvent).where(DisasterEvent.deleted.is_(False))
    if status is not None:
        query = query.where(DisasterEvent.status == status)
    events = session.scalars(query.order_by(DisasterEvent.occurred_at.desc(), DisasterEvent.id.desc())).all()
    if not events:
        return []
    ids = [e.id for e in events]
    families = dict(
        session.execute(
            select(AffectedFamily.event_id, func.count())
            .where(AffectedFamily.event_id.in_(ids), AffectedFamily.deleted.is_(False))
            .group_by(AffectedFamily.event_id)
        ).all()
    )
    people = {
        row[0]: row[1:]
        for row in session.execute(
            select(
                Victim.event_id,
                func.count(),
                func.count().filter(Victim.displaced.is_(True)),
                func.count().filter(Victim.injury != InjuryLevel.NONE),
                func.count().filter(Victim.deceased.is_(True)),
            )
            .join(AffectedFamily, AffectedFamily.id == Victim.family_id)
            .where(Victim.event_id.in_(ids), Victim.deleted.is_(False), AffectedFamily.deleted.is_(False))
            .group_by(Victim.event_id)
        ).all()
    }
    distributions = dict(
        session.execute(
            select(Distribution.event_id, func.count())
            .where(Distribution.event_id.in_(ids), Distribution.deleted.is_(False))
            .group_by(Distribution.event_id)
        ).all()
    )
    names = names_of(session, {e.kecamatan_code for e in events})
    out = []
    for e in events:
        counts = people.get(e.id, (0, 0, 0, 0))
        out.append(
            EventSummary(
                id=e.id,
                code=short_code(e.id),
                occurred_at=e.occurred_at,
                kind=e.kind,
                kind_label=label(DisasterKind, e.kind),
                title=e.title,
                kecamatan_code=e.kecamatan_code,
                kecamatan_name=names.get(e.kecamatan_code, e.kecamatan_code),
                status=e.status,
                status_label=label(EventStatus, e.status),
                families=families.get(e.id, 0),
                people=int(counts[0]),
                displaced=int(counts[1]),
                injured=int(counts[2]),
                deceased=int(counts[3]),
                distributions=distributions.get(e.id, 0),
            )
        )
    return out


def event_header(session: Session, event_id: str) -> EventHeader:
    event = session.get(DisasterEvent, event_id)
    if event is None or event.deleted:
        raise NotFoundError(f"Kejadian dengan id '{event_id}' tidak ditemukan")
    areas = session.execute(
        select(EventArea.kelurahan_code, EventArea.rt, EventArea.rw).where(
            EventArea.event_id == event_id, EventArea.deleted.is_(False)
        )
    ).all()
    names = names_of(session, {event.kecamatan_code, *(a.kelurahan_code for a in areas)})
    areas = sorted(areas, key=lambda a: (names.get(a.kelurahan_code, ""), sort_number(a.rw), sort_number(a.rt)))
    kelurahan = tuple(dict.fromkeys(names.get(a.kelurahan_code, a.kelurahan_code) for a in areas))
    parts = []
    for a in areas:
        name = names.get(a.kelurahan_code, a.kelurahan_code)
        parts.append(f"{name} {rt_rw_text(a.rt, a.rw)}" if a.rt or a.rw else name)
    today = date.today()
    return EventHeader(
        id=event.id,
        code=short_code(event.id),
        title=event.title,
        kind=event.kind,
        kind_label=label(DisasterKind, event.kind),
        occurred_at=event.occurred_at,
        kecamatan_code=event.kecamatan_code,
        kecamatan_name=names.get(event.kecamatan_code, event.kecamatan_code),
        kelurahan_names=kelurahan,
        areas_text="; ".join(parts),
        status=event.status,
        status_label=label(EventStatus, event.status),
        description=event.description or "",
        office_name=str(get_setting(session, "report_office_name", today)),
        head_of_office=str(get_setting(session, "report_head_of_office_name", today)),
    )


def names_of(session: Session, codes: Iterable[str]) -> dict[str, str]:
    wanted = [c for c in set(codes) if c]
    if not wanted:
        return {}
    return dict(session.execute(select(Wilayah.kode, Wilayah.nama).where(Wilayah.kode.in_(wanted))).all())
