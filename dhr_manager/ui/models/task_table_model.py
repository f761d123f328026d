"""Tasks as a table: overdue ones say so in words (and in red)."""

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from dhr_manager.services.tasks import TaskStatus, TaskView
from dhr_manager.ui.models.row_model import Column, RowTableModel
from dhr_manager.ui.words import day_text, days_left_text, role_name, stage_name

OVERDUE_RED = QColor(170, 20, 20)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TaskTableModel", text)


def task_state_text(task: TaskView, today: date) -> str:
    if task.status is TaskStatus.DONE:
        return _tr("Done")
    if task.status is TaskStatus.NOT_NEEDED:
        return _tr("Not needed")
    if task.case_paused:
        return _tr("Case paused")
    return days_left_text(task.due, today)


def task_model(parent: QObject | None, today: date, with_case: bool = True) -> RowTableModel[TaskView]:
    columns = [
        Column[TaskView](_tr("Due"), lambda t: day_text(t.due), lambda t: t.due.toordinal()),
        # A single number, because Qt's proxy cannot compare Python tuples: open tasks first, then by due date.
        Column[TaskView](_tr("State"), lambda t: task_state_text(t, today),
                         lambda t: (t.status is not TaskStatus.OPEN) * 10_000_000 + t.due.toordinal()),
        *([Column[TaskView](_tr("Case"), lambda t: t.case)] if with_case else []),
        Column[TaskView](_tr("Task"), lambda t: t.title),
        Column[TaskView](_tr("Who"), lambda t: role_name(t.role)),
        Column[TaskView](_tr("Stage"), lambda t: stage_name(t.stage)),
    ]

    def brush(task: TaskView) -> QBrush | None:
        return QBrush(OVERDUE_RED) if task.overdue(today) and not task.case_paused else None

    return RowTableModel(columns, parent, brush)
