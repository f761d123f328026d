"""The events a coordinator records on a case, and the checks each one must pass before it is written.

The CLI names (`decision`, `agency-request`, ...) are part of the command-line contract.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Any

from dhr_manager.domain.agencies import agency_key
from dhr_manager.errors import InputError


class EventKind(StrEnum):
    REFERRAL = "referral"
    DECISION = "decision"
    HOME_OFFICE_NOTIFIED = "home-office-notified"
    WELSH_GOVERNMENT_NOTIFIED = "welsh-government-notified"
    CHAIR_APPOINTED = "chair-appointed"
    PANEL_MEETING = "panel-meeting"
    TOR_AGREED = "tor-agreed"
    AGENCY_SCOPED = "agency-scoped"
    AGENCY_REQUEST = "agency-request"
    AGENCY_RETURN = "agency-return"
    LEARNING_EVENT = "learning-event"
    DRAFT_CIRCULATED = "draft-circulated"
    FAMILY_SHARED = "family-shared"
    CSP_SIGNOFF = "csp-signoff"
    QA_SUBMITTED = "qa-submitted"
    QA_FEEDBACK = "qa-feedback"
    FAMILY_FINAL_REPORT = "family-final-report"  # the family saw the final report before publication
    PUBLISHED = "published"
    DAC_COPY = "dac-copy"
    # Recorded by the application itself when a case advances; never typed by a user.
    STAGE_ENTERED = "stage-entered"


# Events about one agency: their tasks and clocks repeat per agency.
PER_AGENCY = frozenset({EventKind.AGENCY_SCOPED, EventKind.AGENCY_REQUEST, EventKind.AGENCY_RETURN})
# Events that happen many times in a review: their tasks repeat per occurrence.
REPEATABLE = frozenset({EventKind.PANEL_MEETING, EventKind.DRAFT_CIRCULATED, EventKind.QA_SUBMITTED,
                        EventKind.QA_FEEDBACK, EventKind.LEARNING_EVENT, EventKind.STAGE_ENTERED})

DECISION_OUTCOMES = ("hold", "not-hold")
QA_OUTCOMES = ("approved", "resubmit")
RETURN_KINDS = ("return", "nil", "declined")


@dataclass(frozen=True)
class Event:
    """One recorded event, decrypted. `details` holds the kind's own fields (outcome, agency, due...)."""

    id: str
    kind: EventKind
    on: date
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def agency(self) -> str | None:
        return self.details.get("agency")

    @cached_property
    def agency_key(self) -> str | None:
        """The agency name as compared: case and spacing do not make a different agency."""
        agency = self.details.get("agency")
        return agency_key(agency) if agency else None

    @property
    def outcome(self) -> str | None:
        return self.details.get("outcome")

    @cached_property
    def due(self) -> date | None:
        due = self.details.get("due")
        return date.fromisoformat(due) if due else None


def parse_event_kind(text: str) -> EventKind:
    try:
        kind = EventKind(text.strip().lower())
    except ValueError:
        kind = None
    if kind is None or kind is EventKind.STAGE_ENTERED:
        choices = ", ".join(k.value for k in EventKind if k is not EventKind.STAGE_ENTERED)
        raise InputError(f"'{text}' is not an event; choose one of {choices}.")
    return kind


def validate_event(kind: EventKind, on: date, details: dict[str, Any], notified: date, today: date,
                   earlier: list[Event]) -> None:
    """Refuse an event that cannot have happened, before anything is written.

    `earlier` is every event already on the case: an agency's return needs its request first, QA
    feedback needs a submission, and the same agency cannot be asked twice on one day.
    """
    if on > today:
        raise InputError(f"The date {on.isoformat()} is later than today; record events once they happen.")
    if on < notified:
        raise InputError(f"The date {on.isoformat()} is before the CSP was notified ({notified.isoformat()}).")
    required = {
        EventKind.DECISION: ("outcome", "rationale"),
        EventKind.CHAIR_APPOINTED: ("name",),
        EventKind.TOR_AGREED: ("scope_from", "scope_to"),
        EventKind.AGENCY_SCOPED: ("agency",),
        EventKind.AGENCY_REQUEST: ("agency",),
        EventKind.AGENCY_RETURN: ("agency",),
        EventKind.DRAFT_CIRCULATED: ("version",),
        EventKind.QA_FEEDBACK: ("outcome",),
    }.get(kind, ())
    missing = [name for name in required if not details.get(name)]
    if missing:
        names = ", ".join("--" + name.replace("_", "-") for name in missing)
        raise InputError(f"A {kind.value} event needs {names}.")
    if kind is EventKind.DECISION and details["outcome"] not in DECISION_OUTCOMES:
        raise InputError("The decision outcome must be hold or not-hold.")
    if kind is EventKind.QA_FEEDBACK:
        if details["outcome"] not in QA_OUTCOMES:
            raise InputError("The Home Office feedback outcome must be approved or resubmit.")
        if not any(e.kind is EventKind.QA_SUBMITTED and e.on <= on for e in earlier):
            raise InputError("Record the submission to the Home Office (qa-submitted) before its feedback.")
    if kind is EventKind.PUBLISHED and (blocked := publication_blocked(earlier, on)):
        raise InputError(blocked)
    if kind is EventKind.TOR_AGREED:
        start, end = date.fromisoformat(details["scope_from"]), date.fromisoformat(details["scope_to"])
        if start > end:
            raise InputError("The scoping period must start before it ends.")
    if kind is EventKind.AGENCY_REQUEST and details.get("due") and date.fromisoformat(details["due"]) <= on:
        raise InputError("An agency's due date must be after the date of the request.")
    if kind is EventKind.AGENCY_RETURN:
        if details.get("return_kind", "return") not in RETURN_KINDS:
            raise InputError("An agency return is a return, a nil return or declined.")
        asked = [e for e in earlier if e.kind is EventKind.AGENCY_REQUEST
                 and agency_key(e.agency or "") == agency_key(details["agency"])]
        if not asked:
            raise InputError(f"No request to {details['agency']} is recorded; record the agency-request first.")
        if all(e.on > on for e in asked):
            raise InputError(f"{details['agency']} cannot have returned before it was asked.")


def publication_blocked(events: list[Event], on: date, paused: bool = False, reference: str = "The case") -> str | None:
    """Why the report cannot be published on `on`, or None when it can: the guidance forbids publication while
    parallel proceedings run (the case is paused) and before the Home Office panel has approved the report."""
    if paused:
        return (f"{reference} is paused for parallel proceedings; it cannot be published until they end "
                "and the case resumes.")
    if not any(e.kind is EventKind.QA_FEEDBACK and e.outcome == "approved" and e.on <= on for e in events):
        return ("A report can only be published after the Home Office panel has approved it: record the panel's "
                "feedback with the outcome 'approved' first.")
    return None


def same_agency(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and agency_key(a) == agency_key(b)
