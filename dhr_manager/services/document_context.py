"""What a Word template is filled with: the case's facts, as display text, under the names in docs/templates.md.

Only pseudonyms describe the people a review is about. The one exception is the family letter, which goes to a
named relative and is marked as containing personal data; its `family` fields are filled for that letter only.
Recommendations and actions come from the case's action plan, in number order.
"""

from datetime import date
from typing import Any

from dhr_manager.documents.templates import KINDS
from dhr_manager.domain.actions import number_order
from dhr_manager.domain.agencies import AgencyView, agency_key
from dhr_manager.domain.cases import PersonRole, PersonView
from dhr_manager.domain.chronology import ChronologyEntry
from dhr_manager.domain.events import Event, EventKind
from dhr_manager.domain.workflow import AgencyState
from dhr_manager.services import actions, agencies, cases, chronology, people, workflow
from dhr_manager.services.actions import ActionView
from dhr_manager.storage.workspace import UnlockedWorkspace

MARKING = "OFFICIAL-SENSITIVE"

# The key lines of enquiry most terms of reference carry (domain brief section 4); the panel edits them in Word.
LINES_OF_ENQUIRY = (
    "Risk assessment, risk management and referral to MARAC",
    "Information sharing between agencies",
    "Barriers the victim faced in seeking help",
    "Equality and diversity, and the protected characteristics of those involved",
)


def long_date(day: date | None) -> str:
    """3 April 2025: how UK letters and reports write a date."""
    return f"{day.day} {day:%B %Y}" if day else ""


def version_label(number: int) -> str:
    return f"v0.{number}"


def _last(events: list[Event], kind: EventKind) -> Event | None:
    found = [e for e in events if e.kind is kind]
    return found[-1] if found else None


def _on(event: Event | None) -> str:
    return long_date(event.on) if event else ""


def _detail_date(event: Event | None, key: str) -> str:
    value = event.details.get(key) if event else None
    return long_date(date.fromisoformat(value)) if value else ""


def _chronology_row(entry: ChronologyEntry, outside: set[str]) -> dict[str, Any]:
    return {"date": entry.when.text(), "time": entry.at.strftime("%H:%M") if entry.at else "",
            "agency": entry.agency, "source": entry.source, "event": entry.event, "action": entry.action,
            "comments": entry.comments, "key_event": entry.key_event, "approximate": entry.when.approximate,
            "out_of_scope": entry.id in outside}


def _agency_row(state: AgencyState, entry: AgencyView | None, due: date | None) -> dict[str, str]:
    return {"name": state.name, "type": entry.kind.value if entry else "",
            "contact": (entry.contact or "") if entry else "", "scoped_on": long_date(state.scoped_on),
            "requested_on": long_date(state.requested_on), "due_on": long_date(due),
            "returned_on": long_date(state.returned_on), "return_kind": state.return_kind or ""}


def _action_row(action: ActionView) -> dict[str, str]:
    """One row of the Home Office action plan table. Lead officers are not printed: the plan names agencies."""
    completion = f"Completed {long_date(action.completed_on)}: {action.outcome or ''}".rstrip(": ") \
        if action.completed_on else ""
    return {"recommendation": str(action.recommendation_number), "scope": action.scope.value,
            "action": action.action, "lead_agency": action.lead_agency, "milestones": action.milestones or "",
            "target_date": long_date(action.target_date), "completion": completion}


def _pseudonym(people_on_case: list[PersonView], role: PersonRole) -> str:
    return next((p.pseudonym for p in people_on_case if p.role is role), "")


def build_context(ws: UnlockedWorkspace, reference: str, kind: str, version: int, today: date) -> dict[str, Any]:
    """Everything the `kind` template may use, read through the services (so their permission checks apply)."""
    case = cases.show_case(ws, reference)
    flow = workflow.workflow(ws, reference, today)
    events = flow.events
    register = {agency_key(a.name): a for a in agencies.list_agencies(ws)}
    combined = chronology.list_chronology(ws, reference)
    plan = actions.list_recommendations(ws, reference)
    decision, tor = _last(events, EventKind.DECISION), _last(events, EventKind.TOR_AGREED)
    chair = _last(events, EventKind.CHAIR_APPOINTED)
    held = [e.on for e in events if e.kind is EventKind.PANEL_MEETING]
    meetings = [{"number": str(n), "date": long_date(on)} for n, on in enumerate(held, start=1)]
    upcoming = [m for m, on in zip(meetings, held, strict=True) if on >= today]
    due = {d.anchor.agency_key: d.due for d in flow.deadlines if d.clock.per_agency and d.anchor and d.anchor.agency}
    agency_rows = [_agency_row(state, register.get(agency_key(state.name)), due.get(agency_key(state.name)))
                   for state in flow.agencies]
    chair_name = (chair.details.get("name") or "") if chair else ""
    panel = [{"name": chair_name, "agency": "Independent", "role": "Independent chair"}] if chair_name else []
    panel += [{"name": row["contact"], "agency": row["name"], "role": "Panel member"} for row in agency_rows]
    rows = [_chronology_row(e, combined.outside) for e in combined.entries]
    context: dict[str, Any] = {
        "marking": MARKING,
        "today": long_date(today),
        "document": {"title": KINDS[kind].title, "kind": kind, "version": version_label(version),
                     "generated_on": long_date(today), "generated_by": ws.user.name},
        "case": {
            "reference": case.reference, "area": case.area, "stage": case.stage.value,
            "notified_on": long_date(case.notified), "date_of_death": long_date(case.date_of_death),
            "decision": {"hold": "to hold a review", "not-hold": "not to hold a review"}.get(
                decision.outcome or "", "") if decision else "",
            "decision_on": _on(decision), "home_office_notified_on": _on(_last(events, EventKind.HOME_OFFICE_NOTIFIED)),
            "scoping_from": _detail_date(tor, "scope_from"), "scoping_to": _detail_date(tor, "scope_to"),
            "profile": flow.profile,
        },
        "victim": {"pseudonym": _pseudonym(case.people, PersonRole.VICTIM)},
        "perpetrator": {"pseudonym": _pseudonym(case.people, PersonRole.PERPETRATOR)},
        "subjects": [{"role": p.role.value, "pseudonym": p.pseudonym} for p in case.people],
        "chair": {"name": chair_name},
        "agencies": agency_rows,
        "panel": panel,
        "meetings": meetings,
        "next_meeting": upcoming[0] if upcoming else {"number": str(len(meetings) + 1), "date": ""},
        "terms_of_reference": {"agreed_on": _on(tor), "lines_of_enquiry": list(LINES_OF_ENQUIRY)},
        "chronology": rows,
        "key_events": [row for row in rows if row["key_event"]],
        "recommendations": [{"number": str(r.number), "text": r.text, "scope": r.scope.value,
                             "agency": r.agency or ""} for r in plan],
        "actions": [_action_row(a) for a in sorted(actions.list_actions(ws, reference, today=today),
                                                   key=lambda a: number_order(a.number))],
        "family": {"name": "", "address": ""},
    }
    if KINDS[kind].personal_data and kind == "family-letter":
        relative = next((p for p in people.list_people(ws, reference) if p.role is PersonRole.FAMILY), None)
        if relative is not None:
            context["family"] = {"name": relative.name, "address": relative.address or ""}
    return context
