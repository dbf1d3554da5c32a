"""The graduation report (Laporan graduasi), A4 portrait, drawn straight on a reportlab canvas.

One family after another, each starting on a new page (usually one page, two for a long history):
identity, members and components, assessment history with classes, every stage with its dates and
attendance, the decision with who and when, three signature blocks (pendamping, koordinator, kepala
dinas) and a QR code of the verification string, which is printed as text in every page's footer too.

The file is written to a temporary file beside ``path`` and renamed at the end: a failure leaves no
partial report (and a folder that does not exist fails before anything is drawn).
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from simoncer_desktop import APP_NAME, __version__
from simoncer_desktop.reports.pdf.fonts import register_fonts
from simoncer_desktop.services.graduation_report import EnrollmentLine, GraduationReport, StageLine
from simoncer_desktop.translation import untranslated

PAGE_W, PAGE_H = A4
MARGIN = 42.0
LEFT, RIGHT = MARGIN, PAGE_W - MARGIN
WIDTH = RIGHT - LEFT
TOP, BOTTOM = PAGE_H - MARGIN, MARGIN + 22
SIZE = 8.0
LEAD = 10.0
QR_SIZE = 78.0
TITLE = "LAPORAN GRADUASI KELUARGA PENERIMA MANFAAT PKH"


@dataclass(frozen=True)
class PdfResult:
    path: Path
    families: int
    pages: int


def dmy(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


def rupiah(amount: int | None) -> str:
    return "-" if amount is None else "Rp" + f"{amount:,}".replace(",", ".")


def write_graduation_reports(
    reports: Sequence[GraduationReport], path: Path, made_on: date | None = None, title: str = TITLE
) -> PdfResult:
    """Write every report into one PDF at ``path`` (replaced if it exists); returns the page count. The PDF is
    Bahasa whatever the screen language."""
    with untranslated():
        return _write(reports, Path(path), made_on, title)


def _write(reports: Sequence[GraduationReport], path: Path, made_on: date | None, title: str) -> PdfResult:
    regular, bold = register_fonts()
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        canvas = Canvas(str(temp), pagesize=A4, pageCompression=1)
        canvas.setTitle(title.capitalize() if len(reports) != 1 else f"Laporan graduasi No. KK {reports[0].no_kk}")
        canvas.setAuthor(reports[0].signatories.office if reports else APP_NAME)
        canvas.setCreator(f"{APP_NAME} {__version__}")
        writer = _Writer(canvas, regular, bold, made_on or date.today(), title)
        for report in reports:
            writer.family(report)
        if not reports:
            canvas.setFont(regular, SIZE)
            canvas.drawString(LEFT, TOP, "Tidak ada keluarga dalam laporan ini.")
            writer.pages += 1
        canvas.save()
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return PdfResult(path, len(reports), writer.pages)


def qr_modules(value: str) -> list[list[bool]]:
    """The QR code of ``value`` (error correction M) as rows of dark/light modules (reportlab's encoder)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float = QR_SIZE, border: int = 2) -> None:
    """The QR code as one filled path (a rectangle per run of dark modules), ``size`` square at (x, y).

    Encoded once and drawn straight on the canvas: the graphics widget would encode it twice and build
    a shape object per run, three times the cost for the same marks."""
    modules = qr_modules(value)
    box = size / (len(modules) + 2 * border)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (r + border + 1) * box
        c = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                path.rect(x + (c + border) * box, top, count * box, box)
            c += count
    canvas.drawPath(path, stroke=0, fill=1)


Column = tuple[str, float]


class _Writer:
    def __init__(self, canvas: Canvas, regular: str, bold: str, made_on: date, title: str) -> None:
        self.c = canvas
        self.regular = regular
        self.bold = bold
        self.made_on = made_on
        self.title = title
        self.pages = 0
        self.y = TOP
        self.report: GraduationReport | None = None
        self.family_page = 0

    # --- pages -------------------------------------------------------------------------------------

    def _new_page(self) -> None:
        if self.pages:
            self.c.showPage()
        self.pages += 1
        self.family_page += 1
        r = self.report
        assert r is not None
        c = self.c
        c.setLineWidth(0.4)
        c.setFont(self.regular, 6.5)
        c.drawString(LEFT, MARGIN, f"Kode verifikasi: {r.verification}")
        c.drawRightString(RIGHT, MARGIN, f"Halaman {self.family_page}")
        c.line(LEFT, MARGIN + 9, RIGHT, MARGIN + 9)
        if self.family_page == 1:
            c.setFont(self.bold, 10)
            c.drawString(LEFT, TOP - 2, r.signatories.office.upper())
            c.setFont(self.bold, 12)
            c.drawString(LEFT, TOP - 18, self.title)
            c.setFont(self.regular, SIZE)
            c.drawString(LEFT, TOP - 31, f"No. KK {r.no_kk} · Pengurus {r.recipient_name}")
            c.drawString(LEFT, TOP - 42, f"Dicetak {dmy(self.made_on)} · {APP_NAME} {__version__}")
            draw_qr(c, r.verification, RIGHT - QR_SIZE, TOP - QR_SIZE + 6)
            self.y = TOP - 58
        else:
            c.setFont(self.regular, SIZE)
            c.drawString(LEFT, TOP - 2, f"Laporan graduasi · No. KK {r.no_kk} · Pengurus {r.recipient_name} (lanjutan)")
            self.y = TOP - 18

    def _need(self, height: float, again: Callable[[], None] | None = None) -> None:
        if self.y - height < BOTTOM:
            self._new_page()
            if again is not None:
                again()

    # --- primitives --------------------------------------------------------------------------------

    def _fit(self, text: str, width: float, font: str) -> str:
        if stringWidth(text, font, SIZE) <= width:
            return text
        while text and stringWidth(text + "…", font, SIZE) > width:
            text = text[: max(0, len(text) - max(1, len(text) // 8))]
        return text + "…"

    def _lines(self, text: str, width: float, font: str, limit: int = 6) -> list[str]:
        out: list[str] = []
        for part in (text or "-").split("\n"):
            out += simpleSplit(part, font, SIZE, width) or [""]
        if len(out) > limit:
            out = [*out[: limit - 1], self._fit(" ".join(out[limit - 1 :]), width, font)]
        return [self._fit(line, width, font) for line in out]

    def _section(self, text: str) -> None:
        self._need(LEAD * 4)
        self.y -= 6
        self.c.setFont(self.bold, 9.5)
        self.c.drawString(LEFT, self.y, text)
        self.y -= 4
        self.c.line(LEFT, self.y, RIGHT, self.y)
        self.y -= LEAD

    def _pairs(self, pairs: Iterable[tuple[str, str]], label_width: float = 120) -> None:
        for label, value in pairs:
            lines = self._lines(value, WIDTH - label_width, self.regular)
            self._need(LEAD * len(lines))
            self.c.setFont(self.regular, SIZE)
            self.c.drawString(LEFT, self.y, label)
            for line in lines:
                self.c.drawString(LEFT + label_width, self.y, line)
                self.y -= LEAD

    def _table(self, columns: Sequence[Column], rows: Iterable[Sequence[str]], intro: str | None = None) -> None:
        def header() -> None:
            if intro:
                self.c.setFont(self.bold, SIZE)
                self.c.drawString(LEFT, self.y, intro)
                self.y -= LEAD
            self.c.setFont(self.bold, SIZE)
            x = LEFT
            for title, width in columns:
                self.c.drawString(x, self.y, self._fit(title, width - 4, self.bold))
                x += width
            self.c.line(LEFT, self.y - 3, RIGHT, self.y - 3)
            self.y -= LEAD + 1

        self._need(LEAD * 3)
        header()
        for row in rows:
            cells = [self._lines(text, width - 4, self.regular) for text, (_, width) in zip(row, columns, strict=True)]
            height = max(len(lines) for lines in cells) * LEAD
            self._need(height + 2, header)
            self.c.setFont(self.regular, SIZE)
            x = LEFT
            for lines, (_, width) in zip(cells, columns, strict=True):
                y = self.y
                for line in lines:
                    self.c.drawString(x, y, line)
                    y -= LEAD
                x += width
            self.y -= height + 2

    # --- one family --------------------------------------------------------------------------------

    def family(self, r: GraduationReport) -> None:
        self.report = r
        self.family_page = 0
        self._new_page()
        self._section("A. Identitas keluarga")
        rt_rw = f"RT {r.rt or '-'} / RW {r.rw or '-'}"
        self._pairs(
            [
                ("No. KK", r.no_kk),
                ("Pengurus (NIK)", f"{r.recipient_name} ({r.recipient_nik})"),
                ("Alamat", f"{r.address or '-'}, {rt_rw}"),
                ("Kelurahan / Kecamatan", f"{r.kelurahan} / {r.kecamatan}"),
                ("Pendamping", r.facilitator),
                ("Desil · Status", f"{r.desil if r.desil is not None else '-'} · {r.status}"),
                ("Kelas kesejahteraan", r.welfare_class),
            ]
        )
        self._section(f"B. Anggota keluarga dan komponen PKH (per {dmy(r.on)})")
        self._table(
            [
                ("No", 18),
                ("Nama", 120),
                ("NIK", 86),
                ("Tgl lahir", 54),
                ("L/P", 22),
                ("Hubungan", 72),
                ("Komponen", 143),
            ],
            (
                (
                    str(i),
                    m.name + (" (pengurus)" if m.is_recipient else "") + (" (meninggal)" if m.deceased else ""),
                    m.nik or "-",
                    dmy(m.birth_date),
                    m.sex,
                    m.relation,
                    ", ".join(m.components) or "-",
                )
                for i, m in enumerate(r.members, start=1)
            ),
        )
        self._pairs([("Komponen dibayar", f"{r.components} · {rupiah(r.yearly_amount)} per tahun")])
        self._section("C. Riwayat asesmen dan kelas kesejahteraan")
        if r.assessments:
            self._table(
                [("Tanggal", 62), ("Versi", 38), ("Skor", 40), ("Kelas", 90), ("Perubahan", 64), ("Petugas", 217)],
                (
                    (
                        dmy(a.assessed_on),
                        str(a.version),
                        f"{a.score:.1f}",
                        a.welfare_class,
                        a.change or "-",
                        a.assessed_by,
                    )
                    for a in r.assessments
                ),
            )
        else:
            self._pairs([("Asesmen", "Belum ada asesmen")])
        self._section("D. Tahapan graduasi sejahtera mandiri")
        if not r.enrollments:
            self._pairs([("Kohort", "Tidak mengikuti program graduasi sejahtera mandiri")])
        for e in r.enrollments:
            self._enrollment(e)
        self._section("E. Keputusan graduasi")
        d = r.decision
        if d is None:
            self._pairs([("Keputusan", "Belum ada usulan graduasi")])
        else:
            self._pairs(
                [
                    ("Jenis graduasi", d.kind),
                    ("Alasan", d.reason or "-"),
                    ("Diusulkan oleh", f"{d.proposed_by} pada {dmy(d.proposed_on)}"),
                    ("Status", d.status),
                    ("Diputuskan oleh", f"{d.decided_by or '-'} pada {dmy(d.decided_on)}"),
                    ("Catatan", d.note or "-"),
                ]
            )
        self._pairs([("Kode verifikasi", r.verification)])
        self._signatures(r)

    def _enrollment(self, e: EnrollmentLine) -> None:
        intro = f"Kohort: {e.cohort_name} · peserta {e.participant_name} · terdaftar {dmy(e.enrolled_on)}"
        if e.withdrawn_on:
            intro += f" · keluar {dmy(e.withdrawn_on)}"
        self._table(
            [("Tahap", 142), ("Rencana", 70), ("Realisasi", 70), ("Kehadiran", 52), ("Lulus", 78), ("Keterangan", 103)],
            (_stage_row(s) for s in e.stages),
            intro=intro,
        )

    def _signatures(self, r: GraduationReport) -> None:
        self._need(118)
        c = self.c
        self.y -= 8
        when = r.decision.decided_on if r.decision and r.decision.decided_on else self.made_on
        c.setFont(self.regular, SIZE)
        c.drawRightString(RIGHT, self.y, f"{r.kecamatan}, {dmy(when)}")
        self.y -= LEAD * 1.5
        blocks = [
            ("Pendamping PKH", r.signatories.facilitator),
            ("Koordinator PKH", r.signatories.coordinator),
            (f"Kepala {r.signatories.office}", r.signatories.head_of_office),
        ]
        width = WIDTH / len(blocks)
        for i, (role, name) in enumerate(blocks):
            middle = LEFT + width * i + width / 2
            c.setFont(self.regular, SIZE)
            c.drawCentredString(middle, self.y, self._fit(role, width - 10, self.regular))
            c.setFont(self.bold, SIZE)
            text = self._fit(name, width - 10, self.bold)
            c.drawCentredString(middle, self.y - 58, text)
            half = max(stringWidth(text, self.bold, SIZE), 90) / 2
            c.line(middle - half, self.y - 61, middle + half, self.y - 61)
        self.y -= 72


def _stage_row(s: StageLine) -> tuple[str, ...]:
    def span(start: date | None, end: date | None) -> str:
        return "-" if not start and not end else f"{dmy(start)}\ns.d. {dmy(end)}"

    rate = f"{s.present}/{s.sessions} ({s.present * 100 // s.sessions}%)" if s.sessions else "tanpa sesi"
    passed = f"{dmy(s.passed_on)}\noleh {s.passed_by or '-'}" if s.passed_on else "belum"
    notes = []
    if s.partner:
        notes.append(f"Mitra: {s.partner}")
    if s.skill:
        notes.append(f"Keterampilan: {s.skill}")
    if s.grant_kind or s.grant_amount is not None:
        notes.append(f"Bantuan: {s.grant_kind or '-'} {rupiah(s.grant_amount)}")
    if s.business_started is not None:
        notes.append("usaha berjalan" if s.business_started else "usaha belum berjalan")
    if s.outcome:
        notes.append(f"Hasil: {s.outcome}")
    return (
        f"{s.number}. {s.label}",
        span(s.planned_start, s.planned_end),
        span(s.actual_start, s.actual_end),
        rate,
        passed,
        "; ".join(notes) or "-",
    )
