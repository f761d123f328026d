"""Which column of an agency's table holds which part of a chronology entry.

Agencies name their columns in many ways ("Date of contact", "Details", "Action taken"). The application guesses
from the headers, shows its guess, and lets the coordinator correct it (`--map date=COL,event=COL` on the command
line). The combined chronology's columns follow common practice: Date | Time | Agency | Source / record reference
| Event | Action / outcome | Comments.
"""

import re
from enum import StrEnum

from dhr_manager.errors import InputError


class Field(StrEnum):
    DATE = "date"
    TIME = "time"
    SOURCE = "source"
    EVENT = "event"
    ACTION = "action"
    COMMENTS = "comments"


REQUIRED = (Field.DATE, Field.EVENT)

# Whole headers that name a field outright, then words that suggest it.
_EXACT = {
    Field.DATE: {"date", "date of contact", "contact date", "event date", "date of event", "date of incident", "when"},
    Field.TIME: {"time", "time of contact", "contact time", "event time"},
    Field.SOURCE: {"source", "source record reference", "record reference", "source reference", "reference", "ref",
                   "record", "source document", "record ref", "document"},
    Field.EVENT: {"event", "event contact", "contact", "details", "detail", "description", "summary",
                  "details of contact", "detail of contact", "nature of contact", "what happened", "information"},
    Field.ACTION: {"action", "outcome", "action outcome", "action taken", "outcome action taken", "response",
                   "actions taken", "outcome of contact"},
    Field.COMMENTS: {"comments", "comment", "notes", "analysis", "remarks", "author comments", "agency comments",
                     "observations"},
}
_WORDS = {
    Field.DATE: ("date",),
    Field.TIME: ("time",),
    Field.SOURCE: ("source", "reference", "record", "ref"),
    Field.EVENT: ("event", "contact", "detail", "description", "summary"),
    Field.ACTION: ("action", "outcome", "response"),
    Field.COMMENTS: ("comment", "note", "analysis", "remark"),
}


def _normalise(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.lower()).split())


def _score(field: Field, header: str) -> int:
    name = _normalise(header)
    if name in _EXACT[field]:
        return 3
    words = set(name.split())
    return 1 if any(word.startswith(stem) for word in words for stem in _WORDS[field]) else 0


def apply_overrides(guess: dict[Field, int], overrides: dict[Field, int | None]) -> dict[Field, int]:
    """The guess corrected by the coordinator's choices; a field set to no column is dropped."""
    merged = {**guess, **overrides}
    return {field: column for field, column in merged.items() if column is not None}


def guess_mapping(headers: list[str]) -> dict[Field, int]:
    """Each field's column index, best matches first; a column serves one field at most, and a field with no
    plausible column is left out for the coordinator to choose."""
    candidates = sorted(((_score(field, header), -list(Field).index(field), column, field)
                         for field in Field for column, header in enumerate(headers)), reverse=True)
    mapping: dict[Field, int] = {}
    used: set[int] = set()
    for score, _order, column, field in candidates:
        if score and field not in mapping and column not in used:
            mapping[field] = column
            used.add(column)
    return dict(sorted(mapping.items(), key=lambda item: list(Field).index(item[0])))


def missing_fields(mapping: dict[Field, int]) -> list[Field]:
    return [field for field in REQUIRED if field not in mapping]


def parse_map_option(text: str, headers: list[str]) -> dict[Field, int | None]:
    """Read `date=Date of contact,event=3,comments=`: a column by its header (any case) or its number counted from
    1; nothing after `=` means the field has no column (undoing a wrong guess)."""
    mapping: dict[Field, int | None] = {}
    by_name = {_normalise(header): index for index, header in enumerate(headers)}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, column = part.partition("=")
        if not sep:
            raise InputError(f"'{part}' in --map should look like date=COL.")
        try:
            field = Field(name.strip().lower())
        except ValueError:
            raise InputError(f"'{name.strip()}' is not a chronology field; use {', '.join(f.value for f in Field)}.") \
                from None
        column = column.strip()
        if not column:
            mapping[field] = None
        elif column.isdigit() and 1 <= int(column) <= len(headers):
            mapping[field] = int(column) - 1
        elif _normalise(column) in by_name:
            mapping[field] = by_name[_normalise(column)]
        else:
            raise InputError(f"There is no column '{column}'; the columns are: {', '.join(headers)}.")
    return mapping
