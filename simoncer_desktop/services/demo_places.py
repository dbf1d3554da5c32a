"""Places for the demo caseload (``demo_data``): the region's kecamatan and kelurahan read from the
wilayah table, the streets, alleys and kampung of each kelurahan's RW, how families spread over them, and
the contiguous runs of kelurahan each facilitator serves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models import Wilayah
from simoncer_desktop.services import demo_names as names
from simoncer_desktop.services.demo_people import Synth, weighted
from simoncer_desktop.services.reference import KECAMATAN, KELURAHAN, REGENCY
from simoncer_desktop.translation import translate

FAMILIES_PER_FACILITATOR = 400
MAX_KELURAHAN_PER_FACILITATOR = 30
"""Keeps ``Facilitator.kelurahan_codes`` (500 characters) from overflowing when a small data set is spread
over a kecamatan with many desa."""


# --- region ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    regency: str
    kelurahan: dict[str, list[tuple[str, str]]]
    """Kecamatan code → its (kelurahan code, name), in code order; only kecamatan that have kelurahan."""
    province_kecamatan: tuple[str, ...]
    """Every kecamatan of the province: where people's NIKs may have been issued."""


def load_region(session: Session, code: str) -> Region:
    row = session.get(Wilayah, code)
    if row is None:
        raise ValidationError(translate("demo", "Wilayah {code} tidak dikenal").format(code=code), field="region")
    if row.tingkat not in (REGENCY, KECAMATAN):
        raise ValidationError(
            translate("demo", "Wilayah {code} ({name}) bukan kabupaten/kota atau kecamatan").format(
                code=code, name=row.nama
            ),
            field="region",
        )
    kecamatan = [code] if row.tingkat == KECAMATAN else _codes_below(session, code, KECAMATAN)
    kelurahan: dict[str, list[tuple[str, str]]] = {}
    rows = session.execute(
        select(Wilayah.parent_kode, Wilayah.kode, Wilayah.nama)
        .where(Wilayah.parent_kode.in_(kecamatan), Wilayah.tingkat == KELURAHAN)
        .order_by(Wilayah.kode)
    )
    for parent, kode, nama in rows:
        kelurahan.setdefault(parent, []).append((kode, nama))
    if not kelurahan:
        raise ValidationError(
            translate("demo", "Wilayah {code} ({name}) tidak mempunyai kelurahan/desa").format(
                code=code, name=row.nama
            ),
            field="region",
        )
    regency = code if row.tingkat == REGENCY else cast(str, row.parent_kode)
    province = regency.split(".")[0]
    province_kecamatan = tuple(
        session.scalars(
            select(Wilayah.kode)
            .where(Wilayah.tingkat == KECAMATAN, Wilayah.kode.like(f"{province}.%"))
            .order_by(Wilayah.kode)
        )
    )
    return Region(regency, kelurahan, province_kecamatan)


def _codes_below(session: Session, parent: str, level: str) -> list[str]:
    return list(
        session.scalars(
            select(Wilayah.kode).where(Wilayah.parent_kode == parent, Wilayah.tingkat == level).order_by(Wilayah.kode)
        )
    )


# --- kelurahan and who serves them -------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Kelurahan:
    code: str
    kecamatan: str
    rw_places: tuple[str, ...]
    """Per RW (index + 1) the street, alley or kampung its families live on."""
    rt_per_rw: tuple[int, ...]


@dataclass(frozen=True)
class Slot:
    kelurahan: Kelurahan
    facilitator_id: str


def kelurahan(synth: Synth, kecamatan: str, code: str, name: str) -> Kelurahan:
    """A kelurahan with 4-14 RW, each on a street, alley or kampung (mostly kampung in a desa)."""
    rng = synth.rng
    rural = code.rsplit(".", 1)[1].startswith("2")  # 2xxx = desa, 1xxx = kelurahan
    kinds = weighted(("Jl.", "Gg.", "Kp."), (20, 15, 65) if rural else (45, 40, 15))
    places = []
    for rw in range(rng.randint(4, 14)):
        kind = synth.pick(kinds)
        if kind == "Jl.":
            place = f"Jl. Raya {name}" if rw == 0 else f"Jl. {rng.choice(names.STREETS)}"
        elif kind == "Gg.":
            place = f"Gg. {rng.choice(names.GANGS)}"
        else:
            place = f"Kp. {rng.choice(names.KAMPUNGS)}"
        places.append(place)
    return Kelurahan(code, kecamatan, tuple(places), tuple(rng.randint(3, 12) for _ in places))


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` into integers that add up exactly."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def facilitator_runs(ordered: list[Kelurahan]) -> list[tuple[int, int]]:
    """Split families (ordered by kelurahan) into one contiguous run per facilitator: ~400 families each,
    never more than ``MAX_KELURAHAN_PER_FACILITATOR`` kelurahan each."""
    total = len(ordered)
    count = max(1, round(total / FAMILIES_PER_FACILITATOR))
    while True:
        runs = [(i * total // count, (i + 1) * total // count) for i in range(count)]
        widest = max(len({k.code for k in ordered[a:b]}) for a, b in runs)
        if widest <= MAX_KELURAHAN_PER_FACILITATOR or count >= total:
            return runs
        count += 1
