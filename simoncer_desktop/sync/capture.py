"""Change capture: the SQLite triggers that write every local change of a synced row to ``sync_outbox``.

``docs/sync-design.md`` §4. Triggers, not ORM events: bulk writes and raw SQL bypass the ORM.

Per ``SyncedMixin`` table two triggers, both only while ``sync_clock.applying = 0`` (pulled changes are
written with capture suppressed, ``sync.outbox.applying``):

* ``sync_<table>_ai`` AFTER INSERT: one ``insert`` row whose ``fields`` hold every captured column.
* ``sync_<table>_au`` AFTER UPDATE, only when a captured column changed (``OLD.c IS NOT NEW.c``): one
  ``update`` row whose ``fields`` hold only the changed columns (built with ``json_group_object`` over a
  ``UNION ALL`` of one single-row select per column, each filtered by its own change test). An update
  that changes no captured column (e.g. only ``updated_at`` or a trigger-kept summary) writes nothing
  and does not move the clock. A tombstone is an update of ``deleted``.

Each trigger first advances the hybrid logical clock (``CLOCK_TICK``), then stamps the row with
``hlc = printf('%015d-%05d-%s', wall_ms, counter, device_id)`` (lexicographic = (wall, counter, device)
order) and an ``op_id`` that is a UUIDv7 of the HLC wall and 74 random bits (time-ordered, so the
unique index on ``op_id`` is append-mostly, like the tables' own ids).

Captured: every column but ``id`` (it is the outbox's ``row_id``), ``created_at``/``updated_at``
(local bookkeeping), the columns SQLite triggers derive on every device from other synced rows
(``DERIVED``: syncing those would let a stale count win over the members that were really pulled) and
the device-local ones (``DEVICE_LOCAL``: a user's failed sign-ins and lockout on this laptop).

Value encoding in ``fields`` (JSON values exactly as SQLite stores them, no conversion):
text → string; integers → number; ``Boolean`` → 0/1; ``Float`` → number; ``Date`` → ``'YYYY-MM-DD'``;
``DateTime`` → SQLAlchemy's stored text ``'YYYY-MM-DD HH:MM:SS.ffffff'``; NULL → null. JSON-holding
``Text`` columns (``answers``, ``definition``, ``setting.value``) stay JSON *strings*.

Migrations do not read the models: migration 0006 carries its own frozen table → columns map and
calls :func:`create_trigger_sql`/:func:`drop_trigger_sql` with it; ``tests/unit/test_sync_capture.py``
checks that the triggers in a database at head equal what :func:`captured_columns` (the models) would
generate, so a model change without a capture migration fails the tests. Should the trigger *form*
change later, the new migration drops and recreates the triggers with its own copy of the old form
kept in this module under a new name (old migrations must keep producing what they produced).

Trigger forms: migration 0006 made the first form (``acting_user=False``, the default of
:func:`create_trigger_sql`/:func:`backfill_sql`, kept so 0006 keeps producing what it produced);
migration 0008 recreated them in the current form (``acting_user=True``, :func:`current_trigger_sql`),
which also stamps every outbox row with ``user_name`` = ``sync_clock.acting_user`` — the signed-in user
the session's flush set (``services.audit_hook``), so the server can check each op against the acting
user's role.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import MetaData

NOT_CAPTURED = ("id", "created_at", "updated_at")
"""Columns of every synced table that are never captured (``id`` travels as ``row_id``)."""

DERIVED: dict[str, tuple[str, ...]] = {
    "household": ("member_count", "recipient_name", "recipient_nik"),
}
"""Columns kept by SQLite triggers from other synced rows (migration 0002): recomputed on every device."""

DEVICE_LOCAL: dict[str, tuple[str, ...]] = {
    "app_user": ("failed_logins", "locked_until"),
}
"""Columns that describe this device only: a lockout after wrong passwords guards this laptop; syncing it
would lock the user out elsewhere and send a change at every failed sign-in."""

CAPTURE_ON = "(SELECT applying FROM sync_clock WHERE id = 1) = 0"

BULK_TABLES = ("household", "member")
"""Tables the bulk writer fills (``services.bulk_write.triggers_deferred``, the import), parents first:
their *insert* capture is off while its ``app_state`` switch is set, and the rows it added are queued
set-based when it ends (``sync.outbox.queue_bulk_inserts``), at about half the per-row cost. Updates
are always captured row by row: only they know which fields really changed."""

NOT_BULK = "NOT EXISTS (SELECT 1 FROM app_state WHERE key = 'bulk_load')"

NOW_MS = "CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER)"
"""Unix milliseconds in SQL. Rounded, not truncated: the double carries 'now' at ~0.05 ms precision.
SQLite keeps 'now' fixed within one statement step, so rows of one INSERT … SELECT share it."""

MAX_COUNTER = 99999
"""The counter has 5 digits in the HLC text; past it the wall is moved on by 1 ms."""

CLOCK_TICK = f"""UPDATE sync_clock SET
    wall_ms = CASE WHEN {NOW_MS} + offset_ms > wall_ms THEN {NOW_MS} + offset_ms
                   WHEN counter >= {MAX_COUNTER} THEN wall_ms + 1 ELSE wall_ms END,
    counter = CASE WHEN {NOW_MS} + offset_ms > wall_ms OR counter >= {MAX_COUNTER} THEN 0
                   ELSE counter + 1 END
  WHERE id = 1;"""
"""HLC send/local event: wall = max(now + offset, wall); counter 0 when the wall moved, else + 1.
(SQLite evaluates every SET expression on the old row.)"""

HLC_SQL = "printf('%015d-%05d-%s', wall_ms, counter, device_id)"

ACTING_USER_SQL = "(SELECT acting_user FROM sync_clock WHERE id = 1)"
"""The user on whose behalf this transaction writes (``sync_clock.acting_user``, set before each flush)."""


def op_id_sql(w: str = "w", r: str = "r") -> str:
    """A UUIDv7 text from ``w`` (the wall as 12 hex digits) and ``r`` (20 random hex digits). Should
    SQLite inline ``r`` as several ``randomblob`` calls, the bits are still random."""
    return (
        f"substr({w}, 1, 8) || '-' || substr({w}, 9, 4) || '-7' || substr({r}, 1, 3) || '-' || "
        f"substr('89ab', (instr('0123456789abcdef', substr({r}, 4, 1)) - 1) % 4 + 1, 1) || substr({r}, 5, 3) || "
        f"'-' || substr({r}, 8, 12)"
    )


CLOCK_ROW = (
    "(SELECT printf('%012x', wall_ms) AS w, lower(hex(randomblob(10))) AS r, wall_ms, counter, device_id "
    "FROM sync_clock WHERE id = 1) AS clock"
)


def synced_columns(metadata: MetaData | None = None) -> dict[str, tuple[str, ...]]:
    """Table → every column of each ``SyncedMixin`` table in the models, in table order."""
    from simoncer_desktop.models import Base, SyncedMixin

    tables = {mapper.local_table.name for mapper in Base.registry.mappers if issubclass(mapper.class_, SyncedMixin)}
    meta = metadata or Base.metadata
    return {name: tuple(c.name for c in meta.tables[name].columns) for name in sorted(tables)}


def captured_columns(metadata: MetaData | None = None) -> dict[str, tuple[str, ...]]:
    """Table → the captured columns according to the current models (what the triggers at head must use)."""
    return {
        table: tuple(
            c
            for c in columns
            if c not in NOT_CAPTURED and c not in DERIVED.get(table, ()) and c not in DEVICE_LOCAL.get(table, ())
        )
        for table, columns in synced_columns(metadata).items()
    }


def trigger_names(table: str) -> tuple[str, str]:
    """(insert trigger, update trigger) of ``table``."""
    return f"sync_{table}_ai", f"sync_{table}_au"


def _q(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def insert_fields_sql(columns: Sequence[str], row: str = "NEW") -> str:
    """``json_object`` of every captured column of ``row`` (``NEW`` in a trigger, a table in a backfill)."""
    if 2 * len(columns) > 100:  # SQLite's default limit is 127 function arguments
        raise ValueError(f"{len(columns)} columns is too many for one json_object call")
    return "json_object(" + ", ".join(f"{_lit(c)}, {row}.{_q(c)}" for c in columns) + ")"


def _changed(column: str) -> str:
    return f"OLD.{_q(column)} IS NOT NEW.{_q(column)}"


def _update_fields_sql(columns: Sequence[str]) -> str:
    parts = " UNION ALL ".join(f"SELECT {_lit(c)} AS k, NEW.{_q(c)} AS v WHERE {_changed(c)}" for c in columns)
    return f"(SELECT json_group_object(k, v) FROM ({parts}))"


def _outbox_insert(table: str, kind: str, fields: str, acting_user: bool = False) -> str:
    if acting_user:
        return (
            "INSERT INTO sync_outbox (op_id, tbl, row_id, kind, fields, hlc, user_name) "
            f"SELECT {op_id_sql()}, {_lit(table)}, NEW.id, {_lit(kind)}, {fields}, {HLC_SQL}, {ACTING_USER_SQL} "
            f"FROM {CLOCK_ROW};"
        )
    return (
        "INSERT INTO sync_outbox (op_id, tbl, row_id, kind, fields, hlc) "
        f"SELECT {op_id_sql()}, {_lit(table)}, NEW.id, {_lit(kind)}, {fields}, {HLC_SQL} FROM {CLOCK_ROW};"
    )


def current_trigger_sql(columns: Mapping[str, Sequence[str]], bulk_tables: Sequence[str] = ()) -> list[str]:
    """The capture triggers in their current form (since migration 0008: stamping the acting user)."""
    return create_trigger_sql(columns, bulk_tables, acting_user=True)


def create_trigger_sql(
    columns: Mapping[str, Sequence[str]], bulk_tables: Sequence[str] = (), *, acting_user: bool = False
) -> list[str]:
    """The ``CREATE TRIGGER`` statements capturing the given table → captured columns map; the insert
    triggers of ``bulk_tables`` stand aside while the bulk switch is set (``BULK_TABLES``). Without
    ``acting_user`` the first form (migration 0006), with it the current one (``current_trigger_sql``)."""
    statements = []
    for table, cols in sorted(columns.items()):
        insert_name, update_name = trigger_names(table)
        insert_when = f"{CAPTURE_ON} AND {NOT_BULK}" if table in bulk_tables else CAPTURE_ON
        statements.append(
            f"CREATE TRIGGER {insert_name} AFTER INSERT ON {_q(table)} WHEN {insert_when} BEGIN "
            f"{CLOCK_TICK} {_outbox_insert(table, 'insert', insert_fields_sql(cols), acting_user)} END"
        )
        any_changed = " OR ".join(_changed(c) for c in cols)
        statements.append(
            f"CREATE TRIGGER {update_name} AFTER UPDATE ON {_q(table)} WHEN ({any_changed}) AND {CAPTURE_ON} BEGIN "
            f"{CLOCK_TICK} {_outbox_insert(table, 'update', _update_fields_sql(cols), acting_user)} END"
        )
    return statements


def drop_trigger_sql(tables: Iterable[str]) -> list[str]:
    """``DROP TRIGGER IF EXISTS`` for both capture triggers of every table."""
    return [f"DROP TRIGGER IF EXISTS {name}" for table in sorted(tables) for name in trigger_names(table)]


def backfill_sql(
    table: str, columns: Sequence[str], hlc: str, after_rowid: int = 0, *, acting_user: bool = False
) -> str:
    """One set-based ``insert`` outbox row per row of ``table`` with a rowid above ``after_rowid`` (rowid
    order), all stamped ``hlc``: what a database that existed before capture, or a bulk write, has not
    queued. The op ids are UUIDv7 of the HLC's wall with random bits per row. ``acting_user`` (the form
    since migration 0008) also stamps ``user_name`` with ``sync_clock.acting_user``."""
    wall = f"'{int(hlc[:15]):012x}'"
    user_column, user_value = (", user_name", f", {ACTING_USER_SQL}") if acting_user else ("", "")
    return (
        f"INSERT INTO sync_outbox (op_id, tbl, row_id, kind, fields, hlc{user_column}) "
        f"SELECT {op_id_sql(wall, 'src.r')}, {_lit(table)}, src.id, 'insert', src.f, {_lit(hlc)}{user_value} FROM "
        f"(SELECT id, {insert_fields_sql(columns, _q(table))} AS f, lower(hex(randomblob(10))) AS r "
        f"FROM {_q(table)} WHERE rowid > {int(after_rowid)} ORDER BY rowid) AS src"
    )
