"""Small pieces of the relief documents' data (``services.relief_documents``): the line dataclasses,
the aid received per person/family in one query, and text helpers (labels, RT/RW, rupiah, needs)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.models import Distribution, EventEntitlement, ReliefItem
from simoncer_desktop.models.enums import LabeledEnum

NO_NUMBER = "—"
"""Printed instead of a missing NIK / No. KK, followed by the reason in brackets."""


def rupiah(amount: int | None) -> str:
    return "-" if amount is None else "Rp" + f"{amount:,}".replace(",", ".")


def thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def dmy(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


def label(enum: type[LabeledEnum], code: str) -> str:
    """The label of ``code`` (the code itself when unknown): Bahasa inside ``untranslated()``, as every
    document is made. Not cached: the label depends on the thread's language."""
    try:
        return enum(code).label
    except ValueError:
        return code


def missing_number(reason: str) -> str:
    reason = " ".join((reason or "").split())
    return f"{NO_NUMBER} ({reason})" if reason else NO_NUMBER


def rt_rw_text(rt: str, rw: str, short: bool = False) -> str:
    if short:
        return f"{rt or '-'}/{rw or '-'}" if rt or rw else "-"
    return f"RT {rt or '-'}/RW {rw or '-'}"


def sort_number(text: str | None) -> tuple[int, str]:
    """RT/RW ``"3"`` before ``"12"``; empty last."""
    text = (text or "").strip()
    return (int(text), "") if text.isdigit() else (10**6, text)


def age_on(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return max(0, on.year - born.year - ((on.month, on.day) < (born.month, born.day)))


@dataclass(frozen=True)
class AidLine:
    """One kind of aid received by a person or family (summed over its distributions)."""

    name: str
    kind: str
    quantity: int
    unit: str
    amount: int

    @property
    def text(self) -> str:
        if self.kind == "uang":
            return f"{self.name} {rupiah(self.amount)}"
        return f"{self.name} {thousands(self.quantity)} {self.unit}".rstrip()


@dataclass(frozen=True)
class CountLine:
    label: str
    count: int


@dataclass(frozen=True)
class ItemLine:
    name: str
    unit: str
    quantity: int
    recipients: int
    """Distributions (hand-overs) of the item."""


@dataclass(frozen=True)
class CashLine:
    name: str
    amount: int
    recipients: int


@dataclass(frozen=True)
class EntitlementTotal:
    code: str
    name: str
    kind: str
    unit: str
    quantity: int
    amount: int
    recipients: int

    @property
    def text(self) -> str:
        if self.kind == "uang":
            return rupiah(self.amount)
        return f"{thousands(self.quantity)} {self.unit}".rstrip()


@dataclass(frozen=True)
class HandOverLine:
    """One distribution in the berita acara."""

    no: int
    distribution_id: str
    distributed_on: date
    beneficiary: str
    """The person (or, for a family entitlement, the family head) the aid is for."""
    nik: str
    """The beneficiary's NIK for person-based aid (``—`` with a reason when none); empty for a family."""
    no_kk: str
    kelurahan: str
    rt_rw: str
    entitlement: str
    kind: str
    quantity: int | None
    unit: str
    amount: int | None
    recipient_name: str
    recipient_nik: str
    recipient_relation: str
    confirmed: bool
    officer: str

    @property
    def value_text(self) -> str:
        if self.kind == "uang":
            return rupiah(self.amount)
        return f"{thousands(self.quantity or 0)} {self.unit}".rstrip()


def aid_lines(session: Session, event_id: str) -> dict[str, list[AidLine]]:
    """What each beneficiary of the event received: victim id → person-based aid, family id → the
    family's own aid (distributions without a victim). One grouped query."""
    rows = session.execute(
        select(
            func.coalesce(Distribution.victim_id, Distribution.family_id),
            EventEntitlement.name,
            EventEntitlement.kind,
            func.coalesce(ReliefItem.unit, ""),
            func.coalesce(func.sum(Distribution.quantity), 0),
            func.coalesce(func.sum(Distribution.amount), 0),
        )
        .join(EventEntitlement, EventEntitlement.id == Distribution.event_entitlement_id)
        .outerjoin(ReliefItem, ReliefItem.id == func.coalesce(Distribution.item_id, EventEntitlement.item_id))
        .where(Distribution.event_id == event_id, Distribution.deleted.is_(False))
        .group_by(
            func.coalesce(Distribution.victim_id, Distribution.family_id),
            EventEntitlement.name,
            EventEntitlement.kind,
            ReliefItem.unit,
        )
        .order_by(EventEntitlement.kind, EventEntitlement.name)
    ).all()
    out: dict[str, list[AidLine]] = defaultdict(list)
    for owner, name, kind, unit, quantity, amount in rows:
        out[owner].append(AidLine(name, kind, int(quantity), unit, int(amount)))
    return out


_NEEDS_SPLIT = re.compile(r"[,;\n/]+|\s+dan\s+")


def needs_summary(texts: Iterable[str | None], limit: int = 15) -> tuple[CountLine, ...]:
    """The needs families named most (free text split at commas, semicolons and 'dan'), with the number
    of families naming each; the first spelling seen is shown."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for text in texts:
        seen: set[str] = set()
        for part in _NEEDS_SPLIT.split(text or ""):
            words = " ".join(part.split()).strip(" .-")
            key = words.casefold()
            if not key or key in seen or key == "-":
                continue
            seen.add(key)
            shown.setdefault(key, words)
            counts[key] += 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return tuple(CountLine(shown[key], count) for key, count in ordered)
