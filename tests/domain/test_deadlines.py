"""Every clock rule on fixed dates, pauses, and independence from the order events were recorded in."""

import itertools
from datetime import date

import pytest

from dhr_manager.domain.events import Event, EventKind
from dhr_manager.domain.workflow import CaseFacts, DeadlineStatus, Pause, deadlines, next_deadline
from dhr_manager.services.profiles import available_profiles

ENGLAND = available_profiles()["england-dhr-2016"]
TODAY = date(2026, 11, 22)


def ev(kind: EventKind, on: date, n: int = 0, **details: str) -> Event:
    return Event(f"{kind.value}-{on.isoformat()}-{n}", kind, on, details)


def due_dates(facts: CaseFacts, today: date = TODAY) -> dict[str, date]:
    return {d.id: d.due for d in deadlines(ENGLAND, facts, today)}


def test_the_decision_is_due_one_calendar_month_after_notification() -> None:
    facts = CaseFacts("c", date(2026, 3, 14), ())
    assert due_dates(facts) == {"decision": date(2026, 4, 14)}


@pytest.mark.parametrize(("notified", "due"), [
    (date(2024, 1, 31), date(2024, 2, 29)),   # leap year: clamps to the 29th
    (date(2025, 1, 31), date(2025, 2, 28)),   # clamps to the month's end
    (date(2025, 3, 31), date(2025, 4, 30)),
    (date(2025, 12, 31), date(2026, 1, 31)),  # across the new year
])
def test_calendar_months_clamp_to_the_end_of_the_month(notified: date, due: date) -> None:
    assert due_dates(CaseFacts("c", notified, ()))["decision"] == due


@pytest.mark.parametrize(("decided", "due"), [
    (date(2025, 12, 22), date(2025, 12, 31)),  # Christmas Day and Boxing Day skipped
    (date(2025, 12, 30), date(2026, 1, 7)),    # New Year's Day skipped
    (date(2025, 4, 15), date(2025, 4, 24)),    # Good Friday and Easter Monday skipped
    (date(2023, 5, 2), date(2023, 5, 10)),     # the Coronation bank holiday, 8 May 2023
    (date(2022, 9, 14), date(2022, 9, 22)),    # the State Funeral, 19 September 2022
])
def test_home_office_notification_is_due_five_working_days_after_the_decision(decided: date, due: date) -> None:
    facts = CaseFacts("c", date(2022, 1, 1), (ev(EventKind.DECISION, decided, outcome="hold"),))
    assert due_dates(facts)["home_office_notified"] == due


def test_a_decision_to_hold_starts_the_panel_and_six_month_review_clocks() -> None:
    facts = CaseFacts("c", date(2023, 8, 1), (ev(EventKind.DECISION, date(2023, 8, 31), outcome="hold"),))
    dues = due_dates(facts)
    assert dues["first_panel"] == date(2023, 9, 30)
    assert dues["review_complete"] == date(2024, 2, 29)  # six months on, clamped in a leap year


def test_a_decision_not_to_hold_starts_no_review_clocks() -> None:
    facts = CaseFacts("c", date(2026, 1, 5), (ev(EventKind.DECISION, date(2026, 1, 20), outcome="not-hold"),))
    assert set(due_dates(facts)) == {"decision", "home_office_notified"}


def test_each_agency_has_its_own_return_deadline_given_or_six_weeks() -> None:
    facts = CaseFacts("c", date(2026, 1, 5), (
        ev(EventKind.AGENCY_REQUEST, date(2026, 3, 2), agency="Northshire Police", due="2026-04-13"),
        ev(EventKind.AGENCY_REQUEST, date(2026, 3, 2), 1, agency="Northshire ICB", due="2026-03-30",
           due_given=True),
    ))
    items = {d.id: d for d in deadlines(ENGLAND, facts, TODAY)}
    assert items["agency_return:Northshire Police"].due == date(2026, 4, 13)
    assert items["agency_return:Northshire Police"].basis.startswith("6 weeks after the request to Northshire Police")
    assert items["agency_return:Northshire ICB"].basis.startswith("the due date given with the request")


def test_met_due_and_overdue_status_and_the_next_deadline() -> None:
    facts = CaseFacts("c", date(2026, 10, 1), (ev(EventKind.DECISION, date(2026, 10, 20), outcome="hold"),))
    items = {d.id: d for d in deadlines(ENGLAND, facts, date(2026, 10, 29))}
    assert items["decision"].status is DeadlineStatus.MET and items["decision"].met_on == date(2026, 10, 20)
    assert items["home_office_notified"].due == date(2026, 10, 27)
    assert items["home_office_notified"].status is DeadlineStatus.OVERDUE
    assert items["first_panel"].status is DeadlineStatus.DUE
    assert next_deadline(list(items.values())).id == "home_office_notified"


def test_a_pause_of_n_days_moves_every_open_deadline_by_n_and_no_met_one() -> None:
    events = (
        ev(EventKind.DECISION, date(2026, 1, 20), outcome="hold"),
        ev(EventKind.HOME_OFFICE_NOTIFIED, date(2026, 1, 23)),
        ev(EventKind.AGENCY_REQUEST, date(2026, 2, 2), agency="Northshire Police", due="2026-03-16"),
    )
    before = {d.id: d for d in deadlines(ENGLAND, CaseFacts("c", date(2026, 1, 5), events), TODAY)}
    paused = CaseFacts("c", date(2026, 1, 5), events, (Pause("inquest", date(2026, 2, 10), date(2026, 3, 27)),))
    after = {d.id: d for d in deadlines(ENGLAND, paused, TODAY)}
    n = (date(2026, 3, 27) - date(2026, 2, 10)).days
    assert n == 45
    for id_, item in before.items():
        if item.status is DeadlineStatus.MET:
            assert after[id_].due == item.due, id_
        else:
            assert (after[id_].due - item.due).days == n, id_
            assert "plus 45 days paused" in after[id_].basis
    assert {i for i, d in before.items() if d.status is DeadlineStatus.MET} == {"decision", "home_office_notified"}


def test_while_paused_open_deadlines_say_paused_not_overdue() -> None:
    facts = CaseFacts("c", date(2026, 1, 5), (ev(EventKind.DECISION, date(2026, 1, 20), outcome="hold"),),
                      (Pause("criminal-trial", date(2026, 2, 1), None),))
    statuses = {d.id: d.status for d in deadlines(ENGLAND, facts, TODAY)}
    assert statuses == {"decision": DeadlineStatus.MET, "home_office_notified": DeadlineStatus.PAUSED,
                        "first_panel": DeadlineStatus.PAUSED, "review_complete": DeadlineStatus.PAUSED}


def test_the_same_events_in_any_order_give_the_same_deadlines() -> None:
    events = [
        ev(EventKind.REFERRAL, date(2026, 1, 5)),
        ev(EventKind.DECISION, date(2026, 1, 20), outcome="hold"),
        ev(EventKind.HOME_OFFICE_NOTIFIED, date(2026, 1, 23)),
        ev(EventKind.AGENCY_REQUEST, date(2026, 2, 2), agency="Northshire Police", due="2026-03-16"),
        ev(EventKind.AGENCY_REQUEST, date(2026, 2, 3), 1, agency="Northshire ICB", due="2026-03-17"),
        ev(EventKind.AGENCY_RETURN, date(2026, 3, 1), agency="Northshire ICB"),
    ]
    results = {tuple((d.id, d.due, d.status, d.met_on, d.basis)
                     for d in deadlines(ENGLAND, CaseFacts("c", date(2026, 1, 5), tuple(order)), TODAY))
               for order in itertools.permutations(events)}
    assert len(results) == 1
