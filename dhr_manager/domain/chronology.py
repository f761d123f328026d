"""The combined chronology: every agency's entries in one order, with likely duplicates flagged, never dropped.

Order is by date, then time, then agency. An approximate date sorts at the start of its range and is marked, so
"March 2021" comes before every exact day in March 2021. Two entries from different agencies on the same day
whose text is very alike are flagged for the coordinator to decide; nothing is removed automatically.
"""

from dataclasses import dataclass
from datetime import date, time
from difflib import SequenceMatcher

from dhr_manager.domain.chronology_dates import ChronologyDate, Precision

DUPLICATE_SIMILARITY = 0.75


@dataclass(frozen=True)
class ChronologyEntry:
    id: str
    agency: str
    when: ChronologyDate
    at: time | None
    source: str
    event: str
    action: str
    comments: str
    key_event: bool = False
    row: int = 0  # the row in the agency's file, for messages

    def sort_key(self) -> tuple[date, time, str, int]:
        return (self.when.start, self.at or time.min, self.agency.casefold(), self.row)


def merged(entries: list[ChronologyEntry]) -> list[ChronologyEntry]:
    return sorted(entries, key=ChronologyEntry.sort_key)


def _words(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())


def likely_duplicates(entries: list[ChronologyEntry]) -> dict[str, list[str]]:
    """For each entry, the ids of entries from other agencies on the same exact day with very similar text."""
    by_day: dict[date, list[ChronologyEntry]] = {}
    for entry in entries:
        if entry.when.precision is Precision.DAY:
            by_day.setdefault(entry.when.start, []).append(entry)
    found: dict[str, list[str]] = {}
    for same_day in by_day.values():
        for i, first in enumerate(same_day):
            for second in same_day[i + 1:]:
                if first.agency.casefold() == second.agency.casefold():
                    continue
                ratio = SequenceMatcher(None, _words(first.event), _words(second.event)).ratio()
                if ratio >= DUPLICATE_SIMILARITY:
                    found.setdefault(first.id, []).append(second.id)
                    found.setdefault(second.id, []).append(first.id)
    return found


def outside_scope(entry: ChronologyEntry, scope: tuple[date, date] | None) -> bool:
    """Entirely before or after the scoping period agreed in the terms of reference (shown greyed, kept)."""
    if scope is None:
        return False
    return entry.when.end < scope[0] or entry.when.start > scope[1]
