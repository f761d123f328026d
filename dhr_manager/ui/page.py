"""The contract every screen of the main window keeps, so that locking can clear them all at once."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the main window, which shows pages, appears before the storage layer is imported
    from dhr_manager.storage.workspace import UnlockedWorkspace


class Page(QWidget):
    """A screen reached from the navigation (Dashboard, Cases, Tasks, Agencies, Audit, Settings) or a case workspace.

    `show_workspace` fills it from the services (also on F5); `clear` drops every decrypted value it shows,
    when the workspace locks. Pages never hold a database session, only the `UnlockedWorkspace` to call services
    with. `open_case` asks the main window to open a case by its reference.
    """

    open_case = Signal(str)

    def show_workspace(self, ws: "UnlockedWorkspace") -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError
