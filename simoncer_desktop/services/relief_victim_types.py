"""The plain data of affected families and victims: what forms send (``*Input``) and what lists and
detail views get back (``*View``, ``FamilyRow``). See ``services.relief_victims``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from simoncer_desktop.models.enums import Relationship


@dataclass
class VictimInput:
    name: str
    sex: str
    nik: str | None = None
    birth_date: date | None = None
    relation: str = Relationship.OTHER.value
    member_id: str | None = None
    displaced: bool = False
    injury: str = "tidak"
    deceased: bool = False
    heir_name: str = ""
    heir_nik: str | None = None
    heir_relation: str = ""
    no_document_reason: str = ""
    id: str | None = None
    """The registered victim this input edits (``update_family``); None for a new person."""


@dataclass
class FamilyInput:
    head_name: str
    kelurahan_code: str
    victims: list[VictimInput]
    household_id: str | None = None
    no_kk: str | None = None
    address: str = ""
    rt: str = ""
    rw: str = ""
    phone: str | None = None
    damage: str = "tidak_rusak"
    needs: str = ""
    no_document_reason: str = ""
    is_kpm: bool = field(default=False, compare=False)
    """Filled by ``family_from_caseload`` for the form's badge; ignored when writing."""


@dataclass(frozen=True)
class VictimView:
    id: str
    family_id: str
    nik: str | None
    name: str
    sex: str
    birth_date: date | None
    age: int | None
    relation: str
    displaced: bool
    injury: str
    deceased: bool
    heir_name: str
    heir_nik: str | None
    heir_relation: str
    no_document_reason: str
    member_id: str | None

    def to_input(self) -> VictimInput:
        return VictimInput(
            name=self.name,
            sex=self.sex,
            nik=self.nik,
            birth_date=self.birth_date,
            relation=self.relation,
            member_id=self.member_id,
            displaced=self.displaced,
            injury=self.injury,
            deceased=self.deceased,
            heir_name=self.heir_name,
            heir_nik=self.heir_nik,
            heir_relation=self.heir_relation,
            no_document_reason=self.no_document_reason,
            id=self.id,
        )


@dataclass(frozen=True)
class FamilyView:
    id: str
    event_id: str
    household_id: str | None
    is_kpm: bool
    no_kk: str | None
    head_name: str
    address: str
    kelurahan_code: str
    kelurahan_name: str
    rt: str
    rw: str
    phone: str | None
    damage: str
    needs: str
    no_document_reason: str
    registered_on: date
    registered_by: str
    victims: list[VictimView]
    flagged: bool
    """Any missing document reason on the family or a victim."""

    def to_input(self) -> FamilyInput:
        return FamilyInput(
            head_name=self.head_name,
            kelurahan_code=self.kelurahan_code,
            victims=[v.to_input() for v in self.victims],
            household_id=self.household_id,
            no_kk=self.no_kk,
            address=self.address,
            rt=self.rt,
            rw=self.rw,
            phone=self.phone,
            damage=self.damage,
            needs=self.needs,
            no_document_reason=self.no_document_reason,
            is_kpm=self.is_kpm,
        )


@dataclass(frozen=True)
class FamilyRow:
    """One line of the event's victim list (per family)."""

    id: str
    head_name: str
    no_kk: str | None
    is_kpm: bool
    kelurahan_name: str
    rt: str
    rw: str
    damage: str
    people: int
    displaced: int
    injured: int
    deceased: int
    flagged: bool
