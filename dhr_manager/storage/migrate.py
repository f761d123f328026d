"""Bringing a workspace's schema up to date with Alembic when it is opened, after taking a copy.

Alembic is imported only when a workspace actually needs migrating: importing it costs a fifth of a second,
and nearly every opening finds the schema current (checked against `SCHEMA_REVISION`, which a test keeps equal to
the newest migration).
"""

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from dhr_manager.storage.copying import copy_workspace

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
SCHEMA_REVISION = "0006"


def alembic_config() -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # a new, empty file: no version table yet
            return None


def upgrade(engine: Engine, path: Path, revision: str = "head") -> Path | None:
    """Migrate to `revision`; an existing workspace is first copied beside itself. Returns the copy's path.

    The whole migration is one transaction: if it fails, the workspace stays at its old revision, and the
    copy is there as well.
    """
    current = current_revision(engine)
    target = SCHEMA_REVISION if revision == "head" else revision
    if current == target:
        return None
    from alembic import command

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
