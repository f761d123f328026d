"""Roles are enforced by the services themselves, whatever front end calls them."""

from datetime import date
from pathlib import Path

import pytest

from dhr_manager.domain.cases import PersonRole
from dhr_manager.domain.roles import Role
from dhr_manager.errors import InputError, NotFound, PermissionDenied
from dhr_manager.services import audit_log, backups, cases, integrity, notes, people, review, users
from tests.conftest import open_as

CHAIR_PASS = "chair passphrase for tests"


@pytest.fixture
def chair(admin_ws, ws_path: Path):
    cases.create_case(admin_ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    cases.create_case(admin_ws, "DHR-2026-002", "Southvale", date(2026, 2, 9))
    users.add_user(admin_ws, "Chris Chair", Role.CHAIR, CHAIR_PASS)
    cases.assign_case(admin_ws, "DHR-2026-001", "Chris Chair")
    return open_as(ws_path, "Chris Chair", CHAIR_PASS)


def test_a_chair_cannot_create_a_case(chair) -> None:
    with pytest.raises(PermissionDenied, match="chair"):
        cases.create_case(chair, "DHR-2026-003", "Eastmere", date(2026, 3, 1))


@pytest.mark.parametrize("action", [
    lambda ws: people.add_person(ws, "DHR-2026-001", PersonRole.VICTIM, "Zebedee Quill", "Adult A"),
    lambda ws: people.list_people(ws, "DHR-2026-001"),
    lambda ws: notes.add_notes(ws, "DHR-2026-001", ["a note"]),
    lambda ws: cases.assign_case(ws, "DHR-2026-001", "Chris Chair"),
    lambda ws: users.add_user(ws, "Another", Role.ADMINISTRATOR, "passphrase of another"),
    lambda ws: audit_log.list_audit(ws),
    lambda ws: integrity.verify_workspace(ws),
    lambda ws: backups.backup_workspace(ws, ws.path.with_name("copy.dhr")),
], ids=["add person", "real names", "add note", "assign", "add user", "audit", "verify", "backup"])
def test_a_chair_can_do_nothing_but_read_and_comment(chair, action) -> None:
    with pytest.raises(PermissionDenied):
        action(chair)


def test_a_chair_reads_only_the_cases_given_to_them(chair) -> None:
    assert [c.reference for c in cases.list_cases(chair)] == ["DHR-2026-001"]
    assert cases.show_case(chair, "DHR-2026-001").area == "Northshire"
    with pytest.raises(NotFound):
        cases.show_case(chair, "DHR-2026-002")


def test_a_chair_adds_review_comments_to_their_case_only(chair, admin_ws) -> None:
    review.add_review_comment(chair, "DHR-2026-001", "Section 4 needs the scoping period.")
    with pytest.raises(NotFound):
        review.add_review_comment(chair, "DHR-2026-002", "Not mine to comment on.")
    [comment] = review.list_review_comments(admin_ws, "DHR-2026-001")
    assert (comment.author, comment.text, comment.status) == ("Chris Chair", "Section 4 needs the scoping period.",
                                                              "open")


def test_a_coordinator_runs_cases_but_not_users_or_backups(admin_ws, ws_path: Path) -> None:
    users.add_user(admin_ws, "Cora Coordinator", Role.COORDINATOR, "coordinator passphrase")
    coordinator = open_as(ws_path, "Cora Coordinator", "coordinator passphrase")
    cases.create_case(coordinator, "DHR-2026-009", "Westford", date(2026, 4, 1))
    people.add_person(coordinator, "DHR-2026-009", PersonRole.VICTIM, "Zebedee Quill", "Adult Z")
    with pytest.raises(PermissionDenied):
        users.add_user(coordinator, "Another", Role.CHAIR, "passphrase of another")
    with pytest.raises(PermissionDenied):
        backups.backup_workspace(coordinator, ws_path.with_name("copy.dhr"))


def test_only_chairs_are_assigned_cases(admin_ws) -> None:
    cases.create_case(admin_ws, "DHR-2026-001", "Northshire", date(2026, 1, 5))
    users.add_user(admin_ws, "Cora Coordinator", Role.COORDINATOR, "coordinator passphrase")
    with pytest.raises(InputError, match="only chairs"):
        cases.assign_case(admin_ws, "DHR-2026-001", "Cora Coordinator")
