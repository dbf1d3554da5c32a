"""Build caseload spreadsheets for import tests: the template's header and rows made from factory
families (synthetic people only), written as .xlsx or .csv with whatever faults a test wants."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from simoncer_desktop.services.caseload import HouseholdInput, MemberInput
from simoncer_desktop.services.caseload_sheet import COLUMN_KEYS, EDUCATION_LABELS, RELATION_LABELS, yes_no
from tests.factories import family

Row = dict[str, object]


def family_rows(
    household: HouseholdInput, members: Sequence[MemberInput], facilitator: str = "Rina Marlina"
) -> list[Row]:
    """One row per member in the template's columns, family fields on every row."""
    rows = []
    for m in members:
        rows.append(
            {
                "NO_KK": household.no_kk,
                "NIK": m.nik,
                "NAMA": m.name,
                "HUBUNGAN": RELATION_LABELS[m.relation],
                "JENIS_KELAMIN": m.sex,
                "TANGGAL_LAHIR": m.birth_date.strftime("%d-%m-%Y") if m.birth_date else "",
                "PENGURUS": yes_no(m.is_recipient),
                "ALAMAT": household.address,
                "RT": household.rt,
                "RW": household.rw,
                "KODE_KELURAHAN": household.kelurahan_code,
                "PENDIDIKAN": EDUCATION_LABELS[m.education],
                "SEKOLAH": yes_no(m.in_school),
                "HAMIL": yes_no(m.pregnant),
                "DISABILITAS_BERAT": yes_no(m.severe_disability),
                "STATUS_HIDUP": "MENINGGAL" if m.deceased else "HIDUP",
                "TANGGAL_MENINGGAL": m.death_date.strftime("%d-%m-%Y") if m.death_date else "",
                "DESIL": household.desil,
                "PENDAMPING": facilitator,
                "NO_HP": household.phone or "",
            }
        )
    return rows


def families_rows(*serials: int) -> list[Row]:
    rows: list[Row] = []
    for serial in serials:
        rows += family_rows(*family(serial))
    return rows


def write_xlsx(
    path: Path,
    rows: Sequence[Row],
    header: Sequence[str] = COLUMN_KEYS,
    sheet: str = "Anggota",
    before: Sequence[Sequence[object]] = (),
) -> Path:
    """Rows under ``header`` (keys missing from a row are empty cells); ``before`` rows go above."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for extra in before:
        ws.append(list(extra))
    ws.append(list(header))
    for row in rows:
        ws.append(["" if row.get(key) is None else row.get(key) for key in header])
    wb.save(path)
    return path


def write_csv(
    path: Path, rows: Sequence[Row], delimiter: str = ",", encoding: str = "utf-8", header: Sequence[str] = COLUMN_KEYS
) -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if row.get(k) is None else row.get(k) for k in header])
    return path

