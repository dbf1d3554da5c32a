"""Coded values stored in the database, with the Bahasa Indonesia label shown for each."""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    @property
    def label(self) -> str:
        return LABELS.get(self, self.value)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]


class Sex(LabeledEnum):
    MALE = "L"
    FEMALE = "P"


class Relationship(LabeledEnum):
    HEAD = "kepala"
    WIFE = "istri"
    HUSBAND = "suami"
    CHILD = "anak"
    CHILD_IN_LAW = "menantu"
    GRANDCHILD = "cucu"
    PARENT = "orang_tua"
    PARENT_IN_LAW = "mertua"
    OTHER_RELATIVE = "famili_lain"
    OTHER = "lainnya"


class Education(LabeledEnum):
    """Highest level attended; ``Member.in_school`` says whether the member attends it now."""

    NONE = "tidak_sekolah"
    PAUD = "paud"
    SD = "sd"
    SMP = "smp"
    SMA = "sma"
    HIGHER = "pt"


class HouseholdStatus(LabeledEnum):
    ACTIVE = "aktif"
    GRADUATED_NATURAL = "graduasi_alamiah"
    GRADUATED_SELF_RELIANT = "graduasi_mandiri"
    INACTIVE = "nonaktif"


class WelfareClass(LabeledEnum):
    VERY_POOR = "tidak_mampu"
    POOR = "kurang_mampu"
    ABLE = "mampu"
    SELF_RELIANT = "mandiri"


class Component(LabeledEnum):
    """PKH components; their amounts are reference data (``component_rate``)."""

    PREGNANT = "ibu_hamil"
    EARLY_CHILD = "anak_usia_dini"
    SD = "anak_sd"
    SMP = "anak_smp"
    SMA = "anak_sma"
    ELDERLY = "lanjut_usia"
    DISABILITY = "disabilitas_berat"


class Program(LabeledEnum):
    """Complementary programmes a KPM may also receive (``Household.prog_*`` flags)."""

    KIS = "kis"
    KIP = "kip"
    BPNT = "bpnt"
    KKS = "kks"
    RTLH = "rtlh"
    ASLUT = "aslut"
    DISABILITY_AID = "asdis"
    KUBE = "kube"


LABELS: dict[StrEnum, str] = {
    Sex.MALE: "Laki-laki",
    Sex.FEMALE: "Perempuan",
    Relationship.HEAD: "Kepala keluarga",
    Relationship.WIFE: "Istri",
    Relationship.HUSBAND: "Suami",
    Relationship.CHILD: "Anak",
    Relationship.CHILD_IN_LAW: "Menantu",
    Relationship.GRANDCHILD: "Cucu",
    Relationship.PARENT: "Orang tua",
    Relationship.PARENT_IN_LAW: "Mertua",
    Relationship.OTHER_RELATIVE: "Famili lain",
    Relationship.OTHER: "Lainnya",
    Education.NONE: "Tidak/belum sekolah",
    Education.PAUD: "PAUD/TK",
    Education.SD: "SD/sederajat",
    Education.SMP: "SMP/sederajat",
    Education.SMA: "SMA/sederajat",
    Education.HIGHER: "Perguruan tinggi",
    HouseholdStatus.ACTIVE: "Aktif",
    HouseholdStatus.GRADUATED_NATURAL: "Graduasi alamiah",
    HouseholdStatus.GRADUATED_SELF_RELIANT: "Graduasi sejahtera mandiri",
    HouseholdStatus.INACTIVE: "Nonaktif",
    WelfareClass.VERY_POOR: "Tidak mampu",
    WelfareClass.POOR: "Kurang mampu",
    WelfareClass.ABLE: "Mampu",
    WelfareClass.SELF_RELIANT: "Mandiri",
    Component.PREGNANT: "Ibu hamil/nifas",
    Component.EARLY_CHILD: "Anak usia dini",
    Component.SD: "Anak SD",
    Component.SMP: "Anak SMP",
    Component.SMA: "Anak SMA",
    Component.ELDERLY: "Lanjut usia",
    Component.DISABILITY: "Disabilitas berat",
    Program.KIS: "KIS/JKN",
    Program.KIP: "KIP/PIP",
    Program.BPNT: "BPNT/Sembako",
    Program.KKS: "KKS",
    Program.RTLH: "RTLH",
    Program.ASLUT: "ASLUT",
    Program.DISABILITY_AID: "Asistensi disabilitas",
    Program.KUBE: "KUBE",
}
