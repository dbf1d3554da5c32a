"""*Kualitas Data*: duplicates among people — the same NIK on more than one live member, and the same
name and birth date under different NIKs. ``GROUP BY`` queries find the few repeated keys; only their
rows are read and worded. (The same No. KK on two families: ``quality_identity``.)
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select
from sqlalchemy.orm import Session

from simoncer_desktop.models import Member
from simoncer_desktop.services.caseload_query import fold
from simoncer_desktop.services.quality_findings import Kind
from simoncer_desktop.services.quality_run import MEMBER_WITH_FAMILY, CheckRun, chunks, day, live_members, named
from simoncer_desktop.translation import translate

FOLD_FUNCTION = "simoncer_fold"
MEMBER_ROWID = literal_column("member.rowid")


def duplicate_niks(run: CheckRun) -> None:
    """The same NIK on more than one live member: in two families, or twice in one."""
    repeated = (
        select(Member.nik)
        .where(Member.nik.is_not(None), Member.nik != "")
        .group_by(Member.nik)
        .having(func.count() > 1)
    )  # the NIK index alone; tombstones included, filtered below
    groups: dict[str, list[Any]] = defaultdict(list)
    for r in run.rows(_member_details(Member.nik.in_(repeated))):
        groups[r.nik].append(r)
    for nik, rows in groups.items():
        if len(rows) < 2:
            continue
        same_family = translate("quality", "{name} di keluarga ini")
        other_family = translate("quality", "{name} (No. KK {no_kk}, pengurus {recipient})")
        used_by = translate("quality", "NIK {nik} juga dipakai {others}")
        for r in rows:
            others = [
                (same_family if o.household_id == r.household_id else other_family).format(
                    name=o.name, no_kk=o.no_kk, recipient=o.recipient_name or "-"
                )
                for o in rows
                if o.id != r.id
            ]
            run.add_member(Kind.NIK_DUPLICATE, r, used_by.format(nik=nik, others=named(others)), group=nik)


def duplicate_people(run: CheckRun) -> None:
    """The same folded name and birth date with different NIKs (an empty NIK counts as one value)."""
    _register_fold(run.session)
    key = getattr(func, FOLD_FUNCTION)(Member.name)
    groups_stmt = (  # the rowids, not the ids: a third less to sort
        select(func.group_concat(MEMBER_ROWID))
        .where(Member.deleted.is_(False))
        .group_by(key, Member.birth_date)
        .having(func.count(func.distinct(func.coalesce(Member.nik, ""))) > 1)
    )
    rowids = [int(i) for joined in run.session.connection().execute(groups_stmt).scalars() for i in joined.split(",")]
    run.check_cancelled()
    groups: dict[tuple[str, date], list[Any]] = defaultdict(list)
    for chunk in chunks(rowids):
        for r in run.rows(_member_details(MEMBER_ROWID.in_(chunk))):
            groups[(_sql_fold(r.name) or "", r.birth_date)].append(r)
    same_family = translate("quality", "{name}, NIK {nik} (keluarga ini)")
    other_family = translate("quality", "{name}, NIK {nik} (No. KK {no_kk})")
    same_as = translate("quality", "Nama dan tanggal lahir ({born}) sama dengan {others}")
    for (folded, born), rows in groups.items():
        if len({r.nik or "" for r in rows}) < 2:  # only tombstoned families made it a group
            continue
        for r in rows:
            others = [
                (same_family if o.household_id == r.household_id else other_family).format(
                    name=o.name, nik=o.nik or "-", no_kk=o.no_kk
                )
                for o in rows
                if (o.nik or "") != (r.nik or "")
            ]
            run.add_member(
                Kind.PERSON_DUPLICATE,
                r,
                same_as.format(born=day(born), others=named(others)),
                group=f"{folded}|{born.isoformat()}",
            )


def _member_details(condition: ColumnElement[bool]) -> Select[Any]:
    return live_members(*MEMBER_WITH_FAMILY).where(condition)


def _sql_fold(name: str | None) -> str | None:
    """``caseload_query.fold`` with spaces collapsed, cheap for the (usual) ASCII names."""
    if name is None:
        return None
    folded = name.lower() if name.isascii() else fold(name)
    return " ".join(folded.split())


def _register_fold(session: Session) -> None:
    """Make ``simoncer_fold(name)`` available to this session's SQLite connection."""
    raw = session.connection().connection.driver_connection
    raw.create_function(FOLD_FUNCTION, 1, _sql_fold, deterministic=True)
