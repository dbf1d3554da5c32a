"""The Wali Kota recap's programme figures: per cohort, enrolled, open per current stage, completed and
withdrawn (today's state). Open enrollments are counted by ``graduation_targets.open_enrollments``, the
query behind the Target tab's *in pipeline*, so the stages here add up to it."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from simoncer_desktop.models import Cohort, Enrollment, Household, StageRecord, Wilayah
from simoncer_desktop.services.graduation_targets import LAST_STAGE, open_enrollments
from simoncer_desktop.services.recap_model import CohortStages


def cohort_stages(session: Session, kecamatan: str | None) -> list[CohortStages]:
    """Every live cohort (of ``kecamatan`` if given: the cohort's own kecamatan), by year, kecamatan and
    name. Enrollments of live families only; each is exactly one of open (by stage), completed (stage 6
    passed) or withdrawn, so ``enrolled == sum(in_stage) + completed + withdrawn``."""
    cohorts_stmt = (
        select(Cohort.id, Cohort.name, Cohort.year, Cohort.scope, func.coalesce(Wilayah.nama, Cohort.scope))
        .outerjoin(Wilayah, Wilayah.kode == Cohort.scope)
        .where(Cohort.deleted.is_(False))
    )
    if kecamatan:
        cohorts_stmt = cohorts_stmt.where(Cohort.scope == kecamatan)
    cohorts = session.execute(cohorts_stmt).all()
    if not cohorts:
        return []
    last_stage = aliased(StageRecord)
    complete = and_(Enrollment.stage == LAST_STAGE, last_stage.passed_on.is_not(None))
    totals = {
        cohort_id: (int(enrolled), int(done or 0), int(withdrawn or 0))
        for cohort_id, enrolled, done, withdrawn in session.execute(
            select(
                Enrollment.cohort_id,
                func.count(Enrollment.id),
                func.sum(case((complete, 1), else_=0)),
                func.sum(case((and_(~complete, Enrollment.withdrawn_on.is_not(None)), 1), else_=0)),
            )
            .join(Household, Household.id == Enrollment.household_id)
            .outerjoin(last_stage, and_(last_stage.enrollment_id == Enrollment.id, last_stage.stage == LAST_STAGE))
            .where(Enrollment.deleted.is_(False), Household.deleted.is_(False))
            .group_by(Enrollment.cohort_id)
        )
    }
    stages: dict[str, list[int]] = defaultdict(lambda: [0] * LAST_STAGE)
    for cohort_id, stage, n in session.execute(open_enrollments(Enrollment.cohort_id)):
        if 1 <= stage <= LAST_STAGE:
            stages[cohort_id][stage - 1] += int(n)
    rows = []
    for cohort_id, name, year, _scope, kecamatan_name in cohorts:
        enrolled, done, withdrawn = totals.get(cohort_id, (0, 0, 0))
        in_stage = stages.get(cohort_id, [0] * LAST_STAGE)
        rows.append(
            CohortStages(
                cohort_id=cohort_id,
                name=name,
                year=int(year),
                kecamatan=kecamatan_name,
                enrolled=enrolled,
                in_stage=(in_stage[0], in_stage[1], in_stage[2], in_stage[3], in_stage[4], in_stage[5]),
                completed=done,
                withdrawn=withdrawn,
            )
        )
    rows.sort(key=lambda c: (c.year, c.kecamatan.casefold(), c.name.casefold(), c.cohort_id))
    return rows
