"""Starting the GUI: first run or unlock, then the main window, and unlock again whenever it is locked.

Only Qt is imported before the unlock dialog shows; the rest of the application is imported while the user types
(`WorkspaceOpener`). The main window appears as soon as the passphrase has opened the key, builds its screens when
those imports are done, and fills its first screen in the background.

Nothing on the way to that first window touches PySide's `Qt` namespace (`QtCore.Qt`): the first use of it makes
PySide create its 93 enums, about 45 ms, as long as everything else this module adds before the dialog. The
modules on that way (this one, the unlock dialog, the main window's shell and what they import) refer to it as
`QtCore.Qt` inside functions that run later, so that it is set up behind the window, with the screens.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dhr_manager.errors import DhrError
from dhr_manager.paths import default_workspace_path
from dhr_manager.storage.unlocking import preflight
from dhr_manager.ui.unlock_dialog import UnlockDialog
from dhr_manager.ui.workspace_opener import WorkspaceOpener

if TYPE_CHECKING:
    from dhr_manager.storage.unlocking import OpenedKey
    from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
    from dhr_manager.ui.main_window import MainWindow

APP_NAME = "DHR Manager"
# The rest of the application starts importing at the first key typed in the passphrase, or this long after the
# unlock dialog appears. Typing a passphrase takes seconds, so the imports (about a second) are done by the time
# Unlock is pressed; a passphrase filled in at once (by a password manager) need not share the processor with
# them while its key is opened and the main window appears: they run after, while the window says it is opening.
IMPORT_DELAY_MS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("application", text)


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    return app


def _first_run(path: Path) -> "UnlockedWorkspace | None":
    """The new workspace, unlocked; None when the user cancels."""
    from dhr_manager.ui.first_run import FirstRunDialog

    first_run = FirstRunDialog(path)
    if first_run.exec() == QDialog.DialogCode.Accepted and first_run.unlocked is not None:
        return first_run.unlocked
    return None


def _unlock(path: Path) -> "tuple[OpenedKey, WorkspaceOpener] | int":
    """The key the passphrase opened, with the rest of the application importing behind the dialog; or the exit
    code when the file cannot be opened (with the reason shown) or the user cancels (0)."""
    try:
        preflight(path)
    except DhrError as exc:
        QMessageBox.critical(None, _tr("DHR Manager cannot open the workspace"), exc.message)
        return exc.exit_code
    opener = WorkspaceOpener(path)
    dialog = UnlockDialog(path)
    dialog.passphrase_edit.textEdited.connect(lambda _text: opener.start())
    QTimer.singleShot(IMPORT_DELAY_MS, opener, opener.start)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.key is not None:
        return dialog.key, opener
    return 0


def _unlock_again(window: "MainWindow") -> None:
    """After Lock now: unlock into the same window, or quit when the user cancels."""
    workspace = window.sealed_workspace
    assert workspace is not None
    dialog = UnlockDialog(workspace.path, window)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.key is not None:
        window.set_workspace(workspace.unlock_with(dialog.key))
    else:
        window.close()


def start(workspace_path: Path | None) -> int:
    """Run the GUI on `workspace_path` (else the default file) and return the process exit code.

    After the passphrase has opened the key, the main window appears at once, saying it is opening the workspace,
    and its screens arrive when the imports behind the unlock dialog are done (`WorkspaceOpener`)."""
    app = _application()
    path = workspace_path or default_workspace_path()
    failures: list[int] = []
    opener: WorkspaceOpener | None = None
    if not path.exists():
        unlocked = _first_run(path)
        if unlocked is None:
            return 0
        from dhr_manager.ui.main_window import MainWindow

        window = MainWindow(unlocked)
    else:
        unlocking = _unlock(path)
        if isinstance(unlocking, int):
            return unlocking
        # Only this list holds the opened key from here on, and `attach` empties it: after Lock now, nothing in
        # this function (which runs as long as the application) may still hold the data key.
        waiting_key, opener = [unlocking[0]], unlocking[1]
        del unlocking
        from dhr_manager.ui.main_window import MainWindow

        window = MainWindow(None)

        def failed(exc: DhrError) -> None:
            failures.append(exc.exit_code)
            QMessageBox.critical(window, _tr("DHR Manager cannot open the workspace"), exc.message)
            window.close()

        def attach(workspace: "Workspace") -> None:
            try:
                window.set_workspace(workspace.unlock_with(waiting_key.pop()))
            except DhrError as exc:
                failed(exc)

        opener.when_open(attach, failed)
    # On the next turn of the event loop, so the window has cleared itself on screen before the unlock dialog
    # appears over it.
    window.locked.connect(lambda: QTimer.singleShot(0, window, lambda: _unlock_again(window)))
    window.show()
    try:
        if failures:  # failed before the loop started: no window is left whose closing would end it
            return failures[0]
        code = app.exec()
        return failures[0] if failures else code
    finally:
        workspace = window.sealed_workspace or (opener.opened if opener is not None else None)
        if workspace is not None:
            workspace.close()
