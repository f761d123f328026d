"""The case's Recommendations and actions tab: adding through the dialogs, SMART warnings as the user types,
RAG in words, recording progress, publication gating, and read-only chairs."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dhr_manager.domain.actions import Scope
from dhr_manager.domain.events import EventKind
from dhr_manager.services.actions import add_action, add_recommendation, list_actions, list_recommendations
from dhr_manager.services.demo import build_demo
from dhr_manager.services.publication import publication
from dhr_manager.services.workflow import pause, record_event
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace
from dhr_manager.ui.case.action_plan_dialogs import (
    AddActionDialog,
    PublicationDialog,
    RecommendationDialog,
    UpdateActionDialog,
)
from dhr_manager.ui.case.case_page import CasePage
from dhr_manager.ui.fields import to_qdate
from tests.ui.case.conftest import REF, TODAY, choose, column, open_page
from tests.ui.conftest import FAST_KDF

TEXT = "Northshire Police to train every response officer to recognise coercive control"


def click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def on_tab(page: CasePage) -> None:
    page.show_action_plan()
    assert page.tabs.currentWidget() is page.action_plan_tab


def with_recommendation(ws: UnlockedWorkspace, page: CasePage) -> None:
    add_recommendation(ws, REF, TEXT, "local", "Northshire Police", "90% trained", date(2026, 9, 1))
    page.show_workspace(ws)
    on_tab(page)


def test_a_recommendation_added_through_the_dialog_warns_as_fields_are_filled_and_is_saved(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    on_tab(page)
    click(qtbot, page.action_plan_tab.add_recommendation_button)
    dialog = page.dialog
    assert isinstance(dialog, RecommendationDialog)
    qtbot.keyClicks(dialog.text_edit, TEXT)
    choose(dialog.scope_combo, Scope.REGIONAL)
    dialog.agency_edit.setText("Northshire Police")  # typing would pop up the completer
    shown = dialog.warnings_label.text()
    assert "There is no measurable outcome" in shown and "There is no target date" in shown

    qtbot.keyClicks(dialog.outcome_edit, "90% of officers trained")
    assert "measurable outcome" not in dialog.warnings_label.text()
    assert "There is no target date" in dialog.warnings_label.text()
    dialog.target.check.setChecked(True)
    dialog.target.edit.setDate(to_qdate(date(2026, 9, 30)))
    assert "No warnings" in dialog.warnings_label.text()
    dialog.outcome_edit.clear()  # clearing a field brings its warning back
    assert "There is no measurable outcome" in dialog.warnings_label.text()
    qtbot.keyClicks(dialog.outcome_edit, "90% of officers trained")

    with qtbot.waitSignal(page.changed):
        click(qtbot, dialog.ok_button)

    [saved] = list_recommendations(case_ws, REF)
    assert (saved.number, saved.text, saved.scope, saved.agency, saved.outcome, saved.target_date, saved.warnings) \
        == (1, TEXT, Scope.REGIONAL, "Northshire Police", "90% of officers trained", date(2026, 9, 30), ())
    assert column(page.action_plan_tab.recommendations_view.model(), "SMART check") == ["No warnings"]


def test_saving_a_recommendation_with_warnings_asks_first_then_saves(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    on_tab(page)
    dialog = page.action_plan_tab.recommendation_dialog()
    dialog.open()
    qtbot.keyClicks(dialog.text_edit, "Agencies should consider raising awareness")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.ok_button.text() == "Save &anyway"
    assert "not yet SMART" in dialog.error.text()
    assert list_recommendations(case_ws, REF) == []  # asked, not saved

    click(qtbot, dialog.ok_button)
    [saved] = list_recommendations(case_ws, REF)
    assert len(saved.warnings) == 3
    page.show_workspace(case_ws)
    [shown] = column(page.action_plan_tab.recommendations_view.model(), "SMART check")
    assert "vague wording" in shown and "no measurable outcome" in shown and "no target date" in shown


def test_an_action_added_through_the_dialog_shows_its_rag_in_words(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    with_recommendation(case_ws, page)
    tab = page.action_plan_tab
    tab.recommendations_view.selectRow(0)
    click(qtbot, tab.add_action_button)
    dialog = page.dialog
    assert isinstance(dialog, AddActionDialog)
    assert dialog.recommendation_combo.currentData() == 1
    qtbot.keyClicks(dialog.action_edit, "Design the training")
    dialog.agency_edit.setText("Northshire Police")  # typing would pop up the completer
    qtbot.keyClicks(dialog.officer_edit, "Officer Example")
    dialog.target.edit.setDate(to_qdate(date(2026, 1, 10)))  # ten days before TODAY: overdue
    with qtbot.waitSignal(page.changed):
        click(qtbot, dialog.ok_button)

    [saved] = list_actions(case_ws, REF, today=TODAY)
    assert (saved.number, saved.action, saved.lead_agency, saved.lead_officer, saved.target_date) == (
        "1.1", "Design the training", "Northshire Police", "Officer Example", date(2026, 1, 10))
    model = tab.actions_view.model()
    assert column(model, "Status") == ["Red \u2013 overdue by 10 days"]
    assert tab.summary.text() == "1 open of 1, 1 red (overdue)"


def test_rag_words_for_every_state_are_in_the_table(qtbot: QtBot, page: CasePage,
                                                     case_ws: UnlockedWorkspace) -> None:
    add_recommendation(case_ws, REF, TEXT, "local")
    for text, target in (("Later", date(2026, 6, 1)), ("Soon", date(2026, 2, 1)), ("Late", date(2026, 1, 19))):
        add_action(case_ws, REF, 1, text, "Northshire Police", target=target, today=TODAY)
    page.show_workspace(case_ws)
    model = page.action_plan_tab.actions_view.model()
    assert dict(zip(column(model, "Action"), column(model, "Status"), strict=True)) == {
        "Later": "Green \u2013 on track", "Soon": "Amber \u2013 due in 12 days", "Late": "Red \u2013 overdue by 1 day"}


def test_updating_an_action_needs_an_outcome_to_complete_it_and_saves_nothing_until_then(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    with_recommendation(case_ws, page)
    add_action(case_ws, REF, 1, "Design the training", "Northshire Police", target=date(2026, 3, 1), today=TODAY)
    page.show_workspace(case_ws)
    tab = page.action_plan_tab
    assert not tab.update_action_button.isEnabled()  # nothing selected
    tab.actions_view.selectRow(0)
    click(qtbot, tab.update_action_button)
    dialog = page.dialog
    assert isinstance(dialog, UpdateActionDialog)
    dialog.milestones_edit.setText("Outline agreed")
    dialog.completed.check.setChecked(True)
    dialog.completed.edit.setDate(to_qdate(date(2026, 1, 15)))
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "outcome" in dialog.error.text()
    [unchanged] = list_actions(case_ws, REF, today=TODAY)
    assert (unchanged.completed_on, unchanged.milestones) == (None, None)  # nothing half-saved

    qtbot.keyClicks(dialog.outcome_edit, "Training designed")
    with qtbot.waitSignal(page.changed):
        click(qtbot, dialog.ok_button)
    [done] = list_actions(case_ws, REF, today=TODAY)
    assert (done.completed_on, done.outcome, done.milestones) == (date(2026, 1, 15), "Training designed",
                                                                  "Outline agreed")
    assert column(tab.actions_view.model(), "Status") == ["Complete"]


def test_publication_is_disabled_with_the_reason_until_approved_and_while_paused(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    on_tab(page)
    tab = page.action_plan_tab
    assert "Cannot be published yet" in tab.blocked_label.text() and "approved" in tab.blocked_label.text()
    assert tab.published_label.text() == "Published: not yet published"
    dialog = tab.publication_dialog()
    assert not dialog.published.check.isEnabled()
    assert "approved" in dialog.published.check.toolTip() and "approved" in dialog.blocked_label.text()
    assert dialog.family.check.isEnabled()  # the family's sight of the report can be recorded meanwhile
    dialog.reject()

    for kind, on, details in ((EventKind.QA_SUBMITTED, date(2026, 1, 10), {}),
                              (EventKind.QA_FEEDBACK, date(2026, 1, 15), {"outcome": "approved"})):
        record_event(case_ws, REF, kind, on, details, today=TODAY)
    page.show_workspace(case_ws)
    assert tab.blocked_label.text() == "" and not tab.blocked_label.isVisibleTo(tab)
    dialog = tab.publication_dialog()
    assert isinstance(dialog, PublicationDialog) and dialog.published.check.isEnabled()

    pause(case_ws, REF, "inquest", date(2026, 1, 18), today=TODAY)
    page.show_workspace(case_ws)
    assert "paused" in tab.blocked_label.text()
    dialog = tab.publication_dialog()
    assert not dialog.published.check.isEnabled() and "paused" in dialog.published.check.toolTip()


def test_publication_dates_are_recorded_through_the_dialog(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    for kind, on, details in ((EventKind.QA_SUBMITTED, date(2026, 1, 10), {}),
                              (EventKind.QA_FEEDBACK, date(2026, 1, 15), {"outcome": "approved"})):
        record_event(case_ws, REF, kind, on, details, today=TODAY)
    page.show_workspace(case_ws)
    on_tab(page)
    click(qtbot, page.action_plan_tab.publication_button)
    dialog = page.dialog
    assert isinstance(dialog, PublicationDialog)
    dialog.family.check.setChecked(True)
    dialog.family.edit.setDate(to_qdate(date(2026, 1, 16)))
    dialog.published.check.setChecked(True)
    dialog.published.edit.setDate(to_qdate(date(2026, 1, 19)))
    assert dialog.online.edit.date() == to_qdate(date(2027, 1, 19))  # 12 months by default
    with qtbot.waitSignal(page.changed):
        click(qtbot, dialog.ok_button)
    view = publication(case_ws, REF, TODAY)
    assert (view.family_saw_final_on, view.published_on, view.online_until) == (
        date(2026, 1, 16), date(2026, 1, 19), date(2027, 1, 19))
    assert page.action_plan_tab.online_label.text() == "Keep online until: Tue 19 Jan 2027"


def test_a_chair_reads_the_action_plan_but_cannot_change_it(qtbot: QtBot, tmp_path: Path) -> None:
    today = date(2026, 11, 24)
    passphrase = build_demo(tmp_path / "demo.dhr", today, FAST_KDF)
    chair = Workspace.open(tmp_path / "demo.dhr").unlock("Demo Chair", passphrase)
    page = open_page(qtbot, chair, "DHR-DEMO-07", today)
    page.show_action_plan()
    tab = page.action_plan_tab
    assert page.tabs.currentWidget() is tab
    for control in (tab.add_recommendation_button, tab.add_action_button, tab.update_action_button,
                    tab.publication_button):
        assert not control.isEnabled()
        assert "chairs can read it" in control.toolTip()
    chair.lock()
    chair.workspace.close()
