"""*Kualitas Data*: the state one ``run_checks`` shares with every check (``CheckRun``: the session, the
day, the findings so far), the live-member query they all start from, and the helpers that word a
finding (in the screen's language: ``translation.translate("quality", …)``; Bahasa in the CLI).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from simoncer_desktop.models import Household, Member
from simoncer_desktop.services.caseload import Validator
from simoncer_desktop.services.quality_findings import CancelCheck, Finding, Kind
from simoncer_desktop.translation import translate

OTHERS_NAMED = 3
"""A duplicate's message names at most this many of the other records."""
CHUNK = 500
"""Keys per ``IN (…)`` list (SQLite allows 32,766 parameters)."""


class Family(NamedTuple):
    no_kk: str
    recipient_name: str


class CheckRun:
    """The state of one ``run_checks``: the session, the day and the findings so far."""

    def __init__(self, session: Session, on: date, token: CancelCheck | None) -> None:
        self.session = session
        self.on = on
        self.token = token
        self.found: dict[Kind, list[Finding]] = defaultdict(list)
        self.validator = Validator(session, on)
        """The forms' checks; its ``kecamatan`` codes are loaded once, when first needed."""

    def check_cancelled(self) -> None:
        if self.token is not None:
            self.token.raise_if_cancelled()

    def add(self, kind: Kind, household_id: str, family: Family, message: str, **member: Any) -> None:
        self.found[kind].append(
            Finding(kind, household_id, family.no_kk or "", family.recipient_name or "", message, **member)
        )

    def add_member(self, kind: Kind, row: Any, message: str, group: str = "") -> None:
        """A finding about the member of ``row`` (a row with the ``MEMBER_WITH_FAMILY`` columns)."""
        family = Family(row.no_kk, row.recipient_name)
        self.add(
            kind, row.household_id, family, message, member_id=row.id, member_name=row.name, nik=row.nik, group=group
        )

    def rows(self, stmt: Any) -> Iterable[Any]:
        """Rows of a Core statement, checking for cancellation every few thousand rows."""
        for i, row in enumerate(self.session.connection().execute(stmt)):
            if i % 2000 == 1999:
                self.check_cancelled()
            yield row


# --- SQL ---------------------------------------------------------------------------------------------

MEMBER_WITH_FAMILY = (
    Member.id,
    Member.household_id,
    Member.nik,
    Member.name,
    Member.birth_date,
    Household.no_kk,
    Household.recipient_name,
)
"""The columns a member finding is made of."""


def live_members(*columns: Any) -> Select[Any]:
    """``select(*columns)`` over the live members of live families; add the check's ``where``.

    "+member.household_id": scan the members once and look each family up by its key, rather than walk
    every family and its members through the index (several times slower here)."""
    return (
        select(*columns)
        .select_from(Member)
        .join(Household, Household.id == no_index(Member.household_id))
        .where(Member.deleted.is_(False), no_index(Household.deleted) == 0)
    )


def no_index(expr: ColumnElement[Any]) -> ColumnElement[Any]:
    """``+expr``: keeps SQLite from choosing an index of ``expr`` (and with it the join order)."""
    return UnaryExpression(expr, operator=custom_op("+"), type_=expr.type)


def chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


# --- wording -----------------------------------------------------------------------------------------


def day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


def named(items: list[str]) -> str:
    shown = items[:OTHERS_NAMED]
    more = len(items) - len(shown)
    return "; ".join(shown) + (translate("quality", "; dan {n} lainnya").format(n=more) if more else "")
