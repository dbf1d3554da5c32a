"""One Alembic migration chain run programmatically: the desktop's and the central service's share this."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

FILE_TEMPLATE = "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s"


@dataclass(frozen=True)
class MigrationChain:
    directory: Path
    version_table: str = "alembic_version"

    def config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(self.directory))
        cfg.set_main_option("file_template", FILE_TEMPLATE)
        return cfg

    def head(self) -> str:
        head = ScriptDirectory.from_config(self.config()).get_current_head()
        assert head is not None, f"the migration chain in {self.directory} has no head"
        return head

    def known(self) -> set[str]:
        """Every revision this code can read (and upgrade from)."""
        return {script.revision for script in ScriptDirectory.from_config(self.config()).walk_revisions()}

    def run(self, engine: Engine, verb: str, target: str) -> None:
        """``verb`` is an ``alembic.command`` name (``upgrade``, ``downgrade``); one transaction for all steps."""
        cfg = self.config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, verb)(cfg, target)

    def current(self, engine: Engine) -> str | None:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"version_table": self.version_table})
            return context.get_current_revision()
