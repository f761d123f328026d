"""The agency register: one entry per agency whatever the spelling, reused by every case, contacts sealed."""

import json
import sqlite3
from datetime import date

import pytest

from dhr_manager.domain.agencies import AgencyType, parse_agency_type
from dhr_manager.domain.events import EventKind
from dhr_manager.domain.roles import Role
from dhr_manager.errors import InputError, NotFound
from dhr_manager.services import cases
from dhr_manager.services.agencies import add_agency, list_agencies, update_agency
from dhr_manager.services.audit_log import list_audit
from dhr_manager.services.chronology import import_chronology, list_chronology
from dhr_manager.services.users import add_user
from dhr_manager.services.workflow import record_event, workflow
from dhr_manager.storage.workspace import UnlockedWorkspace
from tests.conftest import open_as

TODAY = date(2026, 11, 22)


def _case(ws: UnlockedWorkspace, ref: str) -> None:
    cases.create_case(ws, ref, "Northshire", date(2026, 1, 5), today=TODAY)


def test_an_agency_named_by_two_cases_is_one_register_entry_in_its_first_spelling(admin_ws) -> None:
    _case(admin_ws, "DHR-2026-001")
    _case(admin_ws, "DHR-2026-002")
    add_agency(admin_ws, "Northshire Police", AgencyType.POLICE, "DI Example Officer")
    record_event(admin_ws, "DHR-2026-001", EventKind.AGENCY_SCOPED, date(2026, 2, 1),
                 {"agency": "northshire  POLICE"}, today=TODAY)
    record_event(admin_ws, "DHR-2026-002", EventKind.AGENCY_SCOPED, date(2026, 2, 1),
                 {"agency": "Harbour Housing"}, today=TODAY)
    record_event(admin_ws, "DHR-2026-002", EventKind.AGENCY_SCOPED, date(2026, 2, 2),
                 {"agency": "NORTHSHIRE POLICE"}, today=TODAY)

    register = list_agencies(admin_ws)
    assert [(a.name, a.kind, a.contact) for a in register] == [
        ("Harbour Housing", AgencyType.OTHER, None),  # added as the case named it
        ("Northshire Police", AgencyType.POLICE, "DI Example Officer"),
    ]
    # Both cases name the agency in the register's spelling.
    for ref in ("DHR-2026-001", "DHR-2026-002"):
        assert "Northshire Police" in {a.name for a in workflow(admin_ws, ref, TODAY).agencies}


def test_a_chronology_import_uses_and_fills_the_register(admin_ws, police_csv) -> None:
    _case(admin_ws, "DHR-2026-001")
    add_agency(admin_ws, "Northshire Police", AgencyType.POLICE)
    import_chronology(admin_ws, "DHR-2026-001", police_csv, "northshire police", today=TODAY)
    assert {e.agency for e in list_chronology(admin_ws, "DHR-2026-001").entries} == {"Northshire Police"}
    import_chronology(admin_ws, "DHR-2026-001", police_csv, "Safe Haven", today=TODAY)
    assert [a.name for a in list_agencies(admin_ws)] == ["Northshire Police", "Safe Haven"]


def test_duplicates_unknown_names_and_bad_values_are_refused_without_change(admin_ws) -> None:
    add_agency(admin_ws, "Northshire Police", AgencyType.POLICE, "DI Example Officer")
    add_agency(admin_ws, "Harbour Housing", AgencyType.HOUSING)
    with pytest.raises(InputError, match="Northshire Police is already in the register"):
        add_agency(admin_ws, " northshire   police ", AgencyType.OTHER)
    with pytest.raises(InputError, match="Harbour Housing is already in the register"):
        update_agency(admin_ws, "Northshire Police", new_name="HARBOUR housing")
    with pytest.raises(NotFound, match="No agency called Nowhere Trust"):
        update_agency(admin_ws, "Nowhere  Trust", kind=AgencyType.HEALTH)
    with pytest.raises(InputError, match="cannot be empty"):
        add_agency(admin_ws, "   ", AgencyType.OTHER)
    with pytest.raises(InputError, match="not a type of agency; choose one of police, health"):
        parse_agency_type("fire brigade")
    assert parse_agency_type("Childrens Social  Care") is AgencyType.CHILDRENS_SOCIAL_CARE
    assert [(a.name, a.kind, a.contact) for a in list_agencies(admin_ws)] == [
        ("Harbour Housing", AgencyType.HOUSING, None), ("Northshire Police", AgencyType.POLICE, "DI Example Officer")]


def test_rename_retype_and_remove_the_contact_are_audited(admin_ws) -> None:
    add_agency(admin_ws, "Northshire CCG", AgencyType.HEALTH, "Named Nurse (fictional)")
    view = update_agency(admin_ws, "northshire ccg", new_name="Northshire ICB")
    assert (view.name, view.kind, view.contact) == ("Northshire ICB", AgencyType.HEALTH, "Named Nurse (fictional)")
    view = update_agency(admin_ws, "Northshire ICB", kind=AgencyType.MENTAL_HEALTH, contact="")
    assert (view.kind, view.contact) == (AgencyType.MENTAL_HEALTH, None)
    with pytest.raises(NotFound):
        update_agency(admin_ws, "Northshire CCG", kind=AgencyType.HEALTH)  # the old name is gone
    actions = [e.action for e in list_audit(admin_ws) if e.table == "agencies"]
    assert actions == ["agency.add", "agency.update", "agency.update"]


def test_names_and_contacts_are_sealed_at_rest(admin_ws, ws_path) -> None:
    add_agency(admin_ws, "Zebra Crossing Trust", AgencyType.OTHER, "Contact Quokka Fictional")
    raw = ws_path.read_bytes() + b"".join(p.read_bytes() for p in ws_path.parent.glob("*-wal"))
    assert b"Zebra Crossing" not in raw and b"Quokka" not in raw
    with sqlite3.connect(ws_path) as db:
        assert db.execute("SELECT kind FROM agencies").fetchall() == [("other",)]


def test_a_chair_cannot_read_or_change_the_register(admin_ws, ws_path) -> None:
    add_user(admin_ws, "Chair One", Role.CHAIR, "chair passphrase for tests")
    chair = open_as(ws_path, "Chair One", "chair passphrase for tests")
    try:
        with pytest.raises(InputError):
            list_agencies(chair)
        with pytest.raises(InputError):
            add_agency(chair, "Northshire Police", AgencyType.POLICE)
    finally:
        chair.lock()


def test_the_agency_commands(cli, initialised) -> None:
    assert cli("agency", "add", "Northshire Police", "--type", "police", "--contact", "DI Example").code == 0
    result = cli("agency", "add", "NORTHSHIRE police")
    assert result.code == 2 and "already in the register" in result.err
    assert cli("agency", "add", "Fire Service", "--type", "brigade").code == 2
    assert cli("agency", "update", "Northshire Police", "--type", "Police", "--contact", "").code == 0
    listed = json.loads(cli("agency", "list", "--json").out)
    assert listed == [{"name": "Northshire Police", "type": "police", "contact": None}]
    assert cli("agency", "update", "Nobody", "--type", "police").code == 2
