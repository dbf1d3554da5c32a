"""Writing a report file safely: a temporary file beside the destination, renamed over it at the end.
A failure (folder missing, no permission, disk full, a drawing error) leaves no partial file and an
existing file at the destination untouched, and is raised as ``ReportWriteError`` (or the caller's
subclass) with a Bahasa Indonesia message naming the path. Used by every Excel and PDF writer."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from simoncer_desktop.errors import SimoncerError


class ReportWriteError(SimoncerError):
    """The document could not be written to its file."""


@contextlib.contextmanager
def replacing(path: Path, suffix: str, error: type[ReportWriteError] = ReportWriteError) -> Iterator[Path]:
    """Yields a temporary path in ``path``'s folder; on success it replaces ``path``, on any failure it
    is removed. Fails at once (before any work) when the folder is missing or cannot be written."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise error(f"{path} adalah folder; pilih nama berkas {suffix}")
    if not folder.is_dir():
        raise error(f"Tidak dapat menulis {path}: folder {folder} tidak ada")
    temp = folder / f".{path.stem}-{uuid.uuid4().hex[:12]}{suffix}.tmp"
    try:
        temp.open("xb").close()  # the user's usual permissions (unlike mkstemp's 0600)
    except OSError as exc:
        raise error(f"Tidak dapat menulis {path}: {reason(exc)}") from exc
    try:
        yield temp
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise error(
                f"Tidak dapat menyimpan {path}: {reason(exc)}. Bila berkas itu sedang dibuka (mis. di Excel atau "
                "pembaca PDF), tutup dulu lalu coba lagi"
            ) from exc
    except OSError as exc:  # e.g. the disk filled up while writing
        raise error(f"Gagal menulis {path}: {reason(exc)}") from exc
    finally:
        temp.unlink(missing_ok=True)


def reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "izin ditolak"
    if isinstance(exc, FileNotFoundError):
        return "folder tidak ditemukan"
    return exc.strerror or str(exc)


def discard_sheets(sheets: Iterable[Any]) -> None:
    """After a failure: close openpyxl's streams of write-only sheets and remove their temporary files
    (openpyxl keeps them open until the workbook is saved)."""
    for sheet in sheets:
        with contextlib.suppress(Exception):
            rows = getattr(sheet, "_rows", None)
            if rows is not None:
                rows.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(Exception):
                writer.cleanup()
