"""The main window's case list, Lock now and Quit."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dhr_manager.domain.cases import PersonRole
from dhr_manager.services.cases import create_case
from dhr_manager.services.people import add_person
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.main_window import MainWindow
from tests.conftest import ADMIN, PASSPHRASE


def rows(window: MainWindow) -> list[list[str]]:
    model = window.table.model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


@pytest.fixture
def two_cases(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    create_case(unlocked, "DHR-2026-002", "Southvale", date(2026, 2, 9))
    create_case(unlocked, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    add_person(unlocked, "DHR-2026-001", PersonRole.VICTIM, "Jane Example", "Adult A")
    return unlocked


@pytest.fixture
def window(qtbot: QtBot, two_cases: UnlockedWorkspace) -> MainWindow:
    window = MainWindow(two_cases)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_main_window_lists_the_cases_by_reference_with_the_victims_pseudonym(window: MainWindow) -> None:
    model = window.table.model()
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    assert headers == ["Reference", "Area", "Stage", "Status", "Victim (pseudonym)"]
    assert rows(window) == [
        ["DHR-2026-001", "Northshire", "Notification", "Open", "Adult A"],
        ["DHR-2026-002", "Southvale", "Notification", "Open", "not recorded"],
    ]
    assert window.table.isVisible()
    assert window.windowTitle() == "DHR Manager — workspace.dhr"
    assert window.status_label.text() == f"Unlocked as {ADMIN} (administrator)"


def test_an_empty_workspace_says_there_are_no_cases_yet(qtbot: QtBot, unlocked: UnlockedWorkspace) -> None:
    window = MainWindow(unlocked)
    qtbot.addWidget(window)
    window.show()
    assert window.message.isVisible()
    assert window.message.text() == "No cases yet."
    assert not window.table.isVisible()


def test_ctrl_l_locks_the_workspace_and_empties_the_window(
        qtbot: QtBot, window: MainWindow, two_cases: UnlockedWorkspace) -> None:
    window.activateWindow()
    with qtbot.waitSignal(window.locked, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert two_cases.locked
    assert rows(window) == []
    assert window.message.isVisible() and window.message.text() == "The workspace is locked."
    assert window.status_label.text() == "Locked"
    assert not window.lock_action.isEnabled()


def test_unlocking_again_fills_the_same_window(window: MainWindow, two_cases: UnlockedWorkspace) -> None:
    window.lock_action.trigger()
    again = two_cases.workspace.unlock(ADMIN, PASSPHRASE)

    window.set_workspace(again)

    assert [row[0] for row in rows(window)] == ["DHR-2026-001", "DHR-2026-002"]
    assert window.table.isVisible()
    assert window.lock_action.isEnabled()
    again.lock()


def test_quit_closes_the_window_and_locks_the_workspace(window: MainWindow, two_cases: UnlockedWorkspace) -> None:
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.quit_action.trigger()
    assert not window.isVisible()
    assert two_cases.locked
