"""The checks of an affected family and its victims before they are registered or changed.

Messages name the field; a victim's messages start with "Korban N:" and carry ``row = N`` (1-based,
the order of ``FamilyInput.victims``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError
from simoncer_desktop.models import AffectedFamily, DisasterEvent, Household, Member, Victim, Wilayah
from simoncer_desktop.models.enums import DamageLevel, InjuryLevel, Relationship, Sex
from simoncer_desktop.services.identity import check_nik, check_no_kk
from simoncer_desktop.services.reference import KELURAHAN, kecamatan_codes
from simoncer_desktop.services.relief_victim_types import FamilyInput, VictimInput
from simoncer_desktop.translation import translate

RT_RW = re.compile(r"^\d{1,3}$")
PHONE = re.compile(r"^(\+62|0)\d{8,13}$")


def _codes(allowed: Iterable[object]) -> frozenset[str]:
    return frozenset(str(m) for m in allowed)


class FamilyRules:
    """Validates one family of one event; ``family_id`` is the family being edited (None when new)."""

    def __init__(self, session: Session, event: DisasterEvent, family_id: str | None = None) -> None:
        self.session = session
        self.event = event
        self.family_id = family_id
        self.today = date.today()
        self.kecamatan = kecamatan_codes(session)

    def check(self, data: FamilyInput, on: date | None = None) -> list[FieldError]:
        errors = self.family_fields(data)
        if on is not None:
            errors += self.registration_day(on)
        if not data.victims:
            errors.append(FieldError("victims", translate("relief", "Korban: tambahkan minimal satu orang")))
        for row, victim in enumerate(data.victims, start=1):
            errors += self.victim_fields(victim, row)
        errors += self.duplicates_within(data.victims)
        errors += self.duplicates_in_event(data)
        return errors

    def registration_day(self, on: date) -> list[FieldError]:
        event_day = self.event.occurred_at.date()
        if on < event_day:
            message = translate(
                "relief", "Tanggal pendaftaran: {day:%d-%m-%Y} sebelum tanggal kejadian ({event_day:%d-%m-%Y})"
            )
            return [FieldError("registered_on", message.format(day=on, event_day=event_day))]
        if on > self.today:
            message = translate("relief", "Tanggal pendaftaran: {day:%d-%m-%Y} ada di masa depan")
            return [FieldError("registered_on", message.format(day=on))]
        return []

    def family_fields(self, data: FamilyInput) -> list[FieldError]:
        errors: list[FieldError] = []
        if not data.head_name.strip():
            errors.append(FieldError("head_name", translate("relief", "Kepala keluarga: wajib diisi")))
        elif len(data.head_name.strip()) > 120:
            message = translate("relief", "Kepala keluarga: terlalu panjang (maksimal 120 huruf)")
            errors.append(FieldError("head_name", message))
        no_kk = (data.no_kk or "").strip()
        if not no_kk:
            if not data.no_document_reason.strip():
                message = translate(
                    "relief", "No. KK: wajib diisi, atau isi alasan tanpa dokumen (mis. KK hilang/hanyut)"
                )
                errors.append(FieldError("no_kk", message))
        else:
            errors += [
                FieldError("no_kk", e.message)
                for e in check_no_kk(no_kk, kecamatan_codes=self.kecamatan, today=self.today)
            ]
        region = self.session.get(Wilayah, data.kelurahan_code) if data.kelurahan_code else None
        if region is None or region.tingkat != KELURAHAN:
            message = translate("relief", "Kelurahan: wajib dipilih dari daftar wilayah")
            errors.append(FieldError("kelurahan_code", message))
        for name, label, value in (("rt", "RT", data.rt), ("rw", "RW", data.rw)):
            if value and not RT_RW.match(value.strip()):
                message = translate("relief", "{label}: harus angka 1–3 digit (tertulis '{value}')")
                errors.append(FieldError(name, message.format(label=label, value=value)))
        if data.phone and not PHONE.match(data.phone.replace(" ", "").replace("-", "")):
            message = translate("relief", "Telepon: '{phone}' bukan nomor telepon Indonesia (08… atau +62…)")
            errors.append(FieldError("phone", message.format(phone=data.phone)))
        if data.damage not in _codes(DamageLevel):
            message = translate("relief", "Tingkat kerusakan: nilai '{damage}' tidak dikenal")
            errors.append(FieldError("damage", message.format(damage=data.damage)))
        if data.household_id:
            household = self.session.get(Household, data.household_id)
            if household is None or household.deleted:
                message = translate("relief", "Keluarga KPM: tidak ditemukan di data keluarga")
                errors.append(FieldError("household_id", message))
        return errors

    def victim_fields(self, v: VictimInput, row: int) -> list[FieldError]:
        prefix = translate("relief", "Korban {row}").format(row=row)
        errors: list[FieldError] = []

        def add(field: str, message: str) -> None:
            errors.append(FieldError(field, f"{prefix}: {message}", row))

        if not v.name.strip():
            add("name", translate("relief", "Nama: wajib diisi"))
        elif len(v.name.strip()) > 120:
            add("name", translate("relief", "Nama: terlalu panjang (maksimal 120 huruf)"))
        if v.sex not in _codes(Sex):
            add("sex", translate("relief", "Jenis kelamin: wajib dipilih (L/P)"))
        if v.relation not in _codes(Relationship):
            add(
                "relation",
                translate("relief", "Hubungan keluarga: nilai '{value}' tidak dikenal").format(value=v.relation),
            )
        if v.injury not in _codes(InjuryLevel):
            add("injury", translate("relief", "Luka: nilai '{value}' tidak dikenal").format(value=v.injury))
        if v.birth_date is not None and v.birth_date > self.today:
            add(
                "birth_date",
                translate("relief", "Tanggal lahir: {day:%d-%m-%Y} ada di masa depan").format(day=v.birth_date),
            )
        nik = (v.nik or "").strip()
        if not nik:
            if not v.no_document_reason.strip():
                add("nik", translate("relief", "NIK: wajib diisi, atau isi alasan tanpa NIK (mis. KTP hilang/hanyut)"))
        else:
            sex = v.sex if v.sex in ("L", "P") else None
            for e in check_nik(nik, kecamatan_codes=self.kecamatan, sex=sex, birth_date=v.birth_date, today=self.today):
                add("nik", e.message)
        if v.deceased and not v.heir_name.strip():
            add("heir_name", translate("relief", "Ahli waris: wajib diisi untuk korban meninggal"))
        if v.heir_nik and v.heir_nik.strip():
            heir_field = translate("relief", "NIK ahli waris")
            for e in check_nik(v.heir_nik.strip(), kecamatan_codes=self.kecamatan, today=self.today, field=heir_field):
                add("heir_nik", e.message)
        if v.member_id:
            member = self.session.get(Member, v.member_id)
            if member is None or member.deleted:
                add("member_id", translate("relief", "Anggota KPM: tidak ditemukan di data keluarga"))
        return errors

    def duplicates_within(self, victims: list[VictimInput]) -> list[FieldError]:
        errors: list[FieldError] = []
        seen_nik: dict[str, int] = {}
        seen_member: dict[str, int] = {}
        for row, v in enumerate(victims, start=1):
            nik = (v.nik or "").strip()
            if nik and nik in seen_nik:
                message = translate("relief", "Korban {row}: NIK {nik} sama dengan korban {other}").format(
                    row=row, nik=nik, other=seen_nik[nik]
                )
                errors.append(FieldError("nik", message, row))
            elif v.member_id and v.member_id in seen_member:
                message = translate("relief", "Korban {row}: orang yang sama dengan korban {other}").format(
                    row=row, other=seen_member[v.member_id]
                )
                errors.append(FieldError("name", message, row))
            if nik:
                seen_nik.setdefault(nik, row)
            if v.member_id:
                seen_member.setdefault(v.member_id, row)
        return errors

    def _others(self) -> ColumnElement[bool]:
        return AffectedFamily.id != (self.family_id or "")

    def duplicates_in_event(self, data: FamilyInput) -> list[FieldError]:
        """The same caseload family, No. KK or person already registered in this event (in another family)."""
        errors: list[FieldError] = []
        family = AffectedFamily
        live = (family.event_id == self.event.id, family.deleted.is_(False), self._others())
        if data.household_id:
            head = self.session.scalar(select(family.head_name).where(family.household_id == data.household_id, *live))
            if head is not None:
                message = translate(
                    "relief", "Keluarga ini sudah terdaftar pada kejadian ini (kepala keluarga: {head})"
                )
                errors.append(FieldError("household_id", message.format(head=head)))
        no_kk = (data.no_kk or "").strip()
        if no_kk and not errors:
            head = self.session.scalar(select(family.head_name).where(family.no_kk == no_kk, *live).limit(1))
            if head is not None:
                message = translate(
                    "relief", "No. KK: {no_kk} sudah terdaftar pada kejadian ini (kepala keluarga: {head})"
                )
                errors.append(FieldError("no_kk", message.format(no_kk=no_kk, head=head)))
        niks = {(v.nik or "").strip() for v in data.victims} - {""}
        members = {v.member_id for v in data.victims if v.member_id}
        if not niks and not members:
            return errors
        stmt = (
            select(Victim.nik, Victim.member_id, Victim.name, family.head_name)
            .join(family, family.id == Victim.family_id)
            .where(Victim.event_id == self.event.id, Victim.deleted.is_(False), self._others())
            .where(Victim.nik.in_(niks) | Victim.member_id.in_(members))
        )
        taken_nik: dict[str, tuple[str, str]] = {}
        taken_member: dict[str, tuple[str, str]] = {}
        for nik, member_id, name, head in self.session.execute(stmt):
            if nik:
                taken_nik[nik] = (name, head)
            if member_id:
                taken_member[member_id] = (name, head)
        for row, v in enumerate(data.victims, start=1):
            nik = (v.nik or "").strip()
            if nik in taken_nik:
                name, head = taken_nik[nik]
                message = translate(
                    "relief", "Korban {row}: NIK {nik} sudah terdaftar pada kejadian ini ({name}, keluarga {head})"
                ).format(row=row, nik=nik, name=name, head=head)
                errors.append(FieldError("nik", message, row))
            elif v.member_id in taken_member:
                name, head = taken_member[v.member_id]
                message = translate(
                    "relief", "Korban {row}: {name} sudah terdaftar pada kejadian ini (keluarga {head})"
                ).format(row=row, name=name, head=head)
                errors.append(FieldError("name", message, row))
        return errors
