"""Coded values stored in the database, with the Bahasa Indonesia label shown for each.

``LABELS`` holds the Bahasa labels (data: documents, exports and the spreadsheets read back use them);
``.label`` is the label for the screen, in the screen's language (``translation.translate("enums", …)``);
inside ``translation.untranslated()`` — and whenever no translator is installed (CLI, tests) — it is the
Bahasa label itself. ``.source_label`` is always the Bahasa label.
"""

from __future__ import annotations

from enum import StrEnum

from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate


class LabeledEnum(StrEnum):
    @property
    def source_label(self) -> str:
        """The Bahasa label whatever the screen language (for files, parsing, comparisons)."""
        # Keyed by (class, value): a StrEnum hashes as its text, and "berat" is both a damage and an
        # injury level.
        return LABELS.get((type(self), self.value), self.value)

    @property
    def label(self) -> str:
        """The label for the screen: translated when a translator is installed, outside ``untranslated()``."""
        source = LABELS.get((type(self), self.value))
        return translate("enums", source) if source is not None else self.value

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, screen label) of every member, for a combo box."""
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
    (Sex.MALE, QT_TRANSLATE_NOOP("enums", "Laki-laki")),
    (Sex.FEMALE, QT_TRANSLATE_NOOP("enums", "Perempuan")),
    (Relationship.HEAD, QT_TRANSLATE_NOOP("enums", "Kepala keluarga")),
    (Relationship.WIFE, QT_TRANSLATE_NOOP("enums", "Istri")),
    (Relationship.HUSBAND, QT_TRANSLATE_NOOP("enums", "Suami")),
    (Relationship.CHILD, QT_TRANSLATE_NOOP("enums", "Anak")),
    (Relationship.CHILD_IN_LAW, QT_TRANSLATE_NOOP("enums", "Menantu")),
    (Relationship.GRANDCHILD, QT_TRANSLATE_NOOP("enums", "Cucu")),
    (Relationship.PARENT, QT_TRANSLATE_NOOP("enums", "Orang tua")),
    (Relationship.PARENT_IN_LAW, QT_TRANSLATE_NOOP("enums", "Mertua")),
    (Relationship.OTHER_RELATIVE, QT_TRANSLATE_NOOP("enums", "Famili lain")),
    (Relationship.OTHER, QT_TRANSLATE_NOOP("enums", "Lainnya")),
    (Education.NONE, QT_TRANSLATE_NOOP("enums", "Tidak/belum sekolah")),
    (Education.PAUD, QT_TRANSLATE_NOOP("enums", "PAUD/TK")),
    (Education.SD, QT_TRANSLATE_NOOP("enums", "SD/sederajat")),
    (Education.SMP, QT_TRANSLATE_NOOP("enums", "SMP/sederajat")),
    (Education.SMA, QT_TRANSLATE_NOOP("enums", "SMA/sederajat")),
    (Education.HIGHER, QT_TRANSLATE_NOOP("enums", "Perguruan tinggi")),
    (HouseholdStatus.ACTIVE, QT_TRANSLATE_NOOP("enums", "Aktif")),
    (HouseholdStatus.GRADUATED_NATURAL, QT_TRANSLATE_NOOP("enums", "Graduasi alamiah")),
    (HouseholdStatus.GRADUATED_SELF_RELIANT, QT_TRANSLATE_NOOP("enums", "Graduasi sejahtera mandiri")),
    (HouseholdStatus.INACTIVE, QT_TRANSLATE_NOOP("enums", "Nonaktif")),
    (WelfareClass.VERY_POOR, QT_TRANSLATE_NOOP("enums", "Tidak mampu")),
    (WelfareClass.POOR, QT_TRANSLATE_NOOP("enums", "Kurang mampu")),
    (WelfareClass.ABLE, QT_TRANSLATE_NOOP("enums", "Mampu")),
    (WelfareClass.SELF_RELIANT, QT_TRANSLATE_NOOP("enums", "Mandiri")),
    (Component.PREGNANT, QT_TRANSLATE_NOOP("enums", "Ibu hamil/nifas")),
    (Component.EARLY_CHILD, QT_TRANSLATE_NOOP("enums", "Anak usia dini")),
    (Component.SD, QT_TRANSLATE_NOOP("enums", "Anak SD")),
    (Component.SMP, QT_TRANSLATE_NOOP("enums", "Anak SMP")),
    (Component.SMA, QT_TRANSLATE_NOOP("enums", "Anak SMA")),
    (Component.ELDERLY, QT_TRANSLATE_NOOP("enums", "Lanjut usia")),
    (Component.DISABILITY, QT_TRANSLATE_NOOP("enums", "Disabilitas berat")),
    (Program.KIS, QT_TRANSLATE_NOOP("enums", "KIS/JKN")),
    (Program.KIP, QT_TRANSLATE_NOOP("enums", "KIP/PIP")),
    (Program.BPNT, QT_TRANSLATE_NOOP("enums", "BPNT/Sembako")),
    (Program.KKS, QT_TRANSLATE_NOOP("enums", "KKS")),
    (Program.RTLH, QT_TRANSLATE_NOOP("enums", "RTLH")),
    (Program.ASLUT, QT_TRANSLATE_NOOP("enums", "ASLUT")),
    (Program.DISABILITY_AID, QT_TRANSLATE_NOOP("enums", "Asistensi disabilitas")),
    (Program.KUBE, QT_TRANSLATE_NOOP("enums", "KUBE")),
    (DisasterKind.FLOOD, QT_TRANSLATE_NOOP("enums", "Banjir")),
    (DisasterKind.LANDSLIDE, QT_TRANSLATE_NOOP("enums", "Tanah longsor")),
    (DisasterKind.WHIRLWIND, QT_TRANSLATE_NOOP("enums", "Angin puting beliung")),
    (DisasterKind.FIRE, QT_TRANSLATE_NOOP("enums", "Kebakaran")),
    (DisasterKind.EARTHQUAKE, QT_TRANSLATE_NOOP("enums", "Gempa bumi")),
    (DisasterKind.OTHER, QT_TRANSLATE_NOOP("enums", "Lainnya")),
    (EventStatus.OPEN, QT_TRANSLATE_NOOP("enums", "Dibuka")),
    (EventStatus.CLOSED, QT_TRANSLATE_NOOP("enums", "Ditutup")),
    (DamageLevel.NONE, QT_TRANSLATE_NOOP("enums", "Tidak rusak")),
    (DamageLevel.LIGHT, QT_TRANSLATE_NOOP("enums", "Rusak ringan")),
    (DamageLevel.MEDIUM, QT_TRANSLATE_NOOP("enums", "Rusak sedang")),
    (DamageLevel.HEAVY, QT_TRANSLATE_NOOP("enums", "Rusak berat")),
    (InjuryLevel.NONE, QT_TRANSLATE_NOOP("enums", "Tidak luka")),
    (InjuryLevel.LIGHT, QT_TRANSLATE_NOOP("enums", "Luka ringan")),
    (InjuryLevel.SERIOUS, QT_TRANSLATE_NOOP("enums", "Luka berat")),
    (EntitlementKind.CASH, QT_TRANSLATE_NOOP("enums", "Uang")),
    (EntitlementKind.ITEM, QT_TRANSLATE_NOOP("enums", "Barang")),
    (EntitlementBasis.PER_FAMILY, QT_TRANSLATE_NOOP("enums", "Per keluarga")),
    (EntitlementBasis.PER_PERSON, QT_TRANSLATE_NOOP("enums", "Per jiwa")),
    (EntitlementBasis.PER_PERSON_DAY, QT_TRANSLATE_NOOP("enums", "Per jiwa per hari")),
    (EntitlementBasis.PER_DECEASED, QT_TRANSLATE_NOOP("enums", "Per korban meninggal (ahli waris)")),
    (EntitlementBasis.PER_SERIOUS_INJURY, QT_TRANSLATE_NOOP("enums", "Per korban luka berat")),
    (StockSource.MINISTRY, QT_TRANSLATE_NOOP("enums", "Kementerian Sosial")),
    (StockSource.PROVINCE, QT_TRANSLATE_NOOP("enums", "Pemerintah provinsi")),
    (StockSource.CITY_BUDGET, QT_TRANSLATE_NOOP("enums", "APBD kota/kabupaten")),
    (StockSource.DONOR, QT_TRANSLATE_NOOP("enums", "Donatur")),
    (StockMovementKind.RECEIPT, QT_TRANSLATE_NOOP("enums", "Penerimaan")),
    (StockMovementKind.DISTRIBUTION, QT_TRANSLATE_NOOP("enums", "Penyaluran")),
    (AttachmentOwner.EVENT, QT_TRANSLATE_NOOP("enums", "Kejadian")),
    (AttachmentOwner.FAMILY, QT_TRANSLATE_NOOP("enums", "Keluarga terdampak")),
    (AttachmentOwner.VICTIM, QT_TRANSLATE_NOOP("enums", "Korban")),
    (AttachmentOwner.DISTRIBUTION, QT_TRANSLATE_NOOP("enums", "Penyaluran")),
    (Role.OPERATOR, QT_TRANSLATE_NOOP("enums", "Operator")),
    (Role.FACILITATOR, QT_TRANSLATE_NOOP("enums", "Pendamping")),
    (Role.SUPERVISOR, QT_TRANSLATE_NOOP("enums", "Supervisor")),
    (Role.ADMIN, QT_TRANSLATE_NOOP("enums", "Administrator")),
    (Role.VIEWER, QT_TRANSLATE_NOOP("enums", "Pemantau (hanya laporan)")),
    (AuditAction.CREATE, QT_TRANSLATE_NOOP("enums", "Buat")),
    (AuditAction.UPDATE, QT_TRANSLATE_NOOP("enums", "Ubah")),
    (AuditAction.DELETE, QT_TRANSLATE_NOOP("enums", "Hapus")),
)

LABELS: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _LABEL_PAIRS}
