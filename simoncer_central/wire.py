"""The push wire format (``POST /sync/push``, ``docs/sync-design.md`` §5): what a batch and an op must look
like before ``simoncer_central.push`` applies them, and the clamp of HLCs from a laptop clock running fast.

A batch is ``{device_id?, batch_id?, schema_version, cursor?, ops: [op, …]}``; an op is exactly what the
client's ``OutboxOp.to_wire()`` makes: ``{op_id, tbl, row_id, kind ('insert'|'update'), fields {column:
value}, hlc, user?}``. A batch that is not a batch is refused whole (400, 413, 426); a malformed op is
answered ``rejected`` on its own (:class:`OpError`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from simoncer_central.errors import CentralError, InvalidInputError, PayloadTooLargeError
from simoncer_central.models import (
    DEVICE_ID_LENGTH,
    FIELD_LENGTH,
    ROW_ID_LENGTH,
    SCOPE_LENGTH,
    USER_NAME_LENGTH,
    Device,
)

MAX_OPS = 1000
"""Ops per batch; more is 413 (the client sends at most this many)."""
MIN_SCHEMA = 6
"""The oldest desktop schema (migration number) whose ops the server takes: 0006 introduced capture."""

HLC_PATTERN = re.compile(r"\d{15}-\d{5}-[^\s]{1,64}")
TABLE_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,59}")
FIELD_PATTERN = re.compile(rf"[a-z][a-z0-9_]{{0,{FIELD_LENGTH - 1}}}")
KINDS = ("insert", "update")


class SchemaTooOldError(CentralError):
    """The client's schema is older than ``MIN_SCHEMA``: it must update (426) and keep its outbox."""

    http_status = 426

    def __init__(self, message: str, min_schema: int = MIN_SCHEMA) -> None:
        super().__init__(message)
        self.min_schema = min_schema


class OpError(Exception):
    """An op that cannot be applied: answered ``rejected`` with this (Bahasa) message."""


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class WireOp:
    op_id: str
    tbl: str
    row_id: str
    kind: str
    fields: dict[str, Any]
    hlc: str
    user: str | None = None
    """The acting user (``app_user.username``) the client stamped on the op (schema 8 and later)."""


def validate_batch(batch: Any, device: Device) -> tuple[int, list[Any], int | None]:
    """The batch's schema version, ops and pull cursor (optional); a batch that is not a batch at all is
    400, too many ops 413, too old a schema 426. Single malformed ops are answered ``rejected`` later."""
    if not isinstance(batch, dict):
        raise InvalidInputError("Isi permintaan harus berupa objek JSON.")
    schema = batch.get("schema_version")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise InvalidInputError("Kolom 'schema_version' wajib diisi dengan bilangan bulat.")
    ops = batch.get("ops")
    if not isinstance(ops, list):
        raise InvalidInputError("Kolom 'ops' wajib diisi dengan daftar perubahan.")
    if len(ops) > MAX_OPS:
        raise PayloadTooLargeError(
            f"Satu kiriman berisi {len(ops)} perubahan; paling banyak {MAX_OPS}. Kirim dalam beberapa bagian."
        )
    if schema < MIN_SCHEMA:
        raise SchemaTooOldError(
            f"Versi aplikasi ini terlalu lama untuk server (skema {schema}, minimal {MIN_SCHEMA}). Perbarui "
            "aplikasi; perubahan yang belum terkirim tetap tersimpan dan dapat diekspor lewat 'Ekspor antrean…'."
        )
    sender = batch.get("device_id")
    if sender is not None and sender != device.id:
        raise InvalidInputError("Kolom 'device_id' tidak cocok dengan token perangkat ini.")
    cursor = batch.get("cursor")
    if cursor is not None and (not isinstance(cursor, int) or isinstance(cursor, bool) or cursor < 0):
        raise InvalidInputError("Kolom 'cursor' harus bilangan bulat 0 atau lebih.")
    return schema, ops, cursor


def parse_op(raw: dict[str, Any]) -> WireOp:
    """A checked op (the ``op_id`` was checked by the caller)."""
    tbl = raw.get("tbl")
    if not isinstance(tbl, str) or not TABLE_PATTERN.fullmatch(tbl):
        raise OpError("Nama tabel perubahan tidak valid.")
    row_id = raw.get("row_id")
    if not isinstance(row_id, str) or not 0 < len(row_id) <= ROW_ID_LENGTH:
        raise OpError("Id baris perubahan tidak valid.")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise OpError("Jenis perubahan harus 'insert' atau 'update'.")
    fields = raw.get("fields")
    if not isinstance(fields, dict) or not fields:
        raise OpError("Perubahan tanpa kolom yang diubah.")
    for name in fields:
        if not FIELD_PATTERN.fullmatch(name) or name == "id":
            raise OpError(f"Nama kolom '{str(name)[:80]}' tidak valid.")
    hlc = raw.get("hlc")
    if not isinstance(hlc, str) or not HLC_PATTERN.fullmatch(hlc):
        raise OpError("Cap waktu (HLC) perubahan tidak valid.")
    if "scope" in fields and (not isinstance(fields["scope"], str) or not 0 < len(fields["scope"]) <= SCOPE_LENGTH):
        raise OpError("Kolom 'scope' (wilayah) tidak valid.")
    return WireOp(raw["op_id"], tbl, row_id, kind, fields, hlc, parse_user(raw.get("user")))


def parse_user(value: Any) -> str | None:
    """The op's acting user: absent/``null`` (older clients, legacy ops) or a username."""
    if value is None:
        return None
    if not isinstance(value, str) or not 0 < len(value) <= USER_NAME_LENGTH:
        raise OpError("Nama pengguna pada perubahan tidak valid.")
    return value


def valid_op_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= DEVICE_ID_LENGTH


def clamp_future_hlcs(batch: Any, server_ms: int, max_future_ms: int = 5 * 60_000) -> int | None:
    """Issue 8 §7: an op whose HLC wall is more than ``max_future_ms`` ahead of ``server_ms`` (a laptop clock
    running fast) is re-stamped in place to wall ``server_ms``, counter = its index among those ops (their
    order inside the batch is kept), same device, so its stale write cannot beat later edits for a day.
    Malformed ops are left to the normal checks. Returns the largest skew seen (ms) or None."""
    ops = batch.get("ops") if isinstance(batch, dict) else None
    if not isinstance(ops, list):
        return None
    skew: int | None = None
    clamped = 0
    for op in ops:
        stamp = op.get("hlc") if isinstance(op, dict) else None
        if not isinstance(stamp, str) or not HLC_PATTERN.fullmatch(stamp):
            continue
        ahead = int(stamp[:15]) - server_ms
        if ahead > max_future_ms:
            op["hlc"] = f"{server_ms:015d}-{min(clamped, 99999):05d}{stamp[21:]}"
            clamped += 1
            skew = ahead if skew is None else max(skew, ahead)
    return skew
