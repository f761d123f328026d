"""Starting the GUI: first run or unlock, then the main window, and unlock again whenever it is locked.

Only Qt is imported before the unlock dialog shows; the rest of the application is imported while the user types
(`WorkspaceOpener`), and the main window fills its first screen in the background after it appears.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dhr_manager.paths import default_workspace_path
from dhr_manager.ui.unlock_dialog import UnlockDialog
from dhr_manager.ui.workspace_opener import WorkspaceOpener

if TYPE_CHECKING:
    from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
    from dhr_manager.ui.main_window import MainWindow

APP_NAME = "DHR Manager"


def _tr(text: str) -> str:
    return QCoreApplication.translate("application", text)


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    return app


def _first_unlock(path: Path) -> "UnlockedWorkspace | int":
    """The unlocked workspace, or the exit code when the user cancels (0) or the file cannot be opened."""
    if not path.exists():
        from dhr_manager.ui.first_run import FirstRunDialog

        first_run = FirstRunDialog(path)
        if first_run.exec() == QDialog.DialogCode.Accepted and first_run.unlocked is not None:
            return first_run.unlocked
        return 0
    opener = WorkspaceOpener(path)
    dialog = UnlockDialog(opener)
    QTimer.singleShot(0, opener, opener.start)  # once the dialog is on screen, so that it appears at once
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if opener.error is not None:
        QMessageBox.critical(None, _tr("DHR Manager cannot open the workspace"), opener.error.message)
        return opener.error.exit_code
    if accepted and dialog.unlocked is not None:
        return dialog.unlocked
    if opener.ready:
        opener.workspace().close()
    return 0


def _unlock_again(window: "MainWindow", workspace: "Workspace") -> None:
    """After Lock now: unlock into the same window, or quit when the user cancels."""
    dialog = UnlockDialog(workspace, window)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.unlocked is not None:
        window.set_workspace(dialog.unlocked)
    else:
        window.close()


def start(workspace_path: Path | None) -> int:
    """Run the GUI on `workspace_path` (else the default file) and return the process exit code."""
    app = _application()
    unlocked = _first_unlock(workspace_path or default_workspace_path())
    if isinstance(unlocked, int):
        return unlocked
    from dhr_manager.ui.main_window import MainWindow

    workspace = unlocked.workspace
    window = MainWindow(unlocked)
    # Queued, so the window has cleared itself on screen before the unlock dialog appears over it.
    window.locked.connect(lambda: _unlock_again(window, workspace), Qt.ConnectionType.QueuedConnection)
    window.show()
    try:
        return app.exec()
    finally:
        workspace.close()
