"""Natural graduation: the reasons a family is proposed, decided at the quarter end.

The candidates are chosen in SQL (a superset, ``candidate_ids``); only their members are read into
Python (``load_people``) and checked rule by rule with ``ComponentRules.qualifies`` (``evaluate``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from simoncer_desktop.models import Assessment, Household, Member
from simoncer_desktop.models.enums import Component, Education, HouseholdStatus, WelfareClass
from simoncer_desktop.services.components import SCHOOL_COMPONENTS, ComponentRules, age_on
from simoncer_desktop.services.natural_graduation_quarter import chunks, dmy
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate, untranslated

DIED = "meninggal"
NO_COMPONENT = "tanpa_komponen"
MOVED = "pindah"
WELL_OFF = "mampu"
REASONS = (DIED, NO_COMPONENT, MOVED, WELL_OFF)
REASON_LABELS = {
    DIED: QT_TRANSLATE_NOOP("natural_graduation", "Pengurus/semua anggota layak meninggal"),
    NO_COMPONENT: QT_TRANSLATE_NOOP("natural_graduation", "Tidak ada komponen PKH lagi"),
    MOVED: QT_TRANSLATE_NOOP("natural_graduation", "Pindah domisili"),
    WELL_OFF: QT_TRANSLATE_NOOP("natural_graduation", "Sudah mampu"),
}
"""The reasons in Bahasa: data (``Household.status_reason`` stores them); shown through ``reason_label``."""
MAX_DESIL_SETTING = "pkh_max_desil"
WELL_OFF_CLASSES = (WelfareClass.ABLE.value, WelfareClass.SELF_RELIANT.value)


def reason_label(code: str) -> str:
    """One reason in the screen language (an unknown code as itself)."""
    label = REASON_LABELS.get(code)
    return translate("natural_graduation", label) if label else code


def reason_labels(reasons: Sequence[str]) -> str:
    """The reasons in words, ``; ``-separated (an unknown code as itself), in the screen language: Bahasa
    inside ``untranslated()`` (``status_reason`` stores it that way)."""
    return "; ".join(reason_label(r) for r in reasons)


@dataclass(slots=True)
class Person:
    id: str
    household_id: str
    nik: str | None
    name: str
    birth_date: date
    sex: str
    education: str
    in_school: bool
    pregnant: bool
    severe_disability: bool
    is_recipient: bool
    died_on: date | None
    """The earliest known death date, ``date.min`` for a deceased member without one."""
    moved_on: date | None = None
    deceased: bool = False
    """What ``ComponentRules.qualifies`` reads: always False, as every question here is whether the member
    would qualify were they alive (deaths are compared with the quarter end separately)."""


def candidate_ids(session: Session, rules: ComponentRules, end: date, max_desil: int) -> set[str]:
    """A superset of the active families that may have a reason (checked in Python afterwards)."""
    eligible = or_(*(rules.sql_condition(c, end) for c in Component))
    recipient_dead = (Member.is_recipient.is_(True)) & (Member.deceased.is_(True))
    grouped = (
        select(Member.household_id)
        .where(Member.deleted.is_(False))
        .group_by(Member.household_id)
        .having(
            or_(
                func.max(case((eligible, 1), else_=0)) == 0,
                func.max(case((recipient_dead, 1), else_=0)) == 1,
            )
        )
    )
    ids = set(session.scalars(grouped))
    no_members = select(Household.id).where(
        Household.status == HouseholdStatus.ACTIVE.value,
        ~select(Member.id).where(Member.household_id == Household.id, Member.deleted.is_(False)).exists(),
    )
    ids.update(session.scalars(no_members))
    ids.update(session.scalars(select(Household.id).where(Household.desil > max_desil)))
    ids.update(
        session.scalars(
            select(Assessment.household_id)
            .where(Assessment.deleted.is_(False), Assessment.assessed_on <= end)
            .distinct()
        )
    )
    return ids


def latest_assessments(session: Session, ids: Sequence[str], end: date) -> dict[str, tuple[date, str, float]]:
    latest: dict[str, tuple[date, str, float]] = {}
    for part in chunks(ids):
        rows = session.execute(
            select(Assessment.household_id, Assessment.assessed_on, Assessment.welfare_class, Assessment.score)
            .where(Assessment.household_id.in_(part), Assessment.deleted.is_(False), Assessment.assessed_on <= end)
            .order_by(Assessment.household_id, Assessment.assessed_on, Assessment.created_at)
        )
        for household_id, on, welfare, score in rows:
            latest[household_id] = (on, welfare, score)  # later rows win
    return latest


def load_people(session: Session, ids: Sequence[str]) -> dict[str, list[Person]]:
    people: dict[str, list[Person]] = defaultdict(list)
    cols = (
        Member.id,
        Member.household_id,
        Member.nik,
        Member.name,
        Member.birth_date,
        Member.sex,
        Member.education,
        Member.in_school,
        Member.pregnant,
        Member.severe_disability,
        Member.is_recipient,
        Member.deceased,
        Member.death_date,
    )
    for part in chunks(ids):
        rows = session.execute(
            select(*cols)
            .where(Member.household_id.in_(part), Member.deleted.is_(False))
            .order_by(Member.household_id, Member.birth_date)
        )
        for r in rows:
            died = (r.death_date or date.min) if r.deceased else None
            people[r.household_id].append(
                Person(
                    r.id, r.household_id, r.nik, r.name, r.birth_date, r.sex, r.education, bool(r.in_school),
                    bool(r.pregnant), bool(r.severe_disability), bool(r.is_recipient), died,
                )
            )  # fmt: skip
    return people


def died_text(p: Person) -> str:
    return f"{p.name} meninggal {dmy(p.died_on)}" if p.died_on and p.died_on != date.min else f"{p.name} meninggal"


def aged_out(rules: ComponentRules, p: Person, start: date, end: date) -> str | None:
    """Why a living member who is (or was) a child in the programme no longer qualifies, or None."""
    age = age_on(p.birth_date, end)
    school = SCHOOL_COMPONENTS.get(Education(p.education)) if p.in_school else None
    if school and age > rules.school_max_age:
        return (
            f"{p.name} ({school.label}) berusia {age} tahun per {dmy(end)}, "
            f"melewati batas usia sekolah {rules.school_max_age} tahun"
        )
    before = rules.qualifies(p, start - timedelta(days=1))
    now = rules.qualifies(p, end)
    lost = [c for c in before if c not in now]
    if Component.EARLY_CHILD in lost:
        return (
            f"{p.name} ({Component.EARLY_CHILD.label}) berusia {age} tahun per {dmy(end)}, "
            f"melewati batas {rules.early_child_max_age} tahun dan tidak bersekolah SD/SMP/SMA"
        )
    if lost:
        return f"{p.name} tidak lagi memenuhi syarat {', '.join(c.label for c in lost)} per {dmy(end)}"
    return None


def evaluate(
    members: list[Person],
    rules: ComponentRules,
    start: date,
    end: date,
    desil: int | None,
    max_desil: int,
    assessment: tuple[date, str, float] | None,
) -> tuple[list[str], list[str]]:
    """(reason codes, detail sentences) of one family at the quarter end. The sentences are stored with the
    proposal (``NaturalGraduationProposal.detail``) and go into the graduation decision: Bahasa, whatever
    the screen language."""
    with untranslated():
        return _evaluate(members, rules, start, end, desil, max_desil, assessment)


def _evaluate(
    members: list[Person],
    rules: ComponentRules,
    start: date,
    end: date,
    desil: int | None,
    max_desil: int,
    assessment: tuple[date, str, float] | None,
) -> tuple[list[str], list[str]]:
    reasons: list[str] = []
    details: list[str] = []

    def dead(p: Person) -> bool:
        return p.died_on is not None and p.died_on <= end

    recipient = next((p for p in members if p.is_recipient), None)
    would = [p for p in members if rules.qualifies(p, end)]
    died: list[str] = []
    if recipient is not None and dead(recipient):
        died.append(f"Pengurus {died_text(recipient)}")
    all_eligible_dead = bool(would) and all(dead(p) for p in would)
    if all_eligible_dead:
        died.append(
            "semua anggota yang memenuhi syarat komponen telah meninggal: " + ", ".join(died_text(p) for p in would)
        )
    if died:
        reasons.append(DIED)
        details.append("; ".join(died))
    living = [p for p in members if not dead(p)]
    # The living who qualify are those of ``would`` not dead: none of them means ``would`` is empty, or
    # all of it dead (then the deaths are the reason).
    if not would:
        reasons.append(NO_COMPONENT)
        why = [w for p in living if (w := aged_out(rules, p, start, end))]
        text = f"Tidak ada anggota hidup yang memenuhi syarat komponen PKH per {dmy(end)}"
        if not members:
            text = "Keluarga tidak punya anggota"
        details.append(text + (": " + "; ".join(why) if why else ""))
    moved: list[str] = []
    if recipient is not None and recipient.moved_on is not None and not dead(recipient):
        moved.append(f"Pengurus {recipient.name} pindah domisili {dmy(recipient.moved_on)} (data dukcapil)")
    elif living and all(p.moved_on is not None for p in living):
        moved.append(
            "semua anggota pindah domisili (data dukcapil): "
            + ", ".join(f"{p.name} {dmy(p.moved_on)}" for p in living if p.moved_on)
        )
    if moved:
        reasons.append(MOVED)
        details.extend(moved)
    well_off: list[str] = []
    if assessment is not None and assessment[1] in WELL_OFF_CLASSES:
        on, welfare, score = assessment
        well_off.append(f"asesmen {dmy(on)}: kelas {WelfareClass(welfare).label} (skor {score:g})")
    if desil is not None and desil > max_desil:
        well_off.append(f"desil {desil} > batas {max_desil}")
    if well_off:
        reasons.append(WELL_OFF)
        details.append("Sudah mampu: " + "; ".join(well_off))
    return reasons, details
