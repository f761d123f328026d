"""The administrator's return, checked figure by figure against three cases built by hand."""

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dhr_manager.domain.cases import PersonRole
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.roles import Role
from dhr_manager.errors import PermissionDenied
from dhr_manager.services import cases, people, users
from dhr_manager.services.actions import add_action, add_recommendation, update_action
from dhr_manager.services.board_return import build_return
from dhr_manager.services.workflow import advance, pause, resume
from dhr_manager.storage.workspace import UnlockedWorkspace
from tests.conftest import open_as
from tests.helpers.events import recorder

TODAY = date(2026, 11, 22)
ON_TIME, LATE, PAUSED = "DHR-2026-001", "DHR-2026-002", "DHR-2026-003"
DECISION = "Decision on whether to hold a review"
HOME_OFFICE = "Home Office told of the decision"
AGENCY = "Chronology and report due from the agency"
record = recorder(TODAY)


@pytest.fixture
def three_cases(admin_ws: UnlockedWorkspace) -> UnlockedWorkspace:
    # On time: decided 15 days after notification (due in a month), Home Office told within 5 working days.
    cases.create_case(admin_ws, ON_TIME, "Northshire", date(2026, 1, 5), today=TODAY)
    people.add_person(admin_ws, ON_TIME, PersonRole.VICTIM, "Testname Realperson", "Adult A", today=TODAY)
    record(admin_ws, ON_TIME, EventKind.DECISION, date(2026, 1, 20), outcome="hold", rationale="Criteria met")
    record(admin_ws, ON_TIME, EventKind.HOME_OFFICE_NOTIFIED, date(2026, 1, 23))
    advance(admin_ws, ON_TIME, date(2026, 1, 23), today=TODAY)
    record(admin_ws, ON_TIME, EventKind.AGENCY_REQUEST, date(2026, 2, 2), agency="Northshire Police",
           due="2026-03-02")
    record(admin_ws, ON_TIME, EventKind.AGENCY_REQUEST, date(2026, 2, 2), agency="Northshire ICB", due="2026-03-16")
    record(admin_ws, ON_TIME, EventKind.AGENCY_RETURN, date(2026, 3, 1), agency="Northshire Police")
    record(admin_ws, ON_TIME, EventKind.AGENCY_RETURN, date(2026, 3, 20), agency="Northshire ICB")  # 4 days late
    # Late: the decision (due 5 Feb) came on 15 Feb; the Home Office (due 20 Feb, 5 working days) never told.
    cases.create_case(admin_ws, LATE, "Southvale", date(2026, 1, 5), today=TODAY)
    record(admin_ws, LATE, EventKind.DECISION, date(2026, 2, 15), outcome="hold", rationale="Criteria met")
    # Paused: 30 days for a trial (10 Mar to 9 Apr), and again since 12 Nov for an inquest (10 days today).
    cases.create_case(admin_ws, PAUSED, "Eastmere", date(2026, 3, 2), today=TODAY)
    pause(admin_ws, PAUSED, "criminal-trial", date(2026, 3, 10), today=TODAY)
    resume(admin_ws, PAUSED, date(2026, 4, 9), today=TODAY)
    pause(admin_ws, PAUSED, "inquest", date(2026, 11, 12), today=TODAY)
    return admin_ws


def read_return(data: bytes) -> tuple[dict[str, dict[str, object]], object, object]:
    book = load_workbook(io.BytesIO(data))
    sheet = book["Return"]
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    by_reference = {row[0]: dict(zip(headers, row, strict=True)) for row in rows[1:]}
    return by_reference, sheet, book["About this return"]


def day(value: object) -> date:
    assert isinstance(value, datetime)  # a real Excel date, not text
    return value.date()


def test_the_on_time_case_shows_its_dates_and_no_lateness(three_cases) -> None:
    rows, _sheet, _notes = read_return(build_return(three_cases, TODAY))
    row = rows[ON_TIME]
    assert (row["Victim (pseudonym)"], row["Stage"], row["Status"]) == ("Adult A", "panel", "open")
    assert row["Process profile"] == "england-dhr-2016 v1"
    assert day(row["Date notified"]) == date(2026, 1, 5)
    assert day(row[f"{DECISION}: due"]) == date(2026, 2, 5)
    assert day(row[f"{DECISION}: met"]) == date(2026, 1, 20)
    assert row[f"{DECISION}: days late"] == 0
    assert day(row[f"{HOME_OFFICE}: met"]) == date(2026, 1, 23) and row[f"{HOME_OFFICE}: days late"] == 0
    # Per agency: the latest due date, met when the last agency returned, the most days late of any agency.
    assert day(row[f"{AGENCY}: due"]) == date(2026, 3, 16)
    assert day(row[f"{AGENCY}: met"]) == date(2026, 3, 20)
    assert row[f"{AGENCY}: days late"] == 4
    assert (row["Days paused"], row["Paused now"]) == (0, "No")


def test_the_late_case_counts_days_late_when_met_and_when_still_overdue(three_cases) -> None:
    row = read_return(build_return(three_cases, TODAY))[0][LATE]
    assert (row["Victim (pseudonym)"], row["Stage"], row["Status"]) == (None, "notification", "open")
    assert row[f"{DECISION}: days late"] == 10  # due 5 Feb, met 15 Feb
    assert day(row[f"{HOME_OFFICE}: due"]) == date(2026, 2, 20)
    assert row[f"{HOME_OFFICE}: met"] is None
    assert row[f"{HOME_OFFICE}: days late"] == (TODAY - date(2026, 2, 20)).days == 275
    assert row[f"{AGENCY}: due"] is None and row[f"{AGENCY}: days late"] is None  # no agency asked yet


def test_the_paused_case_counts_every_day_paused_and_moves_its_deadline(three_cases) -> None:
    row = read_return(build_return(three_cases, TODAY))[0][PAUSED]
    assert (row["Stage"], row["Status"]) == ("notification", "paused")
    assert (row["Days paused"], row["Paused now"]) == (40, "Yes")
    # Due 2 Apr, later by the 40 days paused; overdue by what it was when the second pause began.
    assert day(row[f"{DECISION}: due"]) == date(2026, 5, 12)
    assert row[f"{DECISION}: days late"] == (date(2026, 11, 12) - date(2026, 5, 2)).days == 194


def test_the_sheet_is_laid_out_for_a_board_and_explains_itself(three_cases) -> None:
    rows, sheet, notes = read_return(build_return(three_cases, TODAY))
    assert list(rows) == [ON_TIME, LATE, PAUSED]
    assert sheet.freeze_panes == "B2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet["F2"].number_format == "dd/mm/yyyy"
    assert all(sheet.column_dimensions[letter].width >= 12 for letter in "ABCDEF")
    explained = {row[0]: row[1] for row in notes.iter_rows(min_row=8, values_only=True)}
    assert set(explained) == set(next(iter(rows.values())))
    assert day(notes["B2"].value) == TODAY
    assert all(column in explained for column in ("Actions", "Actions complete", "Actions overdue",
                                                  "Action plan complete"))


def test_no_real_name_is_in_the_return(three_cases) -> None:
    data = build_return(three_cases, TODAY)
    _rows, sheet, notes = read_return(data)
    text = " ".join(str(v) for ws in (sheet, notes) for row in ws.iter_rows(values_only=True) for v in row)
    assert "Realperson" not in text and "Adult A" in text


def test_a_chair_cannot_make_the_return(three_cases, ws_path: Path) -> None:
    users.add_user(three_cases, "Chris Chair", Role.CHAIR, "chair passphrase for tests")
    cases.assign_case(three_cases, ON_TIME, "Chris Chair")
    with pytest.raises(PermissionDenied):
        build_return(open_as(ws_path, "Chris Chair", "chair passphrase for tests"), TODAY)


def test_action_plan_progress_counts_complete_and_overdue_actions(three_cases) -> None:
    add_recommendation(three_cases, ON_TIME, "Northshire Police to train every response officer", "local",
                       outcome="Every officer trained", target=date(2027, 6, 30))
    for action, target in (("Design the training", date(2026, 11, 1)), ("Deliver the training", date(2027, 3, 1)),
                           ("Brief the senior team", date(2026, 10, 1)), ("Audit the training", date(2026, 11, 21))):
        made = add_action(three_cases, ON_TIME, 1, action, "Northshire Police", target=target, today=TODAY)
        if action == "Brief the senior team":
            update_action(three_cases, made.id, completed_on=date(2026, 9, 30), outcome="Briefed", today=TODAY)
    rows, sheet, _notes = read_return(build_return(three_cases, TODAY))
    row = rows[ON_TIME]
    # Four actions: one complete, two past their target date (1 Nov and yesterday), one on track.
    assert (row["Actions"], row["Actions complete"], row["Actions overdue"]) == (4, 1, 2)
    assert row["Action plan complete"] == 0.25
    column = list(rows[ON_TIME]).index("Action plan complete") + 1
    assert sheet.cell(row=2, column=column).number_format == "0%"
    assert (rows[LATE]["Actions"], rows[LATE]["Action plan complete"]) == (0, None)  # no plan yet
