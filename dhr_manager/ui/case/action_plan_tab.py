"""A case's action plan: its recommendations (with their SMART warnings), the actions carrying them out (with
their RAG status in colour and words), and the publication of the report.

The tab reads the action plan services itself and hands its dialogs to the case page through
`dialog_requested`, so the page opens and tracks them as it does its own (and reloads after a change). Chairs
read the plan; the buttons are disabled for them, with a tooltip saying why.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from dhr_manager.domain.actions import Rag, number_order
from dhr_manager.errors import DhrError
from dhr_manager.services.actions import (
    ActionView,
    RecommendationView,
    add_action,
    add_recommendation,
    list_actions,
    list_recommendations,
    update_action,
)
from dhr_manager.services.publication import ONLINE_MONTHS, PublicationView, publication, record_publication
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.case.action_plan_dialogs import (
    AddActionDialog,
    PublicationDialog,
    RecommendationDialog,
    UpdateActionDialog,
)
from dhr_manager.ui.fields import ValueLabel, button, selected_row, table_view
from dhr_manager.ui.labels import InlineError, heading
from dhr_manager.ui.models.action_table_model import ActionTableModel, RecommendationTableModel
from dhr_manager.ui.words import day_text

READ_ONLY_TIP = "Only coordinators and administrators change the action plan; chairs can read it."


class ActionPlanTab(QWidget):
    dialog_requested = Signal(object)  # a function building the dialog, for the page to open and track

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Action plan"))
        self._ws: UnlockedWorkspace | None = None
        self._reference: str | None = None
        self._today = date.today()
        self._agencies: list[str] = []
        self._publication: PublicationView | None = None
        self.error = InlineError()

        self.recommendations_model = RecommendationTableModel(self)
        self.recommendations_view = table_view(self.recommendations_model, self.tr("Recommendations"))
        self.recommendations_view.setWordWrap(True)
        self.actions_model = ActionTableModel(self)
        self.actions_view = table_view(self.actions_model, self.tr("Actions"))
        self.actions_view.activated.connect(self._activated)
        self.add_recommendation_button = button(self.tr("Add &recommendation…"), self.tr("Add a recommendation"))
        self.add_action_button = button(self.tr("Add a&ction…"), self.tr("Add an action"))
        self.update_action_button = button(self.tr("&Update action…"), self.tr("Update the selected action"))
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Action plan summary"))

        self.family_label = ValueLabel(self.tr("Family saw the final report"))
        self.published_label = ValueLabel(self.tr("Published"))
        self.dac_label = ValueLabel(self.tr("Copy to the Domestic Abuse Commissioner"))
        self.online_label = ValueLabel(self.tr("Keep online until"))
        self.blocked_label = QLabel()
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setStyleSheet("color: #a4000f;")
        self.publication_button = button(self.tr("Record &publication…"), self.tr("Record publication dates"))
        publication_box = QGroupBox(self.tr("Publication"))
        publication_box.setAccessibleName(self.tr("Publication"))
        grid = QGridLayout(publication_box)
        grid.addWidget(self.family_label, 0, 0)
        grid.addWidget(self.published_label, 0, 1)
        grid.addWidget(self.dac_label, 1, 0)
        grid.addWidget(self.online_label, 1, 1)
        grid.addWidget(self.blocked_label, 2, 0, 1, 2)
        grid.addWidget(self.publication_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_row = QHBoxLayout()
        top_row.addWidget(heading(self.tr("Recommendations")))
        top_row.addStretch(1)
        top_row.addWidget(self.add_recommendation_button)
        top_layout.addLayout(top_row)
        top_layout.addWidget(self.recommendations_view, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        actions_row = QHBoxLayout()
        actions_row.addWidget(heading(self.tr("Actions")))
        actions_row.addWidget(self.summary, 1)
        actions_row.addWidget(self.add_action_button)
        actions_row.addWidget(self.update_action_button)
        bottom_layout.addLayout(actions_row)
        bottom_layout.addWidget(self.actions_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        layout.addWidget(publication_box)

        self.add_recommendation_button.clicked.connect(lambda: self.dialog_requested.emit(self.recommendation_dialog))
        self.add_action_button.clicked.connect(lambda: self.dialog_requested.emit(self.action_dialog))
        self.update_action_button.clicked.connect(self._request_update)
        self.publication_button.clicked.connect(lambda: self.dialog_requested.emit(self.publication_dialog))
        self.actions_view.selectionModel().selectionChanged.connect(self._enable)
        self.recommendations_view.selectionModel().selectionChanged.connect(self._enable)
        self._editable = False
        self.clear()

    @property
    def shown(self) -> bool:
        return self._reference is not None

    # ---- showing ---------------------------------------------------------------------------------------------

    def show_case(self, ws: UnlockedWorkspace, reference: str, today: date, editable: bool,
                  agencies: list[str]) -> None:
        """Load the case's plan; a problem is shown on the tab, never as a traceback."""
        self._ws, self._reference, self._today, self._agencies = ws, reference, today, agencies
        try:
            recommendations = list_recommendations(ws, reference)
            actions = sorted(list_actions(ws, reference, today=today), key=lambda a: number_order(a.number))
            published = publication(ws, reference, today)
        except DhrError as exc:
            self.clear()
            self.error.show_message(exc.message)
            return
        self.error.show_message("")
        self._editable = editable
        self.recommendations_model.set_rows(recommendations)
        self.actions_model.set_rows(actions)
        self._fit_columns()
        self._show_summary(actions)
        self._show_publication(published)
        self._enable()

    def _fit_columns(self) -> None:
        """Long texts get at most about 45 characters' width, wrapping (recommendations) or eliding with the
        full text as a tooltip (actions), so that the status and SMART columns stay in view."""
        widest = self.fontMetrics().averageCharWidth() * 45
        for view, columns in ((self.recommendations_view, (1, 4)), (self.actions_view, (1, 2, 6, 8))):
            for column in columns:
                view.setColumnWidth(column, min(view.columnWidth(column), widest))
        self.recommendations_view.resizeRowsToContents()

    def _show_summary(self, actions: list[ActionView]) -> None:
        open_actions = [a for a in actions if a.open]
        red = sum(a.rag is Rag.RED for a in actions)
        text = self.tr("{open} open of {all}, {red} red (overdue)").format(open=len(open_actions), all=len(actions),
                                                                             red=red)
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

    def _show_publication(self, view: PublicationView) -> None:
        self._publication = view
        not_yet = self.tr("not recorded")
        self.family_label.show_value(day_text(view.family_saw_final_on) or not_yet)
        self.published_label.show_value(day_text(view.published_on) or self.tr("not yet published"))
        self.dac_label.show_value(day_text(view.dac_copy_on) or not_yet)
        self.online_label.show_value(day_text(view.online_until) if view.online_until else self.tr(
            "{months} months after publication").format(months=ONLINE_MONTHS))
        reason = self.tr("Cannot be published yet: {reason}").format(reason=view.blocked_reason) \
            if view.blocked_reason else ""
        self.blocked_label.setText(reason)
        self.blocked_label.setAccessibleName(reason or self.tr("Publication"))
        self.blocked_label.setVisible(bool(reason))

    def _enable(self) -> None:
        """Buttons follow the role and the selection; for chairs they stay disabled, saying why."""
        editable = self._editable and self._reference is not None
        tip = "" if editable else self.tr(READ_ONLY_TIP)
        has_recommendations = self.recommendations_model.rowCount() > 0
        self.add_recommendation_button.setEnabled(editable)
        self.add_action_button.setEnabled(editable and has_recommendations)
        self.update_action_button.setEnabled(editable and self._selected_action() is not None)
        self.publication_button.setEnabled(editable)
        for widget in (self.add_recommendation_button, self.add_action_button, self.update_action_button,
                       self.publication_button):
            widget.setToolTip(tip)
        if editable and not has_recommendations:
            self.add_action_button.setToolTip(self.tr("Add a recommendation first: every action carries one out."))
        if editable and self._selected_action() is None:
            self.update_action_button.setToolTip(self.tr("Select an action in the table first."))

    def clear(self) -> None:
        self._ws = self._reference = None
        self._publication = None
        self.recommendations_model.set_rows([])
        self.actions_model.set_rows([])
        self.summary.clear()
        for label in (self.family_label, self.published_label, self.dac_label, self.online_label):
            label.clear()
        self.blocked_label.clear()
        self.blocked_label.hide()
        self.error.show_message("")
        self._editable = False
        self._enable()

    # ---- dialogs -----------------------------------------------------------------------------------------

    def _case(self) -> tuple[UnlockedWorkspace, str, date]:
        if self._ws is None or self._reference is None:
            raise RuntimeError("ActionPlanTab: no case is shown")
        return self._ws, self._reference, self._today

    def recommendation_dialog(self) -> RecommendationDialog:
        ws, reference, today = self._case()
        return RecommendationDialog(today, self._agencies, lambda text, scope, agency, outcome, target:
                                    add_recommendation(ws, reference, text, scope, agency, outcome, target), self)

    def action_dialog(self) -> AddActionDialog:
        ws, reference, today = self._case()
        chosen = selected_row(self.recommendations_view)
        number = chosen.number if isinstance(chosen, RecommendationView) else None

        def add(recommendation: int, action: str, agency: str, officer: str | None, milestones: str | None,
                target: date | None) -> None:
            add_action(ws, reference, recommendation, action, agency, officer, milestones, target, today=today)

        return AddActionDialog(today, self.recommendations_model.rows(), number, self._agencies, add, self)

    def update_dialog(self, action: ActionView) -> UpdateActionDialog:
        ws, _reference, today = self._case()
        return UpdateActionDialog(today, action, lambda **changes: update_action(ws, action.id, today=today,
                                                                                 **changes), self)

    def publication_dialog(self) -> PublicationDialog:
        ws, reference, today = self._case()
        view = publication(ws, reference, today)  # fresh: the case may have been paused meanwhile
        return PublicationDialog(today, view, lambda **dates: record_publication(ws, reference, today=today, **dates),
                                 self)

    def _selected_action(self) -> ActionView | None:
        action = selected_row(self.actions_view)
        return action if isinstance(action, ActionView) else None

    def _request_update(self) -> None:
        action = self._selected_action()
        if action is not None:
            self.dialog_requested.emit(self._builder(action))

    def _builder(self, action: ActionView) -> Callable[[], QDialog]:
        return lambda: self.update_dialog(action)

    def _activated(self, index: QModelIndex) -> None:
        if self._editable:
            self.actions_view.selectRow(index.row())
            self._request_update()
