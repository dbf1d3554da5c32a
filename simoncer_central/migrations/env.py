"""Alembic environment of the central database: always run programmatically (``simoncer_central.store``)
on a connection handed in through ``config.attributes['connection']``. Batch mode so the same revisions
work on SQLite (which cannot ALTER much); on PostgreSQL batch operations are plain ALTERs."""

from __future__ import annotations

from alembic import context

from simoncer_central.models import CentralBase
from simoncer_central.store import VERSION_TABLE


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=CentralBase.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
