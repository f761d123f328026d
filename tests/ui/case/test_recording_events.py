"""Recording events through a stage tab's form: what the page shows afterwards, and what it refuses."""

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dhr_manager.domain.cases import Stage
from dhr_manager.domain.events import EventKind
from dhr_manager.services.audit_log import list_audit
from dhr_manager.services.workflow import workflow
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.case.case_page import CasePage
from dhr_manager.ui.fields import to_qdate
from tests.ui.case.conftest import REF, TODAY, cells, choose, column


def test_recording_a_decision_to_hold_adds_its_deadlines_and_tasks(qtbot: QtBot, page: CasePage) -> None:
    assert page.tabs.currentWidget() is page.stage_tabs[Stage.NOTIFICATION]
    form = page.stage_tabs[Stage.NOTIFICATION].form
    choose(form.kind_combo, EventKind.DECISION)
    assert form.rationale_edit.isVisible() and not form.agency_combo.isVisible()
    assert not form.record_button.isEnabled()  # the reasons are required
    form.date_edit.setDate(to_qdate(date(2026, 1, 15)))
    choose(form.decision_combo, "hold")
    qtbot.keyClicks(form.rationale_edit, "Criteria met")

    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)

    tab = page.stage_tabs[Stage.NOTIFICATION]
    assert cells(tab.events_view.model()) == [["Thu 15 Jan 2026", "Decision", "Hold a review — Criteria met"]]
    deadline_ids = [row.deadline.id for row in page.deadlines_tab.model.rows()]
    assert "first_panel" in deadline_ids and "review_complete" in deadline_ids
    deadlines = cells(page.deadlines_tab.view.model())
    assert ["Decision on whether to hold a review", "Thu 5 Feb 2026", "Met on Thu 15 Jan 2026",
            "1 calendar month after the CSP was notified (2026-01-05)"] in deadlines
    assert any(row[0] == "First panel meeting" and row[2] == "Due in 26 days" for row in deadlines)
    assert "Notify the Home Office of the decision to hold a review" in column(page.tasks_tab.view.model(), "Task")
    assert form.rationale_edit.text() == ""  # the form is ready for the next event
    assert not form.error.isVisible()


def test_an_impossible_date_is_explained_in_the_form_and_nothing_is_written(
        qtbot: QtBot, page: CasePage, case_ws: UnlockedWorkspace) -> None:
    audit_before = len(list_audit(case_ws))
    form = page.stage_tabs[Stage.NOTIFICATION].form
    choose(form.kind_combo, EventKind.REFERRAL)
    form.date_edit.setDate(to_qdate(date(2026, 1, 2)))

    with qtbot.assertNotEmitted(page.changed):
        qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)

    assert form.error.isVisible()
    assert form.error.text() == "The date 2026-01-02 is before the CSP was notified (2026-01-05)."
    assert workflow(case_ws, REF, TODAY).events == []
    assert len(list_audit(case_ws)) == audit_before
    assert form.date_edit.date() == to_qdate(date(2026, 1, 2))  # kept, so the user can correct it


def test_the_date_field_offers_a_calendar_in_uk_format_and_stops_at_today(page: CasePage) -> None:
    edit = page.stage_tabs[Stage.NOTIFICATION].form.date_edit
    assert edit.calendarPopup()
    assert edit.text() == "20/01/2026"
    assert edit.maximumDate() == to_qdate(TODAY)


def test_each_stage_offers_only_its_own_events_with_the_fields_each_needs(qtbot: QtBot, page: CasePage) -> None:
    def offered(stage: Stage) -> list[str]:
        combo = page.stage_tabs[stage].form.kind_combo
        return [combo.itemText(i) for i in range(combo.count())]

    assert offered(Stage.NOTIFICATION) == ["Referral received", "Decision", "Home Office notified"]
    assert offered(Stage.PANEL) == ["Independent chair appointed", "Panel meeting", "Terms of reference agreed",
                                    "Agency in scope", "Agency request"]
    assert offered(Stage.CHRONOLOGY) == ["Agency return"]  # the England profile has no learning event
    form = page.stage_tabs[Stage.PANEL].form
    page.tabs.setCurrentWidget(page.stage_tabs[Stage.PANEL])
    choose(form.kind_combo, EventKind.AGENCY_REQUEST)
    assert form.agency_combo.isVisible() and form.due_check.isVisible() and not form.name_edit.isVisible()
    choose(form.kind_combo, EventKind.TOR_AGREED)
    assert form.scope_from_edit.isVisible() and form.scope_to_edit.isVisible()
    assert not form.agency_combo.isVisible()


def test_agency_requests_and_returns_fill_the_agencies_table(qtbot: QtBot, page: CasePage) -> None:
    panel = page.stage_tabs[Stage.PANEL]
    page.tabs.setCurrentWidget(panel)
    form = panel.form
    choose(form.kind_combo, EventKind.AGENCY_REQUEST)
    form.date_edit.setDate(to_qdate(date(2026, 1, 12)))
    qtbot.keyClicks(form.agency_combo.lineEdit(), "Harbour Housing")
    form.due_check.setChecked(True)
    form.due_edit.setDate(to_qdate(date(2026, 1, 16)))
    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)
    assert not form.error.isVisible(), form.error.text()
    assert cells(panel.events_view.model()) == [
        ["Mon 12 Jan 2026", "Agency request", "Harbour Housing, due Fri 16 Jan 2026"]]
    assert cells(panel.agencies_view.model()) == [
        ["Harbour Housing", "", "Mon 12 Jan 2026", "Fri 16 Jan 2026 (4 days overdue)", ""]]

    chronology = page.stage_tabs[Stage.CHRONOLOGY]
    page.tabs.setCurrentWidget(chronology)
    form = chronology.form
    choose(form.kind_combo, EventKind.AGENCY_RETURN)
    assert [form.agency_combo.itemText(i) for i in range(form.agency_combo.count())] == ["Harbour Housing"]
    form.agency_combo.setCurrentIndex(0)
    nil = next(b for b in form.return_group.buttons() if b.property("return_kind") == "nil")
    qtbot.mouseClick(nil, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)
    assert not form.error.isVisible(), form.error.text()
    assert cells(chronology.agencies_view.model()) == [
        ["Harbour Housing", "", "Mon 12 Jan 2026", "Fri 16 Jan 2026 (met)", "Tue 20 Jan 2026 (nil return)"]]
    assert cells(chronology.events_view.model()) == [
        ["Tue 20 Jan 2026", "Agency return", "Harbour Housing, nil return"]]
