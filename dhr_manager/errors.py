"""Errors a user can act on.

Each carries a message written for a coordinator, not a programmer, and the exit code the command line
returns for it (DESIGN.md section 6). Messages never contain decrypted values.
"""


class DhrError(Exception):
    """Base for every error the user can understand and fix; exit code 1 unless a subclass says otherwise."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(DhrError):
    """A value the user gave is not acceptable (a bad date, an unknown reference, a missing option)."""

    exit_code = 2


class NotFound(InputError):
    """The case, person or user named does not exist in this workspace."""


class PermissionDenied(InputError):
    """The user's role does not allow the action; enforced in the service layer, not only in the UI."""


class WrongPassphrase(DhrError):
    """The passphrase does not open the user's key slot."""

    exit_code = 3


class WorkspaceLocked(DhrError):
    """The workspace key is not in memory (locked), or another process holds the workspace for writing."""

    exit_code = 3


class IntegrityFailure(DhrError):
    """The workspace file is damaged or has been tampered with."""

    exit_code = 4


class WorkspaceCorrupt(IntegrityFailure):
    """The file is not a readable workspace (truncated, overwritten, not a workspace at all)."""
