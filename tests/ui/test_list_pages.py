"""The Tasks, Audit and Settings screens."""

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dhr_manager.domain.events import EventKind
from dhr_manager.services.cases import create_case
from dhr_manager.services.tasks import TaskStatus, list_tasks
from dhr_manager.services.workflow import record_event
from dhr_manager.settings import Settings
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.pages.audit_page import AuditPage
from dhr_manager.ui.pages.settings_page import SettingsPage
from dhr_manager.ui.pages.tasks_page import TasksPage

TODAY = date(2026, 11, 22)


@pytest.fixture
def decided(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    create_case(unlocked, "DHR-2026-001", "Northshire", date(2026, 10, 1), today=TODAY)
    record_event(unlocked, "DHR-2026-001", EventKind.DECISION, date(2026, 10, 20),
                 {"outcome": "hold", "rationale": "Criteria met"}, today=TODAY)
    return unlocked


@pytest.fixture
def tasks_page(qtbot: QtBot, decided: UnlockedWorkspace) -> TasksPage:
    page = TasksPage(today=TODAY)
    qtbot.addWidget(page)
    page.show_workspace(decided)
    return page


def column(page: TasksPage | AuditPage, n: int) -> list[str]:
    model = page.table.model()
    return [model.index(row, n).data() for row in range(model.rowCount())]


def test_tasks_show_overdue_first_in_words(tasks_page: TasksPage) -> None:
    states = column(tasks_page, 1)
    assert states[0].endswith("overdue")
    assert "Notify the Home Office of the decision to hold a review" in column(tasks_page, 3)
    assert tasks_page.summary.text().startswith(f"{len(states)} tasks shown")


def test_my_tasks_are_those_of_my_role(tasks_page: TasksPage) -> None:
    tasks_page.whose.setCurrentIndex(tasks_page.whose.findData("mine"))
    assert set(column(tasks_page, 4)) == {"administrator"}  # Ada Admin is an administrator
    assert column(tasks_page, 3) == ["Commission an independent chair and author"]


def test_marking_a_task_done_removes_it_from_the_open_list(qtbot: QtBot, tasks_page: TasksPage,
                                                           decided: UnlockedWorkspace) -> None:
    tasks_page.table.selectRow(0)
    title = column(tasks_page, 3)[0]
    with qtbot.waitSignal(tasks_page.changed):
        tasks_page.done_button.click()
    assert title not in column(tasks_page, 3)
    done = [t for t in list_tasks(decided, include_closed=True, today=TODAY) if t.title == title]
    assert done[0].status is TaskStatus.DONE
    tasks_page.show_closed.setChecked(True)
    assert "Done" in column(tasks_page, 1)


def test_the_audit_log_filters_by_case_and_user(qtbot: QtBot, decided: UnlockedWorkspace) -> None:
    page = AuditPage()
    qtbot.addWidget(page)
    page.show_workspace(decided)
    assert "case.create" in column(page, 3) and "workspace.create" in column(page, 3)
    page.case.setCurrentIndex(page.case.findData("DHR-2026-001"))
    assert column(page, 3) == ["event.decision", "case.create"]  # newest first
    page.clear()
    assert page.table.model().rowCount() == 0


def test_settings_are_saved_and_read_back(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    page = SettingsPage(settings)
    qtbot.addWidget(page)
    assert page.fields["auto_lock_minutes"].value() == 10
    page.fields["auto_lock_minutes"].setValue(25)
    page.fields["default_profile"].setCurrentIndex(page.fields["default_profile"].findData("wales-susr"))
    page.save()
    again = Settings(tmp_path / "settings.json")
    assert (again.get("auto_lock_minutes"), again.get("default_profile")) == (25, "wales-susr")


def test_a_damaged_settings_file_falls_back_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert Settings(path).get("auto_lock_minutes") == 10
    path.write_text('{"auto_lock_minutes": "ten", "unknown": 1}')
    assert Settings(path).get("auto_lock_minutes") == 10
