"""The Laporan page's preview tables carry exactly the recap's figures, in the workbook's sheet order."""

from __future__ import annotations

from simoncer_desktop.services.recap import build_recap, parse_period
from simoncer_desktop.store import Database
from simoncer_desktop.ui.models.recap_rows import AREA_HEADERS, tables


def test_preview_tables_hold_the_recap_figures(demo_db: Database) -> None:
    with demo_db.read() as s:
        recap = build_recap(s, parse_period("2026"))
    summary, kecamatan, kelurahan, facilitators, cohorts, events = tables(recap)
    assert [t.title for t in tables(recap)] == [
        "Ringkasan",
        "Per Kecamatan",
        "Per Kelurahan",
        "Pendamping",
        "Tahapan",
        "Bencana",
    ]
    values = dict(summary.rows)
    city = recap.city
    assert values["KPM aktif"] == city.active_families
    assert values["Nilai bantuan PKH per tahun (Rp)"] == city.yearly_amount
    assert values["Graduasi sejahtera mandiri"] == city.graduated_self_reliant
    assert values["Graduasi alamiah"] == city.graduated_natural
    assert values["Target 2026"] == city.target
    assert sum(v for k, v in values.items() if str(k).startswith("Anggota: ")) == sum(
        city.members_by_component.values()
    )
    assert kecamatan.headers == AREA_HEADERS and len(kecamatan.rows) == len(recap.kecamatan)
    assert sum(r[2] for r in kecamatan.rows) == sum(r[2] for r in kelurahan.rows) == city.active_families
    assert [r[0] for r in facilitators.rows] == [f.name for f in recap.facilitators]
    assert len(cohorts.rows) == len(recap.cohorts) and len(events.rows) == len(recap.events)
