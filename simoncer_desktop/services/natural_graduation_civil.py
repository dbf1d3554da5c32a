"""Natural graduation: the civil-registration (dukcapil) file of deaths and moves, read and matched to
the members by NIK."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.models import Household, Member
from simoncer_desktop.services.natural_graduation_quarter import chunks
from simoncer_desktop.services.sheet_reader import SheetFileError, find_header, open_sheet
from simoncer_desktop.services.sheet_values import choice, choice_table, day, identity_number, shown
from simoncer_desktop.translation import translate, untranslated

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
        message = translate(
            "natural_graduation",
            "Berkas {name}: baris judul kolom NIK, PERISTIWA dan TANGGAL tidak ditemukan di 10 baris pertama",
        )
        raise SheetFileError(message.format(name=Path(path).name))
    # The rows' problems are stored with the run (``NaturalGraduationRun.unmatched_niks``): Bahasa.
    with untranslated():
        return _read_rows(path, sheet.rows, header.columns)


def _read_rows(path: Path | str, rows: Iterable[Any], cols: dict[str, int]) -> CivilFile:
    result = CivilFile(Path(path))
    for raw in rows:
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


def match_civil(
    session: Session, civil: CivilFile, end: date
) -> tuple[dict[str, date], dict[str, date], set[str], list[str]]:
    """(death date per member id, move date per member id, their families, unmatched NIKs)."""
    by_nik: dict[str, list[CivilEvent]] = defaultdict(list)
    for event in civil.events:
        by_nik[event.nik].append(event)
    niks = list(by_nik)
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for part in chunks(niks):
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
