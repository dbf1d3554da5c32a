"""Read the rows of a spreadsheet the user chose: ``.xlsx`` (streamed, see ``xlsx_stream``) or
``.csv`` (comma or semicolon, UTF-8 or Windows-1252).

File-level faults (not a spreadsheet, empty, password protected, no recognisable header) raise
``SheetFileError`` with a message for the screen (Bahasa source, translated for the screen). Cell-level
faults are the importer's business; this module only reports which cells hold a formula (their last
calculated result is the value).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from simoncer_desktop.errors import Message, SimoncerError
from simoncer_desktop.services.xlsx_stream import Workbook, XlsxError
from simoncer_desktop.translation import translate

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
HEADER_SEARCH_ROWS = 10
"""The header may sit below a title block; it is looked for in the first rows."""


class SheetFileError(SimoncerError):
    """The file cannot be read as a spreadsheet at all."""


@dataclass(frozen=True)
class RawRow:
    number: int
    """1-based row number as the user sees it in the spreadsheet (or line number in a CSV)."""
    cells: tuple[object, ...]
    formulas: frozenset[int] = frozenset()
    """0-based column indexes whose cell holds a formula (xlsx only)."""

    def is_blank(self) -> bool:
        return all(c is None or (isinstance(c, str) and not c.strip()) for c in self.cells)


@dataclass
class SheetData:
    path: Path
    sheet_name: str
    total_rows: int
    """Rows in the sheet including the header (for progress)."""
    rows: Iterator[RawRow]
    notes: list[str] = field(default_factory=list)
    """Screen text (``Message``) about how the file was read."""


def open_sheet(path: Path, preferred_sheet: str) -> SheetData:
    """The rows of ``preferred_sheet`` (or the first sheet) of an .xlsx, or of a .csv file."""
    if not path.exists():
        raise SheetFileError(translate("import", "Berkas {path} tidak ditemukan").format(path=path))
    if path.stat().st_size == 0:
        raise SheetFileError(translate("import", "Berkas {name} kosong (0 byte)").format(name=path.name))
    with path.open("rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGIC):
        return _open_xlsx(path, preferred_sheet)
    if head.startswith(OLE_MAGIC):
        if ENCRYPTION_STREAM in path.read_bytes():
            raise SheetFileError(
                translate(
                    "import",
                    "Berkas {name} dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
                    "(File → Info → Protect Workbook → Encrypt with Password), simpan, lalu impor lagi.",
                ).format(name=path.name)
            )
        raise SheetFileError(
            translate(
                "import",
                "Berkas {name} berformat Excel lama (.xls). Buka di Excel dan simpan sebagai .xlsx, lalu impor lagi.",
            ).format(name=path.name)
        )
    if suffix in (".xlsx", ".xlsm"):
        raise SheetFileError(
            translate(
                "import", "Berkas {name} bukan berkas .xlsx yang sah (isinya rusak atau bukan spreadsheet)"
            ).format(name=path.name)
        )
    if suffix in (".csv", ".txt"):
        return _open_csv(path)
    raise SheetFileError(
        translate("import", "Berkas {name} bukan spreadsheet: gunakan .xlsx atau .csv").format(name=path.name)
    )


# --- xlsx --------------------------------------------------------------------------------------


def _open_xlsx(path: Path, preferred_sheet: str) -> SheetData:
    try:
        workbook = Workbook(str(path))
        names = workbook.sheet_names
        if not names:
            raise SheetFileError(translate("import", "Berkas {name} tidak berisi lembar kerja").format(name=path.name))
        wanted = next((n for n in names if n.strip().lower() == preferred_sheet.lower()), names[0])
        total = workbook.dimension_rows(wanted)
    except (XlsxError, OSError) as exc:
        raise SheetFileError(
            translate("import", "Berkas {name} tidak dapat dibaca sebagai .xlsx: {error}").format(
                name=path.name, error=exc
            )
        ) from exc

    def rows() -> Iterator[RawRow]:
        try:
            for row in workbook.rows(wanted):
                yield RawRow(row.number, row.cells, row.formulas)
        except (XlsxError, OSError, ValueError, IndexError) as exc:
            raise SheetFileError(
                translate("import", "Isi berkas {name} rusak dan tidak dapat dibaca: {error}").format(
                    name=path.name, error=exc
                )
            ) from exc
        finally:
            workbook.close()

    return SheetData(path, wanted, total, rows())


# --- csv ---------------------------------------------------------------------------------------


def _open_csv(path: Path) -> SheetData:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise SheetFileError(
            translate("import", "Berkas {name} bukan teks CSV (berisi data biner)").format(name=path.name)
        )
    try:
        text = raw.decode("utf-8-sig")
        encoding_note = None
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        encoding_note = Message.translate("import", "Berkas CSV dibaca sebagai Windows-1252 (bukan UTF-8)")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows() -> Iterator[RawRow]:
        for values in reader:
            yield RawRow(reader.line_num, tuple(v if v != "" else None for v in values))

    data = SheetData(path, path.name, len(lines), rows())
    if encoding_note:
        data.notes.append(encoding_note)
    return data


# --- header ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    row_number: int
    columns: dict[str, int]
    """Canonical column key → 0-based index."""
    ignored: tuple[str, ...]
    """Header texts we do not read (reported, never an error)."""


def find_header(
    rows: Iterator[RawRow],
    column_for: Callable[[object], str | None],
    required: tuple[str, ...],
    consumed: list[RawRow],
) -> Header | None:
    """The first row (within ``HEADER_SEARCH_ROWS``) naming every required column. Rows read before
    it are appended to ``consumed``; returns None when no such row exists."""
    for row in rows:
        consumed.append(row)
        columns: dict[str, int] = {}
        ignored: list[str] = []
        for index, cell in enumerate(row.cells):
            if cell is None or not str(cell).strip():
                continue
            key = column_for(cell)
            if key is None:
                ignored.append(str(cell).strip())
            else:
                columns.setdefault(key, index)
        if all(key in columns for key in required):
            return Header(row.number, columns, tuple(ignored))
        if len(consumed) >= HEADER_SEARCH_ROWS:
            break
    return None
