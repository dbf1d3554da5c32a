"""The sync screenshots (``screenshot.py``): the real central service on loopback, the Dinsos office and a
kecamatan laptop enrolled with one-time codes; the Sinkronisasi page after a sync and the Konflik page
with an open conflict."""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import uvicorn  # noqa: E402
from shots_common import SIZE, cheap_argon2, grab, settle  # noqa: E402
from shots_security import ADMIN, SECURITY_REGION  # noqa: E402
from sqlalchemy import select, text  # noqa: E402

from simoncer_central import devices  # noqa: E402
from simoncer_central.app import create_app  # noqa: E402
from simoncer_central.store import CentralDb, open_central  # noqa: E402
from simoncer_desktop.models import Household  # noqa: E402
from simoncer_desktop.models.base import GLOBAL_SCOPE  # noqa: E402
from simoncer_desktop.models.enums import HouseholdStatus, Role  # noqa: E402
from simoncer_desktop.security import signin  # noqa: E402
from simoncer_desktop.services import auth, demo_data, sync_status  # noqa: E402
from simoncer_desktop.services.caseload import (  # noqa: E402
    get_household,
    update_household,
)
from simoncer_desktop.store import Database  # noqa: E402
from simoncer_desktop.sync import capture, hlc  # noqa: E402
from simoncer_desktop.sync import engine as sync_engine  # noqa: E402
from simoncer_desktop.sync.client import SyncClient  # noqa: E402
from simoncer_desktop.sync.enrollment import enroll_device  # noqa: E402
from simoncer_desktop.ui.main_window import MainWindow  # noqa: E402
from simoncer_desktop.ui.pages.conflicts_page import ConflictsPage  # noqa: E402
from simoncer_desktop.ui.pages.sync_page import SyncPage  # noqa: E402

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
