"""Victims of a disaster event: register affected families (from the caseload or typed in) and list them.

Rules (checks in ``relief_victim_rules``):
- the event is open; a family has at least one victim and is registered on a day from the event's
  day up to today;
- a NIK / No. KK is checked offline (``services.identity``) unless it is left empty *with* a reason
  (documents lost); such a family is *flagged* for follow-up;
- one person (NIK or caseload member) and one caseload family (or No. KK) is registered once per
  event; a refusal names the family that has it;
- a deceased victim has an heir (ahli waris) who will receive the compensation.

``update_family`` matches victims by ``VictimInput.id``: inputs with an id update that victim, inputs
without one are added, and the family's victims not named are tombstoned (refused when they already
received aid). A person removed and added again revives the tombstoned row, because the event's
unique keys (NIK, member) also cover tombstones.

Each public function is one user action inside the caller's transaction; it validates first and raises
``ValidationError`` before writing anything.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Integer, case, cast, func, or_, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, NotFoundError, ValidationError
from simoncer_desktop.models import AffectedFamily, DisasterEvent, Distribution, Household, Victim, Wilayah
from simoncer_desktop.models.enums import HouseholdStatus, Relationship
from simoncer_desktop.services import acting
from simoncer_desktop.services.components import age_on
from simoncer_desktop.services.relief_events import require_open_event
from simoncer_desktop.services.relief_victim_lookup import PersonMatch, lookup_hint, lookup_people
from simoncer_desktop.services.relief_victim_rules import FamilyRules
from simoncer_desktop.services.relief_victim_types import FamilyInput, FamilyRow, FamilyView, VictimInput, VictimView
from simoncer_desktop.translation import translate

__all__ = [
    "FamilyInput",
    "FamilyRow",
    "FamilyView",
    "PersonMatch",
    "VictimInput",
    "VictimView",
    "family_from_caseload",
    "family_rows",
    "flagged_families",
    "get_family",
    "lookup_hint",
    "lookup_people",
    "register_family",
    "update_family",
]


# --- from the caseload --------------------------------------------------------------------------


def family_from_caseload(session: Session, household_id: str) -> FamilyInput:
    """A caseload family as a registration form: its living members become the victims (nothing
    happened to them yet), the head of the family (else the PKH recipient) is the head."""
    household = session.get(Household, household_id)
    if household is None or household.deleted:
        raise NotFoundError(translate("relief", "Keluarga tidak ditemukan (mungkin sudah dihapus)"))
    members = [m for m in household.members if not m.deleted and not m.deceased]
    order = {r.value: i for i, r in enumerate(Relationship)}
    members.sort(key=lambda m: (order.get(m.relation, len(order)), m.birth_date))
    head = next((m for m in members if m.relation == Relationship.HEAD), None)
    head_name = head.name if head else (household.recipient_name or (members[0].name if members else ""))
    victims = [
        VictimInput(name=m.name, sex=m.sex, nik=m.nik, birth_date=m.birth_date, relation=m.relation, member_id=m.id)
        for m in members
    ]
    return FamilyInput(
        head_name=head_name,
        kelurahan_code=household.kelurahan_code,
        victims=victims,
        household_id=household.id,
        no_kk=household.no_kk,
        address=household.address,
        rt=household.rt,
        rw=household.rw,
        phone=household.phone,
        is_kpm=household.status == HouseholdStatus.ACTIVE,
    )


# --- writes -------------------------------------------------------------------------------------


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _apply_family(family: AffectedFamily, data: FamilyInput) -> None:
    family.household_id = data.household_id or None
    family.no_kk = _clean(data.no_kk)
    family.head_name = data.head_name.strip()
    family.address = data.address.strip()
    family.kelurahan_code = data.kelurahan_code
    family.rt = data.rt.strip()
    family.rw = data.rw.strip()
    family.phone = _clean(data.phone)
    family.damage = data.damage
    family.needs = data.needs.strip()
    family.no_document_reason = data.no_document_reason.strip()


def _apply_victim(victim: Victim, data: VictimInput) -> None:
    victim.member_id = data.member_id or None
    victim.nik = _clean(data.nik)
    victim.name = data.name.strip()
    victim.birth_date = data.birth_date
    victim.sex = data.sex
    victim.relation = data.relation
    victim.displaced = data.displaced
    victim.injury = data.injury
    victim.deceased = data.deceased
    victim.heir_name = data.heir_name.strip() if data.deceased else ""
    victim.heir_nik = _clean(data.heir_nik) if data.deceased else None
    victim.heir_relation = data.heir_relation.strip() if data.deceased else ""
    victim.no_document_reason = data.no_document_reason.strip()
    victim.deleted = False


def _new_victim(session: Session, family: AffectedFamily, data: VictimInput) -> None:
    """Add a victim, reviving the tombstone that holds the same NIK or member in this event."""
    nik, member = _clean(data.nik), data.member_id or None
    conditions = [
        c for c in (Victim.nik == nik if nik else None, Victim.member_id == member if member else None) if c is not None
    ]
    victim = None
    if conditions:
        victim = session.scalar(
            select(Victim)
            .where(Victim.event_id == family.event_id, Victim.deleted.is_(True), or_(*conditions))
            .limit(1)
        )
    if victim is None:
        victim = Victim(event_id=family.event_id)
        session.add(victim)
    victim.family_id = family.id
    victim.scope = family.scope
    _apply_victim(victim, data)


def register_family(session: Session, event_id: str, data: FamilyInput, actor: str, on: date | None = None) -> str:
    """Register an affected family with its victims on ``on`` (default today)."""
    event = require_open_event(session, event_id)
    acting.require(session, "relief.register", kecamatan=event.scope)
    on = on or date.today()
    errors = FamilyRules(session, event).check(data, on)
    if errors:
        raise ValidationError(errors)
    family = AffectedFamily(scope=event.scope, event_id=event.id, registered_on=on, registered_by=actor.strip() or "-")
    _apply_family(family, data)
    session.add(family)
    session.flush()
    for victim in data.victims:
        # One flush per victim: a revived tombstone must release its NIK before the next insert.
        _new_victim(session, family, victim)
        session.flush()
    return family.id


def _live_family(session: Session, family_id: str) -> AffectedFamily:
    family = session.get(AffectedFamily, family_id)
    if family is None or family.deleted:
        raise NotFoundError(translate("relief", "Keluarga terdampak tidak ditemukan (mungkin sudah dihapus)"))
    return family


def update_family(session: Session, family_id: str, data: FamilyInput) -> None:
    """Change a registered family and its victims (see the module docstring for how victims match)."""
    family = _live_family(session, family_id)
    acting.require(session, "relief.register", kecamatan=family.scope)
    event = require_open_event(session, family.event_id)
    current = {
        v.id: v for v in session.scalars(select(Victim).where(Victim.family_id == family_id, Victim.deleted.is_(False)))
    }
    errors = FamilyRules(session, event, family_id).check(data)
    for row, victim in enumerate(data.victims, start=1):
        if victim.id and victim.id not in current:
            message = translate("relief", "Korban {row}: bukan korban dari keluarga ini").format(row=row)
            errors.append(FieldError("id", message, row))
    removed = [v for vid, v in current.items() if vid not in {x.id for x in data.victims}]
    if removed:
        served = set(
            session.scalars(
                select(Distribution.victim_id).where(
                    Distribution.victim_id.in_([v.id for v in removed]), Distribution.deleted.is_(False)
                )
            )
        )
        for v in removed:
            if v.id in served:
                message = translate("relief", "Korban {name} sudah menerima penyaluran; tidak dapat dihapus")
                errors.append(FieldError("victims", message.format(name=v.name)))
    if errors:
        raise ValidationError(errors)
    _apply_family(family, data)
    for v in removed:
        v.deleted = True
    session.flush()
    for victim in data.victims:
        if victim.id:
            _apply_victim(current[victim.id], victim)
        else:
            _new_victim(session, family, victim)
        session.flush()


# --- reads --------------------------------------------------------------------------------------


def get_family(session: Session, family_id: str) -> FamilyView:
    family = _live_family(session, family_id)
    event = session.get(DisasterEvent, family.event_id)
    kelurahan = session.get(Wilayah, family.kelurahan_code)
    status = (
        session.scalar(select(Household.status).where(Household.id == family.household_id))
        if family.household_id
        else None
    )
    victims = session.scalars(
        select(Victim)
        .where(Victim.family_id == family_id, Victim.deleted.is_(False))
        .order_by(Victim.created_at, Victim.id)
    )
    on = event.occurred_at.date() if event else date.today()
    views = [
        VictimView(
            id=v.id,
            family_id=v.family_id,
            nik=v.nik,
            name=v.name,
            sex=v.sex,
            birth_date=v.birth_date,
            age=age_on(v.birth_date, on) if v.birth_date else None,
            relation=v.relation,
            displaced=v.displaced,
            injury=v.injury,
            deceased=v.deceased,
            heir_name=v.heir_name,
            heir_nik=v.heir_nik,
            heir_relation=v.heir_relation,
            no_document_reason=v.no_document_reason,
            member_id=v.member_id,
        )
        for v in victims
    ]
    return FamilyView(
        id=family.id,
        event_id=family.event_id,
        household_id=family.household_id,
        is_kpm=status == HouseholdStatus.ACTIVE,
        no_kk=family.no_kk,
        head_name=family.head_name,
        address=family.address,
        kelurahan_code=family.kelurahan_code,
        kelurahan_name=kelurahan.nama if kelurahan else family.kelurahan_code,
        rt=family.rt,
        rw=family.rw,
        phone=family.phone,
        damage=family.damage,
        needs=family.needs,
        no_document_reason=family.no_document_reason,
        registered_on=family.registered_on,
        registered_by=family.registered_by,
        victims=views,
        flagged=bool(family.no_document_reason) or any(v.no_document_reason for v in views),
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def family_rows(session: Session, event_id: str, text: str = "", *, only_flagged: bool = False) -> list[FamilyRow]:
    """The event's families by head name; ``text`` matches the head's or a victim's name (part of it),
    or the start of a No. KK / NIK. The event's index (event_id, deleted) bounds every scan."""
    counts = (
        select(
            Victim.family_id.label("family_id"),
            func.count().label("people"),
            func.sum(cast(Victim.displaced, Integer)).label("displaced"),
            func.sum(case((Victim.injury != "tidak", 1), else_=0)).label("injured"),
            func.sum(cast(Victim.deceased, Integer)).label("deceased"),
            func.sum(case((Victim.no_document_reason != "", 1), else_=0)).label("undocumented"),
        )
        .where(Victim.event_id == event_id, Victim.deleted.is_(False))
        .group_by(Victim.family_id)
        .subquery()
    )
    f = AffectedFamily
    flagged = (f.no_document_reason != "") | (func.coalesce(counts.c.undocumented, 0) > 0)
    stmt = (
        select(f, Wilayah.nama, Household.status, counts, flagged.label("flagged"))
        .join(Wilayah, Wilayah.kode == f.kelurahan_code)
        .outerjoin(Household, Household.id == f.household_id)
        .outerjoin(counts, counts.c.family_id == f.id)
        .where(f.event_id == event_id, f.deleted.is_(False))
        .order_by(f.head_name, f.id)
    )
    if only_flagged:
        stmt = stmt.where(flagged)
    needle = text.strip()
    if needle:
        by_victim = select(Victim.family_id).where(Victim.event_id == event_id, Victim.deleted.is_(False))
        digits = needle.replace(" ", "")
        if digits.isdigit():
            stmt = stmt.where(f.no_kk.startswith(digits) | f.id.in_(by_victim.where(Victim.nik.startswith(digits))))
        else:
            pattern = _like(needle)
            stmt = stmt.where(
                f.head_name.ilike(pattern, escape="\\")
                | f.id.in_(by_victim.where(Victim.name.ilike(pattern, escape="\\")))
            )
    rows = []
    for r in session.execute(stmt):
        family: AffectedFamily = r[0]
        rows.append(
            FamilyRow(
                id=family.id,
                head_name=family.head_name,
                no_kk=family.no_kk,
                is_kpm=r.status == HouseholdStatus.ACTIVE,
                kelurahan_name=r.nama,
                rt=family.rt,
                rw=family.rw,
                damage=family.damage,
                people=r.people or 0,
                displaced=r.displaced or 0,
                injured=r.injured or 0,
                deceased=r.deceased or 0,
                flagged=bool(r.flagged),
            )
        )
    return rows


def flagged_families(session: Session, event_id: str) -> list[FamilyRow]:
    """Families with a missing document (No. KK or a victim's NIK) to follow up."""
    return family_rows(session, event_id, only_flagged=True)
