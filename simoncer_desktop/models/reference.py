"""Reference data: administrative regions (read-only, from resources), PKH component rates and settings.

Rates and settings change with regulation, so each row has a validity date; the value in force on a
day is the row with the latest ``valid_from`` not after that day.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from simoncer_desktop.models.base import Base, SyncedMixin


class Wilayah(Base):
    """Kemendagri region code list (province → regency/city → kecamatan → desa/kelurahan)."""

    __tablename__ = "wilayah"

    kode: Mapped[str] = mapped_column(String(13), primary_key=True)
    nama: Mapped[str] = mapped_column(String(120))
    tingkat: Mapped[str] = mapped_column(String(20))
    parent_kode: Mapped[str | None] = mapped_column(String(13), index=True)


class ComponentRate(SyncedMixin, Base):
    __tablename__ = "component_rate"
    __table_args__ = (UniqueConstraint("component", "valid_from"),)

    component: Mapped[str] = mapped_column(String(30))
    amount_per_year: Mapped[int] = mapped_column(BigInteger)
    valid_from: Mapped[date] = mapped_column(Date)


class Setting(SyncedMixin, Base):
    """A named value (JSON text) valid from a date; e.g. ``component_cap``, ``region_code``."""

    __tablename__ = "setting"
    __table_args__ = (UniqueConstraint("key", "valid_from"),)

    key: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[date] = mapped_column(Date)


class AppState(Base):
    """Local, never-synced facts about this database file (e.g. which wilayah file was loaded)."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
