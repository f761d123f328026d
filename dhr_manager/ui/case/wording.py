"""The words the case workspace uses for events and deadlines, in one place for translation.

Deadlines are coloured as well as worded (red overdue, amber within a week); the words always carry the meaning.
"""

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from dhr_manager.domain.events import Event, EventKind
from dhr_manager.domain.workflow import Deadline, DeadlineStatus
from dhr_manager.ui.models.task_table_model import OVERDUE_RED
from dhr_manager.ui.words import day_text, days_left_text

# Dark enough to read on a light background; lighter ambers fail contrast.
SOON_AMBER = QColor(140, 80, 0)
SOON_DAYS = 7


def _tr(text: str) -> str:
    return QCoreApplication.translate("case", text)


def event_name(kind: EventKind) -> str:
    return {
        EventKind.REFERRAL: _tr("Referral received"),
        EventKind.DECISION: _tr("Decision"),
        EventKind.HOME_OFFICE_NOTIFIED: _tr("Home Office notified"),
        EventKind.WELSH_GOVERNMENT_NOTIFIED: _tr("Welsh Government notified"),
        EventKind.CHAIR_APPOINTED: _tr("Independent chair appointed"),
        EventKind.PANEL_MEETING: _tr("Panel meeting"),
        EventKind.TOR_AGREED: _tr("Terms of reference agreed"),
        EventKind.AGENCY_SCOPED: _tr("Agency in scope"),
        EventKind.AGENCY_REQUEST: _tr("Agency request"),
        EventKind.AGENCY_RETURN: _tr("Agency return"),
        EventKind.LEARNING_EVENT: _tr("Practitioner learning event"),
        EventKind.DRAFT_CIRCULATED: _tr("Draft circulated"),
        EventKind.FAMILY_SHARED: _tr("Draft shared with the family"),
        EventKind.CSP_SIGNOFF: _tr("CSP sign-off"),
        EventKind.QA_SUBMITTED: _tr("Submitted to the Home Office"),
        EventKind.QA_FEEDBACK: _tr("Home Office feedback"),
        EventKind.FAMILY_FINAL_REPORT: _tr("Family saw the final report"),
        EventKind.PUBLISHED: _tr("Report published"),
        EventKind.DAC_COPY: _tr("Copy sent to the Domestic Abuse Commissioner"),
        EventKind.STAGE_ENTERED: _tr("Stage entered"),
    }[kind]


def decision_words() -> dict[str, str]:
    return {"hold": _tr("Hold a review"), "not-hold": _tr("Do not hold a review")}


def feedback_words() -> dict[str, str]:
    return {"approved": _tr("Approved"), "resubmit": _tr("Amend and resubmit")}


def return_words() -> dict[str, str]:
    return {"return": _tr("returned"), "nil": _tr("nil return"), "declined": _tr("declined")}


def _iso_day(text: str | None) -> str:
    return day_text(date.fromisoformat(text)) if text else ""


def event_details(event: Event) -> str:
    """What was recorded with an event, in words: "Hold a review — Criteria met", "Harbour Housing, due …"."""
    d = event.details
    match event.kind:
        case EventKind.DECISION:
            return _tr("{outcome} — {reasons}").format(outcome=decision_words().get(d.get("outcome", ""), ""),
                                                       reasons=d.get("rationale", ""))
        case EventKind.CHAIR_APPOINTED:
            return d.get("name", "")
        case EventKind.TOR_AGREED:
            return _tr("Scoping period {start} to {end}").format(start=_iso_day(d.get("scope_from")),
                                                                 end=_iso_day(d.get("scope_to")))
        case EventKind.AGENCY_SCOPED:
            return event.agency or ""
        case EventKind.AGENCY_REQUEST:
            return _tr("{agency}, due {due}").format(agency=event.agency, due=day_text(event.due))
        case EventKind.AGENCY_RETURN:
            sent = return_words()[d.get("return_kind", "return")]
            return _tr("{agency}, {sent}").format(agency=event.agency, sent=sent)
        case EventKind.DRAFT_CIRCULATED:
            return _tr("Version {version}").format(version=d.get("version", ""))
        case EventKind.QA_FEEDBACK:
            return feedback_words().get(d.get("outcome", ""), "")
    return ""


def deadline_name(deadline: Deadline) -> str:
    """The profile's label, naming the agency for a per-agency deadline."""
    if deadline.clock.per_agency and deadline.anchor is not None:
        return _tr("{deadline}: {agency}").format(deadline=deadline.label, agency=deadline.anchor.agency)
    return deadline.label


def deadline_state(deadline: Deadline, today: date) -> str:
    """Met on …, Due in N days, N days overdue, or Paused."""
    if deadline.status is DeadlineStatus.MET:
        return _tr("Met on {day}").format(day=day_text(deadline.met_on))
    if deadline.status is DeadlineStatus.PAUSED:
        return _tr("Paused")
    words = days_left_text(deadline.due, today)
    return words[:1].upper() + words[1:]


def deadline_colour(deadline: Deadline, today: date) -> QColor | None:
    """Red once overdue, amber within a week; nothing for met or paused deadlines."""
    if deadline.status not in (DeadlineStatus.DUE, DeadlineStatus.OVERDUE):
        return None
    days = deadline.days_left(today)
    if days < 0:
        return OVERDUE_RED
    return SOON_AMBER if days <= SOON_DAYS else None
