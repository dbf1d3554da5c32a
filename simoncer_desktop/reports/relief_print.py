"""Printing a relief document: the one place that turns a request (which document, which event, which
format, its filters) into a file. The ``simoncer-cli relief`` commands and the UI's print dialog both
call ``print_document``.

- ``DocumentKind``: BNBA, berita acara serah terima, laporan kejadian; ``FORMATS`` the file formats
  each can be written in, ``LABELS`` its name for people;
- ``DocumentRequest``: what to print; ``check_request`` refuses a format the kind has not, or a date
  range that ends before it starts (``ValidationError``, Bahasa Indonesia), before anything is read;
- ``print_document``: builds the data with ``services.relief_documents`` and writes it with the PDF or
  Excel writer. The writers draw into a temporary file beside ``path`` and rename it at the end, so a
  failed write leaves no file (and an existing file untouched) and raises their ``SimoncerError``
  (``ReportWriteError``) naming the path;
- ``default_file_name``: ``BNBA-ABCD1234-2026-11-25.pdf`` and the like, for a save dialog.

``event_id`` is the event's full id: resolve what a user typed (id or short code) first with
``services.relief_events.resolve_event``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from simoncer_desktop.errors import FieldError, ValidationError
from simoncer_desktop.services.relief_document_parts import thousands
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate


class DocumentKind(StrEnum):
    BNBA = "bnba"
    BERITA_ACARA = "berita_acara"
    EVENT_REPORT = "laporan_kejadian"


FORMATS: dict[DocumentKind, tuple[str, ...]] = {
    DocumentKind.BNBA: ("pdf", "xlsx"),
    DocumentKind.BERITA_ACARA: ("pdf", "xlsx"),
    DocumentKind.EVENT_REPORT: ("pdf",),
}
"""The file formats (extensions without the dot) each kind can be written in; the first is the default."""

LABELS: dict[DocumentKind, str] = {
    DocumentKind.BNBA: QT_TRANSLATE_NOOP("reports", "BNBA"),
    DocumentKind.BERITA_ACARA: QT_TRANSLATE_NOOP("reports", "Berita acara serah terima"),
    DocumentKind.EVENT_REPORT: QT_TRANSLATE_NOOP("reports", "Laporan kejadian"),
}
"""The documents' names in Bahasa; ``kind_label`` gives one in the screen language."""


def kind_label(kind: DocumentKind) -> str:
    return translate("reports", LABELS[kind])


_FILE_PREFIXES: dict[DocumentKind, str] = {
    DocumentKind.BNBA: "BNBA",
    DocumentKind.BERITA_ACARA: "Berita-acara",
    DocumentKind.EVENT_REPORT: "Laporan-kejadian",
}


@dataclass(frozen=True)
class DocumentRequest:
    kind: DocumentKind
    event_id: str
    """The event's full id (``relief_events.resolve_event`` turns a short code into it)."""
    file_format: str
    """``"pdf"`` or ``"xlsx"``, one of ``FORMATS[kind]``."""
    kelurahan_code: str | None = None
    """BNBA only: just the families of this kelurahan. Ignored for the other kinds."""
    date_from: date | None = None
    """Berita acara only: distributions from this day (inclusive). Ignored for the other kinds."""
    date_to: date | None = None
    """Berita acara only: distributions up to this day (inclusive). Ignored for the other kinds."""


@dataclass(frozen=True)
class Printed:
    path: Path
    summary: str
    """In the screen language (Bahasa without a translator), e.g. ``BNBA kejadian ABCD1234 (12 keluarga, 40 jiwa)``."""
    pages: int | None
    """Pages of a PDF; None for a workbook."""


def _kind(kind: DocumentKind | str) -> DocumentKind:
    try:
        return DocumentKind(kind)
    except ValueError:
        message = translate("reports", "Jenis dokumen '{kind}' tidak dikenal").format(kind=kind)
        raise ValidationError(FieldError("kind", message)) from None


def _format_errors(kind: DocumentKind, file_format: str) -> list[FieldError]:
    allowed = FORMATS[kind]
    if file_format in allowed:
        return []
    wanted = translate("reports", " atau ").join(f".{f}" for f in allowed)
    shown = f".{file_format}" if file_format else translate("reports", "(kosong)")
    message = translate("reports", "{document}: format {shown} tidak tersedia (hanya {wanted})")
    return [FieldError("file_format", message.format(document=kind_label(kind), shown=shown, wanted=wanted))]


def default_file_name(kind: DocumentKind, event_code: str, file_format: str, on: date) -> str:
    """``BNBA-ABCD1234-2026-11-25.pdf``, ``Berita-acara-ABCD1234-2026-11-25.xlsx``,
    ``Laporan-kejadian-ABCD1234-2026-11-25.pdf``; ``ValidationError`` for a format the kind has not."""
    kind = _kind(kind)
    errors = _format_errors(kind, file_format)
    if errors:
        raise ValidationError(errors)
    return f"{_FILE_PREFIXES[kind]}-{event_code.strip().upper()}-{on:%Y-%m-%d}.{file_format}"


def check_request(request: DocumentRequest) -> None:
    """``ValidationError`` (every problem, Bahasa Indonesia) for a format the kind cannot be written in
    or a berita acara period whose start is after its end. Reads nothing."""
    kind = _kind(request.kind)
    errors = _format_errors(kind, request.file_format)
    start, end = request.date_from, request.date_to
    if kind is DocumentKind.BERITA_ACARA and start and end and start > end:
        message = translate("reports", "Tanggal awal {start:%d-%m-%Y} sesudah tanggal akhir {end:%d-%m-%Y}")
        errors.append(FieldError("date_from", message.format(start=start, end=end)))
    if errors:
        raise ValidationError(errors)


def print_document(session: Session, request: DocumentRequest, path: Path) -> Printed:
    """Write the requested document to ``path`` (replaced when it exists) and say what was written.

    Raises ``ValidationError`` for a refused request (``check_request``), a ``path`` whose extension
    is not the request's format, or an unknown kelurahan; ``NotFoundError`` for an unknown or deleted
    event; the writer's ``SimoncerError`` (``ReportWriteError``) when the file cannot be written — then
    no file is left at ``path`` (an existing one is kept as it was)."""
    # The writers pull in reportlab and openpyxl: imported here, not when the window starts.
    from simoncer_desktop.reports.excel.relief_workbook import write_berita_acara_xlsx, write_bnba_xlsx
    from simoncer_desktop.reports.pdf.relief_documents import (
        write_berita_acara_pdf,
        write_bnba_pdf,
        write_event_report_pdf,
    )
    from simoncer_desktop.services import relief_documents as rd

    check_request(request)
    kind, file_format, path = DocumentKind(request.kind), request.file_format, Path(path)
    if path.suffix.lower() != f".{file_format}":
        message = translate("reports", "Berkas keluaran {path} harus berakhiran .{suffix}")
        raise ValidationError(FieldError("path", message.format(path=path, suffix=file_format)))
    pdf = file_format == "pdf"
    result: int | Path
    if kind is DocumentKind.BNBA:
        bnba = rd.bnba(session, request.event_id, request.kelurahan_code or None)
        result = (write_bnba_pdf if pdf else write_bnba_xlsx)(bnba, path)
        summary = translate("reports", "BNBA kejadian {code} ({families} keluarga, {people} jiwa)").format(
            code=bnba.event.code, families=thousands(bnba.families), people=thousands(bnba.people)
        )
    elif kind is DocumentKind.BERITA_ACARA:
        acara = rd.berita_acara(session, request.event_id, request.date_from, request.date_to)
        result = (write_berita_acara_pdf if pdf else write_berita_acara_xlsx)(acara, path)
        summary = translate("reports", "Berita acara {number} ({count} penyaluran, {period})").format(
            number=acara.number, count=thousands(len(acara.lines)), period=acara.period_text
        )
    else:
        report = rd.event_report(session, request.event_id)
        result = write_event_report_pdf(report, path)
        summary = translate("reports", "Laporan kejadian {code} ({title})").format(
            code=report.event.code, title=report.event.title
        )
    return Printed(path=path, summary=summary, pages=result if isinstance(result, int) else None)
