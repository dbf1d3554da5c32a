"""Issue 7, point 2: every mutating service called as every role; who is refused, and that a refusal
writes nothing.

The expected roles per service (``ALLOWED``) are written out by hand from the issue and the role
decisions in ``services/permissions.py``'s docstring, never read from ``permissions.ACTIONS``: this test
must catch a wrong table (it did: four services disagreed with it when it was written, and were fixed).

Each case: a fresh database with one family of kecamatan A (``tests.role_fixtures``), the service's own
preparation made by an administrator, then one call as the role under test inside a SAVEPOINT that is
rolled back. Refused: ``PermissionDeniedError`` and no row of any table changed. Allowed: no error and
the effect is visible. After the rollback the state is the same as before the call.

Finally an AST scan: every public function of ``simoncer_desktop/services/*.py`` that writes must call a
role check, so a new unguarded service fails here.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher, Type
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import PermissionDeniedError
from simoncer_desktop.models import (
    AffectedFamily,
    Assessment,
    Attachment,
    Attendance,
    Cohort,
    DisasterEvent,
    Distribution,
    Enrollment,
    Entitlement,
    EventEntitlement,
    FollowUpVisit,
    GraduationDecision,
    Household,
    Member,
    NaturalGraduationProposal,
    NaturalGraduationRun,
    ProgrammeSession,
    Questionnaire,
    ReliefItem,
    Setting,
    StageCorrection,
    StageRecord,
    StockMovement,
    User,
)
from simoncer_desktop.models.base import Base
from simoncer_desktop.models.enums import Role
from simoncer_desktop.services import (
    acting,
    auth,
    caseload,
    caseload_import,
    conflict_resolution,
    demo_data,
    demo_relief,
    programme_withdraw,
)
from simoncer_desktop.services import assessment as asm
from simoncer_desktop.services import attachments as att
from simoncer_desktop.services import natural_graduation as ng
from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_decision as dec
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services import relief_events as ev
from simoncer_desktop.services import relief_victims as rv
from simoncer_desktop.services.auth import UserInput
from simoncer_desktop.services.permissions import Identity
from simoncer_desktop.services.programme import StageInput
from simoncer_desktop.services.relief_distribution import (
    DistributionInput,
    apply_entitlement,
    distribute,
    event_entitlements,
    remove_entitlement,
)
from simoncer_desktop.services.relief_events import AreaInput, EventInput
from simoncer_desktop.services.relief_reference import DEFAULT_ENTITLEMENTS, add_item, item_id_for, set_entitlement
from simoncer_desktop.services.relief_stock import ReceiptInput, receive_stock
from simoncer_desktop.services.settings import set_setting
from simoncer_desktop.store import Database
from tests import role_fixtures as rf
from tests.factories import KECAMATAN, KELURAHAN, family, member
from tests.role_fixtures import ENROLLED, FAC_OWN, IDENTITIES, OCCURRED, ROLE_KEYS, SETUP, TODAY, World
from tests.sheets import family_rows, write_xlsx

OP_A, OP_B, PD_OWN, PD_OTHER, SUP, ADM, VIEW, NOBODY = ROLE_KEYS
OFFICE = frozenset({OP_A, SUP, ADM})
"""Operator of the record's kecamatan, supervisor, admin."""
FIELD = OFFICE | {PD_OWN}
"""The same plus the family's own pendamping."""
DECIDERS = frozenset({SUP, ADM})
ADMIN_ONLY = frozenset({ADM})

# --- the expected table, by hand -------------------------------------------------------------------
# Reading of issue 7 and of the role decisions in permissions.py's docstring:
#   operator: caseload, programme and relief data of its own kecamatan; may enter a graduation
#     proposal, never decide one.
#   pendamping: its own families only (assessments, programme stages/sessions/attendance, follow-ups,
#     graduation proposals); no household master data, no import, no withdrawal, no relief.
#   supervisor: what an operator does, everywhere; decides graduations and natural-graduation runs,
#     corrects passed stages. Not users, settings or reference data.
#   admin: everything; users, settings, reference data (questionnaires, relief items and the aid index)
#     and maintenance (demo data) are admin-only.
#   viewer and nobody signed in: no writes at all.
ALLOWED: dict[str, frozenset[str]] = {
    # caseload
    "caseload.create_household": OFFICE,
    "caseload.update_household": OFFICE,
    "caseload.delete_household": OFFICE,
    "caseload.add_member": OFFICE,
    "caseload.update_member": OFFICE,
    "caseload.delete_member": OFFICE,
    "caseload_import.import_caseload": OFFICE,
    # graduation programme
    "assessment.record_assessment": FIELD,
    "assessment.publish_version": ADMIN_ONLY,
    "programme.create_cohort": OFFICE,
    "programme.enroll": FIELD,
    "programme.update_stage": FIELD,
    "programme_progress.add_session": FIELD,
    "programme_progress.record_attendance": FIELD,
    "programme_progress.pass_stage": FIELD,
    "programme_progress.correct_stage": DECIDERS,
    "programme_withdraw.withdraw": OFFICE,
    "programme_decision.propose_graduation": FIELD,
    "programme_decision.decide_graduation": DECIDERS,
    "programme_decision.record_follow_up": FIELD,
    "natural_graduation.propose": DECIDERS,
    "natural_graduation_runs.decide": DECIDERS,
    "natural_graduation_runs.apply_run": DECIDERS,
    # disaster relief (all on kecamatan A's event / warehouse)
    "relief_events.create_event": OFFICE,
    "relief_events.update_event": OFFICE,
    "relief_events.close_event": OFFICE,
    "relief_events.reopen_event": OFFICE,
    "relief_victims.register_family": OFFICE,
    "relief_victims.update_family": OFFICE,
    "relief_stock.receive_stock": OFFICE,
    "relief_reference.add_item": ADMIN_ONLY,
    "relief_reference.set_entitlement": ADMIN_ONLY,
    "relief_distribution_due.apply_entitlement": OFFICE,
    "relief_distribution_due.remove_entitlement": OFFICE,
    "relief_distribution.distribute": OFFICE,
    "attachments.add_attachment": OFFICE,
    # administration
    "settings.set_setting": ADMIN_ONLY,
    "demo_data.generate": ADMIN_ONLY,
    "demo_relief.generate": ADMIN_ONLY,
    "auth.create_user": ADMIN_ONLY,
    "auth.set_active": ADMIN_ONLY,
    "auth.reset_password": ADMIN_ONLY,
    # sync conflicts (issue 8): reinstating a losing value is the deciders' (on a family of kecamatan A)
    "conflict_resolution.reinstate": DECIDERS,
}


# --- the cases -------------------------------------------------------------------------------------

Prepare = Callable[[Session, World], Any]
Call = Callable[[Session, World, Any, "Identity | None"], object]
Effect = Callable[[Session, World, Any], object]


@dataclass(frozen=True)
class Case:
    call: Call
    effect: Effect
    """What the call changes, read from the database (compared before/after)."""
    prepare: Prepare = lambda s, w: None


def count(model: type, *where: Any) -> Effect:
    return lambda s, w, ctx: s.scalar(select(func.count()).select_from(model).where(*where))


def column(col: Any, pick: Callable[[World, Any], tuple[Any, ...]]) -> Effect:
    """``col`` of the row whose id ``pick(world, ctx)`` returns (first element: the id)."""

    def read(s: Session, w: World, ctx: Any) -> object:
        model = col.class_
        return s.scalar(select(col).where(model.id == pick(w, ctx)[0]))

    return read


def _hh(w: World, ctx: Any) -> tuple[str]:
    return (w.household,)


def _ctx(w: World, ctx: Any) -> tuple[Any]:
    return (ctx,)


def _enrollment(w: World, ctx: tuple[str, str]) -> tuple[str]:
    return (ctx[1],)


def _updated_household() -> caseload.HouseholdInput:
    data, _ = family(1)
    data.facilitator_id = FAC_OWN
    data.address = "Jl. Kenanga No. 9"
    return data


def _new_household(s: Session, w: World, ctx: Any, who: Identity | None) -> str:
    data, members = family(2)
    data.facilitator_id = FAC_OWN
    return caseload.create_household(s, data, members)


def _import_file(s: Session, w: World) -> Path:
    return write_xlsx(w.tmp / "impor.xlsx", family_rows(*family(5)))


def _session_of_cohort(s: Session, w: World) -> tuple[str, str]:
    _, enrollment = rf.enrolled(s, w)
    cohort_id = s.scalar(select(Enrollment.cohort_id).where(Enrollment.id == enrollment))
    return enrollment, progress.add_session(s, cohort_id, 1, date(2026, 1, 15), topic="Sesi uji")


def _decided_run(s: Session, w: World) -> str:
    run = rf.ng_run(s)
    ng.decide(s, run, "all", "disetujui", "Kasi PKH", date(2026, 10, 6))
    return run


def _closed_event(s: Session, w: World) -> str:
    event_id = rf.event(s)
    ev.close_event(s, event_id, TODAY, "Operator Uji")
    return event_id


def _registered(s: Session, w: World) -> str:
    return rv.register_family(s, rf.event(s), rf.victim_family(), "Operator Uji")


def _update_family(s: Session, w: World, family_id: str, who: Identity | None) -> None:
    form = rv.get_family(s, family_id).to_input()
    form.damage = "ringan"
    rv.update_family(s, family_id, form)


def _event_with_rice(s: Session, w: World) -> str:
    event_id = rf.event(s)
    apply_entitlement(s, event_id, "beras")
    return event_id


def _ready_to_distribute(s: Session, w: World) -> DistributionInput:
    receive_stock(s, ReceiptInput(item_id_for("beras"), 100, date(2026, 11, 1), "kementerian"), "Operator Gudang")
    event_id = _event_with_rice(s, w)
    family_id = rv.register_family(s, event_id, rf.victim_family(), "Operator Uji")
    rice = next(e.id for e in event_entitlements(s, event_id) if e.code == "beras")
    return DistributionInput(rice, family_id, None, TODAY, "Rina Marlina", confirmed=True)


def _photo(s: Session, w: World) -> tuple[str, Path]:
    path = w.tmp / "rumah.jpg"
    Image.new("RGB", (64, 48), (200, 60, 30)).save(path, "JPEG")
    return rf.event(s), path


def _old_user(s: Session, w: World) -> None:
    auth.create_user(s, SETUP, UserInput("viewer.lama", "Viewer Lama", Role.VIEWER, "sementara-123"))


_RICE_INDEX = replace(next(e for e in DEFAULT_ENTITLEMENTS if e.code == "beras"), amount=12)
_LIVE_ENTITLEMENTS = count(EventEntitlement, EventEntitlement.deleted.is_(False))

CASES: dict[str, Case] = {
    # caseload
    "caseload.create_household": Case(_new_household, count(Household)),
    "caseload.update_household": Case(
        lambda s, w, ctx, who: caseload.update_household(s, w.household, _updated_household()),
        column(Household.address, _hh),
    ),
    "caseload.delete_household": Case(
        lambda s, w, ctx, who: caseload.delete_household(s, w.household), column(Household.deleted, _hh)
    ),
    "caseload.add_member": Case(
        lambda s, w, ctx, who: caseload.add_member(
            s, w.household, member("Oma Iyah", date(1960, 3, 3), "P", 19, relation="orang_tua")
        ),
        count(Member, Member.deleted.is_(False)),
    ),
    "caseload.update_member": Case(
        lambda s, w, ctx, who: caseload.update_member(
            s, w.toddler, member("Asep Hidayat Saputra", date(2023, 1, 5), "L", 14)
        ),
        column(Member.name, lambda w, ctx: (w.toddler,)),
    ),
    "caseload.delete_member": Case(
        lambda s, w, ctx, who: caseload.delete_member(s, w.toddler),
        column(Member.deleted, lambda w, ctx: (w.toddler,)),
    ),
    "caseload_import.import_caseload": Case(
        lambda s, w, path, who: caseload_import.import_caseload(s, path, today=date(2026, 11, 25)),
        count(Household),
        _import_file,
    ),
    # graduation programme
    "assessment.record_assessment": Case(
        lambda s, w, ctx, who: asm.record_assessment(
            s, w.household, rf.answers_best(), date(2026, 9, 1), "Rina", today=TODAY
        ),
        count(Assessment),
    ),
    "assessment.publish_version": Case(
        lambda s, w, ctx, who: asm.publish_version(s, asm.DEFAULT_DEFINITION, date(2026, 1, 1), "Asesmen versi 2"),
        count(Questionnaire),
    ),
    "programme.create_cohort": Case(lambda s, w, ctx, who: rf.cohort(s), count(Cohort)),
    "programme.enroll": Case(
        lambda s, w, cohort_id, who: prog.enroll(s, cohort_id, w.household, w.mother, ENROLLED),
        count(Enrollment),
        lambda s, w: rf.cohort(s),
    ),
    "programme.update_stage": Case(
        lambda s, w, ctx, who: prog.update_stage(s, ctx[1], 1, StageInput(partner="Mitra Uji")),
        lambda s, w, ctx: s.scalar(
            select(StageRecord.partner).where(StageRecord.enrollment_id == ctx[1], StageRecord.stage == 1)
        ),
        rf.enrolled,
    ),
    "programme_progress.add_session": Case(
        lambda s, w, cohort_id, who: progress.add_session(s, cohort_id, 2, date(2026, 2, 1), topic="Sesi uji"),
        count(ProgrammeSession),
        lambda s, w: rf.cohort(s),
    ),
    "programme_progress.record_attendance": Case(
        lambda s, w, ctx, who: progress.record_attendance(s, ctx[1], {ctx[0]: True}),
        count(Attendance),
        _session_of_cohort,
    ),
    "programme_progress.pass_stage": Case(
        lambda s, w, ctx, who: progress.pass_stage(s, ctx[1], 1, date(2026, 1, 20), "Rina"),
        column(Enrollment.stage, _enrollment),
        rf.enrolled,
    ),
    "programme_progress.correct_stage": Case(
        lambda s, w, ctx, who: progress.correct_stage(
            s, ctx[1], 3, "Tahap 1–2 sudah dijalani di kohort lama", "Kasi Dedi", date(2026, 2, 1)
        ),
        count(StageCorrection),
        rf.enrolled,
    ),
    "programme_withdraw.withdraw": Case(
        lambda s, w, ctx, who: programme_withdraw.withdraw(s, ctx[1], date(2026, 2, 1), "Pindah domisili", "Uji"),
        column(Enrollment.withdrawn_on, _enrollment),
        rf.enrolled,
    ),
    "programme_decision.propose_graduation": Case(
        lambda s, w, assessment, who: dec.propose_graduation(
            s, w.household, assessment, "Usaha jahit mandiri", "Rina", date(2026, 10, 5)
        ),
        count(GraduationDecision),
        rf.assessed,
    ),
    "programme_decision.decide_graduation": Case(
        lambda s, w, decision, who: dec.decide_graduation(s, decision, True, "Kasi Dedi", date(2026, 10, 31)),
        column(GraduationDecision.status, _ctx),
        rf.proposed,
    ),
    "programme_decision.record_follow_up": Case(
        lambda s, w, visit, who: dec.record_follow_up(s, visit, date(2026, 11, 20), True, "Usaha berjalan"),
        column(FollowUpVisit.visited_on, _ctx),
        rf.graduated,
    ),
    "natural_graduation.propose": Case(
        lambda s, w, ctx, who: ng.propose(s, "2026Q3", "Kasi Uji", on=date(2026, 10, 5)),
        count(NaturalGraduationRun),
        lambda s, w: rf.aged_out(s),
    ),
    "natural_graduation_runs.decide": Case(
        lambda s, w, run, who: ng.decide(s, run, "all", "disetujui", "Kasi PKH", date(2026, 10, 6)),
        count(NaturalGraduationProposal, NaturalGraduationProposal.decision == "disetujui"),
        lambda s, w: rf.ng_run(s),
    ),
    "natural_graduation_runs.apply_run": Case(
        lambda s, w, run, who: ng.apply_run(s, run, "Kepala Dinas", date(2026, 10, 7)),
        column(NaturalGraduationRun.applied_on, _ctx),
        _decided_run,
    ),
    # disaster relief
    "relief_events.create_event": Case(lambda s, w, ctx, who: rf.event(s), count(DisasterEvent)),
    "relief_events.update_event": Case(
        lambda s, w, event_id, who: ev.update_event(
            s,
            event_id,
            EventInput(
                "banjir", "Banjir uji peran (diperbarui)", OCCURRED, KECAMATAN, [AreaInput(KELURAHAN, "3", "7")]
            ),
        ),
        column(DisasterEvent.title, _ctx),
        lambda s, w: rf.event(s),
    ),
    "relief_events.close_event": Case(
        lambda s, w, event_id, who: ev.close_event(s, event_id, TODAY, "Operator Uji"),
        column(DisasterEvent.status, _ctx),
        lambda s, w: rf.event(s),
    ),
    "relief_events.reopen_event": Case(
        lambda s, w, event_id, who: ev.reopen_event(s, event_id), column(DisasterEvent.status, _ctx), _closed_event
    ),
    "relief_victims.register_family": Case(
        lambda s, w, event_id, who: rv.register_family(s, event_id, rf.victim_family(), "Operator Uji"),
        count(AffectedFamily),
        lambda s, w: rf.event(s),
    ),
    "relief_victims.update_family": Case(_update_family, column(AffectedFamily.damage, _ctx), _registered),
    "relief_stock.receive_stock": Case(
        lambda s, w, ctx, who: receive_stock(
            s, ReceiptInput(item_id_for("beras"), 10, date(2026, 11, 1), "kementerian", scope=KECAMATAN), "Gudang"
        ),
        count(StockMovement),
    ),
    "relief_reference.add_item": Case(
        lambda s, w, ctx, who: add_item(s, "terpal_uji", "Terpal uji", "lembar"), count(ReliefItem)
    ),
    "relief_reference.set_entitlement": Case(
        lambda s, w, ctx, who: set_entitlement(s, _RICE_INDEX, date(2026, 7, 1)), count(Entitlement)
    ),
    "relief_distribution_due.apply_entitlement": Case(
        lambda s, w, event_id, who: apply_entitlement(s, event_id, "beras"),
        _LIVE_ENTITLEMENTS,
        lambda s, w: rf.event(s),
    ),
    "relief_distribution_due.remove_entitlement": Case(
        lambda s, w, event_id, who: remove_entitlement(s, event_id, "beras"), _LIVE_ENTITLEMENTS, _event_with_rice
    ),
    "relief_distribution.distribute": Case(
        lambda s, w, data, who: distribute(s, data, "Petugas Uji"), count(Distribution), _ready_to_distribute
    ),
    "attachments.add_attachment": Case(
        lambda s, w, ctx, who: att.add_attachment(s, "kejadian", ctx[0], ctx[1], "operator uji"),
        count(Attachment),
        _photo,
    ),
    # administration
    "settings.set_setting": Case(
        lambda s, w, ctx, who: set_setting(s, "attendance_threshold", 0.75, valid_from=date(2026, 1, 1)),
        count(Setting),
    ),
    "demo_data.generate": Case(
        lambda s, w, ctx, who: demo_data.generate(s, families=2, seed=11, region=KECAMATAN), count(Household)
    ),
    "demo_relief.generate": Case(
        lambda s, w, ctx, who: demo_relief.generate(s, victims=4, seed=5), count(DisasterEvent)
    ),
    "auth.create_user": Case(
        lambda s, w, ctx, who: auth.create_user(
            s,
            who,
            UserInput("pengguna.baru", "Pengguna Baru", Role.VIEWER, "sementara-123"),  # type: ignore[arg-type]
        ),
        count(User),
    ),
    "auth.set_active": Case(
        lambda s, w, ctx, who: auth.set_active(s, who, "viewer.lama", False),  # type: ignore[arg-type]
        lambda s, w, ctx: s.scalar(select(User.active).where(User.username == "viewer.lama")),
        _old_user,
    ),
    "auth.reset_password": Case(
        lambda s, w, ctx, who: auth.reset_password(s, who, "viewer.lama", "reset-sandi-99"),  # type: ignore[arg-type]
        lambda s, w, ctx: s.scalar(select(User.password_hash).where(User.username == "viewer.lama")),
        _old_user,
    ),
    # sync conflicts
    "conflict_resolution.reinstate": Case(
        lambda s, w, ctx, who: conflict_resolution.reinstate(s, "household", w.household, "address", "Jl. Kalah No. 3"),
        column(Household.address, _hh),
    ),
}


def _params() -> list[Any]:
    return [pytest.param(service, role, id=f"{service}-{role}") for service in CASES for role in ROLE_KEYS]


@pytest.fixture
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID))


def test_the_table_covers_every_case_and_only_known_roles() -> None:
    assert set(ALLOWED) == set(CASES)
    assert all(roles <= set(ROLE_KEYS) for roles in ALLOWED.values())
    assert not any(ALLOWED[service] & {VIEW, NOBODY} for service in ALLOWED)  # viewer: reports only


@pytest.mark.parametrize(("service", "role"), _params())
def test_service_as_role(db: Database, tmp_path: Path, fast_hasher: None, service: str, role: str) -> None:
    case = CASES[service]
    who = IDENTITIES[role]
    s = db.sessions()
    try:
        s.begin()
        world = rf.build_world(s, tmp_path)
        ctx = case.prepare(s, world)
        s.flush()
        rows_before = rf.row_counts(s)
        effect_before = case.effect(s, world, ctx)

        savepoint = s.begin_nested()
        try:
            acting.bind(s, who)
            if role in ALLOWED[service]:
                case.call(s, world, ctx, who)
                s.flush()
                assert case.effect(s, world, ctx) != effect_before, f"{service} as {role}: no visible effect"
            else:
                with pytest.raises(PermissionDeniedError):
                    case.call(s, world, ctx, who)
                assert case.effect(s, world, ctx) == effect_before, f"{service} as {role}: refused but changed"
                assert rf.row_counts(s) == rows_before, f"{service} as {role}: refused but rows written"
        finally:
            savepoint.rollback()
            acting.bind(s, SETUP)

        # Every role starts from the same state: the savepoint took everything back.
        assert case.effect(s, world, ctx) == effect_before
        assert rf.row_counts(s) == rows_before
    finally:
        s.rollback()
        s.close()


# --- AST scan: every writing service function checks a role -------------------------------------------

SERVICES = Path(caseload.__file__).parent
ALLOW_UNGUARDED = {
    # internal seeding and set-up helpers, run before anyone can sign in or by guarded callers
    "reference.ensure_reference_data",
    "reference.seed_defaults",
    "reference.load_wilayah",
    "assessment.seed_default_questionnaire",
    "relief_reference.seed_relief_defaults",
    "settings.store_setting",
    "audit.record",
    "bulk_write.triggers_deferred",
    "bulk_write.refresh_families",
    "search_index.rebuild",
    # the account's own actions (sign-in, own password) and the first-run administrator
    "auth.login",
    "auth.change_password",
    "auth.create_first_admin",
}
_SQL_WRITES = {"insert", "update", "delete"}
_SESSION_WRITES = {"add", "add_all", "flush", "delete", "merge", "bulk_save_objects", "bulk_insert_mappings"}
_LOADERS = {"get", "scalar", "scalars", "get_one"}
_GUARDS = {"require", "require_for_household"}
_MODELS = {m.class_.__name__ for m in Base.registry.mappers}


def _names(*nodes: ast.AST) -> set[str]:
    return {n.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.Name)}


def _returns_models(trees: dict[str, ast.Module]) -> set[str]:
    """Service functions declared to return a model row (``_live_user(...) -> User``)."""
    return {
        fn.name
        for tree in trees.values()
        for fn in tree.body
        if isinstance(fn, ast.FunctionDef) and fn.returns is not None and _names(fn.returns) & _MODELS
    }


class _Scan:
    """Per module-level function: does it write, does it check a role, which functions it calls."""

    def __init__(self, tree: ast.Module, row_returning: set[str]) -> None:
        self.sql = {
            a.asname or a.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy")
            for a in node.names
            if a.name in _SQL_WRITES
        }
        self.row_returning = row_returning
        self.functions = {fn.name: fn for fn in tree.body if isinstance(fn, ast.FunctionDef)}
        self.facts = {name: self._facts(fn) for name, fn in self.functions.items()}

    def _sessions(self, fn: ast.FunctionDef) -> set[str]:
        names = {"session"}
        for arg in fn.args.args + fn.args.kwonlyargs:
            if arg.annotation is not None and ("Session" in ast.unparse(arg.annotation)):
                names.add(arg.arg)
        return names

    def _loads_rows(self, value: ast.expr, sessions: set[str], rows: set[str]) -> bool:
        """An ORM row of the session (a mutation of it is a write): ``session.get/scalar(s)`` of a
        model, a helper given the session and a model, a helper returning a model, or part of a row."""
        root = value
        while isinstance(root, (ast.Attribute, ast.Subscript)):
            root = root.value
        if isinstance(root, ast.Name) and root.id in rows - sessions:
            return True
        while (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr
            in {
                "all",
                "first",
                "one",
                "one_or_none",
            }
        ):
            value = value.func.value
        if not isinstance(value, ast.Call):
            return False
        func_ = value.func
        args = _names(*value.args, *(k.value for k in value.keywords))
        if isinstance(func_, ast.Attribute) and isinstance(func_.value, ast.Name) and func_.value.id in sessions:
            return func_.attr in _LOADERS and bool(args & _MODELS)
        name = func_.id if isinstance(func_, ast.Name) else func_.attr if isinstance(func_, ast.Attribute) else ""
        return name in self.row_returning or bool(args & sessions and args & _MODELS)

    def _mutates_rows(self, fn: ast.FunctionDef, sessions: set[str]) -> bool:
        rows = set(sessions)
        nodes = list(ast.walk(fn))
        grown = True
        while grown:
            grown = False
            for node in nodes:
                if isinstance(node, ast.Assign):
                    targets, value = node.targets, node.value
                elif isinstance(node, (ast.For, ast.comprehension)):
                    targets, value = [node.target], node.iter
                else:
                    continue
                if not self._loads_rows(value, sessions, rows):
                    continue
                for name in _names(*targets) - rows:
                    rows.add(name)
                    grown = True
        for node in nodes:
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AugAssign | ast.AnnAssign):
                targets = [node.target]
            else:
                continue
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, ast.Attribute) and isinstance(part.ctx, ast.Store):
                        root = part.value
                        while isinstance(root, ast.Attribute):
                            root = root.value
                        if isinstance(root, ast.Name) and root.id in rows - sessions:
                            return True
        return False

    def _facts(self, fn: ast.FunctionDef) -> tuple[bool, bool, set[str]]:
        sessions = self._sessions(fn)
        writes = guarded = False
        calls: set[str] = set()
        for node in ast.walk(fn):
            if not isinstance(node, ast.Call):
                continue
            func_ = node.func
            if isinstance(func_, ast.Name):
                calls.add(func_.id)
                writes |= func_.id in self.sql
                guarded |= func_.id in _GUARDS
                if func_.id == "text" and node.args and isinstance(node.args[0], ast.Constant):
                    writes |= str(node.args[0].value).lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
            elif isinstance(func_, ast.Attribute):
                receiver = ast.unparse(func_.value)
                guarded |= func_.attr in _GUARDS and receiver in {"acting", "permissions"}
                writes |= func_.attr == "exec_driver_sql"
                writes |= func_.attr in _SESSION_WRITES and receiver in sessions
        writes = writes or self._mutates_rows(fn, sessions)
        return writes, guarded, calls

    def _through_private(self, name: str, index: int, seen: set[str]) -> bool:
        """The fact holds for ``name`` or a private helper of the module it calls (transitively)."""
        if name in seen:
            return False
        seen.add(name)
        facts = self.facts[name]
        if facts[index]:
            return True
        helpers = (c for c in facts[2] if c.startswith("_") and c in self.facts)
        return any(self._through_private(c, index, seen) for c in helpers)

    def public_writers(self) -> dict[str, bool]:
        """Public function → whether it checks a role."""
        return {
            name: self._through_private(name, 1, set())
            for name in self.functions
            if not name.startswith("_") and self._through_private(name, 0, set())
        }


def _scan_services() -> dict[str, bool]:
    trees = {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(SERVICES.glob("*.py"))}
    row_returning = _returns_models(trees)
    return {
        f"{module}.{name}": guarded
        for module, tree in trees.items()
        for name, guarded in _Scan(tree, row_returning).public_writers().items()
    }


WRITERS = _scan_services()


def test_the_scan_finds_the_writers_it_must() -> None:
    """The scan itself works: the known guarded services are found as writers, including those that
    write only by changing loaded rows, and the allow-list names real writers (no stale entry)."""
    for name in (
        "caseload.create_household",
        "import_write.apply_import",
        "natural_graduation_runs.decide",
        "auth.set_active",
        "auth.reset_password",
        "relief_distribution_due.remove_entitlement",
        "attachments.add_attachment",
    ):
        assert name in WRITERS, name
    stale = {name for name in ALLOW_UNGUARDED if name not in WRITERS and name != "reference.ensure_reference_data"}
    assert not stale, f"allow-listed but not found writing: {sorted(stale)}"


def test_the_scan_flags_an_unguarded_writer() -> None:
    source = """
from sqlalchemy import update
from simoncer_desktop.services import acting

def guarded(session: Session, hh_id: str) -> None:
    acting.require(session, "caseload.edit")
    session.execute(update(Household).values(desil=1))

def by_statement(session: Session) -> None:
    session.execute(update(Household).values(desil=1))

def by_row(session: Session, hh_id: str) -> None:
    hh = session.get(Household, hh_id)
    hh.desil = 2

def by_helper(session: Session) -> None:
    _write(session)

def _write(session: Session) -> None:
    session.add(Household())

def read_only(session: Session) -> int:
    counts = {}
    for row in session.execute(select(Household.id)):
        counts[row.id] = 1
    return len(counts)
"""
    found = _Scan(ast.parse(source), set()).public_writers()
    assert found == {"guarded": True, "by_statement": False, "by_row": False, "by_helper": False}


@pytest.mark.parametrize("function", sorted(set(WRITERS) - ALLOW_UNGUARDED))
def test_every_writing_service_checks_a_role(function: str) -> None:
    assert WRITERS[function], f"{function} writes without acting.require / require_for_household / permissions.require"
