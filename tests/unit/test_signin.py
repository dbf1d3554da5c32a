"""Signing in to the encrypted database: creating it, passwords, deactivated and synced users, recovery,
the account operations that keep the database and the key file together, adopting a plain database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select

from simoncer_desktop.errors import AuthError, PermissionDeniedError, SimoncerError, ValidationError
from simoncer_desktop.models import User
from simoncer_desktop.models.enums import Role
from simoncer_desktop.security import engine as encrypted
from simoncer_desktop.security import signin
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services import auth
from simoncer_desktop.services.auth import UserInput
from simoncer_desktop.services.settings import REGION_CODE, get_setting, set_setting
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN
from tests.keys import TEST_KEY, TEST_PASSWORD

PASSWORD = "rahasia-admin-1"
REGION = "32.71"

pytestmark = pytest.mark.usefixtures("cheap_argon2")


def _cheap(mp: pytest.MonkeyPatch) -> None:
    mp.setattr(auth, "TIME_COST", 1)
    mp.setattr(auth, "MEMORY_COST_KIB", 8)
    mp.setattr(auth, "PARALLELISM", 1)
    mp.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))


@pytest.fixture(scope="module")
def created(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One database made by ``create_database`` (loading the region list once): (path, recovery key)."""
    path = tmp_path_factory.mktemp("signin") / "simoncer.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        _cheap(mp)
        database, recovery = signin.create_database(path, REGION, KECAMATAN, " Admin", "Ani Administrator", PASSWORD)
    database.close()
    return path, recovery


@pytest.fixture
def path(created: tuple[Path, str], tmp_path: Path) -> Path:
    """A copy of the created database and its key file."""
    source, _ = created
    target = tmp_path / "simoncer.sqlite3"
    shutil.copyfile(source, target)
    shutil.copyfile(KeyStore.path_for(source), KeyStore.path_for(target))
    return target


@pytest.fixture
def admin_db(path: Path) -> Iterator[Database]:
    database = signin.sign_in(path, "admin", PASSWORD)
    yield database
    database.close()


def _budi(password: str = "sementara-123") -> UserInput:
    return UserInput(username="budi", full_name="Budi Santoso", role=Role.OPERATOR, password=password, scope=KECAMATAN)


def test_create_database_makes_an_encrypted_file_a_key_file_and_signs_the_admin_in(
    created: tuple[Path, str], tmp_path: Path
) -> None:
    path = tmp_path / "baru.sqlite3"
    database, recovery = signin.create_database(path, REGION, "*", "admin", "Ani Administrator", PASSWORD)
    try:
        assert database.identity is not None
        assert (database.identity.username, database.identity.role) == ("admin", Role.ADMIN)
        assert not database.identity.must_change_password
        assert len(recovery.split("-")) == 13
        assert encrypted.is_encrypted(path) and KeyStore.exists(path)
        with database.read() as s:
            assert get_setting(s, REGION_CODE) == REGION
            assert get_setting(s, signin.DEVICE_SCOPE) == "*"
            assert s.scalar(select(User.username)) == "admin"
        store = KeyStore.load(path)
        assert store.has_wrap("admin") and store.known_users == {"admin"}
        assert store.unlock_with_recovery(recovery) == database.key
    finally:
        database.close()


def test_the_created_database_keeps_the_laptops_kecamatan(admin_db: Database) -> None:
    with admin_db.read() as s:
        assert get_setting(s, signin.DEVICE_SCOPE) == KECAMATAN


def test_create_database_refuses_existing_files(path: Path) -> None:
    with pytest.raises(SimoncerError, match="sudah ada"):
        signin.create_database(path, REGION, "*", "admin", "Ani", PASSWORD)
    path.unlink()
    with pytest.raises(SimoncerError, match=r"Berkas kunci .* sudah ada"):
        signin.create_database(path, REGION, "*", "admin", "Ani", PASSWORD)


def test_create_database_leaves_nothing_behind_on_a_bad_region(tmp_path: Path) -> None:
    path = tmp_path / "baru.sqlite3"
    with pytest.raises(ValidationError, match="bukan kode kabupaten/kota"):
        signin.create_database(path, "99.99", "*", "admin", "Ani", PASSWORD)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(AuthError, match="minimal 8"):
        signin.create_database(path, REGION, "*", "admin", "Ani", "pendek")
    assert list(tmp_path.iterdir()) == []


def test_sign_in_with_the_right_password(created: tuple[Path, str], path: Path) -> None:
    database = signin.sign_in(path, " ADMIN ", PASSWORD)
    try:
        assert database.identity is not None and database.identity.username == "admin"
        assert database.key == KeyStore.load(path).unlock_with_recovery(created[1])
    finally:
        database.close()


def test_wrong_password_and_unknown_user_are_refused_alike(path: Path) -> None:
    messages = []
    for name in ("admin", "tidak-ada"):
        with pytest.raises(AuthError) as err:
            signin.sign_in(path, name, "salah-sekali")
        messages.append(str(err.value))
    assert messages[0] == messages[1]
    assert messages[0].startswith(auth.WRONG_CREDENTIALS)


def test_sign_in_copies_the_lockout_policy_from_the_database(admin_db: Database, path: Path) -> None:
    with admin_db.transaction() as s:
        set_setting(s, "login_max_attempts", 2)
        set_setting(s, "login_lock_minutes", 30)
    admin_db.close()
    signin.sign_in(path, "admin", PASSWORD).close()
    store = KeyStore.load(path)
    assert (store.max_attempts, store.lock_minutes) == (2, 30)
    with pytest.raises(AuthError, match="Sisa 1 kali"):
        signin.sign_in(path, "admin", "salah-sekali")
    with pytest.raises(AuthError, match="dikunci selama 30 menit"):
        signin.sign_in(path, "admin", "salah-sekali")
    with pytest.raises(AuthError, match="terkunci"):
        signin.sign_in(path, "admin", PASSWORD)


def test_added_user_signs_in_and_must_change_the_password(admin_db: Database, path: Path) -> None:
    user_id = signin.add_user(admin_db, _budi())
    admin_db.close()
    budi = signin.sign_in(path, "budi", "sementara-123")
    try:
        assert budi.identity is not None
        assert (budi.identity.user_id, budi.identity.role, budi.identity.scope) == (user_id, Role.OPERATOR, KECAMATAN)
        assert budi.identity.must_change_password
        with pytest.raises(PermissionDeniedError):
            signin.change_password(budi, "admin", PASSWORD, "bukan-miliknya-1")
        with pytest.raises(AuthError, match="lama salah"):
            signin.change_password(budi, "budi", "keliru-123", "sandi-baru-budi")
        signin.change_password(budi, "budi", "sementara-123", "sandi-baru-budi")
        assert budi.identity is not None and not budi.identity.must_change_password
    finally:
        budi.close()
    with pytest.raises(AuthError, match="salah"):
        signin.sign_in(path, "budi", "sementara-123")
    again = signin.sign_in(path, "budi", "sandi-baru-budi")
    assert again.identity is not None and not again.identity.must_change_password
    again.close()


def test_add_user_with_a_separate_password(admin_db: Database, path: Path) -> None:
    signin.add_user(admin_db, _budi("diabaikan-123"), "sementara-456")
    admin_db.close()
    signin.sign_in(path, "budi", "sementara-456").close()


def test_reset_password_replaces_the_wrap(admin_db: Database, path: Path) -> None:
    signin.add_user(admin_db, _budi())
    signin.reset_password(admin_db, "budi", "direset-789")
    admin_db.close()
    with pytest.raises(AuthError, match="salah"):
        signin.sign_in(path, "budi", "sementara-123")
    budi = signin.sign_in(path, "budi", "direset-789")
    assert budi.identity is not None and budi.identity.must_change_password
    budi.close()


def test_account_operations_need_an_admin(admin_db: Database, path: Path) -> None:
    signin.add_user(admin_db, _budi())
    admin_db.close()
    budi = signin.sign_in(path, "budi", "sementara-123")
    try:
        with pytest.raises(PermissionDeniedError):
            signin.reset_password(budi, "admin", "diambil-alih-1")
        with pytest.raises(PermissionDeniedError):
            signin.add_user(budi, UserInput("citra", "Citra", Role.ADMIN, "sandi-citra-1"))
    finally:
        budi.close()
    signin.sign_in(path, "admin", PASSWORD).close()  # the admin's wrap is untouched


def test_a_user_deactivated_in_the_database_is_refused(admin_db: Database, path: Path) -> None:
    signin.add_user(admin_db, _budi())
    with admin_db.transaction() as s:  # e.g. deactivated at the central office and synced
        auth.set_active(s, admin_db.identity, "budi", False)
    admin_db.close()
    with pytest.raises(AuthError, match="dinonaktifkan"):
        signin.sign_in(path, "budi", "sementara-123")


def test_deactivating_removes_the_wrap_and_reactivating_needs_a_reset(admin_db: Database, path: Path) -> None:
    signin.add_user(admin_db, _budi())
    signin.set_active(admin_db, "budi", False)
    assert not KeyStore.load(path).has_wrap("budi")
    with pytest.raises(AuthError, match="belum pernah masuk di laptop ini"):
        signin.sign_in(path, "budi", "sementara-123")
    signin.set_active(admin_db, "budi", True)
    signin.reset_password(admin_db, "budi", "kembali-aktif-1")
    admin_db.close()
    signin.sign_in(path, "budi", "kembali-aktif-1").close()


def test_a_synced_user_without_a_wrap_gets_the_online_first_login_message(admin_db: Database, path: Path) -> None:
    with admin_db.transaction() as s:  # a row that came from the central office: no wrap on this laptop
        auth.create_user(s, admin_db.identity, UserInput("citra", "Citra Dewi", Role.SUPERVISOR, "sandi-pusat-1"))
    admin_db.close()
    signin.sign_in(path, "admin", PASSWORD).close()  # a sign-in refreshes the list of names
    with pytest.raises(AuthError) as err:
        signin.sign_in(path, "citra", "sandi-pusat-1")
    assert "belum pernah masuk di laptop ini" in str(err.value)
    assert "terhubung" in str(err.value) and "administrator" in str(err.value)


def test_recover_with_the_recovery_key(created: tuple[Path, str], path: Path) -> None:
    _, recovery = created
    database = signin.recover(path, recovery.lower().replace("-", " "), "Admin", "pulih-sandi-1")
    try:
        assert database.identity is not None and database.identity.username == "admin"
        assert not database.identity.must_change_password
        with database.read() as s:
            user = auth.find_user(s, "admin")
            assert user is not None and auth.verify(user.password_hash, "pulih-sandi-1")
    finally:
        database.close()
    with pytest.raises(AuthError, match="salah"):
        signin.sign_in(path, "admin", PASSWORD)
    signin.sign_in(path, "admin", "pulih-sandi-1").close()


def test_recover_refuses_a_wrong_key_and_non_admins(created: tuple[Path, str], admin_db: Database, path: Path) -> None:
    _, recovery = created
    signin.add_user(admin_db, _budi())
    admin_db.close()
    with pytest.raises(AuthError, match="Kunci pemulihan salah"):
        signin.recover(path, "A" * 52, "admin", "pulih-sandi-1")
    with pytest.raises(AuthError, match="bukan administrator"):
        signin.recover(path, recovery, "budi", "pulih-sandi-1")
    signin.sign_in(path, "budi", "sementara-123").close()  # nothing changed


def test_missing_database_or_key_file(path: Path, tmp_path: Path) -> None:
    with pytest.raises(SimoncerError, match="tidak ditemukan"):
        signin.sign_in(tmp_path / "tidak-ada.sqlite3", "admin", PASSWORD)
    KeyStore.path_for(path).unlink()
    with pytest.raises(AuthError, match=r"Berkas kunci .* tidak ditemukan"):
        signin.sign_in(path, "admin", PASSWORD)


def _decrypt_copy(source: Path, target: Path) -> None:
    """A plain copy of an encrypted test database (a database as made before this release)."""
    conn = encrypted.connect(source, TEST_KEY)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        conn.execute("SELECT sqlcipher_export('plain')").fetchall()
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def test_adopt_plain_database(template_without_users: Path, tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite3"
    _decrypt_copy(template_without_users, path)
    assert signin.plain_database_without_keys(path)
    database, recovery = signin.adopt_plain_database(path, None, KECAMATAN, "admin", "Ani", PASSWORD)
    try:
        assert database.identity is not None and database.identity.role is Role.ADMIN
        with database.read() as s:
            assert get_setting(s, REGION_CODE) == REGION  # kept from the plain database
            assert get_setting(s, signin.DEVICE_SCOPE) == KECAMATAN
    finally:
        database.close()
    assert encrypted.is_encrypted(path) and not signin.plain_database_without_keys(path)
    signin.sign_in(path, "admin", PASSWORD).close()
    assert KeyStore.load(path).unlock_with_recovery(recovery)
    with pytest.raises(SimoncerError, match="sudah terenkripsi"):
        signin.adopt_plain_database(path, None, "*", "admin", "Ani", PASSWORD)


def test_adopt_a_plain_database_that_already_has_users(template_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite3"
    _decrypt_copy(template_db, path)  # has the administrator 'admin' / TEST_PASSWORD
    with pytest.raises(AuthError, match="salah"):
        signin.adopt_plain_database(path, None, "*", "admin", "Admin", "bukan-sandinya")
    assert not encrypted.is_encrypted(path) and not KeyStore.exists(path)
    database, _ = signin.adopt_plain_database(path, None, "*", "admin", "Admin", TEST_PASSWORD)
    database.close()
    signin.sign_in(path, "admin", TEST_PASSWORD).close()


def test_adopt_refuses_a_bad_scope_before_touching_the_file(template_without_users: Path, tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite3"
    _decrypt_copy(template_without_users, path)
    with pytest.raises(ValidationError, match="tidak terdaftar"):
        signin.adopt_plain_database(path, None, "99.99.99", "admin", "Ani", PASSWORD)
    assert not encrypted.is_encrypted(path) and not KeyStore.exists(path)
