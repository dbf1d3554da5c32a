"""The default assessment questionnaire (version 1), seeded by ``services.assessment``.

The questionnaire is written as a table: section (code, title, weight) → question (code, text) →
options (code, label, points). ``DEFAULT_DEFINITION`` is built from it in that order, and its JSON is
what version 1 stores, so a change to the table is a change to stored data: publish a new version
instead.
"""

from __future__ import annotations

from simoncer_desktop.models.enums import WelfareClass
from simoncer_desktop.services.assessment_definition import Definition, Option, Question, Section, Threshold

_OptionRow = tuple[str, str, float]
"""(code, label, points) of one answer option."""
_Table = dict[tuple[str, str, float], dict[tuple[str, str], tuple[_OptionRow, ...]]]


def _sections(table: _Table) -> tuple[Section, ...]:
    return tuple(
        Section(
            code,
            title,
            weight,
            tuple(
                Question(q_code, text, tuple(Option(*row) for row in options))
                for (q_code, text), options in questions.items()
            ),
        )
        for (code, title, weight), questions in table.items()
    )


DEFAULT_TITLE = "Asesmen kesejahteraan keluarga PKH (versi 1)"

_DEFAULT_TABLE: _Table = {
    ("pendapatan", "Pendapatan dan sumbernya", 20): {
        ("pendapatan_bulanan", "Pendapatan seluruh anggota keluarga per bulan"): (
            ("kurang_1jt", "Kurang dari Rp1.000.000", 0),
            ("1jt_2jt", "Rp1.000.000 – Rp2.000.000", 35),
            ("2jt_4jt", "Rp2.000.000 – Rp4.000.000", 70),
            ("lebih_4jt", "Lebih dari Rp4.000.000", 100),
        ),
        ("sumber_pendapatan", "Sumber pendapatan utama keluarga"): (
            ("bantuan", "Tidak ada / hanya dari bantuan atau kiriman", 0),
            ("serabutan", "Buruh harian / serabutan", 30),
            ("usaha_sendiri", "Usaha sendiri", 70),
            ("gaji_tetap", "Gaji atau upah tetap", 100),
        ),
    },
    ("pengeluaran", "Pengeluaran", 10): {
        ("porsi_pangan", "Bagian pengeluaran bulanan yang habis untuk makan"): (
            ("lebih_75", "Lebih dari 75%", 0),
            ("60_75", "60% – 75%", 35),
            ("40_60", "40% – 60%", 70),
            ("kurang_40", "Kurang dari 40%", 100),
        ),
        ("makan_sehari", "Berapa kali anggota keluarga makan dalam sehari"): (
            ("satu", "Satu kali", 0),
            ("dua", "Dua kali", 50),
            ("tiga", "Tiga kali atau lebih", 100),
        ),
    },
    ("tabungan_utang", "Tabungan dan utang", 10): {
        ("tabungan", "Tabungan keluarga (uang, emas, arisan)"): (
            ("tidak_ada", "Tidak punya tabungan", 0),
            ("kurang_sebulan", "Ada, cukup untuk kurang dari sebulan kebutuhan", 50),
            ("lebih_sebulan", "Ada, cukup untuk sebulan kebutuhan atau lebih", 100),
        ),
        ("utang", "Utang keluarga"): (
            ("rentenir", "Ada utang ke rentenir/pinjol atau cicilan menunggak", 0),
            ("lancar", "Ada utang, cicilan lancar", 60),
            ("tidak_ada", "Tidak punya utang", 100),
        ),
    },
    ("usaha", "Kegiatan usaha", 10): {
        ("usaha_berjalan", "Usaha produktif keluarga"): (
            ("tidak_ada", "Tidak punya usaha", 0),
            ("rintisan", "Baru dirintis / belum rutin", 40),
            ("berjalan", "Berjalan rutin, untung kecil", 70),
            ("berkembang", "Berjalan dan berkembang (bisa menabung)", 100),
        ),
    },
    ("pekerjaan", "Pekerjaan anggota usia produktif", 15): {
        ("anggota_produktif_bekerja", "Anggota keluarga usia produktif (18–59 tahun) yang bekerja"): (
            ("tidak_ada", "Tidak ada yang bekerja", 0),
            ("sebagian", "Sebagian bekerja", 50),
            ("semua", "Semua bekerja", 100),
        ),
        ("pekerjaan_utama", "Pekerjaan pencari nafkah utama"): (
            ("tidak_bekerja", "Tidak bekerja", 0),
            ("serabutan", "Buruh harian / serabutan", 30),
            ("informal_tetap", "Pekerja informal tetap / berusaha sendiri", 70),
            ("formal", "Pegawai/karyawan dengan gaji tetap", 100),
        ),
    },
    ("perumahan", "Kondisi rumah", 10): {
        ("lantai", "Jenis lantai terluas"): (
            ("tanah", "Tanah", 0),
            ("papan_bambu", "Papan / bambu", 30),
            ("semen", "Semen / plester", 60),
            ("keramik", "Keramik / ubin", 100),
        ),
        ("dinding", "Jenis dinding terluas"): (
            ("bambu", "Bambu / anyaman / terpal", 0),
            ("kayu", "Kayu / papan", 40),
            ("tembok_kasar", "Tembok belum diplester", 70),
            ("tembok_plester", "Tembok diplester", 100),
        ),
        ("atap", "Jenis atap terluas"): (
            ("daun", "Ijuk / rumbia / daun", 0),
            ("seng_asbes", "Seng / asbes", 50),
            ("genteng_beton", "Genteng / beton", 100),
        ),
    },
    ("air_sanitasi", "Air minum dan sanitasi", 10): {
        ("sumber_air", "Sumber air minum utama"): (
            ("tak_terlindung", "Sungai / mata air tak terlindung / air hujan", 0),
            ("sumur_terbuka", "Sumur tak terlindung", 30),
            ("sumur_terlindung", "Sumur terlindung / sumur bor / pompa", 70),
            ("ledeng", "Ledeng/PDAM atau air kemasan", 100),
        ),
        ("jamban", "Fasilitas buang air besar"): (
            ("tidak_ada", "Tidak ada (sungai/kebun)", 0),
            ("bersama", "Jamban bersama / umum", 50),
            ("sendiri", "Jamban sendiri dengan tangki septik", 100),
        ),
    },
    ("kesehatan", "Jaminan kesehatan", 5): {
        ("jaminan_kesehatan", "Kepesertaan BPJS Kesehatan/KIS anggota keluarga"): (
            ("tidak_ada", "Tidak ada anggota yang punya", 0),
            ("sebagian", "Sebagian anggota punya", 40),
            ("semua_pbi", "Semua anggota punya KIS/BPJS PBI (dibayar pemerintah)", 70),
            ("semua_mandiri", "Semua anggota BPJS mandiri atau dari pemberi kerja", 100),
        ),
    },
    ("pendidikan", "Pendidikan anak", 5): {
        ("anak_bersekolah", "Anak usia sekolah (7–18 tahun) yang bersekolah"): (
            ("tidak_ada", "Tidak ada yang bersekolah", 0),
            ("sebagian", "Sebagian bersekolah (ada yang putus sekolah)", 40),
            ("semua", "Semua bersekolah", 100),
            ("tanpa_anak", "Tidak ada anak usia sekolah", 100),
        ),
    },
    ("aset", "Kepemilikan aset", 5): {
        ("motor", "Sepeda motor"): (
            ("tidak_ada", "Tidak punya", 0),
            ("satu", "Satu", 70),
            ("dua_lebih", "Dua atau lebih", 100),
        ),
        ("lemari_es", "Lemari es/kulkas"): (
            ("tidak", "Tidak punya", 0),
            ("ya", "Punya", 100),
        ),
        ("status_rumah", "Status kepemilikan rumah"): (
            ("menumpang", "Menumpang / bebas sewa", 0),
            ("sewa", "Sewa / kontrak", 40),
            ("milik_sendiri", "Milik sendiri", 100),
        ),
        ("aset_lain", "Aset lain (TV, ponsel pintar, mesin cuci, ternak, lahan)"): (
            ("tidak_ada", "Tidak ada", 0),
            ("satu_dua", "Satu atau dua jenis", 50),
            ("tiga_lebih", "Tiga jenis atau lebih", 100),
        ),
    },
}

DEFAULT_DEFINITION = Definition(
    sections=_sections(_DEFAULT_TABLE),
    thresholds=(
        Threshold(0, WelfareClass.VERY_POOR.value),
        Threshold(40, WelfareClass.POOR.value),
        Threshold(60, WelfareClass.ABLE.value),
        Threshold(80, WelfareClass.SELF_RELIANT.value),
    ),
)
"""Weights add up to 100 (pendapatan 20, pekerjaan 15, the rest 10 or 5) for readability only: the
formula divides by the sum of the weights, so a later version need not keep that sum."""
