"""The main window: navigation and shortcuts, locking by hand and when idle, chairs' view, background backup."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from dhr_manager.domain.cases import PersonRole
from dhr_manager.domain.roles import Role
from dhr_manager.services.cases import assign_case, create_case
from dhr_manager.services.people import add_person
from dhr_manager.services.users import add_user
from dhr_manager.settings import Settings
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.main_window import MainWindow
from tests.conftest import ADMIN, PASSPHRASE

SECRETS = ("DHR-2026-001", "DHR-2026-002", "Northshire", "Adult A", "Jane Example")


@pytest.fixture
def two_cases(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    create_case(unlocked, "DHR-2026-002", "Southvale", date(2026, 2, 9))
    create_case(unlocked, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    add_person(unlocked, "DHR-2026-001", PersonRole.VICTIM, "Jane Example", "Adult A")
    return unlocked


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def window(qtbot: QtBot, two_cases: UnlockedWorkspace, settings: Settings) -> MainWindow:
    window = MainWindow(two_cases, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def everything_shown(root: QWidget) -> str:
    """Every text a user or a screen reader could get from the window, models included."""
    parts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        parts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QLineEdit):
            parts.append(widget.text())
    top = QModelIndex()
    for model in root.findChildren(QAbstractItemModel):
        try:
            columns = model.columnCount(top)
        except TypeError:  # Qt's own list models keep columnCount private: they have one column
            columns = 1
        for row in range(model.rowCount(top)):
            parts += [str(model.index(row, column).data()) for column in range(columns)]
    return "\n".join(parts)


def test_it_opens_on_the_dashboard_and_each_view_has_a_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    assert window.current_page() is window.dashboard
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for number, page in enumerate((window.dashboard, window.cases, window.tasks, window.action_plans,
                                   window.agencies, window.audit, window.settings_page), start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is page
    assert window.status_label.text() == f"Unlocked as {ADMIN} (administrator)"


def test_ctrl_f_goes_to_the_case_search_and_enter_opens_a_case(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.cases and QApplication.focusWidget() is window.cases.search
    qtbot.keyClicks(window.cases.search, "adult a")
    assert window.cases.proxy.rowCount() == 1
    window.cases.table.selectRow(0)
    window.cases.table.activated.emit(window.cases.proxy.index(0, 0))
    assert window.current_page() is window.case_page


def test_lock_now_clears_every_view(qtbot: QtBot, window: MainWindow, two_cases: UnlockedWorkspace) -> None:
    for key in ("cases", "tasks", "audit", "dashboard"):
        window.show_view(key)
    window.open_case("DHR-2026-001")
    assert "Adult A" in everything_shown(window)
    with qtbot.waitSignal(window.locked, timeout=1000):
        window.lock_action.trigger()
    assert two_cases.locked
    shown = everything_shown(window)
    for secret in SECRETS:
        assert secret not in shown, secret
    assert window.current_page() is window.locked_message
    assert not window.new_case_action.isEnabled() and not window.navigation.isEnabled()


def test_it_locks_itself_after_the_idle_time(qtbot: QtBot, window: MainWindow, two_cases: UnlockedWorkspace) -> None:
    assert window.idle_timer.interval() == 10 * 60_000  # the default: 10 minutes
    window.idle_timer.start(50)  # as if the ten minutes had passed
    with qtbot.waitSignal(window.locked, timeout=2000):
        pass
    assert two_cases.locked
    assert "Adult A" not in everything_shown(window)


def test_using_the_keyboard_or_mouse_postpones_the_automatic_lock(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.idle_timer.start(3000)
    qtbot.waitUntil(lambda: window.idle_timer.remainingTime() < 2000, timeout=2500)  # no one touched it
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)  # any key or click, on any screen, counts as use
    assert window.idle_timer.remainingTime() > 2800


def test_unlocking_again_fills_the_same_window(window: MainWindow, two_cases: UnlockedWorkspace) -> None:
    window.show_view("cases")
    window.lock_action.trigger()
    again = two_cases.workspace.unlock(ADMIN, PASSPHRASE)
    window.set_workspace(again)
    assert window.current_page() is window.cases
    assert window.cases.proxy.rowCount() == 2
    again.lock()


def test_the_last_view_and_window_size_are_remembered(qtbot: QtBot, window: MainWindow, settings: Settings,
                                                      two_cases: UnlockedWorkspace) -> None:
    window.show_view("tasks")
    window.resize(760, 560)  # within the offscreen screen (800 x 600), which restoring clamps to
    window.close()
    assert settings.get("last_view") == "tasks" and settings.get("window_geometry")
    again = MainWindow(two_cases.workspace.unlock(ADMIN, PASSPHRASE), settings)
    qtbot.addWidget(again)
    assert again.current_page() is again.tasks
    assert (again.width(), again.height()) == (760, 560)


def test_a_chair_sees_no_create_or_edit_actions(qtbot: QtBot, two_cases: UnlockedWorkspace, settings: Settings) -> None:
    add_user(two_cases, "Chris Chair", Role.CHAIR, "chair passphrase for tests")
    assign_case(two_cases, "DHR-2026-001", "Chris Chair")
    chair = two_cases.workspace.unlock("Chris Chair", "chair passphrase for tests")
    window = MainWindow(chair, settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.new_case_action.isEnabled() and not window.backup_action.isEnabled()
    assert window.navigation.item(list(window.views).index("audit")).isHidden()  # no audit log
    window.show_view("cases")
    assert not window.cases.new_button.isVisible()
    assert window.cases.proxy.rowCount() == 1
    window.show_view("tasks")
    assert not window.tasks.done_button.isVisible() and not window.tasks.skip_button.isVisible()


def test_a_backup_runs_in_the_background_and_reports(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "backups" / "team.dhr"
    window.start_backup(target)
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage(), timeout=10_000)
    assert target.is_file()
    window.start_backup(target)  # the same name again is refused, and said so

    def refusal() -> QMessageBox | None:
        return next((box for box in window.findChildren(QMessageBox) if "already exists" in box.text()), None)

    qtbot.waitUntil(lambda: refusal() is not None, timeout=10_000)
    refusal().close()


def test_quit_closes_the_window_and_locks_the_workspace(window: MainWindow, two_cases: UnlockedWorkspace) -> None:
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.quit_action.trigger()
    assert not window.isVisible()
    assert two_cases.locked
