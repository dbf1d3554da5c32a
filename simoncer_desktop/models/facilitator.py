"""Staff: the PKH facilitator (pendamping)."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from simoncer_desktop.models.base import Base, SyncedMixin


class Facilitator(SyncedMixin, Base):
    __tablename__ = "facilitator"

    name: Mapped[str] = mapped_column(String(120))
    nik: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(20))
    kelurahan_codes: Mapped[str] = mapped_column(String(500), default="")
    """Comma-separated kelurahan codes served (a facilitator serves one or a few kelurahan)."""
    yearly_target: Mapped[int] = mapped_column(Integer, default=10)
    """Families to graduate per year (graduasi sejahtera mandiri)."""
