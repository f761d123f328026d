"""Recording a case's events in tests, as of a fixed day."""

from datetime import date
from functools import partial
from typing import Any

from dhr_manager.domain.events import EventKind
from dhr_manager.services.workflow import record_event
from dhr_manager.storage.workspace import UnlockedWorkspace


def _record(ws: UnlockedWorkspace, reference: str, kind: EventKind, on: date, *, today: date,
            **details: Any) -> None:
    record_event(ws, reference, kind, on, details, today=today)


def recorder(today: date) -> Any:
    """`record(ws, reference, kind, on, **details)` as a user would record it on `today`."""
    return partial(_record, today=today)
