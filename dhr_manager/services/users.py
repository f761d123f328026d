"""Staff accounts: adding users and changing or recovering passphrases."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dhr_manager.domain.roles import Permission, Role
from dhr_manager.errors import InputError
from dhr_manager.storage.schema import UserRow
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace, check_user_name


@dataclass(frozen=True)
class UserView:
    name: str
    role: Role


def staff_names(session: Session) -> dict[str, str]:
    """User id to user name, for showing who wrote a note or made an audit entry."""
    return {row.id: row.name for row in session.execute(select(UserRow.id, UserRow.name))}


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        choices = ", ".join(role.value for role in Role)
        raise InputError(f"'{text}' is not a role; choose one of {choices}.") from None


def add_user(ws: UnlockedWorkspace, name: str, role: Role, passphrase: str) -> UserView:
    """An administrator adds a colleague, who gets their own key slot opened by `passphrase`."""
    ws.require(Permission.MANAGE_USERS)
    name = check_user_name(name)
    with ws.unit_of_work(write=True) as uow:
        if uow.session.scalars(select(UserRow).where(UserRow.name == name)).first():
            raise InputError(f"There is already a user called '{name}'.")
        user = UserRow(name=name, role=role.value, created_at=uow.at)
        uow.session.add(user)
        uow.session.flush()
        ws.add_key_slot(uow.session, user.id, passphrase)
        uow.record("user.create", "users", user.id)
    return UserView(name, role)


def list_users(ws: UnlockedWorkspace) -> list[UserView]:
    ws.require(Permission.MANAGE_USERS)
    with ws.unit_of_work() as uow:
        rows = uow.session.scalars(select(UserRow).order_by(UserRow.name))
        return [UserView(row.name, Role(row.role)) for row in rows]


def change_passphrase(ws: UnlockedWorkspace, new_passphrase: str) -> None:
    """Any user changes their own passphrase: only their slot is rewritten, no record is re-encrypted."""
    with ws.unit_of_work(write=True) as uow:
        ws.add_key_slot(uow.session, ws.user.id, new_passphrase)
        uow.record("user.passphrase-change", "users", ws.user.id)


def reset_passphrase_with_recovery_key(workspace: Workspace, user_name: str, recovery_key: str,
                                       new_passphrase: str) -> None:
    """When a passphrase is forgotten, the recovery key printed at creation sets a new one."""
    ws = workspace.unlock_with_recovery_key(recovery_key, act_as=user_name)
    try:
        with ws.unit_of_work(write=True) as uow:
            ws.add_key_slot(uow.session, ws.user.id, new_passphrase)
            uow.record("user.passphrase-reset-with-recovery-key", "users", ws.user.id)
    finally:
        ws.lock()
