"""``simoncer-cli sync``: enrollment (admin only, also into a new database file), a sync run with its counts,
and the Bahasa messages with exit 1 for offline, revoked and too-old, the outbox always kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from simoncer_central import devices
from simoncer_central.store import CentralDb
from simoncer_desktop import cli
from simoncer_desktop.models import Facilitator
from simoncer_desktop.models.enums import Role
from simoncer_desktop.sync import hlc, outbox, state
from tests.keys import TEST_PASSWORD, open_test_database
from tests.pg import free_port
from tests.sync.conftest import new_code
from tests.sync.live import FakeCentral, LiveServer
from tests.unit.test_cli_auth import _add_user


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sync_state(db_path: Path) -> tuple[state.State, int, str]:
    db = open_test_database(db_path)
    try:
        with db.read() as s:
            return state.load(s), outbox.count_pending(s), hlc.device(s)
    finally:
        db.close()


def enroll(capsys: pytest.CaptureFixture[str], db_path: Path, central: CentralDb, server: LiveServer) -> str:
    code, out, err = run(
        capsys,
        "sync",
        "--db",
        str(db_path),
        "--server",
        server.url,
        "--enroll",
        new_code(central),
        "--name",
        "LAPTOP-1",
    )
    assert code == 0, err
    return out


def test_sync_before_enrollment_says_how_to_enroll(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "sync", "--db", str(db_path))
    assert code == 1 and "belum terdaftar" in err and "--enroll KODE" in err


def test_enroll_then_sync_against_the_real_central_service(
    db_path: Path, central: CentralDb, central_server: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    out = enroll(capsys, db_path, central, central_server)
    current, pending, device = sync_state(db_path)
    assert "Perangkat 'LAPTOP-1' terdaftar" in out and "wilayah semua (kantor Dinsos)" in out
    assert current.enrolled and current.server_url == central_server.url and current.scope == "*"
    assert device == current.device_id  # later HLCs carry the issued id
    assert "Dikirim:" in out and "Diterima:" in out and "Antrean: 0 menunggu" in out
    assert pending == 0
    with central.transaction() as s:
        (registered,) = devices.list_devices(s)
        assert registered.id == current.device_id and registered.name == "LAPTOP-1"

    db = open_test_database(db_path)
    with db.transaction() as s:
        s.add(Facilitator(name="Bu Fitri", kelurahan_codes="", scope="32.71.01"))
    db.close()
    code, out, err = run(capsys, "sync", "--db", str(db_path))
    assert code == 0, err
    assert "Menunggu sebelum sinkronisasi: 1 perubahan" in out
    assert "Dikirim: 1 perubahan (1 diterima)" in out and "Antrean: 0 menunggu" in out


def test_only_an_administrator_enrolls_but_any_signed_in_role_syncs(
    db_path: Path,
    central: CentralDb,
    central_server: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _add_user(db_path, "operator1", Role.OPERATOR, "sandi-operator", scope="32.71.01")
    monkeypatch.setenv("SIMONCER_PASSWORD", "sandi-operator-baru")
    argv = ("sync", "--db", str(db_path), "--user", "operator1")
    code, _out, err = run(capsys, *argv, "--server", central_server.url, "--enroll", new_code(central))
    assert code == 1 and "menjalankan pemeliharaan data" in err
    assert not sync_state(db_path)[0].enrolled
    monkeypatch.setenv("SIMONCER_PASSWORD", "rahasia-uji-123")
    enroll(capsys, db_path, central, central_server)
    monkeypatch.setenv("SIMONCER_PASSWORD", "sandi-operator-baru")
    code, _out, err = run(capsys, *argv)
    assert code == 0, err
    code, _out, err = run(capsys, *argv, "--server", "https://lain.example.go.id")
    assert code == 1 and "menjalankan pemeliharaan data" in err  # the token is not sent elsewhere by an operator


def test_offline_exits_one_and_keeps_the_queue(
    db_path: Path, central: CentralDb, central_server: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    enroll(capsys, db_path, central, central_server)
    db = open_test_database(db_path)
    with db.transaction() as s:
        s.add(Facilitator(name="Bu Gita", kelurahan_codes="", scope="32.71.01"))
        state.set_server_url(s, f"http://127.0.0.1:{free_port()}")  # the server is gone
    db.close()
    code, _out, err = run(capsys, "sync", "--db", str(db_path))
    assert code == 1
    assert err.startswith("Server tidak dapat dihubungi") and "antrean perubahan tetap disimpan (1 menunggu)" in err
    current, pending, _ = sync_state(db_path)
    assert pending == 1 and current.last_error is not None and "tidak dapat dihubungi" in current.last_error


def test_a_revoked_device_is_told_so(
    db_path: Path, central: CentralDb, central_server: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    enroll(capsys, db_path, central, central_server)
    with central.transaction() as s:
        devices.revoke(s, str(sync_state(db_path)[0].device_id))
    code, _out, err = run(capsys, "sync", "--db", str(db_path))
    assert code == 1 and err.startswith("Perangkat ini dicabut") and "--enroll KODE" in err


def test_a_too_old_app_is_told_to_update_and_keeps_its_queue(
    db_path: Path, fake: FakeCentral, fake_server: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "sync", "--db", str(db_path), "--server", fake_server.url, "--enroll", "KODE")
    assert code == 0, err  # the fake accepts any code and every op
    db = open_test_database(db_path)
    with db.transaction() as s:
        s.add(Facilitator(name="Bu Hana", kelurahan_codes="", scope="32.71.01"))
    db.close()
    fake.script = [(426, {"error": "Versi aplikasi ini terlalu lama untuk server.", "min_schema": 99})]
    code, _out, err = run(capsys, "sync", "--db", str(db_path))
    assert code == 1
    assert err.startswith("Aplikasi terlalu lama untuk server ini") and "minimal 99" in err
    assert "--export-outbox" in err and "(1 perubahan menunggu)" in err
    assert sync_state(db_path)[1] == 1


def test_enroll_into_a_new_file_creates_it_and_receives_the_scope(
    db_path: Path,
    tmp_path: Path,
    central: CentralDb,
    central_server: LiveServer,
    cheap_argon2: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    enroll(capsys, db_path, central, central_server)  # laptop 1 has data on the server
    db = open_test_database(db_path)
    with db.transaction() as s:
        s.add(Facilitator(name="Bu Intan", kelurahan_codes="", scope="32.71.01"))
    db.close()
    assert run(capsys, "sync", "--db", str(db_path))[0] == 0

    new = tmp_path / "baru" / "simoncer.sqlite3"
    assert run(capsys, "sync", "--db", str(new))[0] == 1 and not new.exists()  # plain sync creates nothing
    code, _out, err = run(capsys, "sync", "--db", str(new), "--server", central_server.url, "--enroll", "X")
    assert code == 1 and "Pendaftaran gagal" in err and "Kode pendaftaran tidak valid" in err and not new.exists()
    code, out, err = run(
        capsys,
        "sync",
        "--db",
        str(new),
        "--server",
        central_server.url,
        "--enroll",
        new_code(central),
        "--region",
        "32.71",
    )
    assert code == 0, err
    assert "KUNCI PEMULIHAN" in err and "terdaftar" in out and "Masuk dengan akun dari kantor Dinsos" in out
    assert new.exists()
    from simoncer_desktop.security import signin

    # No local user was made: laptop 1's admin came down with its password hash and signs in offline.
    central_server.stop()
    database = signin.sign_in(new, "admin", TEST_PASSWORD)
    try:
        with database.read() as s:
            names = [f.name for f in s.query(Facilitator).all()]
            assert "Bu Intan" in names
            assert state.load(s).enrolled
    finally:
        database.close()


def test_help_documents_enrollment_and_new_databases(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["sync", "--help"])
    out = capsys.readouterr().out
    assert "--enroll KODE" in out and "--ca-file PEM" in out and "--region" in out and "belum ada" in out


def test_enroll_into_a_new_file_says_when_the_server_sent_no_account(
    tmp_path: Path, central: CentralDb, central_server: LiveServer, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "kosong" / "simoncer.sqlite3"
    code, out, err = run(
        capsys, "sync", "--db", str(new), "--server", central_server.url, "--enroll", new_code(central)
    )
    assert code == 0, err
    assert new.exists() and "terdaftar" in out
    assert "belum mengirim satu pun akun pengguna" in err
