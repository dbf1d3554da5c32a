"""The checks of a disaster event's fields and areas (see ``services.relief_events``)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError
from simoncer_desktop.models import Wilayah
from simoncer_desktop.models.enums import DisasterKind
from simoncer_desktop.services.reference import KECAMATAN, KELURAHAN

if TYPE_CHECKING:
    from simoncer_desktop.services.relief_events import AreaInput, EventInput

RT_RW = re.compile(r"^\d{1,3}$")
FUTURE_SLACK = timedelta(days=1)
"""An event may lie up to a day ahead of the laptop's clock (a clock that is behind)."""


def _area_errors(session: Session, data: EventInput) -> list[FieldError]:
    if not data.areas:
        return [FieldError("areas", "Wilayah terdampak: tambahkan minimal satu kelurahan")]
    codes = {a.kelurahan_code for a in data.areas}
    found = {
        kode: (nama, tingkat, parent)
        for kode, nama, tingkat, parent in session.execute(
            select(Wilayah.kode, Wilayah.nama, Wilayah.tingkat, Wilayah.parent_kode).where(Wilayah.kode.in_(codes))
        )
    }
    errors: list[FieldError] = []
    seen: dict[AreaInput, int] = {}
    for row, area in enumerate(data.areas, start=1):
        prefix = f"Wilayah {row}"
        region = found.get(area.kelurahan_code)
        if not area.kelurahan_code or region is None or region[1] != KELURAHAN:
            errors.append(FieldError("areas", f"{prefix}: kelurahan wajib dipilih dari daftar wilayah", row))
        elif region[2] != data.kecamatan_code:
            errors.append(FieldError("areas", f"{prefix}: kelurahan {region[0]} tidak berada di kecamatan ini", row))
        for label, value in (("RT", area.rt), ("RW", area.rw)):
            if value and not RT_RW.match(value):
                errors.append(FieldError("areas", f"{prefix}: {label} harus angka 1–3 digit (tertulis '{value}')", row))
        if area in seen:
            errors.append(FieldError("areas", f"{prefix}: sama dengan wilayah {seen[area]}", row))
        seen.setdefault(area, row)
    return errors


def validate_event(session: Session, data: EventInput, now: datetime | None = None) -> list[FieldError]:
    """Every problem with ``data`` (already normalised), in form order."""
    now = now or datetime.now()
    errors: list[FieldError] = []
    if not data.kind:
        errors.append(FieldError("kind", "Jenis bencana: wajib dipilih"))
    elif data.kind not in {k.value for k in DisasterKind}:
        errors.append(FieldError("kind", f"Jenis bencana: nilai '{data.kind}' tidak dikenal"))
    if not data.title:
        errors.append(FieldError("title", "Judul: wajib diisi"))
    elif len(data.title) > 200:
        errors.append(FieldError("title", "Judul: terlalu panjang (maksimal 200 huruf)"))
    if data.occurred_at is None:
        errors.append(FieldError("occurred_at", "Waktu kejadian: wajib diisi"))
    elif data.occurred_at > now + FUTURE_SLACK:
        errors.append(FieldError("occurred_at", f"Waktu kejadian: {data.occurred_at:%d-%m-%Y %H:%M} ada di masa depan"))
    region = session.get(Wilayah, data.kecamatan_code) if data.kecamatan_code else None
    if region is None or region.tingkat != KECAMATAN:
        errors.append(FieldError("kecamatan_code", "Kecamatan: wajib dipilih dari daftar wilayah"))
        return errors
    return errors + _area_errors(session, data)
