"""``withdraw``: sets the withdrawal day; refuses a day before the enrollment, a second withdrawal and a
completed programme, each naming the field in Bahasa."""

from __future__ import annotations

from datetime import date

import pytest

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models import Enrollment
from simoncer_desktop.services import programme as prog
from simoncer_desktop.services import programme_progress as progress
from simoncer_desktop.services.programme import Stage
from simoncer_desktop.services.programme_withdraw import withdraw
from simoncer_desktop.store import Database
from tests.unit.test_programme import ENROLLED, Fam, setup  # noqa: F401 (the fixture)


def test_withdraw_sets_the_day_and_frees_the_family(db: Database, setup: tuple[str, Fam, str]) -> None:  # noqa: F811
    _cohort, fam, enrollment = setup
    with db.transaction() as s:
        withdraw(s, enrollment, date(2026, 2, 20), "Pindah ke luar kota", "Bu Fasilitator")
    with db.read() as s:
        stored = s.get(Enrollment, enrollment)
        assert (stored.withdrawn_on, stored.withdrawn_reason, stored.withdrawn_by) == (
            date(2026, 2, 20),
            "Pindah ke luar kota",
            "Bu Fasilitator",
        )
        assert prog.open_enrollment(s, fam.id) is None


def test_withdraw_refusals_name_the_field(db: Database, setup: tuple[str, Fam, str]) -> None:  # noqa: F811
    _cohort, _fam, enrollment = setup
    with db.transaction() as s, pytest.raises(ValidationError) as err:
        withdraw(s, enrollment, date(2025, 12, 31), " ", "Bu Fasilitator")
    fields = err.value.by_field()
    assert fields["withdrawn_on"].startswith("Tanggal keluar: 31-12-2025 sebelum tanggal daftar")
    assert fields["reason"] == "Alasan keluar: wajib diisi"
    with db.transaction() as s, pytest.raises(ValidationError) as err:
        withdraw(s, enrollment, None, "Pindah", "Bu Fasilitator")
    assert err.value.by_field()["withdrawn_on"] == "Tanggal keluar: wajib diisi"

    with db.transaction() as s:
        withdraw(s, enrollment, ENROLLED, "Pindah", "Bu Fasilitator")
    with db.transaction() as s, pytest.raises(ValidationError) as err:
        withdraw(s, enrollment, date(2026, 3, 1), "Pindah", "Bu Fasilitator")
    assert err.value.by_field()["enrollment_id"] == f"Peserta kohort: sudah keluar pada {ENROLLED:%d-%m-%Y}"


def test_withdraw_refuses_a_completed_programme(db: Database, setup: tuple[str, Fam, str]) -> None:  # noqa: F811
    _cohort, _fam, enrollment = setup
    with db.transaction() as s:
        for stage in Stage:
            progress.pass_stage(s, enrollment, stage, date(2026, 3, stage), "Bu Fasilitator")
    with db.transaction() as s, pytest.raises(ValidationError) as err:
        withdraw(s, enrollment, date(2026, 4, 1), "Pindah", "Bu Fasilitator")
    assert "program sudah selesai" in err.value.by_field()["enrollment_id"]
