"""Coded values stored in the database, with the Bahasa Indonesia label shown for each."""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    @property
    def label(self) -> str:
        # Keyed by (class, value): a StrEnum hashes as its text, and "berat" is both a damage and an
        # injury level.
        return LABELS.get((type(self), self.value), self.value)

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


class DisasterKind(LabeledEnum):
    FLOOD = "banjir"
    LANDSLIDE = "tanah_longsor"
    WHIRLWIND = "angin_puting_beliung"
    FIRE = "kebakaran"
    EARTHQUAKE = "gempa_bumi"
    OTHER = "lainnya"


class EventStatus(LabeledEnum):
    OPEN = "dibuka"
    CLOSED = "ditutup"


class DamageLevel(LabeledEnum):
    """House damage of an affected family, in rising order (``DAMAGE_ORDER``)."""

    NONE = "tidak_rusak"
    LIGHT = "ringan"
    MEDIUM = "sedang"
    HEAVY = "berat"


class InjuryLevel(LabeledEnum):
    NONE = "tidak"
    LIGHT = "ringan"
    SERIOUS = "berat"


class EntitlementKind(LabeledEnum):
    CASH = "uang"
    ITEM = "barang"


class EntitlementBasis(LabeledEnum):
    """Who an entitlement is counted for; person-based ones are distributed per victim."""

    PER_FAMILY = "per_keluarga"
    PER_PERSON = "per_jiwa"
    PER_PERSON_DAY = "per_jiwa_per_hari"
    PER_DECEASED = "per_meninggal"
    PER_SERIOUS_INJURY = "per_luka_berat"


class StockSource(LabeledEnum):
    MINISTRY = "kementerian"
    PROVINCE = "provinsi"
    CITY_BUDGET = "apbd"
    DONOR = "donatur"


class StockMovementKind(LabeledEnum):
    RECEIPT = "masuk"
    DISTRIBUTION = "salur"


class AttachmentOwner(LabeledEnum):
    EVENT = "kejadian"
    FAMILY = "keluarga_terdampak"
    VICTIM = "korban"
    DISTRIBUTION = "penyaluran"


DAMAGE_ORDER: dict[str, int] = {"tidak_rusak": 0, "ringan": 1, "sedang": 2, "berat": 3}


class Role(LabeledEnum):
    """What a user may do; enforced by ``services.permissions``."""

    OPERATOR = "operator"
    FACILITATOR = "pendamping"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    VIEWER = "viewer"


class AuditAction(LabeledEnum):
    CREATE = "buat"
    UPDATE = "ubah"
    DELETE = "hapus"


_LABEL_PAIRS: tuple[tuple[StrEnum, str], ...] = (
    (Sex.MALE, "Laki-laki"),
    (Sex.FEMALE, "Perempuan"),
    (Relationship.HEAD, "Kepala keluarga"),
    (Relationship.WIFE, "Istri"),
    (Relationship.HUSBAND, "Suami"),
    (Relationship.CHILD, "Anak"),
    (Relationship.CHILD_IN_LAW, "Menantu"),
    (Relationship.GRANDCHILD, "Cucu"),
    (Relationship.PARENT, "Orang tua"),
    (Relationship.PARENT_IN_LAW, "Mertua"),
    (Relationship.OTHER_RELATIVE, "Famili lain"),
    (Relationship.OTHER, "Lainnya"),
    (Education.NONE, "Tidak/belum sekolah"),
    (Education.PAUD, "PAUD/TK"),
    (Education.SD, "SD/sederajat"),
    (Education.SMP, "SMP/sederajat"),
    (Education.SMA, "SMA/sederajat"),
    (Education.HIGHER, "Perguruan tinggi"),
    (HouseholdStatus.ACTIVE, "Aktif"),
    (HouseholdStatus.GRADUATED_NATURAL, "Graduasi alamiah"),
    (HouseholdStatus.GRADUATED_SELF_RELIANT, "Graduasi sejahtera mandiri"),
    (HouseholdStatus.INACTIVE, "Nonaktif"),
    (WelfareClass.VERY_POOR, "Tidak mampu"),
    (WelfareClass.POOR, "Kurang mampu"),
    (WelfareClass.ABLE, "Mampu"),
    (WelfareClass.SELF_RELIANT, "Mandiri"),
    (Component.PREGNANT, "Ibu hamil/nifas"),
    (Component.EARLY_CHILD, "Anak usia dini"),
    (Component.SD, "Anak SD"),
    (Component.SMP, "Anak SMP"),
    (Component.SMA, "Anak SMA"),
    (Component.ELDERLY, "Lanjut usia"),
    (Component.DISABILITY, "Disabilitas berat"),
    (Program.KIS, "KIS/JKN"),
    (Program.KIP, "KIP/PIP"),
    (Program.BPNT, "BPNT/Sembako"),
    (Program.KKS, "KKS"),
    (Program.RTLH, "RTLH"),
    (Program.ASLUT, "ASLUT"),
    (Program.DISABILITY_AID, "Asistensi disabilitas"),
    (Program.KUBE, "KUBE"),
    (DisasterKind.FLOOD, "Banjir"),
    (DisasterKind.LANDSLIDE, "Tanah longsor"),
    (DisasterKind.WHIRLWIND, "Angin puting beliung"),
    (DisasterKind.FIRE, "Kebakaran"),
    (DisasterKind.EARTHQUAKE, "Gempa bumi"),
    (DisasterKind.OTHER, "Lainnya"),
    (EventStatus.OPEN, "Dibuka"),
    (EventStatus.CLOSED, "Ditutup"),
    (DamageLevel.NONE, "Tidak rusak"),
    (DamageLevel.LIGHT, "Rusak ringan"),
    (DamageLevel.MEDIUM, "Rusak sedang"),
    (DamageLevel.HEAVY, "Rusak berat"),
    (InjuryLevel.NONE, "Tidak luka"),
    (InjuryLevel.LIGHT, "Luka ringan"),
    (InjuryLevel.SERIOUS, "Luka berat"),
    (EntitlementKind.CASH, "Uang"),
    (EntitlementKind.ITEM, "Barang"),
    (EntitlementBasis.PER_FAMILY, "Per keluarga"),
    (EntitlementBasis.PER_PERSON, "Per jiwa"),
    (EntitlementBasis.PER_PERSON_DAY, "Per jiwa per hari"),
    (EntitlementBasis.PER_DECEASED, "Per korban meninggal (ahli waris)"),
    (EntitlementBasis.PER_SERIOUS_INJURY, "Per korban luka berat"),
    (StockSource.MINISTRY, "Kementerian Sosial"),
    (StockSource.PROVINCE, "Pemerintah provinsi"),
    (StockSource.CITY_BUDGET, "APBD kota/kabupaten"),
    (StockSource.DONOR, "Donatur"),
    (StockMovementKind.RECEIPT, "Penerimaan"),
    (StockMovementKind.DISTRIBUTION, "Penyaluran"),
    (AttachmentOwner.EVENT, "Kejadian"),
    (AttachmentOwner.FAMILY, "Keluarga terdampak"),
    (AttachmentOwner.VICTIM, "Korban"),
    (AttachmentOwner.DISTRIBUTION, "Penyaluran"),
    (Role.OPERATOR, "Operator"),
    (Role.FACILITATOR, "Pendamping"),
    (Role.SUPERVISOR, "Supervisor"),
    (Role.ADMIN, "Administrator"),
    (Role.VIEWER, "Pemantau (hanya laporan)"),
    (AuditAction.CREATE, "Buat"),
    (AuditAction.UPDATE, "Ubah"),
    (AuditAction.DELETE, "Hapus"),
)

LABELS: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _LABEL_PAIRS}
