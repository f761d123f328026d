"""Running long work (backups, big refreshes) off the GUI thread, with a progress dialog or quietly.

The services stay synchronous and testable; this wraps one call in a QRunnable and reports back on the GUI
thread through a signal. The dialog only appears if the work takes longer than a moment.
"""

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6 import QtCore  # QtCore.Qt when used, not at import: see ui.application
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work, self._relay = work, relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # reported to the GUI thread, which decides what the user sees
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


def run_in_background(parent: QWidget, label: str, work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None]) -> QProgressDialog:
    """Start `work` on the thread pool; `on_done(result)` or `on_error(exc)` run on the GUI thread after."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # the services cannot be interrupted half-way; they are transactions
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAccessibleName(label)
    relay = _Relay(dialog)

    def finish(result: object) -> None:
        dialog.reset()
        on_done(result)

    def fail(exc: object) -> None:
        dialog.reset()
        on_error(exc)  # type: ignore[arg-type]

    relay.finished.connect(finish, QtCore.Qt.ConnectionType.QueuedConnection)
    relay.failed.connect(fail, QtCore.Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_Job(work, relay))
    return dialog


def run_quietly(parent: QObject, work: Callable[[], Any], on_done: Callable[[Any], None],
                on_error: Callable[[Exception], None]) -> "Future[Any]":
    """Like `run_in_background` without a progress dialog, for a screen that says "Loading…" itself and stays
    usable meanwhile. Nothing is reported once `parent` is deleted. The future lets a caller that cannot go on
    without the result wait for it.

    The worker touches no Qt object: the GUI thread looks for the result every few milliseconds with timers
    bound to `parent`, so deleting `parent` while the work runs cannot leave anything signalling a deleted
    object."""
    future = _quiet_pool().submit(work)

    def poll() -> None:
        if not future.done():
            QTimer.singleShot(_POLL_MS, parent, poll)
            return
        exc = future.exception()
        if exc is None:
            on_done(future.result())
        else:
            on_error(exc)  # type: ignore[arg-type]

    QTimer.singleShot(_POLL_MS, parent, poll)
    return future


_POLL_MS = 15
_pool: list[ThreadPoolExecutor] = []


def _quiet_pool() -> ThreadPoolExecutor:
    if not _pool:
        _pool.append(ThreadPoolExecutor(max_workers=2, thread_name_prefix="dhr-quiet"))
    return _pool[0]
