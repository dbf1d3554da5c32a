"""Caseload use cases: create, edit and tombstone families and members.

Each public function is one user action and runs inside the caller's transaction (``db.transaction``):
it validates everything first and raises ``ValidationError`` before writing anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, Message, NotFoundError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import Facilitator, Household, Member, Wilayah
from simoncer_desktop.models.enums import Education, HouseholdStatus, Program, Relationship
from simoncer_desktop.services import acting
from simoncer_desktop.services import components as comp
from simoncer_desktop.services.caseload_validation import Validator
from simoncer_desktop.translation import translate


@dataclass(slots=True)
class MemberInput:
    nik: str
    name: str
    birth_date: date | None
    sex: str
    relation: str = Relationship.CHILD.value
    is_recipient: bool = False
    education: str = Education.NONE.value
    in_school: bool = False
    pregnant: bool = False
    severe_disability: bool = False
    deceased: bool = False
    death_date: date | None = None


@dataclass
class HouseholdInput:
    no_kk: str
    kelurahan_code: str
    address: str = ""
    rt: str = ""
    rw: str = ""
    facilitator_id: str | None = None
    phone: str | None = None
    desil: int | None = None
    desil_date: date | None = None
    status: str = HouseholdStatus.ACTIVE.value
    status_reason: str | None = None
    status_date: date | None = None
    welfare_class: str | None = None
    programs: frozenset[str] = field(default_factory=frozenset)


MEMBER_FIELDS = [f.name for f in fields(MemberInput)]
HOUSEHOLD_FIELDS = [f.name for f in fields(HouseholdInput) if f.name != "programs"]


# --- reads -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberView:
    id: str
    nik: str | None
    name: str
    birth_date: date
    age: int
    sex: str
    relation: str
    is_recipient: bool
    education: str
    in_school: bool
    pregnant: bool
    severe_disability: bool
    deceased: bool
    death_date: date | None
    components: tuple[str, ...]
    """Components this member qualifies for today (labels)."""

    def to_input(self) -> MemberInput:
        return MemberInput(**{name: getattr(self, name) for name in MEMBER_FIELDS})


@dataclass(frozen=True)
class HouseholdDetail:
    id: str
    no_kk: str
    kelurahan_code: str
    kelurahan_name: str
    kecamatan_code: str
    kecamatan_name: str
    address: str
    rt: str
    rw: str
    facilitator_id: str | None
    facilitator_name: str | None
    phone: str | None
    desil: int | None
    desil_date: date | None
    status: str
    status_reason: str | None
    status_date: date | None
    welfare_class: str | None
    programs: frozenset[str]
    members: list[MemberView]
    components: comp.ComponentSummary
    updated_at: object

    @property
    def recipient(self) -> MemberView | None:
        return next((m for m in self.members if m.is_recipient), None)

    def to_input(self) -> HouseholdInput:
        values = {name: getattr(self, name) for name in HOUSEHOLD_FIELDS}
        return HouseholdInput(**values, programs=self.programs)


def _live_household(session: Session, household_id: str) -> Household:
    hh = session.get(Household, household_id)
    if hh is None or hh.deleted:
        raise NotFoundError(translate("caseload", "Keluarga tidak ditemukan (mungkin sudah dihapus)"))
    return hh


def _live_member(session: Session, member_id: str) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.deleted:
        raise NotFoundError(translate("caseload", "Anggota tidak ditemukan (mungkin sudah dihapus)"))
    return member


def get_household(session: Session, household_id: str, on: date | None = None) -> HouseholdDetail:
    """Everything the family dialog shows, with components derived as of ``on`` (default today)."""
    on = on or date.today()
    hh = _live_household(session, household_id)
    members = sorted(
        (m for m in hh.members if not m.deleted),
        key=lambda m: (not m.is_recipient, _RELATION_ORDER.get(m.relation, 99), m.birth_date),
    )
    rules = comp.ComponentRules.load(session, on)
    summary = comp.derive(members, rules, on)
    views = [
        MemberView(
            id=m.id,
            nik=m.nik,
            name=m.name,
            birth_date=m.birth_date,
            age=comp.age_on(m.birth_date, on),
            sex=m.sex,
            relation=m.relation,
            is_recipient=m.is_recipient,
            education=m.education,
            in_school=m.in_school,
            pregnant=m.pregnant,
            severe_disability=m.severe_disability,
            deceased=m.deceased,
            death_date=m.death_date,
            components=tuple(c.label for c in summary.per_member[i].qualifies),
        )
        for i, m in enumerate(members)
    ]
    kel = session.get(Wilayah, hh.kelurahan_code)
    kec = session.get(Wilayah, kel.parent_kode) if kel and kel.parent_kode else None
    fac = session.get(Facilitator, hh.facilitator_id) if hh.facilitator_id else None
    return HouseholdDetail(
        id=hh.id,
        no_kk=hh.no_kk,
        kelurahan_code=hh.kelurahan_code,
        kelurahan_name=kel.nama if kel else hh.kelurahan_code,
        kecamatan_code=kec.kode if kec else hh.scope,
        kecamatan_name=kec.nama if kec else hh.scope,
        address=hh.address,
        rt=hh.rt,
        rw=hh.rw,
        facilitator_id=hh.facilitator_id,
        facilitator_name=fac.name if fac else None,
        phone=hh.phone,
        desil=hh.desil,
        desil_date=hh.desil_date,
        status=hh.status,
        status_reason=hh.status_reason,
        status_date=hh.status_date,
        welfare_class=hh.welfare_class,
        programs=frozenset(p.value for p in Program if getattr(hh, f"prog_{p.value}")),
        members=views,
        components=summary,
        updated_at=hh.updated_at,
    )


_RELATION_ORDER = {r.value: i for i, r in enumerate(Relationship)}


def preview_components(session: Session, members: list[MemberInput], on: date | None = None) -> comp.ComponentSummary:
    """The components a family with these (not yet saved) members would receive on ``on``.

    ``per_member[i]`` belongs to ``members[i]``; a member without a birth date qualifies for nothing.
    """
    on = on or date.today()
    rules = comp.ComponentRules.load(session, on)
    facts = [m if m.birth_date else replace(m, birth_date=on, deceased=True) for m in members]
    return comp.derive(facts, rules, on)


# --- writes ------------------------------------------------------------------------------------


def _apply_household(hh: Household, data: HouseholdInput) -> None:
    hh.no_kk = data.no_kk.strip()
    hh.kelurahan_code = data.kelurahan_code
    hh.scope = data.kelurahan_code.rsplit(".", 1)[0]
    hh.address = data.address.strip()
    hh.rt = data.rt.strip().zfill(3) if data.rt.strip() else ""
    hh.rw = data.rw.strip().zfill(3) if data.rw.strip() else ""
    hh.facilitator_id = data.facilitator_id or None
    hh.phone = data.phone.strip() if data.phone else None
    hh.desil = data.desil
    hh.desil_date = data.desil_date
    hh.status = data.status
    hh.status_reason = data.status_reason
    hh.status_date = data.status_date
    hh.welfare_class = data.welfare_class
    for program in Program:
        setattr(hh, f"prog_{program.value}", program.value in data.programs)


def _apply_member(m: Member, data: MemberInput) -> None:
    m.nik = data.nik.strip()
    m.name = " ".join(data.name.split())
    assert data.birth_date is not None  # validated
    m.birth_date = data.birth_date
    m.sex = data.sex
    m.relation = data.relation
    m.is_recipient = data.is_recipient
    m.education = data.education
    m.in_school = data.in_school
    m.pregnant = data.pregnant
    m.severe_disability = data.severe_disability
    m.deceased = data.deceased
    m.death_date = data.death_date if data.deceased else None


def _clear_other_recipients(session: Session, household_id: str, keep_member_id: str) -> None:
    for other in session.scalars(
        select(Member).where(
            Member.household_id == household_id,
            Member.is_recipient.is_(True),
            Member.deleted.is_(False),
            Member.id != keep_member_id,
        )
    ):
        other.is_recipient = False


def _member_errors_for_batch(members: list[MemberInput]) -> list[FieldError]:
    errors: list[FieldError] = []
    seen: dict[str, int] = {}
    for i, m in enumerate(members, start=1):
        nik = (m.nik or "").strip()
        if nik and nik in seen:
            errors.append(
                FieldError(
                    "nik",
                    Message.translate("caseload", "Anggota {i}: NIK {nik} sama dengan anggota {other}").format(
                        i=i, nik=nik, other=seen[nik]
                    ),
                    row=i,
                )
            )
        seen.setdefault(nik, i)
    if sum(1 for m in members if m.is_recipient) > 1:
        errors.append(
            FieldError(
                "is_recipient",
                Message.translate("caseload", "Pengurus: hanya satu anggota yang boleh menjadi pengurus"),
            )
        )
    return errors


EDIT = "caseload.edit"


def create_household(session: Session, data: HouseholdInput, members: list[MemberInput] | None = None) -> str:
    """A new family with its members; returns its id. Raises ValidationError (nothing written)."""
    acting.require(session, EDIT)
    members = members or []
    check = Validator(session)
    errors = check.household(data)
    for i, m in enumerate(members, start=1):
        errors += [
            FieldError(
                e.field, Message.translate("caseload", "Anggota {i}: {message}").format(i=i, message=e.message), row=i
            )
            for e in check.member(m)
        ]
    errors += _member_errors_for_batch(members)
    if errors:
        raise ValidationError(errors)
    hh = Household(id=uuid7())
    _apply_household(hh, data)
    acting.require(session, EDIT, kecamatan=hh.scope)
    session.add(hh)
    session.flush()
    for m_input in members:
        m = Member(id=uuid7(), household_id=hh.id, scope=hh.scope)
        _apply_member(m, m_input)
        session.add(m)
    session.flush()
    return hh.id


def update_household(session: Session, household_id: str, data: HouseholdInput) -> None:
    hh = _live_household(session, household_id)
    acting.require(session, EDIT, kecamatan=hh.scope)
    errors = Validator(session).household(data, household_id)
    if errors:
        raise ValidationError(errors)
    old_scope = hh.scope
    acting.require(session, EDIT, kecamatan=data.kelurahan_code.rsplit(".", 1)[0])  # moving it there, too
    _apply_household(hh, data)
    if hh.scope != old_scope:
        for m in hh.members:
            m.scope = hh.scope
    session.flush()


def delete_household(session: Session, household_id: str) -> None:
    """Tombstone the family and its members (synced rows are never physically deleted)."""
    hh = _live_household(session, household_id)
    acting.require(session, EDIT, kecamatan=hh.scope)
    for m in hh.members:
        m.deleted = True
    hh.deleted = True
    session.flush()


def add_member(session: Session, household_id: str, data: MemberInput) -> str:
    hh = _live_household(session, household_id)
    acting.require(session, EDIT, kecamatan=hh.scope)
    errors = Validator(session).member(data, household_id=household_id)
    if errors:
        raise ValidationError(errors)
    m = Member(id=uuid7(), household_id=hh.id, scope=hh.scope)
    _apply_member(m, data)
    session.add(m)
    session.flush()
    if m.is_recipient:
        _clear_other_recipients(session, hh.id, m.id)
    session.flush()
    return m.id


def update_member(session: Session, member_id: str, data: MemberInput) -> None:
    m = _live_member(session, member_id)
    acting.require(session, EDIT, kecamatan=m.scope)
    errors = Validator(session).member(data, household_id=m.household_id, member_id=m.id)
    if errors:
        raise ValidationError(errors)
    _apply_member(m, data)
    if m.is_recipient:
        _clear_other_recipients(session, m.household_id, m.id)
    session.flush()


def delete_member(session: Session, member_id: str) -> None:
    m = _live_member(session, member_id)
    acting.require(session, EDIT, kecamatan=m.scope)
    m.deleted = True
    m.is_recipient = False
    session.flush()
