"""Importing the rest of DHR Manager while the user types the passphrase, then opening the workspace file.

Qt alone starts in a blink; the rest of DHR Manager (SQLAlchemy, the services and screens) takes several times
longer to import. `WorkspaceOpener` imports it on a worker thread while the unlock dialog is on screen (the
dialog itself needs none of it), and checks and opens the file there too, so that a large file's check never
holds up the window. No Qt object is made on the worker, and no connection is kept: the file check reads with
its own short connection, and the engine connects when first used, on the GUI thread.
"""

import importlib
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from dhr_manager.errors import DhrError
from dhr_manager.ui.background import run_quietly

if TYPE_CHECKING:
    from dhr_manager.storage.workspace import Workspace

# What the main window, opening the file and the window's screens need, in the order they are needed.
MODULES = ("dhr_manager.ui.main_window", "dhr_manager.storage.workspace", "dhr_manager.ui.screens")


def _import_and_open(path: Path) -> "Workspace":
    for name in MODULES:
        importlib.import_module(name)
    from dhr_manager.storage.workspace import Workspace

    return Workspace.open(path)


class WorkspaceOpener(QObject):
    """`start` begins importing; `when_open` hands over the opened workspace (or the reason it cannot be opened)
    as soon as the imports are done: at once when they already are."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._imports: Future[Workspace] | None = None
        self._waiting: list[tuple[Callable[[Workspace], None], Callable[[DhrError], None]]] = []
        self._workspace: Workspace | None = None

    def start(self) -> None:
        if self._imports is None:
            self._imports = run_quietly(self, lambda: _import_and_open(self.path), lambda _ws: self._deliver(),
                                        lambda _exc: self._deliver())

    @property
    def opened(self) -> "Workspace | None":
        """The workspace, once `when_open` has opened it."""
        return self._workspace

    def when_open(self, done: "Callable[[Workspace], None]", failed: Callable[[DhrError], None]) -> None:
        self.start()
        self._waiting.append((done, failed))
        assert self._imports is not None
        if self._imports.done():
            self._deliver()

    def _deliver(self) -> None:
        if not self._waiting:
            return
        assert self._imports is not None
        error = self._imports.exception()
        if error is not None and not isinstance(error, DhrError):
            self._imports.result()  # an import error is a broken installation: let it surface with its trace
        waiting, self._waiting = self._waiting, []
        if isinstance(error, DhrError):
            for _done, failed in waiting:
                failed(error)
            return
        self._workspace = self._imports.result()
        for done, _failed in waiting:
            done(self._workspace)
