"""Starting quickly: the unlock dialog works before the workspace file is read, the dashboard fills in the
background with a visible "Loading…", the case page is built when first opened, and the first window does not
import the document, spreadsheet and calendar libraries."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dhr_manager import app
from dhr_manager.domain.roles import Role
from dhr_manager.services.cases import create_case
from dhr_manager.services.users import add_user
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


def opened_dialog(qtbot: QtBot, opener: WorkspaceOpener) -> UnlockDialog:
    dialog = UnlockDialog(opener)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def unlocked_as_admin(dialog: UnlockDialog, opener: WorkspaceOpener) -> None:
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.unlocked is not None and dialog.unlocked.user.name == ADMIN
    dialog.unlocked.lock()
    opener.workspace().close()


def test_the_passphrase_can_be_typed_before_the_names_are_read_then_unlocks(qtbot: QtBot, sealed: Workspace) -> None:
    opener = WorkspaceOpener(sealed.path)
    dialog = opened_dialog(qtbot, opener)
    assert dialog.user_combo.count() == 0
    assert dialog.user_combo.placeholderText() == "Reading the names…"

    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)  # the file is not even being read yet
    assert dialog.passphrase_edit.text() == PASSPHRASE
    with qtbot.waitSignal(opener.opened):
        opener.start()
    assert dialog.user_combo.currentText() == ADMIN  # the only user, chosen for them
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)

    unlocked_as_admin(dialog, opener)


def test_unlock_pressed_before_the_file_is_read_waits_for_it(qtbot: QtBot, sealed: Workspace) -> None:
    opener = WorkspaceOpener(sealed.path)
    dialog = opened_dialog(qtbot, opener)
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    assert dialog.unlock_button.isEnabled()

    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)

    unlocked_as_admin(dialog, opener)


def test_with_several_users_an_early_unlock_asks_who_they_are(qtbot: QtBot, unlocked: UnlockedWorkspace) -> None:
    add_user(unlocked, "Chris Chair", Role.CHAIR, "chairs passphrase here")
    opener = WorkspaceOpener(unlocked.path)
    dialog = opened_dialog(qtbot, opener)
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    dialog.unlock_button.click()

    assert dialog.unlocked is None and dialog.isVisible()
    assert dialog.error.text() == "Choose your name, then press Unlock."
    assert dialog.user_combo.currentIndex() == -1 and not dialog.unlock_button.isEnabled()
    dialog.user_combo.setCurrentText(ADMIN)
    dialog.unlock_button.click()
    assert dialog.unlocked is not None and dialog.unlocked.user.name == ADMIN
    dialog.unlocked.lock()
    opener.workspace().close()


def test_a_file_that_cannot_be_opened_closes_the_dialog_with_the_reason(qtbot: QtBot, workspace_path: Path) -> None:
    workspace_path.write_bytes(b"not a workspace at all" * 10)
    opener = WorkspaceOpener(workspace_path)
    dialog = opened_dialog(qtbot, opener)
    with qtbot.waitSignal(opener.failed):
        opener.start()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.open_error is not None
    assert dialog.open_error.message == (f"{workspace_path} is not a DHR Manager workspace, or it is damaged. "
                                         "It was not changed.")


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


def test_the_unlock_dialog_needs_only_qt_and_the_first_window_no_document_libraries() -> None:
    at_unlock = imported_by("import dhr_manager.ui.application")
    assert "PySide6" in at_unlock
    assert not at_unlock & {"sqlalchemy", "cryptography", "argon2", "dhr_manager.storage.workspace"}

    at_window = imported_by("import dhr_manager.ui.main_window")
    assert "sqlalchemy" in at_window
    assert not at_window & {"docx", "docxtpl", "lxml", "openpyxl", "msoffcrypto", "alembic", "icalendar",
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
