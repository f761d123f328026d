"""The words the interface uses for stages, statuses, roles and dates, in one place for translation."""

from datetime import date

from PySide6.QtCore import QCoreApplication

from dhr_manager.domain.cases import Stage, Status
from dhr_manager.domain.roles import Role


def _tr(text: str) -> str:
    return QCoreApplication.translate("words", text)


def stage_name(stage: Stage) -> str:
    return {
        Stage.NOTIFICATION: _tr("Notification"),
        Stage.PANEL: _tr("Panel"),
        Stage.CHRONOLOGY: _tr("Chronology"),
        Stage.REPORT: _tr("Report"),
        Stage.ACTION_PLAN: _tr("Action plan"),
        Stage.CLOSED: _tr("Closed"),
    }[stage]


def status_name(status: Status) -> str:
    return {
        Status.OPEN: _tr("Open"),
        Status.PAUSED: _tr("Paused"),
        Status.CLOSED: _tr("Closed"),
        Status.NOT_PROCEEDING: _tr("Not proceeding"),
    }[status]


def role_name(role: Role) -> str:
    return {Role.ADMINISTRATOR: _tr("administrator"), Role.COORDINATOR: _tr("coordinator"),
            Role.CHAIR: _tr("chair")}[role]


def day_text(day: date | None) -> str:
    """A date as coordinators write it: Mon 4 Nov 2026 (no leading zero, built portably)."""
    return f"{day:%a} {day.day} {day:%b %Y}" if day else ""


def days_left_text(due: date, today: date) -> str:
    """How far a due date is, in words, so that lateness never relies on colour alone."""
    days = (due - today).days
    if days == 0:
        return _tr("due today")
    if days > 0:
        return _tr("due in 1 day") if days == 1 else _tr("due in {n} days").format(n=days)
    return _tr("1 day overdue") if days == -1 else _tr("{n} days overdue").format(n=-days)
