"""Where things live: the user's data folder, the database, logs, backups and bundled resources.

Order of precedence for the database: ``--db PATH`` > ``SIMONCER_DB`` > ``<data folder>/simoncer.sqlite3``.
The data folder is platformdirs' user data dir unless ``SIMONCER_DATA_DIR`` overrides it (tests, portable use).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from simoncer_desktop import APP_NAME

DB_FILENAME = "simoncer.sqlite3"


def data_dir() -> Path:
    override = os.environ.get("SIMONCER_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The database file to open, creating its folder."""
    value = cli_value or os.environ.get("SIMONCER_DB")
    path = Path(value).expanduser() if value else data_dir() / DB_FILENAME
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir(db_path: Path) -> Path:
    """Backups sit next to the database they protect, so a database on a USB stick keeps its own."""
    path = db_path.parent / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The bundled ``resources/`` folder, from a source tree or a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
