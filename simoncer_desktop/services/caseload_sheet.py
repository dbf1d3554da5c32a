"""The caseload spreadsheet format: one row per person, shared by import, export and the template.

Rows with the same ``NO_KK`` form one family; the ``PENGURUS`` row carries the family's fields
(address, kelurahan, desil, pendamping, phone). Export writes exactly these columns in this order, so
export → import round-trips. Headers are matched case-insensitively with spaces, underscores, dots
and slashes ignored, and the usual aliases of national exports are accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simoncer_desktop.models.enums import Education, Relationship, Sex

SHEET_NAME = "Anggota"
SUMMARY_SHEET = "Ringkasan"
REMARKS_HEADER = "KETERANGAN"

YES = "Y"
NO = "T"
ALIVE = "HIDUP"
DECEASED = "MENINGGAL"
DATE_FORMAT = "DD-MM-YYYY"


@dataclass(frozen=True)
class SheetColumn:
    key: str
    """The canonical header written by export and the template."""
    note: str
    """Shown as the header cell's note in the template (Bahasa Indonesia)."""
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    """Values offered by the template's drop-down list (other spellings are still read)."""
    identity: bool = False
    """NIK / No. KK: must be text in the spreadsheet (a number loses digits)."""
    family: bool = False
    """A family field: read from the pengurus row (other rows may leave it empty)."""
    required: bool = False


RELATION_LABELS: dict[str, str] = {
    Relationship.HEAD: "KEPALA KELUARGA",
    Relationship.WIFE: "ISTRI",
    Relationship.HUSBAND: "SUAMI",
    Relationship.CHILD: "ANAK",
    Relationship.CHILD_IN_LAW: "MENANTU",
    Relationship.GRANDCHILD: "CUCU",
    Relationship.PARENT: "ORANG TUA",
    Relationship.PARENT_IN_LAW: "MERTUA",
    Relationship.OTHER_RELATIVE: "FAMILI LAIN",
    Relationship.OTHER: "LAINNYA",
}
EDUCATION_LABELS: dict[str, str] = {
    Education.NONE: "TIDAK SEKOLAH",
    Education.PAUD: "PAUD",
    Education.SD: "SD",
    Education.SMP: "SMP",
    Education.SMA: "SMA",
    Education.HIGHER: "PT",
}
SEX_LABELS: dict[str, str] = {Sex.MALE: "L", Sex.FEMALE: "P"}

COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn(
        "NO_KK",
        "Nomor Kartu Keluarga, 16 digit, diketik sebagai TEKS (format sel Text) agar digit terakhir tidak hilang.",
        ("NOKK", "NOMORKK", "NOMORKARTUKELUARGA", "KK"),
        identity=True,
        required=True,
    ),
    SheetColumn(
        "NIK",
        "Nomor Induk Kependudukan, 16 digit, diketik sebagai TEKS. Harus cocok dengan tanggal lahir dan jenis kelamin.",
        ("NOMORINDUKKEPENDUDUKAN", "NIKANGGOTA", "NOKTP"),
        identity=True,
    ),
    SheetColumn("NAMA", "Nama lengkap sesuai KK.", ("NAMALENGKAP", "NAMAANGGOTA", "NAMAART"), required=True),
    SheetColumn(
        "HUBUNGAN",
        "Hubungan dengan kepala keluarga.",
        ("HUBUNGANKELUARGA", "SHDK", "HUBUNGANDENGANKK", "STATUSHUBUNGAN"),
        choices=tuple(RELATION_LABELS.values()),
        required=True,
    ),
    SheetColumn(
        "JENIS_KELAMIN",
        "L = laki-laki, P = perempuan.",
        ("JK", "KELAMIN", "SEX", "LP"),
        choices=("L", "P"),
        required=True,
    ),
    SheetColumn(
        "TANGGAL_LAHIR",
        "Tanggal lahir, DD-MM-YYYY (juga diterima DD/MM/YYYY, YYYY-MM-DD, atau sel tanggal Excel).",
        ("TGLLAHIR", "TANGGALLAHIR", "TGLLHR", "LAHIR"),
        required=True,
    ),
    SheetColumn(
        "PENGURUS",
        "Y pada tepat satu anggota: penerima bantuan PKH (pengurus) keluarga ini.",
        ("PENERIMA", "PENGURUSPKH", "ISPENGURUS"),
        choices=(YES, NO),
    ),
    SheetColumn("ALAMAT", "Alamat keluarga (jalan, gang, nomor).", ("ALAMATLENGKAP",), family=True),
    SheetColumn("RT", "Nomor RT, mis. 003.", family=True),
    SheetColumn("RW", "Nomor RW, mis. 011.", family=True),
    SheetColumn(
        "KODE_KELURAHAN",
        "Kode kelurahan/desa Kemendagri, mis. 32.71.01.1001. Boleh dikosongkan bila kolom KELURAHAN diisi.",
        ("KODEKEL", "KODEDESA", "KODEWILAYAH", "KDKEL", "KODEDESAKELURAHAN"),
        family=True,
    ),
    SheetColumn(
        "KELURAHAN",
        "Nama kelurahan/desa di wilayah ini (dipakai bila KODE_KELURAHAN kosong).",
        ("DESA", "DESAKELURAHAN", "KELURAHANDESA", "NAMAKELURAHAN"),
        family=True,
    ),
    SheetColumn(
        "KECAMATAN",
        "Nama kecamatan; membantu bila ada nama kelurahan yang sama di dua kecamatan.",
        ("NAMAKECAMATAN", "KEC"),
        family=True,
    ),
    SheetColumn(
        "PENDIDIKAN",
        "Jenjang pendidikan tertinggi yang sedang/pernah diikuti.",
        ("JENJANGPENDIDIKAN", "PENDIDIKANTERAKHIR", "IJAZAH"),
        choices=tuple(EDUCATION_LABELS.values()),
    ),
    SheetColumn(
        "SEKOLAH",
        "Y bila saat ini masih bersekolah pada jenjang tersebut. Bila kolom ini tidak ada, "
        "anak usia ≤ 21 tahun dengan jenjang PAUD–SMA dianggap masih sekolah.",
        ("MASIHSEKOLAH", "STATUSSEKOLAH", "PARTISIPASISEKOLAH"),
        choices=(YES, NO),
    ),
    SheetColumn("HAMIL", "Y bila sedang hamil/nifas (hanya perempuan).", ("IBUHAMIL",), choices=(YES, NO)),
    SheetColumn(
        "DISABILITAS_BERAT",
        "Y bila penyandang disabilitas berat.",
        ("DISABILITAS", "DISABILITASBERAT", "PENYANDANGDISABILITAS"),
        choices=(YES, NO),
    ),
    SheetColumn(
        "STATUS_HIDUP",
        "HIDUP atau MENINGGAL.",
        ("STATUSKEHIDUPAN", "KETERANGANHIDUP", "HIDUPMENINGGAL"),
        choices=(ALIVE, DECEASED),
    ),
    SheetColumn(
        "TANGGAL_MENINGGAL",
        "Diisi bila STATUS_HIDUP = MENINGGAL (DD-MM-YYYY).",
        ("TGLMENINGGAL", "TANGGALWAFAT", "TGLWAFAT"),
    ),
    SheetColumn("DESIL", "Desil kesejahteraan 1–10 (DTKS/DTSEN).", ("DESILKESEJAHTERAAN",), family=True),
    SheetColumn("PENDAMPING", "Nama pendamping PKH.", ("NAMAPENDAMPING", "PENDAMPINGPKH"), family=True),
    SheetColumn(
        "NO_HP", "Nomor HP keluarga, mis. 081234567890.", ("HP", "NOMORHP", "TELEPON", "NOTELP", "TELP"), family=True
    ),
)

COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)
BY_KEY: dict[str, SheetColumn] = {c.key: c for c in COLUMNS}

# How export and the template type the cells (the reader accepts more; see sheet_values).
DATE_COLUMNS: frozenset[str] = frozenset({"TANGGAL_LAHIR", "TANGGAL_MENINGGAL"})
"""Written as real date cells shown as ``CELL_DATE_FORMAT``."""
CELL_DATE_FORMAT = "dd-mm-yyyy"
"""The spreadsheet number format of date cells (``DATE_FORMAT`` as Excel spells it)."""
TEXT_COLUMNS: frozenset[str] = frozenset(
    {*(c.key for c in COLUMNS if c.identity), "RT", "RW", "KODE_KELURAHAN", "NO_HP"}
)
"""Number format Text ('@'): what is typed keeps its leading zeros and all 16 digits."""
WHOLE_NUMBER_RANGES: dict[str, tuple[int, int]] = {"DESIL": (1, 10)}

_HEADER_NOISE = re.compile(r"[\s_./\\\-()]+")


def normalize_header(text: object) -> str:
    """``"No. KK"`` → ``"NOKK"``: case, spaces, underscores, dots, slashes and brackets ignored."""
    return _HEADER_NOISE.sub("", str(text or "")).upper()


HEADER_LOOKUP: dict[str, str] = {}
for _column in COLUMNS:
    HEADER_LOOKUP[normalize_header(_column.key)] = _column.key
    for _alias in _column.aliases:
        HEADER_LOOKUP.setdefault(normalize_header(_alias), _column.key)


def column_for(header: object) -> str | None:
    """The canonical column a header cell names, or None for a column we do not read."""
    return HEADER_LOOKUP.get(normalize_header(header))


def yes_no(value: bool) -> str:
    return YES if value else NO


FORMULA_TRIGGERS = ("=", "+", "-", "@")
"""A text cell starting with one of these could be run as a formula by a spreadsheet (CSV injection)."""


def needs_formula_guard(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS) or value.startswith(("\t", "\r"))
