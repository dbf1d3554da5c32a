"""Permissions: every action against every role (the table below is the rule, written out by hand so a
change to ``ACTIONS`` must be made twice), and the scope refusals."""

from __future__ import annotations

import pytest

from simoncer_desktop.errors import PermissionDeniedError
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services.permissions import ACTION_LABELS, ACTIONS, Identity, can, require

OP, PD, SU, AD, VI = "operator", "pendamping", "supervisor", "admin", "viewer"

WHO_MAY: dict[str, set[str]] = {
    "caseload.edit": {OP, SU, AD},
    "caseload.import": {OP, SU, AD},
    "assessment.record": {OP, PD, SU, AD},
    "questionnaire.publish": {AD},
    "programme.cohort": {OP, SU, AD},
    "programme.enroll": {OP, PD, SU, AD},
    "programme.session": {OP, PD, SU, AD},
    "programme.stage": {OP, PD, SU, AD},
    "programme.correct_stage": {SU, AD},
    "programme.withdraw": {OP, SU, AD},
    "programme.follow_up": {OP, PD, SU, AD},
    "graduation.propose": {OP, PD, SU, AD},
    "graduation.decide": {SU, AD},
    "natural_graduation.run": {SU, AD},
    "natural_graduation.decide": {SU, AD},
    "natural_graduation.apply": {SU, AD},
    "relief.event": {OP, SU, AD},
    "relief.register": {OP, SU, AD},
    "relief.stock": {OP, SU, AD},
    "relief.item": {AD},  # reference data: admin only
    "relief.entitlement_index": {AD},
    "relief.event_entitlement": {OP, SU, AD},
    "relief.distribute": {OP, SU, AD},
    "attachment.add": {OP, SU, AD},
    "settings.edit": {AD},
    "reference.edit": {AD},
    "users.manage": {AD},
    "maintenance.run": {AD},
    "audit.view": {SU, AD},
    "sync.run": {OP, PD, SU, AD},
    "sync.enroll": {AD},
    "conflict.resolve": {SU, AD},
    "reports.export": {OP, PD, SU, AD, VI},
}

KEC = "32.71.01"
OTHER_KEC = "32.71.02"
FACILITATOR_ID = "0190f5a0-0000-7000-8000-000000000001"


def identity(role: Role) -> Identity:
    scope = KEC if role in (Role.OPERATOR, Role.FACILITATOR) else "*"
    fac = FACILITATOR_ID if role is Role.FACILITATOR else None
    return Identity("id-" + role.value, role.value, role.label, role, scope, fac)


def test_the_table_names_every_action_and_every_action_has_a_label() -> None:
    assert set(ACTIONS) == set(WHO_MAY)
    assert set(ACTION_LABELS) == set(ACTIONS)
    for action in ACTIONS:
        assert action.count(".") == 1, action


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("action", sorted(WHO_MAY))
def test_every_action_for_every_role(action: str, role: Role) -> None:
    who = identity(role)
    allowed = role.value in WHO_MAY[action]
    assert (role in ACTIONS[action]) is allowed
    if allowed:
        require(who, action)
        require(who, action, kecamatan=KEC)
        assert can(who, action, kecamatan=KEC)
    else:
        with pytest.raises(PermissionDeniedError) as err:
            require(who, action, kecamatan=KEC)
        assert role.label in str(err.value) and ACTION_LABELS[action] in str(err.value)
        assert not can(who, action)


def test_viewer_may_do_nothing_but_export_reports() -> None:
    viewer = identity(Role.VIEWER)
    assert [a for a in ACTIONS if can(viewer, a)] == ["reports.export"]


def test_operator_only_in_its_kecamatan() -> None:
    op = identity(Role.OPERATOR)
    require(op, "caseload.edit", kecamatan=KEC)
    require(op, "caseload.edit", kecamatan=KEC + ".1001")  # a kelurahan of its kecamatan
    with pytest.raises(PermissionDeniedError, match=f"Operator hanya boleh mengubah data keluarga di wilayah {KEC}"):
        require(op, "caseload.edit", kecamatan=OTHER_KEC)
    with pytest.raises(PermissionDeniedError):
        require(op, "relief.distribute", kecamatan=OTHER_KEC + ".1001")
    with pytest.raises(PermissionDeniedError):
        require(op, "relief.event", kecamatan="*")  # deployment-wide rows are not one kecamatan's
    with pytest.raises(PermissionDeniedError):
        require(op, "caseload.edit", kecamatan="32.71.011")  # a prefix of the text is not the region


def test_pendamping_only_its_own_families() -> None:
    pd = identity(Role.FACILITATOR)
    require(pd, "graduation.propose", kecamatan=KEC, facilitator_id=FACILITATOR_ID)
    with pytest.raises(PermissionDeniedError, match="keluarga dampingannya sendiri"):
        require(pd, "graduation.propose", kecamatan=KEC, facilitator_id="someone-else")
    with pytest.raises(PermissionDeniedError, match="wilayah"):
        require(pd, "assessment.record", kecamatan=OTHER_KEC, facilitator_id=FACILITATOR_ID)
    with pytest.raises(PermissionDeniedError, match="Pendamping tidak berwenang memutuskan graduasi"):
        require(pd, "graduation.decide", kecamatan=KEC, facilitator_id=FACILITATOR_ID)


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN], ids=lambda r: r.value)
def test_supervisor_and_admin_cover_every_kecamatan(role: Role) -> None:
    who = identity(role)
    for kecamatan in (KEC, OTHER_KEC, "32.71.06.1003", "*"):
        require(who, "graduation.decide", kecamatan=kecamatan, facilitator_id="anyone")


def test_facilitator_id_is_ignored_for_other_roles() -> None:
    require(identity(Role.OPERATOR), "assessment.record", kecamatan=KEC, facilitator_id="someone-else")


def test_an_unknown_action_is_a_programming_error() -> None:
    with pytest.raises(KeyError, match="unknown action"):
        require(identity(Role.ADMIN), "caseload.edti")
