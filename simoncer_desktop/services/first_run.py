"""The optional synthetic caseload a new database may start with (the first-run wizard's *Data awal*).

The same generator as ``simoncer-cli demo-data`` (``services.demo_data`` and a small demo flood from
``services.demo_relief``), in one transaction: cancelled or failed, nothing is stored. The families are
made in this laptop's kecamatan (``device_scope``), or across the regency/city for the Dinas office.
Demo data is never queued for sync (both generators write with capture off). No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models.base import GLOBAL_SCOPE
from simoncer_desktop.services import demo_data, demo_relief
from simoncer_desktop.services.progress import CancelledError, Progress, no_progress
from simoncer_desktop.services.settings import get_setting, region_code
from simoncer_desktop.store import Database
from simoncer_desktop.translation import translate

DEFAULT_DEMO_FAMILIES = 200
MAX_DEMO_FAMILIES = 20_000
"""The wizard's upper bound: more belongs to ``simoncer-cli demo-data`` (it takes a while)."""
DEMO_SEED = 1
DEFAULT_REGION = "32.71"
DEVICE_SCOPE = "device_scope"
"""The setting ``security.signin.DEVICE_SCOPE`` (repeated: services do not import security)."""
VICTIMS_PER_FAMILY = 0.75
MAX_DEMO_VICTIMS = 150
"""The demo flood of ``simoncer-cli demo-data`` (150 victims), smaller for a small caseload."""


@dataclass(frozen=True)
class DemoSummary:
    families: int
    members: int
    facilitators: int
    region: str
    victims: int
    """People in the demo flood (0: none)."""


def demo_region(db: Database) -> str:
    """Where the demo families live: the device's kecamatan, else the deployment's regency/city."""
    with db.read() as session:
        scope = get_setting(session, DEVICE_SCOPE, default=None)
        region = region_code(session)
    if isinstance(scope, str) and scope and scope != GLOBAL_SCOPE:
        return scope
    return region or DEFAULT_REGION


def add_demo_data(
    db: Database,
    families: int = DEFAULT_DEMO_FAMILIES,
    *,
    progress: Progress = no_progress,
    cancelled: Callable[[], bool] = lambda: False,
) -> DemoSummary:
    """Write ``families`` synthetic families (and a demo flood) in one transaction, as the signed-in
    administrator. ``cancelled()`` is asked between steps: when true, :class:`CancelledError` rolls it all
    back. ``ValidationError`` for a number outside 1…:data:`MAX_DEMO_FAMILIES`."""
    if not 1 <= families <= MAX_DEMO_FAMILIES:
        raise ValidationError(
            translate("first_run", "Jumlah keluarga demo harus 1–{most} (bukan {families}).").format(
                most=f"{MAX_DEMO_FAMILIES:,}".replace(",", "."), families=families
            ),
            field="families",
        )
    region = demo_region(db)

    def step(done: int, total: int) -> None:
        if cancelled():
            raise CancelledError()
        progress(done, total)

    step(0, families)
    victims = 0
    with db.transaction() as session:
        result = demo_data.generate(session, families=families, seed=DEMO_SEED, region=region, progress=step)
        step(families, families)
        wanted = min(MAX_DEMO_VICTIMS, int(families * VICTIMS_PER_FAMILY))
        if wanted and not demo_relief.already_generated(session, DEMO_SEED):
            flood = demo_relief.generate(session, victims=wanted, seed=DEMO_SEED)
            demo_relief.with_aid(session, flood.event_id, demo_relief.DEMO_DAY)
            victims = flood.victims
        step(families, families)
    return DemoSummary(result.families, result.members, result.facilitators, result.region, victims)
