"""The key file beside the database (``<db file>.keys``): the data key wrapped per user and for recovery.

The database is encrypted under one random 32-byte data key. Each user holds a copy of it wrapped with
AES-GCM under a key derived from the password with argon2id; a successful unwrap *is* the password
check, so a login pays argon2 once. A recovery key (32 random bytes, printed at setup) is one more
wrapping. Associated data binds each wrap to this database and user (``database_id:username``), so a
wrap copied to another name or another key file does not open.

Lockout lives here too, because the users table is inside the encrypted file: failures are counted per
name (stored under a hash of the name, so mistyped names are not kept in clear) and saved at once;
``max_attempts`` failures lock the name for ``lock_minutes``. An unknown name costs the same argon2
derivation and gets the same messages as a known one.

Names that exist in the database but have no wrap here (synced from the central office) are listed in
``known_users`` when a user signs in, so they get a message saying what to do instead of "wrong password".

Hash wraps (``hash_wraps``, for users synced from other laptops; ``sync.users.refresh_synced_wraps``):
the laptop holds the data key and the user's argon2id PHC string from ``app_user.password_hash`` but not
the password. The raw argon2 digest in that string *is* what the password derives, so the data key is
wrapped under ``HKDF-SHA256(digest, salt=database_id, info="simoncer-kek-v1")`` and only the PHC's salt
and parameters are stored beside the wrap (never the digest). At sign-in the password is run through
argon2id with that salt and those parameters, and the same KEK unwraps the key: a user created or given a
new password on another laptop signs in here offline, after a sync. A name has at most one wrap: a
password wrap (made here) or a hash wrap; a hash wrap is current while its salt and parameters equal the
synced hash's (a password changed elsewhere comes with a new salt).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import math
import os
import secrets
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from simoncer_desktop.errors import AuthError
from simoncer_desktop.services import auth
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

FORMAT_VERSION = 1
KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
SUFFIX = ".keys"
RECOVERY_NAME = "#pemulihan"
"""The wrap name of the recovery key (never a valid username: usernames start with a letter or digit)."""
RECOVERY_GROUP = 4
DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_LOCK_MINUTES = 15

WRONG_CREDENTIALS = auth.WRONG_CREDENTIALS
NO_WRAP_ON_THIS_LAPTOP = QT_TRANSLATE_NOOP(
    "security",
    "Akun '{username}' belum pernah masuk di laptop ini. Laptop harus terhubung dan bersinkronisasi dengan "
    "server kantor Dinsos lebih dulu (oleh pengguna yang sudah dapat masuk di sini) agar kata sandi akun ini "
    "ikut terbawa, atau minta administrator mengatur ulang kata sandinya di laptop ini.",
)
WRONG_RECOVERY_KEY = QT_TRANSLATE_NOOP("security", "Kunci pemulihan salah.")
HASH_KDF = "argon2id-phc+hkdf-sha256"
KEK_INFO = b"simoncer-kek-v1"


def argon2_parameters() -> dict[str, int]:
    """The current parameters, read at call time from ``services.auth`` (tests make them cheap)."""
    return {"time_cost": auth.TIME_COST, "memory_cost_kib": auth.MEMORY_COST_KIB, "parallelism": auth.PARALLELISM}


def _derive(secret: bytes, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=int(params["time_cost"]),
        memory_cost=int(params["memory_cost_kib"]),
        parallelism=int(params["parallelism"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _utc(now: datetime | None) -> datetime:
    """Aware UTC; a naive ``now`` is taken as UTC (the app's convention, ``models.utcnow``)."""
    if now is None:
        return datetime.now(UTC)
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds() / 60))


def normalize_name(username: str) -> str:
    return (username or "").strip().lower()


# --- recovery key text -------------------------------------------------------------------------------


def format_recovery_key(raw: bytes) -> str:
    """32 bytes as base32 in dash-separated groups of four (``ABCD-EFGH-…``, 13 groups)."""
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + RECOVERY_GROUP] for i in range(0, len(text), RECOVERY_GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The 32 bytes of a recovery key as typed: case, spaces and dashes do not matter."""
    compact = "".join((text or "").split()).replace("-", "").upper()
    expected = len(base64.b32encode(bytes(KEY_BYTES)).decode("ascii").rstrip("="))
    if len(compact) != expected:
        raise AuthError(
            translate(
                "security", "Kunci pemulihan harus {expected} huruf/angka (tanpa tanda minus); tertulis {count}."
            ).format(expected=expected, count=len(compact))
        )
    padding = "=" * (-len(compact) % 8)
    try:
        raw = base64.b32decode(compact + padding)
    except (binascii.Error, ValueError):
        raise AuthError(translate("security", "Kunci pemulihan hanya berisi huruf A–Z dan angka 2–7.")) from None
    if len(raw) != KEY_BYTES:
        raise AuthError(translate("security", WRONG_RECOVERY_KEY))
    return raw


# --- wraps -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wrap:
    """The data key encrypted under one password (or the recovery key)."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes
    params: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": "argon2id",
            **self.params,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Wrap:
        if data.get("kdf") != "argon2id":
            raise ValueError("unknown kdf")
        params = {name: int(data[name]) for name in ("time_cost", "memory_cost_kib", "parallelism")}
        if any(value <= 0 for value in params.values()):
            raise ValueError("bad argon2 parameters")
        salt, nonce, ciphertext = _unb64(data["salt"]), _unb64(data["nonce"]), _unb64(data["ciphertext"])
        if len(salt) != SALT_BYTES or len(nonce) != NONCE_BYTES or len(ciphertext) != KEY_BYTES + 16:
            raise ValueError("bad wrap sizes")
        return cls(salt, nonce, ciphertext, params)


@dataclass(frozen=True)
class PhcHash:
    """An argon2id PHC string taken apart: ``$argon2id$v=19$m=…,t=…,p=…$<salt>$<digest>``."""

    salt: bytes
    digest: bytes
    params: dict[str, int]
    """``time_cost``, ``memory_cost_kib``, ``parallelism``, ``version``."""

    @classmethod
    def parse(cls, phc: str | None) -> PhcHash | None:
        """``None`` for anything but a well-formed argon2id PHC string."""
        parts = (phc or "").split("$")
        if len(parts) != 6 or parts[0] != "" or parts[1] != "argon2id" or not parts[2].startswith("v="):
            return None
        try:
            version = int(parts[2][2:])
            named = dict(item.split("=", 1) for item in parts[3].split(","))
            params = {
                "time_cost": int(named["t"]),
                "memory_cost_kib": int(named["m"]),
                "parallelism": int(named["p"]),
                "version": version,
            }
            salt, digest = _unb64_phc(parts[4]), _unb64_phc(parts[5])
        except (KeyError, ValueError, binascii.Error):
            return None
        if any(value <= 0 for value in params.values()) or not 8 <= len(salt) <= 64 or not 16 <= len(digest) <= 64:
            return None
        return cls(salt, digest, params)


def _unb64_phc(text: str) -> bytes:
    """PHC base64: the standard alphabet without padding."""
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _kek_from_digest(digest: bytes, database_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=database_id.encode(), info=KEK_INFO).derive(digest)


@dataclass(frozen=True)
class HashWrap:
    """The data key encrypted under a key derived from a synced password hash (see the module docstring)."""

    salt: bytes
    """The PHC string's salt (the argon2 salt of the user's password)."""
    params: dict[str, int]
    """The PHC's ``time_cost``, ``memory_cost_kib``, ``parallelism``, ``version`` and ``hash_len``."""
    nonce: bytes
    ciphertext: bytes

    def matches(self, phc: PhcHash) -> bool:
        """Whether this wrap was made from ``phc`` (same salt and parameters)."""
        return self.salt == phc.salt and self.params == {**phc.params, "hash_len": len(phc.digest)}

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": HASH_KDF,
            **self.params,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HashWrap:
        if data.get("kdf") != HASH_KDF:
            raise ValueError("unknown kdf")
        names = ("time_cost", "memory_cost_kib", "parallelism", "version", "hash_len")
        params = {name: int(data[name]) for name in names}
        if any(value <= 0 for value in params.values()):
            raise ValueError("bad argon2 parameters")
        salt, nonce, ciphertext = _unb64(data["salt"]), _unb64(data["nonce"]), _unb64(data["ciphertext"])
        if not salt or len(nonce) != NONCE_BYTES or len(ciphertext) != KEY_BYTES + 16:
            raise ValueError("bad wrap sizes")
        return cls(salt, params, nonce, ciphertext)

    def digest_of(self, secret: bytes) -> bytes:
        """What argon2id makes of ``secret`` with this wrap's salt and parameters (the hash's digest when
        ``secret`` is the password)."""
        return hash_secret_raw(
            secret=secret,
            salt=self.salt,
            time_cost=self.params["time_cost"],
            memory_cost=self.params["memory_cost_kib"],
            parallelism=self.params["parallelism"],
            hash_len=self.params["hash_len"],
            type=Type.ID,
            version=self.params.get("version", ARGON2_VERSION),
        )


def _wrap(secret: bytes, data_key: bytes, aad: bytes) -> Wrap:
    if len(data_key) != KEY_BYTES:
        raise ValueError(f"the data key must be {KEY_BYTES} bytes")
    params = argon2_parameters()
    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    ciphertext = AESGCM(_derive(secret, salt, params)).encrypt(nonce, bytes(data_key), aad)
    return Wrap(salt, nonce, ciphertext, params)


def _unwrap(wrap: Wrap, secret: bytes, aad: bytes) -> bytes | None:
    try:
        key = AESGCM(_derive(secret, wrap.salt, wrap.params)).decrypt(wrap.nonce, wrap.ciphertext, aad)
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


def _unwrap_hash(wrap: HashWrap, secret: bytes, database_id: str, aad: bytes) -> bytes | None:
    kek = _kek_from_digest(wrap.digest_of(secret), database_id)
    try:
        key = AESGCM(kek).decrypt(wrap.nonce, wrap.ciphertext, aad)
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


_DUMMY_SALT = b"simoncer-dummy!!"


def _dummy_derivation(secret: bytes) -> None:
    """The cost of a real unwrap, for names without a wrap (no timing hint which names exist)."""
    _derive(secret, _DUMMY_SALT, argon2_parameters())


# --- the key file ------------------------------------------------------------------------------------


@dataclass
class Lockout:
    failed: int = 0
    locked_until: datetime | None = None


@dataclass
class KeyStore:
    path: Path
    database_id: str
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    lock_minutes: int = DEFAULT_LOCK_MINUTES
    wraps: dict[str, Wrap] = field(default_factory=dict)
    recovery: Wrap | None = None
    lockouts: dict[str, Lockout] = field(default_factory=dict)
    """Keyed by :meth:`_name_key` (a hash of the name), for known and unknown names alike."""
    known_users: set[str] = field(default_factory=set)
    """Usernames found in the database at the last sign-in (to tell "no wrap here" from "unknown")."""
    hash_wraps: dict[str, HashWrap] = field(default_factory=dict)
    """Wraps made from synced password hashes (users whose password was set on another laptop)."""

    # -- files --

    @staticmethod
    def path_for(db_path: Path | str) -> Path:
        db_path = Path(db_path)
        return db_path.with_name(db_path.name + SUFFIX)

    @classmethod
    def exists(cls, db_path: Path | str) -> bool:
        return cls.path_for(db_path).exists()

    @classmethod
    def create(cls, db_path: Path | str) -> tuple[KeyStore, bytes, str]:
        """A new key store with a fresh data key and recovery key: ``(store, data_key, recovery_text)``.

        Nothing is written until :meth:`save`; the recovery text is shown to the user once."""
        store = cls(path=cls.path_for(db_path), database_id=str(uuid.uuid4()))
        data_key = secrets.token_bytes(KEY_BYTES)
        recovery_raw = secrets.token_bytes(KEY_BYTES)
        store.recovery = _wrap(recovery_raw, data_key, store._aad(RECOVERY_NAME))
        return store, data_key, format_recovery_key(recovery_raw)

    @classmethod
    def load(cls, db_path: Path | str) -> KeyStore:
        path = cls.path_for(db_path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise AuthError(
                translate(
                    "security", "Berkas kunci {path} tidak ditemukan: database tidak dapat dibuka tanpanya."
                ).format(path=path)
            ) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise AuthError(
                translate("security", "Berkas kunci {path} tidak dapat dibaca (rusak): {exc}").format(
                    path=path, exc=exc
                )
            ) from None
        try:
            return cls._from_json(path, data)
        except (KeyError, TypeError, ValueError, AttributeError, binascii.Error) as exc:
            raise AuthError(
                translate("security", "Berkas kunci {path} rusak atau bukan berkas kunci Simoncer ({exc}).").format(
                    path=path, exc=exc
                )
            ) from None

    @classmethod
    def _from_json(cls, path: Path, data: dict[str, Any]) -> KeyStore:
        if data["format"] != FORMAT_VERSION:
            raise ValueError(f"format {data['format']} tidak dikenal")
        database_id = str(uuid.UUID(data["database_id"]))
        policy = data["policy"]
        lockouts = {
            str(name): Lockout(
                int(state["failed"]),
                datetime.fromisoformat(state["locked_until"]) if state.get("locked_until") else None,
            )
            for name, state in data.get("lockout", {}).items()
        }
        recovery = data.get("recovery")
        return cls(
            path=path,
            database_id=database_id,
            max_attempts=int(policy["max_attempts"]),
            lock_minutes=int(policy["lock_minutes"]),
            wraps={str(name): Wrap.from_json(wrap) for name, wrap in data["wraps"].items()},
            recovery=Wrap.from_json(recovery) if recovery else None,
            lockouts=lockouts,
            known_users={str(name) for name in data.get("known_users", [])},
            hash_wraps={str(name): HashWrap.from_json(wrap) for name, wrap in data.get("hash_wraps", {}).items()},
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "database_id": self.database_id,
            "policy": {"max_attempts": self.max_attempts, "lock_minutes": self.lock_minutes},
            "lockout": {
                name: {
                    "failed": state.failed,
                    "locked_until": state.locked_until.isoformat() if state.locked_until else None,
                }
                for name, state in sorted(self.lockouts.items())
            },
            "wraps": {name: wrap.to_json() for name, wrap in sorted(self.wraps.items())},
            "recovery": self.recovery.to_json() if self.recovery else None,
            "known_users": sorted(self.known_users),
            "hash_wraps": {name: wrap.to_json() for name, wrap in sorted(self.hash_wraps.items())},
        }

    def save(self) -> None:
        """Write the file atomically (temporary file in the same folder, then ``os.replace``)."""
        text = json.dumps(self.to_json(), indent=2, ensure_ascii=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            raise

    # -- wraps --

    def _aad(self, name: str) -> bytes:
        return f"{self.database_id}:{name}".encode()

    def _name_key(self, name: str) -> str:
        return hashlib.sha256(self._aad(name)).hexdigest()[:32]

    def has_wrap(self, username: str) -> bool:
        name = normalize_name(username)
        return name in self.wraps or name in self.hash_wraps

    def add_wrap(self, username: str, password: str, data_key: bytes) -> None:
        """Wrap ``data_key`` under ``password`` for ``username`` (replacing an older wrap of either kind) and
        lift its lock."""
        name = normalize_name(username)
        self.wraps[name] = _wrap(password.encode("utf-8"), data_key, self._aad(name))
        self.hash_wraps.pop(name, None)
        self.lockouts.pop(self._name_key(name), None)
        self.known_users.add(name)

    def has_current_hash_wrap(self, username: str, phc: PhcHash) -> bool:
        wrap = self.hash_wraps.get(normalize_name(username))
        return wrap is not None and wrap.matches(phc)

    def add_hash_wrap(self, username: str, phc: PhcHash, data_key: bytes) -> None:
        """Wrap ``data_key`` for ``username`` under the synced hash ``phc`` (replacing an older wrap of either
        kind); costs no argon2 (the digest is in ``phc``). A lock on the name stays until it runs out."""
        if len(data_key) != KEY_BYTES:
            raise ValueError(f"the data key must be {KEY_BYTES} bytes")
        name = normalize_name(username)
        nonce = secrets.token_bytes(NONCE_BYTES)
        kek = _kek_from_digest(phc.digest, self.database_id)
        ciphertext = AESGCM(kek).encrypt(nonce, bytes(data_key), self._aad(name))
        params = {**phc.params, "hash_len": len(phc.digest)}
        self.hash_wraps[name] = HashWrap(phc.salt, params, nonce, ciphertext)
        self.wraps.pop(name, None)
        self.known_users.add(name)

    def remove_wrap(self, username: str) -> None:
        name = normalize_name(username)
        self.wraps.pop(name, None)
        self.hash_wraps.pop(name, None)

    def set_policy(self, max_attempts: int, lock_minutes: int) -> None:
        self.max_attempts = max(0, int(max_attempts))
        self.lock_minutes = max(0, int(lock_minutes))

    def set_known_users(self, usernames: set[str] | list[str]) -> None:
        self.known_users = {normalize_name(name) for name in usernames}

    def set_recovery_key(self, data_key: bytes) -> str:
        """A new recovery key (the old one stops working); returns its text. Saved with :meth:`save`."""
        raw = secrets.token_bytes(KEY_BYTES)
        self.recovery = _wrap(raw, data_key, self._aad(RECOVERY_NAME))
        return format_recovery_key(raw)

    # -- unlocking --

    def unlock(self, username: str, password: str, now: datetime | None = None) -> bytes:
        """The data key for a correct password; AuthError (in Bahasa) otherwise, counting the failure."""
        now = _utc(now)
        name = normalize_name(username)
        lock_key = self._name_key(name)
        state = self.lockouts.get(lock_key)
        if state is not None and state.locked_until is not None:
            if now < state.locked_until:
                minutes = _minutes_left(state.locked_until, now)
                raise AuthError(
                    translate(
                        "security",
                        "Akun '{name}' terkunci karena terlalu banyak percobaan. Coba lagi {minutes} menit lagi.",
                    ).format(name=name, minutes=minutes)
                )
            self.lockouts.pop(lock_key)  # the lock has run out: a fresh series of attempts
            state = None
        secret = (password or "").encode("utf-8")
        wrap = self.wraps.get(name)
        hash_wrap = self.hash_wraps.get(name)
        if wrap is not None:
            key = _unwrap(wrap, secret, self._aad(name))
        elif hash_wrap is not None:
            key = _unwrap_hash(hash_wrap, secret, self.database_id, self._aad(name))
        else:
            _dummy_derivation(secret)
            if name in self.known_users:
                raise AuthError(translate("security", NO_WRAP_ON_THIS_LAPTOP).format(username=name))
            key = None
        if key is not None:
            if state is not None:
                self.lockouts.pop(lock_key, None)
                self._save_quietly()
            return key
        raise self._count_failure(name, lock_key, now)

    def _count_failure(self, name: str, lock_key: str, now: datetime) -> AuthError:
        state = self.lockouts.setdefault(lock_key, Lockout())
        state.failed += 1
        message = translate("auth", WRONG_CREDENTIALS)
        if self.max_attempts > 0:
            if state.failed >= self.max_attempts:
                state.locked_until = now + timedelta(minutes=self.lock_minutes)
                message = translate("security", "{wrong} Akun '{name}' dikunci selama {minutes} menit.").format(
                    wrong=message, name=name, minutes=self.lock_minutes
                )
            else:
                message = translate("security", "{wrong} Sisa {count} kali percobaan.").format(
                    wrong=message, count=self.max_attempts - state.failed
                )
        self._save_quietly()
        return AuthError(message)

    def _save_quietly(self) -> None:
        """Save the lockout state now; a key file that cannot be written must not hide the login error."""
        with contextlib.suppress(OSError):
            self.save()

    def unlock_with_recovery(self, text: str) -> bytes:
        raw = parse_recovery_key(text)
        if self.recovery is None:
            raise AuthError(
                translate("security", "Berkas kunci {path} tidak memuat kunci pemulihan.").format(path=self.path)
            )
        key = _unwrap(self.recovery, raw, self._aad(RECOVERY_NAME))
        if key is None:
            raise AuthError(translate("security", WRONG_RECOVERY_KEY))
        return key
