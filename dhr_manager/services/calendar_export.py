"""Every open deadline, task and action as an iCalendar file (RFC 5545), for the calendar the team already uses.

Each deadline and task becomes an all-day event on its due date, each open action one on its target date. Its UID
is made from the deadline's, task's or action's own id, so importing a newer export into Outlook, Google or Apple
Calendar updates the events already there instead of adding copies; SEQUENCE grows with the time of the export, so
the newer file always wins.

A calendar is shared far more loosely than a case file (phones, delegates, "free/busy"), so an entry carries only
the case reference, the victim's pseudonym, agency names and the profile's own words. Agency names and task titles
are typed by people, so every text is checked against the real names, addresses and dates of birth held on its
case, with the disclosure check's rules; a text that contains one is replaced by neutral words.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event
from sqlalchemy import select

from dhr_manager import __version__
from dhr_manager.documents.disclosure import TextScanner
from dhr_manager.domain.cases import UNREADABLE, PersonRole, PersonView, Status
from dhr_manager.domain.roles import Permission
from dhr_manager.domain.workflow import Deadline, DeadlineStatus, deadlines
from dhr_manager.services.actions import ActionView, list_actions
from dhr_manager.services.case_access import find_case, readable_case_ids
from dhr_manager.services.drafts import disclosure_terms
from dhr_manager.services.tasks import TaskView, list_tasks
from dhr_manager.services.workflow import case_profile, load_all_facts
from dhr_manager.storage.schema import CaseRow, PersonRow
from dhr_manager.storage.workspace import UnitOfWork, UnlockedWorkspace

PRODID = f"-//DHR Manager//DHR Manager {__version__}//EN"
UID_DOMAIN = "dhr-manager"
_SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_LIVE = (Status.OPEN, Status.PAUSED)


@dataclass(frozen=True)
class CalendarExport:
    data: bytes
    events: int


@dataclass(frozen=True)
class _Case:
    """What an entry may say about its case, and the check for the real details it must not say."""

    id: str
    reference: str
    pseudonym: str | None
    scanner: TextScanner

    def safe(self, text: str, instead: str) -> str:
        return instead if self.scanner.labels_in(text) else text

    @property
    def title(self) -> str:
        return f"{self.reference} ({self.pseudonym})" if self.pseudonym else self.reference


def export_calendar(ws: UnlockedWorkspace, reference: str | None = None, today: date | None = None) -> bytes:
    """The .ics file of every open deadline and task of the live cases the user may read (or of one case), and of
    every open action with a target date."""
    return make_calendar(ws, reference, today).data


def make_calendar(ws: UnlockedWorkspace, reference: str | None = None, today: date | None = None,
                  now: datetime | None = None) -> CalendarExport:
    """As `export_calendar`, with the number of events written; `now` fixes the time stamps for tests."""
    ws.require(Permission.READ_ASSIGNED_CASES)
    today = today or date.today()
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"DHR deadlines — {reference}" if reference else "DHR deadlines")
    # Open actions are chased until complete, even on a closed case; deadlines and tasks only on live ones.
    actions = [a for a in list_actions(ws, reference, open_only=True, today=today) if a.target_date is not None]
    with ws.unit_of_work() as uow:
        cases = _readable_cases(ws, uow, reference)
        live = [case for case in cases if Status(case.status) in _LIVE]
        infos = _case_infos(uow, [case for case in cases if case in live or case.id in {a.case_id for a in actions}])
        all_facts = load_all_facts(uow, live)
        open_deadlines = [(infos[case.id], item) for case in live
                          for item in deadlines(case_profile(uow, case), all_facts[case.id], today)
                          if item.status is not DeadlineStatus.MET]
    live_references = {infos[case.id].reference: infos[case.id] for case in live}
    tasks = [(live_references[task.case], task) for task in list_tasks(ws, case_reference=reference, today=today)
             if task.case in live_references]
    count = 0
    for event in (*(_deadline_event(info, item, today) for info, item in open_deadlines),
                  *(_task_event(info, task) for info, task in tasks),
                  *(_action_event(infos[action.case_id], action) for action in actions)):
        _stamp(event, now)
        calendar.add_component(event)
        count += 1
    return CalendarExport(calendar.to_ical(), count)


def _readable_cases(ws: UnlockedWorkspace, uow: UnitOfWork, reference: str | None) -> list[CaseRow]:
    if reference is not None:
        return [find_case(ws, uow, reference)]
    allowed = readable_case_ids(ws, uow)
    return [c for c in uow.session.scalars(select(CaseRow)) if allowed is None or c.id in allowed]


def _case_infos(uow: UnitOfWork, cases: list[CaseRow]) -> dict[str, _Case]:
    people: dict[str, list[PersonView]] = {case.id: [] for case in cases}
    for row in uow.session.scalars(select(PersonRow).where(PersonRow.case_id.in_(people))):
        flags: list[str] = []
        people[row.case_id].append(PersonView(
            row.id, PersonRole(row.role), uow.sealer.get_or_flag(row, "pseudonym", flags) or UNREADABLE,
            uow.sealer.get_or_flag(row, "name", flags) or "", uow.sealer.get_or_flag(row, "date_of_birth", flags),
            uow.sealer.get_or_flag(row, "address", flags)))
    infos = {}
    for case in cases:
        found = people[case.id]
        scanner = TextScanner(disclosure_terms([p for p in found if p.name]))
        victim = next((p.pseudonym for p in found if p.role is PersonRole.VICTIM), None)
        # A pseudonym is what drafts show, but one that repeats a real name (someone else's) must not go out either.
        pseudonym = victim if victim and victim != UNREADABLE and not scanner.labels_in(victim) else None
        infos[case.id] = _Case(case.id, uow.sealer.get(case, "reference"), pseudonym, scanner)
    return infos


def deadline_uid(case_id: str, deadline_id: str) -> str:
    """The deadline's id names its agency; hashed, so the UID (which calendars show to anyone who looks) does not."""
    digest = hashlib.sha256(f"{case_id}|{deadline_id}".encode()).hexdigest()[:20]
    return f"deadline-{digest}@{UID_DOMAIN}"


def task_uid(task_id: str) -> str:
    return f"task-{task_id}@{UID_DOMAIN}"


def _all_day(uid: str, due: date, summary: str, description: str, category: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstart", due)
    event.add("dtend", due + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("categories", [category])
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    event.add("class", "PRIVATE")
    return event


def _stamp(event: Event, now: datetime) -> None:
    event.add("dtstamp", now)
    event.add("last-modified", now)
    event.add("sequence", int((now - _SEQUENCE_EPOCH).total_seconds()) // 60)


def _deadline_event(case: _Case, item: Deadline, today: date) -> Event:
    name = item.label
    if item.clock.per_agency and item.anchor is not None and item.anchor.agency:
        name = f"{name}: {case.safe(item.anchor.agency, 'an agency')}"
    name = case.safe(name, "a deadline (see the case in DHR Manager)")
    if item.status is DeadlineStatus.PAUSED:
        state = "The case is paused: its clocks have stopped, and this date moves later until it resumes."
    elif item.due < today:
        state = f"Overdue since {item.due.isoformat()}."
    else:
        state = f"Due on {item.due.isoformat()}."
    basis = case.safe(item.basis, "see the case's Deadlines tab in DHR Manager")
    victim = f" (victim: {case.pseudonym})" if case.pseudonym else ""
    description = (f"Deadline on case {case.reference}{victim}.\n{state}\nHow the date was reached: {basis}.\n"
                   "From DHR Manager: references and pseudonyms only.")
    paused = " (paused)" if item.status is DeadlineStatus.PAUSED else ""
    return _all_day(deadline_uid(case.id, item.id), item.due, f"{case.title}: {name}{paused}", description,
                    "DHR deadline")


def _task_event(case: _Case, task: TaskView) -> Event:
    title = case.safe(task.title, "a task (see the case in DHR Manager)")
    victim = f" (victim: {case.pseudonym})" if case.pseudonym else ""
    description = (f"Task {task.id} on case {case.reference}{victim}, for the {task.role.value}.\n"
                   f"Mark it done in DHR Manager, or: dhr-manager task done {task.id}\n"
                   "From DHR Manager: references and pseudonyms only.")
    return _all_day(task_uid(task.id), task.due, f"{case.title}: {title}", description, "DHR task")


def action_uid(action_id: str) -> str:
    return f"action-{action_id}@{UID_DOMAIN}"


def _action_event(case: _Case, action: ActionView) -> Event:
    """An open action on its target date. The action's own words and its lead officer are left out: they are
    free text and a person's name; the number and the lead agency are enough to chase it."""
    assert action.target_date is not None
    agency = case.safe(action.lead_agency, "the lead agency")
    victim = f" (victim: {case.pseudonym})" if case.pseudonym else ""
    description = (f"Action {action.number} of the action plan of case {case.reference}{victim}: target date "
                   f"{action.target_date.isoformat()}, lead agency {agency}.\nStatus: {action.rag_words}.\n"
                   "Record progress in DHR Manager (Action plans).\n"
                   "From DHR Manager: references and pseudonyms only.")
    return _all_day(action_uid(action.id), action.target_date,
                    f"{case.title}: action {action.number} target date ({agency})", description, "DHR action")
