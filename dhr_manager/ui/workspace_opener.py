"""Opening the workspace file while the unlock dialog is already on screen.

Qt alone starts in a blink; the rest of DHR Manager (SQLAlchemy, cryptography, the services and screens) takes
several times longer to import. `WorkspaceOpener` imports it on a worker thread, in the time the user takes to
type the passphrase, then opens the file on the GUI thread and emits `opened` (or `failed` with the reason). Only
Python's import machinery runs on the worker: no Qt object and no database connection is made there.
"""

import importlib
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from dhr_manager.errors import DhrError
from dhr_manager.ui.background import run_quietly

if TYPE_CHECKING:
    from dhr_manager.storage.workspace import Workspace

# What opening the file, unlocking and the first screen need, in the order they are needed.
MODULES = ("dhr_manager.storage.workspace", "dhr_manager.services.overview", "dhr_manager.ui.main_window")


def _import_all() -> None:
    for name in MODULES:
        importlib.import_module(name)


class WorkspaceOpener(QObject):
    """`start` begins importing; `opened`/`failed` follow on the GUI thread. `workspace()` gives the opened
    workspace, waiting for the imports if they are not done yet (the user pressed Unlock very fast)."""

    opened = Signal()
    failed = Signal(object)  # the DhrError saying why the file cannot be opened

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._imports: Future[None] | None = None
        self._workspace: Workspace | None = None
        self.error: DhrError | None = None

    def start(self) -> None:
        if self._imports is None:
            self._imports = run_quietly(self, _import_all, lambda _none: self._open(),
                                        lambda _exc: self._open())

    @property
    def ready(self) -> bool:
        """The file is open (or known not to open): `workspace()` returns or raises at once."""
        return self._workspace is not None or self.error is not None

    def workspace(self) -> "Workspace":
        """The opened workspace; raises the DhrError saying why the file cannot be opened."""
        self.start()
        assert self._imports is not None
        self._imports.exception()  # wait; an import error surfaces again, with its trace, in the import below
        self._open()
        if self.error is not None:
            raise self.error
        assert self._workspace is not None
        return self._workspace

    def _open(self) -> None:
        if self.ready:
            return
        from dhr_manager.storage.workspace import Workspace

        try:
            self._workspace = Workspace.open(self.path)
        except DhrError as exc:
            self.error = exc
            self.failed.emit(exc)
        else:
            self.opened.emit()
