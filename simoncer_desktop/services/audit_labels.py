"""How the audit trail reads to a person: Bahasa names for the kinds of record and their columns,
values written out (Ya/Tidak, dd-mm-yyyy, coded values by their label, a new record's columns as
"kolom: nilai; …") and times in the device's local zone. Shared by the audit page, a family's
*Riwayat* tab and the Excel export, so the three say the same thing. No Qt.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from simoncer_desktop.models import Base
from simoncer_desktop.models.enums import (
    AuditAction,
    DamageLevel,
    DisasterKind,
    Education,
    EntitlementBasis,
    EntitlementKind,
    EventStatus,
    HouseholdStatus,
    InjuryLevel,
    LabeledEnum,
    Relationship,
    Role,
    Sex,
    StockMovementKind,
    StockSource,
    WelfareClass,
)

ENTITY_LABELS: dict[str, str] = {
    "household": "Keluarga",
    "member": "Anggota",
    "assessment": "Asesmen",
    "questionnaire": "Kuesioner",
    "cohort": "Kohort",
    "enrollment": "Kepesertaan graduasi",
    "stage_record": "Tahap program",
    "stage_correction": "Koreksi tahap",
    "programme_session": "Sesi",
    "attendance": "Kehadiran",
    "graduation_decision": "Keputusan graduasi",
    "follow_up_visit": "Kunjungan lanjutan",
    "natural_graduation_run": "Graduasi alamiah",
    "natural_graduation_proposal": "Usulan graduasi alamiah",
    "facilitator": "Pendamping",
    "disaster_event": "Kejadian bencana",
    "event_area": "Wilayah kejadian",
    "affected_family": "Keluarga terdampak",
    "victim": "Korban",
    "relief_item": "Barang bantuan",
    "stock_movement": "Stok",
    "entitlement": "Indeks bantuan",
    "event_entitlement": "Bantuan kejadian",
    "distribution": "Penyaluran bantuan",
    "attachment": "Lampiran",
    "app_user": "Pengguna",
    "setting": "Pengaturan",
    "component_rate": "Nilai komponen",
    "wilayah": "Wilayah",
}

FIELD_LABELS: dict[str, str] = {
    # every synced row
    "id": "ID",
    "scope": "Lingkup wilayah",
    "deleted": "Dihapus",
    "created_at": "Dibuat",
    "updated_at": "Diubah",
    # household
    "no_kk": "No. KK",
    "address": "Alamat",
    "rt": "RT",
    "rw": "RW",
    "kelurahan_code": "Kelurahan",
    "kecamatan_code": "Kecamatan",
    "facilitator_id": "Pendamping",
    "phone": "No. HP",
    "desil": "Desil",
    "desil_date": "Tanggal desil",
    "status": "Status",
    "status_reason": "Alasan status",
    "status_date": "Tanggal status",
    "welfare_class": "Kelas kesejahteraan",
    "bank_name": "Bank",
    "account_no": "No. rekening",
    "prog_kis": "KIS",
    "prog_kip": "KIP",
    "prog_bpnt": "BPNT",
    "prog_kks": "KKS",
    "prog_rtlh": "RTLH",
    "prog_aslut": "ASLUT",
    "prog_asdis": "ASDIS",
    "prog_kube": "KUBE",
    "member_count": "Jumlah anggota",
    "recipient_name": "Nama pengurus",
    "recipient_nik": "NIK pengurus",
    # member, victim
    "household_id": "Keluarga",
    "nik": "NIK",
    "name": "Nama",
    "birth_date": "Tanggal lahir",
    "sex": "Jenis kelamin",
    "relation": "Hubungan",
    "is_recipient": "Pengurus",
    "education": "Pendidikan",
    "in_school": "Masih sekolah",
    "pregnant": "Hamil",
    "severe_disability": "Disabilitas berat",
    "deceased": "Meninggal",
    "death_date": "Tanggal meninggal",
    # graduation
    "questionnaire_id": "Kuesioner",
    "assessed_on": "Tanggal asesmen",
    "assessed_by": "Asesor",
    "answers": "Jawaban",
    "score": "Skor",
    "notes": "Catatan",
    "note": "Catatan",
    "cohort_id": "Kohort",
    "participant_id": "Peserta",
    "enrollment_id": "Kepesertaan",
    "enrolled_on": "Tanggal daftar",
    "stage": "Tahapan",
    "withdrawn_on": "Tanggal keluar",
    "withdrawn_reason": "Alasan keluar",
    "withdrawn_by": "Dikeluarkan oleh",
    "planned_start": "Rencana mulai",
    "planned_end": "Rencana selesai",
    "actual_start": "Mulai",
    "actual_end": "Selesai",
    "partner": "Mitra",
    "skill": "Keterampilan",
    "grant_kind": "Jenis modal usaha",
    "grant_amount": "Nilai modal usaha",
    "business_started": "Usaha berjalan",
    "outcome": "Hasil",
    "passed_on": "Tanggal lulus tahap",
    "passed_by": "Diluluskan oleh",
    "from_stage": "Dari tahap",
    "to_stage": "Ke tahap",
    "reason": "Alasan",
    "corrected_by": "Dikoreksi oleh",
    "corrected_on": "Tanggal koreksi",
    "kind": "Jenis",
    "assessment_id": "Asesmen",
    "run_id": "Putaran graduasi alamiah",
    "proposed_by": "Diusulkan oleh",
    "proposed_on": "Tanggal usulan",
    "decided_by": "Diputuskan oleh",
    "decided_on": "Tanggal keputusan",
    "decision_note": "Catatan keputusan",
    "decision": "Keputusan",
    "decision_id": "Keputusan graduasi",
    "due_on": "Jatuh tempo",
    "visited_on": "Tanggal kunjungan",
    "still_independent": "Tetap mandiri",
    "held_on": "Tanggal sesi",
    "topic": "Topik",
    "session_id": "Sesi",
    "present": "Hadir",
    "year": "Tahun",
    "starts_on": "Tanggal mulai",
    "quarter": "Kuartal",
    # relief
    "event_id": "Kejadian",
    "event_entitlement_id": "Bantuan kejadian",
    "entitlement_id": "Indeks bantuan",
    "family_id": "Keluarga terdampak",
    "victim_id": "Korban",
    "member_id": "Anggota",
    "beneficiary_key": "Kunci penerima",
    "item_id": "Barang",
    "quantity": "Jumlah",
    "amount": "Nilai (Rp)",
    "distributed_on": "Tanggal penyaluran",
    "officer": "Petugas",
    "recipient_relation": "Hubungan penerima",
    "confirmed": "Terkonfirmasi",
    "damage": "Kerusakan rumah",
    "needs": "Kebutuhan",
    "head_name": "Nama kepala keluarga",
    "registered_on": "Tanggal pendataan",
    "registered_by": "Didata oleh",
    "no_document_reason": "Alasan tanpa dokumen",
    "displaced": "Mengungsi",
    "injury": "Luka",
    "heir_name": "Nama ahli waris",
    "heir_nik": "NIK ahli waris",
    "heir_relation": "Hubungan ahli waris",
    "title": "Judul",
    "occurred_at": "Waktu kejadian",
    "description": "Keterangan",
    "closed_on": "Tanggal ditutup",
    "created_by": "Dibuat oleh",
    "unit": "Satuan",
    "code": "Kode",
    "basis": "Dasar",
    "min_damage": "Kerusakan minimal",
    "only_displaced": "Hanya pengungsi",
    "days": "Hari",
    "moved_on": "Tanggal",
    "source": "Sumber",
    "document_no": "No. dokumen",
    "distribution_id": "Penyaluran",
    "recorded_by": "Dicatat oleh",
    "caption": "Keterangan",
    "file_name": "Nama berkas",
    # accounts, settings, reference
    "username": "Nama pengguna",
    "full_name": "Nama lengkap",
    "role": "Peran",
    "password_hash": "Kata sandi",
    "failed_logins": "Gagal masuk",
    "locked_until": "Terkunci sampai",
    "must_change_password": "Wajib ganti kata sandi",
    "active": "Aktif",
    "key": "Kunci",
    "value": "Nilai",
    "valid_from": "Berlaku mulai",
    "component": "Komponen",
    "amount_per_year": "Nilai per tahun",
    "version": "Versi",
    "yearly_target": "Target tahunan",
    "kelurahan_codes": "Kelurahan dampingan",
}

ENTITY_FIELD_LABELS: dict[tuple[str, str], str] = {
    ("relief_item", "name"): "Nama barang",
    ("affected_family", "household_id"): "Keluarga KPM",
    ("disaster_event", "status"): "Status kejadian",
    ("graduation_decision", "status"): "Status keputusan",
    ("distribution", "recipient_name"): "Diterima oleh",
    ("distribution", "recipient_nik"): "NIK penerima",
    ("stock_movement", "kind"): "Jenis gerakan stok",
    ("disaster_event", "kind"): "Jenis bencana",
}

ALL_FIELDS = "(semua kolom)"
"""The field of a ``buat`` entry, whose value is every column of the new record."""

VALUE_ENUMS: dict[str, type[LabeledEnum]] = {
    "sex": Sex,
    "relation": Relationship,
    "heir_relation": Relationship,
    "recipient_relation": Relationship,
    "education": Education,
    "welfare_class": WelfareClass,
    "role": Role,
    "damage": DamageLevel,
    "min_damage": DamageLevel,
    "injury": InjuryLevel,
    "basis": EntitlementBasis,
    "source": StockSource,
}
"""Columns holding a coded value, shown by its label (the code itself when it is not known)."""

ENTITY_VALUE_ENUMS: dict[tuple[str, str], type[LabeledEnum]] = {
    ("household", "status"): HouseholdStatus,
    ("disaster_event", "status"): EventStatus,
    ("disaster_event", "kind"): DisasterKind,
    ("entitlement", "kind"): EntitlementKind,
    ("event_entitlement", "kind"): EntitlementKind,
    ("stock_movement", "kind"): StockMovementKind,
}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$")


def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)


def entity_choices() -> list[tuple[str, str]]:
    """(table name, label) of every kind of record, sorted by label (for a filter combo)."""
    return sorted(ENTITY_LABELS.items(), key=lambda pair: pair[1].lower())


def field_label(entity: str, field: str, action: AuditAction | str | None = None) -> str:
    """The column's Bahasa name; the column name itself when it has none. A ``buat`` entry's empty
    field reads "(semua kolom)", a ``hapus`` entry's stays empty."""
    if not field:
        return ALL_FIELDS if action is not None and str(action) == AuditAction.CREATE.value else ""
    return ENTITY_FIELD_LABELS.get((entity, field)) or FIELD_LABELS.get(field, field)


def action_label(action: AuditAction | str) -> str:
    try:
        return AuditAction(action).label
    except ValueError:
        return str(action)


def _coded(entity: str, field: str, value: str) -> str | None:
    kind = ENTITY_VALUE_ENUMS.get((entity, field)) or VALUE_ENUMS.get(field)
    if kind is None:
        return None
    try:
        return kind(value).label
    except ValueError:
        return None


def ordered_items(entity: str, values: dict[str, Any]) -> list[tuple[str, Any]]:
    """A new record's columns in the table's own order (the stored JSON is sorted by name); columns
    the table does not have (any more) follow by name. Links to other records (``…_id``) and the scope
    come last: what a person reads first is the record's own content."""
    table = Base.metadata.tables.get(entity)
    order = {name: index for index, name in enumerate(table.columns.keys())} if table is not None else {}

    def key(item: tuple[str, Any]) -> tuple[bool, int, str]:
        name = item[0]
        return (name.endswith("_id") or name == "scope", order.get(name, len(order)), name)

    return sorted(values.items(), key=key)


def value_text(value: Any, entity: str = "", field: str = "") -> str:
    """A stored (JSON-decoded) value as a person reads it: empty for no value, Ya/Tidak, dd-mm-yyyy,
    a coded value by its label, a list comma-separated, an object (a new record) as "kolom: nilai; …"
    with the columns in the table's order and empty columns left out."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, dict):
        parts = []
        for key, inner in ordered_items(entity, value):
            text = value_text(inner, entity, str(key))
            if text != "":
                parts.append(f"{field_label(entity, str(key))}: {text}")
        return "; ".join(parts)
    if isinstance(value, list | tuple):
        return ", ".join(value_text(v, entity, field) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        if match := _ISO_DATE.match(value):
            year, month, day = match.groups()
            return f"{day}-{month}-{year}"
        if match := _ISO_DATETIME.match(value):
            year, month, day, hour, minute, _second = match.groups()
            return f"{day}-{month}-{year} {hour}:{minute}"
        if field:
            coded = _coded(entity, field, value)
            if coded is not None:
                return coded
        return value
    return str(value)


def change_text(old: Any, new: Any, entity: str = "", field: str = "") -> str:
    """``lama → baru`` in one line (``→ baru`` for a new value, ``lama →`` for a removed one)."""
    before, after = value_text(old, entity, field), value_text(new, entity, field)
    if not before:
        return f"→ {after}" if after else ""
    return f"{before} → {after}"


# --- time ------------------------------------------------------------------------------------------


def local_time(at: datetime) -> datetime:
    """A stored naive-UTC instant in the device's local zone (naive), as people read the clock."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def time_text(at: datetime) -> str:
    return f"{local_time(at):%d-%m-%Y %H:%M:%S}"


def to_utc(local: datetime) -> datetime:
    """A naive local time as the naive UTC the database stores."""
    return local.astimezone(UTC).replace(tzinfo=None)


def day_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """Local days ``first``…``last`` (both included) as the filter's UTC ``since`` (inclusive) and
    ``until`` (exclusive)."""
    since = to_utc(datetime.combine(first, time())) if first is not None else None
    until = to_utc(datetime.combine(last + timedelta(days=1), time())) if last is not None else None
    return since, until
