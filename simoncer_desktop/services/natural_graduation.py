"""Quarterly natural graduation (graduasi alamiah): propose, decide row by row, apply once.

A run looks at every live family with status ``aktif`` on the quarter's last day and proposes those
with at least one reason:

- ``meninggal``: the pengurus died on or before the quarter end, or every member who would qualify for
  a PKH component (were they alive) died on or before it (then ``tanpa_komponen`` is not added: the
  deaths are the reason). Deaths come from ``Member.deceased``/``death_date`` (a deceased member
  without a date counts as dead) and from the civil-registration file.
- ``tanpa_komponen``: no living member qualifies for any component at the quarter end
  (``ComponentRules`` in force that day), e.g. children grown out of school age.
- ``pindah``: the civil-registration file says the pengurus, or every living member, moved (PINDAH)
  on or before the quarter end.
- ``mampu``: the latest assessment on or before the quarter end says *mampu* or *mandiri*, or the
  family's desil is above the setting ``pkh_max_desil``.

Nothing on a family changes until ``apply_run``: only approved rows are applied, in the caller's
transaction, and a run is applied at most once. A family proposed in an applied run of the same
quarter is not proposed again.

Scale: the candidates are chosen in SQL (one GROUP BY over the members with the component rules as a
SQL condition, ``ComponentRules.sql_condition``, which is a superset test); only the candidates'
members are read into Python and checked with ``ComponentRules.qualifies``.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from sqlalchemy import Select, case, func, insert, or_, select, update
from sqlalchemy.orm import Session

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import (
    GLOBAL_SCOPE,
    Assessment,
    GraduationDecision,
    Household,
    Member,
    NaturalGraduationProposal,
    NaturalGraduationRun,
)
from simoncer_desktop.models.enums import Component, Education, HouseholdStatus, WelfareClass
from simoncer_desktop.services.components import SCHOOL_COMPONENTS, ComponentRules, age_on
from simoncer_desktop.services.progress import CancelToken, Progress, no_progress
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.services.sheet_reader import SheetFileError, find_header, open_sheet
from simoncer_desktop.services.sheet_values import choice, choice_table, day, identity_number, shown

log = logging.getLogger(__name__)

DIED = "meninggal"
NO_COMPONENT = "tanpa_komponen"
MOVED = "pindah"
WELL_OFF = "mampu"
REASONS = (DIED, NO_COMPONENT, MOVED, WELL_OFF)
REASON_LABELS = {
    DIED: "Pengurus/semua anggota layak meninggal",
    NO_COMPONENT: "Tidak ada komponen PKH lagi",
    MOVED: "Pindah domisili",
    WELL_OFF: "Sudah mampu",
}
APPROVED = "disetujui"
REJECTED = "ditolak"
MAX_DESIL_SETTING = "pkh_max_desil"
WELL_OFF_CLASSES = (WelfareClass.ABLE.value, WelfareClass.SELF_RELIANT.value)
CHUNK = 900
"""Ids per ``IN (...)``: below SQLite's default limit of bound parameters."""

_QUARTER = re.compile(r"^\s*(\d{4})\s*[-/ ]?\s*[Qq]([1-4])\s*$")
_QUARTER_ENDS = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def parse_quarter(text: str) -> tuple[date, date]:
    """``"2026Q3"`` → (1 July 2026, 30 September 2026); ``ValidationError`` in Bahasa otherwise."""
    match = _QUARTER.match(text or "")
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise ValidationError(
            f"Kuartal '{text}' tidak sah: tulis tahun dan nomor kuartal 1–4, mis. 2026Q3", field="quarter"
        )
    year, number = int(match.group(1)), int(match.group(2))
    end_month, end_day = _QUARTER_ENDS[number]
    return date(year, 3 * number - 2, 1), date(year, end_month, end_day)


def quarter_code(text: str) -> str:
    """The canonical spelling (``2026Q3``) of a valid quarter."""
    parse_quarter(text)
    match = _QUARTER.match(text)
    assert match is not None
    return f"{match.group(1)}Q{match.group(2)}"


def _dmy(value: date) -> str:
    return value.strftime("%d-%m-%Y")


# --- the civil-registration file -------------------------------------------------------------------

CIVIL_DIED = "MENINGGAL"
CIVIL_MOVED = "PINDAH"
_CIVIL_HEADERS = {
    "NIK": "NIK",
    "PERISTIWA": "PERISTIWA",
    "EVENT": "PERISTIWA",
    "KEJADIAN": "PERISTIWA",
    "JENISPERISTIWA": "PERISTIWA",
    "JENIS": "PERISTIWA",
    "TANGGAL": "TANGGAL",
    "TGL": "TANGGAL",
    "DATE": "TANGGAL",
    "TANGGALPERISTIWA": "TANGGAL",
    "TGLPERISTIWA": "TANGGAL",
}
_EVENTS = choice_table(
    {CIVIL_DIED: CIVIL_DIED, CIVIL_MOVED: CIVIL_MOVED},
    ("MATI", CIVIL_DIED),
    ("WAFAT", CIVIL_DIED),
    ("KEMATIAN", CIVIL_DIED),
    ("DEATH", CIVIL_DIED),
    ("DIED", CIVIL_DIED),
    ("PINDAH KELUAR", CIVIL_MOVED),
    ("PINDAH DOMISILI", CIVIL_MOVED),
    ("PINDAHAN", CIVIL_MOVED),
    ("MOVED", CIVIL_MOVED),
    ("MOVE", CIVIL_MOVED),
)


def _civil_column(cell: object) -> str | None:
    return _CIVIL_HEADERS.get(re.sub(r"[^A-Z0-9]", "", str(cell).upper()))


@dataclass(frozen=True)
class CivilEvent:
    row: int
    nik: str
    event: str
    """``MENINGGAL`` or ``PINDAH``."""
    on: date


@dataclass
class CivilFile:
    path: Path
    events: list[CivilEvent] = field(default_factory=list)
    bad_rows: list[str] = field(default_factory=list)


def read_civil_file(path: Path) -> CivilFile:
    """The deaths and moves of a civil-registration (dukcapil) file: columns NIK, PERISTIWA, TANGGAL.

    A file that cannot be read or has no such header raises ``SheetFileError``; a row with a bad NIK,
    event or date is listed in ``bad_rows`` (``Baris N: …``) and skipped."""
    sheet = open_sheet(Path(path), "Peristiwa")
    consumed: list = []
    header = find_header(sheet.rows, _civil_column, ("NIK", "PERISTIWA", "TANGGAL"), consumed)
    if header is None:
        raise SheetFileError(
            f"Berkas {Path(path).name}: baris judul kolom NIK, PERISTIWA dan TANGGAL tidak ditemukan "
            "di 10 baris pertama"
        )
    result = CivilFile(Path(path))
    cols = header.columns
    for raw in sheet.rows:
        if raw.is_blank():
            continue

        def cell(key: str, raw=raw) -> object:
            index = cols[key]
            return raw.cells[index] if index < len(raw.cells) else None

        problems: list[str] = []
        nik = identity_number(cell("NIK"), "NIK")
        if nik.problem:
            problems.append(nik.problem)
        elif not nik.value:
            problems.append("NIK kosong")
        elif not (nik.value.isdigit() and len(nik.value) == 16):
            problems.append(f"NIK '{shown(cell('NIK'))}' harus 16 digit")
        event = choice(cell("PERISTIWA"), "PERISTIWA", _EVENTS, "MENINGGAL atau PINDAH")
        if event.problem:
            problems.append(event.problem)
        elif event.value is None:
            problems.append("PERISTIWA kosong (isi MENINGGAL atau PINDAH)")
        when = day(cell("TANGGAL"), "TANGGAL")
        if when.problem:
            problems.append(when.problem)
        elif when.value is None:
            problems.append("TANGGAL kosong")
        if problems:
            result.bad_rows.append(f"Baris {raw.number}: " + "; ".join(problems))
            continue
        assert nik.value and event.value and when.value
        result.events.append(CivilEvent(raw.number, nik.value, event.value, when.value))
    return result


# --- views -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalView:
    id: str
    household_id: str
    no_kk: str
    recipient_name: str | None
    reasons: tuple[str, ...]
    detail: str
    decision: str
    """Empty until decided: ``disetujui`` or ``ditolak``."""

    @property
    def reason_labels(self) -> str:
        return "; ".join(REASON_LABELS.get(r, r) for r in self.reasons)


@dataclass(frozen=True)
class RunView:
    id: str
    quarter: str
    quarter_start: date
    quarter_end: date
    created_on: date
    created_by: str
    applied_on: date | None
    applied_by: str | None
    source_file: str | None
    proposals: list[ProposalView]
    unmatched_niks: list[str]
    bad_rows: list[str]
    examined: int = 0
    """Active families looked at (only known right after ``propose``; 0 when loaded later)."""
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        """Proposals per reason code (a family with two reasons counts under both), in ``REASONS`` order."""
        found = Counter(r for p in self.proposals for r in p.reasons)
        return {r: found[r] for r in REASONS}

    @property
    def decided(self) -> dict[str, int]:
        found = Counter(p.decision for p in self.proposals)
        return {APPROVED: found[APPROVED], REJECTED: found[REJECTED], "": found[""]}


@dataclass(frozen=True)
class ApplyResult:
    run_id: str
    quarter: str
    status_date: date
    graduated: list[ProposalView]
    skipped: list[tuple[ProposalView, str]]
    """Approved rows whose family is no longer active and live (left unchanged), with the reason."""


# --- propose -----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Person:
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
    """What ``ComponentRules.qualifies`` reads; set per question."""


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _candidate_ids(session: Session, rules: ComponentRules, end: date, max_desil: int) -> set[str]:
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


def _latest_assessments(session: Session, ids: Sequence[str], end: date) -> dict[str, tuple[date, str, float]]:
    latest: dict[str, tuple[date, str, float]] = {}
    for part in _chunks(ids):
        rows = session.execute(
            select(Assessment.household_id, Assessment.assessed_on, Assessment.welfare_class, Assessment.score)
            .where(Assessment.household_id.in_(part), Assessment.deleted.is_(False), Assessment.assessed_on <= end)
            .order_by(Assessment.household_id, Assessment.assessed_on, Assessment.created_at)
        )
        for household_id, on, welfare, score in rows:
            latest[household_id] = (on, welfare, score)  # later rows win
    return latest


def _already_applied(session: Session, quarter: str) -> set[str]:
    return set(
        session.scalars(
            select(NaturalGraduationProposal.household_id)
            .join(NaturalGraduationRun, NaturalGraduationRun.id == NaturalGraduationProposal.run_id)
            .where(
                NaturalGraduationRun.quarter == quarter,
                NaturalGraduationRun.applied_on.is_not(None),
                NaturalGraduationRun.deleted.is_(False),
                NaturalGraduationProposal.deleted.is_(False),
            )
        )
    )


def _match_civil(
    session: Session, civil: CivilFile, end: date
) -> tuple[dict[str, date], dict[str, date], set[str], list[str]]:
    """(death date per member id, move date per member id, their families, unmatched NIKs)."""
    by_nik: dict[str, list[CivilEvent]] = defaultdict(list)
    for event in civil.events:
        by_nik[event.nik].append(event)
    niks = list(by_nik)
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for part in _chunks(niks):
        rows = session.execute(
            select(Member.nik, Member.id, Member.household_id)
            .join(Household, Household.id == Member.household_id)
            .where(Member.nik.in_(part), Member.deleted.is_(False), Household.deleted.is_(False))
        )
        for nik, member_id, household_id in rows:
            found[nik].append((member_id, household_id))
    deaths: dict[str, date] = {}
    moves: dict[str, date] = {}
    households: set[str] = set()
    for nik, events in by_nik.items():
        for member_id, household_id in found.get(nik, []):
            for event in events:
                if event.on > end:
                    continue
                target = deaths if event.event == CIVIL_DIED else moves
                target[member_id] = min(event.on, target.get(member_id, event.on))
                households.add(household_id)
    unmatched = [nik for nik in niks if nik not in found]
    return deaths, moves, households, unmatched


def _load_people(session: Session, ids: Sequence[str]) -> dict[str, list[_Person]]:
    people: dict[str, list[_Person]] = defaultdict(list)
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
    for part in _chunks(ids):
        rows = session.execute(
            select(*cols)
            .where(Member.household_id.in_(part), Member.deleted.is_(False))
            .order_by(Member.household_id, Member.birth_date)
        )
        for r in rows:
            died = (r.death_date or date.min) if r.deceased else None
            people[r.household_id].append(
                _Person(
                    r.id, r.household_id, r.nik, r.name, r.birth_date, r.sex, r.education, bool(r.in_school),
                    bool(r.pregnant), bool(r.severe_disability), bool(r.is_recipient), died,
                )
            )  # fmt: skip
    return people


def _died_text(p: _Person) -> str:
    return f"{p.name} meninggal {_dmy(p.died_on)}" if p.died_on and p.died_on != date.min else f"{p.name} meninggal"


def _qualifies(rules: ComponentRules, p: _Person, on: date, dead: bool) -> list[Component]:
    p.deceased = dead
    return rules.qualifies(p, on)


def _aged_out(rules: ComponentRules, p: _Person, start: date, end: date) -> str | None:
    """Why a living member who is (or was) a child in the programme no longer qualifies, or None."""
    age = age_on(p.birth_date, end)
    school = SCHOOL_COMPONENTS.get(Education(p.education)) if p.in_school else None
    if school and age > rules.school_max_age:
        return (
            f"{p.name} ({school.label}) berusia {age} tahun per {_dmy(end)}, "
            f"melewati batas usia sekolah {rules.school_max_age} tahun"
        )
    before = _qualifies(rules, p, start - timedelta(days=1), dead=False)
    now = _qualifies(rules, p, end, dead=False)
    lost = [c for c in before if c not in now]
    if Component.EARLY_CHILD in lost:
        return (
            f"{p.name} ({Component.EARLY_CHILD.label}) berusia {age} tahun per {_dmy(end)}, "
            f"melewati batas {rules.early_child_max_age} tahun dan tidak bersekolah SD/SMP/SMA"
        )
    if lost:
        return f"{p.name} tidak lagi memenuhi syarat {', '.join(c.label for c in lost)} per {_dmy(end)}"
    return None


def _evaluate(
    members: list[_Person],
    rules: ComponentRules,
    start: date,
    end: date,
    desil: int | None,
    max_desil: int,
    assessment: tuple[date, str, float] | None,
) -> tuple[list[str], list[str]]:
    """(reason codes, detail sentences) of one family at the quarter end."""
    reasons: list[str] = []
    details: list[str] = []

    def dead(p: _Person) -> bool:
        return p.died_on is not None and p.died_on <= end

    recipient = next((p for p in members if p.is_recipient), None)
    would = [p for p in members if _qualifies(rules, p, end, dead=False)]
    died: list[str] = []
    if recipient is not None and dead(recipient):
        died.append(f"Pengurus {_died_text(recipient)}")
    all_eligible_dead = bool(would) and all(dead(p) for p in would)
    if all_eligible_dead:
        died.append(
            "semua anggota yang memenuhi syarat komponen telah meninggal: " + ", ".join(_died_text(p) for p in would)
        )
    if died:
        reasons.append(DIED)
        details.append("; ".join(died))
    living = [p for p in members if not dead(p)]
    if not all_eligible_dead and not any(_qualifies(rules, p, end, dead=False) for p in living):
        reasons.append(NO_COMPONENT)
        why = [w for p in living if (w := _aged_out(rules, p, start, end))]
        text = f"Tidak ada anggota hidup yang memenuhi syarat komponen PKH per {_dmy(end)}"
        if not members:
            text = "Keluarga tidak punya anggota"
        details.append(text + (": " + "; ".join(why) if why else ""))
    moved: list[str] = []
    if recipient is not None and recipient.moved_on is not None and not dead(recipient):
        moved.append(f"Pengurus {recipient.name} pindah domisili {_dmy(recipient.moved_on)} (data dukcapil)")
    elif living and all(p.moved_on is not None for p in living):
        moved.append(
            "semua anggota pindah domisili (data dukcapil): "
            + ", ".join(f"{p.name} {_dmy(p.moved_on)}" for p in living if p.moved_on)
        )
    if moved:
        reasons.append(MOVED)
        details.extend(moved)
    well_off: list[str] = []
    if assessment is not None and assessment[1] in WELL_OFF_CLASSES:
        on, welfare, score = assessment
        well_off.append(f"asesmen {_dmy(on)}: kelas {WelfareClass(welfare).label} (skor {score:g})")
    if desil is not None and desil > max_desil:
        well_off.append(f"desil {desil} > batas {max_desil}")
    if well_off:
        reasons.append(WELL_OFF)
        details.append("Sudah mampu: " + "; ".join(well_off))
    return reasons, details


def propose(
    session: Session,
    quarter: str,
    created_by: str,
    civil_file: Path | str | None = None,
    progress: Progress = no_progress,
    token: CancelToken | None = None,
    on: date | None = None,
) -> RunView:
    """Create a run for ``quarter`` with one proposal per active family that has a reason.

    Runs in the caller's transaction and changes no family. A civil file that cannot be read raises
    ``SheetFileError`` before anything is written."""
    started = time.perf_counter()
    code = quarter_code(quarter)
    start, end = parse_quarter(code)
    if not (created_by or "").strip():
        raise ValidationError("Nama pembuat usulan wajib diisi", field="created_by")
    civil = read_civil_file(Path(civil_file)) if civil_file is not None else None
    steps = 5
    progress(0, steps)

    def step(done: int) -> None:
        if token is not None:
            token.raise_if_cancelled()
        progress(done, steps)

    rules = ComponentRules.load(session, end)
    max_desil = int(get_setting(session, MAX_DESIL_SETTING, end))
    candidates = _candidate_ids(session, rules, end, max_desil)
    deaths: dict[str, date] = {}
    moves: dict[str, date] = {}
    unmatched: list[str] = []
    if civil is not None:
        deaths, moves, civil_households, unmatched = _match_civil(session, civil, end)
        candidates |= civil_households
    step(1)
    candidates -= _already_applied(session, code)
    families: dict[str, tuple[str, str, str | None, int | None]] = {}
    for part in _chunks(sorted(candidates)):
        rows = session.execute(
            select(Household.id, Household.scope, Household.no_kk, Household.recipient_name, Household.desil).where(
                Household.id.in_(part),
                Household.deleted.is_(False),
                Household.status == HouseholdStatus.ACTIVE.value,
            )
        )
        for r in rows:
            families[r.id] = (r.scope, r.no_kk, r.recipient_name, r.desil)
    ids = sorted(families)
    step(2)
    people = _load_people(session, ids)
    latest = _latest_assessments(session, ids, end)
    step(3)
    run = NaturalGraduationRun(
        id=uuid7(),
        scope=GLOBAL_SCOPE,
        quarter=code,
        quarter_end=end,
        created_on=on or date.today(),
        created_by=created_by.strip(),
        source_file=str(civil.path) if civil is not None else None,
        unmatched_niks="\n".join([*unmatched, *(civil.bad_rows if civil else [])]),
    )
    session.add(run)
    session.flush()
    rows_out: list[dict[str, object]] = []
    views: list[ProposalView] = []
    for household_id in ids:
        members = people.get(household_id, [])
        for p in members:
            civil_death = deaths.get(p.id)
            if civil_death is not None and (p.died_on is None or civil_death < p.died_on):
                p.died_on = civil_death
            p.moved_on = moves.get(p.id)
        scope, no_kk, recipient_name, desil = families[household_id]
        reasons, details = _evaluate(members, rules, start, end, desil, max_desil, latest.get(household_id))
        if not reasons:
            continue
        proposal_id = uuid7()
        detail = ". ".join(details)
        rows_out.append(
            {
                "id": proposal_id,
                "scope": scope,
                "run_id": run.id,
                "household_id": household_id,
                "reasons": ",".join(reasons),
                "detail": detail,
                "decision": "",
            }
        )
        views.append(ProposalView(proposal_id, household_id, no_kk, recipient_name, tuple(reasons), detail, ""))
    step(4)
    if rows_out:
        session.execute(insert(NaturalGraduationProposal), rows_out)
    step(5)
    seconds = time.perf_counter() - started
    log.info("Natural graduation %s: %d proposals from %d candidates in %.2f s", code, len(views), len(ids), seconds)
    return RunView(
        run.id,
        code,
        start,
        end,
        run.created_on,
        run.created_by,
        None,
        None,
        run.source_file,
        views,
        unmatched,
        list(civil.bad_rows) if civil else [],
        examined=len(ids),
        seconds=seconds,
    )


# --- read back, decide, apply ------------------------------------------------------------------------


def _live_run(session: Session, run_id: str) -> NaturalGraduationRun:
    run = session.get(NaturalGraduationRun, run_id)
    if run is None or run.deleted:
        raise NotFoundError(f"Daftar graduasi alamiah {run_id} tidak ditemukan")
    return run


def _proposal_query(run_id: str) -> Select:
    return (
        select(
            NaturalGraduationProposal.id,
            NaturalGraduationProposal.household_id,
            Household.no_kk,
            Household.recipient_name,
            NaturalGraduationProposal.reasons,
            NaturalGraduationProposal.detail,
            NaturalGraduationProposal.decision,
        )
        .join(Household, Household.id == NaturalGraduationProposal.household_id)
        .where(NaturalGraduationProposal.run_id == run_id, NaturalGraduationProposal.deleted.is_(False))
        .order_by(Household.no_kk)
    )


def _view(row) -> ProposalView:
    return ProposalView(
        row.id,
        row.household_id,
        row.no_kk,
        row.recipient_name,
        tuple(r for r in row.reasons.split(",") if r),
        row.detail,
        row.decision or "",
    )


def get_run(session: Session, run_id: str) -> RunView:
    run = _live_run(session, run_id)
    start, end = parse_quarter(run.quarter)
    lines = [line for line in (run.unmatched_niks or "").splitlines() if line.strip()]
    return RunView(
        run.id,
        run.quarter,
        start,
        end,
        run.created_on,
        run.created_by,
        run.applied_on,
        run.applied_by,
        run.source_file,
        [_view(r) for r in session.execute(_proposal_query(run.id))],
        [line for line in lines if not line.startswith("Baris ")],
        [line for line in lines if line.startswith("Baris ")],
    )


def _refuse_if_applied(run: NaturalGraduationRun) -> None:
    if run.applied_on is not None:
        raise ValidationError(
            f"Daftar graduasi alamiah {run.quarter} sudah diterapkan pada {_dmy(run.applied_on)} "
            f"oleh {run.applied_by}; tidak dapat diubah atau diterapkan dua kali",
            field="run",
        )


def decide(
    session: Session,
    run_id: str,
    proposal_ids: Sequence[str] | Literal["all"],
    decision: str,
    decided_by: str,
    on: date | None = None,
) -> int:
    """Approve (``disetujui``) or reject (``ditolak``) proposals of a run not yet applied; ``"all"`` =
    every proposal of the run. Returns how many rows were decided."""
    if decision not in (APPROVED, REJECTED):
        raise ValidationError(f"Keputusan '{decision}' tidak dikenal (pilih disetujui atau ditolak)", field="decision")
    if not (decided_by or "").strip():
        raise ValidationError("Nama yang memutuskan wajib diisi", field="decided_by")
    run = _live_run(session, run_id)
    _refuse_if_applied(run)
    of_run = (NaturalGraduationProposal.run_id == run.id, NaturalGraduationProposal.deleted.is_(False))
    if proposal_ids == "all":
        target = select(NaturalGraduationProposal.id).where(*of_run)
        ids = list(session.scalars(target))
    else:
        ids = list(dict.fromkeys(proposal_ids))
        known: set[str] = set()
        for part in _chunks(ids):
            known.update(
                session.scalars(
                    select(NaturalGraduationProposal.id).where(*of_run, NaturalGraduationProposal.id.in_(part))
                )
            )
        missing = [i for i in ids if i not in known]
        if missing:
            raise ValidationError(
                f"{len(missing)} usulan bukan bagian dari daftar {run.quarter} ini: {', '.join(missing[:5])}",
                field="proposal_ids",
            )
    when = on or date.today()
    for part in _chunks(ids):
        session.execute(
            update(NaturalGraduationProposal)
            .where(NaturalGraduationProposal.id.in_(part))
            .values(decision=decision, decided_by=decided_by.strip(), decided_on=when)
            .execution_options(synchronize_session=False)
        )
    session.expire_all()
    return len(ids)


def status_reason(reasons: Sequence[str]) -> str:
    """The text stored in ``Household.status_reason`` (≤ 200 characters)."""
    return ("Graduasi alamiah: " + "; ".join(REASON_LABELS.get(r, r) for r in reasons))[:200]


def apply_run(session: Session, run_id: str, applied_by: str, on: date | None = None) -> ApplyResult:
    """Graduate every approved family of the run (status, reason, date = quarter end) and record an
    approved ``GraduationDecision`` per family, in the caller's transaction. Refuses a run already
    applied or one without approved rows; rejected and undecided rows are left alone."""
    if not (applied_by or "").strip():
        raise ValidationError("Nama yang menerapkan wajib diisi", field="applied_by")
    run = _live_run(session, run_id)
    _refuse_if_applied(run)
    when = on or date.today()
    approved = [
        (_view(r), r.scope, r.status, r.deleted, r.decided_by, r.decided_on)
        for r in session.execute(
            _proposal_query(run.id)
            .add_columns(
                Household.scope,
                Household.status,
                Household.deleted,
                NaturalGraduationProposal.decided_by,
                NaturalGraduationProposal.decided_on,
            )
            .where(NaturalGraduationProposal.decision == APPROVED)
        )
    ]
    if not approved:
        raise ValidationError(
            f"Belum ada usulan yang disetujui dalam daftar {run.quarter}; setujui dulu keluarga yang akan digraduasi",
            field="run",
        )
    # Claim the run first: of two concurrent appliers, only one sees a row updated.
    claimed = session.execute(
        update(NaturalGraduationRun)
        .where(NaturalGraduationRun.id == run.id, NaturalGraduationRun.applied_on.is_(None))
        .values(applied_on=when, applied_by=applied_by.strip())
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        session.refresh(run)
        _refuse_if_applied(run)
    graduated: list[ProposalView] = []
    skipped: list[tuple[ProposalView, str]] = []
    household_rows: list[dict[str, object]] = []
    decision_rows: list[dict[str, object]] = []
    for view, scope, status, deleted, decided_by, decided_on in approved:
        if deleted:
            skipped.append((view, "keluarga sudah dihapus"))
            continue
        if status != HouseholdStatus.ACTIVE.value:
            skipped.append((view, f"status keluarga sudah {HouseholdStatus(status).label}"))
            continue
        graduated.append(view)
        household_rows.append(
            {
                "id": view.household_id,
                "status": HouseholdStatus.GRADUATED_NATURAL.value,
                "status_reason": status_reason(view.reasons),
                "status_date": run.quarter_end,
            }
        )
        decision_rows.append(
            {
                "id": uuid7(),
                "scope": scope,
                "household_id": view.household_id,
                "kind": HouseholdStatus.GRADUATED_NATURAL.value,
                "reason": view.detail or status_reason(view.reasons),
                "run_id": run.id,
                "proposed_by": run.created_by,
                "proposed_on": run.created_on,
                "status": APPROVED,
                "decided_by": decided_by or applied_by.strip(),
                "decided_on": decided_on or when,
                "decision_note": f"Graduasi alamiah {run.quarter}",
            }
        )
    if household_rows:
        session.execute(update(Household), household_rows)
        session.execute(insert(GraduationDecision), decision_rows)
    session.expire_all()
    log.info("Natural graduation %s applied: %d families, %d skipped", run.quarter, len(graduated), len(skipped))
    return ApplyResult(run.id, run.quarter, run.quarter_end, graduated, skipped)
