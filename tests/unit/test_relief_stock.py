"""Relief stock: receipts, the balance, the stock card across events, issuing never beyond the stock."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import GLOBAL_SCOPE, Distribution, StockMovement
from simoncer_desktop.services.relief_distribution import (
    DistributionInput,
    apply_entitlement,
    distribute,
    due_for_family,
)
from simoncer_desktop.services.relief_stock import (
    ReceiptInput,
    available_on,
    balance,
    issued_per_event,
    receive_stock,
    stock_card,
)
from simoncer_desktop.store import Database
from tests.factories import KECAMATAN
from tests.relief_rows import FamilySpec, make_event, make_family

RICE = stable_id("relief_item", "beras")
BLANKET = stable_id("relief_item", "selimut")


def receipt(quantity: int = 100, on: date = date(2026, 11, 1), **changes: object) -> ReceiptInput:
    data = ReceiptInput(RICE, quantity, on, "kementerian", document_no="BAST/001/XI/2026")
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def movements(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(StockMovement)) or 0,
            s.scalar(select(func.count()).select_from(Distribution)) or 0,
        )


def give_rice(db: Database, family_id: str, on: date, quantity: int | None = None) -> str:
    with db.transaction() as s:
        line = next(x for x in due_for_family(s, family_id) if x.event_entitlement.code == "beras")
        data = DistributionInput(
            line.event_entitlement.id, family_id, None, on, line.recipient_name, quantity=quantity, confirmed=True
        )
        return distribute(s, data, "Petugas Uji")


def test_a_receipt_is_recorded_with_its_source_and_document(db: Database) -> None:
    with db.transaction() as s:
        movement_id = receive_stock(s, receipt(250), "Operator Gudang")
        district = receive_stock(s, receipt(5, scope=KECAMATAN, source="donatur"), "Operator Gudang")
    with db.read() as s:
        row = s.get(StockMovement, movement_id)
        assert row is not None
        assert (row.kind, row.quantity, row.source, row.scope) == ("masuk", 250, "kementerian", GLOBAL_SCOPE)
        assert (row.document_no, row.recorded_by) == ("BAST/001/XI/2026", "Operator Gudang")
        assert s.get(StockMovement, district).scope == KECAMATAN  # type: ignore[union-attr]
        assert balance(s, RICE) == 255


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"quantity": 0}, "quantity", "lebih dari 0"),
        ({"quantity": -5}, "quantity", "lebih dari 0"),
        ({"quantity": None}, "quantity", "lebih dari 0"),
        ({"source": "pasar"}, "source", "tidak dikenal"),
        ({"item_id": None}, "item_id", "wajib dipilih"),
        ({"item_id": "bukan-barang"}, "item_id", "tidak ditemukan"),
        ({"received_on": None}, "received_on", "wajib diisi"),
        ({"received_on": date.today() + timedelta(days=2)}, "received_on", "belum terjadi"),  # over midnight too
        ({"scope": "32.99.99"}, "scope", "bukan kode kecamatan"),
    ],
)
def test_a_bad_receipt_is_refused_and_nothing_is_written(
    db: Database, changes: dict[str, object], field: str, words: str
) -> None:
    before = movements(db)
    with db.transaction() as s, pytest.raises(ValidationError) as err:
        receive_stock(s, receipt(**changes), "Operator Gudang")
    assert words in err.value.by_field()[field]
    assert movements(db) == before


def test_stock_card_balances_across_two_events(db: Database) -> None:
    with db.transaction() as s:
        receive_stock(s, receipt(30, on=date(2026, 11, 1)), "Operator Gudang")
        receive_stock(s, receipt(15, on=date(2026, 11, 22), source="donatur", document_no="DN-7"), "Operator Gudang")
        receive_stock(s, receipt(4, on=date(2026, 11, 2), item_id=BLANKET), "Operator Gudang")
        flood = make_event(s)
        fire = make_event(s, title="Kebakaran Pasar Anyar", kind="kebakaran", occurred_at=datetime(2026, 11, 21, 9))
        for event in (flood, fire):
            apply_entitlement(s, event.id, "beras")
        families = [
            make_family(s, flood, 1, FamilySpec("Rina Marlina")).id,
            make_family(s, flood, 2, FamilySpec("Eneng Sumarni")).id,
            make_family(s, fire, 3, FamilySpec("Yayat Suryana")).id,
        ]
        flood_id, fire_id = flood.id, fire.id
    give_rice(db, families[0], date(2026, 11, 20))
    give_rice(db, families[1], date(2026, 11, 22), quantity=8)
    give_rice(db, families[2], date(2026, 11, 23))
    with db.read() as s:
        card = stock_card(s, RICE)
        assert (card.received, card.distributed, card.balance) == (45, 28, 17)
        assert card.received - card.distributed == card.balance == balance(s, RICE) == card.item.balance
        assert [(x.moved_on.day, x.kind, x.quantity, x.balance_after) for x in card.lines] == [
            (1, "masuk", 30, 30),
            (20, "salur", 10, 20),
            (22, "masuk", 15, 35),  # a receipt counts before a distribution of the same day
            (22, "salur", 8, 27),
            (23, "salur", 10, 17),
        ]
        assert all(x.balance_after >= 0 for x in card.lines)
        assert card.lines[1].event_title == "Banjir Sungai Cisadane" and card.lines[1].recipient == "Rina Marlina"
        assert card.lines[4].event_title == "Kebakaran Pasar Anyar"
        assert (card.lines[2].source, card.lines[2].document_no) == ("donatur", "DN-7")
        assert [(item.code, qty) for item, qty in issued_per_event(s, flood_id)] == [("beras", 18)]
        assert [(item.code, qty, item.balance) for item, qty in issued_per_event(s, fire_id)] == [("beras", 10, 17)]
        assert stock_card(s, BLANKET).balance == 4


def test_goods_beyond_the_stock_are_refused_naming_item_balance_and_unit(db: Database) -> None:
    with db.transaction() as s:
        receive_stock(s, receipt(6), "Operator Gudang")
        event = make_event(s)
        apply_entitlement(s, event.id, "beras")
        family_id = make_family(s, event, 1, FamilySpec("Rina Marlina")).id
    before = movements(db)
    with pytest.raises(ValidationError) as err:
        give_rice(db, family_id, date(2026, 11, 21))
    assert err.value.by_field()["quantity"] == "Stok Beras tinggal 6 kg (diminta 10 kg)"
    assert movements(db) == before
    give_rice(db, family_id, date(2026, 11, 21), quantity=6)  # what is left can still be given
    with db.read() as s:
        assert balance(s, RICE) == 0


def test_a_receipt_dated_later_does_not_cover_an_earlier_distribution(db: Database) -> None:
    with db.transaction() as s:
        receive_stock(s, receipt(4, on=date(2026, 11, 1)), "Operator Gudang")
        receive_stock(s, receipt(20, on=date(2026, 11, 24)), "Operator Gudang")
        event = make_event(s)
        apply_entitlement(s, event.id, "beras")
        family_id = make_family(s, event, 1, FamilySpec("Rina Marlina")).id
        assert available_on(s, RICE, date(2026, 11, 21)) == 4
        assert available_on(s, RICE, date(2026, 11, 24)) == 24
    before = movements(db)
    with pytest.raises(ValidationError) as err:
        give_rice(db, family_id, date(2026, 11, 21))
    assert "pada 21-11-2026 tinggal 4 kg" in err.value.by_field()["quantity"]
    assert movements(db) == before
    give_rice(db, family_id, date(2026, 11, 24))
    with db.read() as s:
        assert [x.balance_after for x in stock_card(s, RICE).lines] == [4, 24, 14]
