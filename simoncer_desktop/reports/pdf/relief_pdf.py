"""Drawing pieces the relief PDFs share (``reports.pdf.relief_documents``): a page frame with the
office's name, the document title and "Halaman x dari y" (each page's number is a form XObject filled
in once the last page is known, so one pass is enough), gridded tables that repeat their header on a
new page, label/value pairs, headings, paragraphs and signature blocks. Drawn straight on a reportlab
canvas with the embedded DejaVu fonts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from simoncer_desktop import APP_NAME, __version__
from simoncer_desktop.reports.pdf.fonts import register_fonts

MARGIN = 28.0
SIZE = 7.5
LEAD = 9.5
PAD = 2.5


def dmy(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


@dataclass(frozen=True)
class Col:
    title: str
    width: float
    align: str = "left"
    """``left``, ``right`` or ``center``."""


class Page:
    """A canvas with the relief documents' page frame and a cursor ``y`` moving down the page."""

    def __init__(
        self, canvas: Canvas, size: tuple[float, float], office: str, title: str, subtitle: Sequence[str] = ()
    ) -> None:
        self.regular, self.bold = register_fonts()
        self.c = canvas
        self.width, self.height = size
        self.left, self.right = MARGIN, self.width - MARGIN
        self.top, self.bottom = self.height - MARGIN, MARGIN + 16
        self.office = office
        self.title = title
        self.subtitle = list(subtitle)
        self.page = 0
        self.y = self.top
        self.made_on = date.today()
        self._width_cache: dict[tuple[str, str, float], float] = {}

    @property
    def span(self) -> float:
        return self.right - self.left

    # --- pages -------------------------------------------------------------------------------------

    def new_page(self) -> None:
        c = self.c
        if self.page:
            c.showPage()
        self.page += 1
        c.setLineWidth(0.4)
        c.setFont(self.regular, 6.5)
        c.line(self.left, MARGIN + 9, self.right, MARGIN + 9)
        c.drawString(self.left, MARGIN, f"{self.title} · dicetak {dmy(self.made_on)} · {APP_NAME} {__version__}")
        c.doForm(f"page{self.page}")
        c.setFont(self.bold, 9)
        c.drawString(self.left, self.top - 2, self.office.upper())
        if self.page == 1:
            c.setFont(self.bold, 11.5)
            c.drawCentredString(self.width / 2, self.top - 20, self.title)
            c.setFont(self.regular, 8)
            y = self.top - 33
            for line in self.subtitle:
                c.drawCentredString(self.width / 2, y, self.fit(line, self.span, self.regular, 8))
                y -= 10.5
            self.y = y - 6
        else:
            c.setFont(self.regular, 7)
            c.drawRightString(self.right, self.top - 2, self.fit(f"{self.title} (lanjutan)", self.span / 2))
            self.y = self.top - 16

    def finish(self) -> int:
        """Fill in every page's "Halaman x dari y"; returns the page count."""
        if not self.page:
            self.new_page()
        total = self.page
        for number in range(1, total + 1):
            self.c.beginForm(f"page{number}")
            self.c.setFont(self.regular, 6.5)
            self.c.drawRightString(self.right, MARGIN, f"Halaman {number} dari {total}")
            self.c.endForm()
        return total

    def need(self, height: float, again: Callable[[], None] | None = None) -> None:
        if not self.page or self.y - height < self.bottom:
            self.new_page()
            if again is not None:
                again()

    # --- text --------------------------------------------------------------------------------------

    def text_width(self, text: str, font: str, size: float) -> float:
        key = (text, font, size)
        width = self._width_cache.get(key)
        if width is None:
            width = stringWidth(text, font, size)
            if len(self._width_cache) < 50_000:
                self._width_cache[key] = width
        return width

    def fit(self, text: str, width: float, font: str | None = None, size: float = SIZE) -> str:
        font = font or self.regular
        if self.text_width(text, font, size) <= width:
            return text
        while text and stringWidth(text + "…", font, size) > width:
            text = text[: max(0, len(text) - max(1, len(text) // 8))]
        return text + "…"

    def lines(self, text: str, width: float, font: str | None = None, size: float = SIZE, limit: int = 4) -> list[str]:
        font = font or self.regular
        if "\n" not in text and self.text_width(text, font, size) <= width:
            return [text]
        out: list[str] = []
        for part in text.split("\n"):
            out += simpleSplit(part, font, size, width) or [""]
        if len(out) > limit:
            out = [*out[: limit - 1], " ".join(out[limit - 1 :])]
        return [self.fit(line, width, font, size) for line in out]

    def heading(self, text: str) -> None:
        self.need(LEAD * 5)
        self.y -= 5
        self.c.setFont(self.bold, 9)
        self.c.drawString(self.left, self.y, text)
        self.y -= 4
        self.c.line(self.left, self.y, self.right, self.y)
        self.y -= LEAD + 1

    def paragraph(self, text: str, size: float = 8.5, font: str | None = None) -> None:
        font = font or self.regular
        lead = size * 1.35
        for line in simpleSplit(text, font, size, self.span):
            self.need(lead)
            self.c.setFont(font, size)
            self.c.drawString(self.left, self.y, line)
            self.y -= lead
        self.y -= 3

    def pairs(self, pairs: Iterable[tuple[str, str]], label_width: float = 130) -> None:
        for label, value in pairs:
            lines = self.lines(value or "-", self.span - label_width, limit=8)
            self.need(LEAD * len(lines))
            self.c.setFont(self.regular, SIZE)
            self.c.drawString(self.left, self.y, label)
            for line in lines:
                self.c.drawString(self.left + label_width, self.y, line)
                self.y -= LEAD

    # --- tables ------------------------------------------------------------------------------------

    def table(
        self,
        columns: Sequence[Col],
        rows: Iterable[Sequence[str]],
        *,
        size: float = SIZE,
        max_lines: int = 3,
        min_height: float = 0.0,
        strong_before: Callable[[int], bool] | None = None,
    ) -> None:
        """A gridded table; a row that does not fit starts a new page under a repeated header.
        ``strong_before(i)`` draws a heavier rule above row ``i`` (e.g. a new family)."""
        c = self.c
        lead = size * 1.25
        xs = [self.left]
        for col in columns:
            xs.append(xs[-1] + col.width)
        header_cells = [self.lines(col.title, col.width - 2 * PAD, self.bold, size, 3) for col in columns]
        header_height = max(len(cell) for cell in header_cells) * lead + 2 * PAD
        state = {"top": 0.0}

        def close_grid() -> None:
            top = state["top"]
            if top and top > self.y:
                for x in xs:
                    c.line(x, top, x, self.y)

        def header() -> None:
            state["top"] = self.y
            c.setFillGray(0.9)
            c.rect(self.left, self.y - header_height, xs[-1] - self.left, header_height, stroke=1, fill=1)
            c.setFillGray(0)
            c.setFont(self.bold, size)
            for x, col, cell in zip(xs[:-1], columns, header_cells, strict=True):
                y = self.y - PAD - size
                for line in cell:
                    c.drawCentredString(x + col.width / 2, y, line)
                    y -= lead
            self.y -= header_height

        def page_break() -> None:
            close_grid()
            self.new_page()
            header()

        self.need(header_height + lead * 2 + 2 * PAD)
        header()
        widths = [col.width - 2 * PAD for col in columns]
        for i, row in enumerate(rows):
            cells = [self.lines(text, w, size=size, limit=max_lines) for text, w in zip(row, widths, strict=True)]
            height = max(max(len(cell) for cell in cells) * lead + 2 * PAD, min_height)
            if self.y - height < self.bottom:
                page_break()
            elif strong_before is not None and strong_before(i):
                c.setLineWidth(1.0)
                c.line(self.left, self.y, xs[-1], self.y)
                c.setLineWidth(0.4)
            c.setFont(self.regular, size)
            for x, col, cell in zip(xs[:-1], columns, cells, strict=True):
                y = self.y - PAD - size
                for line in cell:
                    if col.align == "right":
                        c.drawRightString(x + col.width - PAD, y, line)
                    elif col.align == "center":
                        c.drawCentredString(x + col.width / 2, y, line)
                    else:
                        c.drawString(x + PAD, y, line)
                    y -= lead
            self.y -= height
            c.line(self.left, self.y, xs[-1], self.y)
        close_grid()
        self.y -= 12

    # --- signatures --------------------------------------------------------------------------------

    def signatures(self, place_date: str, blocks: Sequence[tuple[str, str]]) -> None:
        """``blocks`` of (role, name) side by side under "<place>, <date>" (on the right)."""
        self.need(100)
        c = self.c
        self.y -= 6
        c.setFont(self.regular, 8)
        c.drawRightString(self.right, self.y, place_date)
        self.y -= 14
        width = self.span / len(blocks)
        for i, (role, name) in enumerate(blocks):
            middle = self.left + width * i + width / 2
            c.setFont(self.regular, 8)
            role_lines = self.lines(role, width - 12, size=8, limit=2)
            for k, line in enumerate(role_lines):
                c.drawCentredString(middle, self.y - k * 10, line)
            c.setFont(self.bold, 8)
            text = self.fit(name or "(................................)", width - 12, self.bold, 8)
            c.drawCentredString(middle, self.y - 62, text)
            half = max(stringWidth(text, self.bold, 8), 100) / 2
            c.line(middle - half, self.y - 65, middle + half, self.y - 65)
        self.y -= 78
