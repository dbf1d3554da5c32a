"""Creating a database, signing in, recovery, and account changes that keep database and key file together.

Used by the window and the CLI (no Qt here). The key file (``security.keystore``) opens the encrypted
database (``store.open_database``); the user row inside it decides whether the account is active and
what it may do. Account operations change the database in one transaction and the key file right after
the commit: a password lives in two places (the argon2 hash in ``app_user`` and the wrap of the data key).
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop import db as plain_db
from simoncer_desktop.errors import AuthError, PermissionDeniedError, SimoncerError, ValidationError
from simoncer_desktop.migrate import upgrade_to_head
from simoncer_desktop.models import GLOBAL_SCOPE, User
from simoncer_desktop.models.enums import Role
from simoncer_desktop.security.engine import encrypt_plain_database, is_encrypted
from simoncer_desktop.security.keystore import KeyStore, argon2_parameters, normalize_name
from simoncer_desktop.services import acting, auth
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.services.reference import REGENCY, ensure_reference_data, get_region, kecamatan_codes
from simoncer_desktop.services.settings import REGION_CODE, get_setting, set_setting, store_setting
from simoncer_desktop.store import Database, ensure_device_id, open_database
from simoncer_desktop.translation import translate

log = logging.getLogger(__name__)

DEVICE_SCOPE = "device_scope"
"""Setting: the kecamatan this laptop works for, or ``*`` (the Dinsos office: every kecamatan)."""


# --- creating ----------------------------------------------------------------------------------------


def create_database(
    db_path: Path | str,
    region_code: str,
    scope: str,
    admin_username: str,
    admin_full_name: str,
    admin_password: str,
) -> tuple[Database, str]:
    """A new encrypted database with its key file and first administrator, signed in as that admin.

    Returns the database and the recovery key text (to be shown/printed once). Refused when the database
    or its key file already exists. Nothing is left behind when a step fails."""
    path = Path(db_path)
    refuse_existing(path)
    username = auth.normalize_username(admin_username)
    auth.check_password(admin_password, username)
    store, key, recovery = KeyStore.create(path)
    database: Database | None = None
    try:
        database = open_database(path, key)
        with database.transaction() as session:
            identity = _initialise(
                session, region_code, scope, username, admin_full_name, admin_password, database.device_id
            )
            _refresh_store(session, store)
        store.add_wrap(username, admin_password, key)
        store.save()
    except BaseException:
        if database is not None:
            database.close()
        _remove_new_files(path, store.path)
        raise
    database.sign_in(identity)
    log.info("Created encrypted database %s with administrator %s", path, username)
    return database, recovery


def create_enrolled_database(
    db_path: Path | str, *, scope: str, region_code: str | None = None
) -> tuple[Database, str]:
    """A new encrypted database and key file with *no* user, for a laptop enrolled with the central
    service (``sync --enroll`` into a new file): its users, with their password hashes, arrive with the
    first pull, and ``sync.users.refresh_synced_wraps`` then lets each of them sign in here offline.

    ``scope`` is the device's scope as the server issued it (``*`` or a kecamatan code); ``region_code``,
    when given, is checked and stored (otherwise the office's region arrives with the reference data).
    Returns the open database (holding the data key, nobody signed in) and the recovery key text (to be
    shown once). Refused when the database or its key file already exists; nothing is left behind when a
    step fails."""
    path = Path(db_path)
    refuse_existing(path)
    scope = (scope or "").strip()
    if not scope:
        raise ValidationError(
            translate("security", "Wilayah perangkat (scope) dari server kosong."), field=DEVICE_SCOPE
        )
    store, key, recovery = KeyStore.create(path)
    database: Database | None = None
    try:
        database = open_database(path, key)
        with database.transaction() as session:
            if region_code:
                region_code, scope = _check_region(session, region_code, scope)
                store_setting(session, REGION_CODE, region_code)
            store_setting(session, DEVICE_SCOPE, scope)
            _refresh_store(session, store)
        store.save()
    except BaseException:
        if database is not None:
            database.close()
        _remove_new_files(path, store.path)
        raise
    log.info("Created encrypted database %s without users, for device scope %s", path, scope)
    return database, recovery


def adopt_plain_database(
    db_path: Path | str,
    region_code: str | None,
    scope: str,
    admin_username: str,
    admin_full_name: str,
    admin_password: str,
) -> tuple[Database, str]:
    """Encrypt a database made before this release (plain SQLite, no key file) and give it a key file.

    The plain file is first migrated and given its first administrator (or, when it already has users,
    ``admin_username`` must be an active administrator there with ``admin_password``); then the key file is
    written and the file encrypted in place. ``region_code`` None keeps the region already set.
    Returns the signed-in database and the recovery key text."""
    path = Path(db_path)
    key_path = KeyStore.path_for(path)
    if not path.exists():
        raise SimoncerError(translate("security", "Berkas database {path} tidak ditemukan.").format(path=path))
    if is_encrypted(path):
        raise SimoncerError(translate("security", "Berkas database {path} sudah terenkripsi.").format(path=path))
    if key_path.exists():
        raise SimoncerError(
            translate(
                "security", "Berkas kunci {key_path} sudah ada; pindahkan dulu bila memang tidak dipakai."
            ).format(key_path=key_path)
        )
    username = auth.normalize_username(admin_username)
    auth.check_password(admin_password, username)

    engine = plain_db.make_engine(path)
    try:
        upgrade_to_head(engine, path)
        factory = plain_db.make_session_factory(engine)
        with plain_db.transaction(factory) as session:
            ensure_reference_data(session)
            device = ensure_device_id(session)
            region = region_code or get_setting(session, REGION_CODE, default=None)
            identity = _initialise(session, region, scope, username, admin_full_name, admin_password, device)
    finally:
        engine.dispose()

    store, key, recovery = KeyStore.create(path)
    store.add_wrap(username, admin_password, key)
    store.save()  # before the file is encrypted: the key must never exist only in memory
    try:
        encrypt_plain_database(path, key)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            key_path.unlink()
        raise
    database = open_database(path, key)
    with database.read() as session:
        _refresh_store(session, store)
    store.save()
    database.sign_in(identity)
    log.info("Encrypted the plain database %s; administrator %s", path, username)
    return database, recovery


def refuse_existing(path: Path) -> None:
    """``SimoncerError`` when a database or key file is already at ``path``: a new one must not replace it."""
    if path.exists() and path.stat().st_size > 0:
        raise SimoncerError(
            translate(
                "security", "Berkas database {path} sudah ada; pilih nama lain atau masuk dengan akun yang ada."
            ).format(path=path)
        )
    if KeyStore.exists(path):
        raise SimoncerError(
            translate("security", "Berkas kunci {path} sudah ada; pindahkan dulu bila tidak dipakai.").format(
                path=KeyStore.path_for(path)
            )
        )


def _remove_new_files(path: Path, key_path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"), key_path):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def _check_region(session: Session, region_code: str | None, scope: str) -> tuple[str, str]:
    region_code = (region_code or "").strip()
    region = get_region(session, region_code) if region_code else None
    if region is None or region.level != REGENCY:
        raise ValidationError(
            translate("security", "'{region_code}' bukan kode kabupaten/kota yang terdaftar.").format(
                region_code=region_code
            ),
            field=REGION_CODE,
        )
    scope = (scope or "").strip() or GLOBAL_SCOPE
    if scope != GLOBAL_SCOPE and (not scope.startswith(region_code + ".") or scope not in kecamatan_codes(session)):
        raise ValidationError(
            translate("security", "Kecamatan '{scope}' tidak terdaftar di {name} ({region_code}).").format(
                scope=scope, name=region.name, region_code=region_code
            ),
            field=DEVICE_SCOPE,
        )
    return region_code, scope


def _initialise(
    session: Session,
    region_code: str | None,
    scope: str,
    username: str,
    full_name: str,
    password: str,
    device_id: str,
) -> Identity:
    """Region, this laptop's kecamatan and the first administrator (or the existing one, checked)."""
    region_code, scope = _check_region(session, region_code, scope)
    if auth.has_users(session):
        user = auth.find_user(session, username)
        if user is None or not user.active or user.role != Role.ADMIN.value:
            raise AuthError(
                translate(
                    "security", "Database ini sudah punya pengguna; '{username}' bukan administrator aktif di dalamnya."
                ).format(username=username)
            )
        if not auth.verify(user.password_hash, password):
            raise AuthError(translate("auth", auth.WRONG_CREDENTIALS))
        identity = auth.identity_of(user)
    else:
        identity = auth.create_first_admin(session, username, full_name, password)
    acting.bind(session, identity, device_id)
    set_setting(session, REGION_CODE, region_code)
    set_setting(session, DEVICE_SCOPE, scope)
    return identity


def _refresh_store(session: Session, store: KeyStore) -> None:
    """Copy the lockout policy and the list of usernames from the database into the key file."""
    store.set_policy(int(get_setting(session, "login_max_attempts")), int(get_setting(session, "login_lock_minutes")))
    store.set_known_users(list(session.scalars(select(User.username).where(User.deleted.is_(False)))))


# --- signing in --------------------------------------------------------------------------------------


def sign_in(db_path: Path | str, username: str, password: str, now: datetime | None = None) -> Database:
    """Unlock the key file with the password, open the encrypted database and sign the user in.

    ``now`` (a datetime, naive UTC) is for tests stepping over a lock."""
    path = _existing(db_path)
    store = KeyStore.load(path)
    name = normalize_name(username)
    key = store.unlock(name, password, now=now)
    database = open_database(path, key)
    try:
        with database.read() as session:
            identity = _active_identity(session, name)
            _refresh_store(session, store)
        wrap = store.wraps.get(name)  # None: a hash wrap (sync.users), re-made when the synced hash changes
        if wrap is not None and wrap.params != argon2_parameters():
            store.add_wrap(name, password, key)  # argon2 parameters changed: re-wrap with the new ones
        store.save()
    except BaseException:
        database.close()
        raise
    database.sign_in(identity)
    return database


def _existing(db_path: Path | str) -> Path:
    path = Path(db_path)
    if not path.exists():
        raise SimoncerError(translate("security", "Berkas database {path} tidak ditemukan.").format(path=path))
    return path


def _active_identity(session: Session, name: str) -> Identity:
    user = auth.find_user(session, name)
    if user is None:
        raise AuthError(translate("security", "Akun '{name}' tidak terdaftar di database ini.").format(name=name))
    if not user.active:
        raise AuthError(
            translate("security", "Akun '{name}' sudah dinonaktifkan. Hubungi administrator.").format(name=name)
        )
    return auth.identity_of(user)


def recover(db_path: Path | str, recovery_key: str, admin_username: str, new_password: str) -> Database:
    """Forgot every password: the recovery key opens the file, ``admin_username`` (an active administrator)
    gets ``new_password`` in the database and the key file, and is signed in."""
    path = _existing(db_path)
    store = KeyStore.load(path)
    key = store.unlock_with_recovery(recovery_key)
    name = normalize_name(admin_username)
    database = open_database(path, key)
    try:
        with database.transaction() as session:
            identity = _active_identity(session, name)
            if identity.role is not Role.ADMIN:
                raise AuthError(
                    translate(
                        "security", "Kunci pemulihan hanya untuk akun administrator; '{name}' bukan administrator."
                    ).format(name=name)
                )
            _set_password(session, identity, new_password, database.device_id)
            identity = replace(identity, must_change_password=False)
            _refresh_store(session, store)
        store.add_wrap(name, new_password, key)
        store.save()
    except BaseException:
        database.close()
        raise
    database.sign_in(identity)
    return database


def _set_password(session: Session, identity: Identity, new_password: str, device_id: str) -> None:
    user = auth.find_user(session, identity.username)
    assert user is not None
    auth.check_password(new_password, user.username)
    acting.bind(session, identity, device_id)
    user.password_hash = auth.hash_password(new_password)
    user.must_change_password = False
    user.failed_logins = 0
    user.locked_until = None  # the audit hook records the change (the hash masked), stamped with the admin


# --- accounts ----------------------------------------------------------------------------------------


def _signed_in(database: Database) -> Identity:
    if database.identity is None:
        raise PermissionDeniedError(acting.NOT_SIGNED_IN)
    return database.identity


def add_user(database: Database, data: auth.UserInput, password: str | None = None) -> str:
    """An admin adds a user (database row + key file wrap); ``password`` (default ``data.password``) is the
    temporary one the user must change at first login. Returns the user id."""
    actor = _signed_in(database)
    if password is not None:
        data = replace(data, password=password)
    store = KeyStore.load(database.path)
    with database.transaction() as session:
        user_id = auth.create_user(session, actor, data)
        username = session.get(User, user_id).username  # type: ignore[union-attr]
        _refresh_store(session, store)
    store.add_wrap(username, data.password, database.key)
    store.save()
    return user_id


def reset_password(database: Database, username: str, new_password: str) -> None:
    """An admin sets a temporary password: the wrap is replaced (the old password no longer opens the file)
    and the lock is lifted."""
    actor = _signed_in(database)
    store = KeyStore.load(database.path)
    with database.transaction() as session:
        auth.reset_password(session, actor, username, new_password)
        _refresh_store(session, store)
    store.add_wrap(username, new_password, database.key)
    store.save()


def change_password(database: Database, username: str, old_password: str, new_password: str) -> None:
    """The signed-in user replaces the own password (database hash and key file wrap)."""
    actor = _signed_in(database)
    name = normalize_name(username)
    if name != actor.username:
        raise PermissionDeniedError(translate("security", "Kata sandi hanya dapat diganti oleh pemilik akun sendiri."))
    store = KeyStore.load(database.path)
    with database.transaction() as session:
        auth.change_password(session, name, old_password, new_password)
    store.add_wrap(name, new_password, database.key)
    store.save()
    if actor.must_change_password:
        database.sign_in(replace(actor, must_change_password=False))


def set_active(database: Database, username: str, active: bool) -> None:
    """An admin deactivates (or reactivates) a user. Deactivating removes the user's wrap, so the password
    no longer opens the file; a reactivated user signs in here again after an admin resets the password."""
    actor = _signed_in(database)
    name = normalize_name(username)
    store = KeyStore.load(database.path)
    with database.transaction() as session:
        auth.set_active(session, actor, name, active)
        _refresh_store(session, store)
    if not active:
        store.remove_wrap(name)
    store.save()


def plain_database_without_keys(db_path: Path | str) -> bool:
    """True for a database made before encryption (plain SQLite file, no key file): the first-run wizard
    then offers :func:`adopt_plain_database` instead of :func:`create_database`."""
    path = Path(db_path)
    if not path.exists() or path.stat().st_size == 0 or is_encrypted(path) or KeyStore.exists(path):
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    return True


def plain_database_setting(path: Path, key: str) -> str | None:
    """A setting of an unencrypted database made before this release (its region, for the wizard that
    encrypts it), read without opening it as a Simoncer database."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT value FROM setting WHERE key = ? AND deleted = 0 ORDER BY valid_from DESC LIMIT 1", (key,)
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    try:
        value = json.loads(row[0])
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, str) else None
