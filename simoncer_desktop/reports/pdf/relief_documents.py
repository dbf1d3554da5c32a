"""The relief PDFs (A4, DejaVu embedded), drawn from ``services.relief_documents`` data:

- ``write_bnba_pdf``: the BNBA list, landscape, one row per victim with a column to sign or thumb-print;
- ``write_berita_acara_pdf``: the hand-over record (berita acara serah terima), portrait: totals per
  entitlement, the recipient list with confirmation, documentation count and three signature blocks;
- ``write_event_report_pdf``: the event report, portrait: numbers, damage, needs, aid distributed and
  the photos (a photo whose file is missing is named in a line, not fatal).

Every page carries the office's name and "Halaman x dari y". Each writer draws into a temporary file
beside ``path`` and renames it at the end: a failure leaves no file (``ReportWriteError``, naming the
path). Returns the number of pages.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from simoncer_desktop import APP_NAME, __version__
from simoncer_desktop.reports.pdf.fonts import register_fonts
from simoncer_desktop.reports.pdf.relief_pdf import LEAD, SIZE, Col, Page, dmy
from simoncer_desktop.reports.safe_write import replacing
from simoncer_desktop.services.attachments import AttachmentView, read_attachment
from simoncer_desktop.services.relief_document_parts import rupiah, thousands
from simoncer_desktop.services.relief_documents import (
    BeritaAcaraData,
    BnbaData,
    EventHeader,
    EventReportData,
)
from simoncer_desktop.translation import untranslated

BNBA_TITLE = "DAFTAR KORBAN BENCANA BY NAME BY ADDRESS (BNBA)"
BA_TITLE = "BERITA ACARA SERAH TERIMA BANTUAN SOSIAL KORBAN BENCANA"
REPORT_TITLE = "LAPORAN KEJADIAN BENCANA"
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

BNBA_COLUMNS = (
    Col("No", 24, "right"),
    Col("NIK", 76),
    Col("Nama", 94),
    Col("L/P", 20, "center"),
    Col("Umur", 26, "right"),
    Col("No. KK", 76),
    Col("Alamat", 86),
    Col("RT/RW", 32, "center"),
    Col("Kelurahan", 62),
    Col("KPM", 26, "center"),
    Col("Kerusakan rumah", 50),
    Col("Kondisi", 56),
    Col("Bantuan diterima", 100),
    Col("Tanda tangan / cap jempol", 55),
)
BNBA_SIZE = 6.8
BNBA_ROW_HEIGHT = 20.0
"""Every BNBA row leaves room to sign or press a thumb."""


def _canvas(temp: Path, size: tuple[float, float], title: str, office: str) -> Canvas:
    regular, _ = register_fonts()  # the initial font too: no unembedded Helvetica in the file
    canvas = Canvas(str(temp), pagesize=size, pageCompression=1, initialFontName=regular, initialFontSize=SIZE)
    canvas.setTitle(title)
    canvas.setAuthor(office)
    canvas.setCreator(f"{APP_NAME} {__version__}")
    return canvas


def _event_line(e: EventHeader) -> str:
    return f"Kejadian: {e.kind_label} — {e.title} · {e.occurred_at:%d-%m-%Y %H:%M} · kode {e.code}"


def _place_line(e: EventHeader, kelurahan: str | None = None) -> str:
    where = f"Kecamatan {e.kecamatan_name}"
    if kelurahan:
        return f"{where} · Kelurahan {kelurahan}"
    return f"{where} · {e.areas_text}" if e.areas_text else where


# --- BNBA --------------------------------------------------------------------------------------------


def write_bnba_pdf(data: BnbaData, path: Path) -> int:
    path = Path(path)
    e = data.event
    with replacing(path, ".pdf") as temp, untranslated():
        canvas = _canvas(temp, landscape(A4), f"BNBA {e.code} {e.title}", e.office_name)
        page = Page(
            canvas, landscape(A4), e.office_name, BNBA_TITLE, [_event_line(e), _place_line(e, data.kelurahan_name)]
        )
        page.made_on = data.made_on
        rows = data.rows
        page.table(
            BNBA_COLUMNS,
            (
                (
                    str(r.no),
                    r.nik,
                    r.name,
                    r.sex,
                    "-" if r.age is None else str(r.age),
                    r.no_kk,
                    r.address or "-",
                    r.rt_rw,
                    r.kelurahan,
                    "Ya" if r.is_kpm else "Tidak",
                    r.damage,
                    r.condition,
                    r.aid,
                    "",
                )
                for r in rows
            ),
            size=BNBA_SIZE,
            max_lines=3,
            min_height=BNBA_ROW_HEIGHT,
            strong_before=lambda i: i > 0 and rows[i].first_of_family,
        )
        if not rows:
            page.paragraph("Belum ada korban yang terdaftar untuk kejadian ini.")
        page.paragraph(
            f"Jumlah: {thousands(data.families)} keluarga ({thousands(data.kpm_families)} KPM), "
            f"{thousands(data.people)} jiwa; mengungsi {thousands(data.displaced)}, luka {thousands(data.injured)}, "
            f"meninggal {thousands(data.deceased)}.",
            size=8,
        )
        page.signatures(
            f"{e.kecamatan_name}, {dmy(data.made_on)}",
            [
                ("Petugas pendata", ""),
                ("Mengetahui,\nLurah/Kepala Desa", ""),
                (f"Kepala {e.office_name}", e.head_of_office),
            ],
        )
        pages = page.finish()
        canvas.save()
    return pages


# --- berita acara ------------------------------------------------------------------------------------


def write_berita_acara_pdf(data: BeritaAcaraData, path: Path) -> int:
    path = Path(path)
    e = data.event
    with replacing(path, ".pdf") as temp, untranslated():
        canvas = _canvas(temp, A4, f"Berita acara {data.number}", e.office_name)
        page = Page(canvas, A4, e.office_name, BA_TITLE, [f"Nomor: {data.number}"])
        page.made_on = data.signed_on
        page.new_page()
        day = DAYS[data.signed_on.weekday()]
        page.paragraph(
            f"Pada hari ini {day}, tanggal {dmy(data.signed_on)}, bertempat di Kecamatan {data.place}, telah "
            f"dilakukan serah terima bantuan sosial bagi korban {e.kind_label.lower()} \u201c{e.title}\u201d yang "
            f"terjadi pada {e.occurred_at:%d-%m-%Y} (kode kejadian {e.code}; lokasi {e.areas_text or '-'}), untuk "
            f"penyaluran {data.period_text}, dengan rincian sebagai berikut:"
        )
        page.heading("A. Rekapitulasi bantuan")
        if data.totals:
            page.table(
                [
                    Col("No", 24, "right"),
                    Col("Jenis bantuan", 230),
                    Col("Bentuk", 60, "center"),
                    Col("Jumlah", 120, "right"),
                    Col("Penerimaan", 105, "right"),
                ],
                (
                    (str(i), t.name, "Uang" if t.kind == "uang" else "Barang", t.text, thousands(t.recipients))
                    for i, t in enumerate(data.totals, start=1)
                ),
            )
        else:
            page.paragraph("Tidak ada penyaluran pada periode ini.")
        page.heading("B. Daftar penerima")
        if data.lines:
            page.table(
                [
                    Col("No", 22, "right"),
                    Col("Tanggal", 50, "center"),
                    Col("Penerima manfaat", 108),
                    Col("Diterima oleh", 108),
                    Col("Bantuan", 84),
                    Col("Jumlah", 64, "right"),
                    Col("Konfirmasi", 48, "center"),
                    Col("Petugas", 55),
                ],
                (
                    (
                        str(line.no),
                        dmy(line.distributed_on),
                        f"{line.beneficiary}\n{line.nik or 'KK ' + line.no_kk}\n{line.kelurahan} {line.rt_rw}",
                        f"{line.recipient_name}\n{line.recipient_nik or '-'}\n{line.recipient_relation or '-'}",
                        line.entitlement,
                        line.value_text,
                        "Ya" if line.confirmed else "Belum",
                        line.officer,
                    )
                    for line in data.lines
                ),
            )
        page.paragraph(
            f"Penerimaan terkonfirmasi (tanda tangan/cap jempol penerima): {thousands(data.confirmed)} dari "
            f"{thousands(len(data.lines))}. Dokumentasi: {thousands(data.attachments)} lampiran foto/pindaian."
        )
        page.paragraph("Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.")
        page.signatures(
            f"{data.place}, {dmy(data.signed_on)}",
            [
                ("Yang menyerahkan,\nPetugas", ", ".join(data.officers)),
                ("Yang menerima,\nPerwakilan penerima", ""),
                (f"Mengetahui,\nKepala {e.office_name}", e.head_of_office),
            ],
        )
        pages = page.finish()
        canvas.save()
    return pages


# --- event report ------------------------------------------------------------------------------------

PHOTO_W, PHOTO_H = 255.0, 190.0


def write_event_report_pdf(data: EventReportData, path: Path) -> int:
    path = Path(path)
    e = data.event
    with replacing(path, ".pdf") as temp, untranslated():
        canvas = _canvas(temp, A4, f"Laporan kejadian {e.code} {e.title}", e.office_name)
        page = Page(canvas, A4, e.office_name, REPORT_TITLE, [_event_line(e)])
        page.made_on = data.made_on
        page.new_page()
        page.heading("A. Kejadian")
        page.pairs(
            [
                ("Kode kejadian", e.code),
                ("Jenis", e.kind_label),
                ("Judul", e.title),
                ("Waktu", f"{e.occurred_at:%d-%m-%Y %H:%M}"),
                ("Kecamatan", e.kecamatan_name),
                ("Lokasi", e.areas_text or "-"),
                ("Status", e.status_label),
                ("Keterangan", e.description or "-"),
            ]
        )
        page.heading("B. Korban")
        page.pairs(
            [
                ("Keluarga terdampak", f"{thousands(data.families)} keluarga ({thousands(data.kpm_families)} KPM)"),
                ("Jiwa", thousands(data.people)),
                ("Mengungsi", f"{thousands(data.displaced)} jiwa"),
                ("Luka", f"{thousands(data.injured)} jiwa (luka berat {thousands(data.injured_serious)})"),
                ("Meninggal", f"{thousands(data.deceased)} jiwa"),
                ("Tanpa dokumen (tindak lanjut)", f"{thousands(data.flagged)} data"),
            ]
        )
        page.heading("C. Kerusakan rumah")
        page.table(
            [Col("Tingkat kerusakan", 200), Col("Keluarga", 80, "right")],
            ((line.label, thousands(line.count)) for line in data.damage),
        )
        page.heading("D. Kebutuhan")
        if data.needs:
            page.table(
                [Col("Kebutuhan", 300), Col("Keluarga", 80, "right")],
                ((line.label, thousands(line.count)) for line in data.needs),
            )
        else:
            page.paragraph("Belum ada kebutuhan yang dicatat.")
        page.heading("E. Bantuan yang disalurkan")
        if data.items:
            page.table(
                [Col("Barang", 230), Col("Jumlah", 120, "right"), Col("Penyaluran", 80, "right")],
                ((i.name, f"{thousands(i.quantity)} {i.unit}".rstrip(), thousands(i.recipients)) for i in data.items),
            )
        if data.cash:
            page.table(
                [Col("Bantuan uang", 230), Col("Jumlah", 120, "right"), Col("Penerima", 80, "right")],
                [
                    *((c.name, rupiah(c.amount), thousands(c.recipients)) for c in data.cash),
                    ("Jumlah uang", rupiah(data.cash_total), ""),
                ],
            )
        page.paragraph(
            f"Penyaluran tercatat: {thousands(data.distributions)} "
            f"({thousands(data.confirmed)} terkonfirmasi penerima)."
        )
        page.heading("F. Dokumentasi")
        _photos(page, data.photos)
        for scan in data.scans:
            state = "" if scan.exists else " (berkas tidak ditemukan)"
            page.paragraph(f"Pindaian: {scan.file_name}{' — ' + scan.caption if scan.caption else ''}{state}", size=8)
        page.signatures(f"{e.kecamatan_name}, {dmy(data.made_on)}", [(f"Kepala {e.office_name}", e.head_of_office)])
        pages = page.finish()
        canvas.save()
    return pages


def _photos(page: Page, photos: tuple[AttachmentView, ...]) -> None:
    """Two photos per row, each with its name and caption under it; a missing or unreadable file is a
    line of text instead."""
    if not photos:
        page.paragraph("Belum ada foto dokumentasi.", size=8)
        return
    c = page.c
    readable: list[tuple[AttachmentView, ImageReader]] = []
    for photo in photos:
        if not photo.exists:
            page.paragraph(f"Foto tidak ditemukan: {photo.file_name}", size=8)
            continue
        try:  # the stored file is encrypted: decrypt (and check) it in memory
            readable.append((photo, ImageReader(io.BytesIO(read_attachment(photo.file_key, photo)))))
        except Exception:  # a damaged (or undecryptable) file must not stop the report
            page.paragraph(f"Foto tidak dapat dibaca: {photo.file_name}", size=8)
    gap = page.span - 2 * PHOTO_W
    for start in range(0, len(readable), 2):
        page.need(PHOTO_H + LEAD * 3)
        top = page.y
        for k, (photo, image) in enumerate(readable[start : start + 2]):
            x = page.left + k * (PHOTO_W + gap)
            c.drawImage(image, x, top - PHOTO_H, PHOTO_W, PHOTO_H, preserveAspectRatio=True, anchor="c")
            c.setFont(page.regular, SIZE)
            caption = photo.file_name + (f" — {photo.caption}" if photo.caption else "")
            c.drawString(x, top - PHOTO_H - LEAD, page.fit(caption, PHOTO_W))
        page.y = top - PHOTO_H - LEAD * 2.5
