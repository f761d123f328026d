"""The case's task list and its people, from the case page."""

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dhr_manager.domain.cases import PersonRole
from dhr_manager.domain.events import EventKind
from dhr_manager.services.people import list_people
from dhr_manager.services.workflow import record_event
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.case.case_page import CasePage
from dhr_manager.ui.case.dialogs import SkipTaskDialog
from dhr_manager.ui.case.people_tab import AddPersonDialog
from dhr_manager.ui.fields import to_qdate
from tests.ui.case.conftest import REF, TODAY, cells, choose, column

BRIEF = "Send the referral and initial information to the CSP chair for a decision"
GATHER = "Ask agencies for initial information about their contact with the people involved"


def with_referral(page: CasePage, ws: UnlockedWorkspace) -> None:
    record_event(ws, REF, EventKind.REFERRAL, date(2026, 1, 6), today=TODAY)
    page.show_workspace(ws)
    page.tabs.setCurrentWidget(page.tasks_tab)


def select(page: CasePage, title: str) -> None:
    row = column(page.tasks_tab.view.model(), "Task").index(title)
    page.tasks_tab.view.selectRow(row)


def test_marking_a_task_done_moves_it_below_the_open_ones(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    with_referral(page, case_ws)
    model = page.tasks_tab.view.model()
    assert not page.tasks_tab.done_button.isEnabled()  # nothing selected yet
    assert column(model, "Task") == [GATHER, BRIEF]  # the overdue one first
    select(page, GATHER)

    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.tasks_tab.done_button, Qt.MouseButton.LeftButton)

    assert [[row[1], row[2]] for row in cells(model)] == [["due today", BRIEF], ["Done", GATHER]]
    select(page, GATHER)
    assert not page.tasks_tab.done_button.isEnabled()  # a done task cannot be done again


def test_not_needed_asks_why_and_refuses_no_reason(qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    with_referral(page, case_ws)
    select(page, BRIEF)
    qtbot.mouseClick(page.tasks_tab.skip_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SkipTaskDialog)
    assert BRIEF in dialog.explanation.text()
    qtbot.keyClicks(dialog.reason_edit, "   ")
    assert not dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.reason_edit, "The chair had the papers already")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert [[row[1], row[2]] for row in cells(page.tasks_tab.view.model())] == [
        ["7 days overdue", GATHER], ["Not needed", BRIEF]]


def test_people_are_added_and_listed_with_real_names_only_on_their_tab(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    page.tabs.setCurrentWidget(page.people_tab)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "People"
    qtbot.mouseClick(page.people_tab.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AddPersonDialog)
    choose(dialog.role_combo, PersonRole.VICTIM)
    qtbot.keyClicks(dialog.name_edit, "Zara Fictitious")
    qtbot.keyClicks(dialog.pseudonym_edit, "Adult A")
    assert not dialog.dob_edit.isEnabled()
    dialog.dob_check.setChecked(True)
    dialog.dob_edit.setDate(to_qdate(date(1984, 3, 14)))

    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert cells(page.people_tab.view.model()) == [["Victim", "Adult A", "Zara Fictitious", "Wed 14 Mar 1984", ""]]
    assert page.pseudonym_label.text() == "Victim (pseudonym): Adult A"
    assert dialog.name_edit.text() == ""  # the closed dialog does not keep the real name
    assert list_people(case_ws, REF)[0].name == "Zara Fictitious"


def test_a_refused_person_is_explained_and_not_added(qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    dialog = page.add_person_dialog()
    dialog.open()
    qtbot.keyClicks(dialog.name_edit, "Zara Fictitious")
    qtbot.keyClicks(dialog.pseudonym_edit, "zara fictitious")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "The pseudonym must differ from the real name: it is what drafts will show."
    assert list_people(case_ws, REF) == []
