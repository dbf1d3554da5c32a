"""Read the rows of one worksheet of an .xlsx file as a stream, in bounded memory.

Why not a library: openpyxl's read-only mode needs about 3 minutes for the 10 million cells of a
110,000-family caseload, and python-calamine, fast as it is, holds the whole sheet in memory
(870 MB for that file) before the first row is returned. This reader feeds the sheet's XML through
the standard library's expat parser in 1 MB pieces and keeps only the shared strings, the date styles
and the rows of the current piece: 18 s and a few MB for the same file.

Values: shared and inline strings → ``str``; numbers → ``float`` (``datetime``/``date`` when the cell's
number format is a date); booleans → ``bool``; error cells → their text (``#N/A``). A formula cell
yields its last calculated result and is listed in ``formulas``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from xml.etree import ElementTree
from xml.parsers import expat

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHUNK = 1 << 20
EXCEL_EPOCH = datetime(1899, 12, 30)
BUILTIN_DATE_FORMATS = frozenset({*range(14, 23), 45, 46, 47})
_DATE_CODE = re.compile(r"[dmyhs]", re.IGNORECASE)
_QUOTED_OR_BRACKETED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


class XlsxError(Exception):
    """The archive is not a readable workbook (message in English, for the log)."""


@dataclass(frozen=True)
class SheetRow:
    number: int
    cells: tuple[object, ...]
    formulas: frozenset[int]


class Workbook:
    def __init__(self, path: str) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
            names = set(self._zip.namelist())
            if "xl/workbook.xml" not in names:
                raise XlsxError("xl/workbook.xml is missing")
            self._sheets = self._sheet_parts()
        except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
            raise XlsxError(str(exc)) from exc
        self._names = names

    @property
    def sheet_names(self) -> list[str]:
        return [name for name, _part in self._sheets]

    def close(self) -> None:
        self._zip.close()

    def dimension_rows(self, sheet_name: str) -> int:
        """The row count the sheet declares (``<dimension ref="A1:V450343">``), or 0 if unknown."""
        part = self._part(sheet_name)
        with self._zip.open(part) as stream:
            head = stream.read(4096).decode("utf-8", errors="ignore")
        match = re.search(r'<(?:\w+:)?dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"', head)
        return int(match.group(1)) if match else 0

    def rows(self, sheet_name: str) -> Iterator[SheetRow]:
        strings = self._shared_strings()
        dates = self._date_styles()
        reader = _SheetReader(strings, dates)
        parser = expat.ParserCreate()  # no namespace processing: names stay "c" or "x:c" (faster)
        parser.buffer_text = True
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.text
        try:
            with self._zip.open(self._part(sheet_name)) as stream:
                while chunk := stream.read(CHUNK):
                    parser.Parse(chunk, False)
                    yield from reader.take()
                parser.Parse(b"", True)
                yield from reader.take()
        except expat.ExpatError as exc:
            raise XlsxError(f"sheet XML: {exc}") from exc

    # --- parts ---------------------------------------------------------------------------------

    def _sheet_parts(self) -> list[tuple[str, str]]:
        workbook = ElementTree.fromstring(self._zip.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(self._zip.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
        sheets = []
        for sheet in workbook.iter(f"{{{MAIN_NS}}}sheet"):
            target = targets.get(sheet.get(f"{{{REL_NS}}}id"), "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            sheets.append((sheet.get("name", ""), part))
        return sheets

    def _part(self, sheet_name: str) -> str:
        for name, part in self._sheets:
            if name == sheet_name:
                return part
        raise XlsxError(f"no sheet {sheet_name!r}")

    def _shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self._names:
            return []
        strings: list[str] = []
        pieces: list[str] = []
        depth = {"phonetic": 0, "t": False}

        def start(name: str, _attrs: dict[str, str]) -> None:
            local = name.rpartition(" ")[2]
            if local == "si":
                pieces.clear()
            elif local == "rPh":
                depth["phonetic"] += 1
            elif local == "t" and not depth["phonetic"]:
                depth["t"] = True

        def end(name: str) -> None:
            local = name.rpartition(" ")[2]
            if local == "si":
                strings.append("".join(pieces))
            elif local == "rPh":
                depth["phonetic"] -= 1
            elif local == "t":
                depth["t"] = False

        def text(data: str) -> None:
            if depth["t"]:
                pieces.append(data)

        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        with self._zip.open("xl/sharedStrings.xml") as stream:
            parser.ParseFile(stream)
        return strings

    def _date_styles(self) -> frozenset[int]:
        """Indexes of the cell styles whose number format shows a date or time."""
        if "xl/styles.xml" not in self._names:
            return frozenset()
        root = ElementTree.fromstring(self._zip.read("xl/styles.xml"))
        custom = {
            int(fmt.get("numFmtId", "-1")): fmt.get("formatCode", "")
            for fmt in root.iter(f"{{{MAIN_NS}}}numFmt")
        }
        cell_xfs = root.find(f"{{{MAIN_NS}}}cellXfs")
        found = set()
        for index, xf in enumerate(cell_xfs if cell_xfs is not None else []):
            fmt_id = int(xf.get("numFmtId", "0"))
            if fmt_id in BUILTIN_DATE_FORMATS or (fmt_id in custom and _is_date_format(custom[fmt_id])):
                found.add(index)
        return frozenset(found)


def _is_date_format(code: str) -> bool:
    plain = _QUOTED_OR_BRACKETED.sub("", code)
    return bool(_DATE_CODE.search(plain)) and "General" not in plain


def column_index(ref: str) -> int:
    """``"AB12"`` → 27 (0-based column of a cell reference)."""
    index = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            index = index * 26 + (ord(ch) - 64)
        else:
            break
    return index - 1


class _SheetReader:
    """expat handlers for ``<row>``/``<c>``/``<v>``/``<is><t>``/``<f>``; rows collected per chunk."""

    def __init__(self, strings: list[str], date_styles: frozenset[int]) -> None:
        self.strings = strings
        self.date_styles = date_styles
        self.done: list[SheetRow] = []
        self.row_number = 0
        self.cells: dict[int, object] = {}
        self.formulas: set[int] = set()
        self.column = -1
        self.kind: str | None = None
        self.style = 0
        self.has_formula = False
        self.value: list[str] = []
        self.collect = False
        self.phonetic = 0
        self.columns: dict[str, int] = {}
        self.local: dict[str, str] = {}
        """Qualified element name → local name (``"x:c"`` → ``"c"``), computed once per name."""

    def take(self) -> list[SheetRow]:
        rows, self.done = self.done, []
        return rows

    def _local(self, name: str) -> str:
        local = self.local[name] = name[name.rfind(":") + 1 :]
        return local

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = self.local.get(name) or self._local(name)
        if local == "c":
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                column = self.columns.get(letters)
                if column is None:
                    column = self.columns[letters] = column_index(letters)
                self.column = column
            else:
                self.column += 1
            self.kind = attrs.get("t")
            self.style = int(attrs.get("s", 0))
            self.has_formula = False
            self.value = []
        elif local == "v" or (local == "t" and not self.phonetic):
            self.collect = True
        elif local == "row":
            ref = attrs.get("r")
            self.row_number = int(ref) if ref else self.row_number + 1
            self.cells = {}
            self.formulas = set()
            self.column = -1
        elif local == "f":
            self.has_formula = True
        elif local == "rPh":
            self.phonetic += 1

    def text(self, data: str) -> None:
        if self.collect:
            self.value.append(data)

    def end(self, name: str) -> None:
        local = self.local.get(name) or self._local(name)
        if local == "v" or local == "t":
            self.collect = False
        elif local == "c":
            value = self._value()
            if value is not None:
                self.cells[self.column] = value
            if self.has_formula:
                self.formulas.add(self.column)
        elif local == "row":
            width = max(self.cells) + 1 if self.cells else 0
            cells = tuple(self.cells.get(i) for i in range(width))
            self.done.append(SheetRow(self.row_number, cells, frozenset(self.formulas)))
        elif local == "rPh":
            self.phonetic -= 1

    def _value(self) -> object:
        if not self.value:
            return None
        raw = "".join(self.value)
        kind = self.kind
        if kind == "s":
            return self.strings[int(raw)]
        if kind in ("inlineStr", "str", "e"):
            return raw if raw != "" else None
        if kind == "b":
            return raw == "1"
        if kind == "d":
            return _iso_date(raw)
        number = float(raw)
        if self.style in self.date_styles:
            moment = EXCEL_EPOCH + timedelta(days=number)
            return moment.date() if moment.time() == datetime.min.time() else moment
        return number


def _iso_date(raw: str) -> object:
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return raw
    return moment.date() if moment.time() == datetime.min.time() else moment

