"""The England and Wales working-day calendar that deadlines are counted on.

Every expected date is worked out by hand from the GOV.UK bank holiday lists, never by the code under test.
"""

from datetime import date

import pytest

from dhr_manager.domain.calendar import add_months, add_offset, add_working_days, bank_holidays, is_working_day

# --- Christmas and New Year -------------------------------------------------------------------------------


def test_five_working_days_after_christmas_eve_2025_skip_the_bank_holidays() -> None:
    # Wed 24 Dec; Thu 25 and Fri 26 are bank holidays, then the weekend; 29, 30, 31 Dec; Thu 1 Jan is a bank
    # holiday; Fri 2 Jan; Mon 5 Jan is the fifth.
    assert add_working_days(date(2025, 12, 24), 5) == date(2026, 1, 5)


def test_the_working_day_after_new_years_eve_2025_is_friday_2_january() -> None:
    assert add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 2)
    assert add_working_days(date(2025, 12, 31), 2) == date(2026, 1, 5)


def test_christmas_2022_on_a_sunday_gives_a_substitute_day_on_tuesday_27_december() -> None:
    # Fri 23 Dec; weekend; Mon 26 Boxing Day; Tue 27 substitute for Christmas Day.
    assert add_working_days(date(2022, 12, 23), 1) == date(2022, 12, 28)
    assert not is_working_day(date(2022, 12, 27))


def test_new_year_2023_on_a_sunday_gives_a_substitute_day_on_monday_2_january() -> None:
    # Fri 23 Dec 2022: 28, 29, 30 Dec; weekend; Mon 2 Jan substitute; Tue 3 Jan; Wed 4 Jan is the fifth.
    assert add_working_days(date(2022, 12, 23), 5) == date(2023, 1, 4)
    assert not is_working_day(date(2023, 1, 2))


def test_christmas_and_boxing_day_2021_at_a_weekend_move_to_monday_and_tuesday() -> None:
    assert not is_working_day(date(2021, 12, 27))
    assert not is_working_day(date(2021, 12, 28))
    assert add_working_days(date(2021, 12, 24), 1) == date(2021, 12, 29)


# --- Easter ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(2025, 4, 18), date(2025, 4, 21), date(2026, 4, 3), date(2026, 4, 6)])
def test_good_friday_and_easter_monday_are_not_working_days(day: date) -> None:
    assert not is_working_day(day)


def test_the_working_day_after_maundy_thursday_is_the_tuesday_after_easter() -> None:
    assert add_working_days(date(2025, 4, 17), 1) == date(2025, 4, 22)
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)


def test_the_tuesday_after_easter_is_the_working_day_before_it_is_maundy_thursday() -> None:
    assert add_working_days(date(2025, 4, 22), -1) == date(2025, 4, 17)
    assert add_working_days(date(2026, 4, 7), -1) == date(2026, 4, 2)


# --- One-off and moved bank holidays ----------------------------------------------------------------------


def test_the_state_funeral_of_queen_elizabeth_ii_was_a_bank_holiday() -> None:
    assert not is_working_day(date(2022, 9, 19))
    assert add_working_days(date(2022, 9, 16), 1) == date(2022, 9, 20)


def test_the_coronation_of_king_charles_iii_was_a_bank_holiday() -> None:
    assert not is_working_day(date(2023, 5, 8))
    assert add_working_days(date(2023, 5, 5), 1) == date(2023, 5, 9)


def test_the_platinum_jubilee_gave_a_four_day_weekend() -> None:
    assert not is_working_day(date(2022, 6, 2))
    assert not is_working_day(date(2022, 6, 3))
    assert add_working_days(date(2022, 6, 1), 1) == date(2022, 6, 6)


def test_the_early_may_bank_holiday_2020_moved_to_ve_day() -> None:
    assert not is_working_day(date(2020, 5, 8))
    assert is_working_day(date(2020, 5, 4))


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 1, 2),  # 2 January, Scotland only
        date(2025, 8, 4),  # first Monday of August, Scotland's summer bank holiday
        date(2026, 11, 30),  # St Andrew's Day, Scotland only
        date(2027, 3, 17),  # St Patrick's Day, Northern Ireland only
        date(2027, 7, 12),  # Battle of the Boyne, Northern Ireland only
    ],
)
def test_scottish_and_northern_irish_bank_holidays_are_working_days_in_england_and_wales(day: date) -> None:
    assert is_working_day(day)


# --- Weekends, negative counts and zero --------------------------------------------------------------------


def test_chasing_five_working_days_before_skips_the_weekend_and_the_spring_bank_holiday() -> None:
    # Due Wed 28 May 2025: Tue 27; Mon 26 is the spring bank holiday; Fri 23, Thu 22, Wed 21, Tue 20.
    assert add_working_days(date(2025, 5, 28), -5) == date(2025, 5, 20)


def test_five_working_days_before_monday_5_january_2026_is_christmas_eve() -> None:
    assert add_working_days(date(2026, 1, 5), -5) == date(2025, 12, 24)


def test_counting_from_a_weekend_starts_from_the_next_or_previous_working_day() -> None:
    saturday, sunday = date(2026, 1, 3), date(2026, 1, 4)
    assert add_working_days(saturday, 1) == date(2026, 1, 5)
    assert add_working_days(sunday, 1) == date(2026, 1, 5)
    assert add_working_days(saturday, -1) == date(2026, 1, 2)
    assert add_working_days(sunday, -2) == date(2025, 12, 31)


def test_counting_from_a_bank_holiday_starts_from_the_next_working_day() -> None:
    assert add_working_days(date(2025, 12, 25), 1) == date(2025, 12, 29)
    assert add_working_days(date(2025, 12, 26), -1) == date(2025, 12, 24)


def test_zero_working_days_leaves_the_date_as_it_is_even_on_a_weekend() -> None:
    assert add_working_days(date(2026, 1, 3), 0) == date(2026, 1, 3)
    assert add_working_days(date(2025, 12, 25), 0) == date(2025, 12, 25)


def test_a_whole_year_of_working_days_ends_on_the_last_working_day_of_2025() -> None:
    # 2025 has 261 weekdays and 8 bank holidays, all on weekdays: 253 working days.
    assert add_working_days(date(2024, 12, 31), 253) == date(2025, 12, 31)
    assert add_working_days(date(2026, 1, 1), -253) == date(2025, 1, 2)


def test_answers_do_not_depend_on_which_years_were_asked_about_before() -> None:
    assert add_working_days(date(2025, 12, 24), 5) == date(2026, 1, 5)
    # A mistyped year far from the others (0202 for 2022).
    assert add_working_days(date(202, 5, 3), 3) == date(202, 5, 6)
    assert add_working_days(date(2025, 12, 24), 5) == date(2026, 1, 5)
    assert add_working_days(date(2026, 1, 5), -5) == date(2025, 12, 24)


def test_counting_past_the_last_or_first_representable_date_is_an_overflow() -> None:
    with pytest.raises(OverflowError):
        add_working_days(date(9999, 12, 31), 1)
    with pytest.raises(OverflowError):
        add_working_days(date(1, 1, 1), -1)


# --- Calendar months -------------------------------------------------------------------------------------


def test_one_month_is_the_same_date_next_month() -> None:
    assert add_months(date(2025, 6, 10), 1) == date(2025, 7, 10)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 8, 31), 1, date(2025, 9, 30)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 5, 31), 6, date(2025, 11, 30)),
    ],
)
def test_months_from_a_months_end_clamp_to_the_end_of_a_shorter_month(start: date, months: int, due: date) -> None:
    assert add_months(start, months) == due


def test_two_months_from_31_january_is_31_march_not_a_clamped_28th() -> None:
    assert add_months(date(2025, 1, 31), 2) == date(2025, 3, 31)


def test_a_year_from_a_leap_day_is_28_february_and_four_years_is_the_next_leap_day() -> None:
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)


def test_months_back_clamp_too() -> None:
    assert add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)
    assert add_months(date(2025, 5, 31), -13) == date(2024, 4, 30)


def test_months_past_year_9999_are_an_overflow() -> None:
    with pytest.raises(OverflowError):
        add_months(date(9999, 12, 1), 1)


# --- Offsets ---------------------------------------------------------------------------------------------


def test_an_offset_of_one_month_follows_the_end_of_month_rule() -> None:
    assert add_offset(date(2025, 1, 31), months=1) == date(2025, 2, 28)


def test_an_offset_of_six_weeks_is_42_calendar_days_even_onto_a_bank_holiday() -> None:
    assert add_offset(date(2025, 11, 20), weeks=6) == date(2026, 1, 1)


def test_an_offset_in_days_is_calendar_days_even_onto_a_weekend() -> None:
    assert add_offset(date(2025, 12, 24), days=10) == date(2026, 1, 3)
    assert add_offset(date(2026, 1, 3), days=-10) == date(2025, 12, 24)


def test_an_offset_in_working_days_skips_weekends_and_bank_holidays() -> None:
    assert add_offset(date(2025, 12, 24), working_days=5) == date(2026, 1, 5)
    assert add_offset(date(2026, 1, 5), working_days=-5) == date(2025, 12, 24)


def test_no_offset_leaves_the_date_as_it_is() -> None:
    assert add_offset(date(2026, 1, 3)) == date(2026, 1, 3)


def test_a_month_less_a_day_applies_the_month_first() -> None:
    # 1 Mar + 1 month = 1 Apr, less a day = 31 Mar (a day first would give 28 Feb + 1 month = 28 Mar).
    assert add_offset(date(2025, 3, 1), months=1, days=-1) == date(2025, 3, 31)


def test_working_days_are_counted_after_the_calendar_part_of_an_offset() -> None:
    # Thu 18 Dec 2025 + 1 week = Christmas Day; the next working day is Mon 29 Dec (a working day first would
    # give Fri 19 Dec + 1 week = Boxing Day).
    assert add_offset(date(2025, 12, 18), weeks=1, working_days=1) == date(2025, 12, 29)


def test_every_unit_together_applies_months_then_weeks_and_days_then_working_days() -> None:
    # 31 Jan 2025 + 1 month = Fri 28 Feb; + 1 week and 1 day = Sat 8 Mar; + 1 working day = Mon 10 Mar.
    assert add_offset(date(2025, 1, 31), months=1, weeks=1, days=1, working_days=1) == date(2025, 3, 10)


# --- The list shown to a coordinator -----------------------------------------------------------------------


def test_the_2025_bank_holidays_are_the_eight_on_gov_uk() -> None:
    assert list(bank_holidays(2025)) == [
        date(2025, 1, 1),
        date(2025, 4, 18),
        date(2025, 4, 21),
        date(2025, 5, 5),
        date(2025, 5, 26),
        date(2025, 8, 25),
        date(2025, 12, 25),
        date(2025, 12, 26),
    ]


def test_the_2022_list_shows_substitute_days_and_one_off_days_but_not_the_weekend_holidays_they_replace() -> None:
    holidays_2022 = bank_holidays(2022)
    assert list(holidays_2022) == [
        date(2022, 1, 3),
        date(2022, 4, 15),
        date(2022, 4, 18),
        date(2022, 5, 2),
        date(2022, 6, 2),
        date(2022, 6, 3),
        date(2022, 8, 29),
        date(2022, 9, 19),
        date(2022, 12, 26),
        date(2022, 12, 27),
    ]
    assert holidays_2022[date(2022, 12, 27)] == "Christmas Day (substitute day)"
    assert holidays_2022[date(2022, 1, 3)] == "New Year's Day (substitute day)"
    assert "Queen Elizabeth II" in holidays_2022[date(2022, 9, 19)]


def test_the_2020_list_has_ve_day_instead_of_the_first_monday_in_may() -> None:
    holidays_2020 = bank_holidays(2020)
    assert date(2020, 5, 8) in holidays_2020
    assert date(2020, 5, 4) not in holidays_2020
    assert holidays_2020[date(2020, 12, 28)] == "Boxing Day (substitute day)"


def test_changing_the_list_shown_does_not_change_the_calendar() -> None:
    shown = bank_holidays(2025)
    shown.clear()
    shown[date(2025, 6, 2)] = "Invented holiday"
    assert not is_working_day(date(2025, 12, 25))
    assert is_working_day(date(2025, 6, 2))
    assert date(2025, 6, 2) not in bank_holidays(2025)
