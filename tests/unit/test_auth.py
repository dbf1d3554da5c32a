"""Accounts: argon2id hashing, the first administrator, login with lockout, resets and password rules."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from argon2 import PasswordHasher, Type
from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import AuthError, PermissionDeniedError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import AuditEntry, Facilitator, User
from simoncer_desktop.models.enums import AuditAction, Role
from simoncer_desktop.services import audit, auth
from simoncer_desktop.services.auth import UserInput
from simoncer_desktop.services.settings import set_setting
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN

NOW = datetime(2026, 11, 25, 8, 0)
PASSWORD = "rahasia-admin-1"


@pytest.fixture
def db(db_without_users: Database) -> Database:
    """These tests start before the first administrator exists."""
    return db_without_users


@pytest.fixture
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cheap argon2 parameters so the many logins below stay fast; the real ones are tested apart."""
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))
    yield


@pytest.fixture
def admin(db: Database, fast_hasher: None) -> auth.Identity:
    with db.transaction() as s:
        return auth.create_first_admin(s, "Admin", "Ani Administrator", PASSWORD)


def add_user(db: Database, admin: auth.Identity, username: str, role: Role, **kw: object) -> str:
    data = UserInput(username=username, full_name=username.title(), role=role, password="sementara-123", **kw)
    with db.transaction() as s:
        return auth.create_user(s, admin, data)


def user_row(s: Session, username: str) -> User:
    user = auth.find_user(s, username)
    assert user is not None
    return user


def test_real_parameters_are_argon2id_and_one_login_is_timed(db: Database) -> None:
    hashed = auth.hash_password("kata-sandi-panjang")
    assert hashed.startswith(f"$argon2id$v=19$m={auth.MEMORY_COST_KIB},t={auth.TIME_COST},p={auth.PARALLELISM}$")
    assert auth.verify(hashed, "kata-sandi-panjang")
    assert not auth.verify(hashed, "kata-sandi-lain")
    assert not auth.verify("bukan-hash", "kata-sandi-panjang")
    assert not auth.needs_rehash(hashed)
    with db.transaction() as s:
        auth.create_first_admin(s, "admin", "Ani", PASSWORD)
    with db.transaction() as s:
        started = time.perf_counter()
        identity = auth.login(s, "admin", PASSWORD)
        elapsed = time.perf_counter() - started
    params = f"t={auth.TIME_COST} m={auth.MEMORY_COST_KIB} KiB p={auth.PARALLELISM}"
    print(f"\none login with argon2id {params}: {elapsed:.3f} s")
    assert identity.role is Role.ADMIN


def test_first_admin_is_created_once(db: Database, fast_hasher: None) -> None:
    with db.read() as s:
        assert not auth.has_users(s)
    with db.transaction() as s:
        identity = auth.create_first_admin(s, "  Admin ", "Ani Administrator", PASSWORD)
    assert (identity.username, identity.role, identity.scope) == ("admin", Role.ADMIN, "*")
    assert not identity.must_change_password
    with db.transaction() as s, pytest.raises(AuthError, match="sudah dibuat"):
        auth.create_first_admin(s, "admin2", "Budi", PASSWORD)
    with db.read() as s:
        assert auth.has_users(s)
        row = user_row(s, "ADMIN")
        assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash
        (entry,) = audit.history(s, "app_user", row.id)  # made by the audit hook, as the new admin
        assert (entry.action, entry.field, entry.user_name) == (AuditAction.CREATE, "", "admin")
        assert entry.new_value["username"] == "admin" and entry.new_value["role"] == "admin"
        assert entry.new_value["password_hash"] == "***"  # the hash never reaches the audit trail


def test_login_ok_and_wrong(db: Database, admin: auth.Identity) -> None:
    with db.transaction() as s:
        identity = auth.login(s, "ADMIN", PASSWORD, now=NOW)
    assert identity == admin
    for username, password in (("admin", "salah-sekali"), ("tidak-ada", PASSWORD), ("", "")):
        with db.transaction() as s, pytest.raises(AuthError, match="Nama pengguna atau kata sandi salah"):
            auth.login(s, username, password, now=NOW)
    with db.read() as s:
        assert user_row(s, "admin").failed_logins == 1  # committed although the transaction rolled back


def test_five_wrong_passwords_lock_until_the_time_is_up(db: Database, admin: auth.Identity) -> None:
    for attempt in range(1, 5):
        with db.transaction() as s, pytest.raises(AuthError) as err:
            auth.login(s, "admin", "salah-sekali", now=NOW + timedelta(seconds=attempt))
        assert "dikunci" not in str(err.value)
    with db.transaction() as s, pytest.raises(AuthError, match="dikunci selama 15 menit"):
        auth.login(s, "admin", "salah-sekali", now=NOW + timedelta(seconds=5))
    with db.read() as s:
        row = user_row(s, "admin")
        assert row.locked_until == NOW + timedelta(seconds=5, minutes=15)
        assert [e.note for e in audit.history(s, "app_user", row.id) if e.field == "locked_until"] == [
            "Dikunci setelah 5 kali salah kata sandi"
        ]
    # Locked: even the right password is refused, with the minutes left.
    with db.transaction() as s, pytest.raises(AuthError, match=r"terkunci .* Coba lagi 10 menit lagi"):
        auth.login(s, "admin", PASSWORD, now=NOW + timedelta(minutes=5, seconds=5))
    with db.transaction() as s, pytest.raises(AuthError, match="Coba lagi 1 menit lagi"):
        auth.login(s, "admin", PASSWORD, now=NOW + timedelta(minutes=15))
    # The lock has run out: the right password works and resets the counter.
    with db.transaction() as s:
        auth.login(s, "admin", PASSWORD, now=NOW + timedelta(minutes=15, seconds=5))
    with db.read() as s:
        row = user_row(s, "admin")
        assert (row.failed_logins, row.locked_until) == (0, None)


def test_lockout_follows_the_settings(db: Database, admin: auth.Identity) -> None:
    with db.transaction() as s:
        set_setting(s, "login_max_attempts", 2, valid_from=NOW.date())
        set_setting(s, "login_lock_minutes", 30, valid_from=NOW.date())
    with db.transaction() as s, pytest.raises(AuthError):
        auth.login(s, "admin", "salah-sekali", now=NOW)
    with db.transaction() as s, pytest.raises(AuthError, match="dikunci selama 30 menit"):
        auth.login(s, "admin", "salah-sekali", now=NOW)


def test_success_resets_the_counter(db: Database, admin: auth.Identity) -> None:
    for _ in range(4):
        with db.transaction() as s, pytest.raises(AuthError):
            auth.login(s, "admin", "salah-sekali", now=NOW)
    with db.transaction() as s:
        auth.login(s, "admin", PASSWORD, now=NOW)
    with db.transaction() as s, pytest.raises(AuthError) as err:
        auth.login(s, "admin", "salah-sekali", now=NOW)
    assert "dikunci" not in str(err.value)
    with db.read() as s:
        assert user_row(s, "admin").failed_logins == 1


def test_admin_creates_user_who_must_change_the_password(db: Database, admin: auth.Identity) -> None:
    add_user(db, admin, "Operator1", Role.OPERATOR, scope=KECAMATAN)
    with db.transaction() as s:
        identity = auth.login(s, "operator1", "sementara-123", now=NOW)
    assert (identity.role, identity.scope, identity.must_change_password) == (Role.OPERATOR, KECAMATAN, True)
    with db.transaction() as s, pytest.raises(AuthError, match="lama salah"):
        auth.change_password(s, "operator1", "bukan-ini-1", "baru-sekali-9")
    with db.transaction() as s:
        auth.change_password(s, "operator1", "sementara-123", "baru-sekali-9")
    with db.transaction() as s:
        identity = auth.login(s, "operator1", "baru-sekali-9", now=NOW)
    assert not identity.must_change_password


def test_reset_by_admin_forces_a_change_and_lifts_the_lock(db: Database, admin: auth.Identity) -> None:
    add_user(db, admin, "viewer1", Role.VIEWER)
    with db.transaction() as s:
        auth.change_password(s, "viewer1", "sementara-123", "punyaku-sendiri")
    for _ in range(5):
        with db.transaction() as s, pytest.raises(AuthError):
            auth.login(s, "viewer1", "salah-sekali", now=NOW)
    with db.transaction() as s:
        auth.reset_password(s, admin, "VIEWER1", "reset-dari-admin")
    with db.transaction() as s:
        identity = auth.login(s, "viewer1", "reset-dari-admin", now=NOW)
    assert identity.must_change_password
    with db.read() as s:
        row = user_row(s, "viewer1")
        notes = [e.note for e in audit.history(s, "app_user", row.id)]
        assert "Kata sandi direset oleh administrator" in notes
        stored = " ".join(str(e.new_value) for e in audit.history(s, "app_user", row.id))
        assert "$argon2" not in stored and "reset-dari-admin" not in stored


def test_non_admin_cannot_manage_users(db: Database, admin: auth.Identity) -> None:
    add_user(db, admin, "super1", Role.SUPERVISOR)
    with db.transaction() as s:
        supervisor = auth.login(s, "super1", "sementara-123", now=NOW)
    with (
        db.transaction() as s,
        pytest.raises(PermissionDeniedError, match="Supervisor tidak berwenang mengelola pengguna"),
    ):
        auth.create_user(s, supervisor, UserInput("baru1", "Baru", Role.VIEWER, "sementara-123"))
    with db.transaction() as s, pytest.raises(PermissionDeniedError):
        auth.reset_password(s, supervisor, "admin", "diambil-alih-1")
    with db.transaction() as s, pytest.raises(PermissionDeniedError):
        auth.set_active(s, supervisor, "admin", False)
    with db.read() as s:
        assert s.scalar(select(User.id).where(User.username == "baru1")) is None


def test_password_and_user_rules(db: Database, admin: auth.Identity) -> None:
    cases = [
        (UserInput("op2", "Op", Role.OPERATOR, "pendek", scope=KECAMATAN), "minimal 8 karakter"),
        (UserInput("operator22", "Op", Role.OPERATOR, "OPERATOR22", scope=KECAMATAN), "sama dengan nama pengguna"),
        (UserInput("admin", "Lagi", Role.VIEWER, "sementara-123"), "sudah dipakai"),
        (UserInput("x", "Pendek", Role.VIEWER, "sementara-123"), "Nama pengguna harus"),
        (UserInput("ada spasi", "Spasi", Role.VIEWER, "sementara-123"), "Nama pengguna harus"),
        (UserInput("op3", "", Role.OPERATOR, "sementara-123", scope=KECAMATAN), "Nama lengkap wajib"),
        (UserInput("op4", "Op", "raja", "sementara-123"), "Peran 'raja' tidak dikenal"),
        (UserInput("op5", "Op", Role.OPERATOR, "sementara-123"), "harus diberi satu kecamatan"),
        (UserInput("op6", "Op", Role.OPERATOR, "sementara-123", scope="99.99.99"), "tidak terdaftar"),
        (UserInput("pd1", "Pd", Role.FACILITATOR, "sementara-123", scope=KECAMATAN), "data pendamping"),
    ]
    for data, message in cases:
        with db.transaction() as s, pytest.raises(AuthError, match=message):
            auth.create_user(s, admin, data)
    with db.transaction() as s, pytest.raises(AuthError, match="minimal 8"):
        auth.reset_password(s, admin, "admin", "1234567")
    with db.transaction() as s, pytest.raises(AuthError, match="berbeda"):
        auth.change_password(s, "admin", PASSWORD, PASSWORD)
    with db.transaction() as s, pytest.raises(AuthError, match="tidak ditemukan"):
        auth.reset_password(s, admin, "hantu", "sementara-123")


def test_pendamping_is_linked_to_a_facilitator_and_supervisor_scope_is_global(
    db: Database, admin: auth.Identity
) -> None:
    with db.transaction() as s:
        fac = Facilitator(id=uuid7(), scope=KECAMATAN, name="Rina Pendamping", kelurahan_codes="")
        s.add(fac)
        fac_id = fac.id
    add_user(db, admin, "rina", Role.FACILITATOR, scope=KECAMATAN, facilitator_id=fac_id)
    add_user(db, admin, "super2", Role.SUPERVISOR, scope=KECAMATAN)
    with db.transaction() as s:
        rina = auth.login(s, "rina", "sementara-123", now=NOW)
        supervisor = auth.login(s, "super2", "sementara-123", now=NOW)
    assert (rina.role, rina.scope, rina.facilitator_id) == (Role.FACILITATOR, KECAMATAN, fac_id)
    assert supervisor.scope == "*"


def test_deactivated_user_cannot_log_in(db: Database, admin: auth.Identity) -> None:
    add_user(db, admin, "viewer2", Role.VIEWER)
    with db.transaction() as s, pytest.raises(AuthError, match="sendiri"):
        auth.set_active(s, admin, "admin", False)
    with db.transaction() as s:
        auth.set_active(s, admin, "viewer2", False)
    with db.transaction() as s, pytest.raises(AuthError, match="Nama pengguna atau kata sandi salah"):
        auth.login(s, "viewer2", "sementara-123", now=NOW)


def test_old_parameters_are_rehashed_at_login(
    db: Database, admin: auth.Identity, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.read() as s:
        old_hash = user_row(s, "admin").password_hash
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=2, memory_cost=16, parallelism=1, type=Type.ID))
    with db.transaction() as s:
        auth.login(s, "admin", PASSWORD, now=NOW)
    with db.read() as s:
        new_hash = user_row(s, "admin").password_hash
    assert new_hash != old_hash and ",t=2," in new_hash and "m=16," in new_hash


def test_usernames_are_stored_lower_case_by_the_database_too(db: Database, admin: auth.Identity) -> None:
    from sqlalchemy.exc import IntegrityError

    with db.transaction() as s:
        row = User(scope="*", username="Besar", full_name="B", role="viewer", password_hash="x")
        s.add(row)
        with pytest.raises(IntegrityError):
            s.flush()
        s.rollback()
    with db.read() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.user_name == "Besar")) is None
