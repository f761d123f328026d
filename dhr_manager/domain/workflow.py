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
from functools import cached_property, partial
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


def paused_days(pauses: tuple[Pause, ...], start: date, stop: date | None, today: date) -> int:
    """Days of pause that fall while a clock was running: from `start` until `stop` (met) or for ever."""
    total = 0
    for pause in pauses:
        begin = pause.start if pause.start > start else start
        end = pause.end or today
        if stop and stop < end:
            end = stop
        if end > begin:
            total += (end - begin).days
    return total


_NOT_PAUSED = timedelta()


class _PauseShifts(dict[tuple[date, date | None], timedelta]):
    """`shifts[start, stop]` is how far the case's pauses move a clock running from `start` until `stop` (see
    `paused_days`). Each pair is worked out once: a case's agencies are mostly asked, and reply, on the same
    few days, and making a timedelta costs more than looking one up."""

    def __init__(self, pauses: tuple[Pause, ...], today: date) -> None:
        super().__init__()
        self.pauses, self.today = pauses, today

    def __missing__(self, key: tuple[date, date | None]) -> timedelta:
        shift = self[key] = timedelta(days=paused_days(self.pauses, key[0], key[1], self.today))
        return shift


_EVENT_ORDER = attrgetter("on", "kind", "id")
# Within one kind, the same order as `_EVENT_ORDER`: sorting a kind's events alone gives the order they have in
# the whole case's sorted events.
_KIND_ORDER = attrgetter("on", "id")


@dataclass(frozen=True)
class CaseFacts:
    """Everything the rules need about one case, decrypted.

    Events are indexed on first use, and only as far as asked: the dashboard computes every live case's
    deadlines and tasks, which need each kind's events in date order but never the agencies' events as one
    sorted list, and sorting is most of the cost of indexing.
    """

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

    def ordered(self) -> list[Event]:
        return list(self._ordered)

    @cached_property
    def _by_kind(self) -> dict[EventKind, list[Event]]:
        """Each kind's events in date order, except the agencies' kinds, which stay in the order recorded: the
        deadlines and tasks only need those per agency (see `by_agency`), and `of_kind` sorts them if asked."""
        index: dict[EventKind, list[Event]] = defaultdict(list)
        for event in self.events:
            index[event.kind].append(event)
        for kind, events in index.items():
            if len(events) > 1 and kind not in PER_AGENCY:
                events.sort(key=_KIND_ORDER)
        return index

    @cached_property
    def _of_kind(self) -> dict[tuple[EventKind, str | None], list[Event]]:
        return {}

    def of_kind(self, kind: EventKind, outcome: str | None = None) -> list[Event]:
        """The events of one kind, with one outcome when given, in date order."""
        if outcome is None and kind not in PER_AGENCY:
            return self._by_kind.get(kind, [])
        found = self._of_kind.get((kind, outcome))
        if found is None:
            if outcome is not None:
                found = [e for e in self.of_kind(kind) if e.outcome == outcome]
            else:
                found = sorted(self._by_kind.get(kind, []), key=_KIND_ORDER)
            self._of_kind[(kind, outcome)] = found
        return found

    @cached_property
    def _by_agency(self) -> dict[EventKind, dict[str | None, list[Event]]]:
        return {}

    def by_agency(self, kind: EventKind) -> dict[str | None, list[Event]]:
        """Events of one kind grouped by agency, each group in date order, agencies in the order first recorded."""
        groups = self._by_agency.get(kind)
        if groups is None:
            groups = self._by_agency[kind] = {}
            if kind in PER_AGENCY:
                events = self._by_kind.get(kind, [])
                for event in events:
                    groups.setdefault(event.agency_key, []).append(event)
                if len(groups) < len(events):  # some agency has several: put each group in date order
                    for group in groups.values():
                        group.sort(key=_KIND_ORDER)
        return groups

    @cached_property
    def _latest_per_agency(self) -> dict[tuple[EventKind, str | None], dict[str, Event]]:
        return {}

    def latest_per_agency(self, kind: EventKind, outcome: str | None = None) -> dict[str, Event]:
        """The latest event of a kind for each agency, in agency-name order: a repeated request replaces the
        earlier one."""
        found = self._latest_per_agency.get((kind, outcome))
        if found is None:
            groups = self.by_agency(kind)
            keys = sorted(groups) if outcome is None else sorted(
                key for key, group in groups.items() if group[-1].outcome == outcome)
            found = self._latest_per_agency[(kind, outcome)] = {
                (event := groups[key][-1]).agency or "": event for key in keys}
        return found

    @cached_property
    def _first_entered(self) -> dict[str | None, Event]:
        """The event recording when each stage was first entered, by the stage's value."""
        entries: dict[str | None, Event] = {}
        for event in self.of_kind(EventKind.STAGE_ENTERED):
            entries.setdefault(event.details.get("stage"), event)
        return entries

    @cached_property
    def _pause_shifts(self) -> dict[date, _PauseShifts]:
        return {}

    def _shifts(self, today: date) -> _PauseShifts | None:
        """How far the pauses move each clock, shared by the deadlines and the tasks; None if never paused."""
        if not self.pauses:
            return None
        shifts = self._pause_shifts.get(today)
        if shifts is None:
            shifts = self._pause_shifts[today] = _PauseShifts(self.pauses, today)
        return shifts


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


# Deadlines and tasks are made tens of thousands at a time for the dashboard. A NamedTuple's own constructor is a
# Python function that takes keywords, so they are made from a tuple of every field, in field order; and looking
# an enum member up on its class runs Python code too, so the statuses are looked up once.
_make_deadline = partial(tuple.__new__, Deadline)
_MET, _PAUSED, _OVERDUE, _DUE = DeadlineStatus.MET, DeadlineStatus.PAUSED, DeadlineStatus.OVERDUE, DeadlineStatus.DUE


def _anchor_events(clock: ClockDef, facts: CaseFacts) -> list[Event]:
    assert clock.anchor_kind is not None
    return facts.of_kind(clock.anchor_kind, clock.anchor_outcome)


def _deadline(clock: ClockDef, id_: str, anchor_on: date, anchor: Event | None, due: date, met_on: date | None,
              shifts: _PauseShifts | None, today: date, paused_now: bool) -> Deadline:
    shift = shifts[anchor_on, met_on] if shifts is not None else _NOT_PAUSED
    if shift:
        due += shift
    if met_on is not None:
        status = _MET
    elif paused_now:
        status = _PAUSED
    else:
        status = _OVERDUE if due < today else _DUE
    return _make_deadline((id_, clock, anchor_on, anchor, due, status, met_on, shift.days))


def _first_met_on(clock: ClockDef, facts: CaseFacts) -> date | None:
    met = facts.of_kind(clock.met_by, clock.met_outcome)
    return met[0].on if met else None


def _agency_deadlines(clock: ClockDef, facts: CaseFacts, shifts: _PauseShifts | None, today: date,
                      paused_now: bool) -> list[Deadline]:
    """One deadline per agency asked, from its latest request, met by the agency's first `met_by` event."""
    met_by_agency, met_outcome = facts.by_agency(clock.met_by), clock.met_outcome
    apply_offset, prefix = clock.offset.apply, f"{clock.id}:"
    result = []
    assert clock.anchor_kind is not None
    for agency, event in facts.latest_per_agency(clock.anchor_kind, clock.anchor_outcome).items():
        met_on = None
        for met in met_by_agency.get(event.agency_key, ()):
            if met_outcome is None or met.outcome == met_outcome:
                met_on = met.on
                break
        result.append(_deadline(clock, prefix + agency, event.on, event, event.due or apply_offset(event.on), met_on,
                                shifts, today, paused_now))
    return result


def deadlines(profile: Profile, facts: CaseFacts, today: date) -> list[Deadline]:
    """Every deadline whose clock has started, in the order of the profile's clocks."""
    result = []
    paused_now, shifts = facts.paused, facts._shifts(today)
    for clock in profile.clocks:
        if clock.anchor == NOTIFIED:
            result.append(_deadline(clock, clock.id, facts.notified, None, clock.offset.apply(facts.notified),
                                    _first_met_on(clock, facts), shifts, today, paused_now))
        elif clock.per_agency:
            result += _agency_deadlines(clock, facts, shifts, today, paused_now)
        elif anchors := _anchor_events(clock, facts):
            result.append(_deadline(clock, clock.id, anchors[0].on, anchors[0], clock.offset.apply(anchors[0].on),
                                    _first_met_on(clock, facts), shifts, today, paused_now))
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
    """(key, event) for each occurrence that creates the task: one per meeting or once (see `_agency_tasks` for
    the tasks repeated per agency)."""
    if template.on_stage is not None:
        entered = facts._first_entered.get(template.on_stage)  # a Stage is a str: it finds its value
        return [("", entered)] if entered else []
    assert template.on_event is not None
    events = facts.of_kind(template.on_event, template.when_outcome)
    if template.on_event in REPEATABLE:
        return [(event.id, event) for event in events]
    return [("", events[0])] if events else []


def derive_tasks(profile: Profile, facts: CaseFacts, today: date, include_closed: bool = True) -> list[DerivedTask]:
    """Every task the case's events have created; `include_closed=False` leaves out those an event completed.

    A task is completed by the first `closed_by` event on or after the event that created it (for the same
    agency, when the task is per agency).
    """
    tasks: list[DerivedTask] = []
    shifts, stages_entered = facts._shifts(today), facts.of_kind(EventKind.STAGE_ENTERED)
    for template in profile.tasks:
        if template.on_event in PER_AGENCY:
            tasks += _agency_tasks(template, facts, shifts, stages_entered, include_closed)
        elif triggers := _triggers(template, facts):
            closers = facts.of_kind(template.closed_by) if template.closed_by else []
            for key, event in triggers:
                closed_on = _closed_on(closers, event)
                if closed_on is None or include_closed:
                    tasks.append(_task(template, key, event, closed_on, facts, shifts, stages_entered))
    return tasks


def _closed_on(closers: list[Event], event: Event) -> date | None:
    """The date of the first closer on or after `event`."""
    for closer in closers:
        if closer.on >= event.on:
            return closer.on
    return None


# See `_make_deadline`.
_make_task = partial(tuple.__new__, DerivedTask)


def _task(template: TaskTemplate, key: str, event: Event, closed_on: date | None, facts: CaseFacts,
          shifts: _PauseShifts | None, stages_entered: list[Event]) -> DerivedTask:
    due = template.due.apply(event.due if template.due_from_event_due and event.due else event.on)
    if shifts is not None:
        due += shifts[event.on, closed_on]
    return _make_task((facts.case_id, template, key, event, due, closed_on, stages_entered))


def _agency_tasks(template: TaskTemplate, facts: CaseFacts, shifts: _PauseShifts | None,
                  stages_entered: list[Event], include_closed: bool) -> list[DerivedTask]:
    """One task per agency, from the agency's latest `on_event` event, keyed by the agency's name.

    `_task` is written out here because this runs for every agency of every live case whenever the dashboard
    is drawn."""
    assert template.on_event is not None
    closers = facts.by_agency(template.closed_by) if template.closed_by else {}
    apply_due, from_event_due, case_id = template.due.apply, template.due_from_event_due, facts.case_id
    tasks = []
    for agency, event in facts.latest_per_agency(template.on_event, template.when_outcome).items():
        closed_on = None
        for closer in closers.get(event.agency_key, ()):
            if closer.on >= event.on:
                closed_on = closer.on
                break
        if closed_on is not None and not include_closed:
            continue
        due = apply_due(event.due if from_event_due and event.due else event.on)
        if shifts is not None:
            due += shifts[event.on, closed_on]
        tasks.append(_make_task((case_id, template, agency.casefold(), event, due, closed_on, stages_entered)))
    return tasks
