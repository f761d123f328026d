"""Process profiles load from TOML, and a malformed one is refused naming the file, key and problem."""

import pytest

from dhr_manager.domain.cases import Stage
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.process import ProfileError, parse_profile
from dhr_manager.services.profiles import available_profiles

MINIMAL = """
[profile]
id = "test-profile"
version = 1
name = "Test"

[[stages]]
id = "notification"
name = "Notification"
gate = [{ event = "decision", label = "Decision recorded" }]

[[clocks]]
id = "decision"
label = "Decision"
anchor = "notified"
offset = { months = 1 }
met_by = "decision"

[[tasks]]
id = "notify"
title = "Notify"
role = "coordinator"
on_event = "decision"
due = { working_days = 5 }
"""


def test_the_shipped_profiles_load_with_their_stages_in_order() -> None:
    profiles = available_profiles()
    england, wales = profiles["england-dhr-2016"], profiles["wales-susr"]
    assert [s.id for s in england.stages] == [Stage.NOTIFICATION, Stage.PANEL, Stage.CHRONOLOGY, Stage.REPORT,
                                              Stage.ACTION_PLAN]
    assert {c.id for c in england.clocks} >= {"decision", "home_office_notified", "first_panel", "agency_return",
                                             "review_complete"}
    wales_gate = [item.event for item in wales.stage(Stage.NOTIFICATION).gate]
    assert EventKind.WELSH_GOVERNMENT_NOTIFIED in wales_gate
    assert any(item.event is EventKind.LEARNING_EVENT for item in wales.stage(Stage.CHRONOLOGY).gate)
    assert "Regional Safeguarding Board" in wales.stage(Stage.NOTIFICATION).gate[0].label


def test_a_minimal_profile_parses() -> None:
    profile = parse_profile(MINIMAL, "test.toml")
    assert (profile.id, profile.version, len(profile.tasks)) == ("test-profile", 1, 1)
    assert profile.next_stage(Stage.NOTIFICATION) is Stage.CLOSED


@pytest.mark.parametrize(("change", "expected"), [
    (("version = 1", "version = \"one\""), "test.toml: profile.version: must be int, not str"),
    (('anchor = "notified"', 'anchor = "yesterday"'), "test.toml: clocks[0].anchor: 'yesterday' is not one of"),
    (('met_by = "decision"', 'met_by = "decisoin"'), "test.toml: clocks[0].met_by: 'decisoin' is not one of"),
    (("offset = { months = 1 }", "offset = { fortnights = 1 }"), "test.toml: clocks[0].offset.fortnights: is not"),
    (('role = "coordinator"', 'role = "intern"'), "test.toml: tasks[0].role: 'intern' is not one of"),
    (('on_event = "decision"', 'on_stage = "appeal"'), "test.toml: tasks[0].on_stage: 'appeal' is not one of"),
    (('title = "Notify"\n', ''), "test.toml: tasks[0].title: is missing"),
    (('id = "notification"', 'id = "panel"'), "test.toml: stages: must start with notification"),
    (("[[clocks]]", "[[clock]]"), "test.toml: clock: is not a known setting"),
    (("due = { working_days = 5 }", "due = { working_days = 0 }"), "test.toml: tasks[0].due: needs one of"),
    (('gate = [{ event = "decision", label = "Decision recorded" }]', 'gate = [{ label = "Nothing" }]'),
     "test.toml: stages[0].gate[0].event: give exactly one of event or all_agencies"),
    (("[profile]", "[profile"), "test.toml: not valid TOML"),
])
def test_a_malformed_profile_names_file_key_and_problem(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in MINIMAL
    with pytest.raises(ProfileError) as caught:
        parse_profile(MINIMAL.replace(old, new, 1), "test.toml")
    assert expected in caught.value.message


def test_a_duplicate_task_id_is_refused() -> None:
    text = MINIMAL + MINIMAL[MINIMAL.index("[[tasks]]"):]
    with pytest.raises(ProfileError, match="tasks: id notify is used twice"):
        parse_profile(text, "test.toml")
