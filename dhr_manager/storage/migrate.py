"""Bringing a workspace's schema up to date with Alembic when it is opened, after taking a copy."""

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from dhr_manager.storage.copying import copy_workspace

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, path: Path, revision: str = "head") -> Path | None:
    """Migrate to `revision`; an existing workspace is first copied beside itself. Returns the copy's path.

    The whole migration is one transaction: if it fails, the workspace stays at its old revision, and the
    copy is there as well.
    """
    current = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup = None
    if current is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = path.with_name(f"{path.name}.before-upgrade-{current}-{stamp}.bak")
        copy_workspace(path, backup)
    config = alembic_config()
    with engine.execution_options(dhr_write=True).begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    return backup

