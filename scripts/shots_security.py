"""The security screenshots (``screenshot.py``): the login with a wrong password, the first-run wizard's
recovery key page, the Pengguna dialog, the Jejak Audit page and a family's Riwayat tab."""

from __future__ import annotations

import os
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtTest import QTest  # noqa: E402
from shots_common import SIZE, cheap_argon2, compose_dialog, framed, grab, save, settle  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from simoncer_desktop.models import AffectedFamily, DisasterEvent, Facilitator  # noqa: E402
from simoncer_desktop.models.base import GLOBAL_SCOPE  # noqa: E402
from simoncer_desktop.models.enums import AuditAction, Relationship, Role  # noqa: E402
from simoncer_desktop.security import signin  # noqa: E402
from simoncer_desktop.security.keystore import format_recovery_key  # noqa: E402
from simoncer_desktop.services import auth, demo_data, demo_relief  # noqa: E402
from simoncer_desktop.services import relief_distribution as dist  # noqa: E402
from simoncer_desktop.services.assessment import DEFAULT_DEFINITION, record_assessment  # noqa: E402
from simoncer_desktop.services.caseload import (  # noqa: E402
    MemberInput,
    Validator,
    add_member,
    get_household,
    update_household,
)
from simoncer_desktop.store import Database  # noqa: E402
from simoncer_desktop.ui.dialogs.first_run_wizard import FirstRunWizard  # noqa: E402
from simoncer_desktop.ui.dialogs.login_dialog import LoginDialog  # noqa: E402
from simoncer_desktop.ui.dialogs.users_dialog import UsersDialog  # noqa: E402
from simoncer_desktop.ui.main_window import MainWindow  # noqa: E402
from simoncer_desktop.ui.models.audit_model import Column  # noqa: E402
from simoncer_desktop.ui.pages.audit_page import AuditPage  # noqa: E402
from simoncer_desktop.ui.widgets.table import select_row  # noqa: E402

SECURITY_REGION = "32.71"
FIXED_RECOVERY_KEY = format_recovery_key(
    bytes.fromhex("5a1c93e07b42d8f61e2c7a9b04d3f85a6c1e0b7d92f4a3c85e61d0b7f4a2c913")
)
"""Shown on the wizard's page instead of the random key of the throw-away database (all synthetic)."""
ADMIN = ("ani", "Ani Rahmawati", "contoh-admin-2026")
"""Synthetic accounts: (username, full name, password)."""
TEMPORARY_PASSWORD = "sementara-2026"


def first_run_shot(path: Path, out: Path) -> Database:
    """The wizard for a Dinas office laptop: its first page (new database or enrollment), then filled in, on
    its *Kunci pemulihan* page (key copied); it finishes on *Data awal* with an empty database."""
    wizard = FirstRunWizard(path)
    wizard.show()
    wizard.region_page.choose(SECURITY_REGION, GLOBAL_SCOPE)
    save(framed(wizard), out / "first-run-start.png")
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
    wizard.button(wizard.WizardButton.NextButton).click()
    assert wizard.currentPage() is wizard.data_page
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert wizard.result() == wizard.DialogCode.Accepted
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
