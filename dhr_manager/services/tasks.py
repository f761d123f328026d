"""The team's task list: tasks generated from each case's profile, with what users decided about them."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select

from dhr_manager.domain.actions import ActionFacts, monitoring_tasks
from dhr_manager.domain.cases import Stage
from dhr_manager.domain.roles import Permission, Role
from dhr_manager.domain.workflow import CaseFacts, derive_tasks
from dhr_manager.errors import InputError, NotFound
from dhr_manager.services.actions import action_facts
from dhr_manager.services.case_access import find_case, readable_case_ids
from dhr_manager.services.workflow import case_profile, load_all_facts
from dhr_manager.storage.schema import CaseRow, TaskStateRow
from dhr_manager.storage.workspace import UnitOfWork, UnlockedWorkspace


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    NOT_NEEDED = "not_needed"


@dataclass(frozen=True)
class TaskView:
    id: str
    case: str
    stage: Stage
    title: str
    role: Role
    due: date
    status: TaskStatus
    reason: str | None
    note: str  # how it was closed, or what created it
    case_paused: bool

    def overdue(self, today: date) -> bool:
        return self.status is TaskStatus.OPEN and self.due < today


def _case_tasks(uow: UnitOfWork, case: CaseRow, facts: CaseFacts, today: date,
                actions: list[ActionFacts]) -> list[TaskView]:
    """The case's tasks: those its profile generates from events, then those its action plan generates."""
    reference = uow.sealer.get(case, "reference")
    states = {row.task_id: row for row in uow.session.scalars(
        select(TaskStateRow).where(TaskStateRow.case_id == case.id))}
    profile = case_profile(uow, case)
    generated = [(task.id, task.stage, task.title, task.role, task.due, task.closed_on, f"from {task.trigger}")
                 for task in derive_tasks(profile, facts, today)]
    if actions:
        generated += [(task.id, Stage.ACTION_PLAN, task.title, Role.COORDINATOR, task.due, None, task.note)
                      for task in monitoring_tasks(case.id, actions, profile.update_every.months, today)]
    views = []
    for task_id, stage, title, role, due, closed_on, origin in generated:
        state = states.get(task_id)
        if state is not None:
            status, reason = TaskStatus(state.status), uow.sealer.get(state, "reason")
            note = f"marked {status.value.replace('_', ' ')} on {uow.sealer.get(state, 'changed_on').isoformat()}"
        elif closed_on is not None:
            status, reason, note = TaskStatus.DONE, None, f"done: recorded on {closed_on.isoformat()}"
        else:
            status, reason, note = TaskStatus.OPEN, None, origin
        views.append(TaskView(task_id, reference, stage, title, role, due, status, reason, note, facts.paused))
    return views


def list_tasks(ws: UnlockedWorkspace, case_reference: str | None = None, role: Role | None = None,
               due_within: int | None = None, overdue_only: bool = False, include_closed: bool = False,
               today: date | None = None) -> list[TaskView]:
    """Tasks across the cases the user can read: overdue first, then by due date."""
    ws.require(Permission.READ_ASSIGNED_CASES)
    today = today or date.today()
    with ws.unit_of_work() as uow:
        if case_reference is not None:
            case_rows = [find_case(ws, uow, case_reference)]
        else:
            allowed = readable_case_ids(ws, uow)
            case_rows = [c for c in uow.session.scalars(select(CaseRow)) if allowed is None or c.id in allowed]
        facts = load_all_facts(uow, case_rows)
        plans = action_facts(uow, facts)
        views = [view for case in case_rows
                 for view in _case_tasks(uow, case, facts[case.id], today, plans.get(case.id, []))]
    if not include_closed:
        views = [v for v in views if v.status is TaskStatus.OPEN]
    if role is not None:
        views = [v for v in views if v.role is role]
    if overdue_only:
        views = [v for v in views if v.overdue(today)]
    if due_within is not None:
        views = [v for v in views if (v.due - today).days <= due_within]
    return sorted(views, key=lambda v: (not v.overdue(today), v.due, v.case, v.title))


def _set_status(ws: UnlockedWorkspace, task_id: str, status: TaskStatus, reason: str | None,
                today: date | None) -> TaskView:
    ws.require(Permission.EDIT_CASES)
    task_id = task_id.strip().upper()
    today = today or date.today()
    with ws.unit_of_work(write=True) as uow:
        case_rows = list(uow.session.scalars(select(CaseRow)))
        all_facts = load_all_facts(uow, case_rows)
        plans = action_facts(uow, all_facts)
        for case in case_rows:
            match = next((t for t in _case_tasks(uow, case, all_facts[case.id], today, plans.get(case.id, []))
                          if t.id == task_id), None)
            if match is None:
                continue
            if match.status is not TaskStatus.OPEN:
                raise InputError(f"Task {task_id} is already {match.status.value.replace('_', ' ')}.")
            row = TaskStateRow(case_id=case.id, task_id=task_id, status=status.value, changed_by=ws.user.id)
            uow.sealer.put(row, "reason", reason)
            uow.sealer.put(row, "changed_on", today)
            uow.session.add(row)
            uow.record(f"task.{status.value}", "task_states", row.id, case.id)
            return TaskView(match.id, match.case, match.stage, match.title, match.role, match.due, status,
                            reason, f"marked {status.value.replace('_', ' ')} on {today.isoformat()}",
                            match.case_paused)
    raise NotFound(f"There is no open task {task_id}; `dhr-manager tasks` lists them.")


def complete_task(ws: UnlockedWorkspace, task_id: str, today: date | None = None) -> TaskView:
    return _set_status(ws, task_id, TaskStatus.DONE, None, today)


def skip_task(ws: UnlockedWorkspace, task_id: str, reason: str, today: date | None = None) -> TaskView:
    """Mark a task not needed; the reason is kept (sealed) so that colleagues can see why."""
    reason = reason.strip()
    if not reason:
        raise InputError("Say why the task is not needed (--reason).")
    return _set_status(ws, task_id, TaskStatus.NOT_NEEDED, reason, today)
