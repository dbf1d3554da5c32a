"""Proof of sync (issue 8), end to end: the central service as a separate process on loopback
(``simoncer-central serve``), enrollment codes from ``simoncer-central enroll``, two app databases syncing
through it with ``simoncer-cli sync`` (the real HTTP client), each command its own process with its exit
code checked; on SQLite and on PostgreSQL.

Laptop A is the office (``*``), laptop B a kecamatan laptop (32.71.01). Both are copies of the test
database (the same administrator); B's copy of the template's first outbox (global reference rows A
pushes) is dropped before it enrolls, as in ``tests.sync.devices``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from simoncer_central.models import Conflict, FieldState
from simoncer_central.store import open_central
from simoncer_desktop.models import Household
from simoncer_desktop.services import caseload
from simoncer_desktop.sync import outbox, state
from tests.conftest import copy_database
from tests.factories import family
from tests.keys import open_test_database
from tests.pg import free_port, pg_server, pg_url

__all__ = ["pg_server", "pg_url"]  # fixtures, registered by being imported here

KEC = "32.71.01"
TIMEOUT_S = 120


@pytest.fixture(params=["sqlite", "postgresql"])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    """One command in its own process (``python -m``: the console scripts' own entry points)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", *argv], capture_output=True, text=True, env=env, timeout=TIMEOUT_S, check=False
    )


def central(*argv: str) -> subprocess.CompletedProcess[str]:
    return run("simoncer_central.cli", *argv)


def simoncer_cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return run("simoncer_desktop.cli", *argv)


@pytest.fixture
def server(central_url: str, tmp_path: Path) -> Iterator[str]:
    """``simoncer-central serve`` in its own process; its URL once it answers."""
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "simoncer_central.cli", "serve", "--db", central_url]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, f"the server stopped:\n{log.read_text(errors='replace')}"
            assert time.monotonic() < deadline, f"the server did not answer:\n{log.read_text(errors='replace')}"
            try:
                urllib.request.urlopen(f"{url}/sync/whoami", timeout=2)
            except urllib.error.HTTPError:  # 401 without a token: it is up
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def enrollment_code(central_url: str, scope: str, name: str) -> str:
    done = central("enroll", "--db", central_url, "--scope", scope, "--name", name)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def sync(db_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return simoncer_cli("sync", "--db", str(db_path), *extra)


def address(db_path: Path, household_id: str) -> str | None:
    db = open_test_database(db_path)
    try:
        with db.read() as s:
            row = s.get(Household, household_id)
            return None if row is None else row.address
    finally:
        db.close()


def set_address(db_path: Path, household_id: str, value: str) -> None:
    db = open_test_database(db_path)
    try:
        with db.transaction() as s:
            data = caseload.get_household(s, household_id).to_input()
            data.address = value
            caseload.update_household(s, household_id, data)
    finally:
        db.close()


def test_two_laptops_sync_through_a_central_server_process(
    template_db: Path, tmp_path: Path, central_url: str, server: str
) -> None:
    laptop_a = copy_database(template_db, tmp_path / "laptop-a.sqlite3")
    laptop_b = copy_database(template_db, tmp_path / "laptop-b.sqlite3")
    db = open_test_database(laptop_b)
    with db.transaction() as s:  # the template's global rows come from A
        outbox.acknowledge(s, [op.op_id for op in outbox.pending(s, 100_000)])
    db.close()

    code_a = enrollment_code(central_url, "*", "Laptop Kantor Dinsos")
    code_b = enrollment_code(central_url, KEC, "Laptop Kec. Bogor Selatan")
    done = sync(laptop_a, "--server", server, "--enroll", code_a, "--name", "LAPTOP-A")
    assert done.returncode == 0, done.stderr
    assert "terdaftar" in done.stdout and "Antrean: 0 menunggu" in done.stdout
    done = sync(laptop_b, "--server", server, "--enroll", code_b, "--name", "LAPTOP-B")
    assert done.returncode == 0, done.stderr
    assert "wilayah 32.71.01" in done.stdout and "Antrean: 0 menunggu" in done.stdout

    db = open_test_database(laptop_a)  # A records a family of 32.71.01 through the services
    with db.transaction() as s:
        data, people = family(1)
        household_id = caseload.create_household(s, data, people)
    db.close()
    done = sync(laptop_a)
    assert done.returncode == 0, done.stderr
    assert "Dikirim: 5 perubahan (5 diterima)" in done.stdout  # the family and its four members, one op each
    assert sync(laptop_b).returncode == 0
    assert address(laptop_b, household_id) == address(laptop_a, household_id) == "Jl. Melati No. 5"

    set_address(laptop_a, household_id, "Jl. Kenanga No. 8")  # the same field on both laptops, offline
    set_address(laptop_b, household_id, "Gg. Mawar II No. 3")  # later: it wins
    assert sync(laptop_a).returncode == 0
    done = sync(laptop_b)
    assert done.returncode == 0, done.stderr
    assert sync(laptop_a).returncode == 0
    assert address(laptop_a, household_id) == address(laptop_b, household_id) == "Gg. Mawar II No. 3"
    db = open_central(central_url)
    try:
        with db.transaction() as s:
            logged = s.scalars(
                select(Conflict).where(Conflict.row_id == household_id, Conflict.field == "address")
            ).all()
            winner = s.get(FieldState, ("household", household_id, "address"))
            assert winner is not None and json.loads(winner.value) == "Gg. Mawar II No. 3"
        assert [(json.loads(c.losing_value), json.loads(c.winning_value or "null")) for c in logged] == [
            ("Jl. Kenanga No. 8", "Gg. Mawar II No. 3")
        ]
    finally:
        db.close()

    db = open_test_database(laptop_b)
    with db.read() as s:
        device_b = state.load(s).device_id
    db.close()
    assert device_b is not None
    listed = central("devices", "--db", central_url)
    assert listed.returncode == 0 and f"{device_b}  Laptop Kec. Bogor Selatan" in listed.stdout  # the operator names it
    revoked = central("devices", "--db", central_url, "--revoke", device_b)
    assert revoked.returncode == 0, revoked.stderr
    assert "dicabut" in revoked.stdout

    set_address(laptop_b, household_id, "Jl. Sesudah Dicabut No. 1")
    done = sync(laptop_b)
    assert done.returncode == 1
    assert done.stderr.startswith("Perangkat ini dicabut") and "--enroll KODE" in done.stderr
    assert "antrean perubahan tetap disimpan (" in done.stderr
    db = open_test_database(laptop_b)
    with db.read() as s:  # the edit made after the revocation is still queued
        queued = [op.fields for op in outbox.pending(s, 100) if op.tbl == "household" and op.row_id == household_id]
    db.close()
    assert queued == [{"address": "Jl. Sesudah Dicabut No. 1"}]
    assert sync(laptop_a).returncode == 0  # the office goes on; B's edit never arrived
    assert address(laptop_a, household_id) == "Gg. Mawar II No. 3"
