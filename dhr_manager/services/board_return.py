"""The administrator's return: the spreadsheet boards ask for, one row per case.

Each row gives the case's reference, pseudonym, profile, stage, status and notification date; then, for every
deadline of the process profiles in use, its due date, the date it was met and the days it was late (met late, or
overdue now); then the days the case has spent paused, and its action-plan progress. A second sheet explains each
column and says when the return was made. Only references and pseudonyms appear: the file is pseudonymised, like
any document that leaves the team.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from dhr_manager.domain.actions import Rag
from dhr_manager.domain.cases import UNREADABLE, PersonRole, Stage, Status
from dhr_manager.domain.process import ClockDef
from dhr_manager.domain.roles import Permission
from dhr_manager.domain.workflow import CaseFacts, Deadline, DeadlineStatus, deadlines
from dhr_manager.services.actions import list_actions
from dhr_manager.services.workflow import case_profile, load_all_facts
from dhr_manager.storage.schema import CaseRow, PersonRow
from dhr_manager.storage.workspace import UnlockedWorkspace

DATE_FORMAT = "dd/mm/yyyy"
SHEET_TITLE = "Return"


@dataclass(frozen=True)
class ActionProgress:
    total: int
    complete: int
    overdue: int

    @property
    def percent(self) -> float | None:
        """Complete as a fraction of all actions (Excel shows it as a percentage), None with no actions."""
        return self.complete / self.total if self.total else None


@dataclass(frozen=True)
class DeadlineFigures:
    """One deadline of a case in the return; for a per-agency deadline, the latest of its agencies."""

    due: date
    met_on: date | None
    days_late: int


@dataclass(frozen=True)
class CaseReturn:
    reference: str
    pseudonym: str | None
    profile: str
    stage: Stage
    status: Status
    notified: date
    deadlines: dict[str, DeadlineFigures]  # by clock id; a clock not started yet is absent
    days_paused: int
    paused_now: bool
    actions: ActionProgress


@dataclass(frozen=True)
class _Column:
    header: str
    explanation: str
    value: Callable[[CaseReturn], Any]
    kind: str = "text"  # text, date, number or percent


def days_late(item: Deadline, today: date) -> int:
    """Met late: the days between the due date and the day it was met. Open: the days it is overdue today.
    A paused deadline's date keeps moving while the clocks are stopped, so its lateness stays where the pause
    found it."""
    end = item.met_on if item.status is DeadlineStatus.MET else today
    assert end is not None
    return max(0, (end - item.due).days)


def _figures(items: list[Deadline], today: date) -> dict[str, DeadlineFigures]:
    """Per clock; a per-agency clock reports its latest due date, the day the last agency met it (once all
    have) and the most days late of any agency."""
    by_clock: dict[str, list[Deadline]] = {}
    for item in items:
        by_clock.setdefault(item.clock.id, []).append(item)
    result = {}
    for clock_id, group in by_clock.items():
        met = [d.met_on for d in group if d.met_on is not None]
        result[clock_id] = DeadlineFigures(max(d.due for d in group), max(met) if len(met) == len(group) else None,
                                           max(days_late(d, today) for d in group))
    return result


def total_paused(facts: CaseFacts, today: date) -> int:
    return sum(((p.end or today) - p.start).days for p in facts.pauses)


def case_returns(ws: UnlockedWorkspace, today: date | None = None) -> tuple[list[CaseReturn], list[ClockDef]]:
    """Every case's figures, by reference, and the deadlines (clocks) of the profiles in use, in profile order."""
    ws.require(Permission.READ_ALL_CASES)
    today = today or date.today()
    progress = action_progress(ws, today)
    with ws.unit_of_work() as uow:
        cases = list(uow.session.scalars(select(CaseRow)))
        victims = {p.case_id: p for p in uow.session.scalars(
            select(PersonRow).where(PersonRow.role == PersonRole.VICTIM.value))}
        all_facts = load_all_facts(uow, cases)
        clocks: dict[str, ClockDef] = {}
        rows = []
        for case in cases:
            profile, facts, flags = case_profile(uow, case), all_facts[case.id], []
            for clock in profile.clocks:
                clocks.setdefault(clock.id, clock)
            reference = uow.sealer.get_or_flag(case, "reference", flags) or UNREADABLE
            victim = victims.get(case.id)
            rows.append(CaseReturn(
                reference, uow.sealer.get_or_flag(victim, "pseudonym", flags) if victim else None,
                f"{profile.id} v{profile.version}", Stage(case.stage), Status(case.status), facts.notified,
                _figures(deadlines(profile, facts, today), today), total_paused(facts, today), facts.paused,
                progress.get(reference, ActionProgress(0, 0, 0))))
    return sorted(rows, key=lambda r: r.reference), list(clocks.values())


def action_progress(ws: UnlockedWorkspace, today: date) -> dict[str, ActionProgress]:
    """Each case's action plan by reference: actions in all, complete, and overdue (red) on `today`."""
    by_case: dict[str, list[Rag]] = {}
    for action in list_actions(ws, today=today):
        by_case.setdefault(action.case_reference, []).append(action.rag)
    return {reference: ActionProgress(len(rags), rags.count(Rag.COMPLETE), rags.count(Rag.RED))
            for reference, rags in by_case.items()}


def _columns(clocks: list[ClockDef]) -> list[_Column]:
    columns = [
        _Column("Reference", "The case reference.", lambda r: r.reference),
        _Column("Victim (pseudonym)", "The pseudonym used in every document; real names never appear here.",
                lambda r: r.pseudonym or ""),
        _Column("Process profile", "The process profile (statutory guidance) the case follows, with its version.",
                lambda r: r.profile),
        _Column("Stage", "The stage the case is in.", lambda r: r.stage.value.replace("_", " ")),
        _Column("Status", "Open, paused (for parallel proceedings), closed, or not proceeding.",
                lambda r: r.status.value.replace("_", " ")),
        _Column("Date notified", "The date the Community Safety Partnership was notified of the death.",
                lambda r: r.notified, "date"),
    ]
    for clock in clocks:
        which = (" For a deadline per agency: the latest due date of the agencies asked." if clock.per_agency
                 else "")
        columns += [
            _Column(f"{clock.label}: due", f"When \"{clock.label}\" is due ({clock.offset.text} "
                    f"{'the request' if clock.per_agency else 'its starting point'}, later by any days paused); "
                    f"empty while its clock has not started.{which}",
                    lambda r, c=clock.id: _figure(r, c, "due"), "date"),
            _Column(f"{clock.label}: met", f"The date \"{clock.label}\" was met; empty while it is open."
                    + (" For a deadline per agency: the date the last agency met it, once all have." if
                       clock.per_agency else ""),
                    lambda r, c=clock.id: _figure(r, c, "met_on"), "date"),
            _Column(f"{clock.label}: days late", "Days late: met after the due date, or still open and overdue on "
                    "the date of the return. 0 when on time." + (" For a deadline per agency: the most days late "
                    "of any agency." if clock.per_agency else ""),
                    lambda r, c=clock.id: _figure(r, c, "days_late"), "number"),
        ]
    columns += [
        _Column("Days paused", "Total days the case has been paused for parallel proceedings (criminal trial, "
                "inquest…), up to the date of the return.", lambda r: r.days_paused, "number"),
        _Column("Paused now", "Yes if the case is paused on the date of the return.",
                lambda r: "Yes" if r.paused_now else "No"),
    ]
    columns += [
        _Column("Actions", "Actions in the case's action plan (0 until it has one).", lambda r: r.actions.total,
                "number"),
        _Column("Actions complete", "Actions completed, with their outcome recorded.", lambda r: r.actions.complete,
                "number"),
        _Column("Actions overdue", "Open actions whose target date has passed on the date of the return (red).",
                lambda r: r.actions.overdue, "number"),
        _Column("Action plan complete", "Actions complete as a percentage of all actions; empty without actions.",
                lambda r: r.actions.percent, "percent"),
    ]
    return columns


def _figure(row: CaseReturn, clock_id: str, name: str) -> Any:
    figures = row.deadlines.get(clock_id)
    return getattr(figures, name) if figures is not None else None


_FORMATS = {"date": DATE_FORMAT, "number": "0", "percent": "0%"}


def build_return(ws: UnlockedWorkspace, today: date | None = None) -> bytes:
    """The return as an .xlsx file."""
    today = today or date.today()
    rows, clocks = case_returns(ws, today)
    columns = _columns(clocks)
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET_TITLE
    sheet.append([c.header for c in columns])
    for row in rows:
        sheet.append([c.value(row) for c in columns])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        header = sheet[f"{letter}1"]
        header.font = Font(bold=True)
        header.alignment = Alignment(wrap_text=True, vertical="top")
        if column.kind in _FORMATS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = _FORMATS[column.kind]
        longest = max((len(str(column.value(r) or "")) for r in rows), default=0) if column.kind == "text" else 10
        sheet.column_dimensions[letter].width = min(max(longest + 2, 12, min(len(column.header), 28) * 0.8), 40)
    sheet.row_dimensions[1].height = 64  # four lines of the longest headers, wrapped
    sheet.freeze_panes = "B2"  # the header row and the reference stay in view
    sheet.auto_filter.ref = sheet.dimensions
    _notes(book, columns, today, ws.user.name, len(rows))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _notes(book: Workbook, columns: list[_Column], today: date, made_by: str, count: int) -> None:
    notes = book.create_sheet("About this return")
    notes.append(["Administrator's return", None])
    notes.append(["Figures as on", today])
    notes.append(["Made", datetime.now().replace(microsecond=0)])
    notes.append(["Made by", made_by])
    notes.append(["Cases", count])
    notes.append([])
    notes.append(["Column", "What it means"])
    for column in columns:
        notes.append([column.header, column.explanation])
    notes["A1"].font = Font(bold=True, size=14)
    notes["B2"].number_format = DATE_FORMAT
    notes["B3"].number_format = f"{DATE_FORMAT} hh:mm"
    notes["B5"].number_format = "0"
    for cell in notes[7]:
        cell.font = Font(bold=True)
    for (cell,) in notes.iter_rows(min_row=8, min_col=2, max_col=2):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    notes.column_dimensions["A"].width = 45
    notes.column_dimensions["B"].width = 100
