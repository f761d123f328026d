"""Creating, unlocking, locking and recovering a workspace file."""

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from dhr_manager.errors import InputError, WorkspaceLocked, WrongPassphrase
from dhr_manager.services.cases import create_case, list_cases
from dhr_manager.services.users import reset_passphrase_with_recovery_key
from dhr_manager.storage.workspace import Workspace
from tests.conftest import ADMIN, PASSPHRASE, open_as


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_workspace_is_one_private_file_in_wal_mode(admin_ws) -> None:
    path = admin_ws.path
    assert path.stat().st_mode & 0o777 == 0o600
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert not list(path.parent.glob(".*creating*"))


def test_it_unlocks_with_the_passphrase_and_keeps_data(admin_ws, ws_path: Path) -> None:
    create_case(admin_ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    ws = open_as(ws_path, ADMIN)
    assert [c.reference for c in list_cases(ws)] == ["DHR-2026-001"]
    assert ws.user.name == ADMIN


def test_a_wrong_passphrase_is_refused_and_changes_nothing(admin_ws, ws_path: Path) -> None:
    admin_ws.workspace.close()
    before = digest(ws_path)
    with pytest.raises(WrongPassphrase, match="wrong"):
        open_as(ws_path, ADMIN, "not the passphrase at all")
    assert digest(ws_path) == before


def test_creating_over_an_existing_file_is_refused(admin_ws, ws_path: Path) -> None:
    with pytest.raises(InputError, match="already a file"):
        Workspace.create(ws_path, "Someone Else", PASSPHRASE)


def test_a_short_passphrase_is_refused_and_no_file_is_left(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="at least 12"):
        Workspace.create(tmp_path / "new" / "w.dhr", ADMIN, "short")
    assert not (tmp_path / "new").exists()


def test_locking_drops_the_key(admin_ws) -> None:
    admin_ws.lock()
    assert admin_ws.locked
    with pytest.raises(WorkspaceLocked):
        list_cases(admin_ws)


def test_the_recovery_key_sets_a_forgotten_passphrase(ws_path: Path) -> None:
    ws, recovery = Workspace.create(ws_path, ADMIN, PASSPHRASE)
    ws.lock()
    workspace = Workspace.open(ws_path)
    with pytest.raises(WrongPassphrase):
        reset_passphrase_with_recovery_key(workspace, ADMIN, "AAAA-" + recovery[5:], "a brand new passphrase")
    reset_passphrase_with_recovery_key(workspace, ADMIN, recovery.lower().replace("-", " "),
                                       "a brand new passphrase")
    assert open_as(ws_path, ADMIN, "a brand new passphrase").user.name == ADMIN
    with pytest.raises(WrongPassphrase):
        open_as(ws_path, ADMIN, PASSPHRASE)


def test_the_audit_log_refuses_updates_and_deletes(admin_ws, ws_path: Path) -> None:
    conn = sqlite3.connect(ws_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET action = 'x'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log")
    finally:
        conn.close()


def test_key_slots_store_their_argon2id_parameters(admin_ws, ws_path: Path) -> None:
    conn = sqlite3.connect(ws_path)
    try:
        params = [row[0] for row in conn.execute("SELECT kdf_params FROM key_slots")]
    finally:
        conn.close()
    assert len(params) == 2  # the administrator's slot and the recovery slot
    for text in params:
        assert '"memory_kib": 65536' in text and '"iterations": 3' in text and '"lanes": 4' in text
