"""Recording events, gates, pauses and profiles through the services, on a real workspace file."""

from datetime import date
from pathlib import Path

import pytest

from dhr_manager.domain.cases import Stage, Status
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.process import ProfileError
from dhr_manager.domain.roles import Role
from dhr_manager.errors import InputError, PermissionDenied
from dhr_manager.services import audit_log, cases, users
from dhr_manager.services.profiles import local_profiles_dir
from dhr_manager.services.tasks import TaskStatus, complete_task, list_tasks, skip_task
from dhr_manager.services.workflow import GateNotMet, advance, pause, record_event, resume, workflow
from dhr_manager.storage.workspace import UnlockedWorkspace
from tests.conftest import open_as

TODAY = date(2026, 11, 22)
REF = "DHR-2026-001"


@pytest.fixture
def case(admin_ws: UnlockedWorkspace) -> UnlockedWorkspace:
    cases.create_case(admin_ws, REF, "Northshire", date(2026, 1, 5), today=TODAY)
    return admin_ws


def record(ws: UnlockedWorkspace, kind: EventKind, on: date, **details: str) -> None:
    record_event(ws, REF, kind, on, details, today=TODAY)


def hold_and_notify(ws: UnlockedWorkspace) -> None:
    record(ws, EventKind.DECISION, date(2026, 1, 20), outcome="hold", rationale="Criteria met")
    record(ws, EventKind.HOME_OFFICE_NOTIFIED, date(2026, 1, 23))


def test_a_gate_failure_lists_every_missing_item_in_the_profiles_words(case) -> None:
    with pytest.raises(GateNotMet) as caught:
        advance(case, REF, today=TODAY)
    assert caught.value.missing == ["The CSP chair's decision on whether to hold a review, with reasons",
                                    "The Home Office told of the decision"]
    hold_and_notify(case)
    assert advance(case, REF, date(2026, 1, 23), today=TODAY) is Stage.PANEL
    record(case, EventKind.AGENCY_REQUEST, date(2026, 2, 2), agency="Northshire Police")
    record(case, EventKind.AGENCY_SCOPED, date(2026, 2, 2), agency="Northshire ICB")
    with pytest.raises(GateNotMet) as caught:
        advance(case, REF, today=TODAY)
    assert caught.value.missing == [
        "An independent chair appointed", "The first panel meeting held",
        "Terms of reference and scoping period agreed by the panel",
        "Every agency in scope asked for its chronology and report (still waiting: Northshire ICB)"]
    assert workflow(case, REF, TODAY).stage is Stage.PANEL


def test_a_full_review_reaches_closed_and_a_closed_case_cannot_advance(case) -> None:
    hold_and_notify(case)
    advance(case, REF, date(2026, 1, 23), today=TODAY)
    record(case, EventKind.CHAIR_APPOINTED, date(2026, 2, 2), name="Dr Imogen Fictional")
    record(case, EventKind.PANEL_MEETING, date(2026, 2, 20))
    record(case, EventKind.TOR_AGREED, date(2026, 2, 20), scope_from="2021-01-01", scope_to="2025-12-20")
    record(case, EventKind.AGENCY_REQUEST, date(2026, 2, 23), agency="Northshire Police")
    record(case, EventKind.AGENCY_REQUEST, date(2026, 2, 23), agency="Northshire ICB")
    advance(case, REF, date(2026, 2, 23), today=TODAY)
    record(case, EventKind.AGENCY_RETURN, date(2026, 3, 30), agency="Northshire Police")
    record(case, EventKind.AGENCY_RETURN, date(2026, 3, 31), agency="Northshire ICB", return_kind="nil")
    advance(case, REF, date(2026, 4, 1), today=TODAY)
    for kind, on in ((EventKind.DRAFT_CIRCULATED, date(2026, 6, 1)), (EventKind.FAMILY_SHARED, date(2026, 6, 15)),
                     (EventKind.CSP_SIGNOFF, date(2026, 7, 1)), (EventKind.QA_SUBMITTED, date(2026, 7, 6))):
        record(case, kind, on, version="0.3")
    record(case, EventKind.QA_FEEDBACK, date(2026, 9, 1), outcome="approved")
    advance(case, REF, date(2026, 9, 1), today=TODAY)
    record(case, EventKind.PUBLISHED, date(2026, 10, 1))
    record(case, EventKind.DAC_COPY, date(2026, 10, 2))
    assert advance(case, REF, date(2026, 10, 2), today=TODAY) is Stage.CLOSED
    view = workflow(case, REF, TODAY)
    assert (view.stage, view.status) == (Stage.CLOSED, Status.CLOSED)
    assert all(d.status.value == "met" for d in view.deadlines)
    with pytest.raises(InputError, match="closed and cannot advance"):
        advance(case, REF, today=TODAY)
    with pytest.raises(InputError, match="closed"):
        record(case, EventKind.PANEL_MEETING, date(2026, 11, 1))


@pytest.mark.parametrize("order", ["decision first", "notification first"])
def test_a_decision_not_to_hold_closes_the_case_once_the_home_office_is_told(case, order: str) -> None:
    steps = [(EventKind.DECISION, date(2026, 1, 20), {"outcome": "not-hold", "rationale": "Not a DHR"}),
             (EventKind.HOME_OFFICE_NOTIFIED, date(2026, 1, 22), {})]
    if order == "notification first":
        steps.reverse()
    record(case, steps[0][0], steps[0][1], **steps[0][2])
    assert workflow(case, REF, TODAY).status is Status.OPEN
    record(case, steps[1][0], steps[1][1], **steps[1][2])
    view = workflow(case, REF, TODAY)
    assert (view.stage, view.status) == (Stage.CLOSED, Status.NOT_PROCEEDING)
    assert "case.close-not-proceeding" in [e.action for e in audit_log.list_audit(case, REF)]


@pytest.mark.parametrize(("on", "message"), [
    (date(2026, 1, 4), "before the CSP was notified"),
    (date(2026, 11, 23), "later than today"),
])
def test_an_impossible_event_date_is_refused_and_nothing_is_written(case, on: date, message: str) -> None:
    before = audit_log.list_audit(case)
    with pytest.raises(InputError, match=message):
        record(case, EventKind.DECISION, on, outcome="hold", rationale="x")
    assert audit_log.list_audit(case) == before
    assert workflow(case, REF, TODAY).events == []


def test_events_must_make_sense_together(case) -> None:
    with pytest.raises(InputError, match="No request to Northshire Police"):
        record(case, EventKind.AGENCY_RETURN, date(2026, 2, 1), agency="Northshire Police")
    with pytest.raises(InputError, match="qa-submitted"):
        record(case, EventKind.QA_FEEDBACK, date(2026, 2, 1), outcome="approved")
    with pytest.raises(InputError, match="needs --outcome, --rationale"):
        record(case, EventKind.DECISION, date(2026, 2, 1))
    with pytest.raises(InputError, match="hold or not-hold"):
        record(case, EventKind.DECISION, date(2026, 2, 1), outcome="maybe", rationale="x")
    with pytest.raises(InputError, match="scoping period must start before it ends"):
        record(case, EventKind.TOR_AGREED, date(2026, 2, 1), scope_from="2025-01-01", scope_to="2020-01-01")


def test_pause_and_resume_move_open_deadlines_by_the_days_paused(case) -> None:
    hold_and_notify(case)
    before = {d.id: d.due for d in workflow(case, REF, TODAY).deadlines}
    pause(case, REF, "criminal-trial", date(2026, 3, 1), today=TODAY)
    assert workflow(case, REF, TODAY).status is Status.PAUSED
    with pytest.raises(InputError, match="already paused"):
        pause(case, REF, "inquest", date(2026, 3, 2), today=TODAY)
    assert resume(case, REF, date(2026, 3, 15), today=TODAY) == 14
    after = {d.id: d.due for d in workflow(case, REF, TODAY).deadlines}
    assert after["decision"] == before["decision"] and after["home_office_notified"] == before["home_office_notified"]
    assert (after["first_panel"] - before["first_panel"]).days == 14
    assert (after["review_complete"] - before["review_complete"]).days == 14
    with pytest.raises(InputError, match="not paused"):
        resume(case, REF, date(2026, 3, 16), today=TODAY)
    with pytest.raises(InputError, match="not a pause reason"):
        pause(case, REF, "holiday", date(2026, 4, 1), today=TODAY)


def test_tasks_can_be_done_or_not_needed_with_a_reason(case) -> None:
    hold_and_notify(case)
    open_tasks = {t.title: t for t in list_tasks(case, REF, today=TODAY)}
    letter = open_tasks["Send the first letter to the family with the Home Office leaflet and the offer of "
                        "specialist advocacy"]
    chair = open_tasks["Commission an independent chair and author"]
    assert "Notify the Home Office of the decision to hold a review" not in open_tasks  # closed by the event
    complete_task(case, letter.id, today=TODAY)
    skip_task(case, chair.id.lower(), "Chair commissioned by the county council", today=TODAY)
    everything = {t.id: t for t in list_tasks(case, REF, include_closed=True, today=TODAY)}
    assert everything[letter.id].status is TaskStatus.DONE
    assert everything[chair.id].status is TaskStatus.NOT_NEEDED
    assert everything[chair.id].reason == "Chair commissioned by the county council"
    with pytest.raises(InputError, match="already done"):
        complete_task(case, letter.id, today=TODAY)
    with pytest.raises(InputError, match="Say why"):
        skip_task(case, letter.id, "  ", today=TODAY)


def test_task_filters_by_role_and_overdue(case) -> None:
    hold_and_notify(case)
    coordinator = list_tasks(case, role=Role.COORDINATOR, today=TODAY)
    assert coordinator and all(t.role is Role.COORDINATOR for t in coordinator)
    overdue = list_tasks(case, overdue_only=True, today=TODAY)
    assert overdue and all(t.due < TODAY for t in overdue)
    assert list_tasks(case, due_within=-1000, today=TODAY) == []


def test_a_chair_cannot_record_events_or_advance(case, ws_path: Path) -> None:
    users.add_user(case, "Chris Chair", Role.CHAIR, "chair passphrase for tests")
    cases.assign_case(case, REF, "Chris Chair")
    chair = open_as(ws_path, "Chris Chair", "chair passphrase for tests")
    with pytest.raises(PermissionDenied):
        record(chair, EventKind.PANEL_MEETING, date(2026, 2, 1))
    with pytest.raises(PermissionDenied):
        advance(chair, REF, today=TODAY)
    assert workflow(chair, REF, TODAY).reference == REF  # reading is allowed


def test_a_case_keeps_its_profile_when_the_file_changes(case, isolated_home: Path) -> None:
    hold_and_notify(case)
    shipped = (Path(__file__).resolve().parents[2] / "resources/processes/england-dhr-2016.toml").read_text()
    local = local_profiles_dir()
    local.mkdir(parents=True)
    (local / "england.toml").write_text(shipped.replace("offset = { months = 1 }           # guidance",
                                                        "offset = { months = 2 }  # edited", 1))
    with pytest.raises(ProfileError, match="new version number"):
        cases.create_case(case, "DHR-2026-002", "Southvale", date(2026, 2, 9), today=TODAY)
    (local / "england.toml").write_text(shipped.replace("version = 1", "version = 2", 1).replace(
        "offset = { months = 1 }           # guidance", "offset = { months = 2 }  # edited", 1))
    cases.create_case(case, "DHR-2026-002", "Southvale", date(2026, 2, 9), today=TODAY)
    old = {d.id: d.due for d in workflow(case, REF, TODAY).deadlines}
    new = {d.id: d.due for d in workflow(case, "DHR-2026-002", TODAY).deadlines}
    assert old["decision"] == date(2026, 2, 5)   # still one month: the rules it started with
    assert new["decision"] == date(2026, 4, 9)   # two months under version 2
    assert workflow(case, "DHR-2026-002", TODAY).profile == "england-dhr-2016 v2"


def test_publication_is_blocked_while_paused_and_before_approval(case) -> None:
    with pytest.raises(InputError, match="after the Home Office panel has approved"):
        record(case, EventKind.PUBLISHED, date(2026, 3, 1))
    record(case, EventKind.QA_SUBMITTED, date(2026, 3, 2))
    record(case, EventKind.QA_FEEDBACK, date(2026, 5, 1), outcome="approved")
    pause(case, REF, "criminal-trial", date(2026, 5, 5), today=TODAY)
    with pytest.raises(InputError, match="paused for parallel proceedings"):
        record(case, EventKind.PUBLISHED, date(2026, 6, 1))
    resume(case, REF, date(2026, 9, 1), today=TODAY)
    record(case, EventKind.PUBLISHED, date(2026, 9, 15))
    assert [e.kind for e in workflow(case, REF, TODAY).events][-1] is EventKind.PUBLISHED
