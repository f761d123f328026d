"""The workflow from the command line: events, advance, pause, deadlines in JSON, tasks."""

import json
from datetime import date, timedelta

import pytest

REF = "DHR-2026-001"


@pytest.fixture
def recent_case(cli) -> date:
    """A case notified 60 days ago, so that every event date used here is in the past."""
    notified = date.today() - timedelta(days=60)
    assert cli("init", "--user", "Ada Admin").code == 0
    assert cli("case", "new", "--reference", REF, "--area", "Northshire", "--notified", notified.isoformat()).code == 0
    return notified


def day(notified: date, n: int) -> str:
    return (notified + timedelta(days=n)).isoformat()


def test_case_show_json_lists_deadlines_with_the_contracted_ids(cli, recent_case: date) -> None:
    n = recent_case
    for args in (("decision", "--date", day(n, 10), "--outcome", "hold", "--rationale", "Criteria met"),
                 ("agency-request", "--date", day(n, 20), "--agency", "Northshire Police"),
                 ("agency-request", "--date", day(n, 20), "--agency", "Northshire ICB",
                  "--due", day(n, 70))):
        result = cli("event", REF, *args)
        assert result.code == 0, result.err
    data = json.loads(cli("case", "show", REF, "--json").out)
    ids = [d["id"] for d in data["deadlines"]]
    assert ids == ["decision", "home_office_notified", "first_panel", "agency_return:Northshire ICB",
                   "agency_return:Northshire Police", "review_complete"]  # agencies in name order
    for item in data["deadlines"]:
        assert set(item) >= {"id", "label", "due", "basis", "status"}
        assert item["status"] in {"met", "due", "overdue", "paused"}
    by_id = {d["id"]: d for d in data["deadlines"]}
    assert by_id["decision"]["status"] == "met"
    assert by_id["agency_return:Northshire ICB"]["due"] == day(n, 70)
    assert data["next_deadline"]["id"] == "home_office_notified"
    assert data["next_deadline"]["status"] == "overdue"


@pytest.mark.parametrize(("date_text", "message"), [
    ("2026-02-30", "not a real date"),
    ("2999-01-01", "later than today"),
    ("2001-01-01", "before the CSP was notified"),
])
def test_an_impossible_event_date_is_exit_2_and_writes_nothing(cli, recent_case: date, date_text: str,
                                                               message: str) -> None:
    result = cli("event", REF, "panel-meeting", "--date", date_text)
    assert result.code == 2 and message in result.err and result.err.count("\n") == 1
    assert json.loads(cli("case", "show", REF, "--json").out)["events"] == []


def test_an_unknown_event_kind_lists_the_kinds(cli, recent_case: date) -> None:
    result = cli("event", REF, "tea-break", "--date", day(recent_case, 1))
    assert result.code == 2 and "decision" in result.err and "stage-entered" not in result.err


def test_advance_lists_what_is_missing_then_moves(cli, recent_case: date) -> None:
    refused = cli("case", "advance", REF)
    assert refused.code == 2
    assert refused.err.splitlines() == [
        "Error: DHR-2026-001 cannot leave the notification stage yet. Still missing:",
        "  - The CSP chair's decision on whether to hold a review, with reasons",
        "  - The Home Office told of the decision"]
    cli("event", REF, "decision", "--date", day(recent_case, 5), "--outcome", "hold", "--rationale", "Met")
    cli("event", REF, "home-office-notified", "--date", day(recent_case, 6))
    moved = cli("case", "advance", REF)
    assert moved.code == 0 and "panel stage" in moved.out
    assert json.loads(cli("case", "show", REF, "--json").out)["stage"] == "panel"


def test_not_hold_closes_and_a_closed_case_cannot_advance(cli, recent_case: date) -> None:
    cli("event", REF, "decision", "--date", day(recent_case, 5), "--outcome", "not-hold", "--rationale", "No")
    cli("event", REF, "home-office-notified", "--date", day(recent_case, 6))
    shown = json.loads(cli("case", "show", REF, "--json").out)
    assert (shown["stage"], shown["status"]) == ("closed", "not_proceeding")
    result = cli("case", "advance", REF)
    assert result.code == 2 and "closed" in result.err


def test_pause_and_resume_from_the_command_line(cli, recent_case: date) -> None:
    cli("event", REF, "decision", "--date", day(recent_case, 5), "--outcome", "hold", "--rationale", "Met")
    before = {d["id"]: d["due"] for d in json.loads(cli("case", "show", REF, "--json").out)["deadlines"]}
    assert cli("case", "pause", REF, "--reason", "inquest", "--from", day(recent_case, 10)).code == 0
    paused = json.loads(cli("case", "show", REF, "--json").out)
    assert paused["status"] == "paused"
    assert {d["status"] for d in paused["deadlines"] if d["id"] != "decision"} == {"paused"}
    resumed = cli("case", "resume", REF, "--on", day(recent_case, 17))
    assert resumed.code == 0 and "7 days" in resumed.out
    after = {d["id"]: d["due"] for d in json.loads(cli("case", "show", REF, "--json").out)["deadlines"]}
    assert after["decision"] == before["decision"]
    assert date.fromisoformat(after["first_panel"]) - date.fromisoformat(before["first_panel"]) == timedelta(7)


def test_tasks_json_done_and_skip(cli, recent_case: date) -> None:
    cli("event", REF, "decision", "--date", day(recent_case, 5), "--outcome", "hold", "--rationale", "Met")
    listed = json.loads(cli("tasks", "--case", REF, "--json").out)
    titles = {t["title"]: t for t in listed}
    assert "Notify the Home Office of the decision to hold a review" in titles
    assert all({"id", "case", "stage", "title", "role", "due", "status"} <= set(t) for t in listed)
    assert [t["overdue"] for t in listed] == sorted((t["overdue"] for t in listed), reverse=True)
    first, second = listed[0]["id"], listed[1]["id"]
    assert cli("task", "done", first).code == 0
    assert cli("task", "skip", second, "--reason", "Done by the county team").code == 0
    remaining = {t["id"] for t in json.loads(cli("tasks", "--json").out)}
    assert first not in remaining and second not in remaining
    assert cli("task", "done", "TNOTATASK").code == 2
    admin_only = json.loads(cli("tasks", "--role", "administrator", "--json").out)
    assert [t["title"] for t in admin_only] == ["Commission an independent chair and author"]


def test_profiles_list_and_check(cli, tmp_path) -> None:
    listed = cli("profiles", "list", workspace=None, passphrase_file=None)
    assert listed.code == 0 and "england-dhr-2016" in listed.out and "wales-susr" in listed.out
    bad = tmp_path / "bad.toml"
    bad.write_text('[profile]\nid = "x"\nversion = 0\nname = "X"\n')
    result = cli("profiles", "check", str(bad), workspace=None, passphrase_file=None)
    assert result.code == 2 and "bad.toml: profile.version: must be 1 or more" in result.err


def test_a_case_can_run_under_the_welsh_profile(cli, recent_case: date) -> None:
    result = cli("case", "new", "--reference", "SUSR-2026-01", "--area", "Gwent", "--notified",
                 day(recent_case, 1), "--profile", "wales-susr")
    assert result.code == 0 and "wales-susr v1" in result.out
    shown = json.loads(cli("case", "show", "SUSR-2026-01", "--json").out)
    assert shown["profile"] == "wales-susr v1"
    assert "Welsh Government told of the decision" in shown["missing_to_advance"]
