"""Export the outbox to a file (issue 8 §6): a laptop whose app is too old for the server (426) keeps its
unsent changes; the office imports the file centrally (``simoncer-central import-outbox``).

The file is gzip-compressed JSON::

    {"format": "simoncer-outbox", "version": 1, "device_id": …, "schema_version": 7, "server_url": …,
     "scope": …, "exported_at": "2026-11-25T21:00:00Z",
     "ops": [{"op_id", "tbl", "row_id", "kind", "fields", "hlc", "user"?, "status", "error"}, …]}

Every pending and poison op is written, in capture order, with the HLC it was stamped with when it was made
(and the acting ``user`` when the outbox row has that column). The file is written under a temporary name,
flushed to disk, then renamed: a crash never leaves half a file under the final name. The outbox itself
is not changed (the laptop may still sync after an update; the server answers a replayed op once).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from simoncer_desktop.errors import SimoncerError
from simoncer_desktop.store import Database
from simoncer_desktop.sync import hlc, outbox, state
from simoncer_desktop.translation import translate

FORMAT = "simoncer-outbox"
VERSION = 1
READ_CHUNK = 10_000


class ExportError(SimoncerError):
    """The export file could not be written (Bahasa message naming the path)."""


def outbox_rows(session: Session) -> list[dict[str, Any]]:
    """Every pending and poison op, oldest first, as the push carries it (``OutboxOp.to_wire()``, with the
    acting ``user`` where the outbox records one) plus its ``status`` and ``error``."""
    ops = list(outbox.poisoned(session))
    after = 0
    while True:
        chunk = outbox.pending(session, READ_CHUNK, after_seq=after)
        if not chunk:
            break
        ops += chunk
        after = chunk[-1].seq
    ops.sort(key=lambda op: op.seq)
    return [{**op.to_wire(), "status": op.status, "error": op.error} for op in ops]


def build_document(db: Database, session: Session) -> dict[str, Any]:
    from simoncer_desktop.sync.engine import schema_number

    current = state.load(session)
    return {
        "format": FORMAT,
        "version": VERSION,
        "device_id": current.device_id or hlc.device(session),
        "schema_version": schema_number(db.migration.to_revision),
        "server_url": current.server_url,
        "scope": current.scope,
        "exported_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "ops": outbox_rows(session),
    }


def export_outbox(db: Database, path: str | Path) -> int:
    """Write every pending and poison op to ``path`` (gzip JSON, atomically); how many ops were written."""
    target = Path(path).expanduser()
    with db.read() as session:
        document = build_document(db, session)
    data = gzip.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if target.is_dir():
        raise ExportError(
            translate("sync", "{target} adalah folder; sebutkan nama berkas, mis. {example}.").format(
                target=target, example=target / "antrean.json.gz"
            )
        )
    if not target.parent.is_dir():
        raise ExportError(
            translate("sync", "Folder {parent} tidak ada; berkas antrean tidak dapat ditulis ke {target}.").format(
                parent=target.parent, target=target
            )
        )
    temp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise ExportError(
            translate("sync", "Berkas antrean tidak dapat ditulis ke {target}: {reason}.").format(
                target=target, reason=reason
            )
        ) from exc
    return len(document["ops"])


def read_export(path: str | Path) -> dict[str, Any]:
    """Read an export file back (for checks and the central import, which has its own reader)."""
    with gzip.open(Path(path), "rt", encoding="utf-8") as handle:
        return json.load(handle)
