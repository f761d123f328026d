"""The stage stepper: each stage done, current or ahead, and how the review ended, in shapes and in words."""

from pytestqt.qtbot import QtBot

from dhr_manager.domain.cases import Stage, Status
from dhr_manager.ui.case.stepper import StageStepper, StepState, step_states

STAGES = [(Stage.NOTIFICATION, "Notification"), (Stage.PANEL, "Panel"), (Stage.CHRONOLOGY, "Chronology"),
          (Stage.REPORT, "Report"), (Stage.ACTION_PLAN, "Action plan")]
DONE, CURRENT, AHEAD = StepState.DONE, StepState.CURRENT, StepState.AHEAD


def states(stage: Stage, status: Status) -> list[tuple[str, StepState]]:
    return step_states(STAGES, stage, status)


def test_stages_before_the_current_one_are_done_and_the_rest_ahead() -> None:
    assert [state for _name, state in states(Stage.CHRONOLOGY, Status.PAUSED)] == [
        DONE, DONE, CURRENT, AHEAD, AHEAD, AHEAD]


def test_a_closed_review_has_every_stage_done_and_says_closed() -> None:
    assert states(Stage.CLOSED, Status.CLOSED)[-2:] == [("Action plan", DONE), ("Closed", CURRENT)]


def test_a_review_not_held_stops_after_notification_and_says_not_proceeding() -> None:
    assert states(Stage.CLOSED, Status.NOT_PROCEEDING) == [
        ("Notification", DONE), ("Panel", AHEAD), ("Chronology", AHEAD), ("Report", AHEAD), ("Action plan", AHEAD),
        ("Not proceeding", CURRENT)]


def test_screen_readers_hear_each_stage_and_its_state(qtbot: QtBot) -> None:
    stepper = StageStepper()
    qtbot.addWidget(stepper)
    stepper.show_stages(STAGES, Stage.PANEL, Status.OPEN)
    assert stepper.accessibleDescription() == (
        "Notification: ✓ done; Panel: current stage; Chronology: not reached; Report: not reached; "
        "Action plan: not reached; Closed: not reached")
    stepper.resize(stepper.sizeHint())
    assert not stepper.grab().isNull()  # it paints without complaint
    stepper.show_stages(STAGES, Stage.CLOSED, Status.CLOSED)
    assert stepper.accessibleDescription().endswith("Action plan: ✓ done; Closed: review ended")
    stepper.clear()
    assert stepper.accessibleDescription() == "" and stepper.steps() == []
