"""The command line signs in like the window: ``--user`` (default admin), the password from
``SIMONCER_PASSWORD`` or a prompt, the same role checks, and the first admin for a new database."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from simoncer_desktop import cli
from simoncer_desktop.models.enums import Role
from simoncer_desktop.security import signin
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services import auth, settings
from simoncer_desktop.services.auth import UserInput
from tests.keys import TEST_PASSWORD, open_test_database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_default_user_is_admin_with_the_password_from_the_environment(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "info", "--db", str(db_path))
    assert code == 0
    assert '"region_code": "32.71"' in out


def test_a_wrong_password_exits_one_and_changes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SIMONCER_PASSWORD", "bukan-sandinya")
    code, out, err = run(capsys, "setting", "component_cap", "3", "--db", str(db_path))
    assert code == 1 and out == ""
    assert "Nama pengguna atau kata sandi salah" in err
    db = open_test_database(db_path)
    with db.read() as session:
        assert settings.get_setting(session, "component_cap") != 3
    db.close()


def test_five_wrong_passwords_lock_the_account_for_the_command_line_too(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SIMONCER_PASSWORD", "bukan-sandinya")
    for _ in range(5):
        assert run(capsys, "info", "--db", str(db_path))[0] == 1
    monkeypatch.setenv("SIMONCER_PASSWORD", TEST_PASSWORD)
    code, _out, err = run(capsys, "info", "--db", str(db_path))
    assert code == 1
    assert "terkunci" in err and "menit" in err


def test_without_a_password_a_scheduled_task_is_refused_not_left_waiting(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SIMONCER_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: no prompt
    code, _out, err = run(capsys, "info", "--db", str(db_path))
    assert code == 1
    assert "SIMONCER_PASSWORD" in err


def test_at_a_terminal_the_password_is_asked(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("SIMONCER_PASSWORD")
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or TEST_PASSWORD)
    assert run(capsys, "info", "--db", str(db_path))[0] == 0
    assert asked == ["Kata sandi admin: "]


def _add_user(db_path: Path, username: str, role: Role, password: str, scope: str = "*") -> None:
    db = signin.sign_in(db_path, "admin", TEST_PASSWORD)
    signin.add_user(
        db, UserInput(username=username, full_name=username.title(), role=role, password=password, scope=scope)
    )
    db.close()
    # A new account must change its temporary password before it may work; do that as the user would.
    db = signin.sign_in(db_path, username, password)
    signin.change_password(db, username, password, password + "-baru")
    db.close()


def test_a_viewer_is_refused_by_the_same_role_check_as_in_the_window(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_user(db_path, "pemantau", Role.VIEWER, "sandi-pemantau", scope="32.71.01")
    monkeypatch.setenv("SIMONCER_PASSWORD", "sandi-pemantau-baru")
    code, _out, err = run(capsys, "setting", "component_cap", "3", "--db", str(db_path), "--user", "pemantau")
    assert code == 1
    assert "tidak berwenang mengubah pengaturan" in err
    assert run(capsys, "info", "--db", str(db_path), "--user", "pemantau")[0] == 0  # reading is allowed


def test_a_temporary_password_must_be_changed_in_the_app_first(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = signin.sign_in(db_path, "admin", TEST_PASSWORD)
    data = UserInput(
        username="operator1",
        full_name="Operator Satu",
        role=Role.OPERATOR,
        password="sandi-sementara",
        scope="32.71.01",
    )
    signin.add_user(db, data)
    db.close()
    monkeypatch.setenv("SIMONCER_PASSWORD", "sandi-sementara")
    code, _out, err = run(capsys, "info", "--db", str(db_path), "--user", "operator1")
    assert code == 1
    assert "harus mengganti kata sandi" in err


def test_demo_data_into_a_new_file_creates_the_first_admin_and_prints_the_recovery_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "baru" / "simoncer.sqlite3"
    code, out, err = run(capsys, "demo-data", "--db", str(path), "--families", "20", "--relief-victims", "0")
    assert code == 0, err
    assert "Dibuat 20 keluarga" in out
    assert "KUNCI PEMULIHAN" in err
    recovery = err.split("KUNCI PEMULIHAN")[1].split(":", 1)[1].split()[0]
    assert KeyStore.exists(path)
    # The printed key opens the database (the way an admin recovers when every password is forgotten).
    db = signin.recover(path, recovery, "admin", "sandi-pulih-123")
    with db.read() as session:
        assert auth.find_user(session, "admin") is not None
    db.close()


def test_other_commands_do_not_create_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tidak-ada.sqlite3"
    code, _out, err = run(capsys, "info", "--db", str(path))
    assert code == 1
    assert "belum ada" in err
    assert not path.exists() and not KeyStore.exists(path)


def test_if_new_makes_the_demo_database_once_without_signing_in_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "simoncer.sqlite3"
    args = ("demo-data", "--db", str(path), "--families", "5", "--relief-victims", "0", "--if-new")
    assert run(capsys, *args)[0] == 0
    size = path.stat().st_size
    # 'make run' again after the office chose its own admin password: nothing is asked, nothing changes.
    monkeypatch.setenv("SIMONCER_PASSWORD", "bukan-sandinya")
    code, out, _err = run(capsys, *args)
    assert code == 0 and "sudah ada" in out
    assert path.stat().st_size == size
