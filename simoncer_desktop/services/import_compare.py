"""Comparing parsed families with the stored caseload: new, updated, unchanged or refused."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import Message
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models.facilitator import Facilitator
from simoncer_desktop.models.household import Household, Member
from simoncer_desktop.services import caseload_sheet as fmt
from simoncer_desktop.services.caseload import MemberInput
from simoncer_desktop.services.caseload_query import fold
from simoncer_desktop.services.import_model import FamilyPlan, ImportPlan, Outcome, Problem

# --- planning ----------------------------------------------------------------------------------

MEMBER_COMPARED = [f.name for f in fields(MemberInput)]
MEMBER_LABELS = {
    "nik": "NIK",
    "name": "NAMA",
    "birth_date": "TANGGAL_LAHIR",
    "sex": "JENIS_KELAMIN",
    "relation": "HUBUNGAN",
    "is_recipient": "PENGURUS",
    "education": "PENDIDIKAN",
    "in_school": "SEKOLAH",
    "pregnant": "HAMIL",
    "severe_disability": "DISABILITAS_BERAT",
    "deceased": "STATUS_HIDUP",
    "death_date": "TANGGAL_MENINGGAL",
}
HOUSEHOLD_COMPARED = {
    "kelurahan_code": "KODE_KELURAHAN",
    "address": "ALAMAT",
    "rt": "RT",
    "rw": "RW",
    "phone": "NO_HP",
    "desil": "DESIL",
    "facilitator_id": "PENDAMPING",
}


@dataclass(slots=True)
class StoredCaseloadMember:
    id: str
    household_id: str
    values: dict[str, object]


class StoredCaseload:
    """The live caseload as plain tuples, loaded once per plan (no query per row)."""

    def __init__(self, session: Session) -> None:
        self.households: dict[str, dict[str, object]] = {}
        self.no_kk_of: dict[str, str] = {}
        hh_columns = [
            Household.id,
            Household.no_kk,
            Household.recipient_name,
            *(getattr(Household, c) for c in HOUSEHOLD_COMPARED),
        ]
        for row in session.execute(select(*hh_columns).where(Household.deleted.is_(False))):
            values = row._asdict()
            self.households[values["no_kk"]] = values
            self.no_kk_of[values["id"]] = values["no_kk"]
        self.by_nik: dict[str, StoredCaseloadMember] = {}
        self.by_household: dict[str, list[StoredCaseloadMember]] = defaultdict(list)
        member_columns = [Member.id, Member.household_id, *(getattr(Member, c) for c in MEMBER_COMPARED)]
        stmt = (
            select(*member_columns)
            .join(Household, Household.id == Member.household_id)
            .where(Member.deleted.is_(False), Household.deleted.is_(False))
        )
        for row in session.execute(stmt):
            values = row._asdict()
            stored = StoredCaseloadMember(values.pop("id"), values.pop("household_id"), values)
            self.by_household[stored.household_id].append(stored)
            if stored.values["nik"]:
                self.by_nik[stored.values["nik"]] = stored
        self.facilitators: dict[str, str] = {}
        self.facilitator_names: dict[str, str] = {}
        for fid, name in session.execute(
            select(Facilitator.id, Facilitator.name).where(Facilitator.deleted.is_(False))
        ):
            self.facilitators.setdefault(fold(" ".join(name.split())), fid)
            self.facilitator_names[fid] = name


def caseload_fingerprint(session: Session) -> tuple[object, ...]:
    """Changes whenever a family, member or pendamping is written: a plan made before such a write
    must be made again before it is applied (the UI shows the preview, then applies later)."""
    parts: list[object] = []
    for model in (Household, Member, Facilitator):
        parts.extend(session.execute(select(func.count(), func.max(model.updated_at)).select_from(model)).one())
    return tuple(parts)


def is_current(session: Session, plan: ImportPlan) -> bool:
    return plan.fingerprint == caseload_fingerprint(session)


def refuse_duplicate_niks(families: list[FamilyPlan]) -> None:
    """The same NIK in two families of the file: both are refused (which one is right is unknown)."""
    where: dict[str, list[tuple[FamilyPlan, int]]] = defaultdict(list)
    for family in families:
        for m in family.members:
            where[m.data.nik].append((family, m.row))
    for nik, places in where.items():
        owners = {id(f) for f, _ in places}
        if len(owners) < 2:
            continue
        for family, row in places:
            others = [
                Message.translate("import", "baris {row} (No. KK {no_kk})").format(row=r, no_kk=f.no_kk)
                for f, r in places
                if f is not family
            ]
            family.problems.append(
                Problem(
                    row,
                    "NIK",
                    nik,
                    Message.translate("import", "NIK yang sama juga ada di {places}").format(places=_joined(others)),
                )
            )


def compare_family(
    family: FamilyPlan, stored: StoredCaseload, file_niks: dict[str, set[str]], new_facilitators: dict[str, str]
) -> int:
    """Sets the family's outcome, what changes and which stored rows it updates. Returns the number
    of stored members kept although the file does not list them."""
    if family.problems or family.household is None:
        family.outcome = Outcome.REJECTED
        return 0
    current = stored.households.get(family.no_kk)
    family.household_id = current["id"] if current else None
    facilitator_id = facilitator_id_for(family.facilitator_name, stored, new_facilitators)
    family.household.facilitator_id = facilitator_id
    changes = family.changes
    family.member_ids = []
    for parsed in family.members:
        nik = parsed.data.nik
        existing = stored.by_nik.get(nik)
        if existing is None:
            family.member_ids.append(None)
            if current:
                changes.append(
                    Message.translate("import", "anggota baru {name} ({nik})").format(name=parsed.data.name, nik=nik)
                )
            continue
        if existing.household_id != family.household_id:
            other_no_kk = stored.no_kk_of.get(existing.household_id, "?")
            if other_no_kk in file_niks and nik not in file_niks[other_no_kk]:
                family.moved_from.add(existing.household_id)
                changes.append(
                    Message.translate("import", "{name} ({nik}) pindah dari No. KK {no_kk}").format(
                        name=parsed.data.name, nik=nik, no_kk=other_no_kk
                    )
                )
            else:
                other = stored.households.get(other_no_kk, {})
                family.problems.append(
                    Problem(
                        parsed.row,
                        "NIK",
                        nik,
                        Message.translate(
                            "import",
                            "NIK sudah terdaftar atas nama {name} di keluarga No. KK {no_kk} (pengurus: {recipient})",
                        ).format(
                            name=existing.values["name"],
                            no_kk=other_no_kk,
                            recipient=other.get("recipient_name") or "-",
                        ),
                    )
                )
                continue
        family.member_ids.append(existing.id)
        if current and existing.household_id == family.household_id:
            for name in MEMBER_COMPARED:
                old, new = existing.values[name], getattr(parsed.data, name)
                if old != new:
                    changes.append(
                        Message.translate("import", "{name}: {column} {old} → {new}").format(
                            name=parsed.data.name, column=MEMBER_LABELS[name], old=_show(old), new=_show(new)
                        )
                    )
    if family.problems:
        family.outcome = Outcome.REJECTED
        family.changes = []
        return 0
    kept = 0
    if current is None:
        family.outcome = Outcome.NEW
        return 0
    for name, label in HOUSEHOLD_COMPARED.items():
        old, new = current[name], getattr(family.household, name)
        if (old or None) != (new or None):
            if name == "facilitator_id":
                old = stored.facilitator_names.get(old, old) if old else None
                new = family.facilitator_name
            changes.append(
                Message.translate("import", "{column} {old} → {new}").format(
                    column=label, old=_show(old), new=_show(new)
                )
            )
    listed = {m.data.nik for m in family.members}
    file_has_recipient = any(m.data.is_recipient for m in family.members)
    for member in stored.by_household.get(family.household_id or "", []):
        if member.values["nik"] in listed:
            continue
        kept += 1
        if member.values["is_recipient"] and file_has_recipient:
            changes.append(
                Message.translate("import", "{name}: bukan pengurus lagi").format(name=member.values["name"])
            )
    family.outcome = Outcome.UPDATED if changes else Outcome.UNCHANGED
    return kept


def facilitator_id_for(name: str, stored: StoredCaseload, new: dict[str, str]) -> str | None:
    if not name:
        return None
    key = fold(name)
    found = stored.facilitators.get(key)
    if found is None:
        found = new.setdefault(name, uuid7())
        stored.facilitators[key] = found
        stored.facilitator_names[found] = name
    return found


def _joined(parts: list[Message]) -> Message:
    """``parts`` joined with ", " (each made again when the whole is)."""
    names = {f"p{i}": part for i, part in enumerate(parts)}
    return Message("", ", ".join(f"{{{name}}}" for name in names)).format(**names)


def _show(value: object) -> str:
    if value is None or value == "":
        return Message.translate("import", "(kosong)")
    if isinstance(value, bool):
        return fmt.yes_no(value)
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    return f"'{value}'"
