"""750 graduation reports (one quarter's worth for a city): our PDF writer
(``reports.pdf.graduation_report.write_graduation_reports``) against plain reportlab drawing the very same
pages, measured in the same run. Target: ours < 2x the baseline (DESIGN §5).

The reports are synthetic dataclasses (families of 3–7 members, 2–4 assessments, the six stages with
dates, attendance and a grant, an approved decision), made deterministically from a seed, so the figure
measures the writer alone. The baseline is what our writer cannot do with less: the same strings at the
same places in the same font on the same pages, the same lines, and the same QR code per family,
drawn with bare ``Canvas`` calls from a list recorded beforehand (layout decisions already made).

    python -m benchmarks.graduation_report [--reports 750]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from benchmarks.report import Result, render
from simoncer_desktop.reports.pdf import graduation_report as pdf
from simoncer_desktop.reports.pdf.fonts import register_fonts
from simoncer_desktop.services import graduation_report as gr
from simoncer_desktop.services.programme import STAGE_LABELS, Stage

TARGET_RATIO = 2.0
FIRST = ["Siti", "Ujang", "Dédé", "Asep", "Euis", "Rina", "Budi", "Nur", "Yanti", "Agus", "Eneng", "Cecep"]
LAST = ["Nurhaliza", "Supriatna", "Rahmawati", "Hidayat", "Komala", "Hartono", "Suryadi", "Permana", "Lestari"]
CLASSES = ["Tidak mampu", "Kurang mampu", "Mampu", "Mandiri"]


def synthetic_reports(count: int, seed: int = 1) -> list[gr.GraduationReport]:
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        decided = date(2026, 7, 1) + timedelta(days=rnd.randrange(92))
        members = tuple(
            gr.MemberLine(
                name=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                nik=f"3271{rnd.randrange(10**12):012d}",
                birth_date=date(1960 + rnd.randrange(60), 1 + rnd.randrange(12), 1 + rnd.randrange(28)),
                sex=rnd.choice("LP"),
                relation=("Istri" if j == 0 else "Kepala keluarga" if j == 1 else "Anak"),
                is_recipient=j == 0,
                deceased=False,
                components=tuple(
                    rnd.sample(["Anak SD", "Anak SMP", "Anak usia dini", "Lanjut usia"], rnd.randrange(2))
                ),
            )
            for j in range(3 + rnd.randrange(5))
        )
        assessments = tuple(
            gr.AssessmentLine(
                decided - timedelta(days=120 * (3 - k)),
                1,
                30.0 + 15 * k,
                CLASSES[min(k, 3)],
                "Petugas Asesmen",
                None if k == 0 else "naik",
            )
            for k in range(2 + rnd.randrange(3))
        )
        enrolled = decided - timedelta(days=300)
        stages = tuple(
            gr.StageLine(
                number=s.value,
                label=STAGE_LABELS[s],
                planned_start=enrolled + timedelta(days=40 * s.value),
                planned_end=enrolled + timedelta(days=40 * s.value + 30),
                actual_start=enrolled + timedelta(days=40 * s.value + 2),
                actual_end=enrolled + timedelta(days=40 * s.value + 33),
                partner="DP3A Kota" if s == Stage.MINDSET else "",
                skill="Menjahit" if s == Stage.TRAINING else "",
                grant_kind="modal" if s == Stage.APPLICATION else "",
                grant_amount=5_000_000 if s == Stage.APPLICATION else None,
                business_started=True if s == Stage.APPLICATION else None,
                outcome="Lulus dengan baik",
                passed_on=enrolled + timedelta(days=40 * s.value + 35),
                passed_by="Pendamping Kecamatan",
                present=4 + rnd.randrange(2),
                sessions=5,
            )
            for s in Stage
        )
        decision = gr.DecisionLine(
            id=f"01a2{i:028x}",
            kind="Graduasi sejahtera mandiri",
            reason="Usaha keluarga berjalan dan penghasilan cukup untuk kebutuhan dasar",
            proposed_by="Pendamping Kecamatan",
            proposed_on=decided - timedelta(days=10),
            status="Disetujui",
            decided_by="Kasi Perlindungan Sosial",
            decided_on=decided,
            note="",
        )
        household_id = f"01a1{i:028x}"
        no_kk = f"3271{rnd.randrange(10**12):012d}"
        out.append(
            gr.GraduationReport(
                household_id=household_id,
                no_kk=no_kk,
                recipient_name=members[0].name,
                recipient_nik=members[0].nik,
                address=f"Jl. Melati No. {rnd.randrange(1, 200)}",
                rt=f"{rnd.randrange(1, 20):03d}",
                rw=f"{rnd.randrange(1, 12):03d}",
                kelurahan="Batu Tulis",
                kecamatan="Bogor Selatan",
                facilitator="Pendamping Kecamatan",
                desil=rnd.randrange(1, 5),
                status="Graduasi sejahtera mandiri",
                welfare_class="Mandiri",
                on=decided,
                members=members,
                components="Anak SD, Anak usia dini",
                yearly_amount=3_900_000,
                assessments=assessments,
                enrollments=(gr.EnrollmentLine("Kohort Bogor Selatan 2026", members[0].name, enrolled, None, stages),),
                decision=decision,
                signatories=gr.Signatories("Dinas Sosial", "Pendamping Kecamatan", "Koordinator", "Kepala Dinas"),
                verification=gr.verification_code(no_kk, [m.nik for m in members], household_id, decision),
            )
        )
    return out


# --- the baseline: the same operations recorded from our writer, replayed on a bare Canvas ---------


def record_pages(reports: list[gr.GraduationReport], folder: Path) -> list[tuple[Any, ...]]:
    """Every drawing call our writer makes (text, lines, fonts, page breaks, QR codes), in order."""
    ops: list[tuple[Any, ...]] = []

    class RecordingCanvas(Canvas):
        def drawString(self, x, y, text, *a, **k):
            ops.append(("s", x, y, text))
            return super().drawString(x, y, text, *a, **k)

        def drawRightString(self, x, y, text, *a, **k):
            ops.append(("r", x, y, text))
            return super().drawRightString(x, y, text, *a, **k)

        def drawCentredString(self, x, y, text, *a, **k):
            ops.append(("c", x, y, text))
            return super().drawCentredString(x, y, text, *a, **k)

        def line(self, x1, y1, x2, y2):
            ops.append(("l", x1, y1, x2, y2))
            return super().line(x1, y1, x2, y2)

        def setFont(self, name, size, *a, **k):
            ops.append(("f", name, size))
            return super().setFont(name, size, *a, **k)

        def showPage(self):
            ops.append(("p",))
            return super().showPage()

    real_canvas, real_draw = pdf.Canvas, pdf.draw_qr

    def draw(canvas, value, x, y, *a, **k):
        ops.append(("q", value, x, y))
        return real_draw(canvas, value, x, y, *a, **k)

    pdf.Canvas = RecordingCanvas
    pdf.draw_qr = draw
    try:
        pdf.write_graduation_reports(reports, folder / "recorded.pdf")
    finally:
        pdf.Canvas, pdf.draw_qr = real_canvas, real_draw
    return ops


def raw_reportlab(ops: list[tuple[Any, ...]], out: Path, size: float = pdf.QR_SIZE) -> int:
    """Plain reportlab: replay the recorded calls; each QR is encoded by reportlab's ``qrencoder`` (as
    ours is) and drawn as one ``rect`` per run of dark modules."""
    register_fonts()
    c = Canvas(str(out), pagesize=A4, pageCompression=1)
    c.setLineWidth(0.4)
    pages = 0  # the writer's final save() shows its last page: recorded as a page break too
    for op in ops:
        kind = op[0]
        if kind == "s":
            c.drawString(op[1], op[2], op[3])
        elif kind == "f":
            c.setFont(op[1], op[2])
        elif kind == "l":
            c.line(op[1], op[2], op[3], op[4])
        elif kind == "r":
            c.drawRightString(op[1], op[2], op[3])
        elif kind == "c":
            c.drawCentredString(op[1], op[2], op[3])
        elif kind == "q":
            code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
            code.addData(op[1])
            code.make()
            box = size / (code.getModuleCount() + 4)
            for r, row in enumerate(code.modules):
                start = None
                for col, dark in enumerate([*row, False]):
                    if dark and start is None:
                        start = col
                    elif not dark and start is not None:
                        top = op[3] + size - (r + 3) * box
                        c.rect(op[2] + (start + 2) * box, top, (col - start) * box, box, stroke=0, fill=1)
                        start = None
        elif kind == "p":
            c.showPage()
            c.setLineWidth(0.4)
            pages += 1
    c.save()
    return pages


def results(count: int = 750, repeat: int = 2) -> list[Result]:
    reports = synthetic_reports(count)
    register_fonts()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ops = record_pages(reports, folder)
        ours_s, base_s = [], []
        pages = raw_pages = 0
        for _ in range(repeat):  # alternate, so both see the same machine state
            start = time.perf_counter()
            pages = pdf.write_graduation_reports(reports, folder / "ours.pdf").pages
            ours_s.append(time.perf_counter() - start)
            start = time.perf_counter()
            raw_pages = raw_reportlab(ops, folder / "raw.pdf")
            base_s.append(time.perf_counter() - start)
        ours_size = (folder / "ours.pdf").stat().st_size / 1e6
        raw_size = (folder / "raw.pdf").stat().st_size / 1e6
    ours, base = min(ours_s), min(base_s)
    baseline_name = f"plain reportlab Canvas: the same text, lines and QR codes on the same {raw_pages:,} pages"
    return [
        Result(
            f"graduation report PDF: {count:,} families, {pages:,} pages (one combined file)",
            ours,
            base,
            "s",
            target=TARGET_RATIO * base,
            baseline_name=baseline_name,
        ),
        Result(
            f"graduation report PDF: file size ({count:,} families)",
            ours_size,
            raw_size,
            "MB",
            baseline_name="the plain reportlab file",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.graduation_report")
    parser.add_argument("--reports", type=int, default=750)
    args = parser.parse_args()
    print(render(results(args.reports)))


if __name__ == "__main__":
    main()
