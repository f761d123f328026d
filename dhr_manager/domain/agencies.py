"""Agencies: the organisations that sit on a review panel and send chronologies and reports.

The same agency serves many cases, so the workspace keeps one register of them; case events name an agency by
its registered spelling. Names compare without regard to case or spacing, because the same police force arrives
typed three ways across three years of letters.
"""

from dataclasses import dataclass
from enum import StrEnum

from dhr_manager.errors import InputError


class AgencyType(StrEnum):
    POLICE = "police"
    HEALTH = "health"
    MENTAL_HEALTH = "mental health"
    AMBULANCE = "ambulance"
    ADULT_SOCIAL_CARE = "adult social care"
    CHILDRENS_SOCIAL_CARE = "children's social care"
    PROBATION = "probation"
    HOUSING = "housing"
    DOMESTIC_ABUSE_SERVICE = "domestic abuse service"
    SUBSTANCE_MISUSE = "substance misuse"
    EDUCATION = "education"
    OTHER = "other"


@dataclass(frozen=True)
class AgencyView:
    """An agency as the services return it; `contact` is the person letters go to, sealed at rest."""

    id: str
    name: str
    kind: AgencyType
    contact: str | None


def agency_key(name: str) -> str:
    """The form two spellings of one agency share: spacing collapsed, case folded."""
    return " ".join(name.split()).casefold()


def parse_agency_type(text: str) -> AgencyType:
    cleaned = " ".join(text.split()).lower().replace("childrens", "children's")
    try:
        return AgencyType(cleaned)
    except ValueError:
        choices = ", ".join(kind.value for kind in AgencyType)
        raise InputError(f"'{text}' is not a type of agency; choose one of {choices}.") from None
