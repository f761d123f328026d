"""Running long work (backups, big refreshes) off the GUI thread, with a progress dialog.

The services stay synchronous and testable; this wraps one call in a QRunnable and reports back on the GUI
thread through a signal. The dialog only appears if the work takes longer than a moment.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
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
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAccessibleName(label)
    relay = _Relay(dialog)

    def finish(result: object) -> None:
        dialog.reset()
        on_done(result)

    def fail(exc: object) -> None:
        dialog.reset()
        on_error(exc)  # type: ignore[arg-type]

    relay.finished.connect(finish, Qt.ConnectionType.QueuedConnection)
    relay.failed.connect(fail, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_Job(work, relay))
    return dialog
