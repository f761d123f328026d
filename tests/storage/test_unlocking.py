"""Opening a key slot straight from the file, as the unlock dialog does before the rest of the application loads:
the same key as `Workspace.unlock`, and a clear message for every way it can go wrong, with nothing changed."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from dhr_manager.domain.roles import Role
from dhr_manager.errors import DhrError, InputError, NotFound, WorkspaceCorrupt, WrongPassphrase
from dhr_manager.services.cases import create_case, list_cases
from dhr_manager.services.users import add_user
from dhr_manager.storage.unlocking import open_with_passphrase, open_with_recovery_key, user_names
from dhr_manager.storage.workspace import Workspace
from tests.conftest import ADMIN, PASSPHRASE


def test_the_key_opened_from_the_file_unlocks_the_workspace_as_that_user(admin_ws, ws_path: Path) -> None:
    create_case(admin_ws, "DHR-2026-031", "Northshire", date(2026, 1, 5))
    add_user(admin_ws, "Chris Chair", Role.CHAIR, "chairs passphrase here")
    assert user_names(ws_path) == [ADMIN, "Chris Chair"]

    key = open_with_passphrase(ws_path, "  Ada   Admin ", PASSPHRASE)  # spaces as typed are forgiven
    assert key.user.name == ADMIN and key.user.role is Role.ADMINISTRATOR
    assert "data_key" not in repr(key)  # never printed in a log or a traceback
    unlocked = Workspace.open(ws_path).unlock_with(key)
    assert [case.reference for case in list_cases(unlocked)] == ["DHR-2026-031"]  # the sealed values open
    unlocked.lock()
    unlocked.workspace.close()


def message(kind: type[DhrError], attempt: Callable[[], object]) -> str:
    with pytest.raises(kind) as raised:
        attempt()
    return raised.value.message


def test_each_way_of_failing_is_explained(admin_ws, ws_path: Path) -> None:
    assert message(WrongPassphrase, lambda: open_with_passphrase(ws_path, ADMIN, "not the passphrase at all")) == (
        f"The passphrase for {ADMIN} is wrong. Nothing was changed.")
    assert message(NotFound, lambda: open_with_passphrase(ws_path, "Nobody Known", PASSPHRASE)) == (
        "There is no user called 'Nobody Known' in this workspace.")
    assert message(WrongPassphrase, lambda: open_with_recovery_key(ws_path, "AAAA-BBBB-CCCC", ADMIN)) == (
        "That recovery key does not open this workspace. Nothing was changed.")
    assert open_with_passphrase(ws_path, None, PASSPHRASE).user.name == ADMIN  # the only user: no name needed
    add_user(admin_ws, "Chris Chair", Role.CHAIR, "chairs passphrase here")
    assert message(InputError, lambda: open_with_passphrase(ws_path, None, PASSPHRASE)) == (
        "This workspace has several users: say which one you are with --user NAME.")


def test_a_file_that_cannot_be_read_is_reported_as_damaged(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.dhr"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # the header of a database, and then nothing
    assert message(WorkspaceCorrupt, lambda: user_names(damaged)) == (
        f"The workspace {damaged} cannot be read; it may be damaged. It was not changed.")
    assert damaged.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 200
