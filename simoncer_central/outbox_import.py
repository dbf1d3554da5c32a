"""Import a laptop's exported outbox centrally (``simoncer-central import-outbox --db URL FILE``).

A laptop whose app is too old for the server (426) keeps its unsent changes and exports them
(``simoncer-cli sync --export-outbox``, ``simoncer_desktop.sync.export``: gzip JSON with the device id, the
schema version and every pending/poison op). The office applies that file here as pushes from that device:
the same rules as ``POST /sync/push`` (``push.apply_batch``: scope, last-writer-wins, conflicts, hand-over,
duplicates), in batches of ``wire.MAX_OPS``, each in its own transaction, with far-future HLCs clamped
(``wire.clamp_future_hlcs``). Only the ``MIN_SCHEMA`` refusal is bypassed (the office decided to take the
file) and the device's recorded schema version is left as it was.

Replay safety: an op the server already answered for that device (``applied_op``) returns its stored
answer and changes nothing, so importing the same file twice — or a file whose ops the laptop later pushed
itself after an update — changes nothing the second time; such ops are counted as ``already``.
"""

from __future__ import annotations

import gzip
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from simoncer_central import push, wire
from simoncer_central.errors import CentralError, InvalidInputError
from simoncer_central.models import AppliedOp, Device
from simoncer_central.store import CentralDb

FORMAT = "simoncer-outbox"
WIRE_KEYS = ("op_id", "tbl", "row_id", "kind", "fields", "hlc", "user")


class ImportFileError(CentralError):
    """The file is not a readable outbox export (Bahasa message naming the file)."""

    http_status = 400


@dataclass
class ImportReport:
    device_id: str
    device_name: str
    ops: int = 0
    already: int = 0
    """Ops answered before (an earlier import or push of the same op): nothing changed for them."""
    statuses: Counter[str] = field(default_factory=Counter)
    """Answers of the ops applied now: applied, merged, rejected, duplicate."""
    errors: list[tuple[str, str]] = field(default_factory=list)
    """(op id, reason) of rejected ops."""
    clamped_skew_ms: int | None = None


def read_file(path: str | Path) -> dict[str, Any]:
    source = Path(path).expanduser()
    try:
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            document = json.load(handle)
    except FileNotFoundError as exc:
        raise ImportFileError(f"Berkas {source} tidak ditemukan.") from exc
    except (OSError, EOFError, ValueError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"Berkas {source} bukan ekspor antrean Simoncer (json.gz) yang utuh: {exc}") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError(f"Berkas {source} bukan ekspor antrean Simoncer (format '{FORMAT}').")
    if not isinstance(document.get("device_id"), str) or not isinstance(document.get("ops"), list):
        raise ImportFileError(f"Berkas {source} tidak memuat id perangkat dan daftar perubahan.")
    schema = document.get("schema_version")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise ImportFileError(f"Berkas {source} tidak menyebut versi skema aplikasinya.")
    return document


def wire_op(raw: Any) -> Any:
    """The op as a push carries it (status/error of the laptop's outbox left out); malformed ops pass
    through for ``apply_batch`` to answer ``rejected``."""
    if not isinstance(raw, dict):
        return raw
    return {k: raw[k] for k in WIRE_KEYS if k in raw}


def import_outbox(db: CentralDb, path: str | Path, *, now_ms: int | None = None) -> ImportReport:
    """Apply the export at ``path`` as pushes of the device it names; raises :class:`CentralError`."""
    document = read_file(path)
    device_id = document["device_id"]
    schema = max(int(document["schema_version"]), wire.MIN_SCHEMA)
    with db.transaction() as session:
        device = session.get(Device, device_id)
        if device is None:
            raise InvalidInputError(
                f"Perangkat {device_id} (dari berkas) tidak terdaftar di server ini; antrean tidak diimpor."
            )
        report = ImportReport(device.id, device.name)
    ops = [wire_op(op) for op in document["ops"]]
    for start in range(0, len(ops), wire.MAX_OPS):
        chunk = ops[start : start + wire.MAX_OPS]
        batch = {"device_id": device_id, "schema_version": schema, "ops": chunk}
        skew = wire.clamp_future_hlcs(batch, time.time_ns() // 1_000_000 if now_ms is None else now_ms)
        if skew is not None:
            report.clamped_skew_ms = max(report.clamped_skew_ms or 0, skew)
        with db.transaction() as session:
            device = session.get(Device, device_id)
            assert device is not None
            kept_schema = device.schema_version
            ids = [op["op_id"] for op in chunk if isinstance(op, dict) and isinstance(op.get("op_id"), str)]
            seen: set[str] = set()
            for first in range(0, len(ids), push.IN_CHUNK):
                query = select(AppliedOp.op_id).where(
                    AppliedOp.device_id == device_id, AppliedOp.op_id.in_(ids[first : first + push.IN_CHUNK])
                )
                seen.update(session.scalars(query))
            results = push.apply_batch(session, device, batch)
            device.schema_version = kept_schema  # the laptop's app did not change by this import
        for result in results:
            report.ops += 1
            if result.get("op_id") in seen:
                report.already += 1
                continue
            status = str(result.get("status"))
            report.statuses[status] += 1
            if status == push.REJECTED:
                report.errors.append((str(result.get("op_id")), str(result.get("error") or "")))
    return report
