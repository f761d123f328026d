"""Every deadline on the case with its state in words, how its date was reached, and colour as a second cue."""

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from dhr_manager.domain.workflow import Deadline
from dhr_manager.ui.case.wording import deadline_colour, deadline_name, deadline_state
from dhr_manager.ui.fields import button, table_view
from dhr_manager.ui.labels import paragraph
from dhr_manager.ui.models.row_model import Column, RowTableModel
from dhr_manager.ui.words import day_text


@dataclass(frozen=True)
class DeadlineRow:
    """A deadline and the day its state is worded for."""

    deadline: Deadline
    today: date


def _brush(row: DeadlineRow) -> QBrush | None:
    colour = deadline_colour(row.deadline, row.today)
    return QBrush(colour) if colour else None


class DeadlinesTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Deadlines"))
        self.model = RowTableModel[DeadlineRow]([
            Column[DeadlineRow](self.tr("Deadline"), lambda r: deadline_name(r.deadline)),
            Column[DeadlineRow](self.tr("Due"), lambda r: day_text(r.deadline.due),
                                lambda r: r.deadline.due.toordinal()),
            Column[DeadlineRow](self.tr("Status"), lambda r: deadline_state(r.deadline, r.today)),
            Column[DeadlineRow](self.tr("Basis"), lambda r: r.deadline.basis),
        ], self, _brush)
        self.view = table_view(self.model, self.tr("Deadlines"))
        # The case page does the export; the button is here, next to what it exports.
        self.export_button = button(self.tr("Export &calendar…"), self.tr("Export this case's calendar"))
        self.export_button.setToolTip(self.tr(
            "Save this case's open deadlines and tasks as an .ics file for Outlook, Google or Apple Calendar"))
        top = QHBoxLayout()
        top.addWidget(paragraph(self.tr(
            "Deadlines follow the case's process profile. While the case is paused its open deadlines stop; "
            "when it resumes they move later by the days paused.")), 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def show_deadlines(self, deadlines: list[Deadline], today: date) -> None:
        self.model.set_rows([DeadlineRow(d, today) for d in deadlines])

    def clear(self) -> None:
        self.model.set_rows([])
