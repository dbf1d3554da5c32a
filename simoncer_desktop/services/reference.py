"""Reference data: load the wilayah list from resources, seed default settings and PKH rates, and
answer region look-ups.

Seeded rows get deterministic ids (``stable_id``) so every device seeds the same rows and sync never
sees two copies of one default.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import GLOBAL_SCOPE, AppState, ComponentRate, Setting, Wilayah
from simoncer_desktop.models.enums import Component
from simoncer_desktop.paths import resource_path
from simoncer_desktop.services.assessment import seed_default_questionnaire
from simoncer_desktop.services.relief_reference import seed_relief_defaults

log = logging.getLogger(__name__)

PROVINCE = "provinsi"
REGENCY = "kabupaten_kota"
KECAMATAN = "kecamatan"
KELURAHAN = "desa_kelurahan"
SEED_VALID_FROM = date(2024, 1, 1)

DEFAULT_RATES: dict[str, int] = {
    Component.PREGNANT: 3_000_000,
    Component.EARLY_CHILD: 3_000_000,
    Component.SD: 900_000,
    Component.SMP: 1_500_000,
    Component.SMA: 2_000_000,
    Component.ELDERLY: 2_400_000,
    Component.DISABILITY: 2_400_000,
}

DEFAULT_SETTINGS: dict[str, object] = {
    "component_cap": 4,
    "early_child_max_age": 6,
    "school_max_age": 21,
    "elderly_min_age": 70,
    "productive_age_min": 18,
    "productive_age_max": 59,
    "pkh_max_desil": 4,
    "attendance_threshold": 0.8,
    "follow_up_months": [6, 12],
    "facilitator_yearly_target": 10,
    "city_graduation_target": 750,
    # Names printed under the signature blocks of the graduation report (placeholders until set).
    "report_office_name": "Dinas Sosial",
    "report_coordinator_name": "(nama koordinator PKH)",
    "report_head_of_office_name": "(nama kepala dinas)",
    # Accounts: wrong passwords before a lock, how long the lock lasts, idle minutes before the screen locks.
    "login_max_attempts": 5,
    "login_lock_minutes": 15,
    "idle_lock_minutes": 10,
    # Daily backups (backups/ next to the database) older than this many days are removed; 0 keeps all.
    "backup_keep_days": 14,
    # Minutes between background syncs with the central office while someone is signed in; 0 turns it off.
    "sync_interval_minutes": 15,
}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str


def parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def load_wilayah(session: Session, csv_path: Path | None = None) -> bool:
    """(Re)load the region list when the bundled file changed since the last load. Returns True if loaded.

    Codes are never removed (households point at them); names and levels of known codes are refreshed.
    """
    csv_path = csv_path or resource_path("wilayah.csv")
    digest = hashlib.sha256(csv_path.read_bytes()).hexdigest()
    state = session.get(AppState, "wilayah_sha256")
    if state is not None and state.value == digest:
        return False
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = [
            {"kode": r["kode"], "nama": r["nama"], "tingkat": r["tingkat"], "parent_kode": parent_code(r["kode"])}
            for r in csv.DictReader(fh)
        ]
    existing = {k: (n, t) for k, n, t in session.execute(select(Wilayah.kode, Wilayah.nama, Wilayah.tingkat))}
    new_rows = [r for r in rows if r["kode"] not in existing]
    changed = [
        {"b_kode": r["kode"], "nama": r["nama"], "tingkat": r["tingkat"]}
        for r in rows
        if r["kode"] in existing and existing[r["kode"]] != (r["nama"], r["tingkat"])
    ]
    if new_rows:
        session.execute(insert(Wilayah), new_rows)
    if changed:
        table = Wilayah.__table__
        session.connection().execute(update(table).where(table.c.kode == bindparam("b_kode")), changed)
    if state is None:
        session.add(AppState(key="wilayah_sha256", value=digest))
    else:
        state.value = digest
    log.info("Loaded %d regions (%d new, %d renamed) from %s", len(rows), len(new_rows), len(changed), csv_path)
    return True


def seed_defaults(session: Session) -> None:
    """Insert the default settings, PKH rates, questionnaire (version 1) and relief items and indexes that
    are missing (never overwrites an admin's value)."""
    have_settings = {(k, d) for k, d in session.execute(select(Setting.key, Setting.valid_from))}
    for key, value in DEFAULT_SETTINGS.items():
        if (key, SEED_VALID_FROM) not in have_settings:
            session.add(
                Setting(
                    id=stable_id("setting", key, SEED_VALID_FROM.isoformat()),
                    scope=GLOBAL_SCOPE,
                    key=key,
                    value=json.dumps(value),
                    valid_from=SEED_VALID_FROM,
                )
            )
    have_rates = {(c, d) for c, d in session.execute(select(ComponentRate.component, ComponentRate.valid_from))}
    for component, amount in DEFAULT_RATES.items():
        if (str(component), SEED_VALID_FROM) not in have_rates:
            session.add(
                ComponentRate(
                    id=stable_id("component_rate", str(component), SEED_VALID_FROM.isoformat()),
                    scope=GLOBAL_SCOPE,
                    component=str(component),
                    amount_per_year=amount,
                    valid_from=SEED_VALID_FROM,
                )
            )
    seed_default_questionnaire(session, SEED_VALID_FROM)
    seed_relief_defaults(session, SEED_VALID_FROM)


def ensure_reference_data(session: Session) -> None:
    """Run at start-up after migrations: cheap when nothing changed (one hash, two small selects)."""
    load_wilayah(session)
    seed_defaults(session)


_kecamatan_cache: dict[str, frozenset[str]] = {}
"""Kecamatan codes per loaded wilayah file (its digest): read-only reference data, 7,000+ codes that every
NIK check needs; reading them costs ~20 ms, looking up the digest a fraction of one."""


def kecamatan_codes(session: Session) -> frozenset[str]:
    state = session.get(AppState, "wilayah_sha256")
    digest = state.value if state is not None else ""
    codes = _kecamatan_cache.get(digest) if digest else None
    if codes is None:
        codes = frozenset(session.scalars(select(Wilayah.kode).where(Wilayah.tingkat == KECAMATAN)))
        if digest:
            _kecamatan_cache.clear()  # one wilayah file is in use at a time
            _kecamatan_cache[digest] = codes
    return codes


def get_region(session: Session, code: str) -> Region | None:
    row = session.get(Wilayah, code)
    return Region(row.kode, row.nama, row.tingkat) if row else None


def children(session: Session, code: str) -> list[Region]:
    """Regions directly below ``code`` (kecamatan of a regency, kelurahan of a kecamatan), by name."""
    rows = session.execute(
        select(Wilayah.kode, Wilayah.nama, Wilayah.tingkat).where(Wilayah.parent_kode == code).order_by(Wilayah.nama)
    )
    return [Region(*r) for r in rows]


def regencies(session: Session) -> list[Region]:
    rows = session.execute(
        select(Wilayah.kode, Wilayah.nama, Wilayah.tingkat).where(Wilayah.tingkat == REGENCY).order_by(Wilayah.kode)
    )
    return [Region(*r) for r in rows]
