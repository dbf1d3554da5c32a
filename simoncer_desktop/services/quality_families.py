"""*Kualitas Data*: facts about members and families that contradict each other or the rules — in one
pass over the suspicious members: the NIK (``quality_identity``), SD school at an implausible age, an
impossible birth date, a pregnant man, a deceased pengurus; in one pass over the families: no pengurus,
more than one, and an active family in which no one qualifies for a PKH component today.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select, union_all

from simoncer_desktop.models import Household, Member
from simoncer_desktop.models.enums import Component, Education, HouseholdStatus, Sex
from simoncer_desktop.services.components import ComponentRules, age_on, years_before
from simoncer_desktop.services.quality_findings import MAX_AGE, SD_MAX_PLAUSIBLE_AGE, Kind
from simoncer_desktop.services.quality_identity import nik_problem, nik_suspect
from simoncer_desktop.services.quality_run import MEMBER_WITH_FAMILY, CheckRun, Family, day, live_members, no_index
from simoncer_desktop.translation import translate


def member_rows(run: CheckRun) -> None:
    on = run.on
    flags: dict[str, ColumnElement[bool]] = {
        "nik_suspect": nik_suspect(),
        "sd_over_age": and_(
            Member.in_school.is_(True),
            Member.education == Education.SD.value,
            Member.deceased.is_(False),
            Member.birth_date <= years_before(on, SD_MAX_PLAUSIBLE_AGE + 1),
        ),
        "odd_birth_date": or_(Member.birth_date > on, Member.birth_date <= years_before(on, MAX_AGE + 1)),
        "pregnant_male": and_(Member.pregnant.is_(True), Member.sex != Sex.FEMALE.value),
        "dead_recipient": and_(Member.is_recipient.is_(True), Member.deceased.is_(True)),
    }
    stmt = live_members(
        *MEMBER_WITH_FAMILY,
        Member.sex,
        Member.death_date,
        *(case((condition, 1), else_=0).label(name) for name, condition in flags.items()),
    ).where(or_(*flags.values()))
    for r in run.rows(stmt):
        if r.nik_suspect:
            problem = nik_problem(run, r.nik, r.sex, r.birth_date)
            if problem is not None:
                run.add_member(problem[0], r, problem[1])
        if r.sd_over_age:
            age = age_on(r.birth_date, on)
            text = translate("quality", "Umur {age} tahun (lahir {born}), tercatat masih sekolah di jenjang SD")
            run.add_member(Kind.SD_OVER_AGE, r, text.format(age=age, born=day(r.birth_date)))
        if r.odd_birth_date:
            if r.birth_date > on:
                text = translate("quality", "Tanggal lahir {born} ada di masa depan").format(born=day(r.birth_date))
            else:
                text = translate("quality", "Tanggal lahir {born}: umur {age} tahun").format(
                    born=day(r.birth_date), age=age_on(r.birth_date, on)
                )
            run.add_member(Kind.BIRTH_DATE, r, text)
        if r.pregnant_male:
            run.add_member(Kind.PREGNANT_MALE, r, translate("quality", "Ditandai hamil/nifas, tetapi laki-laki"))
        if r.dead_recipient:
            if r.death_date:
                text = translate("quality", "Pengurus {name} tercatat meninggal pada {died}; tandai pengurus pengganti")
            else:
                text = translate("quality", "Pengurus {name} tercatat meninggal; tandai pengurus pengganti")
            run.add_member(Kind.RECIPIENT_DECEASED, r, text.format(name=r.name, died=day(r.death_date)))


def family_roles(run: CheckRun) -> None:
    """Per live family in one pass over its members: how many pengurus, and whether anyone qualifies
    for a PKH component today (``ComponentRules.sql_condition``, the rule the forms show)."""
    on = run.on
    rules = ComponentRules.load(run.session, on)
    eligible = or_(*(rules.sql_condition(component, on) for component in Component))
    recipient = Member.is_recipient.is_(True)
    recipients = func.sum(case((recipient, 1), else_=0))
    anyone_eligible = func.max(case((eligible, 1), else_=0))
    per_family = (  # only the families with a problem leave the GROUP BY
        select(
            Member.household_id.label("household_id"),
            func.count().label("members"),
            recipients.label("recipients"),
            anyone_eligible.label("eligible"),
            func.group_concat(case((recipient, Member.name)), ", ").label("recipient_names"),
        )
        .where(Member.deleted.is_(False))
        .group_by(Member.household_id)
        .having(or_(recipients != 1, anyone_eligible == 0))
        .subquery()
    )
    with_members = select(
        Household.id,
        Household.no_kk,
        Household.recipient_name,
        Household.status,
        per_family.c.members,
        per_family.c.recipients,
        per_family.c.eligible,
        per_family.c.recipient_names,
    ).join(per_family, Household.id == per_family.c.household_id)
    without_members = select(
        Household.id,
        Household.no_kk,
        Household.recipient_name,
        Household.status,
        literal(0).label("members"),
        literal(0).label("recipients"),
        literal(0).label("eligible"),
        literal(None).label("recipient_names"),
    ).where(~select(Member.id).where(Member.household_id == Household.id, Member.deleted.is_(False)).exists())
    stmt = union_all(
        with_members.where(no_index(Household.deleted) == 0),
        without_members.where(no_index(Household.deleted) == 0),
    )
    for r in run.rows(stmt):
        family = Family(r.no_kk, r.recipient_name)
        if r.members == 0:
            run.add(Kind.NO_RECIPIENT, r.id, family, translate("quality", "Keluarga tidak punya anggota"))
        elif r.recipients == 0:
            text = translate("quality", "Tidak ada pengurus di antara {members} anggota")
            run.add(Kind.NO_RECIPIENT, r.id, family, text.format(members=r.members))
        elif r.recipients > 1:
            text = translate("quality", "{recipients} anggota ditandai pengurus: {names}")
            run.add(Kind.MANY_RECIPIENTS, r.id, family, text.format(recipients=r.recipients, names=r.recipient_names))
        if r.status == HouseholdStatus.ACTIVE.value and not r.eligible:
            text = translate(
                "quality",
                "Status aktif, tetapi tidak satu pun dari {members} anggota memenuhi syarat komponen PKH per {on}",
            )
            run.add(Kind.NO_COMPONENT, r.id, family, text.format(members=r.members, on=day(on)))
