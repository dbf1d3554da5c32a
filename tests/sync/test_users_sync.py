"""Users across laptops (issue 8): every captured op names its acting user, the central service checks
that user's role, and a laptop enrolled into a new, empty database receives its users and lets them sign
in offline with the passwords set at the office (hash wraps, ``sync.users.refresh_synced_wraps``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from simoncer_central.models import Change, FieldState
from simoncer_central.store import CentralDb
from simoncer_desktop.errors import AuthError, SimoncerError
from simoncer_desktop.models import Facilitator, Household
from simoncer_desktop.security import signin
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services import auth
from simoncer_desktop.services.caseload import create_household
from simoncer_desktop.store import Database
from simoncer_desktop.sync import engine, enrollment, outbox, state
from simoncer_desktop.sync.client import Enrollment, SyncClient
from simoncer_desktop.sync.users import NO_USERS_PULLED, has_users, refresh_synced_wraps
from tests.factories import KECAMATAN, household
from tests.sync.conftest import new_code
from tests.sync.live import LiveServer

pytestmark = pytest.mark.usefixtures("cheap_argon2")

ADMIN_PASSWORD = "kantor-dinsos-1"
PENDAMPING_PASSWORD = "pendamping-uji-1"
VIEWER_PASSWORD = "viewer-uji-1"


@dataclass
class Issued:
    """An enrollment already made with the server (the code was traded before the database existed), for
    ``enrollment.enroll_device`` to store."""

    server_url: str
    issued: Enrollment

    def enroll(self, code: str, name: str, app_version: str = "") -> Enrollment:
        return self.issued


@dataclass
class Office:
    db: Database
    client: SyncClient
    family: str


@pytest.fixture
def office(tmp_path: Path, central: CentralDb, central_server: LiveServer) -> Iterator[Office]:
    """The Dinsos office: an administrator, a pendamping and a viewer of KECAMATAN, and a family of the
    pendamping, synced to the central service."""
    db, _ = signin.create_database(tmp_path / "kantor.sqlite3", "32.71", "*", "admin", "Admin Kantor", ADMIN_PASSWORD)
    with db.transaction() as s:
        facilitator = Facilitator(name="Siti Pendamping", scope=KECAMATAN, kelurahan_codes="", yearly_target=10)
        s.add(facilitator)
        s.flush()
        facilitator_id = facilitator.id
        family = create_household(s, household(7, facilitator_id=facilitator_id))
    signin.add_user(
        db, auth.UserInput("pendamping", "Siti", "pendamping", PENDAMPING_PASSWORD, KECAMATAN, facilitator_id)
    )
    signin.add_user(db, auth.UserInput("viewer", "Vina", "viewer", VIEWER_PASSWORD, KECAMATAN))
    client = SyncClient(central_server.url)
    enrollment.enroll_device(db, client, new_code(central, "*"), "KANTOR")
    report = engine.sync_once(db, client)
    assert report.rejected == 0 and report.pending_after == 0, report
    yield Office(db, client, family)
    client.close()
    db.close()


def new_laptop(path: Path, central: CentralDb, server: LiveServer) -> tuple[Database, SyncClient, str]:
    """What ``simoncer-cli sync --enroll`` does for a missing database file: trade the code, create the
    database without users, store the enrollment, sync, make the hash wraps."""
    client = SyncClient(server.url)
    issued = client.enroll(new_code(central, KECAMATAN), "LAPTOP KECAMATAN")
    db, recovery = signin.create_enrolled_database(path, scope=issued.scope, region_code="32.71")
    enrollment.enroll_device(db, Issued(client.server_url, issued), "kode", "LAPTOP KECAMATAN")
    engine.sync_once(db, client)
    refresh_synced_wraps(db)
    return db, client, recovery


def sync_as(path: Path, username: str, password: str, client: SyncClient) -> engine.SyncReport:
    db = signin.sign_in(path, username, password)
    try:
        return engine.sync_once(db, client)
    finally:
        db.close()


def test_a_new_laptop_signs_its_users_in_offline_and_their_edits_are_checked(
    office: Office, tmp_path: Path, central: CentralDb, central_server: LiveServer
) -> None:
    path = tmp_path / "kecamatan.sqlite3"
    db, client, recovery = new_laptop(path, central, central_server)
    assert recovery and has_users(db)
    store = KeyStore.load(path)
    assert set(store.hash_wraps) == {"admin", "pendamping", "viewer"} and store.wraps == {}
    assert {"admin", "pendamping", "viewer"} <= store.known_users
    assert refresh_synced_wraps(db) == 0  # nothing changed: nothing re-made, the file not rewritten
    db.close()

    # offline: no server involved in signing in
    pendamping = signin.sign_in(path, "pendamping", PENDAMPING_PASSWORD)
    assert pendamping.identity is not None and pendamping.identity.role.value == "pendamping"
    with pendamping.transaction() as s:
        s.get(Household, office.family).welfare_class = "mampu"  # type: ignore[union-attr]
    pendamping.close()
    viewer = signin.sign_in(path, "viewer", VIEWER_PASSWORD)
    with viewer.transaction() as s:  # past the services (which refuse a viewer): the server must refuse too
        s.get(Household, office.family).address = "Jl. Tidak Boleh 9"  # type: ignore[union-attr]
        ops = outbox.pending(s)
    assert [(op.tbl, op.user, set(op.fields)) for op in ops] == [
        ("household", "pendamping", {"welfare_class"}),
        ("household", "viewer", {"address"}),
    ]
    viewer.close()
    with pytest.raises(AuthError, match="salah"):
        signin.sign_in(path, "pendamping", "bukan-sandinya")

    report = sync_as(path, "pendamping", PENDAMPING_PASSWORD, client)
    assert (report.applied, report.rejected) == (1, 1)
    db = signin.sign_in(path, "pendamping", PENDAMPING_PASSWORD)
    with db.read() as s:
        (poison,) = outbox.poisoned(s)
    db.close()
    assert poison.user == "viewer" and "oleh 'viewer'" in (poison.error or "")
    with central.transaction() as s:
        change = s.scalars(select(Change).where(Change.row_id == office.family).order_by(Change.seq.desc())).first()
        address = s.scalar(
            select(FieldState.value).where(FieldState.row_id == office.family, FieldState.field == "address")
        )
    assert change is not None and change.user_name == "pendamping" and "welfare_class" in change.fields
    assert "Tidak Boleh" not in (address or "")
    client.close()


def test_password_changed_or_account_closed_at_the_office_follows_to_the_laptop(
    office: Office, tmp_path: Path, central: CentralDb, central_server: LiveServer
) -> None:
    path = tmp_path / "kecamatan.sqlite3"
    db, client, _ = new_laptop(path, central, central_server)
    db.close()
    signin.sign_in(path, "viewer", VIEWER_PASSWORD).close()  # works before

    signin.reset_password(office.db, "pendamping", "sandi-baru-kantor-2")
    signin.set_active(office.db, "viewer", False)
    engine.sync_once(office.db, office.client)

    report = sync_as(path, "pendamping", PENDAMPING_PASSWORD, client)
    assert report.pulled > 0 and report.key_wraps_changed == 2  # the sync itself brought the key file along
    with pytest.raises(AuthError, match="salah"):
        signin.sign_in(path, "pendamping", PENDAMPING_PASSWORD)
    signin.sign_in(path, "pendamping", "sandi-baru-kantor-2").close()
    with pytest.raises(AuthError, match="belum pernah masuk di laptop ini"):
        signin.sign_in(path, "viewer", VIEWER_PASSWORD)
    assert "viewer" not in KeyStore.load(path).hash_wraps
    client.close()


def test_a_new_database_that_receives_no_user_says_so(
    tmp_path: Path, central: CentralDb, central_server: LiveServer
) -> None:
    db, client, _ = new_laptop(tmp_path / "kosong.sqlite3", central, central_server)
    try:
        assert not has_users(db)
        assert "belum mengirim satu pun akun" in NO_USERS_PULLED
        assert KeyStore.load(db.path).hash_wraps == {} and KeyStore.load(db.path).wraps == {}
        with db.read() as s:
            assert state.load(s).enrolled
    finally:
        db.close()
        client.close()


def test_create_enrolled_database_refuses_an_existing_file_and_leaves_nothing_on_failure(tmp_path: Path) -> None:
    path = tmp_path / "baru.sqlite3"
    db, recovery = signin.create_enrolled_database(path, scope=KECAMATAN)
    try:
        assert db.identity is None and len(db.key) == 32
        assert KeyStore.load(path).unlock_with_recovery(recovery) == db.key
    finally:
        db.close()
    with pytest.raises(SimoncerError, match="sudah ada"):
        signin.create_enrolled_database(path, scope=KECAMATAN)
    other = tmp_path / "gagal.sqlite3"
    with pytest.raises(SimoncerError, match=r"32\.99"):
        signin.create_enrolled_database(other, scope=KECAMATAN, region_code="32.99")
    assert not other.exists() and not KeyStore.exists(other)


def test_writes_are_stamped_with_the_signed_in_user_and_the_import_path_too(db: Database) -> None:
    """The ORM flush, a Core statement run through the session (the import's bulk path), and a change
    nobody signed in made (stored without a user, sent as the first administrator's)."""
    with db.transaction() as s:
        start = int(s.execute(text("SELECT coalesce(max(seq), 0) FROM sync_outbox")).scalar_one())
        family = create_household(s, household(3))
    with db.read() as s:  # the user is forgotten when the transaction that set it commits
        assert s.execute(text("SELECT acting_user FROM sync_clock")).scalar_one() is None
    with db.transaction() as s:
        s.execute(update(Household).where(Household.id == family).values(rt="009"))  # Core, through the session
    db.sign_in(None)
    with db.transaction() as s:
        s.get(Household, family).rw = "010"  # type: ignore[union-attr]
    with db.read() as s:
        ops = [op for op in outbox.pending(s, limit=10_000) if op.seq > start]
        stored = dict(s.execute(text("SELECT op_id, user_name FROM sync_outbox WHERE seq > :s"), {"s": start}).all())
    kinds = [(op.kind, sorted(op.fields)[:1] if op.kind == "update" else []) for op in ops]
    assert kinds[-2:] == [("update", ["rt"]), ("update", ["rw"])] and kinds[0][0] == "insert"
    assert {op.user for op in ops} == {"admin"}
    assert [stored[op.op_id] for op in ops[-2:]] == ["admin", None]  # stored NULL, read as the first admin


def test_a_database_without_a_key_file_has_no_wraps_to_refresh(db_without_users: Database) -> None:
    assert not KeyStore.exists(db_without_users.path)
    assert refresh_synced_wraps(db_without_users) == 0
    assert not KeyStore.exists(db_without_users.path)
