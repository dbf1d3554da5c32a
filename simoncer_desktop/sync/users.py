"""Users from other laptops sign in here offline (issue 8): the key file follows the synced users.

Every user's argon2id password hash travels with the ``app_user`` rows. After a pull the laptop, which
holds the data key, gives the key file a *hash wrap* (``security.keystore``) for every active user whose
synced hash it has no current wrap for: the user then signs in here with the password set anywhere, without
the server. A user deactivated or deleted elsewhere loses the wrap; a password changed elsewhere (a new
hash, a new salt) replaces it, so the old password stops opening this laptop.

A password wrap made here (the user signed in or changed the password on this laptop) is replaced by a
hash wrap of the current hash on the next refresh too: the same password opens both, and a name has one
wrap, whose validity the refresh can then tell from the synced hash alone.
"""

from __future__ import annotations

from sqlalchemy import select

from simoncer_desktop.models import User
from simoncer_desktop.security.keystore import KeyStore, PhcHash, normalize_name
from simoncer_desktop.services.settings import get_setting
from simoncer_desktop.store import Database
from simoncer_desktop.translation import QT_TRANSLATE_NOOP

NO_USERS_PULLED = QT_TRANSLATE_NOOP(
    "sync",
    "Server belum mengirim satu pun akun pengguna untuk laptop ini, jadi belum ada yang dapat masuk. Minta "
    "administrator kantor Dinsos membuat akun untuk wilayah ini dan menyinkronkannya, lalu jalankan "
    "sinkronisasi lagi.",
)


def refresh_synced_wraps(database: Database) -> int:
    """Bring the key file in line with the users in ``database`` (an open database holding its data key):
    a hash wrap for each active user without a current one, none for inactive or deleted users, the list of
    known names and the lockout policy. Returns how many wraps were added, replaced or removed; the key
    file is written only when something changed. A database without a key file (opened with a key from
    elsewhere: tests, tools) has nothing to refresh: 0."""
    if not database.key:
        raise ValueError("the database was opened without its data key")
    if not KeyStore.exists(database.path):
        return 0
    store = KeyStore.load(database.path)
    before = store.to_json()
    with database.read() as session:
        users = session.execute(select(User.username, User.password_hash, User.active, User.deleted)).all()
        max_attempts = int(get_setting(session, "login_max_attempts"))
        lock_minutes = int(get_setting(session, "login_lock_minutes"))
    changed = 0
    for username, password_hash, active, deleted in users:
        name = normalize_name(username)
        if deleted or not active:
            if store.has_wrap(name):
                store.remove_wrap(name)
                changed += 1
            continue
        phc = PhcHash.parse(password_hash)
        if phc is None or store.has_current_hash_wrap(name, phc):
            continue  # not an argon2id hash: the user's own password wrap, if any, stays
        store.add_hash_wrap(name, phc, database.key)
        changed += 1
    store.set_known_users([username for username, _, _, deleted in users if not deleted])
    store.set_policy(max_attempts, lock_minutes)
    if store.to_json() != before:
        store.save()
    return changed


def has_users(database: Database) -> bool:
    """Whether anyone can sign in to ``database`` (an active, not deleted user); after the first pull of
    a new laptop, ``False`` means :data:`NO_USERS_PULLED`."""
    with database.read() as session:
        query = select(User.id).where(User.active.is_(True), User.deleted.is_(False)).limit(1)
        return session.scalar(query) is not None
