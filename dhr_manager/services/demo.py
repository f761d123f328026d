"""A demonstration workspace: eight clearly fictional cases spread over every stage, for newcomers and
screenshots. Dates are set relative to today so that the overdue, due and paused states stay true."""

import csv
import tempfile
from datetime import date, timedelta
from pathlib import Path

from dhr_manager.domain.agencies import AgencyType
from dhr_manager.domain.cases import PersonRole
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.roles import Role
from dhr_manager.services import cases, notes, people, users
from dhr_manager.services.actions import add_action, add_recommendation, update_action
from dhr_manager.services.agencies import add_agency
from dhr_manager.services.chronology import import_chronology
from dhr_manager.services.publication import record_publication
from dhr_manager.services.tasks import complete_task, list_tasks
from dhr_manager.services.workflow import advance, pause, record_event
from dhr_manager.storage.crypto import KdfParams
from dhr_manager.storage.workspace import UnlockedWorkspace, Workspace

DEMO_PASSPHRASE = "demo passphrase not for real cases"
DEMO_USERS = (("Demo Administrator", Role.ADMINISTRATOR), ("Demo Coordinator", Role.COORDINATOR),
              ("Demo Chair", Role.CHAIR))
# The register, with fictional contacts: (name, type, contact).
REGISTER = (
    ("Northshire Police", AgencyType.POLICE, "DI Example Officer, Public Protection Unit"),
    ("Northshire ICB", AgencyType.HEALTH, "Named Nurse for Safeguarding Adults (fictional)"),
    ("Adult Social Care", AgencyType.ADULT_SOCIAL_CARE, "Principal Social Worker (fictional)"),
    ("Probation Service", AgencyType.PROBATION, "Head of Public Protection (fictional)"),
    ("Harbour Housing", AgencyType.HOUSING, "Tenancy Services Manager (fictional)"),
    ("Safe Haven Domestic Abuse Service", AgencyType.DOMESTIC_ABUSE_SERVICE, "Service Manager (fictional)"),
)
AGENCIES = tuple(name for name, _kind, _contact in REGISTER)


class _Case:
    """Writes one demo case's history, each event `n` days after the notification."""

    def __init__(self, ws: UnlockedWorkspace, ref: str, area: str, notified: date, today: date,
                 victim: tuple[str, str], perpetrator: tuple[str, str]) -> None:
        self.ws, self.ref, self.notified, self.today = ws, ref, notified, today
        cases.create_case(ws, ref, area, notified, notified - timedelta(days=9), today=today)
        people.add_person(ws, ref, PersonRole.VICTIM, victim[0], victim[1], date(1984, 3, 14),
                          "1 Example Street, Fictiontown", today=today)
        people.add_person(ws, ref, PersonRole.PERPETRATOR, perpetrator[0], perpetrator[1], today=today)

    def day(self, n: int) -> date:
        return self.notified + timedelta(days=n)

    def event(self, kind: EventKind, n: int, **details: str) -> "_Case":
        record_event(self.ws, self.ref, kind, self.day(n), details, today=self.today)
        return self

    def advance(self, n: int) -> "_Case":
        advance(self.ws, self.ref, self.day(n), today=self.today)
        return self

    def held(self, chair: str = "Dr Fictional Chair") -> "_Case":
        """Decision to hold, Home Office told, into the panel stage with a chair and agencies asked."""
        self.event(EventKind.REFERRAL, 0)
        self.event(EventKind.DECISION, 20, outcome="hold", rationale="The death meets the criteria for a review.")
        self.event(EventKind.HOME_OFFICE_NOTIFIED, 24).advance(24)
        self.event(EventKind.CHAIR_APPOINTED, 40, name=chair).event(EventKind.PANEL_MEETING, 55)
        self.event(EventKind.TOR_AGREED, 55, scope_from=self.day(-5 * 365).isoformat(),
                   scope_to=self.day(-9).isoformat())
        for agency in AGENCIES:
            self.event(EventKind.AGENCY_REQUEST, 60, agency=agency)
        return self.advance(60)

    def returned(self, n: int, agencies: tuple[str, ...] = AGENCIES) -> "_Case":
        for agency in agencies:
            self.event(EventKind.AGENCY_RETURN, n, agency=agency)
        return self


def _demo_cases(ws: UnlockedWorkspace, today: date) -> None:
    def case(ref: str, area: str, days_ago: int, victim: tuple[str, str], perpetrator: tuple[str, str]) -> _Case:
        return _Case(ws, ref, area, today - timedelta(days=days_ago), today, victim, perpetrator)

    recent = case("DHR-DEMO-01", "Northshire", 6, ("Zara Fictitious", "Adult A"), ("Yann Madeup", "Adult B"))
    recent.event(EventKind.REFERRAL, 0)
    notes.add_notes(ws, "DHR-DEMO-01", ["Referral received from Northshire Police by secure email."])

    case("DHR-DEMO-02", "Southvale", 45, ("Xenia Invented", "Amber"), ("Walt Pretend", "Ben")).event(
        EventKind.REFERRAL, 0)  # no decision yet: overdue

    not_held = case("DHR-DEMO-03", "Eastmere", 70, ("Vera Notreal", "Cara"), ("Umar Imaginary", "Dev"))
    not_held.event(EventKind.REFERRAL, 0).event(
        EventKind.DECISION, 18, outcome="not-hold", rationale="Not a domestic homicide: no relationship found.")
    not_held.event(EventKind.HOME_OFFICE_NOTIFIED, 21)

    panel = case("DHR-DEMO-04", "Westford", 50, ("Tess Storybook", "Erin"), ("Saul Fable", "Finn"))
    panel.event(EventKind.REFERRAL, 0).event(EventKind.DECISION, 15, outcome="hold", rationale="Criteria met.")
    panel.event(EventKind.HOME_OFFICE_NOTIFIED, 17).advance(17).event(EventKind.CHAIR_APPOINTED, 35,
                                                                       name="Dr Fictional Chair")
    for agency in AGENCIES[:3]:
        panel.event(EventKind.AGENCY_SCOPED, 36, agency=agency)

    chronology = case("DHR-DEMO-05", "Northshire", 130, ("Rhea Pretendly", "Gina"), ("Quinn Fakename", "Hal"))
    chronology.held().returned(95, AGENCIES[:4])  # two agencies still owe their returns: one overdue

    _demo_chronology(ws, chronology.day(0), today)

    paused = case("DHR-DEMO-06", "Southvale", 160, ("Petra Makebelieve", "Iris"), ("Otto Notaperson", "Jack"))
    paused.held().returned(100, AGENCIES[:2])
    pause(ws, "DHR-DEMO-06", "criminal-trial", paused.day(110), today=today)

    report = case("DHR-DEMO-07", "Eastmere", 330, ("Nina Hypothetical", "Kim"), ("Milo Fictive", "Leo"))
    report.held().returned(100).advance(101)
    report.event(EventKind.DRAFT_CIRCULATED, 200, version="0.3").event(EventKind.FAMILY_SHARED, 215)
    report.event(EventKind.CSP_SIGNOFF, 240).event(EventKind.QA_SUBMITTED, 245)
    report.event(EventKind.QA_FEEDBACK, 310, outcome="resubmit")

    action = case("DHR-DEMO-08", "Westford", 700, ("Lola Placeholder", "Mia"), ("Kurt Dummy", "Ned"))
    action.held().returned(100).advance(101)
    for kind, n in ((EventKind.DRAFT_CIRCULATED, 250), (EventKind.FAMILY_SHARED, 270), (EventKind.CSP_SIGNOFF, 300),
                    (EventKind.QA_SUBMITTED, 305)):
        action.event(kind, n, version="1.0")
    action.event(EventKind.QA_FEEDBACK, 420, outcome="approved").advance(420).event(EventKind.PUBLISHED, 600)
    record_publication(ws, "DHR-DEMO-08", family_saw_final_on=action.day(590), today=today)
    _demo_action_plan(ws, "DHR-DEMO-08", action.day(430), today)

    cases.assign_case(ws, "DHR-DEMO-07", "Demo Chair")
    # A real team has done its older tasks: keep only the last three weeks' as open or overdue.
    for task in list_tasks(ws, today=today):
        if (today - task.due).days > 21:
            complete_task(ws, task.id, today=today)


def _demo_action_plan(ws: UnlockedWorkspace, ref: str, added: date, today: date) -> None:
    """Recommendations and actions in every RAG state: red, amber (due soon and at risk), green and complete."""
    add_recommendation(ws, ref, "Northshire Police to train every response officer to recognise coercive "
                       "control and to record it on every domestic abuse call", "local", "Northshire Police",
                       "90% of response officers trained; an audit of 50 calls finds coercive control recorded",
                       today + timedelta(days=200))
    add_recommendation(ws, ref, "Northshire ICB to ask about domestic abuse whenever a patient presents with an "
                       "injury, and to record the answer", "regional", "Northshire ICB",
                       "Routine enquiry recorded in 80% of injury presentations", today + timedelta(days=120))
    add_recommendation(ws, ref, "Agencies should consider raising awareness of the review's lessons", "national")
    plan = (
        (1, "Design the coercive control training", "Northshire Police", "Officer A. Example",
         "Training outline agreed", today - timedelta(days=20), None, False),
        (1, "Deliver the training to every response team", "Northshire Police", "Officer A. Example",
         "Two of six teams trained", today + timedelta(days=120), None, False),
        (1, "Brief the senior leadership team on the review", "Northshire Police", "Officer C. Example",
         "Briefing held", today - timedelta(days=60), today - timedelta(days=70), False),
        (2, "Add a routine enquiry prompt to the GP injury template", "Northshire ICB", "Officer B. Example",
         "Template drafted", today + timedelta(days=14), None, False),
        (2, "Audit injury presentations for routine enquiry", "Northshire ICB", "Officer B. Example", None,
         today + timedelta(days=90), None, True),
        (3, "Share a seven-minute briefing on the review's lessons", "Safe Haven Domestic Abuse Service",
         "Officer D. Example", None, today + timedelta(days=150), None, False),
    )
    for number, text, agency, officer, milestones, target, completed, at_risk in plan:
        view = add_action(ws, ref, number, text, agency, officer, milestones, target, today=added)
        if completed is not None:
            update_action(ws, view.id, completed_on=completed, outcome="Briefing delivered to 12 senior officers",
                          today=today)
        if at_risk:
            update_action(ws, view.id, at_risk=True, today=today)


def _demo_chronology(ws: UnlockedWorkspace, notified: date, today: date) -> None:
    """Fictional returns from two agencies for DHR-DEMO-05, as an agency would send them (a CSV file)."""
    death = notified - timedelta(days=9)
    rows = {
        "Northshire Police": [
            ("Date", "Time", "Record reference", "Details of contact", "Action taken"),
            (f"{death - timedelta(days=400):%d/%m/%Y}", "22:40", "CAD 1041", "Call from neighbour: raised voices at "
             "the address", "Officers attended; words of advice"),
            (f"{death - timedelta(days=200):%B %Y}", "", "", "Several calls about noise (dates not recorded)", ""),
            (f"{death - timedelta(days=120):%d/%m/%Y}", "", "DASH 77", "DASH risk assessment completed with Gina: "
             "medium risk", "Referral to Safe Haven"),
        ],
        "Northshire ICB": [
            ("Date of contact", "Description", "Outcome"),
            (f"{death - timedelta(days=400):%d/%m/%Y}", "Gina attended with bruising to her arm; said she fell",
             "Advice given"),
            (f"{death - timedelta(days=120):%d/%m/%Y}", "DASH risk assessment completed with Gina - medium risk",
             "Noted in record"),
            ("c. 2018", "Registered with the practice", ""),
        ],
    }
    with tempfile.TemporaryDirectory() as folder:
        for agency, table in rows.items():
            path = Path(folder) / f"{agency.lower().replace(' ', '-')}.csv"
            with path.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows(table)
            import_chronology(ws, "DHR-DEMO-05", path, agency, today=today)


def build_demo(path: Path, today: date | None = None, kdf: KdfParams | None = None) -> str:
    """Create the demo workspace at `path`; returns the passphrase every demo user shares."""
    today = today or date.today()
    ws, _recovery = Workspace.create(path, DEMO_USERS[0][0], DEMO_PASSPHRASE, kdf=kdf)
    try:
        for name, role in DEMO_USERS[1:]:
            users.add_user(ws, name, role, DEMO_PASSPHRASE)
        for name, kind, contact in REGISTER:
            add_agency(ws, name, kind, contact)
        _demo_cases(ws, today)
    finally:
        ws.lock()
        ws.workspace.close()
    return DEMO_PASSPHRASE
