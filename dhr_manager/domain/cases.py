"""What a case and the people on it are, and the checks on what a user types for them."""

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from dhr_manager.errors import InputError


class Stage(StrEnum):
    """The five stages of the domain brief (section 3), then closed."""

    NOTIFICATION = "notification"
    PANEL = "panel"
    CHRONOLOGY = "chronology"
    REPORT = "report"
    ACTION_PLAN = "action_plan"
    CLOSED = "closed"


class Status(StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"
    NOT_PROCEEDING = "not_proceeding"


class PersonRole(StrEnum):
    VICTIM = "victim"
    PERPETRATOR = "perpetrator"
    FAMILY = "family"
    OTHER = "other"


# Shown in place of a sealed value that does not open (tampered or moved); `verify` says which.
UNREADABLE = "[unreadable: run verify]"

_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 /_.-]{0,39}")


def normalise_reference(text: str) -> str:
    """Trim and upper-case a case reference such as `DHR-2026-001`; refuse what cannot be one.

    Local schemes differ (`DHR-2026-001`, `NS DHR 2024/03`), so any short run of letters, digits, spaces
    and `- / _ .` is accepted.
    """
    ref = " ".join(text.split()).upper()
    if not _REFERENCE.fullmatch(ref):
        raise InputError(
            f"'{text}' is not a usable case reference: use up to 40 letters, digits, spaces and - / _ . "
            "(for example DHR-2026-001)."
        )
    return ref


def parse_date(text: str, what: str) -> date:
    """Read a YYYY-MM-DD date typed by a user; `what` names the field in the message."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{what}: '{text}' is not a real date in the form YYYY-MM-DD.") from None


def check_case_dates(notified: date, date_of_death: date | None, today: date) -> None:
    """A CSP cannot have been notified in the future, nor of a death that had not happened yet."""
    if notified > today:
        raise InputError(f"The date the CSP was notified ({notified.isoformat()}) is later than today.")
    if date_of_death is not None:
        if date_of_death > today:
            raise InputError(f"The date of death ({date_of_death.isoformat()}) is later than today.")
        if date_of_death > notified:
            raise InputError(
                f"The date of death ({date_of_death.isoformat()}) is after the date the CSP was notified "
                f"({notified.isoformat()})."
            )


def require_text(value: str, what: str, limit: int = 500) -> str:
    """Trim a required free-text field and refuse it when empty or implausibly long."""
    cleaned = value.strip()
    if not cleaned:
        raise InputError(f"{what} cannot be empty.")
    if len(cleaned) > limit:
        raise InputError(f"{what} is longer than {limit} characters.")
    return cleaned


@dataclass(frozen=True)
class PersonView:
    """A person on a case as services return it; `name`, `dob` and `address` only where the caller may see them."""

    id: str
    role: PersonRole
    pseudonym: str
    name: str | None = None
    date_of_birth: date | None = None
    address: str | None = None


@dataclass(frozen=True)
class NoteView:
    id: str
    written_at: str
    author: str
    text: str


@dataclass(frozen=True)
class CaseView:
    """A case as the services return it: decrypted, detached from any database session."""

    id: str
    reference: str
    area: str
    notified: date
    date_of_death: date | None
    stage: Stage
    status: Status
    victim_pseudonym: str | None = None
    profile: str = ""
    people: list[PersonView] = field(default_factory=list)
    notes: list[NoteView] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
