"""Creating a workspace through the first-run dialog."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from dhr_manager.storage.workspace import Workspace
from dhr_manager.ui.first_run import FirstRunDialog
from dhr_manager.ui.passphrase_strength import Strength, rate_passphrase
from tests.conftest import ADMIN, PASSPHRASE

RECOVERY_KEY = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){12}")


@pytest.fixture
def dialog(qtbot: QtBot, workspace_path: Path) -> FirstRunDialog:
    dialog = FirstRunDialog(workspace_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot: QtBot, dialog: FirstRunDialog, passphrase: str, repeat: str) -> None:
    qtbot.keyClicks(dialog.name_edit, ADMIN)
    qtbot.keyClicks(dialog.passphrase_edit, passphrase)
    qtbot.keyClicks(dialog.repeat_edit, repeat)


def test_first_run_creates_a_workspace_that_opens_with_the_passphrase_and_the_recovery_key(
        qtbot: QtBot, dialog: FirstRunDialog, workspace_path: Path) -> None:
    assert dialog.path_edit.text() == str(workspace_path)
    qtbot.keyClicks(dialog.name_edit, ADMIN)
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.repeat_edit, PASSPHRASE)
    assert dialog.create_button.isEnabled()

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert dialog.recovery_key_label.isVisible()
    recovery_key = dialog.recovery_key_label.text()
    assert RECOVERY_KEY.fullmatch(recovery_key)
    assert not dialog.finish_button.isEnabled()
    qtbot.mouseClick(dialog.stored_checkbox, Qt.MouseButton.LeftButton)
    assert dialog.finish_button.isEnabled()
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.unlocked is not None and dialog.unlocked.user.name == ADMIN
    dialog.unlocked.lock()
    dialog.unlocked.workspace.close()
    reopened = Workspace.open(workspace_path)
    try:
        assert reopened.unlock(ADMIN, PASSPHRASE).user.name == ADMIN
        assert reopened.unlock_with_recovery_key(recovery_key, act_as=ADMIN).user.name == ADMIN
    finally:
        reopened.close()


def test_the_recovery_step_cannot_be_dismissed_before_the_key_is_acknowledged(
        qtbot: QtBot, dialog: FirstRunDialog) -> None:
    fill(qtbot, dialog, PASSPHRASE, PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        dialog.close()
        assert dialog.isVisible()
        assert dialog.recovery_key_label.isVisible()
    finally:
        assert dialog.unlocked is not None
        dialog.unlocked.lock()
        dialog.unlocked.workspace.close()


def test_create_waits_for_two_matching_passphrases(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    fill(qtbot, dialog, PASSPHRASE, "correct horse battery stable")
    assert not dialog.create_button.isEnabled()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "The two passphrases differ."


def test_a_file_already_at_the_location_is_explained_next_to_the_fields(
        qtbot: QtBot, dialog: FirstRunDialog, workspace_path: Path) -> None:
    workspace_path.write_text("someone else's file")
    fill(qtbot, dialog, PASSPHRASE, PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith(f"There is already a file at {workspace_path}")
    assert dialog.unlocked is None
    assert dialog.name_edit.isVisible()
    assert workspace_path.read_text() == "someone else's file"


def test_strength_indicator_says_weak_for_a_short_passphrase_and_strong_for_several_words(
        qtbot: QtBot, dialog: FirstRunDialog) -> None:
    qtbot.keyClicks(dialog.passphrase_edit, "Tr0ub4dor")
    weak = dialog.strength.label.text()
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    strong = dialog.strength.label.text()
    assert weak.startswith("Strength: weak") and "at least 12 characters" in weak
    assert strong == "Strength: strong."


@pytest.mark.parametrize(("passphrase", "strength"), [
    ("", Strength.WEAK),
    ("Tr0ub4dor&3", Strength.WEAK),
    ("aaaaaaaaaaaaaaaaaaaaaaaa", Strength.WEAK),
    ("horse battery", Strength.FAIR),
    ("Tr0ub4dor&3xyzw", Strength.FAIR),
    ("Tr0ub4dor&3xyzwv", Strength.STRONG),
    (PASSPHRASE, Strength.STRONG),
])
def test_length_counts_most_then_variety(passphrase: str, strength: Strength) -> None:
    assert rate_passphrase(passphrase) is strength


def test_browse_puts_the_chosen_file_in_the_location_with_the_workspace_suffix(
        qtbot: QtBot, dialog: FirstRunDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "team" / "cases"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), ""))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.path_edit.text() == str(chosen.with_suffix(".dhr"))
