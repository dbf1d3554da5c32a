"""Disaster relief at the scale of a big flood: one event with 5,000 victims on top of the caseload.

- registering a victim (search + save): the operator types the NIK from the KTP, picks the caseload person and
  saves the family (a KPM) — or searches a name that is not in the caseload and types the family in;
  each is one transaction, as in the dialog. Baseline: the same look-up SQL and the same INSERTs of the
  same rows through raw sqlite3, committed.
- BNBA of the 5,000 victims (a third of the families already received rice) as PDF and as Excel: ours
  (query + writer) against plain reportlab drawing the same cells on as many pages, and openpyxl
  write-only writing the same cells.

    python -m benchmarks.relief [--db CASELOAD.sqlite3]   (default: a fresh 20,000-family caseload)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from benchmarks.keys import open_bench_database, raw_connect
from benchmarks.report import Result, render
from simoncer_desktop.models import AffectedFamily, Household, Member
from simoncer_desktop.reports.excel.relief_workbook import write_bnba_xlsx
from simoncer_desktop.reports.pdf.fonts import register_fonts
from simoncer_desktop.reports.pdf.relief_documents import BNBA_COLUMNS, BNBA_ROW_HEIGHT, BNBA_SIZE, write_bnba_pdf
from simoncer_desktop.services import demo_data, demo_relief, relief_documents
from simoncer_desktop.services.relief_victim_lookup import lookup_people
from simoncer_desktop.services.relief_victims import FamilyInput, VictimInput, family_from_caseload, register_family
from simoncer_desktop.store import Database

VICTIMS = 5_000
REGISTRATIONS = 15
TARGET_REGISTER_MS = 200.0
TARGET_PDF_S = 10.0
TARGET_XLSX_S = 5.0
DAY = date(2025, 11, 21)


def _prepare(caseload: Path, folder: Path) -> tuple[Database, str]:
    path = folder / "relief.sqlite3"
    shutil.copyfile(caseload, path)
    db = open_bench_database(path)
    with db.transaction() as session:
        event_id = demo_relief.generate(session, victims=VICTIMS, seed=1).event_id
        demo_relief.with_aid(session, event_id, demo_relief.DEMO_DAY)  # the BNBA lists aid received
    return db, event_id


def _unregistered_households(db: Database, event_id: str, count: int) -> list[tuple[str, str]]:
    """(household id, a member's NIK) of active families not yet registered for the event."""
    with db.read() as session:
        taken = select(AffectedFamily.household_id).where(
            AffectedFamily.event_id == event_id, AffectedFamily.household_id.is_not(None)
        )
        rows = session.execute(
            select(Household.id, Member.nik)
            .join(Member, Member.household_id == Household.id)
            .where(Household.status == "aktif", Household.id.not_in(taken), Member.nik.is_not(None))
            .group_by(Household.id)
            .order_by(Household.id.desc())
            .limit(count)
        ).all()
    return [(hh, nik) for hh, nik in rows]


def _register_kpm(db: Database, event_id: str, nik: str) -> None:
    with db.transaction() as session:
        match = lookup_people(session, event_id, nik)  # typed from the KTP
        chosen = next(m for m in match if m.nik == nik)
        data = family_from_caseload(session, chosen.household_id)
        data.damage = "sedang"
        register_family(session, event_id, data, "benchmark", on=DAY)


def _register_typed(db: Database, event_id: str, serial: int, kelurahan: str) -> None:
    with db.transaction() as session:
        lookup_people(session, event_id, f"Zulkarnaen Wiratmaja{serial}")
        data = FamilyInput(
            head_name=f"Zulkarnaen Wiratmaja {serial}",
            kelurahan_code=kelurahan,
            address=f"Kp. Benchmark No. {serial}",
            rt="2",
            rw="5",
            damage="berat",
            no_document_reason="Dokumen hanyut (benchmark)",
            victims=[
                VictimInput(name=f"Zulkarnaen Wiratmaja {serial}", sex="L", birth_date=date(1980, 1, 1),
                            relation="kepala", displaced=True, no_document_reason="KTP hanyut"),
                VictimInput(name=f"Yayah Komariah {serial}", sex="P", birth_date=date(1984, 5, 5),
                            relation="istri", displaced=True, no_document_reason="KTP hanyut"),
            ],
        )  # fmt: skip
        register_family(session, event_id, data, "benchmark", on=DAY)


def _raw_register_ms(path: Path, nik: str) -> float:
    """The floor: the NIK range look-up, then one family row and its members' rows inserted and committed."""
    conn = raw_connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    try:
        start = time.perf_counter()
        rows = conn.execute(
            "SELECT m.id, m.household_id, m.nik, m.name, m.birth_date, m.sex, m.relation FROM member m "
            "WHERE m.nik >= ? AND m.nik < ? AND m.deleted = 0 LIMIT 20",
            (nik, nik + "~"),
        ).fetchall()
        household = next(r[1] for r in rows if r[2] == nik)
        members = conn.execute(
            "SELECT id, nik, name, birth_date, sex, relation FROM member WHERE household_id = ? AND deleted = 0",
            (household,),
        ).fetchall()
        family_id = f"raw-{household}"
        conn.execute(
            "INSERT INTO affected_family (id, scope, deleted, created_at, updated_at, event_id, household_id, "
            "head_name, address, kelurahan_code, rt, rw, damage, needs, no_document_reason, registered_on, "
            "registered_by) SELECT ?, '32.71.01', 0, '2025-11-21', '2025-11-21', 'raw-event', id, 'x', address, "
            "kelurahan_code, rt, rw, 'sedang', '', '', '2025-11-21', 'raw' FROM household WHERE id = ?",
            (family_id, household),
        )
        conn.executemany(
            "INSERT INTO victim (id, scope, deleted, created_at, updated_at, event_id, family_id, member_id, nik, "
            "name, birth_date, sex, relation, displaced, injury, deceased, heir_name, heir_relation, "
            "no_document_reason) VALUES (?, '32.71.01', 0, '2025-11-21', '2025-11-21', 'raw-event', ?, ?, ?, ?, ?, "
            "?, ?, 0, 'tidak', 0, '', '', '')",
            [(f"raw-{m[0]}", family_id, m[0], m[1], m[2], m[3], m[4], m[5]) for m in members],
        )
        conn.commit()
        elapsed = (time.perf_counter() - start) * 1000
        conn.execute("DELETE FROM victim WHERE event_id = 'raw-event'")
        conn.execute("DELETE FROM affected_family WHERE event_id = 'raw-event'")
        conn.commit()
        return elapsed
    finally:
        conn.close()


def registration_results(db: Database, event_id: str) -> list[Result]:
    targets = _unregistered_households(db, event_id, REGISTRATIONS * 2)
    kpm_ms, raw_ms = [], []
    for _household, nik in targets[:REGISTRATIONS]:
        start = time.perf_counter()
        _register_kpm(db, event_id, nik)
        kpm_ms.append((time.perf_counter() - start) * 1000)
    for _household, nik in targets[REGISTRATIONS:]:
        raw_ms.append(_raw_register_ms(db.path, nik))
    with db.read() as session:
        kelurahan = session.scalar(select(AffectedFamily.kelurahan_code).where(AffectedFamily.event_id == event_id))
    typed_ms = []
    for serial in range(REGISTRATIONS):
        start = time.perf_counter()
        _register_typed(db, event_id, serial, str(kelurahan))
        typed_ms.append((time.perf_counter() - start) * 1000)
    raw = statistics.median(raw_ms)
    baseline_name = "raw sqlite3: a NIK look-up and one family's INSERTs, committed"
    return [
        Result("relief: register a KPM family found by NIK (search + save)", statistics.median(kpm_ms), raw, "ms",
               target=TARGET_REGISTER_MS, baseline_name=baseline_name),
        Result("relief: register a family typed in after a name search", statistics.median(typed_ms), raw, "ms",
               target=TARGET_REGISTER_MS, baseline_name=baseline_name),
    ]  # fmt: skip


def _bnba_cells(db: Database, event_id: str) -> list[tuple[str, ...]]:
    with db.read() as session:
        data = relief_documents.bnba(session, event_id)
    return [
        (str(r.no), r.nik, r.name, r.sex, "-" if r.age is None else str(r.age), r.no_kk, r.address, r.rt_rw,
         r.kelurahan, "Ya" if r.is_kpm else "Tidak", r.damage, r.condition, r.aid, "")
        for r in data.rows
    ]  # fmt: skip


def _raw_pdf(cells: list[tuple[str, ...]], path: Path) -> None:
    regular, bold = register_fonts()
    size = landscape(A4)
    canvas = Canvas(str(path), pagesize=size, pageCompression=1, initialFontName=regular)
    per_page = int((size[1] - 110) // BNBA_ROW_HEIGHT)
    xs = [30.0]
    for col in BNBA_COLUMNS[:-1]:
        xs.append(xs[-1] + col.width)
    for start in range(0, len(cells), per_page):
        canvas.setFont(bold, BNBA_SIZE)
        for x, col in zip(xs, BNBA_COLUMNS, strict=True):
            canvas.drawString(x + 2, size[1] - 80, col.title)
        canvas.setFont(regular, BNBA_SIZE)
        y = size[1] - 80 - BNBA_ROW_HEIGHT
        for row in cells[start : start + per_page]:
            for x, text in zip(xs, row, strict=True):
                canvas.drawString(x + 2, y + 6, text)
            canvas.line(30, y, size[0] - 30, y)
            y -= BNBA_ROW_HEIGHT
        canvas.showPage()
    canvas.save()


def _raw_xlsx(cells: list[tuple[str, ...]], path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("BNBA")
    sheet.append([col.title for col in BNBA_COLUMNS])
    for row in cells:
        sheet.append(row)
    book.save(path)


def _seconds(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def document_results(db: Database, event_id: str, folder: Path) -> list[Result]:
    def ours_pdf() -> None:
        with db.read() as session:
            write_bnba_pdf(relief_documents.bnba(session, event_id), folder / "bnba.pdf")

    def ours_xlsx() -> None:
        with db.read() as session:
            write_bnba_xlsx(relief_documents.bnba(session, event_id), folder / "bnba.xlsx")

    cells = _bnba_cells(db, event_id)
    pdf_ours = min(_seconds(ours_pdf) for _ in range(2))
    pdf_raw = min(_seconds(lambda: _raw_pdf(cells, folder / "raw.pdf")) for _ in range(2))
    xlsx_ours = min(_seconds(ours_xlsx) for _ in range(2))
    xlsx_raw = min(_seconds(lambda: _raw_xlsx(cells, folder / "raw.xlsx")) for _ in range(2))
    rows = f"{len(cells):,} rows"
    return [
        Result(f"relief: BNBA as PDF ({rows}, query + writer)", pdf_ours, pdf_raw, "s", target=TARGET_PDF_S,
               baseline_name="plain reportlab drawing the same cells, one line each"),
        Result(f"relief: BNBA as Excel ({rows}, query + writer)", xlsx_ours, xlsx_raw, "s", target=TARGET_XLSX_S,
               baseline_name="openpyxl write-only writing the same cells"),
    ]  # fmt: skip


def results(caseload: Path) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="simoncer-relief-") as tmp:
        folder = Path(tmp)
        db, event_id = _prepare(caseload, folder)
        try:
            return registration_results(db, event_id) + document_results(db, event_id, folder)
        finally:
            db.close()


def _fresh_caseload(folder: Path, families: int) -> Path:
    path = folder / "caseload.sqlite3"
    db = open_bench_database(path)
    with db.transaction() as session:
        demo_data.generate(session, families=families, seed=1, region="32.71")
    db.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.relief")
    parser.add_argument("--db", type=Path, help="a caseload database to copy (default: 20,000 fresh families)")
    parser.add_argument("--families", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="simoncer-caseload-") as tmp:
        caseload = args.db or _fresh_caseload(Path(tmp), args.families)
        print(render(results(caseload)))


if __name__ == "__main__":
    main()
