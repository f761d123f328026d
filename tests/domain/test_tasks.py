"""The team's tasks come from the profile's templates when stages are entered and events recorded."""

from datetime import date

import pytest

from dhr_manager.domain.events import PER_AGENCY, Event, EventKind
from dhr_manager.domain.process import Profile
from dhr_manager.domain.roles import Role
from dhr_manager.domain.workflow import CaseFacts, derive_tasks
from dhr_manager.services.profiles import available_profiles

PROFILES = available_profiles()
ENGLAND = PROFILES["england-dhr-2016"]
TODAY = date(2026, 11, 22)


def ev(kind: EventKind, on: date, n: int = 0, **details: str) -> Event:
    return Event(f"{kind.value}-{on.isoformat()}-{n}", kind, on, details)


def tasks(facts: CaseFacts, profile: Profile = ENGLAND):
    return {t.template_id: t for t in derive_tasks(profile, facts, TODAY)}


@pytest.mark.parametrize(("profile_id", "template_id"),
                         [(p.id, t.id) for p in PROFILES.values() for t in p.tasks])
def test_every_shipped_task_template_is_triggered(profile_id: str, template_id: str) -> None:
    profile = PROFILES[profile_id]
    template = next(t for t in profile.tasks if t.id == template_id)
    details: dict[str, str] = {}
    if template.on_stage is not None:
        trigger = ev(EventKind.STAGE_ENTERED, date(2026, 3, 2), stage=template.on_stage.value)
    else:
        if template.when_outcome:
            details["outcome"] = template.when_outcome
        if template.on_event in PER_AGENCY:
            details.update(agency="Northshire Police", due="2026-04-13")
        trigger = ev(template.on_event, date(2026, 3, 2), **details)
    found = [t for t in derive_tasks(profile, CaseFacts("case-1", date(2026, 1, 5), (trigger,)), TODAY)
             if t.template_id == template_id]
    assert len(found) == 1
    task = found[0]
    assert task.title and "{" not in task.title
    assert task.role in Role
    assert task.closed_on is None
    assert task.due == template.due.apply(date(2026, 4, 13) if template.due_from_event_due else date(2026, 3, 2))


def test_a_decision_to_hold_asks_for_the_home_office_a_chair_and_the_family_letter() -> None:
    facts = CaseFacts("c", date(2026, 1, 5), (ev(EventKind.DECISION, date(2026, 1, 20), outcome="hold"),))
    found = tasks(facts)
    assert set(found) == {"notify-home-office", "commission-chair", "first-family-letter"}
    assert found["notify-home-office"].due == date(2026, 1, 27)
    assert found["commission-chair"].role is Role.ADMINISTRATOR


def test_recording_the_completing_event_closes_the_task() -> None:
    facts = CaseFacts("c", date(2026, 1, 5), (ev(EventKind.DECISION, date(2026, 1, 20), outcome="hold"),
                                              ev(EventKind.HOME_OFFICE_NOTIFIED, date(2026, 1, 22))))
    assert tasks(facts)["notify-home-office"].closed_on == date(2026, 1, 22)


def test_minutes_are_due_five_working_days_after_each_panel_meeting() -> None:
    facts = CaseFacts("c", date(2026, 1, 5), (ev(EventKind.PANEL_MEETING, date(2026, 3, 30)),
                                              ev(EventKind.PANEL_MEETING, date(2026, 5, 20), 1)))
    minutes = sorted(t.due for t in derive_tasks(ENGLAND, facts, TODAY) if t.template_id == "circulate-minutes")
    # 30 March 2026 + 5 working days crosses Good Friday (3 April) and Easter Monday (6 April).
    assert minutes == [date(2026, 4, 8), date(2026, 5, 28)]


def test_each_agency_is_chased_five_working_days_before_its_due_date_until_it_returns() -> None:
    facts = CaseFacts("c", date(2022, 1, 5), (
        ev(EventKind.AGENCY_REQUEST, date(2022, 8, 15), agency="Northshire Police", due="2022-09-26"),
        ev(EventKind.AGENCY_REQUEST, date(2022, 8, 15), 1, agency="Northshire ICB", due="2022-09-30"),
        ev(EventKind.AGENCY_RETURN, date(2022, 9, 1), agency="northshire  icb"),
    ))
    chases = {t.title: t for t in derive_tasks(ENGLAND, facts, TODAY) if t.template_id == "chase-agency"}
    police = chases["Chase Northshire Police for its chronology and report"]
    assert police.due == date(2022, 9, 16)  # 19 September 2022 (State Funeral) is not a working day
    assert police.closed_on is None
    assert chases["Chase Northshire ICB for its chronology and report"].closed_on == date(2022, 9, 1)


def test_feedback_to_resubmit_asks_for_a_revision_closed_only_by_a_later_submission() -> None:
    facts = CaseFacts("c", date(2025, 1, 5), (
        ev(EventKind.QA_SUBMITTED, date(2026, 2, 2)),
        ev(EventKind.QA_FEEDBACK, date(2026, 4, 1), outcome="resubmit"),
    ))
    revise = tasks(facts)["revise-and-resubmit"]
    assert revise.closed_on is None and revise.due == date(2026, 5, 13)
    later = CaseFacts("c", facts.notified, (*facts.events, ev(EventKind.QA_SUBMITTED, date(2026, 5, 1), 1)))
    assert tasks(later)["revise-and-resubmit"].closed_on == date(2026, 5, 1)


def test_task_ids_are_stable_and_differ_per_case() -> None:
    events = (ev(EventKind.DECISION, date(2026, 1, 20), outcome="hold"),)
    first = tasks(CaseFacts("case-1", date(2026, 1, 5), events))["notify-home-office"].id
    again = tasks(CaseFacts("case-1", date(2026, 1, 5), events))["notify-home-office"].id
    other = tasks(CaseFacts("case-2", date(2026, 1, 5), events))["notify-home-office"].id
    assert first == again != other and first.startswith("T") and len(first) == 9
