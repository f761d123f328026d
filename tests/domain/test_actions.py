"""RAG status, its words, SMART warnings and the monitoring tasks of an action plan: pure rules."""

from datetime import date, timedelta

import pytest

from dhr_manager.domain.actions import ActionFacts, Rag, monitoring_tasks, rag, rag_words, smart_warnings
from dhr_manager.domain.process import ProfileError, parse_profile
from tests.conftest import REPO

TODAY = date(2026, 11, 22)


def test_due_thirty_days_ahead_is_amber_and_thirty_one_days_ahead_is_green() -> None:
    assert rag(TODAY + timedelta(days=30), None, False, TODAY) is Rag.AMBER
    assert rag(TODAY + timedelta(days=31), None, False, TODAY) is Rag.GREEN
    assert rag_words(TODAY + timedelta(days=30), None, False, TODAY) == "Amber \u2013 due in 30 days"
    assert rag_words(TODAY + timedelta(days=31), None, False, TODAY) == "Green \u2013 on track"


def test_due_today_is_amber_and_due_yesterday_is_red() -> None:
    assert rag(TODAY, None, False, TODAY) is Rag.AMBER
    assert rag_words(TODAY, None, False, TODAY) == "Amber \u2013 due today"
    assert rag(TODAY - timedelta(days=1), None, False, TODAY) is Rag.RED
    assert rag_words(TODAY - timedelta(days=1), None, False, TODAY) == "Red \u2013 overdue by 1 day"
    assert rag_words(TODAY - timedelta(days=3), None, False, TODAY) == "Red \u2013 overdue by 3 days"


def test_marked_at_risk_is_amber_even_when_far_off_but_overdue_stays_red() -> None:
    far = TODAY + timedelta(days=200)
    assert rag(far, None, True, TODAY) is Rag.AMBER
    assert rag_words(far, None, True, TODAY) == "Amber \u2013 marked at risk"
    assert rag(TODAY - timedelta(days=5), None, True, TODAY) is Rag.RED


def test_a_completed_action_is_complete_even_past_its_target() -> None:
    assert rag(TODAY - timedelta(days=40), TODAY - timedelta(days=1), True, TODAY) is Rag.COMPLETE
    assert rag_words(TODAY - timedelta(days=40), TODAY, False, TODAY) == "Complete"


def test_an_action_without_a_target_date_is_amber_and_says_why() -> None:
    assert rag(None, None, False, TODAY) is Rag.AMBER
    assert rag_words(None, None, False, TODAY) == "Amber \u2013 no target date"


def test_smart_warnings_name_a_missing_outcome_and_target_date() -> None:
    text = "Northshire Police to train all response officers in coercive control by the end of 2027"
    assert smart_warnings(text, "All response officers trained; audit of 50 cases", date(2027, 12, 31)) == ()
    warnings = smart_warnings(text, None, None)
    assert len(warnings) == 2
    assert "measurable outcome" in warnings[0]
    assert "target date" in warnings[1]


def test_smart_warnings_flag_vague_or_very_short_recommendations() -> None:
    assert "very short" in smart_warnings("Do better", "x", TODAY)[0]
    assert "vague" in smart_warnings("Agencies should consider raising awareness of stalking", "x", TODAY)[0]


def _action(number: str, agency: str, added: date, target: date | None = None,
            done: date | None = None) -> ActionFacts:
    return ActionFacts(f"id-{number}", number, agency, added, target, done)


def test_lead_agencies_are_asked_quarterly_from_their_first_action_until_all_are_complete() -> None:
    added = date(2026, 1, 10)
    actions = [_action("1.1", "Northshire Police", added, date(2027, 6, 1)),
               _action("2.3", "northshire police", date(2026, 3, 1), date(2027, 6, 1)),
               _action("2.1", "Northshire ICB", added, date(2027, 6, 1), done=date(2026, 2, 1))]
    early = monitoring_tasks("case-1", actions, 3, date(2026, 2, 1))
    assert [(t.title, t.due) for t in early] == [
        ("Ask Northshire Police for an update on actions 1.1, 2.3", date(2026, 4, 10))]
    later = monitoring_tasks("case-1", actions, 3, TODAY)
    # The latest request that has come due (10 October) and the next (10 January); missed ones are superseded.
    assert [t.due for t in later] == [date(2026, 10, 10), date(2027, 1, 10)]
    assert later[0].id != later[1].id
    assert later[0].id == monitoring_tasks("case-1", actions, 3, date(2026, 10, 10))[0].id  # stable ids
    all_done = [_action(a.number, a.lead_agency, a.added_on, a.target, date(2026, 11, 1)) for a in actions]
    assert monitoring_tasks("case-1", all_done, 3, TODAY) == []


def test_an_overdue_action_is_a_task_due_on_its_target_date() -> None:
    actions = [_action("2.1", "Northshire ICB", date(2026, 9, 1), date(2026, 10, 1)),
               _action("2.2", "Northshire ICB", date(2026, 9, 1), date(2026, 10, 1), done=date(2026, 9, 30))]
    overdue = [t for t in monitoring_tasks("case-1", actions, 3, TODAY) if "overdue" in t.title]
    assert [(t.title, t.due) for t in overdue] == [("Action 2.1 is overdue: target 1 October 2026", date(2026, 10, 1))]


def test_a_profile_sets_how_often_agencies_are_asked_in_whole_months_and_defaults_to_quarterly() -> None:
    text = (REPO / "resources" / "processes" / "england-dhr-2016.toml").read_text(encoding="utf-8")
    assert parse_profile(text, "england").update_every.months == 3
    assert parse_profile(text + "\n[monitoring]\nupdate_every = { months = 6 }\n", "six").update_every.months == 6
    with pytest.raises(ProfileError, match="whole number of months"):
        parse_profile(text + "\n[monitoring]\nupdate_every = { weeks = 6 }\n", "weeks")
