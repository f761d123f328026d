"""Publication of the report: the family's sight of the final report, publication, the copy to the Domestic
Abuse Commissioner, and how long the report stays online.

Each date is an event on the case (`family-final-report`, `published`, `dac-copy`), so the gates, clocks and
tasks that already run on those events see them. The keep-online-until date is kept in the `published` event's
details; it defaults to 12 months after publication. Whether publication is allowed is decided in one place,
`domain.events.publication_blocked`, which `record_event` uses too.
"""

from dataclasses import dataclass
from datetime import date

from dhr_manager.domain.calendar import add_months
from dhr_manager.domain.cases import Status
from dhr_manager.domain.events import Event, EventKind, publication_blocked, validate_event
from dhr_manager.domain.roles import Permission
from dhr_manager.errors import InputError
from dhr_manager.services.case_access import find_case
from dhr_manager.services.workflow import add_event, load_facts
from dhr_manager.storage.schema import EventRow
from dhr_manager.storage.workspace import UnlockedWorkspace

ONLINE_MONTHS = 12  # guidance: the report stays published for at least 12 months


@dataclass(frozen=True)
class PublicationView:
    family_saw_final_on: date | None
    published_on: date | None
    dac_copy_on: date | None
    online_until: date | None
    blocked_reason: str | None  # why it cannot be published today; None once published or when it can be


def _latest(events: list[Event], kind: EventKind) -> Event | None:
    found = [e for e in events if e.kind is kind]
    return max(found, key=lambda e: e.on) if found else None


def _view(events: list[Event], paused: bool, reference: str, today: date) -> PublicationView:
    family, published, dac = (_latest(events, kind) for kind in
                              (EventKind.FAMILY_FINAL_REPORT, EventKind.PUBLISHED, EventKind.DAC_COPY))
    until = None
    if published is not None:
        text = published.details.get("online_until")
        until = date.fromisoformat(text) if text else add_months(published.on, ONLINE_MONTHS)
    blocked = None if published is not None else publication_blocked(events, today, paused, reference)
    return PublicationView(family.on if family else None, published.on if published else None,
                           dac.on if dac else None, until, blocked)


def publication(ws: UnlockedWorkspace, reference: str, today: date | None = None) -> PublicationView:
    """What has been recorded about the case's publication, and why it cannot be published yet if it cannot."""
    ws.require(Permission.READ_ASSIGNED_CASES)
    today = today or date.today()
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        facts = load_facts(uow, case)
        return _view(list(facts.events), facts.paused, uow.sealer.get(case, "reference"), today)


def record_publication(ws: UnlockedWorkspace, reference: str, *, family_saw_final_on: date | None = None,
                       published_on: date | None = None, dac_copy_on: date | None = None,
                       online_until: date | None = None, today: date | None = None) -> PublicationView:
    """Record any of the publication dates in one go; all are checked before anything is written.

    Publication is refused while the case is paused for proceedings and before the Home Office panel approved
    the report. A keep-online-until date may be given with the publication or changed later."""
    ws.require(Permission.EDIT_CASES)
    today = today or date.today()
    if not any((family_saw_final_on, published_on, dac_copy_on, online_until)):
        raise InputError("Give at least one date to record.")
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        ref = uow.sealer.get(case, "reference")
        if case.status == Status.NOT_PROCEEDING.value:
            raise InputError(f"{ref} did not proceed to a review, so there is nothing to publish.")
        facts = load_facts(uow, case)
        events = list(facts.events)
        published = _latest(events, EventKind.PUBLISHED)
        if published_on is not None and published is not None:
            raise InputError(f"{ref} was already published on {published.on.isoformat()}.")
        publish_day = published_on or (published.on if published is not None else None)
        if online_until is not None:
            if publish_day is None:
                raise InputError("Record the publication date (--published) before how long it stays online.")
            if online_until <= publish_day:
                raise InputError("The report must stay online until a date after it was published.")
        written = [(kind, on) for kind, on in ((EventKind.FAMILY_FINAL_REPORT, family_saw_final_on),
                                               (EventKind.PUBLISHED, published_on),
                                               (EventKind.DAC_COPY, dac_copy_on)) if on is not None]
        for kind, on in written:  # every date is checked before any is written
            validate_event(kind, on, {}, facts.notified, today, events)
            if kind is EventKind.PUBLISHED and (blocked := publication_blocked(events, on, facts.paused, ref)):
                raise InputError(blocked)
        for kind, on in written:
            details = {"online_until": (online_until or add_months(on, ONLINE_MONTHS)).isoformat()} \
                if kind is EventKind.PUBLISHED else {}
            row = add_event(uow, case, kind, on, details)
            events.append(Event(row.id, kind, on, details))
        if online_until is not None and published_on is None:
            assert published is not None
            row = uow.session.get(EventRow, published.id)
            assert row is not None
            details = {**uow.sealer.get(row, "details"), "online_until": online_until.isoformat()}
            uow.sealer.put(row, "details", details)
            uow.record("event.published-online-until", "events", row.id, case.id)
            events = [e for e in events if e.id != row.id] + [Event(row.id, EventKind.PUBLISHED, published.on, details)]
        return _view(events, facts.paused, ref, today)
