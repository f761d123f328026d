"""What `start` decides before the main window appears (the event loop itself is never entered here)."""

import gc
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dhr_manager.storage.unlocking import OpenedKey
from dhr_manager.storage.workspace import Workspace
from dhr_manager.ui import application
from dhr_manager.ui.first_run import FirstRunDialog
from dhr_manager.ui.main_window import MainWindow
from dhr_manager.ui.unlock_dialog import UnlockDialog
from tests.conftest import ADMIN, PASSPHRASE


def test_a_damaged_workspace_is_reported_and_exits_with_the_integrity_code(
        qapp: QApplication, workspace_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace_path.write_bytes(b"not a workspace at all" * 10)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))

    assert application.start(workspace_path) == 4
    assert shown == [f"{workspace_path} is not a DHR Manager workspace, or it is damaged. It was not changed."]


def test_cancelling_the_first_run_exits_cleanly_and_creates_nothing(
        qapp: QApplication, workspace_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FirstRunDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert application.start(workspace_path) == 0
    assert not workspace_path.exists()


def test_without_a_path_the_first_run_offers_the_default_location(
        qapp: QApplication, isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def cancel(dialog: FirstRunDialog) -> int:
        offered.append(dialog.path_edit.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunDialog, "exec", cancel)
    assert application.start(None) == 0
    assert offered == [str(isolated_home / "data" / "dhr-manager" / "workspace.dhr")]


def test_cancelling_the_unlock_exits_cleanly(
        qapp: QApplication, sealed: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(UnlockDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert application.start(sealed.path) == 0


def test_lock_now_asks_to_unlock_again_and_cancelling_that_closes_the_window(
        qapp: QApplication, sealed: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([PASSPHRASE, PASSPHRASE, None])  # at start, after the first lock, then Cancel
    seen: list[object] = []

    def unlock(dialog: UnlockDialog) -> int:
        passphrase = next(answers)
        if passphrase is None:
            return QDialog.DialogCode.Rejected
        dialog.passphrase_edit.setText(passphrase)
        dialog.unlock_button.click()
        return dialog.result()

    def event_loop() -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        deadline = time.monotonic() + 30
        while window.workspace is None and time.monotonic() < deadline:  # the screens arrive once imported
            QApplication.processEvents()
        seen.append(window.status_label.text())
        window.lock_action.trigger()
        # Locked: no opened key is left anywhere in the process, not even with the start-up code. (Unfrozen
        # first: the window freezes the heap, and frozen objects are not listed.)
        gc.unfreeze()
        seen.append(any(isinstance(o, OpenedKey) for o in gc.get_objects()))
        QApplication.processEvents()  # the unlock dialog is shown from a queued call
        seen.append(window.status_label.text())
        window.lock_action.trigger()
        QApplication.processEvents()
        seen.append(window.status_label.text())
        seen.append(window.isVisible())
        return 0

    monkeypatch.setattr(UnlockDialog, "exec", unlock)
    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    assert application.start(sealed.path) == 0
    assert seen == [f"Unlocked as {ADMIN} (administrator)", False, f"Unlocked as {ADMIN} (administrator)", "Locked",
                    False]
