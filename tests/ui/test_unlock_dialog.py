"""Unlocking a workspace with the unlock dialog."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dhr_manager.domain.roles import Role
from dhr_manager.services.users import add_user
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
from dhr_manager.ui import unlock_dialog
from dhr_manager.ui.unlock_dialog import UnlockDialog
from tests.conftest import ADMIN, PASSPHRASE


def test_a_wrong_passphrase_is_explained_and_the_right_one_unlocks(qtbot: QtBot, sealed: Workspace,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = UnlockDialog(sealed.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.user_combo.currentText() == ADMIN
    # What the button says while the key is derived (the real derivation, watched).
    during: list[tuple[str, bool]] = []
    derive = unlock_dialog.open_with_passphrase
    monkeypatch.setattr(unlock_dialog, "open_with_passphrase", lambda *args: (
        during.append((dialog.unlock_button.text(), dialog.unlock_button.isEnabled())), derive(*args))[1])

    qtbot.keyClicks(dialog.passphrase_edit, "correct horse battery stable")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    assert during == [("Unlocking…", False)]
    assert dialog.unlock_button.text() == "&Unlock"
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == f"The passphrase for {ADMIN} is wrong. Nothing was changed."
    assert dialog.passphrase_edit.text() == ""
    assert not dialog.unlock_button.isEnabled()
    assert dialog.key is None

    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.key is not None and dialog.key.user.name == ADMIN
    unlocked = sealed.unlock_with(dialog.key)  # the key the dialog opened is the workspace's own
    assert not unlocked.locked and unlocked.user.name == ADMIN
    unlocked.lock()


def test_where_several_people_share_a_workspace_each_must_choose_their_name(
        qtbot: QtBot, unlocked: UnlockedWorkspace) -> None:
    add_user(unlocked, "Chris Chair", Role.CHAIR, "chairs passphrase here")
    dialog = UnlockDialog(unlocked.path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    assert dialog.user_combo.currentIndex() == -1
    assert not dialog.unlock_button.isEnabled()

    dialog.user_combo.setCurrentText(ADMIN)

    assert dialog.unlock_button.isEnabled()
