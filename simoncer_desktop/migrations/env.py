"""Alembic environment: always run programmatically (see ``simoncer_desktop.migrate``) on a connection
handed in through ``config.attributes['connection']``; batch mode because SQLite cannot ALTER much."""

from __future__ import annotations

from alembic import context

from simoncer_desktop.migrate import include_object
from simoncer_desktop.models import Base


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
