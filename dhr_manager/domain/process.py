"""Process profiles: the stages, gates, clocks and task templates of a review process, as data.

Profiles are TOML files (`resources/processes/*.toml`, format in `docs/process-profiles.md`), so that when the
Home Office publishes new timescales an administrator edits a file, not code. A malformed profile is refused
with a message naming the file, the key and the problem.
"""

import hashlib
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from dhr_manager.domain.calendar import add_months, add_offset, add_working_days
from dhr_manager.domain.cases import Stage
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.roles import Role
from dhr_manager.errors import InputError

NOTIFIED = "notified"  # the anchor for clocks that run from the date the CSP was notified
AGENCY_STATES = ("requested", "returned")
_OFFSET_UNITS = ("months", "weeks", "days", "working_days")


class ProfileError(InputError):
    """A profile file that cannot be used; the message names the file, key and problem."""


class _Answers(dict[date, date]):
    """`answers[day]` is `calculate(day)`, worked out the first time it is asked for."""

    def __init__(self, calculate: Callable[[date], date]) -> None:
        super().__init__()
        self.calculate = calculate

    def __missing__(self, day: date) -> date:
        answer = self[day] = self.calculate(day)
        return answer


@dataclass(frozen=True)
class Offset:
    months: int = 0
    weeks: int = 0
    days: int = 0
    working_days: int = 0

    @cached_property
    def apply(self) -> Callable[[date], date]:
        """`apply(day)` is `day` moved by this offset.

        The dashboard applies each offset tens of thousands of times, to the same dates each time it is drawn
        (and a case's agencies are mostly asked on the same few days), so each answer is worked out once, by
        the cheapest calculation for this offset, and then looked up: a dictionary lookup is the cheapest call
        there is. One answer is kept per date the offset has moved: the dates of a workspace's events, a few
        thousand at most."""
        return _Answers(self._calculate).__getitem__

    @cached_property
    def _calculate(self) -> Callable[[date], date]:
        """The cheapest calculation for this offset: profiles use one unit at a time."""
        months, working_days = self.months, self.working_days
        delta = timedelta(weeks=self.weeks, days=self.days)
        if months and not (delta or working_days):
            return lambda day: add_months(day, months)
        if working_days and not (delta or months):
            return lambda day: add_working_days(day, working_days)
        if not (months or working_days):
            return lambda day: day + delta
        return lambda day: add_offset(day, months=self.months, weeks=self.weeks, days=self.days,
                                      working_days=self.working_days)

    @cached_property
    def text(self) -> str:
        return self.describe()

    def describe(self) -> str:
        words = {"months": "calendar month", "weeks": "week", "days": "day", "working_days": "working day"}
        parts = []
        for unit in _OFFSET_UNITS:
            n = getattr(self, unit)
            if n:
                parts.append(f"{abs(n)} {words[unit]}{'s' if abs(n) != 1 else ''}")
        text = " and ".join(parts) or "0 days"
        return f"{text} {'before' if any(getattr(self, u) < 0 for u in _OFFSET_UNITS) else 'after'}"


@dataclass(frozen=True)
class GateItem:
    """One thing that must be recorded before a case may leave a stage, in the profile's words."""

    label: str
    event: EventKind | None = None
    outcome: str | None = None
    all_agencies: str | None = None  # "requested" or "returned": every agency in scope


@dataclass(frozen=True)
class StageDef:
    id: Stage
    name: str
    gate: tuple[GateItem, ...]


@dataclass(frozen=True)
class ClockDef:
    """A deadline: an anchor (the notification or an event) plus an offset, met by another event."""

    id: str
    label: str
    anchor: str  # NOTIFIED or an event kind
    offset: Offset
    met_by: EventKind
    anchor_outcome: str | None = None
    met_outcome: str | None = None
    per_agency: bool = False

    @cached_property
    def anchor_kind(self) -> EventKind | None:
        """The event the clock runs from; None when it runs from the notification."""
        return None if self.anchor == NOTIFIED else EventKind(self.anchor)


@dataclass(frozen=True)
class TaskTemplate:
    """An administrative task the team must do, created when a stage is entered or an event is recorded."""

    id: str
    title: str
    role: Role
    due: Offset
    on_event: EventKind | None = None
    on_stage: Stage | None = None
    when_outcome: str | None = None
    due_from_event_due: bool = False  # count from the event's own due date (an agency's), not its date
    closed_by: EventKind | None = None


@dataclass(frozen=True)
class Profile:
    id: str
    version: int
    name: str
    description: str
    stages: tuple[StageDef, ...]
    clocks: tuple[ClockDef, ...]
    tasks: tuple[TaskTemplate, ...]
    source: str
    update_every: Offset = Offset(months=3)  # how often lead agencies are asked about open actions

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()

    def stage(self, stage: Stage) -> StageDef:
        for definition in self.stages:
            if definition.id is stage:
                return definition
        raise KeyError(stage)

    def next_stage(self, stage: Stage) -> Stage:
        """The stage after `stage`, or closed after the last one."""
        order = [s.id for s in self.stages]
        index = order.index(stage)
        return order[index + 1] if index + 1 < len(order) else Stage.CLOSED


class _Reader:
    """Reads one table of the TOML with errors that name the file and the dotted key."""

    def __init__(self, source_name: str, data: dict[str, Any], path: str) -> None:
        self.source_name, self.data, self.path = source_name, data, path

    def fail(self, key: str, problem: str) -> ProfileError:
        where = f"{self.path}.{key}" if self.path else key
        return ProfileError(f"Process profile {self.source_name}: {where}: {problem}")

    def get(self, key: str, kind: type, required: bool = True, default: Any = None) -> Any:
        if key not in self.data:
            if required:
                raise self.fail(key, "is missing")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(key, f"must be {kind.__name__}, not {type(value).__name__}")
        if kind is str and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def choice(self, key: str, choices: dict[str, Any], required: bool = True) -> Any:
        value = self.get(key, str, required)
        if value is None:
            return None
        if value not in choices:
            raise self.fail(key, f"'{value}' is not one of: {', '.join(choices)}")
        return choices[value]

    def table(self, key: str, index: int | None = None) -> "_Reader":
        item = self.data[key] if index is None else self.data[key][index]
        name = f"{key}[{index}]" if index is not None else key
        if not isinstance(item, dict):
            raise self.fail(name, "must be a table")
        return _Reader(self.source_name, item, f"{self.path}.{name}" if self.path else name)

    def tables(self, key: str) -> list["_Reader"]:
        items = self.get(key, list)
        return [self.table(key, i) for i in range(len(items))]

    def check_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.fail(key, f"is not a known setting (known: {', '.join(sorted(allowed))})")


_EVENTS = {k.value: k for k in EventKind if k is not EventKind.STAGE_ENTERED}
_STAGES = {s.value: s for s in Stage if s is not Stage.CLOSED}
_ROLES = {r.value: r for r in Role}


def _offset(reader: _Reader, key: str) -> Offset:
    table = reader.table(key)
    table.check_keys(set(_OFFSET_UNITS))
    values = {unit: table.get(unit, int, required=False, default=0) for unit in _OFFSET_UNITS}
    if not any(values.values()):
        raise reader.fail(key, f"needs one of {', '.join(_OFFSET_UNITS)}")
    return Offset(**values)


def _gate_item(reader: _Reader) -> GateItem:
    reader.check_keys({"label", "event", "outcome", "all_agencies"})
    item = GateItem(label=reader.get("label", str), event=reader.choice("event", _EVENTS, required=False),
                    outcome=reader.get("outcome", str, required=False),
                    all_agencies=reader.choice("all_agencies", {s: s for s in AGENCY_STATES}, required=False))
    if (item.event is None) == (item.all_agencies is None):
        raise reader.fail("event", "give exactly one of event or all_agencies")
    return item


def _clock(reader: _Reader) -> ClockDef:
    reader.check_keys({"id", "label", "anchor", "anchor_outcome", "offset", "met_by", "met_outcome", "per"})
    per = reader.choice("per", {"agency": True}, required=False)
    return ClockDef(
        id=reader.get("id", str), label=reader.get("label", str),
        anchor=str(reader.choice("anchor", {NOTIFIED: NOTIFIED, **_EVENTS})),
        offset=_offset(reader, "offset"), met_by=reader.choice("met_by", _EVENTS),
        anchor_outcome=reader.get("anchor_outcome", str, required=False),
        met_outcome=reader.get("met_outcome", str, required=False), per_agency=bool(per))


def _task(reader: _Reader) -> TaskTemplate:
    reader.check_keys({"id", "title", "role", "on_event", "on_stage", "when_outcome", "due", "due_from",
                       "closed_by"})
    task = TaskTemplate(
        id=reader.get("id", str), title=reader.get("title", str), role=reader.choice("role", _ROLES),
        due=_offset(reader, "due"), on_event=reader.choice("on_event", _EVENTS, required=False),
        on_stage=reader.choice("on_stage", _STAGES, required=False),
        when_outcome=reader.get("when_outcome", str, required=False),
        due_from_event_due=reader.choice("due_from", {"trigger": False, "event_due": True}, required=False) or False,
        closed_by=reader.choice("closed_by", _EVENTS, required=False))
    if (task.on_event is None) == (task.on_stage is None):
        raise reader.fail("on_event", "give exactly one of on_event or on_stage")
    if task.due_from_event_due and task.on_event is not EventKind.AGENCY_REQUEST:
        raise reader.fail("due_from", "event_due only applies to on_event = \"agency-request\"")
    return task


def parse_profile(text: str, source_name: str) -> Profile:
    """Read and check a profile; every problem is a `ProfileError` naming `source_name`, key and problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"Process profile {source_name}: not valid TOML ({exc}).") from None
    root = _Reader(source_name, data, "")
    root.check_keys({"profile", "stages", "clocks", "tasks", "monitoring"})
    head = root.table("profile") if "profile" in data else None
    if head is None:
        raise root.fail("profile", "is missing")
    head.check_keys({"id", "version", "name", "description"})
    version = head.get("version", int)
    if version < 1:
        raise head.fail("version", "must be 1 or more")

    stages = []
    for reader in root.tables("stages"):
        reader.check_keys({"id", "name", "gate"})
        gate = tuple(_gate_item(g) for g in reader.tables("gate")) if "gate" in reader.data else ()
        stages.append(StageDef(reader.choice("id", _STAGES), reader.get("name", str), gate))
    order = [s.id for s in stages]
    if not order or order[0] is not Stage.NOTIFICATION or len(set(order)) != len(order):
        raise root.fail("stages", "must start with notification and name each stage once")
    if order != sorted(order, key=list(Stage).index):
        raise root.fail("stages", "must keep the order notification, panel, chronology, report, action_plan")

    clocks = tuple(_clock(r) for r in root.tables("clocks"))
    tasks = tuple(_task(r) for r in root.tables("tasks"))
    for kind, items in (("clocks", clocks), ("tasks", tasks)):
        ids = [item.id for item in items]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise root.fail(kind, f"id {duplicates[0]} is used twice")
    for i, task in enumerate(tasks):
        if task.on_stage is not None and task.on_stage not in order:
            raise root.fail(f"tasks[{i}].on_stage", f"'{task.on_stage.value}' is not a stage of this profile")
    return Profile(id=head.get("id", str), version=version, name=head.get("name", str),
                   description=head.get("description", str, required=False, default=""),
                   stages=tuple(stages), clocks=clocks, tasks=tasks, source=text,
                   update_every=_monitoring(root.table("monitoring")) if "monitoring" in data else Offset(months=3))


def _monitoring(reader: _Reader) -> Offset:
    """`[monitoring] update_every = { months = N }`: how often lead agencies are asked about open actions.
    Whole months only, so that each request falls on the same day of the month."""
    reader.check_keys({"update_every"})
    every = _offset(reader, "update_every")
    if every.months < 1 or every.weeks or every.days or every.working_days:
        raise reader.fail("update_every", "must be a whole number of months, such as { months = 3 }")
    return every
