"""A small caseload whose every recap figure can be stated by hand (synthetic people only), built through
the services the app uses: families, assessments, graduation proposals and decisions, two natural-
graduation runs, cohorts with stages, and relief (events, victims, stock, distributions).

Kota Bogor (32.71); three kelurahan: K1 Batu Tulis (Bogor Selatan 32.71.01), K2 Sukasari and K3
Baranangsiang (Bogor Timur 32.71.02). Pendamping Ani (K1, target 10), Budi (K2+K3, target 5 → 3+2),
Cici (Bogor Selatan without kelurahan, target 4 → the kecamatan only).

Families (the "standard" family is ``factories.family``: a pupil in SD born 2016 → anak SD Rp900.000
and a toddler born 2023 → anak usia dini Rp3.000.000; Rp3.900.000 a year):

====  ===  =========  ==========================================================================
f1    K1   Ani        standard; graduasi mandiri approved 10-08-2025 (Q3)
f2    K1   Ani        standard; assessed *mandiri*; proposal waiting since 15-09-2025 (Q3);
                      cohort A stage 2; affected by flood E1 (rumah rusak berat, 3 victims)
f3    K1   Ani        standard + grandmother 1950 (lansia) + a deceased grandfather; assessed
                      *kurang mampu*; proposal waiting since 20-12-2024; cohort A stage 1
f4    K1   —          mother pregnant, toddlers 2022 and 2024, SD 2017, SMP 2012, grandfather 1948:
                      six paid members, four after the cap (3M+3M+3M+2,4M); assessed *tidak mampu*
f5    K2   Budi       two adults, desil 6: graduasi alamiah 2025Q4 (tanpa_komponen + mampu)
f6    K3   Budi       standard, the pengurus died 01-11-2025: graduasi alamiah 2025Q4 (meninggal)
f7    K2   Budi       standard + pupil in SMA (2008); assessed *mampu*; cohort B complete;
                      affected by landslide E2 (2 victims, both displaced)
f8    K3   Budi       standard + adult with severe disability; cohort B withdrawn
f9    K2   Budi       standard; cohort B stage 4; graduasi mandiri approved 10-02-2025 (Q1)
f10   K1   Ani        standard, status *nonaktif*
f11   K2   —          standard; assessed *mandiri*; proposal 01-10-2025 rejected 05-10-2025
f12   K1   Ani        standard, desil 6: graduasi alamiah 2025Q2 (mampu)
f13   K1   Ani        standard, deleted
====  ===  =========  ==========================================================================

Relief: E1 banjir 05-08-2025 in Bogor Selatan (AF1 = f2, K1, berat, 3 victims: one displaced, one
lightly injured; AF2 not a KPM, K1, ringan, 2 victims, one deceased with an heir); E2 tanah longsor
03-11-2025 in Bogor Timur (AF3 = f7, K2, sedang, 2 victims both displaced); E3 kebakaran 30-12-2024 in
Bogor Selatan (AF4 K1, 1 victim). Stock: beras 100 kg received 01-12-2024, selimut 20 received
01-11-2025. Handed over: beras 10 kg to AF4 on 02-01-2025, to AF1 and AF2 on 06-08-2025; isi hunian
Rp3.000.000 to AF1 on 07-08-2025; santunan kematian Rp15.000.000 to AF2's heir on 02-10-2025 (Q4);
selimut to both victims of AF3 on 04-11-2025.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from simoncer_desktop.ids import uuid7
from simoncer_desktop.models import AffectedFamily, DisasterEvent, Facilitator, Victim
from simoncer_desktop.services import assessment as asm
from simoncer_desktop.services import caseload
from simoncer_desktop.services import natural_graduation as ng
from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_decision as dec
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services import relief_distribution as rd
from simoncer_desktop.services.caseload import HouseholdInput, MemberInput
from simoncer_desktop.services.programme import CohortInput
from simoncer_desktop.services.programme_withdraw import withdraw
from simoncer_desktop.services.relief_reference import item_id_for
from simoncer_desktop.services.relief_stock import ReceiptInput, receive_stock
from simoncer_desktop.store import Database
from tests.factories import family, member
from tests.relief_rows import FamilySpec, PersonSpec, make_event, make_family

KEC_SELATAN = "32.71.01"
KEC_TIMUR = "32.71.02"
K1 = "32.71.01.1001"
K2 = "32.71.02.1001"
K3 = "32.71.02.1002"
NOW = datetime(2026, 1, 15, 9, 30)
"""The moment the recaps of the tests are read: 2025 is over."""
OFFICER = "Rina Marlina"
SUPERVISOR = "Kasi Dedi"


def answers(low_sections: frozenset[str] = frozenset()) -> dict[str, str]:
    """Answers of the default questionnaire: the best option except the worst in ``low_sections``."""
    out: dict[str, str] = {}
    for section in asm.DEFAULT_DEFINITION.sections:
        for q in section.questions:
            pick = min if section.code in low_sections else max
            out[q.code] = pick(q.options, key=lambda o: o.points).code
    return out


MANDIRI = answers()
MAMPU = answers(frozenset({"pendapatan", "pekerjaan"}))
KURANG_MAMPU = answers(frozenset({"pendapatan", "pekerjaan", "usaha", "tabungan_utang"}))
TIDAK_MAMPU = answers(frozenset(s.code for s in asm.DEFAULT_DEFINITION.sections))


@dataclass
class KnownCaseload:
    facilitators: dict[str, str] = field(default_factory=dict)
    """Name → id."""
    families: dict[str, str] = field(default_factory=dict)
    """``f1``… → household id."""
    cohorts: dict[str, str] = field(default_factory=dict)
    events: dict[str, str] = field(default_factory=dict)


def _facilitator(s: Session, name: str, scope: str, codes: str, target: int) -> str:
    fac = Facilitator(id=uuid7(), scope=scope, name=name, kelurahan_codes=codes, yearly_target=target)
    s.add(fac)
    s.flush()
    return fac.id


def _family(
    s: Session,
    serial: int,
    kelurahan: str,
    facilitator_id: str | None,
    extra: list[MemberInput] | None = None,
    **changes: object,
) -> str:
    data, members = family(serial, kelurahan)
    data.facilitator_id = facilitator_id
    for key, value in changes.items():
        setattr(data, key, value)
    return caseload.create_household(s, data, [*members, *(extra or [])])


def _participant(s: Session, household_id: str) -> str:
    """The mother (istri), of productive age."""
    return next(
        m.id for m in caseload.get_household(s, household_id, on=date(2025, 1, 10)).members if m.relation == "istri"
    )


def _assess(s: Session, household_id: str, chosen: dict[str, str], on: date) -> str:
    return asm.record_assessment(s, household_id, chosen, on, OFFICER, today=NOW.date())


def _propose(s: Session, household_id: str, chosen: dict[str, str], assessed: date, proposed: date) -> str:
    assessment = _assess(s, household_id, chosen, assessed)
    return dec.propose_graduation(s, household_id, assessment, "Usaha warung berjalan", OFFICER, proposed)


def _natural_run(s: Session, quarter: str, approve: list[str], on: date) -> None:
    run = ng.propose(s, quarter, OFFICER, on=on)
    ids = [p.id for p in run.proposals if p.household_id in approve]
    assert len(ids) == len(approve), run.proposals
    ng.decide(s, run.id, ids, ng.APPROVED, SUPERVISOR, on)
    ng.apply_run(s, run.id, SUPERVISOR, on)


def _households(s: Session, world: KnownCaseload) -> None:
    ani, budi = world.facilitators["Ani"], world.facilitators["Budi"]
    f = world.families
    f["f1"] = _family(s, 1, K1, ani)
    f["f2"] = _family(s, 2, K1, ani)
    f["f3"] = _family(
        s,
        3,
        K1,
        ani,
        [
            member("Ijah Sumarni", date(1950, 3, 1), "P", 35, KEC_SELATAN, relation="orang_tua"),
            member(
                "Karta Wijaya",
                date(1940, 4, 4),
                "L",
                36,
                KEC_SELATAN,
                relation="orang_tua",
                deceased=True,
                death_date=date(2024, 5, 1),
            ),
        ],
    )
    r = KEC_SELATAN
    f["f4"] = caseload.create_household(
        s,
        HouseholdInput(no_kk=family(4, K1)[0].no_kk, kelurahan_code=K1, address="Jl. Mawar 4", desil=1),
        [
            member("Euis Kurniasih", date(1990, 2, 2), "P", 41, r, relation="istri", is_recipient=True, pregnant=True),
            member("Dadang Sukmana", date(1988, 8, 8), "L", 42, r, relation="kepala"),
            member("Rina Anak", date(2022, 5, 1), "P", 43, r, relation="anak"),
            member("Rudi Anak", date(2024, 2, 1), "L", 44, r, relation="anak"),
            member("Sari Anak", date(2017, 3, 3), "P", 45, r, relation="anak", education="sd", in_school=True),
            member("Tono Anak", date(2012, 7, 7), "L", 46, r, relation="anak", education="smp", in_school=True),
            member("Engkos Kakek", date(1948, 1, 1), "L", 47, r, relation="mertua"),
        ],
    )
    t = KEC_TIMUR
    f["f5"] = caseload.create_household(
        s,
        HouseholdInput(no_kk=family(5, K2)[0].no_kk, kelurahan_code=K2, address="Jl. Kenari 5", desil=6),
        [
            member("Nani Suryani", date(1972, 1, 1), "P", 51, t, relation="istri", is_recipient=True),
            member("Odin Saepudin", date(1970, 1, 1), "L", 52, t, relation="kepala"),
        ],
    )
    f["f6"] = _family(s, 6, K3, budi)
    f["f7"] = _family(
        s, 7, K2, budi, [member("Yana Anak", date(2008, 5, 5), "P", 75, t, education="sma", in_school=True)]
    )
    f["f8"] = _family(
        s, 8, K3, budi, [member("Asih Disabilitas", date(1995, 9, 9), "P", 85, t, severe_disability=True)]
    )
    f["f9"] = _family(s, 9, K2, budi)
    f["f10"] = _family(s, 10, K1, ani, status="nonaktif", status_reason="Pindah ke luar kota")
    f["f11"] = _family(s, 11, K2, None)
    f["f12"] = _family(s, 12, K1, ani, desil=6)
    f["f13"] = _family(s, 13, K1, ani)
    caseload.delete_household(s, f["f13"])


def _pengurus_died(s: Session, household_id: str, on: date) -> None:
    detail = caseload.get_household(s, household_id, on=on)
    mother = next(m for m in detail.members if m.is_recipient)
    data = mother.to_input()
    data.deceased, data.death_date = True, on
    caseload.update_member(s, mother.id, data)


def _programme(s: Session, world: KnownCaseload) -> None:
    f = world.families
    a = prog.create_cohort(s, CohortInput("Kohort Batu Tulis 2025", 2025, date(2025, 1, 5), KEC_SELATAN))
    b = prog.create_cohort(s, CohortInput("Kohort Bogor Timur 2025", 2025, date(2025, 1, 5), KEC_TIMUR))
    world.cohorts.update(A=a, B=b)
    e2 = prog.enroll(s, a, f["f2"], _participant(s, f["f2"]), date(2025, 1, 10))
    progress.pass_stage(s, e2, 1, date(2025, 2, 1), OFFICER)  # stage 2
    prog.enroll(s, a, f["f3"], _participant(s, f["f3"]), date(2025, 1, 10))  # stage 1
    e7 = prog.enroll(s, b, f["f7"], _participant(s, f["f7"]), date(2025, 1, 10))
    progress.correct_stage(s, e7, 6, "Pindahan kohort lama", SUPERVISOR, date(2025, 5, 1))
    progress.pass_stage(s, e7, 6, date(2025, 6, 1), OFFICER)  # complete
    e8 = prog.enroll(s, b, f["f8"], _participant(s, f["f8"]), date(2025, 1, 10))
    withdraw(s, e8, date(2025, 3, 1), "Pindah kerja ke luar kota", OFFICER)
    e9 = prog.enroll(s, b, f["f9"], _participant(s, f["f9"]), date(2025, 1, 10))
    progress.correct_stage(s, e9, 4, "Pindahan kohort lama", SUPERVISOR, date(2025, 2, 1))  # stage 4


def _decisions(s: Session, world: KnownCaseload) -> None:
    f = world.families
    d9 = _propose(s, f["f9"], MANDIRI, date(2025, 1, 20), date(2025, 1, 25))
    dec.decide_graduation(s, d9, True, SUPERVISOR, date(2025, 2, 10))
    _natural_run(s, "2025Q2", [f["f12"]], date(2025, 7, 3))
    _propose(s, f["f3"], KURANG_MAMPU, date(2024, 12, 1), date(2024, 12, 20))  # waiting, proposed in 2024
    d1 = _propose(s, f["f1"], MANDIRI, date(2025, 7, 1), date(2025, 7, 15))
    dec.decide_graduation(s, d1, True, SUPERVISOR, date(2025, 8, 10))
    _propose(s, f["f2"], MANDIRI, date(2025, 9, 1), date(2025, 9, 15))  # waiting
    d11 = _propose(s, f["f11"], MANDIRI, date(2025, 9, 20), date(2025, 10, 1))
    dec.decide_graduation(s, d11, False, SUPERVISOR, date(2025, 10, 5), note="Belum mandiri")
    _assess(s, f["f4"], TIDAK_MAMPU, date(2025, 4, 1))
    _assess(s, f["f7"], MAMPU, date(2025, 4, 1))
    _pengurus_died(s, f["f6"], date(2025, 11, 1))
    _natural_run(s, "2025Q4", [f["f5"], f["f6"]], date(2025, 12, 20))


def _affected(
    s: Session, event: DisasterEvent, serial: int, kelurahan: str, spec: FamilySpec
) -> tuple[AffectedFamily, list[Victim]]:
    row = make_family(s, event, serial, spec)
    row.kelurahan_code = kelurahan
    s.flush()
    victims = [v for v in s.query(Victim).filter(Victim.family_id == row.id).order_by(Victim.nik)]
    return row, victims


def _give(s: Session, event_id: str, code: str, family: AffectedFamily, victim: Victim | None, on: date) -> None:
    ee = next((e.id for e in rd.event_entitlements(s, event_id) if e.code == code), None)
    ee = ee or rd.apply_entitlement(s, event_id, code)  # applied once: refused again after a hand-over
    name = (victim.heir_name or victim.name) if victim is not None else family.head_name
    rd.distribute(s, rd.DistributionInput(ee, family.id, victim.id if victim else None, on, name), OFFICER)


def _relief(s: Session, world: KnownCaseload) -> None:
    f = world.families
    receive_stock(s, ReceiptInput(item_id_for("beras"), 100, date(2024, 12, 1), "apbd", "BA-01/2024"), OFFICER)
    receive_stock(s, ReceiptInput(item_id_for("selimut"), 20, date(2025, 11, 1), "kementerian", "BA-07/2025"), OFFICER)
    e3 = make_event(s, title="Kebakaran Pasar", kind="kebakaran", occurred_at=datetime(2024, 12, 30, 22, 0))
    e1 = make_event(s, title="Banjir Cisadane", occurred_at=datetime(2025, 8, 5, 14, 30))
    e2 = make_event(
        s,
        title="Longsor Sukasari",
        kind="tanah_longsor",
        occurred_at=datetime(2025, 11, 3, 6, 0),
        kecamatan=KEC_TIMUR,
        kelurahan=K2,
    )
    world.events.update(E1=e1.id, E2=e2.id, E3=e3.id)
    af4, _ = _affected(s, e3, 904, K1, FamilySpec("Ujang Kebakaran", damage="berat"))
    af1, _ = _affected(
        s,
        e1,
        901,
        K1,
        FamilySpec(
            "Siti Nurhaliza",
            damage="berat",
            household_id=f["f2"],
            people=[
                PersonSpec("Siti Nurhaliza", displaced=True),
                PersonSpec("Ujang Supriatna", sex="L", injury="ringan"),
                PersonSpec("Asep Hidayat", sex="L", born=date(2023, 1, 5)),
            ],
        ),
    )
    af2, victims2 = _affected(
        s,
        e1,
        902,
        K1,
        FamilySpec(
            "Maman Abdurahman",
            damage="ringan",
            people=[
                PersonSpec("Maman Abdurahman", sex="L", born=date(1960, 1, 1), deceased=True, heir_name="Iis Maryati"),
                PersonSpec("Iis Maryati", born=date(1962, 2, 2)),
            ],
        ),
    )
    af3, victims3 = _affected(
        s,
        e2,
        903,
        K2,
        FamilySpec(
            "Yana Mulyana",
            damage="sedang",
            household_id=f["f7"],
            people=[PersonSpec("Yana Mulyana", sex="L", displaced=True), PersonSpec("Ela Nurlela", displaced=True)],
        ),
    )
    _give(s, e3.id, "beras", af4, None, date(2025, 1, 2))
    _give(s, e1.id, "beras", af1, None, date(2025, 8, 6))
    _give(s, e1.id, "beras", af2, None, date(2025, 8, 6))
    _give(s, e1.id, "isi_hunian", af1, None, date(2025, 8, 7))
    deceased = next(v for v in victims2 if v.deceased)
    _give(s, e1.id, "santunan_kematian", af2, deceased, date(2025, 10, 2))
    for victim in victims3:
        _give(s, e2.id, "selimut", af3, victim, date(2025, 11, 4))


def build(db: Database) -> KnownCaseload:
    """Write the known caseload (see the module docstring) into ``db``."""
    world = KnownCaseload()
    with db.transaction() as s:
        world.facilitators["Ani"] = _facilitator(s, "Ani Suryani", KEC_SELATAN, K1, 10)
        world.facilitators["Budi"] = _facilitator(s, "Budi Santoso", KEC_TIMUR, f"{K2},{K3}", 5)
        world.facilitators["Cici"] = _facilitator(s, "Cici Lestari", KEC_SELATAN, "", 4)
        _households(s, world)
        _programme(s, world)
        _decisions(s, world)
        _relief(s, world)
    return world
