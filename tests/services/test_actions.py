"""Recommendations and actions through the services, on a real workspace file."""

import io
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest

from dhr_manager.domain.actions import Rag, Scope
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.roles import Role
from dhr_manager.errors import InputError, NotFound, PermissionDenied
from dhr_manager.services import audit_log, cases, users
from dhr_manager.services.actions import (
    add_action,
    add_recommendation,
    find_action,
    list_actions,
    list_recommendations,
    update_action,
    update_recommendation,
)
from dhr_manager.services.agencies import list_agencies
from dhr_manager.services.drafts import draft_content, generate_draft
from dhr_manager.services.tasks import TaskStatus, complete_task, list_tasks
from dhr_manager.services.workflow import record_event
from tests.conftest import open_as

TODAY = date(2026, 11, 22)
REF, OTHER = "DHR-2026-001", "DHR-2026-002"
CHAIR_PASS = "chair passphrase for tests"
RECOMMENDATION = "Northshire Police to train every response officer in recognising coercive control"


@pytest.fixture
def ws(admin_ws):
    cases.create_case(admin_ws, REF, "Northshire", date(2026, 1, 5), today=TODAY)
    cases.create_case(admin_ws, OTHER, "Southvale", date(2026, 2, 9), today=TODAY)
    return admin_ws


def plan(ws) -> None:
    """Recommendation 1 with actions 1.1 (red), 1.2 (green), 1.3 (complete); recommendation 2 with 2.1 (amber)."""
    add_recommendation(ws, REF, RECOMMENDATION, "local", agency="Northshire Police",
                       outcome="90% of officers trained by the target date", target=date(2027, 12, 31))
    add_recommendation(ws, REF, "Northshire ICB to add routine enquiry about domestic abuse to GP reviews",
                       Scope.REGIONAL)
    add_action(ws, REF, 1, "Design the training", "Northshire Police", "Officer A. Example",
               target=TODAY - timedelta(days=3), today=TODAY - timedelta(days=60))
    add_action(ws, REF, 1, "Deliver the training", "northshire  police", target=TODAY + timedelta(days=90),
               today=TODAY - timedelta(days=60))
    done = add_action(ws, REF, 1, "Brief the senior team", "Northshire Police", target=TODAY - timedelta(days=10),
                      today=TODAY - timedelta(days=60))
    update_action(ws, done.id, completed_on=TODAY - timedelta(days=20), outcome="Briefed at the March meeting",
                  today=TODAY)
    add_action(ws, REF, 2, "Update the GP template", "Northshire ICB", "Officer B. Example",
               target=TODAY + timedelta(days=12), today=TODAY - timedelta(days=60))


def test_recommendations_and_actions_round_trip_numbered_as_in_the_action_plan(ws) -> None:
    plan(ws)
    recommendations = list_recommendations(ws, REF)
    assert [(r.number, r.scope, r.agency) for r in recommendations] == [
        (1, Scope.LOCAL, "Northshire Police"), (2, Scope.REGIONAL, None)]
    assert recommendations[0].warnings == ()
    assert any("measurable outcome" in w for w in recommendations[1].warnings)
    actions = list_actions(ws, REF, today=TODAY)
    assert [(a.number, a.rag, a.rag_words) for a in actions] == [
        ("1.1", Rag.RED, "Red \u2013 overdue by 3 days"), ("2.1", Rag.AMBER, "Amber \u2013 due in 12 days"),
        ("1.2", Rag.GREEN, "Green \u2013 on track"), ("1.3", Rag.COMPLETE, "Complete")]
    first = find_action(ws, "1.1", REF, today=TODAY)
    assert (first.lead_agency, first.lead_officer, first.case_reference) == ("Northshire Police",
                                                                             "Officer A. Example", REF)
    # The register's spelling is used, and the agency is registered once.
    assert find_action(ws, "1.2", REF).lead_agency == "Northshire Police"
    assert [a.name for a in list_agencies(ws)] == ["Northshire ICB", "Northshire Police"]
    assert find_action(ws, "1.3", REF).outcome == "Briefed at the March meeting"
    assert not find_action(ws, "1.3", REF).open


def test_updating_a_recommendation_and_an_action_keeps_what_was_not_changed(ws) -> None:
    plan(ws)
    second = list_recommendations(ws, REF)[1]
    changed = update_recommendation(ws, second.id, outcome="Routine enquiry in 80% of reviews",
                                    target=date(2027, 6, 30), scope="national")
    assert (changed.scope, changed.text, changed.warnings) == (Scope.NATIONAL, second.text, ())
    action = find_action(ws, "2.1", REF)
    updated = update_action(ws, action.id, milestones="Template drafted", at_risk=True, today=TODAY)
    assert (updated.milestones, updated.lead_officer, updated.rag_words) == (
        "Template drafted", "Officer B. Example", "Amber \u2013 marked at risk")
    assert update_action(ws, action.id, at_risk=False, target=TODAY + timedelta(days=45), today=TODAY).rag is Rag.GREEN
    with pytest.raises(InputError, match="has no colour"):
        update_recommendation(ws, second.id, colour="red")


def test_completing_an_action_needs_its_outcome_and_a_date_not_in_the_future(ws) -> None:
    plan(ws)
    action = find_action(ws, "2.1", REF)
    with pytest.raises(InputError, match="outcome"):
        update_action(ws, action.id, completed_on=TODAY, today=TODAY)
    with pytest.raises(InputError, match="later than today"):
        update_action(ws, action.id, completed_on=TODAY + timedelta(days=1), outcome="Done", today=TODAY)
    with pytest.raises(InputError, match="before the CSP was notified"):
        update_action(ws, action.id, completed_on=date(2025, 12, 1), outcome="Done", today=TODAY)
    assert find_action(ws, "2.1", REF).outcome is None  # nothing was written by the refused updates
    done = update_action(ws, action.id, completed_on=TODAY, outcome="Template live in all practices", today=TODAY)
    assert done.rag is Rag.COMPLETE
    actions = [e.action for e in audit_log.list_audit(ws, REF)]
    assert actions.count("action.add") == 4 and actions.count("action.complete") == 2
    assert actions.count("recommendation.add") == 2


def test_actions_across_cases_filter_by_agency_in_any_spelling_and_by_rag(ws) -> None:
    plan(ws)
    add_recommendation(ws, OTHER, "Southvale Housing to flag domestic abuse on tenancy records", "local")
    add_action(ws, OTHER, 1, "Add the flag", "Northshire Police", target=TODAY - timedelta(days=1), today=TODAY)
    police = list_actions(ws, agency="NORTHSHIRE police", today=TODAY)
    # Worst first, then the earliest target: three days overdue before one day overdue.
    assert [(a.case_reference, a.number) for a in police] == [(REF, "1.1"), (OTHER, "1.1"), (REF, "1.2"),
                                                              (REF, "1.3")]
    assert [a.number for a in list_actions(ws, rag="red", today=TODAY)] == ["1.1", "1.1"]
    assert [a.number for a in list_actions(ws, REF, open_only=True, today=TODAY)] == ["1.1", "2.1", "1.2"]
    with pytest.raises(InputError, match="not a RAG status"):
        list_actions(ws, rag="purple")


def test_sealed_texts_are_not_in_the_workspace_file(ws, ws_path: Path) -> None:
    markers = ("SENTINEL-RECOMMENDATION teach the crews", "SENTINEL-OUTCOME all crews taught",
               "SENTINEL-OFFICER Quentin Example", "SENTINEL-MILESTONE lesson plan written",
               "SENTINEL-ACTION write the lesson plan", "SENTINEL-RESULT crews taught in May",
               "Sentinel Ambulance Trust")
    add_recommendation(ws, REF, markers[0], "local", agency=markers[6], outcome=markers[1])
    action = add_action(ws, REF, 1, markers[4], markers[6], markers[2], markers[3], today=TODAY)
    update_action(ws, action.id, completed_on=TODAY, outcome=markers[5], today=TODAY)
    data = b"".join(p.read_bytes() for p in ws_path.parent.iterdir() if p.name.startswith(ws_path.name))
    for marker in markers:
        assert marker.encode() not in data, marker


def test_a_chair_sees_only_the_action_plans_of_assigned_cases_and_cannot_edit(ws, ws_path: Path) -> None:
    plan(ws)
    add_recommendation(ws, OTHER, "Southvale Housing to flag domestic abuse on tenancy records", "local")
    add_action(ws, OTHER, 1, "Add the flag", "Southvale Housing", today=TODAY)
    users.add_user(ws, "Chris Chair", Role.CHAIR, CHAIR_PASS)
    cases.assign_case(ws, REF, "Chris Chair")
    chair = open_as(ws_path, "Chris Chair", CHAIR_PASS)
    assert {a.case_reference for a in list_actions(chair, today=TODAY)} == {REF}
    assert len(list_recommendations(chair, REF)) == 2
    with pytest.raises(NotFound):
        list_actions(chair, OTHER)
    with pytest.raises(PermissionDenied):
        add_recommendation(chair, REF, RECOMMENDATION, "local")
    with pytest.raises(PermissionDenied):
        update_action(chair, find_action(chair, "1.1", REF).id, at_risk=True)


def test_a_closed_case_keeps_its_action_plan_editable_but_a_case_not_proceeding_has_none(ws) -> None:
    record_event(ws, OTHER, EventKind.DECISION, date(2026, 2, 20), {"outcome": "not-hold", "rationale": "No"},
                 today=TODAY)
    record_event(ws, OTHER, EventKind.HOME_OFFICE_NOTIFIED, date(2026, 2, 23), today=TODAY)
    with pytest.raises(InputError, match="did not proceed"):
        add_recommendation(ws, OTHER, RECOMMENDATION, "local")
    with pytest.raises(NotFound, match="no recommendation 3"):
        add_action(ws, REF, 3, "Something", "Northshire Police")


def test_open_actions_create_quarterly_update_requests_and_overdue_tasks(ws) -> None:
    plan(ws)
    tasks = [t for t in list_tasks(ws, REF, today=TODAY) if "action" in t.title.lower()]
    titles = sorted(t.title for t in tasks)
    assert titles == ["Action 1.1 is overdue: target 19 November 2026",
                      "Ask Northshire ICB for an update on action 2.1",
                      "Ask Northshire Police for an update on actions 1.1, 1.2"]
    # The actions were added on 23 September, so the first quarterly request is due on 23 December.
    assert sorted({t.due for t in tasks if t.title.startswith("Ask")}) == [date(2026, 12, 23)]
    overdue = next(t for t in tasks if "overdue" in t.title)
    assert overdue.overdue(TODAY) and overdue.due == TODAY - timedelta(days=3)
    # Completing a monitoring task sticks: the next listing shows it done.
    ask = next(t for t in tasks if "Police" in t.title)
    complete_task(ws, ask.id, today=TODAY)
    again = {t.id: t for t in list_tasks(ws, REF, include_closed=True, today=TODAY)}
    assert again[ask.id].status is TaskStatus.DONE
    # When every action of an agency is complete, its requests stop.
    update_action(ws, find_action(ws, "2.1", REF).id, completed_on=TODAY, outcome="Template live", today=TODAY)
    assert not [t for t in list_tasks(ws, REF, today=TODAY) if "Northshire ICB" in t.title]


def test_the_action_plan_draft_lists_recommendations_and_actions_but_not_lead_officers(ws) -> None:
    plan(ws)
    generate_draft(ws, REF, "action-plan", today=TODAY)
    _number, content = draft_content(ws, REF, "action-plan", None)
    document = docx.Document(io.BytesIO(content))
    text = "\n".join([p.text for p in document.paragraphs] +
                     [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    for expected in ("Design the training", "Update the GP template", "Northshire ICB",
                     "Completed 2 November 2026: Briefed at the March meeting", "regional"):
        assert expected in text, expected
    assert "Officer A. Example" not in text
