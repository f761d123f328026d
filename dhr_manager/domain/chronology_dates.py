"""Dates as agencies write them in chronologies, read the UK way and kept with their precision.

`03/04/2025` is 3 April 2025 (day first, as in every UK record). An approximate date (`March 2021`, `Spring 2019`,
`2019`, `c. 2018`) is kept as the range it names and is never turned into an invented day: the combined
chronology places it at the start of its range and marks it as approximate.
"""

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from dhr_manager.domain.calendar import add_months
from dhr_manager.errors import InputError


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


@dataclass(frozen=True)
class ChronologyDate:
    """A date or a range: `start` is where it sorts; `end` the last day it could be."""

    start: date
    end: date
    precision: Precision
    circa: bool = False

    @property
    def approximate(self) -> bool:
        return self.precision is not Precision.DAY or self.circa

    def text(self) -> str:
        """How the combined chronology shows it: as precise as the agency was, and no more."""
        if self.precision is Precision.DAY:
            shown = f"{self.start.day} {self.start:%b %Y}"
        elif self.precision is Precision.MONTH:
            shown = f"{self.start:%B %Y}"
        elif self.precision is Precision.SEASON:
            shown = f"{_SEASON_OF_MONTH[self.start.month].capitalize()} {self.start.year}"
        else:
            shown = str(self.start.year)
        return f"c. {shown}" if self.circa else shown


_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
# Meteorological seasons, as the Met Office uses them: winter runs from December into the next year.
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON_OF_MONTH = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}

_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"([a-z]+)\.?,?\s+(\d{4})")
_YEAR = re.compile(r"(\d{4})")
_ONE_DAY = timedelta(days=1)
_CIRCA = re.compile(r"^(?:circa|approximately|approx\.?|around|about|ca\.|c\.)\s*", re.IGNORECASE)


def _year(text: str, today: date) -> int:
    """Two-digit years are read as the most recent such year not after today (`03/04/25` is 2025)."""
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)
    return year if year <= today.year else year - 100


def _day(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(f"'{original}' is not a date that exists.") from None


def parse_chronology_date(text: str, today: date | None = None) -> ChronologyDate:
    """Read one date cell; raises `InputError` naming the text when it is no date or a date that cannot exist."""
    today = today or date.today()
    original = " ".join(str(text).split())
    cleaned = original.lower()
    circa = bool(_CIRCA.match(cleaned))
    cleaned = _CIRCA.sub("", cleaned).strip()
    if not cleaned:
        raise InputError("The date is empty.")

    if match := _ISO.fullmatch(cleaned):
        day = _day(int(match[1]), int(match[2]), int(match[3]), original)
        return ChronologyDate(day, day, Precision.DAY, circa)
    if match := _NUMERIC.fullmatch(cleaned):
        day = _day(_year(match[3], today), int(match[2]), int(match[1]), original)
        return ChronologyDate(day, day, Precision.DAY, circa)
    if (match := _WORDS.fullmatch(cleaned)) and match[2] in _MONTHS:
        day = _day(int(match[3]), _MONTHS[match[2]], int(match[1]), original)
        return ChronologyDate(day, day, Precision.DAY, circa)
    if (match := _MONTH_YEAR.fullmatch(cleaned)) and match[1] in _MONTHS:
        start = date(int(match[2]), _MONTHS[match[1]], 1)
        return ChronologyDate(start, add_months(start, 1) - _ONE_DAY, Precision.MONTH, circa)
    if (match := _MONTH_YEAR.fullmatch(cleaned)) and match[1] in _SEASONS:
        start = date(int(match[2]), _SEASONS[match[1]], 1)
        return ChronologyDate(start, add_months(start, 3) - _ONE_DAY, Precision.SEASON, circa)
    if match := _YEAR.fullmatch(cleaned):
        year = int(match[1])
        return ChronologyDate(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, circa)
    raise InputError(f"'{original}' is not a date this application can read: use a form such as 03/04/2025, "
                     "3 April 2025, 2025-04-03, March 2021, Spring 2019, 2019 or c. 2018.")


_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?")


def parse_chronology_time(text: str) -> time | None:
    """Read a time cell (`14:30`, `14.30`, `2.30pm`, `9am`); an empty cell is no time, not midnight."""
    cleaned = "".join(str(text).lower().split())
    if not cleaned:
        return None
    match = _TIME.fullmatch(cleaned)
    if match is None:
        raise InputError(f"'{text}' is not a time: use a form such as 14:30 or 2.30pm.")
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half is None and match[2] is None:
        raise InputError(f"'{text}' is not a time: use a form such as 14:30 or 2.30pm.")
    if half is not None:
        if not 1 <= hour <= 12:
            raise InputError(f"'{text}' is not a time that exists.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise InputError(f"'{text}' is not a time that exists.")
    return time(hour, minute)
