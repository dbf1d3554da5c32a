"""Writing a planned import: bulk statements with the member triggers deferred."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from simoncer_desktop.errors import PermissionDeniedError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models.base import utcnow
from simoncer_desktop.models.enums import AuditAction
from simoncer_desktop.models.facilitator import Facilitator
from simoncer_desktop.models.household import Household, Member
from simoncer_desktop.services import acting
from simoncer_desktop.services.audit import EntryBuilder
from simoncer_desktop.services.bulk_write import triggers_deferred
from simoncer_desktop.services.import_compare import HOUSEHOLD_COMPARED, MEMBER_COMPARED
from simoncer_desktop.services.import_model import FamilyPlan, ImportPlan, ImportResult, Outcome
from simoncer_desktop.services.permissions import in_scope
from simoncer_desktop.services.progress import CancelToken, Progress, no_progress
from simoncer_desktop.translation import translate

WRITE_CHUNK = 5000


def apply_import(
    session: Session, plan: ImportPlan, progress: Progress = no_progress, token: CancelToken | None = None
) -> ImportResult:
    """Write the new and changed families of ``plan`` in the caller's transaction."""
    now = utcnow()
    to_write = [f for f in plan.families if f.outcome in (Outcome.NEW, Outcome.UPDATED)]
    _require_scope(session, to_write)
    facilitator_ids = plan.facilitator_ids
    scopes = {}
    for family in to_write:
        if family.household and family.household.facilitator_id in facilitator_ids.values():
            scopes.setdefault(family.household.facilitator_id, family.household.kelurahan_code.rsplit(".", 1)[0])
    if facilitator_ids:
        session.execute(
            insert(Facilitator),
            [
                {
                    "id": fid,
                    "scope": scopes.get(fid, "*"),
                    "name": name,
                    "kelurahan_codes": "",
                    "yearly_target": 10,
                    "created_at": now,
                    "updated_at": now,
                }
                for name, fid in facilitator_ids.items()
            ],
        )
    stamp = _sql_value(now)  # new rows bypass SQLAlchemy's type processing (see ``_flush``)
    with triggers_deferred(session) as touched:
        new_households: list[dict[str, object]] = []
        new_members: list[dict[str, object]] = []
        household_updates: list[dict[str, object]] = []
        member_updates: list[dict[str, object]] = []
        members_written = 0
        for done, family in enumerate(to_write, start=1):
            household = family.household
            assert household is not None
            scope = household.kelurahan_code.rsplit(".", 1)[0]
            values = {name: getattr(household, name) for name in HOUSEHOLD_COMPARED}
            if family.outcome is Outcome.NEW:
                family.household_id = uuid7()
                new_households.append(
                    {
                        "id": family.household_id,
                        "scope": scope,
                        "no_kk": family.no_kk,
                        "status": "aktif",
                        "created_at": stamp,
                        "updated_at": stamp,
                        **values,
                    }
                )
            else:
                household_updates.append({"id": family.household_id, "scope": scope, "updated_at": now, **values})
            touched.add(family.household_id)
            touched.update(family.moved_from)
            member_ids = family.member_ids or [None] * len(family.members)
            listed = set()
            for parsed, member_id in zip(family.members, member_ids, strict=True):
                data = {name: getattr(parsed.data, name) for name in MEMBER_COMPARED}
                if member_id is None:
                    new_members.append(
                        {
                            "id": uuid7(),
                            "household_id": family.household_id,
                            "scope": scope,
                            "created_at": stamp,
                            "updated_at": stamp,
                            **data,
                        }
                    )
                else:
                    listed.add(member_id)
                    member_updates.append(
                        {
                            "id": member_id,
                            "household_id": family.household_id,
                            "scope": scope,
                            "updated_at": now,
                            **data,
                        }
                    )
                members_written += 1
            if family.outcome is Outcome.UPDATED and any(m.data.is_recipient for m in family.members):
                session.execute(
                    update(Member)
                    .where(
                        Member.household_id == family.household_id,
                        Member.is_recipient.is_(True),
                        Member.id.not_in(listed),
                    )
                    .values(is_recipient=False, updated_at=now)
                )
            if len(new_members) + len(member_updates) >= WRITE_CHUNK:
                _flush(session, new_households, new_members, household_updates, member_updates)
                progress(done, len(to_write))
                if token:
                    token.raise_if_cancelled()
        _flush(session, new_households, new_members, household_updates, member_updates)
        _audit(session, plan, to_write)
        progress(len(to_write), len(to_write))
    return ImportResult(
        plan.count(Outcome.NEW),
        plan.count(Outcome.UPDATED),
        plan.count(Outcome.UNCHANGED),
        plan.count(Outcome.REJECTED),
        members_written,
    )


def _require_scope(session: Session, families: list[FamilyPlan]) -> None:
    """The whole file is refused when one family lies outside the user's kecamatan (nothing written)."""
    identity = acting.require(session, "caseload.import")
    outside = [
        f
        for f in families
        if f.household is not None and not in_scope(identity.scope, f.household.kelurahan_code.rsplit(".", 1)[0])
    ]
    if outside:
        first = outside[0]
        assert first.household is not None
        rows = ", ".join(str(r) for r in first.rows[:5])
        raise PermissionDeniedError(
            translate(
                "import",
                "Baris {rows}: kelurahan {code} di luar wilayah kerja Anda ({scope}); {count} keluarga di luar "
                "wilayah, tidak ada yang diimpor.",
            ).format(rows=rows, code=first.household.kelurahan_code, scope=identity.scope, count=len(outside))
        )


def _audit(session: Session, plan: ImportPlan, families: list[FamilyPlan]) -> None:
    """One entry per imported family (the file, its rows and what changed), not one per cell: an
    import of 100,000 families stays one readable history line per family."""
    entries = EntryBuilder(session)
    for family in families:
        if len(entries.rows) >= WRITE_CHUNK:  # bounded memory on a large import
            entries.write(session)
        assert family.household_id is not None
        rows = ", ".join(str(r) for r in family.rows)
        note = f"Impor {plan.file_name}, baris {rows}"
        if family.outcome is Outcome.NEW:
            new = {"no_kk": family.no_kk, "anggota": len(family.members)}
            entries.add(
                "household",
                family.household_id,
                AuditAction.CREATE,
                new=new,
                note=note,
                household_id=family.household_id,
            )
        else:
            entries.add(
                "household",
                family.household_id,
                AuditAction.UPDATE,
                field="impor",
                new=family.changes,
                note=note,
                household_id=family.household_id,
            )
    entries.write(session)


def _flush(
    session: Session,
    new_households: list[dict[str, object]],
    new_members: list[dict[str, object]],
    household_updates: list[dict[str, object]],
    member_updates: list[dict[str, object]],
) -> None:
    """Bulk statements: households before their members (foreign key). New rows — nearly all rows of a
    first import — go through the driver's executemany directly; SQLAlchemy's per-row parameter
    processing cost more than SQLite's own work there."""
    _insert_rows(session, Household.__tablename__, new_households)
    if household_updates:
        session.execute(update(Household), household_updates)
    if member_updates:
        session.execute(update(Member), member_updates)
    _insert_rows(session, Member.__tablename__, new_members)
    for batch in (new_households, new_members, household_updates, member_updates):
        batch.clear()


def _insert_rows(session: Session, table: str, rows: list[dict[str, object]]) -> None:
    """``INSERT`` of rows with identical keys, values stored the way SQLAlchemy stores them."""
    if not rows:
        return
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    session.connection().exec_driver_sql(sql, [tuple(_sql_value(row[c]) for c in columns) for row in rows])


def _sql_value(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite DateTime format
    if isinstance(value, date):
        return value.isoformat()
    return value
