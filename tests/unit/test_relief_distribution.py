"""Relief distributions: entitlements applied to an event, eligibility by basis, the deterministic key,
the duplicate refusal with the earlier record, and every refusal leaving the database as it was."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import AffectedFamily, DisasterEvent, Distribution, EventEntitlement, StockMovement, Victim
from simoncer_desktop.services.relief_distribution import (
    DistributionInput,
    DuplicateDistributionError,
    apply_entitlement,
    beneficiary_key,
    distribute,
    distribution_id,
    due_for_family,
    event_entitlements,
    list_distributions,
    remove_entitlement,
)
from simoncer_desktop.services.relief_reference import DEFAULT_ENTITLEMENTS
from simoncer_desktop.services.relief_stock import ReceiptInput, balance, receive_stock
from simoncer_desktop.store import Database
from tests.keys import open_test_database
from tests.relief_rows import FamilySpec, PersonSpec, make_event, make_family

ON = date(2026, 11, 21)
OFFICER = "Petugas Uji"


@dataclass
class Scene:
    event_id: str
    heavy: str
    """Family with a heavily damaged house: a displaced mother, a child, a deceased grandfather (heir
    Ujang Supriatna), a seriously injured uncle and a lightly injured aunt."""
    light: str
    """Family with light damage: one person, not displaced."""
    people: dict[str, str]
    """Victim id by name."""


def build(s: Session, event: DisasterEvent | None = None, serial: int = 1) -> Scene:
    for code in ("beras", "selimut", "tikar", "family_kit", "paket_sembako"):
        item_id = stable_id("relief_item", code)
        receive_stock(s, ReceiptInput(item_id, 100, date(2026, 11, 1), "kementerian"), "Operator Gudang")
    event = event or make_event(s)
    for entitlement in DEFAULT_ENTITLEMENTS:
        apply_entitlement(s, event.id, entitlement.code, days=3)
    heavy = make_family(
        s,
        event,
        serial,
        FamilySpec(
            "Rina Marlina",
            damage="berat",
            people=[
                PersonSpec("Rina Marlina", displaced=True),
                PersonSpec("Dede Kurnia", sex="L", born=date(2015, 4, 2)),
                PersonSpec("Oman Rukmana", sex="L", born=date(1950, 1, 9), deceased=True, heir_name="Ujang Supriatna"),
                PersonSpec("Cecep Gunawan", sex="L", born=date(1990, 3, 3), injury="berat"),
                PersonSpec("Euis Komariah", born=date(1992, 7, 7), injury="ringan", with_nik=False),
            ],
        ),
    )
    light = make_family(s, event, serial + 1, FamilySpec("Yayat Suryana", damage="ringan"))
    people = {v.name: v.id for v in s.scalars(select(Victim).where(Victim.event_id == event.id))}
    return Scene(event.id, heavy.id, light.id, people)


@pytest.fixture
def scene(db: Database) -> Scene:
    with db.transaction() as s:
        return build(s)


def entitlement_id(db: Database, event_id: str, code: str) -> str:
    with db.read() as s:
        return next(e.id for e in event_entitlements(s, event_id) if e.code == code)


def give(
    db: Database,
    scene: Scene,
    code: str,
    family_id: str | None = None,
    person: str | None = None,
    recipient: str | None = None,
    **changes: object,
) -> str:
    data = DistributionInput(
        entitlement_id(db, scene.event_id, code),
        family_id or scene.heavy,
        scene.people[person] if person else None,
        ON,
        recipient or person or "Rina Marlina",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    with db.transaction() as s:
        return distribute(s, data, OFFICER)


def rows(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Distribution, StockMovement, EventEntitlement)
        )


def refused(db: Database, scene: Scene, code: str, **kwargs: object) -> dict[str, str]:
    """The messages of a refused distribution, after checking that nothing was written."""
    before = rows(db)
    with pytest.raises(ValidationError) as err:
        give(db, scene, code, **kwargs)  # type: ignore[arg-type]
    assert rows(db) == before
    return err.value.by_field()


def test_due_lines_follow_each_basis(db: Database, scene: Scene) -> None:
    with db.read() as s:
        heavy = {(x.event_entitlement.code, x.beneficiary_name): x for x in due_for_family(s, scene.heavy)}
        light = {(x.event_entitlement.code, x.beneficiary_name) for x in due_for_family(s, scene.light)}
    family_lines = {code for code, name in heavy if name == "Rina Marlina" and heavy[(code, name)].victim_id is None}
    assert family_lines == {"isi_hunian", "paket_sembako", "beras", "tikar", "family_kit"}
    living = {"Rina Marlina", "Dede Kurnia", "Cecep Gunawan", "Euis Komariah"}
    assert {name for code, name in heavy if code == "selimut"} == living
    assert {name for code, name in heavy if code == "jaminan_hidup"} == {"Rina Marlina"}
    assert {name for code, name in heavy if code == "santunan_kematian"} == {"Oman Rukmana"}
    assert {name for code, name in heavy if code == "santunan_luka_berat"} == {"Cecep Gunawan"}
    assert heavy[("jaminan_hidup", "Rina Marlina")].amount == 15_000 * 3
    assert heavy[("beras", "Rina Marlina")].quantity == 10 and heavy[("beras", "Rina Marlina")].amount is None
    death = heavy[("santunan_kematian", "Oman Rukmana")]
    assert (death.amount, death.recipient_name, death.recipient_relation) == (
        15_000_000,
        "Ujang Supriatna",
        "ahli waris",
    )
    assert heavy[("selimut", "Euis Komariah")].beneficiary_key.startswith("victim:")
    assert heavy[("tikar", "Rina Marlina")].beneficiary_key.startswith("kk:")
    assert all(x.distribution is None for x in heavy.values())
    # Light damage: no household contents, no family kit; nobody displaced: no living allowance.
    assert light == {(c, "Yayat Suryana") for c in ("paket_sembako", "beras", "tikar", "selimut")}


@pytest.mark.parametrize(
    ("code", "kwargs", "field", "words"),
    [
        ("isi_hunian", {"family": "light"}, "family_id", "minimal rusak berat"),
        ("family_kit", {"family": "light"}, "family_id", "minimal rusak sedang"),
        ("jaminan_hidup", {"person": "Dede Kurnia"}, "victim_id", "hanya untuk pengungsi"),
        ("selimut", {"person": "Oman Rukmana"}, "victim_id", "masih hidup"),
        ("santunan_kematian", {"person": "Cecep Gunawan"}, "victim_id", "tidak tercatat meninggal"),
        ("santunan_luka_berat", {"person": "Euis Komariah"}, "victim_id", "tidak tercatat luka berat"),
        ("santunan_luka_berat", {"person": "Oman Rukmana"}, "victim_id", "tidak tercatat luka berat"),
        ("selimut", {}, "victim_id", "pilih korbannya"),
        ("beras", {"person": "Rina Marlina"}, "victim_id", "per keluarga"),
    ],
)
def test_an_ineligible_beneficiary_is_refused(
    db: Database, scene: Scene, code: str, kwargs: dict[str, str], field: str, words: str
) -> None:
    family = scene.light if kwargs.get("family") == "light" else scene.heavy
    messages = refused(db, scene, code, family_id=family, person=kwargs.get("person"))
    assert words in messages[field]


def test_each_eligible_basis_is_distributed(db: Database, scene: Scene) -> None:
    give(db, scene, "isi_hunian")
    give(db, scene, "jaminan_hidup", person="Rina Marlina", recipient="Rina Marlina")
    give(db, scene, "selimut", person="Euis Komariah")
    give(db, scene, "santunan_luka_berat", person="Cecep Gunawan")
    death_id = give(db, scene, "santunan_kematian", person="Oman Rukmana", recipient="Ujang Supriatna")
    give(db, scene, "beras", family_id=scene.light, recipient="Yayat Suryana", quantity=4)
    with db.read() as s:
        views = {(v.entitlement_code, v.beneficiary_name): v for v in list_distributions(s, scene.event_id)}
        death = s.get(Distribution, death_id)
        assert balance(s, stable_id("relief_item", "beras")) == 96
        assert balance(s, stable_id("relief_item", "selimut")) == 99
        salur = s.scalars(select(StockMovement).where(StockMovement.kind == "salur")).all()
    assert views[("jaminan_hidup", "Rina Marlina")].amount == 45_000
    assert views[("isi_hunian", "Rina Marlina")].amount == 3_000_000
    assert views[("santunan_luka_berat", "Cecep Gunawan")].amount == 5_000_000
    assert views[("beras", "Yayat Suryana")].quantity == 4 and views[("beras", "Yayat Suryana")].unit == "kg"
    assert death is not None and (death.recipient_name, death.recipient_relation) == ("Ujang Supriatna", "ahli waris")
    assert {(m.quantity, m.event_id) for m in salur} == {(1, scene.event_id), (4, scene.event_id)}
    assert all(m.distribution_id in {v.id for v in views.values()} for m in salur)


def test_death_compensation_goes_to_the_heir(db: Database, scene: Scene) -> None:
    messages = refused(db, scene, "santunan_kematian", person="Oman Rukmana", recipient="Dede Kurnia")
    assert (
        messages["recipient_name"]
        == "Santunan kematian diserahkan kepada ahli waris (Ujang Supriatna), bukan Dede Kurnia"
    )


def test_a_second_distribution_is_refused_showing_the_earlier_record(db: Database, scene: Scene) -> None:
    first = give(db, scene, "beras", recipient="Dede Kurnia", recipient_relation="anak", note="diambil di posko")
    before = rows(db)
    with pytest.raises(DuplicateDistributionError) as err:
        give(db, scene, "beras", distributed_on=date(2026, 11, 22), recipient="Rina Marlina")
    assert rows(db) == before
    earlier = err.value.earlier
    assert (earlier.id, earlier.officer, earlier.recipient_name, earlier.distributed_on) == (
        first,
        OFFICER,
        "Dede Kurnia",
        ON,
    )
    assert str(err.value) == (
        "Beras untuk Rina Marlina sudah disalurkan pada 21-11-2026 oleh Petugas Uji: 10 kg, diterima Dede Kurnia (anak)"
    )
    with db.read() as s:
        line = next(x for x in due_for_family(s, scene.heavy) if x.event_entitlement.code == "beras")
    assert line.distribution is not None and line.distribution.id == first


def test_a_person_without_nik_is_still_given_once(db: Database, scene: Scene) -> None:
    give(db, scene, "selimut", person="Euis Komariah")
    with pytest.raises(DuplicateDistributionError):
        give(db, scene, "selimut", person="Euis Komariah")


def test_the_key_is_the_same_in_two_offices(db: Database, template_db: Path, tmp_path: Path) -> None:
    """Two offices, both offline, register the same people for the same event (same event id, same NIK
    and No. KK, different family and victim ids): the same aid gets the same distribution id."""
    other_path = tmp_path / "kantor_kedua.sqlite3"
    shutil.copyfile(template_db, other_path)
    other = open_test_database(other_path)
    try:
        with db.transaction() as s:
            first = build(s)
            original = s.get(DisasterEvent, first.event_id)
            assert original is not None
            copied = {c: getattr(original, c) for c in ("scope", "kind", "title", "occurred_at", "kecamatan_code")}
        with other.transaction() as s:
            event = DisasterEvent(id=first.event_id, created_by="operator kantor kedua", **copied)
            s.add(event)
            s.flush()
            second = build(s, event)
        assert second.heavy != first.heavy and second.people["Dede Kurnia"] != first.people["Dede Kurnia"]
        made = [
            (
                give(database, scene, "tikar"),
                give(database, scene, "selimut", person="Dede Kurnia"),
                give(database, scene, "santunan_kematian", person="Oman Rukmana", recipient="Ujang Supriatna"),
            )
            for database, scene in ((db, first), (other, second))
        ]
    finally:
        other.close()
    assert made[0] == made[1]
    with db.read() as s:
        family = s.get(AffectedFamily, first.heavy)
        child = s.get(Victim, first.people["Dede Kurnia"])
        assert family is not None and child is not None and child.nik
        assert beneficiary_key(child, family) == f"nik:{child.nik}"
        assert made[0][0] == distribution_id(first.event_id, f"kk:{family.no_kk}", "tikar")
        assert made[0][1] == distribution_id(first.event_id, f"nik:{child.nik}", "selimut")


def test_someone_not_registered_for_the_event_is_refused(db: Database, scene: Scene) -> None:
    with db.transaction() as s:
        elsewhere = make_event(s, title="Longsor Cipaku", kind="tanah_longsor")
        stranger = make_family(s, elsewhere, 9, FamilySpec("Nining Suryani"))
        stranger_id = stranger.id
        stranger_victim = s.scalar(select(Victim.id).where(Victim.family_id == stranger_id))
    assert "tidak terdaftar pada kejadian ini" in refused(db, scene, "beras", family_id=stranger_id)["family_id"]
    assert "tidak terdaftar" in refused(db, scene, "beras", family_id="bukan-keluarga")["family_id"]
    scene.people["Nining Suryani"] = stranger_victim  # type: ignore[assignment]
    messages = refused(db, scene, "selimut", person="Nining Suryani")
    assert messages["victim_id"] == "Korban: tidak terdaftar pada kejadian ini"
    # A victim of this event, but of another family than the one given.
    messages = refused(db, scene, "selimut", family_id=scene.light, person="Dede Kurnia")
    assert messages["victim_id"] == "Korban Dede Kurnia: bukan anggota keluarga Yayat Suryana"
    messages = refused(db, scene, "selimut", event_entitlement_id="tidak-ada")  # type: ignore[arg-type]
    assert "Hak bantuan" in messages["event_entitlement_id"]


def test_dates_before_the_event_or_in_the_future_are_refused(db: Database, scene: Scene) -> None:
    messages = refused(db, scene, "beras", distributed_on=date(2026, 11, 19))
    assert messages["distributed_on"] == "Tanggal penyaluran: 19-11-2026 sebelum tanggal kejadian 20-11-2026"
    tomorrow = date.today() + timedelta(days=1)
    assert "belum terjadi" in refused(db, scene, "beras", distributed_on=tomorrow)["distributed_on"]
    assert "wajib diisi" in refused(db, scene, "beras", distributed_on=None)["distributed_on"]
    give(db, scene, "beras", distributed_on=date(2026, 11, 20))  # the event's own day is fine


@pytest.mark.parametrize(
    ("code", "changes", "field", "words"),
    [
        ("beras", {"quantity": 11}, "quantity", "paling banyak 10 kg"),
        ("beras", {"quantity": 0}, "quantity", "lebih dari 0"),
        ("beras", {"quantity": -2}, "quantity", "lebih dari 0"),
        ("beras", {"amount": 50_000}, "amount", "tidak dipakai"),
        ("isi_hunian", {"amount": 3_000_001}, "amount", "paling banyak Rp3.000.000"),
        ("isi_hunian", {"amount": 0}, "amount", "lebih dari 0"),
        ("isi_hunian", {"quantity": 1}, "quantity", "tidak dipakai"),
        ("beras", {"recipient_name": "  "}, "recipient_name", "wajib diisi"),
        ("beras", {"recipient_nik": "12345"}, "recipient_nik", "16 digit"),
    ],
)
def test_amounts_and_recipient_are_checked(
    db: Database, scene: Scene, code: str, changes: dict[str, object], field: str, words: str
) -> None:
    assert words in refused(db, scene, code, **changes)[field]


def test_part_of_an_entitlement_can_be_given(db: Database, scene: Scene) -> None:
    give(db, scene, "isi_hunian", amount=2_500_000)
    with db.read() as s:
        (view,) = list_distributions(s, scene.event_id)
    assert (view.amount, view.quantity, view.kind) == (2_500_000, None, "uang")


def test_a_closed_event_refuses_distributions_and_changes(db: Database, scene: Scene) -> None:
    with db.transaction() as s:
        s.get(DisasterEvent, scene.event_id).status = "ditutup"  # type: ignore[union-attr]
    assert "Kejadian sudah ditutup" in refused(db, scene, "beras")["event_id"]
    with db.transaction() as s:
        with pytest.raises(ValidationError, match="Kejadian sudah ditutup"):
            apply_entitlement(s, scene.event_id, "tikar")
        with pytest.raises(ValidationError, match="Kejadian sudah ditutup"):
            remove_entitlement(s, scene.event_id, "tikar")


def test_entitlements_are_applied_removed_and_protected_once_given(db: Database) -> None:
    with db.transaction() as s:
        event = make_event(s, occurred_at=datetime(2026, 11, 20, 8))
        ee_id = apply_entitlement(s, event.id, "jaminan_hidup", days=5)
        assert ee_id == stable_id("event_entitlement", event.id, "jaminan_hidup")
        apply_entitlement(s, event.id, "jaminan_hidup", days=7)  # nothing given yet: days can change
        apply_entitlement(s, event.id, "tikar", days=4)  # days only count for a per-day basis
        views = {e.code: e for e in event_entitlements(s, event.id)}
        assert (views["jaminan_hidup"].days, views["jaminan_hidup"].per_beneficiary) == (7, 105_000)
        assert (views["tikar"].days, views["tikar"].item_name, views["tikar"].unit) == (1, "Tikar", "lembar")
        for code, days, field in (("tidak_ada", 1, "code"), ("jaminan_hidup", 0, "days")):
            with pytest.raises(ValidationError) as err:
                apply_entitlement(s, event.id, code, days=days)
            assert field in err.value.by_field()
        remove_entitlement(s, event.id, "tikar")
        assert [e.code for e in event_entitlements(s, event.id)] == ["jaminan_hidup"]
        with pytest.raises(ValidationError, match="tidak diterapkan"):
            remove_entitlement(s, event.id, "tikar")
        assert apply_entitlement(s, event.id, "tikar") == stable_id("event_entitlement", event.id, "tikar")
        family = make_family(
            s, event, 3, FamilySpec("Rina Marlina", people=[PersonSpec("Rina Marlina", displaced=True)])
        )
        victim_id = s.scalar(select(Victim.id).where(Victim.family_id == family.id))
        distribute(s, DistributionInput(ee_id, family.id, victim_id, ON, "Rina Marlina"), OFFICER)
        event_id = event.id
    before = rows(db)
    with db.transaction() as s:
        with pytest.raises(ValidationError, match="sudah disalurkan kepada 1 penerima; tidak bisa dihapus"):
            remove_entitlement(s, event_id, "jaminan_hidup")
        with pytest.raises(ValidationError, match="tidak bisa diubah"):
            apply_entitlement(s, event_id, "jaminan_hidup", days=10)
    assert rows(db) == before
    with db.read() as s:
        views = {e.code: e for e in event_entitlements(s, event_id)}
    assert (views["jaminan_hidup"].days, views["jaminan_hidup"].distributions) == (7, 1)
