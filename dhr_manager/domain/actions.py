"""Action plans: recommendations, the actions that carry them out, their RAG status, and the monitoring that
chases lead agencies until every action is complete.

Home Office guidance asks for SMART recommendations and an action plan with, for each action, the lead agency,
key milestones, a target date and the date of completion and outcome. The Domestic Abuse Commissioner found in
2025 that only about a quarter of national recommendations were fully implemented and that nothing tracked them,
so open actions generate periodic update requests to their lead agencies, and an overdue action is a task.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dhr_manager.domain.agencies import agency_key
from dhr_manager.domain.calendar import add_months
from dhr_manager.domain.workflow import task_id

DASH = "\u2013"  # an en dash, between the colour and its words
AMBER_DAYS = 30  # due within this many days (inclusive) is amber
VAGUE_LENGTH = 25  # a recommendation shorter than this rarely says who must do what
VAGUE_WORDS = ("consider", "explore", "look at", "look into", "think about", "raise awareness", "where possible")


class Scope(StrEnum):
    LOCAL = "local"
    REGIONAL = "regional"
    NATIONAL = "national"


class Rag(StrEnum):
    """Worst first: lists sort by this order."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    COMPLETE = "complete"  # completed, with its outcome recorded


RAG_ORDER = {rag: i for i, rag in enumerate(Rag)}


def rag(target: date | None, completed_on: date | None, at_risk: bool, today: date) -> Rag:
    """Red when overdue (the target date has passed); amber when due within 30 days, marked at risk, or without
    a target date; green when on track; complete once done. Due today is amber, not red."""
    if completed_on is not None:
        return Rag.COMPLETE
    if target is not None and target < today:
        return Rag.RED
    if at_risk or target is None or (target - today).days <= AMBER_DAYS:
        return Rag.AMBER
    return Rag.GREEN


def _days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def rag_words(target: date | None, completed_on: date | None, at_risk: bool, today: date) -> str:
    """The words always shown with the colour, so that colour is never the only signal."""
    status = rag(target, completed_on, at_risk, today)
    if status is Rag.COMPLETE:
        return "Complete"
    if status is Rag.RED:
        assert target is not None
        return f"Red {DASH} overdue by {_days((today - target).days)}"
    if status is Rag.GREEN:
        return f"Green {DASH} on track"
    if at_risk:
        return f"Amber {DASH} marked at risk"
    if target is None:
        return f"Amber {DASH} no target date"
    left = (target - today).days
    return f"Amber {DASH} due today" if left == 0 else f"Amber {DASH} due in {_days(left)}"


def smart_warnings(text: str, outcome: str | None, target: date | None) -> tuple[str, ...]:
    """What keeps a recommendation from being SMART (specific, measurable, achievable, relevant, time-bound).
    Each warning is advice: a recommendation is saved whatever it says."""
    warnings = []
    words = text.casefold()
    if len(" ".join(text.split())) < VAGUE_LENGTH:
        warnings.append("The recommendation is very short: say who should do what, and to what end.")
    elif any(word in words for word in VAGUE_WORDS):
        warnings.append("The recommendation uses vague wording (such as 'consider' or 'raise awareness'): "
                        "say what should change.")
    if not (outcome or "").strip():
        warnings.append("There is no measurable outcome: say how the panel will know it has been achieved.")
    if target is None:
        warnings.append("There is no target date: say when it should be achieved.")
    return tuple(warnings)


def action_number(recommendation: int, action: int) -> str:
    """Actions are numbered within their recommendation, as in the Home Office action plan: 2.1, 2.2, ..."""
    return f"{recommendation}.{action}"


def parse_action_number(text: str) -> tuple[int, int] | None:
    """(2, 1) for "2.1"; None when the text is not an action number."""
    parts = text.strip().split(".")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])


def number_order(number: str) -> tuple[int, ...]:
    """Sort key for "2.10" after "2.9"."""
    return tuple(int(p) for p in number.split(".") if p.isdigit())


# ---- monitoring -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ActionFacts:
    """What monitoring needs about one action, decrypted."""

    id: str
    number: str
    lead_agency: str
    added_on: date
    target: date | None
    completed_on: date | None


@dataclass(frozen=True)
class MonitoringTask:
    """A task the action plan creates: ask a lead agency for an update, or chase an overdue action."""

    id: str
    title: str
    due: date
    note: str


def _periods(start: date, every_months: int, today: date) -> tuple[int, ...]:
    """The latest period whose request has come due by `today` and the one after; just the first before that."""
    months = (today.year - start.year) * 12 + today.month - start.month
    latest = months // every_months
    if latest >= 1 and add_months(start, every_months * latest) > today:
        latest -= 1  # this month's request falls later in the month
    return (latest, latest + 1) if latest >= 1 else (1,)


def monitoring_tasks(case_id: str, actions: list[ActionFacts], every_months: int, today: date) -> list[MonitoringTask]:
    """The update requests and overdue actions of one case.

    Each lead agency with an open action is asked for an update every period (the profile's `update_every`,
    quarterly by default), counted from the day its first action on the case was added, until all its actions
    are complete. Only the latest period that has come due and the next one are listed: asking now answers any
    earlier request that was missed. Periods are counted from a fixed day, so each request keeps its id however
    often it is computed, and marking it done or not needed sticks. An open action past its target date is a
    task of its own, due on that date.
    """
    tasks: list[MonitoringTask] = []
    by_agency: dict[str, list[ActionFacts]] = defaultdict(list)
    for action in actions:
        by_agency[agency_key(action.lead_agency)].append(action)
    for key, group in sorted(by_agency.items()):
        open_actions = sorted((a for a in group if a.completed_on is None), key=lambda a: number_order(a.number))
        if not open_actions:
            continue
        start = min(a.added_on for a in group)
        numbers = ", ".join(a.number for a in open_actions)
        noun = "action" if len(open_actions) == 1 else "actions"
        title = f"Ask {open_actions[0].lead_agency} for an update on {noun} {numbers}"
        for n in _periods(start, every_months, today):
            tasks.append(MonitoringTask(task_id(case_id, "action-update", f"{key}|{n}"), title,
                                        add_months(start, every_months * n),
                                        f"from the action plan: update {n}, every {every_months} months"))
    for action in actions:
        if action.completed_on is None and action.target is not None and action.target < today:
            tasks.append(MonitoringTask(
                task_id(case_id, "action-overdue", action.id),
                f"Action {action.number} is overdue: target {action.target.day} {action.target:%B %Y}",
                action.target, f"from the action plan: action {action.number} ({action.lead_agency})"))
    return tasks
