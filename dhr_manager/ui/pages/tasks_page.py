"""Tasks: my tasks or the team's, across every case, overdue first; mark done, or not needed with a reason."""

from datetime import date

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dhr_manager.domain.roles import Permission, allows
from dhr_manager.services.tasks import TaskView, list_tasks
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.fields import selected_row, table_view
from dhr_manager.ui.labels import heading
from dhr_manager.ui.models.row_model import ROW_ROLE
from dhr_manager.ui.models.task_table_model import task_model
from dhr_manager.ui.page import Page
from dhr_manager.ui.task_actions import ask_reason, mark_done, mark_not_needed

MINE, TEAM = "mine", "team"


class TasksPage(Page):
    changed = Signal()

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self._ws: UnlockedWorkspace | None = None
        self.setAccessibleName(self.tr("Tasks"))
        self.model = task_model(self, self._today)
        self.table = table_view(self.model, self.tr("Tasks"))  # in the service's order: overdue first
        self.table.activated.connect(self._open_case)

        self.whose = QComboBox()
        self.whose.setAccessibleName(self.tr("Whose tasks"))
        self.whose.addItem(self.tr("My tasks (my role)"), MINE)
        self.whose.addItem(self.tr("The team's tasks"), TEAM)
        self.whose.setCurrentIndex(1)
        self.show_closed = QCheckBox(self.tr("Show &done and not needed"))
        self.show_closed.setAccessibleName(self.tr("Show done and not needed tasks"))
        for signal in (self.whose.currentIndexChanged, self.show_closed.toggled):
            signal.connect(self._reload)
        self.done_button = QPushButton(self.tr("Mark &done"))
        self.done_button.setAccessibleName(self.tr("Mark the selected task done"))
        self.done_button.clicked.connect(self._mark_done)
        self.skip_button = QPushButton(self.tr("&Not needed…"))
        self.skip_button.setAccessibleName(self.tr("Mark the selected task not needed"))
        self.skip_button.clicked.connect(self._mark_not_needed)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Task summary"))

        controls = QHBoxLayout()
        caption = QLabel(self.tr("&Show:"))
        caption.setBuddy(self.whose)
        controls.addWidget(caption)
        controls.addWidget(self.whose)
        controls.addWidget(self.show_closed)
        controls.addStretch(1)
        controls.addWidget(self.done_button)
        controls.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Tasks")))
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def show_workspace(self, ws: UnlockedWorkspace) -> None:
        self._ws = ws
        editor = allows(ws.user.role, Permission.EDIT_CASES)
        self.done_button.setVisible(editor)
        self.skip_button.setVisible(editor)
        self._reload()

    def _reload(self) -> None:
        if self._ws is None:
            return
        role = self._ws.user.role if self.whose.currentData() == MINE else None
        tasks = list_tasks(self._ws, role=role, include_closed=self.show_closed.isChecked(), today=self._today)
        self.model.set_rows(tasks)
        overdue = sum(1 for t in tasks if t.overdue(self._today) and not t.case_paused)
        self.summary.setText(self.tr("{n} tasks shown, {overdue} overdue").format(n=len(tasks), overdue=overdue))

    def clear(self) -> None:
        self._ws = None
        self.model.set_rows([])
        self.summary.clear()

    def _selected(self) -> TaskView | None:
        task = selected_row(self.table)
        return task if isinstance(task, TaskView) else None

    def _mark_done(self) -> None:
        task = self._selected()
        if task is not None and self._ws is not None and mark_done(self, self._ws, task):
            self._reload()
            self.changed.emit()

    def _mark_not_needed(self) -> None:
        task = self._selected()
        if task is None or self._ws is None:
            return
        reason = ask_reason(self, task)
        if reason is not None and mark_not_needed(self, self._ws, task, reason):
            self._reload()
            self.changed.emit()

    def _open_case(self, index: QModelIndex) -> None:
        task: TaskView = self.table.model().data(index, ROW_ROLE)
        self.open_case.emit(task.case)
