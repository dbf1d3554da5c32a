"""Login with the real argon2id parameters (issue 7: < 1 s on a 2-core laptop).

A new encrypted database is made with ``signin.create_database`` in a temporary folder; then
``signin.sign_in`` (key file unwrap with argon2id + opening the encrypted database + reading the user)
is timed ``LOGINS`` times, the unwrap alone (``KeyStore.unlock``) as many times, and a wrong password
(refused by ``sign_in``) a few times, below the lockout; then ``sign_in`` again while another process
keeps one core busy (argon2 runs 2 lanes: on a 2-core laptop a busy core doubles it). Given the
cached 110,000-family data set, the opening of that database with its key is timed too: a login there
is the unwrap plus that opening.

    python -m benchmarks --only login        # or: python -m benchmarks.login [--db <cached file>]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.keys import open_bench_database
from benchmarks.report import Result, render
from simoncer_desktop.errors import AuthError
from simoncer_desktop.security import signin
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.services import auth

TARGET_S = 1.0
LOGINS = 5
WRONG_ATTEMPTS = 3
"""Below the default lockout (5 failures), so every attempt pays the full argon2 derivation."""
REGION = "32.71"
USERNAME = "admin"
PASSWORD = "benchmark-sandi-1"


def parameters_note() -> str:
    return (
        f"argon2id t={auth.TIME_COST}, m={auth.MEMORY_COST_KIB // 1024} MiB, p={auth.PARALLELISM}; "
        f"{os.cpu_count()} CPUs"
    )


def _seconds(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def _with_one_core_busy(fn: Callable[[], list[float]]) -> list[float]:
    """``fn`` run while a busy loop (an antivirus scan, a browser) holds one core: argon2 has p=2 lanes."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.2)
        return fn()
    finally:
        spinner.kill()
        spinner.wait()


def results(caseload: Path | None = None) -> list[Result]:
    note = parameters_note()
    with tempfile.TemporaryDirectory(prefix="simoncer-login-") as folder:
        path = Path(folder) / "simoncer.sqlite3"
        start = time.perf_counter()
        database, _recovery = signin.create_database(path, REGION, "*", USERNAME, "Admin Benchmark", PASSWORD)
        created = time.perf_counter() - start
        database.close()

        def login() -> None:
            signin.sign_in(path, USERNAME, PASSWORD).close()

        def unlock() -> None:
            KeyStore.load(path).unlock(USERNAME, PASSWORD)

        def wrong() -> None:
            try:
                signin.sign_in(path, USERNAME, "bukan-sandinya")
            except AuthError:
                return
            raise AssertionError("a wrong password opened the database")

        logins = _seconds(login, LOGINS)
        unlocks = _seconds(unlock, LOGINS)
        wrongs = _seconds(wrong, WRONG_ATTEMPTS)
        login()  # a correct password clears the failure count again
        busy = _with_one_core_busy(lambda: _seconds(login, LOGINS))
    out = [
        Result(
            f"login: sign_in, median of {LOGINS} ({note})",
            statistics.median(logins),
            statistics.median(unlocks),
            "s",
            target=TARGET_S,
            baseline_name="the key-file unwrap alone (KeyStore.unlock: argon2id + AES-GCM)",
        ),
        Result(f"login: sign_in, slowest of {LOGINS}", max(logins), max(unlocks), "s", target=TARGET_S),
        Result(
            f"login: wrong password refused by sign_in, median of {WRONG_ATTEMPTS}",
            statistics.median(wrongs),
            None,
            "s",
            target=TARGET_S,
        ),
        Result(
            f"login: sign_in while another process keeps one core busy, median of {LOGINS}",
            statistics.median(busy),
            statistics.median(logins),
            "s",
            target=TARGET_S,
            baseline_name="sign_in on an idle machine",
        ),
        Result("new database: create_database (3 argon2 derivations + reference data)", created, None, "s"),
    ]
    if caseload is not None:
        opens = _seconds(lambda: open_bench_database(caseload).close(), LOGINS)
        out.append(
            Result(
                "login on the 110,000-family data set: unwrap + open_database (medians added)",
                statistics.median(unlocks) + statistics.median(opens),
                statistics.median(unlocks),
                "s",
                target=TARGET_S,
                baseline_name="the key-file unwrap alone",
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.login")
    parser.add_argument("--db", type=Path, help="a cached (encrypted) data set: also time opening it")
    args = parser.parse_args()
    print(render(results(args.db)))


if __name__ == "__main__":
    main()
