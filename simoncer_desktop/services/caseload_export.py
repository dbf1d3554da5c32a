"""Export the caseload (the families matching a filter) to the spreadsheet format of ``caseload_sheet``,
and write the empty template. No Qt.

One row per live member of each matching live family (deceased members too, with STATUS_HIDUP
MENINGGAL), ordered by No. KK, the pengurus first, then by birth date. The family's fields are
repeated on every row of the family. The rows stream from one SQL query (one consistent snapshot of
the database) in chunks, so memory stays flat at 110,000 families.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Select, and_, case, func, literal_column, select
from sqlalchemy.orm import Session, aliased

from simoncer_desktop.models import Facilitator, Household, Member
from simoncer_desktop.reports.excel import caseload_workbook
from simoncer_desktop.reports.excel.caseload_workbook import Place
from simoncer_desktop.services import caseload_query
from simoncer_desktop.services.caseload_query import CaseloadFilter, Kecamatan, Kelurahan
from simoncer_desktop.services.caseload_sheet import (
    ALIVE,
    COLUMN_KEYS,
    DECEASED,
    EDUCATION_LABELS,
    NO,
    RELATION_LABELS,
    SEX_LABELS,
    YES,
)
from simoncer_desktop.services.progress import CancelToken, Progress, no_progress
from simoncer_desktop.services.reference import KECAMATAN, children, get_region
from simoncer_desktop.services.settings import region_code
from simoncer_desktop.translation import untranslated

log = logging.getLogger(__name__)

CHUNK = 2000
"""Rows fetched from SQLite at a time (and how often progress is reported and cancel is checked)."""

Person = aliased(Member, name="person")
"""The exported member (an alias: the component filter has its own subquery on ``member``)."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    families: int
    rows: int


def _label(column: ColumnElement[str], labels: dict[str, str]) -> ColumnElement[str]:
    """The sheet's label of a coded value (the code itself if it has none)."""
    return case({str(code): label for code, label in labels.items()}, value=column, else_=column)


def _flag(column: ColumnElement[bool]) -> ColumnElement[str]:
    return case((column, YES), else_=NO)


def _text(column: ColumnElement[str | None]) -> ColumnElement[str | None]:
    """Empty text as NULL: an empty cell rather than an empty string."""
    return func.nullif(column, "")


SHEET_VALUES: dict[str, ColumnElement] = {
    "NO_KK": Household.no_kk,
    "NIK": _text(Person.nik),
    "NAMA": Person.name,
    "HUBUNGAN": _label(Person.relation, RELATION_LABELS),
    "JENIS_KELAMIN": _label(Person.sex, SEX_LABELS),
    "TANGGAL_LAHIR": Person.birth_date,
    "PENGURUS": _flag(Person.is_recipient),
    "ALAMAT": _text(Household.address),
    "RT": _text(Household.rt),
    "RW": _text(Household.rw),
    "KODE_KELURAHAN": Household.kelurahan_code,
    "KELURAHAN": Kelurahan.nama,
    "KECAMATAN": Kecamatan.nama,
    "PENDIDIKAN": _label(Person.education, EDUCATION_LABELS),
    "SEKOLAH": _flag(Person.in_school),
    "HAMIL": _flag(Person.pregnant),
    "DISABILITAS_BERAT": _flag(Person.severe_disability),
    "STATUS_HIDUP": case((Person.deceased, DECEASED), else_=ALIVE),
    "TANGGAL_MENINGGAL": Person.death_date,
    "DESIL": Household.desil,
    "PENDAMPING": _text(Facilitator.name),
    "NO_HP": _text(Household.phone),
}
"""The SQL of every sheet column (labels and Y/T are made by SQLite: no per-cell Python)."""

_HOUSEHOLD_KEY = literal_column("household.rowid")


def export_statement(session: Session, f: CaseloadFilter) -> Select:
    """The rows of the sheet in ``caseload_sheet.COLUMNS`` order, plus the family's rowid last."""
    stmt = select(*(SHEET_VALUES[key].label(key) for key in COLUMN_KEYS), _HOUSEHOLD_KEY.label("family"))
    stmt = stmt.select_from(Household).join(
        Person, and_(Person.household_id == Household.id, Person.deleted.is_(False))
    )
    return caseload_query.filtered(stmt, session, f, with_names=True).order_by(
        Household.no_kk, _HOUSEHOLD_KEY, Person.is_recipient.desc(), Person.birth_date, Person.id
    )


def count_rows(session: Session, f: CaseloadFilter) -> int:
    """How many rows an export of ``f`` writes (live members of the matching live families)."""
    stmt = select(func.count()).select_from(Household)
    stmt = stmt.join(Person, and_(Person.household_id == Household.id, Person.deleted.is_(False)))
    return int(session.scalar(caseload_query.filtered(stmt, session, f)) or 0)


class _Rows:
    """The export's rows as a stream; counts families and rows, reports progress, checks for cancel."""

    def __init__(self, session: Session, f: CaseloadFilter, progress: Progress, token: CancelToken | None) -> None:
        self.session = session
        self.filter = f
        self.progress = progress
        self.token = token
        self.families = 0
        self.rows = 0

    def __iter__(self) -> Iterator[tuple]:
        total = count_rows(self.session, self.filter)
        self.progress(0, total)
        result = (
            self.session.connection()
            .execution_options(yield_per=CHUNK)
            .execute(export_statement(self.session, self.filter))
        )
        last_family = None
        done = 0
        try:
            for chunk in result.partitions():
                if self.token is not None:
                    self.token.raise_if_cancelled()
                for row in chunk:
                    family = row[-1]
                    if family != last_family:
                        self.families += 1
                        last_family = family
                    yield row
                done += len(chunk)
                self.rows = done
                self.progress(min(done, total), total)
        finally:
            result.close()


@untranslated()  # a file for re-import and for other offices: Bahasa whatever the screen language
def export_caseload(
    session: Session,
    path: Path | str,
    f: CaseloadFilter | None = None,
    *,
    progress: Progress = no_progress,
    token: CancelToken | None = None,
) -> ExportResult:
    """Write the families matching ``f`` (default: all live families) to ``path`` (.xlsx).

    ``progress(done_rows, total_rows)``; ``token`` cancels between chunks (``CancelledError``), and a
    cancelled or failed export leaves no file. Raises ``WorkbookWriteError`` with the reason when the
    file cannot be written."""
    path = Path(path)
    rows = _Rows(session, f or CaseloadFilter(), progress, token)
    written = caseload_workbook.write_caseload(path, rows)
    log.info("Exported %d families (%d rows) to %s", rows.families, written, path)
    return ExportResult(path, rows.families, written)


def template_places(session: Session) -> list[Place]:
    """The kelurahan/desa of the deployment region (``region_code``: a regency/city or a kecamatan),
    by kecamatan and name; empty before the region is set."""
    region = region_code(session)
    if not region:
        return []
    found = get_region(session, region)
    kecamatan = [found] if found is not None and found.level == KECAMATAN else children(session, region)
    places = [Place(k.code, k.name, kec.name) for kec in kecamatan for k in children(session, kec.code)]
    return sorted(places, key=lambda p: (p.kecamatan, p.name, p.code))


@untranslated()
def write_template(session: Session, path: Path | str) -> tuple[Path, int]:
    """The empty template at ``path``, with the region's kelurahan listed; returns (path, kelurahan listed)."""
    places = template_places(session)
    return caseload_workbook.write_template(Path(path), places), len(places)
