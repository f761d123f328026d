"""One stage of a case: what its gate needs and what is already recorded, the events recorded for it, the
agencies in scope (panel and chronology), and the form for recording more."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dhr_manager.domain.cases import Stage
from dhr_manager.domain.events import Event, EventKind, same_agency
from dhr_manager.domain.workflow import AgencyState, Deadline, DeadlineStatus
from dhr_manager.services.workflow import WorkflowView
from dhr_manager.ui.case.event_form import EventForm, offered_agencies
from dhr_manager.ui.case.wording import (
    deadline_colour,
    event_details,
    event_name,
    return_words,
)
from dhr_manager.ui.fields import table_view
from dhr_manager.ui.models.row_model import Column, RowTableModel
from dhr_manager.ui.words import day_text, days_left_text

# Where each kind of event belongs, so that each stage's tab offers and lists its own.
STAGE_EVENTS: dict[Stage, tuple[EventKind, ...]] = {
    Stage.NOTIFICATION: (EventKind.REFERRAL, EventKind.DECISION, EventKind.HOME_OFFICE_NOTIFIED,
                         EventKind.WELSH_GOVERNMENT_NOTIFIED),
    Stage.PANEL: (EventKind.CHAIR_APPOINTED, EventKind.PANEL_MEETING, EventKind.TOR_AGREED,
                  EventKind.AGENCY_SCOPED, EventKind.AGENCY_REQUEST),
    Stage.CHRONOLOGY: (EventKind.AGENCY_RETURN, EventKind.LEARNING_EVENT),
    Stage.REPORT: (EventKind.DRAFT_CIRCULATED, EventKind.FAMILY_SHARED, EventKind.CSP_SIGNOFF,
                   EventKind.QA_SUBMITTED, EventKind.QA_FEEDBACK),
    Stage.ACTION_PLAN: (EventKind.PUBLISHED, EventKind.DAC_COPY),
}
AGENCY_STAGES = (Stage.PANEL, Stage.CHRONOLOGY)


def _tr(text: str) -> str:
    return QCoreApplication.translate("StageTab", text)


@dataclass(frozen=True)
class AgencyRow:
    """An agency in scope with its return deadline, and the day its state is worded for."""

    state: AgencyState
    deadline: Deadline | None
    today: date

    def due_text(self) -> str:
        if self.deadline is None:
            return ""
        if self.deadline.status is DeadlineStatus.MET:
            state = _tr("met")  # the Returned column gives the day
        elif self.deadline.status is DeadlineStatus.PAUSED:
            state = _tr("paused")
        else:
            state = days_left_text(self.deadline.due, self.today)
        return _tr("{day} ({state})").format(day=day_text(self.deadline.due), state=state)

    def returned_text(self) -> str:
        if self.state.returned_on is None:
            return ""
        kind = self.state.return_kind or "return"
        day = day_text(self.state.returned_on)
        return day if kind == "return" else _tr("{day} ({state})").format(day=day, state=return_words()[kind])


def agency_rows(view: WorkflowView, today: date) -> list[AgencyRow]:
    """Each agency with the deadline of its latest request, matched as the rules match agency names."""
    per_agency = [d for d in view.deadlines if d.clock.per_agency and d.anchor is not None]
    return [AgencyRow(state, next((d for d in per_agency if same_agency(d.anchor.agency, state.name)), None), today)
            for state in view.agencies]


def _ordinal(day: date | None) -> int:
    return day.toordinal() if day else 0


class StageTab(QWidget):
    def __init__(self, stage: Stage, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.gate_box = QGroupBox(self.tr("Needed before the case moves on"))
        self.gate_box.setAccessibleName(self.tr("Needed before the case moves on"))
        self.gate_grid = QGridLayout(self.gate_box)
        self.gate_grid.setColumnStretch(1, 1)

        self.events_model = RowTableModel[Event]([
            Column[Event](self.tr("Date"), lambda e: day_text(e.on), lambda e: e.on.toordinal()),
            Column[Event](self.tr("Event"), lambda e: event_name(e.kind)),
            Column[Event](self.tr("Details"), event_details),
        ], self)
        self.events_view = table_view(self.events_model, self.tr("Events recorded for this stage"))
        events_box = QGroupBox(self.tr("Recorded for this stage"))
        QVBoxLayout(events_box).addWidget(self.events_view)

        self.agencies_model = RowTableModel[AgencyRow]([
            Column[AgencyRow](self.tr("Agency"), lambda r: r.state.name),
            Column[AgencyRow](self.tr("Scoped"), lambda r: day_text(r.state.scoped_on),
                              lambda r: _ordinal(r.state.scoped_on)),
            Column[AgencyRow](self.tr("Asked"), lambda r: day_text(r.state.requested_on),
                              lambda r: _ordinal(r.state.requested_on)),
            Column[AgencyRow](self.tr("Due"), AgencyRow.due_text,
                              lambda r: _ordinal(r.deadline.due if r.deadline else None)),
            Column[AgencyRow](self.tr("Returned"), AgencyRow.returned_text, lambda r: _ordinal(r.state.returned_on)),
        ], self, self._agency_brush)
        self.agencies_view = table_view(self.agencies_model, self.tr("Agencies in scope"), sort_column=0)
        self.agencies_box = QGroupBox(self.tr("Agencies in scope"))
        QVBoxLayout(self.agencies_box).addWidget(self.agencies_view)
        self.agencies_box.setVisible(stage in AGENCY_STAGES)

        self.form = EventForm(today)
        left = QVBoxLayout()
        left.addWidget(self.gate_box)
        left.addWidget(events_box, 1)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        # Aligned rather than followed by a stretch, so that the lists take the whole width when it is hidden.
        top.addWidget(self.form, 2, Qt.AlignmentFlag.AlignTop)
        # Agencies get the full width: their due and returned columns say a lot.
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.agencies_box, 1)

    @staticmethod
    def _agency_brush(row: AgencyRow) -> QBrush | None:
        colour = deadline_colour(row.deadline, row.today) if row.deadline else None
        return QBrush(colour) if colour else None

    def show_view(self, view: WorkflowView, name: str, today: date, editable: bool,
                  register: Sequence[str]) -> None:
        """Fill the tab from `view`; the form is offered only to someone who may record on an open case, and
        offers the case's agencies, then the rest of the `register` (names only, loaded once by the page)."""
        self.setAccessibleName(self.tr("{stage} stage").format(stage=name))
        self._show_gate(view)
        kinds = STAGE_EVENTS[self.stage]
        self.events_model.set_rows([e for e in view.events if e.kind in kinds])
        self.agencies_model.set_rows(agency_rows(view, today) if self.stage in AGENCY_STAGES else [])
        self.form.set_choices([k for k in view.event_kinds if k in kinds],
                              offered_agencies([a.name for a in view.agencies], register), today)
        self.form.setVisible(editable and self.form.kind_combo.count() > 0)

    def _show_gate(self, view: WorkflowView) -> None:
        self._clear_gate()
        checks = [check for check in view.gate if check.stage is self.stage]
        if not checks:
            self._gate_row(0, "", self.tr("Nothing: this stage has no conditions."), quiet=True)
        order = [stage for stage, _name in view.stages]
        # Unmet items of a stage not reached yet (or of a review that ended) are not yet due, not missing.
        ahead = view.stage not in order or order.index(self.stage) > order.index(view.stage)
        for row, check in enumerate(checks):
            if check.met_on is not None:
                self._gate_row(row, self.tr("✓ recorded {day}").format(day=day_text(check.met_on)), check.label,
                               quiet=True)
            elif ahead:
                self._gate_row(row, self.tr("○ not yet"), check.label, quiet=True)
            else:
                # The current stage's list also says which agencies are still awaited.
                text = next((m for m in view.missing if m.startswith(check.label)), check.label)
                self._gate_row(row, self.tr("✗ missing"), text, quiet=False)

    def _gate_row(self, row: int, state: str, text: str, quiet: bool) -> None:
        state_label, text_label = QLabel(state), QLabel(text)
        text_label.setWordWrap(True)
        bold = state_label.font()
        bold.setBold(not quiet)  # what is missing now stands out by weight as well as by its words
        state_label.setFont(bold)
        for label in (state_label, text_label):
            label.setAccessibleName(self.tr("{item}: {state}").format(item=text, state=state) if state else text)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.gate_grid.addWidget(state_label, row, 0)
        self.gate_grid.addWidget(text_label, row, 1)

    def _clear_gate(self) -> None:
        while (item := self.gate_grid.takeAt(0)) is not None:
            if widget := item.widget():
                widget.setParent(None)  # gone at once, not at the next event loop turn

    def clear(self) -> None:
        self._clear_gate()
        self.events_model.set_rows([])
        self.agencies_model.set_rows([])
        self.form.clear()
