"""The Wali Kota recap (*Rekap Wali Kota*): ``parse_period`` and ``build_recap``, which returns the plain
``recap_model.Recap`` that the workbook (``reports.excel.recap_workbook``), the CLI and the *Laporan*
page show. Definitions (docs/recap-design.md; the README's *Rekap Wali Kota* repeats them):

- **Period**: ``2026`` = 1 January–31 December 2026, ``2026Q3`` = 1 July–30 September 2026.
- **As of**: ``now`` (default: the local time when the recap is read). *State* figures (active families,
  members per component, welfare classes, caseload, stages, stock left) are the database as it is then;
  components are evaluated on ``as_of_day`` = the period's last day, or today when that is earlier (a
  running or future period).
- **Area of a family**: its kelurahan (``Household.kelurahan_code``) and that kelurahan's kecamatan (the
  code without its last part). Events count by the event's kecamatan; affected families, victims and
  aid by the affected family's kelurahan.
- **Active KPM**: live family with status ``aktif`` (the Keluarga page's *Aktif* filter).
- **Members per component / yearly amount**: ``components.derive`` over every active family's living
  members with the rules and rates in force on ``as_of_day``; members per component before the cap,
  the amount after it.
- **Graduated / proposed**: ``graduation_targets.grouped_counts`` over the period: decisions
  ``disetujui`` dated in the period by kind; graduasi sejahtera mandiri proposals still ``diusulkan``
  proposed in the period. For a year this is the Target tab.
- **Target**: of the period's year (a quarter shows the year's). City: the setting
  ``city_graduation_target``; kecamatan and kelurahan: their share of the pendampings' targets as the
  Target tab splits them; ``facilitator_target_sum``: for the city every pendamping's target, for an
  area its target. With a kecamatan filter the city row is the kecamatan's total (its target too);
  ``Recap.city_target_setting`` stays the setting.
- **Natural-graduation reasons**: families graduated naturally in the period (approved decision with a
  ``run_id``) per reason of their proposal in that run; two reasons count under both.
- **Welfare class**: ``Household.welfare_class`` of active families (``""`` = never assessed).
- **Disaster**: events with ``occurred_at`` on a day of the period; affected families and victims of
  those events; cash (rupiah) and goods (hand-overs) with ``distributed_on`` in the period. The events
  list: every event of the period, oldest first, with its totals over all dates. Stock: every live item
  that ever moved, the whole deployment's stock whatever the filter.
- **Pendamping**: every live pendamping (of the kecamatan, by ``Facilitator.scope``, with a filter) and
  any other with families counted in the area; caseload = active families with that
  ``facilitator_id``; target/proposed/approved as the Target tab; stages = open enrollments of the
  pendamping's families by current stage. Families without a pendamping form a last row
  ``(Tanpa pendamping)`` (id ``""``) when they have any figure.
- **Tahapan**: every live cohort (of the kecamatan with a filter) with enrollments of live families.
- **Areas listed**: every kecamatan of the deployment's region (``settings.region_code``) and every
  kelurahan of those, zeros included, plus any other code the data holds, by name.
- **No data**: when nothing dated falls in the period (no graduation, proposal, event, affected family
  or distribution), ``notes`` says ``Tidak ada data untuk periode …``; the state figures are still given.

Speed: a handful of grouped queries plus one streamed pass over the active families' members
(``recap_counts.components``).
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from simoncer_desktop.errors import ValidationError
from simoncer_desktop.models import Wilayah
from simoncer_desktop.services.caseload_query import kecamatan_options
from simoncer_desktop.services.components import ComponentRules
from simoncer_desktop.services.graduation_targets import (
    LAST_STAGE,
    area_targets,
    facilitator_targets,
    grouped_counts,
    no_facilitator,
)
from simoncer_desktop.services.natural_graduation_quarter import parse_quarter
from simoncer_desktop.services.recap_counts import (
    COMPONENT_ORDER,
    WELFARE_ORDER,
    AreaCounts,
    active_families,
    components,
    kecamatan_of,
    natural_reasons,
    ordered,
)
from simoncer_desktop.services.recap_model import (
    NATURAL_REASONS,
    AreaFigures,
    FacilitatorFigures,
    Period,
    Recap,
)
from simoncer_desktop.services.recap_programme import cohort_stages
from simoncer_desktop.services.recap_relief import event_figures, relief_by_area, stock_left
from simoncer_desktop.services.reference import KECAMATAN
from simoncer_desktop.services.settings import get_setting, region_code
from simoncer_desktop.translation import translate, untranslated

__all__ = ["build_recap", "parse_period"]

log = logging.getLogger(__name__)

_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[Qq]\s*([1-4]))?\s*$")


def parse_period(text: str) -> Period:
    """``"2026"`` → the year 2026; ``"2026Q3"`` (also ``2026q3``) → 1 July–30 September 2026. Anything
    else (``2026Q5``, ``26``, ``2026-3``, a year outside 2000–2100) → ``ValidationError`` on ``period``."""
    match = _PERIOD.match(text or "")
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        message = translate(
            "recap", "Periode '{text}' tidak dikenal: tulis tahun (mis. 2026) atau tahun dan triwulan 1–4 (mis. 2026Q3)"
        )
        raise ValidationError(message.format(text=(text or "").strip()), field="period")
    year = int(match.group(1))
    if match.group(2) is None:
        return Period(str(year), date(year, 1, 1), date(year, 12, 31))
    label = f"{year}Q{match.group(2)}"
    first, last = parse_quarter(label)
    return Period(label, first, last)


def _region_name(session: Session, code: str | None) -> str:
    if not code:
        return ""
    return session.scalar(select(Wilayah.nama).where(Wilayah.kode == code)) or code


def _resolve_kecamatan(session: Session, text: str | None, region: str | None) -> tuple[str, str] | None:
    """(code, name) of the kecamatan asked for by code (``32.71.01``) or by name; None for the whole city."""
    value = (text or "").strip()
    if not value:
        return None
    row = session.get(Wilayah, value)
    if row is not None and row.tingkat == KECAMATAN and (not region or row.kode.startswith(f"{region}.")):
        return row.kode, row.nama
    named = [o for o in kecamatan_options(session) if o.label.casefold() == value.casefold()]
    if len(named) == 1:
        return named[0].value, named[0].label
    example = f"{region or '32.71'}.01"
    if region:
        message = translate(
            "recap", "Kecamatan '{value}' tidak dikenal di {region}: pilih kode (mis. {example}) atau nama kecamatan"
        ).format(value=value, region=_region_name(session, region), example=example)
    else:
        message = translate(
            "recap", "Kecamatan '{value}' tidak dikenal: pilih kode (mis. {example}) atau nama kecamatan"
        ).format(value=value, example=example)
    raise ValidationError(message, field="kecamatan")


def _names(session: Session, codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    rows = session.execute(select(Wilayah.kode, Wilayah.nama).where(Wilayah.kode.in_(codes)))
    return {code: name for code, name in rows}


def _children(session: Session, parents: list[str]) -> list[str]:
    if not parents:
        return []
    return list(session.scalars(select(Wilayah.kode).where(Wilayah.parent_kode.in_(parents))))


def _figures(code: str, name: str, kecamatan: str, c: AreaCounts, target: int, target_sum: int) -> AreaFigures:
    return AreaFigures(
        code=code,
        name=name,
        kecamatan=kecamatan,
        active_families=c.active_families,
        members_by_component=ordered(c.members_by_component, COMPONENT_ORDER),
        yearly_amount=c.yearly_amount,
        graduated_self_reliant=c.graduated_self_reliant,
        graduated_natural=c.graduated_natural,
        proposed_self_reliant=c.proposed_self_reliant,
        target=target,
        facilitator_target_sum=target_sum,
        natural_reasons=ordered(c.natural_reasons, NATURAL_REASONS),
        welfare_classes=ordered(c.welfare_classes, WELFARE_ORDER),
        events=c.events,
        affected_families=c.affected_families,
        victims=c.victims,
        cash_distributed=c.cash_distributed,
        goods_distributed=c.goods_distributed,
    )


def _notes(period: Period, as_of_day: date, kecamatan: str | None, empty: bool) -> list[str]:
    """The recap's messages for the reader, in the screen language (Bahasa inside ``untranslated()``)."""
    notes: list[str] = []
    if empty:
        if kecamatan:
            message = translate(
                "recap",
                "Tidak ada data untuk periode {period} di Kecamatan {kecamatan}: tidak ada graduasi, usulan"
                " graduasi, kejadian bencana, atau penyaluran bantuan yang bertanggal dalam periode ini",
            )
        else:
            message = translate(
                "recap",
                "Tidak ada data untuk periode {period}: tidak ada graduasi, usulan graduasi, kejadian bencana,"
                " atau penyaluran bantuan yang bertanggal dalam periode ini",
            )
        notes.append(message.format(period=period.label, kecamatan=kecamatan))
    if as_of_day < period.last:
        if as_of_day < period.first:
            message = translate("recap", "Periode {period} belum dimulai: komponen PKH dihitung per {day:%d-%m-%Y}")
        else:
            message = translate("recap", "Periode {period} masih berjalan: komponen PKH dihitung per {day:%d-%m-%Y}")
        notes.append(message.format(period=period.label, day=as_of_day))
    return notes


def build_recap(session: Session, period: Period, kecamatan: str | None = None, now: datetime | None = None) -> Recap:
    """The recap of ``period`` for the whole city or one kecamatan (code or name; unknown →
    ``ValidationError`` on ``kecamatan``), read as of ``now``. See the module docstring for every figure."""
    started = time.perf_counter()
    now = now or datetime.now()
    as_of_day = min(period.last, now.date())
    region = region_code(session)
    chosen = _resolve_kecamatan(session, kecamatan, region)
    kec = chosen[0] if chosen else None

    def inside(kelurahan_code: str) -> bool:
        return kec is None or kecamatan_of(kelurahan_code) == kec

    year = period.first.year
    city_target_setting = int(get_setting(session, "city_graduation_target", date(year, 12, 31), 750))
    facilitators = facilitator_targets(session, year)
    kelurahan_targets, kecamatan_targets = area_targets(facilitators)

    # Per kelurahan: everything additive.
    kelurahan: dict[str, AreaCounts] = {}

    def area(code: str) -> AreaCounts:
        found = kelurahan.get(code)
        if found is None:
            found = kelurahan[code] = AreaCounts()
        return found

    families, caseload = active_families(session, kec)
    for code, counts in families.items():
        area(code).add(counts)
    rules = ComponentRules.load(session, as_of_day)
    for code, (members, amount) in components(session, rules, as_of_day, kec).items():
        area(code).members_by_component.update(members)
        area(code).yearly_amount += amount
    per_facilitator: dict[str, list[int]] = {}
    """Pendamping id ("" = none) → [proposed, approved, stage 1…6] in the area."""
    for (fac, kel, _scope), c in grouped_counts(session, period.first, period.last).items():
        if not inside(kel):
            continue
        a = area(kel)
        a.graduated_self_reliant += c.approved
        a.graduated_natural += c.approved_natural
        a.proposed_self_reliant += c.proposed
        row = per_facilitator.setdefault(fac or "", [0] * (2 + LAST_STAGE))
        for i, n in enumerate((c.proposed, c.approved, *c.in_stage)):
            row[i] += n
    for code, reasons in natural_reasons(session, period.first, period.last, kec).items():
        area(code).natural_reasons.update(reasons)
    relief, events_per_kecamatan = relief_by_area(session, period.first, period.last, kec)
    for code, counts in relief.items():
        area(code).add(counts)

    # The areas listed: the region's (or the chosen kecamatan), plus any code the data holds.
    if kec:
        kecamatan_codes = {kec}
    else:
        kecamatan_codes = set(_children(session, [region])) if region else set()
        kecamatan_codes |= {kecamatan_of(code) for code in kelurahan} | set(events_per_kecamatan)
        kecamatan_codes |= set(kecamatan_targets)
    kelurahan_codes = set(_children(session, sorted(kecamatan_codes))) | set(kelurahan)
    kelurahan_codes |= {code for code in kelurahan_targets if inside(code)}
    kecamatan_codes |= {kecamatan_of(code) for code in kelurahan_codes}
    names = _names(session, kecamatan_codes | kelurahan_codes)

    per_kecamatan: dict[str, AreaCounts] = {code: AreaCounts() for code in kecamatan_codes}
    for code in kelurahan_codes:
        per_kecamatan[kecamatan_of(code)].add(kelurahan.get(code, AreaCounts()))
    for code, n in events_per_kecamatan.items():
        per_kecamatan.setdefault(code, AreaCounts()).events += n
    city = AreaCounts()
    for counts in per_kecamatan.values():
        city.add(counts)

    def kecamatan_name(code: str) -> str:
        return names.get(code, code)

    kecamatan_rows = sorted(
        (
            _figures(
                code,
                kecamatan_name(code),
                kecamatan_name(code),
                counts,
                kecamatan_targets.get(code, 0),
                kecamatan_targets.get(code, 0),
            )
            for code, counts in per_kecamatan.items()
        ),
        key=lambda a: (a.name.casefold(), a.code),
    )
    kelurahan_rows = sorted(
        (
            _figures(
                code,
                names.get(code, code),
                kecamatan_name(kecamatan_of(code)),
                kelurahan.get(code, AreaCounts()),
                kelurahan_targets.get(code, 0),
                kelurahan_targets.get(code, 0),
            )
            for code in kelurahan_codes
        ),
        key=lambda a: (a.kecamatan.casefold(), a.name.casefold(), a.code),
    )
    if kec:
        city_target = city_target_sum = kecamatan_targets.get(kec, 0)
    else:
        city_target, city_target_sum = city_target_setting, sum(f.target for f in facilitators)
    city_row = _figures(
        "", chosen[1] if chosen else _region_name(session, region), "", city, city_target, city_target_sum
    )

    # Pendamping rows.
    fac_caseload: Counter[str] = Counter()
    for (fac, _kel), n in caseload.items():
        fac_caseload[fac or ""] += n
    known = {f.id: f for f in facilitators}
    listed = {f.id for f in facilitators if kec is None or f.scope == kec}
    listed |= {fid for fid in set(per_facilitator) | set(fac_caseload) if fid}
    if fac_caseload.get("") or any(per_facilitator.get("", ())):
        listed.add("")
    scope_names = _names(session, {f.scope for f in facilitators if f.id in listed} - set(names))
    facilitator_rows = []
    for fid in listed:
        fac = known.get(fid)
        figures = per_facilitator.get(fid, [0] * (2 + LAST_STAGE))
        stages = figures[2:]
        facilitator_rows.append(
            FacilitatorFigures(
                id=fid,
                name=fac.name if fac else (no_facilitator() if fid == "" else fid),
                kecamatan=(names.get(fac.scope) or scope_names.get(fac.scope, fac.scope)) if fac else "",
                caseload=fac_caseload.get(fid, 0),
                target=fac.target if fac else 0,
                proposed=figures[0],
                approved=figures[1],
                in_stage=(stages[0], stages[1], stages[2], stages[3], stages[4], stages[5]),
            )
        )
    facilitator_rows.sort(key=lambda f: (f.id == "", f.kecamatan.casefold(), f.name.casefold(), f.id))

    events = event_figures(session, period.first, period.last, kec)
    empty = not city.dated and not events
    notes = _notes(period, as_of_day, chosen[1] if chosen else None, empty)
    with untranslated():
        document_notes = _notes(period, as_of_day, chosen[1] if chosen else None, empty)
    recap = Recap(
        period=period,
        as_of=now,
        as_of_day=as_of_day,
        region_name=_region_name(session, region),
        kecamatan_filter=chosen[1] if chosen else None,
        city=city_row,
        kecamatan=kecamatan_rows,
        kelurahan=kelurahan_rows,
        facilitators=facilitator_rows,
        cohorts=cohort_stages(session, kec),
        events=events,
        stock=stock_left(session),
        city_target_setting=city_target_setting,
        notes=notes,
        document_notes=document_notes,
    )
    log.info(
        "Recap %s%s: %d active families, %d kelurahan, in %.2f s",
        period.label,
        f" ({chosen[1]})" if chosen else "",
        city.active_families,
        len(kelurahan_rows),
        time.perf_counter() - started,
    )
    return recap
