"""What is due on a case, by when, and what is missing before it may move on: pure functions of the case's
profile, its recorded events and its pauses.

Everything here is computed from the set of events sorted by date, so the same events recorded in a different
order give the same deadlines and tasks. Pauses for parallel proceedings stop the clocks: a deadline moves by
the days its clock was running while the case was paused, so a pause of N days moves every open deadline by N
days and never moves a deadline met before the pause began.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple

from dhr_manager.domain.cases import Stage
from dhr_manager.domain.events import PER_AGENCY, REPEATABLE, Event, EventKind, same_agency
from dhr_manager.domain.process import NOTIFIED, ClockDef, GateItem, Profile, TaskTemplate
from dhr_manager.domain.roles import Role


@dataclass(frozen=True)
class Pause:
    reason: str
    start: date
    end: date | None  # None while the case is still paused


_EVENT_ORDER = attrgetter("on", "kind", "id")


@dataclass(frozen=True)
class CaseFacts:
    """Everything the rules need about one case, decrypted. Events are indexed once, on first use."""

    case_id: str
    notified: date
    events: tuple[Event, ...]
    pauses: tuple[Pause, ...] = ()

    @property
    def paused(self) -> bool:
        return any(p.end is None for p in self.pauses)

    @cached_property
    def _ordered(self) -> tuple[Event, ...]:
        return tuple(sorted(self.events, key=_EVENT_ORDER))

    @cached_property
    def _by_kind(self) -> dict[EventKind, list[Event]]:
        index: dict[EventKind, list[Event]] = defaultdict(list)
        for event in self._ordered:
            index[event.kind].append(event)
        return index

    def ordered(self) -> list[Event]:
        return list(self._ordered)

    def of_kind(self, kind: EventKind, outcome: str | None = None) -> list[Event]:
        events = self._by_kind.get(kind, [])
        return events if outcome is None else [e for e in events if e.outcome == outcome]

    @cached_property
    def _by_kind_and_agency(self) -> dict[EventKind, dict[str | None, list[Event]]]:
        index: dict[EventKind, dict[str | None, list[Event]]] = defaultdict(lambda: defaultdict(list))
        for event in self._ordered:
            if event.kind in PER_AGENCY:
                index[event.kind][event.agency_key].append(event)
        return index

    def by_agency(self, kind: EventKind) -> dict[str | None, list[Event]]:
        """Events of one kind grouped by agency, each group in date order."""
        return self._by_kind_and_agency.get(kind, {})

    @cached_property
    def _latest_per_agency(self) -> dict[tuple[EventKind, str | None], dict[str, Event]]:
        return {}

    def latest_per_agency(self, kind: EventKind, outcome: str | None = None) -> dict[str, Event]:
        """The latest event of a kind for each agency, in agency-name order: a repeated request replaces the
        earlier one."""
        cache = self._latest_per_agency
        if (kind, outcome) not in cache:
            latest = {key: group[-1] for key, group in self.by_agency(kind).items()
                      if outcome is None or group[-1].outcome == outcome}
            cache[(kind, outcome)] = {event.agency or "": event for _key, event in sorted(latest.items())}
        return cache[(kind, outcome)]


PER_AGENCY_ORDER = (EventKind.AGENCY_SCOPED, EventKind.AGENCY_REQUEST, EventKind.AGENCY_RETURN)


class DeadlineStatus(StrEnum):
    MET = "met"
    DUE = "due"
    OVERDUE = "overdue"
    PAUSED = "paused"


class Deadline(NamedTuple):
    """One deadline. `basis` says how the date was reached; like a task's title it is worded only when read."""

    id: str
    clock: ClockDef
    anchor_on: date
    anchor: Event | None  # None when the clock runs from the notification
    due: date
    status: DeadlineStatus
    met_on: date | None
    paused_days: int

    @property
    def label(self) -> str:
        return self.clock.label

    @property
    def basis(self) -> str:
        offset, anchor = self.clock.offset.text, self.anchor
        if anchor is None:
            text = f"{offset} the CSP was notified ({self.anchor_on})"
        elif self.clock.per_agency and anchor.details.get("due_given"):
            text = f"the due date given with the request to {anchor.agency} ({self.anchor_on})"
        elif self.clock.per_agency:
            text = f"{offset} the request to {anchor.agency} ({self.anchor_on})"
        else:
            text = f"{offset} the {anchor.kind.value} ({self.anchor_on})"
        if self.paused_days:
            text += f", plus {self.paused_days} day{'s' if self.paused_days != 1 else ''} paused"
        return text

    def days_left(self, today: date) -> int:
        return (self.due - today).days


def paused_days(pauses: tuple[Pause, ...], start: date, stop: date | None, today: date) -> int:
    """Days of pause that fall while a clock was running: from `start` until `stop` (met) or for ever."""
    total = 0
    for pause in pauses:
        pause_end = pause.end or today
        begin, end = max(pause.start, start), min(pause_end, stop) if stop else pause_end
        total += max(0, (end - begin).days)
    return total


def _anchor_events(clock: ClockDef, facts: CaseFacts) -> list[Event]:
    return facts.of_kind(EventKind(clock.anchor), clock.anchor_outcome)


def _deadline(clock: ClockDef, id_: str, anchor_on: date, anchor: Event | None, due: date, met: Event | None,
              facts: CaseFacts, today: date, paused_now: bool) -> Deadline:
    met_on = met.on if met else None
    shift = paused_days(facts.pauses, anchor_on, met_on, today) if facts.pauses else 0
    if shift:
        due += timedelta(days=shift)
    if met_on is not None:
        status = DeadlineStatus.MET
    elif paused_now:
        status = DeadlineStatus.PAUSED
    else:
        status = DeadlineStatus.OVERDUE if due < today else DeadlineStatus.DUE
    return Deadline(id_, clock, anchor_on, anchor, due, status, met_on, shift)


def _first_met(clock: ClockDef, facts: CaseFacts) -> Event | None:
    met = facts.of_kind(clock.met_by, clock.met_outcome)
    return met[0] if met else None


def deadlines(profile: Profile, facts: CaseFacts, today: date) -> list[Deadline]:
    """Every deadline whose clock has started, in the order of the profile's clocks."""
    result = []
    paused_now = facts.paused
    for clock in profile.clocks:
        if clock.anchor == NOTIFIED:
            result.append(_deadline(clock, clock.id, facts.notified, None, clock.offset.apply(facts.notified),
                                    _first_met(clock, facts), facts, today, paused_now))
        elif clock.per_agency:
            met_by_agency = facts.by_agency(clock.met_by)
            if clock.met_outcome is not None:
                met_by_agency = {k: [e for e in v if e.outcome == clock.met_outcome] for k, v in met_by_agency.items()}
            for agency, event in facts.latest_per_agency(EventKind(clock.anchor), clock.anchor_outcome).items():
                group = met_by_agency.get(event.agency_key)
                met = group[0] if group else None
                result.append(_deadline(clock, f"{clock.id}:{agency}", event.on, event,
                                        event.due or clock.offset.apply(event.on), met, facts, today, paused_now))
        elif anchors := _anchor_events(clock, facts):
            result.append(_deadline(clock, clock.id, anchors[0].on, anchors[0], clock.offset.apply(anchors[0].on),
                                    _first_met(clock, facts), facts, today, paused_now))
    return result


def next_deadline(items: list[Deadline]) -> Deadline | None:
    open_items = [d for d in items if d.status is not DeadlineStatus.MET]
    return min(open_items, key=lambda d: (d.due, d.id)) if open_items else None


# ---- agencies and gates ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AgencyState:
    name: str
    scoped_on: date | None
    requested_on: date | None
    returned_on: date | None
    return_kind: str | None


def agencies(facts: CaseFacts) -> list[AgencyState]:
    """Every agency in scope (scoped or asked), with its request and return."""
    names: list[str] = []
    for event in facts.ordered():
        if event.kind in PER_AGENCY and event.agency and not any(same_agency(n, event.agency) for n in names):
            names.append(event.agency)

    def last(kind: EventKind, name: str) -> Event | None:
        found = facts.by_agency(kind).get(" ".join(name.split()).casefold(), [])
        return found[-1] if found else None

    states = []
    for name in names:
        scoped, asked, back = (last(k, name) for k in PER_AGENCY_ORDER)
        states.append(AgencyState(name, scoped.on if scoped else None, asked.on if asked else None,
                                  back.on if back else None,
                                  back.details.get("return_kind", "return") if back else None))
    return states


def _gate_item_met(item: GateItem, facts: CaseFacts) -> bool:
    if item.event is not None:
        return bool(facts.of_kind(item.event, item.outcome))
    states = agencies(facts)
    if not states:
        return False
    if item.all_agencies == "requested":
        return all(s.requested_on for s in states)
    return all(s.returned_on for s in states)


def gate_missing(profile: Profile, stage_id: object, facts: CaseFacts) -> list[str]:
    """The profile's words for every gate item not yet met; for agencies, which ones are outstanding."""
    missing = []
    for item in profile.stage(stage_id).gate:  # type: ignore[arg-type]
        if _gate_item_met(item, facts):
            continue
        states = agencies(facts)
        if item.all_agencies and not states:
            missing.append(f"{item.label} (no agency is in scope yet)")
        elif item.all_agencies:
            waiting = sorted(s.name for s in states
                             if not (s.requested_on if item.all_agencies == "requested" else s.returned_on))
            missing.append(f"{item.label} (still waiting: {', '.join(waiting)})")
        else:
            missing.append(item.label)
    return missing


def decided_not_to_hold(facts: CaseFacts) -> bool:
    """A decision not to hold a review, with the Home Office told: the case closes as not proceeding."""
    decisions = facts.of_kind(EventKind.DECISION)
    return (bool(decisions) and decisions[-1].outcome == "not-hold"
            and bool(facts.of_kind(EventKind.HOME_OFFICE_NOTIFIED)))


# ---- tasks -------------------------------------------------------------------------------------------------

class DerivedTask(NamedTuple):
    """A task as the profile generates it. Its id, title and stage are worked out only when read, because a
    workspace computes tens of thousands of tasks for the dashboard and shows a few."""

    case_id: str
    template: TaskTemplate
    key: str
    trigger_event: Event
    due: date
    closed_on: date | None  # set when the event that completes it has been recorded
    stages_entered: list[Event]

    @property
    def id(self) -> str:
        return task_id(self.case_id, self.template.id, self.key)

    @property
    def template_id(self) -> str:
        return self.template.id

    @property
    def role(self) -> Role:
        return self.template.role

    @property
    def title(self) -> str:
        return self.template.title.replace("{agency}", self.trigger_event.agency or "the agency")

    @property
    def trigger(self) -> str:
        if self.template.on_stage is not None:
            return f"{self.template.on_stage.value.replace('_', ' ')} stage entered"
        return f"{self.trigger_event.kind.value} on {self.trigger_event.on.isoformat()}"

    @property
    def stage(self) -> Stage:
        """The stage the task belongs to: its own, or the stage the case was in when it was triggered."""
        if self.template.on_stage is not None:
            return self.template.on_stage
        stage = Stage.NOTIFICATION
        for event in self.stages_entered:
            if event.on <= self.trigger_event.on:
                stage = Stage(event.details["stage"])
        return stage


def task_id(case_id: str, template_id: str, key: str) -> str:
    """A short, stable id a coordinator can type: the same task keeps it however often it is computed."""
    return "T" + hashlib.sha256(f"{case_id}|{template_id}|{key}".encode()).hexdigest()[:8].upper()


def _triggers(template: TaskTemplate, facts: CaseFacts) -> list[tuple[str, Event]]:
    """(key, event) for each occurrence that creates the task: one per agency, per meeting, or once."""
    if template.on_stage is not None:
        entered = [e for e in facts.of_kind(EventKind.STAGE_ENTERED)
                   if e.details.get("stage") == template.on_stage.value]
        return [("", entered[0])] if entered else []
    assert template.on_event is not None
    events = facts.of_kind(template.on_event, template.when_outcome)
    if template.on_event in PER_AGENCY:
        return [(agency.casefold(), event)
                for agency, event in facts.latest_per_agency(template.on_event, template.when_outcome).items()]
    if template.on_event in REPEATABLE:
        return [(event.id, event) for event in events]
    return [("", events[0])] if events else []


def derive_tasks(profile: Profile, facts: CaseFacts, today: date, include_closed: bool = True) -> list[DerivedTask]:
    """Every task the case's events have created; `include_closed=False` leaves out those an event completed.

    A task is completed by the first `closed_by` event on or after the event that created it (for the same
    agency, when the task is per agency).
    """
    tasks = []
    stages_entered = facts.of_kind(EventKind.STAGE_ENTERED)
    pauses, case_id = facts.pauses, facts.case_id
    for template in profile.tasks:
        per_agency = template.on_event in PER_AGENCY
        by_agency = facts.by_agency(template.closed_by) if template.closed_by and per_agency else None
        closers = facts.of_kind(template.closed_by) if template.closed_by and not per_agency else ()
        apply_due, from_event_due = template.due.apply, template.due_from_event_due
        for key, event in _triggers(template, facts):
            closed_on = None
            for closer in by_agency.get(event.agency_key, ()) if by_agency is not None else closers:
                if closer.on >= event.on:
                    closed_on = closer.on
                    break
            if closed_on is not None and not include_closed:
                continue
            due = apply_due(event.due if from_event_due and event.due else event.on)
            if pauses:
                due += timedelta(days=paused_days(pauses, event.on, closed_on, today))
            tasks.append(DerivedTask(case_id, template, key, event, due, closed_on, stages_entered))
    return tasks
