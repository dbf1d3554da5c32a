"""Offline accounts: argon2id password hashes, first-run admin, login with lockout, password resets.

argon2 parameters (argon2id, 16-byte salt, 32-byte hash)::

    time_cost=3, memory_cost=131072 KiB (128 MiB), parallelism=2

Measured on the development VM (2 vCPU AMD EPYC, argon2-cffi 25.1): one derivation takes about 0.19 s
with these (t=4: 0.23 s; t=5: 0.29 s; t=3/64 MiB: 0.10 s, too cheap). A login is one derivation (the
key-file unwrap, ``security/keystore.py``) plus opening the database. Two lanes match the two cores of
the target laptops, which also means a login roughly doubles when another program keeps one core busy
(``make bench`` measures that case: t=4 gave 0.45 s there, and 0.76 s with a test suite running too).
An office laptop 1.5–2.5× slower than this VM with a busy core would have taken t=4 past the 1 s budget;
t=3 keeps it under while an attacker with a stolen file still pays 128 MiB of memory per guess.

When these constants change, hashes made with the old ones still verify (the PHC string carries its
parameters) and are re-hashed with the new ones at the next successful login.

Lockout: ``login_max_attempts`` wrong passwords in a row lock the account for ``login_lock_minutes``
(settings, defaults 5 and 15). The counter is committed by ``login`` itself before it raises, because
the caller's transaction rolls back on the error and the attempt would otherwise be forgotten.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import AuthError
from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import GLOBAL_SCOPE, Facilitator, User, utcnow
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services import acting, audit_hook
from simoncer_desktop.services.permissions import Identity, require
from simoncer_desktop.services.reference import kecamatan_codes
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

TIME_COST = 3
MEMORY_COST_KIB = 128 * 1024
PARALLELISM = 2

HASHER = PasswordHasher(
    time_cost=TIME_COST, memory_cost=MEMORY_COST_KIB, parallelism=PARALLELISM, hash_len=32, salt_len=16, type=Type.ID
)
"""Module-level so tests can swap in cheap parameters; production code never replaces it."""

MIN_PASSWORD_LENGTH = 8
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")
WRONG_CREDENTIALS = QT_TRANSLATE_NOOP("auth", "Nama pengguna atau kata sandi salah.")
"""The Bahasa source; shown through ``translate("auth", WRONG_CREDENTIALS)``."""
ENTITY = "app_user"

# Roles that work in one kecamatan; the others cover the whole deployment ('*').
SCOPED_ROLES = frozenset({Role.OPERATOR, Role.FACILITATOR})


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify(password_hash: str, password: str) -> bool:
    """True when ``password`` matches; a malformed hash counts as a mismatch, never as a crash."""
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def normalize_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME_PATTERN.match(name):
        raise AuthError(
            translate(
                "auth",
                "Nama pengguna harus 3–60 karakter: huruf kecil, angka, titik, "
                "garis bawah atau tanda minus, diawali huruf atau angka "
                "(tertulis '{username}').",
            ).format(username=username)
        )
    return name


def check_password(password: str, username: str) -> None:
    """The password rules: at least 8 characters and not the username (in any case)."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise AuthError(
            translate("auth", "Kata sandi minimal {min_password_length} karakter.").format(
                min_password_length=MIN_PASSWORD_LENGTH
            )
        )
    if password.strip().lower() == username.strip().lower():
        raise AuthError(translate("auth", "Kata sandi tidak boleh sama dengan nama pengguna."))


def identity_of(user: User) -> Identity:
    return Identity(
        user_id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        scope=user.scope,
        facilitator_id=user.facilitator_id,
        must_change_password=user.must_change_password,
    )


def has_users(session: Session) -> bool:
    """False on first run (the app then asks for the first administrator)."""
    return session.scalar(select(func.count()).select_from(User)) > 0


def list_users(session: Session) -> list[User]:
    """Every account not deleted, by username (for the administrator's user list)."""
    return list(session.scalars(select(User).where(User.deleted.is_(False)).order_by(User.username)))


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower(), User.deleted.is_(False)))


@dataclass(frozen=True)
class UserInput:
    username: str
    full_name: str
    role: Role | str
    password: str
    scope: str = GLOBAL_SCOPE
    """Kecamatan code for operator and pendamping; ignored (``*``) for the other roles."""
    facilitator_id: str | None = None
    """Required for a pendamping."""


def _validated(session: Session, data: UserInput) -> tuple[str, str, Role, str, str | None]:
    username = normalize_username(data.username)
    full_name = (data.full_name or "").strip()
    if not full_name:
        raise AuthError(translate("auth", "Nama lengkap wajib diisi."))
    if len(full_name) > 120:
        raise AuthError(translate("auth", "Nama lengkap maksimal 120 karakter."))
    try:
        role = Role(data.role)
    except ValueError:
        raise AuthError(translate("auth", "Peran '{role}' tidak dikenal.").format(role=data.role)) from None
    check_password(data.password, username)
    if session.scalar(select(User.id).where(User.username == username)) is not None:  # deleted ones too
        raise AuthError(translate("auth", "Nama pengguna '{username}' sudah dipakai.").format(username=username))
    scope = (data.scope or "").strip()
    if role in SCOPED_ROLES:
        if not scope or scope == GLOBAL_SCOPE:
            raise AuthError(translate("auth", "Peran {label} harus diberi satu kecamatan.").format(label=role.label))
        known = kecamatan_codes(session)
        if known and scope not in known:
            raise AuthError(translate("auth", "Kecamatan '{scope}' tidak terdaftar.").format(scope=scope))
    else:
        scope = GLOBAL_SCOPE
    facilitator_id = data.facilitator_id or None
    if role is Role.FACILITATOR:
        facilitator = session.get(Facilitator, facilitator_id) if facilitator_id else None
        if facilitator is None or facilitator.deleted:
            raise AuthError(
                translate("auth", "Pengguna berperan pendamping harus dihubungkan dengan data pendamping yang ada.")
            )
    else:
        facilitator_id = None
    return username, full_name, role, scope, facilitator_id


def _add_user(session: Session, data: UserInput, must_change: bool, first_admin: bool = False) -> User:
    username, full_name, role, scope, facilitator_id = _validated(session, data)
    user = User(
        id=uuid7(),
        scope=scope,
        username=username,
        full_name=full_name,
        role=role.value,
        facilitator_id=facilitator_id,
        password_hash=hash_password(data.password),
        failed_logins=0,
        must_change_password=must_change,
        active=True,
    )
    if first_admin:  # set-up: the new administrator is who made the account
        acting.bind(session, identity_of(user))
    session.add(user)
    session.flush()  # the audit hook records the new account (the hash as ***)
    return user


def create_first_admin(session: Session, username: str, full_name: str, password: str) -> Identity:
    """The first run's administrator; refused once any user exists (even a deactivated one)."""
    if has_users(session):
        raise AuthError(
            translate("auth", "Administrator pertama sudah dibuat; minta administrator untuk membuatkan akun.")
        )
    data = UserInput(username=username, full_name=full_name, role=Role.ADMIN, password=password)
    user = _add_user(session, data, must_change=False, first_admin=True)
    return identity_of(user)


def create_user(session: Session, actor: Identity, data: UserInput) -> str:
    """An admin adds a user; the user chooses an own password at first login. Returns the user id."""
    require(actor, "users.manage")
    return _add_user(session, data, must_change=True).id


def set_active(session: Session, actor: Identity, username: str, active: bool) -> None:
    """An admin deactivates (or reactivates) a user; nobody can deactivate the own account."""
    require(actor, "users.manage")
    user = _live_user(session, username)
    if not active and user.id == actor.user_id:
        raise AuthError(translate("auth", "Akun sendiri tidak dapat dinonaktifkan."))
    user.active = active


def _live_user(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise AuthError(
            translate("auth", "Pengguna '{username}' tidak ditemukan.").format(username=username.strip().lower())
        )
    return user


def reset_password(session: Session, actor: Identity, username: str, new_password: str) -> None:
    """An admin sets a temporary password: the lock is lifted and the user must change it at next login."""
    require(actor, "users.manage")
    user = _live_user(session, username)
    check_password(new_password, user.username)
    user.password_hash = hash_password(new_password)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    with audit_hook.noted(session, "Kata sandi direset oleh administrator"):
        session.flush()


def change_password(session: Session, username: str, old_password: str, new_password: str) -> None:
    """The user replaces the own password (required after a reset or for a new account)."""
    user = _live_user(session, username)
    if not verify(user.password_hash, old_password):
        raise AuthError(translate("auth", "Kata sandi lama salah."))
    check_password(new_password, user.username)
    if new_password == old_password:
        raise AuthError(translate("auth", "Kata sandi baru harus berbeda dari kata sandi lama."))
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    with audit_hook.noted(session, "Kata sandi diganti oleh pengguna"):
        session.flush()


def _minutes_left(locked_until: datetime, now: datetime) -> int:
    return max(1, math.ceil((locked_until - now).total_seconds() / 60))


def login(session: Session, username: str, password: str, now: datetime | None = None) -> Identity:
    """Check the password; returns who logged in or raises :class:`AuthError` (and commits the attempt).

    ``now`` is naive UTC (tests pass it to step over the lock).
    """
    now = now or utcnow()
    user = find_user(session, username or "")
    if user is None or not user.active:
        verify(_dummy_hash(), password or "")  # same cost as a real check: no hint which names exist
        raise AuthError(translate("auth", WRONG_CREDENTIALS))
    if user.locked_until is not None:
        if now < user.locked_until:
            minutes = _minutes_left(user.locked_until, now)
            raise AuthError(
                translate(
                    "auth",
                    "Akun '{username}' terkunci karena terlalu banyak percobaan. Coba lagi {minutes} menit lagi.",
                ).format(username=user.username, minutes=minutes)
            )
        user.locked_until = None  # the lock has run out: a fresh series of attempts
        user.failed_logins = 0
    if not verify(user.password_hash, password or ""):
        _count_failure(session, user, now)
        session.commit()
        if user.locked_until is not None:
            minutes = _minutes_left(user.locked_until, now)
            raise AuthError(
                translate("auth", "{wrong_credentials} Akun dikunci selama {minutes} menit.").format(
                    wrong_credentials=translate("auth", WRONG_CREDENTIALS), minutes=minutes
                )
            )
        raise AuthError(translate("auth", WRONG_CREDENTIALS))
    user.failed_logins = 0
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.flush()
    return identity_of(user)


def _count_failure(session: Session, user: User, now: datetime) -> None:
    user.failed_logins = (user.failed_logins or 0) + 1
    max_attempts = int(get_setting(session, "login_max_attempts", on=now.date()))
    if max_attempts > 0 and user.failed_logins >= max_attempts:
        lock_minutes = int(get_setting(session, "login_lock_minutes", on=now.date()))
        user.locked_until = now + timedelta(minutes=lock_minutes)
        with audit_hook.noted(session, f"Dikunci setelah {user.failed_logins} kali salah kata sandi"):
            session.flush()


@cache
def _dummy_hash() -> str:
    """Verified against for unknown usernames so they take as long as known ones (made on first use,
    not at import: hashing costs a quarter of a second)."""
    return HASHER.hash("simoncer-dummy-password")
