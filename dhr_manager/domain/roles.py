"""Who may do what.

Three roles (domain brief section 2): administrators run the workspace, coordinators run the cases, and
independent chairs read the cases they are given and return review comments, nothing else.
"""

from enum import StrEnum


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    COORDINATOR = "coordinator"
    CHAIR = "chair"


class Permission(StrEnum):
    MANAGE_USERS = "manage users"
    BACKUP = "back up the workspace"
    MANAGE_TEMPLATES = "replace document templates"
    OVERRIDE_DISCLOSURE = "export a draft that fails the disclosure check"
    EDIT_CASES = "create and edit cases"
    READ_ALL_CASES = "read every case"
    READ_ASSIGNED_CASES = "read the cases assigned to you"
    ADD_REVIEW_COMMENT = "add review comments"
    READ_AUDIT = "read the audit log"
    VERIFY = "verify the workspace"


_COORDINATOR = frozenset(
    {
        Permission.EDIT_CASES,
        Permission.READ_ALL_CASES,
        Permission.READ_ASSIGNED_CASES,
        Permission.ADD_REVIEW_COMMENT,
        Permission.READ_AUDIT,
        Permission.VERIFY,
    }
)

GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: _COORDINATOR | {Permission.MANAGE_USERS, Permission.BACKUP, Permission.MANAGE_TEMPLATES,
                                        Permission.OVERRIDE_DISCLOSURE},
    Role.COORDINATOR: _COORDINATOR,
    Role.CHAIR: frozenset({Permission.READ_ASSIGNED_CASES, Permission.ADD_REVIEW_COMMENT}),
}


def allows(role: Role, permission: Permission) -> bool:
    """True when `role` carries `permission`."""
    return permission in GRANTS[role]
