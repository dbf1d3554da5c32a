"""How the audit trail reads to a person: names for the kinds of record and their columns,
values written out (Ya/Tidak, dd-mm-yyyy, coded values by their label, a new record's columns as
"kolom: nilai; …") and times in the device's local zone. Shared by the audit page, a family's
*Riwayat* tab and the Excel export, so the three say the same thing. No Qt.

The tables hold Bahasa text (marked for ``lupdate``); the functions give it in the screen's language
(``translation.translate("audit_labels", …)``). The Excel export writes inside ``untranslated()``: Bahasa.
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
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate

ENTITY_LABELS: dict[str, str] = {
    "household": QT_TRANSLATE_NOOP("audit_labels", "Keluarga"),
    "member": QT_TRANSLATE_NOOP("audit_labels", "Anggota"),
    "assessment": QT_TRANSLATE_NOOP("audit_labels", "Asesmen"),
    "questionnaire": QT_TRANSLATE_NOOP("audit_labels", "Kuesioner"),
    "cohort": QT_TRANSLATE_NOOP("audit_labels", "Kohort"),
    "enrollment": QT_TRANSLATE_NOOP("audit_labels", "Kepesertaan graduasi"),
    "stage_record": QT_TRANSLATE_NOOP("audit_labels", "Tahap program"),
    "stage_correction": QT_TRANSLATE_NOOP("audit_labels", "Koreksi tahap"),
    "programme_session": QT_TRANSLATE_NOOP("audit_labels", "Sesi"),
    "attendance": QT_TRANSLATE_NOOP("audit_labels", "Kehadiran"),
    "graduation_decision": QT_TRANSLATE_NOOP("audit_labels", "Keputusan graduasi"),
    "follow_up_visit": QT_TRANSLATE_NOOP("audit_labels", "Kunjungan lanjutan"),
    "natural_graduation_run": QT_TRANSLATE_NOOP("audit_labels", "Graduasi alamiah"),
    "natural_graduation_proposal": QT_TRANSLATE_NOOP("audit_labels", "Usulan graduasi alamiah"),
    "facilitator": QT_TRANSLATE_NOOP("audit_labels", "Pendamping"),
    "disaster_event": QT_TRANSLATE_NOOP("audit_labels", "Kejadian bencana"),
    "event_area": QT_TRANSLATE_NOOP("audit_labels", "Wilayah kejadian"),
    "affected_family": QT_TRANSLATE_NOOP("audit_labels", "Keluarga terdampak"),
    "victim": QT_TRANSLATE_NOOP("audit_labels", "Korban"),
    "relief_item": QT_TRANSLATE_NOOP("audit_labels", "Barang bantuan"),
    "stock_movement": QT_TRANSLATE_NOOP("audit_labels", "Stok"),
    "entitlement": QT_TRANSLATE_NOOP("audit_labels", "Indeks bantuan"),
    "event_entitlement": QT_TRANSLATE_NOOP("audit_labels", "Bantuan kejadian"),
    "distribution": QT_TRANSLATE_NOOP("audit_labels", "Penyaluran bantuan"),
    "attachment": QT_TRANSLATE_NOOP("audit_labels", "Lampiran"),
    "app_user": QT_TRANSLATE_NOOP("audit_labels", "Pengguna"),
    "setting": QT_TRANSLATE_NOOP("audit_labels", "Pengaturan"),
    "component_rate": QT_TRANSLATE_NOOP("audit_labels", "Nilai komponen"),
    "wilayah": QT_TRANSLATE_NOOP("audit_labels", "Wilayah"),
}

FIELD_LABELS: dict[str, str] = {
    # every synced row
    "id": QT_TRANSLATE_NOOP("audit_labels", "ID"),
    "scope": QT_TRANSLATE_NOOP("audit_labels", "Lingkup wilayah"),
    "deleted": QT_TRANSLATE_NOOP("audit_labels", "Dihapus"),
    "created_at": QT_TRANSLATE_NOOP("audit_labels", "Dibuat"),
    "updated_at": QT_TRANSLATE_NOOP("audit_labels", "Diubah"),
    # household
    "no_kk": QT_TRANSLATE_NOOP("audit_labels", "No. KK"),
    "address": QT_TRANSLATE_NOOP("audit_labels", "Alamat"),
    "rt": QT_TRANSLATE_NOOP("audit_labels", "RT"),
    "rw": QT_TRANSLATE_NOOP("audit_labels", "RW"),
    "kelurahan_code": QT_TRANSLATE_NOOP("audit_labels", "Kelurahan"),
    "kecamatan_code": QT_TRANSLATE_NOOP("audit_labels", "Kecamatan"),
    "facilitator_id": QT_TRANSLATE_NOOP("audit_labels", "Pendamping"),
    "phone": QT_TRANSLATE_NOOP("audit_labels", "No. HP"),
    "desil": QT_TRANSLATE_NOOP("audit_labels", "Desil"),
    "desil_date": QT_TRANSLATE_NOOP("audit_labels", "Tanggal desil"),
    "status": QT_TRANSLATE_NOOP("audit_labels", "Status"),
    "status_reason": QT_TRANSLATE_NOOP("audit_labels", "Alasan status"),
    "status_date": QT_TRANSLATE_NOOP("audit_labels", "Tanggal status"),
    "welfare_class": QT_TRANSLATE_NOOP("audit_labels", "Kelas kesejahteraan"),
    "bank_name": QT_TRANSLATE_NOOP("audit_labels", "Bank"),
    "account_no": QT_TRANSLATE_NOOP("audit_labels", "No. rekening"),
    "prog_kis": QT_TRANSLATE_NOOP("audit_labels", "KIS"),
    "prog_kip": QT_TRANSLATE_NOOP("audit_labels", "KIP"),
    "prog_bpnt": QT_TRANSLATE_NOOP("audit_labels", "BPNT"),
    "prog_kks": QT_TRANSLATE_NOOP("audit_labels", "KKS"),
    "prog_rtlh": QT_TRANSLATE_NOOP("audit_labels", "RTLH"),
    "prog_aslut": QT_TRANSLATE_NOOP("audit_labels", "ASLUT"),
    "prog_asdis": QT_TRANSLATE_NOOP("audit_labels", "ASDIS"),
    "prog_kube": QT_TRANSLATE_NOOP("audit_labels", "KUBE"),
    "member_count": QT_TRANSLATE_NOOP("audit_labels", "Jumlah anggota"),
    "recipient_name": QT_TRANSLATE_NOOP("audit_labels", "Nama pengurus"),
    "recipient_nik": QT_TRANSLATE_NOOP("audit_labels", "NIK pengurus"),
    # member, victim
    "household_id": QT_TRANSLATE_NOOP("audit_labels", "Keluarga"),
    "nik": QT_TRANSLATE_NOOP("audit_labels", "NIK"),
    "name": QT_TRANSLATE_NOOP("audit_labels", "Nama"),
    "birth_date": QT_TRANSLATE_NOOP("audit_labels", "Tanggal lahir"),
    "sex": QT_TRANSLATE_NOOP("audit_labels", "Jenis kelamin"),
    "relation": QT_TRANSLATE_NOOP("audit_labels", "Hubungan"),
    "is_recipient": QT_TRANSLATE_NOOP("audit_labels", "Pengurus"),
    "education": QT_TRANSLATE_NOOP("audit_labels", "Pendidikan"),
    "in_school": QT_TRANSLATE_NOOP("audit_labels", "Masih sekolah"),
    "pregnant": QT_TRANSLATE_NOOP("audit_labels", "Hamil"),
    "severe_disability": QT_TRANSLATE_NOOP("audit_labels", "Disabilitas berat"),
    "deceased": QT_TRANSLATE_NOOP("audit_labels", "Meninggal"),
    "death_date": QT_TRANSLATE_NOOP("audit_labels", "Tanggal meninggal"),
    # graduation
    "questionnaire_id": QT_TRANSLATE_NOOP("audit_labels", "Kuesioner"),
    "assessed_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal asesmen"),
    "assessed_by": QT_TRANSLATE_NOOP("audit_labels", "Asesor"),
    "answers": QT_TRANSLATE_NOOP("audit_labels", "Jawaban"),
    "score": QT_TRANSLATE_NOOP("audit_labels", "Skor"),
    "notes": QT_TRANSLATE_NOOP("audit_labels", "Catatan"),
    "note": QT_TRANSLATE_NOOP("audit_labels", "Catatan"),
    "cohort_id": QT_TRANSLATE_NOOP("audit_labels", "Kohort"),
    "participant_id": QT_TRANSLATE_NOOP("audit_labels", "Peserta"),
    "enrollment_id": QT_TRANSLATE_NOOP("audit_labels", "Kepesertaan"),
    "enrolled_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal daftar"),
    "stage": QT_TRANSLATE_NOOP("audit_labels", "Tahapan"),
    "withdrawn_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal keluar"),
    "withdrawn_reason": QT_TRANSLATE_NOOP("audit_labels", "Alasan keluar"),
    "withdrawn_by": QT_TRANSLATE_NOOP("audit_labels", "Dikeluarkan oleh"),
    "planned_start": QT_TRANSLATE_NOOP("audit_labels", "Rencana mulai"),
    "planned_end": QT_TRANSLATE_NOOP("audit_labels", "Rencana selesai"),
    "actual_start": QT_TRANSLATE_NOOP("audit_labels", "Mulai"),
    "actual_end": QT_TRANSLATE_NOOP("audit_labels", "Selesai"),
    "partner": QT_TRANSLATE_NOOP("audit_labels", "Mitra"),
    "skill": QT_TRANSLATE_NOOP("audit_labels", "Keterampilan"),
    "grant_kind": QT_TRANSLATE_NOOP("audit_labels", "Jenis modal usaha"),
    "grant_amount": QT_TRANSLATE_NOOP("audit_labels", "Nilai modal usaha"),
    "business_started": QT_TRANSLATE_NOOP("audit_labels", "Usaha berjalan"),
    "outcome": QT_TRANSLATE_NOOP("audit_labels", "Hasil"),
    "passed_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal lulus tahap"),
    "passed_by": QT_TRANSLATE_NOOP("audit_labels", "Diluluskan oleh"),
    "from_stage": QT_TRANSLATE_NOOP("audit_labels", "Dari tahap"),
    "to_stage": QT_TRANSLATE_NOOP("audit_labels", "Ke tahap"),
    "reason": QT_TRANSLATE_NOOP("audit_labels", "Alasan"),
    "corrected_by": QT_TRANSLATE_NOOP("audit_labels", "Dikoreksi oleh"),
    "corrected_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal koreksi"),
    "kind": QT_TRANSLATE_NOOP("audit_labels", "Jenis"),
    "assessment_id": QT_TRANSLATE_NOOP("audit_labels", "Asesmen"),
    "run_id": QT_TRANSLATE_NOOP("audit_labels", "Putaran graduasi alamiah"),
    "proposed_by": QT_TRANSLATE_NOOP("audit_labels", "Diusulkan oleh"),
    "proposed_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal usulan"),
    "decided_by": QT_TRANSLATE_NOOP("audit_labels", "Diputuskan oleh"),
    "decided_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal keputusan"),
    "decision_note": QT_TRANSLATE_NOOP("audit_labels", "Catatan keputusan"),
    "decision": QT_TRANSLATE_NOOP("audit_labels", "Keputusan"),
    "decision_id": QT_TRANSLATE_NOOP("audit_labels", "Keputusan graduasi"),
    "due_on": QT_TRANSLATE_NOOP("audit_labels", "Jatuh tempo"),
    "visited_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal kunjungan"),
    "still_independent": QT_TRANSLATE_NOOP("audit_labels", "Tetap mandiri"),
    "held_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal sesi"),
    "topic": QT_TRANSLATE_NOOP("audit_labels", "Topik"),
    "session_id": QT_TRANSLATE_NOOP("audit_labels", "Sesi"),
    "present": QT_TRANSLATE_NOOP("audit_labels", "Hadir"),
    "year": QT_TRANSLATE_NOOP("audit_labels", "Tahun"),
    "starts_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal mulai"),
    "quarter": QT_TRANSLATE_NOOP("audit_labels", "Kuartal"),
    # relief
    "event_id": QT_TRANSLATE_NOOP("audit_labels", "Kejadian"),
    "event_entitlement_id": QT_TRANSLATE_NOOP("audit_labels", "Bantuan kejadian"),
    "entitlement_id": QT_TRANSLATE_NOOP("audit_labels", "Indeks bantuan"),
    "family_id": QT_TRANSLATE_NOOP("audit_labels", "Keluarga terdampak"),
    "victim_id": QT_TRANSLATE_NOOP("audit_labels", "Korban"),
    "member_id": QT_TRANSLATE_NOOP("audit_labels", "Anggota"),
    "beneficiary_key": QT_TRANSLATE_NOOP("audit_labels", "Kunci penerima"),
    "item_id": QT_TRANSLATE_NOOP("audit_labels", "Barang"),
    "quantity": QT_TRANSLATE_NOOP("audit_labels", "Jumlah"),
    "amount": QT_TRANSLATE_NOOP("audit_labels", "Nilai (Rp)"),
    "distributed_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal penyaluran"),
    "officer": QT_TRANSLATE_NOOP("audit_labels", "Petugas"),
    "recipient_relation": QT_TRANSLATE_NOOP("audit_labels", "Hubungan penerima"),
    "confirmed": QT_TRANSLATE_NOOP("audit_labels", "Terkonfirmasi"),
    "damage": QT_TRANSLATE_NOOP("audit_labels", "Kerusakan rumah"),
    "needs": QT_TRANSLATE_NOOP("audit_labels", "Kebutuhan"),
    "head_name": QT_TRANSLATE_NOOP("audit_labels", "Nama kepala keluarga"),
    "registered_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal pendataan"),
    "registered_by": QT_TRANSLATE_NOOP("audit_labels", "Didata oleh"),
    "no_document_reason": QT_TRANSLATE_NOOP("audit_labels", "Alasan tanpa dokumen"),
    "displaced": QT_TRANSLATE_NOOP("audit_labels", "Mengungsi"),
    "injury": QT_TRANSLATE_NOOP("audit_labels", "Luka"),
    "heir_name": QT_TRANSLATE_NOOP("audit_labels", "Nama ahli waris"),
    "heir_nik": QT_TRANSLATE_NOOP("audit_labels", "NIK ahli waris"),
    "heir_relation": QT_TRANSLATE_NOOP("audit_labels", "Hubungan ahli waris"),
    "title": QT_TRANSLATE_NOOP("audit_labels", "Judul"),
    "occurred_at": QT_TRANSLATE_NOOP("audit_labels", "Waktu kejadian"),
    "description": QT_TRANSLATE_NOOP("audit_labels", "Keterangan"),
    "closed_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal ditutup"),
    "created_by": QT_TRANSLATE_NOOP("audit_labels", "Dibuat oleh"),
    "unit": QT_TRANSLATE_NOOP("audit_labels", "Satuan"),
    "code": QT_TRANSLATE_NOOP("audit_labels", "Kode"),
    "basis": QT_TRANSLATE_NOOP("audit_labels", "Dasar"),
    "min_damage": QT_TRANSLATE_NOOP("audit_labels", "Kerusakan minimal"),
    "only_displaced": QT_TRANSLATE_NOOP("audit_labels", "Hanya pengungsi"),
    "days": QT_TRANSLATE_NOOP("audit_labels", "Hari"),
    "moved_on": QT_TRANSLATE_NOOP("audit_labels", "Tanggal"),
    "source": QT_TRANSLATE_NOOP("audit_labels", "Sumber"),
    "document_no": QT_TRANSLATE_NOOP("audit_labels", "No. dokumen"),
    "distribution_id": QT_TRANSLATE_NOOP("audit_labels", "Penyaluran"),
    "recorded_by": QT_TRANSLATE_NOOP("audit_labels", "Dicatat oleh"),
    "caption": QT_TRANSLATE_NOOP("audit_labels", "Keterangan"),
    "file_name": QT_TRANSLATE_NOOP("audit_labels", "Nama berkas"),
    # accounts, settings, reference
    "username": QT_TRANSLATE_NOOP("audit_labels", "Nama pengguna"),
    "full_name": QT_TRANSLATE_NOOP("audit_labels", "Nama lengkap"),
    "role": QT_TRANSLATE_NOOP("audit_labels", "Peran"),
    "password_hash": QT_TRANSLATE_NOOP("audit_labels", "Kata sandi"),
    "failed_logins": QT_TRANSLATE_NOOP("audit_labels", "Gagal masuk"),
    "locked_until": QT_TRANSLATE_NOOP("audit_labels", "Terkunci sampai"),
    "must_change_password": QT_TRANSLATE_NOOP("audit_labels", "Wajib ganti kata sandi"),
    "active": QT_TRANSLATE_NOOP("audit_labels", "Aktif"),
    "key": QT_TRANSLATE_NOOP("audit_labels", "Kunci"),
    "value": QT_TRANSLATE_NOOP("audit_labels", "Nilai"),
    "valid_from": QT_TRANSLATE_NOOP("audit_labels", "Berlaku mulai"),
    "component": QT_TRANSLATE_NOOP("audit_labels", "Komponen"),
    "amount_per_year": QT_TRANSLATE_NOOP("audit_labels", "Nilai per tahun"),
    "version": QT_TRANSLATE_NOOP("audit_labels", "Versi"),
    "yearly_target": QT_TRANSLATE_NOOP("audit_labels", "Target tahunan"),
    "kelurahan_codes": QT_TRANSLATE_NOOP("audit_labels", "Kelurahan dampingan"),
}

ENTITY_FIELD_LABELS: dict[tuple[str, str], str] = {
    ("relief_item", "name"): QT_TRANSLATE_NOOP("audit_labels", "Nama barang"),
    ("affected_family", "household_id"): QT_TRANSLATE_NOOP("audit_labels", "Keluarga KPM"),
    ("disaster_event", "status"): QT_TRANSLATE_NOOP("audit_labels", "Status kejadian"),
    ("graduation_decision", "status"): QT_TRANSLATE_NOOP("audit_labels", "Status keputusan"),
    ("distribution", "recipient_name"): QT_TRANSLATE_NOOP("audit_labels", "Diterima oleh"),
    ("distribution", "recipient_nik"): QT_TRANSLATE_NOOP("audit_labels", "NIK penerima"),
    ("stock_movement", "kind"): QT_TRANSLATE_NOOP("audit_labels", "Jenis gerakan stok"),
    ("disaster_event", "kind"): QT_TRANSLATE_NOOP("audit_labels", "Jenis bencana"),
}

ALL_FIELDS = QT_TRANSLATE_NOOP("audit_labels", "(semua kolom)")
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


def _shown(label: str) -> str:
    return translate("audit_labels", label)


def entity_label(entity: str) -> str:
    """The kind of record in words, in the screen's language (the table name when it has none)."""
    label = ENTITY_LABELS.get(entity)
    return _shown(label) if label is not None else entity


def entity_choices() -> list[tuple[str, str]]:
    """(table name, label) of every kind of record, sorted by label (for a filter combo)."""
    return sorted(((entity, _shown(label)) for entity, label in ENTITY_LABELS.items()), key=lambda p: p[1].lower())


def field_label(entity: str, field: str, action: AuditAction | str | None = None) -> str:
    """The column's name in words (screen language); the column name itself when it has none. A ``buat``
    entry's empty field reads "(semua kolom)", a ``hapus`` entry's stays empty."""
    if not field:
        return _shown(ALL_FIELDS) if action is not None and str(action) == AuditAction.CREATE.value else ""
    label = ENTITY_FIELD_LABELS.get((entity, field)) or FIELD_LABELS.get(field)
    return _shown(label) if label is not None else field


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
        return translate("audit_labels", "Ya") if value else translate("audit_labels", "Tidak")
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


def filter_text(
    user: str | None = None,
    entity: str | None = None,
    action: AuditAction | str | None = None,
    first: date | None = None,
    last: date | None = None,
    text: str | None = None,
) -> str:
    """An audit filter in words ("Pengguna: budi · Data: Keluarga"), empty for no filter. The Excel
    export's heading: call it inside ``translation.untranslated()`` so the file stays Bahasa."""
    parts = []
    if user and user.strip():
        parts.append(translate("audit_labels", "Pengguna: {user}").format(user=user.strip()))
    if entity:
        parts.append(translate("audit_labels", "Data: {kind}").format(kind=entity_label(entity)))
    if action:
        parts.append(translate("audit_labels", "Aksi: {action}").format(action=action_label(action)))
    if first is not None:
        parts.append(translate("audit_labels", "Dari {day}").format(day=f"{first:%d-%m-%Y}"))
    if last is not None:
        parts.append(translate("audit_labels", "Sampai {day}").format(day=f"{last:%d-%m-%Y}"))
    if text and text.strip():
        parts.append(translate("audit_labels", "Teks: “{text}”").format(text=text.strip()))
    return " · ".join(parts)


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
