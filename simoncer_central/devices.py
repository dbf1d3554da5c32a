"""Enrollment codes, device tokens and revocation.

A code is made by an operator (``simoncer-central enroll``), typed into a laptop once, and exchanged for a
bearer token bound to the code's scope. Neither the code nor the token is stored: only their SHA-256, so
a copy of the central database cannot be used to enroll or to sync as a device. Times are naive UTC."""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from simoncer_central.errors import (
    ExpiredCodeError,
    InvalidInputError,
    UnauthorizedError,
    UnknownCodeError,
    UnknownDeviceError,
    UsedCodeError,
)
from simoncer_central.models import Device, EnrollmentCode

CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
"""RFC 4648 base32: no 0/1/8/9, so nothing to confuse with O/I/B when read aloud or typed."""
CODE_LENGTH = 12
CODE_GROUP = 4
CODE_LIFETIME = timedelta(hours=24)
TYPO_FIXES = str.maketrans({"0": "O", "1": "I", "8": "B"})

ALL_REGIONS = "*"
KECAMATAN_CODE = re.compile(r"\d{2}\.\d{2}\.\d{2}")

MAX_NAME_LENGTH = 200
MAX_APP_VERSION_LENGTH = 32

LAST_SEEN_RESOLUTION = timedelta(minutes=1)
"""``last_seen_at`` is written at most once a minute per device: a sync of many pages does not turn every
authenticated request into a row update."""


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validate_scope(scope: str) -> str:
    """``*`` (the Dinsos office: every region) or a kecamatan code ``NN.NN.NN``, e.g. ``32.71.01``."""
    value = scope.strip()
    if value == ALL_REGIONS or KECAMATAN_CODE.fullmatch(value):
        return value
    raise InvalidInputError(
        f"Wilayah '{scope}' tidak valid: gunakan kode kecamatan seperti 32.71.01, atau '*' untuk kantor Dinsos "
        "(semua wilayah)."
    )


def format_code(raw: str) -> str:
    """``ABCDEFGHJKLM`` → ``ABCD-EFGH-JKLM``."""
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, len(raw), CODE_GROUP))


def normalise_code(code: str) -> str:
    """What the operator typed → the 12 characters that are hashed: case, spaces and hyphens do not matter,
    and the digits 0, 1 and 8 (never in a code) are read as O, I and B."""
    raw = re.sub(r"[\s-]", "", code).upper().translate(TYPO_FIXES)
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        raise InvalidInputError(
            "Kode pendaftaran tidak valid: kode terdiri dari 12 huruf/angka dalam tiga kelompok, mis. ABCD-EFGH-JKLM."
        )
    return raw


def create_enrollment_code(session: Session, scope: str, name: str | None = None, now: datetime | None = None) -> str:
    """Store a new one-time code for ``scope`` (valid 24 h) and return it formatted, e.g. ``ABCD-EFGH-JKLM``.
    The code itself is returned once and never stored."""
    scope = validate_scope(scope)
    label = _clean_name(name) if name is not None and name.strip() else None
    now = now or utcnow()
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    session.add(
        EnrollmentCode(
            code_hash=sha256_hex(raw),
            scope=scope,
            name=label,
            created_at=now,
            expires_at=now + CODE_LIFETIME,
        )
    )
    session.flush()
    return format_code(raw)


def enroll(
    session: Session, code: str, name: str, app_version: str | None, now: datetime | None = None
) -> tuple[Device, str]:
    """Exchange a one-time code for a new device and its bearer token (returned once, stored as SHA-256).

    The device is named by the operator's ``--name`` when the code has one, else by the laptop's ``name``.
    The code is claimed with a conditional UPDATE, so two laptops racing with the same code cannot both
    enroll (on PostgreSQL as on SQLite)."""
    now = now or utcnow()
    code_hash = sha256_hex(normalise_code(code))
    device_name = _clean_name(name)
    if app_version is not None and len(app_version) > MAX_APP_VERSION_LENGTH:
        raise InvalidInputError(f"Versi aplikasi terlalu panjang (paling banyak {MAX_APP_VERSION_LENGTH} karakter).")
    entry = session.get(EnrollmentCode, code_hash)
    if entry is None:
        raise UnknownCodeError("Kode pendaftaran tidak dikenal. Periksa kembali kode yang diberikan oleh Dinsos.")
    if entry.used_at is not None:
        raise UsedCodeError(
            "Kode pendaftaran ini sudah dipakai. Setiap kode hanya berlaku sekali; minta kode baru kepada Dinsos."
        )
    if now >= entry.expires_at:
        raise ExpiredCodeError(
            f"Kode pendaftaran sudah kedaluwarsa (berlaku sampai {entry.expires_at:%Y-%m-%d %H:%M} UTC); "
            "minta kode baru kepada Dinsos."
        )
    token = secrets.token_urlsafe(32)
    device = Device(
        id=str(uuid.uuid4()),
        name=entry.name or device_name,
        scope=entry.scope,
        token_hash=sha256_hex(token),
        enrolled_at=now,
        app_version=app_version,
    )
    session.add(device)
    session.flush()
    claimed = session.execute(
        update(EnrollmentCode)
        .where(EnrollmentCode.code_hash == code_hash, EnrollmentCode.used_at.is_(None))
        .values(used_at=now, device_id=device.id)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # another request claimed it between our read and this update
        raise UsedCodeError(
            "Kode pendaftaran ini sudah dipakai. Setiap kode hanya berlaku sekali; minta kode baru kepada Dinsos."
        )
    session.expire(entry)
    return device, token


def authenticate(session: Session, token: str, now: datetime | None = None) -> Device:
    """The device whose bearer token this is; unknown and revoked tokens are refused alike."""
    device = session.scalar(select(Device).where(Device.token_hash == sha256_hex(token))) if token else None
    if device is None or device.revoked_at is not None:
        raise UnauthorizedError(
            "Perangkat tidak dikenal atau sudah dicabut. Daftarkan ulang perangkat ini dengan kode baru dari Dinsos."
        )
    now = now or utcnow()
    if device.last_seen_at is None or now - device.last_seen_at >= LAST_SEEN_RESOLUTION:
        device.last_seen_at = now
        session.flush()
    return device


def list_devices(session: Session) -> list[Device]:
    return list(session.scalars(select(Device).order_by(Device.enrolled_at, Device.id)))


def revoke(session: Session, device_id: str, now: datetime | None = None) -> Device:
    """Refuse the device's token from now on. Revoking twice keeps the first revocation time."""
    device = session.get(Device, device_id.strip())
    if device is None:
        raise UnknownDeviceError(
            f"Perangkat '{device_id}' tidak ditemukan. Lihat daftar dengan 'simoncer-central devices'."
        )
    if device.revoked_at is None:
        device.revoked_at = now or utcnow()
        session.flush()
    return device


def _clean_name(name: str) -> str:
    value = " ".join(name.split())
    if not value:
        raise InvalidInputError("Nama perangkat wajib diisi.")
    if len(value) > MAX_NAME_LENGTH:
        raise InvalidInputError(f"Nama perangkat terlalu panjang (paling banyak {MAX_NAME_LENGTH} karakter).")
    return value
