"""A throwaway PostgreSQL cluster for tests, started from the machine's own binaries (``pg_config --bindir``).

Fast and disposable: ``initdb -A trust`` into a temp dir, no fsync, loopback on a free port, a socket in the
temp dir, a fresh database per test, ``pg_ctl stop -m fast`` at the end of the session. As root (CI and
these machines) PostgreSQL refuses to run, so initdb and pg_ctl run as the ``postgres`` OS user through
``runuser``, with the temp dir owned by it. Without binaries the tests that need the cluster are skipped,
except under ``CI=true``, where that fails the run: CI must test on PostgreSQL.

Use from a conftest: ``from tests.pg import pg_server, pg_url``."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest

PG_OS_USER = "postgres"
SERVER_OPTIONS = "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _unavailable(reason: str) -> NoReturn:
    """Skip, or fail under CI=true: a CI run without PostgreSQL would silently test only SQLite."""
    message = f"PostgreSQL tidak tersedia untuk tes: {reason}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: PostgreSQL wajib; jalankan scripts/ensure-system-deps.sh)", pytrace=False)
    pytest.skip(message)


def find_bindir() -> Path | None:
    """``pg_config --bindir``, else the newest Debian ``/usr/lib/postgresql/N/bin``; it must hold initdb and
    pg_ctl (Debian's ``pg_config`` can come from libpq-dev without a server)."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(Path(out.stdout.strip()))
    versions = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += [Path(p) for p in sorted(versions, key=lambda p: int(Path(p).parent.name), reverse=True)]
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PgServer:
    """A running cluster; ``create_database()`` makes an empty database and returns its SQLAlchemy URL."""

    bindir: Path
    root: Path
    port: int
    as_root: bool
    startup_seconds: float = 0.0
    _counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1), repr=False)

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    @property
    def sockdir(self) -> Path:
        return self.root / "sock"

    @property
    def logfile(self) -> Path:
        return self.root / "postgres.log"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A PostgreSQL binary, as the postgres OS user when we are root. The working directory is the
        cluster's own temp dir: initdb refuses to start in a directory its user cannot read."""
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", PG_OS_USER, "--", *command]
        return subprocess.run(command, cwd=self.root, capture_output=True, text=True, check=False, timeout=120)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.logfile.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def start(self) -> None:
        started = time.perf_counter()
        result = self.run(
            "initdb", "-A", "trust", "-U", "postgres", "-D", str(self.datadir), "-E", "UTF8", "--locale=C", "--no-sync"
        )
        if result.returncode != 0:
            raise RuntimeError(f"initdb failed ({result.returncode}): {result.stderr or result.stdout}")
        options = f"-p {self.port} -k {self.sockdir} {SERVER_OPTIONS}"
        result = self.run(
            "pg_ctl", "-D", str(self.datadir), "-o", options, "-l", str(self.logfile), "-t", "60", "start", "-w"
        )
        if result.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed ({result.returncode}): {result.stderr}\n{self.log_tail()}")
        self.startup_seconds = time.perf_counter() - started

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "stop")

    def create_database(self) -> str:
        name = f"t_{next(self._counter)}"
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0")
        return self.url(name)


def start_server() -> PgServer:
    """Start a cluster or skip/fail (see ``_unavailable``). The caller stops it and removes ``root``."""
    bindir = find_bindir()
    if bindir is None:
        _unavailable("initdb/pg_ctl tidak ditemukan (pg_config --bindir); pasang paket 'postgresql'")
    as_root = os.geteuid() == 0
    if as_root:
        if shutil.which("runuser") is None:
            _unavailable("berjalan sebagai root tetapi 'runuser' tidak ada")
        try:
            pg_user = pwd.getpwnam(PG_OS_USER)
        except KeyError:
            _unavailable(f"berjalan sebagai root tetapi pengguna OS '{PG_OS_USER}' tidak ada")
    root = Path(tempfile.mkdtemp(prefix="simoncer-pg-"))
    server = PgServer(bindir=bindir, root=root, port=free_port(), as_root=as_root)
    server.sockdir.mkdir()
    if as_root:
        for path in (root, server.sockdir):
            os.chown(path, pg_user.pw_uid, pg_user.pw_gid)
    try:
        server.start()
    except Exception as exc:
        server.stop()  # in case it came up but too late for pg_ctl -w
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"PostgreSQL ({bindir}) tidak dapat dijalankan: {exc}", pytrace=False)
    return server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = start_server()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty database on the session's cluster: ``postgresql+psycopg://postgres@127.0.0.1:PORT/t_N``."""
    return pg_server.create_database()
