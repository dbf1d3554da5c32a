"""Natural graduation: what the *Graduasi alamiah* tab needs besides ``propose``/``decide``/``apply_run``:
the quarters to offer, the latest run of a quarter, and a run with the kecamatan of each family.
Plain data, no Qt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from simoncer_desktop.models import Household, NaturalGraduationRun
from simoncer_desktop.models.reference import Wilayah
from simoncer_desktop.services.natural_graduation_quarter import chunks
from simoncer_desktop.services.natural_graduation_runs import RunView, get_run


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def last_finished_quarter(today: date) -> str:
    """The last quarter that ended before ``today`` (``2026Q3`` on 25-11-2026)."""
    year, number = _quarter_of(today)
    year, number = (year - 1, 4) if number == 1 else (year, number - 1)
    return f"{year}Q{number}"


def recent_quarters(today: date, count: int = 8) -> list[str]:
    """The running quarter and the ``count - 1`` before it, newest first."""
    year, number = _quarter_of(today)
    out: list[str] = []
    for _ in range(count):
        out.append(f"{year}Q{number}")
        year, number = (year - 1, 4) if number == 1 else (year, number - 1)
    return out


def latest_run_id(session: Session, quarter: str) -> str | None:
    """The newest live run of ``quarter`` (ids are time-ordered), or None."""
    return session.scalars(
        select(NaturalGraduationRun.id)
        .where(NaturalGraduationRun.quarter == quarter, NaturalGraduationRun.deleted.is_(False))
        .order_by(NaturalGraduationRun.created_on.desc(), NaturalGraduationRun.id.desc())
        .limit(1)
    ).first()


def kecamatan_names(session: Session, household_ids: Sequence[str]) -> dict[str, str]:
    """The kecamatan name of each family (its code when the region list lacks it)."""
    kel = aliased(Wilayah)
    kec = aliased(Wilayah)
    out: dict[str, str] = {}
    ids = sorted(set(household_ids))
    for part in chunks(ids):
        rows = session.execute(
            select(Household.id, Household.scope, kec.nama)
            .outerjoin(kel, kel.kode == Household.kelurahan_code)
            .outerjoin(kec, kec.kode == kel.parent_kode)
            .where(Household.id.in_(part))
        )
        for household_id, scope, name in rows:
            out[household_id] = name or scope
    return out


@dataclass(frozen=True)
class RunWithPlaces:
    run: RunView
    kecamatan: dict[str, str]
    """Kecamatan name per household id."""


def with_places(session: Session, run: RunView) -> RunWithPlaces:
    return RunWithPlaces(run, kecamatan_names(session, [p.household_id for p in run.proposals]))


def load_run(session: Session, run_id: str) -> RunWithPlaces:
    return with_places(session, get_run(session, run_id))


def load_latest_run(session: Session, quarter: str) -> RunWithPlaces | None:
    run_id = latest_run_id(session, quarter)
    return None if run_id is None else load_run(session, run_id)
