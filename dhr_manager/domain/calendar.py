"""The working-day calendar for England and Wales, used to compute the deadlines of a review.

Domain brief section 3: "local deadlines given in working days skip weekends and England and Wales bank
holidays (Scotland and Northern Ireland differ). '1 month' means the same date next month (end-of-month rules
apply)."

Bank holidays come from the `holidays` package, country `GB`, subdivision `ENG`. England and Wales share one
list of bank holidays (the package's `ENG` and `WLS` lists are identical); `GB` without a subdivision gives only
the days all four nations share and misses Easter Monday and the August bank holiday. The list includes
substitute days and one-off days such as the State Funeral of Queen Elizabeth II (19 September 2022) and the
Coronation of King Charles III (8 May 2023). The package knows the years 1872 to 2100; outside them only
weekends are skipped, and a one-off bank holiday announced after the package was released is not known until
the package is updated.
"""

from bisect import bisect_left, bisect_right
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import cache
from threading import Lock
from typing import NamedTuple

import holidays

__all__ = ["add_months", "add_offset", "add_working_days", "bank_holidays", "is_working_day"]

# The package names England's list `ENG`; Wales (`WLS`) has the same bank holidays.
_SUBDIVISION = "ENG"


@cache
def _holidays_of(year: int) -> dict[date, str]:
    """The bank holidays falling on a weekday in `year`, built once per year.

    A holiday on a Saturday or Sunday (Christmas Day 2022) is dropped: the bank holiday is its substitute day
    (27 December 2022), which the package lists as "(observed)" and GOV.UK calls the "substitute day".
    """
    # The neighbouring years are asked for too, so that a substitute day that lands across a new year would
    # still be found (none does under today's rules).
    years = [y for y in (year - 1, year, year + 1) if MINYEAR <= y <= MAXYEAR]
    found = holidays.country_holidays("GB", subdiv=_SUBDIVISION, years=years)
    return {
        day: name.replace("(observed)", "(substitute day)")
        for day, name in sorted(found.items())
        if day.year == year and day.weekday() < 5
    }


@cache
def _working_ordinals(year: int) -> tuple[int, ...]:
    """The working days of `year` as sorted ordinals, built once per year."""
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError("date value out of range")
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    return tuple(o for o in range(first, last + 1) if is_working_day(date.fromordinal(o)))


def is_working_day(day: date) -> bool:
    """True when `day` is a Monday to Friday that is not an England and Wales bank holiday.

    These are the days a deadline "given in working days" counts.
    """
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def _walk(day: date, n: int) -> date:
    """`add_working_days` for any date and any `n`: bisect into `day`'s year, then move a year at a time."""
    ordinal = day.toordinal()
    year = day.year
    working = _working_ordinals(year)
    if n > 0:
        i = bisect_right(working, ordinal) + n - 1
        while i >= len(working):
            i -= len(working)
            year += 1
            working = _working_ordinals(year)
    else:
        i = bisect_left(working, ordinal) + n
        while i < 0:
            year -= 1
            working = _working_ordinals(year)
            i += len(working)
    return date.fromordinal(working[i])


class _Table(NamedTuple):
    """Every working day of the whole years `first_year` to `last_year`, and where each date sits among them.

    Computing the deadlines of every agency on every case calls `add_working_days` hundreds of thousands of
    times, so the common case is two lookups: `after[day] + n` (or `before[day] + n`) indexes `days`.
    """

    first_year: int
    last_year: int
    days: tuple[date, ...]
    after: dict[date, int]  # index in `days` of the last working day on or before the date
    before: dict[date, int]  # index in `days` of the first working day on or after the date


def _build_table(first_year: int, last_year: int) -> _Table:
    days: list[date] = []
    after: dict[date, int] = {}
    before: dict[date, int] = {}
    day = date(first_year, 1, 1)
    end = date(last_year, 12, 31)
    one_day = timedelta(days=1)
    while True:
        working = is_working_day(day)
        before[day] = len(days)
        if working:
            days.append(day)
        after[day] = len(days) - 1
        if day == end:
            break
        day += one_day
    return _Table(first_year, last_year, tuple(days), after, before)


# The table grows to the years asked about, a few at a time, but to no more than this many years: a mistyped
# year (0202 for 2022) must not build a table of two thousand years.
_TABLE_MAX_YEARS = 200
_TABLE_MARGIN_YEARS = 5
_table = _Table(0, -1, (), {}, {})
_table_lock = Lock()


def _add_working_days_and_grow(day: date, n: int) -> date:
    """The slow path of `add_working_days`: answer by walking, then grow the table to cover both dates."""
    global _table
    result = _walk(day, n)
    with _table_lock:
        table = _table
        low, high = sorted((day.year, result.year))
        low, high = max(MINYEAR, low - _TABLE_MARGIN_YEARS), min(MAXYEAR, high + _TABLE_MARGIN_YEARS)
        if table.days and max(high, table.last_year) - min(low, table.first_year) < _TABLE_MAX_YEARS:
            low, high = min(low, table.first_year), max(high, table.last_year)
        # Otherwise the table moves to the years now asked about, so that one mistyped year asked about first
        # cannot leave every later call on the slow path.
        if high - low < _TABLE_MAX_YEARS and (low, high) != (table.first_year, table.last_year):
            # Readers take `_table` once per call, so swapping in a new table is safe without a lock for them.
            _table = _build_table(low, high)
    return result


def add_working_days(day: date, n: int) -> date:
    """The `n`-th working day after `day`, or before it when `n` is negative.

    Working days "skip weekends and England and Wales bank holidays". `day` itself is never counted, so one
    working day after a Friday is the next Monday, and five working days before a due date is the date to
    chase ("chase 5 working days before it is due"). A weekend or bank holiday start counts from there: one
    working day after Saturday 3 January 2026 is Monday 5 January.

    `n == 0` returns `day` unchanged, even when it is not a working day: a zero offset means "on that date",
    and moving it would surprise a coordinator who set no offset. Raises OverflowError past year 1 or 9999.
    """
    if n == 0:
        return day
    table = _table
    try:
        if n > 0:
            return table.days[table.after[day] + n]
        i = table.before[day] + n
        if i >= 0:  # a negative index would count from the far end of the table
            return table.days[i]
    except (KeyError, IndexError):  # a date, or a result, outside the years the table holds
        pass
    return _add_working_days_and_grow(day, n)


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def add_months(day: date, n: int) -> date:
    """`n` calendar months after `day` (before it when `n` is negative).

    "'1 month' means the same date next month (end-of-month rules apply)": when next month is too short for
    the date, the deadline is that month's last day. 31 January + 1 month is 28 February (29 in a leap year),
    31 March + 1 month is 30 April, and 29 February 2024 + 12 months is 28 February 2025. Raises OverflowError
    past year 1 or 9999.
    """
    if n == 0:
        return day
    year, month_index = divmod(day.year * 12 + day.month - 1 + n, 12)
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError("date value out of range")
    month = month_index + 1
    return date(year, month, min(day.day, _days_in_month(year, month)))


def add_offset(day: date, *, months: int = 0, weeks: int = 0, days: int = 0, working_days: int = 0) -> date:
    """`day` moved by an offset such as "1 month", "6 weeks" or "10 working days"; any may be negative.

    A clock usually has one kind of offset. When it has several they are applied in a fixed order: months
    first (from the start date, so that "1 month" after 31 January ends on the last day of February, as
    `add_months`), then weeks and days together as calendar days, then working days counted from the date so
    reached (as `add_working_days`, so that date is not itself counted). Working days come last because they
    are the only unit that depends on which day it is; an offset with no working days may end on a weekend or a
    bank holiday, as a calendar deadline can.
    """
    result = add_months(day, months)
    if weeks or days:
        result += timedelta(weeks=weeks, days=days)
    return add_working_days(result, working_days)


def bank_holidays(year: int) -> dict[date, str]:
    """The England and Wales bank holidays of `year`, in date order, named for display.

    As on GOV.UK, these are the days offices close: a holiday falling at a weekend is replaced by its
    substitute day ("Christmas Day (substitute day)") and is not listed itself. The dictionary is a copy the
    caller may change.
    """
    return dict(_holidays_of(year))
