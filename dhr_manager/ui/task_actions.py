"""Marking tasks done or not needed, shared by the Tasks screen and a case's Tasks tab."""

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from dhr_manager.errors import DhrError
from dhr_manager.services.tasks import TaskView, complete_task, skip_task
from dhr_manager.storage.workspace import UnlockedWorkspace


def mark_done(parent: QWidget, ws: UnlockedWorkspace, task: TaskView) -> bool:
    try:
        complete_task(ws, task.id)
    except DhrError as exc:
        QMessageBox.warning(parent, parent.tr("Task not changed"), exc.message)
        return False
    return True


def ask_reason(parent: QWidget, task: TaskView) -> str | None:
    """The reason a task is not needed; None when the user cancels."""
    reason, ok = QInputDialog.getText(parent, parent.tr("Not needed"),
                                      parent.tr("Why is this task not needed?\n{title}").format(title=task.title))
    return reason if ok else None


def mark_not_needed(parent: QWidget, ws: UnlockedWorkspace, task: TaskView, reason: str) -> bool:
    try:
        skip_task(ws, task.id, reason)
    except DhrError as exc:
        QMessageBox.warning(parent, parent.tr("Task not changed"), exc.message)
        return False
    return True
