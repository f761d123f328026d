"""The checks on what a coordinator types for a case."""

from datetime import date

import pytest

from dhr_manager.domain.cases import check_case_dates, normalise_reference, parse_date
from dhr_manager.domain.roles import Permission, Role, allows
from dhr_manager.errors import InputError


@pytest.mark.parametrize(("typed", "stored"), [
    ("dhr-2026-001", "DHR-2026-001"), ("  NS  DHR 2024/03 ", "NS DHR 2024/03"), ("dhr_7.b", "DHR_7.B")])
def test_references_are_trimmed_and_upper_cased(typed: str, stored: str) -> None:
    assert normalise_reference(typed) == stored


@pytest.mark.parametrize("typed", ["", "-DHR", "DHR;DROP", "x" * 41, "DHR#2026"])
def test_unusable_references_are_refused(typed: str) -> None:
    with pytest.raises(InputError, match="not a usable case reference"):
        normalise_reference(typed)


@pytest.mark.parametrize("typed", ["2026-02-30", "2023-02-29", "05/01/2026", "tomorrow"])
def test_impossible_dates_name_the_field(typed: str) -> None:
    with pytest.raises(InputError, match=f"--notified: '{typed}'"):
        parse_date(typed, "--notified")


def test_a_leap_day_is_a_real_date() -> None:
    assert parse_date("2024-02-29", "--notified") == date(2024, 2, 29)


def test_death_after_notification_or_in_the_future_is_refused() -> None:
    today = date(2026, 11, 22)
    check_case_dates(date(2026, 11, 22), date(2026, 11, 22), today)
    with pytest.raises(InputError, match="later than today"):
        check_case_dates(date(2026, 11, 23), None, today)
    with pytest.raises(InputError, match="after the date the CSP was notified"):
        check_case_dates(date(2026, 1, 5), date(2026, 1, 6), today)


def test_chairs_only_read_assigned_cases_and_comment() -> None:
    assert {p for p in Permission if allows(Role.CHAIR, p)} == {Permission.READ_ASSIGNED_CASES,
                                                               Permission.ADD_REVIEW_COMMENT}
    assert all(allows(Role.ADMINISTRATOR, p) for p in Permission)
    assert not allows(Role.COORDINATOR, Permission.MANAGE_USERS)
