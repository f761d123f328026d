"""Action plans: every open action across the cases the user may read, filterable by lead agency and RAG, so
the CSP can chase an agency for all its actions at once. Double-click opens the case on its action plan."""

from datetime import date

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dhr_manager.domain.actions import Rag
from dhr_manager.domain.agencies import agency_key
from dhr_manager.services.actions import ActionView, list_actions
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.fields import table_view
from dhr_manager.ui.labels import heading, paragraph
from dhr_manager.ui.models.action_table_model import ActionTableModel, rag_name
from dhr_manager.ui.models.row_model import ROW_ROLE
from dhr_manager.ui.page import Page

ALL = ""
OPEN_RAGS = (Rag.RED, Rag.AMBER, Rag.GREEN)


class ActionPlansPage(Page):
    open_action_plan = Signal(str)  # a case reference, to open on its action plan

    def __init__(self, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._ws: UnlockedWorkspace | None = None
        self._actions: list[ActionView] = []
        self.setAccessibleName(self.tr("Action plans"))
        self.model = ActionTableModel(self, with_case=True)
        self.table = table_view(self.model, self.tr("Open actions"))  # the service's order: worst first
        self.table.activated.connect(self._activated)
        self.agency_combo = QComboBox()
        self.agency_combo.setAccessibleName(self.tr("Lead agency"))
        self.agency_combo.setMinimumContentsLength(24)
        self.rag_combo = QComboBox()
        self.rag_combo.setAccessibleName(self.tr("RAG status"))
        self.rag_combo.addItem(self.tr("All"), ALL)
        for rag in OPEN_RAGS:
            self.rag_combo.addItem(rag_name(rag), rag.value)
        self.agency_combo.currentIndexChanged.connect(self._filter)
        self.rag_combo.currentIndexChanged.connect(self._filter)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Open actions summary"))

        controls = QHBoxLayout()
        for text, combo in ((self.tr("Lead a&gency:"), self.agency_combo), (self.tr("&RAG:"), self.rag_combo)):
            caption = QLabel(text)
            caption.setBuddy(combo)
            controls.addWidget(caption)
            controls.addWidget(combo)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Action plans")))
        layout.addWidget(paragraph(self.tr(
            "Every open action across the cases, overdue first. Choose an agency to chase it for all its actions "
            "at once; double-click an action to open its case.")))
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    def show_workspace(self, ws: UnlockedWorkspace) -> None:
        self._ws = ws
        self._actions = list_actions(ws, open_only=True, today=self._today or date.today())
        agency = self.agency_combo.currentData()
        self.agency_combo.blockSignals(True)
        self.agency_combo.clear()
        self.agency_combo.addItem(self.tr("All"), ALL)
        names: dict[str, str] = {}
        for action in self._actions:
            names.setdefault(agency_key(action.lead_agency), action.lead_agency)
        for key, name in sorted(names.items(), key=lambda item: item[1].casefold()):
            self.agency_combo.addItem(name, key)
        self.agency_combo.setCurrentIndex(max(self.agency_combo.findData(agency), 0))
        self.agency_combo.blockSignals(False)
        self._filter()

    def set_filter(self, agency: str | None = None, rag: Rag | None = None) -> None:
        """Show one agency's or one RAG status's actions (None: all), as the dashboard's overdue line does."""
        self.agency_combo.setCurrentIndex(max(self.agency_combo.findData(agency_key(agency) if agency else ALL), 0))
        self.rag_combo.setCurrentIndex(max(self.rag_combo.findData(rag.value if rag else ALL), 0))
        self._filter()

    def _filter(self) -> None:
        agency, rag = self.agency_combo.currentData() or ALL, self.rag_combo.currentData() or ALL
        shown = [a for a in self._actions if (agency == ALL or agency_key(a.lead_agency) == agency)
                 and (rag == ALL or a.rag.value == rag)]
        self.model.set_rows(shown)
        red = sum(a.rag is Rag.RED for a in shown)
        noun = self.tr("open action") if len(shown) == 1 else self.tr("open actions")
        text = self.tr("{n} {noun}, {red} red (overdue)").format(n=len(shown), noun=noun, red=red)
        if len(shown) != len(self._actions):
            text += self.tr(" — {all} open in all").format(all=len(self._actions))
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

    def clear(self) -> None:
        self._ws = None
        self._actions = []
        self.model.set_rows([])
        self.agency_combo.blockSignals(True)
        self.agency_combo.clear()
        self.agency_combo.blockSignals(False)
        self.summary.clear()

    def _activated(self, index: QModelIndex) -> None:
        action: ActionView = self.table.model().data(index, ROW_ROLE)
        self.open_action_plan.emit(action.case_reference)
