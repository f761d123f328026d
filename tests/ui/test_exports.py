"""The calendar and administrator's return from the GUI: the File menu, the case's Deadlines tab, the save dialog."""

import io
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from dhr_manager.domain.cases import PersonRole
from dhr_manager.domain.roles import Role
from dhr_manager.services.cases import assign_case, create_case
from dhr_manager.services.people import add_person
from dhr_manager.services.users import add_user
from dhr_manager.settings import Settings
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
from dhr_manager.ui.case.case_page import CasePage
from dhr_manager.ui.exports import MESSAGE_NAME
from dhr_manager.ui.main_window import MainWindow

TODAY = date(2026, 1, 20)


@pytest.fixture
def two_cases(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    create_case(unlocked, "DHR-2026-001", "Northshire", date(2026, 1, 5), today=TODAY)
    create_case(unlocked, "DHR-2026-002", "Southvale", date(2026, 1, 9), today=TODAY)
    add_person(unlocked, "DHR-2026-001", PersonRole.VICTIM, "Testname Realperson", "Adult A", today=TODAY)
    return unlocked


@pytest.fixture
def window(qtbot: QtBot, two_cases: UnlockedWorkspace, tmp_path: Path) -> MainWindow:
    window = MainWindow(two_cases, Settings(tmp_path / "settings.json"), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


class SaveDialog:
    """Stands in for `QFileDialog.getSaveFileName`: answers with `target` (cancels when None) and records what it
    was asked, as (title, suggested file)."""

    def __init__(self) -> None:
        self.target: Path | None = None
        self.asked: list[tuple[str, str]] = []

    def __call__(self, _parent, title: str, suggested: str, _filter: str, **_options) -> tuple[str, str]:
        self.asked.append((title, suggested))
        return (str(self.target) if self.target else "", "")


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> SaveDialog:
    dialog = SaveDialog()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return dialog


def message(qtbot: QtBot, parent) -> QMessageBox:
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, MESSAGE_NAME) is not None)
    return parent.findChild(QMessageBox, MESSAGE_NAME)


def test_export_calendar_from_the_file_menu_writes_every_case(qtbot: QtBot, window: MainWindow, save_as: SaveDialog,
                                                               tmp_path: Path) -> None:
    save_as.target = tmp_path / "team.ics"
    file_menu = window.menuBar().actions()[0].menu()
    assert window.calendar_action in file_menu.actions() and window.return_action in file_menu.actions()
    window.calendar_action.trigger()
    box = message(qtbot, window)
    assert box.icon() is QMessageBox.Icon.Information
    events = Calendar.from_ical((tmp_path / "team.ics").read_bytes()).walk("VEVENT")
    assert f"Wrote {len(events)} events to {tmp_path / 'team.ics'}" in box.text()
    assert {str(e["summary"]).split(":")[0] for e in events} == {"DHR-2026-001 (Adult A)", "DHR-2026-002"}
    title, suggested = save_as.asked[0]
    assert title == "Export calendar" and Path(suggested).name.startswith("DHR deadlines ")


def test_the_return_from_the_file_menu_and_a_file_that_exists(qtbot: QtBot, window: MainWindow, save_as: SaveDialog,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "return.xlsx"
    save_as.target = out
    window.return_action.trigger()
    assert "administrator's return" in message(qtbot, window).text()
    rows = list(load_workbook(io.BytesIO(out.read_bytes()))["Return"].iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["DHR-2026-001", "DHR-2026-002"]
    window.findChild(QMessageBox, MESSAGE_NAME).done(0)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, MESSAGE_NAME) is None)
    before = out.read_bytes()
    window.return_action.trigger()  # the same name again: refused, in words, and the file is left alone
    box = message(qtbot, window)
    assert box.icon() is QMessageBox.Icon.Warning and "already exists; choose a new file name" in box.text()
    assert out.read_bytes() == before


def test_cancelling_the_save_dialog_writes_nothing(qtbot: QtBot, window: MainWindow, save_as: SaveDialog,
                                                   tmp_path: Path) -> None:
    window.calendar_action.trigger()
    assert len(save_as.asked) == 1
    qtbot.wait(50)
    assert window.findChild(QMessageBox, MESSAGE_NAME) is None and not list(tmp_path.glob("*.ics"))


def test_a_chair_may_export_their_calendar_but_not_the_return(qtbot: QtBot, two_cases: UnlockedWorkspace,
                                                              workspace_path: Path, tmp_path: Path) -> None:
    add_user(two_cases, "Chris Chair", Role.CHAIR, "chair passphrase for tests")
    assign_case(two_cases, "DHR-2026-002", "Chris Chair")
    chair = Workspace.open(workspace_path).unlock("Chris Chair", "chair passphrase for tests")
    window = MainWindow(chair, Settings(tmp_path / "settings.json"), today=TODAY)
    qtbot.addWidget(window)
    assert window.calendar_action.isEnabled() and not window.return_action.isEnabled()
    window.lock()
    assert not window.calendar_action.isEnabled()


def test_the_case_deadlines_tab_exports_that_case_only(qtbot: QtBot, two_cases: UnlockedWorkspace, save_as: SaveDialog,
                                                       tmp_path: Path) -> None:
    page = CasePage(today=TODAY)
    qtbot.addWidget(page)
    page.set_reference("DHR-2026-002")
    page.show_workspace(two_cases)
    page.tabs.setCurrentWidget(page.deadlines_tab)
    page.show()
    save_as.target = tmp_path / "case.ics"
    page.deadlines_tab.export_button.click()
    text = message(qtbot, page).text()
    events = Calendar.from_ical((tmp_path / "case.ics").read_bytes()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["DHR-2026-002: Decision on whether to hold a review"]
    assert f"Wrote 1 event to {tmp_path / 'case.ics'}" in text
    assert Path(save_as.asked[0][1]).name == "DHR-2026-002 deadlines 2026-01-20.ics"
