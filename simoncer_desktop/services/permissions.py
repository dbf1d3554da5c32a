"""Who may do what: one table of every mutating action of the app, and one check, ``require``.

Services call ``require(identity, "caseload.edit", kecamatan=household.scope)`` before writing; a
refusal is a :class:`PermissionDeniedError` with a Bahasa message naming the action and the role, and
nothing is written. The window only hides buttons; the services are where the rule is enforced.

Role decisions (issue 7), where the issue left room:

- ``operator`` keeps the caseload, programme and relief data of its own kecamatan; it may enter a
  graduation proposal on a pendamping's behalf but never decide one.
- ``pendamping`` works on its own families only (assessments, programme stages, attendance,
  follow-ups, graduation proposals). It does not edit household master data or import lists.
- ``supervisor`` can do what an operator does in every kecamatan, and alone (with admin) decides
  graduations and natural-graduation runs and corrects passed stages.
- ``admin`` may do everything (a small office often has one administrator who also covers for the
  others); users, settings and reference data are admin-only.
- ``viewer`` only exports reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from simoncer_desktop.errors import PermissionDeniedError
from simoncer_desktop.models.base import GLOBAL_SCOPE
from simoncer_desktop.models.enums import Role


@dataclass(frozen=True)
class Identity:
    """The logged-in user as the services see it (no password material)."""

    user_id: str
    username: str
    full_name: str
    role: Role
    scope: str
    """Kecamatan code, or ``*`` for the whole deployment."""
    facilitator_id: str | None = None
    must_change_password: bool = False


OPERATOR, FACILITATOR, SUPERVISOR, ADMIN, VIEWER = (
    Role.OPERATOR,
    Role.FACILITATOR,
    Role.SUPERVISOR,
    Role.ADMIN,
    Role.VIEWER,
)
_OFFICE = frozenset({OPERATOR, SUPERVISOR, ADMIN})
_FIELD = _OFFICE | {FACILITATOR}
_DECIDERS = frozenset({SUPERVISOR, ADMIN})
_ADMIN = frozenset({ADMIN})

ACTIONS: dict[str, frozenset[Role]] = {
    # Caseload (services.caseload, caseload_import/import_write)
    "caseload.edit": _OFFICE,  # create/update/delete household, add/update/delete member
    "caseload.import": _OFFICE,  # import_caseload / apply_import
    # Graduation programme (services.assessment, programme*, natural_graduation*)
    "assessment.record": _FIELD,  # record_assessment
    "questionnaire.publish": _ADMIN,  # publish_version (a new questionnaire is reference data)
    "programme.cohort": _OFFICE,  # create_cohort
    "programme.enroll": _FIELD,  # enroll
    "programme.session": _FIELD,  # add_session, record_attendance
    "programme.stage": _FIELD,  # update_stage, pass_stage
    "programme.correct_stage": _DECIDERS,  # correct_stage (changes a passed stage)
    "programme.withdraw": _OFFICE,  # withdraw
    "programme.follow_up": _FIELD,  # record_follow_up
    "graduation.propose": _FIELD,  # propose_graduation
    "graduation.decide": _DECIDERS,  # decide_graduation
    "natural_graduation.run": _DECIDERS,  # natural_graduation.propose (makes a run)
    "natural_graduation.decide": _DECIDERS,  # natural_graduation_runs.decide (per-row decisions)
    "natural_graduation.apply": _DECIDERS,  # apply_run (changes household status)
    # Disaster relief (services.relief_*)
    "relief.event": _OFFICE,  # create/update/close/reopen event
    "relief.register": _OFFICE,  # register_family / update_family (with victims)
    "relief.stock": _OFFICE,  # receive_stock
    "relief.item": _ADMIN,  # add_item (the item list is reference data shared by all kecamatan)
    "relief.entitlement_index": _ADMIN,  # set_entitlement (aid index: reference data, follows regulation)
    "relief.event_entitlement": _OFFICE,  # apply_entitlement / remove_entitlement on an event
    "relief.distribute": _OFFICE,  # distribute
    "attachment.add": _OFFICE,  # add_attachment (photos/scans of relief records)
    # Administration
    "settings.edit": _ADMIN,  # set_setting
    "reference.edit": _ADMIN,  # wilayah, component rates, seeded defaults
    "users.manage": _ADMIN,  # create_user, reset_password, deactivate
    "maintenance.run": _ADMIN,  # search_index.rebuild, demo data, backups/restore
    # Reading the audit trail (who changed what): supervisors and administrators
    "audit.view": _DECIDERS,
    # Sync (issue 8): running a sync is for every role that writes; enrolling the laptop is the admin's;
    # deciding a sync conflict (keep the winner or reinstate the losing value) is the deciders'
    "sync.run": _FIELD,
    "sync.enroll": _ADMIN,
    "conflict.resolve": _DECIDERS,
    # Reading out (not mutating, but the one thing a viewer may do)
    "reports.export": frozenset(Role),  # exports, recaps, graduation report, relief documents
}

ACTION_LABELS: dict[str, str] = {
    "caseload.edit": "mengubah data keluarga",
    "caseload.import": "mengimpor data keluarga",
    "assessment.record": "mencatat asesmen",
    "questionnaire.publish": "menerbitkan kuesioner",
    "programme.cohort": "membuat angkatan",
    "programme.enroll": "mendaftarkan peserta",
    "programme.session": "mencatat pertemuan dan kehadiran",
    "programme.stage": "mencatat tahap program",
    "programme.correct_stage": "mengoreksi tahap program",
    "programme.withdraw": "mengeluarkan peserta",
    "programme.follow_up": "mencatat kunjungan lanjutan",
    "graduation.propose": "mengusulkan graduasi",
    "graduation.decide": "memutuskan graduasi",
    "natural_graduation.run": "menjalankan graduasi alamiah",
    "natural_graduation.decide": "memutuskan usulan graduasi alamiah",
    "natural_graduation.apply": "menerapkan graduasi alamiah",
    "relief.event": "mengelola kejadian bencana",
    "relief.register": "mendata keluarga terdampak",
    "relief.stock": "mencatat penerimaan stok",
    "relief.item": "menambah jenis barang bantuan",
    "relief.entitlement_index": "mengubah indeks bantuan",
    "relief.event_entitlement": "mengatur bantuan kejadian",
    "relief.distribute": "mencatat penyaluran bantuan",
    "attachment.add": "menambah lampiran",
    "settings.edit": "mengubah pengaturan",
    "reference.edit": "mengubah data referensi",
    "users.manage": "mengelola pengguna",
    "maintenance.run": "menjalankan pemeliharaan data",
    "audit.view": "melihat jejak audit",
    "sync.run": "menjalankan sinkronisasi",
    "sync.enroll": "mendaftarkan perangkat ke server",
    "conflict.resolve": "menyelesaikan konflik sinkronisasi",
    "reports.export": "mengekspor laporan",
}


def allowed_roles(action: str) -> frozenset[Role]:
    try:
        return ACTIONS[action]
    except KeyError:
        # A typo in a service must fail loudly in tests, not silently allow or deny.
        raise KeyError(f"unknown action {action!r}") from None


def in_scope(scope: str, kecamatan: str) -> bool:
    """``*`` covers everything; a kecamatan scope covers itself and its kelurahan codes."""
    return scope == GLOBAL_SCOPE or kecamatan == scope or kecamatan.startswith(scope + ".")


def can(identity: Identity, action: str, kecamatan: str | None = None, facilitator_id: str | None = None) -> bool:
    """Whether ``require`` would pass (for enabling buttons)."""
    try:
        require(identity, action, kecamatan, facilitator_id)
    except PermissionDeniedError:
        return False
    return True


NOT_SIGNED_IN = "Belum masuk: perubahan data hanya boleh dilakukan oleh pengguna yang sudah masuk."


def require(
    identity: Identity | None, action: str, kecamatan: str | None = None, facilitator_id: str | None = None
) -> None:
    """Refuse unless the role may do ``action`` on a record of ``kecamatan`` / of ``facilitator_id``.

    ``kecamatan`` is the owning scope of the record (None for actions not tied to an area);
    ``facilitator_id`` is the family's facilitator (checked for a pendamping only).
    """
    label = ACTION_LABELS.get(action, action)
    if identity is None:
        raise PermissionDeniedError(NOT_SIGNED_IN)
    role = Role(identity.role)
    if role not in allowed_roles(action):
        raise PermissionDeniedError(f"Peran {role.label} tidak berwenang {label}.")
    if kecamatan is not None and not in_scope(identity.scope, kecamatan):
        raise PermissionDeniedError(
            f"Peran {role.label} hanya boleh {label} di wilayah {identity.scope}, bukan {kecamatan}."
        )
    if role is Role.FACILITATOR and facilitator_id is not None and facilitator_id != identity.facilitator_id:
        raise PermissionDeniedError(f"Peran {role.label} hanya boleh {label} untuk keluarga dampingannya sendiri.")
