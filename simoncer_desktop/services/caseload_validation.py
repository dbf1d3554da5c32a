"""The checks of a family or member form (``caseload.Validator``): field by field, with the database
for what needs it (region codes, a NIK or No. KK already registered). Import runs the same checks."""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, Message
from simoncer_desktop.models import Facilitator, Household, Member, Wilayah
from simoncer_desktop.models.enums import Education, HouseholdStatus, Program, Relationship, Sex, WelfareClass
from simoncer_desktop.services import components as comp
from simoncer_desktop.services.identity import check_nik, check_no_kk
from simoncer_desktop.services.reference import KELURAHAN, kecamatan_codes
from simoncer_desktop.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from simoncer_desktop.services.caseload import HouseholdInput, MemberInput

RT_RW = re.compile(r"^\d{1,3}$")
PHONE = re.compile(r"^(\+62|0)\d{8,13}$")


@functools.cache
def _values_of(allowed: type) -> frozenset[str]:
    return frozenset(m.value for m in allowed)


def _choice(value: str | None, allowed: type, field_name: str, label: str) -> list[FieldError]:
    if not value:
        return [FieldError(field_name, Message.translate("caseload", "{label}: wajib dipilih").format(label=label))]
    if value not in _values_of(allowed):
        return [
            FieldError(
                field_name,
                Message.translate("caseload", "{label}: nilai '{value}' tidak dikenal").format(
                    label=label, value=value
                ),
            )
        ]
    return []


_DATED = (
    QT_TRANSLATE_NOOP("caseload", "Tanggal lahir: {date} ada di masa depan"),
    QT_TRANSLATE_NOOP("caseload", "Tanggal lahir: {date} terlalu lampau"),
    QT_TRANSLATE_NOOP("caseload", "Tanggal meninggal: {date} ada di masa depan"),
)


def _dated(source: str, day: date) -> Message:
    """One of ``_DATED`` with the date filled in as DD-MM-YYYY."""
    return Message("caseload", source).format(date=f"{day:%d-%m-%Y}")


class Validator:
    """Checks that need the database (region codes, duplicates), loaded once per session."""

    def __init__(self, session: Session, today: date | None = None) -> None:
        self.session = session
        self.today = today or date.today()
        self._kecamatan: frozenset[str] | None = None

    @property
    def kecamatan(self) -> frozenset[str]:
        if self._kecamatan is None:
            self._kecamatan = kecamatan_codes(self.session)
        return self._kecamatan

    def member(
        self, data: MemberInput, household_id: str | None = None, member_id: str | None = None
    ) -> list[FieldError]:
        errors = self.member_fields(data)
        if not any(e.field == "nik" for e in errors):
            errors += self._nik_unique(data.nik.strip(), household_id, member_id)
        return errors

    def member_fields(self, data: MemberInput) -> list[FieldError]:
        """Every check of one member that needs no query per member (all but NIK uniqueness)."""
        errors: list[FieldError] = []
        if not data.name or not data.name.strip():
            errors.append(FieldError("name", Message.translate("caseload", "Nama: wajib diisi")))
        elif len(data.name.strip()) > 120:
            errors.append(
                FieldError("name", Message.translate("caseload", "Nama: terlalu panjang (maksimal 120 huruf)"))
            )
        errors += _choice(data.sex, Sex, "sex", Message.translate("caseload", "Jenis kelamin"))
        errors += _choice(data.relation, Relationship, "relation", Message.translate("caseload", "Hubungan keluarga"))
        errors += _choice(data.education, Education, "education", Message.translate("caseload", "Pendidikan"))
        if data.birth_date is None:
            errors.append(FieldError("birth_date", Message.translate("caseload", "Tanggal lahir: wajib diisi")))
        elif data.birth_date > self.today:
            errors.append(FieldError("birth_date", _dated("Tanggal lahir: {date} ada di masa depan", data.birth_date)))
        elif comp.age_on(data.birth_date, self.today) > 120:
            errors.append(FieldError("birth_date", _dated("Tanggal lahir: {date} terlalu lampau", data.birth_date)))
        sex = data.sex if data.sex in ("L", "P") else None
        errors += [
            FieldError("nik", e.message)
            for e in check_nik(
                data.nik, kecamatan_codes=self.kecamatan, sex=sex, birth_date=data.birth_date, today=self.today
            )
        ]
        if data.pregnant and data.sex != "P":
            errors.append(
                FieldError("pregnant", Message.translate("caseload", "Hamil/nifas: hanya untuk anggota perempuan"))
            )
        if data.in_school and data.education == Education.NONE:
            errors.append(
                FieldError(
                    "in_school",
                    Message.translate("caseload", "Masih sekolah: pilih jenjang pendidikan yang sedang ditempuh"),
                )
            )
        if data.death_date and not data.deceased:
            errors.append(
                FieldError(
                    "death_date", Message.translate("caseload", "Tanggal meninggal: hanya diisi bila anggota meninggal")
                )
            )
        if data.death_date and data.death_date > self.today:
            errors.append(
                FieldError("death_date", _dated("Tanggal meninggal: {date} ada di masa depan", data.death_date))
            )
        return errors

    def _nik_unique(self, nik: str, household_id: str | None, member_id: str | None) -> list[FieldError]:
        stmt = (
            select(Member.id, Member.household_id, Member.name, Household.no_kk, Household.recipient_name)
            .join(Household, Household.id == Member.household_id)
            .where(Member.nik == nik, Member.deleted.is_(False), Household.deleted.is_(False))
        )
        for other_id, other_hh, name, no_kk, recipient in self.session.execute(stmt):
            if other_id == member_id:
                continue
            if household_id is not None and other_hh == household_id:
                return [
                    FieldError(
                        "nik",
                        Message.translate(
                            "caseload", "NIK: {nik} sudah dipakai anggota lain di keluarga ini ({name})"
                        ).format(nik=nik, name=name),
                    )
                ]
            return [
                FieldError(
                    "nik",
                    Message.translate(
                        "caseload",
                        "NIK: {nik} sudah terdaftar atas nama {name} di keluarga No. KK {no_kk} "
                        "(pengurus: {recipient})",
                    ).format(nik=nik, name=name, no_kk=no_kk, recipient=recipient or "-"),
                )
            ]
        return []

    def household(self, data: HouseholdInput, household_id: str | None = None) -> list[FieldError]:
        errors = [
            FieldError("no_kk", e.message)
            for e in check_no_kk(data.no_kk, kecamatan_codes=self.kecamatan, today=self.today)
        ]
        if not errors:
            errors += self._no_kk_unique(data.no_kk.strip(), household_id)
        region = self.session.get(Wilayah, data.kelurahan_code) if data.kelurahan_code else None
        if region is None or region.tingkat != KELURAHAN:
            errors.append(
                FieldError(
                    "kelurahan_code", Message.translate("caseload", "Kelurahan: wajib dipilih dari daftar wilayah")
                )
            )
        errors += self.household_fields(data)
        if data.facilitator_id:
            fac = self.session.get(Facilitator, data.facilitator_id)
            if fac is None or fac.deleted:
                errors.append(
                    FieldError("facilitator_id", Message.translate("caseload", "Pendamping: tidak ditemukan"))
                )
        return errors

    def household_fields(self, data: HouseholdInput) -> list[FieldError]:
        """The checks of a family's own fields that need no query (not No. KK, kelurahan, pendamping)."""
        errors: list[FieldError] = []
        for name, label, value in (("rt", "RT", data.rt), ("rw", "RW", data.rw)):
            if value and not RT_RW.match(value.strip()):
                errors.append(
                    FieldError(
                        name,
                        Message.translate("caseload", "{label}: harus angka 1–3 digit (tertulis '{value}')").format(
                            label=label, value=value
                        ),
                    )
                )
        if data.phone and not PHONE.match(data.phone.replace(" ", "").replace("-", "")):
            errors.append(
                FieldError(
                    "phone",
                    Message.translate(
                        "caseload", "No. HP: '{phone}' bukan nomor telepon Indonesia (08… atau +62…)"
                    ).format(phone=data.phone),
                )
            )
        if data.desil is not None and not 1 <= data.desil <= 10:
            errors.append(
                FieldError(
                    "desil",
                    Message.translate("caseload", "Desil: harus 1–10 (tertulis {desil})").format(desil=data.desil),
                )
            )
        errors += _choice(data.status, HouseholdStatus, "status", Message.translate("caseload", "Status"))
        if data.welfare_class is not None:
            errors += _choice(
                data.welfare_class, WelfareClass, "welfare_class", Message.translate("caseload", "Kelas kesejahteraan")
            )
        unknown = set(data.programs) - {p.value for p in Program}
        if unknown:
            errors.append(
                FieldError(
                    "programs",
                    Message.translate("caseload", "Program: tidak dikenal ({codes})").format(
                        codes=", ".join(sorted(unknown))
                    ),
                )
            )
        return errors

    def _no_kk_unique(self, no_kk: str, household_id: str | None) -> list[FieldError]:
        other = self.session.execute(
            select(Household.id, Household.recipient_name).where(
                Household.no_kk == no_kk, Household.deleted.is_(False), Household.id != (household_id or "")
            )
        ).first()
        if other:
            return [
                FieldError(
                    "no_kk",
                    Message.translate("caseload", "No. KK: {no_kk} sudah terdaftar (pengurus: {recipient})").format(
                        no_kk=no_kk, recipient=other.recipient_name or "-"
                    ),
                )
            ]
        return []
