"""Disaster events: create, edit, close/reopen, the list with its numbers, short codes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import NotFoundError, ValidationError
from simoncer_desktop.models import DisasterEvent, EventArea, Victim
from simoncer_desktop.services import relief_events as ev
from simoncer_desktop.services import relief_victims as rv
from simoncer_desktop.services.relief_events import AreaInput, EventInput
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN, KELURAHAN, OTHER_KELURAHAN
from tests.relief_rows import FamilySpec, PersonSpec, make_event, make_family

OCCURRED = datetime.now().replace(microsecond=0, second=0) - timedelta(days=3)
KELURAHAN_2 = "32.71.01.1002"  # Bondongan, also in Bogor Selatan


def event_input(**changes: object) -> EventInput:
    data = EventInput(
        kind="banjir",
        title="Banjir Cipakancilan",
        occurred_at=OCCURRED,
        kecamatan_code=KECAMATAN,
        areas=[AreaInput(KELURAHAN, "3", "7"), AreaInput(KELURAHAN_2)],
        description="Luapan sungai",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def refusal(s: Session, data: EventInput) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        ev.create_event(s, data, "operator uji")
    return err.value


def victim(name: str = "Korban Uji", **changes: object) -> rv.VictimInput:
    data = rv.VictimInput(name=name, sex="P", no_document_reason="KTP hanyut")
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def typed_family(head: str = "Keluarga Uji", **changes: object) -> rv.FamilyInput:
    data = rv.FamilyInput(
        head_name=head, kelurahan_code=KELURAHAN, victims=[victim(head)], no_document_reason="KK hanyut"
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


@contextmanager
def counted(s: Session) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    engine = s.get_bind()
    sa_event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa_event.remove(engine, "before_cursor_execute", record)


def test_create_event_stores_areas_and_shows_in_list(db: Database) -> None:
    with db.transaction() as s:
        event_id = ev.create_event(s, event_input(title="  Banjir Cipakancilan  "), "Operator Uji")
    with db.read() as s:
        detail = ev.get_event(s, event_id)
        stored = s.get(DisasterEvent, event_id)
    assert detail.row.title == "Banjir Cipakancilan"
    assert detail.row.kind_label == "Banjir"
    assert detail.row.kecamatan_name == "Bogor Selatan"
    assert detail.row.status == "dibuka" and detail.row.is_open
    assert detail.row.code == event_id[-8:].upper() == ev.short_code(event_id)
    assert detail.row.areas_text == "Batu Tulis RT 3/RW 7; Bondongan"
    assert set(detail.areas) == {AreaInput(KELURAHAN, "3", "7"), AreaInput(KELURAHAN_2)}
    assert detail.created_by == "Operator Uji" and detail.description == "Luapan sungai"
    assert stored is not None and stored.scope == KECAMATAN
    assert detail.to_input().areas == detail.areas


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"kind": "tsunami_meteor"}, "kind", "Jenis bencana: nilai 'tsunami_meteor' tidak dikenal"),
        ({"kind": ""}, "kind", "Jenis bencana: wajib dipilih"),
        ({"title": "   "}, "title", "Judul: wajib diisi"),
        ({"occurred_at": datetime.now() + timedelta(days=3)}, "occurred_at", "ada di masa depan"),
        ({"kecamatan_code": KELURAHAN}, "kecamatan_code", "Kecamatan: wajib dipilih"),
        ({"kecamatan_code": "99.99.99"}, "kecamatan_code", "Kecamatan: wajib dipilih"),
        ({"areas": []}, "areas", "minimal satu kelurahan"),
        ({"areas": [AreaInput(OTHER_KELURAHAN)]}, "areas", "tidak berada di kecamatan ini"),
        ({"areas": [AreaInput("32.71.01.9999")]}, "areas", "Wilayah 1: kelurahan wajib dipilih"),
        ({"areas": [AreaInput(KELURAHAN, rt="3a")]}, "areas", "Wilayah 1: RT harus angka 1–3 digit"),
        ({"areas": [AreaInput(KELURAHAN, rw="1234")]}, "areas", "RW harus angka 1–3 digit (tertulis '1234')"),
        (
            {"areas": [AreaInput(KELURAHAN, "1"), AreaInput(KELURAHAN, "1")]},
            "areas",
            "Wilayah 2: sama dengan wilayah 1",
        ),
    ],
)
def test_create_event_refusals_name_the_field(db: Database, changes: dict, field: str, words: str) -> None:
    with db.transaction() as s:
        err = refusal(s, event_input(**changes))
        assert words in err.by_field()[field]
        assert s.scalar(select(DisasterEvent.id)) is None


def test_occurred_at_within_a_day_of_slack_is_accepted(db: Database) -> None:
    with db.transaction() as s:
        event_id = ev.create_event(s, event_input(occurred_at=datetime.now() + timedelta(hours=20)), "op")
        assert ev.get_event(s, event_id).row.title == "Banjir Cipakancilan"


def test_update_event_replaces_areas_and_revives_a_removed_one(db: Database) -> None:
    with db.transaction() as s:
        event_id = ev.create_event(s, event_input(), "op")
        ev.update_event(s, event_id, event_input(title="Banjir bandang", areas=[AreaInput(KELURAHAN_2, rw="2")]))
        assert ev.get_event(s, event_id).areas == [AreaInput(KELURAHAN_2, "", "2")]
        # The first area again: its tombstone is revived (the unique key covers tombstones).
        ev.update_event(s, event_id, event_input(areas=[AreaInput(KELURAHAN, "3", "7")]))
        detail = ev.get_event(s, event_id)
        rows = s.scalars(select(EventArea).where(EventArea.event_id == event_id)).all()
    assert detail.areas == [AreaInput(KELURAHAN, "3", "7")]
    assert detail.row.title == "Banjir Cipakancilan"
    assert len(rows) == 3 and sum(not r.deleted for r in rows) == 1


def test_update_event_keeps_kecamatan_and_date_consistent_with_registrations(db: Database) -> None:
    with db.transaction() as s:
        event_id = ev.create_event(s, event_input(), "op")
        rv.register_family(s, event_id, typed_family(), "op", on=OCCURRED.date() + timedelta(days=1))
        with pytest.raises(ValidationError) as err:
            ev.update_event(s, event_id, event_input(kecamatan_code="32.71.02", areas=[AreaInput(OTHER_KELURAHAN)]))
        assert "tidak dapat diubah, sudah ada 1 keluarga terdaftar" in err.value.by_field()["kecamatan_code"]
        with pytest.raises(ValidationError) as err:
            ev.update_event(s, event_id, event_input(occurred_at=OCCURRED + timedelta(days=2)))
        assert "sesudah pendaftaran korban pertama" in err.value.by_field()["occurred_at"]
        assert ev.get_event(s, event_id).row.occurred_at == OCCURRED


def test_close_and_reopen(db: Database) -> None:
    with db.transaction() as s:
        event_id = ev.create_event(s, event_input(), "op")
        with pytest.raises(ValidationError) as err:
            ev.close_event(s, event_id, OCCURRED.date() - timedelta(days=1), "op")
        assert "sebelum tanggal kejadian" in err.value.by_field()["closed_on"]
        with pytest.raises(ValidationError) as err:
            ev.close_event(s, event_id, date.today() + timedelta(days=1), "op")
        assert "masa depan" in err.value.by_field()["closed_on"]
        ev.close_event(s, event_id, date.today(), "op")
        detail = ev.get_event(s, event_id)
        assert detail.row.status == "ditutup" and detail.closed_on == date.today()
        for action in (
            lambda: ev.close_event(s, event_id, date.today(), "op"),
            lambda: ev.update_event(s, event_id, event_input(title="Lain")),
            lambda: rv.register_family(s, event_id, typed_family(), "op"),
            lambda: ev.require_open_event(s, event_id),
        ):
            with pytest.raises(ValidationError, match="Kejadian sudah ditutup"):
                action()
        ev.reopen_event(s, event_id)
        assert ev.get_event(s, event_id).closed_on is None
        assert ev.require_open_event(s, event_id).status == "dibuka"
        with pytest.raises(ValidationError, match="Kejadian masih dibuka"):
            ev.reopen_event(s, event_id)


def test_unknown_event_is_not_found(db: Database) -> None:
    with db.read() as s:
        with pytest.raises(NotFoundError, match="Kejadian tidak ditemukan"):
            ev.get_event(s, "0190a000-0000-7000-8000-000000000000")
        with pytest.raises(NotFoundError):
            ev.require_open_event(s, "nope")


def test_list_events_counts_newest_first_and_by_status(db: Database) -> None:
    with db.transaction() as s:
        old = make_event(s, title="Longsor lama", kind="tanah_longsor", occurred_at=OCCURRED - timedelta(days=30))
        new = make_event(s, title="Banjir baru", occurred_at=OCCURRED)
        make_family(
            s,
            new,
            1,
            FamilySpec(
                "Ibu Satu",
                people=[
                    PersonSpec("Ibu Satu", displaced=True),
                    PersonSpec("Anak Satu", sex="L", born=date(2015, 1, 2), injury="ringan", displaced=True),
                    PersonSpec("Kakek Satu", sex="L", born=date(1950, 1, 2), deceased=True, heir_name="Ibu Satu"),
                ],
            ),
        )
        make_family(s, new, 2, FamilySpec("Bapak Dua", people=[PersonSpec("Bapak Dua", sex="L", injury="berat")]))
        gone = make_family(s, new, 3, FamilySpec("Terhapus"))
        gone.deleted = True  # a removed family is tombstoned with its people
        for person in s.scalars(select(Victim).where(Victim.family_id == gone.id)):
            person.deleted = True
        ev.close_event(s, old.id, OCCURRED.date(), "op")
    with db.read() as s:
        rows = ev.list_events(s)
        assert [r.title for r in rows] == ["Banjir baru", "Longsor lama"]
        fresh = rows[0]
        assert (fresh.families, fresh.people, fresh.displaced, fresh.injured, fresh.deceased) == (2, 4, 2, 2, 1)
        assert fresh.distributions == 0 and fresh.areas_text == "Batu Tulis RT 3/RW 7"
        assert (rows[1].families, rows[1].people, rows[1].kind_label) == (0, 0, "Tanah longsor")
        assert [r.title for r in ev.list_events(s, "ditutup")] == ["Longsor lama"]
        assert [r.title for r in ev.list_events(s, "dibuka")] == ["Banjir baru"]


def test_list_events_does_not_query_per_event(db: Database) -> None:
    with db.transaction() as s:
        for n in range(2):
            make_event(s, title=f"Kejadian {n}")
    with db.read() as s, counted(s) as few:
        assert len(ev.list_events(s)) == 2
    with db.transaction() as s:
        for n in range(2, 8):
            make_event(s, title=f"Kejadian {n}")
    with db.read() as s, counted(s) as many:
        assert len(ev.list_events(s)) == 8
    assert len(many) == len(few) <= 5


def test_resolve_event_by_id_or_short_code(db: Database) -> None:
    with db.transaction() as s:
        event_id = ev.create_event(s, event_input(), "op")
        code = ev.short_code(event_id)
        assert ev.resolve_event(s, event_id) == event_id
        assert ev.resolve_event(s, code) == event_id
        assert ev.resolve_event(s, f" {code.lower()} ") == event_id
        for ref in ("", "ZZZZZZZZ", "0190a000-0000-7000-8000-000000000000"):
            with pytest.raises(ValidationError, match="Kejadian"):
                ev.resolve_event(s, ref)
        # Two events sharing a short code (possible with random tails, made here on purpose).
        for prefix in ("0190a000-0000-7000-8000-0000", "0190a001-0000-7000-8000-0000"):
            s.add(
                DisasterEvent(
                    id=prefix + "abcdef12",
                    scope=KECAMATAN,
                    kind="banjir",
                    title="Kembar",
                    occurred_at=OCCURRED,
                    kecamatan_code=KECAMATAN,
                    created_by="op",
                )
            )
        s.flush()
        with pytest.raises(ValidationError, match="ABCDEF12 cocok dengan beberapa kejadian"):
            ev.resolve_event(s, "abcdef12")
