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
from simoncer_desktop.translation import translate

if TYPE_CHECKING:
    from simoncer_desktop.services.relief_events import AreaInput, EventInput

RT_RW = re.compile(r"^\d{1,3}$")
FUTURE_SLACK = timedelta(days=1)
"""An event may lie up to a day ahead of the laptop's clock (a clock that is behind)."""


def _area_errors(session: Session, data: EventInput) -> list[FieldError]:
    if not data.areas:
        return [FieldError("areas", translate("relief", "Wilayah terdampak: tambahkan minimal satu kelurahan"))]
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
        region = found.get(area.kelurahan_code)
        if not area.kelurahan_code or region is None or region[1] != KELURAHAN:
            message = translate("relief", "Wilayah {row}: kelurahan wajib dipilih dari daftar wilayah")
            errors.append(FieldError("areas", message.format(row=row), row))
        elif region[2] != data.kecamatan_code:
            message = translate("relief", "Wilayah {row}: kelurahan {name} tidak berada di kecamatan ini")
            errors.append(FieldError("areas", message.format(row=row, name=region[0]), row))
        for label, value in (("RT", area.rt), ("RW", area.rw)):
            if value and not RT_RW.match(value):
                message = translate("relief", "Wilayah {row}: {label} harus angka 1–3 digit (tertulis '{value}')")
                errors.append(FieldError("areas", message.format(row=row, label=label, value=value), row))
        if area in seen:
            message = translate("relief", "Wilayah {row}: sama dengan wilayah {other}")
            errors.append(FieldError("areas", message.format(row=row, other=seen[area]), row))
        seen.setdefault(area, row)
    return errors


def validate_event(session: Session, data: EventInput, now: datetime | None = None) -> list[FieldError]:
    """Every problem with ``data`` (already normalised), in form order."""
    now = now or datetime.now()
    errors: list[FieldError] = []
    if not data.kind:
        errors.append(FieldError("kind", translate("relief", "Jenis bencana: wajib dipilih")))
    elif data.kind not in {k.value for k in DisasterKind}:
        message = translate("relief", "Jenis bencana: nilai '{kind}' tidak dikenal")
        errors.append(FieldError("kind", message.format(kind=data.kind)))
    if not data.title:
        errors.append(FieldError("title", translate("relief", "Judul: wajib diisi")))
    elif len(data.title) > 200:
        errors.append(FieldError("title", translate("relief", "Judul: terlalu panjang (maksimal 200 huruf)")))
    if data.occurred_at is None:
        errors.append(FieldError("occurred_at", translate("relief", "Waktu kejadian: wajib diisi")))
    elif data.occurred_at > now + FUTURE_SLACK:
        message = translate("relief", "Waktu kejadian: {when:%d-%m-%Y %H:%M} ada di masa depan")
        errors.append(FieldError("occurred_at", message.format(when=data.occurred_at)))
    region = session.get(Wilayah, data.kecamatan_code) if data.kecamatan_code else None
    if region is None or region.tingkat != KECAMATAN:
        message = translate("relief", "Kecamatan: wajib dipilih dari daftar wilayah")
        errors.append(FieldError("kecamatan_code", message))
        return errors
    return errors + _area_errors(session, data)
