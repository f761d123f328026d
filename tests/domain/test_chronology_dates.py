"""Dates in agency chronologies: read the UK way, approximate ones kept with their precision, never invented."""

from datetime import date, time

import pytest

from dhr_manager.domain.chronology_dates import (
    ChronologyDate,
    Precision,
    parse_chronology_date,
    parse_chronology_time,
)
from dhr_manager.errors import InputError

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("text", ["03/04/2025", "3/4/2025", "03.04.2025", "03-04-2025", "03/04/25", "3 April 2025",
                                  "3rd Apr 2025", "3rd Apr. 2025", "2025-04-03", "  3  APRIL   2025 "])
def test_day_first_uk_dates_mean_3_april_2025(text: str) -> None:
    assert parse_chronology_date(text, TODAY) == ChronologyDate(date(2025, 4, 3), date(2025, 4, 3), Precision.DAY)


@pytest.mark.parametrize(("text", "start", "end", "precision", "circa", "shown"), [
    ("March 2021", date(2021, 3, 1), date(2021, 3, 31), Precision.MONTH, False, "March 2021"),
    ("Feb 2024", date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH, False, "February 2024"),
    ("Spring 2019", date(2019, 3, 1), date(2019, 5, 31), Precision.SEASON, False, "Spring 2019"),
    ("winter 2019", date(2019, 12, 1), date(2020, 2, 29), Precision.SEASON, False, "Winter 2019"),
    ("2019", date(2019, 1, 1), date(2019, 12, 31), Precision.YEAR, False, "2019"),
    ("c. 2018", date(2018, 1, 1), date(2018, 12, 31), Precision.YEAR, True, "c. 2018"),
    ("circa June 2017", date(2017, 6, 1), date(2017, 6, 30), Precision.MONTH, True, "c. June 2017"),
])
def test_approximate_dates_keep_their_range_and_are_never_a_made_up_day(
        text: str, start: date, end: date, precision: Precision, circa: bool, shown: str) -> None:
    parsed = parse_chronology_date(text, TODAY)
    assert (parsed.start, parsed.end, parsed.precision, parsed.circa) == (start, end, precision, circa)
    assert parsed.approximate
    assert parsed.text() == shown


def test_an_exact_date_is_shown_as_the_day() -> None:
    parsed = parse_chronology_date("03/04/2025", TODAY)
    assert not parsed.approximate and parsed.text() == "3 Apr 2025"


@pytest.mark.parametrize("text", ["31/02/2024", "29/02/2023", "2025-13-01", "32 March 2021", "00/01/2020"])
def test_dates_that_do_not_exist_are_refused_naming_the_text(text: str) -> None:
    with pytest.raises(InputError, match="not a date that exists") as caught:
        parse_chronology_date(text, TODAY)
    assert text in caught.value.message


@pytest.mark.parametrize("text", ["", "   ", "next Tuesday", "Smarch 2020", "2019/20", "12/2020/01"])
def test_text_that_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_chronology_date(text, TODAY)


def test_two_digit_years_are_the_latest_not_after_today() -> None:
    assert parse_chronology_date("01/01/26", TODAY).start == date(2026, 1, 1)
    assert parse_chronology_date("01/01/27", TODAY).start == date(1927, 1, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("14:30", time(14, 30)), ("14.30", time(14, 30)), ("2.30pm", time(14, 30)), ("9am", time(9, 0)),
    ("12am", time(0, 0)), ("12pm", time(12, 0)), ("  ", None), ("", None),
])
def test_times(text: str, expected: time | None) -> None:
    assert parse_chronology_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "13pm", "14", "noonish", "12:61"])
def test_impossible_times_are_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_chronology_time(text)
