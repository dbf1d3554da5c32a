"""Screenshots for the docs at 1366×768, rendered offscreen: the Keluarga page, a family dialog, the
import wizard's preview of a file with typical faults, the Kualitas Data page, the Graduasi page's
cohort tab (a cohort of demo families at different stages) and decisions tab (with proposals), and the
Bencana page: the demo flood with its victims, the registration form with a KPM family picked by NIK,
the hand-over form, the stock card and the first page of the berita acara (when ``pdftoppm`` exists).
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
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import uvicorn  # noqa: E402
from argon2 import PasswordHasher, Type  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from benchmarks.keys import open_bench_database  # noqa: E402
from simoncer_central import devices  # noqa: E402
from simoncer_central.app import create_app  # noqa: E402
from simoncer_central.store import CentralDb, open_central  # noqa: E402
from simoncer_desktop.models import AffectedFamily, DisasterEvent, Facilitator, Household, Member  # noqa: E402
from simoncer_desktop.models.base import GLOBAL_SCOPE  # noqa: E402
from simoncer_desktop.models.enums import AuditAction, HouseholdStatus, Relationship, Role  # noqa: E402
from simoncer_desktop.reports.excel.recap_workbook import write_recap  # noqa: E402
from simoncer_desktop.reports.relief_print import DocumentKind, DocumentRequest, print_document  # noqa: E402
from simoncer_desktop.security import signin  # noqa: E402
from simoncer_desktop.security.keystore import format_recovery_key  # noqa: E402
from simoncer_desktop.services import auth, caseload_export, demo_data, demo_relief, sync_status  # noqa: E402
from simoncer_desktop.services import programme as prog  # noqa: E402
from simoncer_desktop.services import programme_progress as progress  # noqa: E402
from simoncer_desktop.services import relief_distribution as dist  # noqa: E402
from simoncer_desktop.services.assessment import DEFAULT_DEFINITION, record_assessment  # noqa: E402
from simoncer_desktop.services.caseload import (  # noqa: E402
    MemberInput,
    Validator,
    add_member,
    get_household,
    update_household,
)
from simoncer_desktop.services.caseload_query import CaseloadFilter  # noqa: E402
from simoncer_desktop.services.components import age_on  # noqa: E402
from simoncer_desktop.services.programme_decision import propose_graduation  # noqa: E402
from simoncer_desktop.store import Database  # noqa: E402
from simoncer_desktop.sync import capture, hlc  # noqa: E402
from simoncer_desktop.sync import engine as sync_engine  # noqa: E402
from simoncer_desktop.sync.client import SyncClient  # noqa: E402
from simoncer_desktop.sync.enrollment import enroll_device  # noqa: E402
from simoncer_desktop.ui import tasks  # noqa: E402
from simoncer_desktop.ui.app import create_application  # noqa: E402
from simoncer_desktop.ui.dialogs.distribution_dialog import DistributionDialog  # noqa: E402
from simoncer_desktop.ui.dialogs.first_run_wizard import FirstRunWizard  # noqa: E402
from simoncer_desktop.ui.dialogs.import_wizard import ImportWizard  # noqa: E402
from simoncer_desktop.ui.dialogs.login_dialog import LoginDialog  # noqa: E402
from simoncer_desktop.ui.dialogs.users_dialog import UsersDialog  # noqa: E402
from simoncer_desktop.ui.dialogs.victim_dialog import VictimDialog  # noqa: E402
from simoncer_desktop.ui.main_window import MainWindow  # noqa: E402
from simoncer_desktop.ui.models.audit_model import Column  # noqa: E402
from simoncer_desktop.ui.pages.audit_page import AuditPage  # noqa: E402
from simoncer_desktop.ui.pages.conflicts_page import ConflictsPage  # noqa: E402
from simoncer_desktop.ui.pages.sync_page import SyncPage  # noqa: E402
from simoncer_desktop.ui.widgets.form import select_value  # noqa: E402
from simoncer_desktop.ui.widgets.table import select_row  # noqa: E402

SIZE = (1366, 768)


def settle(ms: int = 100) -> None:
    """Let Qt lay out and paint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.processEvents()


def grab(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({widget.width()}×{widget.height()})")


def compose_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window dimmed with the dialog on top, framed (offscreen windows have no decorations)."""
    pixmap = window.grab()
    painter = QPainter(pixmap)
    painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 90))
    offset = dialog.geometry().topLeft() - window.geometry().topLeft()
    painter.drawPixmap(offset, dialog.grab())
    painter.setPen(QColor("#1f3550"))
    painter.drawRect(offset.x(), offset.y(), dialog.width() - 1, dialog.height() - 1)
    painter.end()
    return pixmap


def framed(widget: QWidget) -> QPixmap:
    """A top-level dialog alone with a thin frame (offscreen windows have no decorations)."""
    settle()
    pixmap = widget.grab()
    painter = QPainter(pixmap)
    painter.setPen(QColor("#1f3550"))
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.end()
    return pixmap


def save(pixmap: QPixmap, path: Path) -> None:
    if not pixmap.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({pixmap.width()}×{pixmap.height()})")


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

SECURITY_REGION = "32.71"
FIXED_RECOVERY_KEY = format_recovery_key(
    bytes.fromhex("5a1c93e07b42d8f61e2c7a9b04d3f85a6c1e0b7d92f4a3c85e61d0b7f4a2c913")
)
"""Shown on the wizard's page instead of the random key of the throw-away database (all synthetic)."""
ADMIN = ("ani", "Ani Rahmawati", "contoh-admin-2026")
"""Synthetic accounts: (username, full name, password)."""
TEMPORARY_PASSWORD = "sementara-2026"


@contextmanager
def cheap_argon2() -> Iterator[None]:
    """argon2id at the smallest cost (as in the tests): the real one takes ~0.3 s and 128 MiB per password."""
    names = ("TIME_COST", "MEMORY_COST_KIB", "PARALLELISM", "HASHER")
    saved = {name: getattr(auth, name) for name in names}
    auth.TIME_COST, auth.MEMORY_COST_KIB, auth.PARALLELISM = 1, 8, 1
    auth.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(auth, name, value)


def first_run_shot(path: Path, out: Path) -> Database:
    """The wizard for a Dinas office laptop, filled in, on its *Kunci pemulihan* page (key copied)."""
    wizard = FirstRunWizard(path)
    wizard.show()
    wizard.region_page.choose(SECURITY_REGION, GLOBAL_SCOPE)
    wizard.next()
    page = wizard.admin_page
    username, full_name, password = ADMIN
    QTest.keyClicks(page.username_edit, username)
    QTest.keyClicks(page.full_name_edit, full_name)
    QTest.keyClicks(page.pair.password_edit, password)
    QTest.keyClicks(page.pair.repeat_edit, password)
    wizard.button(wizard.WizardButton.CommitButton).click()
    assert wizard.currentPage() is wizard.recovery_page and wizard.database is not None, page.error.text()
    view = wizard.recovery_page.view
    view.set_key(FIXED_RECOVERY_KEY, view.db_path, view.region)
    view.copy_button.click()
    save(framed(wizard), out / "first-run-recovery-key.png")
    wizard.recovery_page.saved_check.setChecked(True)
    wizard.button(wizard.WizardButton.FinishButton).click()
    database = wizard.database
    wizard.deleteLater()
    return database


def signed_in_with_own_password(path: Path, username: str, password: str) -> Database:
    """Sign in with the temporary password an admin gave and choose an own one, as the first login asks."""
    database = signin.sign_in(path, username, TEMPORARY_PASSWORD)
    signin.change_password(database, username, TEMPORARY_PASSWORD, password)
    return database


def synthetic_nik(session: Session, household_id: str, kecamatan: str, member: MemberInput) -> str:
    """A free, valid NIK for a new member: kecamatan, birth date (day + 40 for women) and a serial."""
    born = member.birth_date
    assert born is not None
    day = born.day + (40 if member.sex == "P" else 0)
    prefix = f"{kecamatan.replace('.', '')}{day:02d}{born:%m%y}"
    check = Validator(session)
    for serial in range(9001, 9100):
        member.nik = f"{prefix}{serial:04d}"
        if not check.member(member, household_id=household_id):
            return member.nik
    raise SystemExit("no free NIK for the new member")


def security_changes(db: Database, path: Path, families: int) -> str:
    """Demo data, four more accounts and a few real changes through the services, as different users, so the
    trail has entries; returns the family that was changed (edited, a baby added, rice handed over, assessed)."""
    with db.transaction() as session:
        demo_data.generate(session, families=families, seed=1, region=SECURITY_REGION)
    with db.transaction() as session:
        flood = demo_relief.generate(session, victims=60, seed=1)
        demo_relief.with_aid(session, flood.event_id, demo_relief.DEMO_DAY)
    with db.read() as session:
        event = session.get(DisasterEvent, flood.event_id)
        assert event is not None
        kecamatan = event.kecamatan_code
        family_id, household_id, head = session.execute(
            select(AffectedFamily.id, AffectedFamily.household_id, AffectedFamily.head_name)
            .where(AffectedFamily.event_id == flood.event_id, AffectedFamily.household_id.is_not(None))
            .order_by(AffectedFamily.id.desc())
            .limit(1)
        ).one()
        facilitator = session.scalars(
            select(Facilitator).where(Facilitator.kelurahan_codes.startswith(f"{kecamatan}.")).order_by(Facilitator.id)
        ).first()
        assert facilitator is not None
        facilitator_id, facilitator_name = facilitator.id, facilitator.name
    first_name = unicodedata.normalize("NFKD", facilitator_name.split()[0]).encode("ascii", "ignore").decode()
    pendamping = first_name.lower()
    for data in (
        auth.UserInput("budi", "Budi Santoso", Role.OPERATOR, TEMPORARY_PASSWORD, scope=kecamatan),
        auth.UserInput("citra", "Citra Lestari", Role.SUPERVISOR, TEMPORARY_PASSWORD),
        auth.UserInput(pendamping, facilitator_name, Role.FACILITATOR, TEMPORARY_PASSWORD, kecamatan, facilitator_id),
        auth.UserInput("eko", "Eko Prasetyo", Role.VIEWER, TEMPORARY_PASSWORD),
    ):
        signin.add_user(db, data)
    signin.set_active(db, "eko", False)

    operator = signed_in_with_own_password(path, "budi", "sandi-budi-2026")
    with operator.transaction() as session:
        changed = get_household(session, household_id).to_input()
        changed.address, changed.rt, changed.phone = "Jl. Batutulis Gg. Mawar No. 12", "004", "081298765432"
        update_household(session, household_id, changed)
    with operator.transaction() as session:
        baby = MemberInput("", "Aisyah Putri", date.today() - timedelta(days=45), "P", Relationship.CHILD.value)
        synthetic_nik(session, household_id, kecamatan, baby)
        add_member(session, household_id, baby)
    with operator.transaction() as session:
        rice = next(e for e in dist.event_entitlements(session, flood.event_id) if e.code == "beras")
        handed = demo_relief.DEMO_DAY + timedelta(days=2)
        data = dist.DistributionInput(rice.id, family_id, None, handed, head, confirmed=True)
        dist.distribute(session, data, "Budi Santoso")
    operator.close()

    supervisor = signed_in_with_own_password(path, "citra", "sandi-citra-2026")
    best = {q.code: max(q.options, key=lambda o: o.points).code for q in DEFAULT_DEFINITION.questions}
    with supervisor.transaction() as session:
        record_assessment(session, household_id, best, date.today(), "Citra Lestari", "Kunjungan setelah banjir")
    supervisor.close()
    return household_id


def security_shots(out: Path, folder: Path, families: int = 300) -> None:
    """Login, first run, users, Jejak Audit and Riwayat over a database made by the first-run wizard."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "simoncer.sqlite3"
    with cheap_argon2():
        db = first_run_shot(path, out)
        household_id = security_changes(db, path, families)

        window = MainWindow(db)
        window.resize(*SIZE)
        window.show()
        settle(200)

        users = UsersDialog(db, window)
        users.show()
        users.move(window.geometry().center() - users.rect().center())  # where the window manager puts it
        users.select_user("budi")
        settle()
        save(compose_dialog(window, users), out / "users.png")
        users.reject()
        users.deleteLater()

        window.show_page(next(i for i, info in enumerate(window.pages_info) if info.key == "audit"))
        audit = window.page("audit")
        assert isinstance(audit, AuditPage)
        settle(300)
        model = audit.model
        columns = model.columns
        row = next(
            r
            for r in range(model.rowCount())
            if model.data(model.index(r, columns.index(Column.ACTION))) == AuditAction.UPDATE.label
            and model.data(model.index(r, columns.index(Column.FIELD))) == "Alamat"
        )
        select_row(audit.view, row)
        grab(window, out / "audit-page.png")

        window.show_page(1)
        caseload = window.caseload_page
        caseload.open_household(household_id)
        family = caseload.dialog
        assert family is not None
        family.show_history()
        settle(300)
        save(compose_dialog(window, family), out / "family-history.png")
        family.reject()
        settle()
        window.close()
        db.close()

        login = LoginDialog(path)
        login.show()
        login.activateWindow()  # so that only the focused field draws a caret
        settle()
        QTest.keyClicks(login.username_edit, "budi")
        QTest.keyClicks(login.password_edit, "salah-ketik-1")
        login.sign_in_button.click()
        assert "Sisa" in login.message, login.message
        save(framed(login), out / "login.png")
        login.close()
        login.deleteLater()


# --- sync: Sinkronisasi and Konflik -------------------------------------------------------------------

SYNC_KECAMATAN = "32.71.01"
"""Bogor Selatan: the kecamatan laptop of the sync pictures."""
KECAMATAN_LAPTOP = "LAPTOP-BOGSEL"
SYNC_PASSWORD = "sandi-contoh-2026"
"""Every synthetic account of the sync part has this password."""
DEMO_TABLES = ("facilitator", "household", "member")
"""What ``demo_data.generate`` writes, parents first."""


@contextmanager
def central_service(folder: Path) -> Iterator[tuple[str, CentralDb]]:
    """The real central service on a SQLite file in ``folder``, served by uvicorn on loopback in a thread
    (as ``tests/sync/live.py`` does): yields its URL and database (for one-time codes)."""
    central = open_central(f"sqlite:///{folder / 'central.sqlite3'}")
    central.upgrade()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    config = uvicorn.Config(
        create_app(central, upgrade=False), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise SystemExit("the central service did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}", central
    finally:
        server.should_exit = True
        thread.join(10)


def enroll(db: Database, url: str, central: CentralDb, scope: str, name: str) -> None:
    """What the administrator does: a one-time code made on the server (``simoncer-central enroll``), traded
    for this device's token as the Sinkronisasi page does."""
    with central.transaction() as session:
        code = devices.create_enrollment_code(session, scope, name)
    with SyncClient(url) as client:
        enroll_device(db, client, code, name)


def sync(db: Database) -> sync_engine.SyncReport:
    with db.read() as session:
        client = sync_status.client_for(session)
    with client:
        return sync_engine.sync_once(db, client)


def change_family(db: Database, household_id: str, **fields: str) -> None:
    """Edit a family through the caseload service, as the signed-in user (captured for sync)."""
    with db.transaction() as session:
        data = get_household(session, household_id).to_input()
        for name, value in fields.items():
            setattr(data, name, value)
        update_household(session, household_id, data)


def office_laptop(folder: Path, url: str, central: CentralDb, families: int) -> tuple[Database, list[str]]:
    """The Dinsos office (scope ``*``): demo families, the kecamatan's accounts, all pushed to the server.
    Returns the database (signed in as the admin) and four families of the kecamatan (by No. KK)."""
    username, full_name, _password = ADMIN
    db, _recovery = signin.create_database(
        folder / "kantor.sqlite3", SECURITY_REGION, GLOBAL_SCOPE, username, full_name, SYNC_PASSWORD
    )
    with db.transaction() as session:
        # demo data is written with capture off (it never leaves a laptop); here it is queued on purpose,
        # the way a bulk write is (one insert op per new row, parents first), to seed the throw-away server
        marks = {t: int(session.scalar(text(f'SELECT coalesce(max(rowid), 0) FROM "{t}"')) or 0) for t in DEMO_TABLES}
        demo_data.generate(session, families=families, seed=1, region=SECURITY_REGION)
        stamp, columns = hlc.tick(session), capture.captured_columns()
        for table in DEMO_TABLES:
            session.execute(text(capture.backfill_sql(table, columns[table], stamp, marks[table], acting_user=True)))
        chosen = list(
            session.scalars(
                select(Household.id)
                .where(Household.scope == SYNC_KECAMATAN, Household.status == HouseholdStatus.ACTIVE)
                .order_by(Household.no_kk)
                .limit(4)
            )
        )
    for data in (
        auth.UserInput("budi", "Budi Santoso", Role.OPERATOR, SYNC_PASSWORD, scope=SYNC_KECAMATAN),
        auth.UserInput("dewi", "Dewi Anggraini", Role.OPERATOR, SYNC_PASSWORD, scope=SYNC_KECAMATAN),
        auth.UserInput("citra", "Citra Lestari", Role.SUPERVISOR, SYNC_PASSWORD, scope=SYNC_KECAMATAN),
    ):
        signin.add_user(db, data)
    enroll(db, url, central, GLOBAL_SCOPE, "KANTOR-DINSOS")
    sync(db)
    return db, chosen


def kecamatan_edit(path: Path, username: str, household_id: str, **fields: str) -> None:
    """A field worker signs in on the kecamatan laptop (offline) and edits a family."""
    db = signin.sign_in(path, username, SYNC_PASSWORD)
    try:
        change_family(db, household_id, **fields)
    finally:
        db.close()


def sync_shots(out: Path, folder: Path, families: int = 120) -> None:
    """An office laptop and a kecamatan laptop on the real central service: the kecamatan laptop's Sinkronisasi
    page just after *Sinkronkan sekarang* (one change merged, one refused) and its Konflik page."""
    folder.mkdir(parents=True, exist_ok=True)
    with cheap_argon2(), central_service(folder) as (url, central):
        office, (family, other, third, fourth) = office_laptop(folder, url, central, families)

        path = folder / "kecamatan.sqlite3"  # a new laptop enrolled for Bogor Selatan: users and caseload come down
        laptop, _recovery = signin.create_enrolled_database(path, scope=SYNC_KECAMATAN, region_code=SECURITY_REGION)
        enroll(laptop, url, central, SYNC_KECAMATAN, KECAMATAN_LAPTOP)
        sync(laptop)
        laptop.close()

        # offline on the laptop: Dewi updates a phone number; then the office deactivates her account
        kecamatan_edit(path, "dewi", other, phone="085711223344")
        signin.set_active(office, "dewi", False)
        # Budi corrects an address and RT; a moment later the office records another address for that family
        kecamatan_edit(path, "budi", family, address="Jl. Cipaku No. 7", rt="003")
        kecamatan_edit(path, "budi", third, phone="081377889900")
        time.sleep(0.3)  # the office's edit is later by more than the two clocks can differ
        change_family(office, family, address="Jl. Pahlawan 5")
        change_family(office, fourth, phone="082155667788")
        sync(office)
        office.close()

        laptop = signin.sign_in(path, "citra", SYNC_PASSWORD)
        window = MainWindow(laptop)
        window.resize(*SIZE)
        window.show()
        window.show_page(window.page_index("sync"))
        page = window.page("sync")
        assert isinstance(page, SyncPage)
        settle(200)
        page.sync_button.click()
        settle(300)
        assert window.sync_status.state_label.text() == "Daring", page.message_label.text()
        grab(window, out / "sync.png")

        window.show_page(window.page_index("conflicts"))
        conflicts = window.page("conflicts")
        assert isinstance(conflicts, ConflictsPage)
        settle(300)
        assert conflicts.model.rowCount() >= 1, conflicts.message_label.text()
        conflicts.view.selectRow(0)
        assert conflicts.keep_button.isEnabled() and conflicts.reinstate_button.isEnabled()
        grab(window, out / "conflicts.png")
        window.sync.shutdown()
        window.close()
        laptop.close()


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
    window.close()
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
