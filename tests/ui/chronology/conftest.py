"""A small workspace with one case whose terms of reference set a scoping period, and agency files to import."""

from datetime import date
from pathlib import Path

import pytest

from dhr_manager.domain.events import EventKind
from dhr_manager.services import cases
from dhr_manager.services.chronology import import_chronology
from dhr_manager.services.workflow import record_event
from dhr_manager.storage.workspace import UnlockedWorkspace
from tests.conftest import write_csv

TODAY = date(2026, 11, 22)
REF = "DHR-2026-001"
POLICE = "Northshire Police"
GP = "Northshire ICB"



@pytest.fixture
def case_ws(unlocked: UnlockedWorkspace) -> UnlockedWorkspace:
    cases.create_case(unlocked, REF, "Northshire", date(2026, 1, 5), today=TODAY)
    record_event(unlocked, REF, EventKind.TOR_AGREED, date(2026, 2, 20),
                 {"scope_from": "2019-01-01", "scope_to": "2025-12-20"}, today=TODAY)
    return unlocked



@pytest.fixture
def gp_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "gp.csv", [
        ["Date of contact", "Description", "Outcome"],
        ["02/06/2021", "DASH risk assessment completed with Adult A - medium risk", "Noted"],
        ["10/01/2022", "Appointment missed", "Letter sent"],
    ])


@pytest.fixture
def imported(case_ws: UnlockedWorkspace, police_csv: Path, gp_csv: Path) -> UnlockedWorkspace:
    import_chronology(case_ws, REF, police_csv, POLICE, today=TODAY)
    import_chronology(case_ws, REF, gp_csv, GP, today=TODAY)
    return case_ws
