"""The calendar export: one all-day event per open deadline and task, stable UIDs, pseudonyms only."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from dhr_manager.domain.cases import PersonRole
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.roles import Role
from dhr_manager.errors import NotFound
from dhr_manager.services import cases, people, users
from dhr_manager.services.actions import add_action, add_recommendation, update_action
from dhr_manager.services.calendar_export import export_calendar, make_calendar
from dhr_manager.services.overview import case_overviews
from dhr_manager.services.tasks import list_tasks
from dhr_manager.storage.workspace import UnlockedWorkspace
from tests.conftest import open_as
from tests.helpers.events import recorder

TODAY = date(2026, 11, 22)
REF, OTHER = "DHR-2026-001", "DHR-2026-002"
REAL_NAME = "Testname Realperson"
record = recorder(TODAY)


@pytest.fixture
def team(admin_ws: UnlockedWorkspace) -> UnlockedWorkspace:
    """Two live cases: one with a decision met, open deadlines and agency requests; one just notified."""
    cases.create_case(admin_ws, REF, "Northshire", date(2026, 9, 1), today=TODAY)
    people.add_person(admin_ws, REF, PersonRole.VICTIM, REAL_NAME, "Adult A", date(1979, 4, 3),
                      "12 Fictional Row, Nowhereton ZZ9 9ZZ", today=TODAY)
    record(admin_ws, REF, EventKind.DECISION, date(2026, 9, 20), outcome="hold", rationale="Criteria met")
    record(admin_ws, REF, EventKind.AGENCY_REQUEST, date(2026, 10, 1), agency="Northshire Police")
    # An agency typed with a person's name in it: the calendar must not carry it.
    record(admin_ws, REF, EventKind.AGENCY_REQUEST, date(2026, 10, 2), agency="Realperson Family Surgery")
    cases.create_case(admin_ws, OTHER, "Southvale", date(2026, 11, 2), today=TODAY)
    return admin_ws


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def open_items(ws: UnlockedWorkspace, reference: str | None = None) -> tuple[int, int]:
    """(open deadlines, open tasks) of the live cases, as the rest of the application counts them."""
    views = [v for v in case_overviews(ws, TODAY) if v.live and reference in (None, v.reference)]
    return (sum(len(v.open_deadlines()) for v in views),
            len(list_tasks(ws, case_reference=reference, today=TODAY)))


def test_one_all_day_event_per_open_deadline_and_open_task(team) -> None:
    made = make_calendar(team, today=TODAY)
    found = events(made.data)
    deadlines, tasks = open_items(team)
    assert deadlines >= 5 and tasks >= 1
    categories = [str(e.get("categories").cats[0]) for e in found]
    assert categories.count("DHR deadline") == deadlines
    assert categories.count("DHR task") == tasks
    assert made.events == len(found) == deadlines + tasks
    calendar = Calendar.from_ical(made.data)
    assert str(calendar["version"]) == "2.0" and "DHR Manager" in str(calendar["prodid"])
    for event in found:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and (end - start).days == 1
        assert event.decoded("dtstamp").tzinfo is not None
    police = next(e for e in found if "Northshire Police" in str(e["summary"]))
    assert str(police["summary"]) == f"{REF} (Adult A): Chronology and report due from the agency: Northshire Police"
    assert police.decoded("dtstart") == date(2026, 11, 12)  # six weeks after the request


def test_a_met_deadline_is_not_in_the_calendar(team) -> None:
    summaries = [str(e["summary"]) for e in events(export_calendar(team, today=TODAY))]
    assert not any("Decision on whether to hold a review" in s for s in summaries if s.startswith(REF))
    assert any("Decision on whether to hold a review" in s for s in summaries if s.startswith(OTHER))
    record(team, REF, EventKind.AGENCY_RETURN, date(2026, 11, 10), agency="Northshire Police")
    summaries = [str(e["summary"]) for e in events(export_calendar(team, today=TODAY))]
    assert not any("Northshire Police" in s for s in summaries)


def test_uids_are_stable_across_exports_and_unrelated_changes(team) -> None:
    first = {str(e["uid"]): str(e["summary"]) for e in events(export_calendar(team, today=TODAY))}
    second = {str(e["uid"]): str(e["summary"]) for e in events(export_calendar(team, today=TODAY))}
    assert first == second and len(first) == len(events(export_calendar(team, today=TODAY)))
    assert all(uid.endswith("@dhr-manager") for uid in first)
    record(team, OTHER, EventKind.DECISION, date(2026, 11, 20), outcome="hold", rationale="Criteria met")
    after = {str(e["uid"]): str(e["summary"]) for e in events(export_calendar(team, today=TODAY))}
    untouched = {uid: summary for uid, summary in first.items() if summary.startswith(REF)}
    assert untouched and untouched.items() <= after.items()  # the other case's change moved nothing here
    decided = [uid for uid, summary in first.items() if summary == f"{OTHER}: Decision on whether to hold a review"]
    assert decided and decided[0] not in after  # met now, so gone
    assert len([s for s in after.values() if s.startswith(OTHER)]) > 0


def test_a_later_export_supersedes_an_earlier_one(team) -> None:
    early = make_calendar(team, today=TODAY, now=datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    late = make_calendar(team, today=TODAY, now=datetime(2026, 11, 22, 9, 5, tzinfo=UTC))
    sequences = {str(e["uid"]): int(e["sequence"]) for e in events(early.data)}
    assert all(int(e["sequence"]) > sequences[str(e["uid"])] for e in events(late.data))


def test_no_real_name_address_or_date_of_birth_leaves_only_the_pseudonym(team) -> None:
    data = export_calendar(team, today=TODAY)
    text = Calendar.from_ical(data).to_ical().decode().replace("\r\n ", "")  # unfolded
    for real in ("Testname", "Realperson", "Fictional Row", "ZZ9 9ZZ", "1979-04-03"):
        assert real.casefold() not in text.casefold()
        assert real.encode() not in data
    assert "Adult A" in text
    assert any(str(e["summary"]).endswith("Chronology and report due from the agency: an agency")
               for e in events(data))


def test_case_restricts_the_export_to_one_case(team) -> None:
    found = events(export_calendar(team, OTHER, today=TODAY))
    assert found and all(str(e["summary"]).startswith(OTHER) for e in found)
    assert len(found) == sum(open_items(team, OTHER))


def test_closed_cases_are_left_out(team) -> None:
    record(team, OTHER, EventKind.DECISION, date(2026, 11, 20), outcome="not-hold", rationale="Criteria not met")
    record(team, OTHER, EventKind.HOME_OFFICE_NOTIFIED, date(2026, 11, 21))
    assert events(export_calendar(team, OTHER, today=TODAY)) == []
    assert not any(str(e["summary"]).startswith(OTHER) for e in events(export_calendar(team, today=TODAY)))


def test_a_chair_gets_only_the_cases_given_to_them(team, ws_path: Path) -> None:
    users.add_user(team, "Chris Chair", Role.CHAIR, "chair passphrase for tests")
    cases.assign_case(team, OTHER, "Chris Chair")
    chair = open_as(ws_path, "Chris Chair", "chair passphrase for tests")
    found = events(export_calendar(chair, today=TODAY))
    assert found and all(str(e["summary"]).startswith(OTHER) for e in found)
    with pytest.raises(NotFound):
        export_calendar(chair, REF, today=TODAY)


def test_each_open_action_with_a_target_date_is_an_event_without_its_words_or_officer(team) -> None:
    add_recommendation(team, REF, "Northshire Police to train every response officer in coercive control", "local",
                       outcome="Every officer trained", target=date(2027, 6, 30))
    chased = add_action(team, REF, 1, "Ask Testname's family to help design the training", "Northshire Police",
                        "Officer Q. Fictional", target=date(2027, 1, 15), today=TODAY)
    done = add_action(team, REF, 1, "Brief the senior team", "Northshire Police", target=date(2026, 11, 1),
                      today=TODAY)
    update_action(team, done.id, completed_on=date(2026, 11, 2), outcome="Briefed", today=TODAY)
    add_action(team, REF, 1, "Deliver the training", "Northshire Police", today=TODAY)  # no target date yet
    found = [e for e in events(export_calendar(team, today=TODAY)) if str(e.get("categories").cats[0]) == "DHR action"]
    assert [str(e["summary"]) for e in found] == [
        f"{REF} (Adult A): action {chased.number} target date (Northshire Police)"]
    assert found[0].decoded("dtstart") == date(2027, 1, 15)
    assert "Status: Green \u2013 on track." in str(found[0]["description"])  # 54 days to go
    again = [e for e in events(export_calendar(team, REF, today=TODAY)) if str(e["uid"]) == str(found[0]["uid"])]
    assert len(again) == 1
    data = export_calendar(team, today=TODAY)
    for private in (b"Officer Q", b"Testname", b"design the training"):
        assert private not in data
