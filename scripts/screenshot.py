"""Screenshots for the docs at 1366×768, rendered offscreen: the Keluarga page, a family dialog, the
import wizard's preview of a file with typical faults, the Kualitas Data page, the Graduasi page's
cohort tab (a cohort of demo families at different stages) and decisions tab (with proposals), and the
Bencana page: the demo flood with its victims, the registration form with a KPM family picked by NIK,
the hand-over form, the stock card and the first page of the berita acara (when ``pdftoppm`` exists);
then (``shots_product``) Beranda, Pengaturan, the user guide, Tentang Simoncer and Keluarga in English.
The security part (``security_shots``): the login with a wrong password, the first-run wizard's recovery
key page, the Pengguna dialog, the Jejak Audit page and a family's Riwayat tab.
The sync part (``sync_shots``): a kecamatan laptop's Sinkronisasi page just after *Sinkronkan sekarang*
(one change merged, one refused because its author was deactivated meanwhile; the status bar *Daring*) and
its Konflik page with the address two laptops changed differently (``sync.png``, ``conflicts.png``).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot.py [--out docs/screenshots]
        [--security-only | --sync-only]

Makes its own demo database (2,000 synthetic families, seed 1) in a temporary folder; the security part
makes another one through the first-run wizard (cheap argon2, 300 families, synthetic users). The sync part
runs the real central service (``simoncer_central``, SQLite in the temporary folder) with uvicorn on
loopback, and two encrypted laptops enrolled with one-time codes: the Dinsos office (120 synthetic families,
pushed) and a new Bogor Selatan laptop that pulls its kecamatan, then syncs field edits (a few seconds).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402
from shots_common import SIZE, compose_dialog, grab, settle  # noqa: E402
from shots_product import english_shot, product_shots  # noqa: E402
from shots_security import security_shots  # noqa: E402
from shots_sync import sync_shots  # noqa: E402
from sqlalchemy import select  # noqa: E402

from benchmarks.keys import open_bench_database  # noqa: E402
from simoncer_desktop.models import Household, Member  # noqa: E402
from simoncer_desktop.models.enums import HouseholdStatus  # noqa: E402
from simoncer_desktop.reports.excel.recap_workbook import write_recap  # noqa: E402
from simoncer_desktop.reports.relief_print import DocumentKind, DocumentRequest, print_document  # noqa: E402
from simoncer_desktop.services import caseload_export, demo_data, demo_relief  # noqa: E402
from simoncer_desktop.services import programme as prog  # noqa: E402
from simoncer_desktop.services import programme_progress as progress  # noqa: E402
from simoncer_desktop.services.assessment import DEFAULT_DEFINITION, record_assessment  # noqa: E402
from simoncer_desktop.services.caseload_query import CaseloadFilter  # noqa: E402
from simoncer_desktop.services.components import age_on  # noqa: E402
from simoncer_desktop.services.programme_decision import propose_graduation  # noqa: E402
from simoncer_desktop.store import Database  # noqa: E402
from simoncer_desktop.ui import tasks  # noqa: E402
from simoncer_desktop.ui.app import create_application  # noqa: E402
from simoncer_desktop.ui.dialogs.distribution_dialog import DistributionDialog  # noqa: E402
from simoncer_desktop.ui.dialogs.import_wizard import ImportWizard  # noqa: E402
from simoncer_desktop.ui.dialogs.victim_dialog import VictimDialog  # noqa: E402
from simoncer_desktop.ui.main_window import MainWindow  # noqa: E402
from simoncer_desktop.ui.widgets.form import select_value  # noqa: E402


def faulty_export(db: Database, folder: Path) -> Path:
    """Export one kecamatan of the demo caseload, then spoil a few cells the way real files are spoilt."""
    path = folder / "kpm-bogor-selatan.xlsx"
    with db.read() as session:
        caseload_export.export_caseload(session, path, CaseloadFilter(kecamatan="32.71.01"))
    workbook = load_workbook(path)
    sheet = workbook.active
    header = [c.value for c in sheet[1]]
    column = {name: header.index(name) + 1 for name in header}
    nik = str(sheet.cell(3, column["NIK"]).value)
    sheet.cell(3, column["NIK"]).value = int(nik[:15] + "0")  # Excel kept 15 digits
    sheet.cell(8, column["TANGGAL_LAHIR"]).value = "31-02-1990"
    sheet.cell(12, column["JENIS_KELAMIN"]).value = "X"
    workbook.save(path)
    return path


def graduation_demo(db: Database, today: date) -> None:
    """A cohort in Bogor Selatan with six demo families at different stages (one has finished), and two of
    them assessed twice (better the second time) and proposed for graduasi sejahtera mandiri."""
    start, enrolled_on = today - timedelta(days=120), today - timedelta(days=110)
    best = {q.code: max(q.options, key=lambda o: o.points).code for q in DEFAULT_DEFINITION.questions}
    poor = {q.code: min(q.options, key=lambda o: o.points).code for q in DEFAULT_DEFINITION.questions}
    with db.transaction() as s:
        chosen: list[tuple[str, str]] = []
        for hh in s.scalars(
            select(Household)
            .where(Household.kelurahan_code.startswith("32.71.01."), Household.status == HouseholdStatus.ACTIVE)
            .order_by(Household.no_kk)
        ):
            member = next(
                (
                    m
                    for m in s.scalars(select(Member).where(Member.household_id == hh.id).order_by(Member.birth_date))
                    if not m.deceased and 18 <= age_on(m.birth_date, enrolled_on) <= 59
                ),
                None,
            )
            if member is not None:
                chosen.append((hh.id, member.id))
            if len(chosen) == 6:
                break
        data = prog.CohortInput(f"Kohort Bogor Selatan {start.year}", start.year, start, "32.71.01")
        cohort = prog.create_cohort(s, data)
        reached = [7, 7, 5, 4, 3, 2]  # the stage each family is in afterwards (7 = programme complete)
        families = [
            (prog.enroll(s, cohort, hh, member, enrolled_on), top)
            for (hh, member), top in zip(chosen, reached, strict=True)
        ]
        for stage in prog.Stage:
            held_on = enrolled_on + timedelta(days=14 * stage.value)
            for n in range(2):
                topic = f"Pertemuan {n + 1}"
                session_id = progress.add_session(s, cohort, stage.value, held_on + timedelta(days=n), topic)
                # the family still in stage 3 missed its second session there
                marks = {e: not (n == 1 and top == stage.value == 3) for e, top in families if top >= stage.value}
                if marks:
                    progress.record_attendance(s, session_id, marks)
            for enrollment, top in families:
                if top > stage.value:
                    progress.pass_stage(s, enrollment, stage.value, held_on + timedelta(days=2), "Rina Pendamping")
        for hh, _member in chosen[:2]:
            record_assessment(s, hh, poor, start, "Rina Pendamping")
            latest = record_assessment(s, hh, best, today - timedelta(days=3), "Rina Pendamping")
            propose_graduation(s, hh, latest, "Usaha warung berjalan, pendapatan stabil", "Rina Pendamping", today)


def relief_shots(window: MainWindow, db: Database, out: Path, tmp: Path) -> None:
    """The demo flood (150 victims, rice handed to a third of the families) on the Bencana page."""
    with db.transaction() as session:
        flood = demo_relief.generate(session, victims=150, seed=1)
        demo_relief.with_aid(session, flood.event_id, demo_relief.DEMO_DAY)
    window.show_page(3)
    page = window.relief_page
    tab = page.events_tab
    tab.reload(flood.event_id)
    settle(300)
    tab.families_table.selectRow(0)
    grab(window, out / "relief-events.png")

    with db.read() as session:
        nik = session.scalar(
            select(Member.nik)
            .join(Household, Household.id == Member.household_id)
            .where(Household.status == "aktif", Household.kelurahan_code.startswith("32.71.06."))
            .where(Member.nik.is_not(None), Member.is_recipient.is_(True))
            .order_by(Member.id)
            .limit(1)
        )
    tab.register_family()
    dialog = tab.dialog
    assert isinstance(dialog, VictimDialog) and nik
    dialog.search_edit.setText(nik)
    dialog.run_search()
    dialog.pick(0)
    select_value(dialog.damage_combo, "sedang")
    dialog.needs_edit.setText("selimut, susu bayi")
    settle()
    compose_dialog(window, dialog).save(str(out / "relief-register.png"))
    print(out / "relief-register.png")
    dialog.reject()
    settle()

    given = next(i for i, row in enumerate(tab.families.rows) if row.is_kpm)
    tab.families_table.selectRow(given)
    page.event_actions.distribute()
    handing = tab.dialog
    assert isinstance(handing, DistributionDialog)
    settle()
    compose_dialog(window, handing).save(str(out / "relief-distribution.png"))
    print(out / "relief-distribution.png")
    handing.reject()
    settle()

    page.tabs.setCurrentWidget(page.stock_tab)
    settle(300)
    page.stock_tab.select_item("beras")
    settle(300)
    grab(window, out / "relief-stock.png")
    page.tabs.setCurrentWidget(tab)

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found: no picture of the berita acara")
        return
    pdf = tmp / "berita-acara.pdf"
    with db.read() as session:
        print_document(session, DocumentRequest(DocumentKind.BERITA_ACARA, flood.event_id, "pdf"), pdf)
    target = out / "relief-berita-acara"
    page_one = ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([pdftoppm, *page_one, str(pdf), str(target)], check=True)
    print(f"{target}.png")


def recap_shots(window: MainWindow, out: Path, tmp: Path) -> None:
    """The Laporan page's preview of this year's recap and, when LibreOffice and pdftoppm exist, the
    workbook's first sheet as printed (A4 landscape)."""
    window.show_page(4)
    page = window.reports_page
    settle(300)
    page.preview()
    settle(300)
    grab(window, out / "recap-page.png")
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice is None or pdftoppm is None:
        print("soffice or pdftoppm not found: no picture of the recap workbook")
        return
    workbook = tmp / "rekap.xlsx"
    assert page.recap is not None
    write_recap(page.recap, workbook)
    profile = (tmp / "lo-profile").as_uri()
    convert = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*convert, "--outdir", str(tmp), str(workbook)], check=True, capture_output=True, timeout=180)
    target = out / "recap-ringkasan"
    page_one = ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([pdftoppm, *page_one, str(tmp / "rekap.pdf"), str(target)], check=True)
    print(f"{target}.png")


# --- security: accounts, audit trail --------------------------------------------------------------------


def caseload_shots(out: Path, families: int, tmp: Path) -> None:
    """Keluarga, family dialog, import, Kualitas Data, Graduasi, Bencana and Laporan over the demo caseload."""
    db = open_bench_database(tmp / "demo.sqlite3")  # encrypted with the fixed benchmark key
    with db.transaction() as session:
        demo_data.generate(session, families=families, seed=1, region="32.71")
    window = MainWindow(db)
    window.resize(*SIZE)
    window.show()
    window.show_page(1)
    page = window.caseload_page
    page.select_row(0)
    grab(window, out / "caseload.png")

    household_id = page.selected_household_id()
    assert household_id is not None
    page.open_household(household_id)
    dialog = page.dialog
    assert dialog is not None
    settle()
    path = out / "family.png"
    compose_dialog(window, dialog).save(str(path))
    print(f"{path} (dialog {dialog.width()}×{dialog.height()})")
    dialog.reject()
    settle()

    source = faulty_export(db, tmp)
    ImportWizard.ask_open_path = lambda _self: str(source)  # type: ignore[method-assign]
    page.import_data()
    wizard = page.import_dialog
    assert wizard is not None
    wizard.path_edit.setText(str(source))
    wizard.check()
    settle()
    path = out / "import.png"
    compose_dialog(window, wizard).save(str(path))
    print(f"{path} (dialog {wizard.width()}×{wizard.height()})")
    wizard.reject()
    settle()

    window.show_page(5)
    settle(300)
    grab(window, out / "data-quality.png")

    graduation_demo(db, date.today())
    window.show_page(2)
    graduation = window.graduation_page
    graduation.tabs.setCurrentWidget(graduation.cohort_tab)
    graduation.cohort_tab.reload()
    settle(300)
    grab(window, out / "graduation-cohort.png")
    graduation.tabs.setCurrentWidget(graduation.decision_tab)
    graduation.decision_tab.reload()
    settle(300)
    graduation.decision_tab.table.selectRow(0)
    grab(window, out / "graduation-decisions.png")
    relief_shots(window, db, out, tmp)
    recap_shots(window, out, tmp)
    product_shots(window, db, out)
    window.close()
    english_shot(db, out)
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--families", type=int, default=2000)
    only = parser.add_mutually_exclusive_group()
    only.add_argument(
        "--security-only", action="store_true", help="only the security part (login, first run, users, audit)"
    )
    only.add_argument("--sync-only", action="store_true", help="only the sync part (Sinkronisasi, Konflik)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tasks.RUN_INLINE = True  # nothing slow happens here; keep the script linear

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SIMONCER_DATA_DIR"] = tmp
        app = create_application()
        if not (args.security_only or args.sync_only):
            caseload_shots(args.out, args.families, Path(tmp))
        if not args.sync_only:
            security_shots(args.out, Path(tmp) / "akun")
        if not args.security_only:
            sync_shots(args.out, Path(tmp) / "sinkron")
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
