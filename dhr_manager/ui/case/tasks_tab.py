"""The case's own task list, open tasks first, with Mark done and Not needed for staff who may edit."""

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from dhr_manager.services.tasks import TaskStatus, TaskView
from dhr_manager.ui.fields import button, table_view
from dhr_manager.ui.labels import InlineError
from dhr_manager.ui.models.row_model import ROW_ROLE, RowTableModel
from dhr_manager.ui.models.task_table_model import task_model

STATE_COLUMN = 1  # task_model's State column sorts open tasks first, then by due date


class TasksTab(QWidget):
    """`done_requested` and `skip_requested` carry the selected open task; the page acts on them."""

    done_requested = Signal(object)
    skip_requested = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Tasks for this case"))
        self._today = today
        self.model: RowTableModel[TaskView] = task_model(self, today, with_case=False)
        self.view = table_view(self.model, self.tr("Tasks for this case"), sort_column=STATE_COLUMN)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.done_button = button(self.tr("Mark &done"), self.tr("Mark the selected task done"))
        self.skip_button = button(self.tr("&Not needed…"), self.tr("Mark the selected task not needed"))
        self.done_button.clicked.connect(lambda: self._request(self.done_requested))
        self.skip_button.clicked.connect(lambda: self._request(self.skip_requested))
        self.error = InlineError()
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.done_button)
        actions.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        self._update_buttons()

    def show_tasks(self, tasks: list[TaskView], today: date, editable: bool) -> None:
        if today != self._today:  # the model words "due in N days" from the day it was made with
            self._today = today
            old, self.model = self.model, task_model(self, today, with_case=False)
            proxy = self.view.model()
            assert isinstance(proxy, QSortFilterProxyModel)
            proxy.setSourceModel(self.model)
            old.deleteLater()
        self.model.set_rows(tasks)
        self.done_button.setVisible(editable)
        self.skip_button.setVisible(editable)
        self.error.show_message("")
        self._update_buttons()

    def selected_task(self) -> TaskView | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_buttons(self) -> None:
        task = self.selected_task()
        is_open = task is not None and task.status is TaskStatus.OPEN
        self.done_button.setEnabled(is_open)
        self.skip_button.setEnabled(is_open)

    def _request(self, signal: Signal) -> None:
        task = self.selected_task()
        if task is not None and task.status is TaskStatus.OPEN:
            signal.emit(task)

    def clear(self) -> None:
        self.model.set_rows([])
        self.error.show_message("")
        self._update_buttons()

