"""The action plan and publication from the command line, end to end on a real workspace."""

import json
from datetime import date, timedelta

import pytest

from dhr_manager.domain.calendar import add_months

REF = "DHR-2026-001"


@pytest.fixture
def case(cli) -> date:
    """A case notified 400 days ago, so that every date used here is in the past."""
    notified = date.today() - timedelta(days=400)
    assert cli("init", "--user", "Ada Admin").code == 0
    assert cli("case", "new", "--reference", REF, "--area", "Northshire", "--notified", notified.isoformat()).code == 0
    return notified


def day(n: int) -> str:
    return (date.today() + timedelta(days=n)).isoformat()


def test_recommendations_are_saved_with_smart_warnings_on_stderr(cli, case) -> None:
    result = cli("recommendation", "add", REF, "--text", "Agencies should consider raising awareness",
                 "--scope", "local")
    assert result.code == 0, result.err
    assert "Added recommendation 1 (local)" in result.out
    assert "vague" in result.err and "measurable outcome" in result.err and "target date" in result.err
    result = cli("recommendation", "add", REF, "--text", "Northshire Police to train every response officer in "
                 "coercive control", "--scope", "regional", "--agency", "Northshire Police",
                 "--outcome", "90% of officers trained", "--target", day(300))
    assert result.code == 0 and result.err == ""
    listed = json.loads(cli("recommendation", "list", REF, "--json").out)
    assert [(r["number"], r["scope"], r["agency"]) for r in listed] == [(1, "local", None),
                                                                       (2, "regional", "Northshire Police")]
    assert cli("recommendation", "add", REF, "--text", "x" * 30, "--scope", "global").code == 2


def test_actions_are_added_listed_by_rag_and_completed(cli, case) -> None:
    assert cli("recommendation", "add", REF, "--text", "Northshire Police to train every response officer",
               "--scope", "local").code == 0
    added = cli("action", "add", REF, "--recommendation", "1", "--action", "Design the training",
                "--lead-agency", "Northshire Police", "--lead-officer", "Officer A. Example",
                "--target", day(-3))
    assert added.code == 0, added.err
    assert "Added action 1.1 for Northshire Police" in added.out and "overdue by 3 days" in added.out
    assert cli("action", "add", REF, "--recommendation", "1", "--action", "Deliver the training",
               "--lead-agency", "Northshire ICB", "--target", day(100)).code == 0
    assert cli("action", "add", REF, "--recommendation", "9", "--action", "x", "--lead-agency", "y").code == 2

    red = json.loads(cli("action", "list", "--rag", "red", "--json").out)
    assert [(a["number"], a["rag"], a["lead_officer"]) for a in red] == [("1.1", "red", "Officer A. Example")]
    text = cli("action", "list", "--agency", "northshire icb").out
    assert "1.2" in text and "Green \u2013 on track" in text and "1.1" not in text

    assert cli("action", "update", REF, "1.1", "--at-risk").code == 0
    refused = cli("action", "update", REF, "1.1", "--completed", day(0))
    assert refused.code == 2 and "outcome" in refused.err
    done = cli("action", "update", REF, "1.1", "--completed", day(0), "--outcome", "Training designed")
    assert done.code == 0 and "Complete" in done.out
    open_actions = json.loads(cli("action", "list", "--case", REF, "--open", "--json").out)
    assert [a["number"] for a in open_actions] == ["1.2"]
    assert cli("action", "update", REF, "7.7", "--at-risk").code == 2


def test_publication_is_shown_refused_before_approval_and_recorded_after(cli, case) -> None:
    shown = cli("publication", REF)
    assert shown.code == 0 and "Published:" in shown.out and "approved" in shown.out
    refused = cli("publication", REF, "--published", day(-5))
    assert refused.code == 2 and "approved" in refused.err
    assert cli("event", REF, "qa-submitted", "--date", day(-30)).code == 0
    assert cli("event", REF, "qa-feedback", "--date", day(-20), "--outcome", "approved").code == 0
    result = cli("publication", REF, "--family-saw", day(-10), "--published", day(-5), "--dac-copy", day(-4))
    assert result.code == 0, result.err
    data = json.loads(cli("publication", REF, "--json").out)
    published = date.fromisoformat(day(-5))
    assert data["published_on"] == published.isoformat()
    assert data["online_until"] == add_months(published, 12).isoformat()
    assert data["blocked_reason"] is None
