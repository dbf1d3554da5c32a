"""``simoncer-central enroll|devices|serve`` on SQLite and PostgreSQL: output, exit codes, Bahasa messages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from simoncer_central import devices
from simoncer_central.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, main
from simoncer_central.store import current_revision, head_revision, open_central
from tests.pg import free_port

CODE_LINE = re.compile(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def enroll_device(url: str, name: str) -> str:
    db = open_central(url)
    try:
        with db.transaction() as s:
            code = devices.create_enrollment_code(s, "32.71.01")
        with db.transaction() as s:
            device, _ = devices.enroll(s, code, name, "0.1.0")
        return device.id
    finally:
        db.close()


def test_enroll_prints_the_code_as_the_last_line(central_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "enroll", "--db", central_url, "--scope", "32.71.01", "--name", "Laptop Kec. A")
    assert code == EXIT_OK, err
    lines = out.strip().splitlines()
    assert CODE_LINE.fullmatch(lines[-1])
    assert "32.71.01" in out and "Laptop Kec. A" in out and "sekali" in out
    # the printed code enrolls
    db = open_central(central_url)
    try:
        with db.transaction() as s:
            device, _ = devices.enroll(s, lines[-1], "X", None)
        assert (device.scope, device.name) == ("32.71.01", "Laptop Kec. A")
    finally:
        db.close()


def test_enroll_with_a_bad_scope_exits_1_with_a_message(central_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "enroll", "--db", central_url, "--scope", "32.71")
    assert code == EXIT_ERROR
    assert out == "" and "Wilayah '32.71' tidak valid" in err


def test_devices_lists_and_revokes(central_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "devices", "--db", central_url)
    assert (code, out.strip()) == (EXIT_OK, "Belum ada perangkat terdaftar.")
    first = enroll_device(central_url, "LAPTOP-SATU")
    second = enroll_device(central_url, "LAPTOP-DUA")
    code, out, _ = run(capsys, "devices", "--db", central_url)
    assert code == EXIT_OK
    header, *rows = out.strip().splitlines()
    assert header.split()[:3] == ["ID", "NAMA", "WILAYAH"]
    assert [row.split()[:3] for row in rows] == [[first, "LAPTOP-SATU", "32.71.01"], [second, "LAPTOP-DUA", "32.71.01"]]
    assert all(row.rstrip().endswith("-") for row in rows)  # not revoked

    code, out, _ = run(capsys, "devices", "--db", central_url, "--revoke", first)
    assert code == EXIT_OK and "dicabut" in out and "LAPTOP-SATU" in out
    code, out, _ = run(capsys, "devices", "--db", central_url)
    revoked_row = next(row for row in out.splitlines() if row.startswith(first))
    assert not revoked_row.rstrip().endswith("-")

    code, out, err = run(capsys, "devices", "--db", central_url, "--revoke", "no-such-device")
    assert code == EXIT_ERROR and "tidak ditemukan" in err


def test_the_default_database_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "from-env" / "central.sqlite3"
    monkeypatch.setenv("SIMONCER_CENTRAL_DB", f"sqlite:///{path}")
    assert run(capsys, "enroll", "--scope", "*")[0] == EXIT_OK
    assert path.exists()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["enroll"], ["serve", "--certfile", "cert.pem"], ["serve", "--port", "0"], ["nope"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == EXIT_USAGE, argv
    assert run(capsys, "devices", "--db", "nosuchdialect://x")[0] == EXIT_USAGE


def test_an_unreachable_database_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/nothing?connect_timeout=2"
    code, _, err = run(capsys, "devices", "--db", url)
    assert code == EXIT_ERROR and "Gagal membuka database pusat" in err


def test_serve_migrates_and_answers_whoami_401_without_a_token(central_url: str, tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "simoncer_central.cli", "serve", "--db", central_url, "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        answer: urllib.error.HTTPError | None = None
        deadline = time.monotonic() + 30
        while answer is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/sync/whoami", timeout=2)
            except urllib.error.HTTPError as error:  # any HTTP status but 2xx/3xx
                answer = error
            except OSError:  # not listening yet
                time.sleep(0.1)
        assert answer is not None, f"server did not answer with an error status:\n{log.read_text(errors='replace')}"
        assert answer.code == 401
        assert "error" in json.loads(answer.read())
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert "melayani di http://127.0.0.1" in log.read_text(errors="replace")
    db = open_central(central_url)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()
