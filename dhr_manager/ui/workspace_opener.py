"""Importing the rest of DHR Manager while the user types the passphrase, then opening the workspace file.

Qt alone starts in a blink; the rest of DHR Manager (SQLAlchemy, the services and screens) takes several times
longer to import. `WorkspaceOpener` imports it on a worker thread while the unlock dialog is on screen (the
dialog itself needs none of it), then opens the file on the GUI thread. Only Python's import machinery runs on
the worker: no Qt object and no database connection is made there.
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


def _import_all() -> None:
    for name in MODULES:
        importlib.import_module(name)


class WorkspaceOpener(QObject):
    """`start` begins importing; `when_open` hands over the opened workspace (or the reason it cannot be opened)
    as soon as the imports are done: at once when they already are."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._imports: Future[None] | None = None
        self._waiting: list[tuple[Callable[[Workspace], None], Callable[[DhrError], None]]] = []
        self._workspace: Workspace | None = None

    def start(self) -> None:
        if self._imports is None:
            self._imports = run_quietly(self, _import_all, lambda _none: self._deliver(),
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
        self._imports.result()  # an import error is a broken installation: let it surface with its trace
        waiting, self._waiting = self._waiting, []
        try:
            if self._workspace is None:
                from dhr_manager.storage.workspace import Workspace

                self._workspace = Workspace.open(self.path)
        except DhrError as exc:
            for _done, failed in waiting:
                failed(exc)
            return
        for done, _failed in waiting:
            done(self._workspace)
