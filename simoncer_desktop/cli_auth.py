"""Signing the command line in: every command that opens a database acts as a user, under the same
role checks as the window.

``--user NAME`` (default ``admin``); the password comes from ``SIMONCER_PASSWORD`` or, at a terminal,
from a prompt. A command that may create its database (``demo-data``, ``import``) creates it when the
file does not exist yet, with that user as the first administrator, and prints the recovery key once.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from simoncer_desktop.cli_common import DEFAULT_USER, PASSWORD_ENV
from simoncer_desktop.errors import AuthError
from simoncer_desktop.security import signin
from simoncer_desktop.security.keystore import KeyStore
from simoncer_desktop.store import Database

FIRST_ADMIN_NAME = "Administrator"


def password_for(username: str) -> str:
    """``SIMONCER_PASSWORD``, else a prompt at a terminal; a scheduled task without either is refused."""
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        raise AuthError(
            f"Kata sandi untuk '{username}' tidak diberikan: isi variabel lingkungan {PASSWORD_ENV} "
            "(untuk tugas terjadwal) atau jalankan perintah di terminal."
        )
    return getpass.getpass(f"Kata sandi {username}: ")


def database_exists(path: Path) -> bool:
    return (path.exists() and path.stat().st_size > 0) or KeyStore.exists(path)


def open_signed_in(args: argparse.Namespace, path: Path) -> Database:
    """Sign ``--user`` in to the database at ``path``; create it first when the command may do that."""
    username = getattr(args, "user", DEFAULT_USER) or DEFAULT_USER
    if not database_exists(path):
        if not getattr(args, "creates_database", False):
            raise AuthError(
                f"Database {path} belum ada. Buat lewat aplikasi (layar pertama), "
                "'simoncer-cli demo-data' atau 'simoncer-cli import'."
            )
        return _create(args, path, username)
    database = signin.sign_in(path, username, password_for(username))
    identity = database.identity
    if identity is not None and identity.must_change_password:
        database.close()
        raise AuthError(
            f"Pengguna '{username}' harus mengganti kata sandi sementara lebih dulu: masuk sekali lewat aplikasi."
        )
    return database


def _create(args: argparse.Namespace, path: Path, username: str) -> Database:
    region = getattr(args, "region", None) or getattr(args, "default_region", None)
    if not region:
        raise AuthError(
            f"Database {path} belum ada: sebutkan --region (kode kabupaten/kota, mis. 32.71) untuk membuatnya."
        )
    region = region.strip()
    regency = ".".join(region.split(".")[:2])  # a kecamatan code given for demo data: its regency/city
    path.parent.mkdir(parents=True, exist_ok=True)
    database, recovery_key = signin.create_database(
        path, regency, "*", username, FIRST_ADMIN_NAME, password_for(username)
    )
    print(
        f"Database baru {path} dibuat dengan administrator '{username}'.\n"
        f"KUNCI PEMULIHAN (simpan di tempat aman; hanya ditampilkan sekali): {recovery_key}",
        file=sys.stderr,
    )
    return database
