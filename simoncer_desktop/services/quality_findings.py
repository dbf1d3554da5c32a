"""*Kualitas Data*: what a check can find and what it returns — the kinds of problem (``Kind``, in the
order they are shown, each with its Bahasa Indonesia title and explanation in ``KIND_INFO``), one
``Finding`` and the ``QualityReport`` of a whole run. The checks themselves: ``quality_identity``,
``quality_families`` and ``quality_duplicates``; the run: ``data_quality.run_checks``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

SD_MAX_PLAUSIBLE_AGE = 17
"""A member older than this who is still in school at SD level is almost always a record not updated."""
MAX_AGE = 120
"""Older than this is refused by the forms (``Validator.member_fields``); here it is reported."""


class Kind(StrEnum):
    """The kinds of problem, in the order they are shown. The value is the CLI's ``--kind``."""

    NIK_INVALID = "nik-invalid"
    NIK_MISMATCH = "nik-mismatch"
    NIK_DUPLICATE = "nik-duplicate"
    PERSON_DUPLICATE = "person-duplicate"
    NO_KK_INVALID = "kk-invalid"
    NO_KK_DUPLICATE = "kk-duplicate"
    NO_RECIPIENT = "no-recipient"
    MANY_RECIPIENTS = "many-recipients"
    RECIPIENT_DECEASED = "recipient-deceased"
    NO_COMPONENT = "no-component"
    SD_OVER_AGE = "sd-over-17"
    BIRTH_DATE = "birth-date"
    PREGNANT_MALE = "pregnant-male"

    @property
    def label(self) -> str:
        """Short title, in the screen's language (Bahasa without a translator: CLI)."""
        return _shown(KIND_INFO[self].label)

    @property
    def explanation(self) -> str:
        """What the problem means and what to do about it, in the screen's language."""
        return _shown(KIND_INFO[self].explanation)

    @property
    def about_member(self) -> bool:
        """Findings of this kind name a member (else only the family)."""
        return KIND_INFO[self].about_member


@dataclass(frozen=True)
class KindInfo:
    """Bahasa texts (templates: ``{sd_age}``, ``{max_age}``); ``Kind.label``/``explanation`` fill and show them."""

    label: str
    explanation: str
    about_member: bool = True


def _shown(text: str) -> str:
    return translate("quality", text).format(sd_age=SD_MAX_PLAUSIBLE_AGE, max_age=MAX_AGE)


KIND_INFO: dict[Kind, KindInfo] = {
    Kind.NIK_INVALID: KindInfo(
        QT_TRANSLATE_NOOP("quality", "NIK tidak valid"),
        QT_TRANSLATE_NOOP(
            "quality",
            "NIK tidak lolos pemeriksaan struktur: harus 16 digit angka, 6 digit pertama kode kecamatan yang "
            "terdaftar, digit 7–12 tanggal lahir yang nyata (tanggal +40 untuk perempuan), nomor urut bukan "
            "0000. Cocokkan dengan KTP atau KK lalu perbaiki NIK anggota.",
        ),
    ),
    Kind.NIK_MISMATCH: KindInfo(
        QT_TRANSLATE_NOOP("quality", "NIK tidak cocok dengan data anggota"),
        QT_TRANSLATE_NOOP(
            "quality",
            "Tanggal lahir atau jenis kelamin yang terkandung di NIK berbeda dengan yang tercatat pada anggota. "
            "Salah satunya keliru: periksa KTP atau KK.",
        ),
    ),
    Kind.NIK_DUPLICATE: KindInfo(
        QT_TRANSLATE_NOOP("quality", "NIK ganda"),
        QT_TRANSLATE_NOOP(
            "quality",
            "NIK yang sama dipakai lebih dari satu anggota (di dua keluarga, atau dua kali di satu keluarga). "
            "Satu orang hanya tercatat di satu KK: hapus data yang salah atau perbaiki NIK-nya.",
        ),
    ),
    Kind.PERSON_DUPLICATE: KindInfo(
        QT_TRANSLATE_NOOP("quality", "Kemungkinan orang yang sama"),
        QT_TRANSLATE_NOOP(
            "quality",
            "Nama dan tanggal lahir sama, tetapi NIK berbeda. Bisa jadi satu orang tercatat dua kali dengan NIK "
            "salah ketik; bisa juga memang dua orang yang berbeda. Periksa dokumennya.",
        ),
    ),
    Kind.NO_KK_INVALID: KindInfo(
        QT_TRANSLATE_NOOP("quality", "No. KK tidak valid"),
        QT_TRANSLATE_NOOP(
            "quality",
            "No. KK tidak lolos pemeriksaan struktur: harus 16 digit angka, 6 digit pertama kode kecamatan, "
            "digit 7–12 tanggal yang nyata, nomor urut bukan 0000.",
        ),
        about_member=False,
    ),
    Kind.NO_KK_DUPLICATE: KindInfo(
        QT_TRANSLATE_NOOP("quality", "No. KK ganda"),
        QT_TRANSLATE_NOOP(
            "quality", "Dua keluarga atau lebih memakai No. KK yang sama. Gabungkan atau perbaiki No. KK-nya."
        ),
        about_member=False,
    ),
    Kind.NO_RECIPIENT: KindInfo(
        QT_TRANSLATE_NOOP("quality", "Keluarga tanpa pengurus"),
        QT_TRANSLATE_NOOP(
            "quality",
            "Tidak ada anggota yang ditandai sebagai pengurus (penerima bantuan PKH), atau keluarga tidak "
            "punya anggota sama sekali. Tandai satu anggota sebagai pengurus.",
        ),
        about_member=False,
    ),
    Kind.MANY_RECIPIENTS: KindInfo(
        QT_TRANSLATE_NOOP("quality", "Pengurus lebih dari satu"),
        QT_TRANSLATE_NOOP(
            "quality", "Lebih dari satu anggota ditandai sebagai pengurus; setiap keluarga hanya punya satu pengurus."
        ),
        about_member=False,
    ),
    Kind.RECIPIENT_DECEASED: KindInfo(
        QT_TRANSLATE_NOOP("quality", "Pengurus meninggal"),
        QT_TRANSLATE_NOOP(
            "quality",
            "Pengurus tercatat meninggal, sehingga bantuan tidak dapat disalurkan kepadanya. Tandai anggota "
            "lain sebagai pengurus pengganti.",
        ),
    ),
    Kind.NO_COMPONENT: KindInfo(
        QT_TRANSLATE_NOOP("quality", "Keluarga aktif tanpa komponen"),
        QT_TRANSLATE_NOOP(
            "quality",
            "Keluarga berstatus aktif, tetapi hari ini tidak ada anggota yang memenuhi syarat komponen PKH "
            "(ibu hamil/nifas, anak usia dini, anak sekolah, lanjut usia, disabilitas berat). Lengkapi data "
            "anggota, atau pertimbangkan graduasi alamiah.",
        ),
        about_member=False,
    ),
    Kind.SD_OVER_AGE: KindInfo(
        QT_TRANSLATE_NOOP("quality", "Usia di atas {sd_age} tahun masih SD"),
        QT_TRANSLATE_NOOP(
            "quality",
            "Anggota berusia lebih dari {sd_age} tahun tercatat masih sekolah di jenjang SD. "
            "Biasanya jenjang atau status sekolahnya belum diperbarui.",
        ),
    ),
    Kind.BIRTH_DATE: KindInfo(
        QT_TRANSLATE_NOOP("quality", "Tanggal lahir tidak wajar"),
        QT_TRANSLATE_NOOP("quality", "Tanggal lahir ada di masa depan atau umur lebih dari {max_age} tahun."),
    ),
    Kind.PREGNANT_MALE: KindInfo(
        QT_TRANSLATE_NOOP("quality", "Hamil/nifas pada laki-laki"),
        QT_TRANSLATE_NOOP(
            "quality",
            "Anggota ditandai hamil/nifas, tetapi jenis kelaminnya laki-laki. Perbaiki jenis kelamin atau "
            "tanda hamil/nifas.",
        ),
    ),
}


class CancelCheck(Protocol):
    """What ``run_checks`` needs of a cancel token (``services.progress.CancelToken`` fits)."""

    def raise_if_cancelled(self) -> None: ...


ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class Finding:
    kind: Kind
    household_id: str
    no_kk: str
    recipient_name: str
    """The family's pengurus ("" when it has none)."""
    message: str
    """What is wrong, in Bahasa Indonesia."""
    member_id: str | None = None
    member_name: str | None = None
    nik: str | None = None
    group: str = ""
    """Findings with the same ``group`` belong together (the same NIK, the same name and birth date);
    they are listed next to each other."""


@dataclass
class QualityReport:
    on: date
    families: int
    """Live families checked."""
    members: int
    """Live members checked."""
    counts: dict[Kind, int]
    """Every kind (in ``Kind`` order), also those with no finding."""
    findings: dict[Kind, list[Finding]]
    """Per kind, at most ``limit`` findings when a limit was asked for (``counts`` are never limited)."""
    seconds: float = 0.0
    limit: int | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def findings_of(self, kind: Kind) -> list[Finding]:
        return self.findings.get(kind, [])

    def truncated(self, kind: Kind) -> int:
        """Findings of ``kind`` left out by the limit."""
        return self.counts[kind] - len(self.findings_of(kind))
