"""Publication: refused while paused or before Home Office approval; the dates it records; a plan after it."""

from datetime import date

import pytest

from dhr_manager.domain.actions import Rag
from dhr_manager.domain.cases import Stage, Status
from dhr_manager.domain.events import EventKind
from dhr_manager.errors import InputError
from dhr_manager.services import cases
from dhr_manager.services.actions import add_action, add_recommendation, update_action
from dhr_manager.services.publication import publication, record_publication
from dhr_manager.services.workflow import advance, pause, record_event, resume, workflow

TODAY = date(2026, 11, 22)
REF = "DHR-2026-001"


@pytest.fixture
def ws(admin_ws):
    cases.create_case(admin_ws, REF, "Northshire", date(2026, 1, 5), today=TODAY)
    return admin_ws


def record(ws, kind: EventKind, on: date, **details: str) -> None:
    record_event(ws, REF, kind, on, details, today=TODAY)


def approve(ws) -> None:
    record(ws, EventKind.QA_SUBMITTED, date(2026, 7, 6))
    record(ws, EventKind.QA_FEEDBACK, date(2026, 9, 1), outcome="approved")


def published_events(ws) -> list:
    return [e for e in workflow(ws, REF, TODAY).events if e.kind is EventKind.PUBLISHED]


def test_publication_is_refused_before_the_home_office_panel_approves_the_report(ws) -> None:
    record(ws, EventKind.QA_SUBMITTED, date(2026, 7, 6))
    record(ws, EventKind.QA_FEEDBACK, date(2026, 8, 1), outcome="resubmit")
    assert "approved" in (publication(ws, REF, TODAY).blocked_reason or "")
    with pytest.raises(InputError, match="after the Home Office panel has approved"):
        record_publication(ws, REF, published_on=date(2026, 10, 1), family_saw_final_on=date(2026, 9, 20),
                           today=TODAY)
    with pytest.raises(InputError, match="after the Home Office panel has approved"):
        record(ws, EventKind.PUBLISHED, date(2026, 10, 1))
    assert published_events(ws) == []
    assert publication(ws, REF, TODAY).family_saw_final_on is None  # nothing at all was written


def test_publication_is_refused_while_paused_and_allowed_after_the_case_resumes(ws) -> None:
    approve(ws)
    pause(ws, REF, "inquest", date(2026, 9, 10), today=TODAY)
    view = publication(ws, REF, TODAY)
    assert "paused for parallel proceedings" in (view.blocked_reason or "")
    with pytest.raises(InputError, match="paused for parallel proceedings"):
        record_publication(ws, REF, published_on=date(2026, 10, 1), dac_copy_on=date(2026, 10, 2), today=TODAY)
    with pytest.raises(InputError, match="paused for parallel proceedings"):
        record(ws, EventKind.PUBLISHED, date(2026, 10, 1))
    after = publication(ws, REF, TODAY)
    assert (after.published_on, after.dac_copy_on) == (None, None)

    resume(ws, REF, date(2026, 10, 20), today=TODAY)
    assert publication(ws, REF, TODAY).blocked_reason is None
    done = record_publication(ws, REF, family_saw_final_on=date(2026, 10, 21), published_on=date(2026, 11, 2),
                              dac_copy_on=date(2026, 11, 3), today=TODAY)
    assert (done.family_saw_final_on, done.published_on, done.dac_copy_on, done.blocked_reason) == (
        date(2026, 10, 21), date(2026, 11, 2), date(2026, 11, 3), None)


def test_the_report_stays_online_twelve_months_by_default_and_the_date_can_be_changed(ws) -> None:
    approve(ws)
    view = record_publication(ws, REF, published_on=date(2026, 10, 1), today=TODAY)
    assert view.online_until == date(2027, 10, 1)
    assert publication(ws, REF, TODAY).online_until == date(2027, 10, 1)
    assert record_publication(ws, REF, online_until=date(2028, 3, 31), today=TODAY).online_until == date(2028, 3, 31)
    assert publication(ws, REF, TODAY).online_until == date(2028, 3, 31)
    assert len(published_events(ws)) == 1
    with pytest.raises(InputError, match="already published"):
        record_publication(ws, REF, published_on=date(2026, 10, 5), today=TODAY)
    with pytest.raises(InputError, match="after it was published"):
        record_publication(ws, REF, online_until=date(2026, 9, 1), today=TODAY)


def test_a_report_published_with_the_event_command_also_defaults_to_twelve_months_online(ws) -> None:
    approve(ws)
    record(ws, EventKind.PUBLISHED, date(2026, 10, 31))
    assert publication(ws, REF, TODAY).online_until == date(2027, 10, 31)


def test_the_action_plan_of_a_published_and_closed_case_can_still_be_updated(ws) -> None:
    record(ws, EventKind.DECISION, date(2026, 1, 20), outcome="hold", rationale="Criteria met")
    record(ws, EventKind.HOME_OFFICE_NOTIFIED, date(2026, 1, 23))
    advance(ws, REF, date(2026, 1, 23), today=TODAY)
    record(ws, EventKind.CHAIR_APPOINTED, date(2026, 2, 2), name="Dr Imogen Fictional")
    record(ws, EventKind.PANEL_MEETING, date(2026, 2, 20))
    record(ws, EventKind.TOR_AGREED, date(2026, 2, 20), scope_from="2021-01-01", scope_to="2025-12-20")
    record(ws, EventKind.AGENCY_REQUEST, date(2026, 2, 23), agency="Northshire Police")
    advance(ws, REF, date(2026, 2, 23), today=TODAY)
    record(ws, EventKind.AGENCY_RETURN, date(2026, 3, 30), agency="Northshire Police")
    advance(ws, REF, date(2026, 4, 1), today=TODAY)
    for kind, on in ((EventKind.DRAFT_CIRCULATED, date(2026, 6, 1)), (EventKind.FAMILY_SHARED, date(2026, 6, 15)),
                     (EventKind.CSP_SIGNOFF, date(2026, 7, 1))):
        record(ws, kind, on, version="0.3")
    approve(ws)
    advance(ws, REF, date(2026, 9, 1), today=TODAY)
    add_recommendation(ws, REF, "Northshire Police to train every response officer in coercive control", "local")
    action = add_action(ws, REF, 1, "Deliver the training", "Northshire Police", today=date(2026, 9, 2))
    record_publication(ws, REF, published_on=date(2026, 10, 1), dac_copy_on=date(2026, 10, 2), today=TODAY)
    assert advance(ws, REF, date(2026, 10, 2), today=TODAY) is Stage.CLOSED
    assert workflow(ws, REF, TODAY).status is Status.CLOSED
    done = update_action(ws, action.id, completed_on=date(2026, 11, 20), outcome="All officers trained", today=TODAY)
    assert done.rag is Rag.COMPLETE
