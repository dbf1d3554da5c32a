"""Enrollment codes, tokens and revocation (``simoncer_central.devices``) on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from simoncer_central import devices
from simoncer_central.errors import (
    ExpiredCodeError,
    InvalidInputError,
    UnauthorizedError,
    UnknownCodeError,
    UnknownDeviceError,
    UsedCodeError,
)
from simoncer_central.models import Device, EnrollmentCode
from simoncer_central.store import CentralDb

T0 = datetime(2026, 11, 25, 8, 0, 0)
CODE_SHAPE = re.compile(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")


def new_code(central: CentralDb, scope: str = "32.71.01", name: str | None = None, now: datetime = T0) -> str:
    with central.transaction() as s:
        return devices.create_enrollment_code(s, scope, name, now=now)


def test_a_code_is_12_base32_characters_in_groups_and_only_its_hash_is_stored(central: CentralDb) -> None:
    code = new_code(central, name="Laptop Kec. Bogor Selatan")
    assert CODE_SHAPE.fullmatch(code)
    with central.transaction() as s:
        entry = s.scalars(select(EnrollmentCode)).one()
        assert entry.code_hash == devices.sha256_hex(code.replace("-", ""))
        assert code.replace("-", "") not in {entry.code_hash, entry.name, entry.scope}
        assert (entry.scope, entry.name) == ("32.71.01", "Laptop Kec. Bogor Selatan")
        assert entry.expires_at - entry.created_at == timedelta(hours=24)
        assert entry.used_at is None and entry.device_id is None


@pytest.mark.parametrize("scope", ["*", "32.71.01", " 11.01.02 "])
def test_valid_scopes(scope: str) -> None:
    assert devices.validate_scope(scope) == scope.strip()


@pytest.mark.parametrize("scope", ["", "32.71", "32.71.1", "32-71-01", "32.71.01.2001", "**", "semua"])
def test_other_scopes_are_refused_in_bahasa(scope: str) -> None:
    with pytest.raises(InvalidInputError, match="tidak valid: gunakan kode kecamatan"):
        devices.validate_scope(scope)


def test_no_code_is_stored_for_a_bad_scope(central: CentralDb) -> None:
    with pytest.raises(InvalidInputError), central.transaction() as s:
        devices.create_enrollment_code(s, "32.71")
    with central.transaction() as s:
        assert s.scalars(select(EnrollmentCode)).all() == []


def test_enroll_gives_a_device_bound_to_the_code_scope_and_a_token(central: CentralDb) -> None:
    code = new_code(central, scope="32.71.02")
    with central.transaction() as s:
        device, token = devices.enroll(s, code, "LAPTOP-01", "0.1.0", now=T0 + timedelta(hours=1))
    assert len(token) >= 40
    with central.transaction() as s:
        stored = s.get(Device, device.id)
        assert stored is not None
        assert (stored.name, stored.scope, stored.app_version) == ("LAPTOP-01", "32.71.02", "0.1.0")
        assert stored.token_hash == devices.sha256_hex(token) and token not in stored.token_hash
        assert stored.enrolled_at == T0 + timedelta(hours=1) and stored.revoked_at is None
        entry = s.scalars(select(EnrollmentCode)).one()
        assert (entry.used_at, entry.device_id) == (T0 + timedelta(hours=1), device.id)


def test_the_operators_name_for_the_laptop_wins_over_the_laptops_own(central: CentralDb) -> None:
    code = new_code(central, name="Laptop Kec. Bogor Selatan")
    with central.transaction() as s:
        device, _ = devices.enroll(s, code, "DESKTOP-7F3K", None, now=T0)
    assert device.name == "Laptop Kec. Bogor Selatan"


def test_codes_are_forgiving_about_case_hyphens_and_look_alike_digits(central: CentralDb) -> None:
    code = new_code(central)
    typed = code.lower().replace("-", " ").replace("o", "0").replace("i", "1").replace("b", "8")
    with central.transaction() as s:
        device, _ = devices.enroll(s, typed, "LAPTOP", None, now=T0)
    assert device.scope == "32.71.01"


def test_a_code_works_once(central: CentralDb) -> None:
    code = new_code(central)
    with central.transaction() as s:
        devices.enroll(s, code, "LAPTOP-01", None, now=T0)
    with pytest.raises(UsedCodeError, match="sudah dipakai"), central.transaction() as s:
        devices.enroll(s, code, "LAPTOP-02", None, now=T0)
    with central.transaction() as s:
        assert len(devices.list_devices(s)) == 1


def test_an_expired_code_is_refused(central: CentralDb) -> None:
    code = new_code(central)
    with pytest.raises(ExpiredCodeError, match="kedaluwarsa"), central.transaction() as s:
        devices.enroll(s, code, "LAPTOP", None, now=T0 + timedelta(hours=24))
    with central.transaction() as s:  # nothing was written
        assert devices.list_devices(s) == []
        assert s.scalars(select(EnrollmentCode)).one().used_at is None


def test_unknown_and_malformed_codes_are_refused(central: CentralDb) -> None:
    new_code(central)
    with pytest.raises(UnknownCodeError, match="tidak dikenal"), central.transaction() as s:
        devices.enroll(s, "AAAA-BBBB-CCCC", "LAPTOP", None, now=T0)
    for bad in ("", "ABCD-EFGH", "ABCD-EFGH-JKL9", "ABCD-EFGH-JKLM-N"):
        with pytest.raises(InvalidInputError, match="Kode pendaftaran tidak valid"), central.transaction() as s:
            devices.enroll(s, bad, "LAPTOP", None, now=T0)


def test_a_device_needs_a_name(central: CentralDb) -> None:
    code = new_code(central)
    with pytest.raises(InvalidInputError, match="Nama perangkat wajib"), central.transaction() as s:
        devices.enroll(s, code, "   ", None, now=T0)


def test_authenticate_finds_the_device_and_notes_when_it_was_seen(central: CentralDb) -> None:
    with central.transaction() as s:
        device, token = devices.enroll(s, new_code(central), "LAPTOP", None, now=T0)
    with central.transaction() as s:
        assert devices.authenticate(s, token, now=T0 + timedelta(minutes=5)).id == device.id
    with central.transaction() as s:  # within a minute: not written again
        devices.authenticate(s, token, now=T0 + timedelta(minutes=5, seconds=30))
    with central.transaction() as s:
        assert s.get(Device, device.id).last_seen_at == T0 + timedelta(minutes=5)  # type: ignore[union-attr]
    with central.transaction() as s:
        devices.authenticate(s, token, now=T0 + timedelta(minutes=7))
    with central.transaction() as s:
        assert s.get(Device, device.id).last_seen_at == T0 + timedelta(minutes=7)  # type: ignore[union-attr]


def test_unknown_and_revoked_tokens_are_refused(central: CentralDb) -> None:
    with central.transaction() as s:
        device, token = devices.enroll(s, new_code(central), "LAPTOP", None, now=T0)
    for bad in ("", "x", token + "x"):
        with pytest.raises(UnauthorizedError), central.transaction() as s:
            devices.authenticate(s, bad)
    with central.transaction() as s:
        revoked = devices.revoke(s, device.id, now=T0 + timedelta(days=1))
    assert revoked.revoked_at == T0 + timedelta(days=1)
    with pytest.raises(UnauthorizedError, match="sudah dicabut"), central.transaction() as s:
        devices.authenticate(s, token)
    with central.transaction() as s:  # revoking again keeps the first time
        assert devices.revoke(s, device.id).revoked_at == T0 + timedelta(days=1)


def test_revoking_an_unknown_device_says_so(central: CentralDb) -> None:
    with pytest.raises(UnknownDeviceError, match="tidak ditemukan"), central.transaction() as s:
        devices.revoke(s, "00000000-0000-0000-0000-000000000000")


def test_list_devices_in_enrollment_order(central: CentralDb) -> None:
    names = []
    for i in range(3):
        with central.transaction() as s:
            devices.enroll(s, new_code(central, scope="*"), f"LAPTOP-{i}", None, now=T0 + timedelta(minutes=i))
        names.append(f"LAPTOP-{i}")
    with central.transaction() as s:
        listed = devices.list_devices(s)
    assert [d.name for d in listed] == names
    assert {d.scope for d in listed} == {"*"}


def test_laptops_racing_with_one_code_enroll_one_device(central: CentralDb) -> None:
    code = new_code(central)
    start = threading.Barrier(6)

    def attempt(i: int) -> str:
        start.wait()
        try:
            with central.transaction() as s:
                devices.enroll(s, code, f"LAPTOP-{i}", None, now=T0)
            return "enrolled"
        except UsedCodeError:
            return "used"

    with ThreadPoolExecutor(6) as pool:
        outcomes = sorted(pool.map(attempt, range(6)))
    assert outcomes == ["enrolled"] + ["used"] * 5
    with central.transaction() as s:
        assert len(devices.list_devices(s)) == 1
