"""Backing up and restoring a workspace. A backup is one file, and still ciphertext."""

import os
from datetime import UTC, datetime
from pathlib import Path

from dhr_manager.domain.roles import Permission
from dhr_manager.errors import InputError
from dhr_manager.services.integrity import VerifyReport, verify_workspace
from dhr_manager.storage.copying import copy_workspace
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace


def backup_workspace(ws: UnlockedWorkspace, out: Path) -> Path:
    """Write a consistent copy of the workspace, safe to take while colleagues keep working."""
    ws.require(Permission.BACKUP)
    out = Path(out)
    if out.resolve() == ws.path.resolve():
        raise InputError("A backup cannot be written over the workspace itself.")
    if out.exists():
        raise InputError(f"{out} already exists; choose a new file name for the backup.")
    copy_workspace(ws.path, out)
    with ws.unit_of_work(write=True) as uow:
        uow.record("workspace.backup", "workspace_meta", "1")
    return out


def restore_workspace(backup: Path, target: Path, user_name: str | None, passphrase: str,
                      replace: bool = False) -> tuple[VerifyReport, Path | None]:
    """Put a backup in place at `target`, after proving it opens with the user's passphrase and verifies.

    An existing workspace at `target` is only replaced when asked, and is then kept beside it under a
    dated name, never deleted. Returns the verification of the restored workspace and where the replaced
    one was kept.
    """
    backup, target = Path(backup), Path(target)
    candidate = Workspace.open(backup)  # refuses a damaged or foreign file before anything is copied
    try:
        check = candidate.unlock(user_name, passphrase)
        try:
            check.require(Permission.BACKUP)
        finally:
            check.lock()
    finally:
        candidate.close()
    kept = None
    if target.exists():
        if not replace:
            raise InputError(f"There is already a workspace at {target}. Restore to a new path, or add "
                             "--replace (the current workspace is then kept beside it, not deleted).")
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = target.with_name(f"{target.name}.replaced-{stamp}")
        copy_workspace(target, kept)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    copy_workspace(backup, target)
    os.chmod(target, 0o600)
    restored = Workspace.open(target)
    try:
        ws = restored.unlock(user_name, passphrase)
        report = verify_workspace(ws)
        with ws.unit_of_work(write=True) as uow:
            uow.record("workspace.restore", "workspace_meta", "1")
        ws.lock()
    finally:
        restored.close()
    return report, kept
