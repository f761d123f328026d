"""Starting quickly: the unlock dialog opens the key before the rest of the application is imported, the main
window answers while the workspace opens, the dashboard fills in the background with a visible "Loading…", the
case page is built when first opened, and the first window does not import the document, spreadsheet and
calendar libraries."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dhr_manager import app
from dhr_manager.services.cases import create_case
from dhr_manager.settings import Settings
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
from dhr_manager.ui.main_window import MainWindow
from dhr_manager.ui.pages.dashboard import DashboardPage
from dhr_manager.ui.unlock_dialog import UnlockDialog
from dhr_manager.ui.workspace_opener import WorkspaceOpener
from tests.conftest import ADMIN, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def two_cases(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    create_case(unlocked, "DHR-2026-011", "Northshire", date(2026, 1, 5))
    create_case(unlocked, "DHR-2026-012", "Southvale", date(2026, 2, 9))
    return unlocked


def test_the_dialog_opens_the_key_from_the_file_and_the_workspace_follows_when_imported(
        qtbot: QtBot, sealed: Workspace) -> None:
    dialog = UnlockDialog(sealed.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.user_combo.currentText() == ADMIN  # read straight from the file, the only user chosen for them
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.key is not None

    opener = WorkspaceOpener(sealed.path)
    opened: list[Workspace] = []
    opener.when_open(opened.append, lambda exc: pytest.fail(exc.message))
    qtbot.waitUntil(lambda: bool(opened))
    unlocked = opened[0].unlock_with(dialog.key)
    assert unlocked.user.name == ADMIN and opener.opened is opened[0]
    again: list[Workspace] = []
    opener.when_open(again.append, lambda exc: pytest.fail(exc.message))
    assert again == opened  # imports done: handed over at once, the same workspace
    unlocked.lock()
    opened[0].close()


def test_a_file_that_cannot_be_opened_is_reported_to_the_waiting_window(qtbot: QtBot, workspace_path: Path) -> None:
    workspace_path.write_bytes(b"not a workspace at all" * 10)
    opener = WorkspaceOpener(workspace_path)
    reasons: list[str] = []
    opener.when_open(lambda _ws: pytest.fail("opened a file that is not a workspace"),
                     lambda exc: reasons.append(exc.message))
    qtbot.waitUntil(lambda: bool(reasons))
    assert reasons == [f"{workspace_path} is not a DHR Manager workspace, or it is damaged. It was not changed."]
    assert opener.opened is None


def test_the_window_answers_while_the_workspace_opens_then_shows_the_screen_picked(
        qtbot: QtBot, two_cases: UnlockedWorkspace, tmp_path: Path) -> None:
    window = MainWindow(None, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    assert window.current_page() is window.opening_message and window.views == {}
    assert window.status_label.text() == "Opening the workspace…"
    assert not window.new_case_action.isEnabled() and not window.lock_action.isEnabled()
    assert window.quit_action.isEnabled() and window.user_guide_action.isEnabled()

    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)  # Dashboard, then Cases
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.navigation.currentItem().text() == "Cases"

    window.set_workspace(two_cases)
    assert window.current_page() is window.cases  # the screen picked while it opened
    assert window.cases.table.model().rowCount() == 2
    assert window.status_label.text() == f"Unlocked as {ADMIN} (administrator)"
    assert window.new_case_action.isEnabled() and window.lock_action.isEnabled()


def test_the_dashboard_says_loading_then_shows_the_cases(qtbot: QtBot, two_cases: UnlockedWorkspace) -> None:
    page = DashboardPage(today=date(2026, 3, 1))
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded):
        page.show_workspace(two_cases)
        assert page.loading
        assert page.as_of.text() == "Loading…"
        assert page.nothing_due.isVisible() and page.nothing_due.text() == "Loading the cases…"
    assert not page.loading
    assert page.as_of.text() == "As of Sun 1 Mar 2026"
    assert page.count_labels[0].text() == "Notification 2"
    assert "DHR-2026-011" in page.timeline_text.toPlainText()


def test_locking_while_the_dashboard_loads_shows_nothing_of_that_load(
        qtbot: QtBot, two_cases: UnlockedWorkspace, tmp_path: Path) -> None:
    empty, _key = Workspace.create(tmp_path / "empty.dhr", "Eve Empty", PASSPHRASE)
    page = DashboardPage(today=date(2026, 3, 1))
    qtbot.addWidget(page)
    page.show_workspace(two_cases)
    page.clear()  # as locking does
    assert not page.loading and page.as_of.text() == ""
    with qtbot.waitSignal(page.loaded):
        page.show_workspace(empty)
    assert page.count_labels[0].text() == "Notification 0"
    assert page.timeline_text.toPlainText() == "No live cases."
    empty.lock()
    empty.workspace.close()


def test_the_window_can_be_used_while_the_dashboard_loads(
        qtbot: QtBot, two_cases: UnlockedWorkspace, tmp_path: Path) -> None:
    window = MainWindow(two_cases, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    assert window.current_page() is window.dashboard and window.dashboard.loading

    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)  # from Dashboard to Cases

    assert window.current_page() is window.cases
    assert window.cases.table.model().rowCount() == 2
    qtbot.waitUntil(lambda: not window.dashboard.loading)
    assert window.dashboard.count_labels[0].text() == "Notification 2"


def test_the_case_page_is_built_when_a_case_is_first_opened(
        qtbot: QtBot, two_cases: UnlockedWorkspace, tmp_path: Path) -> None:
    window = MainWindow(two_cases, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    assert window._case_page is None

    window.open_case("DHR-2026-011")

    assert window.current_page() is window.case_page
    assert window.case_page.reference_label.text() == "DHR-2026-011"
    window.lock_action.trigger()  # clears the case page with every other
    assert window.current_page() is window.locked_message
    assert window.case_page.reference_label.text() == ""


def imported_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    return {name.split(".")[0] for name in result.stdout.split()} | set(result.stdout.split())


def test_the_unlock_dialog_and_the_window_need_only_qt_and_the_screens_no_document_libraries() -> None:
    heavy = {"sqlalchemy", "cryptography", "argon2", "dhr_manager.storage.workspace"}
    at_unlock = imported_by("import dhr_manager.ui.application")
    assert "PySide6" in at_unlock
    assert not at_unlock & heavy

    assert not imported_by("import dhr_manager.ui.main_window") & heavy  # it appears before they are loaded

    at_screens = imported_by("import dhr_manager.ui.screens")
    assert "sqlalchemy" in at_screens
    assert not at_screens & {"docx", "docxtpl", "lxml", "openpyxl", "msoffcrypto", "alembic", "icalendar",
                             "dhr_manager.ui.case.case_page"}


def test_the_gui_starts_without_the_command_line_only_for_no_command(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    started: list[Path | None] = []
    monkeypatch.setattr(app, "run_gui", lambda path: started.append(path) or 0)
    monkeypatch.delenv("DHR_MANAGER_WORKSPACE", raising=False)
    given = tmp_path / "team.dhr"

    assert app.gui_start([]) == 0
    assert app.gui_start(["--workspace", str(given)]) == 0
    assert app.gui_start([f"--workspace={given}"]) == 0
    assert [app.gui_start(argv) for argv in (["list"], ["--version"], ["--workspace", str(given), "list"])] == [
        None, None, None]
    assert started == [None, given, given]
