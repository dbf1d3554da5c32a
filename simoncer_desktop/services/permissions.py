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
from simoncer_desktop.translation import QT_TRANSLATE_NOOP, translate


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
    "caseload.edit": QT_TRANSLATE_NOOP("permissions", "mengubah data keluarga"),
    "caseload.import": QT_TRANSLATE_NOOP("permissions", "mengimpor data keluarga"),
    "assessment.record": QT_TRANSLATE_NOOP("permissions", "mencatat asesmen"),
    "questionnaire.publish": QT_TRANSLATE_NOOP("permissions", "menerbitkan kuesioner"),
    "programme.cohort": QT_TRANSLATE_NOOP("permissions", "membuat angkatan"),
    "programme.enroll": QT_TRANSLATE_NOOP("permissions", "mendaftarkan peserta"),
    "programme.session": QT_TRANSLATE_NOOP("permissions", "mencatat pertemuan dan kehadiran"),
    "programme.stage": QT_TRANSLATE_NOOP("permissions", "mencatat tahap program"),
    "programme.correct_stage": QT_TRANSLATE_NOOP("permissions", "mengoreksi tahap program"),
    "programme.withdraw": QT_TRANSLATE_NOOP("permissions", "mengeluarkan peserta"),
    "programme.follow_up": QT_TRANSLATE_NOOP("permissions", "mencatat kunjungan lanjutan"),
    "graduation.propose": QT_TRANSLATE_NOOP("permissions", "mengusulkan graduasi"),
    "graduation.decide": QT_TRANSLATE_NOOP("permissions", "memutuskan graduasi"),
    "natural_graduation.run": QT_TRANSLATE_NOOP("permissions", "menjalankan graduasi alamiah"),
    "natural_graduation.decide": QT_TRANSLATE_NOOP("permissions", "memutuskan usulan graduasi alamiah"),
    "natural_graduation.apply": QT_TRANSLATE_NOOP("permissions", "menerapkan graduasi alamiah"),
    "relief.event": QT_TRANSLATE_NOOP("permissions", "mengelola kejadian bencana"),
    "relief.register": QT_TRANSLATE_NOOP("permissions", "mendata keluarga terdampak"),
    "relief.stock": QT_TRANSLATE_NOOP("permissions", "mencatat penerimaan stok"),
    "relief.item": QT_TRANSLATE_NOOP("permissions", "menambah jenis barang bantuan"),
    "relief.entitlement_index": QT_TRANSLATE_NOOP("permissions", "mengubah indeks bantuan"),
    "relief.event_entitlement": QT_TRANSLATE_NOOP("permissions", "mengatur bantuan kejadian"),
    "relief.distribute": QT_TRANSLATE_NOOP("permissions", "mencatat penyaluran bantuan"),
    "attachment.add": QT_TRANSLATE_NOOP("permissions", "menambah lampiran"),
    "settings.edit": QT_TRANSLATE_NOOP("permissions", "mengubah pengaturan"),
    "reference.edit": QT_TRANSLATE_NOOP("permissions", "mengubah data referensi"),
    "users.manage": QT_TRANSLATE_NOOP("permissions", "mengelola pengguna"),
    "maintenance.run": QT_TRANSLATE_NOOP("permissions", "menjalankan pemeliharaan data"),
    "audit.view": QT_TRANSLATE_NOOP("permissions", "melihat jejak audit"),
    "sync.run": QT_TRANSLATE_NOOP("permissions", "menjalankan sinkronisasi"),
    "sync.enroll": QT_TRANSLATE_NOOP("permissions", "mendaftarkan perangkat ke server"),
    "conflict.resolve": QT_TRANSLATE_NOOP("permissions", "menyelesaikan konflik sinkronisasi"),
    "reports.export": QT_TRANSLATE_NOOP("permissions", "mengekspor laporan"),
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


NOT_SIGNED_IN = QT_TRANSLATE_NOOP(
    "permissions", "Belum masuk: perubahan data hanya boleh dilakukan oleh pengguna yang sudah masuk."
)
"""The Bahasa text; raise with :func:`not_signed_in` (the screen's language)."""


def not_signed_in() -> str:
    """The refusal for a session nobody signed in to, in the screen's language."""
    return translate("permissions", NOT_SIGNED_IN)


def action_label(action: str) -> str:
    """What ``action`` does, in words ("mengubah data keluarga"), in the screen's language."""
    label = ACTION_LABELS.get(action)
    return translate("permissions", label) if label is not None else action


def require(
    identity: Identity | None, action: str, kecamatan: str | None = None, facilitator_id: str | None = None
) -> None:
    """Refuse unless the role may do ``action`` on a record of ``kecamatan`` / of ``facilitator_id``.

    ``kecamatan`` is the owning scope of the record (None for actions not tied to an area);
    ``facilitator_id`` is the family's facilitator (checked for a pendamping only).
    """
    label = action_label(action)
    if identity is None:
        raise PermissionDeniedError(not_signed_in())
    role = Role(identity.role)
    if role not in allowed_roles(action):
        message = translate("permissions", "Peran {role} tidak berwenang {action}.")
        raise PermissionDeniedError(message.format(role=role.label, action=label))
    if kecamatan is not None and not in_scope(identity.scope, kecamatan):
        message = translate("permissions", "Peran {role} hanya boleh {action} di wilayah {scope}, bukan {kecamatan}.")
        raise PermissionDeniedError(
            message.format(role=role.label, action=label, scope=identity.scope, kecamatan=kecamatan)
        )
    if role is Role.FACILITATOR and facilitator_id is not None and facilitator_id != identity.facilitator_id:
        message = translate("permissions", "Peran {role} hanya boleh {action} untuk keluarga dampingannya sendiri.")
        raise PermissionDeniedError(message.format(role=role.label, action=label))
