"""Small hand-made families for service tests (synthetic, never real people)."""

from __future__ import annotations

from datetime import date

from simoncer_desktop.services.caseload import HouseholdInput, MemberInput
from simoncer_desktop.services.identity import make_nik, make_no_kk

KECAMATAN = "32.71.01"
KELURAHAN = "32.71.01.1001"
OTHER_KECAMATAN = "32.71.02"
OTHER_KELURAHAN = "32.71.02.1001"


def household(serial: int = 1, kelurahan: str = KELURAHAN, **changes: object) -> HouseholdInput:
    kecamatan = kelurahan.rsplit(".", 1)[0]
    data = HouseholdInput(
        no_kk=make_no_kk(kecamatan, date(2015, 3, 15), serial),
        kelurahan_code=kelurahan,
        address="Jl. Melati No. 5",
        rt="3",
        rw="7",
        desil=1,
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def member(
    name: str,
    born: date,
    sex: str,
    serial: int,
    region: str = KECAMATAN,
    **changes: object,
) -> MemberInput:
    data = MemberInput(nik=make_nik(region, born, sex, serial), name=name, birth_date=born, sex=sex)
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def family(serial: int = 1, kelurahan: str = KELURAHAN) -> tuple[HouseholdInput, list[MemberInput]]:
    """Mother (recipient), father, a pupil in SD and a toddler."""
    region = kelurahan.rsplit(".", 1)[0]
    base = serial * 10
    return household(serial, kelurahan), [
        member("Siti Nurhaliza", date(1985, 6, 1), "P", base + 1, region, relation="istri", is_recipient=True),
        member("Ujang Supriatna", date(1982, 2, 10), "L", base + 2, region, relation="kepala"),
        member("Dédé Rahmawati", date(2016, 8, 20), "P", base + 3, region, education="sd", in_school=True),
        member("Asep Hidayat", date(2023, 1, 5), "L", base + 4, region),
    ]
