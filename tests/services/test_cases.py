"""Cases, people and notes as a coordinator records them."""

from datetime import date

import pytest

from dhr_manager.domain.cases import PersonRole, Stage, Status
from dhr_manager.errors import InputError, NotFound
from dhr_manager.services import audit_log, cases, notes, people


def test_a_new_case_starts_at_notification_and_is_found_by_any_spelling_of_its_reference(admin_ws) -> None:
    cases.create_case(admin_ws, " dhr-2026-001 ", "Northshire", date(2026, 1, 5), date(2025, 12, 20))
    view = cases.show_case(admin_ws, "DHR-2026-001")
    assert (view.reference, view.area, view.stage, view.status) == ("DHR-2026-001", "Northshire",
                                                                     Stage.NOTIFICATION, Status.OPEN)
    assert (view.notified, view.date_of_death) == (date(2026, 1, 5), date(2025, 12, 20))


def test_a_duplicate_reference_is_refused(admin_ws) -> None:
    cases.create_case(admin_ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    with pytest.raises(InputError, match="already a case DHR-2026-001"):
        cases.create_case(admin_ws, "dhr-2026-001", "Southvale", date(2026, 1, 6))


@pytest.mark.parametrize(("notified", "death", "message"), [
    (date(2099, 1, 1), None, "later than today"),
    (date(2026, 1, 5), date(2026, 1, 9), "after the date the CSP was notified"),
])
def test_impossible_dates_are_refused_and_nothing_is_written(admin_ws, notified, death, message) -> None:
    with pytest.raises(InputError, match=message):
        cases.create_case(admin_ws, "DHR-2026-001", "Northshire", notified, death)
    assert cases.list_cases(admin_ws) == []
    assert [e.action for e in audit_log.list_audit(admin_ws)] == ["workspace.create", "user.create"]


def test_people_show_pseudonyms_in_the_case_and_real_names_only_in_the_people_list(admin_ws) -> None:
    cases.create_case(admin_ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    people.add_person(admin_ws, "DHR-2026-001", PersonRole.VICTIM, "Zebedee Quillfeather", "Adult A",
                      date(1980, 2, 3), "1 Nowhere Lane, Fictiontown")
    people.add_person(admin_ws, "DHR-2026-001", PersonRole.PERPETRATOR, "Mortimer Grimsby", "Adult B")
    view = cases.show_case(admin_ws, "DHR-2026-001")
    assert view.victim_pseudonym == "Adult A"
    assert {(p.role, p.pseudonym, p.name) for p in view.people} == {
        (PersonRole.VICTIM, "Adult A", None), (PersonRole.PERPETRATOR, "Adult B", None)}
    listed = people.list_people(admin_ws, "DHR-2026-001")
    assert [(p.pseudonym, p.name, p.date_of_birth, p.address) for p in listed] == [
        ("Adult A", "Zebedee Quillfeather", date(1980, 2, 3), "1 Nowhere Lane, Fictiontown"),
        ("Adult B", "Mortimer Grimsby", None, None)]


def test_a_pseudonym_must_differ_from_the_name_and_one_victim_per_case(admin_ws) -> None:
    cases.create_case(admin_ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    with pytest.raises(InputError, match="must differ"):
        people.add_person(admin_ws, "DHR-2026-001", PersonRole.VICTIM, "Adult A", "adult a")
    people.add_person(admin_ws, "DHR-2026-001", PersonRole.VICTIM, "Zebedee Quillfeather", "Adult A")
    with pytest.raises(InputError, match="already has a victim"):
        people.add_person(admin_ws, "DHR-2026-001", PersonRole.VICTIM, "Someone Else", "Adult C")


def test_notes_are_kept_with_author_and_an_unknown_case_is_named(admin_ws) -> None:
    cases.create_case(admin_ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    assert notes.add_notes(admin_ws, "DHR-2026-001", ["Police referral received.", "Chair shortlist made."]) == 2
    view = cases.show_case(admin_ws, "DHR-2026-001")
    assert sorted(n.text for n in view.notes) == ["Chair shortlist made.", "Police referral received."]
    assert {n.author for n in view.notes} == {"Ada Admin"}
    with pytest.raises(NotFound, match="DHR-2026-404"):
        notes.add_notes(admin_ws, "DHR-2026-404", ["lost"])


def test_every_change_is_audited_without_values(admin_ws) -> None:
    cases.create_case(admin_ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    people.add_person(admin_ws, "DHR-2026-001", PersonRole.VICTIM, "Zebedee Quillfeather", "Adult A")
    notes.add_notes(admin_ws, "DHR-2026-001", ["Police referral received."])
    entries = audit_log.list_audit(admin_ws, case_reference="DHR-2026-001")
    assert [(e.action, e.user, e.case) for e in entries] == [
        ("case.create", "Ada Admin", "DHR-2026-001"), ("person.add", "Ada Admin", "DHR-2026-001"),
        ("note.add", "Ada Admin", "DHR-2026-001")]
    flat = repr(entries)
    assert "Zebedee" not in flat and "Northshire" not in flat and "referral" not in flat
