"""Checking the workspace file, reading its users and opening a key slot, with nothing but sqlite3 and
cryptography.

The unlock dialog needs only this module, so the passphrase is checked (and the main window can appear) before
SQLAlchemy and the services are loaded: they take several times longer to import than Qt itself. A workspace
opened later takes the key from here (`Workspace.unlock_with`), and `Workspace.unlock` opens slots through here
too, so there is one way of opening a key slot. Every connection is read-only: nothing here writes to the file.
"""

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from dhr_manager.domain.roles import Role
from dhr_manager.errors import InputError, NotFound, WorkspaceCorrupt, WrongPassphrase

BUSY_TIMEOUT_S = 15
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class UserInfo:
    id: str
    name: str
    role: Role


@dataclass(frozen=True)
class OpenedKey:
    """The workspace data key, taken out of its slot by the right secret, and the user it was opened for."""

    user: UserInfo
    key_id: int
    data_key: bytes = field(repr=False)


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)


def preflight(path: Path) -> None:
    """Refuse a file that is missing, damaged or not a workspace, reading it only (nothing is written)."""
    if not path.is_file():
        raise NotFound(f"There is no workspace at {path}.")
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_MAGIC))
    if header != _SQLITE_MAGIC:
        raise WorkspaceCorrupt(f"{path} is not a DHR Manager workspace, or it is damaged. It was not changed.")
    try:
        with closing(read_only(path)) as conn:
            check = conn.execute("PRAGMA quick_check").fetchall()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        check, tables = [("unreadable",)], set()
    if check != [("ok",)]:
        raise WorkspaceCorrupt(
            f"The workspace {path} is damaged (truncated or overwritten). It was not changed; "
            "restore it from a backup."
        )
    if "workspace_meta" not in tables:
        raise WorkspaceCorrupt(f"{path} is a database but not a DHR Manager workspace. It was not changed.")


def _query(path: Path, sql: str, *parameters: object) -> list[tuple[object, ...]]:
    """Rows from the file; one that cannot be read at all is reported as damaged, never as a traceback."""
    try:
        with closing(read_only(path)) as conn:
            return conn.execute(sql, parameters).fetchall()
    except sqlite3.DatabaseError:
        raise WorkspaceCorrupt(f"The workspace {path} cannot be read; it may be damaged. It was not changed.") \
            from None


def user_names(path: Path) -> list[str]:
    return [str(name) for (name,) in _query(path, "SELECT name FROM users ORDER BY name")]


def _user(path: Path, name: str | None) -> UserInfo:
    if name is None:
        users = _query(path, "SELECT id, name, role FROM users")
        if len(users) != 1:
            raise InputError("This workspace has several users: say which one you are with --user NAME.")
    else:
        users = _query(path, "SELECT id, name, role FROM users WHERE name = ?", " ".join(name.split()))
        if not users:
            raise NotFound(f"There is no user called '{name}' in this workspace.")
    user_id, user_name, role = users[0]
    return UserInfo(str(user_id), str(user_name), Role(role))


def _open_slot(path: Path, where: str, parameter: object, secret: str, user: UserInfo, wrong: str) -> OpenedKey:
    """Derive the slot's wrapping key from `secret` (Argon2id: the slow part of unlocking) and unwrap the data key.

    cryptography is imported here, when Unlock is pressed, not when the dialog is first shown."""
    from dhr_manager.storage.crypto import KdfParams, SealBroken, derive_wrapping_key, unwrap_key

    slots = _query(path, f"SELECT id, kdf_params, salt, wrapped_key, key_id FROM key_slots WHERE {where} = ?",
                   parameter)
    if len(slots) != 1:
        raise WorkspaceCorrupt(f"The workspace {path} has no key for {user.name}; restore it from a backup.")
    slot_id, kdf_params, salt, wrapped_key, key_id = slots[0]
    try:
        wrapping_key = derive_wrapping_key(secret, bytes(salt), KdfParams.from_json(str(kdf_params)))
        data_key = unwrap_key(wrapping_key, bytes(wrapped_key), str(slot_id))
    except SealBroken:
        raise WrongPassphrase(wrong) from None
    return OpenedKey(user, int(key_id), data_key)


def open_with_passphrase(path: Path, user_name: str | None, passphrase: str) -> OpenedKey:
    """The user's key; a wrong passphrase changes nothing."""
    user = _user(path, user_name)
    return _open_slot(path, "user_id", user.id, passphrase, user,
                      f"The passphrase for {user.name} is wrong. Nothing was changed.")


def normalise_recovery_key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def open_with_recovery_key(path: Path, recovery_key: str, act_as: str) -> OpenedKey:
    """The key from the recovery slot, acting as user `act_as` (whose passphrase is about to be reset)."""
    user = _user(path, act_as)
    return _open_slot(path, "kind", RECOVERY_SLOT, normalise_recovery_key(recovery_key), user,
                      "That recovery key does not open this workspace. Nothing was changed.")
