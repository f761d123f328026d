"""Consistent copies of a workspace file, for backups, restores and the copy taken before a migration.

SQLite's online backup API copies a single snapshot while other processes keep writing (WAL readers see a
fixed snapshot), so a copy is never a torn mix of two transactions. The copy is written beside its target
and renamed into place only when complete, so a crash never leaves half a backup under the final name.
"""

import os
import sqlite3
from pathlib import Path

from dhr_manager.storage.unlocking import read_only


def copy_workspace(source: Path, target: Path) -> None:
    """Write a consistent snapshot of `source` to `target` (replacing it), private to the current user."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    src = read_only(source)
    try:
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # one step: the whole snapshot under one read transaction
            # A single self-contained file: fold any WAL content in and leave no -wal beside the copy.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    _fsync_directory(target.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
