"""Withdrawing a family from its cohort (*Keluarkan dari kohort*): sets ``Enrollment.withdrawn_on``.

Refused, naming the field, for a date before the enrollment, an enrollment already withdrawn and one whose
programme is complete. The reason and who withdrew are required and stored with the date.
"""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError
from simoncer_desktop.models import Enrollment
from simoncer_desktop.services import acting
from simoncer_desktop.services.programme import fail, get_live, is_complete, raise_if, required_text
from simoncer_desktop.translation import translate

log = logging.getLogger(__name__)


def withdraw(session: Session, enrollment_id: str, on: date | None, reason: str, by: str) -> None:
    """Mark the enrollment withdrawn on ``on``; it then no longer counts as an open enrollment."""
    enrollment = get_live(session, Enrollment, enrollment_id, "enrollment_id", translate("programme", "Peserta kohort"))
    acting.require_for_household(session, "programme.withdraw", enrollment.household_id)
    if enrollment.withdrawn_on is not None:
        message = translate("programme", "Peserta kohort: sudah keluar pada {day:%d-%m-%Y}")
        raise fail("enrollment_id", message.format(day=enrollment.withdrawn_on))
    if is_complete(session, enrollment):
        message = translate("programme", "Peserta kohort: program sudah selesai, tidak dapat dikeluarkan")
        raise fail("enrollment_id", message)
    errors = required_text(reason, "reason", translate("programme", "Alasan keluar"), 2000) + required_text(
        by, "withdrawn_by", translate("programme", "Dicatat oleh")
    )
    if on is None:
        errors.append(FieldError("withdrawn_on", translate("programme", "Tanggal keluar: wajib diisi")))
    elif on < enrollment.enrolled_on:
        message = translate("programme", "Tanggal keluar: {day:%d-%m-%Y} sebelum tanggal daftar {enrolled:%d-%m-%Y}")
        errors.append(FieldError("withdrawn_on", message.format(day=on, enrolled=enrollment.enrolled_on)))
    raise_if(errors)
    enrollment.withdrawn_on = on
    enrollment.withdrawn_reason = reason.strip()
    enrollment.withdrawn_by = by.strip()
    session.flush()
    log.info("enrollment %s withdrawn on %s by %s: %s", enrollment.id, on, by.strip(), reason.strip())
