"""Writing a report file safely: a temporary file beside the destination, renamed over it at the end.
A failure (folder missing, no permission, disk full, a drawing error) leaves no partial file and an
existing file at the destination untouched, and is raised as ``ReportWriteError`` (or the caller's
subclass) with a message naming the path, in the screen language. Used by every Excel and PDF writer: they
draw inside ``untranslated()`` (the document stays Bahasa) within ``replacing``, so these messages, made
outside that block, are translated."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.translation import translate


class ReportWriteError(SimoncerError):
    """The document could not be written to its file."""


@contextlib.contextmanager
def replacing(path: Path, suffix: str, error: type[ReportWriteError] = ReportWriteError) -> Iterator[Path]:
    """Yields a temporary path in ``path``'s folder; on success it replaces ``path``, on any failure it
    is removed. Fails at once (before any work) when the folder is missing or cannot be written."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise error(
            translate("reports", "{path} adalah folder; pilih nama berkas {suffix}").format(path=path, suffix=suffix)
        )
    if not folder.is_dir():
        message = translate("reports", "Tidak dapat menulis {path}: folder {folder} tidak ada")
        raise error(message.format(path=path, folder=folder))
    temp = folder / f".{path.stem}-{uuid.uuid4().hex[:12]}{suffix}.tmp"
    try:
        temp.open("xb").close()  # the user's usual permissions (unlike mkstemp's 0600)
    except OSError as exc:
        message = translate("reports", "Tidak dapat menulis {path}: {reason}")
        raise error(message.format(path=path, reason=reason(exc))) from exc
    try:
        yield temp
        try:
            os.replace(temp, path)
        except OSError as exc:
            message = translate(
                "reports",
                "Tidak dapat menyimpan {path}: {reason}. Bila berkas itu sedang dibuka (mis. di Excel atau"
                " pembaca PDF), tutup dulu lalu coba lagi",
            )
            raise error(message.format(path=path, reason=reason(exc))) from exc
    except OSError as exc:  # e.g. the disk filled up while writing
        raise error(
            translate("reports", "Gagal menulis {path}: {reason}").format(path=path, reason=reason(exc))
        ) from exc
    finally:
        temp.unlink(missing_ok=True)


def reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return translate("reports", "izin ditolak")
    if isinstance(exc, FileNotFoundError):
        return translate("reports", "folder tidak ditemukan")
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
