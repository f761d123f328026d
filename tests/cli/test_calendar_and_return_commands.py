"""`calendar export` and `report return` from the command line: the files they write and what they refuse."""

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from dhr_manager.domain.calendar import add_months

REF, OTHER = "DHR-2026-001", "DHR-2026-002"


@pytest.fixture
def two_cases(cli) -> date:
    """Two cases notified 40 days ago, one with a victim recorded and a decision taken."""
    notified = date.today() - timedelta(days=40)
    assert cli("init", "--user", "Ada Admin").code == 0
    for ref in (REF, OTHER):
        assert cli("case", "new", "--reference", ref, "--area", "Northshire", "--notified",
                   notified.isoformat()).code == 0
    assert cli("person", "add", REF, "--role", "victim", "--name", "Testname Realperson",
               "--pseudonym", "Adult A").code == 0
    decided = (notified + timedelta(days=10)).isoformat()
    assert cli("event", REF, "decision", "--date", decided, "--outcome", "hold", "--rationale", "Met").code == 0
    return notified


def test_calendar_export_writes_the_events_it_counts(cli, two_cases, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.ics"
    result = cli("calendar", "export", "--out", str(out))
    assert result.code == 0, result.err
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert f"Wrote {len(events)} events to {out}" in result.out and len(events) > 2
    assert {str(e["summary"]).split(":")[0] for e in events} == {f"{REF} (Adult A)", OTHER}
    assert b"Realperson" not in out.read_bytes()
    assert not list(tmp_path.glob(".*.partial"))


def test_calendar_export_for_one_case(cli, two_cases, tmp_path: Path) -> None:
    out = tmp_path / "one.ics"
    assert cli("calendar", "export", "--case", OTHER, "--out", str(out)).code == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert events and all(str(e["summary"]).startswith(OTHER) for e in events)
    missing = cli("calendar", "export", "--case", "DHR-2026-999", "--out", str(tmp_path / "none.ics"))
    assert missing.code == 2 and "There is no case DHR-2026-999" in missing.err
    assert not (tmp_path / "none.ics").exists()


@pytest.mark.parametrize(("command", "name"), [(("calendar", "export"), "file.ics"),
                                              (("report", "return"), "file.xlsx")])
def test_an_existing_file_is_never_overwritten(cli, two_cases, tmp_path: Path, command, name) -> None:
    out = tmp_path / name
    out.write_bytes(b"someone else's file")
    result = cli(*command, "--out", str(out))
    assert result.code == 2 and "already exists; choose a new file name" in result.err
    assert out.read_bytes() == b"someone else's file"


@pytest.mark.parametrize(("command", "name", "suffix"), [(("calendar", "export"), "file.txt", ".ics"),
                                                        (("report", "return"), "file.csv", ".xlsx")])
def test_a_wrong_file_type_is_refused(cli, two_cases, tmp_path: Path, command, name, suffix) -> None:
    result = cli(*command, "--out", str(tmp_path / name))
    assert result.code == 2 and f"ending in {suffix}" in result.err


def test_report_return_writes_one_row_per_case(cli, two_cases, tmp_path: Path) -> None:
    out = tmp_path / "return.xlsx"
    result = cli("report", "return", "--out", str(out))
    assert result.code == 0, result.err
    assert str(out) in result.out
    rows = list(load_workbook(io.BytesIO(out.read_bytes()))["Return"].iter_rows(values_only=True))
    assert [row[:2] for row in rows[1:]] == [(REF, "Adult A"), (OTHER, None)]
    headers = rows[0]
    late = headers.index("Decision on whether to hold a review: days late")
    overdue = (date.today() - add_months(two_cases, 1)).days  # due a month after the notification, not met
    assert [row[late] for row in rows[1:]] == [0, overdue] and overdue > 0
