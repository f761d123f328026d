"""Deadlines that need attention now, across every live case: the dashboard's "overdue and due this week" table."""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QBrush

from dhr_manager.domain.workflow import Deadline, DeadlineStatus
from dhr_manager.services.overview import CaseOverview
from dhr_manager.ui.models.row_model import Column, RowTableModel
from dhr_manager.ui.models.task_table_model import OVERDUE_RED
from dhr_manager.ui.words import day_text, days_left_text

DUE_SOON_DAYS = 7  # "this week": a coordinator's usual planning horizon


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeadlineTableModel", text)


class DeadlineRow(NamedTuple):
    """One open deadline of one case, with the day its "days left" is counted from."""

    reference: str
    victim_pseudonym: str | None
    deadline: Deadline
    today: date


def deadline_text(deadline: Deadline) -> str:
    """The deadline's label, naming the agency for per-agency clocks so that six returns are told apart."""
    agency = deadline.anchor.agency if deadline.clock.per_agency and deadline.anchor else None
    return f"{deadline.label} — {agency}" if agency else deadline.label


def status_text(status: DeadlineStatus) -> str:
    return {
        DeadlineStatus.MET: _tr("Met"),
        DeadlineStatus.DUE: _tr("Due"),
        DeadlineStatus.OVERDUE: _tr("Overdue"),
        DeadlineStatus.PAUSED: _tr("Paused"),
    }[status]


def due_soon(overviews: Iterable[CaseOverview], today: date, days: int = DUE_SOON_DAYS) -> list[DeadlineRow]:
    """Every open deadline of a live case that is overdue or falls due within `days`: overdue first, then by
    due date, so the most pressing row is always on top."""
    horizon = today + timedelta(days=days)
    rows = [DeadlineRow(o.reference, o.victim_pseudonym, d, today)
            for o in overviews if o.live for d in o.open_deadlines() if d.due <= horizon]
    return sorted(rows, key=lambda r: (r.deadline.status is not DeadlineStatus.OVERDUE, r.deadline.due,
                                       r.reference, deadline_text(r.deadline)))


def _days_text(row: DeadlineRow) -> str:
    """A paused clock is not running late: say so instead of counting days."""
    if row.deadline.status is DeadlineStatus.PAUSED:
        return _tr("clock paused")
    return days_left_text(row.deadline.due, row.today)


def _red_when_overdue(row: DeadlineRow) -> QBrush | None:
    # The Status and Days columns say "overdue" in words; red only helps the eye find them.
    return QBrush(OVERDUE_RED) if row.deadline.status is DeadlineStatus.OVERDUE else None


class DeadlineTableModel(RowTableModel[DeadlineRow]):
    """Columns Case, Victim (pseudonym), Deadline, Due, Days, Status; `set_rows([])` empties it on lock."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column[DeadlineRow](_tr("Case"), lambda r: r.reference),
            Column[DeadlineRow](_tr("Victim (pseudonym)"), lambda r: r.victim_pseudonym or _tr("not recorded")),
            Column[DeadlineRow](_tr("Deadline"), lambda r: deadline_text(r.deadline)),
            Column[DeadlineRow](_tr("Due"), lambda r: day_text(r.deadline.due), lambda r: r.deadline.due.toordinal()),
            Column[DeadlineRow](_tr("Days"), _days_text,
                                lambda r: r.deadline.due.toordinal()),
            Column[DeadlineRow](_tr("Status"), lambda r: status_text(r.deadline.status)),
        ], parent, _red_when_overdue)

    def show_overviews(self, overviews: Iterable[CaseOverview], today: date) -> None:
        self.set_rows(due_soon(overviews, today))
