"""The schema comes from Alembic migrations, which run on open after a copy of the workspace is taken."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dhr_manager.errors import WrongPassphrase
from dhr_manager.services.cases import create_case, list_cases
from dhr_manager.storage.migrate import SCHEMA_REVISION, alembic_config, current_revision, head_revision
from dhr_manager.storage.schema import Base
from dhr_manager.storage.workspace import Workspace
from tests.conftest import ADMIN, open_as


def test_the_schema_revision_the_code_expects_is_the_newest_migration() -> None:
    assert head_revision() == SCHEMA_REVISION


def test_the_migrated_schema_matches_the_models(admin_ws) -> None:
    with admin_ws.workspace.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_opening_an_older_workspace_upgrades_it_after_taking_a_copy(admin_ws, ws_path: Path) -> None:
    create_case(admin_ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    engine = admin_ws.workspace.engine
    config = alembic_config()
    with engine.execution_options(dhr_write=True).begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    admin_ws.workspace.close()
    assert not list(ws_path.parent.glob("*.bak"))

    ws = open_as(ws_path, ADMIN)

    assert current_revision(ws.workspace.engine) == head_revision()
    backups = list(ws_path.parent.glob("team.dhr.before-upgrade-0001-*.bak"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    finally:
        conn.close()
    assert [c.reference for c in list_cases(ws)] == ["DHR-2026-001"]


def test_a_wrong_passphrase_does_not_migrate(admin_ws, ws_path: Path) -> None:
    config = alembic_config()
    with admin_ws.workspace.engine.execution_options(dhr_write=True).begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    admin_ws.workspace.close()
    workspace = Workspace.open(ws_path)
    with pytest.raises(WrongPassphrase):
        workspace.unlock(ADMIN, "the wrong passphrase entirely")
    assert current_revision(workspace.engine) == "0001"
    assert not list(ws_path.parent.glob("*.bak"))
    workspace.close()
