"""Advancing, pausing and resuming from the case page's header, through its dialogs."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dhr_manager.domain.cases import Stage, Status
from dhr_manager.domain.events import EventKind
from dhr_manager.services.workflow import GateNotMet, advance, record_event, workflow
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.case.case_page import CasePage
from dhr_manager.ui.case.dialogs import AdvanceDialog, GateNotMetDialog, PauseDialog, ResumeDialog
from dhr_manager.ui.case.stepper import StepState
from dhr_manager.ui.fields import to_qdate
from tests.ui.case.conftest import REF, TODAY, choose, column, open_page


def hold_and_notify(ws: UnlockedWorkspace) -> None:
    record_event(ws, REF, EventKind.DECISION, date(2026, 1, 15), {"outcome": "hold", "rationale": "Criteria met"},
                 today=TODAY)
    record_event(ws, REF, EventKind.HOME_OFFICE_NOTIFIED, date(2026, 1, 16), today=TODAY)


def test_advance_with_the_gate_unmet_lists_exactly_what_is_missing_and_changes_nothing(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    with qtbot.assertNotEmitted(page.changed):
        qtbot.mouseClick(page.advance_button, Qt.MouseButton.LeftButton)
        dialog = page.dialog
        assert isinstance(dialog, GateNotMetDialog)
        assert dialog.isVisible()
        with pytest.raises(GateNotMet) as refused:
            advance(case_ws, REF, today=TODAY)
        shown = [label.text() for label in dialog.item_labels]
        assert shown == refused.value.missing == [
            "The CSP chair's decision on whether to hold a review, with reasons",
            "The Home Office told of the decision"]
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    assert page.dialog is None
    assert workflow(case_ws, REF, TODAY).stage is Stage.NOTIFICATION
    assert page.stepper.steps()[0] == ("Notification", StepState.CURRENT)


def test_advance_with_the_gate_met_asks_for_the_date_and_moves_the_case_on(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    hold_and_notify(case_ws)
    page.show_workspace(case_ws)
    page.advance_button.setFocus()
    qtbot.keyClick(page.advance_button, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.dialog
    assert isinstance(dialog, AdvanceDialog)
    assert dialog.explanation.text() == "Move DHR-2026-001 to the Panel stage on Tue 20 Jan 2026?"
    dialog.date_edit.setDate(to_qdate(date(2026, 1, 19)))
    assert dialog.explanation.text() == "Move DHR-2026-001 to the Panel stage on Mon 19 Jan 2026?"

    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert workflow(case_ws, REF, TODAY).stage is Stage.PANEL
    assert page.stepper.steps()[:2] == [("Notification", StepState.DONE), ("Panel", StepState.CURRENT)]
    assert "Panel: current stage" in page.stepper.accessibleDescription()
    assert "Notification: ✓ done" in page.stepper.accessibleDescription()
    assert "Invite the panel members and arrange the first panel meeting" in column(
        page.tasks_tab.view.model(), "Task")


def test_pausing_shows_paused_in_the_header_and_the_deadlines(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    assert page.pause_button.isVisible() and not page.resume_button.isVisible()
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PauseDialog)
    assert [dialog.reason_combo.itemText(i) for i in range(dialog.reason_combo.count())][:2] == [
        "Criminal trial", "Inquest"]
    choose(dialog.reason_combo, "criminal-trial")
    dialog.start_edit.setDate(to_qdate(date(2026, 1, 10)))

    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert workflow(case_ws, REF, TODAY).status is Status.PAUSED
    assert page.status_label.text() == "Status: Paused — criminal trial, since Sat 10 Jan 2026"
    assert page.deadline_label.text() == "Next deadline: Decision on whether to hold a review — clocks paused"
    assert column(page.deadlines_tab.view.model(), "Status") == ["Paused"]
    assert page.resume_button.isVisible() and not page.pause_button.isVisible()

    qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ResumeDialog)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert page.status_label.text() == "Status: Open"
    # Ten days paused move the decision deadline from 5 Feb to 15 Feb.
    assert page.deadline_label.text() == ("Next deadline: Decision on whether to hold a review — "
                                          "Sun 15 Feb 2026, due in 26 days")


def test_a_refused_pause_is_explained_in_the_dialog_which_stays_open(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    dialog = page.pause_dialog()
    dialog.open()
    dialog.start_edit.setDate(to_qdate(date(2026, 1, 1)))
    with qtbot.assertNotEmitted(page.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "A pause must start between the notification (2026-01-05) and today."
    assert workflow(case_ws, REF, TODAY).status is Status.OPEN


def test_the_next_deadline_is_worded_and_red_once_overdue(qtbot: QtBot, case_ws: UnlockedWorkspace) -> None:
    page = open_page(qtbot, case_ws, today=date(2026, 2, 8))
    assert page.deadline_label.text() == ("Next deadline: Decision on whether to hold a review — "
                                          "Thu 5 Feb 2026, 3 days overdue")
    assert "color: #aa1414" in page.deadline_label.styleSheet()
