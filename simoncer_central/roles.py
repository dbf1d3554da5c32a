"""The per-op role check of a push (issue 8): the acting user of every op must be a known, active user of
the deployment whose role may do what the op does, where it does it.

The server has no users table of its own: it knows the users the laptops synced, from its ``field_state``
rows of ``app_user`` (``username``, ``role``, ``scope``, ``active``, ``deleted``, ``facilitator_id``),
plus the users created by ``app_user`` inserts of the batch being applied. The rules are the desktop's
own: :mod:`simoncer_desktop.services.permissions` (imported, not copied) decides whether a role may do
an action in a kecamatan; :data:`TABLE_ACTIONS` says which actions write each synced table.

Rules (``simoncer_central.push`` calls :meth:`RoleCheck.check` after the scope check, for batches of
desktop schema :data:`MIN_ROLE_SCHEMA` or later; older clients do not send a user and are checked on the
device's scope alone, as before):

1. The op names a user (``user``) the server knows, active and not deleted; else ``rejected`` naming it.
2. One of the table's actions must be allowed for the user's role in the row's kecamatan (the row's scope:
   its ``row_scope`` on the server, or the op's ``scope`` for a new row). A table written by several
   services lists every action that writes it (``household``: the caseload edit and import, the
   graduation decisions that set its status; a change of ``welfare_class`` alone is also what recording an
   assessment does). Rows of scope ``*`` (reference data, office users) are thus for office roles only.
3. A pendamping works on its own families: for ``household`` (its ``facilitator_id``) and for rows with a
   ``household_id`` (the family's ``facilitator_id`` in ``field_state``, or in this batch) the family's
   facilitator must be the user's. Rows that reach their family only through another row (``attendance``,
   ``stage_record``, ``stage_correction`` through the enrollment) are checked on role and kecamatan only:
   following the chain would cost a query per op for a rule the laptop already enforced.
4. Users change their own password on any laptop: an ``app_user`` update of only ``password_hash`` /
   ``must_change_password`` of the acting user's own row is allowed for every role.
5. Creating users (``app_user`` insert): a username the server already has under another row id is
   refused (two laptops made the same name). An account inserted by itself (the op's user is the user
   being created: the first administrator of a new deployment, an office laptop's own account) is accepted
   when the server knows no active administrator yet (bootstrap) or when the device's scope covers the new
   user's scope (a device is trusted for its scope); any other insert needs ``users.manage``.
   Users created anywhere in the batch count as known for the batch's other ops (pre-scan): a laptop's
   outbox holds the reference data seeded when the file was made before its first administrator's own
   insert, both stamped with that administrator.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_central.models import FieldState
from simoncer_desktop.errors import PermissionDeniedError
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services import permissions
from simoncer_desktop.services.audit_labels import entity_label
from simoncer_desktop.services.permissions import Identity

MIN_ROLE_SCHEMA = 8
"""Desktop migration 0008 puts the acting user on every op; older clients are checked on scope alone."""

USER_TABLE = "app_user"
USER_FIELDS = ("username", "role", "scope", "active", "deleted", "facilitator_id")
SELF_SERVICE_FIELDS = frozenset({"password_hash", "must_change_password"})
"""What a user may change on the own ``app_user`` row whatever the role (changing the own password)."""

TABLE_ACTIONS: dict[str, tuple[str, ...]] = {
    # caseload
    "household": ("caseload.edit", "caseload.import", "graduation.decide", "natural_graduation.apply"),
    "member": ("caseload.edit", "caseload.import"),
    "facilitator": ("reference.edit", "caseload.import"),
    # graduation programme
    "questionnaire": ("questionnaire.publish",),
    "assessment": ("assessment.record",),
    "cohort": ("programme.cohort",),
    "enrollment": ("programme.enroll", "programme.stage", "programme.withdraw", "programme.correct_stage"),
    "programme_session": ("programme.session",),
    "attendance": ("programme.session",),
    "stage_record": ("programme.stage", "programme.correct_stage"),
    "stage_correction": ("programme.correct_stage",),
    "graduation_decision": ("graduation.propose", "graduation.decide", "natural_graduation.apply"),
    "follow_up_visit": ("programme.follow_up", "graduation.decide"),
    "natural_graduation_run": ("natural_graduation.run", "natural_graduation.apply"),
    "natural_graduation_proposal": ("natural_graduation.run", "natural_graduation.decide"),
    # disaster relief
    "disaster_event": ("relief.event",),
    "event_area": ("relief.event",),
    "affected_family": ("relief.register",),
    "victim": ("relief.register",),
    "relief_item": ("relief.item",),
    "entitlement": ("relief.entitlement_index",),
    "event_entitlement": ("relief.event_entitlement",),
    "distribution": ("relief.distribute",),
    "stock_movement": ("relief.stock", "relief.distribute"),
    "attachment": ("attachment.add",),
    # administration
    "setting": ("settings.edit",),
    "component_rate": ("reference.edit",),
    "app_user": ("users.manage",),
}
"""Synced table → the actions (``permissions.ACTIONS``) whose services write it; an op is allowed when the
user may do any of them. Every synced table must be listed (``tests/central/test_roles.py``)."""

FIELD_ACTIONS: dict[tuple[str, frozenset[str]], tuple[str, ...]] = {
    ("household", frozenset({"welfare_class"})): ("assessment.record",),
}
"""An update touching only these fields may also be made by these actions (a new assessment sets the
family's welfare class)."""

WITHDRAW_FIELDS = frozenset({"withdrawn_on", "withdrawn_reason", "withdrawn_by"})
"""An ``enrollment`` change of these is a withdrawal (``programme.withdraw``) whatever else it carries."""


class RoleRefusedError(Exception):
    """The op is not allowed for its user (a Bahasa message; ``push`` answers it ``rejected``)."""


class Op(Protocol):
    tbl: str
    row_id: str
    kind: str
    fields: dict[str, Any]
    user: str | None


@dataclass(frozen=True)
class KnownUser:
    row_id: str
    username: str
    role: str | None
    scope: str | None
    active: bool
    deleted: bool
    facilitator_id: str | None

    @classmethod
    def from_fields(cls, row_id: str, fields: dict[str, Any]) -> KnownUser | None:
        username = fields.get("username")
        if not isinstance(username, str):
            return None
        return cls(
            row_id=row_id,
            username=username.strip().lower(),
            role=fields.get("role") if isinstance(fields.get("role"), str) else None,
            scope=fields.get("scope") if isinstance(fields.get("scope"), str) else None,
            active=bool(fields.get("active", 1)),
            deleted=bool(fields.get("deleted", 0)),
            facilitator_id=fields.get("facilitator_id") if isinstance(fields.get("facilitator_id"), str) else None,
        )

    @property
    def live(self) -> bool:
        return self.active and not self.deleted

    def identity(self) -> Identity:
        """The user as ``permissions`` sees it; RoleRefusedError for a role the desktop does not know."""
        try:
            role = Role(self.role)
        except ValueError:
            raise RoleRefusedError(f"Pengguna '{self.username}' memiliki peran tidak dikenal ({self.role}).") from None
        return Identity(self.row_id, self.username, self.username, role, self.scope or "", self.facilitator_id)


StoredFields = Callable[[str, str], dict[str, Any]]
"""``(tbl, row_id)`` → the row's current values the push has loaded (fields of rows in the batch)."""


class RoleCheck:
    """The users the server knows (loaded once per batch) and the check of one op against them."""

    def __init__(self, session: Session, device_scope: str, stored: StoredFields) -> None:
        self.session = session
        self.device_scope = device_scope
        self.stored = stored
        self.by_row: dict[str, KnownUser] = {}
        self.by_name: dict[str, KnownUser] = {}
        self.batch_users: dict[str, KnownUser] = {}
        """Users the batch creates (pre-scan), by username, until their own insert is applied."""
        rows: dict[str, dict[str, Any]] = {}
        query = select(FieldState.row_id, FieldState.field, FieldState.value).where(
            FieldState.tbl == USER_TABLE, FieldState.field.in_(USER_FIELDS)
        )
        for row_id, field, value in session.execute(query):
            rows.setdefault(row_id, {})[field] = json.loads(value)
        for row_id, fields in rows.items():
            self._remember(row_id, fields)

    # -- the directory ------------------------------------------------------------------------------------

    def _remember(self, row_id: str, fields: dict[str, Any]) -> None:
        old = self.by_row.pop(row_id, None)
        if old is not None and self.by_name.get(old.username) is old:
            del self.by_name[old.username]
        user = KnownUser.from_fields(row_id, fields)
        if user is not None:
            self.by_row[row_id] = user
            self.by_name[user.username] = user
            self.batch_users.pop(user.username, None)

    def user_written(self, row_id: str) -> None:
        """An ``app_user`` op of the batch was accepted: take the row's current values."""
        self._remember(row_id, self.stored(USER_TABLE, row_id))

    def _find(self, username: str) -> KnownUser | None:
        return self.by_name.get(username) or self.batch_users.get(username)

    def _has_active_admin(self) -> bool:
        return any(u.live and u.role == Role.ADMIN.value for u in self.by_row.values())

    def prescan(self, inserts: Iterable[Op], in_device_scope: Callable[[str], bool]) -> None:
        """Users created by the batch's ``app_user`` inserts that would be accepted (in op order, so an
        administrator created by the batch may create further users), known to the whole batch."""
        for op in inserts:
            scope = op.fields.get("scope")
            if not isinstance(scope, str) or not in_device_scope(scope):
                continue
            try:
                user = self._check_user_insert(op)
                if user is None:  # made by another user: an administrator known or created before it
                    self.check(op, scope)
                    user = KnownUser.from_fields(op.row_id, op.fields)
            except RoleRefusedError:
                continue
            if user is not None:
                self.batch_users.setdefault(user.username, user)

    # -- the check ----------------------------------------------------------------------------------------

    def check(self, op: Op, row_scope: str) -> None:
        """RoleRefusedError when ``op``'s user may not make it; ``row_scope`` is the row's current scope."""
        if op.tbl == USER_TABLE and op.kind == "insert" and self._check_user_insert(op) is not None:
            return  # an account inserted by itself, accepted by the bootstrap/device rule
        user = self._acting(op)
        identity = user.identity()
        if op.tbl == USER_TABLE and op.row_id == user.row_id and set(op.fields) <= SELF_SERVICE_FIELDS:
            return  # the own password
        actions = actions_for(op.tbl, op.kind, op.fields)
        facilitators = self._families_facilitators(op) if identity.role is Role.FACILITATOR else [None]
        refusal: PermissionDeniedError | None = None
        for action in actions:
            try:
                for facilitator in facilitators:
                    permissions.require(identity, action, row_scope, facilitator)
            except PermissionDeniedError as exc:
                refusal = refusal or exc
                continue
            return
        raise RoleRefusedError(f"Perubahan data {_what(op)} oleh '{user.username}' tidak diterima server: {refusal}")

    def _acting(self, op: Op) -> KnownUser:
        if not op.user:
            raise RoleRefusedError(
                f"Perubahan data {_what(op)} tidak menyebut pengguna yang membuatnya; server hanya menerima "
                "perubahan dari pengguna yang dikenal."
            )
        name = op.user.strip().lower()
        user = self._find(name)
        if user is None:
            raise RoleRefusedError(
                f"Pengguna '{name}' tidak dikenal server; perubahan data {_what(op)} tidak diterima. Akun "
                "harus dibuat oleh administrator kantor Dinsos dan tersinkron lebih dulu."
            )
        if user.deleted:
            raise RoleRefusedError(f"Pengguna '{name}' sudah dihapus di server; perubahan data {_what(op)} ditolak.")
        if not user.active:
            raise RoleRefusedError(
                f"Pengguna '{name}' sudah dinonaktifkan di server; perubahan data {_what(op)} ditolak."
            )
        return user

    def _check_user_insert(self, op: Op) -> KnownUser | None:
        """For an ``app_user`` insert: RoleRefusedError on a username taken by another row; the new user when it
        is inserted by itself and the bootstrap/device rule accepts it; ``None`` when the general role
        check (``users.manage``) decides."""
        new = KnownUser.from_fields(op.row_id, op.fields)
        if new is None:
            raise RoleRefusedError(f"Akun baru {op.row_id} tanpa nama pengguna; perubahan tidak diterima.")
        taken = self.by_name.get(new.username)
        if taken is not None and taken.row_id != op.row_id:
            raise RoleRefusedError(
                f"Nama pengguna '{new.username}' sudah dipakai akun lain di server; ganti nama pengguna di laptop ini."
            )
        if not op.user or op.user.strip().lower() != new.username:
            return None
        scope = new.scope or ""
        if not self._has_active_admin() or permissions.in_scope(self.device_scope, scope):
            return new
        raise RoleRefusedError(
            f"Akun '{new.username}' (wilayah {scope}) hanya dapat dibuat oleh administrator atau oleh perangkat "
            f"yang wilayahnya mencakup akun itu; perangkat ini untuk wilayah {self.device_scope}."
        )

    def _families_facilitators(self, op: Op) -> list[str | None]:
        """The facilitator of each family the op touches (before and after), for a pendamping's op;
        ``[None]`` when the table has no direct family link (role and kecamatan only)."""
        stored = self.stored(op.tbl, op.row_id)
        if op.tbl == "household":
            values = [stored.get("facilitator_id")] if stored else []
            if "facilitator_id" in op.fields or not stored:
                values.append(op.fields.get("facilitator_id"))
            return [v if isinstance(v, str) else "" for v in values] or [""]
        if "household_id" not in op.fields and "household_id" not in stored:
            return [None]
        families = {v for v in (stored.get("household_id"), op.fields.get("household_id")) if isinstance(v, str)}
        return [self._facilitator_of(h) for h in sorted(families)] or [""]

    def _facilitator_of(self, household_id: str) -> str:
        """The family's facilitator ("" for none or an unknown family: no pendamping's own family)."""
        in_batch = self.stored("household", household_id)
        if "facilitator_id" in in_batch:
            value = in_batch["facilitator_id"]
        else:
            query = select(FieldState.value).where(
                FieldState.tbl == "household", FieldState.row_id == household_id, FieldState.field == "facilitator_id"
            )
            found = self.session.scalar(query)
            value = json.loads(found) if found is not None else None
        return value if isinstance(value, str) else ""


def actions_for(tbl: str, kind: str, fields: dict[str, Any]) -> tuple[str, ...]:
    """The actions that may make this op (any one of them suffices)."""
    try:
        actions = TABLE_ACTIONS[tbl]
    except KeyError:
        raise RoleRefusedError(f"Tabel '{tbl}' tidak dikenal server; perubahan tidak diterima.") from None
    if tbl == "enrollment" and kind == "update" and WITHDRAW_FIELDS & set(fields):
        return ("programme.withdraw",)
    if kind == "update":
        for (table, allowed), extra in FIELD_ACTIONS.items():
            if table == tbl and set(fields) <= allowed:
                actions = actions + extra
    return actions


def _what(op: Op) -> str:
    """The op's record for a message, as the app names it (``Keluarga``, ``Anggota``): the laptop shows the
    message beside the row it concerns, so the id is not repeated."""
    return entity_label(op.tbl).lower()
