"""The people on a case. Real names, dates of birth and addresses are shown only here, to staff."""

from datetime import date

from sqlalchemy import select

from dhr_manager.domain.cases import UNREADABLE, PersonRole, PersonView, require_text
from dhr_manager.domain.roles import Permission
from dhr_manager.errors import InputError
from dhr_manager.services.case_access import find_case
from dhr_manager.storage.schema import PersonRow
from dhr_manager.storage.workspace import UnlockedWorkspace


def parse_person_role(text: str) -> PersonRole:
    try:
        return PersonRole(text.strip().lower())
    except ValueError:
        choices = ", ".join(role.value for role in PersonRole)
        raise InputError(f"'{text}' is not a role on a case; choose one of {choices}.") from None


def add_person(ws: UnlockedWorkspace, reference: str, role: PersonRole, name: str, pseudonym: str,
               date_of_birth: date | None = None, address: str | None = None,
               today: date | None = None) -> PersonView:
    """Record someone on the case. Everything but the role is sealed."""
    ws.require(Permission.EDIT_CASES)
    name = require_text(name, "The name", limit=200)
    pseudonym = require_text(pseudonym, "The pseudonym", limit=100)
    if pseudonym.casefold() == name.casefold():
        raise InputError("The pseudonym must differ from the real name: it is what drafts will show.")
    if date_of_birth is not None and date_of_birth > (today or date.today()):
        raise InputError(f"The date of birth ({date_of_birth.isoformat()}) is later than today.")
    address = require_text(address, "The address", limit=500) if address is not None else None
    with ws.unit_of_work(write=True) as uow:
        case = find_case(ws, uow, reference)
        if role is PersonRole.VICTIM and uow.session.scalars(
            select(PersonRow.id).where(PersonRow.case_id == case.id, PersonRow.role == role.value)
        ).first():
            raise InputError("This case already has a victim recorded.")
        row = PersonRow(case_id=case.id, role=role.value)
        for column, value in (("name", name), ("pseudonym", pseudonym), ("date_of_birth", date_of_birth),
                              ("address", address)):
            uow.sealer.put(row, column, value)
        uow.session.add(row)
        uow.record("person.add", "people", row.id, case.id)
    return PersonView(row.id, role, pseudonym, name, date_of_birth, address)


def list_people(ws: UnlockedWorkspace, reference: str) -> list[PersonView]:
    """Everyone on the case with their personal details: the one view where real names appear."""
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work() as uow:
        case = find_case(ws, uow, reference)
        views = []
        for row in uow.session.scalars(select(PersonRow).where(PersonRow.case_id == case.id)):
            flags: list[str] = []
            views.append(PersonView(
                row.id, PersonRole(row.role),
                uow.sealer.get_or_flag(row, "pseudonym", flags) or UNREADABLE,
                uow.sealer.get_or_flag(row, "name", flags) or UNREADABLE,
                uow.sealer.get_or_flag(row, "date_of_birth", flags),
                uow.sealer.get_or_flag(row, "address", flags),
            ))
    order = list(PersonRole)
    return sorted(views, key=lambda view: (order.index(view.role), view.pseudonym))
