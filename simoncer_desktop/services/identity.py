"""Offline structural checks of NIK (national identity number) and No. KK (family card number).

NIK: ``PP KK CC DDMMYY SSSS`` — province, regency/city, kecamatan where it was registered, birth date
with day + 40 for women, serial from 0001. No. KK: the same region prefix, the date the card data was
entered (no +40), a serial. Every failure has its own message naming the field and the reason.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from datetime import date

from simoncer_desktop.errors import FieldError, Message
from simoncer_desktop.translation import QT_TRANSLATE_NOOP

NIK_LENGTH = 16
FEMALE_DAY_OFFSET = 40
FIELD_LABELS = (QT_TRANSLATE_NOOP("identity", "NIK"), QT_TRANSLATE_NOOP("identity", "No. KK"))
"""The ``field`` names messages start with (shown translated; other names are shown as given)."""


@dataclass(frozen=True)
class NikParts:
    region_code: str
    """Kecamatan code in dotted form, e.g. ``32.71.01``."""
    day: int
    month: int
    yy: int
    serial: str

    @property
    def is_female(self) -> bool:
        return self.day > FEMALE_DAY_OFFSET

    @property
    def birth_day(self) -> int:
        return self.day - FEMALE_DAY_OFFSET if self.is_female else self.day


def region_code_of(number: str) -> str:
    """``3271011204800001`` → ``32.71.01``."""
    return f"{number[0:2]}.{number[2:4]}.{number[4:6]}"


def split_number(number: str) -> NikParts:
    return NikParts(region_code_of(number), int(number[6:8]), int(number[8:10]), int(number[10:12]), number[12:16])


def full_year(yy: int, today: date, month: int = 1, day: int = 1) -> int:
    """Two-digit year → the century that does not put the date (day/month when given) in the future."""
    year = 2000 + yy
    if year > today.year or (year == today.year and (month, day) > (today.month, today.day)):
        year -= 100
    return year


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _label(field: str) -> str:
    """The field's name in messages: ``FIELD_LABELS`` translated, any other name (a caller's own,
    already translated label) as given."""
    return Message("identity", field) if field in FIELD_LABELS else field


def _error(field: str, source: str, **values: object) -> FieldError:
    """``source`` (a ``{field}: …`` template marked for lupdate) with the field's label and ``values``."""
    return FieldError(field, Message("identity", source).format(field=_label(field), **values))


def _structure(value: str | None, field: str) -> tuple[str | None, list[FieldError]]:
    text = (value or "").strip()
    if not text:
        return None, [_error(field, QT_TRANSLATE_NOOP("identity", "{field}: wajib diisi"))]
    if not text.isdigit() or not text.isascii():
        bad = next(ch for ch in text if not (ch.isascii() and ch.isdigit()))
        return None, [
            _error(
                field,
                QT_TRANSLATE_NOOP("identity", "{field}: hanya boleh berisi angka (ada karakter '{bad}')"),
                bad=bad,
            )
        ]
    if len(text) != NIK_LENGTH:
        return None, [
            _error(
                field,
                QT_TRANSLATE_NOOP("identity", "{field}: harus {length} digit (tertulis {count} digit)"),
                length=NIK_LENGTH,
                count=len(text),
            )
        ]
    return text, []


def _region(number: str, field: str, kecamatan_codes: Container[str] | None) -> list[FieldError]:
    code = region_code_of(number)
    if kecamatan_codes is not None and code not in kecamatan_codes:
        return [
            _error(
                field,
                QT_TRANSLATE_NOOP("identity", "{field}: kode wilayah {code} bukan kode kecamatan yang terdaftar"),
                code=code,
            )
        ]
    return []


def _serial(parts: NikParts, field: str) -> list[FieldError]:
    if parts.serial == "0000":
        return [_error(field, QT_TRANSLATE_NOOP("identity", "{field}: nomor urut 0000 tidak valid (mulai dari 0001)"))]
    return []


def check_nik(
    value: str | None,
    *,
    kecamatan_codes: Container[str] | None,
    sex: str | None = None,
    birth_date: date | None = None,
    today: date | None = None,
    field: str = "NIK",
) -> list[FieldError]:
    """All problems with a NIK; empty when it is structurally valid and agrees with sex and birth date.

    ``sex`` is ``"L"`` or ``"P"``. ``kecamatan_codes`` is the set of known kecamatan codes (dotted);
    ``None`` skips the region check.
    """
    today = today or date.today()
    number, errors = _structure(value, field)
    if number is None:
        return errors
    parts = split_number(number)
    errors += _region(number, field, kecamatan_codes)
    day_ok = 1 <= parts.day <= 31 or 41 <= parts.day <= 71
    if not day_ok:
        errors.append(
            _error(
                field,
                QT_TRANSLATE_NOOP(
                    "identity", "{field}: angka tanggal {day} tidak valid (1–31 untuk laki-laki, 41–71 untuk perempuan)"
                ),
                day=f"{parts.day:02d}",
            )
        )
    else:
        year = full_year(parts.yy, today, parts.month, parts.birth_day)
        born = _real_date(year, parts.month, parts.birth_day)
        if born is None:
            shown = f"{parts.birth_day:02d}-{parts.month:02d}"
            errors.append(
                _error(field, QT_TRANSLATE_NOOP("identity", "{field}: tanggal lahir {day} tidak valid"), day=shown)
            )
        if sex == "L" and parts.is_female:
            errors.append(
                _error(
                    field,
                    QT_TRANSLATE_NOOP(
                        "identity", "{field}: tanggal +40 menandakan perempuan, tetapi jenis kelamin laki-laki"
                    ),
                )
            )
        elif sex == "P" and not parts.is_female:
            errors.append(
                _error(
                    field,
                    QT_TRANSLATE_NOOP(
                        "identity", "{field}: tanggal tanpa +40 menandakan laki-laki, tetapi jenis kelamin perempuan"
                    ),
                )
            )
        if (
            birth_date is not None
            and born is not None
            and ((born.day, born.month, born.year % 100) != (birth_date.day, birth_date.month, birth_date.year % 100))
        ):
            errors.append(
                _error(
                    field,
                    QT_TRANSLATE_NOOP(
                        "identity", "{field}: tanggal lahir di NIK ({in_nik}) tidak sama dengan tanggal lahir {born}"
                    ),
                    in_nik=f"{parts.birth_day:02d}-{parts.month:02d}-{parts.yy:02d}",
                    born=f"{birth_date:%d-%m-%Y}",
                )
            )
    errors += _serial(parts, field)
    return errors


def check_no_kk(
    value: str | None,
    *,
    kecamatan_codes: Container[str] | None,
    today: date | None = None,
    field: str = "No. KK",
) -> list[FieldError]:
    """All problems with a family-card number (the date has no +40)."""
    today = today or date.today()
    number, errors = _structure(value, field)
    if number is None:
        return errors
    parts = split_number(number)
    errors += _region(number, field, kecamatan_codes)
    issued = _real_date(full_year(parts.yy, today, parts.month, parts.day), parts.month, parts.day)
    if issued is None:
        errors.append(
            _error(
                field,
                QT_TRANSLATE_NOOP("identity", "{field}: tanggal {day} tidak valid"),
                day=f"{parts.day:02d}-{parts.month:02d}",
            )
        )
    errors += _serial(parts, field)
    return errors


def make_nik(region_code: str, birth_date: date, sex: str, serial: int) -> str:
    """Compose a NIK (used by the synthetic generator and tests)."""
    day = birth_date.day + (FEMALE_DAY_OFFSET if sex == "P" else 0)
    return f"{region_code.replace('.', '')}{day:02d}{birth_date:%m%y}{serial:04d}"


def make_no_kk(region_code: str, issued: date, serial: int) -> str:
    return f"{region_code.replace('.', '')}{issued:%d%m%y}{serial:04d}"
