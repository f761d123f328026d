"""A review's action plan: its recommendations, the actions that carry them out, and their RAG status.

Recommendations are numbered 1, 2, ... within a case and actions 2.1, 2.2, ... within their recommendation, as
in the Home Office action plan. Texts, agencies, officers and dates are sealed; RAG is worked out in memory.

Action plans are monitored after publication, so they stay editable once a case has closed; only a case that
never became a review (not proceeding) has no plan.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select

from dhr_manager.domain.actions import (
    RAG_ORDER,
    ActionFacts,
    Rag,
    Scope,
    action_number,
    number_order,
    parse_action_number,
    rag_words,
    smart_warnings,
)
from dhr_manager.domain.actions import rag as rag_status
from dhr_manager.domain.agencies import agency_key
from dhr_manager.domain.cases import UNREADABLE, Status, require_text
from dhr_manager.domain.roles import Permission
from dhr_manager.errors import InputError, NotFound
from dhr_manager.services.agencies import register as register_agency
from dhr_manager.services.case_access import find_case, readable_case_ids
from dhr_manager.storage.schema import ActionRow, CaseRow, RecommendationRow
from dhr_manager.storage.workspace import UnitOfWork, UnlockedWorkspace

TEXT_LIMIT = 2000
OFFICER_LIMIT = 200
_RECOMMENDATION_FIELDS = ("text", "scope", "agency", "outcome", "target")
_Row = TypeVar("_Row", RecommendationRow, ActionRow)


@dataclass(frozen=True)
class RecommendationView:
    id: str
    case_id: str
    case_reference: str
    number: int
    text: str
    scope: Scope
    agency: str | None
    outcome: str | None  # the measurable outcome
    target_date: date | None
    warnings: tuple[str, ...]  # what keeps it from being SMART; advice only


@dataclass(frozen=True)
class ActionView:
    id: str
    recommendation_id: str
    case_id: str
    case_reference: str
    number: str  # "2.1"
    recommendation_number: int
    scope: Scope
    action: str
    lead_agency: str
    lead_officer: str | None
    milestones: str | None
    target_date: date | None
    completed_on: date | None
    outcome: str | None
    at_risk: bool
    rag: Rag
    rag_words: str

    @property
    def open(self) -> bool:
        return self.rag is not Rag.COMPLETE


def parse_scope(value: str | Scope) -> Scope:
    try:
        return Scope(str(value).strip().lower())
    except ValueError:
        raise InputError(f"'{value}' is not a scope; choose local, regional or national.") from None


def parse_rag(value: str | Rag) -> Rag:
    try:
        return Rag(str(value).strip().lower())
    except ValueError:
        raise InputError(f"'{value}' is not a RAG status; choose red, amber, green or complete.") from None


def _optional(value: str | None, what: str, limit: int = TEXT_LIMIT) -> str | None:
    value = (value or "").strip()
    if len(value) > limit:
        raise InputError(f"{what} is longer than {limit} characters.")
    return value or None


def _require_review(case: CaseRow, reference: str) -> None:
    if case.status == Status.NOT_PROCEEDING.value:
        raise InputError(f"{reference} did not proceed to a review, so it has no action plan.")


# ---- reading rows into views ------------------------------------------------------------------------------

def _recommendation_view(uow: UnitOfWork, row: RecommendationRow, reference: str) -> RecommendationView:
    flags: list[str] = []
    text = uow.sealer.get_or_flag(row, "text", flags) or UNREADABLE
    outcome = uow.sealer.get_or_flag(row, "outcome", flags)
    target = uow.sealer.get_or_flag(row, "target_date", flags)
    return RecommendationView(row.id, row.case_id, reference, row.number, text, Scope(row.scope),
                              uow.sealer.get_or_flag(row, "agency", flags), outcome, target,
                              smart_warnings(text, outcome, target))


def _action_view(uow: UnitOfWork, row: ActionRow, recommendation: RecommendationRow, reference: str,
                 today: date) -> ActionView:
    flags: list[str] = []
    get = uow.sealer.get_or_flag
    target, done = get(row, "target_date", flags), get(row, "completed_on", flags)
    at_risk = bool(row.at_risk)
    return ActionView(row.id, recommendation.id, row.case_id, reference,
                      action_number(recommendation.number, row.number), recommendation.number,
                      Scope(recommendation.scope), get(row, "action", flags) or UNREADABLE,
                      get(row, "lead_agency", flags) or UNREADABLE, get(row, "lead_officer", flags),
                      get(row, "milestones", flags), target, done, get(row, "outcome", flags), at_risk,
                      rag_status(target, done, at_risk, today), rag_words(target, done, at_risk, today))


def _reference(uow: UnitOfWork, case: CaseRow) -> str:
    return uow.sealer.get_or_flag(case, "reference", []) or UNREADABLE


def _recommendation(uow: UnitOfWork, case: CaseRow, number: int) -> RecommendationRow:
    row = uow.session.scalars(select(RecommendationRow).where(
        RecommendationRow.case_id == case.id, RecommendationRow.number == number)).first()
    if row is None:
        raise NotFound(f"{_reference(uow, case)} has no recommendation {number}; `recommendation list` shows them.")
    return row


def _editable(ws: UnlockedWorkspace, uow: UnitOfWork, table: type[_Row], row_id: str,
              what: str) -> tuple[_Row, CaseRow, str]:
    """The row to change, its case and reference, under the same access rule as the case itself."""
    row = uow.session.get(table, row_id)
    case = uow.session.get(CaseRow, row.case_id) if row is not None else None
    if row is None or case is None:
        raise NotFound(f"That {what} no longer exists.")
    ref = _reference(uow, case)
    find_case(ws, uow, ref)
    _require_review(case, ref)
    return row, case, ref


# ---- recommendations --------------------------------------------------------------------------------------

def add_recommendation(ws: UnlockedWorkspace, reference: str, text: str, scope: Scope | str,
                       agency: str | None = None, outcome: str | None = None,
                       target: date | None = None) -> RecommendationView:
    """Add the case's next recommendation. SMART warnings come back on the view; they never block saving."""
    ws.require(Permission.EDIT_CASES)
    text = require_text(text, "The recommendation", limit=TEXT_LIMIT)
    scope, outcome = parse_scope(scope), _optional(outcome, "The measurable outcome")
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        ref = _reference(uow, case)
        _require_review(case, ref)
        numbers = uow.session.scalars(select(RecommendationRow.number).where(RecommendationRow.case_id == case.id))
        row = RecommendationRow(case_id=case.id, number=max(numbers, default=0) + 1, scope=scope.value)
        agency = register_agency(ws, uow, agency) if (agency or "").strip() else None
        for column, value in (("text", text), ("agency", agency), ("outcome", outcome), ("target_date", target)):
            uow.sealer.put(row, column, value)
        uow.session.add(row)
        uow.record("recommendation.add", "recommendations", row.id, case.id)
        return RecommendationView(row.id, case.id, ref, row.number, text, scope, agency, outcome, target,
                                  smart_warnings(text, outcome, target))


def update_recommendation(ws: UnlockedWorkspace, recommendation_id: str, **changes: Any) -> RecommendationView:
    """Change a recommendation's text, scope, agency, outcome or target; `None` or "" clears an optional one."""
    ws.require(Permission.EDIT_CASES)
    unknown = set(changes) - set(_RECOMMENDATION_FIELDS)
    if unknown:
        raise InputError(f"A recommendation has no {', '.join(sorted(unknown))}; it has "
                         f"{', '.join(_RECOMMENDATION_FIELDS)}.")
    with ws.unit_of_work(write=True) as uow:
        row, case, ref = _editable(ws, uow, RecommendationRow, recommendation_id, "recommendation")
        if "text" in changes:
            uow.sealer.put(row, "text", require_text(changes["text"] or "", "The recommendation", limit=TEXT_LIMIT))
        if "scope" in changes:
            row.scope = parse_scope(changes["scope"]).value
        if "agency" in changes:
            agency = changes["agency"]
            uow.sealer.put(row, "agency", register_agency(ws, uow, agency) if (agency or "").strip() else None)
        if "outcome" in changes:
            uow.sealer.put(row, "outcome", _optional(changes["outcome"], "The measurable outcome"))
        if "target" in changes:
            uow.sealer.put(row, "target_date", changes["target"])
        uow.record("recommendation.update", "recommendations", row.id, case.id)
        return _recommendation_view(uow, row, ref)


def list_recommendations(ws: UnlockedWorkspace, reference: str) -> list[RecommendationView]:
    """The case's recommendations by number."""
    ws.require(Permission.READ_ASSIGNED_CASES)
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        ref = _reference(uow, case)
        rows = uow.session.scalars(select(RecommendationRow).where(RecommendationRow.case_id == case.id)
                                   .order_by(RecommendationRow.number))
        return [_recommendation_view(uow, row, ref) for row in rows]


# ---- actions ----------------------------------------------------------------------------------------------

def add_action(ws: UnlockedWorkspace, reference: str, recommendation_number: int, action: str, lead_agency: str,
               lead_officer: str | None = None, milestones: str | None = None, target: date | None = None,
               today: date | None = None) -> ActionView:
    """Add the next action (2.1, 2.2, ...) to a recommendation. The lead agency is named as in the register."""
    ws.require(Permission.EDIT_CASES)
    today = today or date.today()
    action = require_text(action, "The action", limit=TEXT_LIMIT)
    lead_officer = _optional(lead_officer, "The lead officer", OFFICER_LIMIT)
    milestones = _optional(milestones, "The milestones")
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        ref = _reference(uow, case)
        _require_review(case, ref)
        recommendation = _recommendation(uow, case, recommendation_number)
        numbers = uow.session.scalars(select(ActionRow.number).where(ActionRow.recommendation_id == recommendation.id))
        row = ActionRow(case_id=case.id, recommendation_id=recommendation.id, number=max(numbers, default=0) + 1,
                        at_risk=0)
        values = (("action", action), ("lead_agency", register_agency(ws, uow, lead_agency)),
                  ("lead_officer", lead_officer), ("milestones", milestones), ("target_date", target),
                  ("completed_on", None), ("outcome", None), ("added_on", today))
        for column, value in values:
            uow.sealer.put(row, column, value)
        uow.session.add(row)
        uow.record("action.add", "actions", row.id, case.id)
        return _action_view(uow, row, recommendation, ref, today)


def update_action(ws: UnlockedWorkspace, action_id: str, *, milestones: str | None = None,
                  target: date | None = None, completed_on: date | None = None, outcome: str | None = None,
                  at_risk: bool | None = None, lead_officer: str | None = None,
                  today: date | None = None) -> ActionView:
    """Record progress on an action; arguments left as None stay as they were.

    Completing an action needs its outcome (given now or recorded before), and a completion date between the
    case's notification and today: a plan may be typed in after the work was done, so the date may be earlier
    than the day the action was added."""
    ws.require(Permission.EDIT_CASES)
    today = today or date.today()
    with ws.unit_of_work(write=True) as uow:
        row, case, ref = _editable(ws, uow, ActionRow, action_id, "action")
        recommendation = uow.session.get(RecommendationRow, row.recommendation_id)
        assert recommendation is not None
        number = action_number(recommendation.number, row.number)
        if outcome is not None:
            uow.sealer.put(row, "outcome", _optional(outcome, "The outcome"))
        if completed_on is not None:
            if completed_on > today:
                raise InputError(f"Action {number} cannot be completed on {completed_on.isoformat()}, which is "
                                 "later than today; record completion once it has happened.")
            notified = uow.sealer.get(case, "notified_on")
            if completed_on < notified:
                raise InputError(f"Action {number} cannot have been completed before the CSP was notified "
                                 f"({notified.isoformat()}).")
            if not uow.sealer.get(row, "outcome"):
                raise InputError(f"Say what the outcome of action {number} was (--outcome) to record it complete.")
            uow.sealer.put(row, "completed_on", completed_on)
        if milestones is not None:
            uow.sealer.put(row, "milestones", _optional(milestones, "The milestones"))
        if lead_officer is not None:
            uow.sealer.put(row, "lead_officer", _optional(lead_officer, "The lead officer", OFFICER_LIMIT))
        if target is not None:
            uow.sealer.put(row, "target_date", target)
        if at_risk is not None:
            row.at_risk = int(at_risk)
        uow.record("action.complete" if completed_on is not None else "action.update", "actions", row.id, case.id)
        return _action_view(uow, row, recommendation, ref, today)


def find_action(ws: UnlockedWorkspace, number_or_id: str, reference: str | None = None,
                today: date | None = None) -> ActionView:
    """An action by its number within a case ("2.1" with `reference`) or by its id."""
    wanted = number_or_id.strip()
    number = parse_action_number(wanted)
    if number is not None:
        if reference is None:
            raise InputError(f"Say which case action {wanted} belongs to.")
        found = [a for a in list_actions(ws, reference, today=today) if a.number == wanted]
        if not found:
            raise NotFound(f"There is no action {wanted} on this case; `action list --case REF` shows them.")
        return found[0]
    found = [a for a in list_actions(ws, reference, today=today) if a.id == wanted.lower()]
    if not found:
        raise NotFound(f"There is no action {wanted}; give its number, such as 2.1, with the case reference.")
    return found[0]


def _rows(uow: UnitOfWork, case_ids: Iterable[str] | None) -> list[tuple[ActionRow, RecommendationRow]]:
    query = select(ActionRow, RecommendationRow).join(RecommendationRow,
                                                      ActionRow.recommendation_id == RecommendationRow.id)
    if case_ids is not None:
        query = query.where(ActionRow.case_id.in_(list(case_ids)))
    return [(a, r) for a, r in uow.session.execute(query)]


def list_actions(ws: UnlockedWorkspace, reference: str | None = None, agency: str | None = None,
                 rag: Rag | str | None = None, open_only: bool = False, today: date | None = None) -> list[ActionView]:
    """Actions of one case, or of every case the user may read: worst RAG first, then by target date (none
    last), then case and number. `agency` matches the lead agency in any spelling."""
    ws.require(Permission.READ_ASSIGNED_CASES)
    today = today or date.today()
    wanted = parse_rag(rag) if rag is not None else None
    with ws.unit_of_work() as uow:
        if reference is not None:
            case_ids: set[str] | None = {find_case(ws, uow, reference).id}
        else:
            case_ids = readable_case_ids(ws, uow)
        rows = _rows(uow, case_ids)
        cases = {c.id: c for c in uow.session.scalars(select(CaseRow).where(CaseRow.id.in_({a.case_id
                                                                                           for a, _ in rows})))}
        references = {case_id: _reference(uow, case) for case_id, case in cases.items()}
        views = [_action_view(uow, a, r, references[a.case_id], today) for a, r in rows]
    if agency is not None:
        views = [v for v in views if agency_key(v.lead_agency) == agency_key(agency)]
    if wanted is not None:
        views = [v for v in views if v.rag is wanted]
    if open_only:
        views = [v for v in views if v.open]
    return sorted(views, key=lambda v: (RAG_ORDER[v.rag], v.target_date is None, v.target_date or today,
                                        v.case_reference, number_order(v.number)))


def action_facts(uow: UnitOfWork, case_ids: Iterable[str]) -> dict[str, list[ActionFacts]]:
    """What monitoring needs about each case's actions, with one query for all the cases."""
    facts: dict[str, list[ActionFacts]] = {}
    flags: list[str] = []  # `verify` reports a tampered value; the task list goes on without that action
    get = uow.sealer.get_or_flag
    for a, r in _rows(uow, case_ids):
        added_on = get(a, "added_on", flags)
        if added_on is not None:
            facts.setdefault(a.case_id, []).append(ActionFacts(
                a.id, action_number(r.number, a.number), get(a, "lead_agency", flags) or UNREADABLE, added_on,
                get(a, "target_date", flags), get(a, "completed_on", flags)))
    return facts
