"""Creating, opening, unlocking and locking a workspace, and the unit of work every service action runs in.

A `Workspace` is an opened file whose contents are still sealed. `unlock` turns it into an
`UnlockedWorkspace` that holds the data key in memory for one user; `lock` drops the key. Services never
keep a database session: each action opens one short `unit_of_work`.
"""

import base64
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dhr_manager.domain.roles import Permission, Role, allows
from dhr_manager.errors import (
    InputError,
    PermissionDenied,
    WorkspaceLocked,
)
from dhr_manager.storage.audit import AuditWriter
from dhr_manager.storage.crypto import (
    FieldCipher,
    KdfParams,
    blind_index,
    derive_subkey,
    derive_wrapping_key,
    new_data_key,
    wrap_key,
)
from dhr_manager.storage.database import APPLICATION_ID, busy_as_locked, make_engine
from dhr_manager.storage.migrate import upgrade
from dhr_manager.storage.schema import KeySlotRow, UserRow, WorkspaceMeta, new_id
from dhr_manager.storage.sealing import Sealer
from dhr_manager.storage.unlocking import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    OpenedKey,
    UserInfo,
    normalise_recovery_key,
    open_with_passphrase,
    open_with_recovery_key,
    preflight,
)

MIN_PASSPHRASE_LENGTH = 12


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_new_passphrase(passphrase: str) -> None:
    """A passphrase guards every record on the workspace: refuse short ones outright."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InputError(f"A passphrase must be at least {MIN_PASSPHRASE_LENGTH} characters long; "
                         "a few unrelated words make a good one.")


def check_user_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 100:
        raise InputError("A user name must be between 1 and 100 characters.")
    return cleaned


def format_recovery_key(raw: bytes) -> str:
    """Show 32 random bytes as thirteen groups of four letters and digits, easy to copy onto paper."""
    text = base64.b32encode(raw).decode().rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _new_slot(data_key: bytes, key_id: int, secret: str, kind: str, user_id: str | None,
              kdf: KdfParams) -> KeySlotRow:
    slot = KeySlotRow(user_id=user_id, kind=kind, kdf_params=kdf.to_json(), salt=os.urandom(16),
                      wrapped_key=b"", key_id=key_id)
    slot.wrapped_key = wrap_key(derive_wrapping_key(secret, slot.salt, kdf), data_key, slot.id)
    return slot


class Workspace:
    """An opened workspace file whose contents are still sealed."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @classmethod
    def open(cls, path: Path) -> "Workspace":
        """Check the file before anything is written to it, then connect."""
        path = Path(path)
        preflight(path)
        return cls(path, make_engine(path))

    @classmethod
    def create(cls, path: Path, admin_name: str, passphrase: str,
               kdf: KdfParams | None = None) -> tuple["UnlockedWorkspace", str]:
        """Make a new workspace with its first administrator; returns it unlocked and the recovery key.

        The recovery key is shown once and never stored: it opens one more key slot.
        """
        path = Path(path)
        admin_name = check_user_name(admin_name)
        check_new_passphrase(passphrase)
        if path.exists():
            raise InputError(f"There is already a file at {path}; choose another place for the new workspace.")
        kdf = kdf or KdfParams()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Built under a temporary name and renamed into place when complete: a failure or a crash part-way
        # never leaves a half-made workspace where the application would later look for one.
        building = path.with_name(f".{path.name}.creating")
        for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
            leftover.unlink(missing_ok=True)
        os.close(os.open(building, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        data_key, key_id = new_data_key(), 1
        recovery_key = format_recovery_key(secrets.token_bytes(32))
        admin = UserInfo(new_id(), admin_name, Role.ADMINISTRATOR)
        try:
            engine = make_engine(building)
            upgrade(engine, building)
            with Session(engine.execution_options(dhr_write=True)) as session, session.begin():
                session.add(WorkspaceMeta(id=1, application=APPLICATION_ID, key_id=key_id, created_at=now_utc()))
                session.add(UserRow(id=admin.id, name=admin.name, role=admin.role.value, created_at=now_utc()))
                session.flush()
                session.add(_new_slot(data_key, key_id, passphrase, PASSPHRASE_SLOT, admin.id, kdf))
                session.add(_new_slot(data_key, key_id, normalise_recovery_key(recovery_key), RECOVERY_SLOT,
                                      None, kdf))
            unlocked = UnlockedWorkspace(cls(building, engine), data_key, key_id, admin)
            with unlocked.unit_of_work(write=True) as uow:
                uow.record("workspace.create", "workspace_meta", "1")
                uow.record("user.create", "users", admin.id)
            unlocked.lock()
            engine.dispose()  # the last connection to close folds the WAL into the file
            os.replace(building, path)
        except BaseException:
            engine_files = (building, Path(f"{building}-wal"), Path(f"{building}-shm"))
            for leftover in engine_files:
                leftover.unlink(missing_ok=True)
            raise
        workspace = cls(path, make_engine(path))
        return UnlockedWorkspace(workspace, data_key, key_id, admin), recovery_key

    def unlock(self, user_name: str | None, passphrase: str) -> "UnlockedWorkspace":
        """Open the user's key slot; a wrong passphrase changes nothing. Then bring the schema up to date."""
        return self.unlock_with(open_with_passphrase(self.path, user_name, passphrase))

    def unlock_with_recovery_key(self, recovery_key: str, act_as: str) -> "UnlockedWorkspace":
        """Open the recovery slot, acting as user `act_as` (whose passphrase is about to be reset)."""
        return self.unlock_with(open_with_recovery_key(self.path, recovery_key, act_as))

    def unlock_with(self, key: OpenedKey) -> "UnlockedWorkspace":
        """Unlock with a key already opened from this file's slots (the unlock dialog opens it before this
        module is even imported), then bring the schema up to date."""
        return self._unlocked(key.data_key, key.key_id, key.user)

    def _unlocked(self, data_key: bytes, key_id: int, user: UserInfo) -> "UnlockedWorkspace":
        with busy_as_locked():
            upgrade(self.engine, self.path)
        return UnlockedWorkspace(self, data_key, key_id, user)

    def close(self) -> None:
        self.engine.dispose()


@dataclass
class UnitOfWork:
    """One short transaction for one user action; write units also append to the audit chain."""

    session: Session
    sealer: Sealer
    user: UserInfo
    audit: AuditWriter | None = None
    at: str = field(default_factory=now_utc)

    def record(self, action: str, table: str, record_id: str, case_id: str | None = None) -> None:
        if self.audit is None:
            raise RuntimeError("a read-only unit of work cannot record changes")
        self.audit.append(action, table, record_id, case_id)


class UnlockedWorkspace:
    """A workspace with its data key in memory, used by one user until `lock`."""

    def __init__(self, workspace: Workspace, data_key: bytes, key_id: int, user: UserInfo) -> None:
        self.workspace = workspace
        self.user = user
        self.key_id = key_id
        self._data_key: bytearray | None = bytearray(data_key)
        self._sealer: Sealer | None = Sealer(FieldCipher(data_key, key_id))
        self._audit_key: bytes | None = derive_subkey(data_key, "dhr-manager audit chain")
        self._index_key: bytes | None = derive_subkey(data_key, "dhr-manager blind index")

    @property
    def path(self) -> Path:
        return self.workspace.path

    @property
    def locked(self) -> bool:
        return self._data_key is None

    def lock(self) -> None:
        """Drop the data key and everything derived from it; any further action raises `WorkspaceLocked`."""
        if self._data_key is not None:
            self._data_key[:] = bytes(len(self._data_key))
        self._data_key = self._sealer = self._audit_key = self._index_key = None

    def _require_unlocked(self) -> None:
        if self.locked:
            raise WorkspaceLocked("The workspace is locked. Unlock it with your passphrase to continue.")

    def require(self, permission: Permission) -> None:
        """The service-layer check every action makes before touching data."""
        if not allows(self.user.role, permission):
            raise PermissionDenied(f"Your role ({self.user.role.value}) does not allow you to {permission.value}.")

    def blind_index(self, value: str) -> str:
        self._require_unlocked()
        assert self._index_key is not None
        return blind_index(self._index_key, value)

    @property
    def audit_key(self) -> bytes:
        self._require_unlocked()
        assert self._audit_key is not None
        return self._audit_key

    @property
    def sealer(self) -> Sealer:
        self._require_unlocked()
        assert self._sealer is not None
        return self._sealer

    @contextmanager
    def unit_of_work(self, write: bool = False) -> Iterator[UnitOfWork]:
        """One transaction: committed when the block ends normally, rolled back on any error."""
        sealer = self.sealer
        engine = self.workspace.engine.execution_options(dhr_write=write)
        with busy_as_locked(), Session(engine, expire_on_commit=False) as session, session.begin():
            uow = UnitOfWork(session, sealer, self.user)
            if write:
                uow.audit = AuditWriter(session, self.audit_key, self.user.id, uow.at)
            yield uow

    def add_key_slot(self, session: Session, user_id: str, passphrase: str) -> None:
        """Give `user_id` a slot opened by `passphrase`, replacing any slot they had."""
        self._require_unlocked()
        assert self._data_key is not None
        check_new_passphrase(passphrase)
        old = session.scalars(select(KeySlotRow).where(KeySlotRow.user_id == user_id)).first()
        if old is not None:
            session.delete(old)
            session.flush()
        session.add(_new_slot(bytes(self._data_key), self.key_id, passphrase, PASSPHRASE_SLOT, user_id,
                              KdfParams()))
