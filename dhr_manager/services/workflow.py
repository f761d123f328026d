"""Moving a case through its process: recording events, advancing stages, pausing, and what is due."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from dhr_manager.domain.cases import Stage, Status
from dhr_manager.domain.events import Event, EventKind, publication_blocked, validate_event
from dhr_manager.domain.process import NOTIFIED, GateItem, Profile
from dhr_manager.domain.roles import Permission
from dhr_manager.domain.workflow import (
    AgencyState,
    CaseFacts,
    Deadline,
    Pause,
    agencies,
    deadlines,
    decided_not_to_hold,
    gate_missing,
    next_deadline,
)
from dhr_manager.errors import InputError
from dhr_manager.services.agencies import register as register_agency
from dhr_manager.services.case_access import find_case
from dhr_manager.services.profiles import kept_profile
from dhr_manager.storage.schema import CaseRow, EventRow, PauseRow
from dhr_manager.storage.workspace import UnitOfWork, UnlockedWorkspace

PAUSE_REASONS = {
    "criminal-trial": "criminal trial",
    "inquest": "inquest",
    "iopc": "IOPC or police misconduct investigation",
    "family": "family request",
    "other": "other parallel proceedings",
}


class GateNotMet(InputError):
    """The case cannot leave its stage; `missing` lists each item in the profile's words."""

    def __init__(self, reference: str, stage: Stage, missing: list[str]) -> None:
        self.headline = f"{reference} cannot leave the {stage.value.replace('_', ' ')} stage yet"
        super().__init__(f"{self.headline}; still missing: " + "; ".join(missing) + ".")
        self.missing = missing


def load_facts(uow: UnitOfWork, case: CaseRow) -> CaseFacts:
    """Decrypt a case's events and pauses into the facts the rules work on."""
    return load_all_facts(uow, [case])[case.id]


def load_all_facts(uow: UnitOfWork, cases: list[CaseRow]) -> dict[str, CaseFacts]:
    """The facts of many cases with two queries in all, not two per case (the dashboard reads every case)."""
    events: dict[str, list[Event]] = {case.id: [] for case in cases}
    pauses: dict[str, list[Pause]] = {case.id: [] for case in cases}
    for row in uow.session.scalars(select(EventRow).where(EventRow.case_id.in_(events))):
        events[row.case_id].append(Event(row.id, EventKind(row.kind), uow.sealer.get(row, "occurred_on"),
                                         uow.sealer.get(row, "details")))
    for row in uow.session.scalars(select(PauseRow).where(PauseRow.case_id.in_(pauses))):
        pauses[row.case_id].append(Pause(uow.sealer.get(row, "reason"), uow.sealer.get(row, "starts_on"),
                                         uow.sealer.get(row, "ends_on")))
    return {case.id: CaseFacts(case.id, uow.sealer.get(case, "notified_on"), tuple(events[case.id]),
                               tuple(sorted(pauses[case.id], key=lambda p: p.start))) for case in cases}


def case_profile(uow: UnitOfWork, case: CaseRow) -> Profile:
    return kept_profile(uow.session, case.profile_id, case.profile_version)


def _require_not_closed(case: CaseRow, reference: str) -> None:
    if case.status in (Status.CLOSED.value, Status.NOT_PROCEEDING.value):
        raise InputError(f"{reference} is closed; nothing more can be recorded on it.")


def add_event(uow: UnitOfWork, case: CaseRow, kind: EventKind, on: date, details: dict[str, Any]) -> EventRow:
    """Write one already-checked event and its audit entry inside the caller's unit of work."""
    row = EventRow(case_id=case.id, kind=kind.value, recorded_by=uow.user.id)
    uow.sealer.put(row, "occurred_on", on)
    uow.sealer.put(row, "details", details)
    uow.session.add(row)
    uow.record(f"event.{kind.value}", "events", row.id, case.id)
    return row


def record_event(ws: UnlockedWorkspace, reference: str, kind: EventKind, on: date,
                 details: dict[str, Any] | None = None, today: date | None = None) -> Event:
    """Record what happened on a case. An impossible event is refused before anything is written.

    An agency request without a due date gets the profile's default. A decision not to hold a review closes
    the case as not proceeding once the Home Office has been told.
    """
    ws.require(Permission.EDIT_CASES)
    details = {k: v for k, v in (details or {}).items() if v not in (None, "")}
    for key in ("agency", "name", "rationale", "version"):
        if key in details:
            details[key] = " ".join(str(details[key]).split())
    today = today or date.today()
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        ref = uow.sealer.get(case, "reference")
        _require_not_closed(case, ref)
        if "agency" in details:
            details["agency"] = register_agency(ws, uow, details["agency"])
        facts = load_facts(uow, case)
        validate_event(kind, on, details, facts.notified, today, list(facts.events))
        if kind is EventKind.PUBLISHED and (blocked := publication_blocked(list(facts.events), on, facts.paused, ref)):
            raise InputError(blocked)
        if kind is EventKind.AGENCY_REQUEST:
            clock = next((c for c in case_profile(uow, case).clocks
                          if c.per_agency and c.anchor == EventKind.AGENCY_REQUEST.value), None)
            details["due_given"] = "due" in details
            if "due" not in details and clock is not None:
                details["due"] = clock.offset.apply(on).isoformat()
        row = add_event(uow, case, kind, on, details)
        event = Event(row.id, kind, on, details)
        after = CaseFacts(facts.case_id, facts.notified, (*facts.events, event), facts.pauses)
        if decided_not_to_hold(after):
            case.stage, case.status = Stage.CLOSED.value, Status.NOT_PROCEEDING.value
            uow.record("case.close-not-proceeding", "cases", case.id, case.id)
    return event


def advance(ws: UnlockedWorkspace, reference: str, on: date | None = None, today: date | None = None) -> Stage:
    """Move the case to its next stage if the gate is met; otherwise say exactly what is missing."""
    ws.require(Permission.EDIT_CASES)
    today = today or date.today()
    on = on or today
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        ref = uow.sealer.get(case, "reference")
        if case.status in (Status.CLOSED.value, Status.NOT_PROCEEDING.value) or case.stage == Stage.CLOSED.value:
            raise InputError(f"{ref} is closed and cannot advance.")
        facts = load_facts(uow, case)
        if on > today or on < facts.notified:
            raise InputError(f"The date {on.isoformat()} must be between the notification and today.")
        profile = case_profile(uow, case)
        stage = Stage(case.stage)
        missing = gate_missing(profile, stage, facts)
        if missing:
            raise GateNotMet(ref, stage, missing)
        following = profile.next_stage(stage)
        add_event(uow, case, EventKind.STAGE_ENTERED, on, {"stage": following.value, "from": stage.value})
        case.stage = following.value
        if following is Stage.CLOSED:
            case.status = Status.CLOSED.value
        uow.record("case.advance", "cases", case.id, case.id)
    return following


def parse_pause_reason(text: str) -> str:
    reason = text.strip().lower()
    if reason not in PAUSE_REASONS:
        raise InputError(f"'{text}' is not a pause reason; choose one of {', '.join(PAUSE_REASONS)}.")
    return reason


def pause(ws: UnlockedWorkspace, reference: str, reason: str, start: date, today: date | None = None) -> None:
    """Pause for parallel proceedings: the clocks stop until the case resumes."""
    ws.require(Permission.EDIT_CASES)
    reason = parse_pause_reason(reason)
    today = today or date.today()
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        ref = uow.sealer.get(case, "reference")
        _require_not_closed(case, ref)
        facts = load_facts(uow, case)
        if facts.paused:
            raise InputError(f"{ref} is already paused.")
        if start > today or start < facts.notified:
            raise InputError(f"A pause must start between the notification ({facts.notified.isoformat()}) "
                             "and today.")
        last_end = max((p.end for p in facts.pauses if p.end), default=None)
        if last_end and start < last_end:
            raise InputError(f"The previous pause ended on {last_end.isoformat()}; a new one cannot start before.")
        row = PauseRow(case_id=case.id)
        for column, value in (("reason", reason), ("starts_on", start), ("ends_on", None)):
            uow.sealer.put(row, column, value)
        uow.session.add(row)
        case.status = Status.PAUSED.value
        uow.record("case.pause", "pauses", row.id, case.id)


def resume(ws: UnlockedWorkspace, reference: str, on: date, today: date | None = None) -> int:
    """End the pause; every open deadline moves by the days paused. Returns that number of days."""
    ws.require(Permission.EDIT_CASES)
    today = today or date.today()
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        ref = uow.sealer.get(case, "reference")
        rows = [r for r in uow.session.scalars(select(PauseRow).where(PauseRow.case_id == case.id))
                if uow.sealer.get(r, "ends_on") is None]
        if not rows:
            raise InputError(f"{ref} is not paused.")
        start = uow.sealer.get(rows[0], "starts_on")
        if on < start or on > today:
            raise InputError(f"The case must resume between the start of the pause ({start.isoformat()}) and today.")
        uow.sealer.put(rows[0], "ends_on", on)
        case.status = Status.OPEN.value
        uow.record("case.resume", "pauses", rows[0].id, case.id)
    return (on - start).days


@dataclass(frozen=True)
class GateCheck:
    """One item of a stage's gate and the day it was met (None while missing), so every stage shows progress."""

    stage: Stage
    label: str
    met_on: date | None


def _gate_met_on(item: GateItem, facts: CaseFacts, states: list[AgencyState]) -> date | None:
    """The day a gate item was first met; for agencies, the day the last one was asked or returned."""
    if item.event is not None:
        found = facts.of_kind(item.event, item.outcome)
        return found[0].on if found else None
    days = [s.requested_on if item.all_agencies == "requested" else s.returned_on for s in states]
    return max(d for d in days if d) if days and all(days) else None


@dataclass
class WorkflowView:
    """Where a case stands: its deadlines, agencies, and what its current stage still needs."""

    reference: str
    stage: Stage
    status: Status
    profile: str
    deadlines: list[Deadline]
    next_deadline: Deadline | None
    agencies: list[AgencyState]
    missing: list[str]
    events: list[Event] = field(default_factory=list)
    stages: list[tuple[Stage, str]] = field(default_factory=list)  # the profile's stages in order, for a stepper
    event_kinds: list[EventKind] = field(default_factory=list)  # what may be recorded on this case
    gate: list[GateCheck] = field(default_factory=list)  # every stage's gate items, in the profile's order
    pause: Pause | None = None  # the pause in force, if the case is paused


def profile_event_kinds(profile: Profile) -> list[EventKind]:
    """The events a profile gives meaning to (in gates, clocks or tasks), plus the referral every case starts
    with; other kinds would be recorded but change nothing, so forms need not offer them."""
    named = {EventKind.REFERRAL}
    named.update(item.event for stage in profile.stages for item in stage.gate if item.event is not None)
    for clock in profile.clocks:
        named.add(clock.met_by)
        if clock.anchor != NOTIFIED:
            named.add(EventKind(clock.anchor))
    named.update(kind for task in profile.tasks for kind in (task.on_event, task.closed_by) if kind is not None)
    return [kind for kind in EventKind if kind in named]


def workflow(ws: UnlockedWorkspace, reference: str, today: date | None = None) -> WorkflowView:
    ws.require(Permission.READ_ASSIGNED_CASES)
    today = today or date.today()
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        facts = load_facts(uow, case)
        profile = case_profile(uow, case)
        stage = Stage(case.stage)
        items = deadlines(profile, facts, today)
        missing = gate_missing(profile, stage, facts) if stage is not Stage.CLOSED else []
        states = agencies(facts)
        return WorkflowView(uow.sealer.get(case, "reference"), stage, Status(case.status),
                            f"{profile.id} v{profile.version}", items, next_deadline(items), states,
                            missing, [e for e in facts.ordered() if e.kind is not EventKind.STAGE_ENTERED],
                            [(s.id, s.name) for s in profile.stages], profile_event_kinds(profile),
                            [GateCheck(s.id, item.label, _gate_met_on(item, facts, states))
                             for s in profile.stages for item in s.gate],
                            next((p for p in facts.pauses if p.end is None), None))
