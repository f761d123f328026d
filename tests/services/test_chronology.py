"""Importing agency chronologies into a case: all or nothing, re-imports noticed, returns recorded."""

import csv
from datetime import date

import pytest

from dhr_manager.domain.events import EventKind
from dhr_manager.errors import InputError
from dhr_manager.services import cases
from dhr_manager.services.audit_log import list_audit
from dhr_manager.services.chronology import (
    edit_entry,
    export_chronology,
    import_chronology,
    list_chronology,
    set_key_event,
)
from dhr_manager.services.workflow import record_event, workflow
from dhr_manager.storage.workspace import UnlockedWorkspace
from tests.conftest import write_csv

TODAY = date(2026, 11, 22)
REF = "DHR-2026-001"



@pytest.fixture
def case(admin_ws: UnlockedWorkspace) -> UnlockedWorkspace:
    cases.create_case(admin_ws, REF, "Northshire", date(2026, 1, 5), today=TODAY)
    record_event(admin_ws, REF, EventKind.TOR_AGREED, date(2026, 2, 20),
                 {"scope_from": "2019-01-01", "scope_to": "2025-12-20"}, today=TODAY)
    for agency in ("Northshire Police", "Northshire ICB"):
        record_event(admin_ws, REF, EventKind.AGENCY_REQUEST, date(2026, 2, 23), {"agency": agency}, today=TODAY)
    return admin_ws



def test_an_import_merges_into_the_combined_chronology_and_records_the_return(case, police_csv, tmp_path) -> None:
    result = import_chronology(case, REF, police_csv, "Northshire Police", today=TODAY)
    assert len(result.preview.entries) == 4 and result.return_recorded and not result.replaced
    gp = write_csv(tmp_path / "gp.csv", [
        ["Date of contact", "Description", "Outcome"],
        ["02/06/2021", "DASH risk assessment completed with Adult A - medium risk", "Noted"],
        ["14/03/2021", "Adult A attended with bruising to arm", "Advice"],
    ])
    import_chronology(case, REF, gp, "Northshire ICB", today=TODAY)
    view = list_chronology(case, REF)
    assert [(e.when.text(), e.agency) for e in view.entries] == [
        ("c. 2018", "Northshire Police"), ("March 2021", "Northshire Police"), ("14 Mar 2021", "Northshire ICB"),
        ("14 Mar 2021", "Northshire Police"), ("2 Jun 2021", "Northshire ICB"), ("2 Jun 2021", "Northshire Police")]
    dash = [e.id for e in view.entries if "DASH" in e.event]
    assert view.duplicates == {dash[0]: [dash[1]], dash[1]: [dash[0]]}
    assert view.outside == {view.entries[0].id}  # c. 2018 is before the scoping period
    agencies = {a.name: a.return_kind for a in workflow(case, REF, TODAY).agencies}
    assert agencies == {"Northshire ICB": "return", "Northshire Police": "return"}


def test_a_bad_row_rejects_the_whole_file_and_names_the_row(case, police_csv, tmp_path) -> None:
    bad = write_csv(tmp_path / "bad.csv", [["Date", "Event"], ["01/02/2021", "Fine"], ["31/02/2024", "Impossible"]])
    with pytest.raises(InputError, match=r"bad.csv, row 3: '31/02/2024' is not a date that exists"):
        import_chronology(case, REF, bad, "Northshire Police", today=TODAY)
    assert list_chronology(case, REF).entries == []
    assert "chronology.import" not in [e.action for e in list_audit(case)]


def test_unrecognised_columns_are_named_and_can_be_mapped(case, tmp_path) -> None:
    odd = write_csv(tmp_path / "odd.csv", [["Day", "Narrative"], ["01/02/2021", "Contact by phone"]])
    with pytest.raises(InputError, match="no column was recognised for date, event"):
        import_chronology(case, REF, odd, "Northshire Police", today=TODAY)
    result = import_chronology(case, REF, odd, "Northshire Police", map_text="date=Day,event=2", today=TODAY)
    assert result.preview.entries[0].event == "Contact by phone"


def test_a_dry_run_writes_nothing(case, police_csv) -> None:
    result = import_chronology(case, REF, police_csv, "Northshire Police", dry_run=True, today=TODAY)
    assert len(result.preview.entries) == 4
    assert list_chronology(case, REF).entries == []


def test_the_same_file_again_is_refused_unless_replacing(case, police_csv) -> None:
    import_chronology(case, REF, police_csv, "Northshire Police", today=TODAY)
    with pytest.raises(InputError, match="already imported for Northshire Police"):
        import_chronology(case, REF, police_csv, "Northshire Police", today=TODAY)
    again = import_chronology(case, REF, police_csv, "Northshire Police", replace=True, today=TODAY)
    assert again.replaced and len(list_chronology(case, REF).entries) == 4


def test_entries_can_be_flagged_edited_and_filtered_with_the_edit_audited(case, police_csv) -> None:
    import_chronology(case, REF, police_csv, "Northshire Police", today=TODAY)
    first = list_chronology(case, REF).entries[1]
    set_key_event(case, first.id, True)
    edit_entry(case, first.id, {"comments": "Checked with the agency"})
    key = list_chronology(case, REF, key_only=True).entries
    assert [(e.id, e.comments) for e in key] == [(first.id, "Checked with the agency")]
    assert {"chronology.key-event", "chronology.edit"} <= {e.action for e in list_audit(case)}
    ranged = list_chronology(case, REF, date_from=date(2021, 3, 10), date_to=date(2021, 3, 31)).entries
    assert [e.when.text() for e in ranged] == ["March 2021", "14 Mar 2021"]


def test_export_neutralises_cells_that_could_run_as_formulas(case, tmp_path) -> None:
    risky = write_csv(tmp_path / "risky.csv", [["Date", "Event"], ["01/02/2021", "=HYPERLINK(\"http://x\")"],
                                               ["02/02/2021", "+44 7700 900000 called"]])
    import_chronology(case, REF, risky, "Northshire Police", today=TODAY)
    out = tmp_path / "combined.csv"
    assert export_chronology(case, REF, out) == 2
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Date", "Time", "Agency"]
    assert [row[4] for row in rows[1:]] == ["'=HYPERLINK(\"http://x\")", "'+44 7700 900000 called"]
    xlsx = tmp_path / "combined.xlsx"
    assert export_chronology(case, REF, xlsx) == 2
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet.cell(2, 5).value == "'=HYPERLINK(\"http://x\")"
