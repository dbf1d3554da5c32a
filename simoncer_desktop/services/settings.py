"""Settings with a validity date: the value in force on a day is the row with the latest
``valid_from`` not after that day. Values are JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.ids import stable_id
from simoncer_desktop.models import GLOBAL_SCOPE, ComponentRate, Setting
from simoncer_desktop.services import acting
from simoncer_desktop.services.reference import DEFAULT_SETTINGS, REGENCY, get_region
from simoncer_desktop.translation import translate

REGION_CODE = "region_code"
"""The deployment's regency/city (e.g. ``32.71``); chosen at setup, never hard-wired."""


SETTING_TYPES: dict[str, type] = {REGION_CODE: str, **{key: type(value) for key, value in DEFAULT_SETTINGS.items()}}


def parse_value(session: Session, key: str, raw: str) -> Any:
    """A typed value from text (CLI, forms), with a message (screen language; Bahasa in the CLI) when it does
    not fit."""
    kind = SETTING_TYPES.get(key)
    if kind is None:
        raise ValidationError(translate("settings", "Pengaturan '{key}' tidak dikenal").format(key=key), field=key)
    text = raw.strip()
    if kind is int:
        try:
            value: Any = int(text)
        except ValueError:
            raise ValidationError(
                translate("settings", "{key}: harus bilangan bulat (tertulis '{raw}')").format(key=key, raw=raw),
                field=key,
            ) from None
        if value < 0:
            raise ValidationError(
                translate("settings", "{key}: tidak boleh negatif (tertulis {value})").format(key=key, value=value),
                field=key,
            )
        return value
    if kind is float:
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise ValidationError(
                translate("settings", "{key}: harus angka (tertulis '{raw}')").format(key=key, raw=raw), field=key
            ) from None
        if number < 0:
            raise ValidationError(
                translate("settings", "{key}: tidak boleh negatif (tertulis {value})").format(key=key, value=number),
                field=key,
            )
        return number
    if kind is list:
        try:
            items = [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
        except ValueError:
            message = translate(
                "settings", "{key}: harus daftar bilangan bulat, mis. '6,12' (tertulis '{raw}')"
            ).format(key=key, raw=raw)
            raise ValidationError(message, field=key) from None
        if not items or any(i <= 0 for i in items):
            raise ValidationError(
                translate("settings", "{key}: harus daftar bilangan bulat positif (tertulis '{raw}')").format(
                    key=key, raw=raw
                ),
                field=key,
            )
        return items
    if key == REGION_CODE:
        region = get_region(session, text)
        if region is None or region.level != REGENCY:
            raise ValidationError(
                translate("settings", "{key}: '{text}' bukan kode kabupaten/kota yang terdaftar").format(
                    key=key, text=text
                ),
                field=key,
            )
    return text


def get_setting(session: Session, key: str, on: date | None = None, default: Any = None) -> Any:
    on = on or date.today()
    value = session.scalar(
        select(Setting.value)
        .where(Setting.key == key, Setting.deleted.is_(False), Setting.valid_from <= on)
        .order_by(Setting.valid_from.desc())
        .limit(1)
    )
    if value is None:
        return DEFAULT_SETTINGS.get(key, default)
    return json.loads(value)


def set_setting(session: Session, key: str, value: Any, valid_from: date | None = None) -> None:
    """Record a value from ``valid_from`` (default today); the same key and day is overwritten."""
    acting.require(session, "settings.edit")
    store_setting(session, key, value, valid_from)


def store_setting(session: Session, key: str, value: Any, valid_from: date | None = None) -> None:
    """``set_setting`` without the role check, for set-up steps that run before anyone can sign in
    (the first-run wizard, seeding defaults); the audit trail still records them."""
    valid_from = valid_from or date.today()
    row = session.scalar(select(Setting).where(Setting.key == key, Setting.valid_from == valid_from))
    if row is None:
        # A stable id: two offline devices setting the same key for the same day make one row, not two.
        row_id = stable_id("setting", key, valid_from.isoformat())
        session.add(Setting(id=row_id, scope=GLOBAL_SCOPE, key=key, value=json.dumps(value), valid_from=valid_from))
    else:
        row.value = json.dumps(value)
        row.deleted = False


SETTING_LIMITS: dict[str, tuple[int, int]] = {
    "idle_lock_minutes": (0, 480),
    "sync_interval_minutes": (0, 1440),
    "facilitator_yearly_target": (0, 10_000),
    "city_graduation_target": (0, 1_000_000),
}
"""Bounds (inclusive) of the settings the Pengaturan page edits; 0 turns the idle lock and the timed sync off."""

TEXT_MAX_LENGTH = 200


def check_value(key: str, value: Any) -> Any:
    """``value`` for ``key`` as it will be stored: type, bounds and (for text) trimmed and not empty."""
    kind = SETTING_TYPES.get(key)
    if kind is None:
        raise ValidationError(translate("settings", "Pengaturan '{key}' tidak dikenal").format(key=key), field=key)
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                translate("settings", "{key}: harus bilangan bulat (tertulis '{raw}')").format(key=key, raw=value),
                field=key,
            )
        low, high = SETTING_LIMITS.get(key, (0, 2**31 - 1))
        if not low <= value <= high:
            raise ValidationError(
                translate("settings", "{key}: harus antara {low} dan {high} (tertulis {value})").format(
                    key=key, low=low, high=high, value=value
                ),
                field=key,
            )
        return value
    if kind is str and key != REGION_CODE:
        text = str(value).strip()
        if not text:
            raise ValidationError(translate("settings", "{key}: wajib diisi").format(key=key), field=key)
        if len(text) > TEXT_MAX_LENGTH:
            raise ValidationError(
                translate("settings", "{key}: paling banyak {n} huruf").format(key=key, n=TEXT_MAX_LENGTH), field=key
            )
        return text
    raise ValidationError(
        translate("settings", "Pengaturan '{key}' tidak dapat diubah di sini").format(key=key), field=key
    )


def set_settings(session: Session, values: dict[str, Any], valid_from: date | None = None) -> list[str]:
    """Several settings in one go (administrators): every value is checked first (nothing is written when
    one is wrong), then only those that differ from the value in force are stored. Returns the changed keys."""
    acting.require(session, "settings.edit")
    checked = {key: check_value(key, value) for key, value in values.items()}
    changed = [key for key, value in checked.items() if get_setting(session, key, valid_from) != value]
    for key in changed:
        store_setting(session, key, checked[key], valid_from)
    return changed


def region_code(session: Session) -> str | None:
    """The regency/city this deployment serves, or None before setup."""
    return get_setting(session, REGION_CODE, on=date.max)


def component_rates(session: Session, on: date | None = None) -> dict[str, int]:
    """Yearly amount per component in force on ``on``."""
    on = on or date.today()
    rows = session.execute(
        select(ComponentRate.component, ComponentRate.amount_per_year)
        .where(ComponentRate.deleted.is_(False), ComponentRate.valid_from <= on)
        .order_by(ComponentRate.valid_from)
    )
    return {component: amount for component, amount in rows}  # later valid_from wins
